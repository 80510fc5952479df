"""Exports the small torch models the ONNX importer tests read, with an input and torch's logits.

Run from this directory with Debian's python (torch 1.13, onnx 1.12):
    /usr/bin/python3 export_tiny_models.py
Writes, for each model NAME: NAME.onnx and NAME.expected.json ({"input": [...], "logits": [...]},
input flattened [1,C,H,W] row-major). Seeds are fixed so the files are reproducible on one torch build.
"""
import importlib.util
import json
import os

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from torch import nn


class TinyCnn(nn.Module):
    """conv3x3+BN+ReLU, pool, conv5x5+ReLU, pool, flatten, FC+ReLU, FC: every layer kind, with BN to fold."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 4, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(4)
        self.conv2 = nn.Conv2d(4, 6, 5, padding=2)
        self.pool = nn.MaxPool2d(2)
        self.fc1 = nn.Linear(6 * 2 * 2, 8)
        self.fc2 = nn.Linear(8, 5)

    def forward(self, x):
        x = self.pool(torch.relu(self.bn1(self.conv1(x))))
        x = self.pool(torch.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        return self.fc2(torch.relu(self.fc1(x)))


class TinyMatMul(nn.Module):
    """Bias-free conv, a view(1, -1) flatten (a Reshape) and a hand-written x @ W + b (MatMul then Add)."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(2, 3, 3, padding=1, bias=False)
        self.pool = nn.MaxPool2d(2)
        self.weight = nn.Parameter(torch.randn(3 * 3 * 3, 4))  # [in, out], as MatMul's B
        self.bias = nn.Parameter(torch.randn(4))

    def forward(self, x):
        x = self.pool(torch.relu(self.conv(x)))
        x = x.view(1, -1)
        return x @ self.weight + self.bias


class TinyFPad(nn.Module):
    """F.pad before unpadded convolutions (3x3 and 5x5): torch 1.13 exports the pads as a constant subgraph."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(2, 3, 3)
        self.conv2 = nn.Conv2d(3, 4, 5)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(4 * 4 * 4, 3)

    def forward(self, x):
        x = torch.relu(self.conv1(F.pad(x, (1, 1, 1, 1))))
        x = self.pool(torch.relu(self.conv2(F.pad(x, (2, 2, 2, 2)))))
        return self.fc(torch.flatten(x, 1))


class TinyGap(nn.Module):
    """Strided conv on an odd map, ReLU, AdaptiveAvgPool2d(1) (GlobalAveragePool over 4x5 = 20 cells), Flatten,
    Linear, and a Softmax at the end (dropped at import: the expected logits are the ones before it)."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(2, 4, 3, stride=2, padding=1)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(4, 3)
        self.softmax = True

    def forward(self, x):
        x = self.fc(torch.flatten(self.pool(torch.relu(self.conv(x))), 1))
        return torch.softmax(x, 1) if self.softmax else x


class TinyMean(nn.Module):
    """x.mean((2, 3)) (ReduceMean, keepdims 0) straight into a Linear (Gemm)."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 5, 3, padding=1)
        self.fc = nn.Linear(5, 4)

    def forward(self, x):
        return self.fc(torch.relu(self.conv(x)).mean((2, 3)))


class TinyWholeAvgPool(nn.Module):
    """nn.AvgPool2d whose window is the whole 6x6 map (AveragePool kernel [6,6]), then view(1, -1) and a Linear."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(2, 3, 3, padding=1)
        self.pool = nn.AvgPool2d(6)
        self.fc = nn.Linear(3, 2)

    def forward(self, x):
        return self.fc(self.pool(torch.relu(self.conv(x))).view(1, -1))


class TinyRelu6(nn.Module):
    """MobileNet-v1 style: strided conv + BN + ReLU6, depthwise 3x3 + BN + ReLU6, pointwise 1x1 + BN + ReLU,
    global average pool, Linear. ReLU6 gets the plain gradient in every method (Captum changes nn.ReLU only)."""

    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(3, 6, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(6), nn.ReLU6(),
            nn.Conv2d(6, 6, 3, padding=1, groups=6, bias=False), nn.BatchNorm2d(6), nn.ReLU6(),
            nn.Conv2d(6, 8, 1, bias=False), nn.BatchNorm2d(8), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 4))

    def forward(self, x):
        return self.body(x)


class TinyResNet(nn.Module):
    """MLPerf Tiny's ResNet-8 in miniature (Keras order of operations): stem conv + BN + ReLU; an identity
    block (x + BN(conv(ReLU(BN(conv x))))) then ReLU; two projection blocks (stride-2 3x3 main branch,
    stride-2 1x1 convolution on the skip, added, ReLU), the first computing the skip after the main branch
    (as Keras' add([x, y]) exports), the second before it; global average pool, Linear."""

    def __init__(self):
        super().__init__()

        def conv_bn(cin, cout, stride=1):
            return nn.Sequential(nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False), nn.BatchNorm2d(cout))

        self.stem = conv_bn(3, 4)
        self.a1, self.a2 = conv_bn(4, 4), conv_bn(4, 4)
        self.b1, self.b2, self.b_skip = conv_bn(4, 8, 2), conv_bn(8, 8), nn.Conv2d(4, 8, 1, stride=2)
        self.c1, self.c2, self.c_skip = conv_bn(8, 8, 2), conv_bn(8, 8), nn.Conv2d(8, 8, 1, stride=2)
        self.fc = nn.Linear(8, 5)
        # One nn.ReLU per place: Captum's DeconvNet and Guided Backprop change nn.ReLU modules only.
        self.relus = nn.ModuleList(nn.ReLU() for _ in range(7))

    def forward(self, x):
        r = self.relus
        x = r[0](self.stem(x))
        x = r[2](x + self.a2(r[1](self.a1(x))))
        y = self.b2(r[3](self.b1(x)))
        x = r[4](self.b_skip(x) + y)
        skip = self.c_skip(x)
        x = r[6](skip + self.c2(r[5](self.c1(x))))
        return self.fc(torch.flatten(nn.functional.adaptive_avg_pool2d(x, 1), 1))


class TinyAvgPool(nn.Module):
    """Average pools with a window inside the map, each run as a depthwise convolution: 2x2 stride 2 on an
    odd map (its last row and column dropped), 3x3 stride 1 padded (count_include_pad, torch's default: the
    export is a Pad and an unpadded pool), 4x4 stride 2 padded (an even window with padding); Linear."""

    def __init__(self):
        super().__init__()
        self.conv1, self.conv2, self.conv3 = nn.Conv2d(3, 4, 3, padding=1), nn.Conv2d(4, 6, 3, padding=1), nn.Conv2d(6, 6, 1)
        self.pool1, self.pool2, self.pool3 = nn.AvgPool2d(2), nn.AvgPool2d(3, stride=1, padding=1), nn.AvgPool2d(4, stride=2, padding=1)
        self.fc = nn.Linear(6 * 3 * 2, 5)
        self.relus = nn.ModuleList(nn.ReLU() for _ in range(3))

    def forward(self, x):
        r = self.relus
        x = self.pool1(r[0](self.conv1(x)))
        x = self.pool2(r[1](self.conv2(x)))
        x = self.pool3(r[2](self.conv3(x)))
        return self.fc(torch.flatten(x, 1))


class TinyStemPool(nn.Module):
    """Max pools the convolution store cannot fuse, each on the pool unit: ResNet's stem (a stride-2 5x5
    convolution + BN + ReLU, then MaxPool 3x3 stride 2 padding 1) on an odd map, and a 2x2 stride-2 pool
    with padding 1 after a 'same' convolution + ReLU; Linear. The ReLUs' zeros meet the padding at the
    borders (PyTorch pads with -inf: a padded element never wins)."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 4, 5, stride=2, padding=2, bias=False), nn.BatchNorm2d(4))
        self.conv2 = nn.Conv2d(4, 6, 3, padding=1)
        self.pool1, self.pool2 = nn.MaxPool2d(3, stride=2, padding=1), nn.MaxPool2d(2, stride=2, padding=1)
        self.fc = nn.Linear(6 * 3 * 3, 5)
        self.relus = nn.ModuleList(nn.ReLU() for _ in range(2))

    def forward(self, x):
        r = self.relus
        x = self.pool1(r[0](self.stem(x)))
        x = self.pool2(r[1](self.conv2(x)))
        return self.fc(torch.flatten(x, 1))


class TinyRelu6Pool(nn.Module):
    """ReLU6 before a fused max pool: 'same' conv + BN + ReLU6 + MaxPool 2x2, twice (the second on an odd map,
    its last column dropped), Linear. BN scales so that many outputs clip at 6 and windows tie at 6."""

    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(3, 4, 3, padding=1, bias=False), nn.BatchNorm2d(4), nn.ReLU6(), nn.MaxPool2d(2),
            nn.Conv2d(4, 6, 3, padding=1, bias=False), nn.BatchNorm2d(6), nn.ReLU6(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(6 * 3 * 3, 5))

    def forward(self, x):
        return self.body(x)


def export_relu6_pool():
    """tiny_relu6pool (issue 11), its own seeds."""
    torch.manual_seed(20261213)
    model = TinyRelu6Pool()
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.running_mean.uniform_(-0.2, 0.2)
                m.running_var.uniform_(0.02, 0.2)
                m.weight.uniform_(2.0, 4.0)
                m.bias.uniform_(0.0, 2.0)
    export_with_relevance("tiny_relu6pool", model, (3, 14, 13), seed=20261214)


class TinyDenseRelu6(nn.Module):
    """A dense layer's ReLU6: 'same' conv + ReLU + MaxPool 2x2, Linear + ReLU6 (weights scaled so that several outputs
    clip at 6), Linear."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, padding=1)
        self.fc1, self.fc2 = nn.Linear(4 * 6 * 5, 12), nn.Linear(12, 5)
        self.relu, self.relu6 = nn.ReLU(), nn.ReLU6()

    def forward(self, x):
        x = nn.functional.max_pool2d(self.relu(self.conv(x)), 2)
        return self.fc2(self.relu6(self.fc1(torch.flatten(x, 1))))


def export_dense_relu6():
    """tiny_denserelu6 (issue 11), its own seeds."""
    torch.manual_seed(20261215)
    model = TinyDenseRelu6()
    with torch.no_grad():
        model.fc1.weight.mul_(25.0)
        model.fc1.bias.add_(1.0)
    export_with_relevance("tiny_denserelu6", model, (3, 12, 11), seed=20261216)


def export_stem_pool():
    """tiny_stempool (issue 11), its own seeds so that the files above do not change."""
    torch.manual_seed(20261211)
    model = TinyStemPool()
    with torch.no_grad():
        bn = model.stem[1]
        bn.running_mean.uniform_(-0.3, 0.3)
        bn.running_var.uniform_(0.3, 1.5)
        bn.weight.uniform_(0.5, 1.5)
        bn.bias.uniform_(-0.3, 0.1)
    export_with_relevance("tiny_stempool", model, (3, 19, 17), seed=20261212)


def export_avgpool():
    """tiny_avgpool (issue 11), its own seeds so that the files above do not change."""
    torch.manual_seed(20261209)
    export_with_relevance("tiny_avgpool", TinyAvgPool(), (3, 13, 11), seed=20261210)


def _load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def export_with_relevance(name, model, image_shape, seed):
    """Exports `model` and a PNG input (pixels from a seeded generator; the network input is pixel/255,
    as the SDK reads a PNG), with torch's logits and, for the class torch predicts, the relevance of
    each method as Captum computes it (hls-lib's reference script's hooks): NAME.onnx, NAME.png,
    NAME.expected.json {"input", "logits", "target", "relevance": {method: [...]}}."""
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.join(here, "..", "..", "..")
    reference = _load(os.path.join(root, "hls-lib", "tests", "reference", "make_reference_vectors.py"), "reference_vectors")
    png = _load(os.path.join(root, "samples", "table3", "png_writer.py"), "png_writer")
    c, h, w = image_shape
    pixels = torch.randint(0, 256, (h, w, c), generator=torch.Generator().manual_seed(seed), dtype=torch.uint8)
    png.write_rgb_png(f"{name}.png", pixels.numpy())
    x = (pixels.permute(2, 0, 1).to(torch.float32) / 255.0)[None]
    model.eval()
    with torch.no_grad():
        logits = model(x)
    target = int(logits.argmax())
    relevance = {m: reference.hooked_attribution(model, x, target, m)[1].flatten().tolist()
                 for m in ("Saliency", "DeconvNet", "GuidedBackprop")}
    torch.onnx.export(model, x, f"{name}.onnx", input_names=["image"], output_names=["logits"], opset_version=13)
    onnx.checker.check_model(onnx.load(f"{name}.onnx"))
    with open(f"{name}.expected.json", "w") as f:
        json.dump({"input": x.flatten().tolist(), "logits": logits.flatten().tolist(), "target": target,
                   "relevance": relevance}, f)
    print(name, [n.op_type for n in onnx.load(f"{name}.onnx").graph.node], "target", target)


def export(name, model, input_shape, logits_of=None, **kwargs):
    model.eval()
    x = torch.randn(*input_shape)
    with torch.no_grad():
        logits = (logits_of or model)(x)
    torch.onnx.export(model, x, f"{name}.onnx", input_names=["image"], output_names=["logits"], opset_version=13, **kwargs)
    onnx.checker.check_model(onnx.load(f"{name}.onnx"))
    with open(f"{name}.expected.json", "w") as f:
        json.dump({"input": x.flatten().tolist(), "logits": logits.flatten().tolist()}, f)
    ops = [n.op_type for n in onnx.load(f"{name}.onnx").graph.node]
    print(name, ops)


def main():
    torch.manual_seed(20240601)
    cnn = TinyCnn()
    # Non-trivial running statistics, so that folding the BatchNormalization is really tested.
    with torch.no_grad():
        cnn.bn1.running_mean.uniform_(-0.5, 0.5)
        cnn.bn1.running_var.uniform_(0.5, 2.0)
        cnn.bn1.weight.uniform_(0.5, 1.5)
        cnn.bn1.bias.uniform_(-0.2, 0.2)
    # PRESERVE keeps BatchNormalization as its own node (EVAL would fuse it into the Conv at export).
    export("tiny_cnn", cnn, (1, 3, 8, 8), training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False)
    export("tiny_matmul", TinyMatMul(), (1, 2, 6, 6))
    export("tiny_fpad", TinyFPad(), (1, 2, 8, 8))
    # Global average pooling (issue 11), each with its own seed so the files above do not change.
    torch.manual_seed(20261202)
    gap = TinyGap()
    without_softmax = TinyGap()
    without_softmax.load_state_dict(gap.state_dict())
    without_softmax.softmax = False
    export("tiny_gap", gap, (1, 2, 7, 9), logits_of=without_softmax)
    torch.manual_seed(20261203)
    export("tiny_mean", TinyMean(), (1, 3, 5, 6))
    torch.manual_seed(20261204)
    export("tiny_whole_avgpool", TinyWholeAvgPool(), (1, 2, 6, 6))
    # ReLU6 (issue 11): batch-norm statistics that make some outputs clip at 6.
    torch.manual_seed(20261205)
    relu6 = TinyRelu6()
    with torch.no_grad():
        for m in relu6.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.running_mean.uniform_(-0.2, 0.2)
                m.running_var.uniform_(0.02, 0.2)
                m.weight.uniform_(2.0, 4.0)
                m.bias.uniform_(0.0, 2.0)
    export_with_relevance("tiny_relu6", relu6, (3, 13, 11), seed=20261206)
    # Residual blocks (issue 11): ResNet-8's identity and projection blocks.
    torch.manual_seed(20261207)
    resnet = TinyResNet()
    with torch.no_grad():
        for m in resnet.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.running_mean.uniform_(-0.3, 0.3)
                m.running_var.uniform_(0.3, 1.5)
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.2, 0.3)
    export_with_relevance("tiny_resnet", resnet, (3, 12, 11), seed=20261208)
    export_avgpool()
    export_stem_pool()
    export_relu6_pool()
    export_dense_relu6()


if __name__ == "__main__":
    main()
