//===- Vision.td - convolution and pooling ---------------------*- tablegen -*-===//
//
// Included by ir/DLOps.td; shape rules and VJPs in ir/ops/Vision.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_VISION_TD
#define DLC_IR_OPS_VISION_TD

// Convolution parameters beyond stride and padding, PyTorch's defaults
// elided when printing.
defvar DL_ConvDilation = DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">;
defvar DL_ConvGroups = DefaultValuedAttr<I64Attr, "1">;
defvar DL_ConvExtrasFormat =
    "(`dilation` `=` $dilation^)? (`groups` `=` $groups^)?";

def DL_Conv2dOp : DL_Op<"conv2d", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["input", "filter", "result"]>, DL_Differentiable, DL_RuntimeKernel]> {
  let summary = "2-D convolution (cross-correlation), NCHW × OIHW → NCHW (PyTorch `conv2d`).";
  let description = [{
    `stride`, `padding` and `dilation` are (H, W) pairs; padding is
    symmetric. With `groups` = g the C input channels and O output channels
    split into g groups convolved separately; the filter is
    (O, C/g, KH, KW) as PyTorch's. Dilation d spaces the kernel taps d apart.
    Both default to 1 (and are then not printed). Bias is a separate
    broadcasting `dl.add`.
    ```mlir
    %y = dl.conv2d %x, %w stride = [1, 1] padding = [2, 2]
        : tensor<256x1x28x28xf32>, tensor<6x1x5x5xf32> -> tensor<256x6x28x28xf32>
    %z = dl.conv2d %x, %v stride = [1, 1] padding = [2, 2] dilation = [2, 2] groups = 2
        : tensor<8x4x9x9xf32>, tensor<6x2x3x3xf32> -> tensor<8x6x9x9xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DL_FloatTensor:$filter,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding,
                       DL_ConvDilation:$dilation, DL_ConvGroups:$groups);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = !strconcat("$input `,` $filter `stride` `=` $stride `padding` `=` $padding ",
    DL_ConvExtrasFormat,
    " attr-dict `:` type($input) `,` type($filter) `->` type($result)");
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
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding,
                       DL_ConvDilation:$dilation, DL_ConvGroups:$groups);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = !strconcat("$grad `,` $filter `stride` `=` $stride `padding` `=` $padding ",
    DL_ConvExtrasFormat,
    " attr-dict `:` type($grad) `,` type($filter) `->` type($result)");
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
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding,
                       DL_ConvDilation:$dilation, DL_ConvGroups:$groups);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = !strconcat("$input `,` $grad `stride` `=` $stride `padding` `=` $padding ",
    DL_ConvExtrasFormat,
    " attr-dict `:` type($input) `,` type($grad) `->` type($result)");
  let hasVerifier = 1;
}

// `ceil_mode` (PyTorch's, default off): output sizes round up, the last
// window starting inside the input or its left padding; the windows that
// reach past the right padding take only what they cover.
defvar DL_PoolCeilFormat = "(`ceil_mode` $ceil_mode^)?";
// Average pooling's `count_include_pad` (PyTorch's, default true): padding
// counts as zeros in each window's divisor; false divides by the input
// elements the window covers.
defvar DL_PoolCountFormat = "(`count_include_pad` `=` $count_include_pad^)?";

def DL_AvgPool2dOp : DL_Op<"avg_pool2d",
    [Pure, InferTypeOpAdaptor, DL_Differentiable, DL_RuntimeKernel]> {
  let summary = "2-D average pooling over NCHW (PyTorch `avg_pool2d`).";
  let description = [{
    Each window's sum divided by its size: with `count_include_pad` (the
    default) the window clipped to the padded input, as PyTorch (in ceil mode
    the part past the right padding does not count); without, only the input
    elements it covers. `ceil_mode` rounds the output size up.
    ```mlir
    %y = dl.avg_pool2d %x kernel = [2, 2] stride = [2, 2] padding = [0, 0]
        : tensor<256x6x28x28xf32> -> tensor<256x6x14x14xf32>
    %z = dl.avg_pool2d %x kernel = [3, 3] stride = [2, 2] padding = [1, 1] ceil_mode
        count_include_pad = false : tensor<1x2x6x6xf32> -> tensor<1x2x4x4xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DenseI64ArrayAttr:$kernel,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding,
                       UnitAttr:$ceil_mode,
                       DefaultValuedAttr<BoolAttr, "true">:$count_include_pad);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = !strconcat("$input `kernel` `=` $kernel `stride` `=` $stride `padding` `=` $padding ",
    DL_PoolCeilFormat,
    " ",
    DL_PoolCountFormat,
    " attr-dict `:` type($input) `->` type($result)");
}

def DL_MaxPool2dOp : DL_Op<"max_pool2d",
    [Pure, InferTypeOpAdaptor, DL_Differentiable, DL_RuntimeKernel]> {
  let summary = "2-D max pooling over NCHW (PyTorch `max_pool2d`).";
  let description = [{
    The maximum of each window (padding never wins). `ceil_mode` rounds the
    output size up.
    ```mlir
    %y = dl.max_pool2d %x kernel = [2, 2] stride = [2, 2] padding = [0, 0]
        : tensor<256x6x28x28xf32> -> tensor<256x6x14x14xf32>
    %z = dl.max_pool2d %x kernel = [3, 3] stride = [2, 2] padding = [0, 0] ceil_mode
        : tensor<1x2x6x6xf32> -> tensor<1x2x3x3xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DenseI64ArrayAttr:$kernel,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding,
                       UnitAttr:$ceil_mode);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = !strconcat("$input `kernel` `=` $kernel `stride` `=` $stride `padding` `=` $padding ",
    DL_PoolCeilFormat,
    " attr-dict `:` type($input) `->` type($result)");
}

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
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding,
                       UnitAttr:$ceil_mode);
  let results = (outs DL_FloatTensor:$result, StaticShapeTensorOf<[I8]>:$workspace);
  let assemblyFormat = !strconcat("$input `kernel` `=` $kernel `stride` `=` $stride `padding` `=` $padding ",
    DL_PoolCeilFormat,
    " attr-dict `:` type($input) `->` type($result) `,` type($workspace)");
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
                       DenseI64ArrayAttr:$padding, UnitAttr:$ceil_mode,
                       DefaultValuedAttr<BoolAttr, "true">:$count_include_pad);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = !strconcat("$grad `,` $input `kernel` `=` $kernel `stride` `=` $stride `padding` `=` $padding ",
    DL_PoolCeilFormat,
    " ",
    DL_PoolCountFormat,
    " attr-dict `:` type($grad) `,` type($input) `->` type($result)");
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
                       DenseI64ArrayAttr:$padding, UnitAttr:$ceil_mode);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = !strconcat("$grad `,` $workspace `kernel` `=` $kernel `stride` `=` $stride `padding` `=` $padding ",
    DL_PoolCeilFormat,
    " attr-dict `:` type($grad) `,` type($workspace) `->` type($result)");
  let hasVerifier = 1;
}

def DL_AdaptiveAvgPool2dOp : DL_Op<"adaptive_avg_pool2d",
    [Pure, InferTypeOpAdaptor, DL_Differentiable, DL_Decomposable]> {
  let summary = "2-D adaptive average pooling over NCHW (PyTorch `adaptive_avg_pool2d`).";
  let description = [{
    Averages each of `output_size` (OH, OW) windows: output row i covers
    input rows [floor(i·H/OH), ceil((i+1)·H/OH)) (PyTorch's windows, which
    overlap when OH does not divide H), columns likewise.

    Decomposes into primitive ops: global pooling (1, 1), the common case
    (NiN, ResNet), is a mean (`dl.reduce_sum` over H and W, divided by H·W);
    other sizes are separable, Pₕ·x·P_wᵀ per image with constant (OH, H) and
    (OW, W) averaging matrices (two `dl.batch_matmul`s).
    ```mlir
    %y = dl.adaptive_avg_pool2d %x output_size = [3, 3]
        : tensor<2x4x7x7xf32> -> tensor<2x4x3x3xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DenseI64ArrayAttr:$output_size);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `output_size` `=` $output_size attr-dict `:` type($input) `->` type($result)
  }];
}

#endif // DLC_IR_OPS_VISION_TD
