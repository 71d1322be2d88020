#!/usr/bin/env bash
# Installs every dependency dlc needs from Debian's repositories. Idempotent:
# packages already present are skipped, so a second run costs a dpkg query.
set -euo pipefail

PKGS=(
  # toolchain (docs/toolchain.md: LLVM/MLIR 22 built with clang-22, linked with lld-22)
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools clang-22 lld-22
  cmake ninja-build ccache
  # libraries
  # dnnl's CMake config needs the OpenCL headers (a Recommends, skipped below)
  libdnnl-dev ocl-icd-opencl-dev libfmt-dev libzstd-dev zlib1g-dev libgtest-dev python3-nltk
  # data for the main job (LeNet on Fashion-MNIST)
  dataset-fashion-mnist
)
if [[ "${DLC_WITH_BENCH:-0}" == 1 ]]; then
  # PyTorch reference for bench/; OpenMP OpenBLAS so its matmuls are not the reference BLAS.
  PKGS+=(python3-torch libopenblas0-openmp)
fi

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "dlc setup: installing ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
