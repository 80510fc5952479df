// Must NOT compile: the engine's grid has stride 1 or 2.
// EXPECT: stride must be 1 or 2
#include "xai/conv2d.h"
#include "support/test_configs.h"
struct Cfg : xai_test::ConvCfg<3, 4, 8, 8, 3, true, false, false, 4, 4, 8, 8, 4, 4, float> {
    static const unsigned stride = 3;
};
void instantiate() { xai::conv2d_fp<Cfg, xai::Saliency>(nullptr, nullptr, nullptr, nullptr, nullptr); }
