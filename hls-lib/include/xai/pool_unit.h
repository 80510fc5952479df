// Pool unit: the max pools the convolution engine's store cannot fuse (issue 11).
//
// The engine fuses a 2x2 / stride-2 max pool without padding into the store of a stride-1
// 'same' convolution (maxpool.h, conv_engine.h): its windows never overlap and never leave
// the output tile. ResNet's stem pool (kernel 3, stride 2, padding 1, after a stride-2
// convolution) has windows that overlap across tiles and follows a layer whose store is a
// decimated grid, so it runs here: a third, small unit beside the two engines, comparators
// and channel buffers, no DSP.
//
// One channel at a time, every DRAM loop one span of consecutive addresses:
//   FP: the channel's input map into `map`; each window's first maximum (row-major scan,
//       strict '>', padding excluded: PyTorch's -inf padding and tie rule) into `pooled`;
//       `pooled` to the output.
//   BP: no index is kept on chip. The FP input is still in the activation arena (every FP
//       region is kept, as for recomputed ReLU masks), so BP reads it again, finds each
//       window's winner the same way, and adds the window's gradient there (kernel 3's
//       windows overlap: an input can win two, up to four, and receives the sum). The sums
//       are formed in grad_accum_t and stored once as grad_t, rescaled by 2^grad_shift to the
//       input boundary's gradient format (sums of four can need a larger one than the output's).
// The layer has no ReLU of its own: a ReLU before the pool belongs to the convolution, whose
// BP applies the method's rule when it loads this unit's output gradient.
#ifndef XAI_POOL_UNIT_H
#define XAI_POOL_UNIT_H

#include "engine_ports.h"
#include "layer_desc.h"

namespace xai {

/// Pool unit configuration (compile time; every member required). A network's top has one
/// when a layer runs on the unit; `no_pool_unit` otherwise (then the unit is not built).
///   max_h, max_w : the largest input map (rows, columns) of any pool-unit layer; they size
///                  the channel buffers (two of max_h x max_w, two of the largest output)
struct pool_unit_config_example {
    static const unsigned max_h = 16, max_w = 16;
};
struct no_pool_unit {
    static const unsigned max_h = 0, max_w = 0;
};

/// Output rows (or columns) of a max pool over n input rows with kernel k, stride 2 and pads
/// lo / hi (floor, as ONNX with ceil_mode = 0 and PyTorch's default).
constexpr unsigned max_pool_out(unsigned n, unsigned k, unsigned lo, unsigned hi) { return (n + lo + hi - k) / 2 + 1; }

/// Buffer sizes of a pool unit configuration, and its checks.
template <class PU> struct pool_unit_shape {
    static const bool present = PU::max_h > 0 && PU::max_w > 0;
    static const unsigned map = present ? PU::max_h * PU::max_w : 1;                 ///< an input channel
    static const unsigned out = present ? (PU::max_h / 2 + 1) * (PU::max_w / 2 + 1) : 1; ///< an output channel (pads included)
};

/// The on-chip buffers of the unit, declared once by the top (through network_run).
template <class E, class PU> struct pool_unit_buffers {
    typedef pool_unit_shape<PU> S;
    typename E::act_t map[S::map];               ///< FP and BP: the channel's input map
    typename E::act_t pooled[S::out];            ///< FP: the channel's pooled map
    typename E::grad_t grad_out[S::out];         ///< BP: the gradient w.r.t. the channel's pooled map
    typename E::grad_accum_t grad_in[S::map];    ///< BP: the sums of the gradient w.r.t. the input map
};

/// Max-pool layer configuration for pool_desc (every member required):
///   channels, in_h, in_w : input map [channels][in_h][in_w]
///   kernel               : 2 or 3 (square), stride 2
///   pad_top, pad_left, pad_bottom, pad_right : ONNX's pads, each at most kernel / 2 (PyTorch's limit)
///   grad_shift           : BP stores the gradient sums * 2^grad_shift (the input boundary's gradient
///                          exponent minus the output's); the output is stored in the input's format
///                          (a max is one of its inputs), so an act_shift member, if any, must be 0
///   grad_accum_t         : the BP sums' type (a network's layer configs take it from their engine)
struct max_pool_layer_config_example {
    static const unsigned channels = 4, in_h = 9, in_w = 7, kernel = 3;
    static const unsigned pad_top = 1, pad_left = 1, pad_bottom = 1, pad_right = 1;
    static const int grad_shift = 0;
    typedef float grad_accum_t;
};

/// Descriptor of a max pool configured by CONFIG_T that runs on the pool unit PU, placed at `at`
/// (pool_at and mask_at unused; params, where the next layer's parameters start since the pool has
/// none, kept so that host code can take a layer's block as [params, next layer's params)).
template <class CONFIG_T, class PU> constexpr layer_desc pool_desc(layer_place at) {
    static_assert(CONFIG_T::kernel == 2 || CONFIG_T::kernel == 3, "pool_desc: the pool unit's kernel is 2 or 3");
    static_assert(CONFIG_T::pad_top <= CONFIG_T::kernel / 2 && CONFIG_T::pad_left <= CONFIG_T::kernel / 2 &&
                      CONFIG_T::pad_bottom <= CONFIG_T::kernel / 2 && CONFIG_T::pad_right <= CONFIG_T::kernel / 2,
                  "pool_desc: each pad must be at most kernel / 2 (a window must hold an input element)");
    static_assert(CONFIG_T::in_h + CONFIG_T::pad_top + CONFIG_T::pad_bottom >= CONFIG_T::kernel &&
                      CONFIG_T::in_w + CONFIG_T::pad_left + CONFIG_T::pad_right >= CONFIG_T::kernel,
                  "pool_desc: the padded map is smaller than the kernel");
    static_assert(CONFIG_T::in_h <= PU::max_h && CONFIG_T::in_w <= PU::max_w,
                  "pool_desc: the layer's map must fit the pool unit's max_h x max_w");
    static_assert(act_shift_of<CONFIG_T>::value == 0,
                  "pool_desc: the pool unit stores its output in its input's format (act_shift must be 0)");
    static_assert(shift_range<typename CONFIG_T::grad_accum_t>::ok(CONFIG_T::grad_shift) &&
                      shift_range<typename CONFIG_T::grad_accum_t>::ok(-CONFIG_T::grad_shift),
                  "pool_desc: grad_shift (and its negation, for a forked input) must be within +-max_runtime_shift and "
                  "its power of two representable in grad_accum_t");
    layer_desc d{};
    d.conv = false;
    d.pool_unit = true;
    d.in_c = CONFIG_T::channels;
    d.out_c = CONFIG_T::channels;
    d.height = CONFIG_T::in_h;
    d.width = CONFIG_T::in_w;
    d.kernel = CONFIG_T::kernel;
    d.stride = 2;
    d.params = at.params;
    d.act_in = at.act_in;
    d.act_out = at.act_out;
    d.grad_in = at.grad_in;
    d.grad_out = at.grad_out;
    d.grad_accumulate = at.grad_accumulate;
    d.grad_shift = CONFIG_T::grad_shift;
    d.pool_pad_top = CONFIG_T::pad_top;
    d.pool_pad_left = CONFIG_T::pad_left;
    d.pool_out_h = max_pool_out(CONFIG_T::in_h, CONFIG_T::kernel, CONFIG_T::pad_top, CONFIG_T::pad_bottom);
    d.pool_out_w = max_pool_out(CONFIG_T::in_w, CONFIG_T::kernel, CONFIG_T::pad_left, CONFIG_T::pad_right);
    return d;
}

namespace pool_unit_detail {

/// Scans the windows of one channel in order (output row, column, then the window row-major) as ONE
/// pipelined loop of out_h * out_w * K * K iterations, with counters instead of dividers, and finds each
/// window's first maximum. FP (bp = false) writes it to pooled[o]; BP adds grad_out[o] to grad_in at
/// the winner's position.
template <class E, class PU>
void scan_windows(const layer_desc& d, bool bp, pool_unit_buffers<E, PU>& b) {
#pragma HLS INLINE
    typedef typename E::act_t act_t;
    typedef typename E::grad_accum_t gacc_t;
    const unsigned K = d.kernel, W = d.width, H = d.height;
    const unsigned n = d.pool_out_h * d.pool_out_w * K * K;
    unsigned oy = 0, ox = 0, ky = 0, kx = 0, o = 0, winner = 0;
    // The window's row start in the map, kept by additions (no run-time multiply: no DSP): row 2 * oy + ky
    // - pad_top starts at row_at; it moves by W per window row and by 2 * W per output row.
    int row_at = -int(d.pool_pad_top) * int(W);
    bool found = false;
    act_t best = act_t(0);
    // BP's read-modify-write of grad_in happens once per window, at least K * K >= 4 iterations apart.
pool_window_scan:
    for (unsigned t = 0; t < n; t++) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 4 max = 9 * 1024
#pragma HLS DEPENDENCE variable = b.grad_in inter RAW distance = 4 true
        // Input coordinates of the window element (the padded frame shifted back by the pads).
        const int y = int(2 * oy + ky) - int(d.pool_pad_top), x = int(2 * ox + kx) - int(d.pool_pad_left);
        if (y >= 0 && x >= 0 && unsigned(y) < H && unsigned(x) < W) {
            const unsigned at = unsigned(row_at + x);
            const act_t v = b.map[at];
            if (!found || v > best) { // padding is -inf: never a winner; ties: the first wins
                best = v;
                winner = at;
                found = true;
            }
        }
        if (kx + 1 < K) {
            kx++;
        } else if (ky + 1 < K) {
            kx = 0;
            ky++;
            row_at += int(W);
        } else { // the window is complete
            kx = 0;
            ky = 0;
            row_at -= int((K - 1) * W); // back to the window's first row
            if (bp)
                b.grad_in[winner] = b.grad_in[winner] + gacc_t(b.grad_out[o]);
            else
                b.pooled[o] = best;
            found = false;
            o++;
            if (ox + 1 < d.pool_out_w) {
                ox++;
            } else {
                ox = 0;
                oy++;
                row_at += int(2 * W);
            }
        }
    }
}

} // namespace pool_unit_detail

/// Runs one max-pool layer, FP (backward = false) or BP, on the pool unit (see the top of this file).
/// WITH_BP = false builds the FP path only.
template <class E, class PU, bool WITH_BP>
void pool_unit(const layer_desc& d, bool backward, const engine_ports<E>& p, pool_unit_buffers<E, PU>& b) {
    typedef typename E::grad_t grad_t;
    typedef typename E::grad_accum_t gacc_t;
    const unsigned H = d.height, W = d.width, HW = H * W, OHW = d.pool_out_h * d.pool_out_w;
pool_channels:
    for (unsigned c = 0; c < d.in_c; c++) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = 512
    pool_load_map: // the FP input: read in both passes (BP finds the winners again)
        for (unsigned i = 0; i < HW; i++) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 4 max = 1024
            b.map[i] = p.act_src[d.act_in + c * HW + i];
        }
        const bool bp = WITH_BP && backward;
        if (bp) {
        pool_load_grad:
            for (unsigned o = 0; o < OHW; o++) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 1 max = 256
                b.grad_out[o] = p.grad_src[d.grad_out + c * OHW + o];
            }
            if (d.grad_accumulate) {
            pool_load_grad_in: // the input forks: a consumer that ran earlier in BP left its share
                for (unsigned i = 0; i < HW; i++) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 4 max = 1024
                    // to the sums' scale (2^-grad_shift) in grad_accum_t, which holds the power (grad_t may not)
                    b.grad_in[i] = convert_shifted<gacc_t>(gacc_t(p.grad_src[d.grad_in + c * HW + i]), -d.grad_shift);
                }
            } else {
            pool_clear_grad_in:
                for (unsigned i = 0; i < HW; i++) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 4 max = 1024
                    b.grad_in[i] = gacc_t(0);
                }
            }
        }
        pool_unit_detail::scan_windows(d, bp, b); // one scan pipeline for both passes
        if (!bp) {
        pool_store_fp:
            for (unsigned o = 0; o < OHW; o++) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 1 max = 256
                p.act_dst[d.act_out + c * OHW + o] = b.pooled[o];
            }
        } else {
        pool_store_bp:
            for (unsigned i = 0; i < HW; i++) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 4 max = 1024
                p.grad_dst[d.grad_in + c * HW + i] = convert_shifted<grad_t>(b.grad_in[i], d.grad_shift);
            }
        }
    }
}

} // namespace xai

#endif
