// Must NOT compile: the pool unit runs kernels 2 and 3 only.
// EXPECT: the pool unit's kernel is 2 or 3
#include "xai/pool_unit.h"
struct Cfg {
    static const unsigned channels = 1, in_h = 8, in_w = 8, kernel = 4;
    static const unsigned pad_top = 0, pad_left = 0, pad_bottom = 0, pad_right = 0;
    static const int grad_shift = 0;
    typedef float grad_accum_t;
};
struct Unit {
    static const unsigned max_h = 8, max_w = 8;
};
constexpr xai::layer_desc d = xai::pool_desc<Cfg, Unit>(xai::layer_place{});
