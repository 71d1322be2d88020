//===- Autodiff.cpp - dl-autodiff: reverse-mode differentiation -----------===//
//
// One reverse walk over the cloned function body. Each op on the path to the
// loss is asked, through DifferentiableOpInterface, for its operands'
// cotangents; cotangents of a value used several times are summed. The pass
// itself knows no op: every rule lives beside its op in ir/ops/.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#include "ir/Builders.h"
#include "passes/common/DerivedFunction.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/TypeUtilities.h"

#define DEBUG_TYPE "dl-autodiff"

namespace dlc {
#define GEN_PASS_DEF_DLAUTODIFF
#include "passes/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace dlc {
namespace {

/// Cotangents being accumulated during the reverse walk.
class Cotangents {
public:
  explicit Cotangents(OpBuilder &b) : b(b) {}
  Value get(Value v) const { return grads.lookup(v); }
  void add(Location loc, Value v, Value g) {
    Value &slot = grads[v];
    slot = slot ? dl::binary<dl::AddOp>(b, loc, slot, g) : g;
  }

private:
  OpBuilder &b;
  DenseMap<Value, Value> grads;
};

struct DLAutodiff : impl::DLAutodiffBase<DLAutodiff> {
  using DLAutodiffBase::DLAutodiffBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto primal = module.lookupSymbol<func::FuncOp>(funcName);
    if (!primal) {
      module.emitError() << "dl-autodiff: no function @" << funcName << " to differentiate";
      return signalPassFailure();
    }
    if (failed(differentiate(primal))) signalPassFailure();
  }

  LogicalResult differentiate(func::FuncOp primal) {
    if (primal.isExternal() || !primal.getBody().hasOneBlock())
      return primal.emitError("dl-autodiff: expected a function with a single-block body");
    FunctionType type = primal.getFunctionType();
    auto lossType = type.getNumResults() ? dyn_cast<RankedTensorType>(type.getResult(0))
                                         : RankedTensorType();
    if (!lossType || lossType.getRank() != 0 || !isa<FloatType>(lossType.getElementType()))
      return primal.emitError("dl-autodiff: the first result of @")
             << primal.getSymName() << " must be the scalar loss (a rank-0 float tensor)";
    SmallVector<unsigned> params = dl::argsWithRole(primal, dl::Role::parameter);
    if (params.empty())
      return primal.emitError("dl-autodiff: @")
             << primal.getSymName() << " has no argument with " << dl::kRoleAttr
             << " = \"parameter\": nothing to differentiate";
    for (unsigned i : params) {
      auto t = dyn_cast<RankedTensorType>(primal.getArgument(i).getType());
      if (!t || !isa<FloatType>(t.getElementType()))
        return primal.emitError("dl-autodiff: argument #")
               << i << " is a parameter but has type " << primal.getArgument(i).getType()
               << "; only float tensors can be trained";
    }

    // Clone @f as @f_grad; the backward ops go before its return.
    FailureOr<func::FuncOp> cloned =
        cloneFunction(primal, (primal.getSymName() + "_grad").str(), "dl-autodiff");
    if (failed(cloned)) return failure();
    func::FuncOp grad = *cloned;
    Block &body = grad.getBody().front();
    auto ret = cast<func::ReturnOp>(body.getTerminator());
    OpBuilder b(ret);
    Location loc = ret.getLoc();

    Cotangents cot(b);
    cot.add(loc, ret.getOperand(0), dl::scalarConstant(b, loc, lossType.getElementType(), 1.0));
    SmallVector<Operation *> ops;
    for (Operation &op : body.without_terminator()) ops.push_back(&op);
    for (Operation *op : llvm::reverse(ops)) {
      SmallVector<Value> resultGrads;
      bool reaches = false;
      for (Value r : op->getResults()) {
        resultGrads.push_back(cot.get(r));
        reaches |= static_cast<bool>(resultGrads.back());
      }
      // Only float values carry cotangents: an op whose operands are all
      // integers (one_hot of labels) passes nothing back and needs no rule.
      // An op with regions (scf.if, scf.for) may use float values inside
      // them, so it always needs a rule.
      bool floatOperand = llvm::any_of(op->getOperandTypes(), [](Type t) {
        return isa<FloatType>(getElementTypeOrSelf(t));
      });
      if (!reaches || (!floatOperand && op->getNumRegions() == 0)) continue;
      auto rule = dyn_cast<dl::DifferentiableOpInterface>(op);
      if (!rule)
        return op->emitError("dl-autodiff: no gradient rule for '")
               << op->getName() << "' on the path to the loss";
      SmallVector<Value> operandGrads;
      // Rules build at `b` (before the return) with the forward op's
      // location, so errors and profiles of backward ops name the user's line.
      if (failed(rule.buildVJP(b, resultGrads, operandGrads)))
        return op->emitError("dl-autodiff: gradient rule failed for '") << op->getName() << "'";
      if (operandGrads.size() != op->getNumOperands())
        return op->emitError("dl-autodiff: gradient rule of '")
               << op->getName() << "' returned " << operandGrads.size()
               << " cotangents for " << op->getNumOperands() << " operands";
      for (auto [operand, g] : llvm::zip(op->getOperands(), operandGrads))
        if (g) cot.add(op->getLoc(), operand, g);
    }

    // Return primal results, then one gradient per parameter, in argument
    // order, named after it (zeros for a parameter the loss does not reach).
    SmallVector<RoleValue> results = returnedValues(grad);
    if (!dl::resultRole(primal, 0)) results[0].role = dl::Role::loss;
    for (unsigned i : params) {
      Value arg = body.getArgument(i);
      Value g = cot.get(arg);
      if (!g) {
        auto t = cast<RankedTensorType>(arg.getType());
        g = dl::ConstantOp::create(b, loc, cast<ElementsAttr>(b.getZeroAttr(t)));
      }
      results.push_back({g, dl::Role::gradient, dl::argName(primal, i).str()});
    }
    setResults(grad, results);
    return success();
  }
};

} // namespace
} // namespace dlc
