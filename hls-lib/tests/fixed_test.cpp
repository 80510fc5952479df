// Tests of xai::fixed: bit-for-bit against golden vectors made with ap_fixed
// (tests/data/fixed/, see its README.md), plus property tests against an independent
// exact-arithmetic model of the documented rules and the documented UG1399 examples.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "fixed_golden_cases.h"
#include "xai/fixed.h"
#include "xai/types.h"

using namespace xai;  // the golden case lists name the modes unqualified (AP_TRN, ...)
using xai::fixed_detail::i128;
using xai::fixed_detail::u128;

namespace {

// ---------------------------------------------------------------------------------------------
// Bits <-> text, as in the golden file: the W bits in hex, most significant digit first.

i128 sign_extend(u128 u, int W) {
  if (W >= 128) return static_cast<i128>(u);
  const u128 mask = (static_cast<u128>(1) << W) - 1;
  u &= mask;
  if ((u >> (W - 1)) & 1) u |= ~mask;
  return static_cast<i128>(u);
}

u128 parse_hex(const std::string& s) {
  u128 v = 0;
  for (char c : s) {
    const int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
    if (d < 0) throw std::runtime_error("bad hex digit in '" + s + "'");
    v = v * 16 + static_cast<u128>(d);
  }
  return v;
}

std::string hex_bits(i128 v, int W) {
  const int digits = (W + 3) / 4;
  u128 u = static_cast<u128>(v);
  if (W < 128) u &= (static_cast<u128>(1) << W) - 1;
  std::string s(static_cast<size_t>(digits), '0');
  for (int d = digits - 1; d >= 0; --d) {
    s[static_cast<size_t>(d)] = "0123456789abcdef"[static_cast<int>(u & 15)];
    u >>= 4;
  }
  return s;
}

template <class T>
std::string hex(const T& x) {
  return hex_bits(static_cast<i128>(x.raw()), T::width);
}

template <class T>
T from_hex(const std::string& s) {
  return T::from_raw(static_cast<typename T::wide_type>(sign_extend(parse_hex(s), T::width)));
}

double double_of_bits(const std::string& s) {
  const std::uint64_t u = static_cast<std::uint64_t>(parse_hex(s));
  double d;
  std::memcpy(&d, &u, sizeof d);
  return d;
}

float float_of_bits(const std::string& s) {
  const std::uint32_t u = static_cast<std::uint32_t>(parse_hex(s));
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}

std::string double_bits(double d) {
  std::uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return hex_bits(static_cast<i128>(u), 64);
}

std::string float_bits(float f) {
  std::uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return hex_bits(static_cast<i128>(u), 32);
}

template <class A, class B>
std::string cmp_mask(const A& a, const B& b) {
  const int m = (a == b) | (a != b) << 1 | (a < b) << 2 | (a <= b) << 3 | (a > b) << 4 |
                (a >= b) << 5;
  return std::to_string(m);
}

// ---------------------------------------------------------------------------------------------
// The golden file and one handler per (operation, case) that recomputes a line's result.

using Fields = std::vector<std::string>;
using Handler = std::string (*)(const Fields&);  // capture-free lambdas: cheap to compile

struct GoldenLine {
  int number;
  Fields fields;  // op, case id, inputs..., expected result
};

const std::string kGoldenPath = std::string(XAI_TEST_DATA_DIR) + "/fixed/fixed_golden.txt";

const std::map<std::string, std::vector<GoldenLine>>& golden_by_op() {
  static const std::map<std::string, std::vector<GoldenLine>> lines = [] {
    std::map<std::string, std::vector<GoldenLine>> out;
    std::ifstream in(kGoldenPath);
    std::string text;
    int number = 0;
    while (std::getline(in, text)) {
      ++number;
      if (text.empty() || text[0] == '#') continue;
      std::istringstream ss(text);
      GoldenLine line{number, {}};
      for (std::string f; ss >> f;) line.fields.push_back(f);
      if (line.fields.size() >= 3) out[line.fields[0]].push_back(line);
    }
    return out;
  }();
  return lines;
}

template <class T>
void register_format(std::map<std::string, Handler>& h, const std::string& id) {
  h["D " + id] = [](const Fields& f) { return hex(T(double_of_bits(f[2]))); };
  h["F " + id] = [](const Fields& f) { return hex(T(float_of_bits(f[2]))); };
  h["I " + id] = [](const Fields& f) { return hex(T(std::stoi(f[2]))); };
  h["U " + id] = [](const Fields& f) { return hex(T(static_cast<unsigned>(std::stoul(f[2])))); };
  h["L " + id] = [](const Fields& f) { return hex(T(std::stoll(f[2]))); };
  h["Q " + id] = [](const Fields& f) { return hex(T(std::stoull(f[2]))); };
  h["TD " + id] = [](const Fields& f) { return double_bits(from_hex<T>(f[2]).to_double()); };
  h["TF " + id] = [](const Fields& f) { return float_bits(from_hex<T>(f[2]).to_float()); };
  h["N " + id] = [](const Fields& f) { return hex(-from_hex<T>(f[2])); };
  h["CMPI " + id] = [](const Fields& f) { return cmp_mask(from_hex<T>(f[2]), std::stoi(f[3])); };
  h["CMPD " + id] = [](const Fields& f) {
    return cmp_mask(from_hex<T>(f[2]), double_of_bits(f[3]));
  };
}

template <class S, class T>
void register_conversion(std::map<std::string, Handler>& h, const std::string& id) {
  h["C " + id] = [](const Fields& f) {
    const T t = from_hex<S>(f[2]);
    return hex(t);
  };
}

template <class A, class B>
void register_binary(std::map<std::string, Handler>& h, const std::string& id) {
  h["M " + id] = [](const Fields& f) { return hex(from_hex<A>(f[2]) * from_hex<B>(f[3])); };
  h["A " + id] = [](const Fields& f) { return hex(from_hex<A>(f[2]) + from_hex<B>(f[3])); };
  h["S " + id] = [](const Fields& f) { return hex(from_hex<A>(f[2]) - from_hex<B>(f[3])); };
  h["CMP " + id] = [](const Fields& f) { return cmp_mask(from_hex<A>(f[2]), from_hex<B>(f[3])); };
}

template <class A, class B>
void register_compound(std::map<std::string, Handler>& h, const std::string& id) {
  h["PA " + id] = [](const Fields& f) {
    A a = from_hex<A>(f[2]);
    a += from_hex<B>(f[3]);
    return hex(a);
  };
  h["PS " + id] = [](const Fields& f) {
    A a = from_hex<A>(f[2]);
    a -= from_hex<B>(f[3]);
    return hex(a);
  };
  h["PM " + id] = [](const Fields& f) {
    A a = from_hex<A>(f[2]);
    a *= from_hex<B>(f[3]);
    return hex(a);
  };
}

template <class Acc, class A, class B>
void register_mac(std::map<std::string, Handler>& h, const std::string& id) {
  h["MAC " + id] = [](const Fields& f) {
    Acc acc = from_hex<Acc>(f[2]);
    for (size_t k = 3; k + 2 < f.size(); k += 2) acc += from_hex<A>(f[k]) * from_hex<B>(f[k + 1]);
    return hex(acc);
  };
}

#define XAI_STR(x) #x
#define XAI_ID4(W, I, Q, O) XAI_STR(W) "_" XAI_STR(I) "_" #Q "_" #O
#define REG_FORMAT(W, I, Q, O) register_format<fixed<W, I, Q, O>>(h, XAI_ID4(W, I, Q, O));
#define REG_CONV(W2, I2, W, I, Q, O)                 \
  register_conversion<fixed<W2, I2>, fixed<W, I, Q, O>>( \
      h, XAI_STR(W2) "_" XAI_STR(I2) "__" XAI_ID4(W, I, Q, O));
#define REG_BINARY(W1, I1, W2, I2) \
  register_binary<fixed<W1, I1>, fixed<W2, I2>>(h, XAI_STR(W1) "_" XAI_STR(I1) "__" XAI_STR(W2) "_" XAI_STR(I2));
#define REG_COMPOUND(W1, I1, Q, O, W2, I2)            \
  register_compound<fixed<W1, I1, Q, O>, fixed<W2, I2>>( \
      h, XAI_ID4(W1, I1, Q, O) "__" XAI_STR(W2) "_" XAI_STR(I2));
#define REG_MAC(WC, IC, Q, O, WA, IA, WB, IB)                                 \
  register_mac<fixed<WC, IC, Q, O>, fixed<WA, IA>, fixed<WB, IB>>(            \
      h, XAI_ID4(WC, IC, Q, O) "__" XAI_STR(WA) "_" XAI_STR(IA) "__" XAI_STR(WB) "_" XAI_STR(IB));

const std::map<std::string, Handler>& handlers() {
  static const std::map<std::string, Handler> all = [] {
    std::map<std::string, Handler> h;
    XAI_GOLDEN_FORMATS(REG_FORMAT)
    XAI_GOLDEN_CONVERSIONS(REG_CONV)
    XAI_GOLDEN_BINARY(REG_BINARY)
    XAI_GOLDEN_COMPOUND(REG_COMPOUND)
    XAI_GOLDEN_MAC(REG_MAC)
    return h;
  }();
  return all;
}

std::string join(const Fields& f) {
  std::string s;
  for (const auto& x : f) s += (s.empty() ? "" : " ") + x;
  return s;
}

// Recomputes every golden line of the given operations; reports the first mismatches.
void check_golden(std::initializer_list<const char*> ops) {
  const auto& lines = golden_by_op();
  ASSERT_FALSE(lines.empty()) << "golden vectors missing or empty: " << kGoldenPath;
  for (const char* op : ops) {
    const auto it = lines.find(op);
    ASSERT_NE(it, lines.end()) << "no golden vectors for operation " << op;
    int checked = 0, wrong = 0;
    for (const GoldenLine& line : it->second) {
      const std::string key = line.fields[0] + " " + line.fields[1];
      const auto h = handlers().find(key);
      ASSERT_NE(h, handlers().end()) << "line " << line.number << ": no test case for " << key;
      const std::string got = h->second(line.fields);
      ++checked;
      if (got != line.fields.back() && ++wrong <= 12) {
        ADD_FAILURE() << "line " << line.number << ": " << join(line.fields)
                      << "\n  xai::fixed gives " << got;
      }
    }
    EXPECT_EQ(wrong, 0) << op << ": " << wrong << " of " << checked << " vectors differ";
    EXPECT_GT(checked, 0);
  }
}

TEST(FixedGolden, EveryCaseHasVectors) {
  std::map<std::string, int> seen;
  for (const auto& kv : golden_by_op())
    for (const GoldenLine& line : kv.second) ++seen[line.fields[0] + " " + line.fields[1]];
  int missing = 0;
  for (const auto& kv : handlers()) {
    // to_double/to_float/negation vectors exist for the AP_TRN/AP_WRAP shapes only.
    const bool mode_free = kv.first.rfind("TD ", 0) == 0 || kv.first.rfind("TF ", 0) == 0 ||
                           kv.first.rfind("N ", 0) == 0;
    if (mode_free && kv.first.find("_AP_TRN_AP_WRAP") == std::string::npos) continue;
    if (seen.count(kv.first) == 0 && ++missing <= 10) ADD_FAILURE() << "no vectors for " << kv.first;
  }
  EXPECT_EQ(missing, 0);
}

TEST(FixedGolden, FromDoubleAndFloat) { check_golden({"D", "F"}); }
TEST(FixedGolden, FromIntegers) { check_golden({"I", "U", "L", "Q"}); }
TEST(FixedGolden, ToDoubleAndFloat) { check_golden({"TD", "TF"}); }
TEST(FixedGolden, Negation) { check_golden({"N"}); }
TEST(FixedGolden, ConversionBetweenFormats) { check_golden({"C"}); }
TEST(FixedGolden, ProductSumDifference) { check_golden({"M", "A", "S"}); }
TEST(FixedGolden, Comparisons) { check_golden({"CMP", "CMPI", "CMPD"}); }
TEST(FixedGolden, CompoundAssignment) { check_golden({"PA", "PS", "PM"}); }
TEST(FixedGolden, MultiplyAccumulateChains) { check_golden({"MAC"}); }

// ---------------------------------------------------------------------------------------------
// Independent model: the documented rules in exact integer arithmetic. Source value v2 * 2^-F2;
// target W bits with F fraction bits: quantize (TRN = floor, RND = floor(x + half LSB)), then
// wrap (low W bits) or saturate (clamp).

i128 floor_shift(i128 v, int sh) { return v >> sh; }  // arithmetic shift = floor division

i128 model_convert(i128 v2, int F2, int W, int F, q_mode q, o_mode o) {
  i128 r;
  if (F2 > F) {
    const int sh = F2 - F;
    r = floor_shift(q == AP_RND ? v2 + (static_cast<i128>(1) << (sh - 1)) : v2, sh);
  } else {
    r = v2 * (static_cast<i128>(1) << (F - F2));
  }
  if (o == AP_WRAP) return sign_extend(static_cast<u128>(r), W);
  const i128 hi = (static_cast<i128>(1) << (W - 1)) - 1, lo = -hi - 1;
  return r > hi ? hi : r < lo ? lo : r;
}

std::mt19937_64& rng() {
  static std::mt19937_64 r(12345);
  return r;
}

// A random W-bit value, sign-extended from a random length (small and large magnitudes).
i128 random_raw(int W) {
  const int len = 1 + static_cast<int>(rng()() % static_cast<std::uint64_t>(W));
  const u128 u = (static_cast<u128>(rng()()) << 64) | rng()();
  return sign_extend(u, len);
}

template <class S, class T>
void model_check_conversion(int& checked, int& wrong, const char* id) {
  for (int k = 0; k < 200; ++k) {
    const S s = S::from_raw(static_cast<typename S::wide_type>(random_raw(S::width)));
    const T t = s;
    const i128 want = model_convert(s.raw(), S::fwidth, T::width, T::fwidth, T::qmode, T::omode);
    ++checked;
    if (static_cast<i128>(t.raw()) != want && ++wrong <= 10)
      ADD_FAILURE() << id << ": from " << hex(s) << " got " << hex(t) << " model "
                    << hex_bits(want, T::width);
  }
}

#define MODEL_CONV(W2, I2, W, I, Q, O)                                \
  model_check_conversion<fixed<W2, I2>, fixed<W, I, Q, O>>(checked, wrong, \
                                                          #W2 "," #I2 " -> " #W "," #I "," #Q "," #O);

TEST(FixedModel, ConversionsFollowTheDocumentedRules) {
  int checked = 0, wrong = 0;
  XAI_GOLDEN_CONVERSIONS(MODEL_CONV)
  EXPECT_EQ(wrong, 0) << wrong << " of " << checked;
}

// The golden vectors themselves obey the model (so ap_fixed's bit-level algorithm and the
// documented rules agree on every conversion vector).
TEST(FixedModel, GoldenConversionsObeyTheModel) {
  const auto& lines = golden_by_op();
  const auto it = lines.find("C");
  ASSERT_NE(it, lines.end());
  int wrong = 0;
  for (const GoldenLine& line : it->second) {
    // id: W2_I2__W_I_AP_Q_AP_O
    int W2, I2, W, I;
    char q[16], o[16];
    ASSERT_EQ(std::sscanf(line.fields[1].c_str(), "%d_%d__%d_%d_AP_%3s_AP_%4s", &W2, &I2, &W, &I, q, o), 6);
    const i128 v2 = sign_extend(parse_hex(line.fields[2]), W2);
    const i128 want = model_convert(v2, W2 - I2, W, W - I, std::string(q) == "RND" ? AP_RND : AP_TRN,
                                    std::string(o) == "SAT" ? AP_SAT : AP_WRAP);
    if (sign_extend(parse_hex(line.fields[3]), W) != want && ++wrong <= 10)
      ADD_FAILURE() << "line " << line.number << ": " << join(line.fields) << " model "
                    << hex_bits(want, W);
  }
  EXPECT_EQ(wrong, 0);
}

template <class T>
void model_check_from_double(int& checked, int& wrong, const char* id) {
  for (int k = 0; k < 100; ++k) {
    // A normal double near the format's range, exact value m * 2^(e - 52).
    const int e = T::iwidth - T::width - 4 + static_cast<int>(rng()() % static_cast<std::uint64_t>(T::width + 8));
    const std::int64_t m = static_cast<std::int64_t>((rng()() >> 11) | (std::uint64_t(1) << 52));
    const std::int64_t sm = (rng()() & 1) ? -m : m;
    const double d = std::ldexp(static_cast<double>(sm), e - 52);
    const int F2 = 52 - e;
    if (T::fwidth - F2 > 60 || F2 - T::fwidth > 120) continue;  // keep the model in 128 bits
    const T t = d;
    const i128 want = model_convert(sm, F2, T::width, T::fwidth, T::qmode, T::omode);
    ++checked;
    if (static_cast<i128>(t.raw()) != want && ++wrong <= 10)
      ADD_FAILURE() << id << ": " << d << " got " << hex(t) << " model " << hex_bits(want, T::width);
  }
}

#define MODEL_DOUBLE(W, I, Q, O) model_check_from_double<fixed<W, I, Q, O>>(checked, wrong, #W "," #I "," #Q "," #O);

TEST(FixedModel, FromDoubleFollowsTheDocumentedRules) {
  int checked = 0, wrong = 0;
  XAI_GOLDEN_FORMATS(MODEL_DOUBLE)
  EXPECT_GT(checked, 5000);
  EXPECT_EQ(wrong, 0) << wrong << " of " << checked;
}

// Products, sums, differences and negation are exact in the widened types.
template <int W1, int I1, int W2, int I2>
void check_exact_arithmetic() {
  using A = fixed<W1, I1>;
  using B = fixed<W2, I2>;
  static_assert(std::is_same<decltype(A() * B()), fixed<W1 + W2, I1 + I2>>::value, "product type");
  constexpr int F = (W1 - I1) > (W2 - I2) ? (W1 - I1) : (W2 - I2);
  constexpr int I = (I1 > I2 ? I1 : I2) + 1;
  static_assert(std::is_same<decltype(A() + B()), fixed<I + F, I>>::value, "sum type");
  static_assert(std::is_same<decltype(A() - B()), fixed<I + F, I>>::value, "difference type");
  static_assert(std::is_same<decltype(-A()), fixed<W1 + 1, I1 + 1>>::value, "negation type");
  for (int k = 0; k < 300; ++k) {
    const A a = A::from_raw(static_cast<typename A::wide_type>(random_raw(W1)));
    const B b = B::from_raw(static_cast<typename B::wide_type>(random_raw(W2)));
    const i128 ra = static_cast<i128>(a.raw()) * (static_cast<i128>(1) << (F - (W1 - I1)));
    const i128 rb = static_cast<i128>(b.raw()) * (static_cast<i128>(1) << (F - (W2 - I2)));
    ASSERT_TRUE(static_cast<i128>((a * b).raw()) == static_cast<i128>(a.raw()) * b.raw()) << hex(a) << " " << hex(b);
    ASSERT_TRUE(static_cast<i128>((a + b).raw()) == ra + rb) << hex(a) << " " << hex(b);
    ASSERT_TRUE(static_cast<i128>((a - b).raw()) == ra - rb) << hex(a) << " " << hex(b);
    ASSERT_TRUE(static_cast<i128>((-a).raw()) == -static_cast<i128>(a.raw())) << hex(a);
    ASSERT_EQ(a < b, ra < rb);
    ASSERT_EQ(a == b, ra == rb);
    ASSERT_EQ(a >= b, ra >= rb);
  }
}

TEST(FixedModel, ArithmeticIsExactInWidenedTypes) {
  check_exact_arithmetic<16, 6, 16, 2>();
  check_exact_arithmetic<1, 1, 1, 0>();
  check_exact_arithmetic<8, -3, 8, 12>();
  check_exact_arithmetic<64, 32, 64, 63>();
  check_exact_arithmetic<32, 40, 20, -10>();
}

// to_double / to_float: a single round-to-nearest-even of the exact value (long double holds
// every value of up to 64 bits exactly).
template <int W, int I>
void check_float_conversion() {
  using T = fixed<W, I>;
  for (int k = 0; k < 500; ++k) {
    const T x = T::from_raw(static_cast<typename T::wide_type>(random_raw(W)));
    const long double exact = std::ldexp(static_cast<long double>(x.raw()), -(W - I));
    ASSERT_EQ(x.to_double(), static_cast<double>(exact)) << hex(x);
    ASSERT_EQ(x.to_float(), static_cast<float>(exact)) << hex(x);
  }
}

TEST(FixedModel, ToDoubleAndFloatRoundToNearestEven) {
  check_float_conversion<16, 6>();
  check_float_conversion<1, 1>();
  check_float_conversion<30, -5>();
  check_float_conversion<53, 20>();
  check_float_conversion<60, 10>();
  check_float_conversion<64, 64>();
  check_float_conversion<64, 0>();
}

// Examples printed in UG1399 ("Quantization Modes", "Overflow Modes", identifier summary).
TEST(FixedDocumented, Ug1399Examples) {
  EXPECT_EQ((fixed<3, 2, AP_RND, AP_SAT>(1.25).to_double()), 1.5);
  EXPECT_EQ((fixed<3, 2, AP_RND, AP_SAT>(-1.25).to_double()), -1.0);
  EXPECT_EQ((fixed<3, 2, AP_TRN, AP_SAT>(1.25).to_double()), 1.0);
  EXPECT_EQ((fixed<3, 2, AP_TRN, AP_SAT>(-1.25).to_double()), -1.5);
  EXPECT_EQ((fixed<4, 4, AP_RND, AP_SAT>(19.0).to_double()), 7.0);
  EXPECT_EQ((fixed<4, 4, AP_RND, AP_SAT>(-19.0).to_double()), -8.0);
  EXPECT_EQ((fixed<4, 4, AP_RND, AP_WRAP>(31.0).to_double()), -1.0);
  EXPECT_EQ((fixed<4, 4, AP_RND, AP_WRAP>(-19.0).to_double()), -3.0);
  EXPECT_EQ((fixed<2, 0>(-0.5).to_double()), -0.5);
  // Default modes are AP_TRN / AP_WRAP.
  static_assert(fixed<8, 4>::qmode == AP_TRN && fixed<8, 4>::omode == AP_WRAP, "defaults");
}

TEST(FixedTypes, SwitchSelectsXaiFixedAndRawAccessRoundTrips) {
  static_assert(std::is_same<fixed_t<16, 6>, fixed<16, 6, AP_TRN, AP_WRAP>>::value, "fixed_t");
  static_assert(std::is_same<fixed_t<18, 8, AP_RND, AP_SAT>, fixed<18, 8, AP_RND, AP_SAT>>::value,
                "fixed_t modes");
  static_assert(sizeof(fixed_t<16, 6>) == 2 && sizeof(fixed_t<24, 8>) == 4 && sizeof(fixed_t<8, 1>) == 1,
                "storage is the smallest integer");
  using T = fixed_t<12, 4>;
  for (std::int64_t bits : {0, 1, -1, 2047, -2048, 4095, 4096 + 5}) {
    const T x = from_raw_bits<T>(bits);
    EXPECT_EQ(raw_bits(x), sign_extend(static_cast<u128>(bits), 12));
    EXPECT_EQ(from_raw_bits<T>(raw_bits(x)), x);
  }
  constexpr fixed<8, 4> c = fixed<8, 4>::from_raw(0x7f);
  static_assert(c.raw() == 127, "constexpr raw access");
}

TEST(FixedTypes, MixedIntegerOperandsBehaveAsApFixed) {
  const fixed<16, 6> a = 2.5;
  static_assert(std::is_same<decltype(a * 3), fixed<48, 38>>::value, "int operand is fixed<32,32>");
  EXPECT_EQ((a * 3).to_double(), 7.5);
  EXPECT_EQ((a + 1).to_double(), 3.5);
  EXPECT_EQ((2 - a).to_double(), -0.5);
  fixed<16, 6> b = a;
  b += 1;
  b *= 2;
  b -= 3;
  EXPECT_EQ(b.to_double(), 4.0);
  EXPECT_TRUE(a > 2 && a < 3 && a != 0 && 3 > a && a == 2.5 && a > 2.4);
}

}  // namespace
