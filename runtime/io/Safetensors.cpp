//===- Safetensors.cpp - huggingface safetensors files --------------------===//
#include "runtime/io/Safetensors.h"

#include "runtime/io/Json.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace dlc::rt {

namespace {

/// The reference implementation's MAX_HEADER_SIZE.
constexpr uint64_t kMaxHeader = 100'000'000;
/// Each write(2) of the data is at most this long (and the hook sees each).
constexpr size_t kWriteChunk = size_t(1) << 20;

std::function<void(uint64_t, size_t)> &writeHook() {
  static std::function<void(uint64_t, size_t)> hook;
  return hook;
}

struct DTypeName {
  const char *name;
  DType type;
};
constexpr DTypeName kDTypes[] = {
    {"F32", DType::F32}, {"F64", DType::F64}, {"BF16", DType::BF16}, {"I64", DType::I64},
    {"I32", DType::I32}, {"I8", DType::I8},   {"BOOL", DType::I1},
};
constexpr const char *kSupported = "F32 F64 BF16 I64 I32 I8 BOOL";
/// safetensors dtypes dlc has no element type for.
constexpr const char *kUnsupported[] = {"U8",  "I16",     "U16",     "F16",
                                        "U32", "U64",     "F8_E5M2", "F8_E4M3"};

[[noreturn]] void fail(const std::string &what, const std::string &problem) {
  throw DataError(what + ": " + problem);
}

std::string quoted(const std::string &name) { return "'" + name + "'"; }

/// One checked header entry.
struct Entry {
  std::string name;
  DType dtype;
  std::vector<int64_t> shape;
  uint64_t begin = 0, end = 0;
};

struct Header {
  std::vector<Entry> entries;
  std::map<std::string, std::string> metadata;
};

/// "[2, 3]" from the JSON array as written ("[2, -1]", "[2, \"a\"]").
std::string arrayText(const json::Value &v) {
  std::string out = "[";
  for (size_t i = 0; i < v.items.size(); ++i) {
    const json::Value &e = v.items[i];
    out += i ? ", " : "";
    out += e.kind == json::Value::Kind::Number ? e.text
           : e.kind == json::Value::Kind::String ? json::quote(e.text)
                                                  : json::describe(e.kind);
  }
  return out + "]";
}

std::string offsetsText(uint64_t begin, uint64_t end) {
  return "data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) + "]";
}

DType entryDType(const json::Value &v, const std::string &what, const std::string &tensor) {
  if (v.kind != json::Value::Kind::String)
    fail(what, "tensor " + quoted(tensor) + ": dtype is " + json::describe(v.kind) +
                   ", not a string");
  for (const DTypeName &d : kDTypes)
    if (v.text == d.name) return d.type;
  for (const char *u : kUnsupported)
    if (v.text == u)
      fail(what, "tensor " + quoted(tensor) + ": dtype " + v.text +
                     " has no dlc element type (dlc reads " + kSupported + ")");
  fail(what, "tensor " + quoted(tensor) + ": unknown dtype " + json::quote(v.text) +
                 " (dlc reads " + kSupported + ")");
}

Entry checkEntry(const std::string &name, const json::Value &v, uint64_t dataSize,
                 const std::string &what) {
  std::string t = "tensor " + quoted(name);
  if (!v.isObject()) fail(what, t + ": entry is " + json::describe(v.kind) + ", not an object");
  for (const auto &[key, member] : v.members)
    if (key != "dtype" && key != "shape" && key != "data_offsets")
      fail(what, t + ": unknown key " + json::quote(key) +
                     " (an entry has dtype, shape and data_offsets)");
  const json::Value *dtype = v.find("dtype"), *shape = v.find("shape"),
                    *offsets = v.find("data_offsets");
  for (auto [member, key] : {std::pair{dtype, "dtype"}, {shape, "shape"}, {offsets, "data_offsets"}})
    if (!member) fail(what, t + ": no '" + key + "'");

  Entry e;
  e.name = name;
  e.dtype = entryDType(*dtype, what, name);

  if (shape->kind != json::Value::Kind::Array)
    fail(what, t + ": shape is " + json::describe(shape->kind) + ", not an array");
  uint64_t bytes = rt::bytes(e.dtype);
  bool overflow = false;
  for (const json::Value &d : shape->items) {
    std::optional<uint64_t> n = json::asUInt64(d);
    if (!n || *n > uint64_t(std::numeric_limits<int64_t>::max()))
      fail(what, t + ": shape " + arrayText(*shape) +
                     " has a dimension that is not a non-negative integer");
    e.shape.push_back(int64_t(*n));
    overflow |= __builtin_mul_overflow(bytes, *n, &bytes);
  }
  if (overflow)
    fail(what, t + ": " + dtype->text + " shape " + arrayText(*shape) +
                   " is too large (its byte size overflows 64 bits)");

  if (offsets->kind != json::Value::Kind::Array || offsets->items.size() != 2)
    fail(what, t + ": data_offsets must be an array [begin, end]");
  std::optional<uint64_t> begin = json::asUInt64(offsets->items[0]),
                          end = json::asUInt64(offsets->items[1]);
  if (!begin || !end)
    fail(what, t + ": data_offsets " + arrayText(*offsets) +
                   " are not non-negative integers");
  e.begin = *begin, e.end = *end;
  std::string at = t + " " + offsetsText(e.begin, e.end);
  if (e.begin > e.end) fail(what, at + ": begin is after end");
  if (e.end > dataSize)
    fail(what, at + " end past the data (" + std::to_string(dataSize) + " bytes)");
  if (e.end - e.begin != bytes)
    fail(what, at + " hold " + std::to_string(e.end - e.begin) + " bytes, but " + dtype->text +
                   " shape " + arrayText(*shape) + " needs " + std::to_string(bytes));
  return e;
}

/// Entries sorted by offset must tile [0, dataSize) exactly.
void checkCoverage(std::vector<Entry> &entries, uint64_t dataSize, const std::string &what) {
  std::vector<const Entry *> order;
  for (const Entry &e : entries) order.push_back(&e);
  std::sort(order.begin(), order.end(), [](const Entry *a, const Entry *b) {
    return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
  });
  uint64_t covered = 0;
  const Entry *prev = nullptr;
  auto gap = [&](uint64_t from, uint64_t to) {
    fail(what, "bytes [" + std::to_string(from) + ", " + std::to_string(to) +
                   ") of the data belong to no tensor (the tensors must cover the data exactly)");
  };
  for (const Entry *e : order) {
    if (e->begin < covered)
      fail(what, "tensors " + quoted(prev->name) + " " + offsetsText(prev->begin, prev->end) +
                     " and " + quoted(e->name) + " " + offsetsText(e->begin, e->end) +
                     " overlap");
    if (e->begin > covered) gap(covered, e->begin);
    covered = e->end;
    prev = e;
  }
  if (covered < dataSize) gap(covered, dataSize);
}

Header checkHeader(std::string_view text, uint64_t dataSize, const std::string &what) {
  json::Value doc;
  try {
    doc = json::parse(text);
  } catch (const json::ParseError &e) {
    fail(what, "malformed header JSON at header " + std::string(e.what()));
  }
  if (!doc.isObject())
    fail(what, std::string("header is ") + json::describe(doc.kind) + ", not a JSON object");
  Header h;
  for (const auto &[name, v] : doc.members) {
    if (name == "__metadata__") {
      if (!v.isObject())
        fail(what, std::string("__metadata__ is ") + json::describe(v.kind) +
                       ", not an object of strings");
      for (const auto &[k, s] : v.members) {
        if (s.kind != json::Value::Kind::String)
          fail(what, "__metadata__ " + json::quote(k) + " is " + json::describe(s.kind) +
                         ", not a string");
        h.metadata[k] = s.text;
      }
      continue;
    }
    h.entries.push_back(checkEntry(name, v, dataSize, what));
  }
  checkCoverage(h.entries, dataSize, what);
  return h;
}

/// Where the bytes come from: a file (pread) or memory.
using ReadAt = std::function<void(uint64_t offset, void *dst, size_t n)>;

uint64_t readLE64(const unsigned char *b) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= uint64_t(b[i]) << (8 * i);
  return v;
}

TensorFile load(uint64_t fileSize, const ReadAt &readAt, const std::string &what) {
  if (fileSize < 8)
    fail(what, "file is " + std::to_string(fileSize) +
                   " bytes, too short for the 8-byte header length (not a safetensors file?)");
  unsigned char lenBytes[8];
  readAt(0, lenBytes, 8);
  uint64_t n = readLE64(lenBytes);
  if (n > fileSize - 8)
    fail(what, "truncated header: the header length is " + std::to_string(n) +
                   " bytes, the file has " + std::to_string(fileSize - 8) + " after it");
  if (n > kMaxHeader)
    fail(what, "header length " + std::to_string(n) + " exceeds the limit of " +
                   std::to_string(kMaxHeader) + " bytes (not a safetensors file?)");
  std::string text(n, '\0');
  readAt(8, text.data(), n);
  uint64_t dataStart = 8 + n, dataSize = fileSize - dataStart;
  Header h = checkHeader(text, dataSize, what);

  TensorFile out;
  out.metadata = std::move(h.metadata);
  for (const Entry &e : h.entries) {
    HostTensor t(e.shape, e.dtype); // sizes were checked against the file above
    readAt(dataStart + e.begin, t.data(), e.end - e.begin);
    if (e.dtype == DType::I1) {
      const auto *p = static_cast<const unsigned char *>(t.data());
      for (int64_t i = 0; i < t.numel(); ++i)
        if (p[i] > 1)
          fail(what, "tensor " + quoted(e.name) + ": BOOL element " + std::to_string(i) + " is " +
                         std::to_string(p[i]) + ", not 0 or 1");
    }
    out.tensors.emplace(e.name, std::move(t));
  }
  return out;
}

std::string errnoText(const std::string &doing) { return doing + ": " + std::strerror(errno); }

/// The 8 length bytes and the padded header for `tensors`, laid out in name order.
std::string headerBytes(const std::map<std::string, HostTensor> &tensors,
                        const std::map<std::string, std::string> &metadata,
                        const std::string &what) {
  std::string json = "{";
  if (!metadata.empty()) {
    json += "\"__metadata__\":{";
    bool first = true;
    for (const auto &[k, v] : metadata) {
      if (!json::isValidUtf8(k)) fail(what, "a __metadata__ key is not valid UTF-8");
      if (!json::isValidUtf8(v))
        fail(what, "__metadata__ " + json::quote(k) + " is not valid UTF-8");
      json += (first ? "" : ",") + json::quote(k) + ":" + json::quote(v);
      first = false;
    }
    json += "}";
  }
  uint64_t offset = 0;
  for (const auto &[name, t] : tensors) {
    if (name == "__metadata__") fail(what, "a tensor cannot be named '__metadata__'");
    if (!json::isValidUtf8(name)) fail(what, "a tensor name is not valid UTF-8");
    if (t.empty()) fail(what, "tensor " + quoted(name) + " has no storage");
    const char *dtype = safetensorsDType(t.dtype());
    std::string shape;
    for (int64_t d : t.shape()) shape += (shape.empty() ? "" : ",") + std::to_string(d);
    uint64_t end = offset + t.sizeInBytes();
    json += std::string(json.size() > 1 ? "," : "") + json::quote(name) + ":{\"dtype\":\"" + dtype +
            "\",\"shape\":[" + shape + "],\"data_offsets\":[" + std::to_string(offset) + "," +
            std::to_string(end) + "]}";
    offset = end;
  }
  json += "}";
  json.append((8 - json.size() % 8) % 8, ' ');
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i) out[i] = char((uint64_t(json.size()) >> (8 * i)) & 0xff);
  return out + json;
}

/// Writes all of [p, p + n) at file offset `offset`, retrying short writes.
void writeAll(int fd, uint64_t offset, const char *p, size_t n, const std::string &tmp) {
  while (n > 0) {
    size_t chunk = std::min(n, kWriteChunk);
    if (writeHook()) writeHook()(offset, chunk);
    ssize_t w = ::write(fd, p, chunk);
    if (w < 0) {
      if (errno == EINTR) continue;
      throw DataError(errnoText("cannot write " + tmp));
    }
    p += w, n -= size_t(w), offset += uint64_t(w);
  }
}

} // namespace

const char *safetensorsDType(DType t) {
  for (const DTypeName &d : kDTypes)
    if (d.type == t) return d.name;
  throw DataError(std::string("element type ") + name(t) + " has no safetensors dtype");
}

TensorFile parseSafetensors(std::string_view bytes, const std::string &what) {
  return load(bytes.size(), [&](uint64_t offset, void *dst, size_t n) {
    std::memcpy(dst, bytes.data() + offset, n); // load() only asks within the size it was given
  }, what);
}

TensorFile readSafetensors(const std::string &path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(path, errnoText("cannot open"));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st;
  if (::fstat(fd, &st) != 0) fail(path, errnoText("cannot stat"));
  if (!S_ISREG(st.st_mode)) fail(path, "not a regular file");
  uint64_t size = uint64_t(st.st_size);
  return load(size, [&](uint64_t offset, void *dst, size_t n) {
    char *p = static_cast<char *>(dst);
    while (n > 0) {
      ssize_t r = ::pread(fd, p, n, off_t(offset));
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) fail(path, errnoText("read error at byte " + std::to_string(offset)));
      if (r == 0)
        fail(path, "unexpected end of file at byte " + std::to_string(offset) +
                       " (the file shrank while it was read)");
      p += r, n -= size_t(r), offset += uint64_t(r);
    }
  }, path);
}

std::string formatSafetensors(const std::map<std::string, HostTensor> &tensors,
                              const std::map<std::string, std::string> &metadata) {
  std::string out = headerBytes(tensors, metadata, "safetensors");
  for (const auto &[name, t] : tensors)
    out.append(static_cast<const char *>(t.data()), t.sizeInBytes());
  return out;
}

void writeSafetensors(const std::string &path, const std::map<std::string, HostTensor> &tensors,
                      const std::map<std::string, std::string> &metadata) {
  std::string head = headerBytes(tensors, metadata, path);
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, errnoText("cannot create " + tmp));
  try {
    writeAll(fd, 0, head.data(), head.size(), tmp);
    uint64_t offset = head.size();
    for (const auto &[name, t] : tensors) {
      writeAll(fd, offset, static_cast<const char *>(t.data()), t.sizeInBytes(), tmp);
      offset += t.sizeInBytes();
    }
    if (::fsync(fd) != 0) throw DataError(errnoText("cannot fsync " + tmp));
    int rc = ::close(fd);
    fd = -1;
    if (rc != 0) throw DataError(errnoText("cannot close " + tmp));
    if (::rename(tmp.c_str(), path.c_str()) != 0)
      throw DataError(errnoText("cannot rename " + tmp + " to " + path));
  } catch (const std::exception &e) {
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    fail(path, e.what());
  } catch (...) {
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  // The rename is durable once the directory is.
  std::string dir = std::filesystem::path(path).parent_path().string();
  if (dir.empty()) dir = ".";
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) fail(path, errnoText("written, but cannot open its directory " + dir + " to fsync"));
  int rc = ::fsync(dfd);
  int saved = errno;
  ::close(dfd);
  errno = saved;
  if (rc != 0) fail(path, errnoText("written, but cannot fsync its directory " + dir));
}

void setSafetensorsWriteHookForTesting(std::function<void(uint64_t offset, size_t size)> hook) {
  writeHook() = std::move(hook);
}

} // namespace dlc::rt
