//===- RandomToLinalg.cpp - the Random family → linalg ---===//
//
// dl.dropout becomes one linalg.generic that runs Philox-4x32-10 in plain
// arith ops (32-bit multiply-high through arith.mului_extended), so nothing
// but the key crosses the function boundary and the backward pass
// regenerates the same mask. Element i uses word i % 4 of the block with
// counter i / 4. When the element count is a multiple of 4 the generic runs
// over the input reshaped to (blocks, 4): the block depends on the outer
// index only, so LLVM computes it once per 4 elements (and vectorizes the
// outer loop). Otherwise (a count not divisible by 4) each element computes
// its whole block. Measured on 16M f32, one thread of the shared machine:
// a block per element 115-144 ms, a block per 4 elements 40-45 ms, x * 2
// 4.5-10 ms: the generator, not memory, bounds dropout.
//
//===----------------------------------------------------------------------===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/ops/RandomOps.h"

#include "mlir/IR/PatternMatch.h"

#include <array>
#include <cmath>

using namespace mlir;

namespace dlc::lowering {
namespace {

// Philox-4x32 constants (Salmon et al. 2011; Random123's philox.h): round
// multipliers and the key schedule's Weyl increments.
constexpr uint32_t kPhiloxM0 = 0xD2511F53u, kPhiloxM1 = 0xCD9E8D57u;
constexpr uint32_t kPhiloxW0 = 0x9E3779B9u, kPhiloxW1 = 0xBB67AE85u;
constexpr int kPhiloxRounds = 10;

Value i32(OpBuilder &b, Location loc, uint32_t v) {
  // The bits of v, as the signed value an i32 attribute holds.
  return arith::ConstantIntOp::create(b, loc, b.getI32Type(),
                                      static_cast<int64_t>(static_cast<int32_t>(v)));
}
Value i64(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIntOp::create(b, loc, b.getI64Type(), v);
}
/// The low and high 32-bit words of an i64.
std::pair<Value, Value> words(OpBuilder &b, Location loc, Value v) {
  Value lo = arith::TruncIOp::create(b, loc, b.getI32Type(), v);
  Value hi = arith::TruncIOp::create(b, loc, b.getI32Type(),
                                     arith::ShRUIOp::create(b, loc, v, i64(b, loc, 32)));
  return {lo, hi};
}

/// Philox-4x32-10 of counter `c` with round keys `k0[r]`, `k1[r]`.
std::array<Value, 4> philox(OpBuilder &b, Location loc, std::array<Value, 4> c,
                            ArrayRef<Value> k0, ArrayRef<Value> k1) {
  Value m0 = i32(b, loc, kPhiloxM0), m1 = i32(b, loc, kPhiloxM1);
  for (int r = 0; r < kPhiloxRounds; ++r) {
    auto p0 = arith::MulUIExtendedOp::create(b, loc, m0, c[0]);
    auto p1 = arith::MulUIExtendedOp::create(b, loc, m1, c[2]);
    Value x0 = arith::XOrIOp::create(
        b, loc, arith::XOrIOp::create(b, loc, p1.getHigh(), c[1]), k0[r]);
    Value x2 = arith::XOrIOp::create(
        b, loc, arith::XOrIOp::create(b, loc, p0.getHigh(), c[3]), k1[r]);
    c = {x0, p1.getLow(), x2, p0.getLow()};
  }
  return c;
}

/// words[lane] for an i32 `lane` in [0, 4).
Value pick(OpBuilder &b, Location loc, const std::array<Value, 4> &words, Value lane) {
  Value w = words[3];
  for (int k = 2; k >= 0; --k) {
    Value is = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, lane, i32(b, loc, k));
    w = arith::SelectOp::create(b, loc, is, words[k], w);
  }
  return w;
}

Value index32(OpBuilder &b, Location loc, int64_t dim) {
  return arith::IndexCastUIOp::create(b, loc, b.getI32Type(),
                                      linalg::IndexOp::create(b, loc, uint64_t(dim)));
}

struct DropoutToGeneric : OpRewritePattern<dl::DropoutOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::DropoutOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto type = cast<RankedTensorType>(op.getType());
    Type element = type.getElementType();
    double p = op.getP().convertToDouble();
    // Keep iff (w >> 8) >= ceil(p * 2^24), i.e. u = (w >> 8) / 2^24 >= p;
    // p = 1 gives 2^24, which no 24-bit value reaches. p * 2^24 is exact.
    auto threshold = static_cast<uint32_t>(std::ceil(p * 16777216.0));
    double scale = p < 1 ? 1.0 / (1.0 - p) : 0.0;

    // The key, read once: seed and step from rng_state = [seed, step].
    Value rng = op.getRngState();
    Value c0 = arith::ConstantIndexOp::create(rw, loc, 0);
    Value c1 = arith::ConstantIndexOp::create(rw, loc, 1);
    auto [seedLo, seedHi] = words(rw, loc, tensor::ExtractOp::create(rw, loc, rng, c0));
    auto [stepLo, stepHi] = words(rw, loc, tensor::ExtractOp::create(rw, loc, rng, c1));
    // Round keys: round r uses key + r * (W0, W1) (mod 2^32).
    SmallVector<Value> k0{seedLo}, k1{seedHi};
    for (uint32_t r = 1; r < kPhiloxRounds; ++r) {
      k0.push_back(arith::AddIOp::create(rw, loc, seedLo, i32(rw, loc, kPhiloxW0 * r)));
      k1.push_back(arith::AddIOp::create(rw, loc, seedHi, i32(rw, loc, kPhiloxW1 * r)));
    }
    Value opId = i32(rw, loc, static_cast<uint32_t>(op.getOpId()));

    // x * (keep ? scale : 0), as PyTorch's `input * mask`: a dropped inf or
    // NaN gives NaN there too.
    auto applyMask = [&](OpBuilder &b, Location l, Value x, Value word) -> Value {
      Value u24 = arith::ShRUIOp::create(b, l, word, i32(b, l, 8));
      Value keep =
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::uge, u24, i32(b, l, threshold));
      Value mask = arith::SelectOp::create(b, l, keep, floatConst(b, l, element, scale),
                                           floatConst(b, l, element, 0.0));
      return arith::MulFOp::create(b, l, x, mask);
    };
    auto generic = [&](Value input, RankedTensorType t,
                       function_ref<Value(OpBuilder &, Location, Value)> body) {
      auto identity = rw.getMultiDimIdentityMap(t.getRank());
      return linalg::GenericOp::create(
                 rw, loc, t, ValueRange{input}, ValueRange{empty(rw, loc, t)},
                 ArrayRef<AffineMap>{identity, identity}, iterators(t.getRank()),
                 [&](OpBuilder &b, Location l, ValueRange args) {
                   linalg::YieldOp::create(b, l, ValueRange{body(b, l, args[0])});
                 })
          .getResult(0);
    };

    int64_t n = type.getNumElements();
    Value result;
    if (n % 4 == 0 && n > 0) {
      // (blocks, 4): block d0, lane d1. The reshapes lower as dl.reshape does.
      auto blocked = RankedTensorType::get({n / 4, 4}, element);
      Value x = dl::ReshapeOp::create(rw, loc, blocked, op.getInput());
      Value y = generic(x, blocked, [&](OpBuilder &b, Location l, Value in) {
        auto draws = philox(b, l, {index32(b, l, 0), opId, stepLo, stepHi}, k0, k1);
        return applyMask(b, l, in, pick(b, l, draws, index32(b, l, 1)));
      });
      result = dl::ReshapeOp::create(rw, loc, type, y);
    } else {
      // Row-major strides; the index fits 32 bits (the verifier checks it).
      SmallVector<uint32_t> strides(type.getRank(), 1);
      for (int64_t d = type.getRank() - 2; d >= 0; --d)
        strides[d] = strides[d + 1] * static_cast<uint32_t>(type.getDimSize(d + 1));
      result = generic(op.getInput(), type, [&](OpBuilder &b, Location l, Value in) {
        Value index = i32(b, l, 0);
        for (int64_t d = 0; d < type.getRank(); ++d)
          index = arith::AddIOp::create(
              b, l, index, arith::MulIOp::create(b, l, index32(b, l, d), i32(b, l, strides[d])));
        Value block = arith::ShRUIOp::create(b, l, index, i32(b, l, 2));
        Value lane = arith::AndIOp::create(b, l, index, i32(b, l, 3));
        auto draws = philox(b, l, {block, opId, stepLo, stepHi}, k0, k1);
        return applyMask(b, l, in, pick(b, l, draws, lane));
      });
    }
    rw.replaceOp(op, result);
    return success();
  }
};

} // namespace

void populateRandomToLinalg(RewritePatternSet &patterns) {
  patterns.add<DropoutToGeneric>(patterns.getContext());
}

} // namespace dlc::lowering
