//===- RnnPrimitives.h - oneDNN primitives of a recurrent layer -*- C++ -*-===//
//
// What the recurrent kernels (Rnn.cpp) run: oneDNN's vanilla_rnn, lbr_gru and
// lstm primitives for one layer (forward inference, forward training,
// backward), cached per shape together with the reorders of the parameters
// between PyTorch's layout and the one each primitive chose.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/onednn/Engine.h"
#include "backends/onednn/RnnLayout.h"

#include <memory>
#include <optional>

namespace dlc::rt::onednn {

/// oneDNN's view of one layer: x and y (tnc), the states (ldnc, one layer),
/// the weights in PyTorch's layout (ldgoi) and as `any` (the primitives
/// choose), the per-gate bias (ldgo).
struct RnnDescs {
  dnnl::memory::desc srcLayer, iter, dstLayer, wLayer, wIter, wLayerAny, wIterAny, bias;

  explicit RnnDescs(const RnnShape &s);
};

struct ReorderPrimitive {
  dnnl::reorder::primitive_desc pd;
  dnnl::reorder prim;
};

/// Copies `from` (layout `fromMd`) into `to` through `r`, or plainly without one.
void runReorder(const std::optional<ReorderPrimitive> &r, const dnnl::memory::desc &fromMd,
                const void *from, void *to);

/// A cached RNN primitive with the reorders of its parameters: PyTorch's
/// ldgoi into the layouts it chose, and (backward) its diff weights back.
struct RnnPrimitive {
  dnnl::rnn_primitive_desc_base pd;
  dnnl::primitive prim;
  std::optional<ReorderPrimitive> toLayer, toIter, fromDiffLayer, fromDiffIter;

  RnnPrimitive(const RnnShape &s, dnnl::rnn_primitive_desc_base p, bool backward);
};

/// The cached forward primitive (inference or training) of a shape.
std::shared_ptr<const RnnPrimitive> forwardPrimitive(const RnnShape &s, bool training);

/// The cached backward primitive of a shape (hinted by the training forward).
std::shared_ptr<const RnnPrimitive> backwardPrimitive(const RnnShape &s);

} // namespace dlc::rt::onednn
