//===- Recurrent.cpp - shape rules of the Recurrent family ---===//
#include "ir/shape/Recurrent.h"

#include "runtime/abi/RnnWorkspace.h"

namespace dlc::dl::shape {

int64_t recurrentGates(RecurrentCell cell) { return rt::rnnGates(int64_t(cell)); }

const char *recurrentOpName(RecurrentCell cell) {
  switch (cell) {
  case RecurrentCell::RnnTanh:
  case RecurrentCell::RnnRelu: return "rnn";
  case RecurrentCell::Gru: return "gru";
  case RecurrentCell::Lstm: return "lstm";
  }
  return "rnn";
}

const char *recurrentCellName(RecurrentCell cell) {
  switch (cell) {
  case RecurrentCell::RnnTanh: return "rnn_tanh";
  case RecurrentCell::RnnRelu: return "rnn_relu";
  case RecurrentCell::Gru: return "gru";
  case RecurrentCell::Lstm: return "lstm";
  }
  return "rnn_tanh";
}

std::optional<RecurrentCell> recurrentCellNamed(std::string_view name) {
  for (RecurrentCell c : {RecurrentCell::RnnTanh, RecurrentCell::RnnRelu, RecurrentCell::Gru,
                          RecurrentCell::Lstm})
    if (name == recurrentCellName(c)) return c;
  return std::nullopt;
}

namespace {
/// "" when `actual` is `expected`; else names the operand, each differing
/// dimension (with what it means) and both shapes.
std::string expectShape(const char *operand, llvm::ArrayRef<int64_t> actual,
                        llvm::ArrayRef<int64_t> expected,
                        std::initializer_list<const char *> meaning) {
  if (actual.size() != expected.size())
    return std::string(operand) + " must have rank " + std::to_string(expected.size()) +
           " " + str(expected) + ", got " + str(actual);
  std::string diffs;
  size_t d = 0;
  for (const char *m : meaning) {
    if (actual[d] != expected[d])
      diffs += std::string(diffs.empty() ? "" : ", ") + "dim " + std::to_string(d) + " (" + m +
               ") is " + std::to_string(actual[d]) + ", expected " + std::to_string(expected[d]);
    ++d;
  }
  if (diffs.empty()) return {};
  return std::string(operand) + " of shape " + str(actual) + " must be " + str(expected) +
         ": " + diffs;
}
} // namespace

ShapeOrError recurrent(RecurrentCell cell, llvm::ArrayRef<int64_t> x,
                       llvm::ArrayRef<int64_t> h0, std::optional<llvm::ArrayRef<int64_t>> c0,
                       llvm::ArrayRef<int64_t> wIh, llvm::ArrayRef<int64_t> wHh,
                       llvm::ArrayRef<int64_t> bIh, llvm::ArrayRef<int64_t> bHh) {
  if (x.size() != 3)
    return ShapeOrError::fail("input x must have rank 3 (T, B, F: sequence, batch, features), "
                              "got " + str(x));
  if (h0.size() != 3)
    return ShapeOrError::fail("h0 must have rank 3 (D, B, H: directions, batch, hidden), got " +
                              str(h0));
  int64_t T = x[0], B = x[1], F = x[2], D = h0[0], H = h0[2];
  if (T < 1 || B < 1 || F < 1)
    return ShapeOrError::fail("input x " + str(x) + " must have T, B, F >= 1");
  if (D != 1 && D != 2)
    return ShapeOrError::fail("h0 of shape " + str(h0) + ": dim 0 (directions) must be 1 or 2, "
                              "got " + std::to_string(D));
  if (H < 1) return ShapeOrError::fail("h0 of shape " + str(h0) + ": hidden size must be >= 1");
  int64_t GH = recurrentGates(cell) * H;
  std::string gh = "gates*hidden = " + std::to_string(recurrentGates(cell)) + "*" +
                   std::to_string(H);
  std::string e = expectShape("h0", h0, {D, B, H}, {"directions", "batch, from x", "hidden"});
  if (e.empty() && c0)
    e = expectShape("c0", *c0, {D, B, H}, {"directions", "batch", "hidden"});
  if (e.empty())
    e = expectShape("w_ih", wIh, {D, GH, F}, {"directions", gh.c_str(), "input features"});
  if (e.empty()) e = expectShape("w_hh", wHh, {D, GH, H}, {"directions", gh.c_str(), "hidden"});
  if (e.empty()) e = expectShape("b_ih", bIh, {D, GH}, {"directions", gh.c_str()});
  if (e.empty()) e = expectShape("b_hh", bHh, {D, GH}, {"directions", gh.c_str()});
  if (!e.empty()) return ShapeOrError::fail(e);
  if (!elementCount(x) || !elementCount(wIh)) return ShapeOrError::fail("sizes overflow int64");
  return {{T, B, D * H}, {}};
}

ShapeOrError recurrentWorkspace(RecurrentCell cell, llvm::ArrayRef<int64_t> x,
                                llvm::ArrayRef<int64_t> h0, bool training) {
  if (!training) return {{1}, {}};
  int64_t bytes = rt::rnnWorkspaceBytes(static_cast<int64_t>(cell), x[0], x[1], x[2], h0[2], h0[0]);
  if (bytes <= 0) return ShapeOrError::fail("the recurrent workspace size overflows int64");
  return {{bytes}, {}};
}

} // namespace dlc::dl::shape
