// What one engine call reads and writes: DRAM ports and the on-chip stores FP leaves for BP.
#ifndef XAI_ENGINE_PORTS_H
#define XAI_ENGINE_PORTS_H

#include "maxpool.h"

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
};

} // namespace xai

#endif
