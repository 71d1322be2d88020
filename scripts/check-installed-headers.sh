#!/usr/bin/env bash
# Checks an installed dlc include tree (<prefix>/include/dlc): no header
# includes MLIR or LLVM (users' model files must compile without them,
# docs/downstream.md), and every quoted include resolves inside the tree.
#   scripts/check-installed-headers.sh <prefix>/include/dlc
set -euo pipefail
DIR=${1:?usage: check-installed-headers.sh INCLUDE_DIR}
[[ -f "$DIR/dlc.h" ]] || { echo "error: $DIR/dlc.h is missing" >&2; exit 1; }
status=0
count=0
while IFS= read -r -d '' header; do
  count=$((count + 1))
  rel=${header#"$DIR"/}
  lineno=0
  while IFS= read -r line; do
    lineno=$((lineno + 1))
    [[ $line =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*([\"\<])([^\"\>]+)[\"\>] ]] || continue
    target=${BASH_REMATCH[2]}
    if [[ $target == mlir/* || $target == llvm/* || $target == llvm-c/* ]]; then
      echo "error: $rel:$lineno includes $target (public headers must not include MLIR/LLVM)" >&2
      status=1
    elif [[ ${BASH_REMATCH[1]} == '"' && ! -f "$DIR/$target" && ! -f "$(dirname "$header")/$target" ]]; then
      echo "error: $rel:$lineno includes \"$target\", which is not installed" >&2
      status=1
    fi
  done <"$header"
done < <(find "$DIR" -name '*.h' -print0)
[[ $count -gt 0 ]] || { echo "error: no headers under $DIR" >&2; exit 1; }
[[ $status -eq 0 ]] && echo "installed headers: $count, none includes MLIR/LLVM, all includes resolve"
exit $status
