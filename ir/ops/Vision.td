//===- Vision.td - convolution and pooling ---------------------*- tablegen -*-===//
//
// Included by ir/DLOps.td; shape rules and VJPs in ir/ops/Vision.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_VISION_TD
#define DLC_IR_OPS_VISION_TD

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

#endif // DLC_IR_OPS_VISION_TD
