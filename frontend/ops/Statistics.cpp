//===- Statistics.cpp - the DSL's reductions: mean, amin, argmax, logsumexp, var ---===//
#include "frontend/ops/Statistics.h"

#include "frontend/Ops.h"
#include "frontend/ops/OpSupport.h"
#include "ir/ops/StatisticsOps.h"
#include "ir/shape/Statistics.h"

#include <algorithm>

using namespace mlir;

namespace dlc {
using namespace detail;

namespace {
/// PyTorch's dims → the ops' sorted non-negative axes (repeats are left for
/// the shape rule to report).
std::vector<int64_t> sortedAxes(const Tensor &x, std::vector<int64_t> axes, const Site &s,
                                const char *op) {
  graphOf(x, s, op); // an empty Tensor has no rank
  requireFloat(x, s, op);
  for (int64_t &a : axes) a = normalizedAxis(x, a, s, op);
  std::sort(axes.begin(), axes.end());
  return axes;
}

} // namespace

Tensor amin(const Tensor &x, std::vector<int64_t> axes, bool keepdim, Site s) {
  return reduction<dl::ReduceMinOp>(x, sortedAxes(x, std::move(axes), s, "amin"), keepdim, s,
                                    "amin", shape::reduceMin);
}

Tensor logsumexp(const Tensor &x, std::vector<int64_t> axes, bool keepdim, Site s) {
  return reduction<dl::LogSumExpOp>(x, sortedAxes(x, std::move(axes), s, "logsumexp"), keepdim,
                                     s, "logsumexp", shape::reduce);
}

Tensor argmax(const Tensor &x, int64_t dim, bool keepdim, Site s) {
  Graph &g = graphOf(x, s, "argmax");
  requireFloat(x, s, "argmax");
  dim = normalizedAxis(x, dim, s, "argmax");
  auto type = checked(shape::argmax(x.shape(), dim, keepdim), s, "argmax",
                      g.builder().getI64Type());
  return Tensor(&g, dl::ArgmaxOp::create(g.builder(), g.location(s), type, x.value(),
                                         dim, keepdim));
}

Tensor var(const Tensor &x, std::vector<int64_t> axes, VarOptions o, Site s) {
  Graph &g = graphOf(x, s, "var");
  requireFloat(x, s, "var");
  axes = sortedAxes(x, std::move(axes), s, "var");
  auto type = checked(shape::variance(x.shape(), axes, o.correction, o.keepdim), s, "var",
                      elementOf(x));
  OpBuilder &b = g.builder();
  return Tensor(&g, dl::VarOp::create(b, g.location(s), type, x.value(),
                                      axes, o.correction, o.keepdim));
}

} // namespace dlc
