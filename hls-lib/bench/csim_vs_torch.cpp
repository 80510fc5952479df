// Benchmark: C simulation per image (FP, and FP+BP Saliency) with bit-accurate 16-bit fixed types,
// against PyTorch float on one thread (same run, same number of images), for Table III and for
// ResNet-8 (residual joins and forks). Last line of each network:
// csim_fpbp_ms=<x> torch_fpbp_ms=<y> ratio=<x/y>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "table3_top.h"
#include "table3_numerics.h"
#include "resnet8_net.h"
#include "support/splitmix_weights.h"
#include "support/network_engine_images.h"

namespace {

typedef table3::paper_numerics paper;
typedef table3::scaled_numerics<4, 2, 3, 2, 3, 2, 1, -1> scaled; // calibrated (tests/numerics_test.cpp)

/// Table III's top, as the benchmark drives it.
struct Table3 {
    typedef table3::fp_state fp_state;
    static const unsigned act_arena_size = table3::act_arena_size, grad_arena_size = table3::grad_arena_size,
                          n_classes = table3::n_classes, input_size = table3::input_size;
    static std::vector<float> weights() {
        return xai_test::table3_engine_image(xai_test::splitmix_weight_image(2022, xai_test::table3_param_layers()));
    }
    template <class NUM, class M, class A, class W, class G>
    static unsigned run(const A* x, const W* w, A* act, G* grad, G* rel, A* logits, bool bp, fp_state& st) {
        return table3::run<NUM, M>(x, w, act, grad, rel, logits, -1, bp, st);
    }
};
/// ResNet-8 (resnet8_net.h).
struct ResNet8 {
    typedef resnet8::fp_state fp_state;
    static const unsigned act_arena_size = resnet8::act_arena_size, grad_arena_size = resnet8::grad_arena_size,
                          n_classes = resnet8::n_classes, input_size = resnet8::input_size;
    static std::vector<float> weights() {
        typedef resnet8::float_numerics N;
        return xai_test::network_engine_image<resnet8::fc_engine<N>>(
            resnet8::network<N>::layers, resnet8::n_layers, xai_test::splitmix_weight_image(2023, resnet8::param_layers()));
    }
    template <class NUM, class M, class A, class W, class G>
    static unsigned run(const A* x, const W* w, A* act, G* grad, G* rel, A* logits, bool bp, fp_state& st) {
        return resnet8::run<NUM, M>(x, w, act, grad, rel, logits, -1, bp, st);
    }
};

template <class NET, class NUM> struct Bench {
    typedef typename NUM::act_t act_t;
    typedef typename NUM::weight_t weight_t;
    typedef typename NUM::grad_t grad_t;
    std::vector<weight_t> w;
    std::vector<std::vector<act_t>> images;
    std::vector<act_t> act, logits;
    std::vector<grad_t> grad, rel;
    typename NET::fp_state st;

    explicit Bench(unsigned n) : act(NET::act_arena_size), logits(NET::n_classes), grad(NET::grad_arena_size),
                                 rel(NET::input_size) {
        for (float v : NET::weights()) w.push_back(weight_t(v));
        for (unsigned k = 0; k < n; k++) {
            std::vector<act_t> x;
            for (float v : xai_test::splitmix_input(k, NET::input_size)) x.push_back(act_t(v));
            images.push_back(x);
        }
    }
    /// Mean milliseconds per image.
    double time(bool bp) {
        unsigned sink = 0;
        auto t0 = std::chrono::steady_clock::now();
        for (const auto& x : images)
            sink += NET::template run<NUM, xai::Saliency>(x.data(), w.data(), act.data(), grad.data(), rel.data(),
                                                          logits.data(), bp, st);
        auto t1 = std::chrono::steady_clock::now();
        if (sink == 12345678u) std::printf(" ");
        return std::chrono::duration<double, std::milli>(t1 - t0).count() / double(images.size());
    }
};

template <class NET, class NUM> void report(const char* name, unsigned n, double& fp, double& fpbp) {
    Bench<NET, NUM> b(n);
    b.time(true); // warm-up
    fp = b.time(false);
    fpbp = b.time(true);
    std::printf("csim %-22s fp_ms=%.3f fpbp_ms=%.3f\n", name, fp, fpbp);
}

/// Runs the PyTorch baseline script; false when it printed no timing line.
bool torch_times(const char* script, unsigned n, double& tfp, double& tfpbp) {
    const std::string cmd = std::string("/usr/bin/python3 ") + XAI_BENCH_DIR + "/" + script + " " + std::to_string(n);
    FILE* p = popen(cmd.c_str(), "r");
    tfp = tfpbp = -1;
    if (p) {
        char line[256];
        while (std::fgets(line, sizeof line, p))
            if (std::sscanf(line, "torch_fp_ms=%lf torch_fpbp_ms=%lf", &tfp, &tfpbp) == 2) break;
        pclose(p);
    }
    if (tfpbp <= 0) std::fprintf(stderr, "csim-vs-torch: running '%s' gave no torch_fp_ms/torch_fpbp_ms line\n", cmd.c_str());
    return tfpbp > 0;
}

void compare(double fp, double fpbp, double tfp, double tfpbp) {
    std::printf("torch float fp_ms=%.3f fpbp_ms=%.3f\n", tfp, tfpbp);
    std::printf("csim_fp_ms=%.3f torch_fp_ms=%.3f\n", fp, tfp);
    std::printf("csim_fpbp_ms=%.3f torch_fpbp_ms=%.3f ratio=%.3f\n", fpbp, tfpbp, fpbp / tfpbp);
}

} // namespace

int main(int argc, char** argv) {
    const unsigned n = argc > 1 ? unsigned(std::atoi(argv[1])) : 20;
    std::printf("Table III, %u images, batch 1, one thread\n", n);
    double fp = 0, fpbp = 0, sfp = 0, sfpbp = 0, ffp = 0, ffpbp = 0, tfp = 0, tfpbp = 0;
    report<Table3, table3::float_numerics>("float", n, ffp, ffpbp);
    report<Table3, scaled>("scaled <16,4>/<16,1>", n, sfp, sfpbp);
    report<Table3, paper>("paper ap_fixed<16,8>", n, fp, fpbp);
    if (!torch_times("torch_table3.py", n, tfp, tfpbp)) return 1;
    compare(fp, fpbp, tfp, tfpbp);

    std::printf("ResNet-8, %u images, batch 1, one thread\n", n);
    report<ResNet8, resnet8::float_numerics>("float", n, ffp, ffpbp);
    report<ResNet8, resnet8::fixed_numerics>("fixed <16,2>/<16,1>", n, sfp, sfpbp);
    if (!torch_times("torch_resnet8.py", n, tfp, tfpbp)) return 1;
    compare(sfp, sfpbp, tfp, tfpbp);
    return 0;
}
