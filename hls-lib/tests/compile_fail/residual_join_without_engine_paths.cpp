// Must NOT compile: a residual join on an engine built without its residual paths (no side tile).
// EXPECT: a residual layer needs an engine with residual_paths = true
#include "xai/layer_desc.h"
#include "support/test_configs.h"
struct Cfg : xai_test::ConvCfg<4, 4, 8, 8, 3, true, false, false, 4, 4, 8, 8, 4, 4, float> {
    static const bool residual = true;
    static const int res_shift = 0, res_grad_shift = 0;
};
const xai::layer_desc d = xai::conv_desc<Cfg>(xai::layer_place{0, 0, 0, 0, 0, 0, 0});
