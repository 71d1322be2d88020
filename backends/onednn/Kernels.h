//===- Kernels.h - C ABI of the oneDNN kernels compiled code calls -*- C++ -*-===//
//
// The compiler lowers dl.conv2d / dl.pool2d and their gradients to
// `func.call`s of these functions, declared with `llvm.emit_c_interface`:
// every memref argument arrives as a pointer to a MemRefDesc<float, 4>, every
// i64 by value. Layouts are dense row-major NCHW for activations and OIHW for
// convolution weights, all f32. Outputs are allocated by the caller with the
// right shape and are overwritten, never accumulated into.
//
// No function here throws or aborts: bad arguments (non-contiguous views,
// inconsistent shapes, invalid strides/paddings) and oneDNN failures are
// recorded in the error slot (Errors.h), the output is zeroed and the call
// returns.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/onednn/Errors.h"
#include "runtime/MemRef.h"

#include <cstddef>
#include <cstdint>

extern "C" {

/// y = conv(x, w): x is (N,C,H,W), w is (O,C,KH,KW), y is (N,O,OH,OW) with
/// OH = (H + 2*padH - KH) / strideH + 1 (same for OW). No bias, groups = 1,
/// dilation 1, symmetric zero padding.
void _mlir_ciface_dlc_rt_conv2d_fwd(dlc::rt::MemRefDesc<float, 4> *x,
                                    dlc::rt::MemRefDesc<float, 4> *w,
                                    dlc::rt::MemRefDesc<float, 4> *y, int64_t strideH,
                                    int64_t strideW, int64_t padH, int64_t padW);

/// dx = d(loss)/dx of conv2d_fwd given dy: dy is (N,O,OH,OW), w is
/// (O,C,KH,KW), dx is (N,C,H,W). Input rows/columns that no window reaches
/// (when (H + 2*padH - KH) is not a multiple of the stride) get 0.
void _mlir_ciface_dlc_rt_conv2d_bwd_data(dlc::rt::MemRefDesc<float, 4> *dy,
                                         dlc::rt::MemRefDesc<float, 4> *w,
                                         dlc::rt::MemRefDesc<float, 4> *dx,
                                         int64_t strideH, int64_t strideW, int64_t padH,
                                         int64_t padW);

/// dw = d(loss)/dw of conv2d_fwd given x and dy: x is (N,C,H,W), dy is
/// (N,O,OH,OW), dw is (O,C,KH,KW). Summed over the batch.
void _mlir_ciface_dlc_rt_conv2d_bwd_filter(dlc::rt::MemRefDesc<float, 4> *x,
                                           dlc::rt::MemRefDesc<float, 4> *dy,
                                           dlc::rt::MemRefDesc<float, 4> *dw,
                                           int64_t strideH, int64_t strideW,
                                           int64_t padH, int64_t padW);

/// y = pool(x): x is (N,C,H,W), y is (N,C,OH,OW), OH = (H + 2*padH - kH) /
/// strideH + 1 (floor mode). kind 0 = max (padding never wins), 1 = average
/// dividing by kH*kW, padding counted as zeros (PyTorch's AvgPool2d default,
/// count_include_pad=True). Requires padH < kH and padW < kW.
void _mlir_ciface_dlc_rt_pool2d_fwd(dlc::rt::MemRefDesc<float, 4> *x,
                                    dlc::rt::MemRefDesc<float, 4> *y, int64_t kind,
                                    int64_t kH, int64_t kW, int64_t strideH,
                                    int64_t strideW, int64_t padH, int64_t padW);

/// dx = d(loss)/dx of pool2d_fwd given dy: dy is (N,C,OH,OW), x and dx are
/// (N,C,H,W). For max pooling the forward pass is recomputed from x to find
/// the argmax of every window (the gradient goes to it); for average pooling x
/// only supplies the shape.
void _mlir_ciface_dlc_rt_pool2d_bwd(dlc::rt::MemRefDesc<float, 4> *dy,
                                    dlc::rt::MemRefDesc<float, 4> *x,
                                    dlc::rt::MemRefDesc<float, 4> *dx, int64_t kind,
                                    int64_t kH, int64_t kW, int64_t strideH,
                                    int64_t strideW, int64_t padH, int64_t padW);

/// Number of entries in the oneDNN primitive caches (each entry is built the
/// first time a (kernel, shapes, strides, paddings) combination is called):
/// lets tests check that a repeated call reuses its primitive.
/// c(M,N) = op(a)·op(b) with op a transpose when the flag is non-zero.
void _mlir_ciface_dlc_rt_matmul(dlc::rt::MemRefDesc<float, 2> *a,
                                dlc::rt::MemRefDesc<float, 2> *b,
                                dlc::rt::MemRefDesc<float, 2> *c, int64_t transposeA,
                                int64_t transposeB);

size_t dlc_rt_onednn_cache_size(void);

} // extern "C"
