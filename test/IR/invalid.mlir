// RUN: dlc-opt %s -split-input-file -verify-diagnostics

// Every shape-rule, verifier and type-constraint failure of the dl ops.
// Shape rules run inside inferReturnTypes: they report the reason at the op,
// then MLIR adds "failed to infer returned types".

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

func.func @add$not_broadcastable(%a: tensor<2x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+2 {{shapes [2, 3] and [4] do not broadcast (dimension 1: 3 vs 4)}}
  // expected-error @+1 {{'dl.add' op failed to infer returned types}}
  %0 = dl.add %a, %b : tensor<2x3xf32>, tensor<4xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @sub$not_broadcastable(%a: tensor<2x3xf32>, %b: tensor<3x3xf32>) {
  // expected-error @+2 {{shapes [2, 3] and [3, 3] do not broadcast (dimension 0: 2 vs 3)}}
  // expected-error @+1 {{'dl.sub' op failed to infer returned types}}
  %0 = dl.sub %a, %b : tensor<2x3xf32>, tensor<3x3xf32> -> tensor<2x3xf32>
  return
}

// -----

// The declared result type must be the inferred one.
func.func @add$wrong_result(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{'dl.add' op inferred type(s) 'tensor<2x3xf32>' are incompatible with return type(s) of operation 'tensor<2x4xf32>'}}
  // expected-error @+1 {{'dl.add' op failed to infer returned types}}
  %0 = dl.add %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x4xf32>
  return
}

// -----

// Broadcasting never shrinks: the result has the larger rank.
func.func @mul$wrong_result_rank(%a: tensor<f32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{'dl.mul' op inferred type(s) 'tensor<3xf32>' are incompatible with return type(s) of operation 'tensor<f32>'}}
  // expected-error @+1 {{'dl.mul' op failed to infer returned types}}
  %0 = dl.mul %a, %b : tensor<f32>, tensor<3xf32> -> tensor<f32>
  return
}

// -----

func.func @add$i32(%a: tensor<2x3xi32>, %b: tensor<3xi32>) {
  // expected-error @+1 {{'dl.add' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or bfloat16 type values, but got 'tensor<2x3xi32>'}}
  %0 = dl.add %a, %b : tensor<2x3xi32>, tensor<3xi32> -> tensor<2x3xi32>
  return
}

// -----

// Element types come from the operands, but they must agree.
func.func @div$mixed_types(%a: tensor<3xf32>, %b: tensor<3xf64>) {
  // expected-error @+1 {{'dl.div' op failed to verify that all of {lhs, rhs, result} have same element type}}
  %0 = dl.div %a, %b : tensor<3xf32>, tensor<3xf64> -> tensor<3xf32>
  return
}

// -----

func.func @exp$unranked(%x: tensor<*xf32>) {
  // expected-error @+1 {{custom op 'dl.exp' invalid kind of type specified: expected builtin.tensor, but found 'tensor<*xf32>'}}
  %0 = dl.exp %x : tensor<*xf32>
  return
}

// -----

func.func @exp$result_type(%x: tensor<4x10xf32>) {
  // expected-error @+1 {{'dl.exp' op requires the same type for all operands and results}}
  %0 = "dl.exp"(%x) : (tensor<4x10xf32>) -> tensor<10x4xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Creation
//===----------------------------------------------------------------------===//

func.func @constant$type_mismatch() {
  // expected-error @+1 {{'dl.constant' op failed to verify that all of {value, result} have same type}}
  %0 = "dl.constant"() <{value = dense<1.0> : tensor<f32>}> : () -> tensor<2xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Contraction
//===----------------------------------------------------------------------===//

func.func @matmul$contraction(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) {
  // expected-error @+2 {{matmul contraction sizes differ: [2, 3] · [4, 5] contracts 3 with 4}}
  // expected-error @+1 {{'dl.matmul' op failed to infer returned types}}
  %0 = dl.matmul %a, %b : tensor<2x3xf32>, tensor<4x5xf32> -> tensor<2x5xf32>
  return
}

// -----

// The message marks transposed operands with ᵀ.
func.func @matmul$contraction_transposed(%a: tensor<3x2xf32>, %b: tensor<5x4xf32>) {
  // expected-error @+2 {{matmul contraction sizes differ: [3, 2]ᵀ · [5, 4]ᵀ contracts 3 with 4}}
  // expected-error @+1 {{'dl.matmul' op failed to infer returned types}}
  %0 = dl.matmul %a, %b transpose_lhs transpose_rhs : tensor<3x2xf32>, tensor<5x4xf32> -> tensor<2x5xf32>
  return
}

// -----

// Without transpose_rhs a linear layer's weight does not contract.
func.func @matmul$missing_transpose(%x: tensor<8x4xf32>, %w: tensor<3x4xf32>) {
  // expected-error @+2 {{matmul contraction sizes differ: [8, 4] · [3, 4] contracts 4 with 3}}
  // expected-error @+1 {{'dl.matmul' op failed to infer returned types}}
  %0 = dl.matmul %x, %w : tensor<8x4xf32>, tensor<3x4xf32> -> tensor<8x3xf32>
  return
}

// -----

func.func @matmul$rank3(%a: tensor<2x3x4xf32>, %b: tensor<4x5xf32>) {
  // expected-error @+2 {{matmul expects rank-2 operands, got [2, 3, 4] and [4, 5]}}
  // expected-error @+1 {{'dl.matmul' op failed to infer returned types}}
  %0 = dl.matmul %a, %b : tensor<2x3x4xf32>, tensor<4x5xf32> -> tensor<3x5xf32>
  return
}

// -----

func.func @matmul$wrong_result(%a: tensor<2x3xf32>, %b: tensor<3x5xf32>) {
  // expected-error @+2 {{'dl.matmul' op inferred type(s) 'tensor<2x5xf32>' are incompatible with return type(s) of operation 'tensor<5x2xf32>'}}
  // expected-error @+1 {{'dl.matmul' op failed to infer returned types}}
  %0 = dl.matmul %a, %b : tensor<2x3xf32>, tensor<3x5xf32> -> tensor<5x2xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Reduction and normalisation
//===----------------------------------------------------------------------===//

func.func @reduce_sum$axis_out_of_range(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{reduction axis 2 out of range for rank 2}}
  // expected-error @+1 {{'dl.reduce_sum' op failed to infer returned types}}
  %0 = dl.reduce_sum %x axes = [2] : tensor<2x3xf32> -> tensor<2xf32>
  return
}

// -----

func.func @reduce_sum$negative_axis(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{reduction axis -1 out of range for rank 2}}
  // expected-error @+1 {{'dl.reduce_sum' op failed to infer returned types}}
  %0 = dl.reduce_sum %x axes = [-1] : tensor<2x3xf32> -> tensor<2xf32>
  return
}

// -----

func.func @reduce_sum$unsorted(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{reduction axes [1, 0] must be sorted and distinct}}
  // expected-error @+1 {{'dl.reduce_sum' op failed to infer returned types}}
  %0 = dl.reduce_sum %x axes = [1, 0] : tensor<2x3xf32> -> tensor<f32>
  return
}

// -----

func.func @reduce_sum$duplicate(%x: tensor<4x10xf32>) {
  // expected-error @+2 {{reduction axes [0, 0] must be sorted and distinct}}
  // expected-error @+1 {{'dl.reduce_sum' op failed to infer returned types}}
  %0 = dl.reduce_sum %x axes = [0, 0] : tensor<4x10xf32> -> tensor<10xf32>
  return
}

// -----

// keepdims keeps the reduced axis as size 1.
func.func @reduce_sum$keepdims_result(%x: tensor<4x10xf32>) {
  // expected-error @+2 {{'dl.reduce_sum' op inferred type(s) 'tensor<4x1xf32>' are incompatible with return type(s) of operation 'tensor<4xf32>'}}
  // expected-error @+1 {{'dl.reduce_sum' op failed to infer returned types}}
  %0 = dl.reduce_sum %x axes = [1] keepdims : tensor<4x10xf32> -> tensor<4xf32>
  return
}

// -----

func.func @reduce_max$axis_out_of_range(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{reduction axis 2 out of range for rank 2}}
  // expected-error @+1 {{'dl.reduce_max' op failed to infer returned types}}
  %0 = dl.reduce_max %x axes = [2] : tensor<2x3xf32> -> tensor<2xf32>
  return
}

// -----

func.func @reduce_max$unsorted(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{reduction axes [1, 0] must be sorted and distinct}}
  // expected-error @+1 {{'dl.reduce_max' op failed to infer returned types}}
  %0 = dl.reduce_max %x axes = [1, 0] : tensor<2x3xf32> -> tensor<f32>
  return
}

// -----

// A maximum over nothing is undefined (PyTorch's amax raises too).
func.func @reduce_max$empty_axis(%x: tensor<4x0xf32>) {
  // expected-error @+2 {{max over axis 1 of shape [4, 0] is undefined: the axis is empty}}
  // expected-error @+1 {{'dl.reduce_max' op failed to infer returned types}}
  %0 = dl.reduce_max %x axes = [1] : tensor<4x0xf32> -> tensor<4xf32>
  return
}

// -----

func.func @reduce_max$keepdims_result(%x: tensor<4x10xf32>) {
  // expected-error @+2 {{'dl.reduce_max' op inferred type(s) 'tensor<4x1xf32>' are incompatible with return type(s) of operation 'tensor<4xf32>'}}
  // expected-error @+1 {{'dl.reduce_max' op failed to infer returned types}}
  %0 = dl.reduce_max %x axes = [1] keepdims : tensor<4x10xf32> -> tensor<4xf32>
  return
}

// -----

func.func @reduce_max$i32(%x: tensor<4x10xi32>) {
  // expected-error @+1 {{'dl.reduce_max' op operand #0 must be}}
  %0 = dl.reduce_max %x axes = [1] : tensor<4x10xi32> -> tensor<4xi32>
  return
}

// -----

func.func @softmax$axis_out_of_range(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'dl.softmax' op axis 2 out of range for rank 2}}
  %0 = dl.softmax %x axis = 2 : tensor<2x3xf32>
  return
}

// -----

func.func @softmax$negative_axis(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'dl.softmax' op axis -1 out of range for rank 2}}
  %0 = dl.softmax %x axis = -1 : tensor<2x3xf32>
  return
}

// -----

func.func @softmax$rank0(%x: tensor<f32>) {
  // expected-error @+1 {{'dl.softmax' op axis 0 out of range for rank 0}}
  %0 = dl.softmax %x axis = 0 : tensor<f32>
  return
}

// -----

func.func @log_softmax$axis_out_of_range(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'dl.log_softmax' op axis 2 out of range for rank 2}}
  %0 = dl.log_softmax %x axis = 2 : tensor<2x3xf32>
  return
}

// -----

func.func @log_softmax$negative_axis(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'dl.log_softmax' op axis -1 out of range for rank 2}}
  %0 = dl.log_softmax %x axis = -1 : tensor<2x3xf32>
  return
}

// -----

func.func @log_softmax$result_type(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'dl.log_softmax' op requires the same type for all operands and results}}
  %0 = "dl.log_softmax"(%x) <{axis = 1 : i64}> : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return
}

// -----

func.func @log_softmax$i32(%x: tensor<2x3xi32>) {
  // expected-error @+1 {{'dl.log_softmax' op operand #0 must be}}
  %0 = dl.log_softmax %x axis = 1 : tensor<2x3xi32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Loss
//===----------------------------------------------------------------------===//

func.func @one_hot$zero_classes(%t: tensor<4xi32>) {
  // expected-error @+2 {{one_hot needs at least 1 class, got 0}}
  // expected-error @+1 {{'dl.one_hot' op failed to infer returned types}}
  %0 = dl.one_hot %t classes = 0 : tensor<4xi32> -> tensor<4x0xf32>
  return
}

// -----

func.func @one_hot$negative_classes(%t: tensor<4xi32>) {
  // expected-error @+2 {{one_hot needs at least 1 class, got -2}}
  // expected-error @+1 {{'dl.one_hot' op failed to infer returned types}}
  %0 = dl.one_hot %t classes = -2 : tensor<4xi32> -> tensor<4x3xf32>
  return
}

// -----

func.func @one_hot$f32_labels(%t: tensor<4xf32>) {
  // expected-error @+1 {{'dl.one_hot' op operand #0 must be statically shaped tensor of 32-bit signless integer or 64-bit signless integer values, but got 'tensor<4xf32>'}}
  %0 = dl.one_hot %t classes = 3 : tensor<4xf32> -> tensor<4x3xf32>
  return
}

// -----

func.func @softmax_cross_entropy$label_shape(%x: tensor<4x10xf32>, %t: tensor<5xi32>) {
  // expected-error @+2 {{cross-entropy expects labels of shape (4) for logits [4, 10], got [5]}}
  // expected-error @+1 {{'dl.softmax_cross_entropy' op failed to infer returned types}}
  %0 = dl.softmax_cross_entropy %x, %t : tensor<4x10xf32>, tensor<5xi32> -> tensor<f32>
  return
}

// -----

func.func @softmax_cross_entropy$label_rank(%x: tensor<4x10xf32>, %t: tensor<4x1xi32>) {
  // expected-error @+2 {{cross-entropy expects labels of shape (4) for logits [4, 10], got [4, 1]}}
  // expected-error @+1 {{'dl.softmax_cross_entropy' op failed to infer returned types}}
  %0 = dl.softmax_cross_entropy %x, %t : tensor<4x10xf32>, tensor<4x1xi32> -> tensor<f32>
  return
}

// -----

func.func @softmax_cross_entropy$logits_rank(%x: tensor<10xf32>, %t: tensor<10xi32>) {
  // expected-error @+2 {{cross-entropy expects logits of shape (N, C), got [10]}}
  // expected-error @+1 {{'dl.softmax_cross_entropy' op failed to infer returned types}}
  %0 = dl.softmax_cross_entropy %x, %t : tensor<10xf32>, tensor<10xi32> -> tensor<f32>
  return
}

// -----

func.func @softmax_cross_entropy$f32_labels(%x: tensor<4x10xf32>, %t: tensor<4xf32>) {
  // expected-error @+1 {{'dl.softmax_cross_entropy' op operand #1 must be statically shaped tensor of 32-bit signless integer or 64-bit signless integer values, but got 'tensor<4xf32>'}}
  %0 = dl.softmax_cross_entropy %x, %t : tensor<4x10xf32>, tensor<4xf32> -> tensor<f32>
  return
}

// -----

func.func @softmax_cross_entropy$not_scalar(%x: tensor<4x10xf32>, %t: tensor<4xi32>) {
  // expected-error @+1 {{'dl.softmax_cross_entropy' op result #0 must be 0D tensor of 32-bit float or 64-bit float or bfloat16 type values, but got 'tensor<1xf32>'}}
  %0 = dl.softmax_cross_entropy %x, %t : tensor<4x10xf32>, tensor<4xi32> -> tensor<1xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Shape
//===----------------------------------------------------------------------===//

func.func @reshape$element_count(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'dl.reshape' op cannot reshape [2, 3] (6 elements) to [7] (7 elements)}}
  %0 = dl.reshape %x : tensor<2x3xf32> -> tensor<7xf32>
  return
}

// -----

func.func @reshape$to_rank0(%x: tensor<2xf32>) {
  // expected-error @+1 {{'dl.reshape' op cannot reshape [2] (2 elements) to [] (1 elements)}}
  %0 = dl.reshape %x : tensor<2xf32> -> tensor<f32>
  return
}

// -----

func.func @broadcast_to$incompatible(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'dl.broadcast_to' op cannot broadcast [2, 3] to [2, 4]}}
  %0 = dl.broadcast_to %x : tensor<2x3xf32> -> tensor<2x4xf32>
  return
}

// -----

// broadcast_to only grows: a smaller target is an error.
func.func @broadcast_to$shrink(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'dl.broadcast_to' op cannot broadcast [2, 3] to [3]}}
  %0 = dl.broadcast_to %x : tensor<2x3xf32> -> tensor<3xf32>
  return
}

// -----

func.func @broadcast_to$reverse(%x: tensor<4x3xf32>) {
  // expected-error @+1 {{'dl.broadcast_to' op cannot broadcast [4, 3] to [1, 3]}}
  %0 = dl.broadcast_to %x : tensor<4x3xf32> -> tensor<1x3xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Vision
//===----------------------------------------------------------------------===//

func.func @conv2d$channels(%x: tensor<1x3x8x8xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error @+2 {{conv2d input has 3 channels but the filter expects 2 (input [1, 3, 8, 8], filter [4, 2, 3, 3])}}
  // expected-error @+1 {{'dl.conv2d' op failed to infer returned types}}
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [0, 0] : tensor<1x3x8x8xf32>, tensor<4x2x3x3xf32> -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv2d$rank3_input(%x: tensor<3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{conv2d expects an NCHW input of rank 4, got [3, 8, 8]}}
  // expected-error @+1 {{'dl.conv2d' op failed to infer returned types}}
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [0, 0] : tensor<3x8x8xf32>, tensor<4x3x3x3xf32> -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv2d$rank3_filter(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3xf32>) {
  // expected-error @+2 {{conv2d expects an OIHW filter of rank 4, got [4, 3, 3]}}
  // expected-error @+1 {{'dl.conv2d' op failed to infer returned types}}
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [0, 0] : tensor<1x3x8x8xf32>, tensor<4x3x3xf32> -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv2d$window_too_large(%x: tensor<1x3x2x2xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{window [3, 3] is larger than the padded input [2, 2] with padding [0, 0]}}
  // expected-error @+1 {{'dl.conv2d' op failed to infer returned types}}
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [0, 0] : tensor<1x3x2x2xf32>, tensor<4x3x3x3xf32> -> tensor<1x4x1x1xf32>
  return
}

// -----

func.func @conv2d$stride_count(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{stride must have 2 values (H, W), got 1}}
  // expected-error @+1 {{'dl.conv2d' op failed to infer returned types}}
  %0 = dl.conv2d %x, %w stride = [1] padding = [0, 0] : tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32> -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv2d$padding_count(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{padding must have 2 values (H, W), got 4}}
  // expected-error @+1 {{'dl.conv2d' op failed to infer returned types}}
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [1, 1, 1, 1] : tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32> -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @conv2d$zero_stride(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{stride values must be >= 1, got [0, 1]}}
  // expected-error @+1 {{'dl.conv2d' op failed to infer returned types}}
  %0 = dl.conv2d %x, %w stride = [0, 1] padding = [0, 0] : tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32> -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv2d$negative_padding(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{padding values must be >= 0, got [-1, 0]}}
  // expected-error @+1 {{'dl.conv2d' op failed to infer returned types}}
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [-1, 0] : tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32> -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv2d$wrong_result(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{'dl.conv2d' op inferred type(s) 'tensor<1x4x6x6xf32>' are incompatible with return type(s) of operation 'tensor<1x4x8x8xf32>'}}
  // expected-error @+1 {{'dl.conv2d' op failed to infer returned types}}
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [0, 0] : tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32> -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @max_pool2d$padding_over_half(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{pooling padding [2, 0] must be at most half the kernel [2, 2]}}
  // expected-error @+1 {{'dl.max_pool2d' op failed to infer returned types}}
  %0 = dl.max_pool2d %x kernel = [2, 2] stride = [2, 2] padding = [2, 0] : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @avg_pool2d$rank3(%x: tensor<3x8x8xf32>) {
  // expected-error @+2 {{pooling expects an NCHW input of rank 4, got [3, 8, 8]}}
  // expected-error @+1 {{'dl.avg_pool2d' op failed to infer returned types}}
  %0 = dl.avg_pool2d %x kernel = [2, 2] stride = [2, 2] padding = [0, 0] : tensor<3x8x8xf32> -> tensor<3x4x4xf32>
  return
}

// -----

func.func @avg_pool2d$kernel_count(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{kernel must have 2 values (H, W), got 3}}
  // expected-error @+1 {{'dl.avg_pool2d' op failed to infer returned types}}
  %0 = dl.avg_pool2d %x kernel = [2, 2, 2] stride = [2, 2] padding = [0, 0] : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @avg_pool2d$window_too_large(%x: tensor<1x3x2x8xf32>) {
  // expected-error @+2 {{window [3, 3] is larger than the padded input [2, 8] with padding [0, 0]}}
  // expected-error @+1 {{'dl.avg_pool2d' op failed to infer returned types}}
  %0 = dl.avg_pool2d %x kernel = [3, 3] stride = [1, 1] padding = [0, 0] : tensor<1x3x2x8xf32> -> tensor<1x3x1x6xf32>
  return
}

// -----

// The gradient must have the shape the forward conv2d gives the result type.
func.func @conv2d_backward_data$grad_shape(%dy: tensor<1x4x6x6xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'dl.conv2d_backward_data' op gradient shape [1, 4, 6, 6] does not match the forward output shape [1, 4, 7, 7]}}
  %0 = dl.conv2d_backward_data %dy, %w stride = [1, 1] padding = [0, 0] : tensor<1x4x6x6xf32>, tensor<4x3x3x3xf32> -> tensor<1x3x9x9xf32>
  return
}

// -----

// The result (the forward input) must match the filter's channels.
func.func @conv2d_backward_data$channels(%dy: tensor<1x4x6x6xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'dl.conv2d_backward_data' op conv2d input has 2 channels but the filter expects 3 (input [1, 2, 8, 8], filter [4, 3, 3, 3])}}
  %0 = dl.conv2d_backward_data %dy, %w stride = [1, 1] padding = [0, 0] : tensor<1x4x6x6xf32>, tensor<4x3x3x3xf32> -> tensor<1x2x8x8xf32>
  return
}

// -----

func.func @conv2d_backward_filter$grad_shape(%x: tensor<1x3x8x8xf32>, %dy: tensor<1x4x6x6xf32>) {
  // expected-error @+1 {{'dl.conv2d_backward_filter' op gradient shape [1, 4, 6, 6] does not match the forward output shape [1, 4, 4, 4]}}
  %0 = dl.conv2d_backward_filter %x, %dy stride = [1, 1] padding = [0, 0] : tensor<1x3x8x8xf32>, tensor<1x4x6x6xf32> -> tensor<4x3x5x5xf32>
  return
}

// -----

func.func @conv2d_backward_filter$stride(%x: tensor<1x3x8x8xf32>, %dy: tensor<1x4x6x6xf32>) {
  // expected-error @+1 {{'dl.conv2d_backward_filter' op stride values must be >= 1, got [0, 0]}}
  %0 = dl.conv2d_backward_filter %x, %dy stride = [0, 0] padding = [0, 0] : tensor<1x3x8x8xf32>, tensor<1x4x6x6xf32> -> tensor<4x3x3x3xf32>
  return
}

// -----

func.func @avg_pool2d_backward$grad_shape(%dy: tensor<1x3x3x3xf32>, %x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{'dl.avg_pool2d_backward' op gradient shape [1, 3, 3, 3] does not match the forward output shape [1, 3, 4, 4]}}
  %0 = dl.avg_pool2d_backward %dy, %x kernel = [2, 2] stride = [2, 2] padding = [0, 0] : tensor<1x3x3x3xf32>, tensor<1x3x8x8xf32> -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @max_pool2d_backward$grad_shape(%dy: tensor<1x3x4x4xf32>, %ws: tensor<48xi8>) {
  // expected-error @+1 {{'dl.max_pool2d_backward' op gradient shape [1, 3, 4, 4] does not match the forward output shape [1, 3, 3, 3]}}
  %0 = dl.max_pool2d_backward %dy, %ws kernel = [3, 3] stride = [2, 2] padding = [0, 0] : tensor<1x3x4x4xf32>, tensor<48xi8> -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @max_pool2d_backward$workspace_size(%dy: tensor<1x3x4x4xf32>, %ws: tensor<47xi8>) {
  // expected-error @+1 {{'dl.max_pool2d_backward' op workspace shape [47] does not match the forward output shape [48]}}
  %0 = dl.max_pool2d_backward %dy, %ws kernel = [2, 2] stride = [2, 2] padding = [0, 0] : tensor<1x3x4x4xf32>, tensor<47xi8> -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @max_pool2d_with_workspace$size(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{'dl.max_pool2d_with_workspace' op failed to infer returned types}}
  // expected-error @+1 {{'dl.max_pool2d_with_workspace' op inferred type(s) 'tensor<1x3x4x4xf32>', 'tensor<48xi8>' are incompatible with return type(s) of operation 'tensor<1x3x4x4xf32>', 'tensor<47xi8>'}}
  %y, %ws = "dl.max_pool2d_with_workspace"(%x) <{kernel = array<i64: 2, 2>, padding = array<i64: 0, 0>, stride = array<i64: 2, 2>}> : (tensor<1x3x8x8xf32>) -> (tensor<1x3x4x4xf32>, tensor<47xi8>)
  return
}

// -----

func.func @add$element_types(%a: tensor<2xf32>, %b: tensor<2xf64>) {
  // expected-error @+1 {{'dl.add' op failed to verify that all of {lhs, rhs, result} have same element type}}
  %0 = "dl.add"(%a, %b) : (tensor<2xf32>, tensor<2xf64>) -> tensor<2xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Sizes that overflow, attribute ranges
//===----------------------------------------------------------------------===//

// 2^32 · 2^32 elements wrap to 0 in int64: every dl op rejects a tensor
// whose byte size does not fit int64, before any shape rule multiplies.
func.func @reshape$overflow(%x: tensor<4294967296x4294967296xf32>) {
  // expected-error @+1 {{'dl.reshape' op operand #0: tensor of shape [4294967296, 4294967296] is too large (its size overflows a 64-bit integer)}}
  %0 = dl.reshape %x : tensor<4294967296x4294967296xf32> -> tensor<0xf32>
  return
}

// -----

// 2^61 f32 elements: the element count fits, the byte size (2^63) does not.
func.func @exp$bytes_overflow(%x: tensor<2305843009213693952xf32>) {
  // expected-error @+1 {{'dl.exp' op operand #0: tensor of shape [2305843009213693952] is too large (its size overflows a 64-bit integer)}}
  %0 = dl.exp %x : tensor<2305843009213693952xf32>
  return
}

// -----

// The largest f32 tensor that still fits: 2^61 - 1 elements.
func.func @exp$largest(%x: tensor<2305843009213693951xf32>) {
  %0 = dl.exp %x : tensor<2305843009213693951xf32>
  return
}

// -----

// A result type is checked as well as the operands.
func.func @broadcast_to$result_overflow(%x: tensor<1x1xf32>) {
  // expected-error @+1 {{'dl.broadcast_to' op result #0: tensor of shape [4294967296, 4294967296] is too large (its size overflows a 64-bit integer)}}
  %0 = dl.broadcast_to %x : tensor<1x1xf32> -> tensor<4294967296x4294967296xf32>
  return
}

// -----

// in + 2·padding would overflow.
func.func @conv2d$padding_overflow(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{padded input [8, 8] with padding [9223372036854775807, 0] is too large (its size overflows a 64-bit integer)}}
  // expected-error @+1 {{'dl.conv2d' op failed to infer returned types}}
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [9223372036854775807, 0] : tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32> -> tensor<1x4x6x6xf32>
  return
}

// -----

// A stride larger than the input is valid (one window, as in PyTorch), even
// INT64_MAX: (8 - 3) / stride + 1 = 1 cannot overflow.
func.func @conv2d$huge_stride(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  %0 = dl.conv2d %x, %w stride = [9223372036854775807, 1] padding = [0, 0] : tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32> -> tensor<1x4x1x6xf32>
  return
}

// -----

// A negative kernel is reported as such (it used to be blamed on padding).
func.func @max_pool2d$negative_kernel(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{kernel values must be >= 1, got [-2, -2]}}
  // expected-error @+1 {{'dl.max_pool2d' op failed to infer returned types}}
  %0 = dl.max_pool2d %x kernel = [-2, -2] stride = [1, 1] padding = [0, 0] : tensor<1x3x8x8xf32> -> tensor<1x3x1x4xf32>
  return
}

// -----

func.func @max_pool2d$zero_stride(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{stride values must be >= 1, got [2, 0]}}
  // expected-error @+1 {{'dl.max_pool2d' op failed to infer returned types}}
  %0 = dl.max_pool2d %x kernel = [2, 2] stride = [2, 0] padding = [0, 0] : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @avg_pool2d$negative_padding(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{padding values must be >= 0, got [0, -1]}}
  // expected-error @+1 {{'dl.avg_pool2d' op failed to infer returned types}}
  %0 = dl.avg_pool2d %x kernel = [2, 2] stride = [2, 2] padding = [0, -1] : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @max_pool2d$stride_count(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{stride must have 2 values (H, W), got 1}}
  // expected-error @+1 {{'dl.max_pool2d' op failed to infer returned types}}
  %0 = dl.max_pool2d %x kernel = [2, 2] stride = [2] padding = [0, 0] : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @max_pool2d$padding_count(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{padding must have 2 values (H, W), got 0}}
  // expected-error @+1 {{'dl.max_pool2d' op failed to infer returned types}}
  %0 = dl.max_pool2d %x kernel = [2, 2] stride = [2, 2] padding = [] : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return
}

// -----

// Padding INT64_MAX is over half the kernel: no overflow in that check.
func.func @avg_pool2d$padding_int64_max(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{pooling padding [9223372036854775807, 0] must be at most half the kernel [2, 2]}}
  // expected-error @+1 {{'dl.avg_pool2d' op failed to infer returned types}}
  %0 = dl.avg_pool2d %x kernel = [2, 2] stride = [2, 2] padding = [9223372036854775807, 0] : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Malformed syntax
//===----------------------------------------------------------------------===//

func.func @syntax$missing_arrow(%x: tensor<4x10xf32>) {
  // expected-error @+1 {{expected '->'}}
  %0 = dl.add %x, %x : tensor<4x10xf32>, tensor<4x10xf32> tensor<4x10xf32>
  return
}

// -----

func.func @syntax$missing_axes(%x: tensor<4x10xf32>) {
  // expected-error @+1 {{custom op 'dl.reduce_sum' expected 'axes'}}
  %0 = dl.reduce_sum %x : tensor<4x10xf32> -> tensor<10xf32>
  return
}

// -----

func.func @syntax$unknown_op(%x: tensor<4x10xf32>) {
  // expected-error @+1 {{custom op 'dl.frobnicate' is unknown}}
  %0 = dl.frobnicate %x : tensor<4x10xf32>
  return
}

// -----

func.func @syntax$unknown_keyword(%x: tensor<4x10xf32>) {
  // expected-error @+1 {{expected ':'}}
  %0 = dl.matmul %x, %x transpose_both : tensor<4x10xf32>, tensor<4x10xf32> -> tensor<4x4xf32>
  return
}

// -----

func.func @syntax$missing_stride(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expected 'stride'}}
  %0 = dl.conv2d %x, %w padding = [0, 0] : tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32> -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv2d$groups_channels(%x: tensor<1x4x8x8xf32>, %w: tensor<6x3x3x3xf32>) {
  // expected-error @+2 {{conv2d input has 4 channels but the filter expects 3 per group × 2 groups (input [1, 4, 8, 8], filter [6, 3, 3, 3])}}
  // expected-error @+1 {{'dl.conv2d' op failed to infer returned types}}
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [0, 0] groups = 2 : tensor<1x4x8x8xf32>, tensor<6x3x3x3xf32> -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv2d$groups_outputs(%x: tensor<1x4x8x8xf32>, %w: tensor<5x2x3x3xf32>) {
  // expected-error @+2 {{conv2d filter has 5 output channels, not a multiple of groups = 2}}
  // expected-error @+1 {{'dl.conv2d' op failed to infer returned types}}
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [0, 0] groups = 2 : tensor<1x4x8x8xf32>, tensor<5x2x3x3xf32> -> tensor<1x5x6x6xf32>
  return
}

// -----

func.func @conv2d$zero_groups(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+2 {{conv2d groups must be >= 1, got 0}}
  // expected-error @+1 {{'dl.conv2d' op failed to infer returned types}}
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [0, 0] groups = 0 : tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32> -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv2d$zero_dilation(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+2 {{dilation values must be >= 1, got [0, 1]}}
  // expected-error @+1 {{'dl.conv2d' op failed to infer returned types}}
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [0, 0] dilation = [0, 1] : tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32> -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv2d$dilated_window_too_large(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+2 {{window [3, 3] dilated by [4, 4] is larger than the padded input [8, 8] with padding [0, 0]}}
  // expected-error @+1 {{'dl.conv2d' op failed to infer returned types}}
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [0, 0] dilation = [4, 4] : tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32> -> tensor<1x6x1x1xf32>
  return
}

// -----

func.func @conv2d_backward_data$groups(%dy: tensor<1x6x6x6xf32>, %w: tensor<6x2x3x3xf32>) {
  // expected-error @+1 {{'dl.conv2d_backward_data' op conv2d input has 4 channels but the filter expects 2 (input [1, 4, 8, 8], filter [6, 2, 3, 3])}}
  %0 = dl.conv2d_backward_data %dy, %w stride = [1, 1] padding = [0, 0] : tensor<1x6x6x6xf32>, tensor<6x2x3x3xf32> -> tensor<1x4x8x8xf32>
  return
}

// -----

// Floor mode gives 3 rows, ceil mode 4.
func.func @avg_pool2d$ceil_mode_shape(%x: tensor<1x2x6x6xf32>) {
  // expected-error @+2 {{'dl.avg_pool2d' op inferred type(s) 'tensor<1x2x4x4xf32>' are incompatible with return type(s) of operation 'tensor<1x2x3x3xf32>'}}
  // expected-error @+1 {{'dl.avg_pool2d' op failed to infer returned types}}
  %0 = dl.avg_pool2d %x kernel = [3, 3] stride = [2, 2] padding = [1, 1] ceil_mode : tensor<1x2x6x6xf32> -> tensor<1x2x3x3xf32>
  return
}

// -----

func.func @avg_pool2d_backward$ceil_mode(%dy: tensor<1x2x3x3xf32>, %x: tensor<1x2x6x6xf32>) {
  // expected-error @+1 {{'dl.avg_pool2d_backward' op gradient shape [1, 2, 3, 3] does not match the forward output shape [1, 2, 4, 4]}}
  %0 = dl.avg_pool2d_backward %dy, %x kernel = [3, 3] stride = [2, 2] padding = [1, 1] ceil_mode : tensor<1x2x3x3xf32>, tensor<1x2x6x6xf32> -> tensor<1x2x6x6xf32>
  return
}

// -----

func.func @max_pool2d$count_include_pad(%x: tensor<1x2x6x6xf32>) {
  // expected-error @+1 {{expected ':'}}
  %0 = dl.max_pool2d %x kernel = [3, 3] stride = [2, 2] padding = [1, 1] count_include_pad = false : tensor<1x2x6x6xf32> -> tensor<1x2x3x3xf32>
  return
}

// -----

func.func @adaptive_avg_pool2d$zero_size(%x: tensor<1x2x6x6xf32>) {
  // expected-error @+2 {{output_size values must be >= 1, got [0, 2]}}
  // expected-error @+1 {{'dl.adaptive_avg_pool2d' op failed to infer returned types}}
  %0 = dl.adaptive_avg_pool2d %x output_size = [0, 2] : tensor<1x2x6x6xf32> -> tensor<1x2x0x2xf32>
  return
}

// -----

func.func @adaptive_avg_pool2d$rank(%x: tensor<2x6x6xf32>) {
  // expected-error @+2 {{adaptive pooling expects an NCHW input of rank 4, got [2, 6, 6]}}
  // expected-error @+1 {{'dl.adaptive_avg_pool2d' op failed to infer returned types}}
  %0 = dl.adaptive_avg_pool2d %x output_size = [1, 1] : tensor<2x6x6xf32> -> tensor<2x1x1xf32>
  return
}

// -----

func.func @adaptive_avg_pool2d$empty_image(%x: tensor<1x2x0x6xf32>) {
  // expected-error @+2 {{adaptive pooling needs a non-empty image, got [1, 2, 0, 6]}}
  // expected-error @+1 {{'dl.adaptive_avg_pool2d' op failed to infer returned types}}
  %0 = dl.adaptive_avg_pool2d %x output_size = [1, 1] : tensor<1x2x0x6xf32> -> tensor<1x2x1x1xf32>
  return
}

// -----

func.func @adaptive_avg_pool2d$integer(%x: tensor<1x2x6x6xi32>) {
  // expected-error @+1 {{'dl.adaptive_avg_pool2d' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or bfloat16 type values}}
  %0 = dl.adaptive_avg_pool2d %x output_size = [1, 1] : tensor<1x2x6x6xi32> -> tensor<1x2x1x1xi32>
  return
}
