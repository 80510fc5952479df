// Residual connection, FP and BP (ResNet): the join adds two tensors, the fork where the skip
// leaves sums the two gradients that come back.
//
// Each tensor is stored with its own power-of-two exponent (value = true * 2^exponent), so an
// add first aligns them: out = a * 2^a_shift + b * 2^b_shift with a_shift = e_out - e_a and
// b_shift = e_out - e_b, summed in accum_t and rounded to act_t once. ResNet's block applies
// a ReLU after the add; it is fused here (FP: ReLU and its mask bit; BP: the method's ReLU
// rule, as everywhere else in the library).
// BP of the join sends the same gradient (after the ReLU rule) to both branches, each at its
// own gradient exponent; BP of the fork (residual_fork_bp) adds the main branch's and the
// skip's gradients with their exponents aligned, in the same way as the FP add.
#ifndef XAI_RESIDUAL_ADD_H
#define XAI_RESIDUAL_ADD_H

#include "arith.h"
#include "method.h"
#include "relu.h"

namespace xai {

/// Residual join configuration (every member required).
struct residual_add_config_example {
    static const unsigned n_elem = 16;       ///< elements of each tensor
    static const bool relu = true;           ///< ReLU fused after the add
    static const bool store_relu_mask = true; ///< keep [sum > 0] on chip or recompute it from the FP output (relu.h)
    static const int a_shift = 0;            ///< FP: e_out - e_a (main branch), |shift| <= 31
    static const int b_shift = 0;            ///< FP: e_out - e_b (skip), |shift| <= 31
    static const int grad_a_shift = 0;       ///< BP: exponent of grad_a - exponent of grad_out
    static const int grad_b_shift = 0;       ///< BP: exponent of grad_b - exponent of grad_out
    typedef float act_t;   ///< activations of a, b and the output
    typedef float grad_t;  ///< gradients
    typedef float accum_t; ///< the aligned sum before its one rounding
};

/// Residual fork configuration (every member required): the gradient of the tensor the skip
/// leaves from = main-branch gradient * 2^main_shift + skip gradient * 2^skip_shift.
struct residual_fork_config_example {
    static const unsigned n_elem = 16; ///< elements of each tensor
    static const int main_shift = 0;   ///< e_sum - e_main, |shift| <= 31
    static const int skip_shift = 0;   ///< e_sum - e_skip, |shift| <= 31
    typedef float grad_t;              ///< gradients
    typedef float accum_t;             ///< the aligned sum before its one rounding
};

/// a * 2^SA + b * 2^SB in ACC (exact for the powers of two), rounded once to OUT.
template <int SA, int SB, class ACC, class OUT, class T>
inline OUT add_aligned(const T& a, const T& b) {
    static_assert(SA >= -max_runtime_shift && SA <= max_runtime_shift && SB >= -max_runtime_shift &&
                      SB <= max_runtime_shift,
                  "residual add: exponent shifts must lie within +-31");
    return OUT(ACC(a) * ACC(pow2(SA)) + ACC(b) * ACC(pow2(SB)));
}

/// FP of the join: out = [ReLU](a * 2^a_shift + b * 2^b_shift); mask[i] = [out_i > 0] when the
/// layer has a ReLU, the method needs the mask and the configuration stores masks.
template <class CONFIG_T, class METHOD>
void residual_add_fp(const typename CONFIG_T::act_t* a, const typename CONFIG_T::act_t* b,
                     typename CONFIG_T::act_t* out, bool* mask) {
    static_assert(is_method<METHOD>::value, "METHOD must be xai::Saliency, xai::DeconvNet or xai::GuidedBackprop");
    typedef typename CONFIG_T::act_t act_t;
residual_add_fp_loop:
    for (unsigned i = 0; i < CONFIG_T::n_elem; i++) {
#pragma HLS PIPELINE II = 1
        act_t v = add_aligned<CONFIG_T::a_shift, CONFIG_T::b_shift, typename CONFIG_T::accum_t, act_t>(a[i], b[i]);
        if (CONFIG_T::relu) {
            const bool m = v > act_t(0);
            if (!m) v = act_t(0);
            if (METHOD::needs_relu_mask && CONFIG_T::store_relu_mask) mask[i] = m;
        }
        out[i] = v;
    }
}

/// BP of the join: g = METHOD's ReLU rule applied to grad_out (when the layer has a ReLU; the
/// mask from the store or recomputed from fwd_out), then grad_a = g * 2^grad_a_shift and
/// grad_b = g * 2^grad_b_shift.
template <class CONFIG_T, class METHOD>
void residual_add_bp(const typename CONFIG_T::grad_t* grad_out, const bool* mask, const typename CONFIG_T::act_t* fwd_out,
                     typename CONFIG_T::grad_t* grad_a, typename CONFIG_T::grad_t* grad_b) {
    static_assert(is_method<METHOD>::value, "METHOD must be xai::Saliency, xai::DeconvNet or xai::GuidedBackprop");
    typedef typename CONFIG_T::grad_t grad_t;
residual_add_bp_loop:
    for (unsigned i = 0; i < CONFIG_T::n_elem; i++) {
#pragma HLS PIPELINE II = 1
        grad_t g = grad_out[i];
        if (CONFIG_T::relu) {
            const bool m = METHOD::needs_relu_mask ? relu_mask_at<CONFIG_T::store_relu_mask>(mask, fwd_out, i) : false;
            g = METHOD::template backward<grad_t>(m, g);
        }
        grad_a[i] = convert_scaled<CONFIG_T::grad_a_shift, grad_t>(g);
        grad_b[i] = convert_scaled<CONFIG_T::grad_b_shift, grad_t>(g);
    }
}

/// BP of the fork: grad_sum = grad_main * 2^main_shift + grad_skip * 2^skip_shift.
template <class CONFIG_T>
void residual_fork_bp(const typename CONFIG_T::grad_t* grad_main, const typename CONFIG_T::grad_t* grad_skip,
                      typename CONFIG_T::grad_t* grad_sum) {
    typedef typename CONFIG_T::grad_t grad_t;
residual_fork_bp_loop:
    for (unsigned i = 0; i < CONFIG_T::n_elem; i++) {
#pragma HLS PIPELINE II = 1
        grad_sum[i] = add_aligned<CONFIG_T::main_shift, CONFIG_T::skip_shift, typename CONFIG_T::accum_t, grad_t>(
            grad_main[i], grad_skip[i]);
    }
}

} // namespace xai

#endif
