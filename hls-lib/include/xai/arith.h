// Small arithmetic helpers shared by the blocks. They are written against the operations
// every data type of the library has (float, double, xai::fixed_t / ap_fixed):
// construction from double, + - *, comparisons, conversion between types.
#ifndef XAI_ARITH_H
#define XAI_ARITH_H

namespace xai {

/// 2^e as a double, usable in constant expressions (no <cmath>, no recursion: synthesizable).
constexpr double pow2(int e) {
    double r = 1.0;
    for (int i = 0; i < (e > 0 ? e : -e); i++) r = e > 0 ? r * 2.0 : r * 0.5;
    return r;
}

/// Converts an accumulator to a storage type after multiplying by 2^S. This is the
/// per-layer gradient rescaling of numerics.md: in hardware a shift, here a product with
/// an exact power of two (the product is full precision for fixed types, so the only
/// rounding is the one conversion to OUT). S == 0 is a plain conversion.
template <int S, class OUT, class T> inline OUT convert_scaled(const T& x) {
    if (S == 0) return OUT(x);
    return OUT(x * T(pow2(S)));
}

/// Per-layer activation exponents, read from a block configuration with default 0 so that
/// configurations written before activation scaling existed keep meaning "no scaling".
/// act_in_exp: the block's input is stored as true * 2^act_in_exp (its bias is loaded scaled
/// the same way, so the accumulator holds the pre-activation * 2^act_in_exp);
/// act_shift:  the FP store multiplies by 2^act_shift, giving the output exponent
/// act_in_exp + act_shift. ReLU, max-pool and the BP mask [y > 0] are invariant under a
/// positive scale, so nothing else changes.
namespace arith_detail {
template <int> struct int_member { typedef void type; };
} // namespace arith_detail
template <class CONFIG_T, class = void> struct act_in_exp_of { static const int value = 0; };
template <class CONFIG_T>
struct act_in_exp_of<CONFIG_T, typename arith_detail::int_member<CONFIG_T::act_in_exp>::type> {
    static const int value = CONFIG_T::act_in_exp;
};
template <class CONFIG_T, class = void> struct act_shift_of { static const int value = 0; };
template <class CONFIG_T>
struct act_shift_of<CONFIG_T, typename arith_detail::int_member<CONFIG_T::act_shift>::type> {
    static const int value = CONFIG_T::act_shift;
};

/// max(v, 0) in v's own type; ReLU'(0) = 0 is the caller's business (mask = v > 0).
template <class T> inline T relu_value(const T& v) { return v > T(0) ? v : T(0); }

} // namespace xai

#endif
