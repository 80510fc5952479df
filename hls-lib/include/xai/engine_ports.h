// What one engine call reads and writes: DRAM ports and the on-chip stores FP leaves for BP.
#ifndef XAI_ENGINE_PORTS_H
#define XAI_ENGINE_PORTS_H

#include "maxpool.h"
#include "layer_desc.h"
#include "method.h"
#include "weight_beat.h"

namespace xai {

/// DRAM and on-chip stores one engine call reads and writes. FP reads act_src + act_in and
/// writes act_dst + act_out; BP reads grad_src + grad_out (and act_src + act_out when the
/// ReLU mask is recomputed) and writes grad_dst + grad_in. A top passes its arenas for both
/// source and destination; a standalone block passes its own input and output.
template <class E> struct engine_ports {
    const typename E::weight_t* weights;
    const typename E::act_t* act_src;
    typename E::act_t* act_dst;
    const typename E::grad_t* grad_src;
    typename E::grad_t* grad_dst;
    pool_index_t* pools;
    bool* masks;
    /// The weight image again, as beats of weight_beat_of<E> elements: the dense engine's block
    /// loads when E declares weight_beat > 1 (weight_beat.h); otherwise not read (network_run points
    /// it at a one-beat local array: beat_port).
    const weight_beat_t<E>* weight_beats;
};

/// BP's input of layer d at element e of its output: the gradient w.r.t. the output, through the
/// method's ReLU rule when the layer has a ReLU (mask from the on-chip store or recomputed from the
/// FP output in DRAM, as the layer's descriptor says). After a fused pool, e indexes the pooled map:
/// only the window's winner receives gradient, and there [pre > 0] == [pooled > 0]. ReLU6 passes
/// the gradient where 0 < x < 6 whatever the method (relu6.h).
template <class METHOD, class E> typename E::grad_t gradient_on_load(const layer_desc& d, const engine_ports<E>& p, unsigned e) {
#pragma HLS INLINE
    typedef typename E::grad_t grad_t;
    grad_t g = p.grad_src[d.grad_out + e];
    if (d.relu6) {
        // Every method: the clip's own gradient, [0 < x < 6] (0 < y < 6 for y = clip(x)).
        typedef typename E::act_t act_t;
        bool m;
        if (d.store_relu_mask) {
            m = p.masks[d.mask_at + e];
        } else {
            const act_t y = p.act_src[d.act_out + e]; // read only when the mask is recomputed
            m = y > act_t(0) && relu6_level_of<act_t, typename E::accum_t>(d) > y;
        }
        if (!m) g = grad_t(0);
    } else if (d.relu) {
        const bool m = !METHOD::needs_relu_mask ? false
                       : d.store_relu_mask ? p.masks[d.mask_at + e]
                                           : p.act_src[d.act_out + e] > typename E::act_t(0);
        g = METHOD::rule_per_pass && d.guided ? GuidedBackprop::template backward<grad_t>(m, g)
                                              : METHOD::template backward<grad_t>(m, g);
    }
    return g;
}

} // namespace xai

#endif
