"""A fake `pynq` package for tests (written for this repository; not Xilinx's code).

It honours the parts of the PYNQ API the Xai board-side runner uses, so the runner's FPGA path
runs without a board:
  - Overlay(bit, download=True): needs <stem>.hwh beside the .bit (as PYNQ does); when
    downloading, writes what PYNQ's embedded device writes, under $XAI_BOARD_ROOT:
    lib/firmware/<stem>.bin and sys/class/fpga_manager/fpga0/{flags,firmware,state}; ip_dict
    from the .hwh's MODULE elements; attribute access to an IP gives its register file.
  - allocate(shape, dtype): an ndarray with device_address, flush() (host -> "device" copy) and
    invalidate() (device -> host copy), so a runner that forgets either sees stale data.
  - The register file honours ap_start / ap_done (clear on read) / ap_idle at offset 0x00.
    On ap_start it runs a fake accelerator: relevance := image (raw), logits := a fixed pattern,
    return := argmax(logits); the argument registers are named by $XAI_FAKE_PYNQ_REGISTERS
    (JSON {"image": off, "relevance": off, "logits": off, "return": off}, and optionally
    "pass_input" and "sums", the off-chip multi-pass buffers: each must hold an allocated buffer of
    at least the image's element count, and gets zeros, as scratch the accelerator overwrites).
  - Clocks.fclk0_mhz: from the .hwh's PCW_FPGA0_PERIPHERAL_FREQMHZ, else 100.
"""
import json
import os
import xml.etree.ElementTree as ET

import numpy as np

_ROOT = os.environ.get("XAI_BOARD_ROOT", "")
_buffers = {}
_next_address = [0x16000000]


class Clocks:
    fclk0_mhz = 100.0


class PynqBuffer(np.ndarray):
    def flush(self):
        _buffers[self.device_address]["device"][:] = np.asarray(self)

    def invalidate(self):
        np.asarray(self)[:] = _buffers[self.device_address]["device"]


def allocate(shape, dtype="u4", **_):
    host = np.zeros(shape, dtype=dtype)
    buf = host.view(PynqBuffer)
    buf.device_address = _next_address[0]
    _next_address[0] += (host.nbytes + 0xFFF) & ~0xFFF
    _buffers[buf.device_address] = {"device": np.zeros(shape, dtype=dtype), "host": buf}
    return buf


class _RegisterFile:
    LATENCY_READS = 3

    def __init__(self):
        self.regs = {0x00: 0x4}  # ap_idle
        self.countdown = 0
        names = os.environ.get("XAI_FAKE_PYNQ_REGISTERS")
        self.names = json.loads(names) if names else {}

    def write(self, offset, value):
        if offset == 0x00:
            if value & 0x1 and self.regs[0] & 0x4:
                self.regs[0] = (self.regs[0] | 0x1) & ~0x4
                self.countdown = self.LATENCY_READS
            return
        self.regs[offset] = value & 0xFFFFFFFF

    def read(self, offset):
        if offset != 0x00:
            return self.regs.get(offset, 0)
        if self.regs[0] & 0x1:
            self.countdown -= 1
            if self.countdown <= 0:
                self._compute()
                self.regs[0] = (self.regs[0] & ~0x1) | 0x2 | 0x4
        value = self.regs[0]
        self.regs[0] &= ~0x2  # ap_done is clear-on-read
        return value

    def _device(self, name):
        off = self.names[name]
        address = self.regs.get(off, 0) | (self.regs.get(off + 4, 0) << 32)
        if address not in _buffers:
            raise RuntimeError("fake pynq: register %#x (%s) holds %#x, which is no allocated buffer" % (off, name, address))
        return _buffers[address]["device"]

    def _compute(self):
        if not self.names:
            return
        image = self._device("image")
        logits = self._device("logits")
        logits[:] = (np.arange(logits.size) * 37 % 11 - 5) * 64
        if "relevance" in self.names:
            relevance = self._device("relevance")
            relevance[:] = image.astype(relevance.dtype)
        for scratch in ("pass_input", "sums"):
            if scratch in self.names:
                buf = self._device(scratch)
                if buf.size < image.size:
                    raise RuntimeError("fake pynq: %s holds %d elements; the top needs %d" % (scratch, buf.size, image.size))
                buf[:] = 0
        self.regs[self.names["return"]] = int(np.argmax(logits))


class DefaultIP:
    def __init__(self):
        self._regs = _RegisterFile()

    def write(self, offset, value):
        self._regs.write(offset, value)

    def read(self, offset):
        return self._regs.read(offset)


def _write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


class Overlay:
    def __init__(self, bitfile_name, download=True, **_):
        bit = os.path.abspath(bitfile_name)
        hwh = os.path.splitext(bit)[0] + ".hwh"
        if not os.path.isfile(hwh):
            raise ValueError("Unable to find metadata for bitstream %s" % bit)
        root = ET.parse(hwh).getroot()
        self.ip_dict = {}
        for module in root.iter("MODULE"):
            if module.get("MODCLASS") == "PROCESSOR":
                continue
            self.ip_dict[module.get("INSTANCE")] = {"type": module.get("VLNV", ""), "fullpath": module.get("FULLNAME", "")}
        for param in root.iter("PARAMETER"):
            if param.get("NAME") == "PCW_FPGA0_PERIPHERAL_FREQMHZ":
                Clocks.fclk0_mhz = float(param.get("VALUE"))
        self._ips = {}
        if download:
            stem = os.path.splitext(os.path.basename(bit))[0]
            firmware = _ROOT + "/lib/firmware/" + stem + ".bin"
            os.makedirs(os.path.dirname(firmware), exist_ok=True)
            with open(bit, "rb") as src, open(firmware, "wb") as dst:
                dst.write(src.read())
            manager = _ROOT + "/sys/class/fpga_manager/fpga0/"
            _write(manager + "flags", "0\n")
            _write(manager + "firmware", stem + ".bin\n")
            _write(manager + "state", "operating\n")

    def __getattr__(self, name):
        if name.startswith("_") or name not in self.__dict__.get("ip_dict", {}):
            raise AttributeError(name)
        return self._ips.setdefault(name, DefaultIP())
