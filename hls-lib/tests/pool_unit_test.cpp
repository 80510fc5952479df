// The pool unit (max pools the conv store cannot fuse: kernel 2 or 3, stride 2, padding) against a
// direct double reference written from PyTorch's definition: -inf padding, the first maximum in
// row-major order wins, BP sums the gradients of every window an input wins. Odd shapes, ties,
// asymmetric pads, a forked input (grad_accumulate), finite differences, the 16-bit build, and the
// cycle model's trip counts.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "xai/engine_cycles.h"
#include "xai/fixed.h"
#include "xai/pool_unit.h"
#include "support/test_configs.h"

using namespace xai_test;

namespace {

struct Shape {
    unsigned c, h, w, k, top, left, bottom, right;
    unsigned oh() const { return (h + top + bottom - k) / 2 + 1; }
    unsigned ow() const { return (w + left + right - k) / 2 + 1; }
};

/// Reference FP: out and, per output, the map index of its winner.
Vec ref_pool(const Vec& x, const Shape& s, std::vector<unsigned>& winner) {
    Vec out;
    winner.clear();
    for (unsigned c = 0; c < s.c; c++)
        for (unsigned oy = 0; oy < s.oh(); oy++)
            for (unsigned ox = 0; ox < s.ow(); ox++) {
                double best = -std::numeric_limits<double>::infinity();
                unsigned at = 0;
                for (unsigned ky = 0; ky < s.k; ky++)
                    for (unsigned kx = 0; kx < s.k; kx++) {
                        const int y = int(2 * oy + ky) - int(s.top), x2 = int(2 * ox + kx) - int(s.left);
                        if (y < 0 || x2 < 0 || y >= int(s.h) || x2 >= int(s.w)) continue; // -inf
                        const unsigned i = (c * s.h + unsigned(y)) * s.w + unsigned(x2);
                        if (x[i] > best) {
                            best = x[i];
                            at = i;
                        }
                    }
                out.push_back(best);
                winner.push_back(at);
            }
    return out;
}

/// Reference BP: every window's gradient added at its winner.
Vec ref_unpool(const Vec& g, const std::vector<unsigned>& winner, size_t n_in, const Vec& already) {
    Vec gi = already.empty() ? Vec(n_in, 0.0) : already;
    for (size_t o = 0; o < g.size(); o++) gi[winner[o]] += g[o];
    return gi;
}

struct DoubleEngine : DoubleTypes {};
struct FixedEngine {
    typedef xai::fixed_t<16, 1> weight_t; // engine_ports names it; the unit reads no weight
    typedef xai::fixed_t<16, 4> act_t;
    typedef xai::fixed_t<16, 4> grad_t;
    typedef xai::fixed_t<40, 16> grad_accum_t;
};
/// The SDK's default formats: <16,2> activations, <16,1> weights and gradients, 48-bit sums.
struct Sdk16 {
    typedef xai::fixed<16, 1, xai::AP_RND, xai::AP_SAT> grad_t;
    typedef xai::fixed<16, 2, xai::AP_RND, xai::AP_SAT> act_t;
    typedef xai::fixed<16, 1, xai::AP_RND, xai::AP_SAT> weight_t;
    typedef xai::fixed<48, 19> grad_accum_t;
};
struct Stem {
    static const unsigned channels = 8, in_h = 16, in_w = 16, kernel = 3;
    static const unsigned pad_top = 1, pad_left = 1, pad_bottom = 1, pad_right = 1;
    static const int grad_shift = -1;
    typedef FixedEngine::grad_accum_t grad_accum_t;
};
struct Unit16 {
    static const unsigned max_h = 16, max_w = 16;
};

xai::layer_desc desc_of(const Shape& s, unsigned act_out, unsigned grad_out, bool accumulate) {
    xai::layer_desc d{};
    d.pool_unit = true;
    d.in_c = d.out_c = s.c;
    d.height = s.h;
    d.width = s.w;
    d.kernel = s.k;
    d.stride = 2;
    d.act_in = 0;
    d.act_out = act_out;
    d.grad_in = 0;
    d.grad_out = grad_out;
    d.grad_accumulate = accumulate;
    d.pool_pad_top = s.top;
    d.pool_pad_left = s.left;
    d.pool_out_h = s.oh();
    d.pool_out_w = s.ow();
    return d;
}

/// Runs FP and BP on the unit through one activation and one gradient arena, as network_run does.
template <class E>
void run_unit(const Shape& s, const std::vector<typename E::act_t>& x, const std::vector<typename E::grad_t>& g,
              const std::vector<typename E::grad_t>* already, std::vector<typename E::act_t>& y,
              std::vector<typename E::grad_t>& gi, int grad_shift = 0) {
    const unsigned n_in = s.c * s.h * s.w, n_out = s.c * s.oh() * s.ow();
    std::vector<typename E::act_t> act(n_in + n_out);
    std::vector<typename E::grad_t> grad(n_in + n_out);
    for (unsigned i = 0; i < n_in; i++) act[i] = x[i];
    for (unsigned o = 0; o < n_out; o++) grad[n_in + o] = g[o];
    if (already)
        for (unsigned i = 0; i < n_in; i++) grad[i] = (*already)[i];
    xai::layer_desc d = desc_of(s, n_in, n_in, already != nullptr);
    d.grad_shift = grad_shift;
    const xai::engine_ports<E> p = {nullptr, act.data(), act.data(), grad.data(), grad.data(), nullptr, nullptr, nullptr};
    static xai::pool_unit_buffers<E, Unit16> b; // large for the stack in the 16-bit build
    xai::pool_unit<E, Unit16, true>(d, false, p, b);
    xai::pool_unit<E, Unit16, true>(d, true, p, b);
    y.assign(act.begin() + n_in, act.end());
    gi.assign(grad.begin(), grad.begin() + n_in);
}

void check(const Shape& s, uint64_t seed, bool ties, bool accumulate, int grad_shift = 0) {
    const unsigned n_in = s.c * s.h * s.w, n_out = s.c * s.oh() * s.ow();
    Vec x = random_vec(seed, n_in);
    // Ties and a ReLU's zeros: a few levels, half of them zero, so all-zero windows meet the padding.
    if (ties)
        for (double& v : x) v = std::max(0.0, double(int(v * 2.0)) / 2.0);
    const Vec g = random_vec(seed + 1, n_out);
    const Vec already = accumulate ? random_vec(seed + 2, n_in) : Vec();
    std::vector<unsigned> winner;
    const Vec ref_y = ref_pool(x, s, winner);
    // The sums rescaled by 2^grad_shift; a forked input's earlier share is already in the input's format.
    Vec scaled = g;
    for (double& v : scaled) v = std::ldexp(v, grad_shift);
    const Vec ref_gi = ref_unpool(scaled, winner, n_in, already);
    Vec y, gi;
    run_unit<DoubleEngine>(s, x, g, accumulate ? &already : nullptr, y, gi, grad_shift);
    EXPECT_EQ(y, ref_y);
    EXPECT_EQ(gi, ref_gi);
}

TEST(PoolUnit, ResNetStemPoolOnAnOddMap) { check({3, 9, 7, 3, 1, 1, 1, 1}, 11, false, false); }
TEST(PoolUnit, ResNetStemPoolTiesAndZerosAtThePadding) { check({4, 9, 7, 3, 1, 1, 1, 1}, 12, true, false); }
TEST(PoolUnit, Kernel3WithoutPadding) { check({2, 8, 10, 3, 0, 0, 0, 0}, 13, true, false); }
TEST(PoolUnit, Kernel3AsymmetricPads) { check({2, 8, 9, 3, 1, 0, 0, 1}, 14, true, false); }
TEST(PoolUnit, Kernel2OddMapFloors) { check({2, 7, 9, 2, 0, 0, 0, 0}, 15, true, false); }
TEST(PoolUnit, Kernel2PaddedTopLeft) { check({2, 6, 5, 2, 1, 1, 0, 0}, 16, true, false); }
TEST(PoolUnit, ForkedInputAddsToTheGradientAlreadyThere) { check({3, 9, 7, 3, 1, 1, 1, 1}, 17, true, true); }
TEST(PoolUnit, GradientShiftRescalesTheSums) { check({3, 9, 7, 3, 1, 1, 1, 1}, 19, true, false, -2); }
TEST(PoolUnit, GradientShiftLeavesAForkedInputsShareAsItWas) { check({3, 9, 7, 3, 1, 1, 1, 1}, 20, true, true, -1); }
TEST(PoolUnit, LargestMapOfTheUnit) { check({2, 16, 16, 3, 1, 1, 1, 1}, 18, false, false); }

// An all-zero window at the border: the padding (-inf) never wins, the first element of the map does.
TEST(PoolUnit, PaddingNeverWinsAnAllZeroWindow) {
    const Shape s{1, 4, 4, 3, 1, 1, 1, 1};
    const Vec x(16, 0.0), g{1.0, 2.0, 3.0, 4.0};
    Vec y, gi;
    run_unit<DoubleEngine>(s, x, g, nullptr, y, gi);
    EXPECT_EQ(y, Vec(4, 0.0));
    // windows (rows -1..1, cols -1..1) -> (0,0); (-1..1, 1..3) -> (0,1); (1..3, -1..1) -> (1,0); (1..3, 1..3) -> (1,1)
    Vec expected(16, 0.0);
    expected[0] = 1.0;
    expected[1] = 2.0;
    expected[4] = 3.0;
    expected[5] = 4.0;
    EXPECT_EQ(gi, expected);
}

// BP is the gradient of <g, FP(x)>: central differences at distinct values (the pool is piecewise linear).
TEST(PoolUnit, BackwardIsTheGradientOfForward) {
    const Shape s{2, 7, 9, 3, 1, 1, 1, 1};
    const unsigned n_in = s.c * s.h * s.w;
    const Vec x = random_vec(21, n_in), g = random_vec(22, s.c * s.oh() * s.ow());
    Vec y, gi;
    run_unit<DoubleEngine>(s, x, g, nullptr, y, gi);
    const double eps = 1e-7;
    for (unsigned i = 0; i < n_in; i += 5) {
        Vec xp = x, xm = x, yp, ym, unused;
        xp[i] += eps;
        xm[i] -= eps;
        run_unit<DoubleEngine>(s, xp, g, nullptr, yp, unused);
        run_unit<DoubleEngine>(s, xm, g, nullptr, ym, unused);
        EXPECT_NEAR((dot(g, yp) - dot(g, ym)) / (2 * eps), gi[i], 1e-6) << "input " << i;
    }
}

// The 16-bit build: a max is exact and the sums of two or four gradients of one format are exact in
// grad_accum_t, so the unit gives the double reference's values bit for bit.
TEST(PoolUnit, SixteenBitBuildIsExact) {
    typedef FixedEngine::act_t d16;
    const Shape s{3, 9, 7, 3, 1, 1, 1, 1};
    const unsigned n_in = s.c * s.h * s.w, n_out = s.c * s.oh() * s.ow();
    Vec x = random_vec(31, n_in, 0.0, 4.0), g = random_vec(32, n_out, -2.0, 2.0);
    for (double& v : x) v = double(d16(v));
    for (double& v : g) v = double(d16(v));
    std::vector<unsigned> winner;
    const Vec ref_y = ref_pool(x, s, winner), ref_gi = ref_unpool(g, winner, n_in, Vec());
    std::vector<d16> y, gi;
    run_unit<FixedEngine>(s, cast_vec<d16>(x), cast_vec<d16>(g), nullptr, y, gi);
    EXPECT_EQ(to_dvec(y), ref_y);
    EXPECT_EQ(to_dvec(gi), ref_gi);
}

// The SDK's gradient format <16,1> cannot hold 2^1: a forked input's earlier share must reach the sums' scale
// in grad_accum_t (a review found it saturating at ~1 when scaled in grad_t). One rounding, at the store.
TEST(PoolUnit, SixteenBitForkedInputWithAShiftKeepsTheEarlierShare) {
    typedef Sdk16::grad_t g16;
    typedef Sdk16::act_t a16;
    const Shape s{2, 9, 7, 3, 1, 1, 1, 1};
    const unsigned n_in = s.c * s.h * s.w, n_out = s.c * s.oh() * s.ow();
    Vec x = random_vec(51, n_in, 0.0, 1.5), g = random_vec(52, n_out, -0.25, 0.25), already = random_vec(53, n_in, -0.9, 0.9);
    for (double& v : x) v = double(a16(v));
    for (double& v : g) v = double(g16(v));
    for (double& v : already) v = double(g16(v));
    std::vector<unsigned> winner;
    ref_pool(x, s, winner);
    Vec sums(n_in, 0.0);
    for (unsigned o = 0; o < n_out; o++) sums[winner[o]] += g[o];
    Vec expected(n_in);
    for (unsigned i = 0; i < n_in; i++) expected[i] = double(g16(already[i] + std::ldexp(sums[i], -1)));
    const std::vector<g16> share = cast_vec<g16>(already);
    std::vector<a16> y;
    std::vector<g16> gi;
    run_unit<Sdk16>(s, cast_vec<a16>(x), cast_vec<g16>(g), &share, y, gi, -1);
    EXPECT_EQ(to_dvec(gi), expected);
    // Not vacuous: an earlier share near 1 is twice what <16,1> holds once brought to the sums' scale.
    EXPECT_GT(std::count_if(already.begin(), already.end(), [](double v) { return std::fabs(v) > 0.5; }), 10);
}

// The cycle model counts what the unit's loops do: per channel the map, the scan of every window
// element, the store; BP also the gradient's span and grad_in cleared.
TEST(PoolUnit, CycleModelTripCounts) {
    const Shape s{5, 9, 7, 3, 1, 1, 1, 1};
    const xai::layer_desc d = desc_of(s, 0, 0, false);
    using namespace xai::cycle_model;
    const cycle_count fp = pool_unit_cycles(d, false, 1), bp = pool_unit_cycles(d, true, 1);
    EXPECT_EQ(fp.input, 5u * 63);
    EXPECT_EQ(fp.window, 5u * 5 * 4 * 9);
    EXPECT_EQ(fp.store, 5u * 5 * 4);
    EXPECT_EQ(fp.dram_loops, 10u);
    EXPECT_EQ(fp.lanes, 0u);
    EXPECT_EQ(bp.pooled, 5u * 20);
    EXPECT_EQ(bp.clear, 5u * 63);
    EXPECT_EQ(bp.store, 5u * 63);
    EXPECT_EQ(bp.dram_loops, 15u);
    // FP cycles: per channel a read loop of 63, the scan, a write loop of 20, one control iteration.
    const count_t per_channel = read_loop(63, 1) + pipelined_loop(180, onchip_loop_depth) + write_loop(20, 1) + 1;
    EXPECT_EQ(fp.total(), 5 * per_channel);
    // Packed ports shorten the DRAM loops only.
    EXPECT_LT(pool_unit_cycles(d, false, 4).memory, fp.memory);
    EXPECT_EQ(pool_unit_cycles(d, false, 4).setup, fp.setup);
}

TEST(PoolUnit, DescriptorFromALayerConfiguration) {
    constexpr xai::layer_desc d = xai::pool_desc<Stem, Unit16>(xai::layer_place{0, 10, 20, 30, 40, 0, 0});
    static_assert(d.pool_unit && !d.conv && d.pool_out_h == 8 && d.pool_out_w == 8, "stem: 16x16 -> 8x8");
    EXPECT_EQ(d.act_in, 10u);
    EXPECT_EQ(d.act_out, 20u);
    EXPECT_EQ(d.grad_in, 30u);
    EXPECT_EQ(d.grad_out, 40u);
    EXPECT_EQ(d.grad_shift, -1);
    EXPECT_EQ(xai::max_pool_out(7, 2, 0, 0), 3u);
    EXPECT_EQ(xai::max_pool_out(6, 2, 1, 1), 4u);
}

} // namespace
