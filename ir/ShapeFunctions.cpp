//===- ShapeFunctions.cpp - result shapes of dl ops -----------------------===//
#include "ir/ShapeFunctions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CheckedArithmetic.h"

#include <algorithm>

namespace dlc::dl::shape {

std::string str(llvm::ArrayRef<int64_t> shape) {
  std::string s = "[";
  for (auto [i, d] : llvm::enumerate(shape))
    s += (i ? ", " : "") + std::to_string(d);
  return s + "]";
}

ShapeOrError broadcast(llvm::ArrayRef<int64_t> a, llvm::ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  Shape out(rank);
  for (size_t i = 0; i < rank; ++i) {
    // Align trailing dimensions; missing leading ones act as 1.
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (da != db && da != 1 && db != 1)
      return ShapeOrError::fail("shapes " + str(a) + " and " + str(b) +
                                " do not broadcast (dimension " + std::to_string(i) +
                                ": " + std::to_string(da) + " vs " + std::to_string(db) + ")");
    out[i] = da == 1 ? db : da;
  }
  return {out, {}};
}

std::string checkBroadcastTo(llvm::ArrayRef<int64_t> from, llvm::ArrayRef<int64_t> to) {
  ShapeOrError r = broadcast(from, to);
  if (!r.ok() || llvm::ArrayRef<int64_t>(r.shape) != to)
    return "cannot broadcast " + str(from) + " to " + str(to);
  return {};
}

ShapeOrError matmul(llvm::ArrayRef<int64_t> lhs, llvm::ArrayRef<int64_t> rhs,
                    bool transposeLhs, bool transposeRhs) {
  if (lhs.size() != 2 || rhs.size() != 2)
    return ShapeOrError::fail("matmul expects rank-2 operands, got " + str(lhs) +
                              " and " + str(rhs));
  int64_t m = transposeLhs ? lhs[1] : lhs[0], k = transposeLhs ? lhs[0] : lhs[1];
  int64_t k2 = transposeRhs ? rhs[1] : rhs[0], n = transposeRhs ? rhs[0] : rhs[1];
  if (k != k2)
    return ShapeOrError::fail("matmul contraction sizes differ: " + str(lhs) +
                              (transposeLhs ? "ᵀ" : "") + " · " + str(rhs) +
                              (transposeRhs ? "ᵀ" : "") + " contracts " +
                              std::to_string(k) + " with " + std::to_string(k2));
  return {{m, n}, {}};
}

ShapeOrError reduce(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> axes,
                    bool keepdims) {
  int64_t rank = input.size();
  for (auto [i, a] : llvm::enumerate(axes)) {
    if (a < 0 || a >= rank)
      return ShapeOrError::fail("reduction axis " + std::to_string(a) +
                                " out of range for rank " + std::to_string(rank));
    if (i > 0 && axes[i - 1] >= a)
      return ShapeOrError::fail("reduction axes " + str(axes) +
                                " must be sorted and distinct");
  }
  Shape out;
  for (int64_t d = 0; d < rank; ++d) {
    bool reduced = llvm::is_contained(axes, d);
    if (!reduced) out.push_back(input[d]);
    else if (keepdims) out.push_back(1);
  }
  return {out, {}};
}

ShapeOrError reduceMax(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> axes,
                       bool keepdims) {
  ShapeOrError r = reduce(input, axes, keepdims);
  if (!r.ok()) return r;
  for (int64_t a : axes)
    if (input[a] == 0)
      return ShapeOrError::fail("max over axis " + std::to_string(a) + " of shape " +
                                str(input) + " is undefined: the axis is empty");
  return r;
}

std::string checkAxis(int64_t rank, int64_t axis) {
  if (axis < 0 || axis >= rank)
    return "axis " + std::to_string(axis) + " out of range for rank " + std::to_string(rank);
  return {};
}

std::optional<int64_t> elementCount(llvm::ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape) {
    std::optional<int64_t> next = llvm::checkedMul(n, d);
    if (!next) return std::nullopt;
    n = *next;
  }
  return n;
}

/// "... is too large": the one wording for every overflow, so users (and
/// the fuzzer) see the same message whichever rule caught it.
static std::string tooLarge(const std::string &what) {
  return what + " is too large (its size overflows a 64-bit integer)";
}

std::string checkByteSize(llvm::ArrayRef<int64_t> shape, int64_t elementBytes) {
  std::optional<int64_t> n = elementCount(shape);
  if (!n || !llvm::checkedMul(*n, elementBytes))
    return tooLarge("tensor of shape " + str(shape));
  return {};
}

std::string checkReshape(llvm::ArrayRef<int64_t> from, llvm::ArrayRef<int64_t> to) {
  std::optional<int64_t> a = elementCount(from), b = elementCount(to);
  if (!a) return tooLarge("reshape input " + str(from));
  if (!b) return tooLarge("reshape result " + str(to));
  if (*a != *b)
    return "cannot reshape " + str(from) + " (" + std::to_string(*a) + " elements) to " +
           str(to) + " (" + std::to_string(*b) + " elements)";
  return {};
}

/// Checks a (H, W) pair attribute.
static std::string checkPair(const char *name, llvm::ArrayRef<int64_t> v, int64_t min) {
  if (v.size() != 2)
    return std::string(name) + " must have 2 values (H, W), got " + std::to_string(v.size());
  if (v[0] < min || v[1] < min)
    return std::string(name) + " values must be >= " + std::to_string(min) + ", got " + str(v);
  return {};
}

/// out = floor((in + 2p - d(k-1) - 1) / s) + 1 per spatial dim (ceil with
/// `ceilMode`, see pool2d), or an error.
static ShapeOrError window(llvm::ArrayRef<int64_t> input, int64_t channels,
                           llvm::ArrayRef<int64_t> kernel, llvm::ArrayRef<int64_t> stride,
                           llvm::ArrayRef<int64_t> padding, llvm::ArrayRef<int64_t> dilation,
                           bool ceilMode) {
  for (auto e : {checkPair("kernel", kernel, 1), checkPair("stride", stride, 1),
                 checkPair("padding", padding, 0), checkPair("dilation", dilation, 1)})
    if (!e.empty()) return ShapeOrError::fail(e);
  Shape out{input[0], channels};
  for (int i = 0; i < 2; ++i) {
    // in + 2p and d(k-1)+1 must not overflow: they come straight from user
    // attributes.
    std::optional<int64_t> twice = llvm::checkedMul<int64_t>(2, padding[i]);
    std::optional<int64_t> span = twice ? llvm::checkedAdd(input[2 + i], *twice) : std::nullopt;
    std::optional<int64_t> taps = llvm::checkedMul<int64_t>(dilation[i], kernel[i] - 1);
    if (!span || !taps)
      return ShapeOrError::fail(tooLarge("padded input " + str(input.drop_front(2)) +
                                         " with padding " + str(padding)));
    int64_t extent = *taps + 1;
    if (*span < extent)
      return ShapeOrError::fail("window " + str(kernel) +
                                (extent != kernel[i] ? " dilated by " + str(dilation) : "") +
                                " is larger than the padded input " +
                                str(input.drop_front(2)) + " with padding " + str(padding));
    int64_t n = (*span - extent + (ceilMode ? stride[i] - 1 : 0)) / stride[i] + 1;
    // PyTorch: the last window must start inside the input or left padding.
    if (ceilMode && (n - 1) * stride[i] >= input[2 + i] + padding[i]) --n;
    out.push_back(n);
  }
  return {out, {}};
}

ShapeOrError conv2d(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> filter,
                    llvm::ArrayRef<int64_t> stride, llvm::ArrayRef<int64_t> padding,
                    llvm::ArrayRef<int64_t> dilation, int64_t groups) {
  if (input.size() != 4)
    return ShapeOrError::fail("conv2d expects an NCHW input of rank 4, got " + str(input));
  if (filter.size() != 4)
    return ShapeOrError::fail("conv2d expects an OIHW filter of rank 4, got " + str(filter));
  if (groups < 1)
    return ShapeOrError::fail("conv2d groups must be >= 1, got " + std::to_string(groups));
  if (filter[0] % groups != 0)
    return ShapeOrError::fail("conv2d filter has " + std::to_string(filter[0]) +
                              " output channels, not a multiple of groups = " +
                              std::to_string(groups));
  std::optional<int64_t> channels = llvm::checkedMul(filter[1], groups);
  if (!channels || input[1] != *channels)
    return ShapeOrError::fail(
        "conv2d input has " + std::to_string(input[1]) + " channels but the filter expects " +
        (groups == 1 ? std::to_string(filter[1])
                     : std::to_string(filter[1]) + " per group × " + std::to_string(groups) +
                           " groups") +
        " (input " + str(input) + ", filter " + str(filter) + ")");
  const int64_t one[] = {1, 1};
  return window(input, filter[0], filter.drop_front(2), stride, padding,
                dilation.empty() ? llvm::ArrayRef<int64_t>(one) : dilation, false);
}

ShapeOrError pool2d(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> kernel,
                    llvm::ArrayRef<int64_t> stride, llvm::ArrayRef<int64_t> padding,
                    bool ceilMode) {
  if (input.size() != 4)
    return ShapeOrError::fail("pooling expects an NCHW input of rank 4, got " + str(input));
  // Kernel, stride and padding are checked on their own first, so that a
  // bad kernel (say [-2, -2]) is reported as such, not as a padding problem.
  for (auto e : {checkPair("kernel", kernel, 1), checkPair("stride", stride, 1),
                 checkPair("padding", padding, 0)})
    if (!e.empty()) return ShapeOrError::fail(e);
  // padding <= kernel / 2, written without 2 * padding (which may overflow).
  if (padding[0] > kernel[0] / 2 || padding[1] > kernel[1] / 2)
    return ShapeOrError::fail("pooling padding " + str(padding) +
                              " must be at most half the kernel " + str(kernel));
  const int64_t one[] = {1, 1};
  return window(input, input[1], kernel, stride, padding, one, ceilMode);
}

ShapeOrError adaptivePool2d(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> outputSize) {
  if (input.size() != 4)
    return ShapeOrError::fail("adaptive pooling expects an NCHW input of rank 4, got " +
                              str(input));
  if (std::string e = checkPair("output_size", outputSize, 1); !e.empty())
    return ShapeOrError::fail(e);
  if (input[2] < 1 || input[3] < 1)
    return ShapeOrError::fail("adaptive pooling needs a non-empty image, got " + str(input));
  return {{input[0], input[1], outputSize[0], outputSize[1]}, {}};
}

std::pair<int64_t, int64_t> adaptiveWindow(int64_t i, int64_t in, int64_t out) {
  return {i * in / out, ((i + 1) * in + out - 1) / out};
}

ShapeOrError oneHot(llvm::ArrayRef<int64_t> labels, int64_t classes) {
  if (classes < 1)
    return ShapeOrError::fail("one_hot needs at least 1 class, got " + std::to_string(classes));
  Shape out(labels.begin(), labels.end());
  out.push_back(classes);
  return {out, {}};
}

ShapeOrError crossEntropy(llvm::ArrayRef<int64_t> logits, llvm::ArrayRef<int64_t> labels) {
  if (logits.size() != 2)
    return ShapeOrError::fail("cross-entropy expects logits of shape (N, C), got " + str(logits));
  if (labels.size() != 1 || labels[0] != logits[0])
    return ShapeOrError::fail("cross-entropy expects labels of shape (" +
                              std::to_string(logits[0]) + ") for logits " + str(logits) +
                              ", got " + str(labels));
  return {{}, {}};
}

ShapeOrError maxPool2dWorkspace(llvm::ArrayRef<int64_t> output, llvm::ArrayRef<int64_t> kernel) {
  if (output.size() != 4 || kernel.size() != 2)
    return ShapeOrError::fail("max pooling workspace needs an (N,C,OH,OW) output and a 2-D kernel");
  int64_t window = 0, bytes = 1;
  if (__builtin_mul_overflow(kernel[0], kernel[1], &window))
    return ShapeOrError::fail("max pooling window is too large");
  for (int64_t d : output)
    if (__builtin_mul_overflow(bytes, d, &bytes))
      return ShapeOrError::fail("max pooling workspace is too large");
  if (window > 255 && __builtin_mul_overflow(bytes, int64_t(4), &bytes))
    return ShapeOrError::fail("max pooling workspace is too large");
  return {{bytes}, {}};
}

bool windowsTileInput(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> kernel, llvm::ArrayRef<int64_t> stride,
                      llvm::ArrayRef<int64_t> padding) {
  return input.size() == 4 && kernel.size() == 2 && stride.size() == 2 && padding.size() == 2 &&
         kernel[0] > 0 && kernel[1] > 0 && kernel[0] == stride[0] && kernel[1] == stride[1] &&
         padding[0] == 0 && padding[1] == 0 && input[2] % kernel[0] == 0 &&
         input[3] % kernel[1] == 0;
}

} // namespace dlc::dl::shape
