// Must NOT compile: the layer's map is larger than the unit's channel buffers.
// EXPECT: the layer's map must fit the pool unit's max_h x max_w
#include "xai/pool_unit.h"
struct Cfg {
    static const unsigned channels = 1, in_h = 16, in_w = 8, kernel = 3;
    static const unsigned pad_top = 1, pad_left = 1, pad_bottom = 1, pad_right = 1;
    static const int grad_shift = 0;
    typedef float grad_accum_t;
};
struct Unit {
    static const unsigned max_h = 8, max_w = 8;
};
constexpr xai::layer_desc d = xai::pool_desc<Cfg, Unit>(xai::layer_place{});
