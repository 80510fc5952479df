// Must NOT compile: an exponent difference beyond what the shifters cover.
// EXPECT: exponent shifts must lie within
#include "xai/residual_add.h"
struct Cfg {
    static const unsigned n_elem = 4;
    static const int main_shift = 40, skip_shift = 0;
    typedef float grad_t;
    typedef float accum_t;
};
void instantiate() { xai::residual_fork_bp<Cfg>(nullptr, nullptr, nullptr); }
