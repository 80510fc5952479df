// Where the vector-matrix engine finds W[o][i] of a dense layer in the weight image.
//
// PyTorch stores W [n_out][n_in] row-major. The engine works on tile x tile blocks (output
// rows o0 .. o0+tile, input columns i0 .. i0+tile) and, at batch 1, every weight is read once
// per pass, so the layer runs at the rate its weight loads run. In PyTorch order a block is
// `tile` separate runs of `tile` elements (one AXI burst, and one DRAM latency, per 16 or
// 32 weights); here each block is stored contiguously, so it is ONE burst in FP and in BP:
//  * the rows of one output tile stay together: output tile o0 (n_rows = min(tile,
//    n_out - o0) rows) occupies [o0 * n_in, (o0 + n_rows) * n_in), as in PyTorch order;
//  * inside it, the blocks follow each other by input tile: block (o0, i0) starts at
//    o0 * n_in + n_rows * i0 and holds its n_rows x n_cols weights row-major
//    (n_cols = min(tile, n_in - i0)).
// FP reads block (a0, c0) for output tile a0 and input tile c0; BP reads block (c0, a0) for
// input tile a0 and output tile c0 and uses it transposed: the same block either way.
// Biases follow the weights in output order, as in PyTorch order. Convolution layers are
// stored in PyTorch order ([Cout][Cin][K][K], then biases).
#ifndef XAI_DENSE_WEIGHT_ORDER_H
#define XAI_DENSE_WEIGHT_ORDER_H

#include "layer_desc.h"

namespace xai {

/// Offset, inside a dense layer's parameter block, of the block of output rows [o0, o0 + n_rows)
/// and input columns starting at i0 (n_in: the layer's input length).
constexpr unsigned dense_block_offset(unsigned o0, unsigned i0, unsigned n_rows, unsigned n_in) {
    return o0 * n_in + n_rows * i0;
}

/// Offset of W[o][i], inside the layer's parameter block, for the engine's `tile`.
constexpr unsigned dense_weight_offset(unsigned o, unsigned i, unsigned n_out, unsigned n_in, unsigned tile) {
    return dense_block_offset(o / tile * tile, i / tile * tile,
                              n_out - o / tile * tile < tile ? n_out - o / tile * tile : tile, n_in) +
           (o % tile) * (n_in - i / tile * tile < tile ? n_in - i / tile * tile : tile) + i % tile;
}

/// Host side (C simulation, tests; not synthesized): the engine's weight image from an image in
/// PyTorch order, for the n_layers descriptors of a network and the dense engine's TILE. Both
/// images have the same size; only the weights of dense layers move.
template <unsigned TILE, class T>
void to_engine_weight_order(const layer_desc* layers, unsigned n_layers, const T* pytorch_order, T* engine_order,
                            unsigned image_size) {
    for (unsigned k = 0; k < image_size; k++) engine_order[k] = pytorch_order[k];
    for (unsigned l = 0; l < n_layers; l++) {
        const layer_desc& d = layers[l];
        if (d.conv || d.pool_unit) continue; // the pool unit has no weights
        for (unsigned o = 0; o < d.out_c; o++)
            for (unsigned i = 0; i < d.in_c; i++)
                engine_order[d.params + dense_weight_offset(o, i, d.out_c, d.in_c, TILE)] =
                    pytorch_order[d.params + o * d.in_c + i];
    }
}

} // namespace xai

#endif
