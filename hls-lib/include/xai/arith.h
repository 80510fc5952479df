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

/// Largest |shift| a run-time layer descriptor may ask of convert_shifted.
static const int max_runtime_shift = 31;

namespace arith_detail {
/// Binary search over the compile-time shifts [LO, HI]: in hardware a tree of muxes over
/// shifted copies (a barrel shifter), in C simulation about log2(63) compares per value.
template <class OUT, int LO, int HI> struct shift_dispatch {
    static const int mid = LO + (HI - LO) / 2;
    template <class T> static OUT apply(const T& x, int s) {
        return s <= mid ? shift_dispatch<OUT, LO, mid>::apply(x, s) : shift_dispatch<OUT, mid + 1, HI>::apply(x, s);
    }
};
template <class OUT, int S> struct shift_dispatch<OUT, S, S> {
    template <class T> static OUT apply(const T& x, int) { return convert_scaled<S, OUT>(x); }
};
} // namespace arith_detail

/// convert_scaled with the shift known only at run time (a layer descriptor's exponent
/// difference): the same value, bit for bit, as convert_scaled<s, OUT>(x) for
/// |s| <= max_runtime_shift (layer_desc builders check the range at compile time).
template <class OUT, class T> inline OUT convert_shifted(const T& x, int s) {
#pragma HLS INLINE
    return arith_detail::shift_dispatch<OUT, -max_runtime_shift, max_runtime_shift>::apply(x, s);
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
