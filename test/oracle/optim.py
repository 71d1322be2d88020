"""PyTorch as the oracle for dlc's optimizers and gradient clipping.

Writes test/fixtures/optim/<case>/ for test/unit/compiler/OptimizerTest.cpp.
Each case trains two parameters, "0.weight" (3x4) and "0.bias" (3), for ten
steps with given gradients (torch.optim, single-tensor path, float64; every
input is exactly representable in float32). Files, all .npy float64:

    <param>.init.npy          the parameter before the first step
    <param>.grad.npy          the gradient fed at each step, stacked (10, ...)
    <param>.npy               torch's parameter after each step, stacked
    <param>.<state key>.npy   torch's optimizer state after each step, stacked
                              ("0.weight.exp_avg"): the names dlc's
                              optimizer_state arguments and results carry
    grad_norm.npy             (clipping cases) clip_grad_norm_'s total norm
    hyperparameters.txt       "name value" lines: torch's param_group numbers
                              under dlc's names (betas as beta1, beta2), plus
                              max_norm when clipping

Run with Debian's python3-torch:  /usr/bin/python3 test/oracle/optim.py
"""
import os
import shutil

import numpy as np
import torch

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "optim")
STEPS = 10
SHAPES = {"0.weight": (3, 4), "0.bias": (3,)}
# Steps whose gradients are scaled up in the clipping cases: ||g|| is then
# about 40 against max_norm 5 (clipped); elsewhere about 4 (not clipped).
LARGE_STEPS = (1, 4, 7)


def f32_exact(t):
    return t.to(torch.float32).double()


def draw(gen, clipping):
    init, grads = {}, {}
    for name, shape in SHAPES.items():
        magnitude = torch.rand(shape, generator=gen, dtype=torch.float64) * 1.5 + 0.5
        sign = torch.where(torch.rand(shape, generator=gen) < 0.5, -1.0, 1.0).double()
        init[name] = f32_exact(magnitude * sign)
        g = torch.randn((STEPS,) + shape, generator=gen, dtype=torch.float64)
        if clipping:
            for k in LARGE_STEPS:
                g[k] *= 10
        grads[name] = f32_exact(g)
    return init, grads


def run(case, make_optimizer, max_norm=None, seed=0):
    gen = torch.Generator().manual_seed(seed)
    init, grads = draw(gen, max_norm is not None)
    params = {n: torch.nn.Parameter(init[n].clone()) for n in SHAPES}
    opt = make_optimizer(list(params.values()))
    group = opt.param_groups[0]
    trajectory = {n: [] for n in SHAPES}
    states = {}
    norms = []
    for k in range(STEPS):
        for n, p in params.items():
            p.grad = grads[n][k].clone()
        if max_norm is not None:
            norms.append(float(torch.nn.utils.clip_grad_norm_(list(params.values()), max_norm)))
        opt.step()
        for n, p in params.items():
            trajectory[n].append(p.detach().clone())
            for key, value in opt.state[p].items():
                if torch.is_tensor(value) and value.shape == p.shape:
                    states.setdefault(f"{n}.{key}", []).append(value.detach().clone())

    d = os.path.join(ROOT, case)
    os.makedirs(d)
    for n in SHAPES:
        np.save(os.path.join(d, f"{n}.init.npy"), init[n].numpy())
        np.save(os.path.join(d, f"{n}.grad.npy"), grads[n].numpy())
        np.save(os.path.join(d, f"{n}.npy"), torch.stack(trajectory[n]).numpy())
    for name, values in states.items():
        np.save(os.path.join(d, f"{name}.npy"), torch.stack(values).numpy())
    if max_norm is not None:
        norms = np.array(norms)
        clipped = norms > max_norm
        assert clipped.any() and not clipped.all(), f"{case}: clipping must hit some steps only"
        np.save(os.path.join(d, "grad_norm.npy"), norms)
    with open(os.path.join(d, "hyperparameters.txt"), "w") as f:
        for key, value in sorted(group.items()):
            if key == "betas":
                f.write(f"beta1 {value[0]!r}\nbeta2 {value[1]!r}\n")
            elif isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool)):
                f.write(f"{key} {float(value)!r}\n")
        if max_norm is not None:
            f.write(f"max_norm {float(max_norm)!r}\n")


def main():
    shutil.rmtree(ROOT, ignore_errors=True)
    os.makedirs(ROOT)
    O = torch.optim
    # foreach=False: the single-tensor path the compiled step follows.
    cases = {
        "sgd": lambda p: O.SGD(p, lr=0.05, foreach=False),
        "sgd_weight_decay": lambda p: O.SGD(p, lr=0.05, weight_decay=0.1, foreach=False),
        "sgd_momentum": lambda p: O.SGD(p, lr=0.02, momentum=0.9, foreach=False),
        "sgd_dampening": lambda p: O.SGD(p, lr=0.02, momentum=0.8, dampening=0.3,
                                         weight_decay=0.05, foreach=False),
        "sgd_nesterov": lambda p: O.SGD(p, lr=0.02, momentum=0.9, nesterov=True,
                                        weight_decay=0.01, foreach=False),
        "adam": lambda p: O.Adam(p, lr=0.01, foreach=False),
        "adam_weight_decay": lambda p: O.Adam(p, lr=0.01, betas=(0.8, 0.99), eps=1e-6,
                                              weight_decay=0.1, foreach=False),
        "adam_amsgrad": lambda p: O.Adam(p, lr=0.01, amsgrad=True, foreach=False),
        "adamw": lambda p: O.AdamW(p, lr=0.01, weight_decay=0.1, foreach=False),
        "adamw_amsgrad": lambda p: O.AdamW(p, lr=0.01, betas=(0.85, 0.995), amsgrad=True,
                                           foreach=False),
        "rmsprop": lambda p: O.RMSprop(p, lr=0.01, foreach=False),
        "rmsprop_momentum": lambda p: O.RMSprop(p, lr=0.005, alpha=0.9, momentum=0.5,
                                                weight_decay=0.05, foreach=False),
        "rmsprop_centered": lambda p: O.RMSprop(p, lr=0.005, eps=1e-6, momentum=0.3,
                                                centered=True, foreach=False),
        "adagrad": lambda p: O.Adagrad(p, lr=0.05, lr_decay=0.1, weight_decay=0.02,
                                       initial_accumulator_value=0.5, foreach=False),
        "adagrad_default": lambda p: O.Adagrad(p, lr=0.05, foreach=False),
    }
    for case, make in cases.items():
        run(case, make)
    run("clip_sgd", lambda p: O.SGD(p, lr=0.01, momentum=0.9, foreach=False), max_norm=5.0)
    run("clip_adam", lambda p: O.Adam(p, lr=0.01, foreach=False), max_norm=5.0)


if __name__ == "__main__":
    main()
