// Must NOT compile: a depthwise convolution maps each channel to itself.
// EXPECT: a depthwise convolution has as many output channels as input channels
#include "xai/conv2d.h"
#include "support/test_configs.h"
struct Cfg : xai_test::ConvCfg<3, 4, 8, 8, 3, true, false, false, 4, 4, 8, 8, 4, 4, float> {
    static const bool depthwise = true;
};
void instantiate() { xai::conv2d_fp<Cfg, xai::Saliency>(nullptr, nullptr, nullptr, nullptr, nullptr); }
