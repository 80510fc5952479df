// Must NOT compile: a fused max-pool after a strided convolution.
// EXPECT: a fused max-pool needs stride 1
#include "xai/conv2d.h"
#include "support/test_configs.h"
struct Cfg : xai_test::ConvCfg<3, 4, 8, 8, 3, true, true, false, 4, 4, 8, 8, 4, 4, float> {
    static const unsigned stride = 2;
};
void instantiate() { xai::conv2d_fp<Cfg, xai::Saliency>(nullptr, nullptr, nullptr, nullptr, nullptr); }
