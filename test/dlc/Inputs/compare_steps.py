#!/usr/bin/env python3
"""Checks that the per-step losses of a run split into parts (an interrupted
run, then its resumption) equal an uninterrupted run's, bit for bit.

usage: compare_steps.py STRAIGHT.jsonl PART.jsonl [PART.jsonl ...]
Reads the step records ({"step": k, "loss": x}) of each metrics file; the
parts' steps must be disjoint and together cover the straight run's steps.
"""
import json
import sys


def steps(path):
    out = {}
    with open(path) as f:
        for line in f:
            rec = json.loads(line)
            if "step" in rec:
                out[rec["step"]] = rec["loss"]
    return out


straight = steps(sys.argv[1])
joined = {}
for part in sys.argv[2:]:
    for k, v in steps(part).items():
        if k in joined:
            sys.exit(f"step {k} appears in two parts")
        joined[k] = v
if sorted(joined) != sorted(straight):
    sys.exit(f"steps differ: straight {sorted(straight)}, parts {sorted(joined)}")
diff = [k for k in sorted(straight) if straight[k] != joined[k]]
if diff:
    k = diff[0]
    sys.exit(f"{len(diff)} of {len(straight)} losses differ; first at step {k}: "
             f"{straight[k]!r} vs {joined[k]!r}")
print(f"{len(straight)} steps identical")
