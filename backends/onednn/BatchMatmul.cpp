//===- BatchMatmul.cpp - batched matrix products via oneDNN ---------------===//
//
// c(B,M,N)[i] = op(a[i or 0])·op(b[i or 0]), row-major; an operand with batch
// 1 is shared by every batch (dl.batch_matmul decomposes its other shapes
// into this form). oneDNN's matmul primitive on 3-D memories: transposes are
// strides, a shared operand a size-1 batch dim (broadcast). Measured against
// a loop of dnnl_sgemm calls (one per batch) and the linalg.generic lowering
// (test LinearBench.DISABLED_BatchMatmulGflops, 2 shared cores), GFLOP/s:
//                               primitive   sgemm loop   linalg
//   (64,128,64)·(64,64,128)       16.1         3.7-4.0      9.9
//   (8,512,64)·(8,64,512)         31.5         3.6-13       19.2
// (the machine was shared with other builds: read the ratios).
//
//===----------------------------------------------------------------------===//
#include "backends/onednn/Engine.h"
#include "backends/onednn/Errors.h"
#include "backends/onednn/Kernels.h"

#include <cstring>
#include <string>

using Desc3 = dlc::rt::MemRefDesc<float, 3>;
using dnnl::memory;

namespace dlc::rt::onednn {
namespace {

std::string shapeOf(const Desc3 *d) {
  if (!d) return "null";
  return "(" + std::to_string(d->sizes[0]) + "," + std::to_string(d->sizes[1]) + "," +
         std::to_string(d->sizes[2]) + ")";
}

/// Every size the product depends on.
struct Geometry {
  int64_t batch, batchA, batchB, m, n, k;
  bool ta, tb;
};

/// Returns an error text, or empty when the operands are consistent.
std::string check(const Desc3 *a, const Desc3 *b, const Desc3 *c, bool ta, bool tb,
                  Geometry &g) {
  for (const Desc3 *d : {a, b, c})
    if (!d || !d->aligned || !d->isContiguous()) return "operands must be dense row-major";
  int64_t m = ta ? a->sizes[2] : a->sizes[1], k = ta ? a->sizes[1] : a->sizes[2];
  int64_t k2 = tb ? b->sizes[2] : b->sizes[1], n = tb ? b->sizes[1] : b->sizes[2];
  int64_t batch = c->sizes[0];
  bool batches = (a->sizes[0] == batch || a->sizes[0] == 1) &&
                 (b->sizes[0] == batch || b->sizes[0] == 1);
  if (k != k2 || c->sizes[1] != m || c->sizes[2] != n || !batches)
    return "shapes do not compose: a " + shapeOf(a) + (ta ? "ᵀ" : "") + " b " + shapeOf(b) +
           (tb ? "ᵀ" : "") + " c " + shapeOf(c) + " (batches must be c's or 1)";
  g = {batch, a->sizes[0], b->sizes[0], m, n, k, ta, tb};
  return {};
}

/// The dims (B', R, C) of an operand stored as (B', C, R) when transposed:
/// the strides say which.
memory::desc operandDesc(int64_t batch, int64_t rows, int64_t cols, bool transposed) {
  memory::dims strides = transposed ? memory::dims{rows * cols, 1, rows}
                                    : memory::dims{rows * cols, cols, 1};
  return {{batch, rows, cols}, memory::data_type::f32, strides};
}

struct MatmulPrimitive {
  dnnl::matmul::primitive_desc pd;
  dnnl::matmul prim;
};

void viaPrimitive(const Geometry &g, const Desc3 *a, const Desc3 *b, const Desc3 *c) {
  static PrimitiveCache<MatmulPrimitive> cache;
  auto e = cache.getOrCreate(
      {"batch_matmul", {g.batch, g.batchA, g.batchB, g.m, g.n, g.k, g.ta, g.tb}}, [&] {
        dnnl::matmul::desc d(operandDesc(g.batchA, g.m, g.k, g.ta),
                             operandDesc(g.batchB, g.k, g.n, g.tb),
                             operandDesc(g.batch, g.m, g.n, false));
        dnnl::matmul::primitive_desc pd(d, kernelAttr(), cpuEngine());
        return MatmulPrimitive{pd, dnnl::matmul(pd)};
      });
  const dnnl::engine &eng = cpuEngine();
  execute(e->prim, e->pd,
          {{DNNL_ARG_SRC, memory(e->pd.src_desc(), eng, a->data())},
           {DNNL_ARG_WEIGHTS, memory(e->pd.weights_desc(), eng, b->data())},
           {DNNL_ARG_DST, memory(e->pd.dst_desc(), eng, c->data())}});
}

} // namespace
} // namespace dlc::rt::onednn

using namespace dlc::rt::onednn;

extern "C" void _mlir_ciface_dlc_rt_batch_matmul(Desc3 *a, Desc3 *b, Desc3 *c,
                                                 int64_t transposeA, int64_t transposeB) {
  auto fail = [&](const std::string &e) {
    dlc::rt::recordError("[dlc_rt_batch_matmul] " + e + " for a " + shapeOf(a) + " b " +
                         shapeOf(b));
    if (c && c->aligned && c->isContiguous())
      std::memset(c->data(), 0, sizeof(float) * c->numElements());
  };
  Geometry g;
  if (std::string e = check(a, b, c, transposeA != 0, transposeB != 0, g); !e.empty())
    return fail(e);
  if (c->numElements() == 0) return;
  if (g.k == 0) {
    std::memset(c->data(), 0, sizeof(float) * c->numElements());
    return;
  }
  try {
    viaPrimitive(g, a, b, c);
  } catch (const dnnl::error &e) {
    fail(std::string("oneDNN error: ") + e.what());
  } catch (const std::exception &e) {
    fail(e.what());
  }
}
