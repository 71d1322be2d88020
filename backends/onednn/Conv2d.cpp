//===- Conv2d.cpp - 2-D convolution forward and backward via oneDNN -------===//
//
// Layout: compiled code holds plain NCHW activations and OIHW weights, but
// oneDNN's fast convolutions (jit:avx512_core, brgconv) want blocked layouts
// (nChw16c, OIhw16i16o...); on plain layouts it falls back to im2col + gemm.
// So each primitive is built with format_tag::any, and every operand whose
// chosen layout differs from the plain one goes through a reorder (built
// once, cached with the primitive) into per-thread scratch. At LeNet's
// batch-256 shapes this is 1.7-5x faster than the plain-layout primitives
// even counting the reorders (bench/onednn_kernels.cpp, "entry" vs "plain").
// One exception, also measured: backward-data with C <= 2 input channels
// keeps dx plain, because a blocked dx pads C to 16 and wastes 8-16x the work.
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

/// Every size a convolution depends on: x is (N,C,H,W), w is (O,C/G,KH,KW), y
/// is (N,O,OH,OW), G groups, dilation (dh, dw) as PyTorch's (1 = dense).
/// This is the cache key.
struct ConvGeometry {
  int64_t n, c, h, w, o, kh, kw, oh, ow, sh, sw, ph, pw, dh, dw, groups;

  PrimitiveKey key(std::string_view kernel) const {
    return {kernel, {n, c, h, w, o, kh, kw, oh, ow, sh, sw, ph, pw, dh, dw, groups}};
  }
  memory::desc src() const { return {{n, c, h, w}, memory::data_type::f32, Tag::nchw}; }
  /// Grouped weights are 5-D in oneDNN, (G, O/G, C/G, KH, KW): the same bytes
  /// as PyTorch's (O, C/G, KH, KW).
  memory::desc weights() const {
    if (groups == 1) return {{o, c, kh, kw}, memory::data_type::f32, Tag::oihw};
    return {{groups, o / groups, c / groups, kh, kw}, memory::data_type::f32, Tag::goihw};
  }
  memory::desc dst() const { return {{n, o, oh, ow}, memory::data_type::f32, Tag::nchw}; }
  memory::dims strides() const { return {sh, sw}; }
  /// oneDNN counts the positions skipped between taps: PyTorch's minus one.
  memory::dims dilates() const { return {dh - 1, dw - 1}; }
  memory::dims padding() const { return {ph, pw}; }
};

/// Dilation and groups, checked with the other parameters.
struct ConvExtras {
  int64_t dh, dw, groups;
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
                       int64_t pw, const ConvExtras &e) {
  checkDense(a.src, a.srcName);
  checkDense(a.weights, a.weightsName);
  checkDense(a.dst, a.dstName);
  checkStridePad(sh, sw, ph, pw);
  constexpr int64_t kLimit = int64_t(1) << 31;
  if (e.dh < 1 || e.dw < 1 || e.dh >= kLimit || e.dw >= kLimit)
    throw KernelError(fmt::format("dilation ({},{}) must be positive", e.dh, e.dw));
  if (e.groups < 1 || e.groups >= kLimit)
    throw KernelError(fmt::format("groups = {} must be positive", e.groups));
  const int64_t *x = a.src->sizes, *w = a.weights->sizes, *y = a.dst->sizes;
  if (e.groups == 1 && x[1] != w[1])
    throw KernelError(fmt::format("{} has {} channels but {} (O,C,KH,KW) expects C={}",
                                  a.srcName, x[1], a.weightsName, w[1]));
  if (x[1] != w[1] * e.groups || w[0] % e.groups != 0)
    throw KernelError(fmt::format("{} has {} channels but {} (O,C/G,KH,KW) with G = {} "
                                  "groups expects C={} and O={} a multiple of G",
                                  a.srcName, x[1], a.weightsName, e.groups, w[1] * e.groups,
                                  w[0]));
  if (w[2] < 1 || w[3] < 1)
    throw KernelError(
        fmt::format("{} has an empty {}x{} kernel", a.weightsName, w[2], w[3]));
  // A dilated kernel spans d(k-1)+1 positions.
  int64_t oh = windowOutputSize(x[2], e.dh * (w[2] - 1) + 1, sh, ph);
  int64_t ow = windowOutputSize(x[3], e.dw * (w[3] - 1) + 1, sw, pw);
  if (oh < 0 || ow < 0)
    throw KernelError(fmt::format("the {}x{} kernel{} does not fit the {}x{} input padded "
                                  "by ({},{})",
                                  w[2], w[3],
                                  e.dh == 1 && e.dw == 1
                                      ? ""
                                      : fmt::format(" dilated by ({},{})", e.dh, e.dw),
                                  x[2], x[3], ph, pw));
  if (y[0] != x[0] || y[1] != w[0] || y[2] != oh || y[3] != ow)
    throw KernelError(fmt::format("{} must be (N,O,OH,OW) = ({},{},{},{}) for these "
                                  "inputs, stride, padding and dilation, but is {}",
                                  a.dstName, x[0], w[0], oh, ow, formatShape(a.dst)));
  return {x[0], x[1], x[2], x[3], w[0], w[2], w[3], oh, ow, sh, sw, ph, pw,
          e.dh, e.dw, e.groups};
}

/// True when some operand has no elements: the result is then all zeros
/// (an empty sum) and oneDNN is not called.
bool anyEmpty(const ConvOperands &a) {
  return a.src->numElements() == 0 || a.weights->numElements() == 0 ||
         a.dst->numElements() == 0;
}

std::string describeConv(const ConvOperands &a, int64_t sh, int64_t sw, int64_t ph,
                         int64_t pw, const ConvExtras &e) {
  return fmt::format("{} {} {} {} {} {} stride ({},{}) pad ({},{}) dilation ({},{}) groups {}",
                     a.srcName, formatShape(a.src), a.weightsName, formatShape(a.weights),
                     a.dstName, formatShape(a.dst), sh, sw, ph, pw, e.dh, e.dw, e.groups);
}

// --- cached primitives -------------------------------------------------------

/// How one operand of a cached convolution meets the caller's plain buffer:
/// bound directly when the primitive's layout is the plain one, else through
/// a cached reorder into (inputs) or out of (outputs) per-thread scratch.
struct Operand {
  int arg;               ///< DNNL_ARG_* of the operand
  memory::desc user;     ///< the caller's plain layout (nchw, oihw or 5-D goihw)
  bool output;           ///< written by the primitive
  memory::desc inner;    ///< the layout the primitive computes in
  bool reordered = false;
  dnnl::reorder::primitive_desc reorderPd;
  dnnl::reorder reorder; ///< user -> inner for inputs, inner -> user for outputs
};

Operand makeOperand(int arg, bool output, const memory::desc &user, const memory::desc &inner) {
  Operand op{arg, user, output, inner};
  if (inner != user) {
    op.reordered = true;
    const dnnl::engine &eng = cpuEngine();
    op.reorderPd = output ? dnnl::reorder::primitive_desc(eng, inner, eng, user, kernelAttr())
                          : dnnl::reorder::primitive_desc(eng, user, eng, inner, kernelAttr());
    op.reorder = dnnl::reorder(op.reorderPd);
  }
  return op;
}

/// A cached convolution primitive with its three operands in the entry
/// point's argument order.
struct ConvKernel {
  dnnl::primitive_desc pd;
  dnnl::primitive prim;
  std::array<Operand, 3> operands;
};

/// Runs `k` on the caller's buffers (in the operands' order): reorders the
/// inputs that need it into scratch slots 0-2, executes, reorders outputs back.
void run(const ConvKernel &k, std::array<const Desc4 *, 3> buffers) {
  std::unordered_map<int, memory> args;
  std::array<memory, 3> user, inner;
  for (size_t i = 0; i < 3; ++i) {
    const Operand &op = k.operands[i];
    user[i] = memory(op.user, cpuEngine(), buffers[i]->data());
    if (!op.reordered) {
      args.emplace(op.arg, user[i]);
      continue;
    }
    inner[i] = memory(op.inner, cpuEngine(),
                      threadScratch(static_cast<unsigned>(i), op.inner.get_size()));
    if (!op.output)
      execute(op.reorder, op.reorderPd, {{DNNL_ARG_FROM, user[i]}, {DNNL_ARG_TO, inner[i]}});
    args.emplace(op.arg, inner[i]);
  }
  execute(k.prim, k.pd, std::move(args));
  for (size_t i = 0; i < 3; ++i) {
    const Operand &op = k.operands[i];
    if (op.reordered && op.output)
      execute(op.reorder, op.reorderPd, {{DNNL_ARG_FROM, inner[i]}, {DNNL_ARG_TO, user[i]}});
  }
}

memory::desc anyLayout(const memory::desc &plain) {
  return {plain.dims(), memory::data_type::f32, Tag::any};
}

/// The forward primitive, plus its typed pd: the backward primitives are
/// built with it as their hint. forward_training for that reason.
struct ConvFwd {
  dnnl::convolution_forward::primitive_desc pd;
  ConvKernel kernel;
};

std::shared_ptr<const ConvFwd> convFwd(const ConvGeometry &g) {
  static PrimitiveCache<ConvFwd> cache;
  return cache.getOrCreate(g.key("conv2d_fwd"), [&] {
    dnnl::convolution_forward::desc d(dnnl::prop_kind::forward_training,
                                      dnnl::algorithm::convolution_direct,
                                      anyLayout(g.src()), anyLayout(g.weights()),
                                      anyLayout(g.dst()), g.strides(), g.dilates(),
                                      g.padding(), g.padding());
    dnnl::convolution_forward::primitive_desc pd(d, kernelAttr(), cpuEngine());
    return ConvFwd{
        pd,
        {pd,
         dnnl::convolution_forward(pd),
         {makeOperand(DNNL_ARG_SRC, false, g.src(), pd.src_desc()),
          makeOperand(DNNL_ARG_WEIGHTS, false, g.weights(), pd.weights_desc()),
          makeOperand(DNNL_ARG_DST, true, g.dst(), pd.dst_desc())}}};
  });
}

/// Operands in the order (dy, w, dx).
std::shared_ptr<const ConvKernel> convBwdData(const ConvGeometry &g) {
  static PrimitiveCache<ConvKernel> cache;
  return cache.getOrCreate(g.key("conv2d_bwd_data"), [&] {
    auto hint = convFwd(g);
    // See the file comment: a blocked dx with 1-2 channels is padded to 16.
    memory::desc dx = g.c <= 2 ? g.src() : anyLayout(g.src());
    dnnl::convolution_backward_data::desc d(dnnl::algorithm::convolution_direct, dx,
                                            anyLayout(g.weights()), anyLayout(g.dst()),
                                            g.strides(), g.dilates(), g.padding(), g.padding());
    dnnl::convolution_backward_data::primitive_desc pd(d, kernelAttr(), cpuEngine(),
                                                       hint->pd);
    return ConvKernel{
        pd,
        dnnl::convolution_backward_data(pd),
        {makeOperand(DNNL_ARG_DIFF_DST, false, g.dst(), pd.diff_dst_desc()),
         makeOperand(DNNL_ARG_WEIGHTS, false, g.weights(), pd.weights_desc()),
         makeOperand(DNNL_ARG_DIFF_SRC, true, g.src(), pd.diff_src_desc())}};
  });
}

/// Operands in the order (x, dy, dw).
std::shared_ptr<const ConvKernel> convBwdFilter(const ConvGeometry &g) {
  static PrimitiveCache<ConvKernel> cache;
  return cache.getOrCreate(g.key("conv2d_bwd_filter"), [&] {
    auto hint = convFwd(g);
    dnnl::convolution_backward_weights::desc d(
        dnnl::algorithm::convolution_direct, anyLayout(g.src()), anyLayout(g.weights()),
        anyLayout(g.dst()), g.strides(), g.dilates(), g.padding(), g.padding());
    dnnl::convolution_backward_weights::primitive_desc pd(d, kernelAttr(), cpuEngine(),
                                                          hint->pd);
    return ConvKernel{
        pd,
        dnnl::convolution_backward_weights(pd),
        {makeOperand(DNNL_ARG_SRC, false, g.src(), pd.src_desc()),
         makeOperand(DNNL_ARG_DIFF_DST, false, g.dst(), pd.diff_dst_desc()),
         makeOperand(DNNL_ARG_DIFF_WEIGHTS, true, g.weights(),
                     pd.diff_weights_desc())}};
  });
}

} // namespace
} // namespace dlc::rt::onednn

using namespace dlc::rt::onednn;

#define DLC_CONV_PARAMS                                                                \
  int64_t strideH, int64_t strideW, int64_t padH, int64_t padW, int64_t dilationH,        \
      int64_t dilationW, int64_t groups

// x is (N,C,H,W), w is (O,C/G,KH,KW) -> y is (N,O,OH,OW).
extern "C" void _mlir_ciface_dlc_rt_conv2d_fwd(Desc4 *x, Desc4 *w, Desc4 *y, DLC_CONV_PARAMS) {
  ConvOperands ops{x, w, y, "x", "w", "y"};
  ConvExtras extras{dilationH, dilationW, groups};
  guardedCall(
      "dlc_rt_conv2d_fwd", y,
      [&] { return describeConv(ops, strideH, strideW, padH, padW, extras); },
      [&] {
        ConvGeometry g = checkConv(ops, strideH, strideW, padH, padW, extras);
        if (anyEmpty(ops)) return zeroFill(y);
        run(convFwd(g)->kernel, {x, w, y});
      });
}

// dy is (N,O,OH,OW), w is (O,C/G,KH,KW) -> dx is (N,C,H,W).
extern "C" void _mlir_ciface_dlc_rt_conv2d_bwd_data(Desc4 *dy, Desc4 *w, Desc4 *dx,
                                                    DLC_CONV_PARAMS) {
  ConvOperands ops{dx, w, dy, "dx", "w", "dy"};
  ConvExtras extras{dilationH, dilationW, groups};
  guardedCall(
      "dlc_rt_conv2d_bwd_data", dx,
      [&] { return describeConv(ops, strideH, strideW, padH, padW, extras); },
      [&] {
        ConvGeometry g = checkConv(ops, strideH, strideW, padH, padW, extras);
        if (anyEmpty(ops)) return zeroFill(dx);
        run(*convBwdData(g), {dy, w, dx});
      });
}

// x is (N,C,H,W), dy is (N,O,OH,OW) -> dw is (O,C/G,KH,KW).
extern "C" void _mlir_ciface_dlc_rt_conv2d_bwd_filter(Desc4 *x, Desc4 *dy, Desc4 *dw,
                                                      DLC_CONV_PARAMS) {
  ConvOperands ops{x, dw, dy, "x", "dw", "dy"};
  ConvExtras extras{dilationH, dilationW, groups};
  guardedCall(
      "dlc_rt_conv2d_bwd_filter", dw,
      [&] { return describeConv(ops, strideH, strideW, padH, padW, extras); },
      [&] {
        ConvGeometry g = checkConv(ops, strideH, strideW, padH, padW, extras);
        if (anyEmpty(ops)) return zeroFill(dw);
        run(*convBwdFilter(g), {x, dy, dw});
      });
}
