"""A depthwise-separable CNN of the DS-CNN shape (MLPerf Tiny keyword spotting, Zhang et al. 2017
"Hello Edge"), sized for the 3x32x32 Fashion-MNIST input the Table III sample uses.

MLPerf Tiny's DS-CNN: a strided stem convolution with 64 filters, four depthwise-separable blocks
(3x3 depthwise + 1x1 pointwise, 64 channels, batch norm and ReLU after each), average pooling over
the whole map, one dense layer. Its stem kernel is 10x4 on a 49x10 spectrogram; on a square image
it is a 3x3, stride 2. Batch norm is folded into the convolutions at export (eval mode) or import.
Separate ReLU modules so attribution hooks see each one; logits out (no softmax)."""

import torch.nn as nn

PARAMETER_COUNT = 22218


def separable_block(channels):
    return [
        nn.Conv2d(channels, channels, 3, padding=1, groups=channels, bias=False), nn.BatchNorm2d(channels), nn.ReLU(),
        nn.Conv2d(channels, channels, 1, bias=False), nn.BatchNorm2d(channels), nn.ReLU(),
    ]


def build_dscnn(channels=64, blocks=4, classes=10):
    layers = [nn.Conv2d(3, channels, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(channels), nn.ReLU()]
    for _ in range(blocks):
        layers += separable_block(channels)
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(channels, classes)]
    model = nn.Sequential(*layers)
    n = sum(p.numel() for p in model.parameters())
    assert n == PARAMETER_COUNT, f"this DS-CNN has {PARAMETER_COUNT} parameters, built {n}"
    return model
