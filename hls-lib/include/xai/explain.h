// Explanations built from passes of the one engine (issue 13): Input x Gradient, Integrated
// Gradients and SmoothGrad need nothing but FP + BP with the Saliency rule (the plain gradient),
// run on inputs formed from the image, and a little arithmetic around it. explain() is the one
// entry point for every method: for the paper's three (method.h) it is one network pass; for
// these it forms each pass's input, runs the pass, accumulates the input gradient (on chip, or
// in the caller's DRAM with explain_config::sums_off_chip) and forms the attribution once at the end.
//
// Semantics follow Captum (captum.attr), with the conventions written beside each method. The
// class explained is the prediction on the image itself (or `target`), for every pass.
#ifndef XAI_EXPLAIN_H
#define XAI_EXPLAIN_H

#include <cstdint>
#include <type_traits>

#include "arith.h"
#include "method.h"
#include "pass_control.h"
#include "types.h"

namespace xai {

/// x * dF/dx (captum.attr.InputXGradient). One FP + BP.
struct InputXGradient {};

/// (x - x') * (1/m) * sum_k dF/dx at x' + a_k (x - x'), a_k = (k + 1/2) / m, k = 0..m-1, baseline
/// x' = 0, or the image CFG::ig_baseline() * CFG::ig_baseline_unit where the configuration declares one
/// (captum.attr.IntegratedGradients with baselines=x', method='riemann_middle', n_steps=m; Captum's
/// default method is Gauss-Legendre, whose uneven steps and weights the hardware would have to store).
/// One FP on x, then m FP + BP.
struct IntegratedGradients {};

/// (1/n) * sum_k dF/dx at x + sigma * z_k (captum.attr.NoiseTunnel(Saliency(abs=False)),
/// nt_type='smoothgrad', stdevs=sigma, nt_samples=n): the mean signed gradient; z_k are
/// approximately N(0, 1) per input element from noise_source below (not torch.normal), so the
/// C simulation and the hardware draw the same noise, image after image. One FP on x, then n
/// FP + BP.
struct SmoothGrad {};

/// Grad-CAM (Selvaraju et al., 2017) on the stored output A of a chosen block L (after its fused ReLU and
/// pool: captum.attr.LayerGradCam(model, that block's last module).attribute(x, target,
/// relu_attributions=True), then LayerAttribution.interpolate(map, x.shape[2:], 'bilinear'), which is
/// F.interpolate with align_corners=False): weights w_c = spatial mean of dF/dA_c, map = ReLU(sum_c w_c A_c),
/// upsampled bilinearly to the image and written to every image channel (Captum broadcasts it so), scaled
/// per image by the power of two that puts its maximum in the relevance format's top binade: Captum's map
/// times 2^-e, e per image (ranks, heat maps and curves do not change; a calibrated exponent left a weak
/// image's map a few quanta). One FP and a BP that stops at the block (pass_control.bp_stop = L + 1).
struct GradCam {};

/// Guided Grad-CAM: Guided Backprop times the upsampled Grad-CAM map (captum.attr.GuidedGradCam with
/// interpolate_mode='bilinear'; Captum's default is 'nearest'). The map is first scaled by the power of two
/// 2^-e that brings its maximum at the block's resolution into [1/2, 1) (the upsampled map, a convex blend
/// of it, stays below 1), and the product by the power of two that puts its largest magnitude in the
/// relevance format's top binade: Captum's values times a power of two per image (ranks, heat maps and
/// curves do not change). Two passes on one engine: FP + BP with Guided Backprop's rule, then FP + BP with
/// Saliency's down to the block (SaliencyOrGuided).
struct GuidedGradCam {};

/// Parameters of the multi-pass methods; a design declares its own (the SDK writes explain_config
/// from XaiIgSteps / XaiSmoothGradSamples / XaiSmoothGradSigma) with these members.
struct default_explain_config {
    /// Integrated Gradients: m, the Riemann steps. 1 <= m; the sum of m gradients must fit the
    /// gradient accumulator (checked against each profile's formats at compile time).
    static const unsigned ig_steps = 32;
    /// SmoothGrad: n, the noisy passes (same bound as ig_steps).
    static const unsigned smoothgrad_samples = 16;
    /// SmoothGrad: sigma, the noise's standard deviation in the input's real units.
    static constexpr double smoothgrad_sigma = 0.15;
    /// SmoothGrad: the noise generator's state at the start of every image; never 0.
    static const std::uint32_t noise_seed = 0x2545F491u;
    // Integrated Gradients' baseline image x', optional (absent: zeros):
    //   ig_baseline()    : a reference to N integer codes (an array or std::array), C, H, W order, each in
    //                      [-65536, 65535]: the ROM on chip (the SDK writes the PNG's 8-bit pixels from XaiIgBaseline).
    //                      A function holding a static const array, so that a header included by the top and the
    //                      testbench defines one object under C++14, and HLS sees a constant array (a ROM).
    //   ig_baseline_unit : a constexpr double, x' = code * unit in the input's real units (the SDK: 1 / 255)
    //   inputs_nonnegative : optional, true when images and baseline are never negative (the SDK's pixel / 255):
    //                      then |x - x'| stays below x's bound and (x - x') * g needs no extra integer bit
    // sums_off_chip : optional, true to keep the multi-pass methods' pass input and running sums in the memory the
    //                  caller passes explain() (pass_memory) instead of on chip: for inputs whose 2 x 16-bit + accumulator
    //                  words per element do not fit the part's BRAM (the SDK's XaiPassSums). The pass's gradient then goes
    //                  to `relevance`. Same arithmetic in the same order: bit-identical results.
    // Grad-CAM and Guided Grad-CAM read these network-specific members, which have no default:
    //   image_channels, image_height, image_width : the image's shape (C, H, W order)
    //   gradcam_layer                             : L, the index of the block whose output is explained
    //   gradcam_channels, gradcam_height, gradcam_width : that output's shape
    //   gradcam_act_at, gradcam_grad_at           : its offsets in the activation and gradient arenas
};

/// The noise of SmoothGrad: xorshift32 (Marsaglia 2003), a linear generator over GF(2) like an
/// LFSR, one 32-bit word per input element (three shifts and XORs in hardware); the word's
/// four bytes summed (Irwin-Hall, n = 4) minus their mean give an integer in [-510, 510] with
/// standard deviation units_per_sigma: approximately normal, bounded at 3.45 sigma.
struct noise_source {
    /// sqrt(4 * (256^2 - 1) / 12): the standard deviation of the sum of four uniform bytes.
    static constexpr double units_per_sigma = 147.80054127099805;
    std::uint32_t state;
    int next() {
#pragma HLS INLINE
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return int(state & 255u) + int((state >> 8) & 255u) + int((state >> 16) & 255u) + int(state >> 24) - 510;
    }
};

/// How a method is computed: the ReLU rule of its passes, how many FP + BP passes, and whether the
/// attribution multiplies the mean gradient by the input. The paper's three are one pass of their own rule.
template <class M, class CFG> struct explanation_traits {
    static_assert(is_method<M>::value && !M::rule_per_pass,
                  "explain: METHOD must be Saliency, DeconvNet, GuidedBackprop, InputXGradient, IntegratedGradients, "
                  "SmoothGrad, GradCam or GuidedGradCam");
    typedef M rule;
    static const bool grad_cam = false; ///< true: a layer map (cam_driver)
    static const unsigned passes = 1;
    static const bool multi_pass = false; ///< false: the pass writes the relevance itself
    static const bool passes_on_image = true; ///< the passes run on the image itself (no extra FP for the class)
    static const bool times_input = false;    ///< the attribution is x times the mean gradient
};
template <class CFG> struct explanation_traits<InputXGradient, CFG> {
    typedef Saliency rule;
    static const bool grad_cam = false;
    static const unsigned passes = 1;
    static const bool multi_pass = true;
    static const bool passes_on_image = true;
    static const bool times_input = true;
};
template <class CFG> struct explanation_traits<IntegratedGradients, CFG> {
    typedef Saliency rule;
    static const bool grad_cam = false;
    static const unsigned passes = CFG::ig_steps;
    static const bool multi_pass = true;
    static const bool passes_on_image = false;
    static const bool times_input = true;
};
template <class CFG> struct explanation_traits<SmoothGrad, CFG> {
    typedef Saliency rule;
    static const bool grad_cam = false;
    static const unsigned passes = CFG::smoothgrad_samples;
    static const bool multi_pass = true;
    static const bool passes_on_image = false;
    static const bool times_input = false;
};

template <class CFG> struct explanation_traits<GradCam, CFG> {
    typedef Saliency rule;
    static const bool grad_cam = true;
    static const unsigned passes = 1;
    static const bool multi_pass = false;
    static const bool passes_on_image = true;
    static const bool times_input = false;
};
template <class CFG> struct explanation_traits<GuidedGradCam, CFG> {
    typedef SaliencyOrGuided rule; ///< the guided pass and the gradient pass on one engine
    static const bool grad_cam = true;
    static const unsigned passes = 2;
    static const bool multi_pass = false;
    static const bool passes_on_image = true;
    static const bool times_input = false;
};

/// Integer bits of a number type (sign included); 1 for float and double, which need no headroom.
template <class T> struct integer_bits { static const int value = T::iwidth; };
template <> struct integer_bits<float> { static const int value = 1; };
template <> struct integer_bits<double> { static const int value = 1; };

/// The image's exponent (stored = true * 2^e): NUM::act_exp(0) where the profile scales activations, else 0.
template <class NUM, class = void> struct image_exp { static constexpr int value = 0; };
template <class NUM> struct image_exp<NUM, decltype(void(NUM::act_exp(0)))> {
    static constexpr int value = NUM::act_exp(0);
};

/// Integer bits I_img (sign included) the stored image needs: NUM::image_int_bits where the profile states
/// it (the SDK writes it from calibration), else the act format's.
template <class NUM, class = void> struct image_int_bits {
    static constexpr int value = integer_bits<typename NUM::act_t>::value;
};
template <class NUM> struct image_int_bits<NUM, decltype(void(NUM::image_int_bits))> {
    static constexpr int value = NUM::image_int_bits;
    static_assert(value >= 1 && value <= integer_bits<typename NUM::act_t>::value,
                  "explain: image_int_bits must lie between 1 and the act format's integer bits");
};

/// Whether CFG declares Integrated Gradients' baseline image (CFG::ig_baseline()).
template <class CFG, class = void> struct has_ig_baseline : std::false_type {};
template <class CFG>
struct has_ig_baseline<CFG, decltype(void(CFG::ig_baseline()[0]))> : std::true_type {};

/// Whether CFG states that images and the baseline are never negative (CFG::inputs_nonnegative).
template <class CFG, class = void> struct inputs_nonnegative : std::false_type {};
template <class CFG>
struct inputs_nonnegative<CFG, typename std::enable_if<CFG::inputs_nonnegative>::type> : std::true_type {};

/// Whether CFG keeps the multi-pass driver's pass input and running sums off chip (CFG::sums_off_chip): in memory the
/// caller gives explain() (pass_memory), for inputs whose buffers do not fit the part's BRAM. Same arithmetic, same order.
template <class CFG, class = void> struct sums_off_chip : std::false_type {};
template <class CFG>
struct sums_off_chip<CFG, typename std::enable_if<CFG::sums_off_chip>::type> : std::true_type {};

/// The word a running sum is kept in off chip: the accumulator widened to a power-of-two width (at least 8) with the same
/// LSB, so the copy is exact both ways. Vitis HLS infers no burst on an m_axi port whose type has padding (a 48-bit
/// ap_fixed sits in 8 bytes: UG1448, message 214-233). Floating-point accumulators are their own word.
template <class T> struct sum_word { typedef T type; };
template <int W, int I, q_mode Q, o_mode O> struct sum_word<fixed_t<W, I, Q, O>> {
    static const int width = W <= 8 ? 8 : W <= 16 ? 16 : W <= 32 ? 32 : 64;
    static_assert(W <= 64, "explain: sums_off_chip keeps accumulator words of at most 64 bits");
    typedef fixed_t<width, I + (width - W)> type;
};

/// Where a multi-pass method keeps its pass input and running sums when CFG::sums_off_chip: memory the host allocates,
/// reached through the top's m_axi ports. The pass's gradient goes to explain()'s `relevance` (the attribution overwrites
/// it at the end), so the design needs no third buffer.
template <class NUM> struct pass_memory {
    typedef typename sum_word<typename NUM::grad_accum_t>::type sum_t;
    typename NUM::act_t* image; ///< N elements: each pass's input (the SDK: the top's `pass_input` port)
    sum_t* sums;                ///< N words: the running sums of the passes' gradients (the SDK: the top's `sums` port)
};

/// Whether METHOD M runs from CFG's baseline image: Integrated Gradients with CFG::ig_baseline().
template <class M, class CFG> struct from_ig_baseline {
    static const bool value = std::is_same<M, IntegratedGradients>::value && has_ig_baseline<CFG>::value;
};

/// The extra integer bit x - x' needs over x: 1 for Integrated Gradients from a baseline image whose inputs may
/// be negative (both below 2^(I_img - 1) in magnitude, their difference below 2^I_img), else 0 (inputs in
/// [0, 2^(I_img - 1)): so is |x - x'|).
template <class M, class CFG> struct input_difference_bits {
    static const int value = from_ig_baseline<M, CFG>::value && !inputs_nonnegative<CFG>::value ? 1 : 0;
};

/// Exponent of the attribution explain() writes: stored = true * 2^attribution_exp. A gradient's is
/// NUM::grad_exp(0). x * g is formed as g * (x * 2^-(I_img - 1)): the stored image is below
/// 2^(I_img - 1) in magnitude, so the product fits the gradient format; its exponent is
/// grad_exp(0) + act_exp(0) - (I_img - 1). Integrated Gradients from a baseline image forms (x - x') * g,
/// with one bit more headroom (- I_img) unless CFG states the inputs are never negative. (An image beyond calibration's range saturates or wraps
/// as the gradient format's overflow mode says; the SDK calibrates on the baseline too.) Grad-CAM and Guided Grad-CAM write their map scaled
/// per image into the format's top binade (cam_driver): I_grad - 1, the value's scale 2^-e per image.
template <class NUM, class M, class CFG> constexpr int attribution_exp() {
    return explanation_traits<M, CFG>::grad_cam ? integer_bits<typename NUM::grad_t>::value - 1
           : NUM::grad_exp(0) + (explanation_traits<M, CFG>::times_input
                                     ? image_exp<NUM>::value - (image_int_bits<NUM>::value - 1) -
                                           input_difference_bits<M, CFG>::value
                                     : 0);
}

/// Observes every pass (calibration reads the arenas there); hardware and simulation pass this one.
/// observe(input, relevance, run_bp, bp_stop): after a BP, `relevance` holds the attribution at the input and
/// the gradient arena holds what this pass wrote for the boundaries from bp_stop up (the ones below are
/// another pass's: Grad-CAM's BP stops at its block).
struct no_pass_observer {
    template <class A, class G> void operator()(const A*, const G*, bool, unsigned) const {}
};

namespace explain_detail {

/// The input of pass k, element by element: what distinguishes the multi-pass methods.
template <class NUM, class M, class CFG> struct pass_input {
    typedef typename NUM::act_t act_t;
    template <unsigned N> static void form(const act_t* image, act_t* out, unsigned, noise_source&) {
#pragma HLS INLINE
    copy_pass_input:
        for (unsigned i = 0; i < N; i++) {
#pragma HLS PIPELINE II = 1
            out[i] = image[i];
        }
    }
};
/// Integrated Gradients' baseline x' in the image's stored units (true * 2^act_exp(0)), element by element:
/// the ROM's integer code times the constant ig_baseline_unit * 2^act_exp(0) (32 fraction bits; below 2^13),
/// one product no wider than 64 bits, rounded to act_t as the image is. All zeros, and no ROM, when CFG
/// declares no baseline.
template <class NUM, class CFG, unsigned N, bool IMAGE = has_ig_baseline<CFG>::value> struct ig_baseline_rom {
    static typename NUM::act_t at(unsigned) { return typename NUM::act_t(0); }
};
template <class NUM, class CFG, unsigned N> struct ig_baseline_rom<NUM, CFG, N, true> {
    typedef typename NUM::act_t act_t;
    static const bool is_float = std::is_floating_point<act_t>::value;
    typedef typename std::conditional<is_float, act_t, fixed_t<17, 17>>::type code_t;
    typedef typename std::conditional<is_float, act_t, fixed_t<46, 14>>::type unit_t;
    static constexpr double unit() { return CFG::ig_baseline_unit * pow2(image_exp<NUM>::value); }
    static_assert(sizeof(CFG::ig_baseline()) == N * sizeof(CFG::ig_baseline()[0]),
                  "explain: ig_baseline must hold exactly one value per input element (C, H, W order)");
    static_assert(is_float || (unit() > 0 && unit() < 8192.0),
                  "explain: ig_baseline_unit * 2^act_exp(0) must lie in (0, 2^13) (the unit's format)");
    static act_t at(unsigned i) {
#pragma HLS INLINE
        return act_t(code_t(int(CFG::ig_baseline()[i])) * unit_t(unit()));
    }
};

template <class NUM, class CFG> struct pass_input<NUM, IntegratedGradients, CFG> {
    typedef typename NUM::act_t act_t;
    typedef typename NUM::accum_t accum_t;
    /// a_k with a_k = (2k + 1) * (1 / 2m): one constant, one product per step.
    static accum_t alpha(unsigned k) { return accum_t(accum_t(2 * k + 1) * accum_t(0.5 / CFG::ig_steps)); }
    /// x' + a_k (x - x') = a_k x + a_{m-1-k} x' (1 - a_k = a_{m-1-k}): two products of a stored value by a
    /// constant, no wider difference; from the zero baseline, a_k x alone.
    template <unsigned N> static void form(const act_t* image, act_t* out, unsigned k, noise_source&) {
#pragma HLS INLINE
        const accum_t a = alpha(k);
        const accum_t rest = alpha(CFG::ig_steps - 1 - k);
    scale_pass_input:
        for (unsigned i = 0; i < N; i++) {
#pragma HLS PIPELINE II = 1
            if (has_ig_baseline<CFG>::value)
                out[i] = act_t(accum_t(image[i] * a) + accum_t(ig_baseline_rom<NUM, CFG, N>::at(i) * rest));
            else
                out[i] = act_t(image[i] * a);
        }
    }
};
template <class NUM, class CFG> struct pass_input<NUM, SmoothGrad, CFG> {
    typedef typename NUM::act_t act_t;
    typedef typename NUM::accum_t accum_t;
    /// The noise step sigma * 2^act_exp(0) / units_per_sigma: 38 fraction bits whatever the profile's
    /// accumulator (in a <32,16> one, sigma below 0.0023 would round to no noise at all); float in float profiles.
    typedef typename std::conditional<std::is_floating_point<act_t>::value, act_t, fixed_t<48, 10>>::type step_t;
    static_assert(std::is_floating_point<act_t>::value ||
                      CFG::smoothgrad_sigma * pow2(image_exp<NUM>::value) / noise_source::units_per_sigma < 512.0,
                  "explain: smoothgrad_sigma too large for the noise step's format");
    /// x + sigma z, in the image's scaling (2^act_exp(0)); the act format's overflow mode applies.
    template <unsigned N> static void form(const act_t* image, act_t* out, unsigned, noise_source& noise) {
#pragma HLS INLINE
        const step_t step = step_t(CFG::smoothgrad_sigma * pow2(image_exp<NUM>::value) / noise_source::units_per_sigma);
    noisy_pass_input:
        for (unsigned i = 0; i < N; i++) {
#pragma HLS PIPELINE II = 1
            out[i] = act_t(accum_t(image[i]) + accum_t(step_t(noise.next()) * step));
        }
    }
};

/// The paper's methods and the multi-pass ones differ in buffers and loops; one specialization each.
template <class NUM, class M, class CFG, unsigned N, unsigned NC, bool MULTI = explanation_traits<M, CFG>::multi_pass>
struct driver {
    template <class PASS, class OBSERVER>
    static unsigned run(PASS& pass, const typename NUM::act_t* image, typename NUM::grad_t* relevance,
                        typename NUM::act_t* logits, int target, OBSERVER& observe, const pass_memory<NUM>&) {
#pragma HLS INLINE
        const unsigned cls = pass(image, relevance, logits, target, true);
        observe(image, relevance, true, 0u);
        return cls;
    }
};

/// The multi-pass driver's pass input, pass gradient and running sums: on chip (local arrays, one BRAM each), or with
/// CFG::sums_off_chip the caller's pass_memory and the relevance port. Chosen at compile time, so each pointer the
/// driver uses is always the same array or the same port. zero() and add() are the sums' two updates; the value of
/// sum i is grad_accum_t(sums()[i]) either way.
template <class NUM, unsigned N, bool OFF_CHIP> struct pass_buffers {
    typedef typename NUM::grad_accum_t sum_t;
    typename NUM::act_t image[N];
    typename NUM::grad_t relevance[N];
    sum_t sum[N];
    typename NUM::act_t* pass_image(const pass_memory<NUM>&) {
#pragma HLS INLINE
        return image;
    }
    typename NUM::grad_t* pass_relevance(typename NUM::grad_t*) {
#pragma HLS INLINE
        return relevance;
    }
    const sum_t* sums(const pass_memory<NUM>&) const {
#pragma HLS INLINE
        return sum;
    }
    void zero(const pass_memory<NUM>&) {
#pragma HLS INLINE
    zero_sum:
        for (unsigned i = 0; i < N; i++) {
#pragma HLS PIPELINE II = 1
            sum[i] = sum_t(0);
        }
    }
    void add(const pass_memory<NUM>&, const typename NUM::grad_t* g) {
#pragma HLS INLINE
    accumulate:
        for (unsigned i = 0; i < N; i++) {
#pragma HLS PIPELINE II = 1
            sum[i] += g[i];
        }
    }
};
template <class NUM, unsigned N> struct pass_buffers<NUM, N, true> {
    typedef typename pass_memory<NUM>::sum_t sum_t;
    typedef typename NUM::grad_accum_t grad_accum_t;
    /// Sums added per chunk: the chunk is read in one burst (sums and gradients side by side), added on chip and
    /// written back in another, since a loop that reads and writes one port's addresses gets no burst (UG1448, 214-231).
    static const unsigned chunk = N < 256 ? N : 256;
    typename NUM::act_t* pass_image(const pass_memory<NUM>& m) {
#pragma HLS INLINE
        return m.image;
    }
    typename NUM::grad_t* pass_relevance(typename NUM::grad_t* relevance) {
#pragma HLS INLINE
        return relevance;
    }
    const sum_t* sums(const pass_memory<NUM>& m) const {
#pragma HLS INLINE
        return m.sums;
    }
    void zero(const pass_memory<NUM>& m) {
#pragma HLS INLINE
    zero_sum:
        for (unsigned i = 0; i < N; i++) {
#pragma HLS PIPELINE II = 1
            m.sums[i] = sum_t(0);
        }
    }
    void add(const pass_memory<NUM>& m, const typename NUM::grad_t* g) {
#pragma HLS INLINE
        grad_accum_t tile[chunk];
    accumulate_chunks:
        for (unsigned c = 0; c < N; c += chunk) {
            const unsigned n = N - c < chunk ? N - c : chunk;
        accumulate_read:
            for (unsigned i = 0; i < n; i++) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 1 max = chunk
                grad_accum_t s = grad_accum_t(m.sums[c + i]); // exact: same LSB, the value came from a grad_accum_t
                s += g[c + i];                                // the on-chip loop's operation
                tile[i] = s;
            }
        accumulate_write:
            for (unsigned i = 0; i < n; i++) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 1 max = chunk
                m.sums[c + i] = sum_t(tile[i]);
            }
        }
    }
};

template <class NUM, class M, class CFG, unsigned N, unsigned NC> struct driver<NUM, M, CFG, N, NC, true> {
    typedef explanation_traits<M, CFG> traits;
    typedef typename NUM::act_t act_t;
    typedef typename NUM::grad_t grad_t;
    typedef typename NUM::grad_accum_t grad_accum_t;
    static const unsigned passes = traits::passes;
    static_assert(passes >= 1, "explain: a multi-pass method needs at least one pass (ig_steps, smoothgrad_samples)");
    // The running sum of `passes` gradients, each below 2^(I_grad - 1), must stay below 2^(I_acc - 1).
    static_assert(std::is_floating_point<grad_accum_t>::value ||
                      integer_bits<grad_accum_t>::value - integer_bits<grad_t>::value >= 31 ||
                      (1ull << (integer_bits<grad_accum_t>::value - integer_bits<grad_t>::value)) >= passes,
                  "explain: the gradient accumulator cannot sum this many passes without overflow (ig_steps or "
                  "smoothgrad_samples above 2^(I_grad_accum - I_grad))");

    template <class PASS, class OBSERVER>
    static unsigned run(PASS& pass, const act_t* image, grad_t* relevance, act_t* logits, int target, OBSERVER& observe,
                        const pass_memory<NUM>& memory) {
#pragma HLS INLINE
        // The pass's input, gradient and the running sums (pass_buffers: on chip, or off chip with CFG::sums_off_chip),
        // the pass's logits on chip. ONE call site of the pass, always on these buffers, so the top has one instance of
        // each engine (tests/engine_instances) and no pointer that switches between a port and a local array.
        pass_buffers<NUM, N, sums_off_chip<CFG>::value> buffers;
        act_t* pass_image = buffers.pass_image(memory);
        grad_t* pass_relevance = buffers.pass_relevance(relevance);
        act_t pass_logits[NC];
        buffers.zero(memory);
        // Every pass explains the prediction on the image itself (Captum's target): pass 0 is an FP on the image
        // for it, unless the passes run on the image (Input x Gradient's one pass gives the class itself).
        const bool class_pass = !traits::passes_on_image;
        noise_source noise = {CFG::noise_seed};
        unsigned cls = 0;
    passes_loop:
        for (unsigned k = class_pass ? 0 : 1; k <= passes; k++) {
            const bool on_image = k == 0 || traits::passes_on_image; // this pass's logits and class are the image's
            if (k == 0)
                pass_input<NUM, Saliency, CFG>::template form<N>(image, pass_image, 0, noise); // the image itself
            else
                pass_input<NUM, M, CFG>::template form<N>(image, pass_image, k - 1, noise);
            const unsigned c = pass(pass_image, pass_relevance, pass_logits, on_image ? target : int(cls), k > 0);
            observe(pass_image, pass_relevance, k > 0, 0u);
            if (on_image) {
                cls = c;
            copy_logits:
                for (unsigned i = 0; i < NC; i++) {
#pragma HLS PIPELINE II = 1
                    logits[i] = pass_logits[i];
                }
            }
            if (k > 0) buffers.add(memory, pass_relevance);
        }
        finish<traits::times_input>(image, buffers.sums(memory), grad_accum_t(1.0 / passes), relevance);
        return cls;
    }

    /// The attribution: the mean gradient, times x (TIMES_INPUT), or from a baseline image (from_ig_baseline) times
    /// x - x' as g x - g x', each product converted to the accumulator's format before the difference (one
    /// rounding at its LSB, far below the gradient format's) so that no product is wider than g x.
    template <bool TIMES_INPUT, class SUM>
    static void finish(const act_t* image, const SUM* sum, const grad_accum_t& mean_of, grad_t* relevance) {
#pragma HLS INLINE
        static const int headroom = image_int_bits<NUM>::value - 1 + input_difference_bits<M, CFG>::value;
    attribution:
        for (unsigned i = 0; i < N; i++) {
#pragma HLS PIPELINE II = 1
            const grad_accum_t mean = grad_accum_t(grad_accum_t(sum[i]) * mean_of);
            if (from_ig_baseline<M, CFG>::value)
                relevance[i] = grad_t(convert_scaled<-headroom, grad_accum_t>(mean * image[i]) -
                                      convert_scaled<-headroom, grad_accum_t>(mean * ig_baseline_rom<NUM, CFG, N>::at(i)));
            else if (TIMES_INPUT)
                relevance[i] = convert_scaled<-headroom, grad_t>(mean * image[i]);
            else
                relevance[i] = grad_t(mean);
        }
    }
};

/// Grad-CAM and Guided Grad-CAM (GUIDED): the layer map from the arenas the pass leaves behind, upsampled
/// on the fly for each image element. The pass exposes its arenas as act_arena() and grad_arena().
template <class NUM, class CFG, unsigned N, unsigned NC, bool GUIDED> struct cam_driver {
    typedef typename NUM::act_t act_t;
    typedef typename NUM::grad_t grad_t;
    static const bool is_float = std::is_floating_point<act_t>::value;
    /// The map's sums in the stored units of A and dF/dA: 24 integer bits (checked below), 24 fraction bits.
    typedef typename std::conditional<is_float, act_t, fixed_t<48, 24>>::type cam_t;
    /// Bilinear weights in [0, 1]; the source coordinate's numerator and remainder are small integers.
    typedef typename std::conditional<is_float, act_t, fixed_t<24, 2>>::type lambda_t;
    typedef typename std::conditional<is_float, act_t, fixed_t<40, 16>>::type coordinate_t;
    /// Guided Grad-CAM's map scaled into [0, 1), and the map on its way there: a cam_t value exactly, and the
    /// shift constants 2^s for -23 <= s <= 31 (unit_exponent's range for cam_t). 57 bits, not 64: with <64,33>
    /// the 128-bit product gave wrong results in whole tops built by g++ 12 at -O1 (not at -O0, not with clang 14
    /// or the sanitizers): a compiler fault or undefined behaviour at W = 128 in fixed.h, not yet found.
    typedef typename std::conditional<is_float, act_t, fixed_t<26, 1>>::type unit_t;
    typedef typename std::conditional<is_float, act_t, fixed_t<57, 33>>::type shift_t;

    static const unsigned L = CFG::gradcam_layer, C = CFG::gradcam_channels, H = CFG::gradcam_height,
                          W = CFG::gradcam_width, HW = H * W;
    static const unsigned IH = CFG::image_height, IW = CFG::image_width, IHW = IH * IW;
    static_assert(CFG::image_channels * IHW == N, "explain: image_channels x image_height x image_width must equal N");
    static_assert(C >= 1 && H >= 1 && W >= 1 && H <= IH && W <= IW, "explain: the Grad-CAM layer's map must be "
                                                                    "non-empty and no larger than the image");
    // A product w_c * A_c is below 2^(I_grad - 1) * 2^(I_act - 1) in stored units; C of them must stay below 2^23.
    static constexpr int ceil_log2(unsigned v) { return v <= 1 ? 0 : 1 + ceil_log2((v + 1) / 2); }
    static_assert(is_float || integer_bits<act_t>::value + integer_bits<grad_t>::value - 2 + ceil_log2(C) <= 23,
                  "explain: Grad-CAM's channel sum could overflow its 24 integer bits (act and grad formats too wide "
                  "for this many channels)");
    // The spatial sum of a channel's gradient: HW values below 2^(I_grad - 1).
    static_assert(is_float || integer_bits<grad_t>::value - 1 + ceil_log2(HW) <= 23,
                  "explain: Grad-CAM's spatial gradient sum could overflow its 24 integer bits");
    /// Both write their map scaled per image by a power of two into the relevance format's top binade, largest
    /// magnitude in [2^(I-2), 2^(I-1)), I the format's integer bits: 15 significant bits for every image, where a
    /// calibrated exponent left a weak image's map a few quanta (attribution_exp: I - 1).
    static constexpr int out_top = is_float ? 0 : integer_bits<grad_t>::value - 1;

    /// Source index and weight along one axis (PyTorch's bilinear, align_corners=False): the coordinate
    /// (dst + 1/2) * IN / OUT - 1/2, clamped at 0, as the integer fraction num / (2 OUT).
    template <unsigned IN, unsigned OUT> static void source(unsigned dst, unsigned& i0, unsigned& i1, lambda_t& l) {
#pragma HLS INLINE
        const int num = int((2 * dst + 1) * IN) - int(OUT);
        if (num <= 0) {
            i0 = 0;
            l = lambda_t(0);
        } else {
            i0 = unsigned(num) / (2 * OUT);
            l = lambda_t(coordinate_t(unsigned(num) % (2 * OUT)) * coordinate_t(1.0 / (2 * OUT)));
        }
        i1 = i0 + 1 < IN ? i0 + 1 : IN - 1;
    }

    /// The map at image pixel p (row-major over IH x IW), in the map's stored units.
    static cam_t upsampled(const cam_t* map, unsigned p) {
#pragma HLS INLINE
        unsigned y0, y1, x0, x1;
        lambda_t ly, lx;
        source<H, IH>(p / IW, y0, y1, ly);
        source<W, IW>(p % IW, x0, x1, lx);
        const lambda_t one = lambda_t(1);
        const cam_t top = cam_t((one - lx) * map[y0 * W + x0] + lx * map[y0 * W + x1]);
        const cam_t bottom = cam_t((one - lx) * map[y1 * W + x0] + lx * map[y1 * W + x1]);
        return cam_t((one - ly) * top + ly * bottom);
    }

    /// map = ReLU(sum_c mean(dF/dA_c) A_c) at the block's resolution, from the arenas at the block's offsets.
    static void layer_map(const act_t* a, const grad_t* g, cam_t* map) {
#pragma HLS INLINE
        cam_t weight[C];
    channel_weights:
        for (unsigned c = 0; c < C; c++) {
            cam_t sum = cam_t(0);
            for (unsigned p = 0; p < HW; p++) {
#pragma HLS PIPELINE II = 1
                sum += cam_t(g[c * HW + p]);
            }
            weight[c] = cam_t(sum * cam_t(1.0 / HW));
        }
    zero_map:
        for (unsigned p = 0; p < HW; p++) map[p] = cam_t(0);
    weighted_sum:
        for (unsigned c = 0; c < C; c++) {
            for (unsigned p = 0; p < HW; p++) {
#pragma HLS PIPELINE II = 1
                map[p] += cam_t(weight[c] * a[c * HW + p]);
            }
        }
    map_relu:
        for (unsigned p = 0; p < HW; p++) map[p] = map[p] > cam_t(0) ? map[p] : cam_t(0);
    }

    /// e with top * 2^-e in [1/2, 1) for a top of at least 2^-max_runtime_shift that T represents (a top of 0
    /// gives some e; what it scales is zero whatever e is).
    template <class T> static int leading_exponent(const T& top) {
#pragma HLS INLINE
        // 2^k for k up to the largest power of two T holds (a larger constant would wrap to 0 and compare below).
        const int top_k = is_float || integer_bits<T>::value - 2 > max_runtime_shift - 1 ? max_runtime_shift - 1
                                                                                        : integer_bits<T>::value - 2;
        int e = 0;
    leading_one:
        for (int k = -max_runtime_shift; k <= top_k; k++) {
#pragma HLS UNROLL
            if (top >= T(pow2(k))) e = k + 1;
        }
        return e;
    }

    static int unit_exponent(const cam_t* map) {
#pragma HLS INLINE
        cam_t top = cam_t(0);
    map_max:
        for (unsigned p = 0; p < HW; p++) top = map[p] > top ? map[p] : top;
        return leading_exponent(top);
    }

    /// The shift that takes a value whose largest magnitude is 2^(e-1)..2^e to the relevance format's top binade,
    /// clamped to what convert_shifted takes (only an all-zero map, or one below cam_t's resolution, reaches the clamp).
    static int to_top(int e) {
#pragma HLS INLINE
        const int s = out_top - e;
        return s > max_runtime_shift ? max_runtime_shift : s < -max_runtime_shift ? -max_runtime_shift : s;
    }

    /// Guided Grad-CAM's value at element i before its final scaling: Guided Backprop's g times the map at i
    /// brought into [1/2, 1) by 2^-e.
    static shift_t guided_product(const grad_t& g, const cam_t* map, unsigned i, int e) {
#pragma HLS INLINE
        return shift_t(g * convert_shifted<unit_t>(shift_t(upsampled(map, i % IHW)), -e));
    }

    template <class PASS, class OBSERVER>
    static unsigned run(PASS& pass, const act_t* image, grad_t* relevance, act_t* logits, int target, OBSERVER& observe,
                        const pass_memory<NUM>&) {
#pragma HLS INLINE
        // Guided: pass 0 writes Guided Backprop's relevance, pass 1 leaves dF/dA in the gradient arena (and the
        // relevance alone). ONE call site of the pass, as in the multi-pass driver: one engine of each kind.
        const unsigned passes = GUIDED ? 2 : 1;
        unsigned cls = 0;
    cam_passes:
        for (unsigned k = 0; k < passes; k++) {
            const bool guided = GUIDED && k == 0;
            const pass_control ctl = {guided ? 0u : L + 1, guided};
            const unsigned c = pass(image, relevance, logits, k == 0 ? target : int(cls), true, ctl);
            if (k == 0) cls = c;
            if (GUIDED) observe(image, relevance, true, ctl.bp_stop);
        }
        cam_t map[HW];
        // The upsampling reads four map points per element at II=1: registers, not a two-port memory.
#pragma HLS ARRAY_PARTITION variable = map complete
        layer_map(pass.act_arena() + CFG::gradcam_act_at, pass.grad_arena() + CFG::gradcam_grad_at, map);
        const int e = unit_exponent(map);
        if (GUIDED) {
            // Guided Backprop times the map brought into [1/2, 1), then the product into the top binade.
            shift_t top = shift_t(0);
        guided_product_max:
            for (unsigned i = 0; i < N; i++) {
#pragma HLS PIPELINE II = 1
                const shift_t p = guided_product(relevance[i], map, i, e);
                const shift_t a = p < shift_t(0) ? shift_t(-p) : p;
                top = a > top ? a : top;
            }
            const int shift = to_top(leading_exponent(top));
        guided_product:
            for (unsigned i = 0; i < N; i++) {
#pragma HLS PIPELINE II = 1
                relevance[i] = convert_shifted<grad_t>(guided_product(relevance[i], map, i, e), shift);
            }
        } else {
            const int shift = to_top(e);
        upsample:
            for (unsigned i = 0; i < N; i++) {
#pragma HLS PIPELINE II = 1
                relevance[i] = convert_shifted<grad_t>(shift_t(upsampled(map, i % IHW)), shift);
            }
            observe(image, relevance, true, L + 1);
        }
        return cls;
    }
};

} // namespace explain_detail

/// One explanation of `image`: the logits of the image, the class explained (`target` when it is a
/// class index, else the prediction) and the attribution in `relevance`, stored as true *
/// 2^attribution_exp<NUM, METHOD, CFG>(). `pass(input, relevance, logits, target, run_bp)` runs the
/// network once with explanation_traits<METHOD, CFG>::rule (the generated header's pass_runner);
/// `observe(input, relevance, run_bp, bp_stop)` sees every pass (no_pass_observer). N: the image's elements; NC: the classes.
/// `memory`: where a multi-pass method keeps its pass input and sums when CFG::sums_off_chip (unused otherwise).
template <class NUM, class METHOD, class CFG, unsigned N, unsigned NC, class PASS, class OBSERVER>
unsigned explain(PASS& pass, const typename NUM::act_t* image, typename NUM::grad_t* relevance,
                 typename NUM::act_t* logits, int target, OBSERVER& observe, const pass_memory<NUM>& memory) {
#pragma HLS INLINE
    typedef explanation_traits<METHOD, CFG> traits;
    typedef typename std::conditional<traits::grad_cam,
                                      explain_detail::cam_driver<NUM, CFG, N, NC, std::is_same<METHOD, GuidedGradCam>::value>,
                                      explain_detail::driver<NUM, METHOD, CFG, N, NC>>::type driver;
    return driver::run(pass, image, relevance, logits, target, observe, memory);
}

/// The same with every buffer on chip: CFG must not ask for sums_off_chip, which needs the caller's memory.
template <class NUM, class METHOD, class CFG, unsigned N, unsigned NC, class PASS, class OBSERVER>
unsigned explain(PASS& pass, const typename NUM::act_t* image, typename NUM::grad_t* relevance,
                 typename NUM::act_t* logits, int target, OBSERVER& observe) {
#pragma HLS INLINE
    static_assert(!sums_off_chip<CFG>::value,
                  "explain: explain_config::sums_off_chip keeps the pass input and sums in the caller's memory: pass a pass_memory");
    const pass_memory<NUM> none = {nullptr, nullptr};
    return explain<NUM, METHOD, CFG, N, NC>(pass, image, relevance, logits, target, observe, none);
}

} // namespace xai

#endif
