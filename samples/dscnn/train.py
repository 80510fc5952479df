#!/usr/bin/python3
"""Train the DS-CNN sample on Fashion-MNIST and export samples/dscnn/dscnn.onnx.

The data, its preprocessing (28x28 zero-padded to 32x32, 3 channels, pixel/255), the training loop and
the accuracy measure are the Table III sample's (../table3/train.py's train_sample), so the samples see
the same input. Fixed seed, deterministic algorithms, 2 threads, Adam, cross-entropy on the logits.
Writes dscnn.onnx and training.json next to this file.

Run:  /usr/bin/python3 samples/dscnn/train.py
"""

import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE3 = os.path.join(HERE, "..", "table3")
sys.path.insert(0, HERE)
sys.path.insert(1, TABLE3)
from dscnn_model import PARAMETER_COUNT, build_dscnn  # noqa: E402

# The Table III trainer, loaded under another name (this file is train.py too).
_spec = importlib.util.spec_from_file_location("table3_train", os.path.join(TABLE3, "train.py"))
table3_train = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(table3_train)

EPOCHS = int(os.environ.get("DSCNN_EPOCHS", "4"))
LEARNING_RATE = 2e-3


def main():
    final, seconds, onnx_path = table3_train.train_sample(
        build_dscnn, HERE, "dscnn",
        "DS-CNN shape: conv3x3/2 64, 4 x (depthwise 3x3 + pointwise 1x1, 64), global average pool, fc10; "
        "batch norm and ReLU after every convolution",
        PARAMETER_COUNT, EPOCHS, LEARNING_RATE, batch=64, seed=1)
    print(f"final test accuracy {100 * final:.2f} % after {EPOCHS} epochs, {seconds:.0f} s; wrote {onnx_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
