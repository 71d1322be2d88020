//===- StepBuilder.cpp - what every optimizer pass shares -----------------===//
#include "passes/training/StepBuilder.h"

#include "ir/Builders.h"
#include "ir/DLOps.h"
#include "ir/ops/MathOps.h"

#include "llvm/ADT/StringSet.h"

using namespace mlir;

namespace dlc {

std::optional<StepBuilder> StepBuilder::create(ModuleOp module, StringRef gradFunc,
                                               StringRef pass) {
  auto gradFn = module.lookupSymbol<func::FuncOp>(gradFunc);
  if (!gradFn) {
    module.emitError() << pass << ": no function @" << gradFunc << " (run dl-autodiff first)";
    return std::nullopt;
  }
  SmallVector<unsigned> params = dl::argsWithRole(gradFn, dl::Role::parameter);
  SmallVector<RoleValue> grads;
  for (RoleValue &r : returnedValues(gradFn))
    if (r.role == dl::Role::gradient) grads.push_back(r);
  if (grads.size() != params.size() || params.empty()) {
    gradFn.emitError() << pass << ": @" << gradFunc << " has " << params.size()
                       << " parameter arguments and " << grads.size()
                       << " gradient results; it must come from dl-autodiff";
    return std::nullopt;
  }
  Type elementType;
  for (auto [k, i] : llvm::enumerate(params)) {
    StringRef name = dl::argName(gradFn, i);
    if (grads[k].name != name) {
      gradFn.emitError() << pass << ": gradient result '" << grads[k].name
                         << "' does not match parameter '" << name << "' (argument #" << i << ")";
      return std::nullopt;
    }
    Type t = gradFn.getArgument(i).getType();
    if (grads[k].value.getType() != t) {
      gradFn.emitError() << pass << ": gradient of '" << name << "' has type "
                         << grads[k].value.getType() << " but the parameter (argument #" << i
                         << ") has type " << t;
      return std::nullopt;
    }
    Type e = cast<RankedTensorType>(t).getElementType();
    if (elementType && e != elementType) {
      gradFn.emitError() << pass << ": parameters of different element types (" << elementType
                         << ", " << e << ") share one learning rate";
      return std::nullopt;
    }
    elementType = e;
  }
  FailureOr<func::FuncOp> cloned = cloneFunction(gradFn, "train_step", pass);
  if (failed(cloned)) return std::nullopt;

  StepBuilder s(*cloned, elementType, pass.str());
  SmallVector<Value> stepGrads;
  for (RoleValue &r : returnedValues(*cloned))
    if (r.role == dl::Role::gradient) stepGrads.push_back(r.value);
    else s.primal_.push_back(r);
  for (auto [k, i] : llvm::enumerate(params))
    s.params_.push_back(
        {cloned->getArgument(i), stepGrads[k], dl::argName(*cloned, i).str(), unsigned(k)});
  s.updatedParams_.resize(params.size());
  return s;
}

StepBuilder::StepBuilder(func::FuncOp step, Type elementType, std::string pass)
    : step_(step), elementType_(elementType), pass_(std::move(pass)), b_(step.getContext()),
      loc_(step.getLoc()) {
  b_.setInsertionPoint(step.getBody().front().getTerminator());
}

Value StepBuilder::hyperparameter(StringRef name) {
  return appendArgument(step_, RankedTensorType::get({}, elementType_),
                        dl::Role::hyperparameter, name);
}

LogicalResult StepBuilder::requireDistinctNames() {
  llvm::StringSet<> seen;
  for (const StepParam &p : params_)
    if (p.name.empty() || !seen.insert(p.name).second)
      return step_.emitError() << pass_ << ": parameter #" << p.index << " "
                               << (p.name.empty() ? "has no dl.name"
                                                  : "shares its dl.name '" + p.name + "'")
                               << "; its optimizer state is named after it";
  return success();
}

Value StepBuilder::state(const StepParam &p, StringRef key) {
  std::string name = p.name + "." + key.str();
  state_.push_back({{Value(), dl::Role::optimizer_state, name}, p.index, key.str()});
  return appendArgument(step_, p.value.getType(), dl::Role::optimizer_state, name);
}

void StepBuilder::update(const StepParam &p, StringRef key, Value updated) {
  for (State &s : state_)
    if (s.param == p.index && s.key == key) s.updated.value = updated;
}

Value StepBuilder::step() {
  Type f32 = b_.getF32Type();
  Value count =
      appendArgument(step_, RankedTensorType::get({}, f32), dl::Role::optimizer_state, "step");
  Value next = dl::binary<dl::AddOp>(b_, loc_, count, dl::scalarConstant(b_, loc_, f32, 1.0));
  state_.push_back({{next, dl::Role::optimizer_state, "step"}, ~0u, "step"});
  if (elementType_ == f32) return count;
  return dl::CastOp::create(b_, loc_, RankedTensorType::get({}, elementType_), count);
}

void StepBuilder::setParameter(const StepParam &p, Value updated) {
  updatedParams_[p.index] = updated;
}

LogicalResult StepBuilder::finish() {
  SmallVector<RoleValue> results = primal_;
  for (auto [k, p] : llvm::enumerate(params_)) {
    if (!updatedParams_[k])
      return step_.emitError() << pass_ << ": internal error: no update for '" << p.name << "'";
    results.push_back({updatedParams_[k], dl::Role::parameter, p.name});
  }
  for (State &s : state_) {
    if (!s.updated.value)
      return step_.emitError() << pass_ << ": internal error: no update for state '"
                               << s.updated.name << "'";
    results.push_back(s.updated);
  }
  setResults(step_, results);
  return success();
}

Value StepBuilder::constant(double v) { return dl::scalarConstant(b_, loc_, elementType_, v); }
Value StepBuilder::add(Value a, Value b) { return dl::binary<dl::AddOp>(b_, loc_, a, b); }
Value StepBuilder::sub(Value a, Value b) { return dl::binary<dl::SubOp>(b_, loc_, a, b); }
Value StepBuilder::mul(Value a, Value b) { return dl::binary<dl::MulOp>(b_, loc_, a, b); }
Value StepBuilder::div(Value a, Value b) { return dl::binary<dl::DivOp>(b_, loc_, a, b); }
Value StepBuilder::sqrt(Value a) { return dl::SqrtOp::create(b_, loc_, a.getType(), a); }
Value StepBuilder::pow(Value a, Value b) { return dl::PowOp::create(b_, loc_, a, b); }
Value StepBuilder::maximum(Value a, Value b) { return dl::MaximumOp::create(b_, loc_, a, b); }
Value StepBuilder::minimum(Value a, Value b) { return dl::MinimumOp::create(b_, loc_, a, b); }

Value StepBuilder::isZero(Value a) {
  auto t = cast<RankedTensorType>(a.getType());
  Value zero = dl::scalarConstant(b_, loc_, t.getElementType(), 0.0);
  Value mask = dl::EqOp::create(b_, loc_, a, zero);
  return dl::CastOp::create(b_, loc_, RankedTensorType::get(t.getShape(), elementType_), mask);
}

Value StepBuilder::sumOfSquares(Value a) {
  Value squares = mul(a, a);
  auto t = cast<RankedTensorType>(a.getType());
  if (t.getRank() == 0) return squares;
  SmallVector<int64_t> axes;
  for (int64_t d = 0; d < t.getRank(); ++d) axes.push_back(d);
  return dl::ReduceSumOp::create(b_, loc_, RankedTensorType::get({}, t.getElementType()), squares,
                                 b_.getDenseI64ArrayAttr(axes), /*keepdims=*/false);
}

} // namespace dlc
