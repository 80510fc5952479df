#!/usr/bin/python3
"""Write the 20 sample images (first 2 test images of each class, in test-set order) as
32x32 8-bit RGB PNGs exactly as the network sees them (padded, replicated, x255), plus
images/labels.csv and classes.txt.

Run:  /usr/bin/python3 samples/table3/make_images.py
"""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fashion_mnist  # noqa: E402
from png_writer import write_rgb_png  # noqa: E402

PER_CLASS = 2
HERE = os.path.dirname(os.path.abspath(__file__))


def select(labels):
    chosen, seen = [], {c: 0 for c in range(10)}
    for i, c in enumerate(labels):
        if seen[int(c)] < PER_CLASS:
            seen[int(c)] += 1
            chosen.append(i)
        if len(chosen) == 10 * PER_CLASS:
            break
    return chosen


def main():
    images, labels = fashion_mnist.load("t10k")
    out_dir = os.path.join(HERE, "images")
    os.makedirs(out_dir, exist_ok=True)
    network_bytes = fashion_mnist.to_network_bytes(images)  # [N,3,32,32] uint8
    rows = ["file,label,class"]
    for i in select(labels):
        c = int(labels[i])
        name = f"{i:04d}-{fashion_mnist.file_stem(fashion_mnist.CLASS_NAMES[c])}.png"
        write_rgb_png(os.path.join(out_dir, name), network_bytes[i].transpose(1, 2, 0))
        rows.append(f"{name},{c},{fashion_mnist.CLASS_NAMES[c]}")
    with open(os.path.join(out_dir, "labels.csv"), "w") as f:
        f.write("\n".join(rows) + "\n")
    with open(os.path.join(HERE, "classes.txt"), "w") as f:
        f.write("\n".join(fashion_mnist.CLASS_NAMES) + "\n")
    print(f"wrote {len(rows) - 1} images to {out_dir}")


if __name__ == "__main__":
    sys.exit(main())
