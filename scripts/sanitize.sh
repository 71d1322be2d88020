#!/usr/bin/env bash
# Builds the unit tests and dlc with AddressSanitizer + UBSan in build-asan/
# and runs them (not part of the test command: it doubles the build time).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
"$ROOT/scripts/setup.sh"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libclang-rt-22-dev >/dev/null
B="$ROOT/build-asan"
if [[ ! -f "$B/build.ninja" ]]; then
  cmake -S "$ROOT" -B "$B" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -fno-omit-frame-pointer" \
    "-DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld -fsanitize=address,undefined"
fi
ninja -C "$B" dlc-compiler-tests dlc-data-tests dlc-text-tests dlc-onednn-tests dlc
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for t in dlc-data-tests dlc-text-tests dlc-onednn-tests dlc-compiler-tests; do "$B/bin/$t"; done
"$B/bin/dlc" train lenet --epochs 1 --limit 2048
