#!/usr/bin/python3
"""Train the DS-CNN sample on Fashion-MNIST and export samples/dscnn/dscnn.onnx.

The data, its preprocessing (28x28 zero-padded to 32x32, 3 channels, pixel/255) and the accuracy
measure are the Table III sample's, imported from ../table3, so the two samples see the same input.
Fixed seed, deterministic algorithms, 2 threads, Adam, cross-entropy on the logits.
Writes dscnn.onnx and training.json next to this file.

Run:  /usr/bin/python3 samples/dscnn/train.py
"""

import importlib.util
import os
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE3 = os.path.join(HERE, "..", "table3")
sys.path.insert(0, HERE)
sys.path.insert(1, TABLE3)
import fashion_mnist  # noqa: E402  (../table3)
from dscnn_model import PARAMETER_COUNT, build_dscnn  # noqa: E402

# The Table III trainer (input transform, training loop, accuracy), loaded under another name (this file is train.py too).
_spec = importlib.util.spec_from_file_location("table3_train", os.path.join(TABLE3, "train.py"))
table3_train = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(table3_train)

SEED = 1
EPOCHS = int(os.environ.get("DSCNN_EPOCHS", "4"))
BATCH = 64
LEARNING_RATE = 2e-3
THREADS = 2


def main():
    torch.manual_seed(SEED)
    np.random.seed(SEED)
    torch.set_num_threads(THREADS)
    torch.use_deterministic_algorithms(True)

    train_x, train_y = fashion_mnist.load("train")
    test_x, test_y = fashion_mnist.load("t10k")
    train_x, train_y = torch.from_numpy(train_x.copy()), torch.from_numpy(train_y)
    test_x, test_y = torch.from_numpy(test_x.copy()), torch.from_numpy(test_y)

    model = build_dscnn()
    started = time.time()
    history = table3_train.fit(model, (train_x, train_y), (test_x, test_y), EPOCHS, LEARNING_RATE, batch=BATCH, seed=SEED)
    total_seconds = time.time() - started

    onnx_path = os.path.join(HERE, "dscnn.onnx")
    # Eval mode: the exporter folds each BatchNormalization into the convolution before it.
    final = table3_train.export_and_record(
        model, onnx_path, os.path.join(HERE, "training.json"),
        "DS-CNN shape: conv3x3/2 64, 4 x (depthwise 3x3 + pointwise 1x1, 64), global average pool, fc10; "
        "batch norm and ReLU after every convolution",
        PARAMETER_COUNT, LEARNING_RATE, EPOCHS, history, total_seconds, batch=BATCH, seed=SEED)
    print(f"final test accuracy {100 * final:.2f} % after {EPOCHS} epochs, {total_seconds:.0f} s; wrote {onnx_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
