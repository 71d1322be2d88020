//===- Oracle.h - compare dlc ops with PyTorch fixtures ----------*- C++ -*-===//
//
// test/oracle/<family>.py (run with PyTorch, committed with its output)
// writes test/fixtures/oracle/<family>/<case>/{in<i>,out,w,grad<i>}.npy.
// An OracleCase names that directory and traces the same computation with
// the DSL; checkOracle runs it through the full pipeline and JIT and
// compares forward and gradients with the files (see test/oracle/oracle.py).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Ops.h"

#include <functional>
#include <string>
#include <vector>

namespace dlc::test {

struct OracleCase {
  std::string family; ///< test/fixtures/oracle/<family>
  std::string name;   ///< .../<family>/<name>
  /// The op under test, on tensors traced from in<i>.npy (same dtypes).
  std::function<Tensor(const std::vector<Tensor> &)> body;
  /// |dlc - torch| <= atol + rtol * |torch|, for outputs and gradients.
  double rtol = 1e-5, atol = 1e-6;
};

/// Runs `c` against its fixtures; reports mismatches as gtest failures
/// naming the case, the tensor, the first bad index and both values.
void checkOracle(const OracleCase &c);

/// The case directories that exist under test/fixtures/oracle/<family>, so a
/// test can insist every fixture has a C++ case (and the reverse).
std::vector<std::string> oracleFixtures(const std::string &family);

/// gtest printer for parameterised suites.
inline std::string oracleName(const OracleCase &c) { return c.name; }

} // namespace dlc::test
