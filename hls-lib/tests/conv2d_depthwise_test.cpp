// Depthwise convolutions (ONNX group = channels: output channel c convolves input channel c only)
// on the one convolution engine, with and without stride 2 and uneven padding: FP and BP (the
// channel-to-channel transpose with the method's ReLU rule) against a direct double reference,
// and the adjoint identity. Also runs in the XAI_HLS_LOOPS binary.
#include <gtest/gtest.h>

#include "xai/conv2d.h"
#include "support/test_configs.h"

using namespace xai_test;

namespace {

template <unsigned C, unsigned H, unsigned W, unsigned K, unsigned STRIDE, unsigned PT, unsigned PL, unsigned PB,
          unsigned PR, bool RELU, bool STORE, unsigned NOH, unsigned NOW, unsigned TH, unsigned TW, unsigned TCI,
          unsigned TCO, bool DOUBLE_BUFFER = false>
struct DwCfg {
    static const unsigned in_c = C, out_c = C, height = H, width = W, kernel = K, stride = STRIDE;
    static const unsigned pad_top = PT, pad_left = PL, pad_bottom = PB, pad_right = PR;
    static const bool depthwise = true;
    static const bool relu = RELU, pool = false, store_relu_mask = STORE;
    static const unsigned n_oh = NOH, n_ow = NOW, tile_h = TH, tile_w = TW, tile_ci = TCI, tile_co = TCO;
    static const bool double_buffer = DOUBLE_BUFFER;
    typedef double act_t;
    typedef double weight_t;
    typedef double accum_t;
    typedef double grad_t;
    typedef double grad_accum_t;
    static const int grad_shift = 0;
};

/// Position of kernel tap (kh, kw) of output (oy, ox) in the input, or false outside the map.
template <class CFG> bool tap(unsigned oy, unsigned ox, unsigned kh, unsigned kw, unsigned& y, unsigned& x) {
    const int yy = int(oy * CFG::stride + kh) - int(CFG::pad_top), xx = int(ox * CFG::stride + kw) - int(CFG::pad_left);
    if (yy < 0 || yy >= int(CFG::height) || xx < 0 || xx >= int(CFG::width)) return false;
    y = unsigned(yy);
    x = unsigned(xx);
    return true;
}

template <class CFG> Vec reference_fp(const Vec& in, const Vec& p) {
    typedef xai::conv2d_shape<CFG> SH;
    const unsigned K = CFG::kernel;
    Vec out(SH::out_size);
    for (unsigned c = 0; c < CFG::out_c; c++)
        for (unsigned oy = 0; oy < SH::out_h; oy++)
            for (unsigned ox = 0; ox < SH::out_w; ox++) {
                double s = p[SH::weight_count + c];
                unsigned y, x;
                for (unsigned kh = 0; kh < K; kh++)
                    for (unsigned kw = 0; kw < K; kw++)
                        if (tap<CFG>(oy, ox, kh, kw, y, x)) s += p[(c * K + kh) * K + kw] * in[(c * CFG::height + y) * CFG::width + x];
                out[(c * SH::out_h + oy) * SH::out_w + ox] = CFG::relu && s <= 0 ? 0.0 : s;
            }
    return out;
}

template <class CFG, class METHOD> Vec reference_bp(const Vec& g, const Vec& out, const Vec& p) {
    typedef xai::conv2d_shape<CFG> SH;
    const unsigned K = CFG::kernel;
    Vec dx(SH::in_size, 0.0);
    for (unsigned c = 0; c < CFG::out_c; c++)
        for (unsigned oy = 0; oy < SH::out_h; oy++)
            for (unsigned ox = 0; ox < SH::out_w; ox++) {
                const unsigned o = (c * SH::out_h + oy) * SH::out_w + ox;
                const double gg = CFG::relu ? METHOD::template backward<double>(out[o] > 0, g[o]) : g[o];
                unsigned y, x;
                for (unsigned kh = 0; kh < K; kh++)
                    for (unsigned kw = 0; kw < K; kw++)
                        if (tap<CFG>(oy, ox, kh, kw, y, x)) dx[(c * CFG::height + y) * CFG::width + x] += p[(c * K + kh) * K + kw] * gg;
            }
    return dx;
}

// DS-CNN / MobileNet shapes: 3x3 'same', stride 2 with pads 1, valid 5x5, uneven pads; channel
// counts that are not multiples of the tiles, tile_ci != tile_co (the depthwise tile is the
// smaller), double-buffered.
typedef ::testing::Types<DwCfg<5, 11, 13, 3, 1, 1, 1, 1, 1, true, true, 2, 2, 4, 4, 2, 2>,
                         DwCfg<7, 12, 9, 3, 2, 1, 1, 1, 1, true, false, 2, 2, 4, 4, 4, 3>,
                         DwCfg<3, 10, 10, 5, 1, 0, 0, 0, 0, true, true, 2, 4, 4, 8, 2, 4>,
                         DwCfg<6, 9, 7, 3, 2, 0, 1, 1, 0, false, false, 2, 2, 4, 4, 4, 4>,
                         DwCfg<5, 11, 13, 3, 2, 1, 1, 1, 1, true, true, 2, 2, 4, 4, 2, 2, true>>
    DwConfigs;

template <class CFG> class DepthwiseConvolutionTest : public ::testing::Test {};
TYPED_TEST_SUITE(DepthwiseConvolutionTest, DwConfigs);

template <class CFG, class METHOD> void check(uint64_t seed) {
    typedef xai::conv2d_shape<CFG> SH;
    static_assert(SH::weight_count == CFG::out_c * CFG::kernel * CFG::kernel, "depthwise weights are [C][1][K][K]");
    const Vec x = random_vec(seed, SH::in_size), p = random_vec(seed + 1, SH::param_count, -0.5, 0.5);
    const Vec g = random_vec(seed + 2, SH::out_size);
    Vec out(SH::out_size, -99.0), dx(SH::in_size, -99.0);
    Bits mask(SH::out_size);
    xai::conv2d_fp<CFG, METHOD>(x.data(), p.data(), out.data(), mask.data(), nullptr);
    const Vec ref = reference_fp<CFG>(x, p);
    for (unsigned i = 0; i < SH::out_size; i++) ASSERT_NEAR(out[i], ref[i], 1e-12) << "output " << i;
    xai::conv2d_bp<CFG, METHOD>(g.data(), p.data(), out.data(), mask.data(), nullptr, dx.data());
    const Vec rdx = reference_bp<CFG, METHOD>(g, ref, p);
    for (unsigned i = 0; i < SH::in_size; i++) ASSERT_NEAR(dx[i], rdx[i], 1e-12) << "input gradient " << i;
}

TYPED_TEST(DepthwiseConvolutionTest, Saliency) { check<TypeParam, xai::Saliency>(301); }
TYPED_TEST(DepthwiseConvolutionTest, DeconvNet) { check<TypeParam, xai::DeconvNet>(302); }
TYPED_TEST(DepthwiseConvolutionTest, GuidedBackprop) { check<TypeParam, xai::GuidedBackprop>(303); }

TEST(DepthwiseConvolution, BackwardIsTheTransposeOfTheLinearForward) {
    typedef DwCfg<6, 9, 7, 3, 2, 0, 1, 1, 0, false, false, 2, 2, 4, 4, 4, 4> CFG;
    typedef xai::conv2d_shape<CFG> SH;
    const Vec x = random_vec(311, SH::in_size), g = random_vec(312, SH::out_size);
    Vec p = random_vec(313, SH::param_count, -0.5, 0.5);
    for (unsigned i = SH::weight_count; i < SH::param_count; i++) p[i] = 0.0;
    Vec out(SH::out_size), dx(SH::in_size);
    xai::conv2d_fp<CFG, xai::Saliency>(x.data(), p.data(), out.data(), nullptr, nullptr);
    xai::conv2d_bp<CFG, xai::Saliency>(g.data(), p.data(), nullptr, nullptr, nullptr, dx.data());
    EXPECT_NEAR(dot(out, g), dot(x, dx), 1e-12 * (1.0 + std::fabs(dot(out, g))));
}

} // namespace
