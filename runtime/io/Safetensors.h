//===- Safetensors.h - huggingface safetensors files ------------*- C++ -*-===//
//
// The format (github.com/huggingface/safetensors): an 8-byte little-endian
// u64 N, N bytes of UTF-8 JSON
//   {"__metadata__": {"k": "v"},
//    "0.weight": {"dtype": "F32", "shape": [6, 1, 5, 5], "data_offsets": [0, 600]}, ...}
// then the data buffer; data_offsets are [begin, end) relative to the start
// of the buffer, elements little-endian in C order.
//
// dtypes and dlc's element types:
//   F32 f32, F64 f64, BF16 bf16, I64 i64, I32 i32, I8 i8, BOOL i1.
// dlc has no unsigned element type, so a U8 entry is an error naming the
// tensor, as are the other safetensors dtypes (F16, I16, F8_*...); the whole
// file is then rejected, nothing is read.
//
// The reader checks the whole header before it reads or allocates any
// tensor: the file holds the 8 length bytes, N fits in the file and is at
// most 100 MB (the reference library's cap), the JSON is strict and an
// object, every entry has exactly dtype/shape/data_offsets of the right
// types, a supported dtype, non-negative dimensions whose product times the
// element size equals end - begin without overflow, offsets within the
// buffer, no two entries overlap and together they cover the buffer exactly
// (the format requires it), names are unique, and __metadata__ maps strings
// to strings. BOOL elements must be 0 or 1. Every error is a DataError
// "PATH: PROBLEM" naming the tensor or header byte.
//
// The writer sorts tensors by name (std::map order) and lays them out in
// that order, writes the header compactly (as the reference library does:
// __metadata__ first, omitted when empty) padded with spaces to a multiple
// of 8 bytes. writeSafetensors is atomic: it writes PATH.tmp.<pid>, fsyncs
// it, renames it over PATH and fsyncs the directory; on any error it
// removes the temporary file and throws with the errno text, and PATH keeps
// its previous contents. A process killed while saving leaves PATH intact
// (and its PATH.tmp.<pid> behind).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "runtime/core/HostTensor.h"
#include "runtime/data/DataError.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace dlc::rt {

/// The contents of a safetensors file.
struct TensorFile {
  std::map<std::string, HostTensor> tensors;
  std::map<std::string, std::string> metadata;
};

/// Reads a safetensors file. Throws DataError naming `path` and the problem.
TensorFile readSafetensors(const std::string &path);

/// Parses the bytes of a safetensors file; `what` names it in errors.
TensorFile parseSafetensors(std::string_view bytes, const std::string &what);

/// The bytes of a safetensors file holding `tensors` and `metadata`.
/// Throws DataError for a tensor without storage, a dtype safetensors lacks
/// or a name or metadata string that is not valid UTF-8.
std::string formatSafetensors(const std::map<std::string, HostTensor> &tensors,
                              const std::map<std::string, std::string> &metadata = {});

/// Writes a safetensors file atomically (see the header comment). Throws
/// DataError naming `path`, with the errno text for I/O errors.
void writeSafetensors(const std::string &path, const std::map<std::string, HostTensor> &tensors,
                      const std::map<std::string, std::string> &metadata = {});

/// The safetensors dtype of `t` ("F32", "BOOL"...).
const char *safetensorsDType(DType t);

/// For tests: called before every write(2) writeSafetensors makes, with the
/// file offset and byte count; a test throws here (or kills the process) to
/// simulate a save that fails midway. An empty function removes the hook.
void setSafetensorsWriteHookForTesting(std::function<void(uint64_t offset, size_t size)> hook);

} // namespace dlc::rt
