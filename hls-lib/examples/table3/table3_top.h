// The paper's Table III network on the hls-lib blocks: configuration and driver.
//
//   conv3x3(3->32) ReLU, conv3x3(32->32) ReLU, maxpool2, conv3x3(32->64) ReLU,
//   conv3x3(64->64) ReLU, maxpool2, flatten, FC 4096->128 ReLU, FC 128->10 (logits)
//
// This is the shape of top function the SDK's code generator emits for other networks:
// one numerics profile (number formats and per-boundary gradient exponents), one engine
// (parallelism and tiles, shared by all conv layers), one config struct per layer with the
// same members in the same order, constexpr offsets into the weight image and the DRAM
// arenas, and run<NUM, METHOD>() calling the blocks in network order.
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

// Weight image: each layer's weights (PyTorch order) then its biases, layers in order.
typedef float_numerics shape_only; // shapes do not depend on the numerics
static const unsigned w_conv1 = 0;
static const unsigned w_conv2 = w_conv1 + xai::conv2d_shape<conv1_config<shape_only>>::param_count;
static const unsigned w_conv3 = w_conv2 + xai::conv2d_shape<conv2_config<shape_only>>::param_count;
static const unsigned w_conv4 = w_conv3 + xai::conv2d_shape<conv3_config<shape_only>>::param_count;
static const unsigned w_fc1 = w_conv4 + xai::conv2d_shape<conv4_config<shape_only>>::param_count;
static const unsigned w_fc2 = w_fc1 + xai::dense_shape<fc1_config<shape_only>>::param_count;
static const unsigned weight_image_size = w_fc2 + xai::dense_shape<fc2_config<shape_only>>::param_count;
static_assert(weight_image_size == 591274, "Table III has 591,274 parameters");

// Activation arena: one region per layer output (kept until BP); logits go to their port.
static const unsigned a_conv1 = 0;
static const unsigned a_conv2 = a_conv1 + xai::conv2d_shape<conv1_config<shape_only>>::out_size;
static const unsigned a_conv3 = a_conv2 + xai::conv2d_shape<conv2_config<shape_only>>::out_size;
static const unsigned a_conv4 = a_conv3 + xai::conv2d_shape<conv3_config<shape_only>>::out_size;
static const unsigned a_fc1 = a_conv4 + xai::conv2d_shape<conv4_config<shape_only>>::out_size;
static const unsigned act_arena_size = a_fc1 + xai::dense_shape<fc1_config<shape_only>>::out_size;

// Gradient arena: gradient w.r.t. each layer's output (boundaries 6..1); boundary 0 is
// the relevance port.
static const unsigned g_logits = 0;                        // boundary 6, [10]
static const unsigned g_fc1 = g_logits + n_classes;        // boundary 5, [128]
static const unsigned g_conv4 = g_fc1 + 128;               // boundary 4, [64,8,8]
static const unsigned g_conv3 = g_conv4 + 64 * 8 * 8;      // boundary 3, [64,16,16]
static const unsigned g_conv2 = g_conv3 + 64 * 16 * 16;    // boundary 2, [32,16,16]
static const unsigned g_conv1 = g_conv2 + 32 * 16 * 16;    // boundary 1, [32,32,32]
static const unsigned grad_arena_size = g_conv1 + 32 * 32 * 32;

/// Exponent of the relevance written to the relevance port: true = stored * 2^-exp.
template <class NUM> constexpr int relevance_exponent() { return NUM::grad_exp(0); }

/// On-chip state FP leaves for BP (pool indices, stored ReLU masks). In the HLS top these
/// are static arrays (BRAM bits); batch 1, so one set. Blocks never get null pointers
/// (Vitis HLS cannot map them); unused arguments get the 1-element dummies.
struct fp_state {
    xai::pool_index_t pool2[32 * 16 * 16];
    xai::pool_index_t pool4[64 * 8 * 8];
    bool fc1_mask[128];
    bool no_mask[1];                 // passed where a layer keeps no mask bits (never accessed)
    xai::pool_index_t no_index[1];   // passed where a layer has no pool (never accessed)
};

/// FP, then (if run_bp) BP for the target class. Returns the class explained (argmax of
/// the logits unless `target` is a valid class index).
template <class NUM, class METHOD>
unsigned run(const typename NUM::act_t* image, const typename NUM::weight_t* weights, typename NUM::act_t* act,
             typename NUM::grad_t* grad, typename NUM::grad_t* relevance, typename NUM::act_t* logits, int target,
             bool run_bp, fp_state& st) {
#pragma HLS INLINE
    // FP
    xai::conv2d_fp<conv1_config<NUM>, METHOD>(image, weights + w_conv1, act + a_conv1, st.no_mask, st.no_index);
    xai::conv2d_fp<conv2_config<NUM>, METHOD>(act + a_conv1, weights + w_conv2, act + a_conv2, st.no_mask, st.pool2);
    xai::conv2d_fp<conv3_config<NUM>, METHOD>(act + a_conv2, weights + w_conv3, act + a_conv3, st.no_mask, st.no_index);
    xai::conv2d_fp<conv4_config<NUM>, METHOD>(act + a_conv3, weights + w_conv4, act + a_conv4, st.no_mask, st.pool4);
    xai::dense_fp<fc1_config<NUM>, METHOD>(act + a_conv4, weights + w_fc1, act + a_fc1, st.fc1_mask);
    xai::dense_fp<fc2_config<NUM>, METHOD>(act + a_fc1, weights + w_fc2, logits, st.no_mask);
    const unsigned cls = xai::select_target<n_classes>(logits, target);
    if (!run_bp) return cls;
    // BP (the seed 2^grad_exp(6) must be representable in grad_t)
    xai::seed_gradient<n_classes, NUM::grad_exp(6)>(grad + g_logits, cls);
    xai::dense_bp<fc2_config<NUM>, METHOD>(grad + g_logits, weights + w_fc2, logits, st.no_mask, grad + g_fc1);
    xai::dense_bp<fc1_config<NUM>, METHOD>(grad + g_fc1, weights + w_fc1, act + a_fc1, st.fc1_mask, grad + g_conv4);
    xai::conv2d_bp<conv4_config<NUM>, METHOD>(grad + g_conv4, weights + w_conv4, act + a_conv4, st.no_mask, st.pool4,
                                              grad + g_conv3);
    xai::conv2d_bp<conv3_config<NUM>, METHOD>(grad + g_conv3, weights + w_conv3, act + a_conv3, st.no_mask, st.no_index,
                                              grad + g_conv2);
    xai::conv2d_bp<conv2_config<NUM>, METHOD>(grad + g_conv2, weights + w_conv2, act + a_conv2, st.no_mask, st.pool2,
                                              grad + g_conv1);
    xai::conv2d_bp<conv1_config<NUM>, METHOD>(grad + g_conv1, weights + w_conv1, act + a_conv1, st.no_mask, st.no_index,
                                              relevance);
    return cls;
}

} // namespace table3

#endif
