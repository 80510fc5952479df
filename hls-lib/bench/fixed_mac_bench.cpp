// Multiply-accumulate throughput of xai::fixed against float and plain integers, on one thread:
// a 4096 -> 6144 vector-matrix product (25.2 M MACs, the size of the paper's CNN forward pass),
// 16-bit activations and weights, a 40-bit wrapping accumulator, outputs requantized with
// rounding and saturation. Prints milliseconds per pass and MAC/ns for each variant.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

#include "xai/types.h"

namespace {

constexpr int kIn = 4096;
constexpr int kOut = 6144;

using Act = xai::fixed_t<16, 6>;
using Weight = xai::fixed_t<16, 2>;
using Acc = xai::fixed_t<40, 16>;
using Out = xai::fixed_t<16, 6, xai::AP_RND, xai::AP_SAT>;

template <class F>
double best_ms(F&& pass) {
  double best = 1e300;
  for (int rep = 0; rep < 5; ++rep) {
    const auto t0 = std::chrono::steady_clock::now();
    pass();
    const auto t1 = std::chrono::steady_clock::now();
    const double ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    if (ms < best) best = ms;
  }
  return best;
}

}  // namespace

int main() {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> ua(-8.0, 8.0), uw(-1.0, 1.0);
  std::vector<Act> x(kIn);
  std::vector<Weight> w(static_cast<size_t>(kIn) * kOut);
  std::vector<Out> y(kOut);
  std::vector<float> xf(kIn), wf(w.size()), yf(kOut);
  std::vector<std::int16_t> xi(kIn), wi(w.size());
  std::vector<std::int64_t> yi(kOut);
  for (int i = 0; i < kIn; ++i) {
    x[i] = ua(rng);
    xf[i] = x[i].to_float();
    xi[i] = x[i].raw();
  }
  for (size_t i = 0; i < w.size(); ++i) {
    w[i] = uw(rng);
    wf[i] = w[i].to_float();
    wi[i] = w[i].raw();
  }

  auto fixed_pass = [&](auto acc_zero) {
    return best_ms([&] {
      for (int o = 0; o < kOut; ++o) {
        const Weight* row = &w[static_cast<size_t>(o) * kIn];
        auto acc = acc_zero;
        for (int i = 0; i < kIn; ++i) acc += x[i] * row[i];
        y[o] = acc;
      }
    });
  };
  const double ms_fixed = fixed_pass(Acc(0));
  const double ms_fixed32 = fixed_pass(xai::fixed_t<32, 12>(0));
  const double ms_fixed64 = fixed_pass(xai::fixed_t<64, 24>(0));
  const double ms_float = best_ms([&] {
    for (int o = 0; o < kOut; ++o) {
      const float* row = &wf[static_cast<size_t>(o) * kIn];
      float acc = 0;
      for (int i = 0; i < kIn; ++i) acc += xf[i] * row[i];
      yf[o] = acc;
    }
  });
  const double ms_int = best_ms([&] {
    for (int o = 0; o < kOut; ++o) {
      const std::int16_t* row = &wi[static_cast<size_t>(o) * kIn];
      std::int64_t acc = 0;
      for (int i = 0; i < kIn; ++i) acc += static_cast<std::int32_t>(xi[i]) * row[i];
      yi[o] = acc;
    }
  });

  double check = 0;  // keeps every variant's results alive
  for (int o = 0; o < kOut; ++o) check += y[o].to_double() + yf[o] + static_cast<double>(yi[o] % 7);
  const double macs = static_cast<double>(kIn) * kOut;
  std::printf("vector-matrix %d x %d = %.1f M MACs, best of 5, one thread\n", kIn, kOut, macs / 1e6);
  std::printf("  xai::fixed<16,6>*<16,2> -> <40,16> acc, <16,6,RND,SAT> out: %8.2f ms  %6.2f MAC/ns\n",
              ms_fixed, macs / ms_fixed / 1e6);
  std::printf("  same, <32,12> accumulator (native width: vectorizable)     : %8.2f ms  %6.2f MAC/ns\n",
              ms_fixed32, macs / ms_fixed32 / 1e6);
  std::printf("  same, <64,24> accumulator (native width: vectorizable)     : %8.2f ms  %6.2f MAC/ns\n",
              ms_fixed64, macs / ms_fixed64 / 1e6);
  std::printf("  float                                                      : %8.2f ms  %6.2f MAC/ns\n",
              ms_float, macs / ms_float / 1e6);
  std::printf("  int16*int16 -> int64 (no wrap)                             : %8.2f ms  %6.2f MAC/ns\n",
              ms_int, macs / ms_int / 1e6);
  std::printf("  (checksum %.6f)\n", check);
  return 0;
}
