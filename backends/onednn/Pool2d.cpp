//===- Pool2d.cpp - 2-D max/average pooling forward and backward ----------===//
//
// Plain nchw memories, like Conv2d.cpp. Max-pooling backward needs the argmax
// of every window, which oneDNN keeps in a "workspace" written by a
// forward_training pass; compiled code does not carry it from the forward, so
// the backward entry point recomputes the forward into per-thread scratch.
//
//===----------------------------------------------------------------------===//

#include "backends/onednn/Engine.h"
#include "backends/onednn/Kernels.h"

#include <fmt/format.h>

using dlc::rt::KernelError;
using dlc::rt::MemRefDesc;
using dnnl::memory;
using Desc4 = MemRefDesc<float, 4>;

namespace dlc::rt::onednn {
namespace {

using Tag = memory::format_tag;

enum PoolKind : int64_t { kMax = 0, kAvg = 1 };

/// Every size a pooling depends on: x is (N,C,H,W), y is (N,C,OH,OW). This is
/// the cache key.
struct PoolGeometry {
  int64_t kind, n, c, h, w, oh, ow, kh, kw, sh, sw, ph, pw;

  PrimitiveKey key(PrimitiveKey::Op op) const {
    return {op, {kind, n, c, h, w, oh, ow, kh, kw, sh, sw, ph, pw, 0}};
  }
  dnnl::algorithm algorithm() const {
    return kind == kMax ? dnnl::algorithm::pooling_max
                        : dnnl::algorithm::pooling_avg_include_padding;
  }
  memory::desc src() const { return {{n, c, h, w}, memory::data_type::f32, Tag::nchw}; }
  memory::desc dst() const { return {{n, c, oh, ow}, memory::data_type::f32, Tag::nchw}; }
  memory::dims strides() const { return {sh, sw}; }
  memory::dims kernel() const { return {kh, kw}; }
  memory::dims padding() const { return {ph, pw}; }
};

struct PoolParams {
  int64_t kind, kh, kw, sh, sw, ph, pw;
};

/// Checks the pooling parameters and that `in` (N,C,H,W) and `out`
/// (N,C,OH,OW) agree with them; throws a KernelError otherwise.
PoolGeometry checkPool(const Desc4 *in, const char *inName, const Desc4 *out,
                       const char *outName, const PoolParams &p) {
  checkDense(in, inName);
  checkDense(out, outName);
  if (p.kind != kMax && p.kind != kAvg)
    throw KernelError(fmt::format("unknown pooling kind {} (0 = max, 1 = average)", p.kind));
  checkStridePad(p.sh, p.sw, p.ph, p.pw);
  if (p.kh < 1 || p.kw < 1 || p.kh >= (int64_t(1) << 31) || p.kw >= (int64_t(1) << 31))
    throw KernelError(fmt::format("kernel {}x{} must be at least 1x1", p.kh, p.kw));
  // With padding >= kernel a window could hold only padding.
  if (p.ph >= p.kh || p.pw >= p.kw)
    throw KernelError(fmt::format("padding ({},{}) must be smaller than the {}x{} kernel",
                                  p.ph, p.pw, p.kh, p.kw));
  const int64_t *x = in->sizes, *y = out->sizes;
  if (x[2] < 1 || x[3] < 1)
    throw KernelError(fmt::format("{} has an empty {}x{} image", inName, x[2], x[3]));
  int64_t oh = windowOutputSize(x[2], p.kh, p.sh, p.ph);
  int64_t ow = windowOutputSize(x[3], p.kw, p.sw, p.pw);
  if (oh < 0 || ow < 0)
    throw KernelError(fmt::format("the {}x{} window does not fit the {}x{} input padded "
                                  "by ({},{})",
                                  p.kh, p.kw, x[2], x[3], p.ph, p.pw));
  if (y[0] != x[0] || y[1] != x[1] || y[2] != oh || y[3] != ow)
    throw KernelError(fmt::format("{} must be (N,C,OH,OW) = ({},{},{},{}) for {} {}, "
                                  "kernel, stride and padding, but is {}",
                                  outName, x[0], x[1], oh, ow, inName, formatShape(in),
                                  formatShape(out)));
  return {p.kind, x[0], x[1], x[2], x[3], oh, ow, p.kh, p.kw, p.sh, p.sw, p.ph, p.pw};
}

std::string describePool(const PoolParams &p) {
  return fmt::format("kind {} kernel ({},{}) stride ({},{}) pad ({},{})", p.kind, p.kh,
                     p.kw, p.sh, p.sw, p.ph, p.pw);
}

// --- cached primitives -------------------------------------------------------

struct PoolFwd {
  dnnl::pooling_forward::primitive_desc pd;
  dnnl::pooling_forward prim;
};
/// For max pooling also the forward_training primitive whose workspace the
/// backward reads; for average pooling `fwdPrim` is empty.
struct PoolBwd {
  dnnl::pooling_forward::primitive_desc fwdPd;
  dnnl::pooling_forward fwdPrim;
  dnnl::pooling_backward::primitive_desc pd;
  dnnl::pooling_backward prim;
};

dnnl::pooling_forward::primitive_desc poolFwdPd(const PoolGeometry &g,
                                                dnnl::prop_kind prop) {
  dnnl::pooling_forward::desc d(prop, g.algorithm(), g.src(), g.dst(), g.strides(),
                                g.kernel(), g.padding(), g.padding());
  return {d, kernelAttr(), cpuEngine()};
}

/// The forward of the forward entry point. forward_inference: it is never a
/// hint for a backward (pool2d_bwd builds its own training forward) and, for
/// max, needs no workspace.
std::shared_ptr<const PoolFwd> poolFwd(const PoolGeometry &g) {
  static PrimitiveCache<PoolFwd> cache;
  return cache.getOrCreate(g.key(PrimitiveKey::Op::PoolFwd), [&] {
    auto pd = poolFwdPd(g, dnnl::prop_kind::forward_inference);
    return PoolFwd{pd, dnnl::pooling_forward(pd)};
  });
}

std::shared_ptr<const PoolBwd> poolBwd(const PoolGeometry &g) {
  static PrimitiveCache<PoolBwd> cache;
  return cache.getOrCreate(g.key(PrimitiveKey::Op::PoolBwd), [&] {
    auto fwdPd = poolFwdPd(g, dnnl::prop_kind::forward_training);
    dnnl::pooling_backward::desc d(g.algorithm(), g.src(), g.dst(), g.strides(),
                                   g.kernel(), g.padding(), g.padding());
    dnnl::pooling_backward::primitive_desc pd(d, kernelAttr(), cpuEngine(), fwdPd);
    dnnl::pooling_forward fwdPrim;
    if (g.kind == kMax) fwdPrim = dnnl::pooling_forward(fwdPd);
    return PoolBwd{fwdPd, fwdPrim, pd, dnnl::pooling_backward(pd)};
  });
}

} // namespace
} // namespace dlc::rt::onednn

using namespace dlc::rt::onednn;

// x is (N,C,H,W) -> y is (N,C,OH,OW).
extern "C" void _mlir_ciface_dlc_rt_pool2d_fwd(Desc4 *x, Desc4 *y, int64_t kind,
                                               int64_t kH, int64_t kW, int64_t strideH,
                                               int64_t strideW, int64_t padH,
                                               int64_t padW) {
  PoolParams p{kind, kH, kW, strideH, strideW, padH, padW};
  guardedCall(
      "dlc_rt_pool2d_fwd", y,
      [&] {
        return fmt::format("x {} y {} {}", formatShape(x), formatShape(y),
                           describePool(p));
      },
      [&] {
        PoolGeometry g = checkPool(x, "x", y, "y", p);
        if (y->numElements() == 0) return;
        auto e = poolFwd(g);
        execute(e->prim, e->pd, {{DNNL_ARG_SRC, wrapUser(*x, Tag::nchw)},
                                      {DNNL_ARG_DST, wrapUser(*y, Tag::nchw)}});
      });
}

// dy is (N,C,OH,OW), x is (N,C,H,W) -> dx is (N,C,H,W).
extern "C" void _mlir_ciface_dlc_rt_pool2d_bwd(Desc4 *dy, Desc4 *x, Desc4 *dx,
                                               int64_t kind, int64_t kH, int64_t kW,
                                               int64_t strideH, int64_t strideW,
                                               int64_t padH, int64_t padW) {
  PoolParams p{kind, kH, kW, strideH, strideW, padH, padW};
  guardedCall(
      "dlc_rt_pool2d_bwd", dx,
      [&] {
        return fmt::format("dy {} x {} dx {} {}", formatShape(dy), formatShape(x),
                           formatShape(dx), describePool(p));
      },
      [&] {
        PoolGeometry g = checkPool(x, "x", dy, "dy", p);
        checkDense(dx, "dx");
        if (dx->sizes[0] != g.n || dx->sizes[1] != g.c || dx->sizes[2] != g.h ||
            dx->sizes[3] != g.w)
          throw KernelError(fmt::format("dx must have the shape of x {}, but is {}",
                                        formatShape(x), formatShape(dx)));
        if (dx->numElements() == 0) return;
        auto e = poolBwd(g);
        std::unordered_map<int, memory> args{
            {DNNL_ARG_DIFF_DST, wrapUser(*dy, Tag::nchw)},
            {DNNL_ARG_DIFF_SRC, wrapUser(*dx, Tag::nchw)}};
        if (g.kind == kMax) {
          // Recompute the forward to get the argmax workspace; its output is
          // thrown away.
          memory::desc wsDesc = e->fwdPd.workspace_desc();
          memory::desc dstDesc = e->fwdPd.dst_desc();
          memory ws(wsDesc, cpuEngine(), threadScratch(0, wsDesc.get_size()));
          memory dst(dstDesc, cpuEngine(), threadScratch(1, dstDesc.get_size()));
          execute(e->fwdPrim, e->fwdPd, {{DNNL_ARG_SRC, wrapUser(*x, Tag::nchw)},
                                           {DNNL_ARG_DST, dst},
                                           {DNNL_ARG_WORKSPACE, ws}});
          args.emplace(DNNL_ARG_WORKSPACE, ws);
        }
        execute(e->prim, e->pd, std::move(args));
      });
}
