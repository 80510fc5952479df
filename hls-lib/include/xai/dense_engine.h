// The vector-matrix engine: ONE instance runs every dense layer of the network, FP and BP,
// from run-time layer descriptors (layer_desc.h). Paper Sec. III-C, III-E.
//
// FP  y[o] = b[o] + sum_i W[o][i] x[i]: for each tile of `tile` outputs the accumulators
//     stay on chip; per input tile, x[i0 .. i0+n) and the tile x tile weight block stream in
//     (each one contiguous run: an AXI burst; the block order is dense_weight_order.h's),
//     then the core does `tile` MACs per cycle. Store: rescale by 2^act_shift, ReLU (+ mask bit).
// BP  dx[i] = sum_o W[o][i] g[o], g = the gradient w.r.t. the pre-activation (ReLU rule on
//     load). For each tile of `tile` inputs, the blocks of output tiles 0, tile, ... are read
//     (each one contiguous run, the same blocks FP reads) and the core does
//     acc[r] += W[o][i0+r] * g[o], `tile` MACs per cycle on the same multipliers.
// Batch 1: every weight is used once per pass, so the layer runs at the rate the weight
// port delivers elements; the `tile` MACs keep up with a port of up to `tile` elements a beat.
// With `weight_beat` = P > 1 (weight_beat.h) the blocks come through the beat port, P weights
// per cycle into P columns (FP) or rows (BP) of the block buffer.
#ifndef XAI_DENSE_ENGINE_H
#define XAI_DENSE_ENGINE_H

#include "method.h"
#include "arith.h"
#include "relu.h"
#include "engine_words.h"
#include "layer_desc.h"
#include "engine_ports.h"
#include "dense_weight_order.h"
#include "weight_beat.h"
#ifndef __SYNTHESIS__
#include <stdexcept>
#endif

namespace xai {

/// Engine configuration (compile time; every member required).
struct dense_engine_config_example {
    static const unsigned tile = 16; ///< MACs in parallel = vector tile; 16 or 32 (paper Sec. IV-B)
    typedef float act_t;
    typedef float weight_t;
    typedef float accum_t;
    typedef float grad_t;
    typedef float grad_accum_t;
    // Optional (default 1, weight_beat.h): weights per read of the weight blocks. P > 1 reads
    // them through engine_ports::weight_beats; every dense layer's params and in_c must then be
    // multiples of P.
    static const unsigned weight_beat = 1;
};

template <class E> struct dense_engine_buffers {
    static_assert(E::tile == 16 || E::tile == 32, "dense: tile must be 16 or 32 (paper Sec. IV-B)");
    static_assert(weight_beat_of<E>::value <= E::tile,
                  "dense: weight_beat must be at most the tile (a beat lands in one row of a block)");
    typedef engine_words_of<E> WORDS;
    typedef typename WORDS::in_t in_t;
    typedef typename WORDS::w_t w_t;
    typedef typename WORDS::acc_t acc_t;
    in_t v[E::tile];          ///< FP: input tile; BP: gradients of the rows
    w_t w[E::tile][E::tile];  ///< FP: w[r][c] = W[o0+r][i0+c]; BP: w[r][c] = W[o0+c][i0+r]
    acc_t acc[E::tile];
};

/// Whether dense layer d's blocks can be read in beats of P weights: its parameter offset and
/// input length are multiples of P (each block then starts on a beat and is whole beats long).
constexpr bool dense_beats_fit(const layer_desc& d, unsigned P) { return d.params % P == 0 && d.in_c % P == 0; }

/// The core: acc[r] += sum_{c < n} w[r][c] * v[c] for r < n_r, `tile` MACs per cycle (r
/// unrolled; rows past n_r hold nothing of this tile and are left alone).
template <class E> void dense_engine_core(dense_engine_buffers<E>& b, unsigned n, unsigned n_r) {
#pragma HLS INLINE off
    // b.w rows and b.acc are partitioned where the buffers are declared (network_run).
dense_mac:
    for (unsigned c = 0; c < n; c++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = E::tile
#pragma HLS PIPELINE II = 1
    dense_mac_rows:
        for (unsigned r = 0; r < E::tile; r++) {
#pragma HLS UNROLL
            // Every lane multiplies (as the unrolled MACs do), the tile's rows keep the exact sum wrapped to the word (the
            // same bits as +=, which wraps modulo 2^W). g++ 12 at -O1 and -O2 miscompiled `if (r < n_r) b.acc[r] += ...`
            // here, and the same with `+` under the test or `+=` on a copy, in some translation units
            // (fc1 of the Table III scaled profile in numerics_test: class 9 for 4; right at -O0, -O3, with clang 14,
            // with this function at -O0, and with this form; no sanitizer or valgrind finding). CTest runs the
            // network tests at -O1 and -O2 for it (xai_hls_tests_O1, _O2).
            const typename dense_engine_buffers<E>::acc_t sum = b.acc[r] + b.v[c] * b.w[r][c];
            if (r < n_r) b.acc[r] = sum;
        }
    }
}

/// FP (backward = false) or BP (backward = true) of the dense layer `d` on the engine.
template <class E, class METHOD, bool WITH_BP>
void dense_engine(const layer_desc& d, bool backward, const engine_ports<E>& p, dense_engine_buffers<E>& b) {
#pragma HLS INLINE off
    static_assert(is_method<METHOD>::value, "METHOD must be xai::Saliency, xai::DeconvNet or xai::GuidedBackprop");
    typedef engine_words_of<E> WORDS;
    typedef typename WORDS::acc_t acc_w;
    typedef typename E::act_t act_t;
    typedef typename E::grad_t grad_t;
    typedef typename E::accum_t accum_t;
    typedef typename E::grad_accum_t grad_accum_t;
    const unsigned T = E::tile, NI = d.in_c, NO = d.out_c;
    const bool bp = WITH_BP && backward;
    // ReLU6's clip rule needs its mask in every method (relu6.h); ReLU's only where the method reads it.
    const bool mask_needed = (METHOD::needs_relu_mask || d.relu6) && d.relu;
    const typename E::weight_t* W = p.weights + d.params;
    const unsigned P = weight_beat_of<E>::value;
#ifndef __SYNTHESIS__
    if (P > 1 && !dense_beats_fit(d, P)) throw std::logic_error("dense_engine: weight_beat > 1 needs params and in_c multiples of it (weight_beat.h)");
#endif

    // FP: outer tiles over outputs, inner over inputs; BP: outer over inputs, inner over outputs.
    const unsigned n_outer = bp ? NI : NO, n_inner = bp ? NO : NI;
dense_outer:
    for (unsigned a0 = 0; a0 < n_outer; a0 += T) {
        const unsigned n_a = n_outer - a0 < T ? n_outer - a0 : T;
        if (!bp) {
        dense_fp_bias:
            for (unsigned r = 0; r < n_a; r++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = E::tile
#pragma HLS PIPELINE II = 1
                // The input is scaled by 2^act_in_exp, so the bias must be too.
                b.acc[r] = WORDS::template from_pass<accum_t>(
                    convert_shifted<accum_t>(accum_t(W[NI * NO + a0 + r]), d.act_in_exp));
            }
        } else {
            for (unsigned r = 0; r < T; r++) {
#pragma HLS UNROLL
                b.acc[r] = acc_w(0);
            }
        }
    dense_inner:
        for (unsigned c0 = 0; c0 < n_inner; c0 += T) {
            const unsigned n_c = n_inner - c0 < T ? n_inner - c0 : T;
            if (!bp) {
            dense_fp_load_x:
                for (unsigned c = 0; c < n_c; c++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = E::tile
#pragma HLS PIPELINE II = 1
                    b.v[c] = WORDS::in(p.act_src[d.act_in + c0 + c]);
                }
            } else {
            dense_bp_load_g:
                for (unsigned c = 0; c < n_c; c++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = E::tile
#pragma HLS PIPELINE II = 1
                    b.v[c] = WORDS::in(gradient_on_load<METHOD>(d, p, c0 + c));
                }
            }
            // Weight block, ONE contiguous run (dense_weight_order.h): FP the block of output rows a0 ..
            // a0+n_a and input columns c0 .. c0+n_c, row q landing in w[q][t]; BP the block of output
            // rows c0 .. c0+n_c and input columns a0 .. a0+n_a, row q landing transposed in w[t][q].
            const unsigned n_rows = bp ? n_c : n_a, n_run = bp ? n_a : n_c;
            const typename E::weight_t* block =
                W + (bp ? dense_block_offset(c0, a0, n_c, NI) : dense_block_offset(a0, c0, n_a, NI));
            // FP and BP each walk the run in their own loop (only one runs per call): one loop storing to
            // b.w[t][q] or b.w[q][t] by a run-time test was miscompiled by g++ 12 at -O1 (tree FRE; right
            // at -O0, -O2, with -fno-tree-fre, and no sanitizer or valgrind finding), first with selected
            // indices, then with two stores once the network driver gained the pool unit's call.
            if (P > 1) {
                // P weights per beat, all in row q of the block (n_run and the block's start are
                // multiples of P: dense_beats_fit); tb counts the beats along the row, so that lane j
                // provably lands in column (or row) tb * P + j: bank j of the buffer's cyclic partition
                // in FP, and in BP one guarded store per buffer row (each row is its own memory).
                const weight_beat_t<E>* beats = p.weight_beats + (d.params + (block - W)) / P;
                const unsigned row_beats = n_run / P;
                unsigned q = 0, tb = 0;
                if (bp) {
                dense_load_wb_bp:
                    for (unsigned k = 0; k < n_rows * row_beats; k++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = E::tile * E::tile / P
#pragma HLS PIPELINE II = 1
                        const weight_beat_t<E> w = beats[k];
                        for (unsigned r = 0; r < E::tile; r++) {
#pragma HLS UNROLL
                            if (r / P == tb) b.w[r][q] = WORDS::weight(w.e[r % P]);
                        }
                        if (++tb == row_beats) {
                            tb = 0;
                            q++;
                        }
                    }
                } else {
                dense_load_wb_fp:
                    for (unsigned k = 0; k < n_rows * row_beats; k++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = E::tile * E::tile / P
#pragma HLS PIPELINE II = 1
                        const weight_beat_t<E> w = beats[k];
                        for (unsigned j = 0; j < P; j++) {
#pragma HLS UNROLL
                            b.w[q][tb * P + j] = WORDS::weight(w.e[j]);
                        }
                        if (++tb == row_beats) {
                            tb = 0;
                            q++;
                        }
                    }
                }
            } else if (bp) {
                unsigned q = 0, t = 0;
            dense_load_w_bp:
                for (unsigned k = 0; k < n_rows * n_run; k++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = E::tile * E::tile
#pragma HLS PIPELINE II = 1
                    b.w[t][q] = WORDS::weight(block[k]);
                    if (++t == n_run) {
                        t = 0;
                        q++;
                    }
                }
            } else {
                unsigned q = 0, t = 0;
            dense_load_w_fp:
                for (unsigned k = 0; k < n_rows * n_run; k++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = E::tile * E::tile
#pragma HLS PIPELINE II = 1
                    b.w[q][t] = WORDS::weight(block[k]);
                    if (++t == n_run) {
                        t = 0;
                        q++;
                    }
                }
            }
            dense_engine_core<E>(b, n_c, n_a);
        }
    dense_store:
        for (unsigned r = 0; r < n_a; r++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = E::tile
#pragma HLS PIPELINE II = 1
            if (bp) {
                p.grad_dst[d.grad_in + a0 + r] =
                    convert_shifted<grad_t>(WORDS::template to_pass<grad_accum_t>(b.acc[r]), d.grad_shift);
            } else {
                act_t y = convert_shifted<act_t>(WORDS::template to_pass<accum_t>(b.acc[r]), d.act_shift);
                if (d.relu) {
                    bool m = y > act_t(0);
                    if (!m) y = act_t(0);
                    if (d.relu6) { // also clip at 6; BP passes where 0 < y < 6 (y = 6 gives 0, as torch)
                        const act_t level = relu6_level_of<act_t, accum_t>(d);
                        m = m && level > y;
                        if (!(level > y)) y = level;
                    }
                    if (mask_needed && d.store_relu_mask) p.masks[d.mask_at + a0 + r] = m;
                }
                p.act_dst[d.act_out + a0 + r] = y;
            }
        }
    }
}

} // namespace xai

#endif
