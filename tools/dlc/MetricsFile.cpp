//===- MetricsFile.cpp - dlc train's --metrics file (JSON lines) ----------===//
#include "tools/dlc/MetricsFile.h"

#include "frontend/Error.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

namespace dlc::tools {

namespace fs = llvm::sys::fs;

MetricsFile::MetricsFile(std::string p) : path(std::move(p)) {
  fs::file_status status;
  if (!fs::status(path, status) && fs::exists(status)) {
    if (fs::is_directory(status))
      throw Error("cannot write metrics file '" + path + "': it is a directory");
    direct = !fs::is_regular_file(status);
  }
  if (direct) return;
  // Fail before training if no temporary file can be created beside it (no
  // such directory, no permission); the old file stays as it is.
  llvm::Expected<fs::TempFile> probe = fs::TempFile::create(path + "-%%%%%%.tmp");
  if (!probe)
    throw Error("cannot write metrics file '" + path + "': " + llvm::toString(probe.takeError()));
  llvm::consumeError(probe->discard());
}

llvm::json::Value MetricsFile::number(double x) {
  if (std::isfinite(x)) return x;
  return nullptr;
}

void MetricsFile::append(const llvm::json::Object &line, Commit commit) {
  {
    llvm::raw_string_ostream os(contents);
    os << llvm::json::Value(llvm::json::Object(line)) << "\n";
  }
  pending = true;
  if (commit == Commit::Now) flush();
}

void MetricsFile::flush() {
  if (!pending) return;
  replaceContents();
  pending = false;
}

llvm::json::Object MetricsFile::stepRecord(int64_t step, int64_t epoch, int64_t batch,
                                           int64_t batchesPerEpoch, double loss) {
  double fraction = batchesPerEpoch > 0 ? double(batch) / double(batchesPerEpoch) : 1.0;
  return llvm::json::Object{{"step", step},
                            {"epoch", double(epoch - 1) + fraction},
                            {"loss", number(loss)}};
}

void MetricsFile::replaceContents() {
  auto fail = [&](const std::string &why) -> void {
    throw Error("cannot write metrics file '" + path + "': " + why);
  };
  if (direct) {
    // A FIFO or device cannot be replaced: write the new line only.
    std::error_code ec;
    llvm::raw_fd_ostream out(path, ec, fs::OF_Append);
    if (ec) fail(ec.message());
    out << llvm::StringRef(contents).substr(directWritten);
    out.close();
    if (out.has_error()) {
      ec = out.error();
      out.clear_error();
      fail(ec.message());
    }
    directWritten = contents.size();
    return;
  }
  llvm::Expected<fs::TempFile> temp = fs::TempFile::create(path + "-%%%%%%.tmp");
  if (!temp) fail(llvm::toString(temp.takeError()));
  {
    llvm::raw_fd_ostream out(temp->FD, /*shouldClose=*/false);
    out << contents;
    out.flush();
    if (out.has_error()) {
      std::error_code ec = out.error();
      out.clear_error();
      llvm::consumeError(temp->discard());
      fail(ec.message());
    }
  }
  if (llvm::Error e = temp->keep(path)) fail(llvm::toString(std::move(e)));
}

} // namespace dlc::tools
