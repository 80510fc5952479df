// ResNet-8 (MLPerf Tiny image classification) as the SDK generates its top, for the C-simulation speed
// benchmark: input [3,32,32], stem conv3x3 16 ReLU; stack 1: conv3x3 16 ReLU, conv3x3 16 + stem, ReLU;
// stacks 2 and 3 (32, 64): conv3x3 stride 2 ReLU, skip conv1x1 stride 2, conv3x3 + skip, ReLU; the 8x8
// average pool folded into the dense layer (4096 -> 10), as the SDK folds it. Batch norm is folded into
// the convolutions. Weights from splitmix64 (the speed does not depend on their values).
#ifndef XAI_BENCH_RESNET8_NET_H
#define XAI_BENCH_RESNET8_NET_H

#include "xai/network.h"
#include "support/splitmix_weights.h"

namespace resnet8 {

/// 16-bit fixed point as the planner sizes it (<16,2> activations, <16,1> weights and gradients, 48-bit
/// accumulators); exponents 0 (they change shifts, not the work).
struct fixed_numerics {
    typedef xai::fixed_t<16, 2, xai::AP_RND, xai::AP_SAT> act_t;
    typedef xai::fixed_t<16, 1, xai::AP_RND, xai::AP_SAT> weight_t;
    typedef xai::fixed_t<48, 48 - 14 - 15> accum_t;
    typedef xai::fixed_t<16, 1, xai::AP_RND, xai::AP_SAT> grad_t;
    typedef xai::fixed_t<48, 18> grad_accum_t;
    static constexpr int grad_exp(unsigned) { return 0; }
};
struct float_numerics {
    typedef float act_t;
    typedef float weight_t;
    typedef float accum_t;
    typedef float grad_t;
    typedef float grad_accum_t;
    static constexpr int grad_exp(unsigned) { return 0; }
};

/// The Pynq-Z2 configuration of Table IV: 4x4 MACs, 16x16 tiles of 16 channels, FC tile 16.
template <class NUM> struct engine {
    static const unsigned n_oh = 4, n_ow = 4, tile_h = 16, tile_w = 16, tile_ci = 16, tile_co = 16;
    static const unsigned max_kernel = 3, max_out_c = 64;
    static const bool double_buffer = false, residual_paths = true;
    typedef typename NUM::act_t act_t;
    typedef typename NUM::weight_t weight_t;
    typedef typename NUM::accum_t accum_t;
    typedef typename NUM::grad_t grad_t;
    typedef typename NUM::grad_accum_t grad_accum_t;
};
template <class NUM> struct fc_engine : engine<NUM> { static const unsigned tile = 16; };

template <class NUM, unsigned IN, unsigned OUT, unsigned H, unsigned K = 3, bool RELU = true> struct conv : engine<NUM> {
    static const unsigned in_c = IN, out_c = OUT, height = H, width = H, kernel = K;
    static const bool relu = RELU, pool = false, store_relu_mask = false;
    static const int grad_shift = 0;
};
template <class NUM, unsigned IN, unsigned OUT, unsigned H, unsigned K, bool RELU> struct strided : conv<NUM, IN, OUT, H, K, RELU> {
    static const unsigned stride = 2, pad_top = (K - 1) / 2, pad_left = pad_top, pad_bottom = pad_top, pad_right = pad_top;
};
template <class NUM, unsigned C, unsigned H> struct join : conv<NUM, C, C, H> {
    static const bool residual = true;
    static const int res_shift = 0, res_grad_shift = 0;
};
template <class NUM> struct fc_config : fc_engine<NUM> {
    static const unsigned n_in = 4096, n_out = 10;
    static const bool relu = false, store_relu_mask = false;
    static const int grad_shift = 0;
};

static const unsigned input_size = 3 * 32 * 32, n_classes = 10, n_layers = 10;
/// Parameter blocks in layer order (weights, then biases).
inline std::vector<xai_test::ParamLayer> param_layers() {
    using xai_test::conv_params;
    return {conv_params(3, 16, 3),  conv_params(16, 16, 3), conv_params(16, 16, 3), conv_params(16, 32, 3),
            conv_params(16, 32, 1), conv_params(32, 32, 3), conv_params(32, 64, 3), conv_params(32, 64, 1),
            conv_params(64, 64, 3), xai_test::linear_params(4096, 10)};
}
// Offsets: weight image, activation arena (image, then each layer's output), gradient arena (per boundary).
static const unsigned w0 = 0, w1 = w0 + 16 * 27 + 16, w2 = w1 + 16 * 144 + 16, w3 = w2 + 16 * 144 + 16,
                      w4 = w3 + 32 * 144 + 32, w5 = w4 + 32 * 16 + 32, w6 = w5 + 32 * 288 + 32, w7 = w6 + 64 * 288 + 64,
                      w8 = w7 + 64 * 32 + 64, w9 = w8 + 64 * 576 + 64, weight_image_size = w9 + 40960 + 10;
static const unsigned big = 16 * 32 * 32, mid = 32 * 16 * 16, small = 64 * 8 * 8;
static const unsigned a[11] = {0, input_size, input_size + big, input_size + 2 * big, input_size + 3 * big,
                               input_size + 3 * big + mid, input_size + 3 * big + 2 * mid, input_size + 3 * big + 3 * mid,
                               input_size + 3 * big + 3 * mid + small, input_size + 3 * big + 3 * mid + 2 * small,
                               input_size + 3 * big + 3 * mid + 3 * small};
static const unsigned act_arena_size = a[10] + n_classes;
static const unsigned g[11] = {a[0] + 10, a[1] + 10, a[2] + 10, a[3] + 10, a[4] + 10, a[5] + 10,
                               a[6] + 10, a[7] + 10, a[8] + 10, a[9] + 10, 0}; // g[b]: boundary b (10: logits)
static const unsigned grad_arena_size = act_arena_size + 10;

struct fp_state {
    xai::pool_index_t pools[1];
    bool masks[1];
};

template <class NUM> struct network {
    static const xai::layer_desc layers[n_layers];
};
template <class NUM>
const xai::layer_desc network<NUM>::layers[n_layers] = {
    xai::conv_desc<conv<NUM, 3, 16, 32>>({w0, a[0], a[1], g[0], g[1], 0, 0}),
    xai::conv_desc<conv<NUM, 16, 16, 32>>({w1, a[1], a[2], g[1], g[2], 0, 0, 0, 0, true}),
    xai::conv_desc<join<NUM, 16, 32>>({w2, a[2], a[3], g[2], g[3], 0, 0, a[1], g[1]}),
    xai::conv_desc<strided<NUM, 16, 32, 32, 3, true>>({w3, a[3], a[4], g[3], g[4], 0, 0, 0, 0, true}),
    xai::conv_desc<strided<NUM, 16, 32, 32, 1, false>>({w4, a[3], a[5], g[3], g[5], 0, 0}),
    xai::conv_desc<join<NUM, 32, 16>>({w5, a[4], a[6], g[4], g[6], 0, 0, a[5], g[5]}),
    xai::conv_desc<strided<NUM, 32, 64, 16, 3, true>>({w6, a[6], a[7], g[6], g[7], 0, 0, 0, 0, true}),
    xai::conv_desc<strided<NUM, 32, 64, 16, 1, false>>({w7, a[6], a[8], g[6], g[8], 0, 0}),
    xai::conv_desc<join<NUM, 64, 8>>({w8, a[7], a[9], g[7], g[9], 0, 0, a[8], g[8]}),
    xai::dense_desc<fc_config<NUM>>({w9, a[9], a[10], g[9], g[10], 0, 0}),
};

template <class NUM, class METHOD>
unsigned run(const typename NUM::act_t* image, const typename NUM::weight_t* weights, typename NUM::act_t* act,
             typename NUM::grad_t* grad, typename NUM::grad_t* relevance, typename NUM::act_t* logits, int target,
             bool run_bp, fp_state& st) {
    return xai::network_run<engine<NUM>, fc_engine<NUM>, METHOD, true, n_layers, n_classes, input_size,
                            NUM::grad_exp(n_layers)>(network<NUM>::layers, image, weights, act, grad, relevance,
                                                     logits, target, run_bp, st.pools, st.masks);
}

} // namespace resnet8

#endif
