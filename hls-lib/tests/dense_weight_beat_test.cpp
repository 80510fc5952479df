// The dense engine's weight blocks read in beats (weight_beat.h): 4 or 8 weights per cycle, as
// a port packed to a 64- or 128-bit HP port delivers them. The beats only change how the block
// buffer is filled, so every result must be bit for bit the one-weight-per-cycle engine's: on
// standalone blocks (edge tiles included, fixed and floating point, FP and BP, every method) and
// on the whole Table III network in its calibrated 16-bit profile. Also: the C simulation refuses
// a layer whose blocks do not start on a beat, and the cycle model counts beats.
#include <gtest/gtest.h>

#include <stdexcept>

#include "xai/dense.h"
#include "xai/engine_cycles.h"
#include "table3_numerics.h"
#include "support/test_configs.h"
#include "support/engine_weight_image.h"
#include "support/network_engine_images.h"

using namespace xai_test;

namespace {

/// CFG with its weight blocks read P weights per beat.
template <class CFG, unsigned P> struct Beats : CFG {
    static const unsigned weight_beat = P;
};

/// A dense configuration in the SDK's 16-bit formats (weights <16,1>, wide wrapping accumulators).
template <unsigned NI, unsigned NO, bool RELU, unsigned TILE> struct FixedDense {
    static const unsigned n_in = NI, n_out = NO, tile = TILE;
    static const bool relu = RELU, store_relu_mask = RELU;
    typedef xai::fixed_t<16, 4> act_t;
    typedef xai::fixed_t<16, 1> weight_t;
    typedef xai::fixed_t<48, 48 - 12 - 15> accum_t;
    typedef xai::fixed_t<16, 1> grad_t;
    typedef xai::fixed_t<48, 18> grad_accum_t;
    static const int grad_shift = -2;
};

template <class CFG, class METHOD> struct DenseRun {
    typedef typename CFG::act_t A;
    typedef typename CFG::grad_t G;
    std::vector<A> y;
    std::vector<G> gin;
    std::vector<bool> mask;
};

/// FP then BP of CFG's layer on fixed inputs (seeded), weights in engine order; beats built from
/// the same image when CFG reads them.
template <class CFG, class METHOD> DenseRun<CFG, METHOD> run_dense(uint64_t seed) {
    typedef typename CFG::act_t A;
    typedef typename CFG::weight_t W;
    typedef typename CFG::grad_t G;
    const unsigned NI = CFG::n_in, NO = CFG::n_out, NP = NI * NO + NO;
    std::vector<A> x = cast_vec<A>(random_vec(seed, NI, -1.5, 1.5)), y(NO);
    std::vector<W> p = dense_engine_params<CFG>(cast_vec<W>(random_vec(seed + 1, NP, -0.4, 0.4)));
    const unsigned P = xai::weight_beat_of<CFG>::value;
    std::vector<xai::weight_beat_t<CFG>> beats(NP / P);
    xai::to_beats<P>(p.data(), NP, beats.data());
    const xai::weight_beat_t<CFG>* pb = P > 1 ? beats.data() : nullptr;
    Bits mask(NO);
    xai::dense_fp<CFG, METHOD>(x.data(), p.data(), y.data(), mask.data(), pb);
    std::vector<G> g = cast_vec<G>(random_vec(seed + 2, NO, -0.9, 0.9)), gin(NI);
    xai::dense_bp<CFG, METHOD>(g.data(), p.data(), y.data(), mask.data(), gin.data(), pb);
    DenseRun<CFG, METHOD> r{y, gin, std::vector<bool>(mask.data(), mask.data() + NO)};
    return r;
}

template <class T> void expect_same_bits(const std::vector<T>& a, const std::vector<T>& b, const char* what) {
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); i++) ASSERT_TRUE(a[i] == b[i]) << what << " element " << i;
}

template <class CFG, class METHOD> void expect_beats_change_nothing() {
    const auto one = run_dense<CFG, METHOD>(11);
    const auto four = run_dense<Beats<CFG, 4>, METHOD>(11);
    const auto eight = run_dense<Beats<CFG, 8>, METHOD>(11);
    expect_same_bits(one.y, four.y, "FP, 4 per beat");
    expect_same_bits(one.y, eight.y, "FP, 8 per beat");
    expect_same_bits(one.gin, four.gin, "BP, 4 per beat");
    expect_same_bits(one.gin, eight.gin, "BP, 8 per beat");
    EXPECT_EQ(one.mask, eight.mask);
    double norm = 0.0;
    for (const auto& v : one.gin) norm += std::abs(double(v));
    EXPECT_GT(norm, 0.0) << "the BP result must not be all zero (the comparison would prove nothing)";
}

// 40 inputs: with tile 16 the last input tile is 8 wide (a block of 8-weight rows, one beat of 8);
// 21 outputs: edge output tiles of 5 (tile 16) and 21 (tile 32) rows.
TEST(DenseWeightBeat, FixedTile16EdgeTilesEveryMethod) {
    typedef FixedDense<40, 21, true, 16> C;
    expect_beats_change_nothing<C, xai::Saliency>();
    expect_beats_change_nothing<C, xai::DeconvNet>();
    expect_beats_change_nothing<C, xai::GuidedBackprop>();
}
TEST(DenseWeightBeat, FixedTile32NoRelu) { expect_beats_change_nothing<FixedDense<72, 21, false, 32>, xai::Saliency>(); }
TEST(DenseWeightBeat, FloatTile32) {
    expect_beats_change_nothing<DenseCfg<96, 37, true, true, 32, float>, xai::GuidedBackprop>();
}

TEST(DenseWeightBeat, PackedBlocksStillMatchTheDoubleReference) {
    typedef Beats<DenseCfg<48, 19, false, false, 16, double>, 8> C;
    const unsigned NI = 48, NO = 19;
    const Vec x = random_vec(5, NI), params = random_vec(6, NI * NO + NO, -0.3, 0.3);
    const Vec ref = ref_fc(x, params.data(), params.data() + NI * NO, NI, NO);
    const std::vector<double> p = dense_engine_params<C>(params);
    std::vector<xai::beat<double, 8>> beats(p.size() / 8);
    xai::to_beats<8>(p.data(), unsigned(p.size()), beats.data());
    std::vector<double> y(NO);
    xai::dense_fp<C, xai::Saliency>(x.data(), p.data(), y.data(), nullptr, beats.data());
    EXPECT_LT(rel_max_err(y, ref), 1e-12);
}

// The C simulation refuses what the hardware would read wrongly: an input length that is not a
// multiple of the beat (a block row would end inside a beat), or a layer not starting on a beat.
TEST(DenseWeightBeat, MisalignedLayersAreRefusedInCSimulation) {
    typedef Beats<DenseCfg<36, 5, false, false, 16, float>, 8> Odd; // 36 % 8 != 0
    std::vector<float> x(36, 1.0f), p(36 * 5 + 5, 0.5f), y(5);
    std::vector<xai::beat<float, 8>> beats(p.size() / 8);
    EXPECT_THROW((xai::dense_fp<Odd, xai::Saliency>(x.data(), p.data(), y.data(), nullptr, beats.data())), std::logic_error);
    typedef Beats<DenseCfg<32, 5, false, false, 16, float>, 8> C;
    const xai::layer_desc at4 = xai::dense_desc<C>(xai::layer_place{4, 0, 0, 0, 0, 0, 0});
    EXPECT_FALSE(xai::dense_beats_fit(at4, 8));
    EXPECT_TRUE(xai::dense_beats_fit(at4, 4));
}

// The whole Table III network, calibrated 16-bit profile: the dense engine with beats of 4 and 8
// gives the logits and the relevance of table3::run bit for bit (fc1 4096 -> 128, fc2 128 -> 10;
// both layers' parameter offsets are multiples of 8).
typedef table3::scaled_numerics<4, 2, 3, 2, 3, 2, 1, -1> scaled;
template <unsigned P> struct PackedFc : table3::fc_engine<scaled> {
    static const unsigned weight_beat = P;
};

template <class DE, class M> unsigned run_table3(const std::vector<scaled::weight_t>& w, const std::vector<scaled::act_t>& x,
                                                 std::vector<scaled::act_t>& logits, std::vector<scaled::grad_t>& rel) {
    static table3::fp_state st;
    std::vector<scaled::act_t> act(table3::act_arena_size);
    std::vector<scaled::grad_t> grad(table3::grad_arena_size);
    logits.assign(table3::n_classes, scaled::act_t(0));
    rel.assign(table3::input_size, scaled::grad_t(0));
    const unsigned P = xai::weight_beat_of<DE>::value;
    std::vector<xai::weight_beat_t<DE>> beats(w.size() / P);
    xai::to_beats<P>(w.data(), unsigned(w.size()), beats.data());
    typedef table3::network<scaled> N;
    return xai::network_run<table3::engine<scaled>, DE, M, true, N::n_layers, table3::n_classes, table3::input_size,
                            scaled::grad_exp(6)>(N::layers, x.data(), w.data(), act.data(), grad.data(), rel.data(),
                                                 logits.data(), -1, true, st.pools, st.masks, beats.data());
}

template <class M> void expect_table3_unchanged() {
    const std::vector<float> wf = table3_engine_image(splitmix_weight_image(2022, table3_param_layers()));
    std::vector<scaled::weight_t> w;
    for (float v : wf) w.push_back(scaled::weight_t(v));
    for (unsigned k = 0; k < 2; k++) {
        std::vector<scaled::act_t> x;
        for (float v : splitmix_input(k, table3::input_size)) x.push_back(scaled::act_t(v));
        std::vector<scaled::act_t> l1, l4, l8;
        std::vector<scaled::grad_t> r1, r4, r8;
        const unsigned c1 = run_table3<table3::fc_engine<scaled>, M>(w, x, l1, r1);
        const unsigned c4 = run_table3<PackedFc<4>, M>(w, x, l4, r4);
        const unsigned c8 = run_table3<PackedFc<8>, M>(w, x, l8, r8);
        EXPECT_EQ(c4, c1);
        EXPECT_EQ(c8, c1);
        expect_same_bits(l1, l4, "logits, 4 per beat");
        expect_same_bits(l1, l8, "logits, 8 per beat");
        expect_same_bits(r1, r4, "relevance, 4 per beat");
        expect_same_bits(r1, r8, "relevance, 8 per beat");
        unsigned nonzero = 0;
        for (const auto& v : r1) nonzero += !(v == scaled::grad_t(0));
        EXPECT_GT(nonzero, table3::input_size / 4) << "image " << k;
    }
}

TEST(DenseWeightBeatTable3, SaliencyBitIdentical) { expect_table3_unchanged<xai::Saliency>(); }
TEST(DenseWeightBeatTable3, GuidedBackpropBitIdentical) { expect_table3_unchanged<xai::GuidedBackprop>(); }

// The cycle model reads the beat from the configuration: fc1's 4096 x 128 weights arrive in
// 524288 / P iterations, the rest of the layer's loops are the same.
TEST(DenseWeightBeatCycles, WeightLoadsTakeOneIterationPerBeat) {
    namespace cm = xai::cycle_model;
    const xai::layer_desc fc1 = table3::network<scaled>::layers[4];
    ASSERT_EQ(fc1.in_c, 4096u);
    for (bool bp : {false, true}) {
        const cm::cycle_count one = cm::dense_layer_cycles<table3::fc_engine<scaled>>(fc1, bp, 1);
        const cm::cycle_count eight = cm::dense_layer_cycles<PackedFc<8>>(fc1, bp, 1);
        EXPECT_EQ(one.weights, eight.weights); // elements, whatever the port
        EXPECT_EQ(one.compute, eight.compute);
        EXPECT_EQ(one.setup, eight.setup);
        // Every block of 16 x 16 weights: 256 iterations one by one, 32 in beats of 8.
        const cm::count_t blocks = (4096 / 16) * (128 / 16);
        EXPECT_EQ(one.memory - eight.memory, blocks * (cm::read_loop(256, 1) - cm::read_loop(256, 8)));
        // The what-if of every port packed (epb 8) reads the blocks as the packed engine does.
        EXPECT_EQ(cm::dense_layer_cycles<PackedFc<8>>(fc1, bp, 8).memory,
                  cm::dense_layer_cycles<table3::fc_engine<scaled>>(fc1, bp, 8).memory);
    }
}

} // namespace
