"""PyTorch's learning-rate schedulers as the oracle for frontend/Schedule.h.

For each case, runs torch's scheduler on a one-parameter SGD optimizer and
writes test/fixtures/schedules/<case>.npy: a float64 vector whose element k is
optimizer.param_groups[0]['lr'] after k calls of scheduler.step() (element 0:
right after construction), for k = 0 .. STEPS-1. These are torch's actual
(recursive) values, not its closed forms. test/unit/compiler/ScheduleTest.cpp
builds the same schedule from its dlc spec string (the comment on each case)
and compares every step.

Run with Debian's python3-torch:
    /usr/bin/python3 test/oracle/schedules.py
"""
import math
import os
import shutil
import warnings

import numpy as np
import torch
from torch.optim import lr_scheduler as S

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "schedules")
STEPS = 30


def trace(base_lr, make, steps=STEPS):
    p = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([p], lr=base_lr)
    sched = make(opt)
    lrs = [opt.param_groups[0]["lr"]]
    for _ in range(steps - 1):
        opt.step()
        sched.step()
        lrs.append(opt.param_groups[0]["lr"])
    return np.array(lrs, dtype=np.float64)


def noam(d_model, warmup):
    # The Annotated Transformer's rate(): step 0 counts as step 1.
    def rate(step):
        step = max(step, 1)
        return d_model ** -0.5 * min(step ** -0.5, step * warmup ** -1.5)
    return rate


CASES = {
    # name: (base lr, dlc spec, scheduler factory[, steps])
    "step": (0.1, "step:7,0.5", lambda o: S.StepLR(o, step_size=7, gamma=0.5)),
    "step_default_gamma": (0.9, "step:3", lambda o: S.StepLR(o, step_size=3)),
    "multistep": (0.1, "multistep:5+12+20,0.3",
                  lambda o: S.MultiStepLR(o, milestones=[5, 12, 20], gamma=0.3)),
    # Unsorted, repeated milestones: torch counts a repeated milestone twice.
    "multistep_repeated": (1.0, "multistep:9+4+9,0.5",
                           lambda o: S.MultiStepLR(o, milestones=[9, 4, 9], gamma=0.5)),
    # T_max < STEPS: past T_max torch's cosine rises again (period 2*T_max).
    "cosine": (0.1, "cosine:10", lambda o: S.CosineAnnealingLR(o, T_max=10)),
    "cosine_eta_min": (0.5, "cosine:7,0.01",
                       lambda o: S.CosineAnnealingLR(o, T_max=7, eta_min=0.01)),
    "cosine_long": (0.05, "cosine:25,0.001",
                    lambda o: S.CosineAnnealingLR(o, T_max=25, eta_min=0.001), 120),
    "linear": (0.2, "linear:0.25,1.0,8",
               lambda o: S.LinearLR(o, start_factor=0.25, end_factor=1.0, total_iters=8)),
    "linear_decay": (0.2, "linear:1.0,0.1,12",
                     lambda o: S.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=12)),
    "warmup": (0.3, "warmup:5", lambda o: S.LinearLR(o, total_iters=5)),
    "warmup_factor": (0.3, "warmup:6,0.1",
                      lambda o: S.LinearLR(o, start_factor=0.1, total_iters=6)),
    "warmup_then_cosine": (0.1, "warmup:5,0.1/cosine:20",
                           lambda o: S.SequentialLR(o, [
                               S.LinearLR(o, start_factor=0.1, total_iters=5),
                               S.CosineAnnealingLR(o, T_max=20)], milestones=[5])),
    "step_then_cosine": (0.1, "step:4,0.5@10/cosine:8,0.01",
                         lambda o: S.SequentialLR(o, [
                             S.StepLR(o, step_size=4, gamma=0.5),
                             S.CosineAnnealingLR(o, T_max=8, eta_min=0.01)], milestones=[10])),
    "noam": (1.0, "noam:512,10", lambda o: S.LambdaLR(o, noam(512, 10))),
    "noam_factor": (2.0, "noam:64,4", lambda o: S.LambdaLR(o, noam(64, 4))),
}


def main():
    shutil.rmtree(ROOT, ignore_errors=True)
    os.makedirs(ROOT)
    warnings.simplefilter("ignore")  # SequentialLR's step(0) deprecation warning
    specs = []
    for name, case in CASES.items():
        base, spec, make = case[:3]
        steps = case[3] if len(case) > 3 else STEPS
        np.save(os.path.join(ROOT, name + ".npy"), trace(base, make, steps))
        specs.append(f"{name} {base!r} {spec}")
    with open(os.path.join(ROOT, "cases.txt"), "w") as f:
        f.write("# case base_lr dlc_spec (written by test/oracle/schedules.py)\n")
        f.write("\n".join(specs) + "\n")


if __name__ == "__main__":
    main()
