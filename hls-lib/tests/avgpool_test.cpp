// Average pooling and global average pooling: FP against a direct double reference on odd
// shapes, strides and asymmetric pads with both divisor conventions; BP against an independent
// scatter formulation and the adjoint identity <FP(x), y> = <x, BP(y)>; a fixed-point run
// within its quantisation step.
#include <gtest/gtest.h>

#include "xai/avgpool.h"
#include "xai/types.h"
#include "support/test_configs.h"

using namespace xai_test;

namespace {

template <unsigned C, unsigned H, unsigned W, unsigned K, unsigned S, unsigned PT, unsigned PL, unsigned PB,
          unsigned PR, bool INCLUDE_PAD, class T = double, class ACC = T>
struct AvgCfg {
    static const unsigned channels = C, in_h = H, in_w = W, kernel = K, stride = S;
    static const unsigned pad_top = PT, pad_left = PL, pad_bottom = PB, pad_right = PR;
    static const bool count_include_pad = INCLUDE_PAD;
    typedef T act_t;
    typedef T grad_t;
    typedef ACC accum_t;
};

/// Divisor of window (oy, ox), computed from the definition.
template <class CFG> double divisor(unsigned oy, unsigned ox) {
    if (CFG::count_include_pad) return double(CFG::kernel * CFG::kernel);
    int n = 0;
    for (unsigned kh = 0; kh < CFG::kernel; kh++)
        for (unsigned kw = 0; kw < CFG::kernel; kw++) {
            const int y = int(oy * CFG::stride + kh) - int(CFG::pad_top), x = int(ox * CFG::stride + kw) - int(CFG::pad_left);
            n += y >= 0 && y < int(CFG::in_h) && x >= 0 && x < int(CFG::in_w);
        }
    return double(n);
}

template <class CFG> Vec reference_fp(const Vec& in) {
    typedef xai::avgpool_shape<CFG> SH;
    Vec out(CFG::channels * SH::out_h * SH::out_w);
    for (unsigned c = 0; c < CFG::channels; c++)
        for (unsigned oy = 0; oy < SH::out_h; oy++)
            for (unsigned ox = 0; ox < SH::out_w; ox++) {
                double s = 0.0;
                for (unsigned kh = 0; kh < CFG::kernel; kh++)
                    for (unsigned kw = 0; kw < CFG::kernel; kw++) {
                        const int y = int(oy * CFG::stride + kh) - int(CFG::pad_top);
                        const int x = int(ox * CFG::stride + kw) - int(CFG::pad_left);
                        if (y >= 0 && y < int(CFG::in_h) && x >= 0 && x < int(CFG::in_w))
                            s += in[(c * CFG::in_h + y) * CFG::in_w + x];
                    }
                out[(c * SH::out_h + oy) * SH::out_w + ox] = s / divisor<CFG>(oy, ox);
            }
    return out;
}

/// BP as a scatter: every window spreads its gradient over its cells inside the map.
template <class CFG> Vec reference_bp(const Vec& g) {
    typedef xai::avgpool_shape<CFG> SH;
    Vec gi(CFG::channels * CFG::in_h * CFG::in_w, 0.0);
    for (unsigned c = 0; c < CFG::channels; c++)
        for (unsigned oy = 0; oy < SH::out_h; oy++)
            for (unsigned ox = 0; ox < SH::out_w; ox++)
                for (unsigned kh = 0; kh < CFG::kernel; kh++)
                    for (unsigned kw = 0; kw < CFG::kernel; kw++) {
                        const int y = int(oy * CFG::stride + kh) - int(CFG::pad_top);
                        const int x = int(ox * CFG::stride + kw) - int(CFG::pad_left);
                        if (y >= 0 && y < int(CFG::in_h) && x >= 0 && x < int(CFG::in_w))
                            gi[(c * CFG::in_h + y) * CFG::in_w + x] +=
                                g[(c * SH::out_h + oy) * SH::out_w + ox] / divisor<CFG>(oy, ox);
                    }
    return gi;
}

template <class CFG> void check(uint64_t seed) {
    typedef xai::avgpool_shape<CFG> SH;
    const unsigned n_in = CFG::channels * CFG::in_h * CFG::in_w, n_out = CFG::channels * SH::out_h * SH::out_w;
    const Vec x = random_vec(seed, n_in), g = random_vec(seed + 1, n_out);
    Vec y(n_out, 99.0), gi(n_in, 99.0);
    xai::avgpool2d_fp<CFG>(x.data(), y.data());
    const Vec ry = reference_fp<CFG>(x);
    for (unsigned i = 0; i < n_out; i++) ASSERT_NEAR(y[i], ry[i], 1e-14) << "output " << i;
    xai::avgpool2d_bp<CFG>(g.data(), gi.data());
    const Vec rg = reference_bp<CFG>(g);
    for (unsigned i = 0; i < n_in; i++) ASSERT_NEAR(gi[i], rg[i], 1e-14) << "input cell " << i;
    // BP is FP's transpose.
    EXPECT_NEAR(dot(y, g), dot(x, gi), 1e-12 * (1.0 + std::fabs(dot(y, g))));
}

TEST(AveragePool, TwoByTwoStrideTwoOddShapeFloors) { check<AvgCfg<3, 7, 9, 2, 2, 0, 0, 0, 0, true>>(11); }
TEST(AveragePool, ResNetStyleThreeByThreeStrideTwoPadOne) { check<AvgCfg<2, 11, 13, 3, 2, 1, 1, 1, 1, true>>(12); }
TEST(AveragePool, PadsExcludedFromTheDivisor) { check<AvgCfg<2, 11, 13, 3, 2, 1, 1, 1, 1, false>>(13); }
TEST(AveragePool, AsymmetricOnnxPads) { check<AvgCfg<2, 6, 5, 3, 1, 0, 2, 1, 0, false>>(14); }
TEST(AveragePool, AsymmetricPadsCountedInTheDivisor) { check<AvgCfg<2, 6, 5, 3, 1, 2, 0, 0, 1, true>>(15); }
TEST(AveragePool, FiveByFiveStrideTwo) { check<AvgCfg<1, 12, 10, 5, 2, 2, 1, 2, 3, false>>(16); }
TEST(AveragePool, SevenBySevenStrideThreeOverlapping) { check<AvgCfg<1, 15, 16, 7, 3, 3, 3, 3, 3, true>>(17); }
TEST(AveragePool, KernelOneIsACopy) {
    typedef AvgCfg<2, 3, 4, 1, 1, 0, 0, 0, 0, true> CFG;
    check<CFG>(18);
    const Vec x = random_vec(19, 24);
    Vec y(24);
    xai::avgpool2d_fp<CFG>(x.data(), y.data());
    EXPECT_EQ(y, x);
}

TEST(AveragePool, OutputSizeAsPyTorchAndOnnx) {
    // floor((in + pads - K) / S) + 1
    EXPECT_EQ(unsigned(xai::avgpool_shape<AvgCfg<1, 11, 13, 3, 2, 1, 1, 1, 1, true>>::out_h), 6u);
    EXPECT_EQ(unsigned(xai::avgpool_shape<AvgCfg<1, 11, 13, 3, 2, 1, 1, 1, 1, true>>::out_w), 7u);
    EXPECT_EQ(unsigned(xai::avgpool_shape<AvgCfg<1, 6, 5, 3, 1, 0, 2, 1, 0, true>>::out_h), 5u);
    EXPECT_EQ(unsigned(xai::avgpool_shape<AvgCfg<1, 6, 5, 3, 1, 0, 2, 1, 0, true>>::out_w), 5u);
    EXPECT_EQ(unsigned(xai::avgpool_shape<AvgCfg<1, 7, 9, 2, 2, 0, 0, 0, 0, true>>::out_h), 3u);
}

TEST(AveragePool, FixedPointWithinItsQuantisationStep) {
    typedef xai::fixed_t<16, 6> act16; // 10 fraction bits
    typedef xai::fixed_t<32, 12> acc32;
    typedef AvgCfg<3, 9, 11, 3, 2, 1, 1, 1, 1, false, act16, acc32> CFG;
    typedef AvgCfg<3, 9, 11, 3, 2, 1, 1, 1, 1, false> DCFG;
    typedef xai::avgpool_shape<CFG> SH;
    const unsigned n_in = 3 * 9 * 11, n_out = 3 * SH::out_h * SH::out_w;
    const Vec x = to_dvec(cast_vec<act16>(random_vec(21, n_in, -4.0, 4.0)));
    const Vec g = to_dvec(cast_vec<act16>(random_vec(22, n_out, -4.0, 4.0)));
    const std::vector<act16> xq = cast_vec<act16>(x), gq = cast_vec<act16>(g);
    std::vector<act16> y(n_out), gi(n_in);
    xai::avgpool2d_fp<CFG>(xq.data(), y.data());
    xai::avgpool2d_bp<CFG>(gq.data(), gi.data());
    // One truncation to 10 fraction bits, plus the reciprocal's rounding (20 bits) times the sum.
    const double step = std::ldexp(1.0, -10) + 4.0 * 9 * std::ldexp(1.0, -20);
    const Vec ry = reference_fp<DCFG>(x), rg = reference_bp<DCFG>(g), yd = to_dvec(y), gd = to_dvec(gi);
    for (unsigned i = 0; i < n_out; i++) ASSERT_NEAR(yd[i], ry[i], step) << "output " << i;
    for (unsigned i = 0; i < n_in; i++) ASSERT_NEAR(gd[i], rg[i], step) << "input cell " << i;
}

template <unsigned C, unsigned H, unsigned W> struct GapCfg {
    static const unsigned channels = C, in_h = H, in_w = W;
    typedef double act_t;
    typedef double grad_t;
    typedef double accum_t;
};

TEST(GlobalAveragePool, MeanPerChannelAndEvenSpread) {
    typedef GapCfg<5, 7, 3> CFG;
    const Vec x = random_vec(31, 5 * 21), g = random_vec(32, 5);
    Vec y(5), gi(5 * 21, 99.0);
    xai::global_avgpool_fp<CFG>(x.data(), y.data());
    xai::global_avgpool_bp<CFG>(g.data(), gi.data());
    for (unsigned c = 0; c < 5; c++) {
        double s = 0.0;
        for (unsigned i = 0; i < 21; i++) s += x[c * 21 + i];
        EXPECT_NEAR(y[c], s / 21.0, 1e-15);
        for (unsigned i = 0; i < 21; i++) ASSERT_NEAR(gi[c * 21 + i], g[c] / 21.0, 1e-16);
    }
    EXPECT_NEAR(dot(y, g), dot(x, gi), 1e-13);
}

TEST(GlobalAveragePool, EqualsAnAveragePoolOverTheWholeMap) {
    typedef GapCfg<2, 4, 4> GAP4;
    typedef AvgCfg<2, 4, 4, 4, 4, 0, 0, 0, 0, true> AVG4;
    const Vec x = random_vec(33, 32);
    Vec a(2), b(2);
    xai::global_avgpool_fp<GAP4>(x.data(), a.data());
    xai::avgpool2d_fp<AVG4>(x.data(), b.data());
    EXPECT_NEAR(a[0], b[0], 1e-15);
    EXPECT_NEAR(a[1], b[1], 1e-15);
}

} // namespace
