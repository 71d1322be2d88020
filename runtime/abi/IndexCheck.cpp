//===- IndexCheck.cpp - reporting an index out of range from compiled code ===//
#include "runtime/abi/IndexCheck.h"

#include "runtime/abi/ErrorSlot.h"

#include <string>

namespace dlc::rt {

const char *indexSiteName(int64_t site) {
  switch (static_cast<IndexSite>(site)) {
  case IndexSite::Embedding: return "dl.embedding";
  case IndexSite::EmbeddingDenseBackward: return "dl.embedding_dense_backward";
  case IndexSite::IndexSelect: return "dl.index_select";
  case IndexSite::IndexAdd: return "dl.index_add";
  }
  return "an indexing op";
}

} // namespace dlc::rt

extern "C" void dlc_rt_index_out_of_range(int64_t site, int64_t index, int64_t bound) {
  // Never throw into compiled code: a failed allocation loses the message only.
  try {
    dlc::rt::recordError(std::string(dlc::rt::indexSiteName(site)) + ": index " +
                         std::to_string(index) + " is out of range [0, " +
                         std::to_string(bound) + ")");
  } catch (...) {
  }
}
