#!/usr/bin/env python3
"""usage: expect_exit.py CODE COMMAND [ARGS...]
Runs COMMAND (stdout and stderr passed through) and fails unless it exits
with CODE (lit's `not` only knows zero and non-zero)."""
import subprocess
import sys

want = int(sys.argv[1])
got = subprocess.run(sys.argv[2:]).returncode
if got != want:
    print(f"expect_exit.py: {sys.argv[2]} exited {got}, expected {want}", file=sys.stderr)
    sys.exit(1)
