// C-simulation driver for a generated network (xai_network.h, and xai_numerics.h unless
// XAI_CALIBRATE_ONLY). Not synthesized: it is the testbench the SDK compiles with g++.
//
//   xai_csim calibrate <weights.f32> <inputs.f32> <n_images>
//       float FP + BP for every method, every pass of it (explain.h: the scaled and noisy inputs of
//       Integrated Gradients and SmoothGrad too); prints the largest magnitudes the planner sizes the
//       fixed-point formats from:  images N / input_max V / act_max LAYER V / grad_max METHOD B V
//   xai_csim run <weights.f32> <inputs.f32> <n_images> <target> <out.bin> [same-class] [layer-maps <maps.f32>] [rounded-input]
//       for every image, profile (0 float, 1 planned, 2 paper; with `rounded-input` also 3: float on the
//       image as the planned profile stores it, each value rounded to its input format, explaining the
//       class the fixed-point profiles explain) and method (XAI_FOR_EACH_METHOD
//       order): int32 class, float32 logits[n_classes], float32 relevance[input_size] in real
//       units (activation and attribution scaling undone), as explain() computes them. target < 0 explains the predicted class; with
//       `same-class` the fixed-point profiles explain the class float predicted, so that
//       relevance fidelity compares explanations of the same class (a changed prediction is
//       measured by top-1 agreement instead). Prints, per method, the wall time of its planned-profile
//       runs:  planned_seconds METHOD S. With `layer-maps` and GradCam among the methods, maps.f32 gets
//       Grad-CAM's map at its block's resolution, before upsampling, for every image and profile (float,
//       planned, paper, and the rounded input's float with `rounded-input`): float32[gradcam_height * gradcam_width], computed by the design's own layer_map
//       from the arenas its pass left, in the block's stored units (a profile's scale: compare ranks).
//   xai_csim forward <weights.f32> <inputs.f32> <n_images> <methods.i32> <out.bin>
//       for every image, the FP alone with the planned profile of the method whose index
//       (XAI_FOR_EACH_METHOD order) methods.i32 holds for it: float32 logits[n_classes] in real
//       units. The deletion and insertion curves run the perturbed images through it.
//
// Inputs: weights.f32 is the float weight image (weight_image_size values, PyTorch order; put
// in the engines' order here, as the SDK writes the DRAM images: dense_weight_order.h);
// inputs.f32 holds n_images images of input_size values, [C][H][W]. Fixed-point profiles
// quantize both on load exactly as the DRAM images are quantized (the image after scaling by
// 2^act_exp(0)).
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "xai_network.h"
#ifndef XAI_CALIBRATE_ONLY
#include "xai_numerics.h"
#endif

namespace {

using namespace xai_generated;

template <class T> double as_double(const T& v) { return v.to_double(); }
double as_double(float v) { return v; }
double as_double(double v) { return v; }

std::vector<float> read_floats(const char* path, size_t count) {
    std::vector<float> v(count);
    FILE* f = std::fopen(path, "rb");
    if (!f) { std::fprintf(stderr, "xai_csim: cannot open %s\n", path); std::exit(2); }
    const size_t got = std::fread(v.data(), sizeof(float), count, f);
    std::fclose(f);
    if (got != count) { std::fprintf(stderr, "xai_csim: %s holds %zu of %zu values\n", path, got, count); std::exit(2); }
    return v;
}

/// The weight image in the engines' order (dense layers blocked), from PyTorch order.
std::vector<float> engine_order(const std::vector<float>& pytorch_order) {
    std::vector<float> w(pytorch_order.size());
    xai::to_engine_weight_order<fc_engine<float_numerics>::tile>(network<float_numerics>::layers, n_layers,
                                                                  pytorch_order.data(), w.data(), weight_image_size);
    return w;
}

/// The weight image in NUM's weight type: layer l's block (weights, then biases; the blocks are in
/// layer order) stored as true * 2^NUM::weight_exp(l), as the SDK writes the DRAM image.
template <class NUM> std::vector<typename NUM::weight_t> stored_weights(const std::vector<float>& w) {
    std::vector<typename NUM::weight_t> stored(w.size());
    for (unsigned l = 0; l < n_layers; l++) {
        const unsigned begin = network<NUM>::layers[l].params;
        const unsigned end = l + 1 < n_layers ? network<NUM>::layers[l + 1].params : unsigned(w.size());
        for (unsigned i = begin; i < end; i++)
            stored[i] = typename NUM::weight_t(std::ldexp(double(w[i]), NUM::weight_exp(l)));
    }
    return stored;
}

/// One profile's buffers: the weight image and arenas in that profile's types.
template <class NUM> struct workspace {
    static const unsigned beat = xai::weight_beat_of<fc_engine<NUM>>::value;
    std::vector<typename NUM::weight_t> weights;
    std::vector<xai::weight_beat_t<fc_engine<NUM>>> beats; ///< the image as the packed dense weight port reads it
    std::vector<typename NUM::act_t> image, act, logits;
    std::vector<typename NUM::grad_t> grad, relevance;
    std::vector<typename NUM::act_t> pass_input;                   ///< with explain_config::sums_off_chip: the pass input
    std::vector<typename xai::pass_memory<NUM>::sum_t> sums; ///< and the running sums (host memory, as the board's DRAM)
    fp_state st;
    explicit workspace(const std::vector<float>& w)
        : weights(stored_weights<NUM>(w)), beats(beat > 1 ? weights.size() / beat : 0), image(input_size),
          act(act_arena_size), logits(n_classes), grad(grad_arena_size), relevance(input_size),
          pass_input(input_size), sums(input_size) {
        if (beat > 1) xai::to_beats<beat>(weights.data(), unsigned(weights.size()), beats.data());
    }
    /// The DRAM image holds the input scaled by 2^act_exp(0), as the host writes it.
    void load(const float* x) {
        for (unsigned i = 0; i < input_size; i++) image[i] = stored(x[i]);
    }
    /// One input value as the DRAM image holds it.
    static typename NUM::act_t stored(float x) { return typename NUM::act_t(std::ldexp(double(x), NUM::act_exp(0))); }
    /// The image load() stores, back in real units (exact in float: 16 significant bits times a power of two).
    static void stored_input(const float* x, float* out) {
        for (unsigned i = 0; i < input_size; i++) out[i] = float(std::ldexp(as_double(stored(x[i])), -NUM::act_exp(0)));
    }
    /// Logit i in real units (the last block stores them scaled by 2^act_exp(n_layers)).
    double logit(unsigned i) const { return std::ldexp(as_double(logits[i]), -NUM::act_exp(n_layers)); }
};

/// The explanation of one image with one profile and method; appends class, logits, relevance to out, and
/// for Grad-CAM its map at the block's resolution to maps (when given).
template <class NUM, class METHOD> int run_one(workspace<NUM>& ws, const float* x, int target, FILE* out, FILE* maps = nullptr) {
    ws.load(x);
    const int32_t cls = int32_t(explain<NUM, METHOD>(ws.image.data(), ws.weights.data(), ws.act.data(), ws.grad.data(),
                                                     ws.relevance.data(), ws.logits.data(), target, ws.st, ws.beats.data(),
                                                     xai::no_pass_observer(), ws.pass_input.data(), ws.sums.data()));
    std::fwrite(&cls, sizeof cls, 1, out);
    for (unsigned i = 0; i < n_classes; i++) { const float v = float(ws.logit(i)); std::fwrite(&v, sizeof v, 1, out); }
    const double unscale = std::ldexp(1.0, -xai::attribution_exp<NUM, METHOD, explain_config>());
    for (unsigned i = 0; i < input_size; i++) { const float v = float(as_double(ws.relevance[i]) * unscale); std::fwrite(&v, sizeof v, 1, out); }
    if constexpr (std::is_same<METHOD, xai::GradCam>::value) {
        if (maps) {
            typedef xai::explain_detail::cam_driver<NUM, explain_config, input_size, n_classes, false> cam;
            std::vector<typename cam::cam_t> map(cam::HW);
            cam::layer_map(ws.act.data() + explain_config::gradcam_act_at, ws.grad.data() + explain_config::gradcam_grad_at, map.data());
            for (unsigned p = 0; p < cam::HW; p++) { const float v = float(as_double(map[p])); std::fwrite(&v, sizeof v, 1, maps); }
        }
    }
    return cls;
}

double max_abs(const float* v, unsigned n) {
    double m = 0;
    for (unsigned i = 0; i < n; i++) m = std::fmax(m, std::fabs(double(v[i])));
    return m;
}

/// Calibration sees every pass: the pass's input, every layer's output in the arena (the last one is
/// the logits) and, after a BP, the input relevance and the gradient boundaries the BP wrote (from bp_stop
/// up: Grad-CAM's BP leaves the ones below its block to earlier passes, which are not this method's).
struct range_observer {
    const workspace<float_numerics>* ws;
    double* input_max;
    double* act_max;  ///< [n_layers]
    double* grad_max; ///< [n_boundaries]
    void operator()(const float* input, const float* relevance, bool bp, unsigned bp_stop) const {
        *input_max = std::fmax(*input_max, max_abs(input, input_size));
        for (unsigned l = 0; l < n_layers; l++)
            act_max[l] = std::fmax(act_max[l], max_abs(ws->act.data() + act_offset[l], act_size[l]));
        if (!bp) return;
        grad_max[0] = std::fmax(grad_max[0], max_abs(relevance, input_size));
        for (unsigned b = bp_stop > 1 ? bp_stop : 1; b < n_boundaries; b++)
            grad_max[b] = std::fmax(grad_max[b], max_abs(ws->grad.data() + grad_offset[b], grad_size[b]));
    }
};

int calibrate(const std::vector<float>& w, const std::vector<float>& inputs, unsigned n_images) {
    // The maxima are read straight from the arenas, in real units only without activation scaling.
    static_assert(float_numerics::act_exp(0) == 0 && float_numerics::act_exp(n_layers) == 0,
                  "calibration runs the unscaled float profile");
    workspace<float_numerics> ws(w);
    double input_max = 0, act_max[n_layers] = {};
    std::printf("images %u\n", n_images);
#define XAI_CALIBRATE_METHOD(M)                                                                               \
    {                                                                                                         \
        double grad_max[n_boundaries] = {};                                                                   \
        for (unsigned k = 0; k < n_images; k++) {                                                             \
            ws.load(inputs.data() + size_t(k) * input_size);                                                  \
            const range_observer observe = {&ws, &input_max, act_max, grad_max};                              \
            explain<float_numerics, xai::M>(ws.image.data(), ws.weights.data(), ws.act.data(), ws.grad.data(), \
                                            ws.relevance.data(), ws.logits.data(), -1, ws.st, ws.beats.data(), \
                                            observe, ws.pass_input.data(), ws.sums.data());                   \
        }                                                                                                     \
        for (unsigned b = 0; b < n_boundaries; b++) std::printf("grad_max %s %u %.9g\n", #M, b, grad_max[b]); \
    }
    XAI_FOR_EACH_METHOD(XAI_CALIBRATE_METHOD)
#undef XAI_CALIBRATE_METHOD
    std::printf("input_max %.9g\n", input_max);
    for (unsigned l = 0; l < n_layers; l++) std::printf("act_max %u %.9g\n", l, act_max[l]);
    return 0;
}

#ifndef XAI_CALIBRATE_ONLY
int simulate(const std::vector<float>& w, const std::vector<float>& inputs, unsigned n_images, int target, bool same_class,
             const char* out_path, const char* maps_path, bool rounded_input) {
    FILE* out = std::fopen(out_path, "wb");
    if (!out) { std::fprintf(stderr, "xai_csim: cannot write %s\n", out_path); return 2; }
    FILE* maps = maps_path ? std::fopen(maps_path, "wb") : nullptr;
    if (maps_path && !maps) { std::fprintf(stderr, "xai_csim: cannot write %s\n", maps_path); std::fclose(out); return 2; }
    workspace<float_numerics> ws_float(w);
    workspace<paper_numerics> ws_paper(w);
#define XAI_PLANNED_WORKSPACE(M) workspace<planned_numerics<xai::M>::type> ws_##M(w); double seconds_##M = 0;
    XAI_FOR_EACH_METHOD(XAI_PLANNED_WORKSPACE)
#undef XAI_PLANNED_WORKSPACE
    for (unsigned k = 0; k < n_images; k++) {
        const float* x = inputs.data() + size_t(k) * input_size;
        int float_class = target;
#define XAI_RUN_FLOAT(M) float_class = run_one<float_numerics, xai::M>(ws_float, x, target, out, maps);
        XAI_FOR_EACH_METHOD(XAI_RUN_FLOAT)
        const int fixed_target = same_class ? float_class : target;
#define XAI_RUN_PLANNED(M)                                                                                      \
        {                                                                                                       \
            const auto start = std::chrono::steady_clock::now();                                                \
            run_one<planned_numerics<xai::M>::type, xai::M>(ws_##M, x, fixed_target, out, maps);                \
            seconds_##M += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();     \
        }
#define XAI_RUN_PAPER(M) run_one<paper_numerics, xai::M>(ws_paper, x, fixed_target, out, maps);
        XAI_FOR_EACH_METHOD(XAI_RUN_PLANNED)
        XAI_FOR_EACH_METHOD(XAI_RUN_PAPER)
        // Float's own map when only the input is rounded as the design rounds it: how far the network's
        // explanation moves under that one rounding (fidelity reads it as a reference beside the planned figures).
#define XAI_RUN_ROUNDED(M)                                                                                      \
        {                                                                                                       \
            workspace<planned_numerics<xai::M>::type>::stored_input(x, rounded.data());                        \
            run_one<float_numerics, xai::M>(ws_float, rounded.data(), fixed_target, out, maps);                 \
        }
        if (rounded_input) {
            std::vector<float> rounded(input_size);
            XAI_FOR_EACH_METHOD(XAI_RUN_ROUNDED)
        }
#undef XAI_RUN_FLOAT
#undef XAI_RUN_PLANNED
#undef XAI_RUN_PAPER
#undef XAI_RUN_ROUNDED
    }
#define XAI_PRINT_SECONDS(M) std::printf("planned_seconds %s %.6f\n", #M, seconds_##M);
    XAI_FOR_EACH_METHOD(XAI_PRINT_SECONDS)
#undef XAI_PRINT_SECONDS
    const bool ok = std::fclose(out) == 0 && (!maps || std::fclose(maps) == 0);
    return ok ? 0 : 2;
}

/// The forward pass of one image with one profile and the ReLU rule of METHOD; appends the logits to out.
template <class NUM, class METHOD> void forward_one(workspace<NUM>& ws, const float* x, FILE* out) {
    typedef typename xai::explanation_traits<METHOD, explain_config>::rule rule;
    ws.load(x);
    // The pass explain() runs, with run_bp false: the same instance, so nothing new to compile.
    pass_runner<NUM, rule> pass = {ws.weights.data(), ws.act.data(), ws.grad.data(), ws.st, ws.beats.data()};
    pass(ws.image.data(), ws.relevance.data(), ws.logits.data(), -1, false);
    for (unsigned i = 0; i < n_classes; i++) { const float v = float(ws.logit(i)); std::fwrite(&v, sizeof v, 1, out); }
}

int forward(const std::vector<float>& w, const std::vector<float>& inputs, unsigned n_images, const char* methods_path,
            const char* out_path) {
    std::vector<int32_t> methods(n_images);
    FILE* m = std::fopen(methods_path, "rb");
    if (!m || std::fread(methods.data(), sizeof(int32_t), n_images, m) != n_images) {
        std::fprintf(stderr, "xai_csim: %s does not hold %u method indices\n", methods_path, n_images);
        if (m) std::fclose(m);
        return 2;
    }
    std::fclose(m);
    FILE* out = std::fopen(out_path, "wb");
    if (!out) { std::fprintf(stderr, "xai_csim: cannot write %s\n", out_path); return 2; }
#define XAI_PLANNED_WORKSPACE(M) workspace<planned_numerics<xai::M>::type> ws_##M(w);
    XAI_FOR_EACH_METHOD(XAI_PLANNED_WORKSPACE)
#undef XAI_PLANNED_WORKSPACE
    for (unsigned k = 0; k < n_images; k++) {
        const float* x = inputs.data() + size_t(k) * input_size;
        int32_t index = 0;
        bool ran = false;
#define XAI_FORWARD(M)                                                                                        \
        if (methods[k] == index++) { forward_one<planned_numerics<xai::M>::type, xai::M>(ws_##M, x, out); ran = true; }
        XAI_FOR_EACH_METHOD(XAI_FORWARD)
#undef XAI_FORWARD
        if (!ran) {
            std::fprintf(stderr, "xai_csim: image %u names method %d; the network has %d\n", k, int(methods[k]), int(index));
            std::fclose(out);
            return 2;
        }
    }
    return std::fclose(out) == 0 ? 0 : 2;
}
#endif

} // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "calibrate" && argc == 5) {
        const unsigned n = unsigned(std::strtoul(argv[4], nullptr, 10));
        return calibrate(engine_order(read_floats(argv[2], weight_image_size)), read_floats(argv[3], size_t(n) * input_size), n);
    }
#ifndef XAI_CALIBRATE_ONLY
    if (mode == "run" && argc >= 7) {
        bool same_class = false;
        const char* maps = nullptr;
        bool rounded_input = false;
        bool usage = false;
        for (int a = 7; a < argc; a++) {
            if (std::string(argv[a]) == "same-class") same_class = true;
            else if (std::string(argv[a]) == "layer-maps" && a + 1 < argc) maps = argv[++a];
            else if (std::string(argv[a]) == "rounded-input") rounded_input = true;
            else usage = true;
        }
        if (!usage) {
            const unsigned n = unsigned(std::strtoul(argv[4], nullptr, 10));
            return simulate(engine_order(read_floats(argv[2], weight_image_size)), read_floats(argv[3], size_t(n) * input_size), n,
                            std::atoi(argv[5]), same_class, argv[6], maps, rounded_input);
        }
    }
    if (mode == "forward" && argc == 7) {
        const unsigned n = unsigned(std::strtoul(argv[4], nullptr, 10));
        return forward(engine_order(read_floats(argv[2], weight_image_size)), read_floats(argv[3], size_t(n) * input_size), n,
                       argv[5], argv[6]);
    }
#endif
    std::fprintf(stderr, "usage: xai_csim calibrate <weights.f32> <inputs.f32> <n> | run <weights.f32> <inputs.f32> <n> <target> <out.bin> [same-class] [layer-maps <maps.f32>] [rounded-input]"
                         " | forward <weights.f32> <inputs.f32> <n> <methods.i32> <out.bin>\n");
    return 2;
}
