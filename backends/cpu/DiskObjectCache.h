//===- DiskObjectCache.h - object code kept across runs ----------*- C++ -*-===//
//
// An llvm::ObjectCache over a directory: one file per compile key (the LLVM
// module's identifier is the key), `<dir>/<key>.dlcobj`:
//
//   "DLCOBJ1\n"   8-byte magic (bumped when the layout changes)
//   u64 size      payload bytes, little-endian
//   u64 xxh3      xxh3_64 of the payload
//   payload       the relocatable object LLVM compiled
//
// Files are written to a unique temporary in the same directory and renamed
// into place, so a reader sees a complete file or none, and concurrent
// writers of one key both leave a valid file. A file whose magic, size or
// checksum is wrong (truncated, corrupted, another version) is ignored with
// a warning and recompiled: a cache can make compiling faster, never wrong.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ExecutionEngine/ObjectCache.h"

#include <memory>
#include <string>

namespace dlc::cpu {

class DiskObjectCache : public llvm::ObjectCache {
public:
  /// `verbose`: one stderr line per hit, miss and write.
  DiskObjectCache(std::string dir, bool verbose);

  /// The validated object for `key`, or null (missing or rejected file).
  std::unique_ptr<llvm::MemoryBuffer> load(llvm::StringRef key);
  /// Writes the object for `key` atomically; failures are warnings.
  void store(llvm::StringRef key, llvm::StringRef object);

  // llvm::ObjectCache: LLVM's compiler asks before compiling a module and
  // reports each object it compiled.
  void notifyObjectCompiled(const llvm::Module *m, llvm::MemoryBufferRef object) override;
  std::unique_ptr<llvm::MemoryBuffer> getObject(const llvm::Module *m) override;

  std::string pathFor(llvm::StringRef key) const;

private:
  void reject(const std::string &path, const std::string &why);
  std::string dir_;
  bool verbose_;
  llvm::StringSet<> lookedUp_; ///< keys load() has read (or found missing)
};

} // namespace dlc::cpu
