// Minimal .npy reader for tests: little-endian float32 ('<f4'), int32 ('<i4', widened) or
// int64 ('<i8'), C order.
#ifndef XAI_TESTS_NPY_H
#define XAI_TESTS_NPY_H

#include <cstdint>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace xai_test {

struct NpyArray {
    std::string dtype;            // "<f4" or "<i8"
    std::vector<size_t> shape;
    std::vector<float> f32;       // when dtype == "<f4"
    std::vector<int64_t> i64;     // when dtype == "<i4" or "<i8"
    size_t size() const {
        size_t n = 1;
        for (size_t d : shape) n *= d;
        return n;
    }
};

inline NpyArray read_npy(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error(path + ": cannot open");
    char magic[6];
    f.read(magic, 6);
    if (!f || std::memcmp(magic, "\x93NUMPY", 6) != 0) throw std::runtime_error(path + ": not a .npy file");
    unsigned char ver[2];
    f.read(reinterpret_cast<char*>(ver), 2);
    uint32_t hlen = 0;
    if (ver[0] == 1) {
        unsigned char b[2];
        f.read(reinterpret_cast<char*>(b), 2);
        hlen = b[0] | (b[1] << 8);
    } else {
        unsigned char b[4];
        f.read(reinterpret_cast<char*>(b), 4);
        hlen = b[0] | (b[1] << 8) | (b[2] << 16) | (uint32_t(b[3]) << 24);
    }
    std::string header(hlen, ' ');
    f.read(&header[0], hlen);
    if (!f) throw std::runtime_error(path + ": truncated header");
    NpyArray a;
    const auto key = [&](const char* k) {
        size_t p = header.find(k);
        if (p == std::string::npos) throw std::runtime_error(path + ": header lacks " + k);
        return p + std::strlen(k);
    };
    size_t p = header.find('\'', key("'descr':"));
    a.dtype = header.substr(p + 1, header.find('\'', p + 1) - p - 1);
    if (header.find("True", key("'fortran_order':")) < header.find(',', key("'fortran_order':")))
        throw std::runtime_error(path + ": fortran_order arrays are not supported");
    size_t s = header.find('(', key("'shape':")), e = header.find(')', s);
    std::string dims = header.substr(s + 1, e - s - 1);
    size_t i = 0;
    while (i < dims.size()) {
        while (i < dims.size() && (dims[i] == ' ' || dims[i] == ',')) i++;
        if (i >= dims.size()) break;
        size_t j = i;
        while (j < dims.size() && dims[j] >= '0' && dims[j] <= '9') j++;
        a.shape.push_back(std::stoul(dims.substr(i, j - i)));
        i = j;
    }
    if (a.dtype == "<f4") {
        a.f32.resize(a.size());
        f.read(reinterpret_cast<char*>(a.f32.data()), std::streamsize(a.size() * 4));
    } else if (a.dtype == "<i4") {
        std::vector<int32_t> t(a.size());
        f.read(reinterpret_cast<char*>(t.data()), std::streamsize(a.size() * 4));
        a.i64.assign(t.begin(), t.end());
    } else if (a.dtype == "<i8") {
        a.i64.resize(a.size());
        f.read(reinterpret_cast<char*>(a.i64.data()), std::streamsize(a.size() * 8));
    } else {
        throw std::runtime_error(path + ": dtype " + a.dtype + " not supported (want <f4, <i4 or <i8)");
    }
    if (!f) throw std::runtime_error(path + ": truncated data");
    return a;
}

} // namespace xai_test

#endif
