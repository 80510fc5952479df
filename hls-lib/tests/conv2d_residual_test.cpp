// Residual joins and forks on the convolution engine (res_net.h: ResNet-8's identity and projection
// blocks): every exponent shift the SDK writes for them, the double-buffered step loop, and 16-bit
// fixed point. The float network against PyTorch and Captum is network_test.cpp's ResNetVsPyTorch.
// Named conv2d_* so it also runs in the XAI_HLS_LOOPS binary (banked buffers, synthesized loop nests).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "xai/engine_cycles.h"
#include "xai/types.h"
#include "support/npy.h"
#include "support/grid_net.h"
#include "support/res_net.h"
#include "support/splitmix_weights.h"
#include "support/network_engine_images.h"
#include "support/test_configs.h"

using namespace xai_test;

namespace {

/// Doubles with a different exponent on every tensor, so that every shift of the joins and forks
/// (res_shift, res_grad_shift, a fork's rescale by -grad_shift) is non-zero and differs from the others.
struct scaled_numerics : res_net::numerics<double> {
    static constexpr int act_exp(unsigned t) { return t == 0 ? 1 : t == 1 ? -1 : t == 2 ? 2 : t == 3 ? -2 : t == 4 ? 0 : t == 5 ? 3 : t == 6 ? -1 : 2; }
    static constexpr int grad_exp(unsigned t) { return t == 0 ? 3 : t == 1 ? -2 : t == 2 ? 1 : t == 3 ? 4 : t == 4 ? -1 : t == 5 ? 2 : t == 6 ? 0 : 5; }
};

/// 16-bit fixed point: activations in [-8, 8) (12 fraction bits), weights in [-2, 2) (14), gradients in
/// [-2, 2) (14); wrapping accumulators with the products' fraction bits, as the engine words require.
struct fixed_numerics : res_net::numerics<float> {
    typedef xai::fixed_t<16, 4, xai::AP_RND, xai::AP_SAT> act_t;
    typedef xai::fixed_t<16, 2, xai::AP_RND, xai::AP_SAT> weight_t;
    typedef xai::fixed_t<48, 22> accum_t;
    typedef xai::fixed_t<16, 2, xai::AP_RND, xai::AP_SAT> grad_t;
    typedef xai::fixed_t<48, 20> grad_accum_t;
};

struct Result {
    unsigned cls;
    Vec logits, relevance; ///< true values (stored ones scaled back by the output exponents)
};

template <class NUM, class M> Result run(const Vec& x, const Vec& w_pytorch) {
    typedef typename NUM::act_t A;
    typedef typename NUM::grad_t G;
    std::vector<A> image(res_net::input_size), act(res_net::act_arena_size), logits(res_net::n_classes);
    std::vector<G> grad(res_net::grad_arena_size), rel(res_net::input_size);
    for (unsigned i = 0; i < res_net::input_size; i++) image[i] = A(std::ldexp(x[i], NUM::act_exp(0)));
    const Vec wd = res_net_engine_image(w_pytorch);
    std::vector<typename NUM::weight_t> w(wd.size());
    for (size_t i = 0; i < wd.size(); i++) w[i] = typename NUM::weight_t(wd[i]);
    static res_net::fp_state st;
    Result r;
    r.cls = res_net::run<NUM, M>(image.data(), w.data(), act.data(), grad.data(), rel.data(), logits.data(), -1, true, st);
    for (auto v : logits) r.logits.push_back(std::ldexp(double(v), -NUM::act_exp(7)));
    for (auto v : rel) r.relevance.push_back(std::ldexp(double(v), -NUM::grad_exp(0)));
    return r;
}

Vec weights() { return to_dvec(splitmix_weight_image(17, res_net_param_layers())); }
Vec image(int k) { return random_vec(500 + k, res_net::input_size, 0.0, 1.0); }

template <class M> void expect_scaled_equals_unscaled() {
    for (int k = 0; k < 3; k++) {
        const Result u = run<res_net::numerics<double>, M>(image(k), weights());
        const Result s = run<scaled_numerics, M>(image(k), weights());
        EXPECT_EQ(s.cls, u.cls);
        for (unsigned i = 0; i < u.logits.size(); i++) ASSERT_EQ(s.logits[i], u.logits[i]) << "logit " << i;
        unsigned nonzero = 0;
        for (unsigned i = 0; i < u.relevance.size(); i++) {
            ASSERT_EQ(s.relevance[i], u.relevance[i]) << "relevance " << i;
            nonzero += u.relevance[i] != 0;
        }
        EXPECT_GT(nonzero, u.relevance.size() / 4);
    }
}

// Power-of-two scaling is exact in double, so a network with an exponent on every tensor computes
// exactly the unscaled values: any shift applied with the wrong sign or to the wrong operand shows.
TEST(ResidualShifts, Saliency) { expect_scaled_equals_unscaled<xai::Saliency>(); }
TEST(ResidualShifts, DeconvNet) { expect_scaled_equals_unscaled<xai::DeconvNet>(); }
TEST(ResidualShifts, GuidedBackprop) { expect_scaled_equals_unscaled<xai::GuidedBackprop>(); }

// The DATAFLOW step loop runs the same calls in the same order: bit-identical.
TEST(ResidualDoubleBuffer, SameAsSerial) {
    for (int k = 0; k < 2; k++) {
        const Result a = run<res_net::numerics<double>, xai::GuidedBackprop>(image(k), weights());
        const Result b = run<res_net::numerics<double, true>, xai::GuidedBackprop>(image(k), weights());
        EXPECT_EQ(a.logits, b.logits);
        EXPECT_EQ(a.relevance, b.relevance);
    }
}

// The side tile and the skip's gradient travel as raw 16-bit words in fixed point.
template <class M> void expect_fixed_close_to_double() {
    for (int k = 0; k < 3; k++) {
        const Result d = run<res_net::numerics<double>, M>(image(k), weights());
        const Result f = run<fixed_numerics, M>(image(k), weights());
        EXPECT_EQ(f.cls, d.cls);
        EXPECT_LT(rel_max_err(f.logits, d.logits), 2e-3) << "image " << k;
        EXPECT_LT(rel_max_err(f.relevance, d.relevance), 5e-3) << "image " << k;
    }
}
TEST(ResidualFixedPoint, Saliency) { expect_fixed_close_to_double<xai::Saliency>(); }
TEST(ResidualFixedPoint, DeconvNet) { expect_fixed_close_to_double<xai::DeconvNet>(); }
TEST(ResidualFixedPoint, GuidedBackprop) { expect_fixed_close_to_double<xai::GuidedBackprop>(); }

} // namespace

namespace {

// The cycle model counts the residual paths' DRAM loops: the join's FP reads the skip tensor once
// (its output's size), its BP writes the skip's gradient once (its input gradient's size), a fork's
// BP reads grad_in back once; a layer without them, or an engine without the paths, counts neither.
TEST(ResidualCycleModel, CountsTheSideTileAndTheSkipGradient) {
    using namespace xai::cycle_model;
    typedef res_net::numerics<float> N;
    typedef res_net::engine<N> E;
    const xai::layer_desc plain = xai::conv_desc<res_net::b1c1_config<N>>(xai::layer_place{0, 0, 0, 0, 0, 0, 0});
    xai::layer_desc join = plain, fork = plain;
    join.residual = true;
    fork.grad_accumulate = true;
    const unsigned map = 4 * 9 * 10; // channels x H x W of the layer's input and output
    const cycle_count fp0 = conv_layer_cycles<E>(plain, false, 1), bp0 = conv_layer_cycles<E>(plain, true, 1);
    EXPECT_EQ(conv_layer_cycles<E>(join, false, 1).input, fp0.input + map);
    EXPECT_EQ(conv_layer_cycles<E>(join, true, 1).store, bp0.store + map);
    EXPECT_EQ(conv_layer_cycles<E>(join, true, 1).input, bp0.input);
    EXPECT_EQ(conv_layer_cycles<E>(fork, true, 1).input, bp0.input + map);
    EXPECT_EQ(conv_layer_cycles<E>(fork, false, 1).input, fp0.input);
    EXPECT_GT(conv_layer_cycles<E>(join, false, 1).memory, fp0.memory);
    // An engine without the paths ignores the flags, as the engine itself does.
    typedef grid_net::engine<odd_net::numerics<float>> Plain;
    EXPECT_EQ(conv_layer_cycles<Plain>(join, false, 1).input, conv_layer_cycles<Plain>(plain, false, 1).input);
}

} // namespace
