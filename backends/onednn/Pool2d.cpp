//===- Pool2d.cpp - 2-D max/average pooling forward and backward ----------===//
//
// Plain nchw memories, like Conv2d.cpp. Max-pooling backward needs the argmax
// of every window, which oneDNN keeps in a "workspace" written by a
// forward_training pass: max_pool2d_fwd_train returns it as an opaque byte
// buffer (its size is the shape rule's `maxPool2dWorkspaceBytes`, checked
// here against oneDNN's workspace descriptor) and max_pool2d_bwd reads it, so
// the backward never recomputes the forward. Inference uses max_pool2d_fwd
// (forward_inference, no workspace).
//
// PyTorch's options: ceil_mode becomes right padding larger than the left
// (what the last window reaches past the input); count_include_pad=false is
// oneDNN's pooling_avg_exclude_padding. PyTorch's count_include_pad divisor
// is the window clipped to the padded input [-p, in + p), which oneDNN's
// include_padding matches except where ceil mode adds right padding: there
// the average runs excluding padding and each output is rescaled by
// (covered input positions) / (covered padded positions), the backward
// scaling dy alike.
//
//===----------------------------------------------------------------------===//

#include "backends/onednn/Engine.h"
#include "backends/onednn/Kernels.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <vector>

using dlc::rt::KernelError;
using dlc::rt::MemRefDesc;
using dnnl::memory;
using Desc4 = MemRefDesc<float, 4>;
using Bytes = MemRefDesc<int8_t, 1>;

namespace dlc::rt::onednn {
namespace {

using Tag = memory::format_tag;

/// The op's kind: max, or average with PyTorch's count_include_pad on/off.
enum PoolKind : int64_t { kMax = 0, kAvg = 1, kAvgExcludePad = 2 };

/// Every size a pooling depends on: x is (N,C,H,W), y is (N,C,OH,OW); right
/// padding (prh, prw) exceeds the left one in ceil mode. `kind` is the
/// algorithm run (see PoolRun). This is the cache key.
struct PoolGeometry {
  int64_t kind, n, c, h, w, oh, ow, kh, kw, sh, sw, ph, pw, prh, prw;

  PrimitiveKey key(std::string_view kernel) const {
    return {kernel, {kind, n, c, h, w, oh, ow, kh, kw, sh, sw, ph, pw, prh, prw}};
  }
  dnnl::algorithm algorithm() const {
    return kind == kMax   ? dnnl::algorithm::pooling_max
           : kind == kAvg ? dnnl::algorithm::pooling_avg_include_padding
                          : dnnl::algorithm::pooling_avg_exclude_padding;
  }
  memory::desc src() const { return {{n, c, h, w}, memory::data_type::f32, Tag::nchw}; }
  memory::desc dst() const { return {{n, c, oh, ow}, memory::data_type::f32, Tag::nchw}; }
  memory::dims strides() const { return {sh, sw}; }
  memory::dims kernel() const { return {kh, kw}; }
  memory::dims padding() const { return {ph, pw}; }
  memory::dims paddingRight() const { return {prh, prw}; }
};

struct PoolParams {
  int64_t kh, kw, sh, sw, ph, pw, ceilMode;
  int64_t countIncludePad = 1; ///< average pooling only
};

/// Output extent as PyTorch's pooling_output_shape: floor or ceil, and in
/// ceil mode the last window must start inside the input or left padding.
int64_t poolOutputSize(int64_t in, int64_t k, int64_t s, int64_t p, bool ceil) {
  if (in + 2 * p < k) return -1;
  int64_t out = (in + 2 * p - k + (ceil ? s - 1 : 0)) / s + 1;
  if (ceil && (out - 1) * s >= in + p) --out;
  return out;
}

/// The right padding the windows see: the left one, or in ceil mode what the
/// last window reaches past the input.
int64_t rightPadding(int64_t in, int64_t k, int64_t s, int64_t p, int64_t out) {
  return std::max(p, (out - 1) * s + k - in - p);
}

/// Checks the pooling parameters and that `in` (N,C,H,W) and `out`
/// (N,C,OH,OW) agree with them; throws a KernelError otherwise. `kind` is
/// kMax or kAvg (count_include_pad in `p` then picks the algorithm).
PoolGeometry checkPool(const Desc4 *in, const char *inName, const Desc4 *out,
                       const char *outName, const PoolParams &p, int64_t kind) {
  checkDense(in, inName);
  checkDense(out, outName);
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
  int64_t oh = poolOutputSize(x[2], p.kh, p.sh, p.ph, p.ceilMode != 0);
  int64_t ow = poolOutputSize(x[3], p.kw, p.sw, p.pw, p.ceilMode != 0);
  if (oh < 0 || ow < 0)
    throw KernelError(fmt::format("the {}x{} window does not fit the {}x{} input padded "
                                  "by ({},{})",
                                  p.kh, p.kw, x[2], x[3], p.ph, p.pw));
  if (y[0] != x[0] || y[1] != x[1] || y[2] != oh || y[3] != ow)
    throw KernelError(fmt::format("{} must be (N,C,OH,OW) = ({},{},{},{}) for {} {}, "
                                  "kernel, stride, padding and ceil_mode, but is {}",
                                  outName, x[0], x[1], oh, ow, inName, formatShape(in),
                                  formatShape(out)));
  int64_t prh = rightPadding(x[2], p.kh, p.sh, p.ph, oh);
  int64_t prw = rightPadding(x[3], p.kw, p.sw, p.pw, ow);
  // PyTorch's count_include_pad divides by the window clipped to the padded
  // input [-p, in + p): oneDNN's include_padding would also count the extra
  // right padding of ceil mode. Then the average runs excluding padding and
  // is rescaled (PoolRun::scale).
  if (kind == kAvg && (!p.countIncludePad || prh > p.ph || prw > p.pw)) kind = kAvgExcludePad;
  return {kind, x[0], x[1], x[2], x[3], oh, ow, p.kh, p.kw, p.sh, p.sw, p.ph, p.pw, prh, prw};
}

/// Per output row (or column) of an average pool run excluding padding, the
/// factor that turns it into PyTorch's count_include_pad average:
/// (input positions covered) / (positions covered within [-p, in + p)).
std::vector<float> includePadScale(int64_t in, int64_t k, int64_t s, int64_t p, int64_t out) {
  std::vector<float> f(out);
  for (int64_t i = 0; i < out; ++i) {
    int64_t start = i * s - p, end = std::min(start + k, in + p);
    int64_t covered = std::min(start + k, in) - std::max(start, int64_t(0));
    f[i] = float(covered) / float(end - start);
  }
  return f;
}

/// The geometry to run and, when PyTorch's include-padding divisor is
/// emulated (ceil mode), the per-(oh, ow) factor as separable row/column
/// scales (empty otherwise).
struct PoolRun {
  PoolGeometry g;
  std::vector<float> rowScale, colScale;

  PoolRun(PoolGeometry geometry, const PoolParams &p) : g(geometry) {
    if (g.kind == kAvgExcludePad && p.countIncludePad) {
      rowScale = includePadScale(g.h, g.kh, g.sh, g.ph, g.oh);
      colScale = includePadScale(g.w, g.kw, g.sw, g.pw, g.ow);
    }
  }
  bool rescales() const { return !rowScale.empty(); }
  /// t (N,C,OH,OW) *= scale, in place.
  void scale(float *t) const {
    for (int64_t nc = 0; nc < g.n * g.c; ++nc)
      for (int64_t i = 0; i < g.oh; ++i)
        for (int64_t j = 0; j < g.ow; ++j) t[(nc * g.oh + i) * g.ow + j] *= rowScale[i] * colScale[j];
  }
};

std::string describePool(const PoolParams &p) {
  return fmt::format("kernel ({},{}) stride ({},{}) pad ({},{}) ceil_mode {}", p.kh, p.kw,
                     p.sh, p.sw, p.ph, p.pw, p.ceilMode);
}

// --- cached primitives -------------------------------------------------------

struct PoolFwd {
  dnnl::pooling_forward::primitive_desc pd;
  dnnl::pooling_forward prim;
};
struct PoolBwd {
  dnnl::pooling_backward::primitive_desc pd;
  dnnl::pooling_backward prim;
};

dnnl::pooling_forward::primitive_desc poolFwdPd(const PoolGeometry &g,
                                                dnnl::prop_kind prop) {
  dnnl::pooling_forward::desc d(prop, g.algorithm(), g.src(), g.dst(), g.strides(),
                                g.kernel(), g.padding(), g.paddingRight());
  return {d, kernelAttr(), cpuEngine()};
}

/// forward_inference (no workspace) or forward_training (max: writes the
/// workspace the backward reads).
std::shared_ptr<const PoolFwd> poolFwd(const PoolGeometry &g, bool training) {
  static PrimitiveCache<PoolFwd> cache;
  return cache.getOrCreate(g.key(training ? "pool2d_fwd_train" : "pool2d_fwd"), [&] {
    auto pd = poolFwdPd(g, training ? dnnl::prop_kind::forward_training
                                    : dnnl::prop_kind::forward_inference);
    return PoolFwd{pd, dnnl::pooling_forward(pd)};
  });
}

std::shared_ptr<const PoolBwd> poolBwd(const PoolGeometry &g) {
  static PrimitiveCache<PoolBwd> cache;
  return cache.getOrCreate(g.key("pool2d_bwd"), [&] {
    auto hint = poolFwd(g, /*training=*/true);
    dnnl::pooling_backward::desc d(g.algorithm(), g.src(), g.dst(), g.strides(),
                                   g.kernel(), g.padding(), g.paddingRight());
    dnnl::pooling_backward::primitive_desc pd(d, kernelAttr(), cpuEngine(), hint->pd);
    return PoolBwd{pd, dnnl::pooling_backward(pd)};
  });
}

/// Checks that `ws` is a dense byte buffer of the size oneDNN's workspace
/// for this pooling needs.
void checkWorkspace(const Bytes *ws, const dnnl::memory::desc &want) {
  if (!ws || !ws->aligned || ws->strides[0] != 1)
    throw KernelError("workspace must be a dense byte buffer");
  if (static_cast<size_t>(ws->sizes[0]) != want.get_size())
    throw KernelError(fmt::format("workspace has {} bytes but oneDNN needs {}", ws->sizes[0],
                                  want.get_size()));
}

void forward(const char *entry, int64_t kind, Desc4 *x, Desc4 *y, Bytes *ws,
             const PoolParams &p) {
  guardedCall(
      entry, y,
      [&] {
        return fmt::format("x {} y {} {}", formatShape(x), formatShape(y), describePool(p));
      },
      [&] {
        PoolRun run(checkPool(x, "x", y, "y", p, kind), p);
        const PoolGeometry &g = run.g;
        if (y->numElements() == 0) return;
        auto e = poolFwd(g, ws != nullptr);
        std::unordered_map<int, memory> args{{DNNL_ARG_SRC, wrapUser(*x, Tag::nchw)},
                                             {DNNL_ARG_DST, wrapUser(*y, Tag::nchw)}};
        if (ws) {
          checkWorkspace(ws, e->pd.workspace_desc());
          args.emplace(DNNL_ARG_WORKSPACE,
                       memory(e->pd.workspace_desc(), cpuEngine(), ws->data()));
        }
        execute(e->prim, e->pd, std::move(args));
        if (run.rescales()) run.scale(y->data());
      });
}

/// dy (N,C,OH,OW) -> dx (N,C,H,W); `shapeOf` supplies (N,C,H,W) (dx itself
/// for max pooling, x for average pooling).
void backward(const char *entry, int64_t kind, Desc4 *dy, Desc4 *shapeOf, Bytes *ws,
              Desc4 *dx, const PoolParams &p) {
  guardedCall(
      entry, dx,
      [&] {
        return fmt::format("dy {} dx {} {}", formatShape(dy), formatShape(dx),
                           describePool(p));
      },
      [&] {
        PoolRun run(checkPool(shapeOf, shapeOf == dx ? "dx" : "x", dy, "dy", p, kind), p);
        const PoolGeometry &g = run.g;
        checkDense(dx, "dx");
        if (dx->sizes[0] != g.n || dx->sizes[1] != g.c || dx->sizes[2] != g.h ||
            dx->sizes[3] != g.w)
          throw KernelError(fmt::format("dx must have the shape of x {}, but is {}",
                                        formatShape(shapeOf), formatShape(dx)));
        if (dx->numElements() == 0) return;
        auto e = poolBwd(g);
        memory dyMem = wrapUser(*dy, Tag::nchw);
        if (run.rescales()) {
          // The forward scaled each output: so does the chain rule its cotangent.
          size_t bytes = sizeof(float) * static_cast<size_t>(dy->numElements());
          auto *scaled = static_cast<float *>(threadScratch(0, bytes));
          std::memcpy(scaled, dy->data(), bytes);
          run.scale(scaled);
          dyMem = memory(g.dst(), cpuEngine(), scaled);
        }
        std::unordered_map<int, memory> args{
            {DNNL_ARG_DIFF_DST, dyMem},
            {DNNL_ARG_DIFF_SRC, wrapUser(*dx, Tag::nchw)}};
        if (kind == kMax) {
          checkWorkspace(ws, e->pd.workspace_desc());
          args.emplace(DNNL_ARG_WORKSPACE,
                       memory(e->pd.workspace_desc(), cpuEngine(), ws->data()));
        }
        execute(e->prim, e->pd, std::move(args));
      });
}

} // namespace
} // namespace dlc::rt::onednn

using namespace dlc::rt::onednn;

#define DLC_POOL_PARAMS                                                                \
  int64_t kH, int64_t kW, int64_t sH, int64_t sW, int64_t pH, int64_t pW, int64_t ceilMode

extern "C" void _mlir_ciface_dlc_rt_max_pool2d_fwd(Desc4 *x, Desc4 *y, DLC_POOL_PARAMS) {
  forward("dlc_rt_max_pool2d_fwd", kMax, x, y, nullptr, {kH, kW, sH, sW, pH, pW, ceilMode});
}

extern "C" void _mlir_ciface_dlc_rt_max_pool2d_fwd_train(Desc4 *x, Desc4 *y, Bytes *ws,
                                                         DLC_POOL_PARAMS) {
  forward("dlc_rt_max_pool2d_fwd_train", kMax, x, y, ws, {kH, kW, sH, sW, pH, pW, ceilMode});
}

extern "C" void _mlir_ciface_dlc_rt_max_pool2d_bwd(Desc4 *dy, Bytes *ws, Desc4 *dx,
                                                   DLC_POOL_PARAMS) {
  backward("dlc_rt_max_pool2d_bwd", kMax, dy, dx, ws, dx, {kH, kW, sH, sW, pH, pW, ceilMode});
}

extern "C" void _mlir_ciface_dlc_rt_avg_pool2d_fwd(Desc4 *x, Desc4 *y, DLC_POOL_PARAMS,
                                                   int64_t countIncludePad) {
  forward("dlc_rt_avg_pool2d_fwd", kAvg, x, y, nullptr,
          {kH, kW, sH, sW, pH, pW, ceilMode, countIncludePad});
}

extern "C" void _mlir_ciface_dlc_rt_avg_pool2d_bwd(Desc4 *dy, Desc4 *x, Desc4 *dx,
                                                   DLC_POOL_PARAMS, int64_t countIncludePad) {
  backward("dlc_rt_avg_pool2d_bwd", kAvg, dy, x, nullptr, dx,
           {kH, kW, sH, sW, pH, pW, ceilMode, countIncludePad});
}
