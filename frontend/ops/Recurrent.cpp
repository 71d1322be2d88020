//===- Recurrent.cpp - the DSL's rnn, gru and lstm ---===//
#include "frontend/ops/Recurrent.h"

#include "frontend/ops/OpSupport.h"
#include "ir/ops/RecurrentOps.h"
#include "ir/shape/Recurrent.h"

using namespace mlir;

namespace dlc {
using namespace detail;
using shape::RecurrentCell;

namespace {
/// Checks the operands (same graph, float, one element type) and the shapes;
/// returns y's type.
RankedTensorType checkRecurrent(RecurrentCell cell, const std::vector<const Tensor *> &operands,
                                const Site &s) {
  const char *op = shape::recurrentOpName(cell);
  const Tensor &x = *operands[0];
  for (const Tensor *t : operands) {
    graphOf(*t, s, op);
    requireFloat(*t, s, op);
    requireSameType(x, *t, s, op);
  }
  bool lstm = cell == RecurrentCell::Lstm;
  size_t w = lstm ? 3 : 2;
  std::optional<std::vector<int64_t>> c0;
  if (lstm) c0 = operands[2]->shape();
  std::vector<int64_t> xs = x.shape(), hs = operands[1]->shape(), wi = operands[w]->shape(),
                       wh = operands[w + 1]->shape(), bi = operands[w + 2]->shape(),
                       bh = operands[w + 3]->shape();
  std::optional<ArrayRef<int64_t>> c0View;
  if (c0) c0View = ArrayRef<int64_t>(*c0);
  return checked(shape::recurrent(cell, xs, hs, c0View, wi, wh, bi, bh), s, op, elementOf(x));
}
} // namespace

RecurrentOutput rnn(const Tensor &x, const Tensor &h0, const Tensor &wIh, const Tensor &wHh,
                    const Tensor &bIh, const Tensor &bHh, const std::string &nonlinearity,
                    Site s) {
  if (nonlinearity != "tanh" && nonlinearity != "relu")
    s.fail("rnn", "nonlinearity must be \"tanh\" or \"relu\", got \"" + nonlinearity + "\"");
  RecurrentCell cell = nonlinearity == "relu" ? RecurrentCell::RnnRelu : RecurrentCell::RnnTanh;
  RankedTensorType y = checkRecurrent(cell, {&x, &h0, &wIh, &wHh, &bIh, &bHh}, s);
  Graph &g = *x.graph();
  auto op = dl::RnnOp::create(g.builder(), g.location(s), TypeRange{y, h0.value().getType()},
                              x.value(), h0.value(), wIh.value(), wHh.value(), bIh.value(),
                              bHh.value(), nonlinearity);
  return {Tensor(&g, op.getY()), Tensor(&g, op.getHn()), Tensor()};
}

RecurrentOutput gru(const Tensor &x, const Tensor &h0, const Tensor &wIh, const Tensor &wHh,
                    const Tensor &bIh, const Tensor &bHh, Site s) {
  RankedTensorType y = checkRecurrent(RecurrentCell::Gru, {&x, &h0, &wIh, &wHh, &bIh, &bHh}, s);
  Graph &g = *x.graph();
  auto op = dl::GruOp::create(g.builder(), g.location(s), TypeRange{y, h0.value().getType()},
                              x.value(), h0.value(), wIh.value(), wHh.value(), bIh.value(),
                              bHh.value());
  return {Tensor(&g, op.getY()), Tensor(&g, op.getHn()), Tensor()};
}

RecurrentOutput lstm(const Tensor &x, const Tensor &h0, const Tensor &c0, const Tensor &wIh,
                     const Tensor &wHh, const Tensor &bIh, const Tensor &bHh, Site s) {
  RankedTensorType y =
      checkRecurrent(RecurrentCell::Lstm, {&x, &h0, &c0, &wIh, &wHh, &bIh, &bHh}, s);
  Graph &g = *x.graph();
  Type h = h0.value().getType();
  auto op = dl::LstmOp::create(g.builder(), g.location(s), TypeRange{y, h, h}, x.value(),
                               h0.value(), c0.value(), wIh.value(), wHh.value(), bIh.value(),
                               bHh.value());
  return {Tensor(&g, op.getY()), Tensor(&g, op.getHn()), Tensor(&g, op.getCn())};
}

} // namespace dlc
