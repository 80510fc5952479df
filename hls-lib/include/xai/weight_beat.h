// A bus beat of packed weights: how the dense engine reads its weight blocks several at a time.
//
// At batch 1 every dense weight is used once per pass, so a dense layer runs at the rate its
// weights arrive. Through the 16-bit weight port that is one per cycle; the PS's HP ports are
// 64 bits wide on the Zynq-7000 and 128 on the Zynq UltraScale+ (DESIGN.md), so a port of
// beats moves 4 or 8 weights per cycle. The dense engine reads its blocks through such a port
// when its configuration declares `weight_beat` > 1; the same DRAM image stays behind both
// ports (the host points the beat port at the weight image too), so nothing in the image moves.
// Requirements (checked in the C simulation, planned for by the SDK): every dense layer's
// parameter offset and input length are multiples of the beat, so that each block (a whole
// number of rows of n_in-aligned runs) starts on a beat and is whole beats long.
#ifndef XAI_WEIGHT_BEAT_H
#define XAI_WEIGHT_BEAT_H

#include <type_traits>

namespace xai {

/// P consecutive elements of an image in one bus word (16P bits for 16-bit elements). On an
/// m_axi port Vitis HLS aggregates a struct into one word of its members, first in the low bits,
/// by default (UG1399, "Structs on the Interface").
template <class T, unsigned P> struct beat {
    static_assert(P >= 1 && (P & (P - 1)) == 0, "beat: elements per beat must be a power of two");
    T e[P];
};

/// Elements per weight beat of a dense engine configuration E: E::weight_beat when declared,
/// else 1 (blocks read one weight per cycle through the weight port).
template <class E, class = void> struct weight_beat_of {
    static const unsigned value = 1;
};
template <class E> struct weight_beat_of<E, decltype(void(E::weight_beat))> {
    static const unsigned value = E::weight_beat;
};

/// The beat type of E's weight beat port.
template <class E> using weight_beat_t = beat<typename E::weight_t, weight_beat_of<E>::value>;

/// The beat port E's engine reads: `port` when E packs its weights, else `local` (a one-beat array no
/// loop reads), chosen at compile time. An engine's port never holds a null pointer, which Vitis HLS
/// cannot map, nor one that may point at either memory.
template <class B> const B* beat_port(const B* port, const B*, std::true_type) { return port; }
template <class B> const B* beat_port(const B*, const B* local, std::false_type) { return local; }
template <class E> const weight_beat_t<E>* beat_port(const weight_beat_t<E>* port, const weight_beat_t<E>* local) {
    return beat_port(port, local, std::integral_constant<bool, (weight_beat_of<E>::value > 1)>());
}

/// Host side (C simulation, testbenches; not synthesized): the first n / P beats of an image of
/// n elements (the beat port's depth; no block reads past them).
template <unsigned P, class T> void to_beats(const T* image, unsigned n, beat<T, P>* beats) {
    for (unsigned k = 0; k < n / P; k++)
        for (unsigned j = 0; j < P; j++) beats[k].e[j] = image[k * P + j];
}

} // namespace xai

#endif
