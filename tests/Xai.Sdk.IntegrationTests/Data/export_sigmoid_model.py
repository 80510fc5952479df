"""Exports sigmoid.onnx: a tiny CNN the SDK must reject, because it uses Sigmoid (not a supported
operator). The integration tests build a project with it and expect the coded import error.

Run from this directory with Debian's python (torch 1.13, onnx 1.12):
    /usr/bin/python3 export_sigmoid_model.py
Input [1,3,10,14] (as hls-lib's odd.onnx), 4 classes; the seed is fixed.
"""
import onnx
import torch
from torch import nn


class SigmoidCnn(nn.Module):
    """conv3x3, Sigmoid (unsupported), pool, flatten, FC."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 2, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(2 * 5 * 7, 4)

    def forward(self, x):
        x = self.pool(torch.sigmoid(self.conv(x)))
        return self.fc(torch.flatten(x, 1))


torch.manual_seed(7)
model = SigmoidCnn().eval()
torch.onnx.export(model, torch.randn(1, 3, 10, 14), "sigmoid.onnx", input_names=["image"], output_names=["logits"], opset_version=13)
onnx.checker.check_model(onnx.load("sigmoid.onnx"))
print([n.op_type for n in onnx.load("sigmoid.onnx").graph.node])
