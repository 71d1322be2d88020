#!/usr/bin/python3
"""Checks a `dlc train --metrics` file: usage: check_metrics.py FILE LINES LOSS

Every line must parse as strict JSON (Python's json with NaN and Infinity
rejected) and hold epoch, loss, train_acc, test_loss, test_acc, examples_per_sec and
seconds and lr (step records, {"step": ...}, are skipped);
LOSS says whether the losses are numbers or null. Prints the epochs.
"""
import json
import sys


def reject(token):
    raise ValueError(f"not JSON: {token}")


path, lines, loss = sys.argv[1], int(sys.argv[2]), sys.argv[3]
epochs = []
with open(path, encoding="utf-8") as f:
    text = f.read()
assert text.endswith("\n"), "the last line is incomplete"
for line in text.splitlines():
    m = json.loads(line, parse_constant=reject)
    if "step" in m:
        continue
    assert set(m) == {"epoch", "loss", "train_acc", "test_loss", "test_acc",
                      "examples_per_sec", "seconds", "lr"}, m
    if loss == "null":
        assert m["loss"] is None, m
    else:
        assert isinstance(m["loss"], float) and m["loss"] > 0, m
    for key in ("train_acc", "test_acc"):
        assert 0 <= m[key] <= 1, m
    epochs.append(m["epoch"])
assert len(epochs) == lines, f"expected {lines} lines, found {len(epochs)}"
print(f"{len(epochs)} lines: epochs {epochs}")
