"""ResNet-8 as MLPerf Tiny's image-classification benchmark defines it (the EEMBC/MLPerf Tiny reference,
resnet_v1_eembc: Banbury et al. 2021), for the 3x32x32 input the Table III sample uses (CIFAR-10 shape).

A 3x3 stem convolution with 16 filters, three stacks of one residual block each (16, 32, 64 filters; the
second and third halve the map with a stride-2 3x3 convolution and project the skip with a stride-2 1x1
convolution), batch norm after every 3x3 convolution, ReLU after the stem, inside each block and after
each join, average pooling over the whole 8x8 map, one dense layer and a softmax. As in the reference,
each block computes its main branch first and then its skip (Keras' add([x, y]) exports in that order).
Batch norm is folded into the convolutions at export (eval mode) or import. Separate ReLU modules so
attribution hooks see each one. Training uses the logits; the exported model ends in the softmax, as
the reference does (the SDK explains the logits before it and reports the probabilities)."""

import torch
import torch.nn as nn

PARAMETER_COUNT = 77946


def conv_bn(cin, cout, stride=1):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False), nn.BatchNorm2d(cout))


class ResidualStack(nn.Module):
    """One block: relu(skip(x) + bn(conv(relu(bn(conv(x)))))); the skip is x, or a stride-2 1x1 projection."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1, self.relu1 = conv_bn(cin, cout, stride), nn.ReLU()
        self.conv2 = conv_bn(cout, cout)
        self.skip = nn.Conv2d(cin, cout, 1, stride=stride) if stride != 1 or cin != cout else None
        self.relu2 = nn.ReLU()

    def forward(self, x):
        y = self.conv2(self.relu1(self.conv1(x)))
        return self.relu2((self.skip(x) if self.skip is not None else x) + y)


class ResNet8(nn.Module):
    def __init__(self, classes=10, softmax=False):
        super().__init__()
        self.stem, self.stem_relu = conv_bn(3, 16), nn.ReLU()
        self.stacks = nn.Sequential(ResidualStack(16, 16, 1), ResidualStack(16, 32, 2), ResidualStack(32, 64, 2))
        self.pool = nn.AvgPool2d(8)
        self.fc = nn.Linear(64, classes)
        self.softmax = softmax

    def forward(self, x):
        x = self.stacks(self.stem_relu(self.stem(x)))
        logits = self.fc(torch.flatten(self.pool(x), 1))
        return torch.softmax(logits, 1) if self.softmax else logits


def build_resnet8():
    model = ResNet8()
    n = sum(p.numel() for p in model.parameters())
    assert n == PARAMETER_COUNT, f"this ResNet-8 has {PARAMETER_COUNT} parameters, built {n}"
    return model
