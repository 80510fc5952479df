// C-simulation fast path for the MAC loops with fixed-point data (never synthesized).
//
// With xai::fixed, `acc += a * w` is exact up to the wrap of the accumulator when the
// accumulator wraps (AP_WRAP) and has at least as many fraction bits as the product. Then
// the accumulation is arithmetic modulo 2^W_acc on integers aligned to the accumulator's
// LSB, and wrapping once at the end is bit-identical to wrapping after every step. So the
// cores sum raw int16 x int16 products in plain integers (uint32 when W_acc minus the
// alignment shift fits 32 bits, else uint64; unsigned, so wrap-around is defined) and add
// the sum, shifted to the accumulator's LSB, into the accumulator once. Integer sums are
// exact in any order, so the cores may also reorder loops for the host's vector units.
//
// Under Vitis HLS (__SYNTHESIS__) or with real ap_fixed (XAI_USE_AP_FIXED) the trait is
// disabled and the cores use the plain expression. Defining XAI_HLS_LOOPS makes C
// simulation run the synthesized loop nests as written (the tests build a second binary
// that way, so the HLS loops are checked too).
#ifndef XAI_CSIM_MAC_H
#define XAI_CSIM_MAC_H

#include "types.h"

#if !defined(__SYNTHESIS__)
#include <cstdint>
#include <type_traits>
#endif
// (C++14 is enough for every header of the library except memory.h, which is not
// synthesized and not needed by a top function.)

namespace xai {
namespace csim {

/// int_mac<A, B, ACC>::enabled says whether the integer path applies to acc += a * b.
template <class A, class B, class ACC> struct int_mac { static const bool enabled = false; };

#if !defined(__SYNTHESIS__) && !defined(XAI_USE_AP_FIXED)
template <int W1, int I1, q_mode Q1, o_mode O1, int W2, int I2, q_mode Q2, o_mode O2, int W3, int I3, q_mode Q3,
          o_mode O3>
struct int_mac<fixed<W1, I1, Q1, O1>, fixed<W2, I2, Q2, O2>, fixed<W3, I3, Q3, O3>> {
    /// Left shift aligning a product's LSB to the accumulator's LSB.
    static constexpr int shift = (W3 - I3) - (W1 - I1) - (W2 - I2);
    static constexpr bool enabled = O3 == AP_WRAP && shift >= 0 && shift < 64 && W1 <= 16 && W2 <= 16 && W3 <= 64;
    /// Sum type: only the low (W3 - shift) bits of the raw product sum matter.
    typedef typename std::conditional<(W3 - shift <= 32), std::uint32_t, std::uint64_t>::type sum_t;
    typedef fixed<W3, I3, Q3, O3> acc_t;

    /// Raw product; both factors are int16 so the host compiler emits widening 16x16->32
    /// vector multiplies (SSE2 pmullw/pmulhw) instead of emulated 32-bit ones.
    static inline sum_t product(const fixed<W1, I1, Q1, O1>& a, std::int16_t b_raw) {
        return sum_t(std::int32_t(std::int16_t(a.raw())) * std::int32_t(b_raw));
    }
    static inline std::int16_t raw16(const fixed<W2, I2, Q2, O2>& b) { return std::int16_t(b.raw()); }
    /// acc + sum * 2^-(F1+F2), wrapped to W3 bits (from_raw keeps the low W3 bits).
    static inline acc_t add(const acc_t& acc, sum_t s) {
        return acc_t::from_raw(std::int64_t(std::uint64_t(std::int64_t(acc.raw())) + (std::uint64_t(s) << shift)));
    }
};
#endif

} // namespace csim
} // namespace xai

#endif
