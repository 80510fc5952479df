// Must NOT compile: static_assert "METHOD must be".
// EXPECT: METHOD must be
#include "xai/conv2d.h"
#include "xai/dense.h"
#include "support/test_configs.h"
typedef xai_test::ConvCfg<3, 4, 8, 8, 3, true, false, false, 4, 4, 8, 8, 4, 4, float> Cfg;
void instantiate() { xai::conv2d_fp<Cfg, float>(nullptr, nullptr, nullptr, nullptr, nullptr); }
