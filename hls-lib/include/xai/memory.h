// Compile-time memory accounting: what BP needs to remember from FP.
//
// Usage: memory_account<METHOD, INPUT_ELEMENTS, conv_layer<C1>, ..., dense_layer<Dn>>.
//
// Three figures, all in bits (elements where named so):
//  - autograd_saved_elements / autograd_bits: a framework doing reverse-mode autodiff keeps
//    every tensor of the forward graph except the network output: the input, each
//    pre-activation, each ReLU output, each pooled output. At 16 bit each this is the
//    paper's 3.4 Mb for Table III (212,224 elements, 3,395,584 bit).
//  - paper_mask_bits: the paper's 24.7 Kb = 2-bit pool indices (24,576) + 1-bit masks of the
//    dense ReLUs (128) = 24,704; full_mask_bits: one bit for every ReLU input plus the pool
//    indices (123,008 for Table III), what a naive mask-per-ReLU design stores.
//  - design_onchip_bits: what THIS design keeps on chip for METHOD:
//      * 2-bit index per pooled output (every method: unpooling needs it);
//      * for layers with store_relu_mask and a method that needs masks (Table II), one bit
//        per STORED output of the layer (after pooling: only the pool winner receives
//        gradient, and at the winner [pre-activation > 0] == [pooled output > 0]);
//      * for layers without store_relu_mask the mask is recomputed in BP as [y > 0] from
//        the layer's output y that FP wrote to DRAM (it is the next layer's input anyway);
//        those DRAM elements must then survive until BP: design_dram_kept_elements counts
//        them (they cost no on-chip memory, but forbid reusing that DRAM during FP).
//    DeconvNet needs no masks, so it stores only the pool indices - except for a ReLU6, whose clip
//    rule [0 < x < 6] every method applies (relu6.h), so its mask is kept (or its output) for all.
//  The pool unit's layers (pool_unit.h) are not modelled here: they keep no bits on chip, and BP
//  re-reads their input from DRAM (the SDK's MemoryAccounting reports the networks it builds).
// For the Table III top (conv layers recompute, the dense ReLU stores its 128 bits):
// Saliency and Guided BP store 24,704 bits on chip (= the paper's figure) and keep 61,440
// activation elements in DRAM (conv1, pool1, conv3, pool2 outputs); DeconvNet 24,576 bits
// and nothing extra in DRAM.
#ifndef XAI_MEMORY_H
#define XAI_MEMORY_H

#include "method.h"
#include "conv2d.h"
#include "dense.h"

namespace xai {

/// Memory view of a convolution layer.
template <class CFG> struct conv_layer {
    typedef conv2d_shape<CFG> S;
    static constexpr unsigned long long pre_activation = (unsigned long long)CFG::out_c * CFG::height * CFG::width;
    static constexpr unsigned long long relu_output = CFG::relu ? pre_activation : 0;
    static constexpr unsigned long long pooled_output = CFG::pool ? S::out_size : 0;
    static constexpr unsigned long long output = S::out_size;
    static constexpr unsigned long long pool_index_bits = CFG::pool ? 2ull * S::out_size : 0;
    static constexpr unsigned long long full_relu_mask_bits = CFG::relu ? pre_activation : 0;
    static constexpr unsigned long long paper_relu_mask_bits = 0; // the paper counts no conv masks
    static constexpr bool relu = CFG::relu;
    static constexpr bool relu6 = conv_relu6_of<CFG>::value;
    static constexpr bool store_relu_mask = CFG::store_relu_mask;
};

/// Memory view of a dense layer.
template <class CFG> struct dense_layer {
    static constexpr unsigned long long pre_activation = CFG::n_out;
    static constexpr unsigned long long relu_output = CFG::relu ? pre_activation : 0;
    static constexpr unsigned long long pooled_output = 0;
    static constexpr unsigned long long output = CFG::n_out;
    static constexpr unsigned long long pool_index_bits = 0;
    static constexpr unsigned long long full_relu_mask_bits = CFG::relu ? pre_activation : 0;
    static constexpr unsigned long long paper_relu_mask_bits = full_relu_mask_bits;
    static constexpr bool relu = CFG::relu;
    static constexpr bool relu6 = conv_relu6_of<CFG>::value;
    static constexpr bool store_relu_mask = CFG::store_relu_mask;
};

template <class METHOD, unsigned long long INPUT_ELEMENTS, class... LAYERS> struct memory_account {
    static_assert(is_method<METHOD>::value, "METHOD must be xai::Saliency, xai::DeconvNet or xai::GuidedBackprop");
    static_assert(sizeof...(LAYERS) > 0, "memory_account needs at least one layer");

private:
    template <class L> static constexpr unsigned long long last_output() { return L::output; }
    template <class L, class L2, class... R> static constexpr unsigned long long last_output() {
        return last_output<L2, R...>();
    }
    template <class L> static constexpr unsigned long long stored_mask_bits() {
        return ((METHOD::needs_relu_mask || L::relu6) && L::relu && L::store_relu_mask) ? L::output : 0;
    }
    template <class L> static constexpr unsigned long long kept_in_dram() {
        return ((METHOD::needs_relu_mask || L::relu6) && L::relu && !L::store_relu_mask) ? L::output : 0;
    }

public:
    static constexpr unsigned long long autograd_saved_elements =
        INPUT_ELEMENTS + (0ull + ... + (LAYERS::pre_activation + LAYERS::relu_output + LAYERS::pooled_output)) -
        last_output<LAYERS...>();
    static constexpr unsigned long long autograd_bits(unsigned bits_per_element) {
        return autograd_saved_elements * bits_per_element;
    }
    static constexpr unsigned long long pool_index_bits = (0ull + ... + LAYERS::pool_index_bits);
    static constexpr unsigned long long paper_mask_bits = pool_index_bits + (0ull + ... + LAYERS::paper_relu_mask_bits);
    static constexpr unsigned long long full_mask_bits = pool_index_bits + (0ull + ... + LAYERS::full_relu_mask_bits);
    static constexpr unsigned long long design_onchip_bits = pool_index_bits + (0ull + ... + stored_mask_bits<LAYERS>());
    static constexpr unsigned long long design_dram_kept_elements = (0ull + ... + kept_in_dram<LAYERS>());
};

} // namespace xai

#endif
