// Straightforward double-precision reference of the layers and of FP + BP for the three
// attribution methods, written independently of the library (scatter-form transposes,
// explicit loops), for the tests.
#ifndef XAI_TESTS_REFERENCE_NET_H
#define XAI_TESTS_REFERENCE_NET_H

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace xai_test {

typedef std::vector<double> Vec;

// x [cin][H][W], w [cout][cin][k][k], b [cout] (may be empty) -> [cout][H][W], 'same' padding.
inline Vec ref_conv(const Vec& x, const double* w, const double* b, unsigned cin, unsigned cout, unsigned H,
                    unsigned W, unsigned k) {
    Vec y(size_t(cout) * H * W, 0.0);
    const int p = int(k - 1) / 2;
    for (unsigned co = 0; co < cout; co++)
        for (unsigned oy = 0; oy < H; oy++)
            for (unsigned ox = 0; ox < W; ox++) {
                double s = b ? b[co] : 0.0;
                for (unsigned ci = 0; ci < cin; ci++)
                    for (unsigned kh = 0; kh < k; kh++)
                        for (unsigned kw = 0; kw < k; kw++) {
                            int iy = int(oy) + int(kh) - p, ix = int(ox) + int(kw) - p;
                            if (iy < 0 || ix < 0 || iy >= int(H) || ix >= int(W)) continue;
                            s += x[(size_t(ci) * H + iy) * W + ix] * w[((size_t(co) * cin + ci) * k + kh) * k + kw];
                        }
                y[(size_t(co) * H + oy) * W + ox] = s;
            }
    return y;
}

// Adjoint of ref_conv w.r.t. x (scatter form): g [cout][H][W] -> [cin][H][W].
inline Vec ref_conv_bp(const Vec& g, const double* w, unsigned cin, unsigned cout, unsigned H, unsigned W, unsigned k) {
    Vec dx(size_t(cin) * H * W, 0.0);
    const int p = int(k - 1) / 2;
    for (unsigned co = 0; co < cout; co++)
        for (unsigned oy = 0; oy < H; oy++)
            for (unsigned ox = 0; ox < W; ox++) {
                const double gv = g[(size_t(co) * H + oy) * W + ox];
                for (unsigned ci = 0; ci < cin; ci++)
                    for (unsigned kh = 0; kh < k; kh++)
                        for (unsigned kw = 0; kw < k; kw++) {
                            int iy = int(oy) + int(kh) - p, ix = int(ox) + int(kw) - p;
                            if (iy < 0 || ix < 0 || iy >= int(H) || ix >= int(W)) continue;
                            dx[(size_t(ci) * H + iy) * W + ix] += gv * w[((size_t(co) * cin + ci) * k + kh) * k + kw];
                        }
            }
    return dx;
}

// 2x2/2 max-pool, floor; idx = 2*dy+dx of the first maximum in row-major order.
inline Vec ref_pool(const Vec& x, unsigned C, unsigned H, unsigned W, std::vector<int>* idx) {
    const unsigned OH = H / 2, OW = W / 2;
    Vec y(size_t(C) * OH * OW);
    if (idx) idx->assign(y.size(), 0);
    for (unsigned c = 0; c < C; c++)
        for (unsigned oy = 0; oy < OH; oy++)
            for (unsigned ox = 0; ox < OW; ox++) {
                double best = -INFINITY;
                int bi = 0;
                for (int k = 0; k < 4; k++) {
                    double v = x[(size_t(c) * H + 2 * oy + k / 2) * W + 2 * ox + k % 2];
                    if (v > best) { best = v; bi = k; }
                }
                y[(size_t(c) * OH + oy) * OW + ox] = best;
                if (idx) (*idx)[(size_t(c) * OH + oy) * OW + ox] = bi;
            }
    return y;
}

inline Vec ref_unpool(const Vec& g, const std::vector<int>& idx, unsigned C, unsigned H, unsigned W) {
    const unsigned OH = H / 2, OW = W / 2;
    Vec dx(size_t(C) * H * W, 0.0);
    for (unsigned c = 0; c < C; c++)
        for (unsigned oy = 0; oy < OH; oy++)
            for (unsigned ox = 0; ox < OW; ox++) {
                size_t o = (size_t(c) * OH + oy) * OW + ox;
                dx[(size_t(c) * H + 2 * oy + idx[o] / 2) * W + 2 * ox + idx[o] % 2] = g[o];
            }
    return dx;
}

// y[o] = b[o] + sum_i w[o][i] x[i]
inline Vec ref_fc(const Vec& x, const double* w, const double* b, unsigned in, unsigned out) {
    Vec y(out);
    for (unsigned o = 0; o < out; o++) {
        double s = b ? b[o] : 0.0;
        for (unsigned i = 0; i < in; i++) s += w[size_t(o) * in + i] * x[i];
        y[o] = s;
    }
    return y;
}

inline Vec ref_fc_bp(const Vec& g, const double* w, unsigned in, unsigned out) {
    Vec dx(in, 0.0);
    for (unsigned o = 0; o < out; o++)
        for (unsigned i = 0; i < in; i++) dx[i] += w[size_t(o) * in + i] * g[o];
    return dx;
}

enum class RefMethod { Saliency, DeconvNet, GuidedBackprop };

// Gradient through a ReLU with pre-activation f and output-gradient g.
inline Vec ref_relu_bp(const Vec& f, const Vec& g, RefMethod m) {
    Vec r(g.size());
    for (size_t i = 0; i < g.size(); i++) {
        const bool pos = f[i] > 0.0;
        switch (m) {
        case RefMethod::Saliency: r[i] = pos ? g[i] : 0.0; break;
        case RefMethod::DeconvNet: r[i] = g[i] > 0.0 ? g[i] : 0.0; break;
        case RefMethod::GuidedBackprop: r[i] = (pos && g[i] > 0.0) ? g[i] : 0.0; break;
        }
    }
    return r;
}

inline Vec ref_relu(const Vec& x) {
    Vec y(x.size());
    for (size_t i = 0; i < x.size(); i++) y[i] = x[i] > 0.0 ? x[i] : 0.0;
    return y;
}

/// A sequential CNN of conv(+ReLU)(+pool) layers followed by fc(+ReLU) layers, as both
/// test networks are. Parameters in the flat image order of splitmix_weights.h.
struct RefNet {
    struct Conv { unsigned cin, cout, k; bool relu, pool; };
    struct Fc { unsigned in, out; bool relu; };
    unsigned C, H, W;
    std::vector<Conv> convs;
    std::vector<Fc> fcs;

    struct Result {
        Vec logits;
        unsigned cls;
        Vec relevance;
    };

    Result run(const std::vector<double>& image, const std::vector<double>& params, RefMethod m, int target = -1) const {
        struct ConvRec { Vec pre; std::vector<int> idx; unsigned c, h, w; };
        std::vector<ConvRec> crec;
        std::vector<Vec> fpre;
        Vec x = image;
        unsigned c = C, h = H, w = W;
        size_t off = 0;
        for (const Conv& L : convs) {
            const double* wt = &params[off];
            const double* b = wt + size_t(L.cout) * L.cin * L.k * L.k;
            off += size_t(L.cout) * L.cin * L.k * L.k + L.cout;
            ConvRec r;
            r.pre = ref_conv(x, wt, b, L.cin, L.cout, h, w, L.k);
            r.c = L.cout; r.h = h; r.w = w;
            x = L.relu ? ref_relu(r.pre) : r.pre;
            if (L.pool) { x = ref_pool(x, L.cout, h, w, &r.idx); h /= 2; w /= 2; }
            c = L.cout;
            crec.push_back(r);
        }
        std::vector<size_t> foff;
        for (const Fc& L : fcs) {
            foff.push_back(off);
            const double* wt = &params[off];
            off += size_t(L.out) * L.in + L.out;
            Vec pre = ref_fc(x, wt, wt + size_t(L.out) * L.in, L.in, L.out);
            fpre.push_back(pre);
            x = L.relu ? ref_relu(pre) : pre;
        }
        Result res;
        res.logits = x;
        res.cls = target >= 0 ? unsigned(target) : unsigned(std::max_element(x.begin(), x.end()) - x.begin());
        Vec g(x.size(), 0.0);
        g[res.cls] = 1.0;
        for (size_t l = fcs.size(); l-- > 0;) {
            const Fc& L = fcs[l];
            if (L.relu) g = ref_relu_bp(fpre[l], g, m);
            g = ref_fc_bp(g, &params[foff[l]], L.in, L.out);
        }
        off = 0;
        std::vector<size_t> coff;
        for (const Conv& L : convs) { coff.push_back(off); off += size_t(L.cout) * L.cin * L.k * L.k + L.cout; }
        for (size_t l = convs.size(); l-- > 0;) {
            const Conv& L = convs[l];
            const ConvRec& r = crec[l];
            if (L.pool) g = ref_unpool(g, r.idx, r.c, r.h, r.w);
            if (L.relu) g = ref_relu_bp(r.pre, g, m);
            g = ref_conv_bp(g, &params[coff[l]], L.cin, L.cout, r.h, r.w, L.k);
        }
        (void)c;
        res.relevance = g;
        return res;
    }
};

inline RefNet table3_ref_net() {
    RefNet n{3, 32, 32, {}, {}};
    n.convs = {{3, 32, 3, true, false}, {32, 32, 3, true, true}, {32, 64, 3, true, false}, {64, 64, 3, true, true}};
    n.fcs = {{4096, 128, true}, {128, 10, false}};
    return n;
}
inline RefNet odd_ref_net() {
    RefNet n{3, 10, 14, {}, {}};
    n.convs = {{3, 5, 5, true, true}, {5, 7, 3, true, true}};
    n.fcs = {{42, 9, true}, {9, 4, false}};
    return n;
}

inline double max_abs(const Vec& v) {
    double m = 0.0;
    for (double x : v) m = std::max(m, std::fabs(x));
    return m;
}

} // namespace xai_test

#endif
