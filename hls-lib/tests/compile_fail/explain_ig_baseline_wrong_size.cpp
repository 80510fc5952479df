// Must NOT compile: Integrated Gradients' baseline image holds 3 values for an input of 4 elements.
// EXPECT: ig_baseline must hold exactly one value per input element
#include "xai/explain.h"
#include "xai/types.h"
struct Num {
    typedef xai::fixed_t<16, 8> act_t;
    typedef xai::fixed_t<32, 16> accum_t;
    typedef xai::fixed_t<16, 8> grad_t;
    typedef xai::fixed_t<40, 16> grad_accum_t;
    static constexpr int grad_exp(unsigned) { return 0; }
};
struct Cfg : xai::default_explain_config {
    static const unsigned char (&ig_baseline())[3] {
        static const unsigned char values[3] = {64, 128, 192};
        return values;
    }
    static constexpr double ig_baseline_unit = 1.0 / 255;
};
struct Pass {
    unsigned operator()(const Num::act_t*, Num::grad_t*, Num::act_t*, int, bool) { return 0; }
};
void instantiate() {
    Pass pass;
    xai::no_pass_observer none;
    xai::explain<Num, xai::IntegratedGradients, Cfg, 4, 2>(pass, nullptr, nullptr, nullptr, -1, none);
}
