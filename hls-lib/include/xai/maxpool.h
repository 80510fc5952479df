// Max-pool 2x2 / stride 2, FP and BP (paper Sec. III-D, Fig. 5).
//
// FP keeps, per pooled output, a 2-bit index of the window position that won:
// index = 2*dy + dx (row-major in the window). Ties go to the FIRST maximum in row-major
// order (strict '>' while scanning), as PyTorch does. Odd H or W: the last row / column is
// dropped (floor), as PyTorch does, and receives zero gradient in BP.
// BP (unpooling) routes each pooled gradient to the stored position; the other three get 0.
//
// In a network the pool is fused into the store of the preceding convolution (FP) and
// into that convolution's gradient load (BP); pool2x2_select / unpool_pick are the
// element rules the fusion uses, maxpool2d_fp / maxpool2d_bp a standalone layer.
#ifndef XAI_MAXPOOL_H
#define XAI_MAXPOOL_H

#include "method.h"

#if defined(__SYNTHESIS__)
#include <ap_int.h>
#endif

namespace xai {

#if defined(__SYNTHESIS__)
typedef ap_uint<2> pool_index_t; ///< 2-bit argmax index per pooled output (BRAM bits)
#else
typedef unsigned char pool_index_t; ///< same values 0..3; a byte in C simulation
#endif

/// Returns the maximum of a 2x2 window (v00 v01 / v10 v11) and its index; first max wins.
template <class T>
inline T pool2x2_select(const T& v00, const T& v01, const T& v10, const T& v11, pool_index_t& index) {
    T best = v00;
    unsigned char k = 0;
    if (v01 > best) { best = v01; k = 1; }
    if (v10 > best) { best = v10; k = 2; }
    if (v11 > best) { best = v11; k = 3; }
    index = k;
    return best;
}

/// Gradient at window position (dy, dx) given the pooled gradient and the stored index.
template <class G> inline G unpool_pick(const G& g, pool_index_t index, unsigned dy, unsigned dx) {
    return unsigned(index) == 2 * dy + dx ? g : G(0);
}

/// Standalone max-pool configuration (every member required).
///   channels, in_h, in_w : input tensor [channels][in_h][in_w]; output [channels][in_h/2][in_w/2]
///   act_t, grad_t        : activation and gradient data types
struct maxpool_config_example {
    static const unsigned channels = 1, in_h = 4, in_w = 4;
    typedef float act_t;
    typedef float grad_t;
};

template <class CONFIG_T> struct maxpool_shape {
    static const unsigned out_h = CONFIG_T::in_h / 2;
    static const unsigned out_w = CONFIG_T::in_w / 2;
    static_assert(CONFIG_T::in_h >= 2 && CONFIG_T::in_w >= 2, "max-pool 2x2 needs in_h, in_w >= 2");
};

/// FP: out[c][y][x] = max of in[c][2y..2y+1][2x..2x+1]; index[c][y][x] = winning position.
template <class CONFIG_T>
void maxpool2d_fp(const typename CONFIG_T::act_t* in, typename CONFIG_T::act_t* out, pool_index_t* index) {
    typedef maxpool_shape<CONFIG_T> S;
    const unsigned H = CONFIG_T::in_h, W = CONFIG_T::in_w;
maxpool_fp_loop:
    for (unsigned c = 0; c < CONFIG_T::channels; c++)
        for (unsigned y = 0; y < S::out_h; y++)
            for (unsigned x = 0; x < S::out_w; x++) {
#pragma HLS PIPELINE II = 1
                const typename CONFIG_T::act_t* p = in + (c * H + 2 * y) * W + 2 * x;
                pool_index_t k;
                out[(c * S::out_h + y) * S::out_w + x] = pool2x2_select(p[0], p[1], p[W], p[W + 1], k);
                index[(c * S::out_h + y) * S::out_w + x] = k;
            }
}

/// BP: grad_in (shape of the FP input) receives grad_out at the stored positions, 0 elsewhere
/// (including a dropped odd last row / column).
template <class CONFIG_T>
void maxpool2d_bp(const typename CONFIG_T::grad_t* grad_out, const pool_index_t* index,
                  typename CONFIG_T::grad_t* grad_in) {
    typedef maxpool_shape<CONFIG_T> S;
    const unsigned H = CONFIG_T::in_h, W = CONFIG_T::in_w;
maxpool_bp_loop:
    for (unsigned c = 0; c < CONFIG_T::channels; c++)
        for (unsigned y = 0; y < H; y++)
            for (unsigned x = 0; x < W; x++) {
#pragma HLS PIPELINE II = 1
                typename CONFIG_T::grad_t g(0);
                if (y / 2 < S::out_h && x / 2 < S::out_w) {
                    unsigned o = (c * S::out_h + y / 2) * S::out_w + x / 2;
                    g = unpool_pick(grad_out[o], index[o], y % 2, x % 2);
                }
                grad_in[(c * H + y) * W + x] = g;
            }
}

} // namespace xai

#endif
