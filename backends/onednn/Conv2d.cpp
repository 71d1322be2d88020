//===- Conv2d.cpp - 2-D convolution forward and backward via oneDNN -------===//
//
// Layout: the caller's buffers are wrapped as plain nchw / oihw memories and
// the primitives are built for exactly those layouts, so no reorder is ever
// needed and nothing is copied. oneDNN then picks its plain-layout
// implementations (gemm-based im2col for these shapes) instead of the blocked
// brgconv kernels; bench/onednn_kernels.cpp measures the difference.
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

/// Every size a convolution depends on: x is (N,C,H,W), w is (O,C,KH,KW), y
/// is (N,O,OH,OW). This is the cache key.
struct ConvGeometry {
  int64_t n, c, h, w, o, kh, kw, oh, ow, sh, sw, ph, pw;

  PrimitiveKey key(PrimitiveKey::Op op) const {
    return {op, {n, c, h, w, o, kh, kw, oh, ow, sh, sw, ph, pw, 0}};
  }
  memory::desc src() const { return {{n, c, h, w}, memory::data_type::f32, Tag::nchw}; }
  memory::desc weights() const {
    return {{o, c, kh, kw}, memory::data_type::f32, Tag::oihw};
  }
  memory::desc dst() const { return {{n, o, oh, ow}, memory::data_type::f32, Tag::nchw}; }
  memory::dims strides() const { return {sh, sw}; }
  memory::dims padding() const { return {ph, pw}; }
};

/// The tensors of a convolution in their forward roles (src (N,C,H,W),
/// weights (O,C,KH,KW), dst (N,O,OH,OW)) and the names the entry point gives
/// them, for messages.
struct ConvOperands {
  const Desc4 *src, *weights, *dst;
  const char *srcName, *weightsName, *dstName;
};

/// Checks that the operands are dense and mutually consistent and returns
/// their geometry; throws a KernelError saying what was expected otherwise.
ConvGeometry checkConv(const ConvOperands &a, int64_t sh, int64_t sw, int64_t ph,
                       int64_t pw) {
  checkDense(a.src, a.srcName);
  checkDense(a.weights, a.weightsName);
  checkDense(a.dst, a.dstName);
  checkStridePad(sh, sw, ph, pw);
  const int64_t *x = a.src->sizes, *w = a.weights->sizes, *y = a.dst->sizes;
  if (x[1] != w[1])
    throw KernelError(fmt::format("{} has {} channels but {} (O,C,KH,KW) expects C={}",
                                  a.srcName, x[1], a.weightsName, w[1]));
  if (w[2] < 1 || w[3] < 1)
    throw KernelError(
        fmt::format("{} has an empty {}x{} kernel", a.weightsName, w[2], w[3]));
  int64_t oh = windowOutputSize(x[2], w[2], sh, ph);
  int64_t ow = windowOutputSize(x[3], w[3], sw, pw);
  if (oh < 0 || ow < 0)
    throw KernelError(fmt::format("the {}x{} kernel does not fit the {}x{} input padded "
                                  "by ({},{})",
                                  w[2], w[3], x[2], x[3], ph, pw));
  if (y[0] != x[0] || y[1] != w[0] || y[2] != oh || y[3] != ow)
    throw KernelError(fmt::format("{} must be (N,O,OH,OW) = ({},{},{},{}) for these "
                                  "inputs, stride and padding, but is {}",
                                  a.dstName, x[0], w[0], oh, ow, formatShape(a.dst)));
  return {x[0], x[1], x[2], x[3], w[0], w[2], w[3], oh, ow, sh, sw, ph, pw};
}

/// True when some operand has no elements: the result is then all zeros
/// (an empty sum) and oneDNN is not called.
bool anyEmpty(const ConvOperands &a) {
  return a.src->numElements() == 0 || a.weights->numElements() == 0 ||
         a.dst->numElements() == 0;
}

std::string describeConv(const ConvOperands &a, int64_t sh, int64_t sw, int64_t ph,
                         int64_t pw) {
  return fmt::format("{} {} {} {} {} {} stride ({},{}) pad ({},{})", a.srcName,
                     formatShape(a.src), a.weightsName, formatShape(a.weights),
                     a.dstName, formatShape(a.dst), sh, sw, ph, pw);
}

// --- cached primitives -------------------------------------------------------

struct ConvFwd {
  dnnl::convolution_forward::primitive_desc pd;
  dnnl::convolution_forward prim;
};
struct ConvBwdData {
  dnnl::convolution_backward_data::primitive_desc pd;
  dnnl::convolution_backward_data prim;
};
struct ConvBwdFilter {
  dnnl::convolution_backward_weights::primitive_desc pd;
  dnnl::convolution_backward_weights prim;
};

/// The forward primitive; forward_training so its pd can serve as the hint
/// the backward primitives need.
std::shared_ptr<const ConvFwd> convFwd(const ConvGeometry &g) {
  static PrimitiveCache<ConvFwd> cache;
  return cache.getOrCreate(g.key(PrimitiveKey::Op::ConvFwd), [&] {
    dnnl::convolution_forward::desc d(
        dnnl::prop_kind::forward_training, dnnl::algorithm::convolution_direct, g.src(),
        g.weights(), g.dst(), g.strides(), g.padding(), g.padding());
    dnnl::convolution_forward::primitive_desc pd(d, kernelAttr(), cpuEngine());
    return ConvFwd{pd, dnnl::convolution_forward(pd)};
  });
}

std::shared_ptr<const ConvBwdData> convBwdData(const ConvGeometry &g) {
  static PrimitiveCache<ConvBwdData> cache;
  return cache.getOrCreate(g.key(PrimitiveKey::Op::ConvBwdData), [&] {
    auto hint = convFwd(g);
    dnnl::convolution_backward_data::desc d(dnnl::algorithm::convolution_direct,
                                            g.src(), g.weights(), g.dst(), g.strides(),
                                            g.padding(), g.padding());
    dnnl::convolution_backward_data::primitive_desc pd(d, kernelAttr(), cpuEngine(), hint->pd);
    return ConvBwdData{pd, dnnl::convolution_backward_data(pd)};
  });
}

std::shared_ptr<const ConvBwdFilter> convBwdFilter(const ConvGeometry &g) {
  static PrimitiveCache<ConvBwdFilter> cache;
  return cache.getOrCreate(g.key(PrimitiveKey::Op::ConvBwdFilter), [&] {
    auto hint = convFwd(g);
    dnnl::convolution_backward_weights::desc d(dnnl::algorithm::convolution_direct,
                                               g.src(), g.weights(), g.dst(),
                                               g.strides(), g.padding(), g.padding());
    dnnl::convolution_backward_weights::primitive_desc pd(d, kernelAttr(), cpuEngine(), hint->pd);
    return ConvBwdFilter{pd, dnnl::convolution_backward_weights(pd)};
  });
}

} // namespace
} // namespace dlc::rt::onednn

using namespace dlc::rt::onednn;

// x is (N,C,H,W), w is (O,C,KH,KW) -> y is (N,O,OH,OW).
extern "C" void _mlir_ciface_dlc_rt_conv2d_fwd(Desc4 *x, Desc4 *w, Desc4 *y,
                                               int64_t strideH, int64_t strideW,
                                               int64_t padH, int64_t padW) {
  ConvOperands ops{x, w, y, "x", "w", "y"};
  guardedCall(
      "dlc_rt_conv2d_fwd", y,
      [&] { return describeConv(ops, strideH, strideW, padH, padW); },
      [&] {
        ConvGeometry g = checkConv(ops, strideH, strideW, padH, padW);
        if (anyEmpty(ops)) return zeroFill(y);
        auto e = convFwd(g);
        execute(e->prim, e->pd, {{DNNL_ARG_SRC, wrapUser(*x, Tag::nchw)},
                                      {DNNL_ARG_WEIGHTS, wrapUser(*w, Tag::oihw)},
                                      {DNNL_ARG_DST, wrapUser(*y, Tag::nchw)}});
      });
}

// dy is (N,O,OH,OW), w is (O,C,KH,KW) -> dx is (N,C,H,W).
extern "C" void _mlir_ciface_dlc_rt_conv2d_bwd_data(Desc4 *dy, Desc4 *w, Desc4 *dx,
                                                    int64_t strideH, int64_t strideW,
                                                    int64_t padH, int64_t padW) {
  ConvOperands ops{dx, w, dy, "dx", "w", "dy"};
  guardedCall(
      "dlc_rt_conv2d_bwd_data", dx,
      [&] { return describeConv(ops, strideH, strideW, padH, padW); },
      [&] {
        ConvGeometry g = checkConv(ops, strideH, strideW, padH, padW);
        if (anyEmpty(ops)) return zeroFill(dx);
        auto e = convBwdData(g);
        execute(e->prim, e->pd, {{DNNL_ARG_DIFF_DST, wrapUser(*dy, Tag::nchw)},
                                      {DNNL_ARG_WEIGHTS, wrapUser(*w, Tag::oihw)},
                                      {DNNL_ARG_DIFF_SRC, wrapUser(*dx, Tag::nchw)}});
      });
}

// x is (N,C,H,W), dy is (N,O,OH,OW) -> dw is (O,C,KH,KW).
extern "C" void _mlir_ciface_dlc_rt_conv2d_bwd_filter(Desc4 *x, Desc4 *dy, Desc4 *dw,
                                                      int64_t strideH, int64_t strideW,
                                                      int64_t padH, int64_t padW) {
  ConvOperands ops{x, dw, dy, "x", "dw", "dy"};
  guardedCall(
      "dlc_rt_conv2d_bwd_filter", dw,
      [&] { return describeConv(ops, strideH, strideW, padH, padW); },
      [&] {
        ConvGeometry g = checkConv(ops, strideH, strideW, padH, padW);
        if (anyEmpty(ops)) return zeroFill(dw);
        auto e = convBwdFilter(g);
        execute(e->prim, e->pd,
                        {{DNNL_ARG_SRC, wrapUser(*x, Tag::nchw)},
                         {DNNL_ARG_DIFF_DST, wrapUser(*dy, Tag::nchw)},
                         {DNNL_ARG_DIFF_WEIGHTS, wrapUser(*dw, Tag::oihw)}});
      });
}
