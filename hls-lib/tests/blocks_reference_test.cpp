// The blocks added for ResNet-8 / DS-CNN style networks, composed as in
// tests/reference/make_block_vectors.py (average pool 3x3/2 pad 1, ReLU6 branch joined to its
// skip by an add with a ReLU, average pool 2x2/1 pad 1 without the pads in the divisor, global
// average pool) and checked against PyTorch's float64 logits and Captum-semantics relevance
// for all three methods.
#include <gtest/gtest.h>

#include <string>

#include "xai/avgpool.h"
#include "xai/relu6.h"
#include "xai/residual_add.h"
#include "support/npy.h"
#include "support/test_configs.h"

using namespace xai_test;

namespace {

struct Pool1 {
    static const unsigned channels = 3, in_h = 11, in_w = 13, kernel = 3, stride = 2;
    static const unsigned pad_top = 1, pad_left = 1, pad_bottom = 1, pad_right = 1;
    static const bool count_include_pad = true;
    typedef double act_t;
    typedef double grad_t;
    typedef double accum_t;
};
typedef xai::avgpool_shape<Pool1> P1;
struct Pool2 {
    static const unsigned channels = 3, in_h = P1::out_h, in_w = P1::out_w, kernel = 2, stride = 1;
    static const unsigned pad_top = 1, pad_left = 1, pad_bottom = 1, pad_right = 1;
    static const bool count_include_pad = false;
    typedef double act_t;
    typedef double grad_t;
    typedef double accum_t;
};
typedef xai::avgpool_shape<Pool2> P2;
const unsigned n_in = 3 * 11 * 13, n_mid = 3 * P1::out_h * P1::out_w, n_tail = 3 * P2::out_h * P2::out_w;
struct Clip {
    static const unsigned n_elem = n_mid;
    static const int act_exp = 0;
    static const bool store_clip_mask = true;
    typedef double act_t;
    typedef double grad_t;
};
struct Join {
    static const unsigned n_elem = n_mid;
    static const bool relu = true, store_relu_mask = false;
    static const int a_shift = 0, b_shift = 0, grad_a_shift = 0, grad_b_shift = 0;
    typedef double act_t;
    typedef double grad_t;
    typedef double accum_t;
};
struct Fork {
    static const unsigned n_elem = n_mid;
    static const int main_shift = 0, skip_shift = 0;
    typedef double grad_t;
    typedef double accum_t;
};
struct Head {
    static const unsigned channels = 3, in_h = P2::out_h, in_w = P2::out_w;
    typedef double act_t;
    typedef double grad_t;
    typedef double accum_t;
};

std::string reference_file(const std::string& name) { return std::string(XAI_TEST_DATA_DIR) + "/reference/blocks/" + name; }

Vec as_vec(const NpyArray& a) { return Vec(a.f32.begin(), a.f32.end()); }

template <class METHOD> void check(const char* method) {
    for (unsigned k = 0; k < 4; k++) {
        const Vec x = as_vec(read_npy(reference_file("input_" + std::to_string(k) + ".npy")));
        ASSERT_EQ(x.size(), n_in);
        // FP
        Vec a(n_mid), c(n_mid), s(n_mid), t(n_tail), logits(3);
        Bits clip_mask(n_mid);
        xai::avgpool2d_fp<Pool1>(x.data(), a.data());
        xai::relu6_fp<Clip, METHOD>(a.data(), c.data(), clip_mask.data());
        xai::residual_add_fp<Join, METHOD>(c.data(), a.data(), s.data(), nullptr);
        xai::avgpool2d_fp<Pool2>(s.data(), t.data());
        xai::global_avgpool_fp<Head>(t.data(), logits.data());
        const Vec want_logits = as_vec(read_npy(reference_file("logits_" + std::to_string(k) + ".npy")));
        EXPECT_LT(rel_max_err(logits, want_logits), 1e-6) << "image " << k;
        const int target = int(read_npy(reference_file("target_" + std::to_string(k) + ".npy")).i64.at(0));
        // BP from 1 at the target logit.
        Vec seed(3, 0.0), gt(n_tail), gs(n_mid), g_main(n_mid), g_skip(n_mid), g_clip(n_mid), ga(n_mid), relevance(n_in);
        seed[target] = 1.0;
        xai::global_avgpool_bp<Head>(seed.data(), gt.data());
        xai::avgpool2d_bp<Pool2>(gt.data(), gs.data());
        xai::residual_add_bp<Join, METHOD>(gs.data(), nullptr, s.data(), g_main.data(), g_skip.data());
        xai::relu6_bp<Clip, METHOD>(g_main.data(), clip_mask.data(), nullptr, g_clip.data());
        xai::residual_fork_bp<Fork>(g_clip.data(), g_skip.data(), ga.data());
        xai::avgpool2d_bp<Pool1>(ga.data(), relevance.data());
        const Vec want = as_vec(read_npy(reference_file("relevance_" + std::to_string(k) + "." + method + ".npy")));
        ASSERT_EQ(want.size(), n_in);
        EXPECT_LT(rel_max_err(relevance, want), 1e-5) << method << ", image " << k;
    }
}

TEST(BlocksAgainstPyTorch, Saliency) { check<xai::Saliency>("Saliency"); }
TEST(BlocksAgainstPyTorch, DeconvNet) { check<xai::DeconvNet>("DeconvNet"); }
TEST(BlocksAgainstPyTorch, GuidedBackprop) { check<xai::GuidedBackprop>("GuidedBackprop"); }

} // namespace
