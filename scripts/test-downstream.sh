#!/usr/bin/env bash
# Test install.downstream: installs this build into a scratch prefix, checks
# the installed headers, builds examples/downstream against the prefix as a
# separate CMake project (find_package(dlc), dlc::dlc; Ninja, ccache if
# given), runs it, then compiles and links the same program through
# pkg-config. Reports the user file's compile time (uncached) and each phase.
#   scripts/test-downstream.sh BUILD_DIR CXX_COMPILER [LAUNCHER]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:?usage: test-downstream.sh BUILD_DIR CXX [LAUNCHER]}" && pwd)
CXX=${2:?missing C++ compiler}
LAUNCHER=${3:-}
WORK=$BUILD/downstream-test
PREFIX=$WORK/prefix
APP=$WORK/app
rm -rf "$WORK"
mkdir -p "$WORK"

now() { date +%s%N; }
phase() {
  local ms=$((($(now) - $2) / 1000000))
  printf '%-30s %3d.%02d s\n' "$1:" $((ms / 1000)) $((ms % 1000 / 10))
}

t=$(now)
cmake --install "$BUILD" --prefix "$PREFIX" >"$WORK/install.log"
phase "install" "$t"
for f in include/dlc/dlc.h include/dlc/frontend/Tensor.h lib/cmake/dlc/dlcConfig.cmake \
         lib/cmake/dlc/dlcConfigVersion.cmake lib/cmake/dlc/dlcTargets.cmake \
         lib/pkgconfig/dlc.pc lib/libdlcFrontend.a bin/dlc; do
  [[ -e "$PREFIX/$f" ]] || { echo "error: $PREFIX/$f was not installed" >&2; exit 1; }
done
"$ROOT/scripts/check-installed-headers.sh" "$PREFIX/include/dlc"
"$PREFIX/bin/dlc" --version >/dev/null || { echo "error: the installed dlc tool does not run" >&2; exit 1; }

t=$(now)
cmake -S "$ROOT/examples/downstream" -B "$APP" -G Ninja -DCMAKE_PREFIX_PATH="$PREFIX" \
  -DCMAKE_CXX_COMPILER="$CXX" ${LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$LAUNCHER} \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >"$WORK/configure.log"
phase "configure downstream" "$t"
t=$(now)
ninja -C "$APP" >"$WORK/build.log"
phase "build downstream" "$t"

# The user's file, compiled uncached with the downstream project's own flags.
compile=$(python3 - "$APP/compile_commands.json" <<'PY'
import json, sys
entry = json.load(open(sys.argv[1]))[0]
args = entry["command"].split()
if "ccache" in args[0]: args = args[1:]
out = args.index("-o")
args[out + 1] = "/dev/null"
print(" ".join(args))
PY
)
t=$(now)
(cd "$APP" && eval "$compile")
phase "user file compile (no cache)" "$t"

t=$(now)
(cd "$WORK" && "$APP/blobs_app") # it saves blobs_app.safetensors in the working directory
phase "run downstream (cmake)" "$t"

# pkg-config: same program, one compiler command.
t=$(now)
PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig" bash -c \
  "$CXX -std=c++20 \$(pkg-config --cflags dlc) '$ROOT/examples/downstream/blobs_app.cpp' \
     -o '$WORK/blobs_app_pc' \$(pkg-config --libs dlc)"
phase "build via pkg-config" "$t"
t=$(now)
(cd "$WORK" && "$WORK/blobs_app_pc" --steps 60 >/dev/null)
phase "run downstream (pkg-config)" "$t"
echo "install.downstream: ok"
