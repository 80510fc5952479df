// Must NOT compile: a pad as large as the kernel makes a window of padding only.
// EXPECT: every pad must be smaller than the kernel
#include "xai/avgpool.h"
struct Cfg {
    static const unsigned channels = 1, in_h = 8, in_w = 8, kernel = 2, stride = 2;
    static const unsigned pad_top = 2, pad_left = 0, pad_bottom = 0, pad_right = 0;
    static const bool count_include_pad = false;
    typedef float act_t;
    typedef float grad_t;
    typedef float accum_t;
};
void instantiate() { xai::avgpool2d_fp<Cfg>(nullptr, nullptr); }
