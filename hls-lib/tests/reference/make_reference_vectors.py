#!/usr/bin/python3
"""Reference vectors for the hls-lib forward/backward tests.

Builds two small CNNs in PyTorch with weights drawn from a splitmix64 generator
(so the C++ tests regenerate the same weights instead of reading them), runs the
forward pass and the three attribution methods in float64, and writes float32
.npy files to hls-lib/tests/data/reference/<net>/.

Attribution semantics follow Captum (captum/attr/_core/guided_backprop_deconvnet.py):
  Saliency       : plain gradient of the target logit w.r.t. the input, signed.
  DeconvNet      : at every ReLU, grad_in = relu(grad_out).
  GuidedBackprop : at every ReLU, grad_in = relu(grad_out * 1[x > 0]).
Max-pool, conv, linear and flatten use plain autograd (max-pool ties go to the
first maximum in row-major window order), ReLU'(0) = 0, the seed is 1 at the
target logit, target = argmax of the logits, model in eval mode.

The hooked results are checked against a hand-written backward pass with explicit
masks (numpy max-pool routing, transposed convolutions); the script stops with an
AssertionError if they disagree.

Run from anywhere:  /usr/bin/python3 hls-lib/tests/reference/make_reference_vectors.py
"""

import math
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MASK64 = (1 << 64) - 1
IMAGES_PER_NETWORK = 4
METHODS = ("Saliency", "DeconvNet", "GuidedBackprop")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT_ROOT = os.path.normpath(os.path.join(HERE, "..", "data", "reference"))


# --------------------------------------------------------------------------- generator
class SplitMix64:
    """splitmix64 with Python ints masked to 64 bits (bit-exact with the C++ side)."""

    def __init__(self, state):
        self.state = state & MASK64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def uniform(self):
        """Double in [0, 1) from the top 53 bits."""
        return (self.next() >> 11) * (2.0 ** -53)


def _check_generator():
    # First outputs of splitmix64 from state 0 (the published reference sequence).
    g = SplitMix64(0)
    assert g.next() == 0xE220A8397B1DCDAF
    assert g.next() == 0x6E789E6AA1B965F4
    assert g.next() == 0x06C45D188009454F


# --------------------------------------------------------------------------- networks
def table3_layers():
    """Paper Table III, 'same' padding, input [3,32,32]."""
    return [
        nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(),
        nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(),
        nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(4096, 128), nn.ReLU(),
        nn.Linear(128, 10),
    ]


def odd_layers():
    """Odd sizes: 5x5 kernel, non-square maps, floor in the second max-pool."""
    return [
        nn.Conv2d(3, 5, 5, padding=2), nn.ReLU(),
        nn.MaxPool2d(2),                      # [5,10,14] -> [5,5,7]
        nn.Conv2d(5, 7, 3, padding=1), nn.ReLU(),
        nn.MaxPool2d(2),                      # [7,5,7] -> [7,2,3]
        nn.Flatten(),                         # 42
        nn.Linear(42, 9), nn.ReLU(),
        nn.Linear(9, 4),
    ]


def grid_layers():
    """Strided and less-than-'same' padded convolutions (the engine stores a grid of its 'same'
    convolution): ResNet's stride-2 3x3 and 1x1, ONNX-style asymmetric pads, uneven padding."""
    return [
        nn.Conv2d(3, 6, 3, stride=2, padding=1), nn.ReLU(),   # [3,13,11] -> [6,7,6]
        nn.ZeroPad2d((0, 1, 1, 0)), nn.Conv2d(6, 8, 3), nn.ReLU(),  # pads top 1, right 1 -> [8,6,5]
        nn.Conv2d(8, 8, 1, stride=2), nn.ReLU(),              # -> [8,3,3]
        nn.Conv2d(8, 6, 3, padding=(1, 0)), nn.ReLU(),        # rows padded, columns not -> [6,3,1]
        nn.Flatten(),                                         # 18
        nn.Linear(18, 4),
    ]


def dw_layers():
    """Depthwise-separable blocks (DS-CNN, MobileNet): depthwise 3x3 (stride 2, then 1), each followed
    by a pointwise 1x1; a max-pool after the last pointwise convolution."""
    return [
        nn.Conv2d(3, 6, 3, padding=1), nn.ReLU(),                       # [3,12,10] -> [6,12,10]
        nn.Conv2d(6, 6, 3, stride=2, padding=1, groups=6), nn.ReLU(),   # depthwise -> [6,6,5]
        nn.Conv2d(6, 8, 1), nn.ReLU(),                                  # pointwise -> [8,6,5]
        nn.Conv2d(8, 8, 3, padding=1, groups=8), nn.ReLU(),             # depthwise -> [8,6,5]
        nn.Conv2d(8, 8, 1), nn.ReLU(),                                  # pointwise
        nn.MaxPool2d(2),                                                # -> [8,3,2]
        nn.Flatten(),                                                   # 48
        nn.Linear(48, 5),
    ]


class ResBlocks(nn.Module):
    """Residual blocks as ResNet-8 has them: an identity skip (x + conv(relu(conv(x)))) and a
    projection skip (a stride-2 3x3 main branch, a stride-2 1x1 convolution on the skip), each
    join followed by a ReLU; input [3,9,10]."""

    def __init__(self):
        super().__init__()
        self.stem, self.stem_relu = nn.Conv2d(3, 4, 3, padding=1), nn.ReLU()           # -> [4,9,10]
        self.b1c1, self.b1r1 = nn.Conv2d(4, 4, 3, padding=1), nn.ReLU()
        self.b1c2, self.b1r2 = nn.Conv2d(4, 4, 3, padding=1), nn.ReLU()                # + stem output
        self.b2c1, self.b2r1 = nn.Conv2d(4, 8, 3, stride=2, padding=1), nn.ReLU()      # -> [8,5,5]
        self.b2skip = nn.Conv2d(4, 8, 1, stride=2)                                      # -> [8,5,5]
        self.b2c2, self.b2r2 = nn.Conv2d(8, 8, 3, padding=1), nn.ReLU()                # + b2skip output
        self.flatten, self.fc = nn.Flatten(), nn.Linear(200, 5)

    def run(self, x, relu):
        """The forward pass with relu(module, tensor) at every ReLU."""
        a0 = relu(self.stem_relu, self.stem(x))
        a2 = relu(self.b1r2, self.b1c2(relu(self.b1r1, self.b1c1(a0))) + a0)
        a5 = relu(self.b2r2, self.b2c2(relu(self.b2r1, self.b2c1(a2))) + self.b2skip(a2))
        return self.fc(self.flatten(a5))

    def forward(self, x):
        return self.run(x, lambda m, t: m(t))

    def __iter__(self):
        """The parameterised layers in the order fill_weights draws their weights (network order)."""
        return iter([self.stem, self.b1c1, self.b1c2, self.b2c1, self.b2skip, self.b2c2, self.fc])


def res_layers():
    return ResBlocks()


NETWORKS = {
    # name: (seed, input shape [C,H,W], layer builder, expected parameter count or None)
    "table3": (2022, (3, 32, 32), table3_layers, 591274),
    "odd": (7, (3, 10, 14), odd_layers, 1129),
    "grid": (11, (3, 13, 11), grid_layers, 1194),
    "dw": (13, (3, 12, 10), dw_layers, 681),
    "res": (17, (3, 9, 10), res_layers, 2333),
}
ONNX_NETWORKS = ("odd", "grid", "dw", "res")  # table3's ONNX would be 2.4 MB; the C# importer tests use the others


def fill_weights(model, seed):
    """One generator with state `seed`; per parameterised layer in network order:
    weights row-major in PyTorch layout, then biases. Values computed in double and
    rounded to float32."""
    g = SplitMix64(seed)
    for layer in model:
        if not isinstance(layer, (nn.Conv2d, nn.Linear)):
            continue
        w = layer.weight
        fan_in = int(np.prod(w.shape[1:]))
        bound = math.sqrt(6.0 / fan_in)
        wv = np.array([(2.0 * g.uniform() - 1.0) * bound for _ in range(w.numel())], dtype=np.float64)
        bv = np.array([(2.0 * g.uniform() - 1.0) * 0.05 for _ in range(layer.bias.numel())], dtype=np.float64)
        with torch.no_grad():
            layer.weight.copy_(torch.from_numpy(wv.astype(np.float32).reshape(tuple(w.shape))))
            layer.bias.copy_(torch.from_numpy(bv.astype(np.float32)))


def make_input(k, shape):
    """Image k: fresh generator with state 1000000 + k, u rounded to float32, C,H,W order."""
    g = SplitMix64(1000000 + k)
    n = int(np.prod(shape))
    return np.array([g.uniform() for _ in range(n)], dtype=np.float64).astype(np.float32).reshape(shape)


def build(name):
    seed, shape, layers, expected_params = NETWORKS[name]
    built = layers()
    model = built if isinstance(built, nn.Module) else nn.Sequential(*built)
    fill_weights(model, seed)  # float32 weights
    model.eval()
    n_params = sum(p.numel() for p in model.parameters())
    if expected_params is not None:
        assert n_params == expected_params, f"{name}: {n_params} parameters, expected {expected_params}"
    relus = [m for m in model.modules() if isinstance(m, nn.ReLU)]
    assert len(set(map(id, relus))) == len(relus) and not any(r.inplace for r in relus)
    return model, shape, n_params


# --------------------------------------------------------------------------- Captum-style hooks
class ModifiedReluGradient:
    """Mimics Captum's ModifiedReluGradientAttribution hook mechanics: a forward-pre-hook
    clones the ReLU input and puts a tensor hook on the clone, a forward hook records the
    gradient w.r.t. the ReLU output; when the input gradient arrives it is replaced by
    relu(grad_out) (DeconvNet) or relu(grad_in) (GuidedBackprop)."""

    def __init__(self, model, use_relu_grad_output):
        self.model = model
        self.use_relu_grad_output = use_relu_grad_output
        self.handles = []
        self.grad_out = {}

    def __enter__(self):
        for m in self.model.modules():
            if isinstance(m, nn.ReLU):
                self.handles.append(m.register_forward_pre_hook(self._pre_hook))
                self.handles.append(m.register_forward_hook(self._fwd_hook))
        return self

    def __exit__(self, *exc):
        for h in self.handles:
            h.remove()
        self.handles.clear()

    def _pre_hook(self, module, inputs):
        x = inputs[0].clone()

        def on_input_grad(grad_in):
            grad_out = self.grad_out[module]
            return F.relu(grad_out if self.use_relu_grad_output else grad_in)

        x.register_hook(on_input_grad)
        return (x,)

    def _fwd_hook(self, module, inputs, output):
        def on_output_grad(grad_out):
            self.grad_out[module] = grad_out
        output.register_hook(on_output_grad)


def hooked_attribution(model, x, target, method):
    x = x.clone().requires_grad_(True)
    if method == "Saliency":
        out = model(x)
    else:
        with ModifiedReluGradient(model, use_relu_grad_output=(method == "DeconvNet")):
            out = model(x)
    (grad,) = torch.autograd.grad(out[0, target], x)
    return out.detach(), grad.detach()


# --------------------------------------------------------------------------- manual backward
def _maxpool_forward(a, k):
    """a: [C,H,W]; floor output size; returns output and flat argmax (first max, row-major)."""
    c, h, w = a.shape
    oh, ow = h // k, w // k
    win = a[:, :oh * k, :ow * k].reshape(c, oh, k, ow, k).transpose(0, 1, 3, 2, 4).reshape(c, oh, ow, k * k)
    idx = np.argmax(win, axis=-1)  # numpy argmax returns the first maximum
    return np.take_along_axis(win, idx[..., None], -1)[..., 0], idx


def _maxpool_backward(g, idx, in_shape, k):
    c, oh, ow = g.shape
    out = np.zeros(in_shape)
    for ci in range(c):
        for i in range(oh):
            for j in range(ow):
                di, dj = divmod(int(idx[ci, i, j]), k)
                out[ci, i * k + di, j * k + dj] += g[ci, i, j]
    return out


class _RuleRelu(torch.autograd.Function):
    """ReLU whose backward is the method's rule written out with an explicit mask."""

    @staticmethod
    def forward(ctx, x, method):
        ctx.save_for_backward(x)
        ctx.method = method
        return x.clamp(min=0)

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        mask = (x > 0).to(g.dtype)  # ReLU'(0) = 0
        if ctx.method == "Saliency":
            return g * mask, None
        if ctx.method == "DeconvNet":
            return g.clamp(min=0), None
        return g.clamp(min=0) * mask, None


def manual_attribution(model, x, target, method):
    """Forward and backward with explicit masks, float64: layer by layer for a chain; for a network
    with skips, autograd through its own forward with the ReLUs replaced by the rule (no hooks)."""
    if not isinstance(model, nn.Sequential):
        xg = x.clone().requires_grad_(True)
        out = model.run(xg, lambda m, t: _RuleRelu.apply(t, method))
        (grad,) = torch.autograd.grad(out[0, target], xg)
        return out.detach()[0].numpy(), grad.detach()[0].numpy()
    return _manual_chain(model, x, target, method)


@torch.no_grad()
def _manual_chain(model, x, target, method):
    tape = []
    a = x[0].numpy().astype(np.float64)
    for layer in model:
        if isinstance(layer, nn.Conv2d):
            tape.append(("conv", layer, a.shape))
            a = F.conv2d(torch.from_numpy(a)[None], layer.weight, layer.bias,
                         stride=layer.stride, padding=layer.padding, groups=layer.groups).numpy()[0]
        elif isinstance(layer, nn.ZeroPad2d):
            left, right, top, bottom = layer.padding
            tape.append(("pad", (top, left), a.shape))
            a = np.pad(a, ((0, 0), (top, bottom), (left, right)))
        elif isinstance(layer, nn.ReLU):
            tape.append(("relu", a > 0))  # forward mask; ReLU'(0) = 0
            a = np.maximum(a, 0.0)
        elif isinstance(layer, nn.MaxPool2d):
            k = layer.kernel_size
            out, idx = _maxpool_forward(a, k)
            tape.append(("pool", idx, a.shape, k))
            a = out
        elif isinstance(layer, nn.Flatten):
            tape.append(("flatten", a.shape))
            a = a.reshape(-1)
        elif isinstance(layer, nn.Linear):
            tape.append(("linear", layer))
            a = layer.weight.detach().numpy() @ a + layer.bias.detach().numpy()
        else:
            raise TypeError(layer)
    logits = a
    g = np.zeros_like(logits)
    g[target] = 1.0
    for entry in reversed(tape):
        kind = entry[0]
        if kind == "linear":
            g = entry[1].weight.detach().numpy().T @ g
        elif kind == "flatten":
            g = g.reshape(entry[1])
        elif kind == "pool":
            g = _maxpool_backward(g, entry[1], entry[2], entry[3])
        elif kind == "relu":
            mask = entry[1]
            if method == "Saliency":
                g = g * mask
            elif method == "DeconvNet":
                g = g * (g > 0)
            else:  # GuidedBackprop
                g = g * mask * (g > 0)
        elif kind == "pad":
            (top, left), in_shape = entry[1], entry[2]
            g = g[:, top:top + in_shape[1], left:left + in_shape[2]]
        elif kind == "conv":
            layer, in_shape = entry[1], entry[2]
            # The transposed (fractionally strided) convolution; output_padding restores the rows and
            # columns a stride-2 forward pass dropped at the end.
            k, st, pd = layer.kernel_size, layer.stride, layer.padding
            extra = tuple(in_shape[1 + d] - ((g.shape[1 + d] - 1) * st[d] - 2 * pd[d] + k[d]) for d in range(2))
            gt = F.conv_transpose2d(torch.from_numpy(g)[None], layer.weight, stride=st, padding=pd,
                                    output_padding=extra, groups=layer.groups)
            assert tuple(gt.shape[1:]) == tuple(in_shape)
            g = gt.numpy()[0]
    return logits, g


# --------------------------------------------------------------------------- main
def write_npy(path, array):
    np.save(path, array)


def export_onnx(model, shape, path):
    import onnx
    from onnx import numpy_helper
    m32 = model.float().eval()
    dummy = torch.zeros((1,) + tuple(shape), dtype=torch.float32)
    torch.onnx.export(m32, dummy, path, opset_version=13, do_constant_folding=True,
                      input_names=["input"], output_names=["logits"])
    proto = onnx.load(path)
    onnx.checker.check_model(proto)
    # The initialisers must be exactly the generated float32 weights.
    inits = {i.name: numpy_helper.to_array(i) for i in proto.graph.initializer}
    params = dict(m32.named_parameters())
    for name, p in params.items():
        assert name in inits, f"{name} missing from ONNX initialisers ({sorted(inits)})"
        assert np.array_equal(inits[name], p.detach().numpy()), name


def main():
    torch.set_num_threads(min(2, torch.get_num_threads()))
    torch.use_deterministic_algorithms(True)
    _check_generator()
    summary = []
    for name in NETWORKS:
        model32, shape, n_params = build(name)
        out_dir = os.path.join(OUT_ROOT, name)
        os.makedirs(out_dir, exist_ok=True)
        if name in ONNX_NETWORKS:
            export_onnx(model32, shape, os.path.join(out_dir, f"{name}.onnx"))
        model = model32.double().eval()
        for k in range(IMAGES_PER_NETWORK):
            x32 = make_input(k, shape)
            x = torch.from_numpy(x32.astype(np.float64))[None]
            with torch.no_grad():
                logits = model(x)[0]
            target = int(torch.argmax(logits))
            top2 = torch.topk(logits, 2).values
            margin = float(top2[0] - top2[1])
            write_npy(os.path.join(out_dir, f"input_{k}.npy"), x32)
            write_npy(os.path.join(out_dir, f"logits_{k}.npy"), logits.numpy().astype(np.float32))
            write_npy(os.path.join(out_dir, f"target_{k}.npy"), np.array([target], dtype=np.int32))
            for method in METHODS:
                out, rel = hooked_attribution(model, x, target, method)
                assert torch.equal(out[0], logits)
                m_logits, m_rel = manual_attribution(model, x, target, method)
                rel = rel[0].numpy()
                scale = max(np.abs(m_rel).max(), 1e-300)
                assert np.allclose(m_logits, logits.numpy(), rtol=1e-12, atol=1e-12), (name, k, "logits")
                err = np.abs(rel - m_rel).max() / scale
                assert err < 1e-12, (name, k, method, err)
                write_npy(os.path.join(out_dir, f"relevance_{k}.{method}.npy"), rel.astype(np.float32))
                summary.append((name, k, target, margin, method, scale, err))
        write_readme(name, shape, n_params, out_dir, model32)
    for row in summary:
        print("%-6s image %d target %d margin %.4g %-14s max|R| %.3e  hook-vs-manual rel.err %.1e" % row)


def generator_check_values(name, model):
    """Values the C++ generator can be checked against before comparing attributions."""
    seed = NETWORKS[name][0]
    g = SplitMix64(seed)
    first = [g.next() for _ in range(2)]
    params = [p.detach().double().numpy().ravel() for p in model.parameters()]
    flat = np.concatenate(params)
    return [
        f"- Check values: splitmix64 from state {seed}: first outputs 0x{first[0]:016X}, 0x{first[1]:016X};",
        f"  first weight {flat[0]!r} (float32 value as double), last bias {flat[-1]!r},",
        f"  sum of all float32 parameters in double {float(np.sum(flat))!r},",
        f"  input_0 first value {float(make_input(0, NETWORKS[name][1]).ravel()[0])!r}.",
    ]


def write_readme(name, shape, n_params, out_dir, model):
    seed = NETWORKS[name][0]
    lines = [
        f"# Reference vectors: `{name}`",
        "",
        "Generated by `hls-lib/tests/reference/make_reference_vectors.py` (run from the repository root:",
        "`/usr/bin/python3 hls-lib/tests/reference/make_reference_vectors.py`),",
        f"PyTorch {torch.__version__}, numpy {np.__version__}. Do not edit by hand; rerun the script.",
        "",
        f"- Network `{name}`, weight seed {seed}, input [{','.join(map(str, shape))}], {n_params} parameters.",
        "  Layers: see `NETWORKS` in the script. Weights are NOT stored: regenerate them with splitmix64",
        "  (one generator, state = seed; per Conv/Linear layer in order: weights row-major in PyTorch",
        "  layout, then biases; weight = (2u-1)*sqrt(6/fan_in), bias = (2u-1)*0.05, u = (next()>>11)*2^-53,",
        "  computed in double and rounded to float32).",
    ] + generator_check_values(name, model) + [
        f"- `input_<k>.npy` float32 [{','.join(map(str, shape))}]: generator with state 1000000+k, u rounded",
        "  to float32, C,H,W order. k = 0..3.",
        "- `logits_<k>.npy` float32: the logits (model in eval mode, no softmax).",
        "- `target_<k>.npy` int32 shape [1]: argmax of the logits; the seed gradient is 1 there.",
        "- `relevance_<k>.<Method>.npy` float32, same shape as the input, signed, Method in",
        "  Saliency, DeconvNet, GuidedBackprop (Captum semantics: ReLU hooks on separate nn.ReLU",
        "  modules; DeconvNet relu(grad_out), GuidedBackprop relu(grad_out*1[x>0]); max-pool ties to",
        "  the first maximum in row-major window order; ReLU'(0) = 0).",
        "",
        "All values were computed in float64 (weights and inputs are exactly the float32 values)",
        "and rounded to float32 only when written. The script asserts that the hooked autograd",
        "result matches a hand-written backward pass with explicit masks to 1e-12 relative.",
    ]
    if name in ONNX_NETWORKS:
        lines += [
            "",
            f"- `{name}.onnx`: the same network in float32, `torch.onnx.export` opset 13, constant",
            "  folding, input `input` [1,C,H,W], output `logits`. Initialisers are checked to equal",
            "  the generated weights bit for bit.",
        ]
    with open(os.path.join(out_dir, "README.md"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
