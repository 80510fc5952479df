// Must NOT compile: ReLU6's level 6 * 2^act_out_exp must fit the activation type (here 6 * 2^0 in
// a type whose values stay below 2).
// EXPECT: must be exactly representable in act_t
#include "xai/conv2d.h"
#include "support/test_configs.h"
struct Cfg : xai_test::ConvCfg<3, 4, 8, 8, 3, true, false, false, 4, 4, 8, 8, 4, 4, xai::fixed_t<16, 2>> {
    static const bool relu6 = true;
    static const int act_out_exp = 0;
    typedef xai::fixed_t<16, 1> weight_t;
    typedef xai::fixed_t<48, 19> accum_t;
    typedef xai::fixed_t<48, 19> grad_accum_t;
};
void instantiate() { xai::conv2d_fp<Cfg, xai::Saliency>(nullptr, nullptr, nullptr, nullptr, nullptr); }
