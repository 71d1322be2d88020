#!/usr/bin/python3
"""Writes a dl @loss whose body is a chain of N elementwise ops.

    %1 = dl.add %0, %0        (every other op: a binary op using its input twice)
    %2 = dl.sigmoid %1        (in between: unary ops, in rotation)
    ...
    return dl.reduce_sum(%N)

The stress case for compile time in the training pipeline: autodiff doubles
the graph, each value has two uses, and elementwise fusion sees one long
chain. Used by test/Pipelines/long-chain.mlir (a few hundred ops) and for
the timings in docs/architecture.md (2,000 and 4,000 ops):

    /usr/bin/python3 scripts/gen-elementwise-chain.py 2000 > chain.mlir
    build/bin/dlc-opt chain.mlir --dlc-training-pipeline --mlir-timing -o /dev/null
"""
import sys

UNARY = ["sigmoid", "tanh", "neg", "relu"]


def chain(n: int, shape: str = "16x32") -> str:
    t = f"tensor<{shape}xf32>"
    out = [f"func.func @loss(%x: {t} {{dl.role = \"parameter\"}}) -> tensor<f32> {{"]
    prev = "%x"
    for i in range(1, n + 1):
        if i % 2:
            out.append(f"  %{i} = dl.add {prev}, {prev} : {t}, {t} -> {t}")
        else:
            out.append(f"  %{i} = dl.{UNARY[(i // 2) % len(UNARY)]} {prev} : {t}")
        prev = f"%{i}"
    out.append(f"  %sum = dl.reduce_sum {prev} axes = [0, 1] : {t} -> tensor<f32>")
    out.append("  return %sum : tensor<f32>")
    out.append("}")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: gen-elementwise-chain.py N [SHAPE e.g. 16x32]")
    sys.stdout.write(chain(int(sys.argv[1]), *sys.argv[2:]))
