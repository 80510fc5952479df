// Must NOT compile: more padding than 'same' is not a grid of the 'same' convolution.
// EXPECT: each pad must be at most \(kernel - 1\) / 2
#include "xai/conv2d.h"
#include "support/test_configs.h"
struct Cfg : xai_test::ConvCfg<3, 4, 8, 8, 3, true, false, false, 4, 4, 8, 8, 4, 4, float> {
    static const unsigned stride = 1, pad_top = 2, pad_left = 1, pad_bottom = 1, pad_right = 1;
};
void instantiate() { xai::conv2d_fp<Cfg, xai::Saliency>(nullptr, nullptr, nullptr, nullptr, nullptr); }
