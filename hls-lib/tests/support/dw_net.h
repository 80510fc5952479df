// The depthwise-separable test network (tests/reference/make_reference_vectors.py, dw_layers),
// written the way the SDK generates tops (cf. odd_net.h):
//   input [3,12,10], conv3x3 (3->6) ReLU, depthwise 3x3 stride 2 pad 1 ReLU -> [6,6,5],
//   pointwise 1x1 (6->8) ReLU, depthwise 3x3 ReLU, pointwise 1x1 (8->8) ReLU, maxpool2 -> [8,3,2],
//   flatten 48, FC 48->5. Weight seed 13.
#ifndef XAI_TESTS_DW_NET_H
#define XAI_TESTS_DW_NET_H

#include "xai/network.h"
#include "odd_net.h"
#include "grid_net.h"

namespace dw_net {

using odd_net::numerics;

// The grid network's engine (2x2 MACs, 4x4 tiles of 4 channels, kernels up to 3, 8 channels).
using grid_net::engine;
using grid_net::fc_engine;

template <class NUM> struct conv_layer : engine<NUM> {
    static const bool relu = true, pool = false, store_relu_mask = false;
    static const int grad_shift = 0;
};
template <class NUM> struct conv1_config : conv_layer<NUM> {
    static const unsigned in_c = 3, out_c = 6, height = 12, width = 10, kernel = 3;
};
template <class NUM> struct dw1_config : conv_layer<NUM> {
    static const unsigned in_c = 6, out_c = 6, height = 12, width = 10, kernel = 3, stride = 2;
    static const unsigned pad_top = 1, pad_left = 1, pad_bottom = 1, pad_right = 1;
    static const bool depthwise = true;
};
template <class NUM> struct pw1_config : conv_layer<NUM> {
    static const unsigned in_c = 6, out_c = 8, height = 6, width = 5, kernel = 1;
};
template <class NUM> struct dw2_config : conv_layer<NUM> {
    static const unsigned in_c = 8, out_c = 8, height = 6, width = 5, kernel = 3;
    static const bool depthwise = true;
};
template <class NUM> struct pw2_config : conv_layer<NUM> {
    static const unsigned in_c = 8, out_c = 8, height = 6, width = 5, kernel = 1;
    static const bool pool = true;
};
template <class NUM> struct fc_config : fc_engine<NUM> {
    static const unsigned n_in = 48, n_out = 5;
    static const bool relu = false, store_relu_mask = false;
    static const int grad_shift = 0;
};

static const unsigned input_size = 3 * 12 * 10, n_classes = 5;
typedef numerics<float> shape_only;
template <template <class> class C> constexpr unsigned params() { return xai::conv2d_shape<C<shape_only>>::param_count; }
static const unsigned w_conv1 = 0, w_dw1 = w_conv1 + params<conv1_config>(), w_pw1 = w_dw1 + params<dw1_config>(),
                      w_dw2 = w_pw1 + params<pw1_config>(), w_pw2 = w_dw2 + params<dw2_config>(),
                      w_fc = w_pw2 + params<pw2_config>();
static_assert(w_fc + 48 * 5 + 5 == 681, "dw_net: the parameter count of make_reference_vectors.py's dw_layers");
static const unsigned a_input = 0, a_conv1 = input_size, a_dw1 = a_conv1 + 720, a_pw1 = a_dw1 + 180, a_dw2 = a_pw1 + 240,
                      a_pw2 = a_dw2 + 240, a_fc = a_pw2 + 48, act_arena_size = a_fc + n_classes;
static const unsigned g_logits = 0, g_pw2 = 5, g_dw2 = g_pw2 + 48, g_pw1 = g_dw2 + 240, g_dw1 = g_pw1 + 240,
                      g_conv1 = g_dw1 + 180, g_input = g_conv1 + 720, grad_arena_size = g_input + input_size;

struct fp_state {
    xai::pool_index_t pools[48];
    bool masks[1];
};

static const unsigned n_layers = 6;
template <class NUM> struct network {
    static const xai::layer_desc layers[n_layers];
};
template <class NUM>
const xai::layer_desc network<NUM>::layers[n_layers] = {
    xai::conv_desc<conv1_config<NUM>>({w_conv1, a_input, a_conv1, g_input, g_conv1, 0, 0}),
    xai::conv_desc<dw1_config<NUM>>({w_dw1, a_conv1, a_dw1, g_conv1, g_dw1, 0, 0}),
    xai::conv_desc<pw1_config<NUM>>({w_pw1, a_dw1, a_pw1, g_dw1, g_pw1, 0, 0}),
    xai::conv_desc<dw2_config<NUM>>({w_dw2, a_pw1, a_dw2, g_pw1, g_dw2, 0, 0}),
    xai::conv_desc<pw2_config<NUM>>({w_pw2, a_dw2, a_pw2, g_dw2, g_pw2, 0, 0}),
    xai::dense_desc<fc_config<NUM>>({w_fc, a_pw2, a_fc, g_pw2, g_logits, 0, 0}),
};

template <class NUM, class METHOD>
unsigned run(const typename NUM::act_t* image, const typename NUM::weight_t* weights, typename NUM::act_t* act,
             typename NUM::grad_t* grad, typename NUM::grad_t* relevance, typename NUM::act_t* logits, int target,
             bool run_bp, fp_state& st, xai::pass_control ctl = xai::full_pass) {
    return xai::network_run<engine<NUM>, fc_engine<NUM>, METHOD, true, n_layers, n_classes, input_size,
                            NUM::grad_exp(n_layers)>(network<NUM>::layers, image, weights, act, grad, relevance,
                                                     logits, target, run_bp, st.pools, st.masks, nullptr, ctl);
}

} // namespace dw_net

#endif
