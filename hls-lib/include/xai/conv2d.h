// ConvolutionBlock: 2-D convolution, odd kernel, stride 1 or 2, zero padding of at most (K-1)/2
// on each side ('same', valid, ONNX's asymmetric pads), with bias, fused ReLU and (stride 1,
// 'same' only) fused 2x2/2 max-pool on store (FP); flipped-transpose convolution with fused
// unpool + ReLU rule on load (BP). Paper Sec. III-B, III-E, Fig. 6, Table I. A stride or less
// padding is a grid of the 'same' convolution (layer_desc.h): FP stores the grid's points, BP
// puts the gradient back on the grid, zeros between (the fractionally strided convolution), on
// the same core. The 'same' points between are computed and dropped: a stride-2 layer costs
// the core four times its useful MACs (the latency model counts it so).
//
// Dataflow (output stationary). For every output tile [tile_co][tile_h][tile_w]:
//   acc = bias * 2^act_in_exp (FP) or 0 (BP)
//   for every input-channel tile: load the input tile with its (kernel-1) halo and the
//     weight tile from DRAM into on-chip buffers, then conv_core accumulates in place;
//   store: FP  -> rescale by 2^act_shift, quantize, ReLU (+ 1-bit mask if the method needs it and the layer stores
//                 masks), 2x2 max-pool (+ 2-bit index), write to DRAM;
//          BP  -> rescale by 2^grad_shift, quantize, write to DRAM.
// conv_core is the only place with multipliers: N_OH x N_OW MACs per cycle, fed by buffers
// partitioned cyclically by N_OH along rows and N_OW along columns.
//
// FP and BP run the SAME core; only the loaders differ (Table I):
//   FP input  = activations of layer L,        weights W[co][ci][kh][kw]
//   BP input  = gradient w.r.t. this layer's pre-activation (built on load from the
//               gradient w.r.t. its output: unpool through the 2-bit index, then the
//               method's ReLU rule), weights read transposed (Cin<->Cout) and rotated
//               180 degrees: W'[ci][co][kh][kw] = W[co][ci][K-1-kh][K-1-kw]
//   BP output = gradient w.r.t. this layer's input (no ReLU rule: that belongs to the
//               layer that produced the input, which applies it on its own BP load).
//
// DRAM layouts: feature maps and gradients [C][H][W] row-major; the layer's parameter block
// (inside the network's flat weight image) is weights [out_c][in_c][K][K] then bias [out_c],
// i.e. PyTorch order, all of type weight_t.
#ifndef XAI_CONV2D_H
#define XAI_CONV2D_H

#include "method.h"
#include "arith.h"
#include "relu.h"
#include "maxpool.h"
#include "csim_mac.h"
#include "conv_engine.h"

namespace xai {

/// Layer configuration of a ConvolutionBlock (hls4ml CONFIG_T style). Every member is
/// required; this struct documents them and doubles as a test configuration.
struct conv2d_config_example {
    // --- layer shape -----------------------------------------------------------------
    static const unsigned in_c = 3;    ///< input channels
    static const unsigned out_c = 4;   ///< output channels
    static const unsigned height = 8;  ///< input (= conv output) height; 'same' padding
    static const unsigned width = 8;   ///< input (= conv output) width
    static const unsigned kernel = 3;  ///< kernel size K (odd)
    // Optional (see layer_desc.h conv_grid_of): stride (1 or 2, default 1) and pad_top, pad_left,
    // pad_bottom, pad_right (each <= (K-1)/2, default (K-1)/2: 'same'); not with a fused pool.
    // Optional depthwise (default false): output channel c convolves input channel c only (ONNX
    // group = channels, in_c == out_c), weights [C][1][K][K].
    static const bool relu = true;     ///< ReLU fused on store
    static const bool pool = false;    ///< 2x2/2 max-pool fused on store (after the ReLU)
    static const bool store_relu_mask = false; ///< keep ReLU mask bits on chip (true) or
                                       ///< recompute [y>0] from the output in DRAM (false)
    // --- compute engine ----------------------------------------------------------------
    static const unsigned n_oh = 4;    ///< MACs in parallel along output rows  (N_OH)
    static const unsigned n_ow = 4;    ///< MACs in parallel along output columns (N_OW)
    static const unsigned tile_h = 8;  ///< output tile height, multiple of n_oh (even if pool)
    static const unsigned tile_w = 8;  ///< output tile width, multiple of n_ow (even if pool)
    static const unsigned tile_ci = 4; ///< input channels per on-chip input tile
    static const unsigned tile_co = 4; ///< output channels per on-chip accumulator tile
    static const bool double_buffer = false; ///< overlap each tile's loads with the previous
                                       ///< tile's core (DATAFLOW ping-pong, twice the tiles)
    // --- number formats ------------------------------------------------------------------
    typedef float act_t;        ///< activations (input and output feature maps)
    typedef float weight_t;     ///< weights and biases (flat weight image element)
    typedef float accum_t;      ///< FP accumulator
    typedef float grad_t;       ///< gradients in DRAM (stored value = true * 2^exponent)
    typedef float grad_accum_t; ///< BP accumulator
    static const int grad_shift = 0; ///< BP output = grad_accum * 2^grad_shift (per-layer
                                ///< power-of-two gradient scaling; 0 = no scaling)
    // Optional (default 0, see arith.h act_in_exp_of / act_shift_of):
    static const int act_in_exp = 0; ///< input stored as true * 2^act_in_exp; bias loaded scaled alike
    static const int act_shift = 0;  ///< FP output = accum * 2^act_shift (output exponent
                                     ///< act_in_exp + act_shift)
};

/// Shapes derived from a convolution configuration, and its compile-time checks.
template <class CONFIG_T> struct conv2d_shape {
    static const unsigned pad = (CONFIG_T::kernel - 1) / 2;
    typedef conv_grid_of<CONFIG_T> grid;
    static const unsigned out_h = CONFIG_T::pool ? CONFIG_T::height / 2
                                                 : (CONFIG_T::height - grid::skip_top - grid::skip_bottom - 1) / grid::stride + 1; ///< stored output
    static const unsigned out_w = CONFIG_T::pool ? CONFIG_T::width / 2
                                                 : (CONFIG_T::width - grid::skip_left - grid::skip_right - 1) / grid::stride + 1;
    static const unsigned out_size = CONFIG_T::out_c * out_h * out_w;   ///< elements of the stored output
    static const unsigned in_size = CONFIG_T::in_c * CONFIG_T::height * CONFIG_T::width;
    static const unsigned weight_count =
        (conv_depthwise_of<CONFIG_T>::value ? CONFIG_T::out_c : CONFIG_T::out_c * CONFIG_T::in_c) * CONFIG_T::kernel * CONFIG_T::kernel;
    static const unsigned param_count = weight_count + CONFIG_T::out_c; ///< weights then biases
    static const unsigned tiles_h = (CONFIG_T::height + CONFIG_T::tile_h - 1) / CONFIG_T::tile_h;
    static const unsigned tiles_w = (CONFIG_T::width + CONFIG_T::tile_w - 1) / CONFIG_T::tile_w;

    static_assert(CONFIG_T::kernel % 2 == 1, "conv2d: kernel must be odd ('same' padding (K-1)/2)");
    static_assert(CONFIG_T::in_c > 0 && CONFIG_T::out_c > 0 && CONFIG_T::height > 0 && CONFIG_T::width > 0,
                  "conv2d: empty layer");
    static_assert(CONFIG_T::n_oh > 0 && CONFIG_T::n_ow > 0, "conv2d: n_oh and n_ow must be positive");
    static_assert(CONFIG_T::tile_h % CONFIG_T::n_oh == 0, "conv2d: n_oh must divide tile_h");
    static_assert(CONFIG_T::tile_w % CONFIG_T::n_ow == 0, "conv2d: n_ow must divide tile_w");
    static_assert(!CONFIG_T::pool || (CONFIG_T::tile_h % 2 == 0 && CONFIG_T::tile_w % 2 == 0),
                  "conv2d: a fused 2x2 pool needs even tile_h and tile_w");
    static_assert(!CONFIG_T::pool || (CONFIG_T::height >= 2 && CONFIG_T::width >= 2), "conv2d: pool needs H, W >= 2");
    static_assert(CONFIG_T::tile_ci > 0 && CONFIG_T::tile_co > 0, "conv2d: channel tiles must be positive");
};

/// The engine a standalone block runs on: the block's own parallelism, tiles and types,
/// sized for this one layer.
template <class CONFIG_T> struct conv2d_engine_of : CONFIG_T {
    static const unsigned max_kernel = CONFIG_T::kernel;
    static const unsigned max_out_c = CONFIG_T::out_c;
};

/// FP of one convolution layer as a standalone block (a network runs its layers on one
/// shared engine instead, see network.h; this is the same engine, sized for one layer).
///   in         : DRAM [in_c][height][width] activations
///   params     : DRAM parameter block of this layer (weights then biases)
///   out        : DRAM [out_c][out_h][out_w] (pooled if CONFIG_T::pool)
///   relu_mask  : on-chip bits [out_c][out_h][out_w]; written only if METHOD needs a mask (every
///                method does after a ReLU6) and CONFIG_T::store_relu_mask (else may be null)
///   pool_index : on-chip 2-bit indices [out_c][out_h][out_w]; written if CONFIG_T::pool
template <class CONFIG_T, class METHOD>
void conv2d_fp(const typename CONFIG_T::act_t* in, const typename CONFIG_T::weight_t* params,
               typename CONFIG_T::act_t* out, bool* relu_mask, pool_index_t* pool_index) {
    typedef conv2d_engine_of<CONFIG_T> E;
    (void)sizeof(conv2d_shape<CONFIG_T>);
    const layer_desc d = conv_desc<CONFIG_T>(layer_place{0, 0, 0, 0, 0, 0, 0});
    const engine_ports<E> p = {params, in, out, nullptr, nullptr, pool_index, relu_mask, nullptr};
    conv_engine_buffers<E> b;
#pragma HLS ARRAY_PARTITION variable = b.acc complete dim = 1
#pragma HLS ARRAY_PARTITION variable = b.acc complete dim = 2
    conv_engine<E, METHOD, false>(d, false, p, b);
}

/// BP of one convolution layer as a standalone block (flipped-transpose convolution on the
/// same engine).
///   grad_out   : DRAM [out_c][out_h][out_w] gradient w.r.t. this layer's stored output
///   params     : DRAM parameter block (same as FP; read transposed and rotated)
///   fwd_out    : DRAM FP output of this layer (to recompute the ReLU mask when masks are
///                not stored; may be null otherwise or for methods without a mask - ReLU6 needs
///                one for every method)
///   relu_mask  : on-chip bits from FP (when CONFIG_T::store_relu_mask)
///   pool_index : on-chip 2-bit indices from FP (when CONFIG_T::pool)
///   grad_in    : DRAM [in_c][height][width] gradient w.r.t. this layer's input, scaled by
///                2^grad_shift relative to grad_out
template <class CONFIG_T, class METHOD>
void conv2d_bp(const typename CONFIG_T::grad_t* grad_out, const typename CONFIG_T::weight_t* params,
               const typename CONFIG_T::act_t* fwd_out, const bool* relu_mask, const pool_index_t* pool_index,
               typename CONFIG_T::grad_t* grad_in) {
    typedef conv2d_engine_of<CONFIG_T> E;
    (void)sizeof(conv2d_shape<CONFIG_T>);
    const layer_desc d = conv_desc<CONFIG_T>(layer_place{0, 0, 0, 0, 0, 0, 0});
    // BP only reads the stores; the engine's ports are shared with FP, hence the casts.
    const engine_ports<E> p = {params, fwd_out, nullptr, grad_out, grad_in, const_cast<pool_index_t*>(pool_index),
                               const_cast<bool*>(relu_mask), nullptr};
    conv_engine_buffers<E> b;
#pragma HLS ARRAY_PARTITION variable = b.acc complete dim = 1
#pragma HLS ARRAY_PARTITION variable = b.acc complete dim = 2
    conv_engine<E, METHOD, true>(d, true, p, b);
}

} // namespace xai

#endif
