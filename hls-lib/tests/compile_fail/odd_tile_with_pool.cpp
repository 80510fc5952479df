// Must NOT compile: static_assert "even tile_h and tile_w".
// EXPECT: even tile_h and tile_w
#include "xai/conv2d.h"
#include "xai/dense.h"
#include "support/test_configs.h"
typedef xai_test::ConvCfg<3, 4, 8, 8, 3, true, true, false, 2, 1, 6, 3, 4, 4, float> Cfg;
void instantiate() { xai::conv2d_fp<Cfg, xai::Saliency>(nullptr, nullptr, nullptr, nullptr, nullptr); }
