// Weight images of the Table III, odd, grid and dw test networks in the engines' order, from the
// PyTorch-order images splitmix_weight_image makes (which the references read).
#ifndef XAI_TESTS_NETWORK_ENGINE_IMAGES_H
#define XAI_TESTS_NETWORK_ENGINE_IMAGES_H

#include <vector>

#include "table3_top.h"
#include "odd_net.h"
#include "grid_net.h"
#include "dw_net.h"
#include "res_net.h"
#include "engine_weight_image.h"

namespace xai_test {

template <class T> std::vector<T> table3_engine_image(const std::vector<T>& pytorch_order) {
    typedef table3::float_numerics N; // descriptors do not depend on the number types
    return network_engine_image<table3::fc_engine<N>>(table3::network<N>::layers, table3::network<N>::n_layers,
                                                      pytorch_order);
}

template <class T> std::vector<T> odd_net_engine_image(const std::vector<T>& pytorch_order) {
    typedef odd_net::numerics<double> N;
    return network_engine_image<odd_net::fc_engine<N>>(odd_net::network<N>::layers, 4, pytorch_order);
}

template <class T> std::vector<T> grid_net_engine_image(const std::vector<T>& pytorch_order) {
    typedef grid_net::numerics<double> N;
    return network_engine_image<grid_net::fc_engine<N>>(grid_net::network<N>::layers, grid_net::n_layers, pytorch_order);
}

template <class T> std::vector<T> dw_net_engine_image(const std::vector<T>& pytorch_order) {
    typedef dw_net::numerics<double> N;
    return network_engine_image<dw_net::fc_engine<N>>(dw_net::network<N>::layers, dw_net::n_layers, pytorch_order);
}

template <class T> std::vector<T> res_net_engine_image(const std::vector<T>& pytorch_order) {
    typedef res_net::numerics<double> N;
    return network_engine_image<res_net::fc_engine<N>>(res_net::network<N>::layers, res_net::n_layers, pytorch_order);
}

} // namespace xai_test

#endif
