// Must NOT compile: a weight beat wider than the dense tile would land in two block rows.
// EXPECT: dense: weight_beat must be at most the tile
#include "xai/dense.h"
struct Cfg {
    static const unsigned n_in = 64, n_out = 4, tile = 16, weight_beat = 32;
    static const bool relu = false, store_relu_mask = false;
    typedef float act_t;
    typedef float weight_t;
    typedef float accum_t;
    typedef float grad_t;
    typedef float grad_accum_t;
    static const int grad_shift = 0;
};
void f(const float* x, const float* p, float* y) { xai::dense_fp<Cfg, xai::Saliency>(x, p, y, nullptr); }
