// What one network pass runs of BP. explain.h's Grad-CAM drivers stop BP at a block and pick the ReLU
// rule per pass; every other caller runs the whole BP with the method's own rule (full_pass).
#ifndef XAI_PASS_CONTROL_H
#define XAI_PASS_CONTROL_H

namespace xai {

struct pass_control {
    /// BP walks the layers from the last down to bp_stop: 0 runs it to the input and writes the relevance;
    /// L + 1 ends it with the gradient w.r.t. layer L's output in the gradient arena and leaves the relevance alone.
    unsigned bp_stop;
    /// Guided Backprop's ReLU rule instead of Saliency's for this pass (METHOD = SaliencyOrGuided only).
    bool guided;
};

/// The whole BP with the method's own rule.
constexpr pass_control full_pass = {0, false};

} // namespace xai

#endif
