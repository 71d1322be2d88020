#!/usr/bin/python3
"""Checks `dlc bleu` (corpus BLEU-4) against NLTK's corpus_bleu to 1e-6.

usage: nltk_bleu_check.py BLEU_TOOL REFERENCE_FILE HYPOTHESIS_FILE

Scores the whole fixture and several slices of it (prefixes, suffixes, every
other line, a single pair with no 4-gram match), so the check covers brevity
penalties on both sides and NLTK's substitution of a tiny value for a zero
precision. Exits 77 (ctest's "skipped") when NLTK is not installed:
apt-get install python3-nltk.
"""
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

try:
    from nltk.translate.bleu_score import corpus_bleu
except ImportError:
    print("nltk is not installed (apt-get install python3-nltk); skipping")
    sys.exit(77)

TOLERANCE = 1e-6


def dlc_bleu(tool, refs, hyps, tmp):
    ref_path, hyp_path = Path(tmp, "ref.txt"), Path(tmp, "hyp.txt")
    ref_path.write_text("".join(line + "\n" for line in refs), encoding="utf-8")
    hyp_path.write_text("".join(line + "\n" for line in hyps), encoding="utf-8")
    out = subprocess.run([tool, str(ref_path), str(hyp_path)], capture_output=True,
                         text=True, check=True).stdout
    return float(out.strip()) / 100.0


def nltk_bleu(refs, hyps):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # NLTK warns about zero n-gram counts
        return float(corpus_bleu([[r.split()] for r in refs], [h.split() for h in hyps]))


def main():
    tool, ref_file, hyp_file = sys.argv[1:4]
    refs = Path(ref_file).read_text(encoding="utf-8").splitlines()
    hyps = Path(hyp_file).read_text(encoding="utf-8").splitlines()
    assert len(refs) == len(hyps) >= 50, "the fixture needs at least 50 sentence pairs"
    n = len(refs)
    cases = {
        "all pairs": (refs, hyps),
        "first 10": (refs[:10], hyps[:10]),
        "last 25": (refs[n - 25:], hyps[n - 25:]),
        "even lines": (refs[::2], hyps[::2]),
        "odd lines": (refs[1::2], hyps[1::2]),
        "hypotheses as references": (hyps, refs),
        "no 4-gram match": (["il est calme ."], ["il est riche ."]),
    }
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (r, h) in cases.items():
            ours, theirs = dlc_bleu(tool, r, h, tmp), nltk_bleu(r, h)
            ok = abs(ours - theirs) <= TOLERANCE
            failures += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {name:26s} dlc {ours:.9f}  nltk {theirs:.9f}")
    if nltk_bleu(refs, hyps) <= 0:
        print("FAIL the full fixture must have a non-zero corpus BLEU")
        failures += 1
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
