"""Writes table3_sample_logits.json: PyTorch's logits of samples/table3/table3.onnx for the 20
sample images in samples/table3/images, which the C# test reproduces with the imported network.

The ONNX initialisers are loaded into the Table III model of samples/table3/table3_model.py and
run in float64 (weights and pixels are exactly the float32 values). Rerun whenever table3.onnx
or the images change, from the repository root:
    /usr/bin/python3 tests/Xai.Core.Tests/Data/make_table3_sample_logits.py
"""
import csv
import json
import os
import sys
import zlib

import numpy as np
import onnx
import torch
from onnx import numpy_helper

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SAMPLE = os.path.join(ROOT, "samples", "table3")
sys.path.insert(0, SAMPLE)
from table3_model import build_table3  # noqa: E402


def read_png_rgb(path):
    """8-bit RGB PNG with filter type 0 on every row, as samples/table3/png_writer.py writes."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat = 8, b""
    while pos < len(data):
        n = int.from_bytes(data[pos:pos + 4], "big")
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h = int.from_bytes(body[:4], "big"), int.from_bytes(body[4:8], "big")
            assert body[8:10] == b"\x08\x02", path
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = np.frombuffer(zlib.decompress(idat), np.uint8).reshape(h, 1 + 3 * w)
    assert (raw[:, 0] == 0).all(), path
    return raw[:, 1:].reshape(h, w, 3)


def main():
    graph = onnx.load(os.path.join(SAMPLE, "table3.onnx")).graph
    model = build_table3().double().eval()
    model.load_state_dict({i.name: torch.from_numpy(numpy_helper.to_array(i).astype(np.float64)) for i in graph.initializer})
    out = {}
    with open(os.path.join(SAMPLE, "images", "labels.csv")) as f:
        for row in csv.DictReader(f):
            rgb = read_png_rgb(os.path.join(SAMPLE, "images", row["file"]))
            x = rgb.transpose(2, 0, 1).astype(np.float32) / np.float32(255.0)  # float32 pixels, as the network sees them
            with torch.no_grad():
                logits = model(torch.from_numpy(x.astype(np.float64))[None])[0]
            out[row["file"]] = {"label": int(row["label"]), "logits": [float(v) for v in logits]}
    with open(os.path.join(os.path.dirname(__file__), "table3_sample_logits.json"), "w") as f:
        json.dump(out, f, indent=1)
    print(f"{len(out)} images, {sum(int(np.argmax(v['logits']) == v['label']) for v in out.values())} classified correctly")


if __name__ == "__main__":
    main()
