// Must NOT compile: a residual join after a stride-2 convolution (its side tile is the 'same' map's).
// EXPECT: a residual join follows a stride-1 'same' convolution without a pool
#include "xai/layer_desc.h"
#include "support/res_net.h"
template <class NUM> struct Cfg : res_net::join_layer<NUM, 2, 3, 1> {
    static const unsigned in_c = 4, out_c = 4, height = 9, width = 10, kernel = 3, stride = 2;
    static const unsigned pad_top = 1, pad_left = 1, pad_bottom = 1, pad_right = 1;
};
const xai::layer_desc d = xai::conv_desc<Cfg<res_net::numerics<float>>>(xai::layer_place{0, 0, 0, 0, 0, 0, 0});
