// Deterministic weights and inputs shared with the PyTorch reference generator
// (branch pyref): both sides regenerate them from a seed instead of storing them.
//
// splitmix64; u = (next() >> 11) * 2^-53 in [0,1).
// Network with seed S: one generator with state S; per parameterised layer in network
// order, all weights in PyTorch row-major layout ([Cout,Cin,K,K] or [out,in]) as
// (2u-1)*sqrt(6/fan_in), then the biases as (2u-1)*0.05; computed in double, rounded to
// float. Input image k: a fresh generator with state 1000000 + k; u rounded to float, C,H,W.
#ifndef XAI_TESTS_SPLITMIX_WEIGHTS_H
#define XAI_TESTS_SPLITMIX_WEIGHTS_H

#include <cmath>
#include <cstdint>
#include <vector>

namespace xai_test {

class SplitMix64 {
public:
    explicit SplitMix64(uint64_t state) : s_(state) {}
    uint64_t next() {
        s_ += 0x9E3779B97F4A7C15ull;
        uint64_t z = s_;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }

private:
    uint64_t s_;
};

/// One parameterised layer: weight count, fan-in, bias count.
struct ParamLayer {
    unsigned weights;
    unsigned fan_in;
    unsigned biases;
};

inline ParamLayer conv_params(unsigned cin, unsigned cout, unsigned k) { return {cout * cin * k * k, cin * k * k, cout}; }
inline ParamLayer linear_params(unsigned in, unsigned out) { return {out * in, in, out}; }

/// The flat weight image (weights then biases per layer, layers in order), as float.
inline std::vector<float> splitmix_weight_image(uint64_t seed, const std::vector<ParamLayer>& layers) {
    SplitMix64 g(seed);
    std::vector<float> img;
    for (const ParamLayer& l : layers) {
        const double bound = std::sqrt(6.0 / double(l.fan_in));
        for (unsigned i = 0; i < l.weights; i++) img.push_back(float((2.0 * g.uniform() - 1.0) * bound));
        for (unsigned i = 0; i < l.biases; i++) img.push_back(float((2.0 * g.uniform() - 1.0) * 0.05));
    }
    return img;
}

/// Input image k: n values in C,H,W order.
inline std::vector<float> splitmix_input(unsigned k, unsigned n) {
    SplitMix64 g(1000000ull + k);
    std::vector<float> x(n);
    for (unsigned i = 0; i < n; i++) x[i] = float(g.uniform());
    return x;
}

/// Table III (seed 2022), the small odd network (seed 7) and the grid network (seed 11) parameter layers.
inline std::vector<ParamLayer> table3_param_layers() {
    return {conv_params(3, 32, 3), conv_params(32, 32, 3), conv_params(32, 64, 3), conv_params(64, 64, 3),
            linear_params(4096, 128), linear_params(128, 10)};
}
inline std::vector<ParamLayer> odd_net_param_layers() {
    return {conv_params(3, 5, 5), conv_params(5, 7, 3), linear_params(42, 9), linear_params(9, 4)};
}
/// The depthwise-separable network (seed 13); a depthwise layer's weights are [C][1][K][K].
inline std::vector<ParamLayer> dw_net_param_layers() {
    return {conv_params(3, 6, 3), conv_params(1, 6, 3), conv_params(6, 8, 1), conv_params(1, 8, 3), conv_params(8, 8, 1),
            linear_params(48, 5)};
}
/// The residual network (seed 17), layers in the order ResBlocks draws them.
inline std::vector<ParamLayer> res_net_param_layers() {
    return {conv_params(3, 4, 3), conv_params(4, 4, 3), conv_params(4, 4, 3), conv_params(4, 8, 3), conv_params(4, 8, 1),
            conv_params(8, 8, 3), linear_params(200, 5)};
}
/// The strided / unevenly padded network (seed 11).
inline std::vector<ParamLayer> grid_net_param_layers() {
    return {conv_params(3, 6, 3), conv_params(6, 8, 3), conv_params(8, 8, 1), conv_params(8, 6, 3), linear_params(18, 4)};
}

} // namespace xai_test

#endif
