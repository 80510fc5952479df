// Must NOT compile: a network layer whose kernel exceeds its engine's max_kernel would index
// past the engine's buffers.
// EXPECT: must not exceed its engine's max_kernel
#include "xai/network.h"
#include "support/test_configs.h"
struct Cfg : xai_test::ConvCfg<3, 4, 8, 8, 5, true, false, false, 4, 4, 8, 8, 4, 4, float> {
    static const unsigned max_kernel = 3, max_out_c = 4;
};
constexpr xai::layer_desc d = xai::conv_desc<Cfg>({0, 0, 0, 0, 0, 0, 0});
