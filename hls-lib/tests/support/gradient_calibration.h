// Calibration of per-boundary gradient exponents for the Table III top (what the planner
// does from calibration images): run the float model, take the largest |gradient| at each
// boundary over images and methods, and choose the exponent E_b so that the stored value
// max * 2^E_b stays below 0.5 (one bit of headroom) in a <16,1> gradient format.
#ifndef XAI_TESTS_GRADIENT_CALIBRATION_H
#define XAI_TESTS_GRADIENT_CALIBRATION_H

#include <cmath>
#include <vector>

#include "table3_top.h"
#include "splitmix_weights.h"

namespace xai_test {

struct GradientCalibration {
    double max_abs[table3::n_boundaries] = {};
    int exponent[table3::n_boundaries] = {};
};

template <class M> void calibrate_method(const std::vector<float>& w, const std::vector<float>& x, GradientCalibration& c) {
    static table3::fp_state st;
    std::vector<float> act(table3::act_arena_size), grad(table3::grad_arena_size), rel(table3::input_size), logits(10);
    table3::run<table3::float_numerics, M>(x.data(), w.data(), act.data(), grad.data(), rel.data(), logits.data(), -1,
                                           true, st);
    const struct { unsigned b, off, n; } regions[] = {{6, table3::g_logits, 10},     {5, table3::g_fc1, 128},
                                                      {4, table3::g_conv4, 4096},    {3, table3::g_conv3, 16384},
                                                      {2, table3::g_conv2, 8192},    {1, table3::g_conv1, 32768}};
    for (const auto& r : regions)
        for (unsigned i = 0; i < r.n; i++) c.max_abs[r.b] = std::fmax(c.max_abs[r.b], std::fabs(grad[r.off + i]));
    for (float v : rel) c.max_abs[0] = std::fmax(c.max_abs[0], std::fabs(v));
}

inline GradientCalibration calibrate_table3(const std::vector<float>& w, unsigned images) {
    GradientCalibration c;
    for (unsigned k = 0; k < images; k++) {
        const std::vector<float> x = splitmix_input(100 + k, table3::input_size);
        calibrate_method<xai::Saliency>(w, x, c);
        calibrate_method<xai::DeconvNet>(w, x, c);
        calibrate_method<xai::GuidedBackprop>(w, x, c);
    }
    for (unsigned b = 0; b < table3::n_boundaries; b++)
        c.exponent[b] = int(std::floor(std::log2(0.5 / c.max_abs[b])));
    return c;
}

} // namespace xai_test

#endif
