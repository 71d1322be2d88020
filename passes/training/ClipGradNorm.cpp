//===- ClipGradNorm.cpp - dl-clip-grad-norm: torch's clip_grad_norm_ ------===//
//
// Rewrites @loss_grad in place so that its gradient results are rescaled as
// torch.nn.utils.clip_grad_norm_(parameters, max_norm) does (norm_type 2):
//   total = ‖(‖g_1‖, ..., ‖g_n‖)‖          (= sqrt(Σ_i Σ g_i²))
//   coef  = min(max_norm / (total + 1e-6), 1)
//   g_i   = g_i · coef                     (always multiplied, as torch)
// `max_norm` becomes a scalar hyperparameter argument (element type of the
// gradients), and `total` a result with role "output" named "grad_norm"
// (what clip_grad_norm_ returns; d2l's training loops print it), placed
// after the primal results. An optimizer pass then steps the clipped
// gradients. This is d2l's grad_clipping.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#include "ir/Builders.h"
#include "ir/ops/MathOps.h"
#include "passes/common/DerivedFunction.h"

#define DEBUG_TYPE "dl-clip-grad-norm"

namespace dlc {
#define GEN_PASS_DEF_DLCLIPGRADNORM
#include "passes/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace dlc {
namespace {

struct DLClipGradNorm : impl::DLClipGradNormBase<DLClipGradNorm> {
  using DLClipGradNormBase::DLClipGradNormBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto fn = module.lookupSymbol<func::FuncOp>(funcName);
    if (!fn) {
      module.emitError() << "dl-clip-grad-norm: no function @" << funcName
                         << " (run dl-autodiff first)";
      return signalPassFailure();
    }
    if (failed(clip(fn))) signalPassFailure();
  }

  LogicalResult clip(func::FuncOp fn) {
    SmallVector<RoleValue> returned = returnedValues(fn);
    SmallVector<RoleValue> primal, grads;
    for (RoleValue &r : returned) {
      if (r.role == dl::Role::output && r.name == "grad_norm")
        return fn.emitError("dl-clip-grad-norm: @")
               << funcName << " already returns 'grad_norm' (its gradients are clipped once)";
      (r.role == dl::Role::gradient ? grads : primal).push_back(r);
    }
    if (grads.empty())
      return fn.emitError("dl-clip-grad-norm: @")
             << funcName << " has no gradient results; it must come from dl-autodiff";
    if (dl::findArg(fn, dl::Role::hyperparameter, "max_norm"))
      return fn.emitError("dl-clip-grad-norm: @")
             << funcName << " already has a 'max_norm' argument";
    Type elementType = cast<RankedTensorType>(grads.front().value.getType()).getElementType();
    for (RoleValue &g : grads)
      if (cast<RankedTensorType>(g.value.getType()).getElementType() != elementType)
        return fn.emitError("dl-clip-grad-norm: gradients of different element types (")
               << elementType << ", "
               << cast<RankedTensorType>(g.value.getType()).getElementType()
               << ") share one norm";

    auto scalar = RankedTensorType::get({}, elementType);
    Value maxNorm = appendArgument(fn, scalar, dl::Role::hyperparameter, "max_norm");
    OpBuilder b(fn.getBody().front().getTerminator());
    Location loc = fn.getLoc();
    auto sqrt = [&](Value x) { return dl::SqrtOp::create(b, loc, x.getType(), x).getResult(); };
    // torch: the norm of the stacked per-gradient norms.
    Value sumOfSquares;
    for (RoleValue &g : grads) {
      Value norm = sqrt(sumSquares(b, loc, g.value));
      Value square = dl::binary<dl::MulOp>(b, loc, norm, norm);
      sumOfSquares = sumOfSquares ? dl::binary<dl::AddOp>(b, loc, sumOfSquares, square) : square;
    }
    Value total = sqrt(sumOfSquares);
    Value coef = dl::binary<dl::DivOp>(
        b, loc, maxNorm,
        dl::binary<dl::AddOp>(b, loc, total, dl::scalarConstant(b, loc, elementType, 1e-6)));
    coef = dl::MinimumOp::create(b, loc, coef, dl::scalarConstant(b, loc, elementType, 1.0));

    SmallVector<RoleValue> results = primal;
    results.push_back({total, dl::Role::output, "grad_norm"});
    for (RoleValue &g : grads)
      results.push_back({dl::binary<dl::MulOp>(b, loc, g.value, coef), g.role, g.name});
    setResults(fn, results);
    return success();
  }

  static Value sumSquares(OpBuilder &b, Location loc, Value g) {
    Value squares = dl::binary<dl::MulOp>(b, loc, g, g);
    auto t = cast<RankedTensorType>(g.getType());
    if (t.getRank() == 0) return squares;
    SmallVector<int64_t> axes;
    for (int64_t d = 0; d < t.getRank(); ++d) axes.push_back(d);
    return dl::ReduceSumOp::create(b, loc, RankedTensorType::get({}, t.getElementType()), squares,
                                   b.getDenseI64ArrayAttr(axes), /*keepdims=*/false);
  }
};

} // namespace
} // namespace dlc
