// Average pooling, FP and BP: a K x K window with stride, zero padding on any side (ONNX
// writes pads as top, left, bottom, right; PyTorch pads symmetrically), and global average
// pooling (ResNet's head). Used by the networks of MLPerf Tiny (ResNet-8, DS-CNN).
//
// FP  out[c][oy][ox] = (sum of the window's cells inside the map) / divisor, where the window
//     starts at (oy * stride - pad_top, ox * stride - pad_left) and the divisor is K * K
//     (count_include_pad: PyTorch's AvgPool2d default, ONNX count_include_pad = 1) or the
//     number of the window's cells inside the map (ONNX's default). Output size
//     floor((in + pads - K) / stride) + 1 (no ceil mode), as both frameworks compute it.
// BP  the pooling is linear, so BP is its transpose: every input cell receives the sum over
//     the windows that contain it of grad_out / divisor ("spread evenly"). Written as a
//     gather (each input cell reads its at most ceil(K / stride)^2 windows) so that no cell
//     is read, modified and written, and the summation order is fixed.
// The divisor is applied as a product with its reciprocal in accum_t (exact for the powers of
// two of 2x2 and global pools of 2^n cells; rounded to accum_t otherwise). The methods do not
// differ here: there is no ReLU in a pool.
#ifndef XAI_AVGPOOL_H
#define XAI_AVGPOOL_H

namespace xai {

/// Average-pool configuration (every member required).
struct avgpool_config_example {
    static const unsigned channels = 2;  ///< C of the input [C][in_h][in_w] and the output
    static const unsigned in_h = 7;      ///< input rows
    static const unsigned in_w = 9;      ///< input columns
    static const unsigned kernel = 3;    ///< window side K, 1..7
    static const unsigned stride = 2;    ///< window step, 1..K
    static const unsigned pad_top = 1;   ///< zero rows above the map, < K
    static const unsigned pad_left = 1;  ///< zero columns left of the map, < K
    static const unsigned pad_bottom = 1; ///< zero rows below the map, < K
    static const unsigned pad_right = 1; ///< zero columns right of the map, < K
    static const bool count_include_pad = true; ///< divisor K * K (true) or the window's cells inside the map
    typedef float act_t;   ///< activations
    typedef float grad_t;  ///< gradients
    typedef float accum_t; ///< window sums and the reciprocal divisors
};

/// Sizes derived from an average-pool configuration, and its compile-time checks.
template <class CONFIG_T> struct avgpool_shape {
    static const unsigned K = CONFIG_T::kernel, S = CONFIG_T::stride;
    static_assert(K >= 1 && K <= 7, "avgpool: kernel must be 1..7");
    static_assert(S >= 1 && S <= K, "avgpool: stride must be 1..kernel (a larger stride skips input cells)");
    static_assert(CONFIG_T::pad_top < K && CONFIG_T::pad_left < K && CONFIG_T::pad_bottom < K && CONFIG_T::pad_right < K,
                  "avgpool: every pad must be smaller than the kernel (a window of padding only)");
    static_assert(CONFIG_T::channels > 0, "avgpool: no channels");
    static_assert(CONFIG_T::in_h + CONFIG_T::pad_top + CONFIG_T::pad_bottom >= K &&
                      CONFIG_T::in_w + CONFIG_T::pad_left + CONFIG_T::pad_right >= K,
                  "avgpool: the padded map is smaller than the kernel");
    static const unsigned out_h = (CONFIG_T::in_h + CONFIG_T::pad_top + CONFIG_T::pad_bottom - K) / S + 1;
    static const unsigned out_w = (CONFIG_T::in_w + CONFIG_T::pad_left + CONFIG_T::pad_right - K) / S + 1;
    /// Windows that can contain one input cell, along one axis.
    static const unsigned reach = (K + S - 1) / S;
};

namespace avgpool_detail {
/// Cells of the window starting at `start` (may be negative) of side K inside [0, n).
inline unsigned inside(int start, unsigned k, unsigned n) {
    const int lo = start < 0 ? 0 : start, hi = start + int(k) > int(n) ? int(n) : start + int(k);
    return hi > lo ? unsigned(hi - lo) : 0u;
}

/// 1 / n for n in [1, N] as a chain of compile-time constants (in hardware a mux over N
/// constants of ACC; no divider): the divisor of a window that leaves out the pads.
template <class ACC, unsigned N> struct reciprocal_select {
    static ACC get(unsigned n) { return n == N ? ACC(1.0 / double(N)) : reciprocal_select<ACC, N - 1>::get(n); }
};
template <class ACC> struct reciprocal_select<ACC, 1> {
    static ACC get(unsigned) { return ACC(1.0); }
};

/// 1 / divisor of window (oy, ox) in accum_t.
template <class CONFIG_T> typename CONFIG_T::accum_t reciprocal(unsigned oy, unsigned ox) {
#pragma HLS INLINE
    typedef avgpool_shape<CONFIG_T> SH;
    typedef typename CONFIG_T::accum_t accum_t;
    if (CONFIG_T::count_include_pad) return accum_t(1.0 / double(SH::K * SH::K));
    // Rows x columns of the window inside the map: at most K * K, one of K * K constants.
    const unsigned rows = inside(int(oy * SH::S) - int(CONFIG_T::pad_top), SH::K, CONFIG_T::in_h);
    const unsigned cols = inside(int(ox * SH::S) - int(CONFIG_T::pad_left), SH::K, CONFIG_T::in_w);
    return reciprocal_select<accum_t, SH::K * SH::K>::get(rows * cols);
}
} // namespace avgpool_detail

/// FP: out [C][out_h][out_w] = window averages of in [C][in_h][in_w].
template <class CONFIG_T> void avgpool2d_fp(const typename CONFIG_T::act_t* in, typename CONFIG_T::act_t* out) {
    typedef avgpool_shape<CONFIG_T> SH;
    typedef typename CONFIG_T::accum_t accum_t;
    const unsigned H = CONFIG_T::in_h, W = CONFIG_T::in_w;
avgpool_fp_out:
    for (unsigned c = 0; c < CONFIG_T::channels; c++)
        for (unsigned oy = 0; oy < SH::out_h; oy++)
            for (unsigned ox = 0; ox < SH::out_w; ox++) {
                const int y0 = int(oy * SH::S) - int(CONFIG_T::pad_top), x0 = int(ox * SH::S) - int(CONFIG_T::pad_left);
                accum_t sum(0);
            avgpool_fp_window:
                for (unsigned k = 0; k < SH::K * SH::K; k++) {
#pragma HLS PIPELINE II = 1
                    const int y = y0 + int(k / SH::K), x = x0 + int(k % SH::K);
                    if (y >= 0 && y < int(H) && x >= 0 && x < int(W)) sum += accum_t(in[(c * H + unsigned(y)) * W + unsigned(x)]);
                }
                out[(c * SH::out_h + oy) * SH::out_w + ox] =
                    typename CONFIG_T::act_t(sum * avgpool_detail::reciprocal<CONFIG_T>(oy, ox));
            }
}

/// BP: grad_in [C][in_h][in_w] = sum over the windows containing each cell of grad_out / divisor.
template <class CONFIG_T>
void avgpool2d_bp(const typename CONFIG_T::grad_t* grad_out, typename CONFIG_T::grad_t* grad_in) {
    typedef avgpool_shape<CONFIG_T> SH;
    typedef typename CONFIG_T::accum_t accum_t;
    const unsigned H = CONFIG_T::in_h, W = CONFIG_T::in_w;
avgpool_bp_in:
    for (unsigned c = 0; c < CONFIG_T::channels; c++)
        for (unsigned y = 0; y < H; y++)
            for (unsigned x = 0; x < W; x++) {
                // Windows oy with oy * S - pad_top <= y < oy * S - pad_top + K: the last is
                // floor((y + pad_top) / S), the others step back by one while they still reach y.
                const unsigned oy_last = (y + CONFIG_T::pad_top) / SH::S, ox_last = (x + CONFIG_T::pad_left) / SH::S;
                accum_t sum(0);
            avgpool_bp_windows:
                for (unsigned k = 0; k < SH::reach * SH::reach; k++) {
#pragma HLS PIPELINE II = 1
                    const unsigned dy = k / SH::reach, dx = k % SH::reach;
                    if (dy > oy_last || dx > ox_last) continue;
                    const unsigned oy = oy_last - dy, ox = ox_last - dx;
                    const bool reaches = oy * SH::S + SH::K > y + CONFIG_T::pad_top && ox * SH::S + SH::K > x + CONFIG_T::pad_left;
                    if (reaches && oy < SH::out_h && ox < SH::out_w)
                        sum += accum_t(grad_out[(c * SH::out_h + oy) * SH::out_w + ox]) *
                               avgpool_detail::reciprocal<CONFIG_T>(oy, ox);
                }
                grad_in[(c * H + y) * W + x] = typename CONFIG_T::grad_t(sum);
            }
}

/// Global average-pool configuration (every member required): [C][in_h][in_w] -> [C].
struct global_avgpool_config_example {
    static const unsigned channels = 2; ///< C
    static const unsigned in_h = 4;     ///< rows averaged
    static const unsigned in_w = 4;     ///< columns averaged
    typedef float act_t;   ///< activations
    typedef float grad_t;  ///< gradients
    typedef float accum_t; ///< channel sums and the reciprocal of H * W
};

/// FP: out[c] = mean of in[c][*][*].
template <class CONFIG_T> void global_avgpool_fp(const typename CONFIG_T::act_t* in, typename CONFIG_T::act_t* out) {
    static_assert(CONFIG_T::channels > 0 && CONFIG_T::in_h > 0 && CONFIG_T::in_w > 0, "global_avgpool: empty input");
    typedef typename CONFIG_T::accum_t accum_t;
    const unsigned N = CONFIG_T::in_h * CONFIG_T::in_w;
    const accum_t reciprocal(1.0 / double(N));
global_avgpool_fp_channel:
    for (unsigned c = 0; c < CONFIG_T::channels; c++) {
        accum_t sum(0);
    global_avgpool_fp_cells:
        for (unsigned i = 0; i < N; i++) {
#pragma HLS PIPELINE II = 1
            sum += accum_t(in[c * N + i]);
        }
        out[c] = typename CONFIG_T::act_t(sum * reciprocal);
    }
}

/// BP: every cell of channel c receives grad_out[c] / (in_h * in_w).
template <class CONFIG_T>
void global_avgpool_bp(const typename CONFIG_T::grad_t* grad_out, typename CONFIG_T::grad_t* grad_in) {
    typedef typename CONFIG_T::accum_t accum_t;
    const unsigned N = CONFIG_T::in_h * CONFIG_T::in_w;
    const accum_t reciprocal(1.0 / double(N));
global_avgpool_bp_channel:
    for (unsigned c = 0; c < CONFIG_T::channels; c++) {
        const typename CONFIG_T::grad_t g(accum_t(grad_out[c]) * reciprocal);
    global_avgpool_bp_cells:
        for (unsigned i = 0; i < N; i++) {
#pragma HLS PIPELINE II = 1
            grad_in[c * N + i] = g;
        }
    }
}

} // namespace xai

#endif
