#!/usr/bin/python3
"""Bounded mutation fuzzer for dlc-opt, seeded by the lit tests.

Takes every `test/**/*.mlir` input, splits it at `// -----` (as the lit tests
do), mutates one case at a time (delete / duplicate / swap lines, flip
digits, change element types or dimensions, truncate) and runs `dlc-opt` on
it: first a plain parse, then, if that succeeds, each named pipeline. Any
run that ends by a signal, prints an LLVM fatal error or stack dump, or
exceeds the timeout is a finding: the input, the command and the tail of
stderr are written to the reproducer directory and the exit status is 1.

Errors are fine (mutated input is mostly invalid): the contract under test
is "a clear error, never a crash or a hang".

    /usr/bin/python3 scripts/fuzz-lit.py --dlc-opt build/bin/dlc-opt \\
        --budget 60 --seed 1 --out /tmp/fuzz

The same seed replays the same sequence of mutants (the number of mutants a
budget covers depends on the machine's speed).
"""

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PIPELINES = [
    [],  # plain parse + verify
    ["--dlc-lower-to-linalg-pipeline"],
    ["--dlc-inference-pipeline"],
    ["--dlc-training-pipeline"],
    # the stateful optimizers and clipping (passes/training/)
    ["--dlc-training-step-pipeline=optimizer=adamw amsgrad clip-grad-norm"],
    ["--dlc-training-step-pipeline=optimizer=rmsprop momentum centered"],
    ["--dlc-training-step-pipeline=optimizer=sgd momentum nesterov"],
    ["--dlc-training-step-pipeline=optimizer=adagrad"],
]

# Marks of a crash in stderr even when the exit status is an ordinary 1:
# report_fatal_error and the crash handler's stack dump.
CRASH_MARKS = ("LLVM ERROR:", "Stack dump:", "PLEASE submit a bug report")

ELEMENT_TYPES = ["f32", "f16", "bf16", "f64", "i1", "i8", "i32", "i64", "index"]
INTERESTING_NUMBERS = ["0", "1", "-1", "2", "3", "7", "1024", "65536", "4294967296",
                       "9223372036854775807", "-9223372036854775808"]


def load_cases(test_root: Path):
    """Every `// -----` case of every .mlir lit input, as a list of lines."""
    cases = []
    for path in sorted(test_root.rglob("*.mlir")):
        text = path.read_text(errors="replace")
        for chunk in re.split(r"^// -----\s*$", text, flags=re.M):
            lines = chunk.splitlines()
            if any(line.strip() and not line.lstrip().startswith("//") for line in lines):
                cases.append((path.relative_to(test_root), lines))
    return cases


def code_lines(lines):
    return [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("//")]


def mutate(rng: random.Random, lines):
    """One random mutation of a case; returns (new lines, description)."""
    lines = list(lines)
    if not lines:  # an earlier stacked mutation truncated everything
        return lines, "nothing left to mutate"
    code = code_lines(lines) or list(range(len(lines)))
    kind = rng.choice(["delete", "duplicate", "swap", "digit", "number", "type", "dim",
                       "truncate"])
    i = rng.choice(code)
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(rng.choice(code), lines[i])
    elif kind == "swap":
        j = rng.choice(code)
        lines[i], lines[j] = lines[j], lines[i]
    elif kind in ("digit", "number"):
        spots = [(k, m) for k in code for m in re.finditer(r"\d+", lines[k])]
        if not spots:
            return mutate(rng, lines)
        k, m = rng.choice(spots)
        if kind == "digit":
            pos = rng.randrange(m.start(), m.end())
            new = lines[k][:pos] + rng.choice("0123456789") + lines[k][pos + 1:]
        else:
            new = lines[k][:m.start()] + rng.choice(INTERESTING_NUMBERS) + lines[k][m.end():]
        lines[k], i = new, k
    elif kind == "type":
        spots = [(k, m) for k in code for m in re.finditer(r"\b(f32|i32|i64|f64|index)\b", lines[k])]
        if not spots:
            return mutate(rng, lines)
        k, m = rng.choice(spots)
        lines[k] = lines[k][:m.start()] + rng.choice(ELEMENT_TYPES) + lines[k][m.end():]
        i = k
    elif kind == "dim":
        # A dimension inside tensor<...>/memref<...>: 4x10xf32 → 4x7xf32, or drop one.
        spots = [(k, m) for k in code for m in re.finditer(r"(?<=[<x])(\d+)(?=x)", lines[k])]
        if not spots:
            return mutate(rng, lines)
        k, m = rng.choice(spots)
        if rng.random() < 0.25:
            new = lines[k][:m.start()] + lines[k][m.end() + 1:]  # drop "Nx"
        else:
            new = lines[k][:m.start()] + rng.choice(INTERESTING_NUMBERS[:8] + ["?"]) + lines[k][m.end():]
        lines[k], i = new, k
    elif kind == "truncate":
        text = "\n".join(lines)
        cut = rng.randrange(len(text) + 1) if text else 0
        return text[:cut].splitlines(), f"truncate at byte {cut}"
    return lines, f"{kind} at line {i + 1}"


def run(dlc_opt, path, flags, timeout):
    """(verdict, stderr, exit status): verdict is None, 'signal N', 'fatal error' or 'timeout'."""
    cmd = [dlc_opt, str(path), *flags, "-o", os.devnull]
    try:
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return "timeout", (e.stderr or b"").decode(errors="replace"), None
    err = p.stderr.decode(errors="replace")
    if p.returncode < 0:
        return f"signal {-p.returncode}", err, p.returncode
    if p.returncode not in (0, 1) or any(mark in err for mark in CRASH_MARKS):
        return f"fatal error (exit {p.returncode})", err, p.returncode
    return None, err, p.returncode


def main():
    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dlc-opt", default=str(root / "build/bin/dlc-opt"))
    ap.add_argument("--tests", default=str(root / "test"), help="root of the lit inputs")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--budget", type=float, default=60.0, help="seconds to fuzz for")
    ap.add_argument("--max-mutants", type=int, default=0, help="stop after N mutants (0: budget only)")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per dlc-opt run")
    ap.add_argument("--out", default="fuzz-reproducers", help="directory for reproducers")
    args = ap.parse_args()

    cases = load_cases(Path(args.tests))
    if not cases:
        sys.exit(f"fuzz-lit: no .mlir inputs under {args.tests}")
    rng = random.Random(args.seed)
    out = Path(args.out)
    findings, mutants, runs, parsed = 0, 0, 0, 0
    start = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "mutant.mlir"
        while time.monotonic() - start < args.budget:
            if args.max_mutants and mutants >= args.max_mutants:
                break
            source, lines = rng.choice(cases)
            # Mostly one mutation (mutants that still parse reach the
            # pipelines), sometimes two or three stacked.
            what = []
            for _ in range(rng.choice([1, 1, 1, 1, 2, 3])):
                lines, desc = mutate(rng, lines)
                what.append(desc)
            text = "\n".join(lines) + "\n"
            work.write_text(text)
            mutants += 1
            for flags in PIPELINES:
                runs += 1
                verdict, err, rc = run(args.dlc_opt, work, flags, args.timeout)
                if verdict:
                    findings += 1
                    out.mkdir(parents=True, exist_ok=True)
                    stem = out / f"finding-{findings:03d}"
                    stem.with_suffix(".mlir").write_text(text)
                    stem.with_suffix(".txt").write_text(
                        f"seed {args.seed}, mutant {mutants} of {source}: {', '.join(what)}\n"
                        f"verdict: {verdict}\n"
                        f"command: {args.dlc_opt} {stem.with_suffix('.mlir')} {' '.join(flags)}\n\n"
                        + err[-4000:])
                    print(f"fuzz-lit: {verdict}: {' '.join(flags) or 'parse'} on a mutant of "
                          f"{source} ({', '.join(what)}) -> {stem}.mlir", flush=True)
                    break
                if rc != 0:
                    break  # invalid input: every pipeline would stop at the same error
                if not flags:
                    parsed += 1
    elapsed = time.monotonic() - start
    print(f"fuzz-lit: seed {args.seed}: {mutants} mutants of {len(cases)} cases "
          f"({parsed} valid), {runs} dlc-opt runs in {elapsed:.0f} s, {findings} crash(es)/timeout(s)")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
