//===- onednn_kernels.cpp - time the oneDNN conv/pool kernels at LeNet shapes ==//
//
// Times the C ABI entry points compiled code calls (backends/onednn) at the
// shapes of d2l's LeNet-5 at batch 256 ("entry": format_tag::any primitives
// plus reorders from/to the caller's plain buffers). For convolutions it also
// times the same oneDNN operation built directly on the plain NCHW/OIHW
// buffers ("plain", no reorders, the other layout choice) and the
// format_tag::any primitive alone ("blocked-noreorder", the ceiling if the
// whole graph kept oneDNN's blocked layouts). That is the evidence for the
// layout choice in backends/onednn/Conv2d.cpp.
//
// Output: one JSON line per (op, layer, variant): median / min / max of
// --iters timed runs after 3 warm-up runs, and GFLOP/s for convolutions.
// Usage: dlc-bench-onednn [--iters N] [--batch N]
//
//===----------------------------------------------------------------------===//

#include "backends/onednn/Kernels.h"

#include <oneapi/dnnl/dnnl.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

using dlc::rt::MemRefDesc;

namespace {

int iters = 20;

struct Timing {
  double median, min, max;
};

/// 3 warm-up runs, then `iters` timed ones; milliseconds.
Timing timeIt(const std::function<void()> &fn) {
  for (int i = 0; i < 3; ++i) fn();
  std::vector<double> ms;
  for (int i = 0; i < iters; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    fn();
    auto t1 = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms.front(), ms.back()};
}

/// An owned dense tensor with its descriptor.
struct Buffer {
  std::vector<float> data;
  MemRefDesc<float, 4> desc;
  Buffer(int64_t a, int64_t b, int64_t c, int64_t d) : data(size_t(a * b * c * d)) {
    std::mt19937 gen(unsigned(a * 131 + b * 17 + c * 5 + d));
    std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
    for (float &v : data) v = dist(gen);
    desc.allocated = desc.aligned = data.data();
    desc.offset = 0;
    int64_t sizes[4] = {a, b, c, d};
    int64_t stride = 1;
    for (int i = 3; i >= 0; --i) {
      desc.sizes[i] = sizes[i];
      desc.strides[i] = stride;
      stride *= sizes[i];
    }
  }
  dnnl::memory::dims dims() const {
    return {desc.sizes[0], desc.sizes[1], desc.sizes[2], desc.sizes[3]};
  }
};

void report(const std::string &op, const std::string &layer, const std::string &variant,
            int64_t batch, Timing t, double flops) {
  std::string gflops = flops > 0 ? fmt::format(", \"gflops\": {:.1f}", flops / t.median / 1e6)
                                 : std::string();
  fmt::print("{{\"bench\": \"onednn_kernels\", \"op\": \"{}\", \"layer\": \"{}\", "
             "\"variant\": \"{}\", \"batch\": {}, \"median_ms\": {:.3f}, \"min_ms\": "
             "{:.3f}, \"max_ms\": {:.3f}{}}}\n",
             op, layer, variant, batch, t.median, t.min, t.max, gflops);
  std::fflush(stdout);
}

struct ConvLayer {
  const char *name;
  int64_t c, h, w, o, k, pad;
};

/// `user` itself when the primitive wants its layout, else a buffer in
/// layout `want` holding the same values (reordered once, not timed).
dnnl::memory bind(const dnnl::memory &user, const dnnl::memory::desc &want,
                  const dnnl::engine &eng, dnnl::stream &s) {
  if (want == user.get_desc()) return user;
  dnnl::memory inner(want, eng);
  dnnl::reorder(user, inner).execute(s, {{DNNL_ARG_FROM, user}, {DNNL_ARG_TO, inner}});
  s.wait();
  return inner;
}

/// The three convolution directions built directly with oneDNN: on plain
/// layouts ("plain"), or with format_tag::any timed without the reorders
/// ("blocked-noreorder").
void benchConvDirect(const ConvLayer &l, int64_t n, Buffer &x, Buffer &w, Buffer &y,
                     double flops, bool blocked) {
  using namespace dnnl;
  using Tag = memory::format_tag;
  engine eng(engine::kind::cpu, 0);
  stream s(eng);
  const char *variant = blocked ? "blocked-noreorder" : "plain";
  memory::desc xAny(x.dims(), memory::data_type::f32, blocked ? Tag::any : Tag::nchw);
  memory::desc wAny(w.dims(), memory::data_type::f32, blocked ? Tag::any : Tag::oihw);
  memory::desc yAny(y.dims(), memory::data_type::f32, blocked ? Tag::any : Tag::nchw);
  memory xm({x.dims(), memory::data_type::f32, Tag::nchw}, eng, x.data.data());
  memory wm({w.dims(), memory::data_type::f32, Tag::oihw}, eng, w.data.data());
  memory ym({y.dims(), memory::data_type::f32, Tag::nchw}, eng, y.data.data());
  memory::dims strides{1, 1}, pad{l.pad, l.pad};

  convolution_forward::desc fd(prop_kind::forward_training, algorithm::convolution_direct,
                               xAny, wAny, yAny, strides, pad, pad);
  convolution_forward::primitive_desc fpd(fd, eng);
  {
    convolution_forward prim(fpd);
    memory sx = bind(xm, fpd.src_desc(), eng, s);
    memory sw = bind(wm, fpd.weights_desc(), eng, s);
    memory sy = bind(ym, fpd.dst_desc(), eng, s);
    auto exec = [&] {
      prim.execute(s, {{DNNL_ARG_SRC, sx},
                       {DNNL_ARG_WEIGHTS, sw},
                       {DNNL_ARG_DST, sy}});
    };
    report("conv2d_fwd", l.name, variant, n, timeIt([&] {
             exec();
             s.wait();
           }),
           flops);
  }
  {
    convolution_backward_data::desc bd(algorithm::convolution_direct, xAny, wAny, yAny,
                                       strides, pad, pad);
    convolution_backward_data::primitive_desc bpd(bd, eng, fpd);
    convolution_backward_data prim(bpd);
    memory sdy = bind(ym, bpd.diff_dst_desc(), eng, s);
    memory sw = bind(wm, bpd.weights_desc(), eng, s);
    memory sdx = bind(xm, bpd.diff_src_desc(), eng, s);
    auto exec = [&] {
      prim.execute(s, {{DNNL_ARG_DIFF_DST, sdy},
                       {DNNL_ARG_WEIGHTS, sw},
                       {DNNL_ARG_DIFF_SRC, sdx}});
    };
    report("conv2d_bwd_data", l.name, variant, n, timeIt([&] {
             exec();
             s.wait();
           }),
           flops);
  }
  {
    convolution_backward_weights::desc bd(algorithm::convolution_direct, xAny, wAny, yAny,
                                          strides, pad, pad);
    convolution_backward_weights::primitive_desc bpd(bd, eng, fpd);
    convolution_backward_weights prim(bpd);
    memory sx = bind(xm, bpd.src_desc(), eng, s);
    memory sdy = bind(ym, bpd.diff_dst_desc(), eng, s);
    memory sdw = bind(wm, bpd.diff_weights_desc(), eng, s);
    auto exec = [&] {
      prim.execute(s, {{DNNL_ARG_SRC, sx},
                       {DNNL_ARG_DIFF_DST, sdy},
                       {DNNL_ARG_DIFF_WEIGHTS, sdw}});
    };
    report("conv2d_bwd_filter", l.name, variant, n, timeIt([&] {
             exec();
             s.wait();
           }),
           flops);
  }
}

void checkSlot(const char *what) {
  if (const char *msg = dlc_rt_last_error()) {
    fmt::print(stderr, "{}: {}\n", what, msg);
    std::exit(1);
  }
}

} // namespace

int main(int argc, char **argv) {
  int64_t batch = 256;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--iters") && i + 1 < argc)
      iters = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--batch") && i + 1 < argc)
      batch = std::max(1, std::atoi(argv[++i]));
    else {
      fmt::print(stderr, "usage: {} [--iters N] [--batch N]\n", argv[0]);
      return 2;
    }
  }

  // d2l LeNet-5: conv1 1->6 5x5 pad 2 on 28x28, conv2 6->16 5x5 on 14x14.
  const ConvLayer convs[] = {{"conv1", 1, 28, 28, 6, 5, 2}, {"conv2", 6, 14, 14, 16, 5, 0}};
  for (const ConvLayer &l : convs) {
    int64_t oh = l.h + 2 * l.pad - l.k + 1, ow = l.w + 2 * l.pad - l.k + 1;
    Buffer x(batch, l.c, l.h, l.w), w(l.o, l.c, l.k, l.k), y(batch, l.o, oh, ow);
    double flops = 2.0 * batch * l.o * oh * ow * l.c * l.k * l.k;
    report("conv2d_fwd", l.name, "entry", batch, timeIt([&] {
             _mlir_ciface_dlc_rt_conv2d_fwd(&x.desc, &w.desc, &y.desc, 1, 1, l.pad, l.pad, 1, 1, 1);
           }),
           flops);
    checkSlot("conv2d_fwd");
    report("conv2d_bwd_data", l.name, "entry", batch, timeIt([&] {
             _mlir_ciface_dlc_rt_conv2d_bwd_data(&y.desc, &w.desc, &x.desc, 1, 1, l.pad,
                                                 l.pad, 1, 1, 1);
           }),
           flops);
    checkSlot("conv2d_bwd_data");
    report("conv2d_bwd_filter", l.name, "entry", batch, timeIt([&] {
             _mlir_ciface_dlc_rt_conv2d_bwd_filter(&x.desc, &y.desc, &w.desc, 1, 1, l.pad,
                                                   l.pad, 1, 1, 1);
           }),
           flops);
    checkSlot("conv2d_bwd_filter");
    benchConvDirect(l, batch, x, w, y, flops, false);
    benchConvDirect(l, batch, x, w, y, flops, true);
  }

  // LeNet's pools: 2x2 stride 2 after each conv (d2l uses average; max too).
  struct PoolLayer {
    const char *name;
    int64_t c, h;
  };
  for (PoolLayer l : {PoolLayer{"pool1", 6, 28}, PoolLayer{"pool2", 16, 10}}) {
    Buffer x(batch, l.c, l.h, l.h), y(batch, l.c, l.h / 2, l.h / 2);
    // Max pooling's training forward also writes the arg-max workspace
    // (one byte per output element) that its backward reads.
    std::vector<int8_t> ws(size_t(batch * l.c * (l.h / 2) * (l.h / 2)));
    dlc::rt::MemRefDesc<int8_t, 1> wsd{ws.data(), ws.data(), 0, {int64_t(ws.size())}, {1}};
    report("max_pool2d_fwd", l.name, "inference", batch, timeIt([&] {
             _mlir_ciface_dlc_rt_max_pool2d_fwd(&x.desc, &y.desc, 2, 2, 2, 2, 0, 0, 0);
           }),
           0);
    report("max_pool2d_fwd_train", l.name, "workspace", batch, timeIt([&] {
             _mlir_ciface_dlc_rt_max_pool2d_fwd_train(&x.desc, &y.desc, &wsd, 2, 2, 2, 2, 0, 0, 0);
           }),
           0);
    report("max_pool2d_bwd", l.name, "workspace", batch, timeIt([&] {
             _mlir_ciface_dlc_rt_max_pool2d_bwd(&y.desc, &wsd, &x.desc, 2, 2, 2, 2, 0, 0, 0);
           }),
           0);
    checkSlot("max_pool2d");
    report("avg_pool2d_fwd", l.name, "", batch, timeIt([&] {
             _mlir_ciface_dlc_rt_avg_pool2d_fwd(&x.desc, &y.desc, 2, 2, 2, 2, 0, 0, 0, 1);
           }),
           0);
    report("avg_pool2d_bwd", l.name, "", batch, timeIt([&] {
             _mlir_ciface_dlc_rt_avg_pool2d_bwd(&y.desc, &x.desc, &x.desc, 2, 2, 2, 2, 0, 0, 0, 1);
           }),
           0);
    checkSlot("avg_pool2d");
  }
  return 0;
}
