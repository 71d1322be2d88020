#!/usr/bin/python3
"""PyTorch's side of dlc's checkpoints: writes test/fixtures/state_dict/.

  lenet.safetensors  torch's state_dict of d2l's LeNet (the network of
                     frontend/zoo/Zoo.cpp lenet(): the same nn.Sequential, so
                     the keys are "0.weight", "0.bias", "3.weight", ...),
                     PyTorch's default initialisation from seed 1, metadata
                     {"format": "pt"} as transformers writes it
  x.npy              a 4x1x28x28 input batch (pixels in [0, 1))
  logits.npy         torch's logits for x, computed in float64 from the
                     float32 weights and stored as float32 (the reference
                     carries no float32 rounding of its own)
  dtypes.safetensors one tensor of every dtype dlc reads (F32 F64 BF16 I64
                     I32 I8 BOOL), a scalar, an empty tensor and metadata with
                     escapes and non-ASCII text; the values are formulas
                     test/unit/runtime/SafetensorsTest.cpp recomputes
  u8.safetensors     a U8 tensor (dlc has no unsigned element type: an error)

Debian has no python3-safetensors; the format is written by hand
(test/oracle/safetensors_format.py) the way the reference library lays it out.
The C++ tests need neither PyTorch nor NumPy.

Run with Debian's python3-torch:  /usr/bin/python3 test/oracle/state_dict.py
"""
import os
import sys

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "state_dict")
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "bench"))
import safetensors_format  # noqa: E402
from torch_lenet import lenet as d2l_lenet  # noqa: E402  (the benchmark's LeNet, defined once)

BATCH = 4


def lenet():
    return d2l_lenet(nn)


def write(name, blob):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(blob)


def bf16_bits(values):
    """torch's round-to-nearest-even bfloat16 of float32 values, as uint16 bits."""
    t = torch.tensor(values, dtype=torch.float32).to(torch.bfloat16)
    return t.view(torch.int16).numpy().view(np.uint16)


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(1)
    net = lenet()
    x = torch.rand(BATCH, 1, 28, 28)
    state = {k: v.numpy() for k, v in net.state_dict().items()}
    write("lenet.safetensors", safetensors_format.dumps(state, {"format": "pt"}))
    np.save(os.path.join(OUT, "x.npy"), x.numpy())
    net64 = lenet().double()
    net64.load_state_dict({k: v.double() for k, v in net.state_dict().items()})
    with torch.no_grad():
        logits = net64(x.double())
    np.save(os.path.join(OUT, "logits.npy"), logits.numpy().astype(np.float32))

    dtypes = {
        "f32": (np.arange(6, dtype=np.float32) * 0.5 - 1).reshape(2, 3),  # i/2 - 1
        "f64": np.arange(3, dtype=np.float64) / 3,                         # i/3
        "bf16": bf16_bits([1.0, -2.5, 3.14159, 1e-3]),                    # torch's rounding
        "i64": np.array([-(2 ** 40), 0, 2 ** 40 + 1], dtype=np.int64),
        "i32": np.array([[-7, 0], [7, 2 ** 31 - 1]], dtype=np.int32),
        "i8": np.array([-128, -1, 0, 127], dtype=np.int8),
        "bool": np.array([True, False, True], dtype=np.bool_),
        "scalar": np.array(2.5, dtype=np.float32),                         # shape []
        "empty": np.zeros((0, 3), dtype=np.float32),
    }
    write("dtypes.safetensors", safetensors_format.dumps(
        dtypes, {"format": "pt", "note": 'naïve "quoted"\n\ttabbed'}))
    write("u8.safetensors", safetensors_format.dumps({"pixels": np.arange(4, dtype=np.uint8)}))

    # The hand-written format must read back as written.
    for name, want in [("dtypes.safetensors", dtypes)]:
        got, _ = safetensors_format.loads(open(os.path.join(OUT, name), "rb").read())
        for k, v in want.items():
            assert got[k].shape == v.shape and got[k].tobytes() == v.tobytes(), k
    print(f"wrote {os.path.normpath(OUT)}: logits[0] {logits[0, :3].numpy()}")


if __name__ == "__main__":
    main()
