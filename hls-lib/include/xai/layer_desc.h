// Run-time layer descriptor: what one layer asks of the shared engines (paper Sec. III-F).
//
// The accelerator has ONE convolution engine and ONE vector-matrix engine; every layer of
// the network, FP and BP, runs on them. What differs between layers is data, not hardware:
// shapes, the offsets of its tensors in DRAM and of its bits in the on-chip stores, its
// exponents and its fused ReLU / pool. A network is a constant table of these descriptors
// (a ROM in the top) that the driver loop walks forward, then backward.
//
// The builders below turn a compile-time block configuration (conv2d.h / dense.h CONFIG_T)
// into a descriptor and check at compile time that the engine can run it.
#ifndef XAI_LAYER_DESC_H
#define XAI_LAYER_DESC_H

#include "arith.h"

namespace xai {

struct layer_desc {
    bool conv;             ///< true: the convolution engine runs it; false: the dense engine
    unsigned in_c;         ///< conv: input channels; dense: input length n_in
    unsigned out_c;        ///< conv: output channels; dense: output length n_out
    unsigned height;       ///< conv: input (= conv output) rows; dense: 1
    unsigned width;        ///< conv: input (= conv output) columns; dense: 1
    unsigned kernel;       ///< conv: odd kernel size K ('same' padding, stride 1); dense: 1
    bool relu;             ///< ReLU fused on store (FP) and its rule on load (BP)
    bool pool;             ///< conv: 2x2/2 max-pool fused on store (FP), unpool on load (BP)
    bool store_relu_mask;  ///< mask bits kept on chip (true) or recomputed from the FP output
    unsigned params;       ///< offset of the layer's parameter block (weights, biases) in the weight image
    unsigned act_in;       ///< offset of its input in the activation arena
    unsigned act_out;      ///< offset of its (stored, pooled) output in the activation arena
    unsigned grad_in;      ///< offset of the gradient w.r.t. its input in the gradient arena (BP writes)
    unsigned grad_out;     ///< offset of the gradient w.r.t. its output in the gradient arena (BP reads)
    unsigned pool_at;      ///< offset of its 2-bit pool indices in the engine's index store
    unsigned mask_at;      ///< offset of its ReLU mask bits in the engine's mask store
    int act_in_exp;        ///< input stored as true * 2^act_in_exp (bias loaded scaled alike)
    int act_shift;         ///< FP output = accumulator * 2^act_shift
    int grad_shift;        ///< BP output = accumulator * 2^grad_shift
};

/// Where a layer's tensors live; the builders take one of these.
struct layer_place {
    unsigned params, act_in, act_out, grad_in, grad_out, pool_at, mask_at;
};

/// Whether convert_shifted<OUT>(x, s) with x of type T is exact: |s| within the dispatch and,
/// for fixed point (a type with width / iwidth), 2^s representable in T (the rescale multiplies
/// by T(2^s)): from 2^-frac(T) up to 2^(iwidth(T)-2). Floating point holds every such power.
template <class T, class = void> struct shift_range {
    static constexpr bool ok(int s) { return s >= -max_runtime_shift && s <= max_runtime_shift; }
};
template <class T> struct shift_range<T, typename arith_detail::int_member<int(T::iwidth)>::type> {
    static constexpr bool ok(int s) {
        return s >= -max_runtime_shift && s <= max_runtime_shift && s >= -(T::width - T::iwidth) && s <= T::iwidth - 2;
    }
};

/// max_kernel / max_out_c of the engine a layer config belongs to (a network's configs inherit
/// them from their engine), else the layer's own (a standalone block is its own engine).
template <class CONFIG_T, class = void> struct engine_bounds_of {
    static const unsigned max_kernel = CONFIG_T::kernel, max_out_c = CONFIG_T::out_c;
};
template <class CONFIG_T>
struct engine_bounds_of<CONFIG_T, typename arith_detail::int_member<int(CONFIG_T::max_kernel)>::type> {
    static const unsigned max_kernel = CONFIG_T::max_kernel, max_out_c = CONFIG_T::max_out_c;
};

namespace layer_desc_detail {
/// The descriptor of a layer configured by CONFIG_T with the given shape, placed at `at`.
template <class CONFIG_T>
constexpr layer_desc make(bool conv, unsigned in_c, unsigned out_c, unsigned height, unsigned width, unsigned kernel,
                          bool pool, layer_place at) {
    static_assert(shift_range<typename CONFIG_T::accum_t>::ok(act_in_exp_of<CONFIG_T>::value) &&
                      shift_range<typename CONFIG_T::accum_t>::ok(act_shift_of<CONFIG_T>::value) &&
                      shift_range<typename CONFIG_T::grad_accum_t>::ok(CONFIG_T::grad_shift),
                  "layer_desc: an exponent shift must be within +-max_runtime_shift and its power of two "
                  "representable in the accumulator type it rescales");
    return layer_desc{conv,       in_c,      out_c,      height,     width,       kernel,
                      CONFIG_T::relu, pool,  CONFIG_T::store_relu_mask, at.params, at.act_in, at.act_out,
                      at.grad_in, at.grad_out, at.pool_at, at.mask_at, act_in_exp_of<CONFIG_T>::value,
                      act_shift_of<CONFIG_T>::value, CONFIG_T::grad_shift};
}
} // namespace layer_desc_detail

/// Descriptor of a convolution configured by CONFIG_T (conv2d.h) placed at `at`.
template <class CONFIG_T> constexpr layer_desc conv_desc(layer_place at) {
    static_assert(CONFIG_T::kernel <= engine_bounds_of<CONFIG_T>::max_kernel &&
                      CONFIG_T::out_c <= engine_bounds_of<CONFIG_T>::max_out_c,
                  "conv_desc: the layer's kernel and out_c must not exceed its engine's max_kernel and max_out_c");
    return layer_desc_detail::make<CONFIG_T>(true, CONFIG_T::in_c, CONFIG_T::out_c, CONFIG_T::height, CONFIG_T::width,
                                             CONFIG_T::kernel, CONFIG_T::pool, at);
}

/// Descriptor of a dense layer configured by CONFIG_T (dense.h) placed at `at`.
template <class CONFIG_T> constexpr layer_desc dense_desc(layer_place at) {
    return layer_desc_detail::make<CONFIG_T>(false, CONFIG_T::n_in, CONFIG_T::n_out, 1, 1, 1, false, at);
}

} // namespace xai

#endif
