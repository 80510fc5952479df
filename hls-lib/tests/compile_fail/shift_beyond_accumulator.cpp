// Must NOT compile: a gradient shift whose power of two the fixed-point accumulator cannot hold
// (2^20 in <48,18>) would rescale by a wrapped factor.
// EXPECT: representable in the accumulator type
#include "xai/network.h"
#include "support/test_configs.h"
typedef xai::fixed_t<48, 18> acc48;
struct Cfg : xai_test::ConvCfg<3, 4, 8, 8, 3, true, false, false, 4, 4, 8, 8, 4, 4, xai::fixed_t<16, 1>, 20> {
    typedef acc48 accum_t;
    typedef acc48 grad_accum_t;
};
constexpr xai::layer_desc d = xai::conv_desc<Cfg>({0, 0, 0, 0, 0, 0, 0});
