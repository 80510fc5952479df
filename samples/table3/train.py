#!/usr/bin/python3
"""Train the Table III network on Fashion-MNIST and export samples/table3/table3.onnx.

Fixed seed, deterministic algorithms, 2 threads (the build machine has 2 cores).
Input = pixel/255 of the 28x28 image zero-padded to 32x32 and replicated to 3 channels
(no mean/std normalisation). Adam, cross-entropy on the logits.
Writes table3.onnx and training.json next to this file.

Run:  /usr/bin/python3 samples/table3/train.py
"""

import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fashion_mnist  # noqa: E402
from table3_model import PARAMETER_COUNT, build_table3  # noqa: E402

SEED = 1
EPOCHS = int(os.environ.get("TABLE3_EPOCHS", "3"))
BATCH = 64
LEARNING_RATE = 1e-3
THREADS = 2
HERE = os.path.dirname(os.path.abspath(__file__))


def batches_to_input(images_u8):
    """uint8 tensor [B,28,28] -> float32 [B,3,32,32] = pixel/255 (converted per batch to save memory)."""
    x = F.pad(images_u8.float() / 255.0, (2, 2, 2, 2))
    return x[:, None].expand(-1, 3, -1, -1).contiguous()


@torch.no_grad()
def accuracy(model, images, labels):
    model.eval()
    correct = 0
    for i in range(0, len(images), 500):
        logits = model(batches_to_input(images[i:i + 500]))
        correct += int((logits.argmax(1) == labels[i:i + 500]).sum())
    return correct / len(images)


def fit(model, train, test, epochs, learning_rate, batch=BATCH, seed=SEED):
    """Adam on the cross-entropy of the logits, shuffled by a torch.Generator seeded with `seed`;
    the test accuracy after each epoch. Returns the per-epoch history. (The other samples train with it too.)"""
    (train_x, train_y), (test_x, test_y) = train, test
    optimiser = torch.optim.Adam(model.parameters(), lr=learning_rate)
    shuffle = torch.Generator().manual_seed(seed)
    history = []
    for epoch in range(1, epochs + 1):
        t0 = time.time()
        model.train()
        order = torch.randperm(len(train_x), generator=shuffle)
        running = 0.0
        for b, i in enumerate(range(0, len(order), batch)):
            idx = order[i:i + batch]
            optimiser.zero_grad()
            loss = F.cross_entropy(model(batches_to_input(train_x[idx])), train_y[idx])
            loss.backward()
            optimiser.step()
            running += float(loss)
            if (b + 1) % 200 == 0:
                print(f"  epoch {epoch} batch {b + 1}: mean loss {running / (b + 1):.4f} "
                      f"({time.time() - t0:.0f} s)", flush=True)
        train_seconds = time.time() - t0
        test_acc = accuracy(model, test_x, test_y)
        history.append({"epoch": epoch, "train_loss": running / (b + 1), "test_accuracy": test_acc,
                        "seconds": round(time.time() - t0, 1)})
        print(f"epoch {epoch}: loss {running / (b + 1):.4f}, test accuracy {100 * test_acc:.2f} %, "
              f"train {train_seconds:.0f} s, total {time.time() - t0:.0f} s", flush=True)
    return history


def export_and_record(model, onnx_path, json_path, network, parameters, learning_rate, epochs, history, seconds,
                      batch=BATCH, seed=SEED, output_name="logits"):
    """Exports the trained `model` (eval mode, opset 13, constant folding, input `input` [1,3,32,32],
    output `output_name`) and writes the training record; returns the final test accuracy.
    (The DS-CNN and ResNet-8 samples export with it too.)"""
    model.eval()
    torch.onnx.export(model, torch.zeros(1, 3, 32, 32), onnx_path, opset_version=13,
                      do_constant_folding=True, input_names=["input"], output_names=[output_name])
    final = history[-1]["test_accuracy"]
    info = {
        "network": network,
        "parameters": parameters,
        "dataset": "Fashion-MNIST (Debian dataset-fashion-mnist), 60000 train / 10000 test",
        "preprocessing": "28x28 zero-padded by 2 to 32x32, replicated to 3 channels, pixel/255, no mean/std",
        "optimiser": f"Adam lr {learning_rate}, batch {batch}, cross-entropy on logits",
        "epochs": epochs,
        "seed": seed,
        "threads": THREADS,
        "torch_version": torch.__version__,
        "test_accuracy": final,
        "seconds": round(seconds, 1),
        "history": history,
    }
    with open(json_path, "w") as f:
        json.dump(info, f, indent=2)
        f.write("\n")
    return final


def train_sample(model, here, stem, network, parameters, epochs, learning_rate, batch=BATCH, seed=SEED,
                 exported=None, output_name="logits"):
    """What the other samples' trainers share: seeds, deterministic algorithms, THREADS threads, this
    sample's Fashion-MNIST data and input transform, `fit`, then the export of `exported(model)` (the
    model itself by default) to here/stem.onnx and the record here/training.json. Returns the final test
    accuracy, the seconds of training and the ONNX path."""
    torch.manual_seed(seed)
    np.random.seed(seed)
    torch.set_num_threads(THREADS)
    torch.use_deterministic_algorithms(True)
    train_x, train_y = fashion_mnist.load("train")
    test_x, test_y = fashion_mnist.load("t10k")
    # The padding/replication used here must equal the one the sample images are written with.
    check = batches_to_input(torch.from_numpy(test_x[:4])).numpy()
    assert np.array_equal(check, fashion_mnist.to_network_input(test_x[:4]))
    train_x, train_y = torch.from_numpy(train_x.copy()), torch.from_numpy(train_y)
    test_x, test_y = torch.from_numpy(test_x.copy()), torch.from_numpy(test_y)
    model = model()  # built after seeding, so its initial weights follow the seed
    started = time.time()
    history = fit(model, (train_x, train_y), (test_x, test_y), epochs, learning_rate, batch=batch, seed=seed)
    seconds = time.time() - started
    onnx_path = os.path.join(here, stem + ".onnx")
    # Eval mode: the exporter folds each BatchNormalization into the convolution before it.
    final = export_and_record((exported or (lambda m: m))(model), onnx_path, os.path.join(here, "training.json"),
                              network, parameters, learning_rate, epochs, history, seconds, batch=batch, seed=seed,
                              output_name=output_name)
    return final, seconds, onnx_path


def main():
    final, seconds, onnx_path = train_sample(
        build_table3, HERE, "table3", "Table III (conv32-conv32-pool-conv64-conv64-pool-fc128-fc10, pad 1)",
        PARAMETER_COUNT, EPOCHS, LEARNING_RATE)
    print(f"final test accuracy {100 * final:.2f} % after {EPOCHS} epochs, {seconds:.0f} s; wrote {onnx_path}")
    if final < 0.90:
        print("test accuracy below 90 %: raise TABLE3_EPOCHS", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
