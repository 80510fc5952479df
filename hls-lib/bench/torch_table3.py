"""PyTorch float baseline for csim-vs-torch: Table III, one thread, per-image FP and
FP+BP (Saliency: gradient of the argmax logit w.r.t. the input), batch 1.
Prints: torch_fp_ms=<x> torch_fpbp_ms=<y>"""
import sys
import time

import torch
import torch.nn as nn


def time_per_image(m, n):
    """Mean milliseconds per image of FP (argmax) and of FP+BP (Saliency of the argmax logit), batch 1."""
    xs = [torch.rand(1, 3, 32, 32) for _ in range(n)]
    with torch.no_grad():
        for x in xs[:3]:
            m(x)  # warm-up
        t = time.perf_counter()
        for x in xs:
            m(x).argmax()
        fp = (time.perf_counter() - t) / n
    t = time.perf_counter()
    for x in xs:
        xx = x.clone().requires_grad_(True)
        y = m(xx)
        c = int(y.argmax())
        torch.autograd.grad(y[0, c], xx)
    fpbp = (time.perf_counter() - t) / n
    return fp * 1e3, fpbp * 1e3


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    torch.set_num_threads(1)
    torch.manual_seed(0)
    m = nn.Sequential(
        nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(4096, 128), nn.ReLU(), nn.Linear(128, 10)).eval()
    print("torch_fp_ms=%.4f torch_fpbp_ms=%.4f" % time_per_image(m, n))


if __name__ == "__main__":
    main()
