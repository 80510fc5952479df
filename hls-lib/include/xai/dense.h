// Vector-matrix product block (fully connected layer), FP and BP (paper Sec. III-C, III-E).
//
// FP  y[o] = b[o] + sum_i W[o][i] x[i], output stationary: for each output tile of `tile`
//     outputs, the accumulators stay on chip while input tiles of `tile` elements and the
//     matching W tile (tile x tile) stream in; `tile` MACs per cycle (one per output).
//     The input is stored as true * 2^act_in_exp and the bias is loaded scaled alike;
//     store: rescale by 2^act_shift, quantize, ReLU (+ 1-bit mask when the method needs it and the layer stores
//     masks).
// BP  dx[i] = sum_o W[o][i] g[o], where g is the gradient w.r.t. the pre-activation, built
//     on load from the gradient w.r.t. the output with the method's ReLU rule. The same
//     core runs it; only the weight tile is loaded transposed.
// Parameter block in DRAM: W [n_out][n_in] in the engine's block order (dense_weight_order.h;
// to_engine_weight_order makes it from PyTorch order) then b [n_out], type weight_t.
#ifndef XAI_DENSE_H
#define XAI_DENSE_H

#include "method.h"
#include "arith.h"
#include "relu.h"
#include "dense_engine.h"

namespace xai {

/// Layer configuration of a dense block (every member required).
struct dense_config_example {
    static const unsigned n_in = 42;  ///< input length (flattened C,H,W of the previous map)
    static const unsigned n_out = 9;  ///< output length
    static const bool relu = true;    ///< ReLU fused on store
    static const bool store_relu_mask = true; ///< keep mask bits on chip (else recompute from out)
    static const unsigned tile = 16;  ///< vector tile = MACs in parallel; 16 or 32 (paper)
    typedef float act_t;
    typedef float weight_t;
    typedef float accum_t;
    typedef float grad_t;
    typedef float grad_accum_t;
    static const int grad_shift = 0;  ///< BP output = grad_accum * 2^grad_shift
    // Optional (default 0, see arith.h act_in_exp_of / act_shift_of):
    static const int act_in_exp = 0;  ///< input stored as true * 2^act_in_exp; bias loaded scaled alike
    static const int act_shift = 0;   ///< FP output = accum * 2^act_shift
};

template <class CONFIG_T> struct dense_shape {
    static const unsigned weight_count = CONFIG_T::n_in * CONFIG_T::n_out;
    static const unsigned param_count = weight_count + CONFIG_T::n_out;
    static const unsigned out_size = CONFIG_T::n_out;
    static const unsigned in_size = CONFIG_T::n_in;
    static_assert(CONFIG_T::tile == 16 || CONFIG_T::tile == 32, "dense: tile must be 16 or 32 (paper Sec. IV-B)");
    static_assert(CONFIG_T::n_in > 0 && CONFIG_T::n_out > 0, "dense: empty layer");
};

/// FP of one dense layer as a standalone block (a network runs its layers on one shared
/// engine, see network.h). in: DRAM [n_in]; params: parameter block; out: DRAM [n_out];
/// relu_mask: on-chip [n_out] bits, written when the method needs it and masks are stored;
/// param_beats: params again as beats when CONFIG_T declares weight_beat > 1 (weight_beat.h).
template <class CONFIG_T, class METHOD>
void dense_fp(const typename CONFIG_T::act_t* in, const typename CONFIG_T::weight_t* params,
              typename CONFIG_T::act_t* out, bool* relu_mask, const weight_beat_t<CONFIG_T>* param_beats = nullptr) {
    (void)sizeof(dense_shape<CONFIG_T>);
    const layer_desc d = dense_desc<CONFIG_T>(layer_place{0, 0, 0, 0, 0, 0, 0});
    weight_beat_t<CONFIG_T> no_beats[1];
    const engine_ports<CONFIG_T> p = {params, in, out, nullptr, nullptr, nullptr, relu_mask, beat_port<CONFIG_T>(param_beats, no_beats)};
    dense_engine_buffers<CONFIG_T> b;
    const unsigned beat = weight_beat_of<CONFIG_T>::value;
#pragma HLS ARRAY_PARTITION variable = b.w complete dim = 1
#pragma HLS ARRAY_PARTITION variable = b.w cyclic factor = beat dim = 2
#pragma HLS ARRAY_PARTITION variable = b.acc complete dim = 1
    (void)beat; // read by the pragma only
    dense_engine<CONFIG_T, METHOD, false>(d, false, p, b);
}

/// BP of one dense layer as a standalone block. grad_out: DRAM [n_out] gradient w.r.t. the
/// layer output; fwd_out / relu_mask: mask source (see relu.h); grad_in: DRAM [n_in]
/// gradient w.r.t. the input, scaled 2^grad_shift.
template <class CONFIG_T, class METHOD>
void dense_bp(const typename CONFIG_T::grad_t* grad_out, const typename CONFIG_T::weight_t* params,
              const typename CONFIG_T::act_t* fwd_out, const bool* relu_mask, typename CONFIG_T::grad_t* grad_in,
              const weight_beat_t<CONFIG_T>* param_beats = nullptr) {
    (void)sizeof(dense_shape<CONFIG_T>);
    const layer_desc d = dense_desc<CONFIG_T>(layer_place{0, 0, 0, 0, 0, 0, 0});
    weight_beat_t<CONFIG_T> no_beats[1];
    const engine_ports<CONFIG_T> p = {params,   fwd_out, nullptr, grad_out, grad_in, nullptr, const_cast<bool*>(relu_mask),
                                      beat_port<CONFIG_T>(param_beats, no_beats)};
    dense_engine_buffers<CONFIG_T> b;
#pragma HLS ARRAY_PARTITION variable = b.w complete dim = 1
#pragma HLS ARRAY_PARTITION variable = b.acc complete dim = 1
    dense_engine<CONFIG_T, METHOD, true>(d, true, p, b);
}

} // namespace xai

#endif
