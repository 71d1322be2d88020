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
  let summary = "Builds @train_step: the gradient function plus torch's SGD update.";
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

    With `momentum`, torch's momentum buffer: hyperparameters `momentum` and
    `dampening` follow, then the optimizer_state arguments
    `<param>.momentum_buffer` and `step` (f32), returned updated after the
    parameters. The buffer starts zero-filled; at step 0 it becomes the
    gradient, as torch's. `nesterov` uses Nesterov momentum.
  }];
  let options = [
    Option<"funcName", "func", "std::string", /*default=*/"\"loss_grad\"",
           "Name of the gradient function">,
    Option<"momentum", "momentum", "bool", /*default=*/"false",
           "Keep a momentum buffer (torch: momentum != 0)">,
    Option<"nesterov", "nesterov", "bool", /*default=*/"false",
           "Nesterov momentum (needs momentum)">
  ];
  let dependentDialects = ["::dlc::dl::DLDialect"];
}

def DLAdam : Pass<"dl-adam", "mlir::ModuleOp"> {
  let summary = "Builds @train_step with torch's Adam (or AdamW) update.";
  let description = [{
    Like `dl-sgd`, with torch 1.13's Adam: hyperparameter arguments `lr`,
    `beta1`, `beta2`, `eps`, `weight_decay`; optimizer_state
    `<param>.exp_avg`, `<param>.exp_avg_sq` (`<param>.max_exp_avg_sq` with
    `amsgrad`) and the f32 `step`, from which the bias corrections are
    computed in-graph. `adamw` decays the parameter itself
    (`p * (1 - lr * weight_decay)`) instead of adding `weight_decay * p` to
    the gradient.
  }];
  let options = [
    Option<"funcName", "func", "std::string", /*default=*/"\"loss_grad\"",
           "Name of the gradient function">,
    Option<"adamw", "adamw", "bool", /*default=*/"false",
           "AdamW: decoupled weight decay">,
    Option<"amsgrad", "amsgrad", "bool", /*default=*/"false",
           "AMSGrad: normalise by the largest second moment so far">
  ];
  let dependentDialects = ["::dlc::dl::DLDialect"];
}

def DLRMSprop : Pass<"dl-rmsprop", "mlir::ModuleOp"> {
  let summary = "Builds @train_step with torch's RMSprop update.";
  let description = [{
    Like `dl-sgd`, with torch 1.13's RMSprop: hyperparameter arguments `lr`,
    `alpha`, `eps`, `weight_decay` (and `momentum`); optimizer_state
    `<param>.square_avg`, `<param>.momentum_buffer` (with `momentum`),
    `<param>.grad_avg` (with `centered`) and the f32 `step`.
  }];
  let options = [
    Option<"funcName", "func", "std::string", /*default=*/"\"loss_grad\"",
           "Name of the gradient function">,
    Option<"momentum", "momentum", "bool", /*default=*/"false",
           "Keep a momentum buffer (torch: momentum > 0)">,
    Option<"centered", "centered", "bool", /*default=*/"false",
           "Normalise by the centred second moment">
  ];
  let dependentDialects = ["::dlc::dl::DLDialect"];
}

def DLAdagrad : Pass<"dl-adagrad", "mlir::ModuleOp"> {
  let summary = "Builds @train_step with torch's Adagrad update.";
  let description = [{
    Like `dl-sgd`, with torch 1.13's Adagrad: hyperparameter arguments `lr`,
    `lr_decay`, `weight_decay`, `eps`, `initial_accumulator_value`;
    optimizer_state `<param>.sum` and the f32 `step`. The sum starts
    zero-filled and the first step adds `initial_accumulator_value` to it.
  }];
  let options = [
    Option<"funcName", "func", "std::string", /*default=*/"\"loss_grad\"",
           "Name of the gradient function">
  ];
  let dependentDialects = ["::dlc::dl::DLDialect"];
}

def DLClipGradNorm : Pass<"dl-clip-grad-norm", "mlir::ModuleOp"> {
  let summary = "Clips the gradients of @<func>_grad as torch's clip_grad_norm_.";
  let description = [{
    Rewrites the gradient function in place: its gradient results are
    multiplied by `min(max_norm / (total + 1e-6), 1)`, where `total` is the
    2-norm of all gradients together; `max_norm` is a new scalar argument
    with `dl.role = "hyperparameter"`, and `total` a new result with
    `dl.role = "output"`, `dl.name = "grad_norm"`, after the primal results.
    Run between `dl-autodiff` and the optimizer pass.
  }];
  let options = [
    Option<"funcName", "func", "std::string", /*default=*/"\"loss_grad\"",
           "Name of the gradient function">
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
                           "::mlir::math::MathDialect",
                           // Scatter-adds and index checks are sequential
                           // loops that call the runtime (SequenceToLinalg).
                           "::mlir::scf::SCFDialect",
                           "::mlir::func::FuncDialect"];
}

def DLFuseElementwise : Pass<"dl-fuse-elementwise", "mlir::ModuleOp"> {
  let summary = "Elementwise fusion of linalg.generic ops, bounded in size.";
  let description = [{
    The patterns of upstream `linalg-fuse-elementwise-ops` (producer-into-
    consumer fusion, reshape folding by expansion, constant folding), with a
    control function that fuses a single-use producer only while the fused
    op stays within `max-payload-ops` payload operations and `max-operands`
    operands. Unbounded fusion collapses a long chain of single-use values
    (the backward pass of a deep elementwise graph) into one op by cloning
    the growing payload at every step: quadratic compile time. With the
    bounds the pass is linear in the graph size; real layers stay far below
    them.
  }];
  let options = [
    Option<"maxPayloadOps", "max-payload-ops", "int64_t", /*default=*/"128",
           "Largest payload (ops in the region) of a fused linalg op">,
    Option<"maxOperands", "max-operands", "int64_t", /*default=*/"32",
           "Most operands (inputs + outputs) of a fused linalg op">
  ];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::affine::AffineDialect"];
}

def DLDistinctResults : Pass<"dl-distinct-results", "mlir::ModuleOp"> {
  let summary = "Gives every repeated function result a tensor of its own.";
  let description = [{
    Runs on tensors just before bufferization. A `func.return` that returns
    the same tensor more than once gets a `linalg.copy` for each repetition,
    so every result bufferizes to its own buffer. Without it
    `buffer-results-to-out-params{hoist-static-allocs}` crashes on
    `return %0, %0` (it replaces and erases the same allocation twice).
    ```mlir
    return %0, %0 : tensor<4xf32>, tensor<4xf32>
    // becomes
    %e = tensor.empty() : tensor<4xf32>
    %c = linalg.copy ins(%0 : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
    return %0, %c : tensor<4xf32>, tensor<4xf32>
    ```
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

def DLSplitEmptyTensors : Pass<"dl-split-empty-tensors", "mlir::ModuleOp"> {
  let summary = "Gives every use of a tensor.empty its own tensor.empty.";
  let description = [{
    Runs just before One-Shot Bufferize. CSE leaves one `tensor.empty` per
    type and function, shared as the destination of every linalg op of that
    type; One-Shot Bufferize then compares each of those uses with all the
    others (quadratic: 10 of 28 s on a 4,000-op chain). One empty tensor
    per use is the same program and analyses in linear time. Not in the
    named pipelines yet: it changes LeNet's allocations (77 → 92 mallocs per
    step), which needs a step-time A/B before it goes in.
  }];
  let dependentDialects = ["::mlir::tensor::TensorDialect"];
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
    fork once per outer iteration), become fully sequential. Parallel loops
    with reductions always become sequential `scf.for` loops carrying the
    accumulators: the OpenMP shim (backends/cpu/OpenMPShim.h) serves no
    `__kmpc_reduce*`, so no `omp.reduction` may reach the JIT.
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

//===----------------------------------------------------------------------===//
// Debug info (PipelineOptions::debugInfo, `--debug-info`; docs/jit.md)
//===----------------------------------------------------------------------===//

def DLDebugLineZero : Pass<"dl-debug-line-zero", "mlir::ModuleOp"> {
  let summary = "Gives calls without a source location line 0.";
  let description = [{
    LLVM's verifier requires a debug location on every call to a defined
    (inlinable) function inside a function with a DISubprogram; calls the
    compiler makes (the C-interface wrapper calling its function) have none.
    Runs on the LLVM dialect before `ensure-debug-info-scope-on-llvm-func`.
  }];
}

def DLDebugFileScopes : Pass<"dl-debug-file-scopes", "mlir::ModuleOp"> {
  let summary = "Scopes each op's debug location in its own source file.";
  let description = [{
    After `ensure-debug-info-scope-on-llvm-func`, every function's
    DISubprogram is in the function's file, which for traced functions is
    unknown, so line tables would say `<unknown>:9` for a layer written at
    `Zoo.cpp:9`. Each op location whose file differs from its function's is
    wrapped in a `DILexicalBlockFile` of its own file (found through the DSL's
    NameLoc/FusedLoc wrappers), so gdb and `perf annotate` name the model's
    source line.
  }];
}

#endif // DLC_PASSES_TD
