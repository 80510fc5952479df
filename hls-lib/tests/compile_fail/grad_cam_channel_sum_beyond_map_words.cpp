// Must NOT compile: <16,8> activations times <16,8> gradients (products below 2^14), summed over 1024 channels,
// can reach 2^24: beyond the Grad-CAM map words' 24 integer bits (512 channels compile).
// EXPECT: Grad-CAM's channel sum could overflow its 24 integer bits
#include "xai/explain.h"
#include "xai/types.h"
struct Num {
    typedef xai::fixed_t<16, 8> act_t;
    typedef xai::fixed_t<32, 16> accum_t;
    typedef xai::fixed_t<16, 8> grad_t;
    typedef xai::fixed_t<32, 16> grad_accum_t;
    static constexpr int grad_exp(unsigned) { return 0; }
};
struct Cfg : xai::default_explain_config {
    static const unsigned image_channels = 1, image_height = 4, image_width = 4;
    static const unsigned gradcam_layer = 0, gradcam_channels = 1024, gradcam_height = 2, gradcam_width = 2;
    static const unsigned gradcam_act_at = 0, gradcam_grad_at = 0;
};
struct Pass {
    unsigned operator()(const Num::act_t*, Num::grad_t*, Num::act_t*, int, bool, xai::pass_control) { return 0; }
    const Num::act_t* act_arena() const { return nullptr; }
    const Num::grad_t* grad_arena() const { return nullptr; }
};
void instantiate() {
    Pass pass;
    xai::no_pass_observer none;
    xai::explain<Num, xai::GradCam, Cfg, 16, 2>(pass, nullptr, nullptr, nullptr, -1, none);
}
