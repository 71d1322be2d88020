//===- Random.cpp - shape rules of the Random family ---===//
#include "ir/shape/Random.h"

#include <sstream>

namespace dlc::dl::shape {

// Philox counter words are 32 bits: (element index / 4, op id, step low, step
// high); the lowering computes element indices in 32 bits.
static constexpr int64_t kCounterWord = int64_t(1) << 32;

ShapeOrError dropout(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> rngState, double p,
                     int64_t opId) {
  // `!(p >= 0 && p <= 1)` also rejects NaN.
  if (!(p >= 0 && p <= 1)) {
    std::ostringstream os;
    os << "dropout probability has to be between 0 and 1, but got " << p;
    return ShapeOrError::fail(os.str());
  }
  if (rngState.size() != 1 || rngState[0] != 2)
    return ShapeOrError::fail("rng_state must have shape [2] ([seed, step]), got " +
                              str(rngState));
  if (opId < 0 || opId >= kCounterWord)
    return ShapeOrError::fail("op_id must be in [0, 2^32) (one counter word), got " +
                              std::to_string(opId));
  std::optional<int64_t> n = elementCount(input);
  if (!n || *n > kCounterWord)
    return ShapeOrError::fail("input " + str(input) +
                              " has more than 2^32 elements (dropout indexes elements in 32 bits)");
  return {Shape(input.begin(), input.end()), ""};
}

} // namespace dlc::dl::shape
