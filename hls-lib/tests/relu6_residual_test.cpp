// ReLU6 (Captum's plain gradient for every method, strict at 0 and 6, in the stored scale) and
// the residual join and fork (exponent alignment, fused ReLU with each method's rule).
#include <gtest/gtest.h>

#include "xai/relu6.h"
#include "xai/residual_add.h"
#include "xai/types.h"
#include "support/test_configs.h"

using namespace xai_test;

namespace {

template <unsigned N, int EXP, bool STORE, class T = double> struct Relu6Cfg {
    static const unsigned n_elem = N;
    static const int act_exp = EXP;
    static const bool store_clip_mask = STORE;
    typedef T act_t;
    typedef T grad_t;
};

template <class METHOD, bool STORE> void check_relu6() {
    // Stored at exponent 2: the clip level is 6 * 4 = 24; the ends themselves pass no gradient.
    typedef Relu6Cfg<8, 2, STORE> CFG;
    const Vec x = {-3.0, 0.0, 0.25, 12.0, 23.99, 24.0, 24.5, 100.0};
    const Vec want_y = {0.0, 0.0, 0.25, 12.0, 23.99, 24.0, 24.0, 24.0};
    const Vec g = {1.0, 2.0, -3.0, 4.0, -5.0, 6.0, 7.0, 8.0};
    const Vec want_gi = {0.0, 0.0, -3.0, 4.0, -5.0, 0.0, 0.0, 0.0};
    Vec y(8), gi(8, 99.0);
    Bits mask(8);
    xai::relu6_fp<CFG, METHOD>(x.data(), y.data(), mask.data());
    EXPECT_EQ(y, want_y);
    xai::relu6_bp<CFG, METHOD>(g.data(), STORE ? mask.data() : nullptr, STORE ? nullptr : y.data(), gi.data());
    EXPECT_EQ(gi, want_gi); // negative gradients pass too: no method rule at a ReLU6 (Captum)
}

TEST(Relu6, SaliencyStoredMask) { check_relu6<xai::Saliency, true>(); }
TEST(Relu6, DeconvNetNeedsTheClipMaskToo) { check_relu6<xai::DeconvNet, true>(); }
TEST(Relu6, GuidedBackpropRecomputedMask) { check_relu6<xai::GuidedBackprop, false>(); }

TEST(Relu6, FixedPointClipLevelIsExact) {
    typedef xai::fixed_t<16, 6> act16;
    typedef Relu6Cfg<3, 1, true, act16> CFG; // level 12
    const std::vector<act16> x = {act16(11.5), act16(12.0), act16(13.0)};
    std::vector<act16> y(3);
    Bits mask(3);
    xai::relu6_fp<CFG, xai::Saliency>(x.data(), y.data(), mask.data());
    EXPECT_EQ(double(y[0]), 11.5);
    EXPECT_EQ(double(y[1]), 12.0);
    EXPECT_EQ(double(y[2]), 12.0);
    EXPECT_TRUE(mask.data()[0]);
    EXPECT_FALSE(mask.data()[1]);
}

template <unsigned N, bool RELU, bool STORE, int SA, int SB, int GA, int GB, class T = double> struct AddCfg {
    static const unsigned n_elem = N;
    static const bool relu = RELU, store_relu_mask = STORE;
    static const int a_shift = SA, b_shift = SB, grad_a_shift = GA, grad_b_shift = GB;
    typedef T act_t;
    typedef T grad_t;
    typedef T accum_t;
};

template <unsigned N, int SM, int SS, class T = double, class ACC = T> struct ForkCfg {
    static const unsigned n_elem = N;
    static const int main_shift = SM, skip_shift = SS;
    typedef T grad_t;
    typedef ACC accum_t;
};

template <class METHOD, bool STORE> void check_join() {
    // a at exponent 3, b at exponent 1, output at exponent 2: out = a / 2 + b * 2.
    typedef AddCfg<64, true, STORE, -1, 1, 1, -2> CFG;
    const Vec a = random_vec(41, 64, -8.0, 8.0), b = random_vec(42, 64, -2.0, 2.0), g = random_vec(43, 64);
    Vec y(64), ga(64), gb(64);
    Bits mask(64);
    xai::residual_add_fp<CFG, METHOD>(a.data(), b.data(), y.data(), mask.data());
    xai::residual_add_bp<CFG, METHOD>(g.data(), STORE ? mask.data() : nullptr, STORE ? nullptr : y.data(), ga.data(),
                                      gb.data());
    for (unsigned i = 0; i < 64; i++) {
        const double sum = a[i] * 0.5 + b[i] * 2.0;
        ASSERT_EQ(y[i], sum > 0 ? sum : 0.0);
        const bool on = sum > 0;
        const double rule = std::is_same<METHOD, xai::Saliency>::value   ? (on ? g[i] : 0.0)
                            : std::is_same<METHOD, xai::DeconvNet>::value ? std::max(g[i], 0.0)
                                                                          : (on && g[i] > 0 ? g[i] : 0.0);
        ASSERT_EQ(ga[i], rule * 2.0) << i;
        ASSERT_EQ(gb[i], rule * 0.25) << i;
    }
}

TEST(ResidualAdd, SaliencyAlignsExponentsAndRoutesThroughTheReLU) { check_join<xai::Saliency, true>(); }
TEST(ResidualAdd, DeconvNetIgnoresTheForwardSign) { check_join<xai::DeconvNet, false>(); }
TEST(ResidualAdd, GuidedBackpropRecomputedMask) { check_join<xai::GuidedBackprop, false>(); }

TEST(ResidualAdd, WithoutReluBothBranchesGetTheGradient) {
    typedef AddCfg<16, false, false, 0, 0, 0, 0> CFG;
    const Vec a = random_vec(44, 16), b = random_vec(45, 16), g = random_vec(46, 16);
    Vec y(16), ga(16), gb(16);
    xai::residual_add_fp<CFG, xai::GuidedBackprop>(a.data(), b.data(), y.data(), nullptr);
    xai::residual_add_bp<CFG, xai::GuidedBackprop>(g.data(), nullptr, nullptr, ga.data(), gb.data());
    for (unsigned i = 0; i < 16; i++) ASSERT_EQ(y[i], a[i] + b[i]);
    EXPECT_EQ(ga, g);
    EXPECT_EQ(gb, g);
}

TEST(ResidualFork, SumsTheTwoGradientsAlignedAndRoundsOnce) {
    typedef xai::fixed_t<16, 4> g16; // 12 fraction bits
    typedef xai::fixed_t<32, 8> a32;
    typedef ForkCfg<64, 1, -3, g16, a32> CFG; // sum exponent: main + 1, skip - 3
    const std::vector<g16> m = cast_vec<g16>(random_vec(47, 64, -1.0, 1.0)), s = cast_vec<g16>(random_vec(48, 64, -4.0, 4.0));
    std::vector<g16> out(64);
    xai::residual_fork_bp<CFG>(m.data(), s.data(), out.data());
    for (unsigned i = 0; i < 64; i++) {
        const double exact = double(m[i]) * 2.0 + double(s[i]) / 8.0;
        // One truncation toward minus infinity to 12 fraction bits of the exact aligned sum.
        ASSERT_EQ(double(out[i]), std::floor(exact * 4096.0) / 4096.0) << i;
    }
}

} // namespace
