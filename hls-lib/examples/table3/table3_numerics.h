// Fixed-point numerics profiles for the Table III top (see reference/numerics.md).
//
//  paper_numerics : ap_fixed<16,8> for activations, weights and gradients, as the paper;
//                   32-bit accumulators with the products' 16 fraction bits; no gradient
//                   scaling. Kept selectable to compare against.
//  scaled_numerics<ACT_I, E0..E6>: activations <16,ACT_I> (ACT_I integer bits from the
//                   calibrated activation range; 6 in reference/numerics.md), weights <16,1>,
//                   gradients 16-bit <16,1>
//                   with a power-of-two exponent per gradient boundary b (stored value =
//                   true gradient * 2^Eb), chosen by the planner from calibration (largest
//                   |gradient| at b over calibration images, with headroom); accumulators
//                   wide enough to hold the exact products (48 bit).
// All use AP_TRN / AP_WRAP (ap_fixed's defaults).
#ifndef XAI_EXAMPLES_TABLE3_NUMERICS_H
#define XAI_EXAMPLES_TABLE3_NUMERICS_H

#include "xai/types.h"

namespace table3 {

struct paper_numerics {
    typedef xai::fixed_t<16, 8> act_t;
    typedef xai::fixed_t<16, 8> weight_t;
    typedef xai::fixed_t<32, 16> accum_t;
    typedef xai::fixed_t<16, 8> grad_t;
    typedef xai::fixed_t<32, 16> grad_accum_t;
    static constexpr int grad_exp(unsigned) { return 0; }
};

template <int ACT_I, int E0, int E1, int E2, int E3, int E4, int E5, int E6> struct scaled_numerics {
    typedef xai::fixed_t<16, ACT_I> act_t;
    typedef xai::fixed_t<16, 1> weight_t;
    typedef xai::fixed_t<48, 48 - (16 - ACT_I) - 15> accum_t; // fraction bits = act + weight
    typedef xai::fixed_t<16, 1> grad_t;        // |stored| < 1
    typedef xai::fixed_t<48, 18> grad_accum_t; // 30 fraction bits = grad (15) + weight (15)
    static constexpr int grad_exp(unsigned b) {
        return b == 0 ? E0 : b == 1 ? E1 : b == 2 ? E2 : b == 3 ? E3 : b == 4 ? E4 : b == 5 ? E5 : E6;
    }
};

} // namespace table3

#endif
