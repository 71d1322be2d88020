//===- Recurrent.cpp - verifiers, VJPs and decompositions of rnn, gru, lstm ---===//
//
// dl.rnn / dl.gru / dl.lstm are what the DSL traces. Each decomposes into
// its backend form with a one-byte (ignored) workspace for inference; its
// VJP replaces the forward op in the gradient function by the training form,
// whose workspace the backward op reads (as dl.max_pool2d does, Vision.cpp).
//
//===----------------------------------------------------------------------===//
#include "ir/ops/RecurrentOps.h"

#include "ir/OpFamilies.h"
#include "ir/ops/Common.h"
#include "ir/shape/Recurrent.h"

#include "mlir/IR/TypeUtilities.h"

// The generated verifiers (AllElementTypesMatch) name mlir functions unqualified.
using namespace mlir;

#define GET_OP_CLASSES
#include "ir/ops/RecurrentOps.cpp.inc"

namespace dlc::dl {
using detail::check;
using detail::inferred;
using detail::shapeOf;
using detail::tensorType;
using shape::RecurrentCell;

void registerRecurrentOps(DLDialect &dialect) {
  dialect.addFamily<
#define GET_OP_LIST
#include "ir/ops/RecurrentOps.cpp.inc"
      >();
}

namespace {

std::optional<ArrayRef<int64_t>> optionalShape(Value v) {
  if (!v) return std::nullopt;
  return shapeOf(v);
}

/// y's and hn's (and cn's) types, or the shape rule's diagnostic. With
/// `workspace`, also the workspace's type (training or not).
LogicalResult inferRecurrent(std::optional<Location> loc, RecurrentCell cell, Value x, Value h0,
                             Value c0, Value wIh, Value wHh, Value bIh, Value bHh,
                             std::optional<bool> workspace, SmallVectorImpl<Type> &types) {
  Type element = tensorType(x).getElementType();
  shape::ShapeOrError y = shape::recurrent(cell, shapeOf(x), shapeOf(h0), optionalShape(c0),
                                           shapeOf(wIh), shapeOf(wHh), shapeOf(bIh),
                                           shapeOf(bHh));
  if (failed(inferred(loc, y, element, types))) return failure();
  types.push_back(tensorType(h0).clone(element));
  if (c0) types.push_back(tensorType(c0).clone(element));
  if (!workspace) return success();
  return inferred(loc, shape::recurrentWorkspace(cell, shapeOf(x), shapeOf(h0), *workspace),
                  IntegerType::get(x.getContext(), 8), types);
}

/// The cell a backend op's `cell` attribute names (rnn and gru only).
std::optional<RecurrentCell> rnnCell(StringRef name) {
  auto c = shape::recurrentCellNamed(std::string_view(name.data(), name.size()));
  if (!c || *c == RecurrentCell::Lstm) return std::nullopt;
  return c;
}

RecurrentCell rnnOpCell(RnnOp op) {
  return op.getNonlinearity() == "relu" ? RecurrentCell::RnnRelu : RecurrentCell::RnnTanh;
}

/// `g` or, where the result does not reach the loss, zeros of `like`'s type.
Value orZeros(OpBuilder &b, Location loc, Value g, Value like) {
  if (g) return g;
  return ConstantOp::create(b, loc, cast<ElementsAttr>(b.getZeroAttr(tensorType(like))));
}

/// The VJP of dl.rnn / dl.gru: the training forward where the op was, then
/// dl.rnn_backward.
LogicalResult rnnVJP(Operation *op, RecurrentCell cell, OpBuilder &b, ValueRange gs,
                     SmallVectorImpl<Value> &grads) {
  Location loc = op->getLoc();
  ValueRange in = op->getOperands();
  OpBuilder here(op);
  StringAttr cellName = here.getStringAttr(shape::recurrentCellName(cell));
  auto training = RnnWithWorkspaceOp::create(here, loc, in[0], in[1], in[2], in[3], in[4], in[5],
                                             cellName, here.getUnitAttr());
  op->getResult(0).replaceAllUsesWith(training.getY());
  op->getResult(1).replaceAllUsesWith(training.getHn());
  Value dy = orZeros(b, loc, gs[0], training.getY());
  Value dhn = orZeros(b, loc, gs[1], training.getHn());
  auto back = RnnBackwardOp::create(b, loc, in[0], in[1], in[2], in[3], in[4], in[5],
                                    training.getY(), training.getHn(), training.getWorkspace(),
                                    dy, dhn, cellName);
  grads.append(back->getResults().begin(), back->getResults().end());
  return success();
}

/// dl.rnn / dl.gru → the inference backend form.
LogicalResult rnnDecompose(Operation *op, RecurrentCell cell, OpBuilder &b,
                           SmallVectorImpl<Value> &results) {
  ValueRange in = op->getOperands();
  auto fwd = RnnWithWorkspaceOp::create(b, op->getLoc(), in[0], in[1], in[2], in[3], in[4],
                                        in[5], b.getStringAttr(shape::recurrentCellName(cell)),
                                        UnitAttr());
  results.push_back(fwd.getY());
  results.push_back(fwd.getHn());
  return success();
}

} // namespace

//===----------------------------------------------------------------------===//
// rnn, gru
//===----------------------------------------------------------------------===//

LogicalResult RnnOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc, Adaptor a,
                                      SmallVectorImpl<Type> &types) {
  RecurrentCell cell =
      a.getNonlinearity() == "relu" ? RecurrentCell::RnnRelu : RecurrentCell::RnnTanh;
  return inferRecurrent(loc, cell, a.getX(), a.getH0(), Value(), a.getWIh(), a.getWHh(),
                        a.getBIh(), a.getBHh(), std::nullopt, types);
}

LogicalResult RnnOp::verify() {
  if (getNonlinearity() != "tanh" && getNonlinearity() != "relu")
    return emitOpError("nonlinearity must be \"tanh\" or \"relu\", got \"")
           << getNonlinearity() << "\"";
  return success();
}

LogicalResult RnnOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  return rnnVJP(*this, rnnOpCell(*this), b, gs, grads);
}

LogicalResult RnnOp::decompose(OpBuilder &b, SmallVectorImpl<Value> &results) {
  return rnnDecompose(*this, rnnOpCell(*this), b, results);
}

LogicalResult GruOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc, Adaptor a,
                                      SmallVectorImpl<Type> &types) {
  return inferRecurrent(loc, RecurrentCell::Gru, a.getX(), a.getH0(), Value(), a.getWIh(),
                        a.getWHh(), a.getBIh(), a.getBHh(), std::nullopt, types);
}

LogicalResult GruOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  return rnnVJP(*this, RecurrentCell::Gru, b, gs, grads);
}

LogicalResult GruOp::decompose(OpBuilder &b, SmallVectorImpl<Value> &results) {
  return rnnDecompose(*this, RecurrentCell::Gru, b, results);
}

LogicalResult RnnWithWorkspaceOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                                   Adaptor a, SmallVectorImpl<Type> &types) {
  std::optional<RecurrentCell> cell = rnnCell(a.getCell());
  if (!cell)
    return emitOptionalError(loc, "cell must be \"rnn_tanh\", \"rnn_relu\" or \"gru\", got \"",
                             a.getCell(), "\"");
  return inferRecurrent(loc, *cell, a.getX(), a.getH0(), Value(), a.getWIh(), a.getWHh(),
                        a.getBIh(), a.getBHh(), a.getTraining(), types);
}

StringRef RnnWithWorkspaceOp::getKernelName() { return "rnn_fwd"; }
SmallVector<int64_t> RnnWithWorkspaceOp::getKernelInts() {
  return {static_cast<int64_t>(*rnnCell(getCell())), getTraining() ? 1 : 0};
}

LogicalResult RnnBackwardOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                              Adaptor a, SmallVectorImpl<Type> &types) {
  std::optional<RecurrentCell> cell = rnnCell(a.getCell());
  if (!cell)
    return emitOptionalError(loc, "cell must be \"rnn_tanh\", \"rnn_relu\" or \"gru\", got \"",
                             a.getCell(), "\"");
  SmallVector<Type> forward;
  if (failed(inferRecurrent(loc, *cell, a.getX(), a.getH0(), Value(), a.getWIh(), a.getWHh(),
                            a.getBIh(), a.getBHh(), true, forward)))
    return failure();
  // y, hn, workspace and the cotangents must be the training forward's.
  Value given[] = {a.getY(), a.getHn(), a.getWorkspace(), a.getDy(), a.getDhn()};
  Type want[] = {forward[0], forward[1], forward[2], forward[0], forward[1]};
  const char *names[] = {"y", "hn", "workspace", "dy", "dhn"};
  for (int i = 0; i < 5; ++i)
    if (given[i].getType() != want[i])
      return emitOptionalError(loc, names[i], " has type ", given[i].getType(),
                               " but the forward gives ", want[i]);
  for (Value v : {a.getX(), a.getH0(), a.getWIh(), a.getWHh(), a.getBIh(), a.getBHh()})
    types.push_back(v.getType());
  return success();
}

StringRef RnnBackwardOp::getKernelName() { return "rnn_bwd"; }
SmallVector<int64_t> RnnBackwardOp::getKernelInts() {
  return {static_cast<int64_t>(*rnnCell(getCell()))};
}

//===----------------------------------------------------------------------===//
// lstm
//===----------------------------------------------------------------------===//

LogicalResult LstmOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc, Adaptor a,
                                       SmallVectorImpl<Type> &types) {
  return inferRecurrent(loc, RecurrentCell::Lstm, a.getX(), a.getH0(), a.getC0(), a.getWIh(),
                        a.getWHh(), a.getBIh(), a.getBHh(), std::nullopt, types);
}

LogicalResult LstmOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  OpBuilder here(getOperation());
  auto training = LstmWithWorkspaceOp::create(here, loc, getX(), getH0(), getC0(), getWIh(),
                                              getWHh(), getBIh(), getBHh(), here.getUnitAttr());
  getY().replaceAllUsesWith(training.getY());
  getHn().replaceAllUsesWith(training.getHn());
  getCn().replaceAllUsesWith(training.getCn());
  auto back = LstmBackwardOp::create(
      b, loc, getX(), getH0(), getC0(), getWIh(), getWHh(), getBIh(), getBHh(), training.getY(),
      training.getHn(), training.getCn(), training.getWorkspace(),
      orZeros(b, loc, gs[0], training.getY()), orZeros(b, loc, gs[1], training.getHn()),
      orZeros(b, loc, gs[2], training.getCn()));
  grads.append(back->getResults().begin(), back->getResults().end());
  return success();
}

LogicalResult LstmOp::decompose(OpBuilder &b, SmallVectorImpl<Value> &results) {
  auto fwd = LstmWithWorkspaceOp::create(b, getLoc(), getX(), getH0(), getC0(), getWIh(),
                                         getWHh(), getBIh(), getBHh(), UnitAttr());
  results.append({fwd.getY(), fwd.getHn(), fwd.getCn()});
  return success();
}

LogicalResult LstmWithWorkspaceOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                                    Adaptor a, SmallVectorImpl<Type> &types) {
  return inferRecurrent(loc, RecurrentCell::Lstm, a.getX(), a.getH0(), a.getC0(), a.getWIh(),
                        a.getWHh(), a.getBIh(), a.getBHh(), a.getTraining(), types);
}

StringRef LstmWithWorkspaceOp::getKernelName() { return "lstm_fwd"; }
SmallVector<int64_t> LstmWithWorkspaceOp::getKernelInts() { return {getTraining() ? 1 : 0}; }

LogicalResult LstmBackwardOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                               Adaptor a, SmallVectorImpl<Type> &types) {
  SmallVector<Type> forward;
  if (failed(inferRecurrent(loc, RecurrentCell::Lstm, a.getX(), a.getH0(), a.getC0(),
                            a.getWIh(), a.getWHh(), a.getBIh(), a.getBHh(), true, forward)))
    return failure();
  Value given[] = {a.getY(), a.getHn(), a.getCn(), a.getWorkspace(),
                   a.getDy(), a.getDhn(), a.getDcn()};
  Type want[] = {forward[0], forward[1], forward[2], forward[3],
                 forward[0], forward[1], forward[2]};
  const char *names[] = {"y", "hn", "cn", "workspace", "dy", "dhn", "dcn"};
  for (int i = 0; i < 7; ++i)
    if (given[i].getType() != want[i])
      return emitOptionalError(loc, names[i], " has type ", given[i].getType(),
                               " but the forward gives ", want[i]);
  for (Value v : {a.getX(), a.getH0(), a.getC0(), a.getWIh(), a.getWHh(), a.getBIh(),
                  a.getBHh()})
    types.push_back(v.getType());
  return success();
}

StringRef LstmBackwardOp::getKernelName() { return "lstm_bwd"; }
SmallVector<int64_t> LstmBackwardOp::getKernelInts() { return {}; }

} // namespace dlc::dl
