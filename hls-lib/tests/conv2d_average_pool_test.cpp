// An average pool whose window lies inside the map runs on the convolution engine as a depthwise
// convolution with weights 1/K^2 and no bias (the SDK's import: an even K as K + 1 with a zero row
// and column where the padding allows). Checked here in double against avgpool.h, the independent
// pool block: FP equal, and BP (the engine's transposed convolution) equal to the pool's "spread
// evenly" gather, on odd maps, stride 1 and 2, with padding counted in the divisor.
#include <gtest/gtest.h>

#include "xai/avgpool.h"
#include "xai/conv2d.h"
#include "support/conv_reference.h"

using namespace xai_test;

namespace {

/// A K x K average pool (stride S, pads PT PL PB PR, count_include_pad) on C x H x W, and the
/// depthwise convolution of kernel KC (K or K + 1) that computes it, its zero row/column at the
/// start (ZERO_FIRST) or the end, with pads CT CL CB CR.
template <unsigned C, unsigned H, unsigned W, unsigned K, unsigned S, unsigned PT, unsigned PL, unsigned PB, unsigned PR,
          unsigned KC, bool ZERO_FIRST, unsigned CT, unsigned CL, unsigned CB, unsigned CR, bool DOUBLE_BUFFER = false>
struct PoolAsConv {
    struct pool : DoubleTypes {
        static const unsigned channels = C, in_h = H, in_w = W, kernel = K, stride = S;
        static const unsigned pad_top = PT, pad_left = PL, pad_bottom = PB, pad_right = PR;
        static const bool count_include_pad = true;
        typedef double accum_t;
    };
    struct conv : DoubleTypes {
        static const unsigned in_c = C, out_c = C, height = H, width = W, kernel = KC, stride = S;
        static const unsigned pad_top = CT, pad_left = CL, pad_bottom = CB, pad_right = CR;
        static const bool depthwise = true, relu = false, pool = false, store_relu_mask = false;
        static const unsigned n_oh = 2, n_ow = 2, tile_h = 4, tile_w = 4, tile_ci = 2, tile_co = 2;
        static const bool double_buffer = DOUBLE_BUFFER;
    };
    static const unsigned offset = ZERO_FIRST && KC != K ? 1 : 0;

    /// Weights [C][1][KC][KC] = 1/K^2 on the pool's window, 0 elsewhere; bias 0.
    static Vec params() {
        typedef xai::conv2d_shape<conv> SH;
        Vec p(SH::param_count, 0.0);
        for (unsigned c = 0; c < C; c++)
            for (unsigned y = 0; y < K; y++)
                for (unsigned x = 0; x < K; x++) p[(c * KC + y + offset) * KC + x + offset] = 1.0 / double(K * K);
        return p;
    }

    static void check(uint64_t seed) {
        typedef xai::conv2d_shape<conv> CS;
        typedef xai::avgpool_shape<pool> PS;
        static_assert(CS::out_h == PS::out_h && CS::out_w == PS::out_w, "the convolution computes the pool's windows");
        const unsigned in_size = C * H * W, out_size = C * PS::out_h * PS::out_w;
        const Vec x = random_vec(seed, in_size), g = random_vec(seed + 1, out_size), p = params();
        Vec pooled(out_size), convolved(out_size, -99.0), spread(in_size), transposed(in_size, -99.0);
        xai::avgpool2d_fp<pool>(x.data(), pooled.data());
        xai::conv2d_fp<conv, xai::Saliency>(x.data(), p.data(), convolved.data(), nullptr, nullptr);
        for (unsigned i = 0; i < out_size; i++) ASSERT_NEAR(convolved[i], pooled[i], 1e-12) << "output " << i;
        xai::avgpool2d_bp<pool>(g.data(), spread.data());
        xai::conv2d_bp<conv, xai::Saliency>(g.data(), p.data(), nullptr, nullptr, nullptr, transposed.data());
        for (unsigned i = 0; i < in_size; i++) ASSERT_NEAR(transposed[i], spread[i], 1e-12) << "input gradient " << i;
    }
};

TEST(AveragePoolOnTheConvolutionEngine, TwoByTwoStrideTwoOnAnOddMapDropsTheLastRowAndColumn) {
    PoolAsConv<3, 13, 11, 2, 2, 0, 0, 0, 0, 3, false, 0, 0, 1, 1>::check(401);
}

TEST(AveragePoolOnTheConvolutionEngine, ThreeByThreeStrideOnePadded) {
    PoolAsConv<4, 6, 5, 3, 1, 1, 1, 1, 1, 3, false, 1, 1, 1, 1>::check(402);
}

TEST(AveragePoolOnTheConvolutionEngine, ThreeByThreeStrideTwoPaddedDoubleBuffered) {
    PoolAsConv<5, 9, 10, 3, 2, 1, 1, 1, 1, 3, false, 1, 1, 1, 1, true>::check(403);
}

TEST(AveragePoolOnTheConvolutionEngine, FourByFourStrideTwoPaddedAsFiveByFive) {
    PoolAsConv<6, 6, 5, 4, 2, 1, 1, 1, 1, 5, false, 1, 1, 2, 2>::check(404);
}

TEST(AveragePoolOnTheConvolutionEngine, TwoByTwoStrideOneWithTheZeroRowFirst) {
    // Pads [0,0,1,1] on the pool take the zero row and column at the kernel's start: [1,1,1,1].
    PoolAsConv<2, 7, 8, 2, 1, 0, 0, 1, 1, 3, true, 1, 1, 1, 1>::check(405);
}

} // namespace
