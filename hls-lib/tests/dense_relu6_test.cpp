// Dense layer with a fused ReLU6 (issue 11): FP clips to [0, 6]; BP passes the gradient where 0 < x < 6 for
// every method (Captum changes nn.ReLU only), from the mask kept on chip or recomputed from the FP output.
// Against a direct double reference, with pre-activations spread so that some clip at 6 and some are 0.
#include <gtest/gtest.h>

#include <algorithm>

#include "xai/dense.h"
#include "support/test_configs.h"
#include "support/engine_weight_image.h"

using namespace xai_test;

namespace {

template <bool STORE> struct Relu6DenseCfg : DoubleTypes {
    static const unsigned n_in = 37, n_out = 21, tile = 16;
    static const bool relu = true, relu6 = true, store_relu_mask = STORE;
    static const int act_out_exp = 0;
};

template <class CFG, class METHOD> void check(uint64_t seed) {
    typedef xai::dense_shape<CFG> S;
    const Vec x = random_vec(seed, CFG::n_in, 0.0, 1.0);
    const Vec params = random_vec(seed + 1, S::param_count, -2.0, 2.2); // sums spread over about +-10: some above 6, some below 0
    const Vec pre = ref_fc(x, params.data(), params.data() + S::weight_count, CFG::n_in, CFG::n_out);
    Vec expected_y(CFG::n_out);
    unsigned clipped = 0, zero = 0;
    for (unsigned o = 0; o < CFG::n_out; o++) {
        expected_y[o] = std::min(6.0, std::max(0.0, pre[o]));
        clipped += pre[o] > 6.0;
        zero += pre[o] <= 0.0;
    }
    ASSERT_GT(clipped, 0u);
    ASSERT_GT(zero, 0u);
    const std::vector<double> p = dense_engine_params<CFG>(params);
    Vec y(CFG::n_out);
    Bits mask(CFG::n_out);
    xai::dense_fp<CFG, METHOD>(x.data(), p.data(), y.data(), mask.data());
    EXPECT_EQ(y, expected_y);

    const Vec g = random_vec(seed + 2, CFG::n_out);
    Vec passed(CFG::n_out);
    for (unsigned o = 0; o < CFG::n_out; o++) passed[o] = pre[o] > 0.0 && pre[o] < 6.0 ? g[o] : 0.0; // every method
    const Vec expected_gi = ref_fc_bp(passed, params.data(), CFG::n_in, CFG::n_out);
    Vec gi(CFG::n_in);
    xai::dense_bp<CFG, METHOD>(g.data(), p.data(), y.data(), mask.data(), gi.data());
    EXPECT_LT(rel_max_err(gi, expected_gi), 1e-12);
}

TEST(DenseRelu6, StoredMaskSaliency) { check<Relu6DenseCfg<true>, xai::Saliency>(41); }
TEST(DenseRelu6, StoredMaskDeconvNetStillAppliesTheClipRule) { check<Relu6DenseCfg<true>, xai::DeconvNet>(42); }
TEST(DenseRelu6, StoredMaskGuidedBackprop) { check<Relu6DenseCfg<true>, xai::GuidedBackprop>(43); }
TEST(DenseRelu6, RecomputedMaskDeconvNet) { check<Relu6DenseCfg<false>, xai::DeconvNet>(44); }
TEST(DenseRelu6, RecomputedMaskGuidedBackprop) { check<Relu6DenseCfg<false>, xai::GuidedBackprop>(45); }

} // namespace
