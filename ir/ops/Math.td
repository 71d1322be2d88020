//===- Math.td - elementwise math, comparisons, casts ----------*- tablegen -*-===//
//
// Generated on its own (dlc_op_family(Math)); shape rules and VJPs in
// ir/ops/Math.cpp, C++ header ir/ops/MathOps.h.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_MATH_TD
#define DLC_IR_OPS_MATH_TD

include "ir/DLBase.td"

def DL_AbsOp : DL_UnaryOp<"abs", "the absolute value |x| (PyTorch `abs`)"> {
  let description = [{
    Gradient: `g * sign(x)`, so 0 at x = 0, as PyTorch's.
    ```mlir
    %y = dl.abs %x : tensor<4x3xf32>
    ```
  }];
}

//===----------------------------------------------------------------------===//
// Unary float functions
//===----------------------------------------------------------------------===//

def DL_SqrtOp : DL_UnaryOp<"sqrt", "the square root (PyTorch `sqrt`)"> {
  let description = [{
    NaN for x < 0. Gradient `g / (2 sqrt(x))`: +inf at x = 0, as PyTorch's.
    ```mlir
    %y = dl.sqrt %x : tensor<4x3xf32>
    ```
  }];
}

def DL_RsqrtOp : DL_UnaryOp<"rsqrt", "the reciprocal square root 1/sqrt(x) (PyTorch `rsqrt`)"> {
  let description = [{
    +inf at x = 0, NaN for x < 0. Gradient `-g y³ / 2`.
    ```mlir
    %y = dl.rsqrt %x : tensor<4x3xf32>
    ```
  }];
}

def DL_ErfOp : DL_UnaryOp<"erf", "the error function (PyTorch `erf`)"> {
  let description = [{
    Gradient `g · 2/√π · exp(-x²)`.
    ```mlir
    %y = dl.erf %x : tensor<4x3xf32>
    ```
  }];
}

def DL_SoftplusOp : DL_Op<"softplus", [Pure, SameOperandsAndResultType, DL_Differentiable]> {
  let summary = "Elementwise softplus (PyTorch `nn.functional.softplus`).";
  let description = [{
    `y = log(1 + exp(beta x)) / beta`, and `y = x` where `beta x > threshold`
    (PyTorch's switch to the linear function, for numerical stability).
    beta must be nonzero (PyTorch accepts 0 and returns NaN).
    Gradient `g · sigmoid(beta x)`, and exactly `g` above the threshold.
    ```mlir
    %y = dl.softplus %x {beta = 2.0 : f64, threshold = 10.0 : f64} : tensor<4x3xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input,
                       DefaultValuedAttr<F64Attr, "1.0">:$beta,
                       DefaultValuedAttr<F64Attr, "20.0">:$threshold);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasVerifier = 1;
}

def DL_LeakyReluOp : DL_Op<"leaky_relu", [Pure, SameOperandsAndResultType, DL_Differentiable]> {
  let summary = "Elementwise leaky rectifier (PyTorch `nn.functional.leaky_relu`).";
  let description = [{
    `y = x` for x > 0, else `negative_slope · x`. Gradient `g` for x > 0,
    else `negative_slope · g` (so the slope at x = 0, as PyTorch's).
    ```mlir
    %y = dl.leaky_relu %x {negative_slope = 2.000000e-01 : f64} : tensor<4x3xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input,
                       DefaultValuedAttr<F64Attr, "0.01">:$negative_slope);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
}

def DL_GeluOp : DL_Op<"gelu", [Pure, SameOperandsAndResultType, DL_Differentiable]> {
  let summary = "Elementwise GELU (PyTorch `nn.functional.gelu`).";
  let description = [{
    `approximate = "none"` (the default): `x · Φ(x) = x/2 · (1 + erf(x/√2))`.
    `approximate = "tanh"`: `x/2 · (1 + tanh(√(2/π) (x + 0.044715 x³)))`.
    Gradients are the exact derivatives of each form, as PyTorch's.
    ```mlir
    %y = dl.gelu %x : tensor<4x3xf32>
    %z = dl.gelu %x {approximate = "tanh"} : tensor<4x3xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input,
                       DefaultValuedStrAttr<StrAttr, "none">:$approximate);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Powers, extrema, clamping
//===----------------------------------------------------------------------===//

def DL_PowOp : DL_BinaryOp<"pow"> {
  let summary = "Elementwise power base^exponent with broadcasting (PyTorch `pow`, tensor exponent).";
  let description = [{
    `lhs` is the base, `rhs` the exponent. A negative base with an integral
    exponent gives the real power ((-2)^3 = -8); with a fractional exponent,
    NaN. Gradients as PyTorch's: base `g · e · b^(e-1)` (0 where e = 0),
    exponent `g · b^e · log(b)` (0 where b = 0 and e >= 0).
    ```mlir
    %y = dl.pow %b, %e : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
    ```
  }];
}

def DL_PowScalarOp : DL_Op<"pow_scalar", [Pure, SameOperandsAndResultType, DL_Differentiable]> {
  let summary = "Elementwise power x^exponent, constant exponent (PyTorch `pow`, scalar exponent).";
  let description = [{
    A negative base with an integral exponent gives the real power.
    Gradient `g · exponent · x^(exponent-1)`; none for exponent 0.
    ```mlir
    %y = dl.pow_scalar %x, 3.000000e+00 : tensor<4x3xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, F64Attr:$exponent);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = "$input `,` $exponent attr-dict `:` type($input)";
}

def DL_MaximumOp : DL_BinaryOp<"maximum"> {
  let summary = "Elementwise maximum with broadcasting (PyTorch `maximum`).";
  let description = [{
    NaN if either operand is NaN. Gradient: to the larger operand; on a tie
    split evenly between the two, as PyTorch's.
    ```mlir
    %y = dl.maximum %a, %b : tensor<4x3xf32>, tensor<f32> -> tensor<4x3xf32>
    ```
  }];
}

def DL_MinimumOp : DL_BinaryOp<"minimum"> {
  let summary = "Elementwise minimum with broadcasting (PyTorch `minimum`).";
  let description = [{
    NaN if either operand is NaN. Gradient: to the smaller operand; on a tie
    split evenly between the two, as PyTorch's.
    ```mlir
    %y = dl.minimum %a, %b : tensor<4x3xf32>, tensor<4x1xf32> -> tensor<4x3xf32>
    ```
  }];
}

def DL_ClampOp : DL_Op<"clamp", [Pure, SameOperandsAndResultType, DL_Differentiable]> {
  let summary = "Elementwise clamp to [min, max] (PyTorch `clamp`).";
  let description = [{
    `y = min(max(x, min), max)`; either bound may be absent, not both. With
    min > max every element becomes max, as PyTorch's. Gradient `g` where
    `min <= x <= max` (bounds inclusive), else 0.
    ```mlir
    %y = dl.clamp %x min -1.000000e+00 max 1.000000e+00 : tensor<4x3xf32>
    %z = dl.clamp %x max 6.000000e+00 : tensor<4x3xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, OptionalAttr<F64Attr>:$min,
                       OptionalAttr<F64Attr>:$max);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = "$input (`min` $min^)? (`max` $max^)? attr-dict `:` type($input)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Comparisons and logic (not differentiable)
//===----------------------------------------------------------------------===//

// Broadcasting comparison of two tensors of one element type → i1. Floats
// compare as IEEE (NaN is unequal to everything, so `ne` is true for it);
// integers as signed; i1 as false < true.
class DL_CompareOp<string mnemonic, string what, string torch> : DL_Op<mnemonic,
    [Pure, InferTypeOpAdaptor, AllElementTypesMatch<["lhs", "rhs"]>]> {
  let summary = "Elementwise " # what # " with broadcasting (PyTorch `" # torch # "`).";
  let description = [{
    Result i1. Floats compare as IEEE (a NaN is unequal to everything, `ne`
    true), integers as signed numbers, i1 as false < true. Not
    differentiable.
    ```mlir
    %m = dl.}] # mnemonic # [{ %a, %b : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xi1>
    ```
  }];
  let arguments = (ins DL_AnyTensor:$lhs, DL_AnyTensor:$rhs);
  let results = (outs DL_BoolTensor:$result);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)";
}

def DL_EqOp : DL_CompareOp<"eq", "lhs == rhs", "eq">;
def DL_NeOp : DL_CompareOp<"ne", "lhs != rhs", "ne">;
def DL_LtOp : DL_CompareOp<"lt", "lhs < rhs", "lt">;
def DL_LeOp : DL_CompareOp<"le", "lhs <= rhs", "le">;
def DL_GtOp : DL_CompareOp<"gt", "lhs > rhs", "gt">;
def DL_GeOp : DL_CompareOp<"ge", "lhs >= rhs", "ge">;

class DL_LogicalBinaryOp<string mnemonic, string what, string torch> : DL_Op<mnemonic,
    [Pure, InferTypeOpAdaptor]> {
  let summary = "Elementwise " # what # " of i1 tensors with broadcasting (PyTorch `" # torch # "`).";
  let description = [{
    ```mlir
    %m = dl.}] # mnemonic # [{ %a, %b : tensor<4x3xi1>, tensor<3xi1> -> tensor<4x3xi1>
    ```
  }];
  let arguments = (ins DL_BoolTensor:$lhs, DL_BoolTensor:$rhs);
  let results = (outs DL_BoolTensor:$result);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)";
}

def DL_LogicalAndOp : DL_LogicalBinaryOp<"logical_and", "logical and", "logical_and">;
def DL_LogicalOrOp : DL_LogicalBinaryOp<"logical_or", "logical or", "logical_or">;

def DL_LogicalNotOp : DL_Op<"logical_not", [Pure, SameOperandsAndResultType]> {
  let summary = "Elementwise logical not of an i1 tensor (PyTorch `logical_not`).";
  let description = [{
    ```mlir
    %m = dl.logical_not %a : tensor<4x3xi1>
    ```
  }];
  let arguments = (ins DL_BoolTensor:$input);
  let results = (outs DL_BoolTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
}

//===----------------------------------------------------------------------===//
// Selection and conversion
//===----------------------------------------------------------------------===//

def DL_WhereOp : DL_Op<"where", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["input", "other", "result"]>, DL_Differentiable]> {
  let summary = "Elementwise selection condition ? input : other (PyTorch `where`).";
  let description = [{
    The three operands broadcast together (numpy rules). `input` and
    `other` have one element type, float or integer. Gradient (float
    operands): `g` masked by the condition to `input`, by its negation to
    `other`, each summed back to its operand's shape; none to `condition`.
    ```mlir
    %y = dl.where %c, %a, %b : tensor<4x3xi1>, tensor<4x3xf32>, tensor<f32> -> tensor<4x3xf32>
    ```
  }];
  let arguments = (ins DL_BoolTensor:$condition, DL_AnyTensor:$input, DL_AnyTensor:$other);
  let results = (outs DL_AnyTensor:$result);
  let assemblyFormat = [{
    $condition `,` $input `,` $other attr-dict `:` type($condition) `,` type($input) `,`
    type($other) `->` type($result)
  }];
}

def DL_CastOp : DL_Op<"cast", [Pure, SameOperandsAndResultShape, DL_Differentiable]> {
  let summary = "Elementwise conversion to the result's element type (PyTorch `Tensor.to(dtype)`).";
  let description = [{
    Between f32, f64, bf16, i1, i32 and i64, as PyTorch converts: float to
    float rounds to nearest even (f64 → bf16 goes through f32, as PyTorch's
    does); float to integer truncates toward zero (out-of-range values and
    NaN are undefined, as in C++ and PyTorch); anything to i1 is `x != 0`
    (NaN → true); i1 to a number is 0 or 1; integers widen signed and narrow
    by dropping high bits. Gradient between float types: the cotangent cast
    back; none from or to an integer type. A cast to the input's own type
    folds away (PyTorch's `to` returns the tensor itself).
    ```mlir
    %y = dl.cast %x : tensor<4x3xf32> -> tensor<4x3xbf16>
    %i = dl.cast %x : tensor<4x3xf32> -> tensor<4x3xi32>
    ```
  }];
  let arguments = (ins DL_AnyTensor:$input);
  let results = (outs DL_AnyTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasFolder = 1;
}

#endif // DLC_IR_OPS_MATH_TD
