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
    unsigned kernel;       ///< conv: odd kernel size K; dense: 1
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
    // conv: the output grid. The engine computes the 'same' (padding (K-1)/2, stride 1) convolution
    // over height x width and stores the points skip_top + stride * oy, skip_left + stride * ox of
    // it: a convolution with stride 2 and/or less padding (ONNX pads (K-1)/2 - skip_*, each side)
    // is that grid of the 'same' one. BP builds the 'same' gradient by putting the stored
    // gradient back on the grid (zeros between: the fractionally strided convolution) and runs
    // the same flipped-transpose convolution. Identity (1, 0, 0, 0, 0) for dense and pooled layers.
    unsigned stride;       ///< conv: 1 or 2
    unsigned skip_top;     ///< conv: 'same' rows above the grid's first row
    unsigned skip_left;    ///< conv: 'same' columns left of the grid's first column
    unsigned skip_bottom;  ///< conv: 'same' rows below the grid's last possible row
    unsigned skip_right;   ///< conv: 'same' columns right of the grid's last possible column
    /// conv: depthwise (ONNX group = channels): output channel c convolves input channel c only;
    /// weights [C][1][K][K]. Its channel tiles are min(tile_ci, tile_co) wide, input and output alike.
    bool depthwise;
    /// conv or dense with relu: ReLU6 = Clip(0, 6) (MobileNet): FP clips the output at 6 as well; BP passes
    /// the gradient where 0 < x < 6, for every method (relu6.h: Captum changes nn.ReLU only).
    bool relu6;
    /// relu6: the output's exponent, so that the clip level is 6 * 2^act_out_exp in the stored scale.
    int act_out_exp;
    /// conv (stride 1, 'same', no pool): the residual join of ResNet fused into the store. FP adds the
    /// skip tensor (act arena, res_at; the output's shape) before the ReLU: out = [ReLU](acc * 2^act_shift
    /// + skip * 2^res_shift), rounded once. BP sends the gradient after the ReLU rule to the skip's
    /// gradient (grad arena, res_grad_at) as well as through the convolution: the join's BP.
    bool residual;
    unsigned res_at;      ///< residual: offset of the skip tensor in the activation arena
    unsigned res_grad_at; ///< residual: offset of the skip tensor's gradient in the gradient arena (BP writes)
    int res_shift;        ///< residual: exponent of the output - exponent of the skip tensor
    int res_grad_shift;   ///< residual: gradient exponent of the skip tensor - that of the output
    /// BP adds its result to grad_in instead of overwriting it: the layer's input forks (a residual skip
    /// leaves from it) and a consumer that runs earlier in BP has written its share (the fork's BP sum).
    bool grad_accumulate;
    /// The pool unit runs this layer (pool_unit.h): a max pool the convolution engine's store cannot fuse
    /// (kernel 2 or 3, stride 2, padding). in_c = out_c channels, height x width its input map, kernel;
    /// `conv` and the fields of the engines above are unused. Set by pool_desc only.
    bool pool_unit = false;
    unsigned pool_pad_top = 0;  ///< pool unit: the pool's padding above the map (ONNX pads[0])
    unsigned pool_pad_left = 0; ///< pool unit: the padding left of the map (ONNX pads[1])
    unsigned pool_out_h = 0;    ///< pool unit: output rows
    unsigned pool_out_w = 0;    ///< pool unit: output columns
    /// BP applies Guided Backprop's ReLU rule instead of Saliency's (METHOD = SaliencyOrGuided only). Not part
    /// of the network table: network_run sets it on every layer of a pass from its pass_control.
    bool guided = false;
};

/// The ReLU6 clip level of layer d in act type A: 6 * 2^act_out_exp (formed in the wider ACC and
/// converted exactly; the builders check that A holds it). In hardware a shift of a constant.
template <class A, class ACC> inline A relu6_level_of(const layer_desc& d) {
#pragma HLS INLINE
    return convert_shifted<A>(ACC(6), d.act_out_exp);
}

/// Weights of a convolution layer's parameter block (biases follow them).
constexpr unsigned conv_weight_count(const layer_desc& d) {
    return (d.depthwise ? d.out_c : d.out_c * d.in_c) * d.kernel * d.kernel;
}

/// Whether the layer stores a grid of its 'same' convolution other than all of it.
constexpr bool conv_grid_decimated(const layer_desc& d) {
    return d.stride != 1 || d.skip_top != 0 || d.skip_left != 0 || d.skip_bottom != 0 || d.skip_right != 0;
}
/// v / stride for stride 1 or 2 (a shift, not a divider).
constexpr unsigned per_stride(unsigned v, unsigned stride) { return stride == 2 ? v >> 1 : v; }
/// Rows of the stored output: the pooled map, or the grid's rows.
constexpr unsigned conv_out_h(const layer_desc& d) {
    return d.pool ? d.height / 2 : per_stride(d.height - d.skip_top - d.skip_bottom - 1, d.stride) + 1;
}
/// Columns of the stored output.
constexpr unsigned conv_out_w(const layer_desc& d) {
    return d.pool ? d.width / 2 : per_stride(d.width - d.skip_left - d.skip_right - 1, d.stride) + 1;
}

/// Where a layer's tensors live; the builders take one of these. The last three matter only where a
/// residual skip joins (res_at, res_grad_at: see layer_desc) or leaves (grad_accumulate).
struct layer_place {
    unsigned params, act_in, act_out, grad_in, grad_out, pool_at, mask_at;
    unsigned res_at = 0, res_grad_at = 0;
    bool grad_accumulate = false;
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

/// A convolution configuration's output grid from its optional members `stride` (default 1) and
/// `pad_top`, `pad_left`, `pad_bottom`, `pad_right` (ONNX's pads; default (K-1)/2 each, 'same').
template <class CONFIG_T, class = void> struct conv_stride_of { static const unsigned value = 1; };
template <class CONFIG_T>
struct conv_stride_of<CONFIG_T, typename arith_detail::int_member<int(CONFIG_T::stride)>::type> {
    static const unsigned value = CONFIG_T::stride;
};
/// A convolution configuration's ReLU6 (optional member `relu6`, default false; needs relu) and the
/// exponent of its output (member `act_out_exp`, required with relu6: act_in_exp + act_shift is the
/// output's exponent only when the weights are stored unscaled), whose clip level 6 * 2^act_out_exp
/// act_t must hold.
template <class CONFIG_T, class = void> struct conv_relu6_of { static const bool value = false; };
template <class CONFIG_T>
struct conv_relu6_of<CONFIG_T, typename arith_detail::int_member<int(CONFIG_T::relu6)>::type> {
    static const bool value = CONFIG_T::relu6;
    static_assert(!CONFIG_T::relu6 || CONFIG_T::relu, "conv: relu6 is a ReLU that also clips at 6; set relu too");
};
template <class CONFIG_T, class = void> struct act_out_exp_of {
    static const bool given = false;
    static const int value = 0;
};
template <class CONFIG_T>
struct act_out_exp_of<CONFIG_T, typename arith_detail::int_member<int(CONFIG_T::act_out_exp)>::type> {
    static const bool given = true;
    static const int value = CONFIG_T::act_out_exp;
};
/// Whether 6 * 2^e is exactly representable in T and below its largest value: always for floating
/// point; for fixed point (width / iwidth members) 6 * 2^e < 2^(iwidth-1) and 2^(e+1) >= 2^-frac.
template <class T, class = void> struct relu6_level_fits {
    static constexpr bool ok(int) { return true; }
};
template <class T> struct relu6_level_fits<T, typename arith_detail::int_member<int(T::iwidth)>::type> {
    static constexpr bool ok(int e) { return e <= T::iwidth - 4 && e + 1 >= -(T::width - T::iwidth); }
};

/// Whether an engine configuration has the residual paths (optional member `residual_paths`, default
/// false): the side tile a residual layer's store adds (FP: the skip tensor; BP: the gradient already in
/// grad_in, for grad_accumulate) and the write of the skip's gradient. Without them neither exists in
/// hardware and the layers' residual and grad_accumulate are ignored.
template <class E, class = void> struct engine_residual_of { static const bool value = false; };
template <class E>
struct engine_residual_of<E, typename arith_detail::int_member<int(E::residual_paths)>::type> {
    static const bool value = E::residual_paths;
};
/// A convolution configuration's residual join (optional members `residual`, default false, and with
/// it `res_shift` and `res_grad_shift`, see layer_desc).
template <class CONFIG_T, class = void> struct conv_residual_of {
    static const bool value = false;
    static const int shift = 0, grad_shift = 0;
};
template <class CONFIG_T>
struct conv_residual_of<CONFIG_T, typename arith_detail::int_member<int(CONFIG_T::residual)>::type> {
    static const bool value = CONFIG_T::residual;
    static const int shift = CONFIG_T::res_shift, grad_shift = CONFIG_T::res_grad_shift;
};

/// Whether a convolution configuration is depthwise (optional member `depthwise`, default false).
template <class CONFIG_T, class = void> struct conv_depthwise_of { static const bool value = false; };
template <class CONFIG_T>
struct conv_depthwise_of<CONFIG_T, typename arith_detail::int_member<int(CONFIG_T::depthwise)>::type> {
    static const bool value = CONFIG_T::depthwise;
    static_assert(!CONFIG_T::depthwise || CONFIG_T::in_c == CONFIG_T::out_c,
                  "conv: a depthwise convolution has as many output channels as input channels");
};
template <class CONFIG_T, class = void> struct conv_pads_of {
    static const unsigned top = (CONFIG_T::kernel - 1) / 2, left = top, bottom = top, right = top;
};
template <class CONFIG_T>
struct conv_pads_of<CONFIG_T, typename arith_detail::int_member<int(CONFIG_T::pad_top)>::type> {
    static const unsigned top = CONFIG_T::pad_top, left = CONFIG_T::pad_left, bottom = CONFIG_T::pad_bottom,
                          right = CONFIG_T::pad_right;
};
/// The grid checks, and the skips that describe it.
template <class CONFIG_T> struct conv_grid_of {
    typedef conv_pads_of<CONFIG_T> P;
    static const unsigned same = (CONFIG_T::kernel - 1) / 2;
    static const unsigned stride = conv_stride_of<CONFIG_T>::value;
    static_assert(stride == 1 || stride == 2, "conv: stride must be 1 or 2");
    static_assert(P::top <= same && P::left <= same && P::bottom <= same && P::right <= same,
                  "conv: each pad must be at most (kernel - 1) / 2 (the engine computes the 'same' convolution and "
                  "stores a grid of it)");
    static_assert(!CONFIG_T::pool || (stride == 1 && P::top == same && P::left == same && P::bottom == same &&
                                      P::right == same),
                  "conv: a fused max-pool needs stride 1 and 'same' padding");
    static const unsigned skip_top = same - P::top, skip_left = same - P::left, skip_bottom = same - P::bottom,
                          skip_right = same - P::right;
    static_assert(CONFIG_T::height > skip_top + skip_bottom && CONFIG_T::width > skip_left + skip_right,
                  "conv: the output is empty (the map is smaller than the kernel)");
};

namespace layer_desc_detail {
/// The descriptor of a layer configured by CONFIG_T with the given shape, placed at `at`.
template <class CONFIG_T>
constexpr layer_desc make(bool conv, unsigned in_c, unsigned out_c, unsigned height, unsigned width, unsigned kernel,
                          bool pool, layer_place at, unsigned stride = 1, unsigned skip_top = 0, unsigned skip_left = 0,
                          unsigned skip_bottom = 0, unsigned skip_right = 0, bool depthwise = false,
                          bool relu6 = false, int act_out_exp = 0, bool residual = false, int res_shift = 0,
                          int res_grad_shift = 0) {
    static_assert(shift_range<typename CONFIG_T::accum_t>::ok(act_in_exp_of<CONFIG_T>::value) &&
                      shift_range<typename CONFIG_T::accum_t>::ok(act_shift_of<CONFIG_T>::value) &&
                      shift_range<typename CONFIG_T::grad_accum_t>::ok(CONFIG_T::grad_shift),
                  "layer_desc: an exponent shift must be within +-max_runtime_shift and its power of two "
                  "representable in the accumulator type it rescales");
    return layer_desc{conv,       in_c,      out_c,      height,     width,       kernel,
                      CONFIG_T::relu, pool,  CONFIG_T::store_relu_mask, at.params, at.act_in, at.act_out,
                      at.grad_in, at.grad_out, at.pool_at, at.mask_at, act_in_exp_of<CONFIG_T>::value,
                      act_shift_of<CONFIG_T>::value, CONFIG_T::grad_shift, stride, skip_top, skip_left,
                      skip_bottom, skip_right, depthwise, relu6, act_out_exp, residual, at.res_at,
                      at.res_grad_at, res_shift, res_grad_shift, at.grad_accumulate};
}
} // namespace layer_desc_detail

/// Descriptor of a convolution configured by CONFIG_T (conv2d.h) placed at `at`.
template <class CONFIG_T> constexpr layer_desc conv_desc(layer_place at) {
    static_assert(CONFIG_T::kernel <= engine_bounds_of<CONFIG_T>::max_kernel &&
                      CONFIG_T::out_c <= engine_bounds_of<CONFIG_T>::max_out_c,
                  "conv_desc: the layer's kernel and out_c must not exceed its engine's max_kernel and max_out_c");
    typedef conv_grid_of<CONFIG_T> G;
    static_assert(!conv_relu6_of<CONFIG_T>::value || act_out_exp_of<CONFIG_T>::given,
                  "conv_desc: a relu6 configuration must give act_out_exp, its output's exponent (the clip level is "
                  "6 * 2^act_out_exp)");
    static_assert(!conv_relu6_of<CONFIG_T>::value ||
                      (relu6_level_fits<typename CONFIG_T::act_t>::ok(act_out_exp_of<CONFIG_T>::value) &&
                       shift_range<typename CONFIG_T::accum_t>::ok(act_out_exp_of<CONFIG_T>::value)),
                  "conv_desc: the ReLU6 clip level 6 * 2^act_out_exp must be exactly representable in act_t "
                  "(and 2^act_out_exp in accum_t): give the output's exponent at most iwidth(act_t) - 4");
    typedef conv_residual_of<CONFIG_T> R;
    static_assert(!R::value || engine_residual_of<CONFIG_T>::value,
                  "conv_desc: a residual layer needs an engine with residual_paths = true (the side tile its store adds)");
    static_assert(!R::value || (G::stride == 1 && !CONFIG_T::pool && G::skip_top == 0 && G::skip_left == 0 &&
                                G::skip_bottom == 0 && G::skip_right == 0),
                  "conv_desc: a residual join follows a stride-1 'same' convolution without a pool (the skip tensor "
                  "has the convolution's output shape, read tile for tile over its H x W map)");
    static_assert(!engine_residual_of<CONFIG_T>::value ||
                      shift_range<typename CONFIG_T::grad_accum_t>::ok(-CONFIG_T::grad_shift),
                  "conv_desc: with residual paths a fork's BP brings the gradient already in grad_in to the accumulator's "
                  "scale (2^-grad_shift), so -grad_shift must be within range too");
    static_assert(shift_range<typename CONFIG_T::accum_t>::ok(R::shift - act_shift_of<CONFIG_T>::value) &&
                      shift_range<typename CONFIG_T::accum_t>::ok(R::shift) &&
                      shift_range<typename CONFIG_T::grad_accum_t>::ok(R::grad_shift),
                  "conv_desc: res_shift - act_shift (the skip in the accumulator's scale), res_shift and res_grad_shift "
                  "must be within +-max_runtime_shift and their powers of two representable");
    return layer_desc_detail::make<CONFIG_T>(true, CONFIG_T::in_c, CONFIG_T::out_c, CONFIG_T::height, CONFIG_T::width,
                                             CONFIG_T::kernel, CONFIG_T::pool, at, G::stride, G::skip_top, G::skip_left,
                                             G::skip_bottom, G::skip_right, conv_depthwise_of<CONFIG_T>::value,
                                             conv_relu6_of<CONFIG_T>::value, act_out_exp_of<CONFIG_T>::value, R::value,
                                             R::shift, R::grad_shift);
}

/// Descriptor of a dense layer configured by CONFIG_T (dense.h) placed at `at`; optional members `relu6` and
/// `act_out_exp` as for a convolution.
template <class CONFIG_T> constexpr layer_desc dense_desc(layer_place at) {
    static_assert(!conv_relu6_of<CONFIG_T>::value || act_out_exp_of<CONFIG_T>::given,
                  "dense_desc: a relu6 configuration must give act_out_exp, its output's exponent (the clip level is "
                  "6 * 2^act_out_exp)");
    static_assert(!conv_relu6_of<CONFIG_T>::value ||
                      (relu6_level_fits<typename CONFIG_T::act_t>::ok(act_out_exp_of<CONFIG_T>::value) &&
                       shift_range<typename CONFIG_T::accum_t>::ok(act_out_exp_of<CONFIG_T>::value)),
                  "dense_desc: the ReLU6 clip level 6 * 2^act_out_exp must be exactly representable in act_t "
                  "(and 2^act_out_exp in accum_t): give the output's exponent at most iwidth(act_t) - 4");
    return layer_desc_detail::make<CONFIG_T>(false, CONFIG_T::n_in, CONFIG_T::n_out, 1, 1, 1, false, at, 1, 0, 0, 0, 0, false,
                                             conv_relu6_of<CONFIG_T>::value, act_out_exp_of<CONFIG_T>::value);
}

} // namespace xai

#endif
