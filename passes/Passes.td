//===- Passes.td - dlc passes ------------------------------*- tablegen -*-===//
#ifndef DLC_PASSES_TD
#define DLC_PASSES_TD

include "mlir/Pass/PassBase.td"

//===----------------------------------------------------------------------===//
// Training
//===----------------------------------------------------------------------===//

def DLAutodiff : Pass<"dl-autodiff", "mlir::ModuleOp"> {
  let summary = "Reverse-mode autodiff: derives @<func>_grad from @<func>.";
  let description = [{
    The function's first result must be a scalar loss (`tensor<f32>`). The
    pass clones it as `@<func>_grad`, which returns the original results
    followed by the gradient of the loss with respect to every argument
    marked `dl.trainable` (every f32 argument when none is marked).

    Gradients come from each op's `DifferentiableOpInterface` rule: one
    reverse walk seeds the loss with 1, asks each op that reaches the loss
    for its operands' cotangents and sums cotangents of values used more than
    once. An op without a rule on the path to the loss is an error naming
    the op. Ops that do not reach the loss are never visited.
  }];
  let options = [
    Option<"funcName", "func", "std::string", /*default=*/"\"loss\"",
           "Name of the function to differentiate">
  ];
  let dependentDialects = ["::dlc::dl::DLDialect"];
}

def DLSGD : Pass<"dl-sgd", "mlir::ModuleOp"> {
  let summary = "Builds @train_step: the gradient function plus an SGD update.";
  let description = [{
    From `@<func>_grad` (produced by `dl-autodiff`) builds
    `@train_step(args..., %lr: tensor<f32>)` returning the primal results
    followed by the updated trainable arguments
    `p - lr * (g + weight_decay * p)`. Forward, backward and update form one
    function so they compile (and fuse) together.
  }];
  let options = [
    Option<"funcName", "func", "std::string", /*default=*/"\"loss_grad\"",
           "Name of the gradient function">,
    Option<"weightDecay", "weight-decay", "double", /*default=*/"0.0",
           "L2 penalty coefficient (d2l's weight decay, λ)">
  ];
  let dependentDialects = ["::dlc::dl::DLDialect"];
}

//===----------------------------------------------------------------------===//
// Decomposition
//===----------------------------------------------------------------------===//

def DLDecompose : Pass<"dl-decompose", "mlir::ModuleOp"> {
  let summary = "Rewrites composite dl ops into primitive dl ops.";
  let description = [{
    Every op implementing `DecomposableOpInterface` (softmax, log_softmax,
    softmax_cross_entropy) is replaced by the primitive ops its
    `decompose` method builds, e.g. softmax by reduce_max, sub, exp,
    reduce_sum and div; what those build is decomposed in turn. The same
    pattern runs inside `dl-lower-to-linalg`, so lowering needs no loops of
    its own for composite ops. Run on its own (before `cse`) it lets the
    pieces that a loss and its gradient both compute, such as the row max
    and sum of exponentials of the logits, be computed once.
  }];
  let dependentDialects = ["::dlc::dl::DLDialect"];
}

//===----------------------------------------------------------------------===//
// Lowering
//===----------------------------------------------------------------------===//

def DLLowerToRuntime : Pass<"dl-lower-to-runtime", "mlir::ModuleOp"> {
  let summary = "Lowers convolution, pooling and matmul ops to oneDNN runtime calls.";
  let description = [{
    Each op becomes `func.call @dlc_rt_*` on buffers: operands are taken
    with `bufferization.to_buffer read_only`, the result is a fresh
    `memref.alloc` wrapped back with `bufferization.to_tensor restrict`, so
    One-Shot Bufferize sees plain tensor code around the call. The callees
    are declared with `llvm.emit_c_interface`; the runtime implements them.
  }];
  let options = [
    Option<"matmul", "matmul", "bool", /*default=*/"true",
           "Also run dl.matmul as oneDNN sgemm (else it lowers to a linalg loop nest)">
  ];
  let dependentDialects = ["::mlir::bufferization::BufferizationDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::arith::ArithDialect"];
}

def DLLowerToLinalg : Pass<"dl-lower-to-linalg", "mlir::ModuleOp"> {
  let summary = "Lowers the remaining dl ops to linalg, tensor, arith and math.";
  let description = [{
    Elementwise ops become `linalg.generic` with broadcasting indexing maps,
    reductions generic reductions, reshape `tensor.collapse_shape` /
    `expand_shape`. Composite ops without a lowering of their own are
    decomposed into primitive dl ops first (the `dl-decompose` pattern, as a
    fallback behind any direct lowering). Runs after `dl-lower-to-runtime`;
    any dl op left over is an error naming the op.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect"];
}

def DLShapeParallelLoops : Pass<"dl-shape-parallel-loops", "mlir::ModuleOp"> {
  let summary = "Keeps one coarse parallel dimension per loop nest for OpenMP.";
  let description = [{
    Runs on the `scf.parallel` nests `convert-linalg-to-parallel-loops`
    produces, before `convert-scf-to-openmp`. A top-level nest with at least
    `min-work` innermost iterations keeps only its outermost dimension
    parallel (one fork, contiguous blocks per thread); its other dimensions
    become `scf.for`, so the innermost loop stays a plain vectorizable loop.
    Smaller nests, and parallel loops nested in sequential ones (which would
    fork once per outer iteration), become fully sequential.
  }];
  let options = [
    Option<"minWork", "min-work", "int64_t", /*default=*/"32768",
           "Smallest total iteration count worth a fork">
  ];
  let dependentDialects = ["::mlir::scf::SCFDialect"];
}

def DLApproximateMath : Pass<"dl-approximate-math", "mlir::ModuleOp"> {
  let summary = "Replaces exp, log, tanh, ... by inline polynomial approximations.";
  let description = [{
    libm calls (`expf`, `logf`, `tanhf`) keep LLVM's loop vectorizer from
    vectorizing elementwise loops; MLIR's polynomial approximations are
    plain arithmetic (a few ulp from libm), so sigmoid/softmax loops
    vectorize to AVX-512. Runs on scalar loops after bufferization.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::vector::VectorDialect",
                           "::mlir::x86vector::X86VectorDialect"];
}

#endif // DLC_PASSES_TD
