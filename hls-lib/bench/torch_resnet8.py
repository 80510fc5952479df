"""PyTorch float baseline for csim-vs-torch: ResNet-8 (MLPerf Tiny), one thread, per-image FP and FP+BP
(Saliency: gradient of the argmax logit w.r.t. the input), batch 1. Batch norm folded into the
convolutions, as the accelerator (and resnet8_net.h) computes the network.
Prints: torch_fp_ms=<x> torch_fpbp_ms=<y>"""
import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_table3 import time_per_image  # noqa: E402


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride=stride, padding=1)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1)
        self.skip = nn.Conv2d(cin, cout, 1, stride=stride) if stride != 1 else None

    def forward(self, x):
        y = self.conv2(torch.relu(self.conv1(x)))
        return torch.relu((self.skip(x) if self.skip is not None else x) + y)


class ResNet8(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 16, 3, padding=1)
        self.blocks = nn.Sequential(Block(16, 16, 1), Block(16, 32, 2), Block(32, 64, 2))
        self.fc = nn.Linear(64, 10)

    def forward(self, x):
        x = self.blocks(torch.relu(self.stem(x)))
        return self.fc(torch.flatten(nn.functional.avg_pool2d(x, 8), 1))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    torch.set_num_threads(1)
    torch.manual_seed(0)
    print("torch_fp_ms=%.4f torch_fpbp_ms=%.4f" % time_per_image(ResNet8().eval(), n))


if __name__ == "__main__":
    main()
