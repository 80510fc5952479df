// Must NOT compile: a dense ReLU6 must say its output's exponent (the clip level is 6 * 2^act_out_exp).
// EXPECT: dense_desc: a relu6 configuration must give act_out_exp
#include "xai/dense.h"
struct Cfg {
    static const unsigned n_in = 8, n_out = 4, tile = 16;
    static const bool relu = true, relu6 = true, store_relu_mask = true;
    typedef float act_t;
    typedef float weight_t;
    typedef float accum_t;
    typedef float grad_t;
    typedef float grad_accum_t;
    static const int grad_shift = 0;
};
constexpr xai::layer_desc d = xai::dense_desc<Cfg>(xai::layer_place{});
