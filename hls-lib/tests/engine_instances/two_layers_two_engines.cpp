// Negative control for check.sh: two standalone convolution blocks of different shapes,
// as a top written layer by layer would have them, are two engines. check.sh must fail here.
#include "xai/conv2d.h"

struct small_engine {
    static const unsigned n_oh = 2, n_ow = 2, tile_h = 4, tile_w = 4, tile_ci = 2, tile_co = 2;
    static const unsigned kernel = 3;
    static const bool double_buffer = false;
    static const bool relu = true, pool = false, store_relu_mask = false;
    typedef float act_t;
    typedef float weight_t;
    typedef float accum_t;
    typedef float grad_t;
    typedef float grad_accum_t;
    static const int grad_shift = 0;
};
struct layer_a : small_engine { static const unsigned in_c = 1, out_c = 2, height = 4, width = 4; };
struct layer_b : small_engine { static const unsigned in_c = 2, out_c = 2, height = 4, width = 4; };

void two_layers(const float* x, const float* w, float* y, float* z) {
    xai::conv2d_fp<layer_a, xai::Saliency>(x, w, y, nullptr, nullptr);
    xai::conv2d_fp<layer_b, xai::Saliency>(y, w + 20, z, nullptr, nullptr);
}
