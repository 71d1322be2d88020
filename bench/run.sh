#!/usr/bin/env bash
# Runs dlc and PyTorch alternately on the same workload and threads, then
# prints one JSON line per workload (docs/benchmarks.md):
#   {"name", "threads", "dlc_ms", "torch_ms", "speedup" = torch_ms / dlc_ms,
#    plus each side's min/max}
# Usage: bench/run.sh [w1|ops|rnn|all] [--threads T] [--iters N] [--rounds R] [--dlc PATH]
#   w1:  W1, the LeNet training step (the default)
#   ops: op throughput (bench/ops.cpp vs bench/torch_ops.py): GB/s, GFLOP/s
#   rnn: W3's recurrent layers, kernel level (bench/rnn_kernels.cpp vs bench/torch_rnn.py)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
THREADS=2
ITERS=20
ROUNDS=3
DLC=${DLC_BIN:-$ROOT/build/bin/dlc}
OPS_BENCH=${DLC_OPS_BENCH:-$ROOT/build/bin/dlc-bench-ops}
RNN_BENCH=${DLC_RNN_BENCH:-$ROOT/build/bin/dlc-bench-rnn}
WHAT=w1
PY=/usr/bin/python3
OPENBLAS=/usr/lib/x86_64-linux-gnu/openblas-openmp

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; }
while (($#)); do
  case $1 in
    --threads) THREADS=$2; shift 2 ;;
    --iters) ITERS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --dlc) DLC=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    w1|ops|rnn|all) WHAT=$1; shift ;;
    *) echo "run.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done

# Both sides get the same OpenMP thread count (torch also calls
# set_num_threads, which defaults to 1 on these machines).
export OMP_NUM_THREADS=$THREADS

if [[ ! -d $OPENBLAS ]]; then
  echo "run.sh: $OPENBLAS missing: apt-get install libopenblas0-openmp" \
       "(otherwise PyTorch uses the reference BLAS)" >&2
  exit 1
fi
HAVE_DLC=1
if [[ ($WHAT == w1 || $WHAT == all) && ! -x $DLC ]]; then
  echo "run.sh: $DLC not built yet; skipping the dlc side (build the" \
       "'dlc' target, or pass --dlc PATH)" >&2
  HAVE_DLC=0
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# One JSON line (the last one mentioning the key) from a command's stdout.
json_line() { grep -E '^\{.*"'"$1"'"' | tail -n 1; }

run_w1() {
  local dlc_out=$TMP/w1.dlc torch_out=$TMP/w1.torch r
  : >"$dlc_out"; : >"$torch_out"
  # Alternate sides each round so clock drift hits both alike.
  for ((r = 0; r < ROUNDS; ++r)); do
    if ((HAVE_DLC)); then
      if ! "$DLC" bench lenet --num-threads "$THREADS" --iters "$ITERS" \
          | json_line dlc_ms >>"$dlc_out"; then
        echo "run.sh: '$DLC bench lenet' failed or printed no dlc_ms line" >&2
        exit 1
      fi
    fi
    LD_LIBRARY_PATH=$OPENBLAS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} \
      "$PY" "$ROOT/bench/torch_lenet.py" --threads "$THREADS" --iters "$ITERS" \
      | json_line torch_ms >>"$torch_out"
  done
  merge W1_lenet_train_step "$dlc_out" "$torch_out"
}

# Merges per-round results: the median of the rounds' medians, and the
# overall min/max, for each side.
merge() {
  "$PY" - "$THREADS" "$@" <<'PY'
import json, statistics, sys
threads, name, dlc_path, torch_path = int(sys.argv[1]), *sys.argv[2:]
def side(path, key):
    rows = [json.loads(l) for l in open(path) if l.strip()]
    if not rows:
        return None, None, None
    meds = [r[key] for r in rows]
    mins = [r.get(key.replace("_ms", "_min_ms"), r[key]) for r in rows]
    maxs = [r.get(key.replace("_ms", "_max_ms"), r[key]) for r in rows]
    return round(statistics.median(meds), 3), min(mins), max(maxs)
dlc, dlc_min, dlc_max = side(dlc_path, "dlc_ms")
torch, torch_min, torch_max = side(torch_path, "torch_ms")
out = {"name": name, "threads": threads, "dlc_ms": dlc, "torch_ms": torch,
       "speedup": round(torch / dlc, 3) if dlc and torch else None,
       "dlc_min_ms": dlc_min, "dlc_max_ms": dlc_max,
       "torch_min_ms": torch_min, "torch_max_ms": torch_max}
print(json.dumps(out), flush=True)
PY
}

# Op throughput: each side prints one line per workload; rounds alternate
# the sides, and each workload is merged like W1, with its GB/s or GFLOP/s.
# run_pair BENCH_BINARY TORCH_SCRIPT: also used for rnn.
run_pair() {
  local bench=$1 script=$2 dlc_out=$TMP/pair.dlc torch_out=$TMP/pair.torch r
  if [[ ! -x $bench ]]; then
    echo "run.sh: $bench not built (ninja -C build $(basename "$bench"))" >&2
    exit 1
  fi
  : >"$dlc_out"; : >"$torch_out"
  for ((r = 0; r < ROUNDS; ++r)); do
    "$bench" --iters "$ITERS" >>"$dlc_out"
    LD_LIBRARY_PATH=$OPENBLAS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} \
      "$PY" "$script" --threads "$THREADS" --iters "$ITERS" >>"$torch_out"
  done
  "$PY" - "$THREADS" "$dlc_out" "$torch_out" <<'PY'
import json, statistics, sys
threads, dlc_path, torch_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
def rows(path):
    by = {}
    for line in open(path):
        if line.startswith("{"):
            r = json.loads(line)
            by.setdefault(r["name"], []).append(r)
    return by
dlc, torch = rows(dlc_path), rows(torch_path)
for name in dlc:
    d, t = dlc[name], torch.get(name, [])
    out = {"name": name, "threads": threads}
    for side, rs in (("dlc", d), ("torch", t)):
        if not rs:
            continue
        med = statistics.median(r[side + "_ms"] for r in rs)
        out[side + "_ms"] = round(med, 4)
        out[side + "_min_ms"] = round(min(r.get(side + "_min_ms", r[side + "_ms"]) for r in rs), 4)
        for unit in ("gbs", "gflops"):
            if side + "_" + unit in rs[0]:
                out[side + "_" + unit] = round(statistics.median(r[side + "_" + unit] for r in rs), 2)
    if "dlc_ms" in out and "torch_ms" in out:
        out["speedup"] = round(out["torch_ms"] / out["dlc_ms"], 3)
    print(json.dumps(out), flush=True)
PY
}

case $WHAT in
  w1) run_w1 ;;
  ops) run_pair "$OPS_BENCH" "$ROOT/bench/torch_ops.py" ;;
  rnn) run_pair "$RNN_BENCH" "$ROOT/bench/torch_rnn.py" ;;
  all) run_w1; run_pair "$OPS_BENCH" "$ROOT/bench/torch_ops.py"
       run_pair "$RNN_BENCH" "$ROOT/bench/torch_rnn.py" ;;
esac
