// The convolution engine: ONE instance runs every convolution layer of the network, FP and
// BP, from run-time layer descriptors (layer_desc.h). Paper Sec. III-B, III-E, Fig. 6.
//
// Per layer and pass (output stationary):
//   FP: biases of the layer loaded once (scaled by 2^act_in_exp); for every output tile
//       [t_out][tile_h][tile_w]: acc = bias; for every input-channel tile: load the input
//       tile with its halo and the weight tile, run the core; store: rescale by 2^act_shift,
//       ReLU (+ mask bit), 2x2 max-pool (+ 2-bit index), write to DRAM.
//   The walk is one loop over steps (output tile x input-channel tile), each a load process
//   (conv_load_step: DRAM -> operand tiles) and a compute process (conv_compute_step: init,
//   core, store). With E::double_buffer the loop is a DATAFLOW region and the operand tiles a
//   ping-pong channel, so a step's loads overlap the previous step's core and store.
//   BP: the flipped-transpose convolution on the same core: input tile = gradient w.r.t.
//       the pre-activation, built on load (unpool through the index, the method's ReLU
//       rule); weights read transposed (Cin<->Cout) and rotated 180 degrees; store:
//       rescale by 2^grad_shift, write to DRAM.
//   Residual join (d.residual, engine with residual_paths): FP's store adds the skip tensor (a side
//       tile loaded with the output tile's last step) before the ReLU; BP also writes the gradient
//       after the ReLU rule to the skip's gradient; a layer whose input forks (d.grad_accumulate)
//       adds its BP result to the gradient another consumer of the input already wrote.
//   Depthwise (d.depthwise): one input-channel tile per output tile, the same channels; the core
//   reads input channel co for output channel co; weights one run of K*K per channel (BP rotated).
//   Stride 2 and less than 'same' padding (layer_desc.h's output grid): the walk is over the
//   'same' convolution's tiles; FP stores the grid's points of each tile, BP loads the stored
//   gradient back onto the grid (stride 1: one span of it, cropped; stride 2: through the
//   same on-chip window as the unpool, zeros between the grid's points).
//
// Hardware shape (what the loops are written for):
//  * Every DRAM loop walks consecutive addresses (bounds computed before it), so each is an
//    AXI burst: the input of a tile is one span per channel, from its first needed element
//    to its last, the columns outside the tile read and dropped on chip (so there is one
//    burst and one latency per channel, not per row; none is dropped where the tile spans the
//    map's width); BP through a pool reads the pooled rows the same way, one span per channel,
//    and unpools the halo on chip in one loop; stores write row segments.
//    The halo and the tile's edges are zero-filled on chip first. Biases are read once per
//    layer; weight tiles are one contiguous run per output channel.
//  * The input buffer is banked explicitly: bank (b, d) holds rows = b mod n_oh and columns
//    = d mod n_ow. For kernel offset (kh, kw), output row i of a block needs input row
//    bh*n_oh + kh + i, which lies in bank (i + kh) mod n_oh: every bank is read exactly
//    once per cycle at a CONSTANT bank index, and the n_oh x n_ow values are rotated by
//    (kh mod n_oh, kw mod n_ow) in registers. The accumulators are banked the same way.
//  * The core is one flattened pipeline over (co, ci, kh, kw, block row, block column) at
//    II=1: n_oh x n_ow MACs per cycle for the whole tile, restarted once per input tile.
//    An accumulator is revisited every (tile_h/n_oh)*(tile_w/n_ow) cycles (checked >= 4,
//    the adder's latency with margin), hence the DEPENDENCE distance.
//  * Init of the accumulators writes all n_oh x n_ow banks per cycle.
// In plain C simulation (no XAI_HLS_LOOPS) the buffers are unbanked and the core is the
// integer fast path of csim_mac.h: same words, same sums, bit for bit. For a stride-2 layer
// that path computes only the products that reach a stored output (core_grid).
#ifndef XAI_CONV_ENGINE_H
#define XAI_CONV_ENGINE_H

#include "method.h"
#include "arith.h"
#include "relu.h"
#include "maxpool.h"
#include "csim_mac.h"
#include "engine_words.h"
#include "layer_desc.h"
#include "engine_ports.h"

#if !defined(__SYNTHESIS__) && !defined(XAI_HLS_LOOPS)
#define XAI_CONV_ENGINE_CSIM 1
#endif

namespace xai {

/// Engine configuration (compile time; every member required). The network's top has one.
struct conv_engine_config_example {
    static const unsigned n_oh = 4;       ///< MACs in parallel along output rows (N_OH)
    static const unsigned n_ow = 4;       ///< MACs in parallel along output columns (N_OW)
    static const unsigned tile_h = 8;     ///< output tile rows, multiple of n_oh, even (fused pool)
    static const unsigned tile_w = 8;     ///< output tile columns, multiple of n_ow, even
    static const unsigned tile_ci = 4;    ///< FP input channels per tile (BP: output channels)
    static const unsigned tile_co = 4;    ///< FP output channels per tile (BP: input channels)
    static const unsigned max_kernel = 5; ///< largest odd kernel any layer uses
    static const unsigned max_out_c = 64; ///< largest out_c of any layer (bias buffer)
    /// Overlap each step's loads with the previous step's core and store (the step loop is a
    /// DATAFLOW region, its operands a ping-pong channel: twice the input and weight tiles).
    static const bool double_buffer = false;
    typedef float act_t;                  ///< activations in DRAM
    typedef float weight_t;               ///< weights and biases in DRAM
    typedef float accum_t;                ///< FP accumulator (interpretation of the accumulator word)
    typedef float grad_t;                 ///< gradients in DRAM (stored = true * 2^exponent)
    typedef float grad_accum_t;           ///< BP accumulator
};

/// Sizes derived from an engine configuration, and its compile-time checks.
template <class E> struct conv_engine_shape {
    static const unsigned tc = E::tile_ci > E::tile_co ? E::tile_ci : E::tile_co; ///< channels a buffer holds
    static const unsigned halo_h = E::tile_h + E::max_kernel - 1;
    static const unsigned halo_w = E::tile_w + E::max_kernel - 1;
    static const unsigned blocks_h = E::tile_h / E::n_oh; ///< MAC blocks per tile, rows
    static const unsigned blocks_w = E::tile_w / E::n_ow; ///< MAC blocks per tile, columns
    static const unsigned bank_h = (halo_h + E::n_oh - 1) / E::n_oh; ///< rows per input bank
    static const unsigned bank_w = (halo_w + E::n_ow - 1) / E::n_ow; ///< columns per input bank
    static const unsigned line = (E::tile_w + E::max_kernel) / 2 + 1; ///< pooled columns a halo needs (BP load)
    static const unsigned pooled_rows = halo_h / 2 + 2;              ///< pooled rows a halo needs (BP load)
    /// Cycles between two updates of one accumulator in the core pipeline.
    static const unsigned acc_distance = blocks_h * blocks_w;

    static_assert(E::n_oh > 0 && E::n_ow > 0, "conv engine: n_oh and n_ow must be positive");
    static_assert(E::tile_h % E::n_oh == 0, "conv2d: n_oh must divide tile_h");
    static_assert(E::tile_w % E::n_ow == 0, "conv2d: n_ow must divide tile_w");
    static_assert(E::tile_h % 2 == 0 && E::tile_w % 2 == 0, "conv engine: tile_h and tile_w must be even (fused 2x2 pool)");
    static_assert(E::tile_ci > 0 && E::tile_co > 0, "conv2d: channel tiles must be positive");
    static_assert(E::max_kernel % 2 == 1, "conv engine: max_kernel must be odd");
    static_assert(E::max_out_c > 0, "conv engine: max_out_c must be positive");
    /// II=1 by construction needs acc_distance >= min_acc_distance; network_run requires it
    /// of a network's engine (a standalone test block may use smaller tiles and a longer II).
    static const unsigned min_acc_distance = 4;
};

/// The operands of one step (an input-channel tile of an output tile): the input tile with its
/// halo and the weight tile. Declared per step; with E::double_buffer the step loop is a
/// DATAFLOW region and this is its ping-pong channel (two copies in hardware).
template <class E> struct conv_tile_operands {
    typedef conv_engine_shape<E> S;
    typedef engine_words_of<E> WORDS;
    typedef typename WORDS::in_t in_t;
    typedef typename WORDS::w_t w_t;
#ifdef XAI_CONV_ENGINE_CSIM
    in_t in[S::tc][S::halo_h][S::halo_w];
    in_t& in_at(unsigned c, unsigned r, unsigned col) { return in[c][r][col]; }
    const in_t& in_at(unsigned c, unsigned r, unsigned col) const { return in[c][r][col]; }
#else
    in_t in[E::n_oh][E::n_ow][S::tc][S::bank_h][S::bank_w];
    in_t& in_at(unsigned c, unsigned r, unsigned col) { return in[r % E::n_oh][col % E::n_ow][c][r / E::n_oh][col / E::n_ow]; }
    const in_t& in_at(unsigned c, unsigned r, unsigned col) const {
        return in[r % E::n_oh][col % E::n_ow][c][r / E::n_oh][col / E::n_ow];
    }
#endif
    w_t w[S::tc][S::tc][E::max_kernel][E::max_kernel]; ///< [core output ch][core input ch][kh][kw]
    /// The side tile of the residual paths (engine_residual_of; one word otherwise), loaded with the last
    /// step of an output tile: FP the skip tensor the store adds, BP the gradient already in grad_in
    /// (grad_accumulate). [output channel][tile row][tile column].
    static const bool has_side = engine_residual_of<E>::value;
    in_t side[has_side ? S::tc : 1][has_side ? E::tile_h : 1][has_side ? E::tile_w : 1];
    in_t& side_at(unsigned o, unsigned r, unsigned col) { return side[has_side ? o : 0][has_side ? r : 0][has_side ? col : 0]; }
    const in_t& side_at(unsigned o, unsigned r, unsigned col) const {
        return side[has_side ? o : 0][has_side ? r : 0][has_side ? col : 0];
    }
};

/// The engine's buffers that live across steps: one set, declared by the top (through
/// network_run) and used by every layer in both passes.
template <class E> struct conv_engine_buffers {
    typedef conv_engine_shape<E> S;
    typedef engine_words_of<E> WORDS;
    typedef typename WORDS::acc_t acc_t;
#ifdef XAI_CONV_ENGINE_CSIM
    acc_t acc[S::tc][E::tile_h][E::tile_w];
    acc_t& acc_at(unsigned o, unsigned r, unsigned col) { return acc[o][r][col]; }
#else
    acc_t acc[E::n_oh][E::n_ow][S::tc][S::blocks_h][S::blocks_w];
    acc_t& acc_at(unsigned o, unsigned r, unsigned col) {
        return acc[r % E::n_oh][col % E::n_ow][o][r / E::n_oh][col / E::n_ow];
    }
#endif
    acc_t bias[E::max_out_c]; ///< the layer's biases, scaled, as accumulator words
};

/// Which accumulators and inputs of a stride-2 layer's tile matter, for the C simulation's integer core only
/// (hardware computes the whole tile; the stored results are the same). FP: only the output grid's points
/// are stored, rows r = row_parity and columns c = col_parity (mod 2) of the tile. BP: the input tile is
/// zero off the grid, so for kernel offset (kh, kw) only rows r = row_parity + kh and columns
/// c = col_parity + kw (mod 2) receive non-zero products. (Tiles start at even rows and columns.)
struct core_grid {
    bool fp, bp;
    unsigned row_parity, col_parity;
};

namespace conv_engine_detail {

constexpr unsigned min_u(unsigned a, unsigned b) { return a < b ? a : b; }
constexpr unsigned sub_sat(unsigned a, unsigned b) { return a > b ? a - b : 0; }

/// Rows y0 - pad + [lo, hi) of a tile's input halo that lie in the map (the rest stays cleared).
struct halo_rows {
    unsigned lo, hi;
};
template <class E> constexpr halo_rows rows_in_map(unsigned y0, unsigned pad, unsigned H, unsigned K) {
    return halo_rows{y0 < pad ? pad - y0 : 0, min_u(E::tile_h + K - 1, H + pad - y0)};
}
/// Elements of one channel's input span: column x_lo of the first row to column x_lo + n_x - 1 of the last.
constexpr unsigned input_span(halo_rows rows, unsigned W, unsigned n_x) { return (rows.hi - rows.lo - 1) * W + n_x; }

/// Index of the first point of an output grid (skip + stride * k) at a 'same' coordinate >= a.
constexpr unsigned grid_first(unsigned a, unsigned skip, unsigned stride) {
    return a <= skip ? 0 : per_stride(a - skip + stride - 1, stride);
}

/// The pooled-map window BP through a fused pool reads for a tile's halo: pooled rows
/// [py_lo, py_hi) and columns [px_lo, px_hi) covering input rows y_first .. y_last and columns [x_lo, x_hi).
struct pooled_window {
    unsigned py_lo, py_hi, px_lo, px_hi;
};
constexpr pooled_window pooled_window_of(unsigned y_first, unsigned y_last, unsigned x_lo, unsigned x_hi, unsigned OH,
                                         unsigned OW) {
    return pooled_window{y_first / 2, min_u(OH, y_last / 2 + 1), x_lo / 2, min_u(OW, (x_hi + 1) / 2)};
}
/// The points of layer d's output grid (layer_desc.h) at 'same' rows [y_lo, y_end) and columns
/// [x_lo, x_end), as grid indices clipped to the stored OH x OW map: a window of the stored output
/// like the pooled one (BP reads it back; FP stores a tile's).
constexpr pooled_window grid_window_of(const layer_desc& d, unsigned y_lo, unsigned y_end, unsigned x_lo, unsigned x_end,
                                       unsigned OH, unsigned OW) {
    return pooled_window{grid_first(y_lo, d.skip_top, d.stride), min_u(OH, grid_first(y_end, d.skip_top, d.stride)),
                         grid_first(x_lo, d.skip_left, d.stride), min_u(OW, grid_first(x_end, d.skip_left, d.stride))};
}
/// Elements of one channel's span over a window of the stored output: column px_lo of its first
/// row to px_hi - 1 of its last; 0 when the window is empty (an odd map's last row or column, which
/// no pool window holds, can be all a halo has with kernel 1).
constexpr unsigned pooled_span(pooled_window w, unsigned OW) {
    return w.py_hi > w.py_lo && w.px_hi > w.px_lo ? (w.py_hi - w.py_lo - 1) * OW + (w.px_hi - w.px_lo) : 0;
}

#ifdef XAI_CONV_ENGINE_CSIM
/// The integer core of a stride-2 layer (core_grid): only the products that matter. The input tile is
/// split into even and odd columns first, so that every kernel offset reads, and every output parity
/// sums, consecutive elements (the host's vector units): a quarter of the 'same' convolution's MACs, the
/// grid's. Integer sums are exact in any order, and a product left out is one whose output is never
/// stored (FP) or whose input is zero (BP), so the accumulators that are stored get the same bits.
template <class E, class OPS, class BUF, class M>
void core_strided(const OPS& op, BUF& b, unsigned n_co, unsigned n_ci, unsigned k, bool depthwise, core_grid g) {
    typedef typename M::sum_t sum_t;
    typedef conv_engine_shape<E> S;
    const unsigned TH = E::tile_h, HW = E::tile_w / 2, HALF = (S::halo_w + 1) / 2;
    // in2[channel][row][column parity][column / 2]: the input tile's raw words, deinterleaved.
    std::int16_t in2[S::tc][S::halo_h][2][HALF];
    const unsigned channels = depthwise ? n_co : n_ci;
    for (unsigned ch = 0; ch < channels; ch++)
        for (unsigned r = 0; r < S::halo_h; r++)
            for (unsigned c = 0; c < S::halo_w; c++) in2[ch][r][c & 1u][c >> 1] = std::int16_t(op.in[ch][r][c].raw());
    for (unsigned co = 0; co < n_co; co++) {
        sum_t sum[TH][2][HW] = {}; // [row][output column parity][output column / 2]
        for (unsigned ci = 0; ci < n_ci; ci++)
            for (unsigned kh = 0; kh < k; kh++)
                for (unsigned kw = 0; kw < k; kw++) {
                    const std::int32_t wv = M::raw16(op.w[co][ci][kh][kw]);
                    // FP: the grid's rows and columns; BP: the outputs whose input (r + kh, c + kw) is on the grid.
                    const unsigned r0 = (g.row_parity + (g.bp ? kh : 0)) & 1u, p = (g.col_parity + (g.bp ? kw : 0)) & 1u;
                    const unsigned q = (p + kw) & 1u, first = (p + kw) >> 1; // input column p + kw + 2j
                    for (unsigned r = r0; r < TH; r += 2) {
                        const std::int16_t* src = &in2[depthwise ? co : ci][r + kh][q][first];
                        sum_t* dst = sum[r][p];
                        for (unsigned j = 0; j < HW; j++) dst[j] += sum_t(std::int32_t(src[j]) * wv);
                    }
                }
        for (unsigned r = 0; r < TH; r++)
            for (unsigned c = 0; c < E::tile_w; c++) b.acc[co][r][c] = M::add(b.acc[co][r][c], sum[r][c & 1u][c >> 1]);
    }
}

/// C simulation core: the integer fast path of csim_mac.h when it applies, else the same
/// MACs in the same per-accumulator order (floating point).
template <class E, class OPS, class BUF>
void core(const OPS& op, BUF& b, unsigned n_co, unsigned n_ci, unsigned k, bool depthwise, core_grid g,
          std::true_type) {
    typedef typename OPS::in_t in_t;
    typedef typename OPS::w_t w_t;
    typedef typename BUF::acc_t acc_t;
    typedef csim::int_mac<in_t, w_t, acc_t> M;
    typedef typename M::sum_t sum_t;
    if (g.fp || g.bp) {
        core_strided<E, OPS, BUF, M>(op, b, n_co, n_ci, k, depthwise, g);
        return;
    }
    const unsigned TH = E::tile_h, TW = E::tile_w;
    for (unsigned co = 0; co < n_co; co++) {
        sum_t sum[TH][TW] = {};
        for (unsigned ci = 0; ci < n_ci; ci++)
            for (unsigned kh = 0; kh < k; kh++)
                for (unsigned kw = 0; kw < k; kw++) {
                    const std::int16_t wv = M::raw16(op.w[co][ci][kh][kw]);
                    for (unsigned r = 0; r < TH; r++) {
                        const in_t* src = &op.in[depthwise ? co : ci][r + kh][kw];
                        sum_t* dst = sum[r];
                        for (unsigned c = 0; c < TW; c++) dst[c] += M::product(src[c], wv);
                    }
                }
        for (unsigned r = 0; r < TH; r++)
            for (unsigned c = 0; c < TW; c++) b.acc[co][r][c] = M::add(b.acc[co][r][c], sum[r][c]);
    }
}
template <class E, class OPS, class BUF>
void core(const OPS& op, BUF& b, unsigned n_co, unsigned n_ci, unsigned k, bool depthwise, core_grid,
          std::false_type) {
    typedef typename OPS::in_t in_t;
    typedef typename BUF::acc_t acc_t;
    const unsigned TH = E::tile_h, TW = E::tile_w;
    for (unsigned co = 0; co < n_co; co++) {
        acc_t part[TH][TW];
        for (unsigned r = 0; r < TH; r++)
            for (unsigned c = 0; c < TW; c++) part[r][c] = b.acc[co][r][c];
        for (unsigned ci = 0; ci < n_ci; ci++)
            for (unsigned kh = 0; kh < k; kh++)
                for (unsigned kw = 0; kw < k; kw++) {
                    const typename OPS::w_t wv = op.w[co][ci][kh][kw];
                    for (unsigned r = 0; r < TH; r++) {
                        const in_t* src = &op.in[depthwise ? co : ci][r + kh][kw];
                        for (unsigned c = 0; c < TW; c++) part[r][c] += src[c] * wv;
                    }
                }
        for (unsigned r = 0; r < TH; r++)
            for (unsigned c = 0; c < TW; c++) b.acc[co][r][c] = part[r][c];
    }
}
#endif

} // namespace conv_engine_detail

/// The compute core: acc[co][r][c] += sum_{ci < n_ci, kh, kw < k} in[ci][r+kh][c+kw] * w[co][ci][kh][kw]
/// for co < n_co, over the whole tile (depthwise: n_ci = 1 and in[co] instead of in[ci]). The only
/// multipliers of the engine: n_oh x n_ow.
template <class E>
void conv_engine_core(const conv_tile_operands<E>& op, conv_engine_buffers<E>& b, unsigned n_co, unsigned n_ci, unsigned k,
                      bool depthwise = false, core_grid grid = core_grid{false, false, 0, 0}) {
#pragma HLS INLINE off
    typedef conv_tile_operands<E> OPS;
#ifdef XAI_CONV_ENGINE_CSIM
    typedef conv_engine_buffers<E> BUF;
    conv_engine_detail::core<E>(
        op, b, n_co, n_ci, k, depthwise, grid,
        std::integral_constant<bool, csim::int_mac<typename OPS::in_t, typename OPS::w_t, typename BUF::acc_t>::enabled>());
#else
    (void)grid;
    typedef conv_engine_shape<E> S;
    const unsigned N_OH = E::n_oh, N_OW = E::n_ow, BH = S::blocks_h, BW = S::blocks_w;
    const unsigned total = n_co * n_ci * k * k * BH * BW;
    unsigned co = 0, ci = 0, kh = 0, kw = 0, bh = 0, bw = 0;
core_mac:
    for (unsigned it = 0; it < total; it++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::tc * S::tc * E::max_kernel * E::max_kernel * S::acc_distance
#pragma HLS PIPELINE II = 1
#pragma HLS DEPENDENCE variable = b.acc inter RAW distance = S::acc_distance true
        const typename OPS::w_t wv = op.w[co][ci][kh][kw];
        typename OPS::in_t x[N_OH][N_OW];
#pragma HLS ARRAY_PARTITION variable = x complete dim = 0
    core_read_bank_rows:
        for (unsigned bi = 0; bi < N_OH; bi++) {
#pragma HLS UNROLL
        core_read_bank_cols:
            for (unsigned bj = 0; bj < N_OW; bj++) {
#pragma HLS UNROLL
                // Bank (bi, bj) serves output row i, column j of this block (a rotation).
                const unsigned i = (bi + N_OH - kh % N_OH) % N_OH, j = (bj + N_OW - kw % N_OW) % N_OW;
                x[i][j] = op.in[bi][bj][depthwise ? co : ci][bh + (kh + i) / N_OH][bw + (kw + j) / N_OW];
            }
        }
    core_mac_rows:
        for (unsigned i = 0; i < N_OH; i++) {
#pragma HLS UNROLL
        core_mac_cols:
            for (unsigned j = 0; j < N_OW; j++) {
#pragma HLS UNROLL
                b.acc[i][j][co][bh][bw] += x[i][j] * wv;
            }
        }
        // Next (co, ci, kh, kw, bh, bw), block column fastest.
        if (++bw == BW) {
            bw = 0;
            if (++bh == BH) {
                bh = 0;
                if (++kw == k) {
                    kw = 0;
                    if (++kh == k) {
                        kh = 0;
                        if (++ci == n_ci) { ci = 0; co++; }
                    }
                }
            }
        }
    }
#endif
}

namespace conv_engine_detail {

/// Zero the input buffer (halo and channels beyond the layer): all banks in parallel.
template <class E> void clear_input(conv_tile_operands<E>& b) {
    typedef conv_engine_shape<E> S;
    typedef typename conv_tile_operands<E>::in_t in_t;
#ifdef XAI_CONV_ENGINE_CSIM
    for (unsigned c = 0; c < S::tc; c++)
        for (unsigned r = 0; r < S::halo_h; r++)
            for (unsigned x = 0; x < S::halo_w; x++) b.in[c][r][x] = in_t(0);
#else
clear_in:
    for (unsigned c = 0; c < S::tc; c++)
        for (unsigned r = 0; r < S::bank_h; r++)
            for (unsigned x = 0; x < S::bank_w; x++) {
#pragma HLS PIPELINE II = 1
                for (unsigned bi = 0; bi < E::n_oh; bi++)
                    for (unsigned bj = 0; bj < E::n_ow; bj++) b.in[bi][bj][c][r][x] = in_t(0);
            }
#endif
}

/// Set every accumulator of core output channel o < t_out to the bias word (FP) or zero (BP).
template <class E> void init_acc(conv_engine_buffers<E>& b, unsigned t_out, unsigned o0, bool with_bias) {
    typedef typename conv_engine_buffers<E>::acc_t acc_t;
#ifdef XAI_CONV_ENGINE_CSIM
    for (unsigned o = 0; o < t_out; o++) {
        const acc_t v = with_bias ? b.bias[o0 + o] : acc_t(0);
        for (unsigned r = 0; r < E::tile_h; r++)
            for (unsigned c = 0; c < E::tile_w; c++) b.acc[o][r][c] = v;
    }
#else
    typedef conv_engine_shape<E> S;
init_acc_loop:
    for (unsigned o = 0; o < t_out; o++)
        for (unsigned r = 0; r < S::blocks_h; r++)
            for (unsigned c = 0; c < S::blocks_w; c++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::tc * S::acc_distance
#pragma HLS PIPELINE II = 1
                // The index is guarded too: hardware reads both sides of the select, and in BP o0 + o
                // counts FP input channels, which may exceed max_out_c.
                const acc_t v = with_bias ? b.bias[with_bias ? o0 + o : 0] : acc_t(0);
                for (unsigned i = 0; i < E::n_oh; i++)
                    for (unsigned j = 0; j < E::n_ow; j++) b.acc[i][j][o][r][c] = v;
            }
#endif
}

/// One step of a layer's pass: output tile (o0, y0, x0) with n_o channels, input-channel
/// tile i0 with n_i channels, in the order of the serial tile loops (output channel tile,
/// tile row, tile column, input channel tile; the last fastest). first/last: the output
/// tile's first and last input-channel tile (init before the core, store after it).
struct conv_step {
    unsigned o0, n_o, y0, x0, i0, n_i;
    bool first, last;
};

/// Steps of layer d's pass: output-channel tiles x tile rows x tile columns x input-channel tiles.
/// Every division is by a constant of the engine (the pass selects which), so none needs a divider.
template <class E> unsigned conv_steps_of(const layer_desc& d, bool bp) {
    const unsigned tiles_ci_fp = (d.in_c + E::tile_ci - 1) / E::tile_ci, tiles_co_fp = (d.out_c + E::tile_co - 1) / E::tile_co;
    const unsigned tiles_ci_bp = (d.out_c + E::tile_co - 1) / E::tile_co, tiles_co_bp = (d.in_c + E::tile_ci - 1) / E::tile_ci;
    // Depthwise: one channel tile per output tile (its input channels are its output channels).
    const unsigned t_dw = E::tile_ci < E::tile_co ? E::tile_ci : E::tile_co;
    const unsigned channel_tiles =
        d.depthwise ? (d.out_c + t_dw - 1) / t_dw : bp ? tiles_ci_bp * tiles_co_bp : tiles_ci_fp * tiles_co_fp;
    return channel_tiles * ((d.height + E::tile_h - 1) / E::tile_h) * ((d.width + E::tile_w - 1) / E::tile_w);
}

/// A process's place in the walk over a layer's steps, kept by each step process across its calls
/// (reset at step 0) so that a step's coordinates come from adds and compares, not from dividing
/// the step index (a runtime divider would cost tens of cycles per step).
struct conv_walk {
    unsigned o0, y0, x0, i0;
};

/// The step the walk is at, then the walk moves to the next (input-channel tile fastest).
template <class E> conv_step conv_walk_step(const layer_desc& d, bool bp, int s, conv_walk& w) {
#pragma HLS INLINE
    const unsigned n_out = bp ? d.in_c : d.out_c, n_in = bp ? d.out_c : d.in_c;
    const unsigned t_dw = E::tile_ci < E::tile_co ? E::tile_ci : E::tile_co;
    const unsigned t_out = d.depthwise ? t_dw : bp ? E::tile_ci : E::tile_co;
    const unsigned t_in = d.depthwise ? t_dw : bp ? E::tile_co : E::tile_ci;
    if (s == 0) w = conv_walk{0, 0, 0, 0};
    conv_step t;
    t.o0 = w.o0;
    t.n_o = min_u(n_out - w.o0, t_out);
    t.y0 = w.y0;
    t.x0 = w.x0;
    // Depthwise: the input-channel tile is the output tile's own channels, the only one.
    t.i0 = d.depthwise ? w.o0 : w.i0;
    t.n_i = d.depthwise ? t.n_o : min_u(n_in - w.i0, t_in);
    t.first = d.depthwise || w.i0 == 0;
    t.last = d.depthwise || w.i0 + t_in >= n_in;
    if (!t.last) {
        w.i0 += t_in;
    } else {
        w.i0 = 0;
        if (w.x0 + E::tile_w < d.width) {
            w.x0 += E::tile_w;
        } else {
            w.x0 = 0;
            if (w.y0 + E::tile_h < d.height) {
                w.y0 += E::tile_h;
            } else {
                w.y0 = 0;
                w.o0 += t_out;
            }
        }
    }
    return t;
}

/// The loads of step s: the input tile with its halo (FP input, or BP gradient built on load)
/// and the weight tile, into op. Reads DRAM, writes op, nothing else.
template <class E, class METHOD, bool WITH_BP>
void conv_load_step(const layer_desc d, bool backward, const engine_ports<E>& p, int s, conv_tile_operands<E>& op) {
#pragma HLS INLINE off
    static conv_walk walk;
    typedef conv_engine_shape<E> S;
    typedef engine_words_of<E> WORDS;
    typedef typename E::grad_t grad_t;
    (void)sizeof(S);
    const bool bp = WITH_BP && backward;
    const unsigned H = d.height, W = d.width, K = d.kernel, pad = (d.kernel - 1) / 2;
    const unsigned OH = conv_out_h(d), OW = conv_out_w(d), KK = K * K;
    const bool grid = !d.pool && conv_grid_decimated(d);
    const conv_step st = conv_walk_step<E>(d, bp, s, walk);
    // (the clamps change nothing - a tile never exceeds S::tc - but let the compiler see the bound)
    const unsigned o0 = st.o0, n_o = min_u(st.n_o, S::tc), y0 = st.y0, x0 = st.x0, i0 = st.i0, n_i = min_u(st.n_i, S::tc);
    // Input columns of this tile: [x0 - pad, x0 + tile_w + pad) within the map.
    const unsigned x_lo = sub_sat(x0, pad), x_hi = min_u(W, x0 + E::tile_w + pad);
    const unsigned col0 = x_lo + pad - x0; // buffer column of x_lo
    const halo_rows rows = rows_in_map<E>(y0, pad, H, K);
    // One burst per channel (FP input, or BP gradient at conv resolution): the contiguous
    // span from column x_lo of the first row to column x_hi - 1 of the last, at consecutive
    // addresses so that Vitis HLS infers the burst; the columns outside the tile are read
    // and dropped. Where the tile spans the map's width nothing is dropped.
    const unsigned span = input_span(rows, W, x_hi - x_lo);
    clear_input<E>(op);
load_input:
    for (unsigned c = 0; c < n_i; c++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::tc
        const unsigned ch = i0 + c;
        if (!bp || (!d.pool && !grid)) {
            const unsigned e0 = (ch * H + (y0 + rows.lo - pad)) * W + x_lo;
            unsigned r = rows.lo, x = x_lo;
        load_input_span:
            for (unsigned t = 0; t < span; t++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::halo_h * S::halo_w
#pragma HLS PIPELINE II = 1
                const unsigned e = e0 + t;
                const bool kept = x >= x_lo && x < x_hi;
                // Every element read is converted (wiring), the dropped ones not stored.
                if (!bp) {
                    const typename WORDS::in_t v = WORDS::in(p.act_src[d.act_in + e]);
                    if (kept) op.in_at(c, r, col0 + x - x_lo) = v;
                } else {
                    const typename WORDS::in_t v = WORDS::in(gradient_on_load<METHOD>(d, p, e));
                    if (kept) op.in_at(c, r, col0 + x - x_lo) = v;
                }
                if (++x == W) {
                    x = 0;
                    r++;
                }
            }
            continue;
        }
        if (grid && d.stride == 1) {
            // BP of a convolution with less than 'same' padding: the stored gradient is the 'same'
            // one cropped, so the halo's rows and columns inside the grid are ONE span of it (the
            // columns outside the tile read and dropped, as above), the rest stays cleared.
            const pooled_window gw = grid_window_of(d, y0 + rows.lo - pad, y0 + rows.hi - pad, x_lo, x_hi, OH, OW);
            const unsigned g0 = (ch * OH + gw.py_lo) * OW + gw.px_lo;
            // Buffer row and column of grid point (py_lo, px_lo).
            const unsigned r0 = d.skip_top + gw.py_lo + pad - y0, c0 = col0 + d.skip_left + gw.px_lo - x_lo;
            unsigned gr = 0, gx = gw.px_lo;
        load_bp_cropped_span:
            for (unsigned t = 0; t < pooled_span(gw, OW); t++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::halo_h * S::halo_w
#pragma HLS PIPELINE II = 1
                const typename WORDS::in_t v = WORDS::in(gradient_on_load<METHOD>(d, p, g0 + t));
                if (gx >= gw.px_lo && gx < gw.px_hi) op.in_at(c, r0 + gr, c0 + gx - gw.px_lo) = v;
                if (++gx == OW) {
                    gx = 0;
                    gr++;
                }
            }
            continue;
        }
        // BP through a fused pool, or of a stride-2 convolution: the stored gradient's rows the
        // halo needs, as ONE span (the pooled FP output or mask for the ReLU rule at the same
        // addresses), the columns outside the tile read and dropped as above; then the halo built
        // on chip in one loop: the gradient goes to the window position the FP pool chose
        // (2-bit index), or back onto the stride-2 grid (zeros between).
        const unsigned y_first = y0 + rows.lo - pad, y_last = y0 + rows.hi - 1 - pad;
        const pooled_window pw = d.pool ? pooled_window_of(y_first, y_last, x_lo, x_hi, OH, OW)
                                        : grid_window_of(d, y_first, y_last + 1, x_lo, x_hi, OH, OW);
        const unsigned pbase = (ch * OH + pw.py_lo) * OW + pw.px_lo;
        grad_t pooled[S::pooled_rows][S::line];
        unsigned pr = 0, px = pw.px_lo;
    load_bp_pooled_span:
        for (unsigned t = 0; t < pooled_span(pw, OW); t++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::pooled_rows * S::line
#pragma HLS PIPELINE II = 1
            const grad_t g = gradient_on_load<METHOD>(d, p, pbase + t);
            if (px >= pw.px_lo && px < pw.px_hi) pooled[pr][px - pw.px_lo] = g;
            if (++px == OW) {
                px = 0;
                pr++;
            }
        }
        unsigned r = rows.lo, x = x_lo;
    unpool:
        for (unsigned t = 0; t < (rows.hi - rows.lo) * (x_hi - x_lo); t++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::halo_h * S::halo_w
#pragma HLS PIPELINE II = 1
            const unsigned y = y0 + r - pad;
            bool routed;
            unsigned py, qx;
            if (d.pool) {
                py = y / 2;
                qx = x / 2;
                // (an odd map's last row and column belong to no pool window; the index
                // store is read at a valid address either way, as hardware reads both sides)
                const bool in_pool = py < OH && qx < OW;
                const unsigned at = in_pool ? (ch * OH + py) * OW + qx : 0;
                routed = in_pool && unsigned(p.pools[d.pool_at + at]) == 2 * (y % 2) + x % 2;
            } else {
                const unsigned dy = y - d.skip_top, dx = x - d.skip_left;
                py = dy / 2;
                qx = dx / 2;
                routed = y >= d.skip_top && x >= d.skip_left && dy % 2 == 0 && dx % 2 == 0 && py < OH && qx < OW;
            }
            op.in_at(c, r, col0 + x - x_lo) =
                routed ? WORDS::in(pooled[py - pw.py_lo][qx - pw.px_lo]) : WORDS::in(grad_t(0));
            if (++x == x_hi) {
                x = x_lo;
                r++;
            }
        }
    }
    // The side tile (residual paths): with the output tile's last step, the rows of the tile the store
    // will write, one burst per row segment - FP the skip tensor (a residual join; stride 1 'same', so
    // the stored map is the convolution's H x W), BP the gradient in grad_in (a fork's sum).
    if (engine_residual_of<E>::value && st.last && (bp ? d.grad_accumulate : d.residual)) {
    load_side:
        for (unsigned o = 0; o < n_o; o++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::tc
            for (unsigned r = 0; r < E::tile_h && y0 + r < H; r++) {
                const unsigned e0 = ((o0 + o) * H + y0 + r) * W;
            load_side_row:
                for (unsigned x = x0; x < min_u(W, x0 + E::tile_w); x++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = E::tile_w
#pragma HLS PIPELINE II = 1
                    op.side_at(o, r, x - x0) =
                        bp ? WORDS::in(p.grad_src[d.grad_in + e0 + x]) : WORDS::in(p.act_src[d.res_at + e0 + x]);
                }
            }
        }
    }
    if (d.depthwise) {
    load_w_dw:
        for (unsigned o = 0; o < n_o; o++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::tc
            // W[o0+o][0] is one run of K*K; BP (channel to channel again) reads it rotated.
            const typename E::weight_t* run = p.weights + d.params + (o0 + o) * KK;
            unsigned kh = 0, kw = 0;
        load_w_dw_run:
            for (unsigned t = 0; t < KK; t++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = E::max_kernel * E::max_kernel
#pragma HLS PIPELINE II = 1
                op.w[o][0][bp ? K - 1 - kh : kh][bp ? K - 1 - kw : kw] = WORDS::weight(run[t]);
                if (++kw == K) {
                    kw = 0;
                    kh++;
                }
            }
        }
        return;
    }
load_weights:
    for (unsigned o = 0; o < n_o; o++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::tc
        // FP: W[o0+o][i0 .. i0+n_i) is one contiguous run; BP: for FP output channel
        // i0+i, W[i0+i][o0 .. o0+n_o) is, and lands transposed and rotated.
        if (!bp) {
            const typename E::weight_t* run = p.weights + d.params + ((o0 + o) * d.in_c + i0) * KK;
            unsigned ci = 0, kh = 0, kw = 0;
        load_w_fp:
            for (unsigned t = 0; t < n_i * KK; t++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::tc * E::max_kernel * E::max_kernel
#pragma HLS PIPELINE II = 1
                op.w[o][ci][kh][kw] = WORDS::weight(run[t]);
                if (++kw == K) { kw = 0; if (++kh == K) { kh = 0; ci++; } }
            }
        }
    }
    if (bp) {
    load_w_bp:
        for (unsigned i = 0; i < n_i; i++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::tc
            const typename E::weight_t* run = p.weights + d.params + ((i0 + i) * d.in_c + o0) * KK;
            unsigned o = 0, kh = K - 1, kw = K - 1;
        load_w_bp_run:
            for (unsigned t = 0; t < n_o * KK; t++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::tc * E::max_kernel * E::max_kernel
#pragma HLS PIPELINE II = 1
                op.w[o][i][kh][kw] = WORDS::weight(run[t]);
                if (kw-- == 0) { kw = K - 1; if (kh-- == 0) { kh = K - 1; o++; } }
            }
        }
    }
}

/// The arithmetic of step s on the operands op: the accumulators set (first input-channel
/// tile), the core, and the output tile stored (last input-channel tile). Reads op, owns the
/// accumulators, writes DRAM, nothing else.
template <class E, class METHOD, bool WITH_BP>
void conv_compute_step(const layer_desc d, bool backward, const engine_ports<E>& p, int s,
                       const conv_tile_operands<E>& op, conv_engine_buffers<E>& b) {
#pragma HLS INLINE off
    static conv_walk walk;
    typedef engine_words_of<E> WORDS;
    typedef typename E::act_t act_t;
    typedef typename E::grad_t grad_t;
    typedef typename E::accum_t accum_t;
    typedef typename E::grad_accum_t grad_accum_t;
    typedef conv_engine_shape<E> S;
    (void)sizeof(S);
    const bool bp = WITH_BP && backward;
    const unsigned H = d.height, W = d.width;
    const unsigned OH = conv_out_h(d), OW = conv_out_w(d);
    const bool mask_needed = (METHOD::needs_relu_mask || d.relu6) && d.relu;
    const conv_step st = conv_walk_step<E>(d, bp, s, walk);
    const unsigned o0 = st.o0, n_o = st.n_o, y0 = st.y0, x0 = st.x0;
    if (st.first) init_acc<E>(b, n_o, o0, !bp);
    // (the C simulation's core computes only what a stride-2 layer uses; see core_grid)
    const bool strided = d.stride == 2 && !d.pool;
    const core_grid grid = {strided && !bp, strided && bp,
                            (d.skip_top + (bp ? (d.kernel - 1) / 2 : 0)) & 1u, (d.skip_left + (bp ? (d.kernel - 1) / 2 : 0)) & 1u};
    conv_engine_core<E>(op, b, n_o, d.depthwise ? 1 : st.n_i, d.kernel, d.depthwise, grid);
    if (engine_residual_of<E>::value && bp && d.residual && (d.depthwise || o0 == 0)) {
        // BP of a residual join: the gradient after the ReLU rule (this step's input tile, which the
        // first output-channel tile loads once for every input channel and tile) also goes to the skip.
        const unsigned pad = (d.kernel - 1) / 2;
    store_skip_grad:
        for (unsigned c = 0; c < st.n_i; c++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::tc
            for (unsigned r = 0; r < E::tile_h && y0 + r < H; r++) {
                grad_t* row = p.grad_dst + d.res_grad_at + ((st.i0 + c) * H + y0 + r) * W;
            store_skip_grad_row:
                for (unsigned x = x0; x < min_u(W, x0 + E::tile_w); x++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = E::tile_w
#pragma HLS PIPELINE II = 1
                    const grad_t g = WORDS::template out<grad_t>(op.in_at(c, r + pad, x - x0 + pad));
                    row[x] = convert_shifted<grad_t>(grad_accum_t(g), d.res_grad_shift);
                }
            }
        }
    }
    if (!st.last) return;
    const bool add_side = engine_residual_of<E>::value && (bp ? d.grad_accumulate : d.residual);
    // Store the tile: row segments, contiguous in DRAM.
store:
    for (unsigned o = 0; o < n_o; o++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::tc
        const unsigned ch = o0 + o;
        if (bp) {
            for (unsigned r = 0; r < E::tile_h && y0 + r < H; r++) {
                grad_t* row = p.grad_dst + d.grad_in + (ch * H + y0 + r) * W;
            store_bp_row:
                for (unsigned x = x0; x < min_u(W, x0 + E::tile_w); x++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = E::tile_w
#pragma HLS PIPELINE II = 1
                    grad_accum_t a = WORDS::template to_pass<grad_accum_t>(b.acc_at(o, r, x - x0));
                    // A fork's sum: the gradient already there, brought to the accumulator's scale (exact while
                    // 2^-grad_shift keeps its bits within the accumulator's fraction bits, as the planner's formats do).
                    if (add_side)
                        a += convert_shifted<grad_accum_t>(
                            grad_accum_t(WORDS::template out<grad_t>(op.side_at(o, r, x - x0))), -d.grad_shift);
                    row[x] = convert_shifted<grad_t>(a, d.grad_shift);
                }
            }
        } else if (!d.pool) {
            // The grid points of the 'same' output inside this tile: all of it (stride 1, 'same'
            // padding), or every second point and/or fewer rows and columns at the map's edges.
            const pooled_window tw = grid_window_of(d, y0, y0 + E::tile_h, x0, min_u(W, x0 + E::tile_w), OH, OW);
            for (unsigned oy = tw.py_lo; oy < tw.py_hi; oy++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = E::tile_h
                const unsigned r = d.skip_top + (d.stride == 2 ? 2 * oy : oy) - y0;
                const unsigned base = (ch * OH + oy) * OW;
                act_t* row = p.act_dst + d.act_out + base;
            store_fp_row:
                for (unsigned ox = tw.px_lo; ox < tw.px_hi; ox++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = E::tile_w
#pragma HLS PIPELINE II = 1
                    const unsigned col = d.skip_left + (d.stride == 2 ? 2 * ox : ox) - x0;
                    accum_t a = WORDS::template to_pass<accum_t>(b.acc_at(o, r, col));
                    // A residual join: the skip brought to the accumulator's scale, one rounding for the sum.
                    if (add_side)
                        a += convert_shifted<accum_t>(accum_t(WORDS::template out<act_t>(op.side_at(o, r, col))),
                                                      d.res_shift - d.act_shift);
                    act_t v = convert_shifted<act_t>(a, d.act_shift);
                    if (d.relu) {
                        bool m = v > act_t(0);
                        if (!m) v = act_t(0);
                        if (d.relu6) {
                            const act_t level = relu6_level_of<act_t, accum_t>(d);
                            m = m && level > v;
                            if (!(level > v)) v = level;
                        }
                        if (mask_needed && d.store_relu_mask) p.masks[d.mask_at + base + ox] = m;
                    }
                    row[ox] = v;
                }
            }
        } else {
            for (unsigned pr = 0; pr < E::tile_h / 2 && y0 / 2 + pr < OH; pr++) {
                const unsigned base = (ch * OH + y0 / 2 + pr) * OW;
                act_t* row = p.act_dst + d.act_out + base;
            store_fp_pooled_row:
                for (unsigned px = x0 / 2; px < min_u(OW, x0 / 2 + E::tile_w / 2); px++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = E::tile_w / 2
#pragma HLS PIPELINE II = 1
                    act_t v[4];
                    for (unsigned q = 0; q < 4; q++) {
                        v[q] = convert_shifted<act_t>(WORDS::template to_pass<accum_t>(b.acc_at(
                                                          o, 2 * pr + q / 2, 2 * (px - x0 / 2) + q % 2)),
                                                      d.act_shift);
                        if (d.relu) v[q] = relu_value(v[q]);
                        if (d.relu6 && !(relu6_level_of<act_t, accum_t>(d) > v[q])) v[q] = relu6_level_of<act_t, accum_t>(d);
                    }
                    pool_index_t idx;
                    const act_t best = pool2x2_select(v[0], v[1], v[2], v[3], idx);
                    row[px] = best;
                    p.pools[d.pool_at + base + px] = idx;
                    // Only the winner receives gradient, and there [pre > 0] == [best > 0].
                    if (mask_needed && d.store_relu_mask)
                        p.masks[d.mask_at + base + px] =
                            best > act_t(0) && (!d.relu6 || relu6_level_of<act_t, accum_t>(d) > best);
                }
            }
        }
    }
}

/// The step loop, one step after another (E::double_buffer = false).
template <class E, class METHOD, bool WITH_BP>
void conv_steps(const layer_desc d, bool backward, const engine_ports<E>& p, conv_engine_buffers<E>& b, int steps,
                std::false_type) {
#pragma HLS INLINE off
conv_steps_serial:
    for (int s = 0; s < steps; s++) {
        conv_tile_operands<E> op;
#pragma HLS ARRAY_PARTITION variable = op.in complete dim = 1
#pragma HLS ARRAY_PARTITION variable = op.in complete dim = 2
        conv_load_step<E, METHOD, WITH_BP>(d, backward, p, s, op);
        conv_compute_step<E, METHOD, WITH_BP>(d, backward, p, s, op, b);
    }
}

/// The step loop as a DATAFLOW region (E::double_buffer = true): `op` becomes a ping-pong
/// channel, so step s + 1's loads run while step s computes and stores (UG1399, loop
/// dataflow: the loop is the function's only statement, its body the channel's declaration
/// and the two processes). The C simulation runs the same calls in the same order as the
/// serial loop, so its results are bit-identical.
/// Canonical form (Vitis HLS message 214-169, UG1448): a local variable is written by one
/// process and read by a later one (op: load -> compute); a function argument is read by one
/// process and written by a LATER one, never the reverse. Every argument here is: weights only
/// read (load); activations and gradients read by load (act_src, grad_src) and written by
/// compute (act_dst, grad_dst); the on-chip pool-index and mask stores read by load (BP) and
/// written by compute (FP); the accumulators and biases compute's alone. The anti-dependence
/// the rule leaves to the design (load of step s + 1 reading what compute of step s writes)
/// never happens: in one call (one layer, one pass) a layer's input and output regions are
/// disjoint, and the stores are written only in FP and read only in BP. The residual paths keep
/// to it: the skip tensor (FP) and a fork's gradient already in grad_in (BP) are read by load, the
/// latter only for the output tile the same step's compute then stores (each tile is stored once),
/// and the skip's gradient is written by compute into a region no load of the layer reads.
/// Unverified: no vendor tool here, so whether Vitis HLS overlaps the two processes as the
/// cycle model assumes is for csynth's dataflow viewer to confirm.
template <class E, class METHOD, bool WITH_BP>
void conv_steps(const layer_desc d, bool backward, const engine_ports<E>& p, conv_engine_buffers<E>& b, int steps,
                std::true_type) {
#pragma HLS INLINE off
conv_steps_overlapped:
    for (int s = 0; s < steps; s++) {
#pragma HLS DATAFLOW
        conv_tile_operands<E> op;
#pragma HLS ARRAY_PARTITION variable = op.in complete dim = 1
#pragma HLS ARRAY_PARTITION variable = op.in complete dim = 2
        conv_load_step<E, METHOD, WITH_BP>(d, backward, p, s, op);
        conv_compute_step<E, METHOD, WITH_BP>(d, backward, p, s, op, b);
    }
}

} // namespace conv_engine_detail

/// FP (backward = false) or BP (backward = true) of the convolution layer `d` on the engine.
/// WITH_BP = false removes the BP paths (an FP-only top).
template <class E, class METHOD, bool WITH_BP>
void conv_engine(const layer_desc& d, bool backward, const engine_ports<E>& p, conv_engine_buffers<E>& b) {
#pragma HLS INLINE off
    static_assert(is_method<METHOD>::value, "METHOD must be xai::Saliency, xai::DeconvNet or xai::GuidedBackprop");
    using namespace conv_engine_detail;
    typedef engine_words_of<E> WORDS;
    typedef typename E::accum_t accum_t;
    (void)sizeof(conv_engine_shape<E>);
    const bool bp = WITH_BP && backward;
    const unsigned weight_count = conv_weight_count(d);
    if (!bp) {
    load_bias:
        for (unsigned o = 0; o < d.out_c; o++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = E::max_out_c
#pragma HLS PIPELINE II = 1
            // The input is scaled by 2^act_in_exp, so the bias must be too.
            b.bias[o] = WORDS::template from_pass<accum_t>(
                convert_shifted<accum_t>(accum_t(p.weights[d.params + weight_count + o]), d.act_in_exp));
        }
    }
    conv_steps<E, METHOD, WITH_BP>(d, backward, p, b, int(conv_steps_of<E>(d, bp)),
                                   std::integral_constant<bool, E::double_buffer>());
}

} // namespace xai

#endif
