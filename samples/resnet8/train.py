#!/usr/bin/python3
"""Train the ResNet-8 sample on Fashion-MNIST and export samples/resnet8/resnet8.onnx.

The data, its preprocessing (28x28 zero-padded to 32x32, 3 channels, pixel/255), the training loop and
the accuracy measure are the Table III sample's (../table3/train.py's train_sample), so the samples see
the same input. Fixed seed, deterministic algorithms, 2 threads, Adam, cross-entropy on the logits. The
exported model ends in MLPerf Tiny's softmax (the SDK explains the logits before it).
Writes resnet8.onnx and training.json next to this file.

Run:  /usr/bin/python3 samples/resnet8/train.py
"""

import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE3 = os.path.join(HERE, "..", "table3")
sys.path.insert(0, HERE)
sys.path.insert(1, TABLE3)
from resnet8_model import PARAMETER_COUNT, ResNet8, build_resnet8  # noqa: E402

# The Table III trainer, loaded under another name (this file is train.py too).
_spec = importlib.util.spec_from_file_location("table3_train", os.path.join(TABLE3, "train.py"))
table3_train = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(table3_train)

EPOCHS = int(os.environ.get("RESNET8_EPOCHS", "3"))
LEARNING_RATE = 2e-3


def with_softmax(model):
    exported = ResNet8(softmax=True)
    exported.load_state_dict(model.state_dict())
    return exported


def main():
    final, seconds, onnx_path = table3_train.train_sample(
        build_resnet8, HERE, "resnet8",
        "ResNet-8 (MLPerf Tiny image classification): conv3x3 16, residual stacks of 16, 32 (stride 2, 1x1 "
        "projection), 64 (stride 2, 1x1 projection), average pool 8x8, fc10, softmax; batch norm after every "
        "3x3 convolution",
        PARAMETER_COUNT, EPOCHS, LEARNING_RATE, batch=64, seed=1, exported=with_softmax, output_name="probabilities")
    print(f"final test accuracy {100 * final:.2f} % after {EPOCHS} epochs, {seconds:.0f} s; wrote {onnx_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
