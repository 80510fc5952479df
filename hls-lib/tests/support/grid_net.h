// The strided / unevenly padded test network (tests/reference/make_reference_vectors.py,
// grid_layers), written the way the SDK generates tops (cf. odd_net.h):
//   input [3,13,11], conv3x3 stride 2 pad 1 (3->6) ReLU -> [6,7,6],
//   conv3x3 pads top 1, right 1 (6->8) ReLU -> [8,6,5], conv1x1 stride 2 (8->8) ReLU -> [8,3,3],
//   conv3x3 pads rows 1, columns 0 (8->6) ReLU -> [6,3,1], flatten 18, FC 18->4. Weight seed 11.
#ifndef XAI_TESTS_GRID_NET_H
#define XAI_TESTS_GRID_NET_H

#include "xai/network.h"
#include "odd_net.h"

namespace grid_net {

using odd_net::numerics;

template <class NUM> struct engine {
    static const unsigned n_oh = 2, n_ow = 2, tile_h = 4, tile_w = 4, tile_ci = 4, tile_co = 4;
    static const unsigned max_kernel = 3, max_out_c = 8;
    static const bool double_buffer = false;
    typedef typename NUM::act_t act_t;
    typedef typename NUM::weight_t weight_t;
    typedef typename NUM::accum_t accum_t;
    typedef typename NUM::grad_t grad_t;
    typedef typename NUM::grad_accum_t grad_accum_t;
};
template <class NUM> struct fc_engine : engine<NUM> { static const unsigned tile = 16; };

template <class NUM> struct conv_layer : engine<NUM> {
    static const bool relu = true, pool = false;
    static const int grad_shift = 0;
};
template <class NUM> struct conv1_config : conv_layer<NUM> {
    static const unsigned in_c = 3, out_c = 6, height = 13, width = 11, kernel = 3, stride = 2;
    static const unsigned pad_top = 1, pad_left = 1, pad_bottom = 1, pad_right = 1;
    static const bool store_relu_mask = true;
};
template <class NUM> struct conv2_config : conv_layer<NUM> {
    static const unsigned in_c = 6, out_c = 8, height = 7, width = 6, kernel = 3, stride = 1;
    static const unsigned pad_top = 1, pad_left = 0, pad_bottom = 0, pad_right = 1;
    static const bool store_relu_mask = false;
};
template <class NUM> struct conv3_config : conv_layer<NUM> {
    static const unsigned in_c = 8, out_c = 8, height = 6, width = 5, kernel = 1, stride = 2;
    static const bool store_relu_mask = true;
};
template <class NUM> struct conv4_config : conv_layer<NUM> {
    static const unsigned in_c = 8, out_c = 6, height = 3, width = 3, kernel = 3, stride = 1;
    static const unsigned pad_top = 1, pad_left = 0, pad_bottom = 1, pad_right = 0;
    static const bool store_relu_mask = false;
};
template <class NUM> struct fc_config : fc_engine<NUM> {
    static const unsigned n_in = 18, n_out = 4;
    static const bool relu = false, store_relu_mask = false;
    static const int grad_shift = 0;
};

static const unsigned input_size = 3 * 13 * 11, n_classes = 4;
typedef numerics<float> shape_only;
template <template <class> class C> constexpr unsigned out_size() { return xai::conv2d_shape<C<shape_only>>::out_size; }
static_assert(out_size<conv1_config>() == 6 * 7 * 6 && out_size<conv2_config>() == 8 * 6 * 5 &&
                  out_size<conv3_config>() == 8 * 3 * 3 && out_size<conv4_config>() == 6 * 3 * 1,
              "grid_net: the shapes of make_reference_vectors.py's grid_layers");
static const unsigned w_conv1 = 0;
static const unsigned w_conv2 = w_conv1 + xai::conv2d_shape<conv1_config<shape_only>>::param_count;
static const unsigned w_conv3 = w_conv2 + xai::conv2d_shape<conv2_config<shape_only>>::param_count;
static const unsigned w_conv4 = w_conv3 + xai::conv2d_shape<conv3_config<shape_only>>::param_count;
static const unsigned w_fc = w_conv4 + xai::conv2d_shape<conv4_config<shape_only>>::param_count;
static const unsigned weight_image_size = w_fc + xai::dense_shape<fc_config<shape_only>>::param_count;
static const unsigned a_input = 0, a_conv1 = input_size, a_conv2 = a_conv1 + 252, a_conv3 = a_conv2 + 240,
                      a_conv4 = a_conv3 + 72, a_fc = a_conv4 + 18, act_arena_size = a_fc + n_classes;
static const unsigned g_logits = 0, g_conv4 = 4, g_conv3 = g_conv4 + 18, g_conv2 = g_conv3 + 72,
                      g_conv1 = g_conv2 + 240, g_input = g_conv1 + 252, grad_arena_size = g_input + input_size;
static const unsigned m_conv1 = 0, m_conv3 = 252;

struct fp_state {
    xai::pool_index_t pools[1];
    bool masks[252 + 72];
};

static const unsigned n_layers = 5;
template <class NUM> struct network {
    static const xai::layer_desc layers[n_layers];
};
template <class NUM>
const xai::layer_desc network<NUM>::layers[n_layers] = {
    xai::conv_desc<conv1_config<NUM>>({w_conv1, a_input, a_conv1, g_input, g_conv1, 0, m_conv1}),
    xai::conv_desc<conv2_config<NUM>>({w_conv2, a_conv1, a_conv2, g_conv1, g_conv2, 0, 0}),
    xai::conv_desc<conv3_config<NUM>>({w_conv3, a_conv2, a_conv3, g_conv2, g_conv3, 0, m_conv3}),
    xai::conv_desc<conv4_config<NUM>>({w_conv4, a_conv3, a_conv4, g_conv3, g_conv4, 0, 0}),
    xai::dense_desc<fc_config<NUM>>({w_fc, a_conv4, a_fc, g_conv4, g_logits, 0, 0}),
};

template <class NUM, class METHOD>
unsigned run(const typename NUM::act_t* image, const typename NUM::weight_t* weights, typename NUM::act_t* act,
             typename NUM::grad_t* grad, typename NUM::grad_t* relevance, typename NUM::act_t* logits, int target,
             bool run_bp, fp_state& st, xai::pass_control ctl = xai::full_pass) {
    return xai::network_run<engine<NUM>, fc_engine<NUM>, METHOD, true, n_layers, n_classes, input_size,
                            NUM::grad_exp(n_layers)>(network<NUM>::layers, image, weights, act, grad, relevance,
                                                     logits, target, run_bp, st.pools, st.masks, nullptr, ctl);
}

} // namespace grid_net

#endif
