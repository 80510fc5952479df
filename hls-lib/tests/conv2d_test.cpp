// ConvolutionBlock: FP (bias, ReLU, pool, mask/index) and BP (flipped-transpose on the same
// core, fused unpool + ReLU rule) against the double reference, over odd shapes, several
// kernel sizes and the paper's N_OH x N_OW configurations.
#include <gtest/gtest.h>

#include "xai/conv2d.h"
#include "support/test_configs.h"

using namespace xai_test;

namespace {

template <class CFG> struct ConvCase {
    typedef typename CFG::act_t T;
    typedef xai::conv2d_shape<CFG> S;
    Vec x, params, pre, out_ref;
    std::vector<int> idx_ref;

    explicit ConvCase(uint64_t seed) {
        x = random_vec(seed, S::in_size);
        params = random_vec(seed + 1, S::param_count, -0.5, 0.5);
        pre = ref_conv(x, params.data(), params.data() + S::weight_count, CFG::in_c, CFG::out_c, CFG::height,
                       CFG::width, CFG::kernel);
        out_ref = CFG::relu ? ref_relu(pre) : pre;
        if (CFG::pool) out_ref = ref_pool(out_ref, CFG::out_c, CFG::height, CFG::width, &idx_ref);
    }
};

// Shapes: odd kernels 1/3/5, channel counts not multiples of the tiles, H/W not multiples
// of the tiles or of N_OH/N_OW, odd pool dimensions; and the paper's engines.
typedef ::testing::Types<
    ConvCfg<5, 7, 11, 13, 5, true, true, false, 2, 4, 4, 8, 2, 3, double>,
    ConvCfg<3, 5, 10, 14, 5, true, true, true, 4, 4, 8, 8, 4, 4, double>,
    ConvCfg<7, 3, 9, 7, 3, true, false, false, 1, 1, 2, 2, 3, 2, double>,
    ConvCfg<3, 4, 6, 5, 1, false, false, false, 2, 1, 4, 2, 2, 2, double>,
    ConvCfg<5, 6, 7, 9, 3, false, true, false, 2, 2, 4, 4, 5, 6, double>,
    ConvCfg<2, 2, 9, 20, 1, false, true, false, 2, 2, 8, 8, 2, 2, double>, // kernel 1, odd rows, pool
    ConvCfg<32, 32, 32, 32, 3, true, true, false, 4, 4, 16, 16, 16, 16, float>,
    ConvCfg<32, 64, 16, 16, 3, true, false, false, 4, 8, 16, 16, 16, 16, float>,
    ConvCfg<64, 64, 16, 16, 3, true, true, false, 8, 8, 16, 16, 16, 16, float>,
    // double-buffered (DATAFLOW step loop): odd shapes with pool, several input-channel tiles
    ConvCfg<5, 7, 11, 13, 5, true, true, false, 2, 4, 4, 8, 2, 3, double, 0, true>,
    ConvCfg<2, 2, 9, 20, 1, false, true, false, 2, 2, 8, 8, 2, 2, double, 0, true>,
    ConvCfg<32, 64, 16, 16, 3, true, false, false, 4, 8, 16, 16, 16, 16, float, 0, true>>
    ConvConfigs;

template <class CFG> class ConvolutionBlockTest : public ::testing::Test {};
TYPED_TEST_SUITE(ConvolutionBlockTest, ConvConfigs);

TYPED_TEST(ConvolutionBlockTest, ForwardMatchesReferenceWithReluPoolAndIndex) {
    typedef TypeParam CFG;
    typedef typename CFG::act_t T;
    typedef xai::conv2d_shape<CFG> S;
    ConvCase<CFG> tc(11);
    std::vector<T> x = cast_vec<T>(tc.x), p = cast_vec<T>(tc.params), out(S::out_size, T(-99));
    std::vector<xai::pool_index_t> idx(S::out_size, 9);
    Bits mask(S::out_size);
    bool* maskp = mask.data();
    xai::conv2d_fp<CFG, xai::Saliency>(x.data(), p.data(), out.data(), maskp, idx.data());
    const double tol = sizeof(T) == 4 ? 1e-5 : 1e-12;
    EXPECT_LT(rel_max_err(to_dvec(out), tc.out_ref), tol);
    if (CFG::pool) {
        for (size_t i = 0; i < idx.size(); i++) ASSERT_EQ(int(idx[i]), tc.idx_ref[i]) << "pool index " << i;
    }
    if (CFG::relu && CFG::store_relu_mask) {
        for (size_t i = 0; i < out.size(); i++) ASSERT_EQ(maskp[i], out[i] > T(0)) << "mask " << i;
    }
}

TYPED_TEST(ConvolutionBlockTest, DeconvNetForwardWritesNoMask) {
    typedef TypeParam CFG;
    typedef typename CFG::act_t T;
    typedef xai::conv2d_shape<CFG> S;
    ConvCase<CFG> tc(12);
    std::vector<T> x = cast_vec<T>(tc.x), p = cast_vec<T>(tc.params), out(S::out_size);
    std::vector<xai::pool_index_t> idx(S::out_size);
    Bits mask(S::out_size);
    xai::conv2d_fp<CFG, xai::DeconvNet>(x.data(), p.data(), out.data(), mask.data(), idx.data());
    for (size_t i = 0; i < mask.n; i++) ASSERT_FALSE(mask.data()[i]);
}

template <class CFG, class METHOD> void check_backward(RefMethod rm, uint64_t seed) {
    typedef typename CFG::act_t T;
    typedef xai::conv2d_shape<CFG> S;
    ConvCase<CFG> tc(seed);
    std::vector<T> x = cast_vec<T>(tc.x), p = cast_vec<T>(tc.params), out(S::out_size);
    std::vector<xai::pool_index_t> idx(S::out_size);
    Bits mask(S::out_size);
    bool* maskp = mask.data();
    xai::conv2d_fp<CFG, METHOD>(x.data(), p.data(), out.data(), maskp, idx.data());

    Vec gout = random_vec(seed + 5, S::out_size);
    std::vector<T> g = cast_vec<T>(gout), gin(S::in_size, T(-99));
    xai::conv2d_bp<CFG, METHOD>(g.data(), p.data(), out.data(), maskp, idx.data(), gin.data());

    Vec gpre = gout;
    if (CFG::pool) gpre = ref_unpool(gpre, tc.idx_ref, CFG::out_c, CFG::height, CFG::width);
    if (CFG::relu) gpre = ref_relu_bp(tc.pre, gpre, rm);
    Vec ref = ref_conv_bp(gpre, tc.params.data(), CFG::in_c, CFG::out_c, CFG::height, CFG::width, CFG::kernel);
    const double tol = sizeof(T) == 4 ? 1e-5 : 1e-12;
    EXPECT_LT(rel_max_err(to_dvec(gin), ref), tol);
    EXPECT_GT(max_abs(ref), 0.0);
}

TYPED_TEST(ConvolutionBlockTest, BackwardSaliencyMatchesReference) { check_backward<TypeParam, xai::Saliency>(RefMethod::Saliency, 21); }
TYPED_TEST(ConvolutionBlockTest, BackwardDeconvNetMatchesReference) { check_backward<TypeParam, xai::DeconvNet>(RefMethod::DeconvNet, 22); }
TYPED_TEST(ConvolutionBlockTest, BackwardGuidedMatchesReference) {
    check_backward<TypeParam, xai::GuidedBackprop>(RefMethod::GuidedBackprop, 23);
}

// <conv(x), g> = <x, conv_bp(g)> for the linear part (no bias, ReLU or pool), checked on
// the library alone: FP and BP both run on conv_core, with different loaders.
template <class CFG> void check_adjoint(uint64_t seed) {
    typedef xai::conv2d_shape<CFG> S;
    Vec x = random_vec(seed, S::in_size), params = random_vec(seed + 1, S::param_count), g = random_vec(seed + 2, S::out_size);
    for (unsigned i = S::weight_count; i < S::param_count; i++) params[i] = 0.0;
    Vec y(S::out_size), dx(S::in_size);
    std::vector<xai::pool_index_t> idx(1);
    xai::conv2d_fp<CFG, xai::DeconvNet>(x.data(), params.data(), y.data(), nullptr, idx.data());
    xai::conv2d_bp<CFG, xai::DeconvNet>(g.data(), params.data(), nullptr, nullptr, nullptr, dx.data());
    const double lhs = dot(y, g), rhs = dot(x, dx);
    EXPECT_NEAR(lhs, rhs, 1e-10 * (std::fabs(lhs) + 1.0));
    EXPECT_GT(std::fabs(lhs), 1e-3);
}

TEST(ConvolutionBlockAdjoint, OddKernel5Channels3To7) {
    check_adjoint<ConvCfg<3, 7, 9, 11, 5, false, false, false, 2, 2, 4, 6, 2, 4, double>>(31);
}
TEST(ConvolutionBlockAdjoint, Kernel7TilesLargerThanMap) {
    check_adjoint<ConvCfg<5, 3, 5, 6, 7, false, false, false, 4, 4, 8, 8, 8, 8, double>>(32);
}
TEST(ConvolutionBlockAdjoint, PaperEngine4x8) {
    check_adjoint<ConvCfg<16, 24, 20, 20, 3, false, false, false, 4, 8, 16, 16, 16, 16, double>>(33);
}

// BP with the mask kept as bits equals BP with the mask recomputed from the DRAM output.
TEST(ConvolutionBlockMask, StoredAndRecomputedMasksAgree) {
    typedef ConvCfg<5, 7, 11, 13, 5, true, true, true, 2, 4, 4, 8, 2, 3, double> Stored;
    typedef ConvCfg<5, 7, 11, 13, 5, true, true, false, 2, 4, 4, 8, 2, 3, double> Recomputed;
    typedef xai::conv2d_shape<Stored> S;
    ConvCase<Stored> tc(41);
    Vec out(S::out_size), g = random_vec(42, S::out_size), a(S::in_size), b(S::in_size);
    std::vector<xai::pool_index_t> idx(S::out_size);
    Bits mask(S::out_size);
    bool* maskp = mask.data();
    xai::conv2d_fp<Stored, xai::GuidedBackprop>(tc.x.data(), tc.params.data(), out.data(), maskp, idx.data());
    // Poison the output so the stored variant provably reads bits, not activations.
    Vec poisoned(out.size(), -1.0);
    xai::conv2d_bp<Stored, xai::GuidedBackprop>(g.data(), tc.params.data(), poisoned.data(), maskp, idx.data(), a.data());
    xai::conv2d_bp<Recomputed, xai::GuidedBackprop>(g.data(), tc.params.data(), out.data(), nullptr, idx.data(), b.data());
    EXPECT_EQ(a, b);
    EXPECT_GT(max_abs(a), 0.0);
}

// Power-of-two gradient scaling: grad_shift = s multiplies the BP output by 2^s exactly.
TEST(ConvolutionBlockScaling, GradShiftScalesByPowerOfTwo) {
    typedef ConvCfg<3, 4, 6, 6, 3, false, false, false, 2, 2, 2, 2, 2, 2, double, 0> Plain;
    typedef ConvCfg<3, 4, 6, 6, 3, false, false, false, 2, 2, 2, 2, 2, 2, double, 5> Shifted;
    typedef xai::conv2d_shape<Plain> S;
    Vec params = random_vec(51, S::param_count), g = random_vec(52, S::out_size), a(S::in_size), b(S::in_size);
    xai::conv2d_bp<Plain, xai::DeconvNet>(g.data(), params.data(), nullptr, nullptr, nullptr, a.data());
    xai::conv2d_bp<Shifted, xai::DeconvNet>(g.data(), params.data(), nullptr, nullptr, nullptr, b.data());
    for (size_t i = 0; i < a.size(); i++) ASSERT_EQ(b[i], a[i] * 32.0);
}

// Double buffering reorders nothing the arithmetic sees: FP and BP words are identical to the
// serial engine's (fixed seeds; 16-bit-like float data, several input-channel tiles, a pool).
TEST(ConvolutionBlockDoubleBuffer, BitIdenticalToTheSerialEngine) {
    typedef ConvCfg<7, 5, 11, 13, 3, true, true, false, 2, 2, 4, 4, 2, 3, float, 0, false> Serial;
    typedef ConvCfg<7, 5, 11, 13, 3, true, true, false, 2, 2, 4, 4, 2, 3, float, 0, true> Overlapped;
    typedef xai::conv2d_shape<Serial> S;
    ConvCase<Serial> tc(61);
    std::vector<float> x = cast_vec<float>(tc.x), p = cast_vec<float>(tc.params);
    std::vector<float> out_a(S::out_size, -9.f), out_b(S::out_size, -7.f);
    std::vector<xai::pool_index_t> idx_a(S::out_size, 9), idx_b(S::out_size, 8);
    Bits mask_a(S::out_size), mask_b(S::out_size);
    xai::conv2d_fp<Serial, xai::GuidedBackprop>(x.data(), p.data(), out_a.data(), mask_a.data(), idx_a.data());
    xai::conv2d_fp<Overlapped, xai::GuidedBackprop>(x.data(), p.data(), out_b.data(), mask_b.data(), idx_b.data());
    EXPECT_EQ(out_a, out_b);
    EXPECT_EQ(idx_a, idx_b);
    std::vector<float> g = cast_vec<float>(random_vec(62, S::out_size)), gin_a(S::in_size, -9.f), gin_b(S::in_size, -7.f);
    xai::conv2d_bp<Serial, xai::GuidedBackprop>(g.data(), p.data(), out_a.data(), nullptr, idx_a.data(), gin_a.data());
    xai::conv2d_bp<Overlapped, xai::GuidedBackprop>(g.data(), p.data(), out_b.data(), nullptr, idx_b.data(), gin_b.data());
    EXPECT_EQ(gin_a, gin_b);
    EXPECT_GT(max_abs(to_dvec(gin_a)), 0.0);
}

} // namespace
