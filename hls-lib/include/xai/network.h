// Network driver (paper Sec. III-F): batch 1, layers one after another on ONE convolution
// engine and ONE vector-matrix engine, each layer reading its input from DRAM and writing
// its output to DRAM through the engines' on-chip tiles.
//
// A max pool the convolution store cannot fuse runs on a small third unit (pool_unit.h).
// A network is a constant table of layer descriptors (layer_desc.h): shapes, offsets into
// the weight image, the activation arena and the gradient arena, offsets into the on-chip
// pool-index and mask stores, exponents. network_run walks it:
//   1. the image is copied into the activation arena (the first layer's input region), so
//      every layer reads and writes the same two arenas through the same engine ports;
//   2. FP, layer by layer; regions are kept: BP reads them when masks are recomputed;
//   3. logits copied out; target = argmax(logits) unless the caller gives one (first max);
//   4. seed: 2^EXP (the logits' gradient exponent) at the target, 0 elsewhere;
//   5. BP, layer by layer in reverse, into the gradient arena; the input relevance [C][H][W]
//      is copied out (true value = stored * 2^-relevance exponent).
// Both passes are one loop with ONE call site per engine, so a synthesized top has exactly
// one instance of each (tests/engine_instances_test checks the compiled top), and the
// engines' buffers are declared once, here, in the top.
// Flatten between the last pool and the first dense layer is free: [C][H][W] row-major in
// DRAM is already the vector PyTorch's Flatten produces.
#ifndef XAI_NETWORK_H
#define XAI_NETWORK_H

#include "arith.h"
#include "method.h"
#include "conv2d.h"
#include "dense.h"
#include "relu.h"
#include "maxpool.h"
#include "conv_engine.h"
#include "dense_engine.h"
#include "pool_unit.h"
#include "layer_desc.h"
#include "pass_control.h"

namespace xai {

/// Index of the largest of n values; ties go to the lowest index (as torch.argmax).
template <unsigned N, class T> unsigned argmax(const T* v) {
    static_assert(N > 0, "argmax of an empty vector");
    unsigned best = 0;
    T bv = v[0];
argmax_loop:
    for (unsigned i = 1; i < N; i++) {
#pragma HLS PIPELINE II = 1
        if (v[i] > bv) { bv = v[i]; best = i; }
    }
    return best;
}

/// Seeds BP: grad[i] = 2^EXP if i == target else 0 (EXP is the exponent of the gradient
/// format of the logits; 0 without gradient scaling).
template <unsigned N, int EXP, class G> void seed_gradient(G* grad, unsigned target) {
seed_loop:
    for (unsigned i = 0; i < N; i++) {
#pragma HLS PIPELINE II = 1
        grad[i] = i == target ? G(pow2(EXP)) : G(0);
    }
}

/// Chooses the class to explain: `requested` when it names a valid class, else the argmax.
template <unsigned N, class T> unsigned select_target(const T* logits, int requested) {
    return (requested >= 0 && unsigned(requested) < N) ? unsigned(requested) : argmax<N>(logits);
}

/// Runs the network described by `layers` (NL descriptors in network order): FP, then (if
/// WITH_BP and run_bp) BP for the target class. Returns the class explained.
///   CE, DE     : the convolution and vector-matrix engine configurations
///   N_CLASSES  : logits; INPUT_SIZE: image elements; SEED_EXP: gradient exponent of the logits
///   pools/masks: the on-chip stores every layer's descriptor points into
///   PU         : the pool unit's configuration (pool_unit.h) when a layer runs on it; the default
///                no_pool_unit builds no unit
///   weight_beats: the weight image again, as DE's weight beats (weight_beat.h), when DE declares
///                weight_beat > 1 (the dense blocks come through it); otherwise not read (null is fine:
///                the engine's port then points at a local array)
///   ctl        : how far BP runs and with which rule (pass_control); the default is the whole BP
/// WITH_BP = false builds an FP-only design (no BP paths in the engines).
template <class CE, class DE, class METHOD, bool WITH_BP, unsigned NL, unsigned N_CLASSES, unsigned INPUT_SIZE,
          int SEED_EXP, class PU = no_pool_unit>
unsigned network_run(const layer_desc* layers, const typename CE::act_t* image, const typename CE::weight_t* weights,
                     typename CE::act_t* act, typename CE::grad_t* grad, typename CE::grad_t* relevance,
                     typename CE::act_t* logits, int target, bool run_bp, pool_index_t* pools, bool* masks,
                     const weight_beat_t<DE>* weight_beats = nullptr, pass_control ctl = full_pass) {
#pragma HLS INLINE
    static_assert(NL > 0, "network_run: no layers");
    static_assert(conv_engine_shape<CE>::acc_distance >= conv_engine_shape<CE>::min_acc_distance,
                  "network_run: the conv engine needs (tile_h/n_oh)*(tile_w/n_ow) >= 4 so that an accumulator's update "
                  "leaves the adder before the core pipeline reads it again (II=1)");
    typedef typename CE::act_t act_t;
    conv_engine_buffers<CE> cbuf;  // the convolution engine's tiles: one set for all layers
    dense_engine_buffers<DE> dbuf; // the vector-matrix engine's tiles
    pool_unit_buffers<CE, PU> pbuf; // the pool unit's channel buffers (one word each without a unit)
    // Banks: n_oh x n_ow accumulator banks (conv_engine.h; each step banks its input tile the same
    // way where it declares it), one register per dense row.
#pragma HLS ARRAY_PARTITION variable = cbuf.acc complete dim = 1
#pragma HLS ARRAY_PARTITION variable = cbuf.acc complete dim = 2
#pragma HLS ARRAY_PARTITION variable = dbuf.w complete dim = 1
#pragma HLS ARRAY_PARTITION variable = dbuf.acc complete dim = 1
    // A weight beat writes dense_beat consecutive columns of one block row in FP.
    const unsigned dense_beat = weight_beat_of<DE>::value;
#pragma HLS ARRAY_PARTITION variable = dbuf.w cyclic factor = dense_beat dim = 2
    (void)dense_beat; // read by the pragma only
    // Every port points at memory: without packed dense weights, the beat members at one-beat local arrays.
    weight_beat_t<CE> no_conv_beats[1];
    weight_beat_t<DE> no_dense_beats[1];
    const engine_ports<CE> cports = {weights, act, act, grad, grad, pools, masks, no_conv_beats};
    const engine_ports<DE> dports = {weights, act, act, grad, grad, pools, masks, beat_port<DE>(weight_beats, no_dense_beats)};
    const unsigned input_at = layers[0].act_in;
copy_image:
    for (unsigned i = 0; i < INPUT_SIZE; i++) {
#pragma HLS PIPELINE II = 1
        act[input_at + i] = image[i];
    }
    const bool bp_wanted = WITH_BP && run_bp;
    const unsigned bp_stop = ctl.bp_stop < NL ? ctl.bp_stop : NL - 1; // BP runs at least the last layer
    const unsigned steps = bp_wanted ? 2 * NL - bp_stop : NL;
    unsigned cls = 0;
layer_steps:
    for (unsigned s = 0; s < steps; s++) {
#pragma HLS LOOP_TRIPCOUNT min = NL max = 2 * NL
        const bool backward = s >= NL;
        layer_desc d = layers[backward ? 2 * NL - 1 - s : s];
        d.guided = ctl.guided;
        if (pool_unit_shape<PU>::present && d.pool_unit)
            pool_unit<CE, PU, WITH_BP>(d, backward, cports, pbuf);
        else if (d.conv)
            conv_engine<CE, METHOD, WITH_BP>(d, backward, cports, cbuf);
        else
            dense_engine<DE, METHOD, WITH_BP>(d, backward, dports, dbuf);
        if (s == NL - 1) {
            act_t lg[N_CLASSES];
        copy_logits:
            for (unsigned i = 0; i < N_CLASSES; i++) {
#pragma HLS PIPELINE II = 1
                lg[i] = act[d.act_out + i];
                logits[i] = lg[i];
            }
            cls = select_target<N_CLASSES>(lg, target);
            if (bp_wanted) seed_gradient<N_CLASSES, SEED_EXP>(grad + d.grad_out, cls);
        }
    }
    if (bp_wanted && bp_stop == 0) {
        const unsigned relevance_at = layers[0].grad_in;
    copy_relevance:
        for (unsigned i = 0; i < INPUT_SIZE; i++) {
#pragma HLS PIPELINE II = 1
            relevance[i] = grad[relevance_at + i];
        }
    }
    return cls;
}

} // namespace xai

#endif
