// Dense (vector-matrix) block: FP with bias/ReLU/mask and BP with the transposed weight
// tile, against the double reference; tile 16 and 32, lengths not multiples of the tile.
#include <gtest/gtest.h>

#include <algorithm>
#include <utility>

#include "xai/dense.h"
#include "support/test_configs.h"
#include "support/engine_weight_image.h"

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
    std::vector<T> x = cast_vec<T>(tc.x), p = dense_engine_params<CFG>(cast_vec<T>(tc.params)), y(CFG::n_out);
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
    std::vector<T> x = cast_vec<T>(tc.x), p = dense_engine_params<CFG>(cast_vec<T>(tc.params)), y(CFG::n_out),
                   gin(CFG::n_in);
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

// The block order (dense_weight_order.h): a permutation of the layer's weights in which every
// tile x tile block, edge blocks included, is one contiguous run, row-major inside, so that
// the engine reads it in one burst.
TEST(DenseWeightOrder, EveryBlockIsOneContiguousRunAndNoWeightIsLost) {
    for (unsigned tile : {16u, 32u}) {
        for (auto shape : {std::make_pair(37u, 70u), std::make_pair(128u, 4096u), std::make_pair(9u, 42u)}) {
            const unsigned no = shape.first, ni = shape.second;
            std::vector<int> seen(no * ni, 0);
            for (unsigned o0 = 0; o0 < no; o0 += tile)
                for (unsigned i0 = 0; i0 < ni; i0 += tile) {
                    const unsigned rows = std::min(tile, no - o0), cols = std::min(tile, ni - i0);
                    const unsigned start = xai::dense_block_offset(o0, i0, rows, ni);
                    for (unsigned q = 0; q < rows; q++)
                        for (unsigned t = 0; t < cols; t++) {
                            const unsigned at = xai::dense_weight_offset(o0 + q, i0 + t, no, ni, tile);
                            ASSERT_EQ(at, start + q * cols + t) << no << "x" << ni << " tile " << tile;
                            seen[at]++;
                        }
                }
            for (unsigned k = 0; k < no * ni; k++) ASSERT_EQ(seen[k], 1) << k;
        }
    }
}

} // namespace
