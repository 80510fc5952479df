// Whole networks on the blocks: Table III and the small odd network, FP + BP for the three
// methods, against (1) the PyTorch reference vectors (float32 .npy, weights regenerated with
// splitmix64), (2) the double reference in this test, (3) finite differences (Saliency is
// the plain gradient).
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "table3_top.h"
#include "support/npy.h"
#include "support/odd_net.h"
#include "support/test_configs.h"
#include "support/network_engine_images.h"

using namespace xai_test;

namespace {

TEST(SplitMixWeights, MatchesTheCheckValuesOfTheReferenceGenerator) {
    SplitMix64 g(2022);
    EXPECT_EQ(g.next(), 0x1CA566F0D3B52143ull);
    EXPECT_EQ(g.next(), 0x0E68A22D3A4CBDF7ull);
    std::vector<float> w = splitmix_weight_image(2022, table3_param_layers());
    ASSERT_EQ(w.size(), table3::weight_image_size);
    EXPECT_EQ(double(w.front()), -0.3659052848815918);
    EXPECT_EQ(double(w.back()), 0.04290436580777168);
    double s = 0.0;
    for (float v : w) s += double(v);
    EXPECT_NEAR(s, -24.79306041285585, 1e-9);
    EXPECT_EQ(double(splitmix_input(0, 3)[0]), 0.406450092792511);
}

/// Runs a network driver with float or double numerics.
template <class NET> struct Runner;

template <> struct Runner<table3::float_numerics> {
    typedef float T;
    template <class M> static unsigned run(const std::vector<T>& x, const std::vector<T>& w, std::vector<T>& logits,
                                           std::vector<T>& rel, int target = -1) {
        static table3::fp_state st;
        std::vector<T> act(table3::act_arena_size), grad(table3::grad_arena_size);
        logits.assign(table3::n_classes, 0);
        rel.assign(table3::input_size, 0);
        const std::vector<T> we = table3_engine_image(w); // w: PyTorch order, as the references read it
        return table3::run<table3::float_numerics, M>(x.data(), we.data(), act.data(), grad.data(), rel.data(),
                                                      logits.data(), target, true, st);
    }
};
template <class T_> struct OddRunner {
    typedef T_ T;
    template <class M> static unsigned run(const std::vector<T>& x, const std::vector<T>& w, std::vector<T>& logits,
                                           std::vector<T>& rel, int target = -1) {
        static odd_net::fp_state st;
        std::vector<T> act(odd_net::act_arena_size), grad(odd_net::grad_arena_size);
        logits.assign(odd_net::n_classes, 0);
        rel.assign(odd_net::input_size, 0);
        const std::vector<T> we = odd_net_engine_image(w); // w: PyTorch order, as the references read it
        return odd_net::run<odd_net::numerics<T>, M>(x.data(), we.data(), act.data(), grad.data(), rel.data(),
                                                     logits.data(), target, true, st);
    }
};

/// Runs one of the small test networks (odd_net.h's shape: a namespace with run, fp_state and sizes).
#define XAI_SMALL_NET_RUNNER(NAME, NS, IMAGE)                                                                         \
    template <class T_> struct NAME {                                                                                \
        typedef T_ T;                                                                                                \
        template <class M> static unsigned run(const std::vector<T>& x, const std::vector<T>& w, std::vector<T>& logits, \
                                               std::vector<T>& rel, int target = -1) {                               \
            static NS::fp_state st;                                                                                  \
            std::vector<T> act(NS::act_arena_size), grad(NS::grad_arena_size);                                       \
            logits.assign(NS::n_classes, 0);                                                                         \
            rel.assign(NS::input_size, 0);                                                                           \
            const std::vector<T> we = IMAGE(w);                                                                      \
            return NS::run<NS::numerics<T>, M>(x.data(), we.data(), act.data(), grad.data(), rel.data(), logits.data(), \
                                               target, true, st);                                                    \
        }                                                                                                            \
    };
XAI_SMALL_NET_RUNNER(GridRunner, grid_net, grid_net_engine_image)
XAI_SMALL_NET_RUNNER(DwRunner, dw_net, dw_net_engine_image)
XAI_SMALL_NET_RUNNER(ResRunner, res_net, res_net_engine_image)
#undef XAI_SMALL_NET_RUNNER

std::string ref_dir(const std::string& net) { return std::string(XAI_TEST_DATA_DIR) + "/reference/" + net + "/"; }
bool have(const std::string& path) { return std::ifstream(path).good(); }

Vec npy_vec(const std::string& path) {
    NpyArray a = read_npy(path);
    return Vec(a.f32.begin(), a.f32.end());
}

// (1) PyTorch vectors: 1e-4 relative to the tensor's max |value|.
template <class RUNNER, class M>
void check_against_pytorch(const std::string& net, uint64_t seed, const std::vector<ParamLayer>& layers,
                           const char* method) {
    const std::string dir = ref_dir(net);
    if (!have(dir + "input_0.npy")) GTEST_SKIP() << "no reference vectors in " << dir;
    typedef typename RUNNER::T T;
    std::vector<T> w = cast_vec<T>(to_dvec(splitmix_weight_image(seed, layers)));
    for (int k = 0; k < 4; k++) {
        const std::string s = std::to_string(k);
        if (!have(dir + "input_" + s + ".npy")) break;
        std::vector<T> x = cast_vec<T>(npy_vec(dir + "input_" + s + ".npy")), logits, rel;
        const unsigned cls = RUNNER::template run<M>(x, w, logits, rel);
        EXPECT_EQ(int64_t(cls), read_npy(dir + "target_" + s + ".npy").i64.at(0)) << net << " image " << k;
        EXPECT_LT(rel_max_err(to_dvec(logits), npy_vec(dir + "logits_" + s + ".npy")), 1e-4) << net << " image " << k;
        const Vec ref = npy_vec(dir + "relevance_" + s + "." + method + ".npy");
        EXPECT_GT(max_abs(ref), 0.0);
        EXPECT_LT(rel_max_err(to_dvec(rel), ref), 1e-4) << net << " " << method << " image " << k;
    }
}

TEST(Table3VsPyTorch, Saliency) {
    check_against_pytorch<Runner<table3::float_numerics>, xai::Saliency>("table3", 2022, table3_param_layers(), "Saliency");
}
TEST(Table3VsPyTorch, DeconvNet) {
    check_against_pytorch<Runner<table3::float_numerics>, xai::DeconvNet>("table3", 2022, table3_param_layers(), "DeconvNet");
}
TEST(Table3VsPyTorch, GuidedBackprop) {
    check_against_pytorch<Runner<table3::float_numerics>, xai::GuidedBackprop>("table3", 2022, table3_param_layers(),
                                                                               "GuidedBackprop");
}
// Strided convolutions and less than 'same' padding on the one engine (a grid of the 'same'
// convolution; BP the fractionally strided one).
TEST(GridNetVsPyTorch, Saliency) {
    check_against_pytorch<GridRunner<float>, xai::Saliency>("grid", 11, grid_net_param_layers(), "Saliency");
}
TEST(GridNetVsPyTorch, DeconvNet) {
    check_against_pytorch<GridRunner<float>, xai::DeconvNet>("grid", 11, grid_net_param_layers(), "DeconvNet");
}
TEST(GridNetVsPyTorch, GuidedBackprop) {
    check_against_pytorch<GridRunner<float>, xai::GuidedBackprop>("grid", 11, grid_net_param_layers(), "GuidedBackprop");
}

// Depthwise-separable blocks: depthwise 3x3 (stride 2 and 1) and pointwise 1x1 on the one engine.
TEST(DwNetVsPyTorch, Saliency) {
    check_against_pytorch<DwRunner<float>, xai::Saliency>("dw", 13, dw_net_param_layers(), "Saliency");
}
TEST(DwNetVsPyTorch, DeconvNet) {
    check_against_pytorch<DwRunner<float>, xai::DeconvNet>("dw", 13, dw_net_param_layers(), "DeconvNet");
}
TEST(DwNetVsPyTorch, GuidedBackprop) {
    check_against_pytorch<DwRunner<float>, xai::GuidedBackprop>("dw", 13, dw_net_param_layers(), "GuidedBackprop");
}

// Residual blocks (identity and projection skips) on the one engine: the join fused into the store,
// the skip's gradient written by the join's BP, the fork's sum by accumulating into grad_in.
TEST(ResNetVsPyTorch, Saliency) {
    check_against_pytorch<ResRunner<float>, xai::Saliency>("res", 17, res_net_param_layers(), "Saliency");
}
TEST(ResNetVsPyTorch, DeconvNet) {
    check_against_pytorch<ResRunner<float>, xai::DeconvNet>("res", 17, res_net_param_layers(), "DeconvNet");
}
TEST(ResNetVsPyTorch, GuidedBackprop) {
    check_against_pytorch<ResRunner<float>, xai::GuidedBackprop>("res", 17, res_net_param_layers(), "GuidedBackprop");
}

TEST(OddNetVsPyTorch, Saliency) {
    check_against_pytorch<OddRunner<float>, xai::Saliency>("odd", 7, odd_net_param_layers(), "Saliency");
}
TEST(OddNetVsPyTorch, DeconvNet) {
    check_against_pytorch<OddRunner<float>, xai::DeconvNet>("odd", 7, odd_net_param_layers(), "DeconvNet");
}
TEST(OddNetVsPyTorch, GuidedBackprop) {
    check_against_pytorch<OddRunner<float>, xai::GuidedBackprop>("odd", 7, odd_net_param_layers(), "GuidedBackprop");
}

// (2) Double reference written in the test, independent of the vectors.
template <class RUNNER, class M>
void check_against_double(const RefNet& net, uint64_t seed, const std::vector<ParamLayer>& layers, RefMethod rm,
                          unsigned in_size, int target) {
    typedef typename RUNNER::T T;
    const Vec wd = to_dvec(splitmix_weight_image(seed, layers)), xd = to_dvec(splitmix_input(5, in_size));
    std::vector<T> logits, rel;
    const unsigned cls = RUNNER::template run<M>(cast_vec<T>(xd), cast_vec<T>(wd), logits, rel, target);
    RefNet::Result r = net.run(xd, wd, rm, target);
    EXPECT_EQ(cls, r.cls);
    const double tol = sizeof(T) == 4 ? 1e-4 : 1e-11;
    EXPECT_LT(rel_max_err(to_dvec(logits), r.logits), tol);
    EXPECT_LT(rel_max_err(to_dvec(rel), r.relevance), tol);
    // A non-argmax target may legitimately get an all-zero DeconvNet/Guided map.
    if (target < 0) {
        EXPECT_GT(max_abs(r.relevance), 0.0);
    }
}

TEST(Table3VsDoubleReference, AllMethodsArgmaxAndGivenTarget) {
    const RefNet n = table3_ref_net();
    typedef Runner<table3::float_numerics> R;
    check_against_double<R, xai::Saliency>(n, 2022, table3_param_layers(), RefMethod::Saliency, 3072, -1);
    check_against_double<R, xai::DeconvNet>(n, 2022, table3_param_layers(), RefMethod::DeconvNet, 3072, 3);
    check_against_double<R, xai::GuidedBackprop>(n, 2022, table3_param_layers(), RefMethod::GuidedBackprop, 3072, -1);
}

TEST(OddNetVsDoubleReference, AllMethodsInDouble) {
    const RefNet n = odd_ref_net();
    typedef OddRunner<double> R;
    for (int t : {-1, 0, 2}) {
        check_against_double<R, xai::Saliency>(n, 7, odd_net_param_layers(), RefMethod::Saliency, 420, t);
        check_against_double<R, xai::DeconvNet>(n, 7, odd_net_param_layers(), RefMethod::DeconvNet, 420, t);
        check_against_double<R, xai::GuidedBackprop>(n, 7, odd_net_param_layers(), RefMethod::GuidedBackprop, 420, t);
    }
}

// (3) Saliency is d logit_c / d x: central finite differences on the library in double.
TEST(OddNetFiniteDifferences, SaliencyIsTheInputGradient) {
    typedef OddRunner<double> R;
    const std::vector<double> w = to_dvec(splitmix_weight_image(7, odd_net_param_layers()));
    std::vector<double> x = to_dvec(splitmix_input(3, 420)), logits, rel, lp, lm, dummy;
    const unsigned cls = R::run<xai::Saliency>(x, w, logits, rel);
    const double h = 1e-6;
    int checked = 0;
    for (unsigned i = 0; i < 420; i += 7) {
        std::vector<double> xp = x, xm = x;
        xp[i] += h;
        xm[i] -= h;
        R::run<xai::Saliency>(xp, w, lp, dummy, int(cls));
        R::run<xai::Saliency>(xm, w, lm, dummy, int(cls));
        const double fd = (lp[cls] - lm[cls]) / (2 * h);
        EXPECT_NEAR(rel[i], fd, 1e-6 * (1.0 + std::fabs(fd))) << "input " << i;
        checked++;
    }
    EXPECT_EQ(checked, 60);
    EXPECT_GT(max_abs(rel), 1e-3);
}

} // namespace
