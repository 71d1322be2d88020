//===- Sequence.cpp - the DSL's embedding, index_select, repeat_interleave, arange, sequence masks ---===//
#include "frontend/ops/Sequence.h"

#include "frontend/Ops.h"
#include "frontend/ops/Math.h"
#include "frontend/ops/OpSupport.h"
#include "ir/Builders.h"
#include "ir/ops/SequenceOps.h"
#include "ir/shape/Sequence.h"

using namespace mlir;

namespace dlc {
using namespace detail;

namespace {
void requireIds(const Tensor &t, const Site &site, const char *op, const char *what) {
  if (!isInteger(t.dtype()))
    site.fail(op, std::string(what) + " must be i32 or i64, got " + t.typeString());
}

Type elementTypeOf(MLIRContext *ctx, rt::DType d) {
  switch (d) {
  case rt::DType::F32: return Float32Type::get(ctx);
  case rt::DType::F64: return Float64Type::get(ctx);
  case rt::DType::BF16: return BFloat16Type::get(ctx);
  case rt::DType::I32: return IntegerType::get(ctx, 32);
  case rt::DType::I64: return IntegerType::get(ctx, 64);
  default: return {};
  }
}
} // namespace

Tensor embedding(const Tensor &input, const Tensor &weight, EmbeddingOptions options, Site s) {
  const char *op = "embedding";
  Graph &g = graphOf(input, s, op);
  graphOf(weight, s, op);
  requireIds(input, s, op, "input (the ids)");
  requireFloat(weight, s, op);
  std::optional<int64_t> padding = options.paddingIdx;
  // PyTorch counts a negative padding_idx from the end of the table.
  if (padding && *padding < 0 && weight.rank() == 2) *padding += weight.dim(0);
  auto type = checked(shape::embedding(input.shape(), weight.shape(), padding), s, op,
                      elementOf(weight));
  OpBuilder &b = g.builder();
  IntegerAttr paddingAttr = padding ? b.getI64IntegerAttr(*padding) : IntegerAttr();
  return Tensor(&g, dl::EmbeddingOp::create(b, g.location(s), type, input.value(),
                                            weight.value(), paddingAttr));
}

Tensor indexSelect(const Tensor &input, int64_t dim, const Tensor &index, Site s) {
  const char *op = "index_select";
  Graph &g = graphOf(input, s, op);
  graphOf(index, s, op);
  requireIds(index, s, op, "index");
  dim = normalizedAxis(input, dim, s, op);
  auto type = checked(shape::indexSelect(input.shape(), index.shape(), dim), s, op,
                      elementOf(input));
  return Tensor(&g, dl::IndexSelectOp::create(g.builder(), g.location(s), type, input.value(),
                                              index.value(), g.builder().getI64IntegerAttr(dim)));
}

Tensor indexAdd(const Tensor &input, int64_t dim, const Tensor &index, const Tensor &source,
                Site s) {
  const char *op = "index_add";
  Graph &g = graphOf(input, s, op);
  graphOf(index, s, op);
  graphOf(source, s, op);
  requireFloat(input, s, op);
  requireFloat(source, s, op);
  requireSameType(input, source, s, op);
  requireIds(index, s, op, "index");
  dim = normalizedAxis(input, dim, s, op);
  auto type = checked(shape::indexAdd(input.shape(), index.shape(), source.shape(), dim), s, op,
                      elementOf(input));
  return Tensor(&g, dl::IndexAddOp::create(g.builder(), g.location(s), type, input.value(),
                                           index.value(), source.value(),
                                           g.builder().getI64IntegerAttr(dim)));
}

Tensor repeatInterleave(const Tensor &input, int64_t repeats, int64_t dim, Site s) {
  const char *op = "repeat_interleave";
  Graph &g = graphOf(input, s, op);
  dim = normalizedAxis(input, dim, s, op);
  auto type = checked(shape::repeatInterleave(input.shape(), repeats, dim), s, op,
                      elementOf(input));
  OpBuilder &b = g.builder();
  return Tensor(&g, dl::RepeatInterleaveOp::create(b, g.location(s), type, input.value(),
                                                   b.getI64IntegerAttr(repeats),
                                                   b.getI64IntegerAttr(dim)));
}

Tensor arange(double start, double end, double step, rt::DType dtype, Site s) {
  const char *op = "arange";
  Graph &g = Graph::current();
  Type element = elementTypeOf(&g.context(), dtype);
  if (!element)
    s.fail(op, std::string("dtype must be f32, f64, bf16, i32 or i64, got ") + rt::name(dtype));
  auto type = checked(shape::arange(start, end, step, isa<IntegerType>(element)), s, op, element);
  OpBuilder &b = g.builder();
  return Tensor(&g, dl::ArangeOp::create(b, g.location(s), type, b.getF64FloatAttr(start),
                                         b.getF64FloatAttr(end), b.getF64FloatAttr(step)));
}

Tensor sequenceMask(const Tensor &validLen, int64_t maxlen, Site s) {
  const char *op = "sequence_mask";
  Graph &g = graphOf(validLen, s, op);
  requireIds(validLen, s, op, "valid_len");
  auto type = checked(shape::sequenceMask(validLen.shape(), maxlen), s, op,
                      IntegerType::get(&g.context(), 1));
  return Tensor(&g, dl::SequenceMaskOp::create(g.builder(), g.location(s), type,
                                               validLen.value(),
                                               g.builder().getI64IntegerAttr(maxlen)));
}

Tensor sequenceMask(const Tensor &x, const Tensor &validLen, double value, Site s) {
  const char *op = "sequence_mask";
  graphOf(x, s, op);
  requireFloat(x, s, op);
  if (x.rank() != 2)
    s.fail(op, "x must be (batch, steps), got " + x.typeString() +
                   " (reshape to 2-D first; the mask covers the first two dimensions)");
  if (validLen.rank() != 1 || validLen.dim(0) != x.dim(0))
    s.fail(op, "valid_len must be (batch) = [" + std::to_string(x.dim(0)) + "], got " +
                   validLen.typeString());
  Graph &g = Graph::current();
  // `value` rounded once to x's element type, as PyTorch's X[~mask] = value.
  Tensor fill(&g, dl::scalarConstant(g.builder(), g.location(s), elementOf(x), value));
  return where(sequenceMask(validLen, x.dim(1), s), x, fill, s);
}

} // namespace dlc
