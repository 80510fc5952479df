// Cycle accounting of the engines, read from the code (issue 12, point 6): the trip counts of
// the loop nests conv_engine.h and dense_engine.h synthesize (their XAI_HLS_LOOPS paths) and
// of network_run's copies, times their II (1 for every pipelined loop), plus named per-loop
// costs for what a trip count does not show (pipeline fill, loop entry, AXI latency).
//
// This is a MODEL, not a measurement: no vendor tool has run on this code, so no number
// below has been confirmed by a Vitis HLS report or a co-simulation. Its use is to be the
// latency model the planner builds on, and to show where the cycles go (core vs. DRAM).
//
// What the engines do, and the model therefore counts:
//  * The conv engine walks its layer in steps (output tile x input-channel tile): a step's
//    loads (clear_input, input spans, unpool, weight runs) then its compute (init_acc on the
//    first input-channel tile, the core, the store on the last). Serial (E::double_buffer =
//    false): cycles are summed. Double-buffered (the step loop a DATAFLOW region): step s+1's
//    loads run beside step s's compute, so each step after the first hides
//    min(loads of s+1, compute of s) cycles (`overlapped`), and each step pays
//    dataflow_step_handshake cycles for the processes' start/done handshake.
//    The dense engine and network_run's copies are serial.
//  * Every pipelined loop has II = 1, so it costs
//        pipelined_loop_entry + (trips - 1) + depth       (trips > 0; entry only if 0)
//    with `depth` that loop's pipeline depth (assumed below, per kind of loop).
//  * Loops that are not pipelined (tile loops, the channel loop around the input spans,
//    the weight-run loops, the store's channel and row
//    loops) cost outer_loop_iteration per iteration, on top of what they contain.
//  * DRAM loops move one element per cycle as written: the ports are arrays of 16-bit
//    elements and each iteration reads or writes one of them. A read loop pays
//    axi_read_latency once (its burst is requested ahead; the burst-length limit - 64 beats
//    on the Table III top's weight port, 16 in the generated projects, with 16 reads
//    outstanding - splits longer runs into bursts that stay outstanding, so the latency is
//    not paid again); a write loop waits axi_write_latency for its write response before it exits.
//  * The dense engine's weight blocks come `weight_beat` elements per iteration when its
//    configuration declares one (weight_beat.h: the port packed to the bus width, as written).
//  * elements_per_beat > 1 answers "what if the ports were packed to the bus width": the
//    DRAM loops then take ceil(n / elements_per_beat) iterations; the core and on-chip loops
//    do not change.
// Split of each count: compute = the core MAC loop (conv_engine_core / dense_engine_core
// calls); memory = DRAM loops (loads, stores, copies); setup = on-chip loops (clear_input,
// init_acc, unpool, argmax, the pool unit's window scan) and the iterations of loops that are
// not pipelined.
#ifndef XAI_ENGINE_CYCLES_H
#define XAI_ENGINE_CYCLES_H

#include "conv_engine.h"
#include "dense_engine.h"
#include "layer_desc.h"

namespace xai {
namespace cycle_model {

typedef unsigned long long count_t;

// ---- Assumptions (PL clock cycles). None comes from a vendor report. ---------------------

/// Depth of conv_engine_core's core_mac pipeline: address arithmetic (1), banked BRAM read
/// with output register (2), the (kh, kw) rotation mux (1), DSP48 multiply with M and P
/// registers (3), accumulate and write back (1). Paid once per core call (fill and drain).
static const unsigned conv_core_depth = 8;
/// Depth of dense_engine_core's dense_mac pipeline: BRAM read of v[c] and w[r][c] (2), DSP48
/// multiply (3), accumulate into the register accumulators (1).
static const unsigned dense_core_depth = 6;
/// Depth of an on-chip loop (clear_input, init_acc, unpool, argmax_loop, pool_window_scan): BRAM read (2)
/// and write (1); clear_input only writes, but one constant keeps the model simple.
static const unsigned onchip_loop_depth = 3;
/// Depth of a DRAM read loop after its first beat arrives: word conversion (1) and buffer write (1).
static const unsigned read_loop_depth = 2;
/// Depth of a store loop: accumulator BRAM read (2), rescale / ReLU / pool compare (1), write (1).
static const unsigned store_loop_depth = 4;
/// FSM cycles to enter and leave one pipelined loop (trip-count test, exit state). Assumption.
static const unsigned pipelined_loop_entry = 2;
/// FSM cycles per iteration of a loop that is not pipelined (increment and compare). Assumption.
static const unsigned outer_loop_iteration = 1;
/// Cycles from a read burst's request to its first data beat through the PS's HP port to
/// DDR. Assumption (order of magnitude of a DDR round trip, 300 ns, at a 100 MHz PL clock); not
/// measured, and not the HLS scheduler's m_axi `latency` setting. The SDK's C# model converts the
/// 300 ns to the cycles of the clock it models (DramTiming); these constants are its 100 MHz case.
static const unsigned axi_read_latency = 30;
/// Cycles from a write burst's last beat to its response, which an HLS write loop waits for
/// before it exits. Assumption, same order as the read latency.
static const unsigned axi_write_latency = 30;
/// Cycles per iteration of a DATAFLOW step loop for the processes' start/done handshake
/// (ap_ctrl_chain). Assumption.
static const unsigned dataflow_step_handshake = 2;

// ---- Port width. -------------------------------------------------------------------------

/// DRAM elements per beat as the engines are written: 1 (one 16-bit element per iteration).
static const unsigned elements_per_beat_as_written = 1;
/// If the ports were packed to a 64-bit S_AXI_HP port of the Zynq-7000 (Pynq-Z2): 4 x 16 bit.
static const unsigned elements_per_beat_zynq7000_hp = 4;
/// If the ports were packed to a 128-bit S_AXI_HP*_FPD port of the Zynq UltraScale+: 8 x 16 bit.
static const unsigned elements_per_beat_zynqmp_hp = 8;

// ---- Per-loop costs. ---------------------------------------------------------------------

/// A pipelined loop at II = 1 with `trips` iterations and pipeline depth `depth`.
constexpr count_t pipelined_loop(count_t trips, unsigned depth) {
    return pipelined_loop_entry + (trips > 0 ? trips - 1 + depth : 0);
}
/// Iterations of a DRAM loop moving n elements, epb elements per beat.
constexpr count_t beats(count_t n, unsigned epb) { return (n + epb - 1) / epb; }
/// A DRAM read loop (one burst) of n elements.
constexpr count_t read_loop(count_t n, unsigned epb) {
    return n > 0 ? pipelined_loop(beats(n, epb), axi_read_latency + read_loop_depth) : pipelined_loop(0, 0);
}
/// A DRAM write loop (one burst) of n elements, including its write response.
constexpr count_t write_loop(count_t n, unsigned epb) {
    return n > 0 ? pipelined_loop(beats(n, epb), store_loop_depth) + axi_write_latency : pipelined_loop(0, 0);
}
/// A loop reading one DRAM stream and writing another (network_run's copies).
constexpr count_t copy_loop(count_t n, unsigned epb) {
    return n > 0 ? pipelined_loop(beats(n, epb), axi_read_latency + 1) + axi_write_latency : pipelined_loop(0, 0);
}

/// One pass of one layer (or of network_run's copies): trip counts, then cycles.
struct cycle_count {
    // Trip counts: iterations of each loop body, summed over the pass, in elements
    // (independent of the port width). Names are the loops' labels.
    count_t bias;       ///< load_bias, dense_fp_bias
    count_t input;      ///< load_input_span, load_bp_cropped_span (the span's columns outside the tile included), load_side_row, dense_fp_load_x, dense_bp_load_g
    count_t pooled;     ///< load_bp_pooled_span (the span's columns outside the tile included)
    count_t unpool;     ///< unpool (on chip)
    count_t window;     ///< pool_window_scan (the pool unit, on chip)
    count_t weights;    ///< load_w_fp, load_w_bp_run, dense_load_w_fp, dense_load_w_bp
    count_t store;      ///< store_fp_row (the output grid's points), store_fp_pooled_row, store_bp_row, store_skip_grad_row, dense_store
    count_t copies;     ///< copy_image, copy_logits, seed_loop, copy_relevance
    count_t clear;      ///< clear_input
    count_t init;       ///< init_acc_loop (the dense BP zeroing is one unrolled cycle, in setup)
    count_t core;       ///< core_mac, dense_mac
    count_t core_calls; ///< calls of the core (one per input tile)
    count_t dram_loops; ///< DRAM loops entered with at least one element (bursts)
    count_t control;    ///< iterations of the loops that are not pipelined
    count_t macs;       ///< useful MACs of the layer (its arithmetic, padding excluded)
    count_t lanes;      ///< multipliers of the engine (n_oh * n_ow, or the dense tile)
    // Cycles.
    count_t compute; ///< the core MAC loop, fill included
    count_t memory;  ///< DRAM loops
    count_t setup;   ///< on-chip loops and loop control
    count_t overlapped; ///< cycles of loads hidden beside the previous step's compute (double buffering)
    constexpr count_t total() const { return compute + memory + setup - overlapped; }
};

constexpr void add(cycle_count& a, const cycle_count& b) {
    a.bias += b.bias; a.input += b.input; a.pooled += b.pooled; a.unpool += b.unpool; a.window += b.window; a.weights += b.weights;
    a.store += b.store; a.copies += b.copies; a.clear += b.clear; a.init += b.init; a.core += b.core;
    a.core_calls += b.core_calls; a.dram_loops += b.dram_loops; a.control += b.control; a.macs += b.macs;
    a.compute += b.compute; a.memory += b.memory; a.setup += b.setup; a.overlapped += b.overlapped;
    // lanes: per layer, not summed
}

namespace detail {
constexpr void dram_read(cycle_count& c, count_t n, unsigned epb) {
    c.memory += read_loop(n, epb);
    if (n > 0) c.dram_loops++;
}
constexpr void dram_write(cycle_count& c, count_t n, unsigned epb) {
    c.memory += write_loop(n, epb);
    if (n > 0) c.dram_loops++;
}
} // namespace detail

/// conv_engine<E, METHOD, true>(d, bp, ...) under XAI_HLS_LOOPS, loop by loop.
template <class E> constexpr cycle_count conv_layer_cycles(const layer_desc& d, bool bp, unsigned epb) {
    using conv_engine_detail::min_u; // the engine's own bounds arithmetic
    using conv_engine_detail::sub_sat;
    using conv_engine_detail::halo_rows;
    typedef conv_engine_shape<E> S;
    cycle_count c{};
    const unsigned H = d.height, W = d.width, K = d.kernel, pad = (d.kernel - 1) / 2;
    const unsigned OH = conv_out_h(d), OW = conv_out_w(d), KK = K * K;
    const bool grid = !d.pool && conv_grid_decimated(d);
    const unsigned n_out = bp ? d.in_c : d.out_c, n_in = bp ? d.out_c : d.in_c;
    const unsigned t_dw = E::tile_ci < E::tile_co ? E::tile_ci : E::tile_co;
    const unsigned t_out = d.depthwise ? t_dw : bp ? E::tile_ci : E::tile_co;
    const unsigned t_in = d.depthwise ? t_dw : bp ? E::tile_co : E::tile_ci;
    c.lanes = count_t(E::n_oh) * E::n_ow;
    // (a grid's points only: the 'same' points between them are computed and dropped)
    c.macs = count_t(d.out_c) * (d.depthwise ? 1 : d.in_c) * KK * (grid ? count_t(OH) * OW : count_t(H) * W);
    if (!bp) { // load_bias
        c.bias += d.out_c;
        detail::dram_read(c, d.out_c, epb);
    }
    // Cycles of the pass so far (loop control included), to measure each step's two halves.
    const auto spent = [](const cycle_count& k) { return k.compute + k.memory + k.setup + k.control * outer_loop_iteration; };
    count_t prev_compute = 0; // compute half of the previous step (0 before the first)
    // The residual paths' DRAM loops: channels x the tile's rows of the H x W map, a burst per row
    // segment, read (load_side_row) or written (store_skip_grad_row).
    const auto tile_rows = [&](cycle_count& k, unsigned channels, unsigned y0, unsigned x0, bool write) {
        for (unsigned ch = 0; ch < channels; ch++) {
            k.control++;
            for (unsigned r = 0; r < E::tile_h && y0 + r < H; r++) {
                k.control++;
                const unsigned n = min_u(W, x0 + E::tile_w) - x0;
                if (write) {
                    k.store += n;
                    detail::dram_write(k, n, epb);
                } else {
                    k.input += n;
                    detail::dram_read(k, n, epb);
                }
            }
        }
    };
    // The store of an output tile (after its last input-channel tile): row segments.
    const auto store_tile = [&](cycle_count& k, unsigned n_o, unsigned y0, unsigned x0) {
        for (unsigned o = 0; o < n_o; o++) { // store
            k.control++;
            if (bp) { // store_bp_row
                for (unsigned r = 0; r < E::tile_h && y0 + r < H; r++) {
                    k.control++;
                    const unsigned n = min_u(W, x0 + E::tile_w) - x0;
                    k.store += n;
                    detail::dram_write(k, n, epb);
                }
            } else if (!d.pool) { // store_fp_row: the output grid's points in the tile
                const conv_engine_detail::pooled_window tw =
                    conv_engine_detail::grid_window_of(d, y0, y0 + E::tile_h, x0, min_u(W, x0 + E::tile_w), OH, OW);
                for (unsigned oy = tw.py_lo; oy < tw.py_hi; oy++) {
                    k.control++;
                    const unsigned n = sub_sat(tw.px_hi, tw.px_lo);
                    k.store += n;
                    detail::dram_write(k, n, epb);
                }
            } else { // store_fp_pooled_row
                for (unsigned pr = 0; pr < E::tile_h / 2 && y0 / 2 + pr < OH; pr++) {
                    k.control++;
                    const unsigned n = sub_sat(min_u(OW, x0 / 2 + E::tile_w / 2), x0 / 2);
                    k.store += n;
                    detail::dram_write(k, n, epb);
                }
            }
        }
    };
    for (unsigned o0 = 0; o0 < n_out; o0 += t_out) { // the steps, in conv_step_at's order
        const unsigned n_o = min_u(n_out - o0, t_out);
        for (unsigned y0 = 0; y0 < H; y0 += E::tile_h) {
            for (unsigned x0 = 0; x0 < W; x0 += E::tile_w) {
                const unsigned x_lo = sub_sat(x0, pad), x_hi = min_u(W, x0 + E::tile_w + pad);
                const halo_rows rows = conv_engine_detail::rows_in_map<E>(y0, pad, H, K);
                // Depthwise: one input-channel tile, the output tile's own channels.
                for (unsigned i0 = d.depthwise ? o0 : 0; i0 < (d.depthwise ? o0 + 1 : n_in); i0 += t_in) {
                    c.control++; // conv_steps_serial / conv_steps_overlapped
                    if (E::double_buffer) c.setup += dataflow_step_handshake;
                    const count_t load_from = spent(c);
                    const unsigned n_i = d.depthwise ? n_o : min_u(n_in - i0, t_in);
                    // clear_input: constant bounds, flattened into one pipeline.
                    const count_t clear = count_t(S::tc) * S::bank_h * S::bank_w;
                    c.clear += clear;
                    c.setup += pipelined_loop(clear, onchip_loop_depth);
                    for (unsigned ch = 0; ch < n_i; ch++) { // load_input (not pipelined)
                        c.control++;
                        if (!bp || (!d.pool && !grid)) { // load_input_span: one burst from (rows.lo, x_lo) to (rows.hi - 1, x_hi - 1)
                            const count_t span = conv_engine_detail::input_span(rows, W, x_hi - x_lo);
                            c.input += span;
                            detail::dram_read(c, span, epb);
                            continue;
                        }
                        const unsigned y_first = y0 + rows.lo - pad, y_last = y0 + rows.hi - 1 - pad;
                        if (grid && d.stride == 1) { // load_bp_cropped_span: one burst over the grid points of the halo
                            const count_t span = conv_engine_detail::pooled_span(
                                conv_engine_detail::grid_window_of(d, y_first, y_last + 1, x_lo, x_hi, OH, OW), OW);
                            c.input += span;
                            detail::dram_read(c, span, epb);
                            continue;
                        }
                        // load_bp_pooled_span: one burst over the pooled (or stride-2 grid) rows the halo needs; then unpool
                        const conv_engine_detail::pooled_window pw =
                            d.pool ? conv_engine_detail::pooled_window_of(y_first, y_last, x_lo, x_hi, OH, OW)
                                   : conv_engine_detail::grid_window_of(d, y_first, y_last + 1, x_lo, x_hi, OH, OW);
                        const count_t pspan = conv_engine_detail::pooled_span(pw, OW);
                        c.pooled += pspan;
                        detail::dram_read(c, pspan, epb);
                        const count_t un = count_t(rows.hi - rows.lo) * (x_hi - x_lo);
                        c.unpool += un;
                        c.setup += pipelined_loop(un, onchip_loop_depth);
                    }
                    const bool last = d.depthwise || i0 + t_in >= n_in;
                    if (engine_residual_of<E>::value && last && (bp ? d.grad_accumulate : d.residual)) {
                        tile_rows(c, n_o, y0, x0, false); // load_side: one burst per row segment
                    }
                    if (d.depthwise) {
                        for (unsigned o = 0; o < n_o; o++) { // load_w_dw, one run of K*K each (load_w_dw_run)
                            c.control++;
                            c.weights += KK;
                            detail::dram_read(c, KK, epb);
                        }
                    }
                    for (unsigned o = 0; !d.depthwise && o < n_o; o++) { // load_weights (iterates in BP too, empty)
                        c.control++;
                        if (!bp) { // load_w_fp: one run per output channel
                            c.weights += count_t(n_i) * KK;
                            detail::dram_read(c, count_t(n_i) * KK, epb);
                        }
                    }
                    if (bp && !d.depthwise) {
                        for (unsigned i = 0; i < n_i; i++) { // load_w_bp, one run each (load_w_bp_run)
                            c.control++;
                            c.weights += count_t(n_o) * KK;
                            detail::dram_read(c, count_t(n_o) * KK, epb);
                        }
                    }
                    const count_t compute_from = spent(c);
                    if (d.depthwise || i0 == 0) { // init_acc: the (o, r, c) nest is perfect, so HLS flattens it into one pipeline.
                        const count_t init = count_t(n_o) * S::blocks_h * S::blocks_w;
                        c.init += init;
                        c.setup += pipelined_loop(init, onchip_loop_depth);
                    }
                    // conv_engine_core: one flattened pipeline over (co, ci, kh, kw, bh, bw).
                    const count_t core = count_t(n_o) * (d.depthwise ? 1 : n_i) * KK * S::blocks_h * S::blocks_w;
                    c.core += core;
                    c.core_calls++;
                    c.compute += pipelined_loop(core, conv_core_depth);
                    if (engine_residual_of<E>::value && bp && d.residual && (d.depthwise || o0 == 0)) {
                        tile_rows(c, n_i, y0, x0, true); // store_skip_grad: row segments
                    }
                    if (last) store_tile(c, n_o, y0, x0);
                    const count_t loads = compute_from - load_from, computes = spent(c) - compute_from;
                    if (E::double_buffer) c.overlapped += loads < prev_compute ? loads : prev_compute;
                    prev_compute = computes;
                }
            }
        }
    }
    c.setup += c.control * outer_loop_iteration;
    return c;
}

/// dense_engine<E, METHOD, true>(d, bp, ...), loop by loop.
template <class E> constexpr cycle_count dense_layer_cycles(const layer_desc& d, bool bp, unsigned epb) {
    cycle_count c{};
    const unsigned T = E::tile, NI = d.in_c, NO = d.out_c;
    const unsigned n_outer = bp ? NI : NO, n_inner = bp ? NO : NI;
    // The weight blocks' elements per iteration: the engine's weight beat as written, or the what-if epb.
    const unsigned wb = weight_beat_of<E>::value > epb ? weight_beat_of<E>::value : epb;
    c.lanes = T;
    c.macs = count_t(NI) * NO;
    for (unsigned a0 = 0; a0 < n_outer; a0 += T) { // dense_outer
        c.control++;
        const unsigned n_a = n_outer - a0 < T ? n_outer - a0 : T;
        if (!bp) { // dense_fp_bias
            c.bias += n_a;
            detail::dram_read(c, n_a, epb);
        } else {
            c.setup += 1; // the unrolled zeroing of the accumulators: one cycle
        }
        for (unsigned c0 = 0; c0 < n_inner; c0 += T) { // dense_inner
            c.control++;
            const unsigned n_c = n_inner - c0 < T ? n_inner - c0 : T;
            c.input += n_c; // dense_fp_load_x, dense_bp_load_g
            detail::dram_read(c, n_c, epb);
            // dense_load_w_fp / _bp, or dense_load_wb_fp / _bp in beats of weight_beat: the block, one
            // contiguous run (dense_weight_order.h)
            c.weights += count_t(n_a) * n_c;
            detail::dram_read(c, count_t(n_a) * n_c, wb);
            c.core += n_c; // dense_mac: n_c cycles of `tile` MACs
            c.core_calls++;
            c.compute += pipelined_loop(n_c, dense_core_depth);
        }
        c.store += n_a; // dense_store
        detail::dram_write(c, n_a, epb);
    }
    c.setup += c.control * outer_loop_iteration;
    return c;
}

/// pool_unit<E, PU, true>(d, bp, ...), loop by loop, per channel: the map's span (pool_load_map), the
/// window scan (one pipelined loop of out_h * out_w * K * K, on chip), then FP the pooled map's store; BP
/// before the scan the gradient's span (pool_load_grad) and grad_in cleared (or read back when the input
/// forks), after it grad_in's store. No multipliers: lanes = 0. The scan's depth is taken as onchip_loop_depth;
/// BP's read-add-write of grad_in may be a few cycles deeper (a few cycles per channel, not counted).
constexpr cycle_count pool_unit_cycles(const layer_desc& d, bool bp, unsigned epb) {
    cycle_count c{};
    const count_t HW = count_t(d.height) * d.width, OHW = count_t(d.pool_out_h) * d.pool_out_w;
    const count_t scan = OHW * d.kernel * d.kernel;
    for (unsigned ch = 0; ch < d.in_c; ch++) { // pool_channels
        c.control++;
        c.input += HW;
        detail::dram_read(c, HW, epb);
        if (bp) {
            c.pooled += OHW;
            detail::dram_read(c, OHW, epb);
            if (d.grad_accumulate) {
                c.input += HW;
                detail::dram_read(c, HW, epb);
            } else {
                c.clear += HW;
                c.setup += pipelined_loop(HW, onchip_loop_depth);
            }
        }
        c.window += scan;
        c.setup += pipelined_loop(scan, onchip_loop_depth);
        const count_t stored = bp ? HW : OHW;
        c.store += stored;
        detail::dram_write(c, stored, epb);
    }
    c.setup += c.control * outer_loop_iteration;
    return c;
}

/// One layer, on the engine (or the pool unit) its descriptor names.
template <class CE, class DE> constexpr cycle_count layer_cycles(const layer_desc& d, bool bp, unsigned epb) {
    return d.pool_unit ? pool_unit_cycles(d, bp, epb)
           : d.conv    ? conv_layer_cycles<CE>(d, bp, epb)
                       : dense_layer_cycles<DE>(d, bp, epb);
}

/// network_run's own loops for one pass: FP copy_image, layer_steps, copy_logits and the
/// argmax (a target given by the caller skips it; counted as if not given); BP seed_loop
/// (run at the end of FP, charged to BP, which it exists for), layer_steps, copy_relevance.
constexpr cycle_count network_io_cycles(unsigned n_layers, unsigned input_size, unsigned n_classes, bool bp,
                                        unsigned epb) {
    cycle_count c{};
    c.control += n_layers; // layer_steps iterations of this pass
    if (!bp) {
        c.copies += input_size + n_classes;
        c.memory += copy_loop(input_size, epb) + copy_loop(n_classes, epb); // copy_image, copy_logits
        c.dram_loops += 2;
        c.setup += pipelined_loop(n_classes - 1, onchip_loop_depth); // argmax_loop
    } else {
        c.copies += n_classes + input_size;
        c.memory += write_loop(n_classes, epb) + copy_loop(input_size, epb); // seed_loop, copy_relevance
        c.dram_loops += 2;
    }
    c.setup += c.control * outer_loop_iteration;
    return c;
}

/// A whole pass: every layer (network order for FP, reverse for BP) plus network_run's loops.
template <class CE, class DE>
constexpr cycle_count pass_cycles(const layer_desc* layers, unsigned n_layers, unsigned input_size, unsigned n_classes,
                                  bool bp, unsigned epb) {
    cycle_count c = network_io_cycles(n_layers, input_size, n_classes, bp, epb);
    for (unsigned l = 0; l < n_layers; l++) add(c, layer_cycles<CE, DE>(layers[l], bp, epb));
    return c;
}

/// MACs / (lanes x cycles): the share of the multipliers' cycles that do useful work.
inline double mac_utilisation(count_t macs, count_t lanes, count_t cycles) {
    return cycles == 0 || lanes == 0 ? 0.0 : double(macs) / (double(lanes) * double(cycles));
}

} // namespace cycle_model
} // namespace xai

#endif
