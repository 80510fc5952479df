// Convolutions with stride 2 and with less than 'same' padding (valid, asymmetric ONNX pads) on
// the one convolution engine: FP stores a grid of the 'same' convolution, BP puts the gradient
// back on the grid and runs the same flipped-transpose core (the fractionally strided
// convolution). Checked against a direct double reference of the strided, padded convolution
// and of its transpose with each method's ReLU rule, and by the adjoint identity. This file
// also runs in the XAI_HLS_LOOPS binary (banked buffers, synthesized loop nests).
#include <gtest/gtest.h>

#include "xai/conv2d.h"
#include "support/conv_reference.h"

using namespace xai_test;

namespace {

template <unsigned CI, unsigned CO, unsigned H, unsigned W, unsigned K, unsigned STRIDE, unsigned PT, unsigned PL,
          unsigned PB, unsigned PR, bool RELU, bool STORE, unsigned NOH, unsigned NOW, unsigned TH, unsigned TW,
          unsigned TC, bool DOUBLE_BUFFER = false>
struct GridCfg : DoubleTypes {
    static const unsigned in_c = CI, out_c = CO, height = H, width = W, kernel = K, stride = STRIDE;
    static const unsigned pad_top = PT, pad_left = PL, pad_bottom = PB, pad_right = PR;
    static const bool relu = RELU, pool = false, store_relu_mask = STORE;
    static const unsigned n_oh = NOH, n_ow = NOW, tile_h = TH, tile_w = TW, tile_ci = TC, tile_co = TC;
    static const bool double_buffer = DOUBLE_BUFFER;
};

// ResNet's stride-2 3x3 and 1x1 (shortcut) and 7x7 stem, LeNet's valid 5x5, ONNX's asymmetric
// pads, with and without stride; odd maps that are not multiples of the tiles; double-buffered.
typedef ::testing::Types<GridCfg<3, 5, 11, 13, 3, 2, 1, 1, 1, 1, true, true, 2, 2, 4, 4, 2>,
                         GridCfg<4, 3, 9, 10, 1, 2, 0, 0, 0, 0, false, false, 2, 2, 4, 4, 3>,
                         GridCfg<3, 4, 15, 16, 7, 2, 3, 3, 3, 3, true, false, 4, 4, 8, 8, 2>,
                         GridCfg<2, 5, 12, 10, 5, 1, 0, 0, 0, 0, true, true, 2, 2, 4, 4, 2>,
                         GridCfg<3, 3, 7, 9, 3, 1, 0, 1, 1, 0, true, false, 1, 2, 2, 4, 2>,
                         GridCfg<3, 4, 10, 9, 3, 2, 0, 0, 0, 0, true, true, 2, 2, 4, 4, 3>,
                         GridCfg<2, 3, 11, 8, 3, 2, 1, 0, 0, 1, true, false, 2, 2, 4, 4, 2>,
                         GridCfg<5, 7, 13, 11, 5, 2, 2, 1, 0, 2, true, true, 2, 4, 4, 8, 3>,
                         GridCfg<3, 5, 11, 13, 3, 2, 1, 1, 1, 1, true, true, 2, 2, 4, 4, 2, true>,
                         GridCfg<2, 5, 12, 10, 5, 1, 0, 0, 0, 0, true, true, 2, 2, 4, 4, 2, true>>
    GridConfigs;

template <class CFG> class ConvolutionGridTest : public ::testing::Test {};
TYPED_TEST_SUITE(ConvolutionGridTest, GridConfigs);

TYPED_TEST(ConvolutionGridTest, Saliency) { conv_reference<TypeParam>::template check<xai::Saliency>(101); }
TYPED_TEST(ConvolutionGridTest, DeconvNet) { conv_reference<TypeParam>::template check<xai::DeconvNet>(102); }
TYPED_TEST(ConvolutionGridTest, GuidedBackprop) { conv_reference<TypeParam>::template check<xai::GuidedBackprop>(103); }

TYPED_TEST(ConvolutionGridTest, OutputSizeAsPyTorchAndOnnx) {
    typedef TypeParam CFG;
    typedef xai::conv2d_shape<CFG> SH;
    const unsigned padded_h = CFG::height + CFG::pad_top + CFG::pad_bottom, padded_w = CFG::width + CFG::pad_left + CFG::pad_right;
    EXPECT_EQ(unsigned(SH::out_h), (padded_h - CFG::kernel) / CFG::stride + 1);
    EXPECT_EQ(unsigned(SH::out_w), (padded_w - CFG::kernel) / CFG::stride + 1);
}

TEST(ConvolutionGrid, BackwardIsTheTransposeOfTheLinearForward) {
    conv_reference<GridCfg<3, 4, 11, 9, 3, 2, 0, 1, 1, 0, false, false, 2, 2, 4, 4, 2>>::check_adjoint(201);
}

} // namespace
