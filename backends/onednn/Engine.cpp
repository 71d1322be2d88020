//===- Engine.cpp - oneDNN engine, stream and primitive cache -------------===//

#include "backends/onednn/Engine.h"
#include "backends/onednn/Kernels.h"

#include <fmt/format.h>

#include <atomic>
#include <cstdlib>

namespace dlc::rt::onednn {

const dnnl::engine &cpuEngine() {
  // Function-local statics: initialised once, thread-safe (C++11).
  static const dnnl::engine engine(dnnl::engine::kind::cpu, 0);
  return engine;
}

dnnl::stream &cpuStream() {
  static dnnl::stream stream(cpuEngine());
  return stream;
}

dnnl::primitive_attr kernelAttr() {
  dnnl::primitive_attr attr;
  attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
  return attr;
}

void execute(const dnnl::primitive &prim, const dnnl::primitive_desc_base &pd,
             std::unordered_map<int, dnnl::memory> args) {
  dnnl::memory::desc scratchpadDesc = pd.scratchpad_desc();
  size_t bytes = scratchpadDesc.get_size();
  if (bytes > 0)
    args.emplace(DNNL_ARG_SCRATCHPAD,
                 dnnl::memory(scratchpadDesc, cpuEngine(),
                              threadScratch(kScratchpadSlot, bytes)));
  prim.execute(cpuStream(), args);
  cpuStream().wait();
}

namespace {
std::atomic<size_t> cachedEntries{0};

/// One growable aligned buffer.
struct Scratch {
  struct Free {
    void operator()(void *p) const { std::free(p); }
  };
  std::unique_ptr<void, Free> data;
  size_t bytes = 0;
};
constexpr unsigned kScratchSlots = 4;
thread_local std::array<Scratch, kScratchSlots> scratch;
} // namespace

void detail::noteCachedEntry() { cachedEntries.fetch_add(1, std::memory_order_relaxed); }

size_t cachedEntryCount() { return cachedEntries.load(std::memory_order_relaxed); }

void *threadScratch(unsigned slot, size_t bytes) {
  if (slot >= kScratchSlots) throw KernelError("internal: bad scratch slot");
  Scratch &s = scratch[slot];
  if (s.bytes < bytes) {
    size_t rounded = (bytes + 63) / 64 * 64;
    s.data.reset(std::aligned_alloc(64, rounded));
    s.bytes = s.data ? rounded : 0;
    if (!s.data) throw KernelError(fmt::format("could not allocate {} bytes of scratch", rounded));
  }
  return s.data.get();
}

dnnl::memory wrapUser(const MemRefDesc<float, 4> &d, dnnl::memory::format_tag tag) {
  dnnl::memory::desc md({d.sizes[0], d.sizes[1], d.sizes[2], d.sizes[3]},
                        dnnl::memory::data_type::f32, tag);
  return dnnl::memory(md, cpuEngine(), d.data());
}

void checkDense(const MemRefDesc<float, 4> *d, const char *name) {
  if (!d) throw KernelError(fmt::format("{} is a null descriptor", name));
  for (int64_t s : d->sizes)
    if (s < 0) throw KernelError(fmt::format("{} has a negative size {}", name, s));
  if (!d->isContiguous())
    throw KernelError(fmt::format(
        "{} is not contiguous (sizes ({},{},{},{}), strides ({},{},{},{})); the oneDNN "
        "kernels need a dense row-major buffer",
        name, d->sizes[0], d->sizes[1], d->sizes[2], d->sizes[3], d->strides[0],
        d->strides[1], d->strides[2], d->strides[3]));
  if (!d->aligned && d->numElements() > 0)
    throw KernelError(fmt::format("{} has a null data pointer", name));
}

void checkStridePad(int64_t strideH, int64_t strideW, int64_t padH, int64_t padW) {
  constexpr int64_t kLimit = int64_t(1) << 31;
  if (strideH < 1 || strideW < 1 || strideH >= kLimit || strideW >= kLimit)
    throw KernelError(fmt::format("stride ({},{}) must be positive", strideH, strideW));
  if (padH < 0 || padW < 0 || padH >= kLimit || padW >= kLimit)
    throw KernelError(fmt::format("padding ({},{}) must be non-negative", padH, padW));
}

} // namespace dlc::rt::onednn

extern "C" size_t dlc_rt_onednn_cache_size(void) {
  return dlc::rt::onednn::cachedEntryCount();
}
