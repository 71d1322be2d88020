//===- TextFile.cpp - Reading UTF-8 text files with located errors --------===//

#include "runtime/text/TextFile.h"

#include "runtime/data/DataError.h"
#include "runtime/text/Utf8.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

namespace dlc::rt::text {

namespace {

/// Reads `file` to its end and applies readTextFile's checks; `name` is what
/// errors call it.
std::string readChecked(std::FILE *file, const std::string &name) {
  std::string text;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, n);
  // fread also stops at EOF; only a set error flag means the read failed
  // (reading a directory, an I/O error).
  if (std::ferror(file))
    throw DataError(fmt::format("{}: cannot read file: {}", name, std::strerror(errno)));
  if (std::string_view(text).starts_with(kUtf8ByteOrderMark))
    text.erase(0, kUtf8ByteOrderMark.size());
  if (text.empty()) throw DataError(fmt::format("{}: file is empty", name));
  checkUtf8(text, name);
  return text;
}

} // namespace

std::string readTextFile(const std::string &path) {
  struct Closer {
    void operator()(std::FILE *f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, Closer> file(std::fopen(path.c_str(), "rb"));
  if (!file)
    throw DataError(fmt::format("{}: cannot open file: {}", path, std::strerror(errno)));
  return readChecked(file.get(), path);
}

std::string readStandardInput() { return readChecked(stdin, "<stdin>"); }

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

} // namespace dlc::rt::text
