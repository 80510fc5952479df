// Max-pool 2x2/2 with 2-bit index: first maximum wins, odd H/W floor, unpool routing.
#include <gtest/gtest.h>

#include "xai/maxpool.h"
#include "support/test_configs.h"

using namespace xai_test;

namespace {

template <unsigned C, unsigned H, unsigned W> struct PoolCfg {
    static const unsigned channels = C, in_h = H, in_w = W;
    typedef double act_t;
    typedef double grad_t;
};

template <unsigned C, unsigned H, unsigned W> void check(uint64_t seed) {
    typedef PoolCfg<C, H, W> CFG;
    const unsigned n_out = C * (H / 2) * (W / 2);
    Vec x = random_vec(seed, C * H * W);
    // Quantise to a few levels so that ties are frequent.
    for (double& v : x) v = double(int(v * 2.0)) / 2.0;
    Vec y(n_out), g = random_vec(seed + 1, n_out), gi(C * H * W, 7.0);
    std::vector<xai::pool_index_t> idx(n_out);
    std::vector<int> ref_idx;
    xai::maxpool2d_fp<CFG>(x.data(), y.data(), idx.data());
    EXPECT_EQ(y, ref_pool(x, C, H, W, &ref_idx));
    for (unsigned i = 0; i < n_out; i++) ASSERT_EQ(int(idx[i]), ref_idx[i]);
    xai::maxpool2d_bp<CFG>(g.data(), idx.data(), gi.data());
    EXPECT_EQ(gi, ref_unpool(g, ref_idx, C, H, W));
}

TEST(MaxPool, EvenShape) { check<3, 8, 6>(1); }
TEST(MaxPool, OddShapeFloors) { check<5, 7, 9>(2); }
TEST(MaxPool, PaperShape) { check<32, 32, 32>(3); }

TEST(MaxPool, TiesGoToFirstMaximumInRowMajorOrder) {
    xai::pool_index_t k;
    EXPECT_EQ(xai::pool2x2_select(0.0, 0.0, 0.0, 0.0, k), 0.0);
    EXPECT_EQ(int(k), 0);
    xai::pool2x2_select(1.0, 3.0, 2.0, 3.0, k);
    EXPECT_EQ(int(k), 1);
    xai::pool2x2_select(-1.0, -3.0, 2.0, 2.0, k);
    EXPECT_EQ(int(k), 2);
    xai::pool2x2_select(-1.0, -3.0, -2.0, 0.5, k);
    EXPECT_EQ(int(k), 3);
}

} // namespace
