// ReLU6 = Clip(0, 6) (MobileNet, DS-CNN variants; ONNX exports it as Clip with min 0, max 6),
// FP and BP.
//
// BP follows Captum, for all three methods: Captum's DeconvNet and GuidedBackprop replace the
// gradient only at torch.nn.ReLU modules (captum/attr/_core/guided_backprop_deconvnet.py hooks
// modules that are isinstance of torch.nn.ReLU); nn.ReLU6 is a Hardtanh, not a ReLU, so Captum
// leaves it PyTorch's own gradient, hardtanh_backward: grad * [0 < x < 6] (0 at both ends).
// So unlike ReLU every method needs the clip mask, DeconvNet included.
//
// The mask [0 < x < 6] can be kept on chip or recomputed from the FP output y = clip(x)
// (0 < y < 6 exactly when 0 < x < 6), as relu.h does for ReLU.
#ifndef XAI_RELU6_H
#define XAI_RELU6_H

#include "arith.h"
#include "method.h"

namespace xai {

/// ReLU6 configuration (every member required).
struct relu6_config_example {
    static const unsigned n_elem = 16;         ///< elements of the tensor
    static const int act_exp = 0;              ///< the tensor is stored as true * 2^act_exp, so the
                                               ///< clip level is 6 * 2^act_exp (exactly representable in act_t)
    static const bool store_clip_mask = true;  ///< keep [0 < x < 6] on chip (true) or recompute it from the FP output
    typedef float act_t;  ///< activations
    typedef float grad_t; ///< gradients
};

/// The clip level 6 in the stored scale.
template <class CONFIG_T> typename CONFIG_T::act_t relu6_level() {
#pragma HLS INLINE
    return typename CONFIG_T::act_t(6.0 * pow2(CONFIG_T::act_exp));
}

/// Whether x lies strictly inside (0, level): where ReLU6 passes its gradient.
template <class T> inline bool clip_passes(const T& x, const T& level) { return x > T(0) && x < level; }

/// FP: out = min(max(in, 0), 6); mask[i] = [0 < in_i < 6] when the configuration stores masks.
template <class CONFIG_T, class METHOD>
void relu6_fp(const typename CONFIG_T::act_t* in, typename CONFIG_T::act_t* out, bool* mask) {
    static_assert(is_method<METHOD>::value, "METHOD must be xai::Saliency, xai::DeconvNet or xai::GuidedBackprop");
    typedef typename CONFIG_T::act_t act_t;
    const act_t level = relu6_level<CONFIG_T>();
relu6_fp_loop:
    for (unsigned i = 0; i < CONFIG_T::n_elem; i++) {
#pragma HLS PIPELINE II = 1
        const act_t v = in[i];
        out[i] = v > level ? level : v > act_t(0) ? v : act_t(0);
        if (CONFIG_T::store_clip_mask) mask[i] = clip_passes(v, level);
    }
}

/// BP (every METHOD alike, see above): grad_in = grad_out * [0 < x < 6], the mask from the on-chip
/// store or recomputed from fwd_out (the FP output); the one not used may be null.
template <class CONFIG_T, class METHOD>
void relu6_bp(const typename CONFIG_T::grad_t* grad_out, const bool* mask, const typename CONFIG_T::act_t* fwd_out,
              typename CONFIG_T::grad_t* grad_in) {
    static_assert(is_method<METHOD>::value, "METHOD must be xai::Saliency, xai::DeconvNet or xai::GuidedBackprop");
    typedef typename CONFIG_T::grad_t grad_t;
    const typename CONFIG_T::act_t level = relu6_level<CONFIG_T>();
relu6_bp_loop:
    for (unsigned i = 0; i < CONFIG_T::n_elem; i++) {
#pragma HLS PIPELINE II = 1
        const bool m = CONFIG_T::store_clip_mask ? mask[i] : clip_passes(fwd_out[i], level);
        grad_in[i] = m ? grad_out[i] : grad_t(0);
    }
}

} // namespace xai

#endif
