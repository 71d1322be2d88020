//===- IndexCheck.h - reporting an index out of range from compiled code -*- C++ -*-===//
//
// Ops that index with run-time integers (dl.embedding, dl.index_select,
// dl.index_add, dl.embedding_dense_backward) check every index on the
// calling thread before their loops run (which clamp, so they never touch
// memory out of bounds) and call this function for a bad one. It records
// "dl.embedding: index 7 is out of range [0, 5)" in the error slot
// (ErrorSlot.h) unless an error is pending; JitModule::call then throws it.
// Scalars only, so the compiler calls it without memref descriptors. Part of
// the C ABI compiled code links to; the JIT registers it beside the kernel
// table's symbols (backends/cpu/JitEngine.cpp).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>

namespace dlc::rt {

/// Which op checked the index: the first argument of the call.
enum class IndexSite : int64_t {
  Embedding = 0,
  EmbeddingDenseBackward = 1,
  IndexSelect = 2,
  IndexAdd = 3,
};

/// "dl.embedding", ... ("an indexing op" for an unknown site).
const char *indexSiteName(int64_t site);

/// The symbol compiled code calls.
inline constexpr const char *kIndexErrorSymbol = "dlc_rt_index_out_of_range";

} // namespace dlc::rt

extern "C" {
/// Records "<op>: index <index> is out of range [0, <bound>)".
void dlc_rt_index_out_of_range(int64_t site, int64_t index, int64_t bound);
}
