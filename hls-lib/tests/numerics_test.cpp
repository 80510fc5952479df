// 16-bit fixed point on the whole Table III top: the paper-faithful profile
// (ap_fixed<16,8> everywhere) and the scaled profile (per-tensor formats, per-boundary
// power-of-two gradient exponents from calibration), against the float top on the same
// images. Prints the figures; asserts that the scaled profile keeps the class and tracks
// the float relevance, and is at least as close as the paper profile.
#include <gtest/gtest.h>

#include <cstdio>

#include "table3_numerics.h"
#include "support/gradient_calibration.h"
#include "support/test_configs.h"
#include "support/network_engine_images.h"

using namespace xai_test;

namespace {

// Exponents from calibrate_table3(weights of seed 2022, 8 images); the first test below
// recomputes them, so a change of generator or network is caught here.
// Activations <16,4>: the calibrated activation range is below 4 on every layer.
typedef table3::scaled_numerics<4, 2, 3, 2, 3, 2, 1, -1> scaled;

TEST(Table3Numerics, ScaledProfileExponentsMatchCalibration) {
    const GradientCalibration c = calibrate_table3(table3_engine_image(splitmix_weight_image(2022, table3_param_layers())), 8);
    for (unsigned b = 0; b < table3::n_boundaries; b++)
        EXPECT_EQ(c.exponent[b], scaled::grad_exp(b)) << "boundary " << b << " max |g| " << c.max_abs[b];
}

template <class NUM, class M> Vec run_fixed(const std::vector<float>& wf, const std::vector<float>& xf, unsigned& cls) {
    static table3::fp_state st;
    std::vector<typename NUM::weight_t> w;
    for (float v : wf) w.push_back(typename NUM::weight_t(v));
    std::vector<typename NUM::act_t> x, act(table3::act_arena_size), logits(10);
    for (float v : xf) x.push_back(typename NUM::act_t(v));
    std::vector<typename NUM::grad_t> grad(table3::grad_arena_size), rel(table3::input_size);
    cls = table3::run<NUM, M>(x.data(), w.data(), act.data(), grad.data(), rel.data(), logits.data(), -1, true, st);
    Vec r(rel.size());
    const double scale = xai::pow2(-table3::relevance_exponent<NUM>());
    for (size_t i = 0; i < r.size(); i++) r[i] = rel[i].to_double() * scale;
    return r;
}

template <class M> void compare(const char* name) {
    const std::vector<float> w = table3_engine_image(splitmix_weight_image(2022, table3_param_layers()));
    double worst_scaled = 1.0, worst_paper = 1.0, err_scaled = 0.0, err_paper = 0.0;
    for (unsigned k = 0; k < 4; k++) {
        const std::vector<float> x = splitmix_input(k, table3::input_size);
        static table3::fp_state st;
        std::vector<float> act(table3::act_arena_size), grad(table3::grad_arena_size), rel(table3::input_size), lg(10);
        const unsigned cf = table3::run<table3::float_numerics, M>(x.data(), w.data(), act.data(), grad.data(),
                                                                    rel.data(), lg.data(), -1, true, st);
        const Vec ref = to_dvec(rel);
        unsigned cs = 0, cp = 0;
        const Vec s = run_fixed<scaled, M>(w, x, cs), p = run_fixed<table3::paper_numerics, M>(w, x, cp);
        EXPECT_EQ(cs, cf) << name << " image " << k;
        worst_scaled = std::min(worst_scaled, pearson(s, ref));
        err_scaled = std::max(err_scaled, rel_max_err(s, ref));
        if (cp == cf) {
            worst_paper = std::min(worst_paper, pearson(p, ref));
            err_paper = std::max(err_paper, rel_max_err(p, ref));
        } else {
            worst_paper = -1.0;
        }
    }
    std::printf("[ figures  ] %-14s scaled: worst pearson %.5f, max rel err %.2e | paper <16,8>: worst pearson %.5f, "
                "max rel err %.2e\n",
                name, worst_scaled, err_scaled, worst_paper, err_paper);
    // This untrained network's Saliency map is sensitive to the ReLU / pool decisions that
    // 16-bit truncated activations flip (measured: Pearson 0.96 / 0.993 / 0.999 for
    // Saliency / DeconvNet / Guided BP); the paper profile even changes the class.
    EXPECT_GT(worst_scaled, 0.93) << name;
    EXPECT_GE(worst_scaled, worst_paper) << name;
}

TEST(Table3Numerics, SaliencyScaledTracksFloat) { compare<xai::Saliency>("Saliency"); }
TEST(Table3Numerics, DeconvNetScaledTracksFloat) { compare<xai::DeconvNet>("DeconvNet"); }
TEST(Table3Numerics, GuidedBackpropScaledTracksFloat) { compare<xai::GuidedBackprop>("GuidedBackprop"); }

} // namespace
