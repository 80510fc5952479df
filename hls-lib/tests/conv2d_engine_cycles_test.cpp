// The cycle model (xai/engine_cycles.h) against the engines themselves.
//
// Independent count: the blocks run on a number type that counts what the engines do to it,
// through a specialization of xai::engine_words for that type (the engine headers are not
// touched). Each loop below calls exactly one engine_words function per iteration, so:
//   in()        = input loads (load_input_span, unpool, dense load_x / load_g)
//   weight()    = weight loads (load_w_fp, load_w_bp_run, dense_load_w_fp, dense_load_w_bp)
//   from_pass() = bias loads;  to_pass() = accumulator reads of the stores (4 per pooled output)
//   operator*   = MACs; in the XAI_HLS_LOOPS core, n_oh * n_ow per core_mac iteration
//   operator>   = in BP with DeconvNet and ReLU, one per gradient-row element read
//   T(int)      = in FP without ReLU or pool, in the XAI_HLS_LOOPS path, n_oh * n_ow per clear_input iteration
// Named conv2d_* so it also runs in the XAI_HLS_LOOPS binary, where the core, clear_input
// and init_acc are the synthesized loop nests (the core and clear checks run only there).
// What cannot be counted this way (init_acc trips, loop entries, the assumed constants) is
// checked on a case worked out by hand, and by monotonicity.
#include <gtest/gtest.h>

#include <vector>

#include "xai/conv2d.h"
#include "xai/dense.h"
#include "xai/engine_cycles.h"
#include "support/test_configs.h"

namespace {

using xai::cycle_model::count_t;

struct op_counts {
    count_t mul, in, weight, from_pass, to_pass, gt, int_ctor;
};
op_counts& counts() {
    static op_counts c;
    return c;
}

/// A double that counts the operations the engines perform on it.
struct tally {
    double v;
    tally() : v(0) {}
    explicit tally(double x) : v(x) {}
    explicit tally(int x) : v(x) { counts().int_ctor++; }
    tally& operator+=(const tally& o) {
        v += o.v;
        return *this;
    }
};
tally operator+(const tally& a, const tally& b) { return tally(a.v + b.v); }
tally operator*(const tally& a, const tally& b) {
    counts().mul++;
    return tally(a.v * b.v);
}
bool operator>(const tally& a, const tally& b) {
    counts().gt++;
    return a.v > b.v;
}

} // namespace

namespace xai {
/// The engine words of the counting type: the type itself, each conversion counted.
template <> struct engine_words<tally, tally, tally, tally, tally, false> {
    typedef tally in_t;
    typedef tally w_t;
    typedef tally acc_t;
    template <class T> static in_t in(const T& v) {
        counts().in++;
        return v;
    }
    static w_t weight(const tally& w) {
        counts().weight++;
        return w;
    }
    template <class P> static P to_pass(const acc_t& a) {
        counts().to_pass++;
        return a;
    }
    template <class P> static acc_t from_pass(const P& a) {
        counts().from_pass++;
        return a;
    }
    template <class T> static T out(const in_t& v) { return v; }
};
} // namespace xai

namespace {

using namespace xai::cycle_model;
using xai_test::ConvCfg;
using xai_test::DenseCfg;

#ifdef XAI_HLS_LOOPS
const bool hls_loops = true;
#else
const bool hls_loops = false;
#endif

template <class CFG> xai::layer_desc conv_layer() { return xai::conv_desc<CFG>(xai::layer_place{0, 0, 0, 0, 0, 0, 0}); }
template <class CFG> xai::layer_desc dense_layer() { return xai::dense_desc<CFG>(xai::layer_place{0, 0, 0, 0, 0, 0, 0}); }

std::vector<tally> data(size_t n) {
    std::vector<tally> v(n);
    for (size_t i = 0; i < n; i++) v[i] = tally(double(int(i % 7) - 3) * 0.25);
    return v;
}

template <class CFG> void check_conv_fp() {
    typedef xai::conv2d_shape<CFG> S;
    typedef xai::conv2d_engine_of<CFG> E;
    std::vector<tally> x = data(S::in_size), p = data(S::param_count), out(S::out_size);
    std::vector<xai::pool_index_t> idx(S::out_size);
    xai_test::Bits mask(S::out_size);
    counts() = op_counts{};
    xai::conv2d_fp<CFG, xai::Saliency>(x.data(), p.data(), out.data(), mask.data(), idx.data());
    const op_counts n = counts();
    const cycle_count c = conv_layer_cycles<E>(conv_layer<CFG>(), false, 1);
    EXPECT_EQ(n.in, c.input);
    EXPECT_EQ(c.pooled + c.unpool, 0u);
    EXPECT_EQ(n.weight, c.weights);
    EXPECT_EQ(n.weight, count_t(S::weight_count) * S::tiles_h * S::tiles_w); // each weight once per spatial tile
    EXPECT_EQ(n.from_pass, c.bias);
    EXPECT_EQ(n.to_pass, (CFG::pool ? 4 : 1) * c.store);
    EXPECT_EQ(c.store, count_t(S::out_size));
    if (hls_loops) {
        EXPECT_EQ(n.mul, c.core * CFG::n_oh * CFG::n_ow);
        if (!CFG::relu && !CFG::pool) {
            EXPECT_EQ(n.int_ctor, c.clear * CFG::n_oh * CFG::n_ow);
        }
    }
}

template <class CFG> void check_conv_bp() {
    typedef xai::conv2d_shape<CFG> S;
    typedef xai::conv2d_engine_of<CFG> E;
    static_assert(CFG::relu, "the operator> count needs the ReLU rule on load");
    std::vector<tally> g = data(S::out_size), p = data(S::param_count), fwd = data(S::out_size), gin(S::in_size);
    std::vector<xai::pool_index_t> idx(S::out_size);
    for (size_t i = 0; i < idx.size(); i++) idx[i] = xai::pool_index_t(i % 4);
    counts() = op_counts{};
    xai::conv2d_bp<CFG, xai::DeconvNet>(g.data(), p.data(), fwd.data(), nullptr, idx.data(), gin.data());
    const op_counts n = counts();
    const xai::layer_desc d = conv_layer<CFG>();
    const cycle_count c = conv_layer_cycles<E>(d, true, 1);
    if (CFG::pool || (xai::conv_grid_decimated(d) && d.stride == 2)) { // the gradient put back through a window
        EXPECT_EQ(c.input, 0u);
        EXPECT_EQ(n.in, c.unpool);
        EXPECT_EQ(n.gt, c.pooled);
    } else {
        EXPECT_EQ(c.pooled + c.unpool, 0u);
        EXPECT_EQ(n.in, c.input);
        EXPECT_EQ(n.gt, c.input);
    }
    EXPECT_EQ(n.weight, c.weights);
    EXPECT_EQ(n.from_pass, 0u);
    EXPECT_EQ(c.bias, 0u);
    EXPECT_EQ(n.to_pass, c.store);
    EXPECT_EQ(c.store, count_t(S::in_size));
    if (hls_loops) {
        EXPECT_EQ(n.mul, c.core * CFG::n_oh * CFG::n_ow);
    }
}

// Odd shapes (edge tiles, partial channel tiles, kernel 5, odd pool dimensions), and the
// paper's 4x4 engine on a Table III layer shape.
typedef ConvCfg<5, 7, 11, 13, 5, true, true, false, 2, 4, 4, 8, 2, 3, tally> OddPool;
typedef ConvCfg<3, 4, 6, 5, 1, false, false, false, 2, 1, 4, 2, 2, 2, tally> Kernel1;
typedef ConvCfg<5, 6, 7, 9, 3, false, false, false, 2, 2, 4, 4, 5, 6, tally> Linear;
typedef ConvCfg<6, 5, 9, 7, 3, true, false, false, 2, 2, 4, 4, 4, 2, tally> ReluNoPool;
typedef ConvCfg<16, 16, 16, 16, 3, true, true, false, 4, 4, 16, 16, 16, 16, tally> Paper4x4;
// Kernel 1 over an odd map with a pool: the bottom tiles' halo is only the row no pool window holds.
typedef ConvCfg<2, 2, 9, 20, 1, true, true, false, 2, 2, 8, 8, 2, 2, tally> PoolKernel1OddRows;

// A grid of the 'same' convolution: stride 2 (ResNet), less padding (valid, asymmetric ONNX pads).
template <class BASE, unsigned STRIDE, unsigned PT, unsigned PL, unsigned PB, unsigned PR> struct WithGrid : BASE {
    static const unsigned stride = STRIDE, pad_top = PT, pad_left = PL, pad_bottom = PB, pad_right = PR;
};
typedef WithGrid<ReluNoPool, 2, 1, 1, 1, 1> Stride2;
typedef WithGrid<ConvCfg<5, 7, 11, 13, 5, true, false, false, 2, 4, 4, 8, 2, 3, tally>, 2, 2, 1, 0, 2> Stride2Asymmetric;
typedef WithGrid<ConvCfg<4, 3, 12, 10, 5, true, false, false, 2, 2, 4, 4, 2, 2, tally>, 1, 0, 0, 0, 0> Valid5x5;
typedef WithGrid<ConvCfg<3, 3, 7, 9, 3, true, false, false, 1, 2, 2, 4, 2, 2, tally>, 1, 0, 1, 1, 0> Asymmetric;
// Depthwise (one input-channel tile per output tile, the smaller of tile_ci and tile_co), plain and strided.
template <class BASE> struct Depthwise : BASE { static const bool depthwise = true; };
typedef Depthwise<ConvCfg<7, 7, 11, 13, 3, true, false, false, 2, 2, 4, 4, 2, 3, tally>> DepthwiseSame;
typedef Depthwise<WithGrid<ConvCfg<5, 5, 12, 9, 3, true, false, false, 2, 2, 4, 4, 4, 4, tally>, 2, 1, 1, 1, 1>> DepthwiseStride2;

TEST(EngineCyclesConv, ForwardTripCountsMatchTheEngine) {
    check_conv_fp<Stride2>();
    check_conv_fp<Stride2Asymmetric>();
    check_conv_fp<Valid5x5>();
    check_conv_fp<Asymmetric>();
    check_conv_fp<DepthwiseSame>();
    check_conv_fp<DepthwiseStride2>();
    check_conv_fp<OddPool>();
    check_conv_fp<Kernel1>();
    check_conv_fp<Linear>();
    check_conv_fp<ReluNoPool>();
    check_conv_fp<Paper4x4>();
}

TEST(EngineCyclesConv, BackwardTripCountsMatchTheEngine) {
    check_conv_bp<Stride2>();
    check_conv_bp<Stride2Asymmetric>();
    check_conv_bp<Valid5x5>();
    check_conv_bp<Asymmetric>();
    check_conv_bp<DepthwiseSame>();
    check_conv_bp<DepthwiseStride2>();
    check_conv_bp<OddPool>();
    check_conv_bp<ReluNoPool>();
    check_conv_bp<Paper4x4>();
    check_conv_bp<PoolKernel1OddRows>();
}

template <class CFG> void check_dense(bool bp) {
    typedef xai::dense_shape<CFG> S;
    std::vector<tally> x = data(bp ? S::out_size : S::in_size), p = data(S::param_count), fwd = data(S::out_size),
                       y(bp ? S::in_size : S::out_size);
    counts() = op_counts{};
    if (bp)
        xai::dense_bp<CFG, xai::DeconvNet>(x.data(), p.data(), fwd.data(), nullptr, y.data());
    else
        xai::dense_fp<CFG, xai::DeconvNet>(x.data(), p.data(), y.data(), nullptr);
    const op_counts n = counts();
    const cycle_count c = dense_layer_cycles<CFG>(dense_layer<CFG>(), bp, 1);
    EXPECT_EQ(n.in, c.input);
    EXPECT_EQ(n.weight, c.weights);
    EXPECT_EQ(n.weight, count_t(S::weight_count)); // batch 1: each weight read once
    EXPECT_EQ(n.from_pass, c.bias);
    EXPECT_EQ(n.to_pass, c.store);
    // Every lane multiplies in every core iteration (the unrolled MACs); the rows of the tile it holds keep theirs.
    EXPECT_EQ(n.mul, c.core * CFG::tile);
    EXPECT_LE(c.macs, n.mul);
    // One outer tile: every core iteration does that tile's n_a useful MACs.
    const unsigned n_a = bp ? CFG::n_in : CFG::n_out;
    if (n_a <= CFG::tile) {
        EXPECT_EQ(c.macs, c.core * n_a);
    }
}

TEST(EngineCyclesDense, TripCountsMatchTheEngine) {
    typedef DenseCfg<42, 9, true, false, 16, tally> Narrow;   // FP: one outer tile of 9 rows
    typedef DenseCfg<13, 70, true, false, 16, tally> Wide;    // BP: one outer tile of 13 inputs
    typedef DenseCfg<100, 37, false, false, 32, tally> Tiled; // partial tiles both ways
    check_dense<Narrow>(false);
    check_dense<Narrow>(true);
    check_dense<Wide>(false);
    check_dense<Wide>(true);
    check_dense<Tiled>(false);
    check_dense<Tiled>(true);
}

// Worked out by hand, loop by loop, for the smallest interesting layer: 2 -> 2 channels,
// 4 x 4 map, kernel 3, no ReLU or pool, on a 2 x 2 engine with 4 x 4 tiles and 2-channel
// tiles: one tile of everything. Also shows the model is usable in constant expressions.
typedef ConvCfg<2, 2, 4, 4, 3, false, false, false, 2, 2, 4, 4, 2, 2, float> Tiny;
constexpr xai::layer_desc tiny = xai::conv_desc<Tiny>(xai::layer_place{0, 0, 0, 0, 0, 0, 0});
static_assert(conv_layer_cycles<xai::conv2d_engine_of<Tiny>>(tiny, false, 1).core == 2 * 2 * 9 * 2 * 2,
              "core_mac trips: co * ci * kh * kw * blocks_h * blocks_w");

TEST(EngineCyclesConv, TinyLayerByHand) {
    const cycle_count c = conv_layer_cycles<xai::conv2d_engine_of<Tiny>>(tiny, false, 1);
    const count_t e = pipelined_loop_entry, rd = axi_read_latency + read_loop_depth;
    // core_mac: 2 co * 2 ci * 9 taps * (4/2) * (4/2) blocks = 144 iterations at II = 1.
    EXPECT_EQ(c.core, 144u);
    EXPECT_EQ(c.core_calls, 1u);
    EXPECT_EQ(c.compute, e + 143 + conv_core_depth);
    // DRAM: load_bias (2); the input, one span per channel from row 0 to row 3 (rows -1 and 4
    // of the halo are outside the map; the tile spans the map's width, so the span is exactly
    // the 4 rows of 4: 16); 2 weight runs of 2 * 9; 2 channels x 4 rows of 4 stored.
    EXPECT_EQ(c.bias, 2u);
    EXPECT_EQ(c.input, 32u);
    EXPECT_EQ(c.weights, 36u);
    EXPECT_EQ(c.store, 32u);
    EXPECT_EQ(c.dram_loops, 1u + 2 + 2 + 8);
    EXPECT_EQ(c.memory, (e + 1 + rd) + 2 * (e + 15 + rd) + 2 * (e + 17 + rd) +
                            8 * (e + 3 + store_loop_depth + axi_write_latency));
    // On chip: init_acc 2 * 2 * 2 = 8, clear_input tc 2 * bank 3 * 3 = 18 (halo 6 / 2 banks);
    // loops not pipelined: 1 step of the step loop, load_input's 2 channels, load_weights 2,
    // store 2 channels + 2 * 4 rows = 15.
    EXPECT_EQ(c.init, 8u);
    EXPECT_EQ(c.clear, 18u);
    EXPECT_EQ(c.control, 15u);
    EXPECT_EQ(c.setup, (e + 7 + onchip_loop_depth) + (e + 17 + onchip_loop_depth) + 15 * outer_loop_iteration);
    EXPECT_EQ(c.overlapped, 0u);
    EXPECT_EQ(c.total(), c.compute + c.memory + c.setup);
    EXPECT_EQ(c.macs, 2u * 2 * 9 * 16);
}

// Doubling n_oh halves the core's trips of a layer whose tile it divides; the loads do not change.
TEST(EngineCyclesConv, DoublingNohHalvesTheCore) {
    typedef ConvCfg<32, 32, 32, 32, 3, true, true, false, 4, 4, 16, 16, 16, 16, float> Conv2At4x4;
    typedef ConvCfg<32, 32, 32, 32, 3, true, true, false, 8, 4, 16, 16, 16, 16, float> Conv2At8x4;
    for (bool bp : {false, true}) {
        const cycle_count a = conv_layer_cycles<xai::conv2d_engine_of<Conv2At4x4>>(conv_layer<Conv2At4x4>(), bp, 1);
        const cycle_count b = conv_layer_cycles<xai::conv2d_engine_of<Conv2At8x4>>(conv_layer<Conv2At8x4>(), bp, 1);
        EXPECT_EQ(a.core, 2 * b.core);
        EXPECT_LT(b.compute, a.compute);
        EXPECT_EQ(a.memory, b.memory);
        EXPECT_EQ(a.macs, b.macs);
    }
}

// Double buffering changes no trip count; each step after the first hides the smaller of its
// loads and the previous step's compute, each step pays the DATAFLOW handshake.
TEST(EngineCyclesConv, DoubleBufferingHidesLoadsBesideTheCore) {
    typedef ConvCfg<32, 64, 16, 16, 3, true, true, false, 4, 4, 8, 8, 8, 8, float, 0, false> Serial;
    typedef ConvCfg<32, 64, 16, 16, 3, true, true, false, 4, 4, 8, 8, 8, 8, float, 0, true> Overlapped;
    for (bool bp : {false, true}) {
        const xai::layer_desc d = conv_layer<Serial>();
        const cycle_count a = conv_layer_cycles<xai::conv2d_engine_of<Serial>>(d, bp, 1);
        const cycle_count b = conv_layer_cycles<xai::conv2d_engine_of<Overlapped>>(d, bp, 1);
        // steps: FP 8 output-channel tiles x 2 x 2 tiles x 4 input-channel tiles; BP 4 x 2 x 2 x 8.
        const count_t steps = 8 * 2 * 2 * 4;
        EXPECT_EQ(a.core, b.core);
        EXPECT_EQ(a.input + a.pooled, b.input + b.pooled);
        EXPECT_EQ(a.weights, b.weights);
        EXPECT_EQ(a.compute, b.compute);
        EXPECT_EQ(a.memory, b.memory);
        EXPECT_EQ(a.control, b.control);
        EXPECT_EQ(b.setup, a.setup + steps * dataflow_step_handshake);
        EXPECT_EQ(a.overlapped, 0u);
        EXPECT_GT(b.overlapped, 0u);
        // At most every load but the first step's is hidden.
        EXPECT_LT(b.overlapped, b.memory + b.setup);
        EXPECT_EQ(b.total(), a.total() + steps * dataflow_step_handshake - b.overlapped);
        EXPECT_LT(b.total(), a.total());
    }
}

// Packing the ports shortens the DRAM loops only.
TEST(EngineCyclesConv, PackedPortsShortenOnlyTheMemoryLoops) {
    typedef xai::conv2d_engine_of<Paper4x4> E;
    const xai::layer_desc d = conv_layer<Paper4x4>();
    const cycle_count one = conv_layer_cycles<E>(d, false, 1), four = conv_layer_cycles<E>(d, false, 4);
    EXPECT_EQ(one.compute, four.compute);
    EXPECT_EQ(one.setup, four.setup);
    EXPECT_LT(four.memory, one.memory);
    EXPECT_EQ(one.input, four.input); // trip counts are in elements either way
}

} // namespace
