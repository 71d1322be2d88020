//===- DataMovement.cpp - the DSL's permute, cat, slice, pad, flip ---===//
#include "frontend/ops/DataMovement.h"

#include "frontend/Ops.h"
#include "frontend/ops/OpSupport.h"
#include "ir/ops/DataMovementOps.h"
#include "ir/shape/DataMovement.h"

#include <algorithm>

using namespace mlir;

namespace dlc {
using namespace detail;

namespace {

/// Each of `dims` in [-rank, rank) made non-negative; the shape rule then
/// reports the ones out of range, naming what the user wrote.
std::vector<int64_t> wrapped(std::vector<int64_t> dims, int64_t rank) {
  for (int64_t &d : dims)
    if (d < 0 && d >= -rank) d += rank;
  return dims;
}

/// A float reshape to `shape` (squeeze and unsqueeze).
Tensor reshapedTo(const Tensor &x, const shape::ShapeOrError &r, const Site &s, const char *op) {
  Graph &g = graphOf(x, s, op);
  requireFloat(x, s, op);
  auto type = checked(r, s, op, elementOf(x));
  if (type == x.value().getType()) return x;
  return Tensor(&g, dl::ReshapeOp::create(g.builder(), g.location(s), type, x.value()));
}

} // namespace

Tensor permute(const Tensor &x, std::vector<int64_t> dims, Site s) {
  Graph &g = graphOf(x, s, "permute");
  dims = wrapped(std::move(dims), x.rank());
  auto type = checked(shape::permute(x.shape(), dims), s, "permute", elementOf(x));
  return Tensor(&g, dl::PermuteOp::create(g.builder(), g.location(s), type, x.value(),
                                          g.builder().getDenseI64ArrayAttr(dims)));
}

Tensor transpose(const Tensor &x, int64_t dim0, int64_t dim1, Site s) {
  graphOf(x, s, "transpose");
  dim0 = normalizedAxis(x, dim0, s, "transpose");
  dim1 = normalizedAxis(x, dim1, s, "transpose");
  std::vector<int64_t> dims;
  for (int64_t d = 0; d < x.rank(); ++d) dims.push_back(d);
  std::swap(dims[dim0], dims[dim1]);
  return permute(x, dims, s);
}

Tensor cat(const std::vector<Tensor> &tensors, int64_t dim, Site s) {
  if (tensors.empty()) s.fail("cat", "expects at least one tensor");
  Graph &g = graphOf(tensors[0], s, "cat");
  SmallVector<shape::Shape> shapes;
  SmallVector<Value> values;
  for (const Tensor &t : tensors) {
    graphOf(t, s, "cat");
    requireSameType(tensors[0], t, s, "cat");
    std::vector<int64_t> shape = t.shape();
    shapes.emplace_back(shape.begin(), shape.end());
    values.push_back(t.value());
  }
  if (dim < 0) dim += tensors[0].rank();
  auto type = checked(shape::cat(shapes, dim), s, "cat", elementOf(tensors[0]));
  return Tensor(&g, dl::CatOp::create(g.builder(), g.location(s), type, values, dim));
}

Tensor slice(const Tensor &x, int64_t dim, std::optional<int64_t> start,
             std::optional<int64_t> stop, int64_t step, Site s) {
  Graph &g = graphOf(x, s, "slice");
  dim = normalizedAxis(x, dim, s, "slice");
  if (step < 1) s.fail("slice", "step must be positive, got " + std::to_string(step));
  // Python's slice.indices for a positive step: negative bounds count from
  // the end, then both are clamped to [0, n], and stop < start is empty.
  int64_t n = x.dim(dim);
  auto bound = [n](std::optional<int64_t> b, int64_t absent) {
    if (!b) return absent;
    int64_t v = *b < 0 ? std::max<int64_t>(*b + n, 0) : *b; // no overflow: *b + n > *b
    return std::min(v, n);
  };
  int64_t first = bound(start, 0), last = std::max(bound(stop, n), first);
  std::vector<int64_t> starts(x.rank(), 0), stops = x.shape(), steps(x.rank(), 1);
  starts[dim] = first;
  stops[dim] = last;
  steps[dim] = step;
  auto type = checked(shape::slice(x.shape(), starts, stops, steps), s, "slice", elementOf(x));
  OpBuilder &b = g.builder();
  return Tensor(&g, dl::SliceOp::create(b, g.location(s), type, x.value(),
                                        b.getDenseI64ArrayAttr(starts),
                                        b.getDenseI64ArrayAttr(stops),
                                        b.getDenseI64ArrayAttr(steps)));
}

std::vector<Tensor> split(const Tensor &x, int64_t splitSize, int64_t dim, Site s) {
  graphOf(x, s, "split");
  dim = normalizedAxis(x, dim, s, "split");
  int64_t n = x.dim(dim);
  if (splitSize < 0 || (splitSize == 0 && n != 0))
    s.fail("split", "split size must be positive, got " + std::to_string(splitSize));
  // PyTorch: ceil(n / splitSize) pieces, and one empty piece when n is 0.
  std::vector<int64_t> sizes;
  for (int64_t at = 0; at < n; at += splitSize) sizes.push_back(std::min(splitSize, n - at));
  if (sizes.empty()) sizes.push_back(0);
  return split(x, sizes, dim, s);
}

std::vector<Tensor> split(const Tensor &x, std::vector<int64_t> sizes, int64_t dim, Site s) {
  graphOf(x, s, "split");
  dim = normalizedAxis(x, dim, s, "split");
  int64_t n = x.dim(dim), total = 0;
  for (int64_t size : sizes) {
    if (size < 0) s.fail("split", "sizes " + shape::str(sizes) + " has a negative size");
    total += std::min(size, n + 1); // each term at most n + 1: no overflow
  }
  if (total != n)
    s.fail("split", "sizes " + shape::str(sizes) + " must add up to " + std::to_string(n) +
                        " (dim " + std::to_string(dim) + " of " + x.typeString() + ")");
  std::vector<Tensor> pieces;
  int64_t at = 0;
  for (int64_t size : sizes) {
    pieces.push_back(slice(x, dim, at, at + size, 1, s));
    at += size;
  }
  return pieces;
}

Tensor squeeze(const Tensor &x, Site s) {
  graphOf(x, s, "squeeze");
  return reshapedTo(x, shape::squeeze(x.shape(), std::nullopt), s, "squeeze");
}

Tensor squeeze(const Tensor &x, int64_t dim, Site s) {
  graphOf(x, s, "squeeze");
  // A rank-0 tensor squeezes with dim 0 or -1, as in PyTorch.
  if (dim < 0) dim += std::max<int64_t>(x.rank(), 1);
  return reshapedTo(x, shape::squeeze(x.shape(), dim), s, "squeeze");
}

Tensor unsqueeze(const Tensor &x, int64_t dim, Site s) {
  graphOf(x, s, "unsqueeze");
  if (dim < 0) dim += x.rank() + 1;
  return reshapedTo(x, shape::unsqueeze(x.shape(), dim), s, "unsqueeze");
}

Tensor pad(const Tensor &x, std::vector<int64_t> pad, double value, Site s) {
  Graph &g = graphOf(x, s, "pad");
  if (auto integer = dyn_cast<IntegerType>(elementOf(x)))
    if (std::string e = shape::checkIntegerPadValue(value, integer.getWidth()); !e.empty())
      s.fail("pad", e);
  auto type = checked(shape::pad(x.shape(), pad), s, "pad", elementOf(x));
  OpBuilder &b = g.builder();
  return Tensor(&g, dl::PadOp::create(b, g.location(s), type, x.value(),
                                      b.getDenseI64ArrayAttr(pad), b.getF64FloatAttr(value)));
}

Tensor flip(const Tensor &x, std::vector<int64_t> dims, Site s) {
  Graph &g = graphOf(x, s, "flip");
  std::vector<int64_t> sorted = wrapped(dims, x.rank());
  std::sort(sorted.begin(), sorted.end()); // PyTorch takes any order; the op, sorted
  for (size_t i = 1; i < sorted.size(); ++i)
    if (sorted[i] == sorted[i - 1])
      s.fail("flip", "dim " + std::to_string(sorted[i]) + " appears more than once in dims " +
                         shape::str(dims));
  checked(shape::flip(x.shape(), sorted), s, "flip", elementOf(x));
  return Tensor(&g, dl::FlipOp::create(g.builder(), g.location(s), x.value(),
                                       g.builder().getDenseI64ArrayAttr(sorted)));
}

} // namespace dlc
