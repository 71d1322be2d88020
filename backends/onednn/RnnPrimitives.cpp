//===- RnnPrimitives.cpp - cached oneDNN primitives of a recurrent layer --===//
#include "backends/onednn/RnnPrimitives.h"
#include "backends/onednn/Rnn.h"

#include <fmt/format.h>

#include <cstring>

using dnnl::memory;

namespace dlc::rt::onednn {
namespace {

using Tag = memory::format_tag;
constexpr auto f32 = memory::data_type::f32;

dnnl::rnn_direction direction(const RnnShape &s) {
  return s.D == 2 ? dnnl::rnn_direction::bidirectional_concat
                  : dnnl::rnn_direction::unidirectional_left2right;
}

dnnl::algorithm activation(const RnnShape &s) {
  return s.cell == 1 ? dnnl::algorithm::eltwise_relu : dnnl::algorithm::eltwise_tanh;
}

PrimitiveKey keyOf(std::string_view kernel, const RnnShape &s) {
  return {kernel, {s.cell, s.T, s.B, s.F, s.H, s.D}};
}

/// The forward primitive descriptor of the shape's cell.
dnnl::rnn_primitive_desc_base forwardPd(const RnnShape &s, dnnl::prop_kind prop) {
  RnnDescs m(s);
  const auto dir = direction(s);
  const dnnl::engine &eng = cpuEngine();
  switch (s.cell) {
  case 3: {
    dnnl::lstm_forward::desc d(prop, dir, m.srcLayer, m.iter, m.iter, m.wLayerAny, m.wIterAny,
                               m.bias, m.dstLayer, m.iter, m.iter);
    return dnnl::lstm_forward::primitive_desc(d, kernelAttr(), eng);
  }
  case 2: {
    dnnl::lbr_gru_forward::desc d(prop, dir, m.srcLayer, m.iter, m.wLayerAny, m.wIterAny,
                                  m.bias, m.dstLayer, m.iter);
    return dnnl::lbr_gru_forward::primitive_desc(d, kernelAttr(), eng);
  }
  default: {
    dnnl::vanilla_rnn_forward::desc d(prop, activation(s), dir, m.srcLayer, m.iter,
                                      m.wLayerAny, m.wIterAny, m.bias, m.dstLayer, m.iter);
    return dnnl::vanilla_rnn_forward::primitive_desc(d, kernelAttr(), eng);
  }
  }
}

/// The backward primitive descriptor, hinted by the training forward, its
/// diff weights in `dwLayer`/`dwIter`.
dnnl::rnn_primitive_desc_base backwardPd(const RnnShape &s, const memory::desc &dwLayer,
                                         const memory::desc &dwIter) {
  RnnDescs m(s);
  const auto dir = direction(s);
  const auto bwd = dnnl::prop_kind::backward;
  const auto fwd = dnnl::prop_kind::forward_training;
  const dnnl::engine &eng = cpuEngine();
  switch (s.cell) {
  case 3: {
    dnnl::lstm_forward::desc fd(fwd, dir, m.srcLayer, m.iter, m.iter, m.wLayerAny, m.wIterAny,
                                m.bias, m.dstLayer, m.iter, m.iter);
    dnnl::lstm_forward::primitive_desc hint(fd, kernelAttr(), eng);
    dnnl::lstm_backward::desc d(bwd, dir, m.srcLayer, m.iter, m.iter, m.wLayerAny, m.wIterAny,
                                m.bias, m.dstLayer, m.iter, m.iter, m.srcLayer, m.iter,
                                m.iter, dwLayer, dwIter, m.bias, m.dstLayer, m.iter, m.iter);
    return dnnl::lstm_backward::primitive_desc(d, kernelAttr(), eng, hint);
  }
  case 2: {
    dnnl::lbr_gru_forward::desc fd(fwd, dir, m.srcLayer, m.iter, m.wLayerAny, m.wIterAny,
                                   m.bias, m.dstLayer, m.iter);
    dnnl::lbr_gru_forward::primitive_desc hint(fd, kernelAttr(), eng);
    dnnl::lbr_gru_backward::desc d(bwd, dir, m.srcLayer, m.iter, m.wLayerAny, m.wIterAny,
                                   m.bias, m.dstLayer, m.iter, m.srcLayer, m.iter, dwLayer,
                                   dwIter, m.bias, m.dstLayer, m.iter);
    return dnnl::lbr_gru_backward::primitive_desc(d, kernelAttr(), eng, hint);
  }
  default: {
    dnnl::vanilla_rnn_forward::desc fd(fwd, activation(s), dir, m.srcLayer, m.iter,
                                       m.wLayerAny, m.wIterAny, m.bias, m.dstLayer, m.iter);
    dnnl::vanilla_rnn_forward::primitive_desc hint(fd, kernelAttr(), eng);
    dnnl::vanilla_rnn_backward::desc d(bwd, activation(s), dir, m.srcLayer, m.iter,
                                       m.wLayerAny, m.wIterAny, m.bias, m.dstLayer, m.iter,
                                       m.srcLayer, m.iter, dwLayer, dwIter, m.bias,
                                       m.dstLayer, m.iter);
    return dnnl::vanilla_rnn_backward::primitive_desc(d, kernelAttr(), eng, hint);
  }
  }
}


/// A reorder between two layouts, or none when they are the same.
std::optional<ReorderPrimitive> reorderBetween(const memory::desc &from,
                                               const memory::desc &to) {
  if (from == to) return std::nullopt;
  dnnl::reorder::primitive_desc pd(cpuEngine(), from, cpuEngine(), to, kernelAttr());
  return ReorderPrimitive{pd, dnnl::reorder(pd)};
}

} // namespace

RnnDescs::RnnDescs(const RnnShape &s)
    : srcLayer({s.T, s.B, s.F}, f32, Tag::tnc), iter({1, s.D, s.B, s.H}, f32, Tag::ldnc),
      dstLayer({s.T, s.B, s.D * s.H}, f32, Tag::tnc),
      wLayer({1, s.D, s.F, s.gates(), s.H}, f32, Tag::ldgoi),
      wIter({1, s.D, s.H, s.gates(), s.H}, f32, Tag::ldgoi),
      wLayerAny({1, s.D, s.F, s.gates(), s.H}, f32, Tag::any),
      wIterAny({1, s.D, s.H, s.gates(), s.H}, f32, Tag::any),
      bias({1, s.D, s.biasGates(), s.H}, f32, Tag::ldgo) {}

void runReorder(const std::optional<ReorderPrimitive> &r, const memory::desc &fromMd,
                const void *from, void *to) {
  if (!r) {
    std::memcpy(to, from, fromMd.get_size());
    return;
  }
  execute(r->prim, r->pd,
          {{DNNL_ARG_FROM, memory(r->pd.src_desc(), cpuEngine(), const_cast<void *>(from))},
           {DNNL_ARG_TO, memory(r->pd.dst_desc(), cpuEngine(), to)}});
}

RnnPrimitive::RnnPrimitive(const RnnShape &s, dnnl::rnn_primitive_desc_base p, bool backward)
  : pd(p), prim(p) {
  RnnDescs m(s);
  toLayer = reorderBetween(m.wLayer, pd.weights_layer_desc());
  toIter = reorderBetween(m.wIter, pd.weights_iter_desc());
  if (backward) {
    fromDiffLayer = reorderBetween(pd.diff_weights_layer_desc(), m.wLayer);
    fromDiffIter = reorderBetween(pd.diff_weights_iter_desc(), m.wIter);
  }
}

std::shared_ptr<const RnnPrimitive> forwardPrimitive(const RnnShape &s, bool training) {
  static PrimitiveCache<RnnPrimitive> cache;
  return cache.getOrCreate(keyOf(training ? "rnn_fwd_train" : "rnn_fwd", s), [&] {
    return RnnPrimitive(s,
                        forwardPd(s, training ? dnnl::prop_kind::forward_training
                                              : dnnl::prop_kind::forward_inference),
                        false);
  });
}

std::shared_ptr<const RnnPrimitive> backwardPrimitive(const RnnShape &s) {
  static PrimitiveCache<RnnPrimitive> cache;
  return cache.getOrCreate(keyOf("rnn_bwd", s), [&] {
    // Diff weights straight in PyTorch's layout when oneDNN supports it.
    RnnDescs m(s);
    try {
      return RnnPrimitive(s, backwardPd(s, m.wLayer, m.wIter), true);
    } catch (const dnnl::error &) {
      return RnnPrimitive(s, backwardPd(s, m.wLayerAny, m.wIterAny), true);
    }
  });
}

int64_t rnnWorkspaceBytesNeeded(int64_t cell, int64_t T, int64_t B, int64_t F, int64_t H,
                                int64_t D) {
  if (cell < 0 || cell > 3 || D < 1 || D > 2)
    throw KernelError(fmt::format("no recurrent layer with cell {} and D {}", cell, D));
  RnnShape s{cell, T, B, F, H, D};
  return static_cast<int64_t>(
      forwardPd(s, dnnl::prop_kind::forward_training).workspace_desc().get_size());
}

} // namespace dlc::rt::onednn
