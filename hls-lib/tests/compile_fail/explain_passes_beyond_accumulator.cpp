// Must NOT compile: 512 gradients of <16,8> summed in <32,16> can overflow (8 bits of headroom: 256 passes).
// EXPECT: the gradient accumulator cannot sum this many passes without overflow
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
    static const unsigned ig_steps = 512;
};
struct Pass {
    unsigned operator()(const Num::act_t*, Num::grad_t*, Num::act_t*, int, bool) { return 0; }
};
void instantiate() {
    Pass pass;
    xai::no_pass_observer none;
    xai::explain<Num, xai::IntegratedGradients, Cfg, 4, 2>(pass, nullptr, nullptr, nullptr, -1, none);
}
