// The one switch between the project's fixed-point type and Xilinx ap_fixed.
//
// Block code is written against xai::fixed_t<W, I, Q, O> and the mode constants
// xai::AP_TRN / AP_RND / AP_WRAP / AP_SAT, and uses only what both types offer:
// construction from double/float/int and from other fixed formats, + - * (widened exact
// results), += -= *=, unary -, comparisons (also with int and double), to_double(),
// to_float(), and the free functions xai::raw_bits / xai::from_raw_bits below.
//
//  * Vitis HLS synthesis (__SYNTHESIS__) or XAI_USE_AP_FIXED (a Vitis install or the
//    open-source ap_types headers on the include path): fixed_t is ap_fixed itself.
//  * otherwise (plain g++ C simulation): fixed_t is xai::fixed, bit-identical and much faster.
#pragma once

#include <cstdint>

#if defined(XAI_USE_AP_FIXED) || defined(__SYNTHESIS__)

#include <ap_fixed.h>

namespace xai {

using q_mode = ::ap_q_mode;
using o_mode = ::ap_o_mode;
constexpr q_mode AP_TRN = ::AP_TRN;
constexpr q_mode AP_RND = ::AP_RND;
constexpr o_mode AP_WRAP = ::AP_WRAP;
constexpr o_mode AP_SAT = ::AP_SAT;

/// Signed fixed-point type used by all blocks.
/// @tparam W total bits. @tparam I integer bits incl. sign (value = bits * 2^-(W - I)).
/// @tparam Q quantization mode (AP_TRN or AP_RND). @tparam O overflow mode (AP_WRAP or AP_SAT).
template <int W, int I, q_mode Q = AP_TRN, o_mode O = AP_WRAP>
using fixed_t = ::ap_fixed<W, I, Q, O>;

/// The W bits of x as a sign-extended two's-complement integer (W <= 64).
template <class T>
inline std::int64_t raw_bits(const T& x) {
  static_assert(T::width <= 64, "raw_bits needs W <= 64");
  const std::uint64_t u = x.range(T::width - 1, 0).to_uint64();
  const int shift = 64 - T::width;
  return static_cast<std::int64_t>(u << shift) >> shift;
}

/// The value of type T whose W bits are the low W bits of bits (W <= 64).
template <class T>
inline T from_raw_bits(std::int64_t bits) {
  static_assert(T::width <= 64, "from_raw_bits needs W <= 64");
  T r;
  r.range(T::width - 1, 0).set(ap_int_base<T::width, false>(static_cast<ap_ulong>(bits)));
  return r;
}

}  // namespace xai

#else

#include "xai/fixed.h"

namespace xai {

/// Signed fixed-point type used by all blocks (see xai/fixed.h for the rules).
/// @tparam W total bits. @tparam I integer bits incl. sign (value = bits * 2^-(W - I)).
/// @tparam Q quantization mode (AP_TRN or AP_RND). @tparam O overflow mode (AP_WRAP or AP_SAT).
template <int W, int I, q_mode Q = AP_TRN, o_mode O = AP_WRAP>
using fixed_t = fixed<W, I, Q, O>;

/// The W bits of x as a sign-extended two's-complement integer (W <= 64).
template <class T>
XAI_FIXED_INLINE constexpr std::int64_t raw_bits(const T& x) {
  static_assert(T::width <= 64, "raw_bits needs W <= 64");
  return x.raw();
}

/// The value of type T whose W bits are the low W bits of bits (W <= 64).
template <class T>
XAI_FIXED_INLINE constexpr T from_raw_bits(std::int64_t bits) {
  static_assert(T::width <= 64, "from_raw_bits needs W <= 64");
  return T::from_raw(bits);
}

}  // namespace xai

#endif
