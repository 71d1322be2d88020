#!/usr/bin/env bash
# Set up, build everything, and run every test (GoogleTest + the lit suite) with ctest.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
"$ROOT/scripts/build.sh"
ctest --test-dir "${BUILD_DIR:-$ROOT/build}" --output-on-failure -j2
