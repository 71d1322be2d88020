//===- Output.cpp - writing dlc's outputs so failures are reported --------===//
#include "tools/dlc/Output.h"

#include "frontend/Error.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

namespace dlc::tools {

namespace {

/// Takes the error out of `os` (so its destructor does not abort) and throws.
[[noreturn]] void throwWriteError(llvm::raw_fd_ostream &os, llvm::StringRef what) {
  std::error_code ec = os.error();
  os.clear_error();
  throw Error("cannot write " + what.str() + ": " + ec.message());
}

} // namespace

void writeOutput(llvm::StringRef path, llvm::function_ref<void(llvm::raw_ostream &)> print) {
  if (path == "-") {
    llvm::raw_fd_ostream &out = llvm::outs();
    print(out);
    out.flush();
    if (out.has_error()) throwWriteError(out, "to standard output");
    return;
  }
  // A device or FIFO (-o /dev/stdout) cannot be replaced by a rename:
  // write to it directly.
  llvm::sys::fs::file_status status;
  if (!llvm::sys::fs::status(path, status) && llvm::sys::fs::exists(status) &&
      !llvm::sys::fs::is_regular_file(status) && !llvm::sys::fs::is_directory(status)) {
    std::error_code ec;
    llvm::raw_fd_ostream out(path, ec);
    if (ec) throw Error("cannot write " + path.str() + ": " + ec.message());
    print(out);
    out.close();
    if (out.has_error()) throwWriteError(out, path);
    return;
  }
  // The temporary lives beside `path` so the rename stays on one file
  // system; TempFile also removes it if a signal kills dlc.
  llvm::Expected<llvm::sys::fs::TempFile> temp =
      llvm::sys::fs::TempFile::create(path + "-%%%%%%.tmp");
  if (!temp)
    throw Error("cannot write " + path.str() + ": " + llvm::toString(temp.takeError()));
  {
    llvm::raw_fd_ostream out(temp->FD, /*shouldClose=*/false);
    print(out);
    out.flush();
    if (out.has_error()) {
      std::error_code ec = out.error();
      out.clear_error();
      llvm::consumeError(temp->discard());
      throw Error("cannot write " + path.str() + ": " + ec.message());
    }
  }
  if (llvm::Error e = temp->keep(path))
    throw Error("cannot write " + path.str() + ": " + llvm::toString(std::move(e)));
}

void flushStandardOutput() {
  // C stdio first: printf and llvm::outs() share file descriptor 1.
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    int err = errno;
    std::clearerr(stdout);
    throw Error(std::string("cannot write to standard output: ") + std::strerror(err));
  }
  llvm::raw_fd_ostream &out = llvm::outs();
  out.flush();
  if (out.has_error()) throwWriteError(out, "to standard output");
}

} // namespace dlc::tools
