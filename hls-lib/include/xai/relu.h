// ReLU, FP and BP (paper Sec. III-D, Eqs. 1, 3-5).
//
// In the networks built from this library ReLU is normally fused into the store of the
// convolution / dense block that precedes it (FP) and into the gradient load of that
// block (BP); the functions here are the element rules those fusions use, plus a
// standalone layer for a ReLU that follows something else.
//
// Where the BP mask comes from (the design's choice, see memory.h for the accounting):
//  - store_relu_mask = true : FP writes one bit per ReLU output, [f > 0], into an on-chip
//                             array, only if the method needs it (Table II);
//  - store_relu_mask = false: BP recomputes [f > 0] from the ReLU output that FP wrote to
//                             DRAM anyway (relu(f) > 0 <=> f > 0), so no bits are stored,
//                             but that DRAM tensor must survive until BP.
#ifndef XAI_RELU_H
#define XAI_RELU_H

#include "method.h"
#include "arith.h"

namespace xai {

/// Mask read by fused BP loads: bit i of the stored mask (STORED), or [y_i > 0] for the
/// ReLU output y kept in DRAM. Methods that do not need a mask never call it; the pointer
/// not used by the chosen variant may be a dummy.
template <bool STORED, class ACT_T> inline bool relu_mask_at(const bool* bits, const ACT_T* act, unsigned i) {
    return STORED ? bits[i] : act[i] > ACT_T(0);
}

/// Standalone ReLU layer configuration (hls4ml style; every member is required).
///   n_elem          : number of elements of the tensor
///   store_relu_mask : see above
///   act_t, grad_t   : activation and gradient data types
struct relu_config_example {
    static const unsigned n_elem = 16;
    static const bool store_relu_mask = true;
    typedef float act_t;
    typedef float grad_t;
};

/// FP: out = max(in, 0); mask[i] = [in_i > 0] written only if the method needs it and the
/// configuration stores masks.
template <class CONFIG_T, class METHOD>
void relu_fp(const typename CONFIG_T::act_t* in, typename CONFIG_T::act_t* out, bool* mask) {
    static_assert(is_method<METHOD>::value, "METHOD must be xai::Saliency, xai::DeconvNet or xai::GuidedBackprop");
    typedef typename CONFIG_T::act_t act_t;
relu_fp_loop:
    for (unsigned i = 0; i < CONFIG_T::n_elem; i++) {
#pragma HLS PIPELINE II = 1
        act_t v = in[i];
        bool m = v > act_t(0);
        out[i] = m ? v : act_t(0);
        if (METHOD::needs_relu_mask && CONFIG_T::store_relu_mask) mask[i] = m;
    }
}

/// BP: grad_in = METHOD::backward(mask, grad_out) (Eq. 3, 4 or 5). `mask` is read when
/// the configuration stores masks, otherwise the mask is recomputed from `fwd_out` (the
/// FP output of this ReLU); either may be null when the method does not need it.
template <class CONFIG_T, class METHOD>
void relu_bp(const typename CONFIG_T::grad_t* grad_out, const bool* mask,
             const typename CONFIG_T::act_t* fwd_out, typename CONFIG_T::grad_t* grad_in) {
    static_assert(is_method<METHOD>::value, "METHOD must be xai::Saliency, xai::DeconvNet or xai::GuidedBackprop");
relu_bp_loop:
    for (unsigned i = 0; i < CONFIG_T::n_elem; i++) {
#pragma HLS PIPELINE II = 1
        bool m = METHOD::needs_relu_mask ? relu_mask_at<CONFIG_T::store_relu_mask>(mask, fwd_out, i) : false;
        grad_in[i] = METHOD::template backward<typename CONFIG_T::grad_t>(m, grad_out[i]);
    }
}

} // namespace xai

#endif
