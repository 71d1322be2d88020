//===- NpyCompare.cpp - npy-compare: .npy results against a reference -----===//
//
//   npy-compare [--rtol R] EXPECTED.npy ACTUAL.npy [EXPECTED.npy ACTUAL.npy ...]
//
// For each pair: same dtype and shape, then the norm-wise relative error
// ||actual - expected||_2 / ||expected||_2 must be at most R (default 1e-5;
// integers and bools must match exactly). Prints one line per pair and
// exits 1 if any pair fails: the lit tests compare `dlc run` outputs with
// fixtures this way, without needing NumPy at test time.
//
//===----------------------------------------------------------------------===//
#include "runtime/io/Npy.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace dlc::rt;

/// Element i as a double (bf16 cannot come from .npy).
static double at(const HostTensor &t, int64_t i) {
  switch (t.dtype()) {
  case DType::F32: return t.data<float>()[i];
  case DType::F64: return t.data<double>()[i];
  case DType::BF16: return t.data<BF16>()[i].toFloat();
  case DType::I1: return t.data<bool>()[i];
  case DType::I8: return t.data<int8_t>()[i];
  case DType::I32: return t.data<int32_t>()[i];
  case DType::I64: return static_cast<double>(t.data<int64_t>()[i]);
  }
  return NAN;
}

static bool compare(const std::string &expPath, const std::string &actPath, double rtol) {
  HostTensor e = readNpy(expPath), a = readNpy(actPath);
  if (e.dtype() != a.dtype() || e.shape() != a.shape()) {
    std::printf("FAIL %s: expected %s, got %s (%s)\n", actPath.c_str(), e.typeString().c_str(),
                a.typeString().c_str(), expPath.c_str());
    return false;
  }
  bool exact = e.dtype() != DType::F32 && e.dtype() != DType::F64 && e.dtype() != DType::BF16;
  double diff = 0, norm = 0;
  int64_t mismatches = 0;
  for (int64_t i = 0; i < e.numel(); ++i) {
    double x = at(e, i), y = at(a, i);
    if (std::isnan(y) != std::isnan(x)) ++mismatches;
    if (exact && x != y) ++mismatches;
    diff += (y - x) * (y - x);
    norm += x * x;
  }
  double rel = norm > 0 ? std::sqrt(diff / norm) : std::sqrt(diff);
  bool ok = mismatches == 0 && !(rel > (exact ? 0.0 : rtol));
  std::printf("%s %s: %s relative error %.3g (rtol %g)\n", ok ? "ok" : "FAIL", actPath.c_str(),
              e.typeString().c_str(), rel, exact ? 0.0 : rtol);
  return ok;
}

int main(int argc, char **argv) {
  double rtol = 1e-5;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--rtol") == 0 && i + 1 < argc) rtol = std::atof(argv[++i]);
    else files.push_back(argv[i]);
  }
  if (files.empty() || files.size() % 2) {
    std::fprintf(stderr, "usage: npy-compare [--rtol R] EXPECTED.npy ACTUAL.npy ...\n");
    return 2;
  }
  bool ok = true;
  try {
    for (size_t i = 0; i < files.size(); i += 2) ok &= compare(files[i], files[i + 1], rtol);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "npy-compare: error: %s\n", e.what());
    return 2;
  }
  return ok ? 0 : 1;
}
