// Attribution method as a compile-time policy (paper Sec. II, Table II).
//
// A method decides only what happens to a gradient at a ReLU during BP; convolutions,
// dense layers and max-pool unpooling are identical for all three. Each policy exposes
//   needs_relu_mask : whether FP must keep the ReLU's sign information for BP (Table II)
//   backward(m, g)  : gradient w.r.t. the ReLU input, given m = [f > 0] from FP and the
//                     gradient g w.r.t. the ReLU output (Eq. 3, 4, 5); ReLU'(0) = 0.
//   rule_per_pass   : true only for SaliencyOrGuided, whose rule each pass picks at run time.
// `m` is ignored by methods that do not need the mask, so the caller may pass anything.
#ifndef XAI_METHOD_H
#define XAI_METHOD_H

namespace xai {

/// Saliency (Eq. 3): R_in = [f > 0] * R_out, the plain gradient.
struct Saliency {
    static const bool needs_relu_mask = true;
    static const bool rule_per_pass = false;
    template <class G> static G backward(bool m, G g) { return m ? g : G(0); }
};

/// DeconvNet (Eq. 4): R_in = relu(R_out); the forward sign is not used.
struct DeconvNet {
    static const bool needs_relu_mask = false;
    static const bool rule_per_pass = false;
    template <class G> static G backward(bool, G g) { return g > G(0) ? g : G(0); }
};

/// Guided Backpropagation (Eq. 5): R_in = [f > 0] * [R_out > 0] * R_out.
struct GuidedBackprop {
    static const bool needs_relu_mask = true;
    static const bool rule_per_pass = false;
    template <class G> static G backward(bool m, G g) { return (m && g > G(0)) ? g : G(0); }
};

/// Saliency or Guided Backprop, chosen per pass at run time (the layer descriptor's `guided` bit, which
/// network_run sets from its pass_control): Guided Grad-CAM needs a gradient pass and a guided pass, and
/// this keeps them on ONE engine instead of two. backward() is Saliency's; the engines switch on the bit.
struct SaliencyOrGuided {
    static const bool needs_relu_mask = true;
    static const bool rule_per_pass = true;
    template <class G> static G backward(bool m, G g) { return Saliency::backward(m, g); }
};

/// is_method<M>::value is true only for the policies above; blocks static_assert on it
/// so a typo or an unrelated type is rejected at compile time.
template <class M> struct is_method { static const bool value = false; };
template <> struct is_method<Saliency> { static const bool value = true; };
template <> struct is_method<DeconvNet> { static const bool value = true; };
template <> struct is_method<GuidedBackprop> { static const bool value = true; };
template <> struct is_method<SaliencyOrGuided> { static const bool value = true; };

} // namespace xai

#endif
