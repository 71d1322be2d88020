//===- Harness.h - trace, compile and run small dl functions in tests ------===//
#pragma once

#include "backends/cpu/JitModule.h"
#include "frontend/Graph.h"
#include "frontend/Error.h"
#include "frontend/Ops.h"

#include "mlir/IR/BuiltinOps.h"

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <random>
#include <vector>

namespace dlc::test {

/// One input of a traced test function.
struct InputSpec {
  std::vector<int64_t> shape;
  rt::DType dtype = rt::DType::F32;
  float lo = -1.0f, hi = 1.0f; ///< uniform range (f32, f64) or [lo, hi) classes (i32, i64)
};

/// A compiled function `@loss(inputs...) -> (scalar, output)` where
/// output = body(inputs) and scalar = sum(output * R) for a fixed random R
/// (so every output element gets a distinct cotangent), plus its
/// `@loss_grad` from dl-autodiff.
class Compiled {
public:
  Compiled(std::vector<InputSpec> specs,
           std::function<Tensor(const std::vector<Tensor> &)> body, uint64_t seed = 1);

  /// Random inputs drawn from the specs.
  std::vector<rt::HostTensor> randomInputs(uint64_t seed) const;
  /// The body's output (forward).
  rt::HostTensor output(const std::vector<rt::HostTensor> &inputs);
  /// The scalar loss (f32 or f64, as the body's output).
  double loss(const std::vector<rt::HostTensor> &inputs);
  /// d loss / d input for every float (f32 or f64) input, in order.
  std::vector<rt::HostTensor> gradients(const std::vector<rt::HostTensor> &inputs);

  const std::vector<InputSpec> &specs() const { return specs_; }

private:
  std::vector<const rt::HostTensor *> pointers(const std::vector<rt::HostTensor> &in) const;
  std::vector<InputSpec> specs_;
  Graph graph_;
  std::unique_ptr<cpu::JitModule> jit_;
};

/// Largest |analytic - central difference| / (atol/rtol scale) over up to
/// `samples` elements per float input; <= 1 means agreement. With f64
/// inputs (and a small eps such as 1e-6) the check is tight: use
/// atol = rtol = 1e-6 or so (the f64 gradcheck of every op).
double gradientError(Compiled &c, const std::vector<rt::HostTensor> &inputs, double eps,
                     double atol, double rtol, int samples = 24);
/// The same, checking the given gradients (one per f32 input) instead of c's.
double gradientError(Compiled &c, const std::vector<rt::HostTensor> &inputs,
                     const std::vector<rt::HostTensor> &grads, double eps, double atol,
                     double rtol, int samples = 24);

/// Runs `f`, expecting dlc::Error whose text contains every needle (the
/// op's name, the user's file:line, the offending type).
template <typename F>
void expectError(F f, std::vector<std::string> needles) {
  try {
    f();
    FAIL() << "expected dlc::Error";
  } catch (const Error &e) {
    std::string what = e.what();
    for (const std::string &n : needles)
      EXPECT_NE(what.find(n), std::string::npos) << "missing '" << n << "' in: " << what;
  }
}

} // namespace dlc::test
