// Vitis HLS top function for the Table III network (FP + BP feature attribution).
//
// Build-time choices (Table II / Table IV), all compile-time:
//   XAI_METHOD   xai::Saliency (default), xai::DeconvNet or xai::GuidedBackprop
//   XAI_NUMERICS table3::paper_numerics (default: ap_fixed<16,8> everywhere, as the paper)
//                or a table3::scaled_numerics<E0..E6> profile chosen by the planner
//   XAI_N_OH, XAI_N_OW, XAI_FC_TILE   engine parallelism (see table3_top.h)
//
// Ports: weights / image / arenas / outputs are m_axi (DRAM); scalars and the pointer
// offsets are s_axilite (control registers). DRAM regions the host must allocate:
//   weights   [weight_image_size]  flat image, per layer weights then biases (conv weights in
//                                  PyTorch order, dense in the engine's blocks: xai/dense_weight_order.h)
//   image     [3*32*32]            input, C,H,W
//   act       [act_arena_size]     the image's copy and the FP activations (kept for BP)
//   grad      [grad_arena_size]    BP gradients
//   relevance [3*32*32]            input relevance; true value = stored * 2^-relevance_exponent
//   logits    [10]
#include "table3_top.h"
#include "table3_numerics.h"

#ifndef XAI_METHOD
#define XAI_METHOD xai::Saliency
#endif
#ifndef XAI_NUMERICS
#define XAI_NUMERICS table3::paper_numerics
#endif

typedef XAI_NUMERICS top_numerics;
typedef top_numerics::act_t top_act_t;
typedef top_numerics::weight_t top_weight_t;
typedef top_numerics::grad_t top_grad_t;

void table3_top(const top_weight_t* weights, const top_act_t* image, top_act_t* act, top_grad_t* grad,
                top_grad_t* relevance, top_act_t* logits, int target, bool run_bp, int* predicted_class,
                int* relevance_exponent) {
#pragma HLS INTERFACE m_axi port = weights offset = slave bundle = gmem0 depth = 591274 max_read_burst_length = 64
#pragma HLS INTERFACE m_axi port = image offset = slave bundle = gmem1 depth = 3072
#pragma HLS INTERFACE m_axi port = act offset = slave bundle = gmem1 depth = 64650
#pragma HLS INTERFACE m_axi port = grad offset = slave bundle = gmem2 depth = 64650
#pragma HLS INTERFACE m_axi port = relevance offset = slave bundle = gmem2 depth = 3072
#pragma HLS INTERFACE m_axi port = logits offset = slave bundle = gmem1 depth = 10
#pragma HLS INTERFACE s_axilite port = weights
#pragma HLS INTERFACE s_axilite port = image
#pragma HLS INTERFACE s_axilite port = act
#pragma HLS INTERFACE s_axilite port = grad
#pragma HLS INTERFACE s_axilite port = relevance
#pragma HLS INTERFACE s_axilite port = logits
#pragma HLS INTERFACE s_axilite port = target
#pragma HLS INTERFACE s_axilite port = run_bp
#pragma HLS INTERFACE s_axilite port = predicted_class
#pragma HLS INTERFACE s_axilite port = relevance_exponent
#pragma HLS INTERFACE s_axilite port = return
    static_assert(table3::act_arena_size == 64650 && table3::grad_arena_size == 64650,
                  "update the m_axi depths above");
    // On-chip state FP leaves for BP: 2-bit pool indices and the dense ReLU mask (BRAM bits).
    static table3::fp_state st;
    const unsigned cls =
        table3::run<top_numerics, XAI_METHOD>(image, weights, act, grad, relevance, logits, target, run_bp, st);
    *predicted_class = int(cls);
    *relevance_exponent = table3::relevance_exponent<top_numerics>();
}
