//===- Engine.h - oneDNN engine, stream and primitive cache ----*- C++ -*-===//
//
// Shared plumbing for the oneDNN kernels: one CPU engine and stream per
// process, a cache of primitives keyed by every shape they were built for (a
// training loop builds each primitive once), per-thread scratch buffers, and
// the guard that turns any failure into the error slot (Errors.h).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/onednn/Errors.h"
#include "runtime/MemRef.h"

#include <oneapi/dnnl/dnnl.hpp>

#include <array>
#include <string_view>
#include <vector>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace dlc::rt::onednn {

/// The process-wide CPU engine, created on first use (thread-safe).
const dnnl::engine &cpuEngine();

/// The process-wide stream on cpuEngine(). A CPU stream (OpenMP runtime)
/// holds no state between executions, which run synchronously on the calling
/// thread, so sharing it between threads is safe.
dnnl::stream &cpuStream();

/// Attributes every cached primitive is built with: scratchpad_mode::user.
/// With the library-managed default, Debian's oneDNN (built without
/// DNNL_ENABLE_CONCURRENT_EXEC) shares one scratchpad owned by the creating
/// thread and segfaults when a primitive runs on another thread -- which a
/// process-wide cache makes routine. With a caller-provided per-thread
/// scratchpad (execute()) a cached primitive runs on any thread, concurrently.
dnnl::primitive_attr kernelAttr();

/// Executes `prim` (built from `pd` with kernelAttr()) on cpuStream() with
/// `args` plus a per-thread scratchpad of the size `pd` asks for, and waits.
void execute(const dnnl::primitive &prim, const dnnl::primitive_desc_base &pd,
             std::unordered_map<int, dnnl::memory> args);

/// Identifies one cached primitive: the kernel (its Kernels.def name, a
/// string literal, compared by content) plus every size and integer
/// attribute it was built for, in any fixed order the kernel chooses.
struct PrimitiveKey {
  std::string_view kernel;
  std::vector<int64_t> params;

  bool operator==(const PrimitiveKey &) const = default;
};

struct PrimitiveKeyHash {
  size_t operator()(const PrimitiveKey &k) const {
    uint64_t h = std::hash<std::string_view>()(k.kernel);
    for (int64_t v : k.params) h = (h ^ static_cast<uint64_t>(v)) * 0x100000001b3ull;
    return static_cast<size_t>(h);
  }
};

namespace detail {
/// Bumps the process-wide count reported by dlc_rt_onednn_cache_size().
void noteCachedEntry();
} // namespace detail

/// Number of entries in all primitive caches together.
size_t cachedEntryCount();

/// A mutex-protected map from key to an immutable cache entry (primitive
/// descriptors and primitives; executing a primitive is const and
/// thread-safe). Entries live until the process exits.
template <typename Entry>
class PrimitiveCache {
public:
  /// Returns the entry for `key`, building it with `make()` (which returns an
  /// Entry by value) the first time. `make` runs under the cache's lock, so
  /// concurrent first calls build it once; it may throw, in which case
  /// nothing is cached.
  template <typename Make>
  std::shared_ptr<const Entry> getOrCreate(const PrimitiveKey &key, Make &&make) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end()) return it->second;
    auto entry = std::make_shared<const Entry>(make());
    entries_.emplace(key, entry);
    detail::noteCachedEntry();
    return entry;
  }

private:
  std::mutex mutex_;
  std::unordered_map<PrimitiveKey, std::shared_ptr<const Entry>, PrimitiveKeyHash>
      entries_;
};

/// A per-thread, 64-byte aligned buffer of at least `bytes` bytes that is
/// reused between calls (it only grows). `slot` selects one of a few
/// independent buffers so a kernel can hold several at once: slots 0-2 are
/// the kernels' (convolution operands in blocked layouts; max-pooling
/// workspace and recomputed forward output), slot kScratchpadSlot belongs to
/// execute().
void *threadScratch(unsigned slot, size_t bytes);
inline constexpr unsigned kScratchpadSlot = 3;

/// Wraps the caller's dense buffer in a oneDNN memory in plain layout `tag`
/// (no copy).
dnnl::memory wrapUser(const MemRefDesc<float, 4> &d, dnnl::memory::format_tag tag);

/// Runs `body()` for the C ABI entry point `entry`. Any exception (a
/// KernelError from argument checks, a dnnl::error, bad_alloc...) is recorded
/// in the error slot as "[entry] <what>; <describe()>", `output` is zeroed
/// and the call returns normally: nothing propagates into compiled code.
template <typename Body, typename Describe>
void guardedCall(const char *entry, const MemRefDesc<float, 4> *output,
                 Describe &&describe, Body &&body) {
  std::string what;
  try {
    body();
    return;
  } catch (const KernelError &e) {
    what = e.what();
  } catch (const dnnl::error &e) {
    what = std::string("oneDNN error (status ") +
           std::to_string(static_cast<int>(e.status)) + "): " + e.what();
  } catch (const std::exception &e) {
    what = e.what();
  } catch (...) {
    what = "unknown exception";
  }
  try {
    recordError(std::string("[") + entry + "] " + what + "; " + describe());
  } catch (...) {
    recordError(std::string("[") + entry + "] failed");
  }
  zeroFill(output);
}

/// Throws a KernelError unless `d` is a usable dense row-major descriptor;
/// `name` is the argument's name in the message ("x", "dy"...).
void checkDense(const MemRefDesc<float, 4> *d, const char *name);

/// Output extent of a window `k` with stride `s` and symmetric padding `p`
/// over an input of extent `in` (floor mode, as PyTorch and oneDNN), or -1
/// when the window does not fit.
inline int64_t windowOutputSize(int64_t in, int64_t k, int64_t s, int64_t p) {
  if (in + 2 * p < k) return -1;
  return (in + 2 * p - k) / s + 1;
}

/// Throws unless 1 <= strides < 2^31 and 0 <= paddings < 2^31 (the bound
/// keeps size arithmetic far from overflow).
void checkStridePad(int64_t strideH, int64_t strideW, int64_t padH, int64_t padW);

} // namespace dlc::rt::onednn
