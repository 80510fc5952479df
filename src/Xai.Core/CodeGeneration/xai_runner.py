#!/usr/bin/env python3
# Board-side runner of an Xai build (written by the SDK's CSim/Bitstream stages; do not edit).
#
# Runs on the board (PYNQ images run Python 3 as root in /usr/local/share/pynq-venv) or, with
# --backend csim, anywhere the build's C-simulation program runs. Everything it needs is in this
# folder: xai_runner.json (sizes, number formats, and the s_axilite register offsets the SDK read
# from the HLS driver header x<top>_hw.h), the weight images, xai_csim and the reference record.
#
#   xai_runner.py load <bit>                        program the PL (PYNQ Overlay), report fpga_manager state
#   xai_runner.py benchmark --backend fpga|csim --method M --iterations N --warmup W [--bit B]
#   xai_runner.py attribute --backend fpga|csim --method M --inputs F --count K [--bit B]
#
# Output: exactly one JSON document (schema "xai-runner/1") on stdout; diagnostics on stderr.
# Exit 0 with "ok": true, 1 with "ok": false and "error". Times are milliseconds from
# time.perf_counter (monotonic). A csim time is the simulation program's, never a board latency.
# XAI_BOARD_ROOT (empty on a real board) prefixes /sys and /lib paths on a loopback stand-in.
import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

SCHEMA = "xai-runner/1"
HERE = os.path.dirname(os.path.abspath(__file__))
BOARD_ROOT = os.environ.get("XAI_BOARD_ROOT", "")
AP_START, AP_DONE, AP_IDLE = 0x1, 0x2, 0x4


class RunnerError(Exception):
    pass


def config():
    with open(os.path.join(HERE, "xai_runner.json")) as f:
        return json.load(f)


def stand_in():
    return bool(BOARD_ROOT) and os.path.isfile(os.path.join(BOARD_ROOT, "xai-standin.json"))


def fpga_state():
    path = BOARD_ROOT + "/sys/class/fpga_manager/fpga0/state"
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError as e:
        return "unreadable: %s" % e


def numerics_of(cfg, method):
    n = cfg["numerics"].get(method)
    if n is None:
        raise RunnerError("method %r is not one of this build's methods (%s)" % (method, ", ".join(cfg["methods"])))
    return n


# ---- fixed point, exactly as ap_fixed<W,I> assignment from double (see NumberFormat.QuantizeToRaw) ----
def storage_dtype(np, width):
    for bits, dt in ((8, np.int8), (16, np.int16), (32, np.int32), (64, np.int64)):
        if width <= bits:
            return dt
    raise RunnerError("no storage type for %d-bit values" % width)


def quantize(np, values, fmt, exponent):
    frac = fmt["width"] - fmt["integerBits"]
    scaled = np.floor(values.astype(np.float64) * 2.0 ** (exponent + frac) + (0.5 if fmt["round"] else 0.0))
    lo, hi = -(2 ** (fmt["width"] - 1)), 2 ** (fmt["width"] - 1) - 1
    if fmt["saturate"]:
        raw = np.clip(scaled, lo, hi).astype(np.int64)
    else:
        raw = ((scaled.astype(np.int64) - lo) % (2 ** fmt["width"])) + lo
    return raw.astype(storage_dtype(np, fmt["width"]))


def dequantize(np, raw, fmt, exponent):
    width = fmt["width"]
    v = raw.astype(np.int64) & ((1 << width) - 1)
    v = np.where(v >= (1 << (width - 1)), v - (1 << width), v)
    # Exact in double (at most 64-bit integers times a power of two), then rounded once to float32 as the C simulation does.
    return (v.astype(np.float64) * 2.0 ** (-(width - fmt["integerBits"]) - exponent)).astype(np.float32)


# ---- the FPGA backend: PYNQ overlay, buffers, ap_start / ap_done ----
class Accelerator:
    def __init__(self, np, cfg, top, bit, method):
        import pynq

        self.np, self.cfg, self.top, self.n = np, cfg, top, numerics_of(cfg, method)
        overlay = pynq.Overlay(bit, download=False)
        matches = [name for name, ip in overlay.ip_dict.items() if (":%s:" % top["name"]) in ip.get("type", "")]
        if not matches:
            raise RunnerError("the loaded overlay has no %s IP (ip_dict: %s)" % (top["name"], ", ".join(sorted(overlay.ip_dict))))
        self.ip = getattr(overlay, matches[0])
        self.clock_mhz = float(pynq.Clocks.fclk0_mhz)
        act, grad = self.n["activation"], self.n["gradient"]
        # pass_input, sums: the multi-pass methods' pass input and running sums when the top keeps them in DRAM
        # (XaiPassSums OffChip); never read here. A sum is a power-of-two word at least the accumulator's width.
        sizes = {"image": cfg["inputSize"], "weights": cfg["weightImageSize"], "act": cfg["actArenaSize"],
                 "grad": cfg["gradArenaSize"], "relevance": cfg["inputSize"], "logits": cfg["classes"],
                 "pass_input": cfg["inputSize"], "sums": cfg["inputSize"]}
        types = {"image": act, "weights": self.n["weight"], "act": act, "grad": grad, "relevance": grad, "logits": act,
                 "pass_input": act, "sums": self.n.get("gradientAccumulator", {"width": 64})}
        self.buffers = {}
        for port in top["ports"]:
            # A port may read another's buffer: the packed dense weight port reads the weight image.
            name = port.get("buffer", port["name"])
            if name not in self.buffers:
                self.buffers[name] = pynq.allocate(shape=(sizes[name],), dtype=storage_dtype(np, types[name]["width"]))
            address = int(self.buffers[name].device_address)
            self.ip.write(port["offset"], address & 0xFFFFFFFF)
            if port["bits"] > 32:
                self.ip.write(port["offset"] + 4, address >> 32)
        weights = np.fromfile(os.path.join(HERE, self.n["weightImage"]), dtype="<i2")
        if weights.size != sizes["weights"]:
            raise RunnerError("%s holds %d weights; the accelerator reads %d" % (self.n["weightImage"], weights.size, sizes["weights"]))
        self.buffers["weights"][:] = weights
        self.buffers["weights"].flush()
        if top.get("target") is not None:
            self.ip.write(top["target"], cfg["target"] & 0xFFFFFFFF)

    def run(self, image, timeout_s=None):
        np, n, ip, ctrl = self.np, self.n, self.ip, self.top["control"]
        if timeout_s is None:
            timeout_s = 10.0 * n.get("passes", 1)  # Integrated Gradients and SmoothGrad run many passes per call
        t0 = time.perf_counter()
        self.buffers["image"][:] = quantize(np, image, n["activation"], n["inputExponent"])
        self.buffers["image"].flush()
        t1 = time.perf_counter()
        # A run killed part-way (Ctrl-C) may leave the accelerator busy: wait for ap_idle first.
        while not (ip.read(ctrl) & AP_IDLE):
            if time.perf_counter() - t1 > timeout_s:
                raise RunnerError("the accelerator is not idle (ap_idle never set within %.0f s)" % timeout_s)
        t1 = time.perf_counter()
        ip.write(ctrl, AP_START)
        while not (ip.read(ctrl) & AP_DONE):
            if time.perf_counter() - t1 > timeout_s:
                raise RunnerError("ap_done not seen within %.0f s of ap_start" % timeout_s)
        t2 = time.perf_counter()
        cls = ip.read(self.top["return"])
        cls = cls - (1 << 32) if cls >= (1 << 31) else cls
        logits_buf = self.buffers["logits"]
        logits_buf.invalidate()
        logits = dequantize(np, np.array(logits_buf), n["activation"], n["logitExponent"])
        relevance = None
        if "relevance" in self.buffers:
            self.buffers["relevance"].invalidate()
            relevance = dequantize(np, np.array(self.buffers["relevance"]), n["gradient"], n["relevanceExponent"])
        t3 = time.perf_counter()
        return (t1 - t0, t2 - t1, t3 - t2), (cls, logits, relevance)


# ---- the csim backend: the build's C-simulation program on this CPU ----
def csim_run(np, cfg, method, images):
    """Runs xai_csim on a batch; returns per-phase seconds and, per image, the planned profile's (class, logits, relevance)."""
    methods = cfg["methods"]
    numerics_of(cfg, method)
    m, classes, size = methods.index(method), cfg["classes"], cfg["inputSize"]
    with tempfile.TemporaryDirectory(prefix="xai-csim-") as tmp:
        inputs, out = os.path.join(tmp, "inputs.f32"), os.path.join(tmp, "out.bin")
        t0 = time.perf_counter()
        np.asarray(images, dtype="<f4").tofile(inputs)
        t1 = time.perf_counter()
        proc = subprocess.run([os.path.join(HERE, cfg["csim"]["program"]), "run", os.path.join(HERE, cfg["csim"]["weights"]),
                               inputs, str(len(images)), str(cfg["target"]), out], capture_output=True, text=True)
        t2 = time.perf_counter()
        if proc.returncode != 0:
            raise RunnerError("the C-simulation program failed (exit %d): %s" % (proc.returncode, proc.stderr.strip()))
        data = np.fromfile(out, dtype=np.uint8)
        t3 = time.perf_counter()
    record = 4 + 4 * classes + 4 * size
    per_image = 3 * len(methods) * record
    results = []
    for k in range(len(images)):
        start = k * per_image + (1 * len(methods) + m) * record  # profile 1 = planned
        rec = data[start:start + record]
        results.append((int(rec[:4].view("<i4")[0]), rec[4:4 + 4 * classes].view("<f4").copy(), rec[4 + 4 * classes:].view("<f4").copy()))
    return (t1 - t0, t2 - t1, t3 - t2), results


def floats(values):
    return None if values is None else [float(v) for v in values]


def command_load(args, cfg):
    import pynq

    bit = os.path.abspath(args.bit)
    if not os.path.isfile(os.path.splitext(bit)[0] + ".hwh"):
        raise RunnerError("%s has no .hwh beside it (PYNQ's Overlay needs it)" % bit)
    t0 = time.perf_counter()
    pynq.Overlay(bit)
    return {"bit": os.path.basename(bit), "state": fpga_state(), "loadMs": (time.perf_counter() - t0) * 1000.0}


def tops_for(cfg, variants):
    fpga = cfg.get("fpga")
    if not fpga:
        raise RunnerError("this build has no FPGA register map (%s): run the Bitstream stage, or use --backend csim" % cfg.get("fpgaUnavailable", "no driver header"))
    return [t for t in fpga["tops"] if t["variant"] in variants]


def command_benchmark(args, cfg):
    import numpy as np

    reference = np.fromfile(os.path.join(HERE, cfg["reference"]["input"]), dtype="<f4")[: cfg["inputSize"]]
    runs, unavailable, clock = [], [], None
    if args.backend == "csim":
        unavailable.append({"variant": "FP", "reason": "the C-simulation program always runs FP then BP"})
        run = lambda: (lambda p, r: (p, r[0]))(*csim_run(np, cfg, args.method, [reference]))
        runs.append(("FP+BP", run))
    else:
        tops = {t["variant"]: t for t in tops_for(cfg, ("FP", "FP+BP"))}
        if "FP" not in tops:
            unavailable.append({"variant": "FP", "reason": "the bitstream holds only the FP+BP top (no xai_top_fp driver header)"})
        for variant in ("FP", "FP+BP"):
            if variant in tops:
                acc = Accelerator(np, cfg, tops[variant], args.bit, args.method)
                clock = acc.clock_mhz
                runs.append((variant, (lambda a: lambda: a.run(reference))(acc)))
    variants, output = [], None
    for variant, run in runs:
        for _ in range(args.warmup):
            run()
        samples = {"hostToDevice": [], "accelerator": [], "deviceToHost": [], "total": []}
        for _ in range(args.iterations):
            (h2d, acc_s, d2h), result = run()
            for key, s in (("hostToDevice", h2d), ("accelerator", acc_s), ("deviceToHost", d2h), ("total", h2d + acc_s + d2h)):
                samples[key].append(s * 1000.0)
        variants.append({"variant": variant, "iterations": args.iterations, "warmup": args.warmup, "samplesMs": samples})
        if variant == "FP+BP":
            output = {"class": result[0], "logits": floats(result[1]), "relevance": floats(result[2])}
    return {"method": args.method, "clockMHz": clock, "variants": variants, "unavailable": unavailable, "output": output}


def command_attribute(args, cfg):
    import numpy as np

    images = np.fromfile(args.inputs, dtype="<f4")
    if images.size != args.count * cfg["inputSize"]:
        raise RunnerError("%s holds %d values, not %d images of %d" % (args.inputs, images.size, args.count, cfg["inputSize"]))
    images = images.reshape(args.count, cfg["inputSize"])
    if args.backend == "csim":
        _, results = csim_run(np, cfg, args.method, list(images))
    else:
        acc = Accelerator(np, cfg, tops_for(cfg, ("FP+BP",))[0], args.bit, args.method)
        results = [acc.run(image)[1] for image in images]
    return {"method": args.method, "images": [{"class": c, "logits": floats(l), "relevance": floats(r)} for c, l, r in results]}


def main(argv):
    parser = argparse.ArgumentParser(prog="xai_runner.py", description="Xai board-side runner")
    sub = parser.add_subparsers(dest="command", required=True)
    load = sub.add_parser("load")
    load.add_argument("bit")
    for name in ("benchmark", "attribute"):
        p = sub.add_parser(name)
        p.add_argument("--backend", choices=("fpga", "csim"), required=True)
        p.add_argument("--method", default=None)
        p.add_argument("--bit", default=None)
        if name == "benchmark":
            p.add_argument("--iterations", type=int, default=100)
            p.add_argument("--warmup", type=int, default=10)
        else:
            p.add_argument("--inputs", required=True)
            p.add_argument("--count", type=int, required=True)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    cfg = config()
    result = {"schema": SCHEMA, "command": args.command, "board": cfg["board"], "standIn": stand_in()}
    try:
        if args.command != "load":
            result["backend"] = args.backend
            args.method = args.method or cfg.get("hardwareMethod") or cfg["methods"][0]
            if args.backend == "fpga" and not args.bit:
                raise RunnerError("--backend fpga needs --bit (the loaded overlay's .bit)")
        body = {"load": command_load, "benchmark": command_benchmark, "attribute": command_attribute}[args.command](args, cfg)
        result.update(body)
        result["ok"] = True
    except RunnerError as e:
        result.update({"ok": False, "error": str(e)})
    sys.stdout.write(json.dumps(result) + "\n")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
