// Benchmark: C simulation of the Table III top per image (FP, and FP+BP Saliency) with
// bit-accurate 16-bit fixed types, against PyTorch float on one thread (same run, same
// number of images). Last line: csim_fpbp_ms=<x> torch_fpbp_ms=<y> ratio=<x/y>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "table3_top.h"
#include "table3_numerics.h"
#include "support/splitmix_weights.h"
#include "support/network_engine_images.h"

namespace {

typedef table3::paper_numerics paper;
typedef table3::scaled_numerics<4, 2, 3, 2, 3, 2, 1, -1> scaled; // calibrated (tests/numerics_test.cpp)

template <class NUM> struct Bench {
    typedef typename NUM::act_t act_t;
    typedef typename NUM::weight_t weight_t;
    typedef typename NUM::grad_t grad_t;
    std::vector<weight_t> w;
    std::vector<std::vector<act_t>> images;
    std::vector<act_t> act, logits;
    std::vector<grad_t> grad, rel;
    table3::fp_state st;

    explicit Bench(unsigned n) : act(table3::act_arena_size), logits(table3::n_classes), grad(table3::grad_arena_size),
                                 rel(table3::input_size) {
        for (float v : xai_test::table3_engine_image(xai_test::splitmix_weight_image(2022, xai_test::table3_param_layers())))
            w.push_back(weight_t(v));
        for (unsigned k = 0; k < n; k++) {
            std::vector<act_t> x;
            for (float v : xai_test::splitmix_input(k, table3::input_size)) x.push_back(act_t(v));
            images.push_back(x);
        }
    }
    /// Mean milliseconds per image.
    double time(bool bp) {
        unsigned sink = 0;
        auto t0 = std::chrono::steady_clock::now();
        for (const auto& x : images)
            sink += table3::run<NUM, xai::Saliency>(x.data(), w.data(), act.data(), grad.data(), rel.data(),
                                                     logits.data(), -1, bp, st);
        auto t1 = std::chrono::steady_clock::now();
        if (sink == 12345678u) std::printf(" ");
        return std::chrono::duration<double, std::milli>(t1 - t0).count() / double(images.size());
    }
};

template <class NUM> void report(const char* name, unsigned n, double& fp, double& fpbp) {
    Bench<NUM> b(n);
    b.time(true); // warm-up
    fp = b.time(false);
    fpbp = b.time(true);
    std::printf("csim %-22s fp_ms=%.3f fpbp_ms=%.3f\n", name, fp, fpbp);
}

} // namespace

int main(int argc, char** argv) {
    const unsigned n = argc > 1 ? unsigned(std::atoi(argv[1])) : 20;
    std::printf("Table III, %u images, batch 1, one thread\n", n);
    double fp = 0, fpbp = 0, sfp = 0, sfpbp = 0, ffp = 0, ffpbp = 0;
    report<table3::float_numerics>("float", n, ffp, ffpbp);
    report<scaled>("scaled <16,4>/<16,1>", n, sfp, sfpbp);
    report<paper>("paper ap_fixed<16,8>", n, fp, fpbp);

    const std::string cmd = std::string("/usr/bin/python3 ") + XAI_BENCH_DIR + "/torch_table3.py " + std::to_string(n);
    FILE* p = popen(cmd.c_str(), "r");
    double tfp = -1, tfpbp = -1;
    if (p) {
        char line[256];
        while (std::fgets(line, sizeof line, p))
            if (std::sscanf(line, "torch_fp_ms=%lf torch_fpbp_ms=%lf", &tfp, &tfpbp) == 2) break;
        pclose(p);
    }
    if (tfpbp <= 0) {
        std::fprintf(stderr, "csim-vs-torch: running '%s' gave no torch_fp_ms/torch_fpbp_ms line\n", cmd.c_str());
        return 1;
    }
    std::printf("torch float fp_ms=%.3f fpbp_ms=%.3f\n", tfp, tfpbp);
    std::printf("csim_fp_ms=%.3f torch_fp_ms=%.3f\n", fp, tfp);
    std::printf("csim_fpbp_ms=%.3f torch_fpbp_ms=%.3f ratio=%.3f\n", fpbp, tfpbp, fpbp / tfpbp);
    return 0;
}
