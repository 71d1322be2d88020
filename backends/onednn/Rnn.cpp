//===- Rnn.cpp - one recurrent layer (RNN, GRU, LSTM) forward and backward ===//
//
// rnn_fwd/rnn_bwd (Elman tanh/relu, GRU) and lstm_fwd/lstm_bwd of
// runtime/abi/Kernels.def on oneDNN's RNN primitives: vanilla_rnn, lbr_gru
// (PyTorch's GRU applies the reset gate after the hidden product, which is
// oneDNN's linear-before-reset variant) and lstm. One call is one layer,
// left2right (D = 1) or bidirectional_concat (D = 2, PyTorch's y layout).
//
// Activations and states are wrapped without copies (x, y as tnc; h0, hn,
// c0, cn as ldnc with one layer). PyTorch's weights are oneDNN's ldgoi
// (RnnLayout.h; the GRU's gates are permuted in per-thread scratch) and are
// reordered into the layout the primitive chose (ldigo for the training
// forward, a packed one for inference; the backward takes ldgoi as is); the
// biases are combined per gate. The backward zeroes oneDNN's accumulating
// diff weights/bias, runs -- writing the diff weights straight into the
// caller's buffers when the layout allows -- and converts them back to
// PyTorch's layout and gate order otherwise. Primitives are cached by
// (kernel, shape, training) (RnnPrimitives.h); the forward training
// primitive is the hint of the backward one so their workspaces agree. The training workspace must hold workspace_desc().get_size() bytes
// (rnnWorkspaceBytes in runtime/abi/RnnWorkspace.h bounds it).
//
//===----------------------------------------------------------------------===//
#include "backends/onednn/Engine.h"
#include "backends/onednn/Kernels.h"
#include "backends/onednn/RnnLayout.h"
#include "backends/onednn/RnnPrimitives.h"

#include <fmt/format.h>

#include <cstring>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

using dlc::rt::KernelError;
using dlc::rt::MemRefDesc;
using dnnl::memory;
using Desc3 = MemRefDesc<float, 3>;
using Desc2 = MemRefDesc<float, 2>;
using Bytes = MemRefDesc<int8_t, 1>;

namespace dlc::rt::onednn {
namespace {

// --- argument checks ---------------------------------------------------------

template <int N>
std::string shapeText(const MemRefDesc<float, N> *d) {
  if (!d) return "<null>";
  std::string s = "(";
  for (int i = 0; i < N; ++i) s += (i ? "," : "") + std::to_string(d->sizes[i]);
  return s + ")";
}

/// Throws unless `d` is a dense buffer of exactly `want` sizes; `dims` names
/// them for the message ("(T,B,F)").
template <int N>
void expectShape(const MemRefDesc<float, N> *d, const char *name, const char *dims,
                 std::initializer_list<int64_t> want) {
  if (!d) throw KernelError(fmt::format("{} is a null descriptor", name));
  int i = 0;
  bool same = true;
  for (int64_t w : want) same &= d->sizes[i++] == w;
  if (!same) {
    std::string w = "(";
    i = 0;
    for (int64_t v : want) w += (i++ ? "," : "") + std::to_string(v);
    throw KernelError(fmt::format("{} must be {}) = {}) but is {}", name, dims, w, shapeText(d)));
  }
  if (!d->isContiguous())
    throw KernelError(fmt::format("{} {} is not dense row-major", name, shapeText(d)));
  if (!d->aligned && d->numElements() > 0)
    throw KernelError(fmt::format("{} has a null data pointer", name));
}

/// Reads the layer's sizes from x (T,B,F) and h0 (D,B,H) and checks the
/// parameters against them.
RnnShape checkInputs(bool lstm, int64_t cell, const Desc3 *x, const Desc3 *h0, const Desc3 *wIh,
                     const Desc3 *wHh, const Desc2 *bIh, const Desc2 *bHh) {
  if (lstm) cell = 3;
  else if (cell < 0 || cell > 2)
    throw KernelError(fmt::format("cell {} is not 0 (tanh), 1 (relu) or 2 (gru)", cell));
  if (!x || !h0) throw KernelError("x or h0 is a null descriptor");
  RnnShape s{cell, x->sizes[0], x->sizes[1], x->sizes[2], h0->sizes[2], h0->sizes[0]};
  if (s.T < 1 || s.B < 1 || s.F < 1)
    throw KernelError(fmt::format("x (T,B,F) = {} must have T, B and F of at least 1",
                                  shapeText(x)));
  if (s.D != 1 && s.D != 2)
    throw KernelError(fmt::format("h0 (D,B,H) = {} must have D = 1 or 2 directions",
                                  shapeText(h0)));
  if (s.H < 1)
    throw KernelError(fmt::format("h0 (D,B,H) = {} must have H of at least 1", shapeText(h0)));
  constexpr int64_t kLimit = int64_t(1) << 24;
  if (s.T >= kLimit || s.B >= kLimit || s.F >= kLimit || s.H >= kLimit)
    throw KernelError("recurrent layer sizes must be below 2^24");
  const int64_t GH = s.gates() * s.H;
  expectShape(x, "x", "(T,B,F", {s.T, s.B, s.F});
  expectShape(h0, "h0", "(D,B,H", {s.D, s.B, s.H});
  expectShape(wIh, "w_ih", "(D,G*H,F", {s.D, GH, s.F});
  expectShape(wHh, "w_hh", "(D,G*H,H", {s.D, GH, s.H});
  expectShape(bIh, "b_ih", "(D,G*H", {s.D, GH});
  expectShape(bHh, "b_hh", "(D,G*H", {s.D, GH});
  return s;
}

void checkState(const RnnShape &s, const Desc3 *d, const char *name) {
  expectShape(d, name, "(D,B,H", {s.D, s.B, s.H});
}
void checkSequenceOut(const RnnShape &s, const Desc3 *d, const char *name) {
  expectShape(d, name, "(T,B,D*H", {s.T, s.B, s.D * s.H});
}

std::string describe(const RnnShape &s) {
  static const char *names[] = {"rnn_tanh", "rnn_relu", "gru", "lstm"};
  return fmt::format("{} T={} B={} F={} H={} D={}", names[s.cell], s.T, s.B, s.F, s.H, s.D);
}

/// Zeroes a (possibly strided) output that passed no check.
template <typename T, int N>
void zeroOut(const MemRefDesc<T, N> *d) {
  if (!d || !d->aligned) return;
  for (int i = 0; i < N; ++i)
    if (d->sizes[i] <= 0) return;
  int64_t idx[N] = {};
  for (;;) {
    int64_t off = 0;
    for (int i = 0; i < N; ++i) off += idx[i] * d->strides[i];
    d->data()[off] = T(0);
    int i = N - 1;
    while (i >= 0 && ++idx[i] == d->sizes[i]) idx[i--] = 0;
    if (i < 0) return;
  }
}

/// guardedCall (Engine.h) for several outputs of any rank: on failure the
/// error slot holds the message and every output is zeroed.
template <typename Body, typename Zero>
void guarded(const char *entry, const RnnShape *shape, Body &&body, Zero &&zero) {
  bool ok = false;
  guardedCall(
      entry, nullptr, [&] { return shape->T ? describe(*shape) : std::string("bad shapes"); },
      [&] {
        body();
        ok = true;
      });
  if (!ok) zero();
}

// --- scratch -----------------------------------------------------------------

/// Hands out 64-byte aligned pieces of one per-thread scratch slot.
class Carver {
public:
  /// Reserves the sizes (bytes) given, in order, from scratch slot `slot`.
  Carver(unsigned slot, std::initializer_list<size_t> sizes) {
    size_t total = 0;
    for (size_t b : sizes) total += round(b);
    auto *base = static_cast<unsigned char *>(threadScratch(slot, total ? total : 64));
    for (size_t b : sizes) {
      pieces_.push_back(base);
      base += round(b);
    }
  }
  float *operator[](size_t i) const { return reinterpret_cast<float *>(pieces_[i]); }

private:
  static size_t round(size_t b) { return (b + 63) / 64 * 64; }
  std::vector<unsigned char *> pieces_;
};

/// The parameters in the layouts the primitive wants: PyTorch's buffers
/// themselves where they already are (ldgoi; GRU gates permuted into slot 0),
/// else reordered into slot 1; the combined bias in slot 0.
struct PreparedParams {
  void *wLayer, *wIter, *bias;
};

PreparedParams prepareParams(const RnnShape &s, const RnnPrimitive &e, const Desc3 *wIh,
                             const Desc3 *wHh, const Desc2 *bIh, const Desc2 *bHh) {
  RnnDescs m(s);
  memory::desc wantL = e.pd.weights_layer_desc(), wantI = e.pd.weights_iter_desc();
  Carver user(0, {m.wLayer.get_size(), m.wIter.get_size(), m.bias.get_size()});
  combineBias(s, bIh->data(), bHh->data(), user[2]);
  PreparedParams p{wIh->data(), wHh->data(), user[2]};
  if (s.cell == 2) {
    permuteGruGates(s, s.F, wIh->data(), user[0], true);
    permuteGruGates(s, s.H, wHh->data(), user[1], true);
    p.wLayer = user[0];
    p.wIter = user[1];
  }
  if (!e.toLayer && !e.toIter) return p;
  Carver prim(1, {wantL.get_size(), wantI.get_size()});
  if (e.toLayer) runReorder(e.toLayer, m.wLayer, p.wLayer, prim[0]);
  if (e.toIter) runReorder(e.toIter, m.wIter, p.wIter, prim[1]);
  if (e.toLayer) p.wLayer = prim[0];
  if (e.toIter) p.wIter = prim[1];
  return p;
}

/// Where the backward primitive writes one diff weight, and how it reaches
/// the caller's buffer `out` (PyTorch's layout) afterwards.
struct DiffWeight {
  const RnnShape &s;
  int64_t inputs;
  const memory::desc &primMd, &userMd;
  const std::optional<ReorderPrimitive> &toUser;
  float *out, *scratch, *ldgoi;

  /// The buffer the primitive accumulates into, zeroed: `out` itself when
  /// no reorder or gate permutation is needed.
  float *target() const {
    float *t = direct() ? out : scratch;
    std::memset(t, 0, primMd.get_size());
    return t;
  }
  bool direct() const { return !toUser && s.cell != 2; }
  void finish() const {
    if (direct()) return;
    const float *src = scratch;
    if (toUser) {
      runReorder(toUser, primMd, scratch, ldgoi);
      src = ldgoi;
    }
    if (s.cell == 2) permuteGruGates(s, inputs, src, out, false);
    else std::memcpy(out, src, userMd.get_size());
  }
};

void checkWorkspace(const Bytes *ws, const memory::desc &want) {
  if (!ws || !ws->aligned || (ws->sizes[0] > 1 && ws->strides[0] != 1))
    throw KernelError("workspace must be a dense byte buffer");
  if (static_cast<size_t>(ws->sizes[0]) < want.get_size())
    throw KernelError(fmt::format("workspace has {} bytes but oneDNN needs {} (is "
                                  "rnnWorkspaceBytes too small?)",
                                  ws->sizes[0], want.get_size()));
}

memory wrap(const memory::desc &md, const void *data) {
  return memory(md, cpuEngine(), const_cast<void *>(data));
}

// --- the kernels -------------------------------------------------------------

/// The arguments forward and backward share: the layer's inputs, prepared
/// parameters and outputs (and the cell states when `c0` is given: LSTM).
template <typename PrimitiveDesc>
std::unordered_map<int, memory> primalArgs(const RnnDescs &m, const PrimitiveDesc &pd,
                                           const PreparedParams &p, Desc3 *x, Desc3 *h0,
                                           Desc3 *c0, Desc3 *y, Desc3 *hn, Desc3 *cn) {
  std::unordered_map<int, memory> args{
      {DNNL_ARG_SRC_LAYER, wrap(m.srcLayer, x->data())},
      {DNNL_ARG_SRC_ITER, wrap(m.iter, h0->data())},
      {DNNL_ARG_WEIGHTS_LAYER, wrap(pd.weights_layer_desc(), p.wLayer)},
      {DNNL_ARG_WEIGHTS_ITER, wrap(pd.weights_iter_desc(), p.wIter)},
      {DNNL_ARG_BIAS, wrap(m.bias, p.bias)},
      {DNNL_ARG_DST_LAYER, wrap(m.dstLayer, y->data())},
      {DNNL_ARG_DST_ITER, wrap(m.iter, hn->data())}};
  if (c0) {
    args.emplace(DNNL_ARG_SRC_ITER_C, wrap(m.iter, c0->data()));
    args.emplace(DNNL_ARG_DST_ITER_C, wrap(m.iter, cn->data()));
  }
  return args;
}

struct ForwardArgs {
  Desc3 *x, *h0, *c0, *wIh, *wHh;
  Desc2 *bIh, *bHh;
  Desc3 *y, *hn, *cn;
  Bytes *ws;
};

void forward(const char *entry, bool lstm, int64_t cell, const ForwardArgs &a, int64_t training) {
  RnnShape s{};
  guarded(
      entry, &s,
      [&] {
        s = checkInputs(lstm, cell, a.x, a.h0, a.wIh, a.wHh, a.bIh, a.bHh);
        if (lstm) checkState(s, a.c0, "c0");
        checkSequenceOut(s, a.y, "y");
        checkState(s, a.hn, "hn");
        if (lstm) checkState(s, a.cn, "cn");
        if (training != 0 && training != 1)
          throw KernelError(fmt::format("training must be 0 or 1, not {}", training));
        auto e = forwardPrimitive(s, training == 1);
        if (training) checkWorkspace(a.ws, e->pd.workspace_desc());
        PreparedParams p = prepareParams(s, *e, a.wIh, a.wHh, a.bIh, a.bHh);
        RnnDescs m(s);
        std::unordered_map<int, memory> args =
            primalArgs(m, e->pd, p, a.x, a.h0, lstm ? a.c0 : nullptr, a.y, a.hn, a.cn);
        if (training) args.emplace(DNNL_ARG_WORKSPACE, wrap(e->pd.workspace_desc(), a.ws->data()));
        execute(e->prim, e->pd, std::move(args));
      },
      [&] {
        zeroOut(a.y);
        zeroOut(a.hn);
        if (lstm) zeroOut(a.cn);
        if (training == 1) zeroOut(a.ws);
      });
}

struct BackwardArgs {
  Desc3 *x, *h0, *c0, *wIh, *wHh;
  Desc2 *bIh, *bHh;
  Desc3 *y, *hn, *cn;
  Bytes *ws;
  Desc3 *dy, *dhn, *dcn;
  Desc3 *dx, *dh0, *dc0, *dwIh, *dwHh;
  Desc2 *dbIh, *dbHh;
};

void backward(const char *entry, bool lstm, int64_t cell, const BackwardArgs &a) {
  RnnShape s{};
  guarded(
      entry, &s,
      [&] {
        s = checkInputs(lstm, cell, a.x, a.h0, a.wIh, a.wHh, a.bIh, a.bHh);
        const int64_t GH = s.gates() * s.H;
        checkSequenceOut(s, a.y, "y");
        checkSequenceOut(s, a.dy, "dy");
        checkState(s, a.hn, "hn");
        checkState(s, a.dhn, "dhn");
        checkState(s, a.dh0, "dh0");
        if (lstm) {
          checkState(s, a.c0, "c0");
          checkState(s, a.cn, "cn");
          checkState(s, a.dcn, "dcn");
          checkState(s, a.dc0, "dc0");
        }
        expectShape(a.dx, "dx", "(T,B,F", {s.T, s.B, s.F});
        expectShape(a.dwIh, "dw_ih", "(D,G*H,F", {s.D, GH, s.F});
        expectShape(a.dwHh, "dw_hh", "(D,G*H,H", {s.D, GH, s.H});
        expectShape(a.dbIh, "db_ih", "(D,G*H", {s.D, GH});
        expectShape(a.dbHh, "db_hh", "(D,G*H", {s.D, GH});
        auto e = backwardPrimitive(s);
        checkWorkspace(a.ws, e->pd.workspace_desc());
        PreparedParams p = prepareParams(s, *e, a.wIh, a.wHh, a.bIh, a.bHh);
        RnnDescs m(s);
        // oneDNN accumulates into the diff weights and bias: zero them.
        memory::desc dwL = e->pd.diff_weights_layer_desc(), dwI = e->pd.diff_weights_iter_desc();
        Carver diff(2, {dwL.get_size(), dwI.get_size(), m.bias.get_size(),
                        m.wLayer.get_size(), m.wIter.get_size()});
        DiffWeight outL{s, s.F, dwL, m.wLayer, e->fromDiffLayer, a.dwIh->data(), diff[0], diff[3]};
        DiffWeight outI{s, s.H, dwI, m.wIter, e->fromDiffIter, a.dwHh->data(), diff[1], diff[4]};
        std::memset(diff[2], 0, m.bias.get_size());
        std::unordered_map<int, memory> args =
            primalArgs(m, e->pd, p, a.x, a.h0, lstm ? a.c0 : nullptr, a.y, a.hn, a.cn);
        args.insert({{DNNL_ARG_WORKSPACE, wrap(e->pd.workspace_desc(), a.ws->data())},
                     {DNNL_ARG_DIFF_DST_LAYER, wrap(m.dstLayer, a.dy->data())},
                     {DNNL_ARG_DIFF_DST_ITER, wrap(m.iter, a.dhn->data())},
                     {DNNL_ARG_DIFF_SRC_LAYER, wrap(m.srcLayer, a.dx->data())},
                     {DNNL_ARG_DIFF_SRC_ITER, wrap(m.iter, a.dh0->data())},
                     {DNNL_ARG_DIFF_WEIGHTS_LAYER, wrap(dwL, outL.target())},
                     {DNNL_ARG_DIFF_WEIGHTS_ITER, wrap(dwI, outI.target())},
                     {DNNL_ARG_DIFF_BIAS, wrap(m.bias, diff[2])}});
        if (lstm) {
          args.emplace(DNNL_ARG_DIFF_DST_ITER_C, wrap(m.iter, a.dcn->data()));
          args.emplace(DNNL_ARG_DIFF_SRC_ITER_C, wrap(m.iter, a.dc0->data()));
        }
        execute(e->prim, e->pd, std::move(args));
        outL.finish();
        outI.finish();
        splitBiasGrad(s, diff[2], a.dbIh->data(), a.dbHh->data());
      },
      [&] {
        for (Desc3 *d : {a.dx, a.dh0, a.dwIh, a.dwHh}) zeroOut(d);
        if (lstm) zeroOut(a.dc0);
        zeroOut(a.dbIh);
        zeroOut(a.dbHh);
      });
}

} // namespace
} // namespace dlc::rt::onednn

using namespace dlc::rt::onednn;

extern "C" void _mlir_ciface_dlc_rt_rnn_fwd(Desc3 *x, Desc3 *h0, Desc3 *wIh, Desc3 *wHh,
                                            Desc2 *bIh, Desc2 *bHh, Desc3 *y, Desc3 *hn,
                                            Bytes *ws, int64_t cell, int64_t training) {
  forward("dlc_rt_rnn_fwd", false, cell, {x, h0, nullptr, wIh, wHh, bIh, bHh, y, hn, nullptr, ws},
          training);
}

extern "C" void _mlir_ciface_dlc_rt_rnn_bwd(Desc3 *x, Desc3 *h0, Desc3 *wIh, Desc3 *wHh,
                                            Desc2 *bIh, Desc2 *bHh, Desc3 *y, Desc3 *hn,
                                            Bytes *ws, Desc3 *dy, Desc3 *dhn, Desc3 *dx,
                                            Desc3 *dh0, Desc3 *dwIh, Desc3 *dwHh,
                                            Desc2 *dbIh, Desc2 *dbHh, int64_t cell) {
  backward("dlc_rt_rnn_bwd", false, cell,
           {x, h0, nullptr, wIh, wHh, bIh, bHh, y, hn, nullptr, ws, dy, dhn, nullptr, dx, dh0,
            nullptr, dwIh, dwHh, dbIh, dbHh});
}

extern "C" void _mlir_ciface_dlc_rt_lstm_fwd(Desc3 *x, Desc3 *h0, Desc3 *c0, Desc3 *wIh,
                                             Desc3 *wHh, Desc2 *bIh, Desc2 *bHh, Desc3 *y,
                                             Desc3 *hn, Desc3 *cn, Bytes *ws,
                                             int64_t training) {
  forward("dlc_rt_lstm_fwd", true, 3, {x, h0, c0, wIh, wHh, bIh, bHh, y, hn, cn, ws}, training);
}

extern "C" void _mlir_ciface_dlc_rt_lstm_bwd(Desc3 *x, Desc3 *h0, Desc3 *c0, Desc3 *wIh,
                                             Desc3 *wHh, Desc2 *bIh, Desc2 *bHh, Desc3 *y,
                                             Desc3 *hn, Desc3 *cn, Bytes *ws, Desc3 *dy,
                                             Desc3 *dhn, Desc3 *dcn, Desc3 *dx, Desc3 *dh0,
                                             Desc3 *dc0, Desc3 *dwIh, Desc3 *dwHh,
                                             Desc2 *dbIh, Desc2 *dbHh) {
  backward("dlc_rt_lstm_bwd", true, 3,
           {x, h0, c0, wIh, wHh, bIh, bHh, y, hn, cn, ws, dy, dhn, dcn, dx, dh0, dc0, dwIh,
            dwHh, dbIh, dbHh});
}
