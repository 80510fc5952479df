// Must NOT compile: a pad above kernel / 2 makes a window of padding only (PyTorch refuses it too).
// EXPECT: each pad must be at most kernel / 2
#include "xai/pool_unit.h"
struct Cfg {
    static const unsigned channels = 1, in_h = 8, in_w = 8, kernel = 3;
    static const unsigned pad_top = 2, pad_left = 1, pad_bottom = 1, pad_right = 1;
    static const int grad_shift = 0;
    typedef float grad_accum_t;
};
struct Unit {
    static const unsigned max_h = 8, max_w = 8;
};
constexpr xai::layer_desc d = xai::pool_desc<Cfg, Unit>(xai::layer_place{});
