// xai::fixed<W, I, Q, O>: the project's own signed fixed-point type for C simulation.
//
// Bit-identical to Xilinx ap_fixed<W, I, Q, O> (Vitis HLS, UG1399 "Arbitrary Precision Data
// Types") for the modes the library uses: quantization AP_TRN / AP_RND, overflow AP_WRAP /
// AP_SAT. The rules below follow the documented ap_fixed behaviour and the open-source
// reference implementation; tests/fixed_test.cpp checks them against golden vectors made with
// ap_fixed (see tests/data/fixed/README.md).
//
// Why not ap_fixed itself in C simulation: its arbitrary-width integer is slow (a 25 M-MAC
// network must simulate faster than PyTorch float on one thread). Here the value is a plain
// two's-complement integer (int64 for W <= 64, __int128 up to W = 128), every shift amount is a
// compile-time constant and the common paths (AP_WRAP, no fraction loss) are branch-free.
//
// Rules (value = raw * 2^-(W - I)):
//  * conversion to fixed<W, I, Q, O> from any fixed, integer or floating value:
//    quantize the dropped fraction bits (AP_TRN: toward -inf; AP_RND: add the first dropped
//    bit, i.e. round half toward +inf), then overflow (AP_WRAP: keep the low W bits;
//    AP_SAT: clamp to [min, max]), exactly in ap_fixed's order and with its corner cases
//    (rounding carry, shifts past the source width, double exponents used as given);
//  * a * b is exact: fixed<W1 + W2, I1 + I2>;
//  * a + b, a - b are exact: fixed<max(I1, I2) + 1 + max(F1, F2), max(I1, I2) + 1>;
//  * -a is exact: fixed<W + 1, I + 1>;
//  * results of operators use the default modes (AP_TRN, AP_WRAP), as ap_fixed;
//  * a op= b computes a op b exactly, then converts to a's type with a's modes;
//  * comparisons between fixed values (and with integers) are exact; with double they compare
//    to_double() with the double, as ap_fixed does;
//  * to_double()/to_float() round to nearest even (one rounding, straight from the bits).
// Speed: values are stored in the smallest integer that holds W bits (fixed<16, I> is 2 bytes).
// With an AP_WRAP left side, a += b / a -= b is one modular integer add (ap_fixed's exact sum
// followed by quantize-and-wrap gives the same bits, see quantize_to); with a 32- or 64-bit
// accumulator the wrap is free and `acc += a * b` loops vectorize (bench/fixed_mac_bench.cpp).
// AP_SAT and AP_RND conversions run the full reference algorithm, with constant shapes folded.
// Any integer I is allowed (I > W: the LSB weighs more than 1; I <= 0: |value| < 1/2), as in
// ap_fixed. No implicit conversion to floating point (ap_fixed has one; here `x + 1.5` is a
// compile error instead of silent double arithmetic).
#pragma once

#include <cstdint>
#include <cstring>
#include <type_traits>

#if defined(__GNUC__) || defined(__clang__)
#define XAI_FIXED_INLINE inline __attribute__((always_inline))
#else
#define XAI_FIXED_INLINE inline
#endif

namespace xai {

/// Quantization modes (the subset of ap_q_mode the library supports).
/// AP_TRN: drop extra fraction bits (toward minus infinity). AP_RND: round half up (+inf).
enum q_mode : int { AP_TRN = 0, AP_RND = 1 };

/// Overflow modes (the subset of ap_o_mode the library supports).
/// AP_WRAP: keep the low W bits (two's-complement wrap). AP_SAT: clamp to the range.
enum o_mode : int { AP_WRAP = 0, AP_SAT = 1 };

template <int W, int I, q_mode Q = AP_TRN, o_mode O = AP_WRAP>
class fixed;

namespace fixed_detail {

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

constexpr int kMaxWidth = 128;

/// Arithmetic on W-bit values: int64 when it fits, else __int128.
template <int W>
using raw_t = std::conditional_t<(W <= 64), std::int64_t, i128>;

/// Storage of a W-bit value: the smallest integer that holds it (arrays of 16-bit values stay
/// 2 bytes per element, which keeps C-simulation feature maps cache-friendly).
template <int W>
using storage_t = std::conditional_t<
    (W <= 8), std::int8_t,
    std::conditional_t<(W <= 16), std::int16_t,
                       std::conditional_t<(W <= 32), std::int32_t, raw_t<W>>>>;

/// Type for modular (AP_WRAP) accumulation of W-bit values: int32 when it suffices, so that
/// 16-bit MAC loops with 32-bit accumulators vectorize.
template <int W>
using accumulate_t = std::conditional_t<(W <= 32), std::int32_t, raw_t<W>>;

/// Tag for building a value from a raw integer already known to fit in W bits.
struct exact_raw_t {};

template <class R> struct unsigned_of;
template <> struct unsigned_of<std::int32_t> { using type = std::uint32_t; };
template <> struct unsigned_of<std::int64_t> { using type = std::uint64_t; };
template <> struct unsigned_of<i128> { using type = u128; };
template <class R> using unsigned_t = typename unsigned_of<R>::type;

template <class R> constexpr int bits_of = static_cast<int>(sizeof(R) * 8);

constexpr int max_int(int a, int b) { return a > b ? a : b; }

/// Sign-extends the low W bits of x (ap_fixed keeps exactly W bits: this is AP_WRAP).
/// Native widths are plain truncating casts, which compilers see through (and vectorize).
template <int W, class R>
XAI_FIXED_INLINE constexpr R wrap(R x) {
  constexpr int B = bits_of<R>;
  if constexpr (W >= B) {
    return x;
  } else if constexpr (W == 8) {
    return static_cast<R>(static_cast<std::int8_t>(static_cast<std::uint8_t>(x)));
  } else if constexpr (W == 16) {
    return static_cast<R>(static_cast<std::int16_t>(static_cast<std::uint16_t>(x)));
  } else if constexpr (W == 32) {
    return static_cast<R>(static_cast<std::int32_t>(static_cast<std::uint32_t>(x)));
  } else if constexpr (W == 64) {
    return static_cast<R>(static_cast<std::int64_t>(static_cast<std::uint64_t>(x)));
  } else {
    return static_cast<R>(static_cast<unsigned_t<R>>(x) << (B - W)) >> (B - W);
  }
}

/// x * 2^s without the undefined behaviour of shifting a negative value.
template <int S, class R>
XAI_FIXED_INLINE constexpr R shl(R x) {
  static_assert(S >= 0, "negative shift");
  if constexpr (S == 0) {
    return x;
  } else if constexpr (S >= bits_of<R>) {
    return 0;
  } else {
    return static_cast<R>(static_cast<unsigned_t<R>>(x) << S);
  }
}

/// Arithmetic shift right by a run-time amount; amounts past the width give the sign.
XAI_FIXED_INLINE constexpr i128 sar(i128 x, int s) { return x >> (s > 127 ? 127 : s); }

/// Bit n of the sign-extended x (n >= 0; bits past 127 repeat the sign).
XAI_FIXED_INLINE constexpr bool bit(i128 x, int n) { return ((x >> (n > 127 ? 127 : n)) & 1) != 0; }

/// The general ap_fixed conversion: source value v2 (sign-extended) with W2 bits of which F2
/// are fraction bits, to W bits with F = W - I fraction bits under modes Q/O. Follows the
/// reference algorithm step for step (quantize with carry detection, then the overflow test on
/// the deleted high bits), so that corner cases match bit for bit. W2 and F2 are run-time
/// values for the double path; for fixed sources they are constants and fold away.
template <int W, int I, q_mode Q, o_mode O>
XAI_FIXED_INLINE constexpr i128 convert(i128 v2, int W2, int F2) {
  constexpr int F = W - I;
  const int I2 = W2 - F2;
  const bool quan_inc = F2 > F && Q == AP_RND;
  const bool isneg = v2 < 0;
  bool carry = false;
  i128 v = 0;
  if (F2 == F) {
    v = wrap<W>(v2);
  } else if (F2 > F) {
    const int sh = F2 - F;
    v = wrap<W>(sh < W2 ? sar(v2, sh) : (isneg ? i128(-1) : i128(0)));
    if (Q == AP_RND) {
      const bool qb = sh > W2 ? isneg : bit(v2, sh - 1);
      const bool msb_before = bit(v, W - 1);
      v = wrap<W>(v + (qb ? 1 : 0));
      carry = msb_before && !bit(v, W - 1);
    }
  } else {
    const int sh = F - F2;
    v = sh < W ? wrap<W>(static_cast<i128>(static_cast<u128>(v2) << sh)) : i128(0);
  }
  if (O == AP_SAT && I < I2 + (quan_inc ? 1 : 0)) {
    bool deleted_zeros = true;
    bool deleted_ones = true;
    bool neg_src = isneg;
    const bool newsignbit = bit(v, W - 1);
    // pos1: the source bit that lands on the target's sign bit; the bits from there up are
    // the ones the conversion deletes (plus the new sign bit).
    const int pos1 = F2 - F + W;
    const int pos2 = pos1 + 1;
    const bool lD = (pos1 < W2 && pos1 >= 0) ? bit(v2, pos1) : false;
    if (pos1 < W2) {
      bool range1_all_ones = true;
      bool range1_all_zeros = true;
      bool range2_all_ones = true;
      if (pos2 < W2 && pos2 >= 0) {
        range2_all_ones = sar(v2, pos2) == -1;
      } else if (pos2 < 0) {
        range2_all_ones = false;
      }
      if (pos1 >= 0 && pos2 < W2) {
        range1_all_ones = sar(v2, pos1) == -1;
        range1_all_zeros = sar(v2, pos1) == 0;
      } else if (pos2 == W2) {
        range1_all_ones = lD;
        range1_all_zeros = !lD;
      } else if (pos1 < 0) {
        range1_all_zeros = v2 == 0;
        range1_all_ones = false;
      }
      deleted_zeros = carry ? range1_all_ones : range1_all_zeros;
      deleted_ones = carry ? (range2_all_ones && (pos1 < 0 || !lD)) : range1_all_ones;
      neg_src = isneg && !(carry && range1_all_ones);
    } else {
      neg_src = isneg && newsignbit;
    }
    const bool neg_trg = newsignbit;
    const bool overflow = (neg_trg || !deleted_zeros) && !isneg;
    const bool underflow = (!neg_trg || !deleted_ones) && neg_src;
    constexpr i128 kMax = static_cast<i128>((static_cast<u128>(1) << (W - 1)) - 1);
    if (overflow) {
      v = kMax;
    } else if (underflow) {
      v = -kMax - 1;
    }
  }
  return v;
}

/// Conversion between fixed formats with compile-time shapes. The AP_WRAP cases that need no
/// rounding are a single shift plus sign extension in the narrowest integer that holds both.
template <int W, int I, q_mode Q, o_mode O, int W2, int I2>
XAI_FIXED_INLINE constexpr raw_t<W> convert_fixed(storage_t<W2> v2) {
  constexpr int F = W - I;
  constexpr int F2 = W2 - I2;
  using C = raw_t<max_int(W, W2)>;
  if constexpr (O == AP_WRAP && (F2 <= F || Q == AP_TRN)) {
    if constexpr (F2 == F) {
      return static_cast<raw_t<W>>(wrap<W>(static_cast<C>(v2)));
    } else if constexpr (F2 > F) {
      constexpr int sh = F2 - F;
      constexpr int cs = sh < bits_of<C> ? sh : bits_of<C> - 1;  // past W2: only the sign
      return static_cast<raw_t<W>>(wrap<W>(static_cast<C>(static_cast<C>(v2) >> cs)));
    } else {
      constexpr int sh = F - F2;
      if constexpr (sh >= W) {
        return 0;
      } else {
        return static_cast<raw_t<W>>(wrap<W>(shl<sh>(static_cast<C>(v2))));
      }
    }
  } else if constexpr (O == AP_WRAP && F2 > F && F2 - F < W2) {
    // AP_RND + AP_WRAP: add the first dropped bit.
    constexpr int sh = F2 - F;
    const C x = static_cast<C>(v2);
    return static_cast<raw_t<W>>(wrap<W>(static_cast<C>((x >> sh) + ((x >> (sh - 1)) & 1))));
  } else {
    return static_cast<raw_t<W>>(convert<W, I, Q, O>(static_cast<i128>(v2), W2, F2));
  }
}

/// b (W2 bits, F2 fraction bits) quantized to F fraction bits with mode Q, without any
/// overflow handling, in a type wide enough for the result of an AP_WRAP accumulation.
/// Under AP_WRAP, ap_fixed's a += b (exact sum, then quantize and wrap to a's format) equals
/// wrap(a + quantized(b)): a's bits below the LSB are zero, so they cannot change the
/// rounding of the sum. This keeps accumulation a plain modular add.
template <int F, q_mode Q, int W2, int F2, class C>
XAI_FIXED_INLINE constexpr C quantize_to(C b) {
  if constexpr (F2 == F) {
    return b;
  } else if constexpr (F2 < F) {
    return shl<F - F2>(b);
  } else {
    constexpr int sh = F2 - F;
    constexpr int cs = sh < bits_of<C> ? sh : bits_of<C> - 1;
    if constexpr (Q == AP_TRN) {
      return b >> cs;
    } else {
      constexpr int qs = (sh - 1) < bits_of<C> ? (sh - 1) : bits_of<C> - 1;
      return static_cast<C>((b >> cs) + ((b >> qs) & 1));
    }
  }
}

/// Leading zeros of a W-bit unsigned magnitude m (m != 0).
template <int W>
XAI_FIXED_INLINE int clz_w(u128 m) {
  const std::uint64_t hi = static_cast<std::uint64_t>(m >> 64);
  const std::uint64_t lo = static_cast<std::uint64_t>(m);
  const int lz128 = hi ? __builtin_clzll(hi) : 64 + __builtin_clzll(lo);
  return lz128 - (128 - W);
}

/// ap_fixed's to_double/to_float: magnitude rounded to MAN bits, nearest even, exponent used
/// as computed (no subnormal or infinity handling, as in ap_fixed; irrelevant in range).
template <int W, int I, int MAN, int EXP, int BIAS>
inline std::uint64_t to_float_bits(i128 v) {
  if (v == 0) return 0;
  const bool s = v < 0;
  u128 mask = (W >= 128) ? ~static_cast<u128>(0) : ((static_cast<u128>(1) << (W % 128)) - 1);
  const u128 mag = (s ? static_cast<u128>(0) - static_cast<u128>(v) : static_cast<u128>(v)) & mask;
  const int l = clz_w<W>(mag);
  int e = I - l - 1 + BIAS;
  const int lsb_index = W - l - 1 - MAN;
  bool a = lsb_index >= 2 ? (mag & ((static_cast<u128>(1) << (lsb_index - 1)) - 1)) != 0 : false;
  a = a || (lsb_index >= 0 ? ((mag >> lsb_index) & 1) != 0 : false);
  std::uint64_t m = lsb_index >= 1 ? static_cast<std::uint64_t>(mag >> (lsb_index - 1))
                                   : static_cast<std::uint64_t>(mag << (1 - lsb_index));
  m += a ? 1 : 0;
  m >>= 1;
  if ((m >> (MAN + 1)) & 1) e += 1;
  constexpr int BITS = MAN + EXP + 1;
  m |= static_cast<std::uint64_t>(s) << (BITS - 1);
  constexpr std::uint64_t emask = (std::uint64_t(1) << EXP) - 1;
  m = (m & ~(emask << MAN)) | ((static_cast<std::uint64_t>(static_cast<std::int64_t>(e)) & emask) << MAN);
  return m;
}

/// Fixed format of a C integer type as ap_fixed sees it: <bits, bits> signed; unsigned types
/// get one more bit so that the signed source holds the same value.
template <class T>
struct int_format {
  static_assert(std::is_integral<T>::value, "integer type expected");
  static constexpr int width = static_cast<int>(sizeof(T) * 8) + (std::is_signed<T>::value ? 0 : 1);
  using type = fixed<width, width>;
};

template <class T>
using if_integer = std::enable_if_t<std::is_integral<T>::value && !std::is_same<T, bool>::value, int>;

}  // namespace fixed_detail

/// Signed fixed-point number, bit-identical to ap_fixed<W, I, Q, O>.
/// @tparam W total width in bits, 1..128 (storage int64 up to 64, __int128 above; keep the
///           hot-path types <= 64 so that they stay single machine words).
/// @tparam I integer bits including the sign; any value (F = W - I fraction bits, may be
///           negative or larger than W, as in ap_fixed). The value is raw() * 2^-(W - I).
/// @tparam Q quantization when fraction bits are dropped: AP_TRN (default) or AP_RND.
/// @tparam O overflow when integer bits are dropped: AP_WRAP (default) or AP_SAT.
template <int W, int I, q_mode Q, o_mode O>
class fixed {
  static_assert(W >= 1 && W <= fixed_detail::kMaxWidth,
                "xai::fixed supports widths 1..128 (products of two <=64-bit types fit)");
  static_assert(Q == AP_TRN || Q == AP_RND, "quantization mode must be AP_TRN or AP_RND");
  static_assert(O == AP_WRAP || O == AP_SAT, "overflow mode must be AP_WRAP or AP_SAT");

 public:
  /// Type of raw(): the smallest signed integer holding W bits.
  using raw_type = fixed_detail::storage_t<W>;
  /// Type in which W-bit arithmetic is done (int64, or __int128 for W > 64).
  using wide_type = fixed_detail::raw_t<W>;
  static constexpr int width = W;
  static constexpr int iwidth = I;
  static constexpr int fwidth = W - I;
  static constexpr q_mode qmode = Q;
  static constexpr o_mode omode = O;

  constexpr fixed() = default;

  /// From any other fixed format: quantization and overflow as ap_fixed does.
  template <int W2, int I2, q_mode Q2, o_mode O2>
  XAI_FIXED_INLINE constexpr fixed(const fixed<W2, I2, Q2, O2>& other)
      : v_(static_cast<raw_type>(fixed_detail::convert_fixed<W, I, Q, O, W2, I2>(other.raw()))) {}

  /// From a C integer (ap_fixed: as fixed<bits, bits>).
  template <class T, fixed_detail::if_integer<T> = 0>
  XAI_FIXED_INLINE constexpr fixed(T x)
      : fixed(fixed_detail::int_format<T>::type::from_raw(
            static_cast<typename fixed_detail::int_format<T>::type::wide_type>(x))) {}

  XAI_FIXED_INLINE constexpr fixed(bool b) : fixed(static_cast<int>(b)) {}

  /// From double: ap_fixed reads the double as a 54-bit signed mantissa 1.m (implicit bit
  /// always set) with 2 + exponent integer bits, then converts that as a fixed value.
  inline fixed(double d) : v_(from_double(d)) {}

  /// From float: through double, as ap_fixed.
  inline fixed(float f) : fixed(static_cast<double>(f)) {}

  /// Two's-complement integer of the W bits (sign-extended into raw_type).
  XAI_FIXED_INLINE constexpr raw_type raw() const { return v_; }

  /// The fixed value whose W bits are the low W bits of bits.
  XAI_FIXED_INLINE static constexpr fixed from_raw(wide_type bits) {
    return fixed(fixed_detail::exact_raw_t{}, fixed_detail::wrap<W>(bits));
  }

  /// Internal: bits must already be a sign-extended W-bit value (exact operator results).
  XAI_FIXED_INLINE constexpr fixed(fixed_detail::exact_raw_t, wide_type bits)
      : v_(static_cast<raw_type>(bits)) {}

  inline double to_double() const {
    const std::uint64_t bits = fixed_detail::to_float_bits<W, I, 52, 11, 1023>(v_);
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }

  inline float to_float() const {
    const auto bits = static_cast<std::uint32_t>(fixed_detail::to_float_bits<W, I, 23, 8, 127>(v_));
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
  }

  explicit operator double() const { return to_double(); }
  explicit operator float() const { return to_float(); }

  /// Exact negation: fixed<W + 1, I + 1>.
  XAI_FIXED_INLINE constexpr fixed<W + 1, I + 1> operator-() const {
    using R = fixed<W + 1, I + 1>;
    return R(fixed_detail::exact_raw_t{}, -static_cast<typename R::wide_type>(v_));
  }
  XAI_FIXED_INLINE constexpr fixed operator+() const { return *this; }

  template <int W2, int I2, q_mode Q2, o_mode O2>
  XAI_FIXED_INLINE constexpr fixed& operator+=(const fixed<W2, I2, Q2, O2>& b) {
    if constexpr (O == AP_WRAP && W2 < 64) {
      // Same bits as converting the exact sum (see quantize_to); a plain modular add.
      using C = fixed_detail::accumulate_t<fixed_detail::max_int(W, W2)>;
      const C q = fixed_detail::quantize_to<W - I, Q, W2, W2 - I2>(static_cast<C>(b.raw()));
      v_ = static_cast<raw_type>(fixed_detail::wrap<W>(add_mod(static_cast<C>(v_), q)));
      return *this;
    } else {
      return *this = fixed(*this + b);
    }
  }
  template <int W2, int I2, q_mode Q2, o_mode O2>
  XAI_FIXED_INLINE constexpr fixed& operator-=(const fixed<W2, I2, Q2, O2>& b) {
    if constexpr (O == AP_WRAP && W2 < 64) {
      // The quantization applies to -b (floor(-b) != -floor(b)), then a modular add.
      using C = fixed_detail::accumulate_t<fixed_detail::max_int(W, W2 + 1)>;
      const C q = fixed_detail::quantize_to<W - I, Q, W2 + 1, W2 - I2>(static_cast<C>(-static_cast<C>(b.raw())));
      v_ = static_cast<raw_type>(fixed_detail::wrap<W>(add_mod(static_cast<C>(v_), q)));
      return *this;
    } else {
      return *this = fixed(*this - b);
    }
  }
  template <int W2, int I2, q_mode Q2, o_mode O2>
  XAI_FIXED_INLINE constexpr fixed& operator*=(const fixed<W2, I2, Q2, O2>& b) {
    return *this = fixed(*this * b);
  }
  template <class T, fixed_detail::if_integer<T> = 0>
  XAI_FIXED_INLINE constexpr fixed& operator+=(T b) {
    return *this += typename fixed_detail::int_format<T>::type(b);
  }
  template <class T, fixed_detail::if_integer<T> = 0>
  XAI_FIXED_INLINE constexpr fixed& operator-=(T b) {
    return *this -= typename fixed_detail::int_format<T>::type(b);
  }
  template <class T, fixed_detail::if_integer<T> = 0>
  XAI_FIXED_INLINE constexpr fixed& operator*=(T b) {
    return *this *= typename fixed_detail::int_format<T>::type(b);
  }

 private:
  /// x + y modulo the width of C (no signed-overflow undefined behaviour).
  template <class C>
  static XAI_FIXED_INLINE constexpr C add_mod(C x, C y) {
    using U = fixed_detail::unsigned_t<C>;
    return static_cast<C>(static_cast<U>(x) + static_cast<U>(y));
  }

  static raw_type from_double(double d) {
    std::uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    if ((bits & 0x7fffffffffffffffULL) == 0) return 0;
    const bool isneg = (bits >> 63) != 0;
    const int exp = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
    std::int64_t man = static_cast<std::int64_t>((bits & ((std::uint64_t(1) << 52) - 1)) | (std::uint64_t(1) << 52));
    if (isneg) man = -man;
    // Source format: 54 bits, exp + 2 integer bits, so 52 - exp fraction bits.
    return static_cast<raw_type>(fixed_detail::convert<W, I, Q, O>(man, 54, 52 - exp));
  }

  raw_type v_ = 0;
};

namespace fixed_detail {
/// Result formats of the binary operators (ap_fixed's RType for two signed operands).
template <int W1, int I1, int W2, int I2>
struct sum_format {
  static constexpr int F = max_int(W1 - I1, W2 - I2);
  static constexpr int I = max_int(I1, I2) + 1;
  using type = fixed<I + F, I>;
};

/// Both operands aligned to the common (sum) format; exact.
template <int W1, int I1, q_mode Q1, o_mode O1, int W2, int I2, q_mode Q2, o_mode O2>
struct aligned {
  using S = typename sum_format<W1, I1, W2, I2>::type;
  using R = typename S::wide_type;
  static XAI_FIXED_INLINE constexpr R lhs(const fixed<W1, I1, Q1, O1>& a) {
    return shl<S::fwidth - (W1 - I1)>(static_cast<R>(a.raw()));
  }
  static XAI_FIXED_INLINE constexpr R rhs(const fixed<W2, I2, Q2, O2>& b) {
    return shl<S::fwidth - (W2 - I2)>(static_cast<R>(b.raw()));
  }
};
}  // namespace fixed_detail

/// Exact product: fixed<W1 + W2, I1 + I2> (never overflows).
template <int W1, int I1, q_mode Q1, o_mode O1, int W2, int I2, q_mode Q2, o_mode O2>
XAI_FIXED_INLINE constexpr fixed<W1 + W2, I1 + I2> operator*(const fixed<W1, I1, Q1, O1>& a,
                                                               const fixed<W2, I2, Q2, O2>& b) {
  using R = fixed<W1 + W2, I1 + I2>;
  using T = typename R::wide_type;
  return R(fixed_detail::exact_raw_t{}, static_cast<T>(a.raw()) * static_cast<T>(b.raw()));
}

/// Exact sum: fixed<max(I1, I2) + 1 + max(F1, F2), max(I1, I2) + 1>.
template <int W1, int I1, q_mode Q1, o_mode O1, int W2, int I2, q_mode Q2, o_mode O2>
XAI_FIXED_INLINE constexpr typename fixed_detail::sum_format<W1, I1, W2, I2>::type operator+(
    const fixed<W1, I1, Q1, O1>& a, const fixed<W2, I2, Q2, O2>& b) {
  using A = fixed_detail::aligned<W1, I1, Q1, O1, W2, I2, Q2, O2>;
  return typename A::S(fixed_detail::exact_raw_t{}, A::lhs(a) + A::rhs(b));
}

/// Exact difference, same format as the sum.
template <int W1, int I1, q_mode Q1, o_mode O1, int W2, int I2, q_mode Q2, o_mode O2>
XAI_FIXED_INLINE constexpr typename fixed_detail::sum_format<W1, I1, W2, I2>::type operator-(
    const fixed<W1, I1, Q1, O1>& a, const fixed<W2, I2, Q2, O2>& b) {
  using A = fixed_detail::aligned<W1, I1, Q1, O1, W2, I2, Q2, O2>;
  return typename A::S(fixed_detail::exact_raw_t{}, A::lhs(a) - A::rhs(b));
}

// Exact comparisons between fixed values.
#define XAI_FIXED_CMP(OP)                                                                   \
  template <int W1, int I1, q_mode Q1, o_mode O1, int W2, int I2, q_mode Q2, o_mode O2>     \
  XAI_FIXED_INLINE constexpr bool operator OP(const fixed<W1, I1, Q1, O1>& a,               \
                                              const fixed<W2, I2, Q2, O2>& b) {             \
    using A = fixed_detail::aligned<W1, I1, Q1, O1, W2, I2, Q2, O2>;                        \
    return A::lhs(a) OP A::rhs(b);                                                          \
  }                                                                                         \
  template <int W, int I, q_mode Q, o_mode O, class T, fixed_detail::if_integer<T> = 0>     \
  XAI_FIXED_INLINE constexpr bool operator OP(const fixed<W, I, Q, O>& a, T b) {            \
    return a OP typename fixed_detail::int_format<T>::type(b);                              \
  }                                                                                         \
  template <int W, int I, q_mode Q, o_mode O, class T, fixed_detail::if_integer<T> = 0>     \
  XAI_FIXED_INLINE constexpr bool operator OP(T a, const fixed<W, I, Q, O>& b) {            \
    return typename fixed_detail::int_format<T>::type(a) OP b;                              \
  }                                                                                         \
  template <int W, int I, q_mode Q, o_mode O>                                               \
  inline bool operator OP(const fixed<W, I, Q, O>& a, double b) {                           \
    return a.to_double() OP b;                                                              \
  }                                                                                         \
  template <int W, int I, q_mode Q, o_mode O>                                               \
  inline bool operator OP(double a, const fixed<W, I, Q, O>& b) {                           \
    return a OP b.to_double();                                                              \
  }
XAI_FIXED_CMP(==)
XAI_FIXED_CMP(!=)
XAI_FIXED_CMP(<)
XAI_FIXED_CMP(<=)
XAI_FIXED_CMP(>)
XAI_FIXED_CMP(>=)
#undef XAI_FIXED_CMP

// Arithmetic with C integers: the integer is a fixed<bits, bits> operand, as in ap_fixed.
#define XAI_FIXED_INT_OP(OP)                                                                \
  template <int W, int I, q_mode Q, o_mode O, class T, fixed_detail::if_integer<T> = 0>     \
  XAI_FIXED_INLINE constexpr auto operator OP(const fixed<W, I, Q, O>& a, T b) {            \
    return a OP typename fixed_detail::int_format<T>::type(b);                              \
  }                                                                                         \
  template <int W, int I, q_mode Q, o_mode O, class T, fixed_detail::if_integer<T> = 0>     \
  XAI_FIXED_INLINE constexpr auto operator OP(T a, const fixed<W, I, Q, O>& b) {            \
    return typename fixed_detail::int_format<T>::type(a) OP b;                              \
  }
XAI_FIXED_INT_OP(+)
XAI_FIXED_INT_OP(-)
XAI_FIXED_INT_OP(*)
#undef XAI_FIXED_INT_OP

}  // namespace xai
