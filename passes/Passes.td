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
    The function's first result must be a scalar float loss. The pass clones
    it as `@<func>_grad`, which returns the original results followed by the
    gradient of the loss with respect to every argument with
    `dl.role = "parameter"`, in argument order; each gradient result has
    `dl.role = "gradient"` and its parameter's `dl.name`.

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
    `@train_step(args..., %lr, %weight_decay)` returning the primal results
    followed by the updated parameters `p - lr * (g + weight_decay * p)`.
    `lr` and `weight_decay` (d2l's λ) are scalar arguments with
    `dl.role = "hyperparameter"`: a schedule changes them without
    recompiling. Gradients are found by `dl.role = "gradient"` and paired with
    parameters by `dl.name`; each updated parameter is a result with
    `dl.role = "parameter"` and the parameter's name. Forward, backward and
    update form one function so they compile (and fuse) together.
  }];
  let options = [
    Option<"funcName", "func", "std::string", /*default=*/"\"loss_grad\"",
           "Name of the gradient function">
  ];
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
    `expand_shape`. Runs after `dl-lower-to-runtime`; any dl op left over is
    an error naming the op.
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
