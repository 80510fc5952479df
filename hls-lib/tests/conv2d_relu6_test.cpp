// ReLU6 (Clip(0, 6): MobileNet) fused into the convolution engine's store like ReLU: FP clips at
// 6 * 2^act_out_exp, BP passes the gradient where 0 < x < 6 for every method (Captum changes only
// nn.ReLU), with the mask kept on chip or recomputed from the output, dense and depthwise, stride
// 1 and 2, double-buffered; against a direct double reference with inputs wide enough that about a
// fifth of the outputs clip. (A ReLU6 before a fused max-pool is built by the engine but not checked
// here: the reference has no pool.) Also runs in the XAI_HLS_LOOPS binary.
#include <gtest/gtest.h>

#include "xai/conv2d.h"
#include "support/conv_reference.h"

using namespace xai_test;

namespace {

template <unsigned CI, unsigned CO, unsigned H, unsigned W, unsigned K, unsigned STRIDE, bool DW, bool POOL, bool STORE,
          bool DOUBLE_BUFFER = false>
struct Relu6Cfg : DoubleTypes {
    static const unsigned in_c = CI, out_c = CO, height = H, width = W, kernel = K, stride = STRIDE;
    static const unsigned pad_top = (K - 1) / 2, pad_left = pad_top, pad_bottom = pad_top, pad_right = pad_top;
    static const bool depthwise = DW;
    static const bool relu = true, relu6 = true, pool = POOL, store_relu_mask = STORE;
    static const int act_out_exp = 0;
    static const unsigned n_oh = 2, n_ow = 2, tile_h = 4, tile_w = 4, tile_ci = 4, tile_co = 4;
    static const bool double_buffer = DOUBLE_BUFFER;
};

typedef ::testing::Types<Relu6Cfg<3, 5, 9, 11, 3, 1, false, false, true>, Relu6Cfg<3, 5, 9, 11, 3, 1, false, false, false>,
                         Relu6Cfg<6, 6, 10, 9, 3, 2, true, false, true>, Relu6Cfg<6, 6, 10, 9, 3, 2, true, false, false>,
                         Relu6Cfg<4, 6, 8, 10, 1, 1, false, false, false, true>>
    Relu6Configs;

template <class CFG> class Relu6ConvolutionTest : public ::testing::Test {};
TYPED_TEST_SUITE(Relu6ConvolutionTest, Relu6Configs);

TYPED_TEST(Relu6ConvolutionTest, Saliency) { conv_reference<TypeParam>::template check<xai::Saliency>(601, 12.0); }
TYPED_TEST(Relu6ConvolutionTest, DeconvNet) { conv_reference<TypeParam>::template check<xai::DeconvNet>(602, 12.0); }
TYPED_TEST(Relu6ConvolutionTest, GuidedBackprop) { conv_reference<TypeParam>::template check<xai::GuidedBackprop>(603, 12.0); }

// The inputs above do reach the clip: a test that never clipped would pass with a plain ReLU.
TEST(Relu6Convolution, ClipsAThirdOfItsOutputsAndTheReferenceDiffersFromReLU) {
    typedef Relu6Cfg<3, 5, 9, 11, 3, 1, false, false, true> CFG;
    typedef xai::conv2d_shape<CFG> SH;
    const Vec x = random_vec(601, SH::in_size, -12.0, 12.0), p = random_vec(602, SH::param_count, -0.5, 0.5);
    Vec out(SH::out_size);
    Bits mask(SH::out_size);
    xai::conv2d_fp<CFG, xai::DeconvNet>(x.data(), p.data(), out.data(), mask.data(), nullptr);
    unsigned clipped = 0, masked = 0;
    for (unsigned i = 0; i < SH::out_size; i++) {
        clipped += out[i] == 6.0;
        masked += mask.data()[i] ? 1u : 0u;
        EXPECT_EQ(mask.data()[i], out[i] > 0.0 && out[i] < 6.0) << i; // DeconvNet keeps the clip mask too
    }
    EXPECT_GT(clipped, SH::out_size / 5);
    EXPECT_GT(masked, SH::out_size / 5);
}

// A configuration's ReLU6 level in a scaled fixed-point type: 6 * 2^-2 = 1.5 in <16,2> holds it.
TEST(Relu6Convolution, TheLevelIsSixTimesTheOutputExponent) {
    xai::layer_desc d{};
    d.act_out_exp = -2;
    EXPECT_EQ((xai::relu6_level_of<double, double>(d)), 1.5);
    d.act_out_exp = 3;
    EXPECT_EQ((xai::relu6_level_of<double, double>(d)), 48.0);
    typedef xai::fixed_t<16, 2> act16_2;
    EXPECT_TRUE(xai::relu6_level_fits<act16_2>::ok(-2));
    EXPECT_FALSE(xai::relu6_level_fits<act16_2>::ok(-1)); // 3 does not fit below 2
}

} // namespace
