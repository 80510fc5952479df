#!/usr/bin/python3
"""Reference vectors for hls-lib's multi-pass explanations (xai/explain.h).

For the networks and images of make_reference_vectors.py (same splitmix64 weights and inputs),
in float64 with plain autograd, following Captum's definitions:
  InputXGradient      : x * dF/dx                              (captum.attr.InputXGradient)
  IntegratedGradients : x * (1/m) sum_k dF/dx(a_k x), a_k = (k + 1/2)/m, baseline 0
                        (captum.attr.IntegratedGradients, method='riemann_middle', n_steps=m)
  IntegratedGradientsBaseline : the same from the baseline image x' = ig_baseline(): (x - x') * (1/m)
                        sum_k dF/dx(x' + a_k (x - x'))  (baselines=x'; explain_test.cpp's baseline configs)
  SmoothGrad          : (1/n) sum_k dF/dx(x + sigma z_k)        (NoiseTunnel(Saliency(abs=False)),
                        nt_type='smoothgrad'), z_k from the hardware's generator: xorshift32 from
                        NOISE_SEED, one word per input element in C,H,W order, pass after pass,
                        z = (sum of the word's 4 bytes - 510) / sqrt(4 (256^2 - 1) / 12)
  GradCam             : ReLU(sum_c mean_hw(dF/dA_c) A_c), A the output of the last convolution block (after
                        its ReLU and pool, or its join and ReLU: module GRADCAM_MODULE), upsampled by F.interpolate(mode='bilinear',
                        align_corners=False) to the image and repeated over its channels
                        (captum.attr.LayerGradCam(relu_attributions=True) + LayerAttribution.interpolate),
                        times 2^-e, e = floor(log2(max of the map at the block's resolution)) + 1
  GuidedGradCam       : Guided Backprop (relevance_<k>.GuidedBackprop.npy) times that map (so scaled), then
                        times 2^-e2, e2 = floor(log2(max |product|)) + 1
                        (hls-lib scales both so, per image, to keep 15 significant bits; Captum does not)
F is the logit of the class predicted on x. Writes relevance_<k>.<Method>.npy (float32) beside the
other methods' vectors, ig_gap_<k>.npy: float32 [sum of IG, F(x) - F(0)] (completeness), and
ig_baseline_gap_<k>.npy: float32 [sum of IG from x', F(x) - F(x')].

Run from anywhere:  /usr/bin/python3 hls-lib/tests/reference/make_explanation_vectors.py
"""

import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_reference_vectors as ref  # noqa: E402

NETWORKS = ("odd", "table3", "res", "grid", "dw")
IG_STEPS = 16          # explain_test.cpp's test_explain_config
SMOOTHGRAD_SAMPLES = 4
SMOOTHGRAD_SIGMA = 0.1
NOISE_SEED = 0x2545F491
# The module whose output is the last convolution block's stored output: the MaxPool2d closing it, or on the residual
# network the ReLU after its last join (ResBlocks.b2r2: relu(b2c2(.) + b2skip(.)), the block the hardware stores).
# grid: the ReLU after its last (strided, unevenly padded) convolution; dw: the MaxPool2d after the last pointwise one.
GRADCAM_MODULE = {"odd": 5, "table3": 9, "res": "b2r2", "grid": 8, "dw": 10}
MASK32 = (1 << 32) - 1
UNITS_PER_SIGMA = (4 * (256 ** 2 - 1) / 12) ** 0.5


def ig_baseline(count):
    """The baseline image of explain_test.cpp's baseline configs: (37 i mod 64) / 128, C, H, W order (exact in
    every format the tests use)."""
    return (np.arange(count, dtype=np.int64) * 37 % 64).astype(np.float64) / 128.0


def integrated_gradients(model, x, baseline, target):
    return sum(gradient(model, baseline + (s + 0.5) / IG_STEPS * (x - baseline), target)
               for s in range(IG_STEPS)) / IG_STEPS * (x - baseline)


def xorshift32_noise(state, count):
    """count integers in [-510, 510] and the generator's state after them."""
    out = np.empty(count, dtype=np.float64)
    for i in range(count):
        state ^= (state << 13) & MASK32
        state ^= state >> 17
        state ^= (state << 5) & MASK32
        out[i] = (state & 255) + ((state >> 8) & 255) + ((state >> 16) & 255) + (state >> 24) - 510
    return out, state


def gradient(model, x, target):
    xg = x.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(model(xg)[0, target], xg)
    return g.detach()


def leading_exponent(top):
    """e with top * 2^-e in [1/2, 1) (0 for 0), as hls-lib's cam_driver finds it."""
    return int(np.floor(np.log2(top))) + 1 if top > 0 else 0


def grad_cam(model, x, target, module):
    """The Grad-CAM map [1, 1, h, w] of `target` at the output of model[module] and that map upsampled to x."""
    kept = {}
    layer = getattr(model, module) if isinstance(module, str) else model[module]
    hook = layer.register_forward_hook(lambda m, i, o: kept.setdefault("a", o))
    try:
        logits = model(x)
    finally:
        hook.remove()
    a = kept["a"]
    (g,) = torch.autograd.grad(logits[0, target], a)
    cam = torch.relu((g.mean(dim=(2, 3), keepdim=True) * a).sum(dim=1, keepdim=True)).detach()
    return cam, torch.nn.functional.interpolate(cam, size=x.shape[2:], mode="bilinear", align_corners=False)


def main():
    torch.set_num_threads(min(2, torch.get_num_threads()))
    torch.use_deterministic_algorithms(True)
    for name in NETWORKS:
        model32, shape, _ = ref.build(name)
        model = model32.double().eval()
        out_dir = os.path.join(ref.OUT_ROOT, name)
        for k in range(ref.IMAGES_PER_NETWORK):
            x = torch.from_numpy(ref.make_input(k, shape).astype(np.float64))[None]
            with torch.no_grad():
                logits = model(x)[0]
                f0 = model(torch.zeros_like(x))[0]
            target = int(torch.argmax(logits))
            ixg = x * gradient(model, x, target)
            ig = integrated_gradients(model, x, torch.zeros_like(x), target)
            b = torch.from_numpy(ig_baseline(x.numel())).reshape(x.shape)
            ig_b = integrated_gradients(model, x, b, target)
            with torch.no_grad():
                fb = model(b)[0]
            state, sg = NOISE_SEED, torch.zeros_like(x)
            for _ in range(SMOOTHGRAD_SAMPLES):
                z, state = xorshift32_noise(state, x.numel())
                noisy = x + SMOOTHGRAD_SIGMA * torch.from_numpy(z / UNITS_PER_SIGMA).reshape(x.shape)
                sg += gradient(model, noisy, target)
            sg /= SMOOTHGRAD_SAMPLES
            native, cam = grad_cam(model, x, target, GRADCAM_MODULE[name])
            e = leading_exponent(float(native.max()))
            gradcam = cam.expand_as(x) * 2.0 ** -e
            gbp = torch.from_numpy(np.load(os.path.join(out_dir, f"relevance_{k}.GuidedBackprop.npy")).astype(np.float64))[None]
            product = gbp * gradcam
            guided = product * 2.0 ** -leading_exponent(float(product.abs().max()))
            for method, r in (("InputXGradient", ixg), ("IntegratedGradients", ig),
                              ("IntegratedGradientsBaseline", ig_b), ("SmoothGrad", sg),
                              ("GradCam", gradcam), ("GuidedGradCam", guided)):
                np.save(os.path.join(out_dir, f"relevance_{k}.{method}.npy"), r[0].numpy().astype(np.float32))
            gap = np.array([float(ig.sum()), float(logits[target] - f0[target])], dtype=np.float32)
            np.save(os.path.join(out_dir, f"ig_gap_{k}.npy"), gap)
            np.save(os.path.join(out_dir, f"ig_baseline_gap_{k}.npy"),
                    np.array([float(ig_b.sum()), float(logits[target] - fb[target])], dtype=np.float32))
            print(f"{name} image {k} target {target}: sum IG {gap[0]:.6g}, F(x) - F(0) {gap[1]:.6g}, "
                  f"completeness gap {abs(gap[0] - gap[1]) / abs(gap[1]):.3%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
