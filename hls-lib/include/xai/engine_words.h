// The words an engine's buffers and multipliers hold, shared by FP and BP.
//
// One engine runs FP (activations x weights into accum_t) and BP (gradients x weights into
// grad_accum_t). Its buffers and MACs exist once, so they cannot carry both passes' types:
//  * fixed point (what is synthesized): the hardware holds raw two's-complement words. A
//    16-bit input word (an activation's or a gradient's bits), a 16-bit weight word, and an
//    accumulator word of max(W_accum, W_grad_accum) bits whose LSB is the pass
//    accumulator's LSB. The binary point is the pass's interpretation, applied when a value
//    enters (input, bias) or leaves (store) the engine. Every product is exact and the
//    accumulator wraps modulo 2^W, so the pass accumulator's bits are the low W bits of the
//    word: bit-identical to accumulating in accum_t / grad_accum_t directly.
//    Requirements (checked): 16-bit data, wrapping accumulators with at least the products'
//    fraction bits, and the same alignment (accumulator fraction bits minus product
//    fraction bits) in FP and BP, so one constant shift aligns every product.
//  * floating point (reference profiles, tests): the types themselves; FP and BP must then
//    use the same types.
#ifndef XAI_ENGINE_WORDS_H
#define XAI_ENGINE_WORDS_H

#include "types.h"
#include <type_traits>

namespace xai {

template <class ACT, class W, class ACC, class GRAD, class GACC, bool FLOATING = std::is_floating_point<ACT>::value>
struct engine_words {
    static_assert(std::is_same<ACT, GRAD>::value && std::is_same<ACC, GACC>::value,
                  "engine: with floating-point data FP and BP must share act_t/grad_t and accum_t/grad_accum_t");
    typedef ACT in_t;  ///< input buffer word
    typedef W w_t;     ///< weight buffer word
    typedef ACC acc_t; ///< accumulator word
    template <class T> static in_t in(const T& v) { return in_t(v); }
    static w_t weight(const W& w) { return w; }
    /// The pass accumulator's value held by an accumulator word.
    template <class PASS_ACC> static PASS_ACC to_pass(const acc_t& a) { return PASS_ACC(a); }
    /// The accumulator word holding a pass accumulator's value (bias, zero).
    template <class PASS_ACC> static acc_t from_pass(const PASS_ACC& a) { return acc_t(a); }
    /// The activation or gradient an input word holds (the residual paths read tiles back).
    template <class T> static T out(const in_t& v) { return T(v); }
};

template <class ACT, class W, class ACC, class GRAD, class GACC> struct engine_words<ACT, W, ACC, GRAD, GACC, false> {
    static const int w_frac = W::width - W::iwidth;
    /// Accumulator LSB relative to a product's LSB (products enter shifted left by it).
    static const int align = (ACC::width - ACC::iwidth) - ((ACT::width - ACT::iwidth) + w_frac);
    static_assert(ACT::width <= 16 && GRAD::width <= 16 && W::width <= 16,
                  "engine: activations, gradients and weights must be at most 16 bits (one DSP multiplier)");
    static_assert(align >= 0, "engine: accum_t needs at least the products' fraction bits");
    static_assert(align == (GACC::width - GACC::iwidth) - ((GRAD::width - GRAD::iwidth) + w_frac),
                  "engine: accum_t and grad_accum_t must align products alike (same accumulator fraction bits "
                  "minus product fraction bits)");
    static_assert(ACC::omode == AP_WRAP && GACC::omode == AP_WRAP, "engine: accumulators must wrap (AP_WRAP)");
    static const int acc_width = ACC::width > GACC::width ? ACC::width : GACC::width;
    static_assert(acc_width <= 64, "engine: accumulators must be at most 64 bits");

    typedef fixed_t<16, 16> in_t;                        ///< raw input bits (integer-valued)
    typedef fixed_t<16, 16> w_t;                         ///< raw weight bits
    typedef fixed_t<acc_width, acc_width - align> acc_t; ///< raw accumulator bits, LSB at 2^-align of a product LSB

    template <class T> static in_t in(const T& v) { return from_raw_bits<in_t>(raw_bits(v)); }
    static w_t weight(const W& w) { return from_raw_bits<w_t>(raw_bits(w)); }
    template <class PASS_ACC> static PASS_ACC to_pass(const acc_t& a) { return from_raw_bits<PASS_ACC>(raw_bits(a)); }
    template <class PASS_ACC> static acc_t from_pass(const PASS_ACC& a) { return from_raw_bits<acc_t>(raw_bits(a)); }
    template <class T> static T out(const in_t& v) { return from_raw_bits<T>(raw_bits(v)); }
};

/// The words of an engine configuration E (its act_t ... grad_accum_t typedefs).
template <class E>
struct engine_words_of
    : engine_words<typename E::act_t, typename E::weight_t, typename E::accum_t, typename E::grad_t,
                   typename E::grad_accum_t> {};

} // namespace xai

#endif
