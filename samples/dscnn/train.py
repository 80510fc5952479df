#!/usr/bin/python3
"""Train the DS-CNN sample on Fashion-MNIST and export samples/dscnn/dscnn.onnx.

The data, its preprocessing (28x28 zero-padded to 32x32, 3 channels, pixel/255) and the accuracy
measure are the Table III sample's, imported from ../table3, so the two samples see the same input.
Fixed seed, deterministic algorithms, 2 threads, Adam, cross-entropy on the logits.
Writes dscnn.onnx and training.json next to this file.

Run:  /usr/bin/python3 samples/dscnn/train.py
"""

import importlib.util
import json
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

    model.eval()
    onnx_path = os.path.join(HERE, "dscnn.onnx")
    # Eval mode: the exporter folds each BatchNormalization into the convolution before it.
    torch.onnx.export(model, torch.zeros(1, 3, 32, 32), onnx_path, opset_version=13,
                      do_constant_folding=True, input_names=["input"], output_names=["logits"])
    final = history[-1]["test_accuracy"]
    info = {
        "network": "DS-CNN shape: conv3x3/2 64, 4 x (depthwise 3x3 + pointwise 1x1, 64), global average pool, fc10; "
                   "batch norm and ReLU after every convolution",
        "parameters": PARAMETER_COUNT,
        "dataset": "Fashion-MNIST (Debian dataset-fashion-mnist), 60000 train / 10000 test",
        "preprocessing": "28x28 zero-padded by 2 to 32x32, replicated to 3 channels, pixel/255, no mean/std",
        "optimiser": f"Adam lr {LEARNING_RATE}, batch {BATCH}, cross-entropy on logits",
        "epochs": EPOCHS,
        "seed": SEED,
        "threads": THREADS,
        "torch_version": torch.__version__,
        "test_accuracy": final,
        "seconds": round(total_seconds, 1),
        "history": history,
    }
    with open(os.path.join(HERE, "training.json"), "w") as f:
        json.dump(info, f, indent=2)
        f.write("\n")
    print(f"final test accuracy {100 * final:.2f} % after {EPOCHS} epochs, {total_seconds:.0f} s; wrote {onnx_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
