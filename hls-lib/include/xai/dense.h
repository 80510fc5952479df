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
// Parameter block in DRAM: W [n_out][n_in] (PyTorch order) then b [n_out], type weight_t.
#ifndef XAI_DENSE_H
#define XAI_DENSE_H

#include "method.h"
#include "arith.h"
#include "relu.h"
#include "csim_mac.h"

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

#if !defined(__SYNTHESIS__) && !defined(XAI_HLS_LOOPS)
namespace dense_detail {
/// C simulation with fixed types and a wrapping accumulator: exact integer dot products
/// (csim_mac.h). Returns false for other types (the plain loop below runs instead).
template <unsigned T, class IN_T, class W_T, class ACC_T>
bool core_csim(const IN_T v[T], const W_T w[T][T], ACC_T acc[T], std::true_type) {
    typedef csim::int_mac<IN_T, W_T, ACC_T> M;
    for (unsigned r = 0; r < T; r++) {
        typename M::sum_t s = 0;
        for (unsigned c = 0; c < T; c++) s += M::product(v[c], M::raw16(w[r][c]));
        acc[r] = M::add(acc[r], s);
    }
    return true;
}
template <unsigned T, class IN_T, class W_T, class ACC_T>
bool core_csim(const IN_T*, const W_T (*)[T], ACC_T*, std::false_type) { return false; }
} // namespace dense_detail
#endif

/// acc[r] += sum_c w[r][c] * v[c]: `T` MACs per cycle (r unrolled, c pipelined).
template <unsigned T, class IN_T, class W_T, class ACC_T>
void dense_core(const IN_T v[T], const W_T w[T][T], ACC_T acc[T]) {
#pragma HLS INLINE off
#if !defined(__SYNTHESIS__) && !defined(XAI_HLS_LOOPS)
    if (dense_detail::core_csim<T>(v, w, acc, std::integral_constant<bool, csim::int_mac<IN_T, W_T, ACC_T>::enabled>()))
        return;
#endif
dense_c:
    for (unsigned c = 0; c < T; c++) {
#pragma HLS PIPELINE II = 1
    dense_r:
        for (unsigned r = 0; r < T; r++) {
#pragma HLS UNROLL
            acc[r] += v[c] * w[r][c];
        }
    }
}

/// FP. in: DRAM [n_in]; params: parameter block; out: DRAM [n_out];
/// relu_mask: on-chip [n_out] bits, written when the method needs it and masks are stored.
template <class CONFIG_T, class METHOD>
void dense_fp(const typename CONFIG_T::act_t* in, const typename CONFIG_T::weight_t* params,
              typename CONFIG_T::act_t* out, bool* relu_mask) {
    static_assert(is_method<METHOD>::value, "METHOD must be xai::Saliency, xai::DeconvNet or xai::GuidedBackprop");
    typedef dense_shape<CONFIG_T> S;
    typedef typename CONFIG_T::act_t act_t;
    typedef typename CONFIG_T::weight_t w_t;
    typedef typename CONFIG_T::accum_t acc_t;
    const unsigned T = CONFIG_T::tile, NI = CONFIG_T::n_in, NO = CONFIG_T::n_out;
    act_t v[T];
    w_t w[T][T];
    acc_t acc[T];
#pragma HLS ARRAY_PARTITION variable = w complete dim = 1
#pragma HLS ARRAY_PARTITION variable = acc complete

dense_fp_o:
    for (unsigned o0 = 0; o0 < NO; o0 += T) {
        for (unsigned r = 0; r < T; r++) {
#pragma HLS UNROLL
            acc[r] = o0 + r < NO ? convert_scaled<act_in_exp_of<CONFIG_T>::value, acc_t>(acc_t(params[S::weight_count + o0 + r]))
                                 : acc_t(0);
        }
    dense_fp_i:
        for (unsigned i0 = 0; i0 < NI; i0 += T) {
            for (unsigned c = 0; c < T; c++) {
#pragma HLS PIPELINE II = 1
                v[c] = i0 + c < NI ? in[i0 + c] : act_t(0);
            }
            for (unsigned r = 0; r < T; r++)
                for (unsigned c = 0; c < T; c++) {
#pragma HLS PIPELINE II = 1
                    w[r][c] = (o0 + r < NO && i0 + c < NI) ? params[(o0 + r) * NI + i0 + c] : w_t(0);
                }
            dense_core<T>(v, w, acc);
        }
    dense_fp_store:
        for (unsigned r = 0; r < T; r++) {
#pragma HLS PIPELINE II = 1
            if (o0 + r < NO) {
                act_t y = convert_scaled<act_shift_of<CONFIG_T>::value, act_t>(acc[r]);
                if (CONFIG_T::relu) {
                    const bool m = y > act_t(0);
                    if (!m) y = act_t(0);
                    if (METHOD::needs_relu_mask && CONFIG_T::store_relu_mask) relu_mask[o0 + r] = m;
                }
                out[o0 + r] = y;
            }
        }
    }
}

/// BP. grad_out: DRAM [n_out] gradient w.r.t. the layer output; fwd_out / relu_mask: mask
/// source (see relu.h); grad_in: DRAM [n_in] gradient w.r.t. the input, scaled 2^grad_shift.
template <class CONFIG_T, class METHOD>
void dense_bp(const typename CONFIG_T::grad_t* grad_out, const typename CONFIG_T::weight_t* params,
              const typename CONFIG_T::act_t* fwd_out, const bool* relu_mask, typename CONFIG_T::grad_t* grad_in) {
    static_assert(is_method<METHOD>::value, "METHOD must be xai::Saliency, xai::DeconvNet or xai::GuidedBackprop");
    typedef dense_shape<CONFIG_T> S;
    typedef typename CONFIG_T::grad_t grad_t;
    typedef typename CONFIG_T::weight_t w_t;
    typedef typename CONFIG_T::grad_accum_t gacc_t;
    const unsigned T = CONFIG_T::tile, NI = CONFIG_T::n_in, NO = CONFIG_T::n_out;
    (void)sizeof(S);
    grad_t v[T];
    w_t w[T][T];
    gacc_t acc[T];
#pragma HLS ARRAY_PARTITION variable = w complete dim = 1
#pragma HLS ARRAY_PARTITION variable = acc complete

dense_bp_i:
    for (unsigned i0 = 0; i0 < NI; i0 += T) {
        for (unsigned r = 0; r < T; r++) {
#pragma HLS UNROLL
            acc[r] = gacc_t(0);
        }
    dense_bp_o:
        for (unsigned o0 = 0; o0 < NO; o0 += T) {
            for (unsigned c = 0; c < T; c++) {
#pragma HLS PIPELINE II = 1
                grad_t g(0);
                if (o0 + c < NO) {
                    g = grad_out[o0 + c];
                    if (CONFIG_T::relu)
                        g = METHOD::template backward<grad_t>(METHOD::needs_relu_mask ? relu_mask_at<CONFIG_T::store_relu_mask>(relu_mask, fwd_out, o0 + c) : false, g);
                }
                v[c] = g;
            }
            // Transposed load: w[r][c] = W[o0+c][i0+r].
            for (unsigned r = 0; r < T; r++)
                for (unsigned c = 0; c < T; c++) {
#pragma HLS PIPELINE II = 1
                    w[r][c] = (i0 + r < NI && o0 + c < NO) ? params[(o0 + c) * NI + i0 + r] : w_t(0);
                }
            dense_core<T>(v, w, acc);
        }
    dense_bp_store:
        for (unsigned r = 0; r < T; r++) {
#pragma HLS PIPELINE II = 1
            if (i0 + r < NI) grad_in[i0 + r] = convert_scaled<CONFIG_T::grad_shift, grad_t>(acc[r]);
        }
    }
}

} // namespace xai

#endif
