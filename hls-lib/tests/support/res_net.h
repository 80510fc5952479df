// The residual test network (tests/reference/make_reference_vectors.py, ResBlocks), written the way
// the SDK generates tops (cf. odd_net.h), with ResNet-8's two kinds of block:
//   input [3,9,10], stem conv3x3 (3->4) ReLU -> a_stem [4,9,10];
//   identity block: conv3x3 ReLU, conv3x3 + a_stem, ReLU -> a_b1c2;
//   projection block: conv3x3 stride 2 (4->8) ReLU -> [8,5,5], skip conv1x1 stride 2 (4->8) of a_b1c2,
//   conv3x3 (8->8) + skip, ReLU -> [8,5,5]; flatten 200, FC 200->5. Weight seed 17.
// Layers run in that order (the skip convolution after the main branch's first convolution), so in
// BP the later consumer of a forked tensor writes its gradient and the earlier one adds to it.
#ifndef XAI_TESTS_RES_NET_H
#define XAI_TESTS_RES_NET_H

#include "xai/network.h"
#include "odd_net.h"

namespace res_net {

/// Number types with an activation and a gradient exponent per tensor (value stored = true * 2^exp):
/// 0 = input, 1 stem, 2 b1c1, 3 b1c2, 4 b2c1, 5 b2skip, 6 b2c2, 7 logits; all 0 here. DOUBLE_BUFFER:
/// the engine's loads overlap its core.
template <class T, bool DOUBLE_BUFFER = false> struct numerics {
    static const bool double_buffer = DOUBLE_BUFFER;
    typedef T act_t;
    typedef T weight_t;
    typedef T accum_t;
    typedef T grad_t;
    typedef T grad_accum_t;
    static constexpr int act_exp(unsigned) { return 0; }
    static constexpr int grad_exp(unsigned) { return 0; }
};

/// 2x2 MACs, 4x4 tiles of 4 channels, kernels up to 3, 8 channels; the residual paths compiled in.
template <class NUM> struct engine {
    static const unsigned n_oh = 2, n_ow = 2, tile_h = 4, tile_w = 4, tile_ci = 4, tile_co = 4;
    static const unsigned max_kernel = 3, max_out_c = 8;
    static const bool double_buffer = NUM::double_buffer, residual_paths = true;
    typedef typename NUM::act_t act_t;
    typedef typename NUM::weight_t weight_t;
    typedef typename NUM::accum_t accum_t;
    typedef typename NUM::grad_t grad_t;
    typedef typename NUM::grad_accum_t grad_accum_t;
};
template <class NUM> struct fc_engine : engine<NUM> { static const unsigned tile = 16; };

/// A layer between tensors IN and OUT (NUM's indices): its shifts as the SDK writes them.
template <class NUM, unsigned IN, unsigned OUT> struct between : engine<NUM> {
    static const int act_in_exp = NUM::act_exp(IN), act_shift = NUM::act_exp(OUT) - NUM::act_exp(IN);
    static const int grad_shift = NUM::grad_exp(IN) - NUM::grad_exp(OUT);
};
template <class NUM, unsigned IN, unsigned OUT> struct conv_layer : between<NUM, IN, OUT> {
    static const bool relu = true, pool = false, store_relu_mask = false;
};
/// ... whose store adds tensor SKIP (the residual join).
template <class NUM, unsigned IN, unsigned OUT, unsigned SKIP> struct join_layer : conv_layer<NUM, IN, OUT> {
    static const bool residual = true;
    static const int res_shift = NUM::act_exp(OUT) - NUM::act_exp(SKIP);
    static const int res_grad_shift = NUM::grad_exp(SKIP) - NUM::grad_exp(OUT);
};
template <class NUM> struct stem_config : conv_layer<NUM, 0, 1> {
    static const unsigned in_c = 3, out_c = 4, height = 9, width = 10, kernel = 3;
};
template <class NUM> struct b1c1_config : conv_layer<NUM, 1, 2> {
    static const unsigned in_c = 4, out_c = 4, height = 9, width = 10, kernel = 3;
};
template <class NUM> struct b1c2_config : join_layer<NUM, 2, 3, 1> {
    static const unsigned in_c = 4, out_c = 4, height = 9, width = 10, kernel = 3;
};
template <class NUM> struct b2c1_config : conv_layer<NUM, 3, 4> {
    static const unsigned in_c = 4, out_c = 8, height = 9, width = 10, kernel = 3, stride = 2;
    static const unsigned pad_top = 1, pad_left = 1, pad_bottom = 1, pad_right = 1;
};
template <class NUM> struct b2skip_config : conv_layer<NUM, 3, 5> {
    static const unsigned in_c = 4, out_c = 8, height = 9, width = 10, kernel = 1, stride = 2;
    static const bool relu = false;
};
template <class NUM> struct b2c2_config : join_layer<NUM, 4, 6, 5> {
    static const unsigned in_c = 8, out_c = 8, height = 5, width = 5, kernel = 3;
};
template <class NUM> struct fc_config : fc_engine<NUM> {
    static const unsigned n_in = 200, n_out = 5;
    static const bool relu = false, store_relu_mask = false;
    static const int act_in_exp = NUM::act_exp(6), act_shift = NUM::act_exp(7) - NUM::act_exp(6);
    static const int grad_shift = NUM::grad_exp(6) - NUM::grad_exp(7);
};

static const unsigned input_size = 3 * 9 * 10, n_classes = 5;
typedef numerics<float> shape_only;
template <template <class> class C> constexpr unsigned params() { return xai::conv2d_shape<C<shape_only>>::param_count; }
static const unsigned w_stem = 0, w_b1c1 = w_stem + params<stem_config>(), w_b1c2 = w_b1c1 + params<b1c1_config>(),
                      w_b2c1 = w_b1c2 + params<b1c2_config>(), w_b2skip = w_b2c1 + params<b2c1_config>(),
                      w_b2c2 = w_b2skip + params<b2skip_config>(), w_fc = w_b2c2 + params<b2c2_config>(),
                      weight_image_size = w_fc + 200 * 5 + 5;
static_assert(weight_image_size == 2333, "res_net: the parameter count of make_reference_vectors.py's ResBlocks");
static const unsigned a_input = 0, a_stem = input_size, a_b1c1 = a_stem + 360, a_b1c2 = a_b1c1 + 360,
                      a_b2c1 = a_b1c2 + 360, a_b2skip = a_b2c1 + 200, a_b2c2 = a_b2skip + 200, a_fc = a_b2c2 + 200,
                      act_arena_size = a_fc + n_classes;
static const unsigned g_logits = 0, g_b2c2 = 5, g_b2skip = g_b2c2 + 200, g_b2c1 = g_b2skip + 200,
                      g_b1c2 = g_b2c1 + 200, g_b1c1 = g_b1c2 + 360, g_stem = g_b1c1 + 360, g_input = g_stem + 360,
                      grad_arena_size = g_input + input_size;

struct fp_state {
    xai::pool_index_t pools[1];
    bool masks[1];
};

static const unsigned n_layers = 7;
template <class NUM> struct network {
    static const xai::layer_desc layers[n_layers];
};
template <class NUM>
const xai::layer_desc network<NUM>::layers[n_layers] = {
    //                                  params, act_in, act_out, grad_in, grad_out, pool, mask, res_at, res_grad_at, accumulate
    xai::conv_desc<stem_config<NUM>>({w_stem, a_input, a_stem, g_input, g_stem, 0, 0}),
    xai::conv_desc<b1c1_config<NUM>>({w_b1c1, a_stem, a_b1c1, g_stem, g_b1c1, 0, 0, 0, 0, true}),
    xai::conv_desc<b1c2_config<NUM>>({w_b1c2, a_b1c1, a_b1c2, g_b1c1, g_b1c2, 0, 0, a_stem, g_stem}),
    xai::conv_desc<b2c1_config<NUM>>({w_b2c1, a_b1c2, a_b2c1, g_b1c2, g_b2c1, 0, 0, 0, 0, true}),
    xai::conv_desc<b2skip_config<NUM>>({w_b2skip, a_b1c2, a_b2skip, g_b1c2, g_b2skip, 0, 0}),
    xai::conv_desc<b2c2_config<NUM>>({w_b2c2, a_b2c1, a_b2c2, g_b2c1, g_b2c2, 0, 0, a_b2skip, g_b2skip}),
    xai::dense_desc<fc_config<NUM>>({w_fc, a_b2c2, a_fc, g_b2c2, g_logits, 0, 0}),
};

template <class NUM, class METHOD>
unsigned run(const typename NUM::act_t* image, const typename NUM::weight_t* weights, typename NUM::act_t* act,
             typename NUM::grad_t* grad, typename NUM::grad_t* relevance, typename NUM::act_t* logits, int target,
             bool run_bp, fp_state& st, xai::pass_control ctl = xai::full_pass) {
    return xai::network_run<engine<NUM>, fc_engine<NUM>, METHOD, true, n_layers, n_classes, input_size,
                            NUM::grad_exp(n_layers)>(network<NUM>::layers, image, weights, act, grad, relevance,
                                                     logits, target, run_bp, st.pools, st.masks, nullptr, ctl);
}

} // namespace res_net

#endif
