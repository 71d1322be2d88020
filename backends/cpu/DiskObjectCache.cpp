//===- DiskObjectCache.cpp - object code kept across runs -----------------===//
#include "backends/cpu/DiskObjectCache.h"
#include "backends/cpu/JitCounters.h"

#include "llvm/IR/Module.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <cstring>

namespace dlc::cpu {

namespace {
constexpr llvm::StringLiteral kMagic("DLCOBJ1\n");
constexpr size_t kHeaderSize = 8 + 8 + 8;
} // namespace

DiskObjectCache::DiskObjectCache(std::string dir, bool verbose)
    : dir_(std::move(dir)), verbose_(verbose) {}

std::string DiskObjectCache::pathFor(llvm::StringRef key) const {
  llvm::SmallString<256> p(dir_);
  llvm::sys::path::append(p, key + ".dlcobj");
  return std::string(p);
}

void DiskObjectCache::reject(const std::string &path, const std::string &why) {
  ++jitCounters().diskRejected;
  llvm::errs() << "dlc: warning: ignoring JIT cache file '" << path << "': " << why
               << "; recompiling\n";
}

std::unique_ptr<llvm::MemoryBuffer> DiskObjectCache::load(llvm::StringRef key) {
  std::string path = pathFor(key);
  lookedUp_.insert(key);
  auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file) {
    if (file.getError() != std::errc::no_such_file_or_directory)
      reject(path, file.getError().message());
    else if (verbose_)
      llvm::errs() << "dlc: jit cache: miss " << path << "\n";
    return nullptr;
  }
  llvm::StringRef bytes = (*file)->getBuffer();
  if (bytes.size() < kHeaderSize || !bytes.starts_with(kMagic)) {
    reject(path, "not a dlc object cache file (bad header)");
    return nullptr;
  }
  using llvm::support::endian::read64le;
  uint64_t size = read64le(bytes.data() + 8);
  uint64_t sum = read64le(bytes.data() + 16);
  llvm::StringRef payload = bytes.drop_front(kHeaderSize);
  if (payload.size() != size) {
    reject(path, "truncated: " + std::to_string(payload.size()) + " of " +
                     std::to_string(size) + " object bytes");
    return nullptr;
  }
  if (llvm::xxh3_64bits(payload) != sum) {
    reject(path, "checksum mismatch");
    return nullptr;
  }
  if (verbose_) llvm::errs() << "dlc: jit cache: hit " << path << "\n";
  ++jitCounters().diskHits;
  return llvm::MemoryBuffer::getMemBufferCopy(payload, path);
}

void DiskObjectCache::store(llvm::StringRef key, llvm::StringRef object) {
  std::string path = pathFor(key);
  auto warn = [&](const std::string &why) {
    llvm::errs() << "dlc: warning: cannot write JIT cache file '" << path << "': " << why
                 << "\n";
  };
  if (std::error_code ec = llvm::sys::fs::create_directories(dir_)) return warn(ec.message());
  int fd;
  llvm::SmallString<256> tmp;
  if (std::error_code ec = llvm::sys::fs::createUniqueFile(path + ".tmp-%%%%%%%%", fd, tmp))
    return warn(ec.message());
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    char header[kHeaderSize];
    std::memcpy(header, kMagic.data(), 8);
    llvm::support::endian::write64le(header + 8, object.size());
    llvm::support::endian::write64le(header + 16, llvm::xxh3_64bits(object));
    os.write(header, kHeaderSize);
    os << object;
    os.close();
    if (os.has_error()) {
      warn(os.error().message());
      os.clear_error();
      llvm::sys::fs::remove(tmp);
      return;
    }
  }
  if (std::error_code ec = llvm::sys::fs::rename(tmp, path)) {
    llvm::sys::fs::remove(tmp);
    return warn(ec.message());
  }
  ++jitCounters().diskWrites;
  if (verbose_) llvm::errs() << "dlc: jit cache: wrote " << path << "\n";
}

void DiskObjectCache::notifyObjectCompiled(const llvm::Module *m, llvm::MemoryBufferRef object) {
  store(m->getModuleIdentifier(), object.getBuffer());
}

std::unique_ptr<llvm::MemoryBuffer> DiskObjectCache::getObject(const llvm::Module *m) {
  // JitModule looks before lowering; a key it found missing or damaged
  // need not be read (and reported) again.
  if (lookedUp_.contains(m->getModuleIdentifier())) return nullptr;
  return load(m->getModuleIdentifier());
}

} // namespace dlc::cpu
