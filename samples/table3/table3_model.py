"""The paper's Table III network: 'same' 3x3 convolutions, separate (not in-place) ReLU
modules so attribution hooks see each one, flatten in C,H,W order, logits out."""

import torch.nn as nn

PARAMETER_COUNT = 591274


def build_table3():
    model = nn.Sequential(
        nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(),
        nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(),
        nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(64 * 8 * 8, 128), nn.ReLU(),
        nn.Linear(128, 10),
    )
    n = sum(p.numel() for p in model.parameters())
    assert n == PARAMETER_COUNT, f"Table III has {PARAMETER_COUNT} parameters, built {n}"
    return model
