// ConvolutionBlock: 2-D convolution, stride 1, odd kernel, zero 'same' padding, with bias,
// fused ReLU and fused 2x2/2 max-pool on store (FP); flipped-transpose convolution with
// fused unpool + ReLU rule on load (BP). Paper Sec. III-B, III-E, Fig. 6, Table I.
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

namespace xai {

/// Layer configuration of a ConvolutionBlock (hls4ml CONFIG_T style). Every member is
/// required; this struct documents them and doubles as a test configuration.
struct conv2d_config_example {
    // --- layer shape -----------------------------------------------------------------
    static const unsigned in_c = 3;    ///< input channels
    static const unsigned out_c = 4;   ///< output channels
    static const unsigned height = 8;  ///< input (= conv output) height; 'same' padding
    static const unsigned width = 8;   ///< input (= conv output) width
    static const unsigned kernel = 3;  ///< kernel size K (odd); padding (K-1)/2, stride 1
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
    static const unsigned out_h = CONFIG_T::pool ? CONFIG_T::height / 2 : CONFIG_T::height; ///< stored output
    static const unsigned out_w = CONFIG_T::pool ? CONFIG_T::width / 2 : CONFIG_T::width;
    static const unsigned out_size = CONFIG_T::out_c * out_h * out_w;   ///< elements of the stored output
    static const unsigned in_size = CONFIG_T::in_c * CONFIG_T::height * CONFIG_T::width;
    static const unsigned weight_count = CONFIG_T::out_c * CONFIG_T::in_c * CONFIG_T::kernel * CONFIG_T::kernel;
    static const unsigned param_count = weight_count + CONFIG_T::out_c; ///< weights then biases
    static const unsigned halo_h = CONFIG_T::tile_h + CONFIG_T::kernel - 1;
    static const unsigned halo_w = CONFIG_T::tile_w + CONFIG_T::kernel - 1;
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

#if !defined(__SYNTHESIS__) && !defined(XAI_HLS_LOOPS)
namespace conv2d_detail {

/// C simulation, fixed types with a wrapping accumulator: exact integer sums of raw
/// products, added into the accumulator once per call (see csim_mac.h).
template <unsigned TCO, unsigned TCI, unsigned TH, unsigned TW, unsigned K, class IN_T, class W_T, class ACC_T>
void core_csim(const IN_T in[TCI][TH + K - 1][TW + K - 1], const W_T w[TCO][TCI][K][K], ACC_T acc[TCO][TH][TW],
               unsigned n_co, unsigned n_ci, std::true_type) {
    typedef csim::int_mac<IN_T, W_T, ACC_T> M;
    typedef typename M::sum_t sum_t;
    for (unsigned co = 0; co < n_co; co++) {
        sum_t sum[TH][TW] = {};
        for (unsigned ci = 0; ci < n_ci; ci++)
            for (unsigned kh = 0; kh < K; kh++)
                for (unsigned kw = 0; kw < K; kw++) {
                    const std::int16_t wv = M::raw16(w[co][ci][kh][kw]);
                    for (unsigned r = 0; r < TH; r++) {
                        const IN_T* src = &in[ci][r + kh][kw];
                        sum_t* dst = sum[r];
                        for (unsigned c = 0; c < TW; c++) dst[c] += M::product(src[c], wv);
                    }
                }
        for (unsigned r = 0; r < TH; r++)
            for (unsigned c = 0; c < TW; c++) acc[co][r][c] = M::add(acc[co][r][c], sum[r][c]);
    }
}

/// C simulation, other types (float, double, saturating accumulators): the same MACs, each
/// accumulator seeing its terms in the same (ci, kh, kw) order as in hardware, so results
/// are identical; rows contiguous and partial sums local (no aliasing) so the host
/// compiler vectorizes.
template <unsigned TCO, unsigned TCI, unsigned TH, unsigned TW, unsigned K, class IN_T, class W_T, class ACC_T>
void core_csim(const IN_T in[TCI][TH + K - 1][TW + K - 1], const W_T w[TCO][TCI][K][K], ACC_T acc[TCO][TH][TW],
               unsigned n_co, unsigned n_ci, std::false_type) {
    for (unsigned co = 0; co < n_co; co++) {
        ACC_T part[TH][TW];
        for (unsigned r = 0; r < TH; r++)
            for (unsigned c = 0; c < TW; c++) part[r][c] = acc[co][r][c];
        for (unsigned ci = 0; ci < n_ci; ci++)
            for (unsigned kh = 0; kh < K; kh++)
                for (unsigned kw = 0; kw < K; kw++) {
                    const W_T wv = w[co][ci][kh][kw];
                    for (unsigned r = 0; r < TH; r++) {
                        const IN_T* src = &in[ci][r + kh][kw];
                        for (unsigned c = 0; c < TW; c++) part[r][c] += src[c] * wv;
                    }
                }
        for (unsigned r = 0; r < TH; r++)
            for (unsigned c = 0; c < TW; c++) acc[co][r][c] = part[r][c];
    }
}

} // namespace conv2d_detail
#endif

/// The compute core: acc[co][r][c] += sum_{ci,kh,kw} in[ci][r+kh][c+kw] * w[co][ci][kh][kw]
/// for co < n_co, ci < n_ci. Templated on the engine only (not on the layer), so layers
/// with the same engine and types share one instance. The loop nest below is what Vitis
/// HLS synthesizes: N_OH x N_OW MACs per cycle; C simulation runs core_csim (same results,
/// bit for bit) unless XAI_HLS_LOOPS is defined.
template <unsigned TCO, unsigned TCI, unsigned TH, unsigned TW, unsigned K, unsigned N_OH, unsigned N_OW,
          class IN_T, class W_T, class ACC_T>
void conv_core(const IN_T in[TCI][TH + K - 1][TW + K - 1], const W_T w[TCO][TCI][K][K],
               ACC_T acc[TCO][TH][TW], unsigned n_co, unsigned n_ci) {
#pragma HLS INLINE off
#if !defined(__SYNTHESIS__) && !defined(XAI_HLS_LOOPS)
    conv2d_detail::core_csim<TCO, TCI, TH, TW, K>(
        in, w, acc, n_co, n_ci, std::integral_constant<bool, csim::int_mac<IN_T, W_T, ACC_T>::enabled>());
    return;
#endif
core_co:
    for (unsigned co = 0; co < n_co; co++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = TCO
    core_ci:
        for (unsigned ci = 0; ci < n_ci; ci++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = TCI
        core_kh:
            for (unsigned kh = 0; kh < K; kh++) {
            core_kw:
                for (unsigned kw = 0; kw < K; kw++) {
                    const W_T wv = w[co][ci][kh][kw];
                core_bh:
                    for (unsigned bh = 0; bh < TH / N_OH; bh++) {
                    core_bw:
                        for (unsigned bw = 0; bw < TW / N_OW; bw++) {
#pragma HLS PIPELINE II = 1
#pragma HLS DEPENDENCE variable = acc inter false
                        core_i:
                            for (unsigned i = 0; i < N_OH; i++) {
#pragma HLS UNROLL
                            core_j:
                                for (unsigned j = 0; j < N_OW; j++) {
#pragma HLS UNROLL
                                    const unsigned r = bh * N_OH + i, c = bw * N_OW + j;
                                    acc[co][r][c] += in[ci][r + kh][c + kw] * wv;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

namespace conv2d_detail {

/// FP input tile: activations with zero padding outside the map and beyond in_c.
template <class CONFIG_T, class T>
void load_input_fp(const typename CONFIG_T::act_t* in, T buf[CONFIG_T::tile_ci][conv2d_shape<CONFIG_T>::halo_h][conv2d_shape<CONFIG_T>::halo_w],
                   unsigned ci0, int y0, int x0) {
    typedef conv2d_shape<CONFIG_T> S;
    const int H = CONFIG_T::height, W = CONFIG_T::width;
load_in_fp:
    for (unsigned ci = 0; ci < CONFIG_T::tile_ci; ci++)
        for (unsigned r = 0; r < S::halo_h; r++)
            for (unsigned c = 0; c < S::halo_w; c++) {
#pragma HLS PIPELINE II = 1
                const int y = y0 + int(r) - int(S::pad), x = x0 + int(c) - int(S::pad);
                const bool ok = ci0 + ci < CONFIG_T::in_c && y >= 0 && y < H && x >= 0 && x < W;
                buf[ci][r][c] = ok ? T(in[((ci0 + ci) * H + y) * W + x]) : T(0);
            }
}

/// BP input tile: gradient w.r.t. this layer's pre-activation at conv resolution, built
/// from the gradient w.r.t. the stored output (unpool through the index, ReLU rule).
template <class CONFIG_T, class METHOD, class T>
void load_input_bp(const typename CONFIG_T::grad_t* gout, const pool_index_t* pool_index,
                   const bool* mask_bits, const typename CONFIG_T::act_t* fwd_out,
                   T buf[CONFIG_T::tile_co][conv2d_shape<CONFIG_T>::halo_h][conv2d_shape<CONFIG_T>::halo_w],
                   unsigned co0, int y0, int x0) {
    typedef conv2d_shape<CONFIG_T> S;
    typedef typename CONFIG_T::grad_t grad_t;
    const int H = CONFIG_T::height, W = CONFIG_T::width;
load_in_bp:
    for (unsigned co = 0; co < CONFIG_T::tile_co; co++)
        for (unsigned r = 0; r < S::halo_h; r++)
            for (unsigned c = 0; c < S::halo_w; c++) {
#pragma HLS PIPELINE II = 1
                const int y = y0 + int(r) - int(S::pad), x = x0 + int(c) - int(S::pad);
                grad_t g(0);
                if (co0 + co < CONFIG_T::out_c && y >= 0 && y < H && x >= 0 && x < W) {
                    unsigned o;
                    bool routed = true;
                    if (CONFIG_T::pool) {
                        const unsigned py = unsigned(y) / 2, px = unsigned(x) / 2;
                        routed = py < S::out_h && px < S::out_w;
                        o = ((co0 + co) * S::out_h + py) * S::out_w + px;
                        if (routed) routed = unsigned(pool_index[o]) == 2 * (unsigned(y) % 2) + unsigned(x) % 2;
                    } else {
                        o = ((co0 + co) * H + y) * W + x;
                    }
                    if (routed) {
                        g = gout[o];
                        if (CONFIG_T::relu) g = METHOD::template backward<grad_t>(
                                METHOD::needs_relu_mask ? relu_mask_at<CONFIG_T::store_relu_mask>(mask_bits, fwd_out, o)
                                                        : false,
                                g);
                    }
                }
                buf[co][r][c] = T(g);
            }
}

template <class CONFIG_T, class T>
void load_weights_fp(const typename CONFIG_T::weight_t* params, T w[CONFIG_T::tile_co][CONFIG_T::tile_ci][CONFIG_T::kernel][CONFIG_T::kernel],
                     unsigned co0, unsigned ci0) {
    const unsigned K = CONFIG_T::kernel;
load_w_fp:
    for (unsigned co = 0; co < CONFIG_T::tile_co; co++)
        for (unsigned ci = 0; ci < CONFIG_T::tile_ci; ci++)
            for (unsigned k = 0; k < K * K; k++) {
#pragma HLS PIPELINE II = 1
                const bool ok = co0 + co < CONFIG_T::out_c && ci0 + ci < CONFIG_T::in_c;
                w[co][ci][k / K][k % K] = ok ? T(params[((co0 + co) * CONFIG_T::in_c + ci0 + ci) * K * K + k]) : T(0);
            }
}

/// BP weight tile: output channel o of the BP convolution is FP input channel o0+o, input
/// channel i is FP output channel i0+i; kernel rotated by 180 degrees.
template <class CONFIG_T, class T>
void load_weights_bp(const typename CONFIG_T::weight_t* params, T w[CONFIG_T::tile_ci][CONFIG_T::tile_co][CONFIG_T::kernel][CONFIG_T::kernel],
                     unsigned o0, unsigned i0) {
    const unsigned K = CONFIG_T::kernel;
load_w_bp:
    for (unsigned o = 0; o < CONFIG_T::tile_ci; o++)
        for (unsigned i = 0; i < CONFIG_T::tile_co; i++)
            for (unsigned k = 0; k < K * K; k++) {
#pragma HLS PIPELINE II = 1
                const bool ok = o0 + o < CONFIG_T::in_c && i0 + i < CONFIG_T::out_c;
                w[o][i][k / K][k % K] =
                    ok ? T(params[((i0 + i) * CONFIG_T::in_c + o0 + o) * K * K + (K * K - 1 - k)]) : T(0);
            }
}

} // namespace conv2d_detail

/// FP of one convolution layer.
///   in         : DRAM [in_c][height][width] activations
///   params     : DRAM parameter block of this layer (weights then biases)
///   out        : DRAM [out_c][out_h][out_w] (pooled if CONFIG_T::pool)
///   relu_mask  : on-chip bits [out_c][out_h][out_w]; written only if METHOD needs a mask
///                and CONFIG_T::store_relu_mask (else may be null)
///   pool_index : on-chip 2-bit indices [out_c][out_h][out_w]; written if CONFIG_T::pool
template <class CONFIG_T, class METHOD>
void conv2d_fp(const typename CONFIG_T::act_t* in, const typename CONFIG_T::weight_t* params,
               typename CONFIG_T::act_t* out, bool* relu_mask, pool_index_t* pool_index) {
    static_assert(is_method<METHOD>::value, "METHOD must be xai::Saliency, xai::DeconvNet or xai::GuidedBackprop");
    typedef conv2d_shape<CONFIG_T> S;
    typedef typename CONFIG_T::act_t act_t;
    typedef typename CONFIG_T::accum_t acc_t;
    const unsigned TCO = CONFIG_T::tile_co, TCI = CONFIG_T::tile_ci, TH = CONFIG_T::tile_h, TW = CONFIG_T::tile_w,
                   K = CONFIG_T::kernel, H = CONFIG_T::height, W = CONFIG_T::width;

    act_t in_buf[TCI][S::halo_h][S::halo_w];
    typename CONFIG_T::weight_t w_buf[TCO][TCI][K][K];
    acc_t acc[TCO][TH][TW];
#pragma HLS ARRAY_PARTITION variable = in_buf cyclic factor = CONFIG_T::n_oh dim = 2
#pragma HLS ARRAY_PARTITION variable = in_buf cyclic factor = CONFIG_T::n_ow dim = 3
#pragma HLS ARRAY_PARTITION variable = acc cyclic factor = CONFIG_T::n_oh dim = 2
#pragma HLS ARRAY_PARTITION variable = acc cyclic factor = CONFIG_T::n_ow dim = 3

fp_co_tiles:
    for (unsigned co0 = 0; co0 < CONFIG_T::out_c; co0 += TCO) {
        const unsigned n_co = CONFIG_T::out_c - co0 < TCO ? CONFIG_T::out_c - co0 : TCO;
    fp_y_tiles:
        for (unsigned y0 = 0; y0 < H; y0 += TH) {
        fp_x_tiles:
            for (unsigned x0 = 0; x0 < W; x0 += TW) {
            fp_init:
                for (unsigned co = 0; co < TCO; co++) {
                    // The input is scaled by 2^act_in_exp, so the bias must be too.
                    const acc_t b = co < n_co ? convert_scaled<act_in_exp_of<CONFIG_T>::value, acc_t>(
                                                    acc_t(params[S::weight_count + co0 + co]))
                                              : acc_t(0);
                    for (unsigned r = 0; r < TH; r++)
                        for (unsigned c = 0; c < TW; c++) {
#pragma HLS PIPELINE II = 1
                            acc[co][r][c] = b;
                        }
                }
            fp_ci_tiles:
                for (unsigned ci0 = 0; ci0 < CONFIG_T::in_c; ci0 += TCI) {
                    const unsigned n_ci = CONFIG_T::in_c - ci0 < TCI ? CONFIG_T::in_c - ci0 : TCI;
                    conv2d_detail::load_input_fp<CONFIG_T>(in, in_buf, ci0, int(y0), int(x0));
                    conv2d_detail::load_weights_fp<CONFIG_T>(params, w_buf, co0, ci0);
                    conv_core<TCO, TCI, TH, TW, K, CONFIG_T::n_oh, CONFIG_T::n_ow>(in_buf, w_buf, acc, n_co, n_ci);
                }
                // Store: rescale to the output exponent, quantize, ReLU (+mask), pool (+index).
            fp_store:
                for (unsigned co = 0; co < n_co; co++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = TCO
                    if (!CONFIG_T::pool) {
                        for (unsigned r = 0; r < TH; r++)
                            for (unsigned c = 0; c < TW; c++) {
#pragma HLS PIPELINE II = 1
                                if (y0 + r < H && x0 + c < W) {
                                    act_t v = convert_scaled<act_shift_of<CONFIG_T>::value, act_t>(acc[co][r][c]);
                                    const unsigned o = ((co0 + co) * H + y0 + r) * W + x0 + c;
                                    if (CONFIG_T::relu) {
                                        const bool m = v > act_t(0);
                                        if (!m) v = act_t(0);
                                        if (METHOD::needs_relu_mask && CONFIG_T::store_relu_mask) relu_mask[o] = m;
                                    }
                                    out[o] = v;
                                }
                            }
                    } else {
                        for (unsigned pr = 0; pr < TH / 2; pr++)
                            for (unsigned pc = 0; pc < TW / 2; pc++) {
#pragma HLS PIPELINE II = 1
                                const unsigned py = y0 / 2 + pr, px = x0 / 2 + pc;
                                if (py < S::out_h && px < S::out_w) {
                                    act_t v[4];
                                    for (unsigned k = 0; k < 4; k++) {
                                        v[k] = convert_scaled<act_shift_of<CONFIG_T>::value, act_t>(acc[co][2 * pr + k / 2][2 * pc + k % 2]);
                                        if (CONFIG_T::relu) v[k] = relu_value(v[k]);
                                    }
                                    pool_index_t idx;
                                    const act_t best = pool2x2_select(v[0], v[1], v[2], v[3], idx);
                                    const unsigned o = ((co0 + co) * S::out_h + py) * S::out_w + px;
                                    out[o] = best;
                                    pool_index[o] = idx;
                                    // Only the winner receives gradient, and there [pre > 0] == [best > 0].
                                    if (CONFIG_T::relu && METHOD::needs_relu_mask && CONFIG_T::store_relu_mask)
                                        relu_mask[o] = best > act_t(0);
                                }
                            }
                    }
                }
            }
        }
    }
}

/// BP of one convolution layer (flipped-transpose convolution on the same core).
///   grad_out   : DRAM [out_c][out_h][out_w] gradient w.r.t. this layer's stored output
///   params     : DRAM parameter block (same as FP; read transposed and rotated)
///   fwd_out    : DRAM FP output of this layer (to recompute the ReLU mask when masks are
///                not stored; may be null otherwise or for methods without a mask)
///   relu_mask  : on-chip bits from FP (when CONFIG_T::store_relu_mask)
///   pool_index : on-chip 2-bit indices from FP (when CONFIG_T::pool)
///   grad_in    : DRAM [in_c][height][width] gradient w.r.t. this layer's input, scaled by
///                2^grad_shift relative to grad_out
template <class CONFIG_T, class METHOD>
void conv2d_bp(const typename CONFIG_T::grad_t* grad_out, const typename CONFIG_T::weight_t* params,
               const typename CONFIG_T::act_t* fwd_out, const bool* relu_mask, const pool_index_t* pool_index,
               typename CONFIG_T::grad_t* grad_in) {
    static_assert(is_method<METHOD>::value, "METHOD must be xai::Saliency, xai::DeconvNet or xai::GuidedBackprop");
    typedef conv2d_shape<CONFIG_T> S;
    typedef typename CONFIG_T::grad_t grad_t;
    typedef typename CONFIG_T::grad_accum_t gacc_t;
    // BP convolution: input channels = FP out_c (tile_co), output channels = FP in_c (tile_ci).
    const unsigned TBI = CONFIG_T::tile_co, TBO = CONFIG_T::tile_ci, TH = CONFIG_T::tile_h, TW = CONFIG_T::tile_w,
                   K = CONFIG_T::kernel, H = CONFIG_T::height, W = CONFIG_T::width;

    grad_t in_buf[TBI][S::halo_h][S::halo_w];
    typename CONFIG_T::weight_t w_buf[TBO][TBI][K][K];
    gacc_t acc[TBO][TH][TW];
#pragma HLS ARRAY_PARTITION variable = in_buf cyclic factor = CONFIG_T::n_oh dim = 2
#pragma HLS ARRAY_PARTITION variable = in_buf cyclic factor = CONFIG_T::n_ow dim = 3
#pragma HLS ARRAY_PARTITION variable = acc cyclic factor = CONFIG_T::n_oh dim = 2
#pragma HLS ARRAY_PARTITION variable = acc cyclic factor = CONFIG_T::n_ow dim = 3

bp_o_tiles:
    for (unsigned o0 = 0; o0 < CONFIG_T::in_c; o0 += TBO) {
        const unsigned n_o = CONFIG_T::in_c - o0 < TBO ? CONFIG_T::in_c - o0 : TBO;
    bp_y_tiles:
        for (unsigned y0 = 0; y0 < H; y0 += TH) {
        bp_x_tiles:
            for (unsigned x0 = 0; x0 < W; x0 += TW) {
            bp_init:
                for (unsigned o = 0; o < TBO; o++)
                    for (unsigned r = 0; r < TH; r++)
                        for (unsigned c = 0; c < TW; c++) {
#pragma HLS PIPELINE II = 1
                            acc[o][r][c] = gacc_t(0);
                        }
            bp_i_tiles:
                for (unsigned i0 = 0; i0 < CONFIG_T::out_c; i0 += TBI) {
                    const unsigned n_i = CONFIG_T::out_c - i0 < TBI ? CONFIG_T::out_c - i0 : TBI;
                    conv2d_detail::load_input_bp<CONFIG_T, METHOD>(grad_out, pool_index, relu_mask, fwd_out, in_buf, i0, int(y0), int(x0));
                    conv2d_detail::load_weights_bp<CONFIG_T>(params, w_buf, o0, i0);
                    conv_core<TBO, TBI, TH, TW, K, CONFIG_T::n_oh, CONFIG_T::n_ow>(in_buf, w_buf, acc, n_o, n_i);
                }
            bp_store:
                for (unsigned o = 0; o < n_o; o++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = TBO
                    for (unsigned r = 0; r < TH; r++)
                        for (unsigned c = 0; c < TW; c++) {
#pragma HLS PIPELINE II = 1
                            if (y0 + r < H && x0 + c < W)
                                grad_in[((o0 + o) * H + y0 + r) * W + x0 + c] =
                                    convert_scaled<CONFIG_T::grad_shift, grad_t>(acc[o][r][c]);
                        }
                }
            }
        }
    }
}

} // namespace xai

#endif
