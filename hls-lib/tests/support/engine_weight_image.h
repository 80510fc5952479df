// The engines' weight images from parameters in PyTorch order, for tests whose references
// read the PyTorch order (dense_weight_order.h is what moves).
#ifndef XAI_TESTS_ENGINE_WEIGHT_IMAGE_H
#define XAI_TESTS_ENGINE_WEIGHT_IMAGE_H

#include <vector>

#include "xai/dense_weight_order.h"

namespace xai_test {

/// A standalone dense block's parameter block (CFG: its layer configuration) in engine order.
template <class CFG, class T> std::vector<T> dense_engine_params(const std::vector<T>& pytorch_order) {
    const xai::layer_desc d = xai::dense_desc<CFG>(xai::layer_place{0, 0, 0, 0, 0, 0, 0});
    std::vector<T> engine(pytorch_order.size());
    xai::to_engine_weight_order<CFG::tile>(&d, 1, pytorch_order.data(), engine.data(), unsigned(engine.size()));
    return engine;
}

/// A network's weight image in engine order: `layers` its n_layers descriptors, DE its dense engine
/// configuration (whose tile sets the blocks).
template <class DE, class LAYERS, class T>
std::vector<T> network_engine_image(const LAYERS& layers, unsigned n_layers, const std::vector<T>& pytorch_order) {
    std::vector<T> engine(pytorch_order.size());
    xai::to_engine_weight_order<DE::tile>(layers, n_layers, pytorch_order.data(), engine.data(), unsigned(engine.size()));
    return engine;
}

} // namespace xai_test

#endif
