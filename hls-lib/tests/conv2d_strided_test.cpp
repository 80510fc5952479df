// Convolutions with stride 2 and with less than 'same' padding (valid, asymmetric ONNX pads) on
// the one convolution engine: FP stores a grid of the 'same' convolution, BP puts the gradient
// back on the grid and runs the same flipped-transpose core (the fractionally strided
// convolution). Checked against a direct double reference of the strided, padded convolution
// and of its transpose with each method's ReLU rule, and by the adjoint identity. This file
// also runs in the XAI_HLS_LOOPS binary (banked buffers, synthesized loop nests).
#include <gtest/gtest.h>

#include "xai/conv2d.h"
#include "support/test_configs.h"

using namespace xai_test;

namespace {

template <unsigned CI, unsigned CO, unsigned H, unsigned W, unsigned K, unsigned STRIDE, unsigned PT, unsigned PL,
          unsigned PB, unsigned PR, bool RELU, bool STORE, unsigned NOH, unsigned NOW, unsigned TH, unsigned TW,
          unsigned TC, bool DOUBLE_BUFFER = false>
struct GridCfg {
    static const unsigned in_c = CI, out_c = CO, height = H, width = W, kernel = K, stride = STRIDE;
    static const unsigned pad_top = PT, pad_left = PL, pad_bottom = PB, pad_right = PR;
    static const bool relu = RELU, pool = false, store_relu_mask = STORE;
    static const unsigned n_oh = NOH, n_ow = NOW, tile_h = TH, tile_w = TW, tile_ci = TC, tile_co = TC;
    static const bool double_buffer = DOUBLE_BUFFER;
    typedef double act_t;
    typedef double weight_t;
    typedef double accum_t;
    typedef double grad_t;
    typedef double grad_accum_t;
    static const int grad_shift = 0;
};

/// out[co][oy][ox] = b[co] + sum w[co][ci][kh][kw] x[ci][oy*S - pt + kh][ox*S - pl + kw] (zero outside).
template <class CFG> Vec reference_fp(const Vec& x, const Vec& p) {
    typedef xai::conv2d_shape<CFG> SH;
    const unsigned K = CFG::kernel, S = CFG::stride;
    Vec out(SH::out_size);
    for (unsigned co = 0; co < CFG::out_c; co++)
        for (unsigned oy = 0; oy < SH::out_h; oy++)
            for (unsigned ox = 0; ox < SH::out_w; ox++) {
                double s = p[SH::weight_count + co];
                for (unsigned ci = 0; ci < CFG::in_c; ci++)
                    for (unsigned kh = 0; kh < K; kh++)
                        for (unsigned kw = 0; kw < K; kw++) {
                            const int y = int(oy * S + kh) - int(CFG::pad_top), xx = int(ox * S + kw) - int(CFG::pad_left);
                            if (y < 0 || y >= int(CFG::height) || xx < 0 || xx >= int(CFG::width)) continue;
                            s += p[((co * CFG::in_c + ci) * K + kh) * K + kw] * x[(ci * CFG::height + y) * CFG::width + xx];
                        }
                out[(co * SH::out_h + oy) * SH::out_w + ox] = CFG::relu && s <= 0 ? 0.0 : s;
            }
    return out;
}

/// The transpose: dx[ci][y][x] = sum over (co, oy, ox, kh, kw) hitting (y, x) of w * g', g' the
/// gradient after the method's ReLU rule (mask [out > 0]).
template <class CFG, class METHOD> Vec reference_bp(const Vec& g, const Vec& out, const Vec& p) {
    typedef xai::conv2d_shape<CFG> SH;
    const unsigned K = CFG::kernel, S = CFG::stride;
    Vec dx(SH::in_size, 0.0);
    for (unsigned co = 0; co < CFG::out_c; co++)
        for (unsigned oy = 0; oy < SH::out_h; oy++)
            for (unsigned ox = 0; ox < SH::out_w; ox++) {
                const unsigned o = (co * SH::out_h + oy) * SH::out_w + ox;
                const double gg = CFG::relu ? METHOD::template backward<double>(out[o] > 0, g[o]) : g[o];
                for (unsigned ci = 0; ci < CFG::in_c; ci++)
                    for (unsigned kh = 0; kh < K; kh++)
                        for (unsigned kw = 0; kw < K; kw++) {
                            const int y = int(oy * S + kh) - int(CFG::pad_top), xx = int(ox * S + kw) - int(CFG::pad_left);
                            if (y < 0 || y >= int(CFG::height) || xx < 0 || xx >= int(CFG::width)) continue;
                            dx[(ci * CFG::height + y) * CFG::width + xx] += p[((co * CFG::in_c + ci) * K + kh) * K + kw] * gg;
                        }
            }
    return dx;
}

// ResNet's stride-2 3x3 and 1x1 (shortcut) and 7x7 stem, LeNet's valid 5x5, ONNX's asymmetric
// pads, with and without stride; odd maps that are not multiples of the tiles; double-buffered.
typedef ::testing::Types<GridCfg<3, 5, 11, 13, 3, 2, 1, 1, 1, 1, true, true, 2, 2, 4, 4, 2>,
                         GridCfg<4, 3, 9, 10, 1, 2, 0, 0, 0, 0, false, false, 2, 2, 4, 4, 3>,
                         GridCfg<3, 4, 15, 16, 7, 2, 3, 3, 3, 3, true, false, 4, 4, 8, 8, 2>,
                         GridCfg<2, 5, 12, 10, 5, 1, 0, 0, 0, 0, true, true, 2, 2, 4, 4, 2>,
                         GridCfg<3, 3, 7, 9, 3, 1, 0, 1, 1, 0, true, false, 1, 2, 2, 4, 2>,
                         GridCfg<3, 4, 10, 9, 3, 2, 0, 0, 0, 0, true, true, 2, 2, 4, 4, 3>,
                         GridCfg<2, 3, 11, 8, 3, 2, 1, 0, 0, 1, true, false, 2, 2, 4, 4, 2>,
                         GridCfg<5, 7, 13, 11, 5, 2, 2, 1, 0, 2, true, true, 2, 4, 4, 8, 3>,
                         GridCfg<3, 5, 11, 13, 3, 2, 1, 1, 1, 1, true, true, 2, 2, 4, 4, 2, true>,
                         GridCfg<2, 5, 12, 10, 5, 1, 0, 0, 0, 0, true, true, 2, 2, 4, 4, 2, true>>
    GridConfigs;

template <class CFG> class ConvolutionGridTest : public ::testing::Test {};
TYPED_TEST_SUITE(ConvolutionGridTest, GridConfigs);

template <class CFG, class METHOD> void check(uint64_t seed) {
    typedef xai::conv2d_shape<CFG> SH;
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

TYPED_TEST(ConvolutionGridTest, Saliency) { check<TypeParam, xai::Saliency>(101); }
TYPED_TEST(ConvolutionGridTest, DeconvNet) { check<TypeParam, xai::DeconvNet>(102); }
TYPED_TEST(ConvolutionGridTest, GuidedBackprop) { check<TypeParam, xai::GuidedBackprop>(103); }

TYPED_TEST(ConvolutionGridTest, OutputSizeAsPyTorchAndOnnx) {
    typedef TypeParam CFG;
    typedef xai::conv2d_shape<CFG> SH;
    const unsigned padded_h = CFG::height + CFG::pad_top + CFG::pad_bottom, padded_w = CFG::width + CFG::pad_left + CFG::pad_right;
    EXPECT_EQ(unsigned(SH::out_h), (padded_h - CFG::kernel) / CFG::stride + 1);
    EXPECT_EQ(unsigned(SH::out_w), (padded_w - CFG::kernel) / CFG::stride + 1);
}

TEST(ConvolutionGrid, BackwardIsTheTransposeOfTheLinearForward) {
    // No ReLU, zero bias: <conv(x), g> = <x, conv^T(g)>.
    typedef GridCfg<3, 4, 11, 9, 3, 2, 0, 1, 1, 0, false, false, 2, 2, 4, 4, 2> CFG;
    typedef xai::conv2d_shape<CFG> SH;
    const Vec x = random_vec(201, SH::in_size), g = random_vec(202, SH::out_size);
    Vec p = random_vec(203, SH::param_count, -0.5, 0.5);
    for (unsigned i = SH::weight_count; i < SH::param_count; i++) p[i] = 0.0;
    Vec out(SH::out_size), dx(SH::in_size);
    xai::conv2d_fp<CFG, xai::Saliency>(x.data(), p.data(), out.data(), nullptr, nullptr);
    xai::conv2d_bp<CFG, xai::Saliency>(g.data(), p.data(), nullptr, nullptr, nullptr, dx.data());
    EXPECT_NEAR(dot(out, g), dot(x, dx), 1e-12 * (1.0 + std::fabs(dot(out, g))));
}

} // namespace
