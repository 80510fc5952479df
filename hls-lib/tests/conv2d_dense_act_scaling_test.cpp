// Per-layer activation exponents (act_in_exp, act_shift) in the convolution and dense blocks:
// a block fed its input scaled by 2^act_in_exp computes the unscaled block's output times
// 2^(act_in_exp + act_shift), with the same pool indices, masks and gradients. Float: equal
// (power-of-two scaling is exact); fixed: bit-exact against a per-MAC reference of the scheme.
// Named conv2d_* so it also runs in the XAI_HLS_LOOPS binary (the synthesized loop nests).
#include <gtest/gtest.h>

#include <cmath>

#include "xai/conv2d.h"
#include "xai/dense.h"
#include "xai/types.h"
#include "support/test_configs.h"
#include "support/engine_weight_image.h"

using namespace xai_test;

namespace {

typedef xai::fixed_t<16, 2, xai::AP_RND, xai::AP_SAT> act16; // stored activations in [-2, 2)
typedef xai::fixed_t<16, 1, xai::AP_RND, xai::AP_SAT> w16;
typedef xai::fixed_t<48, 19> a48; // 29 fraction bits: act16 x w16 products exactly

/// A block configuration with activation exponents added to an existing one.
template <class BASE, int IN_EXP, int SHIFT> struct Scaled : BASE {
    static const int act_in_exp = IN_EXP;
    static const int act_shift = SHIFT;
};

typedef ConvCfg<3, 5, 10, 12, 3, true, true, false, 2, 4, 4, 4, 2, 3, float> FloatConv;
typedef DenseCfg<37, 21, true, false, 16, float> FloatDense;

// Configurations without the members read as 0; with them, their values.
static_assert(xai::act_in_exp_of<FloatConv>::value == 0 && xai::act_shift_of<FloatConv>::value == 0, "");
static_assert(xai::act_in_exp_of<Scaled<FloatConv, 3, -5>>::value == 3, "");
static_assert(xai::act_shift_of<Scaled<FloatConv, 3, -5>>::value == -5, "");

std::vector<float> scaled(const std::vector<float>& v, int e) {
    std::vector<float> r(v.size());
    for (size_t i = 0; i < v.size(); i++) r[i] = std::ldexp(v[i], e);
    return r;
}

TEST(ActivationScaling, FloatConvolutionEqualsUnscaled) {
    typedef FloatConv U;
    typedef Scaled<FloatConv, 3, -5> S; // output exponent 3 - 5 = -2
    typedef xai::conv2d_shape<U> Sh;
    const std::vector<float> x = cast_vec<float>(random_vec(11, Sh::in_size, -1, 1));
    const std::vector<float> p = cast_vec<float>(random_vec(12, Sh::param_count, -0.5, 0.5));
    const std::vector<float> g = cast_vec<float>(random_vec(13, Sh::out_size, -1, 1));
    std::vector<float> yu(Sh::out_size), ys(Sh::out_size), gu(Sh::in_size), gs(Sh::in_size);
    std::vector<xai::pool_index_t> iu(Sh::out_size), is(Sh::out_size);
    xai::conv2d_fp<U, xai::GuidedBackprop>(x.data(), p.data(), yu.data(), nullptr, iu.data());
    const std::vector<float> xs = scaled(x, 3);
    xai::conv2d_fp<S, xai::GuidedBackprop>(xs.data(), p.data(), ys.data(), nullptr, is.data());
    unsigned positive = 0;
    for (unsigned o = 0; o < Sh::out_size; o++) {
        ASSERT_EQ(ys[o], std::ldexp(yu[o], -2)) << o;
        ASSERT_EQ(unsigned(is[o]), unsigned(iu[o])) << o;
        positive += yu[o] > 0;
    }
    ASSERT_GT(positive, 0u); // the ReLU passes something, so the comparison is not of zeros
    ASSERT_LT(positive, unsigned(Sh::out_size)); // copy: out_size is not defined out of line
    // BP recomputes the ReLU mask from the scaled output: same gradients.
    xai::conv2d_bp<U, xai::GuidedBackprop>(g.data(), p.data(), yu.data(), nullptr, iu.data(), gu.data());
    xai::conv2d_bp<S, xai::GuidedBackprop>(g.data(), p.data(), ys.data(), nullptr, is.data(), gs.data());
    for (unsigned i = 0; i < Sh::in_size; i++) ASSERT_EQ(gs[i], gu[i]) << i;
}

TEST(ActivationScaling, FloatDenseEqualsUnscaled) {
    typedef FloatDense U;
    typedef Scaled<FloatDense, -2, 4> S; // output exponent 2
    typedef xai::dense_shape<U> Sh;
    const std::vector<float> x = cast_vec<float>(random_vec(21, Sh::in_size, -1, 1));
    const std::vector<float> p = cast_vec<float>(random_vec(22, Sh::param_count, -0.5, 0.5));
    const std::vector<float> g = cast_vec<float>(random_vec(23, Sh::out_size, -1, 1));
    std::vector<float> yu(Sh::out_size), ys(Sh::out_size), gu(Sh::in_size), gs(Sh::in_size);
    xai::dense_fp<U, xai::Saliency>(x.data(), p.data(), yu.data(), nullptr);
    const std::vector<float> xs = scaled(x, -2);
    xai::dense_fp<S, xai::Saliency>(xs.data(), p.data(), ys.data(), nullptr);
    for (unsigned o = 0; o < Sh::out_size; o++) ASSERT_EQ(ys[o], std::ldexp(yu[o], 2)) << o;
    xai::dense_bp<U, xai::Saliency>(g.data(), p.data(), yu.data(), nullptr, gu.data());
    xai::dense_bp<S, xai::Saliency>(g.data(), p.data(), ys.data(), nullptr, gs.data());
    for (unsigned i = 0; i < Sh::in_size; i++) ASSERT_EQ(gs[i], gu[i]) << i;
}

template <unsigned CI, unsigned CO, unsigned H, unsigned W, bool POOL, int IN_EXP, int SHIFT> struct FixedConvCfg {
    static const unsigned in_c = CI, out_c = CO, height = H, width = W, kernel = 3;
    static const bool relu = true, pool = POOL, store_relu_mask = false, double_buffer = false;
    static const unsigned n_oh = 2, n_ow = 2, tile_h = 4, tile_w = 4, tile_ci = 2, tile_co = 3;
    typedef act16 act_t;
    typedef w16 weight_t;
    typedef a48 accum_t;
    typedef act16 grad_t;
    typedef a48 grad_accum_t;
    static const int grad_shift = 0;
    static const int act_in_exp = IN_EXP, act_shift = SHIFT;
};

/// Reference of the scheme, one MAC at a time in the fixed types: acc = bias * 2^IN_EXP,
/// acc += x_scaled * w, stored = quantize(acc * 2^SHIFT), ReLU, first-max pool.
template <class CFG> void check_fixed_conv_scaled(double true_in_range) {
    typedef xai::conv2d_shape<CFG> Sh;
    const unsigned H = CFG::height, W = CFG::width, CI = CFG::in_c, CO = CFG::out_c, K = CFG::kernel;
    const std::vector<act16> x = cast_vec<act16>(random_vec(31, Sh::in_size, -true_in_range, true_in_range));
    std::vector<act16> xs(x.size());
    for (size_t i = 0; i < x.size(); i++) xs[i] = act16(x[i].to_double() * std::ldexp(1.0, CFG::act_in_exp));
    const std::vector<w16> p = cast_vec<w16>(random_vec(32, Sh::param_count, -0.9, 0.9));
    std::vector<act16> pre(size_t(CO) * H * W);
    for (unsigned co = 0; co < CO; co++)
        for (unsigned y = 0; y < H; y++)
            for (unsigned xx = 0; xx < W; xx++) {
                a48 a = a48(a48(p[Sh::weight_count + co]) * a48(std::ldexp(1.0, CFG::act_in_exp)));
                for (unsigned ci = 0; ci < CI; ci++)
                    for (unsigned kh = 0; kh < K; kh++)
                        for (unsigned kw = 0; kw < K; kw++) {
                            const int iy = int(y + kh) - 1, ix = int(xx + kw) - 1;
                            if (iy < 0 || ix < 0 || iy >= int(H) || ix >= int(W)) continue;
                            a += xs[(ci * H + iy) * W + ix] * p[((co * CI + ci) * K + kh) * K + kw];
                        }
                act16 v = act16(a * a48(std::ldexp(1.0, CFG::act_shift)));
                pre[(co * H + y) * W + xx] = v > act16(0) ? v : act16(0);
            }
    std::vector<act16> out(Sh::out_size);
    std::vector<xai::pool_index_t> idx(Sh::out_size);
    xai::conv2d_fp<CFG, xai::Saliency>(xs.data(), p.data(), out.data(), nullptr, idx.data());
    unsigned nonzero = 0;
    for (unsigned co = 0; co < CO; co++)
        for (unsigned y = 0; y < Sh::out_h; y++)
            for (unsigned xx = 0; xx < Sh::out_w; xx++) {
                act16 ref = CFG::pool ? pre[(co * H + 2 * y) * W + 2 * xx] : pre[(co * H + y) * W + xx];
                if (CFG::pool)
                    for (unsigned k = 1; k < 4; k++) {
                        const act16 v = pre[(co * H + 2 * y + k / 2) * W + 2 * xx + k % 2];
                        if (v > ref) ref = v;
                    }
                const unsigned o = (co * Sh::out_h + y) * Sh::out_w + xx;
                ASSERT_EQ(xai::raw_bits(out[o]), xai::raw_bits(ref)) << "FP output " << o;
                nonzero += out[o] > act16(0);
            }
    ASSERT_GT(nonzero, 0u);
}

TEST(ActivationScaling, FixedConvolutionBitExactUpscaledInput) {
    // Small inputs (|x| < 0.2) stored 2^3 larger keep 3 more fraction bits; output 2^-1.
    check_fixed_conv_scaled<FixedConvCfg<3, 5, 8, 10, true, 3, -4>>(0.2);
}
TEST(ActivationScaling, FixedConvolutionBitExactDownscaledInput) {
    // Inputs up to 6 stored 2^-2 smaller (|stored| < 2); output exponent -4, saturating.
    check_fixed_conv_scaled<FixedConvCfg<4, 3, 7, 9, false, -2, -2>>(6.0);
}

TEST(ActivationScaling, FixedScaledCloserToFloatThanUnscaled) {
    // The point of the exponents: a conv whose true output is small keeps more precision
    // when its output is stored 2^3 larger.
    typedef FixedConvCfg<3, 4, 8, 8, false, 3, 0> Sc; // output exponent 3
    typedef FixedConvCfg<3, 4, 8, 8, false, 0, 0> Un;
    typedef xai::conv2d_shape<Sc> Sh;
    const Vec xv = random_vec(41, Sh::in_size, -0.1, 0.1), pv = random_vec(42, Sh::param_count, -0.1, 0.1);
    const std::vector<w16> p = cast_vec<w16>(pv);
    std::vector<act16> xu = cast_vec<act16>(xv), xs(xv.size()), yu(Sh::out_size), ys(Sh::out_size);
    for (size_t i = 0; i < xv.size(); i++) xs[i] = act16(xv[i] * 8);
    xai::conv2d_fp<Un, xai::Saliency>(xu.data(), p.data(), yu.data(), nullptr, nullptr);
    xai::conv2d_fp<Sc, xai::Saliency>(xs.data(), p.data(), ys.data(), nullptr, nullptr);
    // Float reference from the same quantized weights and the unquantized input.
    std::vector<float> xf(xv.begin(), xv.end()), pf(p.size()), yf(Sh::out_size);
    for (size_t i = 0; i < p.size(); i++) pf[i] = float(p[i].to_double());
    xai::conv2d_fp<ConvCfg<3, 4, 8, 8, 3, true, false, false, 2, 2, 4, 4, 2, 3, float>, xai::Saliency>(
        xf.data(), pf.data(), yf.data(), nullptr, nullptr);
    double err_u = 0, err_s = 0;
    for (unsigned o = 0; o < Sh::out_size; o++) {
        err_u += std::fabs(yu[o].to_double() - yf[o]);
        err_s += std::fabs(ys[o].to_double() / 8 - yf[o]);
    }
    EXPECT_LT(err_s, err_u / 4);
}

struct FixedDenseBase {
    static const unsigned n_in = 45, n_out = 19, tile = 16;
    static const bool relu = true, store_relu_mask = true;
    typedef act16 act_t;
    typedef w16 weight_t;
    typedef a48 accum_t;
    typedef act16 grad_t;
    typedef a48 grad_accum_t;
    static const int grad_shift = 0;
};

TEST(ActivationScaling, FixedDenseBitExact) {
    typedef Scaled<FixedDenseBase, 2, -5> CFG;
    typedef xai::dense_shape<CFG> Sh;
    const std::vector<act16> x = cast_vec<act16>(random_vec(51, Sh::in_size, -1.9, 1.9));
    const std::vector<w16> p = cast_vec<w16>(random_vec(52, Sh::param_count, -0.9, 0.9));
    std::vector<act16> y(Sh::out_size);
    Bits mask(Sh::out_size);
    const std::vector<w16> pe = dense_engine_params<CFG>(p); // the reference below reads PyTorch order
    xai::dense_fp<CFG, xai::GuidedBackprop>(x.data(), pe.data(), y.data(), mask.data());
    unsigned positive = 0;
    for (unsigned o = 0; o < Sh::out_size; o++) {
        a48 a = a48(a48(p[Sh::weight_count + o]) * a48(4.0));
        for (unsigned i = 0; i < Sh::in_size; i++) a += x[i] * p[o * Sh::in_size + i];
        const act16 v = act16(a * a48(1.0 / 32));
        const bool m = v > act16(0);
        ASSERT_EQ(xai::raw_bits(y[o]), xai::raw_bits(m ? v : act16(0))) << o;
        ASSERT_EQ(mask.data()[o], m) << o;
        positive += m;
    }
    ASSERT_GT(positive, 0u);
}

} // namespace
