"""Fashion-MNIST from the Debian package `dataset-fashion-mnist`, shaped for the Table III network.

The package installs the original gzipped IDX files under /usr/share/datasets/fashion-mnist.
Each 28x28 image is zero-padded by 2 pixels on every side to 32x32 and replicated to 3
channels; the network input is pixel/255 in [0, 1] with no mean/std normalisation.
"""

import gzip
import os
import struct

import numpy as np

DATA_DIR = os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")

# Index = label, from the dataset's README (Zalando, MIT licence).
CLASS_NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
               "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def file_stem(class_name):
    """'T-shirt/top' -> 't-shirt-top', 'Ankle boot' -> 'ankle-boot' (no spaces or slashes)."""
    return class_name.lower().replace("/", "-").replace(" ", "-")


def _read_idx(path):
    if not os.path.exists(path):
        raise FileNotFoundError(f"{path}: Fashion-MNIST file not found "
                                "(install the Debian package dataset-fashion-mnist or set FASHION_MNIST_DIR)")
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    zero, dtype_code, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or dtype_code != 0x08:
        raise ValueError(f"{path}: not an unsigned-byte IDX file (magic {data[:4].hex()})")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    array = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    if array.size != int(np.prod(dims)):
        raise ValueError(f"{path}: header says {dims}, file holds {array.size} values")
    return array.reshape(dims)


def load(split):
    """split 'train' or 't10k' -> (images uint8 [N,28,28], labels int64 [N])."""
    images = _read_idx(os.path.join(DATA_DIR, f"{split}-images-idx3-ubyte.gz"))
    labels = _read_idx(os.path.join(DATA_DIR, f"{split}-labels-idx1-ubyte.gz")).astype(np.int64)
    if images.shape[0] != labels.shape[0] or images.shape[1:] != (28, 28):
        raise ValueError(f"{split}: images {images.shape} do not match labels {labels.shape}")
    return images, labels


def to_network_bytes(images):
    """uint8 [N,28,28] -> uint8 [N,3,32,32]: 2 zero pixels on each side, 3 equal channels."""
    padded = np.pad(images, ((0, 0), (2, 2), (2, 2)))
    return np.repeat(padded[:, None, :, :], 3, axis=1)


def to_network_input(images):
    """uint8 [N,28,28] -> float32 [N,3,32,32] = pixel/255."""
    return to_network_bytes(images).astype(np.float32) / np.float32(255.0)
