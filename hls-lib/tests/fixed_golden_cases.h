// The fixed-point formats covered by the ap_fixed golden vectors (tests/data/fixed/).
//
// Shared by the generator (data/fixed/make_fixed_golden.cpp, built against the real
// <ap_fixed.h>) and by fixed_test.cpp (built against xai::fixed): each X(...) entry becomes one
// template instantiation on both sides, named by its arguments. Q is AP_TRN or AP_RND and O is
// AP_WRAP or AP_SAT, spelled unqualified so that each side resolves them to its own enum.
// Chosen to hit the corners: W = 1, W = 64 and 128-bit intermediates, I <= 0, I > W, equal and
// unequal fraction widths, shifts past the source width.
#pragma once

// Shapes (W, I) used for conversions from double/float/int, to_double/to_float and negation.
#define XAI_GOLDEN_SHAPES(X, Q, O)                                                            \
  X(1, 1, Q, O) X(1, 0, Q, O) X(1, -3, Q, O) X(1, 5, Q, O) X(2, 1, Q, O) X(4, 2, Q, O)        \
  X(8, 4, Q, O) X(8, 8, Q, O) X(8, 0, Q, O) X(8, -2, Q, O) X(8, 12, Q, O) X(12, 3, Q, O)      \
  X(16, 6, Q, O) X(16, 2, Q, O) X(16, 16, Q, O) X(16, -4, Q, O) X(16, 20, Q, O)              \
  X(18, 9, Q, O) X(24, 8, Q, O) X(32, 16, Q, O) X(32, 32, Q, O) X(32, 0, Q, O)               \
  X(40, 16, Q, O) X(48, 20, Q, O) X(53, 10, Q, O) X(54, 2, Q, O) X(63, 31, Q, O)             \
  X(64, 32, Q, O) X(64, 1, Q, O) X(64, 64, Q, O) X(64, -8, Q, O) X(64, 70, Q, O)             \
  X(80, 20, Q, O) X(127, 64, Q, O)

#define XAI_GOLDEN_FORMATS(X)                 \
  XAI_GOLDEN_SHAPES(X, AP_TRN, AP_WRAP)       \
  XAI_GOLDEN_SHAPES(X, AP_RND, AP_WRAP)       \
  XAI_GOLDEN_SHAPES(X, AP_TRN, AP_SAT)        \
  XAI_GOLDEN_SHAPES(X, AP_RND, AP_SAT)

// Conversions fixed<W2, I2> -> fixed<W, I, Q, O>: every source shape to every target shape.
#define XAI_GOLDEN_CONV_TARGETS(X, W2, I2, Q, O)                                             \
  X(W2, I2, 1, 1, Q, O) X(W2, I2, 1, -3, Q, O) X(W2, I2, 4, 2, Q, O) X(W2, I2, 8, 4, Q, O)   \
  X(W2, I2, 8, -2, Q, O) X(W2, I2, 8, 12, Q, O) X(W2, I2, 16, 6, Q, O)                       \
  X(W2, I2, 16, 2, Q, O) X(W2, I2, 40, 16, Q, O) X(W2, I2, 64, 32, Q, O)                     \
  X(W2, I2, 64, 70, Q, O)
#define XAI_GOLDEN_CONV_SOURCES(X, Q, O)                                                     \
  XAI_GOLDEN_CONV_TARGETS(X, 1, 1, Q, O) XAI_GOLDEN_CONV_TARGETS(X, 4, 2, Q, O)              \
  XAI_GOLDEN_CONV_TARGETS(X, 8, -2, Q, O) XAI_GOLDEN_CONV_TARGETS(X, 8, 12, Q, O)            \
  XAI_GOLDEN_CONV_TARGETS(X, 16, 6, Q, O) XAI_GOLDEN_CONV_TARGETS(X, 32, 8, Q, O)            \
  XAI_GOLDEN_CONV_TARGETS(X, 41, 17, Q, O) XAI_GOLDEN_CONV_TARGETS(X, 64, 32, Q, O)          \
  XAI_GOLDEN_CONV_TARGETS(X, 64, -8, Q, O) XAI_GOLDEN_CONV_TARGETS(X, 96, 10, Q, O)
#define XAI_GOLDEN_CONVERSIONS(X)             \
  XAI_GOLDEN_CONV_SOURCES(X, AP_TRN, AP_WRAP) \
  XAI_GOLDEN_CONV_SOURCES(X, AP_RND, AP_WRAP) \
  XAI_GOLDEN_CONV_SOURCES(X, AP_TRN, AP_SAT)  \
  XAI_GOLDEN_CONV_SOURCES(X, AP_RND, AP_SAT)

// Binary operators a * b, a + b, a - b and comparisons: X(W1, I1, W2, I2).
#define XAI_GOLDEN_BINARY(X)                                                                  \
  X(16, 6, 16, 2) X(8, 4, 8, 4) X(1, 1, 1, 1) X(1, 0, 8, -2) X(32, 16, 32, 8)                 \
  X(64, 32, 64, 1) X(64, 70, 8, -2) X(16, 20, 16, -4) X(12, 3, 40, 16) X(63, 31, 64, 64)

// Compound assignment a op= b with a's modes: X(W1, I1, Q, O, W2, I2).
#define XAI_GOLDEN_COMPOUND_SHAPES(X, Q, O)                                                   \
  X(16, 6, Q, O, 16, 2) X(8, 4, Q, O, 8, 4) X(40, 16, Q, O, 32, 8) X(8, -2, Q, O, 8, 12)      \
  X(1, 1, Q, O, 1, 1) X(64, 32, Q, O, 64, 32) X(64, 32, Q, O, 32, 16) X(16, 6, Q, O, 16, 20)
#define XAI_GOLDEN_COMPOUND(X)                    \
  XAI_GOLDEN_COMPOUND_SHAPES(X, AP_TRN, AP_WRAP)  \
  XAI_GOLDEN_COMPOUND_SHAPES(X, AP_RND, AP_WRAP)  \
  XAI_GOLDEN_COMPOUND_SHAPES(X, AP_TRN, AP_SAT)   \
  XAI_GOLDEN_COMPOUND_SHAPES(X, AP_RND, AP_SAT)

// Multiply-accumulate chains acc += a * b (8 steps): X(WACC, IACC, Q, O, WA, IA, WB, IB).
#define XAI_GOLDEN_MAC_SHAPES(X, Q, O)                                                        \
  X(40, 16, Q, O, 16, 6, 16, 2) X(24, 8, Q, O, 16, 6, 16, 2) X(16, 6, Q, O, 16, 6, 16, 2)     \
  X(64, 30, Q, O, 32, 8, 32, 16)
#define XAI_GOLDEN_MAC(X)                     \
  XAI_GOLDEN_MAC_SHAPES(X, AP_TRN, AP_WRAP)   \
  XAI_GOLDEN_MAC_SHAPES(X, AP_RND, AP_WRAP)   \
  XAI_GOLDEN_MAC_SHAPES(X, AP_TRN, AP_SAT)    \
  XAI_GOLDEN_MAC_SHAPES(X, AP_RND, AP_SAT)
