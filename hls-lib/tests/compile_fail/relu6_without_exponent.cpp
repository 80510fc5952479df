// Must NOT compile: a ReLU6 layer must say its output's exponent (the clip level is 6 * 2^act_out_exp;
// act_in_exp + act_shift is not it when the weights are stored scaled).
// EXPECT: a relu6 configuration must give act_out_exp
#include "xai/conv2d.h"
#include "support/test_configs.h"
struct Cfg : xai_test::ConvCfg<3, 4, 8, 8, 3, true, false, false, 4, 4, 8, 8, 4, 4, float> {
    static const bool relu6 = true;
};
void instantiate() { xai::conv2d_fp<Cfg, xai::Saliency>(nullptr, nullptr, nullptr, nullptr, nullptr); }
