#!/usr/bin/python3
"""Write the calibration images: the first 32 Fashion-MNIST *training* images, as the network
sees them (padded to 32x32, replicated to RGB). The planner sizes the fixed-point formats from
the value ranges these produce; they are kept apart from the test images in images/, so that
changing a test image re-runs only the C simulation.

Run:  /usr/bin/python3 samples/table3/make_calibration_images.py
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fashion_mnist  # noqa: E402
from png_writer import write_rgb_png  # noqa: E402

COUNT = 32
HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    images, _ = fashion_mnist.load("train")
    out_dir = os.path.join(HERE, "calibration")
    os.makedirs(out_dir, exist_ok=True)
    network_bytes = fashion_mnist.to_network_bytes(images[:COUNT])  # [N,3,32,32]
    for i in range(COUNT):
        write_rgb_png(os.path.join(out_dir, f"train-{i:05d}.png"), network_bytes[i].transpose(1, 2, 0))
    print(f"wrote {COUNT} calibration images to {out_dir}")


if __name__ == "__main__":
    main()
