// Block configurations for the tests, parameterised so one test can sweep shapes,
// parallelism and data types; plus small helpers (random tensors, comparisons).
#ifndef XAI_TESTS_TEST_CONFIGS_H
#define XAI_TESTS_TEST_CONFIGS_H

#include <cmath>
#include <memory>
#include <vector>

#include "splitmix_weights.h"
#include "reference_net.h"

namespace xai_test {

template <unsigned CI, unsigned CO, unsigned H, unsigned W, unsigned K, bool RELU, bool POOL, bool STORE,
          unsigned NOH, unsigned NOW, unsigned TH, unsigned TW, unsigned TCI, unsigned TCO, class T, int SHIFT = 0,
          bool DOUBLE_BUFFER = false>
struct ConvCfg {
    static const unsigned in_c = CI, out_c = CO, height = H, width = W, kernel = K;
    static const bool relu = RELU, pool = POOL, store_relu_mask = STORE;
    static const unsigned n_oh = NOH, n_ow = NOW, tile_h = TH, tile_w = TW, tile_ci = TCI, tile_co = TCO;
    static const bool double_buffer = DOUBLE_BUFFER;
    typedef T act_t;
    typedef T weight_t;
    typedef T accum_t;
    typedef T grad_t;
    typedef T grad_accum_t;
    static const int grad_shift = SHIFT;
};

template <unsigned NI, unsigned NO, bool RELU, bool STORE, unsigned TILE, class T, int SHIFT = 0> struct DenseCfg {
    static const unsigned n_in = NI, n_out = NO;
    static const bool relu = RELU, store_relu_mask = STORE;
    static const unsigned tile = TILE;
    typedef T act_t;
    typedef T weight_t;
    typedef T accum_t;
    typedef T grad_t;
    typedef T grad_accum_t;
    static const int grad_shift = SHIFT;
};

/// Every type of a block configuration double, no gradient shift: the exact types the direct
/// references are compared against (a test configuration derives from it).
struct DoubleTypes {
    typedef double act_t;
    typedef double weight_t;
    typedef double accum_t;
    typedef double grad_t;
    typedef double grad_accum_t;
    static const int grad_shift = 0;
};

/// Zero-initialised bool array (on-chip mask bits in the blocks' interface).
struct Bits {
    std::unique_ptr<bool[]> p;
    size_t n;
    explicit Bits(size_t count) : p(new bool[count]()), n(count) {}
    bool* data() { return p.get(); }
};

/// n values uniform in [lo, hi) from a splitmix stream.
inline Vec random_vec(uint64_t seed, size_t n, double lo = -1.0, double hi = 1.0) {
    SplitMix64 g(seed);
    Vec v(n);
    for (double& x : v) x = lo + (hi - lo) * g.uniform();
    return v;
}

template <class T> std::vector<T> cast_vec(const Vec& v) {
    std::vector<T> r(v.size());
    for (size_t i = 0; i < v.size(); i++) r[i] = T(v[i]);
    return r;
}

template <class T> Vec to_dvec(const std::vector<T>& v) {
    Vec r(v.size());
    for (size_t i = 0; i < v.size(); i++) r[i] = double(v[i]);
    return r;
}

/// max_i |a_i - b_i| / max_i |b_i| (0 when both are zero).
inline double rel_max_err(const Vec& a, const Vec& b) {
    double m = max_abs(b), e = 0.0;
    for (size_t i = 0; i < a.size() && i < b.size(); i++) e = std::max(e, std::fabs(a[i] - b[i]));
    return m == 0.0 ? e : e / m;
}

/// Pearson correlation of two maps.
inline double pearson(const Vec& a, const Vec& b) {
    double ma = 0, mb = 0;
    for (size_t i = 0; i < a.size(); i++) { ma += a[i]; mb += b[i]; }
    ma /= double(a.size());
    mb /= double(b.size());
    double sab = 0, saa = 0, sbb = 0;
    for (size_t i = 0; i < a.size(); i++) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / std::sqrt(saa * sbb);
}

inline double dot(const Vec& a, const Vec& b) {
    double s = 0.0;
    for (size_t i = 0; i < a.size(); i++) s += a[i] * b[i];
    return s;
}

} // namespace xai_test

#endif
