// Direct double references of a convolution block for the tests: stride, ONNX pads and depthwise
// read from the block configuration the way the engine reads them (layer_desc.h), FP with bias
// and ReLU (or ReLU6), BP as the transpose with the method's ReLU rule (ReLU6: the clip's own
// gradient [0 < x < 6] for every method, as Captum leaves it). Written from the definition, not
// from the engine's tiling.
#ifndef XAI_TESTS_CONV_REFERENCE_H
#define XAI_TESTS_CONV_REFERENCE_H

#include "xai/conv2d.h"
#include "test_configs.h"

namespace xai_test {

template <class CFG> struct conv_reference {
    typedef xai::conv2d_shape<CFG> SH;
    typedef xai::conv_pads_of<CFG> PADS;
    static const unsigned K = CFG::kernel, S = xai::conv_stride_of<CFG>::value;
    static const bool depthwise = xai::conv_depthwise_of<CFG>::value;
    static const bool relu6 = xai::conv_relu6_of<CFG>::value;
    /// ReLU6's clip level in the stored scale.
    static double level() { return 6.0 * xai::pow2(xai::act_out_exp_of<CFG>::value); }

    /// Input cell of tap (kh, kw) of output (oy, ox), or false in the padding.
    static bool tap(unsigned oy, unsigned ox, unsigned kh, unsigned kw, unsigned& y, unsigned& x) {
        const int yy = int(oy * S + kh) - int(PADS::top), xx = int(ox * S + kw) - int(PADS::left);
        if (yy < 0 || yy >= int(CFG::height) || xx < 0 || xx >= int(CFG::width)) return false;
        y = unsigned(yy);
        x = unsigned(xx);
        return true;
    }
    static unsigned weight(unsigned co, unsigned ci, unsigned kh, unsigned kw) {
        return ((co * (depthwise ? 1 : CFG::in_c) + (depthwise ? 0 : ci)) * K + kh) * K + kw;
    }
    static bool connected(unsigned co, unsigned ci) { return !depthwise || co == ci; }

    static Vec forward(const Vec& in, const Vec& p) {
        Vec out(SH::out_size);
        for (unsigned co = 0; co < CFG::out_c; co++)
            for (unsigned oy = 0; oy < SH::out_h; oy++)
                for (unsigned ox = 0; ox < SH::out_w; ox++) {
                    double s = p[SH::weight_count + co];
                    unsigned y, x;
                    for (unsigned ci = 0; ci < CFG::in_c; ci++)
                        for (unsigned kh = 0; kh < K; kh++)
                            for (unsigned kw = 0; kw < K; kw++)
                                if (connected(co, ci) && tap(oy, ox, kh, kw, y, x))
                                    s += p[weight(co, ci, kh, kw)] * in[(ci * CFG::height + y) * CFG::width + x];
                    out[(co * SH::out_h + oy) * SH::out_w + ox] =
                        CFG::relu && s <= 0 ? 0.0 : relu6 && s >= level() ? level() : s;
                }
        return out;
    }

    template <class METHOD> static Vec backward(const Vec& g, const Vec& out, const Vec& p) {
        Vec dx(SH::in_size, 0.0);
        for (unsigned co = 0; co < CFG::out_c; co++)
            for (unsigned oy = 0; oy < SH::out_h; oy++)
                for (unsigned ox = 0; ox < SH::out_w; ox++) {
                    const unsigned o = (co * SH::out_h + oy) * SH::out_w + ox;
                    const double gg = relu6      ? (out[o] > 0 && out[o] < level() ? g[o] : 0.0)
                                      : CFG::relu ? METHOD::template backward<double>(out[o] > 0, g[o])
                                                  : g[o];
                    unsigned y, x;
                    for (unsigned ci = 0; ci < CFG::in_c; ci++)
                        for (unsigned kh = 0; kh < K; kh++)
                            for (unsigned kw = 0; kw < K; kw++)
                                if (connected(co, ci) && tap(oy, ox, kh, kw, y, x))
                                    dx[(ci * CFG::height + y) * CFG::width + x] += p[weight(co, ci, kh, kw)] * gg;
                }
        return dx;
    }

    /// The block's FP and BP against the references, for METHOD.
    /// (Inputs in [-input_range, input_range]; a wider range drives ReLU6 into its clip.)
    template <class METHOD> static void check(uint64_t seed, double input_range = 1.0) {
        const Vec x = random_vec(seed, SH::in_size, -input_range, input_range),
                  p = random_vec(seed + 1, SH::param_count, -0.5, 0.5);
        const Vec g = random_vec(seed + 2, SH::out_size);
        Vec out(SH::out_size, -99.0), dx(SH::in_size, -99.0);
        Bits mask(SH::out_size);
        xai::conv2d_fp<CFG, METHOD>(x.data(), p.data(), out.data(), mask.data(), nullptr);
        const Vec ref = forward(x, p);
        for (unsigned i = 0; i < SH::out_size; i++) ASSERT_NEAR(out[i], ref[i], 1e-12) << "output " << i;
        xai::conv2d_bp<CFG, METHOD>(g.data(), p.data(), out.data(), mask.data(), nullptr, dx.data());
        const Vec rdx = backward<METHOD>(g, ref, p);
        for (unsigned i = 0; i < SH::in_size; i++) ASSERT_NEAR(dx[i], rdx[i], 1e-12) << "input gradient " << i;
    }

    /// No ReLU, zero bias: <conv(x), g> = <x, conv^T(g)> (CFG must have relu = false).
    static void check_adjoint(uint64_t seed) {
        static_assert(!CFG::relu, "the adjoint identity holds for the linear block");
        const Vec x = random_vec(seed, SH::in_size), g = random_vec(seed + 1, SH::out_size);
        Vec p = random_vec(seed + 2, SH::param_count, -0.5, 0.5);
        for (unsigned i = SH::weight_count; i < SH::param_count; i++) p[i] = 0.0;
        Vec out(SH::out_size), dx(SH::in_size);
        xai::conv2d_fp<CFG, xai::Saliency>(x.data(), p.data(), out.data(), nullptr, nullptr);
        xai::conv2d_bp<CFG, xai::Saliency>(g.data(), p.data(), nullptr, nullptr, nullptr, dx.data());
        EXPECT_NEAR(dot(out, g), dot(x, dx), 1e-12 * (1.0 + std::fabs(dot(out, g))));
    }
};

} // namespace xai_test

#endif
