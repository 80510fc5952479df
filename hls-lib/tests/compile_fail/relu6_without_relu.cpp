// Must NOT compile: ReLU6 is a ReLU that also clips, so a configuration asking for it needs relu.
// EXPECT: relu6 is a ReLU that also clips at 6; set relu too
#include "xai/conv2d.h"
#include "support/test_configs.h"
struct Cfg : xai_test::ConvCfg<3, 4, 8, 8, 3, false, false, false, 4, 4, 8, 8, 4, 4, float> {
    static const bool relu6 = true;
    static const int act_out_exp = 0;
};
void instantiate() { xai::conv2d_fp<Cfg, xai::Saliency>(nullptr, nullptr, nullptr, nullptr, nullptr); }
