// Must NOT compile: a configuration that keeps the pass input and sums off chip, explained without the memory for them.
// EXPECT: explain_config::sums_off_chip keeps the pass input and sums in the caller's memory
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
    static const bool sums_off_chip = true;
};
struct Pass {
    unsigned operator()(const Num::act_t*, Num::grad_t*, Num::act_t*, int, bool) { return 0; }
};
void instantiate() {
    Pass pass;
    xai::no_pass_observer none;
    xai::explain<Num, xai::IntegratedGradients, Cfg, 4, 2>(pass, nullptr, nullptr, nullptr, -1, none);
}
