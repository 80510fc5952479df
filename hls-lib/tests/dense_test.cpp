// Dense (vector-matrix) block: FP with bias/ReLU/mask and BP with the transposed weight
// tile, against the double reference; tile 16 and 32, lengths not multiples of the tile.
#include <gtest/gtest.h>

#include "xai/dense.h"
#include "support/test_configs.h"

using namespace xai_test;

namespace {

typedef ::testing::Types<DenseCfg<42, 9, true, true, 16, double>, DenseCfg<37, 70, true, false, 32, double>,
                         DenseCfg<128, 10, false, false, 16, double>, DenseCfg<4096, 128, true, true, 32, float>,
                         DenseCfg<33, 17, true, true, 16, float>>
    DenseConfigs;

template <class CFG> class DenseBlockTest : public ::testing::Test {};
TYPED_TEST_SUITE(DenseBlockTest, DenseConfigs);

template <class CFG> struct DenseCase {
    typedef xai::dense_shape<CFG> S;
    Vec x, params, pre;
    explicit DenseCase(uint64_t seed) {
        x = random_vec(seed, CFG::n_in);
        params = random_vec(seed + 1, S::param_count, -0.3, 0.3);
        pre = ref_fc(x, params.data(), params.data() + S::weight_count, CFG::n_in, CFG::n_out);
    }
};

TYPED_TEST(DenseBlockTest, ForwardMatchesReference) {
    typedef TypeParam CFG;
    typedef typename CFG::act_t T;
    DenseCase<CFG> tc(3);
    std::vector<T> x = cast_vec<T>(tc.x), p = cast_vec<T>(tc.params), y(CFG::n_out);
    Bits mask(CFG::n_out);
    xai::dense_fp<CFG, xai::GuidedBackprop>(x.data(), p.data(), y.data(), mask.data());
    Vec ref = CFG::relu ? ref_relu(tc.pre) : tc.pre;
    EXPECT_LT(rel_max_err(to_dvec(y), ref), sizeof(T) == 4 ? 1e-5 : 1e-12);
    if (CFG::relu && CFG::store_relu_mask) {
        for (unsigned i = 0; i < CFG::n_out; i++) ASSERT_EQ(mask.data()[i], tc.pre[i] > 0.0) << i;
    }
}

template <class CFG, class METHOD> void check_bp(RefMethod rm) {
    typedef typename CFG::act_t T;
    DenseCase<CFG> tc(7);
    std::vector<T> x = cast_vec<T>(tc.x), p = cast_vec<T>(tc.params), y(CFG::n_out), gin(CFG::n_in);
    Bits mask(CFG::n_out);
    xai::dense_fp<CFG, METHOD>(x.data(), p.data(), y.data(), mask.data());
    Vec gout = random_vec(8, CFG::n_out);
    std::vector<T> g = cast_vec<T>(gout);
    xai::dense_bp<CFG, METHOD>(g.data(), p.data(), y.data(), mask.data(), gin.data());
    Vec gpre = CFG::relu ? ref_relu_bp(tc.pre, gout, rm) : gout;
    Vec ref = ref_fc_bp(gpre, tc.params.data(), CFG::n_in, CFG::n_out);
    EXPECT_LT(rel_max_err(to_dvec(gin), ref), sizeof(T) == 4 ? 1e-5 : 1e-12);
    EXPECT_GT(max_abs(ref), 0.0);
}

TYPED_TEST(DenseBlockTest, BackwardSaliency) { check_bp<TypeParam, xai::Saliency>(RefMethod::Saliency); }
TYPED_TEST(DenseBlockTest, BackwardDeconvNet) { check_bp<TypeParam, xai::DeconvNet>(RefMethod::DeconvNet); }
TYPED_TEST(DenseBlockTest, BackwardGuided) { check_bp<TypeParam, xai::GuidedBackprop>(RefMethod::GuidedBackprop); }

TEST(DenseBlockAdjoint, InnerProductIdentity) {
    typedef DenseCfg<45, 19, false, false, 16, double> CFG;
    typedef xai::dense_shape<CFG> S;
    Vec x = random_vec(1, 45), p = random_vec(2, S::param_count), g = random_vec(3, 19), y(19), dx(45);
    for (unsigned i = S::weight_count; i < S::param_count; i++) p[i] = 0.0;
    xai::dense_fp<CFG, xai::Saliency>(x.data(), p.data(), y.data(), nullptr);
    xai::dense_bp<CFG, xai::Saliency>(g.data(), p.data(), nullptr, nullptr, dx.data());
    EXPECT_NEAR(dot(y, g), dot(x, dx), 1e-12);
}

} // namespace
