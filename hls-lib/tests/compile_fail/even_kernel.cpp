// Must NOT compile: static_assert "kernel must be odd".
// EXPECT: kernel must be odd
#include "xai/conv2d.h"
#include "xai/dense.h"
#include "support/test_configs.h"
typedef xai_test::ConvCfg<3, 4, 8, 8, 4, true, false, false, 4, 4, 8, 8, 4, 4, float> Cfg;
void instantiate() { xai::conv2d_fp<Cfg, xai::Saliency>(nullptr, nullptr, nullptr, nullptr, nullptr); }
