// Memory accounting for Table III (paper Sec. V: 3.4 Mb autograd vs 24.7 Kb masks) and for
// the odd network, per method, for what this design stores.
#include <gtest/gtest.h>

#include "xai/memory.h"
#include "table3_top.h"
#include "support/odd_net.h"
#include "support/test_configs.h"

namespace {

typedef table3::float_numerics N;
template <class M>
using Table3Memory = xai::memory_account<M, 3 * 32 * 32, xai::conv_layer<table3::conv1_config<N>>,
                                         xai::conv_layer<table3::conv2_config<N>>, xai::conv_layer<table3::conv3_config<N>>,
                                         xai::conv_layer<table3::conv4_config<N>>, xai::dense_layer<table3::fc1_config<N>>,
                                         xai::dense_layer<table3::fc2_config<N>>>;

TEST(MemoryAccounting, Table3AutogradIs3point4Mb) {
    EXPECT_EQ(Table3Memory<xai::Saliency>::autograd_saved_elements, 212224ull);
    EXPECT_EQ(Table3Memory<xai::Saliency>::autograd_bits(16), 3395584ull);
}

TEST(MemoryAccounting, Table3PaperMaskFigureIs24point7Kb) {
    EXPECT_EQ(Table3Memory<xai::Saliency>::pool_index_bits, 24576ull);
    EXPECT_EQ(Table3Memory<xai::Saliency>::paper_mask_bits, 24704ull);
    EXPECT_EQ(Table3Memory<xai::Saliency>::full_mask_bits, 123008ull);
}

TEST(MemoryAccounting, Table3DesignStoresPerMethod) {
    // Conv masks recomputed from DRAM outputs, dense ReLU mask kept on chip (128 bits).
    EXPECT_EQ(Table3Memory<xai::Saliency>::design_onchip_bits, 24704ull);
    EXPECT_EQ(Table3Memory<xai::GuidedBackprop>::design_onchip_bits, 24704ull);
    EXPECT_EQ(Table3Memory<xai::DeconvNet>::design_onchip_bits, 24576ull);
    EXPECT_EQ(Table3Memory<xai::Saliency>::design_dram_kept_elements, 32768ull + 8192 + 16384 + 4096);
    EXPECT_EQ(Table3Memory<xai::DeconvNet>::design_dram_kept_elements, 0ull);
}

TEST(MemoryAccounting, OddNetStoredMaskAtPooledResolution) {
    typedef odd_net::numerics<float> O;
    typedef xai::memory_account<xai::GuidedBackprop, 3 * 10 * 14, xai::conv_layer<odd_net::conv1_config<O>>,
                                xai::conv_layer<odd_net::conv2_config<O>>, xai::dense_layer<odd_net::fc1_config<O>>,
                                xai::dense_layer<odd_net::fc2_config<O>>>
        M;
    // input 420 + conv1 (700 pre + 700 relu + 175 pool) + conv2 (245 + 245 + 42) + fc1 (9 + 9) + fc2 4 - 4
    EXPECT_EQ(M::autograd_saved_elements, 420ull + 700 + 700 + 175 + 245 + 245 + 42 + 9 + 9);
    EXPECT_EQ(M::pool_index_bits, 2ull * (175 + 42));
    EXPECT_EQ(M::design_onchip_bits, 2ull * (175 + 42) + 175);      // conv1 stores bits (pooled)
    EXPECT_EQ(M::design_dram_kept_elements, 42ull + 9);             // conv2, fc1 recompute
    EXPECT_EQ(M::full_mask_bits, 2ull * (175 + 42) + 700 + 245 + 9);
}

// A ReLU6's clip rule applies in every method, so DeconvNet keeps its mask too (or its output in DRAM).
struct Relu6Dense : xai_test::DoubleTypes {
    static const unsigned n_in = 40, n_out = 12, tile = 16;
    static const bool relu = true, relu6 = true, store_relu_mask = true;
    static const int act_out_exp = 0;
};
struct Relu6DenseRecomputed : Relu6Dense {
    static const bool store_relu_mask = false;
};
struct PlainDense : Relu6Dense {
    static const bool relu6 = false;
};

TEST(MemoryAccounting, ReLU6KeepsItsMaskForEveryMethod) {
    EXPECT_EQ((xai::memory_account<xai::DeconvNet, 40, xai::dense_layer<Relu6Dense>>::design_onchip_bits), 12ull);
    EXPECT_EQ((xai::memory_account<xai::Saliency, 40, xai::dense_layer<Relu6Dense>>::design_onchip_bits), 12ull);
    EXPECT_EQ((xai::memory_account<xai::DeconvNet, 40, xai::dense_layer<Relu6DenseRecomputed>>::design_dram_kept_elements), 12ull);
    EXPECT_EQ((xai::memory_account<xai::DeconvNet, 40, xai::dense_layer<PlainDense>>::design_onchip_bits), 0ull);
}

} // namespace
