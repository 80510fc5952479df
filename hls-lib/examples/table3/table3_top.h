// The paper's Table III network on the hls-lib blocks: configuration and driver.
//
//   conv3x3(3->32) ReLU, conv3x3(32->32) ReLU, maxpool2, conv3x3(32->64) ReLU,
//   conv3x3(64->64) ReLU, maxpool2, flatten, FC 4096->128 ReLU, FC 128->10 (logits)
//
// This is the shape of top function the SDK's code generator emits for other networks:
// one numerics profile (number formats and per-boundary gradient exponents), one engine of
// each kind (parallelism and tiles, shared by all layers), one config struct per layer with
// the same members in the same order, constexpr offsets into the weight image, the DRAM
// arenas and the on-chip stores, the table of layer descriptors, and run<NUM, METHOD>()
// handing it to xai::network_run.
#ifndef XAI_EXAMPLES_TABLE3_TOP_H
#define XAI_EXAMPLES_TABLE3_TOP_H

#include "xai/network.h"

#ifndef XAI_N_OH
#define XAI_N_OH 4 ///< conv MAC rows in parallel: 4 (Pynq-Z2, Ultra96-V2) or 8 (ZCU104)
#endif
#ifndef XAI_N_OW
#define XAI_N_OW 4 ///< conv MAC columns in parallel: 4 (Pynq-Z2) or 8 (Ultra96-V2, ZCU104)
#endif
#ifndef XAI_FC_TILE
#define XAI_FC_TILE 16 ///< dense tile / MACs in parallel: 16 or 32
#endif
#ifndef XAI_DOUBLE_BUFFER
#define XAI_DOUBLE_BUFFER 0 ///< 1: the conv engine's loads overlap its core (conv_engine.h)
#endif

namespace table3 {

/// Number of gradient boundaries: 0 = network input (relevance), 6 = logits.
static const unsigned n_boundaries = 7;

/// Float profile (for comparison with PyTorch): every tensor float, no gradient scaling.
struct float_numerics {
    typedef float act_t;
    typedef float weight_t;
    typedef float accum_t;
    typedef float grad_t;
    typedef float grad_accum_t;
    /// Gradient exponent at boundary b: stored gradient = true gradient * 2^grad_exp(b).
    static constexpr int grad_exp(unsigned) { return 0; }
};

/// Double profile (tests: finite differences).
struct double_numerics {
    typedef double act_t;
    typedef double weight_t;
    typedef double accum_t;
    typedef double grad_t;
    typedef double grad_accum_t;
    static constexpr int grad_exp(unsigned) { return 0; }
};

/// The compute engine shared by all conv layers (Table IV configurations via XAI_N_OH/OW).
template <class NUM> struct engine {
    static const unsigned n_oh = XAI_N_OH;
    static const unsigned n_ow = XAI_N_OW;
    static const unsigned tile_h = 16;  ///< output tile rows (multiple of n_oh, even)
    static const unsigned tile_w = 16;  ///< output tile columns (multiple of n_ow, even)
    static const unsigned tile_ci = 16; ///< input channels per tile
    static const unsigned tile_co = 16; ///< output channels per tile
    static const unsigned max_kernel = 3; ///< largest kernel of the network
    static const unsigned max_out_c = 64; ///< largest out_c (bias buffer)
    static const bool double_buffer = XAI_DOUBLE_BUFFER != 0; ///< loads overlap the core (DATAFLOW steps)
    typedef typename NUM::act_t act_t;
    typedef typename NUM::weight_t weight_t;
    typedef typename NUM::accum_t accum_t;
    typedef typename NUM::grad_t grad_t;
    typedef typename NUM::grad_accum_t grad_accum_t;
};

/// Dense layers' engine.
template <class NUM> struct fc_engine {
    static const unsigned tile = XAI_FC_TILE;
    typedef typename NUM::act_t act_t;
    typedef typename NUM::weight_t weight_t;
    typedef typename NUM::accum_t accum_t;
    typedef typename NUM::grad_t grad_t;
    typedef typename NUM::grad_accum_t grad_accum_t;
};

// Per-layer configs. Layer l sits between gradient boundaries l (its input) and l+1.
// store_relu_mask: conv layers recompute the mask from their output in DRAM, the dense
// ReLU keeps its 128 bits on chip (memory.h explains the accounting).
template <class NUM> struct conv1_config : engine<NUM> {
    static const unsigned in_c = 3, out_c = 32, height = 32, width = 32, kernel = 3;
    static const bool relu = true, pool = false, store_relu_mask = false;
    static const int grad_shift = NUM::grad_exp(0) - NUM::grad_exp(1);
};
template <class NUM> struct conv2_config : engine<NUM> {
    static const unsigned in_c = 32, out_c = 32, height = 32, width = 32, kernel = 3;
    static const bool relu = true, pool = true, store_relu_mask = false;
    static const int grad_shift = NUM::grad_exp(1) - NUM::grad_exp(2);
};
template <class NUM> struct conv3_config : engine<NUM> {
    static const unsigned in_c = 32, out_c = 64, height = 16, width = 16, kernel = 3;
    static const bool relu = true, pool = false, store_relu_mask = false;
    static const int grad_shift = NUM::grad_exp(2) - NUM::grad_exp(3);
};
template <class NUM> struct conv4_config : engine<NUM> {
    static const unsigned in_c = 64, out_c = 64, height = 16, width = 16, kernel = 3;
    static const bool relu = true, pool = true, store_relu_mask = false;
    static const int grad_shift = NUM::grad_exp(3) - NUM::grad_exp(4);
};
template <class NUM> struct fc1_config : fc_engine<NUM> {
    static const unsigned n_in = 4096, n_out = 128;
    static const bool relu = true, store_relu_mask = true;
    static const int grad_shift = NUM::grad_exp(4) - NUM::grad_exp(5);
};
template <class NUM> struct fc2_config : fc_engine<NUM> {
    static const unsigned n_in = 128, n_out = 10;
    static const bool relu = false, store_relu_mask = false;
    static const int grad_shift = NUM::grad_exp(5) - NUM::grad_exp(6);
};

// Sizes (elements).
static const unsigned input_size = 3 * 32 * 32;
static const unsigned n_classes = 10;

// Weight image: each layer's weights then its biases, layers in order; conv weights in PyTorch order,
// dense weights in the engine's tile x tile blocks (xai/dense_weight_order.h, to_engine_weight_order).
typedef float_numerics shape_only; // shapes do not depend on the numerics
static const unsigned w_conv1 = 0;
static const unsigned w_conv2 = w_conv1 + xai::conv2d_shape<conv1_config<shape_only>>::param_count;
static const unsigned w_conv3 = w_conv2 + xai::conv2d_shape<conv2_config<shape_only>>::param_count;
static const unsigned w_conv4 = w_conv3 + xai::conv2d_shape<conv3_config<shape_only>>::param_count;
static const unsigned w_fc1 = w_conv4 + xai::conv2d_shape<conv4_config<shape_only>>::param_count;
static const unsigned w_fc2 = w_fc1 + xai::dense_shape<fc1_config<shape_only>>::param_count;
static const unsigned weight_image_size = w_fc2 + xai::dense_shape<fc2_config<shape_only>>::param_count;
static_assert(weight_image_size == 591274, "Table III has 591,274 parameters");

// Activation arena: the image (copied in by the top), then one region per layer output,
// kept until BP; the last region holds the logits (copied out to their port).
static const unsigned a_input = 0;
static const unsigned a_conv1 = a_input + input_size;
static const unsigned a_conv2 = a_conv1 + xai::conv2d_shape<conv1_config<shape_only>>::out_size;
static const unsigned a_conv3 = a_conv2 + xai::conv2d_shape<conv2_config<shape_only>>::out_size;
static const unsigned a_conv4 = a_conv3 + xai::conv2d_shape<conv3_config<shape_only>>::out_size;
static const unsigned a_fc1 = a_conv4 + xai::conv2d_shape<conv4_config<shape_only>>::out_size;
static const unsigned a_fc2 = a_fc1 + xai::dense_shape<fc1_config<shape_only>>::out_size;
static const unsigned act_arena_size = a_fc2 + n_classes;

// Gradient arena: gradient w.r.t. each layer's output (boundaries 6..1), then boundary 0,
// the input relevance (copied out to its port).
static const unsigned g_logits = 0;                        // boundary 6, [10]
static const unsigned g_fc1 = g_logits + n_classes;        // boundary 5, [128]
static const unsigned g_conv4 = g_fc1 + 128;               // boundary 4, [64,8,8]
static const unsigned g_conv3 = g_conv4 + 64 * 8 * 8;      // boundary 3, [64,16,16]
static const unsigned g_conv2 = g_conv3 + 64 * 16 * 16;    // boundary 2, [32,16,16]
static const unsigned g_conv1 = g_conv2 + 32 * 16 * 16;    // boundary 1, [32,32,32]
static const unsigned g_input = g_conv1 + 32 * 32 * 32;    // boundary 0, [3,32,32]
static const unsigned grad_arena_size = g_input + input_size;

// On-chip stores: 2-bit pool indices of conv2 and conv4, the dense ReLU's 128 mask bits.
static const unsigned p_conv2 = 0, p_conv4 = p_conv2 + 32 * 16 * 16, pool_store_size = p_conv4 + 64 * 8 * 8;
static const unsigned m_fc1 = 0, mask_store_size = 128;

/// Exponent of the relevance written to the relevance port: true = stored * 2^-exp.
template <class NUM> constexpr int relevance_exponent() { return NUM::grad_exp(0); }

/// On-chip state FP leaves for BP (pool indices, stored ReLU masks): in the HLS top static
/// arrays (BRAM bits); batch 1, so one set. Every layer's descriptor points into them.
struct fp_state {
    xai::pool_index_t pools[pool_store_size];
    bool masks[mask_store_size];
};

/// The network as the engines see it: one descriptor per layer, in network order.
template <class NUM> struct network {
    static const unsigned n_layers = 6;
    static const xai::layer_desc layers[n_layers];
};
template <class NUM>
const xai::layer_desc network<NUM>::layers[network<NUM>::n_layers] = {
    //                                      params   act_in   act_out  grad_in  grad_out pool     mask
    xai::conv_desc<conv1_config<NUM>>({w_conv1, a_input, a_conv1, g_input, g_conv1, 0, 0}),
    xai::conv_desc<conv2_config<NUM>>({w_conv2, a_conv1, a_conv2, g_conv1, g_conv2, p_conv2, 0}),
    xai::conv_desc<conv3_config<NUM>>({w_conv3, a_conv2, a_conv3, g_conv2, g_conv3, 0, 0}),
    xai::conv_desc<conv4_config<NUM>>({w_conv4, a_conv3, a_conv4, g_conv3, g_conv4, p_conv4, 0}),
    xai::dense_desc<fc1_config<NUM>>({w_fc1, a_conv4, a_fc1, g_conv4, g_fc1, 0, m_fc1}),
    xai::dense_desc<fc2_config<NUM>>({w_fc2, a_fc1, a_fc2, g_fc1, g_logits, 0, 0}),
};

/// FP, then (if WITH_BP and run_bp) BP for the target class. Returns the class explained
/// (argmax of the logits unless `target` is a valid class index).
template <class NUM, class METHOD, bool WITH_BP = true>
unsigned run(const typename NUM::act_t* image, const typename NUM::weight_t* weights, typename NUM::act_t* act,
             typename NUM::grad_t* grad, typename NUM::grad_t* relevance, typename NUM::act_t* logits, int target,
             bool run_bp, fp_state& st, xai::pass_control ctl = xai::full_pass) {
#pragma HLS INLINE
    // (the seed 2^grad_exp(6) must be representable in grad_t)
    return xai::network_run<engine<NUM>, fc_engine<NUM>, METHOD, WITH_BP, network<NUM>::n_layers, n_classes, input_size,
                            NUM::grad_exp(6)>(network<NUM>::layers, image, weights, act, grad, relevance, logits, target,
                                              run_bp, st.pools, st.masks, nullptr, ctl);
}

} // namespace table3

#endif
