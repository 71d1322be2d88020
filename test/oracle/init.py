"""torch.nn.init as the oracle for frontend/nn/Init.h.

dlc draws from its own generator, so the values of a draw cannot match
torch's; what must match are the numbers that define the distribution: the
gains, the fans, the uniform bounds and the normal standard deviations. This
script reads them out of torch's *actual draws*, not out of torch's formulas:
a uniform init fills w = -B + 2B·u and a normal init w = std·z, where u and z
are what torch.rand / torch.randn give after the same manual_seed, so B and
std follow from w and u (z) element by element (the script checks that every
element gives the same number). The same is done for nn.Linear's and
nn.Conv2d's default reset_parameters(), weight and bias.

Writes test/fixtures/init/cases.txt, one line per case:
    gain NONLINEARITY PARAM|- VALUE
    fans SHAPE FAN_IN FAN_OUT
    FUNCTION SHAPE ARGS... VALUE       (uniform: the bound B; normal: std)
    default LAYER SHAPE weight_bound bias_bound
with SHAPE as comma-separated sizes. test/unit/compiler/InitTest.cpp reads it.

Run with Debian's python3-torch:
    /usr/bin/python3 test/oracle/init.py
"""
import math
import os

import torch
from torch.nn import init

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "init")
SHAPES = [(10, 20), (300, 7), (64, 3, 5, 5), (16, 6, 5, 5), (8, 4, 3), (2, 3, 2, 2, 2)]


def same_for_every_element(ratio, what):
    lo, hi = ratio.min().item(), ratio.max().item()
    assert hi - lo <= 1e-12 * abs(hi), (what, lo, hi)
    return ratio.median().item()


def uniform_bound(w, u, what):
    # w = -B + 2B·u  =>  B = w / (2u - 1); skip u near 1/2 (ill-conditioned).
    s = 2 * u - 1
    keep = s.abs() > 0.1
    return same_for_every_element(w[keep] / s[keep], what)


def normal_std(w, z, what):
    keep = z.abs() > 0.1
    return same_for_every_element(w[keep] / z[keep], what)


def drawn(shape, fn):
    """fn's draw into a float64 tensor, and the unit draws of the same seed."""
    t = torch.empty(shape, dtype=torch.float64)
    torch.manual_seed(1234)
    fn(t)
    torch.manual_seed(1234)
    u = torch.rand(shape, dtype=torch.float64)
    torch.manual_seed(1234)
    z = torch.randn(shape, dtype=torch.float64)
    return t, u, z


def fmt(shape):
    return ",".join(str(s) for s in shape)


def main():
    os.makedirs(ROOT, exist_ok=True)
    lines = ["# written by test/oracle/init.py (torch " + torch.__version__ + ")"]
    for nl, param in [("linear", None), ("conv2d", None), ("conv_transpose3d", None),
                      ("sigmoid", None), ("tanh", None), ("relu", None), ("leaky_relu", None),
                      ("leaky_relu", 0.2), ("leaky_relu", math.sqrt(5)), ("leaky_relu", 0),
                      ("selu", None)]:
        g = init.calculate_gain(nl, param)
        lines.append(f"gain {nl} {'-' if param is None else repr(float(param))} {float(g)!r}")
    for shape in SHAPES:
        fi, fo = init._calculate_fan_in_and_fan_out(torch.empty(shape))
        lines.append(f"fans {fmt(shape)} {fi} {fo}")

    for shape in SHAPES:
        for gain in [1.0, 2.5]:
            w, u, z = drawn(shape, lambda t: init.xavier_uniform_(t, gain=gain))
            lines.append(f"xavier_uniform {fmt(shape)} {gain!r} "
                         f"{uniform_bound(w, u, 'xavier_uniform')!r}")
            w, u, z = drawn(shape, lambda t: init.xavier_normal_(t, gain=gain))
            lines.append(f"xavier_normal {fmt(shape)} {gain!r} {normal_std(w, z, 'xavier_normal')!r}")
        for a, mode, nl in [(0.0, "fan_in", "leaky_relu"), (math.sqrt(5), "fan_in", "leaky_relu"),
                            (0.0, "fan_out", "relu"), (0.1, "fan_out", "leaky_relu"),
                            (0.0, "fan_in", "tanh")]:
            w, u, z = drawn(shape, lambda t: init.kaiming_uniform_(t, a=a, mode=mode, nonlinearity=nl))
            lines.append(f"kaiming_uniform {fmt(shape)} {a!r} {mode} {nl} "
                         f"{uniform_bound(w, u, 'kaiming_uniform')!r}")
            w, u, z = drawn(shape, lambda t: init.kaiming_normal_(t, a=a, mode=mode, nonlinearity=nl))
            lines.append(f"kaiming_normal {fmt(shape)} {a!r} {mode} {nl} "
                         f"{normal_std(w, z, 'kaiming_normal')!r}")

    # PyTorch's default initialisation of its layers: weight first, then bias.
    layers = [("linear", (784, 256), lambda: torch.nn.Linear(784, 256, dtype=torch.float64)),
              ("linear", (120, 84), lambda: torch.nn.Linear(120, 84, dtype=torch.float64)),
              ("conv2d", (1, 6, 5), lambda: torch.nn.Conv2d(1, 6, 5, dtype=torch.float64)),
              ("conv2d", (6, 16, 3), lambda: torch.nn.Conv2d(6, 16, 3, dtype=torch.float64))]
    for kind, args, make in layers:
        torch.manual_seed(99)
        layer = make()
        torch.manual_seed(99)
        uw = torch.rand(layer.weight.shape, dtype=torch.float64)
        ub = torch.rand(layer.bias.shape, dtype=torch.float64)
        wb = uniform_bound(layer.weight.detach(), uw, kind + " weight")
        bb = uniform_bound(layer.bias.detach(), ub, kind + " bias")
        lines.append(f"default {kind} {fmt(args)} {wb!r} {bb!r}")

    with open(os.path.join(ROOT, "cases.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
