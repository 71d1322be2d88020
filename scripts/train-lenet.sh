#!/usr/bin/env bash
# The main job: set up, build, and train d2l's LeNet on Fashion-MNIST
# (lr 0.9, batch 256, 10 epochs). Extra arguments go to `dlc train lenet`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
"$ROOT/scripts/build.sh" dlc
exec "${BUILD_DIR:-$ROOT/build}/bin/dlc" train lenet --epochs 10 --batch-size 256 --lr 0.9 "$@"
