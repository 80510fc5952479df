// Must NOT compile: static_assert "tile must be 16 or 32".
// EXPECT: tile must be 16 or 32
#include "xai/conv2d.h"
#include "xai/dense.h"
#include "support/test_configs.h"
typedef xai_test::DenseCfg<40, 10, true, true, 24, float> Cfg;
void instantiate() { xai::dense_fp<Cfg, xai::Saliency>(nullptr, nullptr, nullptr, nullptr); }
