//===- Random.cpp - the DSL's dropout with a counter-based generator ---===//
#include "frontend/ops/Random.h"

#include "frontend/Ops.h"
#include "frontend/ops/OpSupport.h"
#include "ir/ops/RandomOps.h"
#include "ir/shape/Random.h"

using namespace mlir;

namespace dlc {
using namespace detail;

namespace {
constexpr const char *kOp = "dropout";

/// Checks x and p (and the key's shape) before anything is traced.
void checkDropout(const Tensor &x, llvm::ArrayRef<int64_t> key, double p, const Site &s) {
  graphOf(x, s, kOp);
  requireFloat(x, s, kOp);
  // Op id 0 stands in for the one a traced op gets.
  checked(shape::dropout(x.shape(), key, p, 0), s, kOp, elementOf(x));
}

Tensor traceDropout(const Tensor &x, const Tensor &key, double p, const Site &s) {
  Graph &g = *x.graph();
  int64_t id = g.nextRandomOpId();
  auto type = checked(shape::dropout(x.shape(), key.shape(), p, id), s, kOp, elementOf(x));
  OpBuilder &b = g.builder();
  return Tensor(&g, dl::DropoutOp::create(b, g.location(s), type, x.value(), key.value(),
                                          b.getF64FloatAttr(p), b.getI64IntegerAttr(id)));
}
} // namespace

Tensor dropout(const Tensor &x, double p, bool training, Site s) {
  // p is checked in eval mode too: PyTorch raises either way.
  checkDropout(x, {2}, p, s);
  if (!training || p == 0) return x;
  return traceDropout(x, x.graph()->rngState(s), p, s);
}

Tensor dropout(const Tensor &x, const Tensor &rngState, double p, Site s) {
  graphOf(rngState, s, kOp);
  if (rngState.dtype() != rt::DType::I64)
    s.fail(kOp, "rng_state must be an i64 [seed, step] tensor, got " + rngState.typeString());
  checkDropout(x, rngState.shape(), p, s);
  if (p == 0) return x;
  return traceDropout(x, rngState, p, s);
}

} // namespace dlc
