// Must NOT compile: a beat of 3 weights is no bus word (the HP ports are 64 or 128 bits).
// EXPECT: beat: elements per beat must be a power of two
#include "xai/dense.h"
struct Cfg {
    static const unsigned n_in = 48, n_out = 4, tile = 16, weight_beat = 3;
    static const bool relu = false, store_relu_mask = false;
    typedef float act_t;
    typedef float weight_t;
    typedef float accum_t;
    typedef float grad_t;
    typedef float grad_accum_t;
    static const int grad_shift = 0;
};
void f(const float* x, const float* p, float* y) { xai::dense_fp<Cfg, xai::Saliency>(x, p, y, nullptr); }
