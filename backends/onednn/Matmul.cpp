//===- Matmul.cpp - dense matrix products via oneDNN's sgemm --------------===//
//
// C(M,N) = op(A)·op(B), row-major, op = optional transpose. dnnl_sgemm is
// oneDNN's BLAS-style GEMM (AVX-512 kernels, OpenMP threads); the naive
// linalg loop nest it replaces ran at a few GFLOP/s.
//
//===----------------------------------------------------------------------===//
#include "backends/onednn/Errors.h"
#include "backends/onednn/Kernels.h"

#include <oneapi/dnnl/dnnl.h>

#include <cstring>
#include <string>

using Desc2 = dlc::rt::MemRefDesc<float, 2>;

namespace {

std::string shapeOf(const Desc2 *d) {
  if (!d) return "null";
  return "(" + std::to_string(d->sizes[0]) + "," + std::to_string(d->sizes[1]) + ")";
}

/// Returns an error text, or empty when the operands are consistent.
std::string check(const Desc2 *a, const Desc2 *b, const Desc2 *c, bool ta, bool tb) {
  for (const Desc2 *d : {a, b, c})
    if (!d || !d->aligned || !d->isContiguous()) return "operands must be dense row-major";
  int64_t m = ta ? a->sizes[1] : a->sizes[0], k = ta ? a->sizes[0] : a->sizes[1];
  int64_t k2 = tb ? b->sizes[1] : b->sizes[0], n = tb ? b->sizes[0] : b->sizes[1];
  if (k != k2 || c->sizes[0] != m || c->sizes[1] != n)
    return "shapes do not compose: a " + shapeOf(a) + (ta ? "ᵀ" : "") + " b " + shapeOf(b) +
           (tb ? "ᵀ" : "") + " c " + shapeOf(c);
  return {};
}

} // namespace

extern "C" void _mlir_ciface_dlc_rt_matmul(Desc2 *a, Desc2 *b, Desc2 *c, int64_t transposeA,
                                           int64_t transposeB) {
  bool ta = transposeA != 0, tb = transposeB != 0;
  if (std::string e = check(a, b, c, ta, tb); !e.empty()) {
    dlc::rt::recordError("[dlc_rt_matmul] " + e);
    if (c && c->aligned && c->isContiguous())
      std::memset(c->data(), 0, sizeof(float) * c->numElements());
    return;
  }
  int64_t m = c->sizes[0], n = c->sizes[1], k = ta ? a->sizes[0] : a->sizes[1];
  if (m == 0 || n == 0) return;
  if (k == 0) {
    std::memset(c->data(), 0, sizeof(float) * c->numElements());
    return;
  }
  // Row-major: leading dimensions are the stored row lengths.
  dnnl_status_t s = dnnl_sgemm(ta ? 'T' : 'N', tb ? 'T' : 'N', m, n, k, 1.0f, a->data(),
                               a->sizes[1], b->data(), b->sizes[1], 0.0f, c->data(), n);
  if (s != dnnl_success)
    dlc::rt::recordError("[dlc_rt_matmul] dnnl_sgemm failed with status " + std::to_string(s) +
                         " for a " + shapeOf(a) + " b " + shapeOf(b));
}
