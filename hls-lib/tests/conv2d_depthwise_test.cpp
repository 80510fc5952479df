// Depthwise convolutions (ONNX group = channels: output channel c convolves input channel c only)
// on the one convolution engine, with and without stride 2 and uneven padding: FP and BP (the
// channel-to-channel transpose with the method's ReLU rule) against a direct double reference,
// and the adjoint identity. Also runs in the XAI_HLS_LOOPS binary.
#include <gtest/gtest.h>

#include "xai/conv2d.h"
#include "support/conv_reference.h"

using namespace xai_test;

namespace {

template <unsigned C, unsigned H, unsigned W, unsigned K, unsigned STRIDE, unsigned PT, unsigned PL, unsigned PB,
          unsigned PR, bool RELU, bool STORE, unsigned NOH, unsigned NOW, unsigned TH, unsigned TW, unsigned TCI,
          unsigned TCO, bool DOUBLE_BUFFER = false>
struct DwCfg : DoubleTypes {
    static const unsigned in_c = C, out_c = C, height = H, width = W, kernel = K, stride = STRIDE;
    static const unsigned pad_top = PT, pad_left = PL, pad_bottom = PB, pad_right = PR;
    static const bool depthwise = true;
    static const bool relu = RELU, pool = false, store_relu_mask = STORE;
    static const unsigned n_oh = NOH, n_ow = NOW, tile_h = TH, tile_w = TW, tile_ci = TCI, tile_co = TCO;
    static const bool double_buffer = DOUBLE_BUFFER;
};

// DS-CNN / MobileNet shapes: 3x3 'same', stride 2 with pads 1, valid 5x5, uneven pads; channel
// counts that are not multiples of the tiles, tile_ci != tile_co (the depthwise tile is the
// smaller), double-buffered.
typedef ::testing::Types<DwCfg<5, 11, 13, 3, 1, 1, 1, 1, 1, true, true, 2, 2, 4, 4, 2, 2>,
                         DwCfg<7, 12, 9, 3, 2, 1, 1, 1, 1, true, false, 2, 2, 4, 4, 4, 3>,
                         DwCfg<3, 10, 10, 5, 1, 0, 0, 0, 0, true, true, 2, 4, 4, 8, 2, 4>,
                         DwCfg<6, 9, 7, 3, 2, 0, 1, 1, 0, false, false, 2, 2, 4, 4, 4, 4>,
                         DwCfg<5, 11, 13, 3, 2, 1, 1, 1, 1, true, true, 2, 2, 4, 4, 2, 2, true>>
    DwConfigs;

template <class CFG> class DepthwiseConvolutionTest : public ::testing::Test {};
TYPED_TEST_SUITE(DepthwiseConvolutionTest, DwConfigs);

TYPED_TEST(DepthwiseConvolutionTest, Saliency) { conv_reference<TypeParam>::template check<xai::Saliency>(301); }
TYPED_TEST(DepthwiseConvolutionTest, DeconvNet) { conv_reference<TypeParam>::template check<xai::DeconvNet>(302); }
TYPED_TEST(DepthwiseConvolutionTest, GuidedBackprop) { conv_reference<TypeParam>::template check<xai::GuidedBackprop>(303); }

TYPED_TEST(DepthwiseConvolutionTest, IsDepthwiseToTheEngine) {
    // Guards the shared reference: it reads depthwise through the same trait as the engine.
    typedef TypeParam CFG;
    EXPECT_EQ(unsigned(xai::conv2d_shape<CFG>::weight_count), CFG::in_c * CFG::kernel * CFG::kernel);
    EXPECT_TRUE(xai::conv_desc<CFG>(xai::layer_place{0, 0, 0, 0, 0, 0, 0}).depthwise);
}

TEST(DepthwiseConvolution, BackwardIsTheTransposeOfTheLinearForward) {
    conv_reference<DwCfg<6, 9, 7, 3, 2, 0, 1, 1, 0, false, false, 2, 2, 4, 4, 4, 4>>::check_adjoint(311);
}

} // namespace
