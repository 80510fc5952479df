// The explanations built from passes (xai/explain.h) on whole networks: Input x Gradient, Integrated
// Gradients, SmoothGrad, Grad-CAM and Guided Grad-CAM against PyTorch vectors written from Captum's definitions
// (reference/make_explanation_vectors.py) on the odd, Table III, residual, grid and depthwise networks; their
// structural identities, IG's completeness, the noise generator, and the 16-bit scaled profile against float.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <memory>
#include <string>

#include "table3_top.h"
#include "table3_numerics.h"
#include "xai/explain.h"
#include "support/npy.h"
#include "support/odd_net.h"
#include "support/res_net.h"
#include "support/grid_net.h"
#include "support/dw_net.h"
#include "support/test_configs.h"
#include "support/network_engine_images.h"

using namespace xai_test;

namespace {

/// make_explanation_vectors.py's parameters.
struct test_explain_config {
    static const unsigned ig_steps = 16;
    static const unsigned smoothgrad_samples = 4;
    static constexpr double smoothgrad_sigma = 0.1;
    static const std::uint32_t noise_seed = 0x2545F491u;
};
/// The Grad-CAM layer of each network: the last convolution block's stored (pooled) output.
struct table3_explain_config : test_explain_config {
    static const unsigned image_channels = 3, image_height = 32, image_width = 32;
    static const unsigned gradcam_layer = 3, gradcam_channels = 64, gradcam_height = 8, gradcam_width = 8;
    static const unsigned gradcam_act_at = table3::a_conv4, gradcam_grad_at = table3::g_conv4;
};
struct odd_explain_config : test_explain_config {
    static const unsigned image_channels = 3, image_height = 10, image_width = 14;
    static const unsigned gradcam_layer = 1, gradcam_channels = 7, gradcam_height = 2, gradcam_width = 3;
    static const unsigned gradcam_act_at = odd_net::a_conv2, gradcam_grad_at = odd_net::g_conv2;
};
/// The residual network's last block, b2c2: its store adds the projection skip and applies the ReLU, so its stored
/// output is the block output after the join (PyTorch: the output of ResBlocks.b2r2).
struct res_explain_config : test_explain_config {
    static const unsigned image_channels = 3, image_height = 9, image_width = 10;
    static const unsigned gradcam_layer = 5, gradcam_channels = 8, gradcam_height = 5, gradcam_width = 5;
    static const unsigned gradcam_act_at = res_net::a_b2c2, gradcam_grad_at = res_net::g_b2c2;
};
/// The strided, unevenly padded network's last convolution (conv4, [6,3,1]: a map upsampled by 13/3 and 11/1).
struct grid_explain_config : test_explain_config {
    static const unsigned image_channels = 3, image_height = 13, image_width = 11;
    static const unsigned gradcam_layer = 3, gradcam_channels = 6, gradcam_height = 3, gradcam_width = 1;
    static const unsigned gradcam_act_at = grid_net::a_conv4, gradcam_grad_at = grid_net::g_conv4;
};
/// The depthwise-separable network's last block, the pointwise pw2 and its max-pool ([8,3,2]).
struct dw_explain_config : test_explain_config {
    static const unsigned image_channels = 3, image_height = 12, image_width = 10;
    static const unsigned gradcam_layer = 4, gradcam_channels = 8, gradcam_height = 3, gradcam_width = 2;
    static const unsigned gradcam_act_at = dw_net::a_pw2, gradcam_grad_at = dw_net::g_pw2;
};
/// Integrated Gradients' baseline image of make_explanation_vectors.py: codes 37 i mod 64, unit 1/128.
template <unsigned N> constexpr std::array<int, N> baseline_pattern() {
    std::array<int, N> b{};
    for (unsigned i = 0; i < N; i++) b[i] = int((37u * i) % 64u);
    return b;
}
template <unsigned N> struct baseline_config : test_explain_config {
    static const std::array<int, N>& ig_baseline() {
        static constexpr std::array<int, N> b = baseline_pattern<N>();
        return b;
    }
    static constexpr double ig_baseline_unit = 1.0 / 128;
};
/// The same with the SDK's statement that images and baseline are never negative (the test images are in [0, 1)).
template <unsigned N> struct nonnegative_baseline_config : baseline_config<N> {
    static const bool inputs_nonnegative = true;
};
typedef baseline_config<odd_net::input_size> odd_baseline_config;
typedef baseline_config<res_net::input_size> res_baseline_config;
typedef baseline_config<grid_net::input_size> grid_baseline_config;
typedef baseline_config<dw_net::input_size> dw_baseline_config;
typedef baseline_config<table3::input_size> table3_baseline_config;
typedef nonnegative_baseline_config<table3::input_size> table3_nonnegative_baseline_config;
struct noiseless_config : test_explain_config {
    static constexpr double smoothgrad_sigma = 0.0;
};

/// One network pass with the method's rule, as the generated header's pass_runner.
template <class NUM, class RULE, class NET> struct Pass {
    typedef typename NUM::act_t act_t;
    typedef typename NUM::grad_t grad_t;
    const typename NUM::weight_t* w;
    std::vector<act_t> act = std::vector<act_t>(NET::act_arena_size);
    std::vector<grad_t> grad = std::vector<grad_t>(NET::grad_arena_size);
    std::unique_ptr<typename NET::fp_state> st = std::make_unique<typename NET::fp_state>();
    unsigned calls = 0, bp_calls = 0;
    unsigned operator()(const act_t* in, grad_t* rel, act_t* logits, int target, bool bp, xai::pass_control ctl = xai::full_pass) {
        calls++;
        bp_calls += bp;
        return NET::template run<NUM, RULE>(in, w, act.data(), grad.data(), rel, logits, target, bp, *st, ctl);
    }
    const act_t* act_arena() const { return act.data(); }
    const grad_t* grad_arena() const { return grad.data(); }
};
struct Table3 {
    static const unsigned act_arena_size = table3::act_arena_size, grad_arena_size = table3::grad_arena_size;
    static const unsigned input_size = table3::input_size, n_classes = table3::n_classes;
    typedef table3::fp_state fp_state;
    template <class NUM, class M, class... A> static unsigned run(A... a) { return table3::run<NUM, M>(a...); }
};
struct Odd {
    static const unsigned act_arena_size = odd_net::act_arena_size, grad_arena_size = odd_net::grad_arena_size;
    static const unsigned input_size = odd_net::input_size, n_classes = odd_net::n_classes;
    typedef odd_net::fp_state fp_state;
    template <class NUM, class M, class... A> static unsigned run(A... a) { return odd_net::run<NUM, M>(a...); }
};

struct Res {
    static const unsigned act_arena_size = res_net::act_arena_size, grad_arena_size = res_net::grad_arena_size;
    static const unsigned input_size = res_net::input_size, n_classes = res_net::n_classes;
    typedef res_net::fp_state fp_state;
    template <class NUM, class M, class... A> static unsigned run(A... a) { return res_net::run<NUM, M>(a...); }
};

struct Grid {
    static const unsigned act_arena_size = grid_net::act_arena_size, grad_arena_size = grid_net::grad_arena_size;
    static const unsigned input_size = grid_net::input_size, n_classes = grid_net::n_classes;
    typedef grid_net::fp_state fp_state;
    template <class NUM, class M, class... A> static unsigned run(A... a) { return grid_net::run<NUM, M>(a...); }
};
struct Dw {
    static const unsigned act_arena_size = dw_net::act_arena_size, grad_arena_size = dw_net::grad_arena_size;
    static const unsigned input_size = dw_net::input_size, n_classes = dw_net::n_classes;
    typedef dw_net::fp_state fp_state;
    template <class NUM, class M, class... A> static unsigned run(A... a) { return dw_net::run<NUM, M>(a...); }
};

struct Explained {
    unsigned cls = 0;
    Vec logits, relevance; ///< in real units
    unsigned passes = 0, bp_passes = 0;
};

/// explain<NUM, M, CFG> on a float image and weight image (engine order); values converted to NUM's types.
template <class NET, class NUM, class M, class CFG = test_explain_config>
Explained explain_one(const std::vector<double>& w, const std::vector<double>& x) {
    typedef typename NUM::act_t act_t;
    typedef typename NUM::grad_t grad_t;
    typedef typename xai::explanation_traits<M, CFG>::rule rule;
    std::vector<typename NUM::weight_t> wt;
    for (double v : w) wt.push_back(typename NUM::weight_t(v));
    std::vector<act_t> image, logits(NET::n_classes);
    for (double v : x) image.push_back(act_t(v * xai::pow2(xai::image_exp<NUM>::value)));
    std::vector<grad_t> rel(NET::input_size);
    Pass<NUM, rule, NET> pass{wt.data()};
    xai::no_pass_observer none;
    Explained e;
    e.cls = xai::explain<NUM, M, CFG, NET::input_size, NET::n_classes>(pass, image.data(), rel.data(), logits.data(), -1, none);
    const double unscale = xai::pow2(-xai::attribution_exp<NUM, M, CFG>());
    for (const auto& v : logits) e.logits.push_back(double(v));
    for (const auto& v : rel) e.relevance.push_back(double(v) * unscale);
    e.passes = pass.calls;
    e.bp_passes = pass.bp_calls;
    return e;
}

std::string ref_dir(const std::string& net) { return std::string(XAI_TEST_DATA_DIR) + "/reference/" + net + "/"; }
bool have(const std::string& path) { return std::ifstream(path).good(); }
Vec npy_vec(const std::string& path) {
    NpyArray a = read_npy(path);
    return Vec(a.f32.begin(), a.f32.end());
}

template <class NET, class NUM, class M, class CFG = test_explain_config>
void check_against_pytorch(const std::string& net, const std::vector<double>& w, const char* method, double tolerance) {
    const std::string dir = ref_dir(net);
    if (!have(dir + "relevance_0." + std::string(method) + ".npy")) GTEST_SKIP() << "no explanation vectors in " << dir;
    for (int k = 0; k < 4; k++) {
        const std::string s = std::to_string(k);
        const Explained e = explain_one<NET, NUM, M, CFG>(w, npy_vec(dir + "input_" + s + ".npy"));
        EXPECT_EQ(int64_t(e.cls), read_npy(dir + "target_" + s + ".npy").i64.at(0)) << net << " image " << k;
        EXPECT_LT(rel_max_err(e.logits, npy_vec(dir + "logits_" + s + ".npy")), 1e-4) << net << " image " << k;
        const Vec ref = npy_vec(dir + "relevance_" + s + "." + method + ".npy");
        EXPECT_GT(max_abs(ref), 0.0);
        EXPECT_LT(rel_max_err(e.relevance, ref), tolerance) << net << " " << method << " image " << k;
    }
}

std::vector<double> odd_weights() { return to_dvec(odd_net_engine_image(cast_vec<double>(to_dvec(splitmix_weight_image(7, odd_net_param_layers()))))); }
std::vector<double> table3_weights() { return to_dvec(table3_engine_image(splitmix_weight_image(2022, table3_param_layers()))); }

std::vector<double> res_weights() { return to_dvec(res_net_engine_image(cast_vec<double>(to_dvec(splitmix_weight_image(17, res_net_param_layers()))))); }

std::vector<double> grid_weights() { return to_dvec(grid_net_engine_image(cast_vec<double>(to_dvec(splitmix_weight_image(11, grid_net_param_layers()))))); }
std::vector<double> dw_weights() { return to_dvec(dw_net_engine_image(cast_vec<double>(to_dvec(splitmix_weight_image(13, dw_net_param_layers()))))); }

TEST(OddNetVsPyTorch, InputXGradient) {
    check_against_pytorch<Odd, odd_net::numerics<double>, xai::InputXGradient>("odd", odd_weights(), "InputXGradient", 1e-6);
}
TEST(OddNetVsPyTorch, IntegratedGradients) {
    check_against_pytorch<Odd, odd_net::numerics<double>, xai::IntegratedGradients>("odd", odd_weights(), "IntegratedGradients", 1e-6);
}
TEST(OddNetVsPyTorch, IntegratedGradientsFromBaselineImage) {
    check_against_pytorch<Odd, odd_net::numerics<double>, xai::IntegratedGradients, odd_baseline_config>(
        "odd", odd_weights(), "IntegratedGradientsBaseline", 1e-6);
}
TEST(OddNetVsPyTorch, SmoothGrad) {
    check_against_pytorch<Odd, odd_net::numerics<double>, xai::SmoothGrad>("odd", odd_weights(), "SmoothGrad", 1e-6);
}
TEST(OddNetVsPyTorch, GradCam) {
    check_against_pytorch<Odd, odd_net::numerics<double>, xai::GradCam, odd_explain_config>("odd", odd_weights(), "GradCam", 1e-6);
}
TEST(OddNetVsPyTorch, GuidedGradCam) {
    check_against_pytorch<Odd, odd_net::numerics<double>, xai::GuidedGradCam, odd_explain_config>("odd", odd_weights(), "GuidedGradCam", 1e-6);
}
TEST(Table3VsPyTorch, GradCam) {
    check_against_pytorch<Table3, table3::float_numerics, xai::GradCam, table3_explain_config>("table3", table3_weights(), "GradCam", 1e-4);
}
TEST(Table3VsPyTorch, GuidedGradCam) {
    check_against_pytorch<Table3, table3::float_numerics, xai::GuidedGradCam, table3_explain_config>("table3", table3_weights(), "GuidedGradCam", 1e-4);
}
TEST(Table3VsPyTorch, InputXGradient) {
    check_against_pytorch<Table3, table3::float_numerics, xai::InputXGradient>("table3", table3_weights(), "InputXGradient", 1e-4);
}
TEST(Table3VsPyTorch, IntegratedGradients) {
    check_against_pytorch<Table3, table3::float_numerics, xai::IntegratedGradients>("table3", table3_weights(), "IntegratedGradients", 1e-4);
}
TEST(Table3VsPyTorch, IntegratedGradientsFromBaselineImage) {
    check_against_pytorch<Table3, table3::double_numerics, xai::IntegratedGradients, table3_baseline_config>(
        "table3", table3_weights(), "IntegratedGradientsBaseline", 1e-5);
}
TEST(Table3VsPyTorch, IntegratedGradientsFromBaselineImageOfNonnegativeInputs) {
    check_against_pytorch<Table3, table3::double_numerics, xai::IntegratedGradients, table3_nonnegative_baseline_config>(
        "table3", table3_weights(), "IntegratedGradientsBaseline", 1e-5);
}
TEST(Table3VsPyTorch, SmoothGrad) {
    check_against_pytorch<Table3, table3::float_numerics, xai::SmoothGrad>("table3", table3_weights(), "SmoothGrad", 1e-4);
}

// The residual network (ResNet-8's identity and projection blocks: forks whose BP sums two readers, joins fused into
// a store; Grad-CAM of the block output after the last join), the strided, unevenly padded one (Grad-CAM on a map
// upsampled by scales that are not whole numbers) and the depthwise-separable one (a pooled pointwise block): every
// method built from passes, in double, against PyTorch.
#define XAI_EXPLAIN_VS_PYTORCH(SUITE, NET, NUM, NAME)                                                                               \
    TEST(SUITE, InputXGradient) {                                                                                                   \
        check_against_pytorch<NET, NUM, xai::InputXGradient>(#NAME, NAME##_weights(), "InputXGradient", 1e-6);                      \
    }                                                                                                                               \
    TEST(SUITE, IntegratedGradients) {                                                                                              \
        check_against_pytorch<NET, NUM, xai::IntegratedGradients>(#NAME, NAME##_weights(), "IntegratedGradients", 1e-6);            \
    }                                                                                                                               \
    TEST(SUITE, IntegratedGradientsFromBaselineImage) {                                                                             \
        check_against_pytorch<NET, NUM, xai::IntegratedGradients, NAME##_baseline_config>(                                          \
            #NAME, NAME##_weights(), "IntegratedGradientsBaseline", 1e-6);                                                          \
    }                                                                                                                               \
    TEST(SUITE, SmoothGrad) {                                                                                                       \
        check_against_pytorch<NET, NUM, xai::SmoothGrad>(#NAME, NAME##_weights(), "SmoothGrad", 1e-6);                              \
    }                                                                                                                               \
    TEST(SUITE, GradCam) {                                                                                                          \
        check_against_pytorch<NET, NUM, xai::GradCam, NAME##_explain_config>(#NAME, NAME##_weights(), "GradCam", 1e-6);             \
    }                                                                                                                               \
    TEST(SUITE, GuidedGradCam) {                                                                                                    \
        check_against_pytorch<NET, NUM, xai::GuidedGradCam, NAME##_explain_config>(#NAME, NAME##_weights(), "GuidedGradCam", 1e-6); \
    }
XAI_EXPLAIN_VS_PYTORCH(ResNetVsPyTorch, Res, res_net::numerics<double>, res)
XAI_EXPLAIN_VS_PYTORCH(GridNetVsPyTorch, Grid, odd_net::numerics<double>, grid)
XAI_EXPLAIN_VS_PYTORCH(DwNetVsPyTorch, Dw, odd_net::numerics<double>, dw)
#undef XAI_EXPLAIN_VS_PYTORCH

// The passes each method asks of the engine: IG and SmoothGrad one FP on the image for the class,
// then their passes; Input x Gradient its one pass; the paper's methods one.
TEST(Explain, PassCounts) {
    const std::vector<double> w = odd_weights(), x = to_dvec(splitmix_input(0, odd_net::input_size));
    typedef odd_net::numerics<double> D;
    const Explained ig = explain_one<Odd, D, xai::IntegratedGradients>(w, x), sg = explain_one<Odd, D, xai::SmoothGrad>(w, x),
                    ixg = explain_one<Odd, D, xai::InputXGradient>(w, x), sal = explain_one<Odd, D, xai::Saliency>(w, x);
    EXPECT_EQ(ig.passes, 17u);
    EXPECT_EQ(ig.bp_passes, 16u);
    EXPECT_EQ(sg.passes, 5u);
    EXPECT_EQ(sg.bp_passes, 4u);
    EXPECT_EQ(ixg.passes, 1u);
    EXPECT_EQ(sal.passes, 1u);
    // Every method reports the logits of the image itself.
    EXPECT_EQ(ig.logits, sal.logits);
    EXPECT_EQ(sg.logits, sal.logits);
}

// Grad-CAM: one pass whose BP stops at the block; Guided Grad-CAM: a guided pass and that one. The map is
// one picture over every channel, >= 0; Guided Grad-CAM is zero wherever Guided Backprop is (same class).
TEST(Explain, GradCamPassesAndShape) {
    const std::vector<double> w = odd_weights();
    typedef odd_net::numerics<double> D;
    for (unsigned k = 0; k < 4; k++) {
        const std::vector<double> x = to_dvec(splitmix_input(k, odd_net::input_size));
        const Explained cam = explain_one<Odd, D, xai::GradCam, odd_explain_config>(w, x),
                        ggc = explain_one<Odd, D, xai::GuidedGradCam, odd_explain_config>(w, x),
                        gbp = explain_one<Odd, D, xai::GuidedBackprop>(w, x);
        EXPECT_EQ(cam.passes, 1u);
        EXPECT_EQ(ggc.passes, 2u);
        EXPECT_EQ(ggc.bp_passes, 2u);
        EXPECT_EQ(cam.cls, gbp.cls);
        EXPECT_EQ(ggc.cls, gbp.cls);
        EXPECT_EQ(cam.logits, gbp.logits);
        const unsigned plane = 10 * 14;
        for (unsigned i = 0; i < x.size(); i++) {
            ASSERT_GE(cam.relevance[i], 0.0) << "image " << k << " element " << i;
            ASSERT_EQ(cam.relevance[i], cam.relevance[i % plane]) << "image " << k << " element " << i;
            if (gbp.relevance[i] == 0.0) {
                ASSERT_EQ(ggc.relevance[i], 0.0) << "image " << k << " element " << i;
            }
        }
    }
}

// Grad-CAM's BP stops at its block: the gradient arena below conv2's output keeps what was there, and
// conv2's own gradient is written (a whole BP would overwrite conv1's and the input's too).
TEST(Explain, GradCamBackwardStopsAtItsBlock) {
    typedef odd_net::numerics<double> D;
    const std::vector<double> w = odd_weights(), x = to_dvec(splitmix_input(0, odd_net::input_size));
    Pass<D, xai::Saliency, Odd> pass{w.data()};
    std::fill(pass.grad.begin(), pass.grad.end(), 777.0);
    std::vector<double> relevance(odd_net::input_size), logits(odd_net::n_classes);
    xai::no_pass_observer none;
    xai::explain<D, xai::GradCam, odd_explain_config, odd_net::input_size, odd_net::n_classes>(pass, x.data(), relevance.data(),
                                                                                              logits.data(), -1, none);
    for (unsigned i = odd_net::g_conv1; i < odd_net::grad_arena_size; i++) ASSERT_EQ(pass.grad[i], 777.0) << "element " << i;
    unsigned written = 0;
    for (unsigned i = odd_net::g_conv2; i < odd_net::g_conv1; i++) written += pass.grad[i] != 777.0;
    EXPECT_EQ(written, odd_net::g_conv1 - odd_net::g_conv2);
    EXPECT_EQ(pass.bp_calls, 1u);
}

// On a residual network (forks whose BP sums two consumers, a projection shortcut), a BP stopped after
// block L + 1 leaves the gradient w.r.t. block L's output exactly as the whole BP does, for every block.
TEST(Explain, StoppedBackwardGivesTheWholeBackwardsGradientAtEveryBlockOfAResidualNetwork) {
    typedef res_net::numerics<double> D;
    const std::vector<double> w = to_dvec(res_net_engine_image(cast_vec<double>(to_dvec(splitmix_weight_image(17, res_net_param_layers())))));
    const std::vector<double> x = to_dvec(random_vec(500, res_net::input_size, 0.0, 1.0));
    const xai::layer_desc* layers = res_net::network<D>::layers;
    std::vector<unsigned> starts = {res_net::grad_arena_size};
    for (unsigned l = 0; l < res_net::n_layers; l++) starts.insert(starts.end(), {layers[l].grad_in, layers[l].grad_out});
    std::sort(starts.begin(), starts.end());
    auto run = [&](unsigned bp_stop, std::vector<double>& grad) {
        std::vector<double> act(res_net::act_arena_size), rel(res_net::input_size), logits(res_net::n_classes);
        res_net::fp_state st;
        grad.assign(res_net::grad_arena_size, 777.0);
        res_net::run<D, xai::Saliency>(x.data(), w.data(), act.data(), grad.data(), rel.data(), logits.data(), -1, true, st,
                                       xai::pass_control{bp_stop, false});
    };
    std::vector<double> whole, stopped;
    run(0, whole);
    for (unsigned l = 0; l + 1 < res_net::n_layers; l++) {
        run(l + 1, stopped);
        const unsigned from = layers[l].grad_out, to = *std::upper_bound(starts.begin(), starts.end(), from);
        ASSERT_LT(from, to);
        for (unsigned i = from; i < to; i++) ASSERT_EQ(stopped[i], whole[i]) << "block " << l << " element " << i - from;
        EXPECT_EQ(stopped[layers[0].grad_in], 777.0) << "block " << l << ": the BP ran on to the input";
    }
}

// Input x Gradient is x times the Saliency map, exactly in double; SmoothGrad with sigma 0 is Saliency.
TEST(Explain, InputXGradientIsInputTimesSaliencyAndNoiselessSmoothGradIsSaliency) {
    const std::vector<double> w = odd_weights();
    typedef odd_net::numerics<double> D;
    for (unsigned k = 0; k < 4; k++) {
        const std::vector<double> x = to_dvec(splitmix_input(k, odd_net::input_size));
        const Explained sal = explain_one<Odd, D, xai::Saliency>(w, x), ixg = explain_one<Odd, D, xai::InputXGradient>(w, x),
                        sg0 = explain_one<Odd, D, xai::SmoothGrad, noiseless_config>(w, x);
        for (unsigned i = 0; i < x.size(); i++) {
            ASSERT_EQ(ixg.relevance[i], x[i] * sal.relevance[i]) << "image " << k << " element " << i;
            ASSERT_EQ(sg0.relevance[i], sal.relevance[i]) << "image " << k << " element " << i;
        }
    }
}

// Completeness: sum of IG approaches F(x) - F(0); the C++ sum is the reference's (same Riemann sum).
TEST(Explain, IntegratedGradientsCompletenessGapIsTheReferences) {
    const std::string dir = ref_dir("table3");
    if (!have(dir + "ig_gap_0.npy")) GTEST_SKIP() << "no explanation vectors in " << dir;
    const std::vector<double> w = table3_weights();
    for (int k = 0; k < 4; k++) {
        const std::string s = std::to_string(k);
        const Vec gap = npy_vec(dir + "ig_gap_" + s + ".npy");
        const Explained e = explain_one<Table3, table3::double_numerics, xai::IntegratedGradients>(w, npy_vec(dir + "input_" + s + ".npy"));
        double sum = 0;
        for (double v : e.relevance) sum += v;
        EXPECT_NEAR(sum, gap[0], 1e-6 * std::fabs(gap[1])) << "image " << k;
        // The midpoint rule's error on this network: within 5 % of F(x) - F(0) on every reference image.
        EXPECT_LT(std::fabs(sum - gap[1]), 0.05 * std::fabs(gap[1])) << "image " << k;
    }
}

// From a baseline image the sum approaches F(x) - F(x'), and the C++ sum is the reference's. The zero
// baseline's map differs from it (the baseline is really used), and the exponent has one more bit of headroom.
TEST(Explain, IntegratedGradientsFromBaselineImageSumsToTheLogitDifference) {
    const std::string dir = ref_dir("table3");
    if (!have(dir + "ig_baseline_gap_0.npy")) GTEST_SKIP() << "no explanation vectors in " << dir;
    const std::vector<double> w = table3_weights();
    for (int k = 0; k < 4; k++) {
        const std::string s = std::to_string(k);
        const Vec gap = npy_vec(dir + "ig_baseline_gap_" + s + ".npy"), x = npy_vec(dir + "input_" + s + ".npy");
        const Explained e = explain_one<Table3, table3::double_numerics, xai::IntegratedGradients, table3_baseline_config>(w, x);
        const Explained zero = explain_one<Table3, table3::double_numerics, xai::IntegratedGradients>(w, x);
        double sum = 0;
        for (double v : e.relevance) sum += v;
        EXPECT_NEAR(sum, gap[0], 1e-6 * std::fabs(gap[1])) << "image " << k;
        // 16 midpoint steps over the longer path from x': within 10 % of F(x) - F(x') on every reference image.
        EXPECT_LT(std::fabs(sum - gap[1]), 0.1 * std::fabs(gap[1])) << "image " << k;
        EXPECT_GT(rel_max_err(e.relevance, zero.relevance), 0.1) << "image " << k;
    }
    typedef table3::scaled_numerics<4, 2, 3, 2, 3, 2, 1, -1> S;
    EXPECT_EQ((xai::attribution_exp<S, xai::IntegratedGradients, table3_baseline_config>()),
              (xai::attribution_exp<S, xai::IntegratedGradients, test_explain_config>()) - 1);
    EXPECT_EQ((xai::attribution_exp<S, xai::IntegratedGradients, table3_nonnegative_baseline_config>()),
              (xai::attribution_exp<S, xai::IntegratedGradients, test_explain_config>()));
}

// The generator: xorshift32's published first output from state 1 (Marsaglia 2003: 270369), and the
// Irwin-Hall sums' mean and standard deviation over 2^17 draws.
TEST(NoiseSource, XorshiftSequenceAndMoments) {
    xai::noise_source one = {1u};
    one.next();
    EXPECT_EQ(one.state, 270369u);
    xai::noise_source n = {0x2545F491u};
    double sum = 0, sq = 0;
    int lo = 0, hi = 0;
    const int draws = 1 << 17;
    for (int i = 0; i < draws; i++) {
        const int z = n.next();
        sum += z;
        sq += double(z) * z;
        lo = std::min(lo, z);
        hi = std::max(hi, z);
    }
    const double mean = sum / draws, sd = std::sqrt(sq / draws - mean * mean);
    EXPECT_LT(std::fabs(mean), 1.5); // 3 standard errors (147.8 / sqrt(2^17) = 0.41)
    EXPECT_NEAR(sd / xai::noise_source::units_per_sigma, 1.0, 0.01);
    EXPECT_GE(lo, -510);
    EXPECT_LE(hi, 510);
}

// 16-bit scaled profile (table3_numerics.h, the calibrated exponents) against float: same class,
// maps that track; a second run of the same image gives the same bits (nothing but the image and the
// seed decides the result).
typedef table3::scaled_numerics<4, 2, 3, 2, 3, 2, 1, -1> scaled;
template <class M, class CFG = test_explain_config> void scaled_tracks_float(const char* name, double min_pearson) {
    const std::vector<double> w = table3_weights();
    double worst = 1.0;
    for (unsigned k = 0; k < 2; k++) {
        const std::vector<double> x = to_dvec(splitmix_input(k, table3::input_size));
        const Explained f = explain_one<Table3, table3::float_numerics, M, CFG>(w, x), s = explain_one<Table3, scaled, M, CFG>(w, x);
        EXPECT_EQ(s.cls, f.cls) << name << " image " << k;
        worst = std::min(worst, pearson(s.relevance, f.relevance));
        if (k == 0) {
            const Explained again = explain_one<Table3, scaled, M, CFG>(w, x);
            EXPECT_EQ(again.relevance, s.relevance) << name;
        }
    }
    std::printf("[ figures  ] %-20s scaled <16,4>/<16,1> vs float: worst pearson %.5f\n", name, worst);
    EXPECT_GT(worst, min_pearson) << name;
}
// Saliency's own figure on this untrained network is 0.96 (numerics_test); the products with x and
// the means over passes are at least as close.
TEST(Table3ExplainNumerics, InputXGradientScaledTracksFloat) { scaled_tracks_float<xai::InputXGradient>("InputXGradient", 0.93); }
TEST(Table3ExplainNumerics, IntegratedGradientsScaledTracksFloat) { scaled_tracks_float<xai::IntegratedGradients>("IntegratedGradients", 0.93); }
TEST(Table3ExplainNumerics, IntegratedGradientsFromBaselineImageScaledTracksFloat) {
    scaled_tracks_float<xai::IntegratedGradients, table3_baseline_config>("IG from a baseline", 0.93);
}
TEST(Table3ExplainNumerics, IntegratedGradientsFromBaselineImageNonnegativeScaledTracksFloat) {
    scaled_tracks_float<xai::IntegratedGradients, table3_nonnegative_baseline_config>("IG from x' >= 0", 0.93);
}
TEST(Table3ExplainNumerics, GradCamScaledTracksFloat) { scaled_tracks_float<xai::GradCam, table3_explain_config>("GradCam", 0.93); }
TEST(Table3ExplainNumerics, GuidedGradCamScaledTracksFloat) {
    scaled_tracks_float<xai::GuidedGradCam, table3_explain_config>("GuidedGradCam", 0.93);
}
TEST(Table3ExplainNumerics, SmoothGradScaledTracksFloat) { scaled_tracks_float<xai::SmoothGrad>("SmoothGrad", 0.93); }

} // namespace

// Off-chip pass buffers (explain_config::sums_off_chip): the pass input and the running sums in the caller's memory,
// the pass's gradient in `relevance`. The same arithmetic in the same order, so the 16-bit scaled profile gives the
// same bits as on chip; and the memory is really used (the last pass's input and the sums are there afterwards).
template <class CFG> struct off_chip_config : CFG {
    static const bool sums_off_chip = true;
};
template <class M, class CFG = test_explain_config> void off_chip_is_bit_identical(const char* name) {
    typedef scaled NUM;
    typedef typename NUM::act_t act_t;
    typedef typename NUM::grad_t grad_t;
    typedef off_chip_config<CFG> OFF;
    static_assert(xai::sums_off_chip<OFF>::value && !xai::sums_off_chip<CFG>::value, "the trait reads the member");
    const std::vector<double> w = table3_weights();
    std::vector<typename NUM::weight_t> wt;
    for (double v : w) wt.push_back(typename NUM::weight_t(v));
    for (unsigned k = 0; k < 2; k++) {
        const std::vector<double> x = to_dvec(splitmix_input(k, table3::input_size));
        const Explained on = explain_one<Table3, NUM, M, CFG>(w, x);
        std::vector<act_t> image, logits(table3::n_classes), pass_image(table3::input_size, act_t(0));
        for (double v : x) image.push_back(act_t(v * xai::pow2(xai::image_exp<NUM>::value)));
        std::vector<grad_t> rel(table3::input_size);
        typedef typename xai::pass_memory<NUM>::sum_t sum_t;
        static_assert(sizeof(sum_t) == 8 && std::is_same<sum_t, xai::fixed_t<64, NUM::grad_accum_t::iwidth + 64 - NUM::grad_accum_t::width>>::value,
                      "the 48-bit accumulator is kept off chip in 64-bit words with the same LSB");
        std::vector<sum_t> sums(table3::input_size, sum_t(0));
        Pass<NUM, typename xai::explanation_traits<M, OFF>::rule, Table3> pass{wt.data()};
        xai::no_pass_observer none;
        const xai::pass_memory<NUM> memory = {pass_image.data(), sums.data()};
        const unsigned cls = xai::explain<NUM, M, OFF, table3::input_size, table3::n_classes>(pass, image.data(), rel.data(), logits.data(), -1, none, memory);
        EXPECT_EQ(cls, on.cls) << name << " image " << k;
        EXPECT_EQ(pass.calls, on.passes) << name;
        const double unscale = xai::pow2(-xai::attribution_exp<NUM, M, OFF>());
        for (unsigned i = 0; i < table3::input_size; i++)
            ASSERT_EQ(double(rel[i]) * unscale, on.relevance[i]) << name << " image " << k << " element " << i;
        for (unsigned i = 0; i < table3::n_classes; i++) ASSERT_EQ(double(logits[i]), on.logits[i]) << name << " logit " << i;
        unsigned nonzero_sums = 0, nonzero_inputs = 0;
        for (unsigned i = 0; i < table3::input_size; i++) {
            nonzero_sums += double(sums[i]) != 0.0;
            nonzero_inputs += double(pass_image[i]) != 0.0;
        }
        EXPECT_GT(nonzero_sums, table3::input_size / 2) << name << ": the sums were not kept in the caller's memory";
        EXPECT_GT(nonzero_inputs, table3::input_size / 2) << name << ": the pass input was not formed in the caller's memory";
    }
}
TEST(ExplainOffChip, InputXGradientIsBitIdentical) { off_chip_is_bit_identical<xai::InputXGradient>("InputXGradient"); }
TEST(ExplainOffChip, IntegratedGradientsIsBitIdentical) { off_chip_is_bit_identical<xai::IntegratedGradients>("IntegratedGradients"); }
TEST(ExplainOffChip, IntegratedGradientsFromBaselineImageIsBitIdentical) {
    off_chip_is_bit_identical<xai::IntegratedGradients, table3_nonnegative_baseline_config>("IG from a baseline");
}
TEST(ExplainOffChip, SmoothGradIsBitIdentical) { off_chip_is_bit_identical<xai::SmoothGrad>("SmoothGrad"); }
