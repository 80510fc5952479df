#!/usr/bin/python3
"""Check samples/table3/table3.onnx independently of the training run: the graph must be
the Table III layer sequence with input 'input' [1,3,32,32] and output 'logits' [1,10];
its initialisers are loaded into a fresh PyTorch Table III model, which then measures
the Fashion-MNIST test accuracy and classifies the 20 sample PNGs read back from disk.
(No ONNX runtime is installed; the graph is checked node by node instead.)

Run:  /usr/bin/python3 samples/table3/evaluate_onnx.py
"""

import csv
import os
import sys
import zlib

import numpy as np
import onnx
import torch
from onnx import numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fashion_mnist  # noqa: E402
from table3_model import build_table3  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED_OPS = ["Conv", "Relu", "Conv", "Relu", "MaxPool", "Conv", "Relu", "Conv", "Relu",
                "MaxPool", "Flatten", "Gemm", "Relu", "Gemm"]


def read_rgb_png(path):
    """Reader for the PNGs png_writer.py writes (8-bit RGB, filter 0, one or more IDAT)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat, w, h = 8, b"", None, None
    while pos < len(data):
        n = int.from_bytes(data[pos:pos + 4], "big")
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h = int.from_bytes(body[:4], "big"), int.from_bytes(body[4:8], "big")
            assert body[8:10] == b"\x08\x02", f"{path}: not 8-bit RGB"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = np.frombuffer(zlib.decompress(idat), np.uint8).reshape(h, 1 + 3 * w)
    assert (raw[:, 0] == 0).all(), f"{path}: only filter type 0 supported"
    return raw[:, 1:].reshape(h, w, 3)


def main():
    proto = onnx.load(os.path.join(HERE, "table3.onnx"))
    onnx.checker.check_model(proto)
    graph = proto.graph
    ops = [n.op_type for n in graph.node]
    assert ops == EXPECTED_OPS, ops
    dims = lambda v: [d.dim_value for d in v.type.tensor_type.shape.dim]  # noqa: E731
    assert [graph.input[0].name, dims(graph.input[0])] == ["input", [1, 3, 32, 32]]
    assert [graph.output[0].name, dims(graph.output[0])] == ["logits", [1, 10]]
    print("opset", [o.version for o in proto.opset_import], "ops", " ".join(ops))

    model = build_table3().eval()
    inits = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in graph.initializer}
    state = model.state_dict()
    assert set(inits) == set(state), (sorted(inits), sorted(state))
    model.load_state_dict(inits)
    torch.set_num_threads(2)

    images, labels = fashion_mnist.load("t10k")
    correct = 0
    with torch.no_grad():
        for i in range(0, len(images), 500):
            x = torch.from_numpy(fashion_mnist.to_network_input(images[i:i + 500]))
            correct += int((model(x).argmax(1).numpy() == labels[i:i + 500]).sum())
    print(f"test accuracy {100 * correct / len(images):.2f} % ({correct}/{len(images)})")

    right = 0
    with open(os.path.join(HERE, "images", "labels.csv")) as f:
        for row in csv.DictReader(f):
            rgb = read_rgb_png(os.path.join(HERE, "images", row["file"]))
            x = torch.from_numpy(rgb.transpose(2, 0, 1).astype(np.float32) / np.float32(255.0))[None]
            with torch.no_grad():
                logits = model(x)[0]
            pred = int(logits.argmax())
            right += pred == int(row["label"])
            print(f"  {row['file']:24s} label {row['label']} predicted {pred} "
                  f"({fashion_mnist.CLASS_NAMES[pred]}) logit {float(logits[pred]):.3f}")
    print(f"sample images correct: {right}/20")
    return 0


if __name__ == "__main__":
    sys.exit(main())
