// Generator of the ap_fixed golden vectors in fixed_golden.txt (see README.md beside it).
//
// Our own code: it includes only <ap_fixed.h> (the Vitis / open-source ap_types header) and
// uses only ap_fixed's public API, so it runs wherever those headers are installed:
//   g++ -std=c++14 -O1 -I<ap_types include dir> -I../.. make_fixed_golden.cpp -o gen
//   ./gen > fixed_golden.txt
// Every value is derived from a fixed seed, so the output is reproducible.
//
// Line formats (hex numbers are the W bits of a value, two's complement, most significant digit
// first; double/float operands and results are their IEEE bits in hex):
//   D  <W_I_Q_O> <double bits> <result>          construction from double
//   F  <W_I_Q_O> <float bits> <result>           construction from float
//   I|U|L|Q <W_I_Q_O> <decimal> <result>         from int / unsigned / long long / unsigned long long
//   TD <W_I_Q_O> <value> <double bits>           to_double()
//   TF <W_I_Q_O> <value> <float bits>            to_float()
//   N  <W_I_Q_O> <value> <result>                unary minus (W+1 bits)
//   C  <W2_I2__W_I_Q_O> <value> <result>         conversion fixed<W2,I2> -> fixed<W,I,Q,O>
//   M|A|S <W1_I1__W2_I2> <a> <b> <result>        a*b, a+b, a-b (widened result)
//   CMP <W1_I1__W2_I2> <a> <b> <mask>            mask bits: == != < <= > >= (bit 0 first)
//   CMPI <W_I_Q_O> <a> <decimal int> <mask>      comparison with int
//   CMPD <W_I_Q_O> <a> <double bits> <mask>      comparison with double
//   PA|PS|PM <W1_I1_Q_O__W2_I2> <a> <b> <result> a += b, a -= b, a *= b
//   MAC <WA_IA_Q_O__WA_IA__WB_IB> <acc> <a1> <b1> ... <a8> <b8> <result>   acc += a_k * b_k
#include <ap_fixed.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "fixed_golden_cases.h"

namespace {

std::mt19937_64 rng(0x5eedf1edULL);

typedef std::vector<bool> Bits;  // least significant bit first

std::string hex_of(const Bits& b) {
  const int W = static_cast<int>(b.size());
  std::string s;
  for (int d = (W + 3) / 4 - 1; d >= 0; --d) {
    int v = 0;
    for (int k = 3; k >= 0; --k) {
      const int i = 4 * d + k;
      v = 2 * v + ((i < W && b[i]) ? 1 : 0);
    }
    s += "0123456789abcdef"[v];
  }
  return s;
}

template <class T>
Bits bits_of(const T& x) {
  Bits b(T::width);
  for (int i = 0; i < T::width; ++i) b[i] = x[i];
  return b;
}

template <class T>
std::string hex(const T& x) { return hex_of(bits_of(x)); }

template <class T>
T from_bits(const Bits& b) {
  T x;
  for (int i = 0; i < T::width; ++i) x[i] = static_cast<bool>(b[i]);
  return x;
}

std::string hex64(uint64_t u, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*llx", digits, static_cast<unsigned long long>(u));
  return buf;
}
std::string dbits(double d) { uint64_t u; std::memcpy(&u, &d, 8); return hex64(u, 16); }
std::string fbits(float f) { uint32_t u; std::memcpy(&u, &f, 4); return hex64(u, 8); }

// Bit patterns of width W: edges, then values sign-extended from a random length (so that
// small and large magnitudes both occur), then "ties" whose bits below `tie` are 10...0.
std::vector<Bits> patterns(int W, int count, int tie) {
  std::vector<Bits> out;
  Bits zero(W, false), ones(W, true), minv(W, false), maxv(W, true), one(W, false);
  minv[W - 1] = true;
  maxv[W - 1] = false;
  one[0] = true;
  out.push_back(zero); out.push_back(ones); out.push_back(minv); out.push_back(maxv);
  out.push_back(one);
  Bits minp1 = minv; minp1[0] = true; out.push_back(minp1);
  Bits maxm1 = maxv; maxm1[0] = false; out.push_back(maxm1);
  while (static_cast<int>(out.size()) < count) {
    Bits b(W);
    const int len = 1 + static_cast<int>(rng() % W);
    for (int i = 0; i < len; ++i) b[i] = (rng() >> 17) & 1;
    for (int i = len; i < W; ++i) b[i] = b[len - 1];
    if (tie > 0 && tie <= W && rng() % 3 == 0) {
      b[tie - 1] = true;
      for (int i = 0; i < tie - 1; ++i) b[i] = false;
    }
    out.push_back(b);
  }
  return out;
}

int mask6(bool eq, bool ne, bool lt, bool le, bool gt, bool ge) {
  return eq | ne << 1 | lt << 2 | le << 3 | gt << 4 | ge << 5;
}

double random_double_near(int W, int I) {
  // Random magnitude around the format's range: exponent from below the LSB to above the MSB.
  const int lo = I - W - 4, hi = I + 3;
  const int e = lo + static_cast<int>(rng() % static_cast<uint64_t>(hi - lo + 1));
  const double m = static_cast<double>(rng() >> 11) / 9007199254740992.0;  // [0,1), 53 bits
  const double v = std::ldexp(m, e);
  return (rng() & 1) ? -v : v;
}

// The specials below plus `count` random values (a quarter of them exact ties).
std::vector<double> doubles_for(int W, int I, int count) {
  const int F = W - I;
  std::vector<double> v = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 0.25, -3.0,
                           std::ldexp(1.0, I - 1), -std::ldexp(1.0, I - 1),             // just out of range
                           std::ldexp(1.0, I - 1) - std::ldexp(1.0, -F),                // max
                           std::ldexp(1.0, I - 1) - std::ldexp(0.5, -F),                // max + half LSB
                           -std::ldexp(1.0, I - 1) - std::ldexp(0.5, -F),               // min - half LSB
                           std::ldexp(1.5, -F), -std::ldexp(1.5, -F), std::ldexp(0.5, -F),
                           -std::ldexp(0.5, -F), std::ldexp(2.5, -F), -std::ldexp(2.5, -F),
                           std::ldexp(1.0, -F - 1) * 1.0000001, 1e300, -1e300, 1e-300,
                           std::numeric_limits<double>::denorm_min(),
                           -std::numeric_limits<double>::denorm_min(),
                           std::numeric_limits<double>::infinity(),
                           -std::numeric_limits<double>::infinity(),
                           std::numeric_limits<double>::quiet_NaN(), 3.14159265358979, -2.718281828};
  const size_t specials = v.size();
  while (v.size() < specials + static_cast<size_t>(count)) {
    if (rng() % 4 == 0) {
      // Exact tie: (k + 1/2) LSB.
      const int64_t k = static_cast<int64_t>(rng() % (1ULL << (W < 40 ? W : 40))) - (int64_t(1) << ((W < 40 ? W : 40) - 1));
      v.push_back(std::ldexp(static_cast<double>(k) + 0.5, -F));
    } else {
      v.push_back(random_double_near(W, I));
    }
  }
  return v;
}

template <class T>
void from_scalars(const char* id) {
  for (double d : doubles_for(T::width, T::iwidth, 24)) {
    T x = d;
    std::printf("D %s %s %s\n", id, dbits(d).c_str(), hex(x).c_str());
  }
  for (double d : doubles_for(T::width, T::iwidth, 10)) {
    const float f = static_cast<float>(d);
    T x = f;
    std::printf("F %s %s %s\n", id, fbits(f).c_str(), hex(x).c_str());
  }
  const int ints[] = {0, 1, -1, 2, -2, 3, 7, -8, 100, -100, 65535, std::numeric_limits<int>::max(),
                      std::numeric_limits<int>::min(), static_cast<int>(rng()), static_cast<int>(rng() % 200) - 100};
  for (int i : ints) { T x = i; std::printf("I %s %d %s\n", id, i, hex(x).c_str()); }
  const unsigned uints[] = {0u, 1u, 2u, 255u, 0x80000000u, 0xffffffffu, static_cast<unsigned>(rng()), static_cast<unsigned>(rng() % 300)};
  for (unsigned u : uints) { T x = u; std::printf("U %s %u %s\n", id, u, hex(x).c_str()); }
  const long long lls[] = {0, -1, 5, std::numeric_limits<long long>::max(), std::numeric_limits<long long>::min(),
                           static_cast<long long>(rng()), static_cast<long long>(rng() % 100000) - 50000};
  for (long long l : lls) { T x = l; std::printf("L %s %lld %s\n", id, l, hex(x).c_str()); }
  const unsigned long long ulls[] = {0ULL, 1ULL, 0x8000000000000000ULL, ~0ULL, rng(), rng() % 1000};
  for (unsigned long long u : ulls) { T x = u; std::printf("Q %s %llu %s\n", id, u, hex(x).c_str()); }
  // Comparisons with int and double.
  for (const Bits& b : patterns(T::width, 12, 0)) {
    const T a = from_bits<T>(b);
    const int k = static_cast<int>(rng() % 9) - 4;
    std::printf("CMPI %s %s %d %d\n", id, hex(a).c_str(), k,
                mask6(a == k, a != k, a < k, a <= k, a > k, a >= k));
    const double d = (rng() & 1) ? a.to_double() : random_double_near(T::width, T::iwidth);
    std::printf("CMPD %s %s %s %d\n", id, hex(a).c_str(), dbits(d).c_str(),
                mask6(a == d, a != d, a < d, a <= d, a > d, a >= d));
  }
}

template <class T>
void value_ops(const char* id) {
  for (const Bits& b : patterns(T::width, 40, 0)) {
    const T a = from_bits<T>(b);
    std::printf("TD %s %s %s\n", id, hex(a).c_str(), dbits(a.to_double()).c_str());
    std::printf("TF %s %s %s\n", id, hex(a).c_str(), fbits(a.to_float()).c_str());
    std::printf("N %s %s %s\n", id, hex(a).c_str(), hex(-a).c_str());
  }
}

template <class S, class T>
void conversion(const char* id) {
  const int F = T::width - T::iwidth, F2 = S::width - S::iwidth;
  for (const Bits& b : patterns(S::width, 16, F2 - F)) {
    const S s = from_bits<S>(b);
    T t = s;
    std::printf("C %s %s %s\n", id, hex(s).c_str(), hex(t).c_str());
  }
}

template <class A, class B>
void binary(const char* id) {
  const std::vector<Bits> as = patterns(A::width, 30, 0), bs = patterns(B::width, 30, 0);
  for (size_t i = 0; i < as.size(); ++i) {
    const A a = from_bits<A>(as[i]);
    const B b = from_bits<B>(bs[(i * 7) % bs.size()]);
    std::printf("M %s %s %s %s\n", id, hex(a).c_str(), hex(b).c_str(), hex(a * b).c_str());
    std::printf("A %s %s %s %s\n", id, hex(a).c_str(), hex(b).c_str(), hex(a + b).c_str());
    std::printf("S %s %s %s %s\n", id, hex(a).c_str(), hex(b).c_str(), hex(a - b).c_str());
    std::printf("CMP %s %s %s %d\n", id, hex(a).c_str(), hex(b).c_str(),
                mask6(a == b, a != b, a < b, a <= b, a > b, a >= b));
  }
}

template <class A, class B>
void compound(const char* id) {
  const std::vector<Bits> as = patterns(A::width, 24, 0), bs = patterns(B::width, 24, 0);
  for (size_t i = 0; i < as.size(); ++i) {
    const A a0 = from_bits<A>(as[i]);
    const B b = from_bits<B>(bs[(i * 5) % bs.size()]);
    A a = a0;
    a += b;
    std::printf("PA %s %s %s %s\n", id, hex(a0).c_str(), hex(b).c_str(), hex(a).c_str());
    a = a0;
    a -= b;
    std::printf("PS %s %s %s %s\n", id, hex(a0).c_str(), hex(b).c_str(), hex(a).c_str());
    a = a0;
    a *= b;
    std::printf("PM %s %s %s %s\n", id, hex(a0).c_str(), hex(b).c_str(), hex(a).c_str());
  }
}

template <class Acc, class A, class B>
void mac(const char* id) {
  for (int chain = 0; chain < 12; ++chain) {
    const std::vector<Bits> as = patterns(A::width, 15, 0), bs = patterns(B::width, 15, 0);
    Acc acc = from_bits<Acc>(patterns(Acc::width, 8 + chain % 4, 0).back());
    std::string line = std::string("MAC ") + id + " " + hex(acc);
    for (int k = 0; k < 8; ++k) {
      const A a = from_bits<A>(as[7 + (k + chain) % 8]);
      const B b = from_bits<B>(bs[7 + (3 * k + chain) % 8]);
      acc += a * b;
      line += " " + hex(a) + " " + hex(b);
    }
    std::printf("%s %s\n", line.c_str(), hex(acc).c_str());
  }
}

}  // namespace

#define XAI_STR(x) #x
#define XAI_ID4(W, I, Q, O) XAI_STR(W) "_" XAI_STR(I) "_" #Q "_" #O
#define GEN_FORMAT(W, I, Q, O)                                                  \
  from_scalars<ap_fixed<W, I, Q, O> >(XAI_ID4(W, I, Q, O));                    \
  if (Q == AP_TRN && O == AP_WRAP) value_ops<ap_fixed<W, I, Q, O> >(XAI_ID4(W, I, Q, O));
#define GEN_CONV(W2, I2, W, I, Q, O) \
  conversion<ap_fixed<W2, I2>, ap_fixed<W, I, Q, O> >(XAI_STR(W2) "_" XAI_STR(I2) "__" XAI_ID4(W, I, Q, O));
#define GEN_BINARY(W1, I1, W2, I2) \
  binary<ap_fixed<W1, I1>, ap_fixed<W2, I2> >(XAI_STR(W1) "_" XAI_STR(I1) "__" XAI_STR(W2) "_" XAI_STR(I2));
#define GEN_COMPOUND(W1, I1, Q, O, W2, I2) \
  compound<ap_fixed<W1, I1, Q, O>, ap_fixed<W2, I2> >(XAI_ID4(W1, I1, Q, O) "__" XAI_STR(W2) "_" XAI_STR(I2));
#define GEN_MAC(WC, IC, Q, O, WA, IA, WB, IB)                                          \
  mac<ap_fixed<WC, IC, Q, O>, ap_fixed<WA, IA>, ap_fixed<WB, IB> >(                   \
      XAI_ID4(WC, IC, Q, O) "__" XAI_STR(WA) "_" XAI_STR(IA) "__" XAI_STR(WB) "_" XAI_STR(IB));

int main() {
  XAI_GOLDEN_FORMATS(GEN_FORMAT)
  XAI_GOLDEN_CONVERSIONS(GEN_CONV)
  XAI_GOLDEN_BINARY(GEN_BINARY)
  XAI_GOLDEN_COMPOUND(GEN_COMPOUND)
  XAI_GOLDEN_MAC(GEN_MAC)
  return 0;
}
