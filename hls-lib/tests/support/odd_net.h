// The small odd test network, written the way the SDK generates tops (cf. table3_top.h):
//   input [3,10,14], conv5x5(3->5) ReLU, maxpool2 -> [5,5,7], conv3x3(5->7) ReLU,
//   maxpool2 -> [7,2,3], flatten 42, FC 42->9 ReLU, FC 9->4. Weight seed 7.
#ifndef XAI_TESTS_ODD_NET_H
#define XAI_TESTS_ODD_NET_H

#include "xai/network.h"

namespace odd_net {

template <class T> struct numerics {
    typedef T act_t;
    typedef T weight_t;
    typedef T accum_t;
    typedef T grad_t;
    typedef T grad_accum_t;
    static constexpr int grad_exp(unsigned) { return 0; }
};

template <class NUM> struct engine {
    static const unsigned n_oh = 2, n_ow = 4, tile_h = 4, tile_w = 8, tile_ci = 2, tile_co = 4;
    static const unsigned max_kernel = 5, max_out_c = 7;
    static const bool double_buffer = false;
    typedef typename NUM::act_t act_t;
    typedef typename NUM::weight_t weight_t;
    typedef typename NUM::accum_t accum_t;
    typedef typename NUM::grad_t grad_t;
    typedef typename NUM::grad_accum_t grad_accum_t;
};
template <class NUM> struct fc_engine : engine<NUM> { static const unsigned tile = 16; };

template <class NUM> struct conv1_config : engine<NUM> {
    static const unsigned in_c = 3, out_c = 5, height = 10, width = 14, kernel = 5;
    static const bool relu = true, pool = true, store_relu_mask = true;
    static const int grad_shift = 0;
};
template <class NUM> struct conv2_config : engine<NUM> {
    static const unsigned in_c = 5, out_c = 7, height = 5, width = 7, kernel = 3;
    static const bool relu = true, pool = true, store_relu_mask = false;
    static const int grad_shift = 0;
};
template <class NUM> struct fc1_config : fc_engine<NUM> {
    static const unsigned n_in = 42, n_out = 9;
    static const bool relu = true, store_relu_mask = false;
    static const int grad_shift = 0;
};
template <class NUM> struct fc2_config : fc_engine<NUM> {
    static const unsigned n_in = 9, n_out = 4;
    static const bool relu = false, store_relu_mask = false;
    static const int grad_shift = 0;
};

static const unsigned input_size = 3 * 10 * 14, n_classes = 4;
typedef numerics<float> shape_only;
static const unsigned w_conv1 = 0;
static const unsigned w_conv2 = w_conv1 + xai::conv2d_shape<conv1_config<shape_only>>::param_count;
static const unsigned w_fc1 = w_conv2 + xai::conv2d_shape<conv2_config<shape_only>>::param_count;
static const unsigned w_fc2 = w_fc1 + xai::dense_shape<fc1_config<shape_only>>::param_count;
static const unsigned weight_image_size = w_fc2 + xai::dense_shape<fc2_config<shape_only>>::param_count;
static const unsigned a_input = 0, a_conv1 = input_size, a_conv2 = a_conv1 + 5 * 5 * 7, a_fc1 = a_conv2 + 42,
                      a_fc2 = a_fc1 + 9, act_arena_size = a_fc2 + n_classes;
static const unsigned g_logits = 0, g_fc1 = 4, g_conv2 = g_fc1 + 9, g_conv1 = g_conv2 + 42,
                      g_input = g_conv1 + 5 * 5 * 7, grad_arena_size = g_input + input_size;
static const unsigned p_conv1 = 0, p_conv2 = 5 * 5 * 7, m_conv1 = 0;

struct fp_state {
    xai::pool_index_t pools[5 * 5 * 7 + 42];
    bool masks[5 * 5 * 7];
};

template <class NUM> struct network {
    static const xai::layer_desc layers[4];
};
template <class NUM>
const xai::layer_desc network<NUM>::layers[4] = {
    xai::conv_desc<conv1_config<NUM>>({w_conv1, a_input, a_conv1, g_input, g_conv1, p_conv1, m_conv1}),
    xai::conv_desc<conv2_config<NUM>>({w_conv2, a_conv1, a_conv2, g_conv1, g_conv2, p_conv2, 0}),
    xai::dense_desc<fc1_config<NUM>>({w_fc1, a_conv2, a_fc1, g_conv2, g_fc1, 0, 0}),
    xai::dense_desc<fc2_config<NUM>>({w_fc2, a_fc1, a_fc2, g_fc1, g_logits, 0, 0}),
};

template <class NUM, class METHOD>
unsigned run(const typename NUM::act_t* image, const typename NUM::weight_t* weights, typename NUM::act_t* act,
             typename NUM::grad_t* grad, typename NUM::grad_t* relevance, typename NUM::act_t* logits, int target,
             bool run_bp, fp_state& st, xai::pass_control ctl = xai::full_pass) {
    return xai::network_run<engine<NUM>, fc_engine<NUM>, METHOD, true, 4, n_classes, input_size, NUM::grad_exp(4)>(
        network<NUM>::layers, image, weights, act, grad, relevance, logits, target, run_bp, st.pools, st.masks, nullptr, ctl);
}

} // namespace odd_net

#endif
