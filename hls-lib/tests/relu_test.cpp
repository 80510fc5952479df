// ReLU layer and method rules (Eqs. 3-5), ReLU'(0) = 0.
#include <gtest/gtest.h>

#include "xai/relu.h"
#include "support/test_configs.h"

using namespace xai_test;

namespace {

template <bool STORE> struct ReluCfg {
    static const unsigned n_elem = 13;
    static const bool store_relu_mask = STORE;
    typedef double act_t;
    typedef double grad_t;
};

TEST(MethodRules, EquationsThreeToFive) {
    // (mask, g) -> expected for Saliency, DeconvNet, Guided
    struct Row { bool m; double g, sal, dec, gbp; } rows[] = {
        {true, 2.0, 2.0, 2.0, 2.0}, {true, -2.0, -2.0, 0.0, 0.0}, {false, 2.0, 0.0, 2.0, 0.0},
        {false, -2.0, 0.0, 0.0, 0.0}, {true, 0.0, 0.0, 0.0, 0.0}};
    for (const Row& r : rows) {
        EXPECT_EQ(xai::Saliency::backward<double>(r.m, r.g), r.sal);
        EXPECT_EQ(xai::DeconvNet::backward<double>(r.m, r.g), r.dec);
        EXPECT_EQ(xai::GuidedBackprop::backward<double>(r.m, r.g), r.gbp);
    }
    // bool(...) reads the constants by value: EXPECT_* binds a reference (an ODR use: a link error in sanitizer builds).
    EXPECT_TRUE(bool(xai::Saliency::needs_relu_mask));
    EXPECT_FALSE(bool(xai::DeconvNet::needs_relu_mask));
    EXPECT_TRUE(bool(xai::GuidedBackprop::needs_relu_mask));
}

template <bool STORE, class METHOD> void check(RefMethod rm) {
    Vec f = random_vec(5, 13);
    f[3] = 0.0; // ReLU'(0) = 0
    Vec g = random_vec(6, 13), y(13), gi(13);
    Bits mask(13);
    xai::relu_fp<ReluCfg<STORE>, METHOD>(f.data(), y.data(), mask.data());
    EXPECT_EQ(y, ref_relu(f));
    xai::relu_bp<ReluCfg<STORE>, METHOD>(g.data(), mask.data(), y.data(), gi.data());
    EXPECT_EQ(gi, ref_relu_bp(f, g, rm));
}

TEST(ReluLayer, StoredMask) {
    check<true, xai::Saliency>(RefMethod::Saliency);
    check<true, xai::DeconvNet>(RefMethod::DeconvNet);
    check<true, xai::GuidedBackprop>(RefMethod::GuidedBackprop);
}

TEST(ReluLayer, RecomputedMask) {
    check<false, xai::Saliency>(RefMethod::Saliency);
    check<false, xai::DeconvNet>(RefMethod::DeconvNet);
    check<false, xai::GuidedBackprop>(RefMethod::GuidedBackprop);
}

TEST(ReluLayer, DeconvNetWritesNoMask) {
    Vec f = random_vec(9, 13), y(13);
    Bits mask(13);
    xai::relu_fp<ReluCfg<true>, xai::DeconvNet>(f.data(), y.data(), mask.data());
    for (unsigned i = 0; i < 13; i++) EXPECT_FALSE(mask.data()[i]);
}

} // namespace
