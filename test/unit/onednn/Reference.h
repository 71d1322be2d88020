//===- Reference.h - naive convolution/pooling loops for kernel tests ------===//
//
// Straightforward loops, written from the definitions, that the oneDNN
// kernels are checked against. Accumulate in double.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "runtime/MemRef.h"
#include "runtime/abi/KernelDecls.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace dlc::rt::test {

/// An owned dense NCHW (or OIHW) f32 tensor that can hand out a descriptor.
struct Tensor4 {
  std::array<int64_t, 4> shape;
  std::vector<float> data;

  Tensor4(int64_t a, int64_t b, int64_t c, int64_t d, float fill = 0.0f)
      : shape{a, b, c, d}, data(static_cast<size_t>(a * b * c * d), fill) {}

  float &at(int64_t i, int64_t j, int64_t k, int64_t l) {
    return data[((i * shape[1] + j) * shape[2] + k) * shape[3] + l];
  }
  float at(int64_t i, int64_t j, int64_t k, int64_t l) const {
    return data[((i * shape[1] + j) * shape[2] + k) * shape[3] + l];
  }

  /// A dense row-major descriptor over `data`.
  MemRefDesc<float, 4> desc() {
    MemRefDesc<float, 4> d;
    d.allocated = d.aligned = data.data();
    d.offset = 0;
    int64_t stride = 1;
    for (int i = 3; i >= 0; --i) {
      d.sizes[i] = shape[i];
      d.strides[i] = stride;
      stride *= shape[i];
    }
    return d;
  }

  /// Uniform values in [-1, 1].
  void randomize(unsigned seed) {
    std::mt19937 gen(seed);
    std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
    for (float &v : data) v = dist(gen);
  }

  /// Pairwise-distinct values in [-1, 1] in random order (no max-pool ties).
  void randomizeDistinct(unsigned seed) {
    std::vector<size_t> perm(data.size());
    std::iota(perm.begin(), perm.end(), size_t(0));
    std::shuffle(perm.begin(), perm.end(), std::mt19937(seed));
    for (size_t i = 0; i < data.size(); ++i)
      data[i] = -1.0f + 2.0f * static_cast<float>(perm[i]) / static_cast<float>(data.size());
  }
};

/// Expects `actual` to match `expected` elementwise within 1e-4 relative
/// (1e-4 absolute near zero).
inline void expectClose(const Tensor4 &actual, const Tensor4 &expected) {
  ASSERT_EQ(actual.shape, expected.shape);
  size_t bad = 0;
  for (size_t i = 0; i < actual.data.size(); ++i) {
    float a = actual.data[i], e = expected.data[i];
    if (!(std::fabs(a - e) <= 1e-4f * std::max(1.0f, std::fabs(e)))) {
      if (++bad <= 5) ADD_FAILURE() << "element " << i << ": got " << a << ", expected " << e;
    }
  }
  EXPECT_EQ(bad, 0u) << "mismatching elements out of " << actual.data.size();
}

struct ConvParams {
  int64_t sh, sw, ph, pw;
};

inline int64_t outSize(int64_t in, int64_t k, int64_t s, int64_t p) {
  return (in + 2 * p - k) / s + 1;
}

/// y is (N,O,OH,OW) = conv(x (N,C,H,W), w (O,C,KH,KW)).
inline Tensor4 refConvFwd(const Tensor4 &x, const Tensor4 &w, ConvParams p) {
  auto [n, c, h, wd] = x.shape;
  auto [o, c2, kh, kw] = w.shape;
  Tensor4 y(n, o, outSize(h, kh, p.sh, p.ph), outSize(wd, kw, p.sw, p.pw));
  for (int64_t b = 0; b < n; ++b)
    for (int64_t oc = 0; oc < o; ++oc)
      for (int64_t i = 0; i < y.shape[2]; ++i)
        for (int64_t j = 0; j < y.shape[3]; ++j) {
          double acc = 0;
          for (int64_t ic = 0; ic < c; ++ic)
            for (int64_t ki = 0; ki < kh; ++ki)
              for (int64_t kj = 0; kj < kw; ++kj) {
                int64_t hi = i * p.sh - p.ph + ki, wj = j * p.sw - p.pw + kj;
                if (hi < 0 || hi >= h || wj < 0 || wj >= wd) continue;
                acc += double(x.at(b, ic, hi, wj)) * w.at(oc, ic, ki, kj);
              }
          y.at(b, oc, i, j) = float(acc);
        }
  return y;
}

/// dx is (N,C,H,W) given dy (N,O,OH,OW) and w (O,C,KH,KW).
inline Tensor4 refConvBwdData(const Tensor4 &dy, const Tensor4 &w,
                              std::array<int64_t, 4> xShape, ConvParams p) {
  auto [n, c, h, wd] = xShape;
  auto [o, c2, kh, kw] = w.shape;
  std::vector<double> acc(size_t(n * c * h * wd), 0.0);
  for (int64_t b = 0; b < n; ++b)
    for (int64_t oc = 0; oc < o; ++oc)
      for (int64_t i = 0; i < dy.shape[2]; ++i)
        for (int64_t j = 0; j < dy.shape[3]; ++j)
          for (int64_t ic = 0; ic < c; ++ic)
            for (int64_t ki = 0; ki < kh; ++ki)
              for (int64_t kj = 0; kj < kw; ++kj) {
                int64_t hi = i * p.sh - p.ph + ki, wj = j * p.sw - p.pw + kj;
                if (hi < 0 || hi >= h || wj < 0 || wj >= wd) continue;
                acc[((b * c + ic) * h + hi) * wd + wj] +=
                    double(dy.at(b, oc, i, j)) * w.at(oc, ic, ki, kj);
              }
  Tensor4 dx(n, c, h, wd);
  for (size_t i = 0; i < acc.size(); ++i) dx.data[i] = float(acc[i]);
  return dx;
}

/// dw is (O,C,KH,KW) given x (N,C,H,W) and dy (N,O,OH,OW).
inline Tensor4 refConvBwdFilter(const Tensor4 &x, const Tensor4 &dy,
                                std::array<int64_t, 4> wShape, ConvParams p) {
  auto [n, c, h, wd] = x.shape;
  auto [o, c2, kh, kw] = wShape;
  Tensor4 dw(o, c, kh, kw);
  for (int64_t oc = 0; oc < o; ++oc)
    for (int64_t ic = 0; ic < c; ++ic)
      for (int64_t ki = 0; ki < kh; ++ki)
        for (int64_t kj = 0; kj < kw; ++kj) {
          double acc = 0;
          for (int64_t b = 0; b < n; ++b)
            for (int64_t i = 0; i < dy.shape[2]; ++i)
              for (int64_t j = 0; j < dy.shape[3]; ++j) {
                int64_t hi = i * p.sh - p.ph + ki, wj = j * p.sw - p.pw + kj;
                if (hi < 0 || hi >= h || wj < 0 || wj >= wd) continue;
                acc += double(x.at(b, ic, hi, wj)) * dy.at(b, oc, i, j);
              }
          dw.at(oc, ic, ki, kj) = float(acc);
        }
  return dw;
}

struct PoolParams {
  int64_t kind, kh, kw, sh, sw, ph, pw;
};

/// y is (N,C,OH,OW): max over the in-bounds part of each window, or the
/// window sum divided by kh*kw (padding counts as zeros).
inline Tensor4 refPoolFwd(const Tensor4 &x, PoolParams p) {
  auto [n, c, h, wd] = x.shape;
  Tensor4 y(n, c, outSize(h, p.kh, p.sh, p.ph), outSize(wd, p.kw, p.sw, p.pw));
  for (int64_t b = 0; b < n; ++b)
    for (int64_t ch = 0; ch < c; ++ch)
      for (int64_t i = 0; i < y.shape[2]; ++i)
        for (int64_t j = 0; j < y.shape[3]; ++j) {
          double best = -std::numeric_limits<double>::infinity(), sum = 0;
          for (int64_t ki = 0; ki < p.kh; ++ki)
            for (int64_t kj = 0; kj < p.kw; ++kj) {
              int64_t hi = i * p.sh - p.ph + ki, wj = j * p.sw - p.pw + kj;
              if (hi < 0 || hi >= h || wj < 0 || wj >= wd) continue;
              best = std::max(best, double(x.at(b, ch, hi, wj)));
              sum += x.at(b, ch, hi, wj);
            }
          y.at(b, ch, i, j) = float(p.kind == 0 ? best : sum / double(p.kh * p.kw));
        }
  return y;
}

/// dx is (N,C,H,W): each dy goes to its window's argmax (max) or is spread
/// as dy/(kh*kw) over the window's in-bounds elements (average).
inline Tensor4 refPoolBwd(const Tensor4 &dy, const Tensor4 &x, PoolParams p) {
  auto [n, c, h, wd] = x.shape;
  std::vector<double> acc(x.data.size(), 0.0);
  auto idx = [&](int64_t b, int64_t ch, int64_t hi, int64_t wj) {
    return size_t(((b * c + ch) * h + hi) * wd + wj);
  };
  for (int64_t b = 0; b < n; ++b)
    for (int64_t ch = 0; ch < c; ++ch)
      for (int64_t i = 0; i < dy.shape[2]; ++i)
        for (int64_t j = 0; j < dy.shape[3]; ++j) {
          size_t arg = 0;
          float best = -std::numeric_limits<float>::infinity();
          for (int64_t ki = 0; ki < p.kh; ++ki)
            for (int64_t kj = 0; kj < p.kw; ++kj) {
              int64_t hi = i * p.sh - p.ph + ki, wj = j * p.sw - p.pw + kj;
              if (hi < 0 || hi >= h || wj < 0 || wj >= wd) continue;
              if (p.kind == 1) {
                acc[idx(b, ch, hi, wj)] += double(dy.at(b, ch, i, j)) / double(p.kh * p.kw);
              } else if (x.at(b, ch, hi, wj) > best) {
                best = x.at(b, ch, hi, wj);
                arg = idx(b, ch, hi, wj);
              }
            }
          if (p.kind == 0) acc[arg] += dy.at(b, ch, i, j);
        }
  Tensor4 dx(n, c, h, wd);
  for (size_t i = 0; i < acc.size(); ++i) dx.data[i] = float(acc[i]);
  return dx;
}

/// Calls the pooling kernel of `kind` (0 max, 1 average), as compiled code
/// does: max_pool2d_fwd / avg_pool2d_fwd.
inline void poolFwd(MemRefDesc<float, 4> *x, MemRefDesc<float, 4> *y, int64_t kind, int64_t kh,
                    int64_t kw, int64_t sh, int64_t sw, int64_t ph, int64_t pw) {
  if (kind == 0) _mlir_ciface_dlc_rt_max_pool2d_fwd(x, y, kh, kw, sh, sw, ph, pw, 0);
  else _mlir_ciface_dlc_rt_avg_pool2d_fwd(x, y, kh, kw, sh, sw, ph, pw, 0, 1);
}

/// The workspace max_pool2d_fwd_train writes for an output of `outputElements`
/// (the shape rule's size: one byte per element, four past 255-element windows).
inline std::vector<int8_t> maxPoolWorkspace(int64_t outputElements, int64_t kh, int64_t kw) {
  return std::vector<int8_t>(size_t(outputElements * (kh * kw > 255 ? 4 : 1)));
}

inline MemRefDesc<int8_t, 1> bytesDesc(std::vector<int8_t> &bytes) {
  MemRefDesc<int8_t, 1> d;
  d.allocated = d.aligned = bytes.data();
  d.offset = 0;
  d.sizes[0] = int64_t(bytes.size());
  d.strides[0] = 1;
  return d;
}

/// The gradient of pooling, as compiled code computes it: for max pooling
/// the training forward writes the workspace that the backward reads; for
/// average pooling x only gives dx's shape.
inline void poolBwd(MemRefDesc<float, 4> *dy, MemRefDesc<float, 4> *x, MemRefDesc<float, 4> *dx,
                    int64_t kind, int64_t kh, int64_t kw, int64_t sh, int64_t sw, int64_t ph,
                    int64_t pw) {
  if (kind != 0) return _mlir_ciface_dlc_rt_avg_pool2d_bwd(dy, x, dx, kh, kw, sh, sw, ph, pw, 0, 1);
  std::vector<float> yData(size_t(std::max<int64_t>(dy->numElements(), 0)));
  MemRefDesc<float, 4> y = *dy;
  y.allocated = y.aligned = yData.data();
  std::vector<int8_t> ws = maxPoolWorkspace(dy->numElements(), kh, kw);
  MemRefDesc<int8_t, 1> wsd = bytesDesc(ws);
  _mlir_ciface_dlc_rt_max_pool2d_fwd_train(x, &y, &wsd, kh, kw, sh, sw, ph, pw, 0);
  _mlir_ciface_dlc_rt_max_pool2d_bwd(dy, &wsd, dx, kh, kw, sh, sw, ph, pw, 0);
}

} // namespace dlc::rt::test
