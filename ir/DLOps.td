//===- DLOps.td - ops of the dl dialect --------------------*- tablegen -*-===//
//
// Grouped by family; each family's shape rules and VJPs live in
// ir/ops/<Family>.cpp, beside each other.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_DLOPS_TD
#define DLC_IR_DLOPS_TD

include "ir/DLDialect.td"
include "ir/DLInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/BuiltinAttributes.td"

// Static shapes for now; ops are written against shape rules that a `?`
// dimension can later be added to.
// Element types come from the operands: f32 (the default), f64 (gradient
// checks), bf16 (mixed precision); labels and token ids are i32 or i64.
// Backends that lack a type say so when lowering, naming the op and type.
def DL_FloatTensor : StaticShapeTensorOf<[F32, F64, BF16]>;
def DL_LabelTensor : StaticShapeTensorOf<[I32, I64]>;
def DL_Differentiable : DeclareOpInterfaceMethods<DifferentiableOpInterface>;
def DL_RuntimeKernel : DeclareOpInterfaceMethods<RuntimeKernelOpInterface>;

//===----------------------------------------------------------------------===//
// Creation
//===----------------------------------------------------------------------===//

def DL_ConstantOp : DL_Op<"constant", [ConstantLike, Pure,
    AllTypesMatch<["value", "result"]>]> {
  let summary = "A tensor constant.";
  let description = [{
    ```mlir
    %one = dl.constant dense<1.0> : tensor<f32>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs AnyStaticShapeTensor:$result);
  let assemblyFormat = "$value attr-dict";
  let builders = [OpBuilder<(ins "::mlir::ElementsAttr":$value)>];
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

class DL_BinaryOp<string mnemonic> : DL_Op<mnemonic, [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["lhs", "rhs", "result"]>, DL_Differentiable]> {
  let arguments = (ins DL_FloatTensor:$lhs, DL_FloatTensor:$rhs);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)";
}

def DL_AddOp : DL_BinaryOp<"add"> {
  let summary = "Elementwise sum with numpy broadcasting.";
  let description = [{
    Shapes broadcast as in numpy: trailing dimensions are aligned and a
    dimension of size 1 stretches to match the other.
    ```mlir
    %y = dl.add %x, %b : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
    ```
  }];
}
def DL_SubOp : DL_BinaryOp<"sub"> {
  let summary = "Elementwise difference with numpy broadcasting.";
  let description = [{
    ```mlir
    %y = dl.sub %a, %b : tensor<4x3xf32>, tensor<4x1xf32> -> tensor<4x3xf32>
    ```
  }];
}
def DL_MulOp : DL_BinaryOp<"mul"> {
  let summary = "Elementwise product with numpy broadcasting.";
  let description = [{
    ```mlir
    %y = dl.mul %lr, %g : tensor<f32>, tensor<10x4xf32> -> tensor<10x4xf32>
    ```
  }];
}
def DL_DivOp : DL_BinaryOp<"div"> {
  let summary = "Elementwise quotient with numpy broadcasting.";
  let description = [{
    ```mlir
    %y = dl.div %a, %n : tensor<8x3xf32>, tensor<f32> -> tensor<8x3xf32>
    ```
  }];
}

class DL_UnaryOp<string mnemonic, string what> : DL_Op<mnemonic,
    [Pure, SameOperandsAndResultType, DL_Differentiable]> {
  let summary = "Elementwise " # what # ".";
  let description = "Applies " # what # [{ to every element.
    ```mlir
    %y = dl.}] # mnemonic # [{ %x : tensor<4x3xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
}

def DL_NegOp : DL_UnaryOp<"neg", "negation (-x)">;
def DL_ExpOp : DL_UnaryOp<"exp", "the exponential e^x">;
def DL_LogOp : DL_UnaryOp<"log", "the natural logarithm">;
def DL_TanhOp : DL_UnaryOp<"tanh", "the hyperbolic tangent">;
def DL_SigmoidOp : DL_UnaryOp<"sigmoid", "the logistic sigmoid 1/(1+e^-x)">;
def DL_ReluOp : DL_UnaryOp<"relu", "the rectifier max(x, 0)">;
def DL_SignOp : DL_UnaryOp<"sign",
    "the sign (-1, 0 or 1; its gradient is zero everywhere)">;

//===----------------------------------------------------------------------===//
// Contraction
//===----------------------------------------------------------------------===//

def DL_MatmulOp : DL_Op<"matmul", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["lhs", "rhs", "result"]>, DL_Differentiable, DL_RuntimeKernel]> {
  let summary = "Matrix product of two rank-2 tensors, optionally transposed.";
  let description = [{
    `result = op(lhs) · op(rhs)` where `op` transposes its operand when
    `transpose_lhs` / `transpose_rhs` is set. A linear layer `x·Wᵀ` is a
    matmul with `transpose_rhs`.
    ```mlir
    %y = dl.matmul %x, %w transpose_rhs : tensor<256x400xf32>, tensor<120x400xf32> -> tensor<256x120xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$lhs, DL_FloatTensor:$rhs,
                       UnitAttr:$transpose_lhs, UnitAttr:$transpose_rhs);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs (`transpose_lhs` $transpose_lhs^)? (`transpose_rhs` $transpose_rhs^)?
    attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
}

//===----------------------------------------------------------------------===//
// Reduction and normalisation
//===----------------------------------------------------------------------===//

// Composite ops rewrite themselves into primitive dl ops (dl-decompose);
// lowering falls back to that decomposition.
def DL_Decomposable : DeclareOpInterfaceMethods<DecomposableOpInterface>;

def DL_ReduceSumOp : DL_Op<"reduce_sum", [Pure, InferTypeOpAdaptor, DL_Differentiable]> {
  let summary = "Sum over the given axes.";
  let description = [{
    Axes are sorted, distinct and in range. With `keepdims` the reduced axes
    stay as size 1.
    ```mlir
    %s = dl.reduce_sum %x axes = [0] : tensor<256x10xf32> -> tensor<10xf32>
    %t = dl.reduce_sum %x axes = [1] keepdims : tensor<256x10xf32> -> tensor<256x1xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DenseI64ArrayAttr:$axes,
                       UnitAttr:$keepdims);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `axes` `=` $axes (`keepdims` $keepdims^)? attr-dict `:` type($input) `->` type($result)
  }];
}

def DL_ReduceMaxOp : DL_Op<"reduce_max", [Pure, InferTypeOpAdaptor, DL_Differentiable]> {
  let summary = "Maximum over the given axes (PyTorch's `amax`).";
  let description = [{
    Axes are sorted, distinct and in range, and each reduced axis is
    non-empty (an empty axis has no maximum). With `keepdims` the reduced
    axes stay as size 1. A NaN in a reduced slice makes its maximum NaN.

    Gradient: the cotangent goes to the positions that attain the maximum
    and is split evenly between ties, as PyTorch's `amax` backward does
    (`max(dim)` instead routes it to one index).
    ```mlir
    %m = dl.reduce_max %x axes = [1] keepdims : tensor<256x10xf32> -> tensor<256x1xf32>
    %n = dl.reduce_max %x axes = [0, 1] : tensor<256x10xf32> -> tensor<f32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DenseI64ArrayAttr:$axes,
                       UnitAttr:$keepdims);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `axes` `=` $axes (`keepdims` $keepdims^)? attr-dict `:` type($input) `->` type($result)
  }];
}

def DL_SoftmaxOp : DL_Op<"softmax", [Pure, SameOperandsAndResultType, DL_Differentiable,
    DL_Decomposable]> {
  let summary = "Softmax along one axis.";
  let description = [{
    Computed stably as exp(x - max) / sum(exp(x - max)); decomposes into
    `reduce_max`, `sub`, `exp`, `reduce_sum` and `div`.
    ```mlir
    %p = dl.softmax %logits axis = 1 : tensor<256x10xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, I64Attr:$axis);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = "$input `axis` `=` $axis attr-dict `:` type($input)";
  let hasVerifier = 1;
}

def DL_LogSoftmaxOp : DL_Op<"log_softmax", [Pure, SameOperandsAndResultType,
    DL_Differentiable, DL_Decomposable]> {
  let summary = "Log-softmax along one axis (PyTorch's `log_softmax`).";
  let description = [{
    `y = x - logsumexp(x)` along `axis`, computed stably as
    `(x - max) - log(sum(exp(x - max)))`, so large logits neither overflow
    nor lose the small differences between them. Decomposes into
    `reduce_max`, `sub`, `exp`, `reduce_sum` and `log`. Its VJP is
    `g - exp(y) * sum(g, axis)`.
    ```mlir
    %l = dl.log_softmax %logits axis = 1 : tensor<256x10xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, I64Attr:$axis);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = "$input `axis` `=` $axis attr-dict `:` type($input)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Loss
//===----------------------------------------------------------------------===//

def DL_OneHotOp : DL_Op<"one_hot", [Pure, InferTypeOpAdaptor]> {
  let summary = "One-hot encoding of integer labels as floats (f32 unless the result type says otherwise).";
  let description = [{
    `result[i..., c] = labels[i...] == c ? 1 : 0`. Labels outside
    `[0, classes)` give an all-zero row.
    ```mlir
    %t = dl.one_hot %labels classes = 10 : tensor<256xi32> -> tensor<256x10xf32>
    ```
  }];
  let arguments = (ins DL_LabelTensor:$labels, I64Attr:$classes);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat =
      "$labels `classes` `=` $classes attr-dict `:` type($labels) `->` type($result)";
  let extraClassDeclaration = [{
    /// The inferred type is f32; any float element type of that shape is fine.
    static bool isCompatibleReturnTypes(::mlir::TypeRange inferred, ::mlir::TypeRange actual);
  }];
}

def DL_SoftmaxCrossEntropyOp : DL_Op<"softmax_cross_entropy",
    [Pure, InferTypeOpAdaptor, DL_Differentiable, DL_Decomposable]> {
  let summary = "Mean cross-entropy between softmax(logits) and integer labels.";
  let description = [{
    `loss = mean_n (logsumexp(logits[n, :]) - logits[n, labels[n]])`, what
    PyTorch's `CrossEntropyLoss()` computes. Logits are (N, C), labels (N).
    Its VJP is `(softmax(logits) - one_hot(labels)) * g / N`. Decomposes
    with a stable logsumexp (`max + log(sum(exp(x - max)))`); the picked
    logit is `sum(one_hot(labels) * logits)` along C.
    ```mlir
    %l = dl.softmax_cross_entropy %logits, %labels : tensor<256x10xf32>, tensor<256xi32> -> tensor<f32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$logits, DL_LabelTensor:$labels);
  let results = (outs 0DTensorOf<[F32, F64, BF16]>:$result);
  let assemblyFormat =
      "$logits `,` $labels attr-dict `:` type($logits) `,` type($labels) `->` type($result)";
}

//===----------------------------------------------------------------------===//
// Shape
//===----------------------------------------------------------------------===//

def DL_ReshapeOp : DL_Op<"reshape", [Pure, DL_Differentiable]> {
  let summary = "Same elements in row-major order, new shape.";
  let description = [{
    ```mlir
    %f = dl.reshape %x : tensor<256x16x5x5xf32> -> tensor<256x400xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def DL_BroadcastToOp : DL_Op<"broadcast_to", [Pure, DL_Differentiable]> {
  let summary = "Numpy-broadcasts a tensor to a larger shape.";
  let description = [{
    ```mlir
    %b = dl.broadcast_to %x : tensor<1x10xf32> -> tensor<256x10xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Vision (NCHW activations, OIHW filters; run by oneDNN)
//===----------------------------------------------------------------------===//

def DL_Conv2dOp : DL_Op<"conv2d", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["input", "filter", "result"]>, DL_Differentiable, DL_RuntimeKernel]> {
  let summary = "2-D convolution (cross-correlation), NCHW × OIHW → NCHW.";
  let description = [{
    `stride` and `padding` are (H, W) pairs; padding is symmetric. Bias is a
    separate broadcasting `dl.add`.
    ```mlir
    %y = dl.conv2d %x, %w stride = [1, 1] padding = [2, 2]
        : tensor<256x1x28x28xf32>, tensor<6x1x5x5xf32> -> tensor<256x6x28x28xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DL_FloatTensor:$filter,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $filter `stride` `=` $stride `padding` `=` $padding attr-dict
    `:` type($input) `,` type($filter) `->` type($result)
  }];
}

def DL_Conv2dBackwardDataOp : DL_Op<"conv2d_backward_data", [Pure, DL_RuntimeKernel]> {
  let summary = "Backward-only: gradient of conv2d with respect to its input.";
  let description = [{
    Produced by autodiff. The result type is the forward input's type (it is
    not unique given the output shape when stride > 1).
    ```mlir
    %dx = dl.conv2d_backward_data %dy, %w stride = [1, 1] padding = [2, 2]
        : tensor<256x6x28x28xf32>, tensor<6x1x5x5xf32> -> tensor<256x1x28x28xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$grad, DL_FloatTensor:$filter,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $grad `,` $filter `stride` `=` $stride `padding` `=` $padding attr-dict
    `:` type($grad) `,` type($filter) `->` type($result)
  }];
  let hasVerifier = 1;
}

def DL_Conv2dBackwardFilterOp : DL_Op<"conv2d_backward_filter", [Pure, DL_RuntimeKernel]> {
  let summary = "Backward-only: gradient of conv2d with respect to its filter.";
  let description = [{
    ```mlir
    %dw = dl.conv2d_backward_filter %x, %dy stride = [1, 1] padding = [2, 2]
        : tensor<256x1x28x28xf32>, tensor<256x6x28x28xf32> -> tensor<6x1x5x5xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DL_FloatTensor:$grad,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $grad `stride` `=` $stride `padding` `=` $padding attr-dict
    `:` type($input) `,` type($grad) `->` type($result)
  }];
  let hasVerifier = 1;
}

class DL_Pool2dOp<string mnemonic, string kind> : DL_Op<mnemonic,
    [Pure, InferTypeOpAdaptor, DL_Differentiable, DL_RuntimeKernel]> {
  let summary = "2-D " # kind # " pooling over NCHW (PyTorch `" # kind # "_pool2d`).";
  let description = [{
    Average pooling divides by the full window (padding counts as zeros, as
    in PyTorch's default `count_include_pad=True`).
    ```mlir
    %y = dl.}] # mnemonic # [{ %x kernel = [2, 2] stride = [2, 2] padding = [0, 0]
        : tensor<256x6x28x28xf32> -> tensor<256x6x14x14xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DenseI64ArrayAttr:$kernel,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `kernel` `=` $kernel `stride` `=` $stride `padding` `=` $padding
    attr-dict `:` type($input) `->` type($result)
  }];
}
def DL_AvgPool2dOp : DL_Pool2dOp<"avg_pool2d", "avg">;
def DL_MaxPool2dOp : DL_Pool2dOp<"max_pool2d", "max">;

def DL_MaxPool2dWithWorkspaceOp : DL_Op<"max_pool2d_with_workspace",
    [Pure, InferTypeOpAdaptor, DL_RuntimeKernel]> {
  let summary = "Backward-support: max pooling that also returns its workspace.";
  let description = [{
    Produced by the VJP of `dl.max_pool2d`, which replaces the forward op by
    this one: `workspace` is an opaque byte buffer (the arg-max of every
    window, in the backend's encoding) that `dl.max_pool2d_backward` reads,
    so the backward never recomputes the forward. Its size is
    N·C·OH·OW bytes (4 bytes each when a window has more than 255 elements).
    ```mlir
    %y, %ws = dl.max_pool2d_with_workspace %x kernel = [2, 2] stride = [2, 2] padding = [0, 0]
        : tensor<8x6x28x28xf32> -> tensor<8x6x14x14xf32>, tensor<9408xi8>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DenseI64ArrayAttr:$kernel,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding);
  let results = (outs DL_FloatTensor:$result, StaticShapeTensorOf<[I8]>:$workspace);
  let assemblyFormat = [{
    $input `kernel` `=` $kernel `stride` `=` $stride `padding` `=` $padding
    attr-dict `:` type($input) `->` type($result) `,` type($workspace)
  }];
}

def DL_AvgPool2dBackwardOp : DL_Op<"avg_pool2d_backward",
    [Pure, AllTypesMatch<["input", "result"]>, DL_RuntimeKernel]> {
  let summary = "Backward-only: gradient of average pooling.";
  let description = [{
    Takes the output cotangent and the forward input (for its shape).
    ```mlir
    %dx = dl.avg_pool2d_backward %dy, %x kernel = [2, 2] stride = [2, 2] padding = [0, 0]
        : tensor<256x6x14x14xf32>, tensor<256x6x28x28xf32> -> tensor<256x6x28x28xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$grad, DL_FloatTensor:$input,
                       DenseI64ArrayAttr:$kernel, DenseI64ArrayAttr:$stride,
                       DenseI64ArrayAttr:$padding);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $grad `,` $input `kernel` `=` $kernel `stride` `=` $stride `padding` `=` $padding
    attr-dict `:` type($grad) `,` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
}

def DL_MaxPool2dBackwardOp : DL_Op<"max_pool2d_backward", [Pure, DL_RuntimeKernel]> {
  let summary = "Backward-only: gradient of max pooling, from the forward's workspace.";
  let description = [{
    Routes each output cotangent to the arg-max of its window, which the
    workspace of `dl.max_pool2d_with_workspace` records. The result type is
    the forward input's.
    ```mlir
    %dx = dl.max_pool2d_backward %dy, %ws kernel = [2, 2] stride = [2, 2] padding = [0, 0]
        : tensor<8x6x14x14xf32>, tensor<9408xi8> -> tensor<8x6x28x28xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$grad, StaticShapeTensorOf<[I8]>:$workspace,
                       DenseI64ArrayAttr:$kernel, DenseI64ArrayAttr:$stride,
                       DenseI64ArrayAttr:$padding);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $grad `,` $workspace `kernel` `=` $kernel `stride` `=` $stride `padding` `=` $padding
    attr-dict `:` type($grad) `,` type($workspace) `->` type($result)
  }];
  let hasVerifier = 1;
}

#endif // DLC_IR_DLOPS_TD
