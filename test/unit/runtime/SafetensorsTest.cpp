//===- SafetensorsTest.cpp - safetensors: Python's files, round trips, bad input ===//
//
// Files in DLC_STATE_DICT_FIXTURES were written by test/oracle/state_dict.py
// (PyTorch tensors, the format laid out as the reference library does); the
// expected values below are that script's formulas recomputed here. Bad
// files are built byte by byte; failed saves are simulated with the write
// hook (throwing, or killing a fork()ed child mid-write).
//
//===----------------------------------------------------------------------===//
#include "runtime/io/Safetensors.h"

#include <gtest/gtest.h>

#include <cmath>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include <sys/wait.h>
#include <unistd.h>

using namespace dlc::rt;
namespace fs = std::filesystem;

namespace {

std::string fixture(const std::string &name) {
  return std::string(DLC_STATE_DICT_FIXTURES) + "/" + name;
}

std::string slurp(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void spit(const std::string &path, const std::string &bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), std::streamsize(bytes.size()));
}

/// A fresh directory under the test temp dir, removed at the end.
struct TempDir {
  TempDir() {
    std::string pattern = (fs::path(::testing::TempDir()) / "dlc-safetensors-XXXXXX").string();
    path = mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path); }
  std::string operator/(const std::string &name) const { return (fs::path(path) / name).string(); }
  /// Names of the files in the directory.
  std::vector<std::string> files() const {
    std::vector<std::string> out;
    for (const auto &e : fs::directory_iterator(path)) out.push_back(e.path().filename());
    std::sort(out.begin(), out.end());
    return out;
  }
  std::string path;
};

/// A safetensors file by hand: header text (unpadded) and data bytes.
std::string file(const std::string &header, const std::string &data) {
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i) out[i] = char((header.size() >> (8 * i)) & 0xff);
  return out + header + data;
}

/// The DataError message parsing `bytes` gives ("no error" if none).
std::string errorOf(const std::string &bytes) {
  try {
    parseSafetensors(bytes, "t.safetensors");
  } catch (const DataError &e) {
    return e.what();
  }
  return "no error";
}

std::string errorOfFile(const std::string &path) {
  try {
    readSafetensors(path);
  } catch (const DataError &e) {
    return e.what();
  }
  return "no error";
}

std::string bytesOf(const HostTensor &t) {
  return std::string(static_cast<const char *>(t.data()), t.sizeInBytes());
}

/// One tensor of every element type with distinct bytes, plus a scalar and an
/// empty tensor.
std::map<std::string, HostTensor> everyDType() {
  std::mt19937 rng(7);
  std::map<std::string, HostTensor> out;
  auto fill = [&](const std::string &name, std::vector<int64_t> shape, DType t) {
    HostTensor h(shape, t);
    auto *p = static_cast<unsigned char *>(h.data());
    for (size_t i = 0; i < h.sizeInBytes(); ++i) p[i] = t == DType::I1 ? rng() & 1 : rng() & 0xff;
    out.emplace(name, h);
  };
  fill("a.f32", {2, 3}, DType::F32);
  fill("b.f64", {3}, DType::F64);
  fill("c.bf16", {5}, DType::BF16);
  fill("d.i64", {2, 2}, DType::I64);
  fill("e.i32", {1, 3, 1}, DType::I32);
  fill("f.i8", {7}, DType::I8);
  fill("g.bool", {9}, DType::I1);
  fill("h.scalar", {}, DType::F64);
  fill("i.empty", {0, 4}, DType::F32);
  return out;
}

} // namespace

TEST(Safetensors, RoundTripsEveryDType) {
  TempDir dir;
  auto tensors = everyDType();
  std::map<std::string, std::string> meta{{"format", "pt"}, {"note", "naïve \"q\"\n\x01"}};
  writeSafetensors(dir / "a.safetensors", tensors, meta);
  std::string bytes = slurp(dir / "a.safetensors");
  EXPECT_EQ(bytes, formatSafetensors(tensors, meta));
  uint64_t n = 0;
  for (int i = 0; i < 8; ++i) n |= uint64_t(static_cast<unsigned char>(bytes[i])) << (8 * i);
  EXPECT_EQ(n % 8, 0u) << "the header is padded to a multiple of 8";
  EXPECT_EQ(bytes.substr(8, 16), "{\"__metadata__\":");

  TensorFile back = readSafetensors(dir / "a.safetensors");
  EXPECT_EQ(back.metadata, meta);
  ASSERT_EQ(back.tensors.size(), tensors.size());
  for (const auto &[name, t] : tensors) {
    const HostTensor &b = back.tensors.at(name);
    EXPECT_EQ(b.dtype(), t.dtype()) << name;
    EXPECT_EQ(b.shape(), t.shape()) << name;
    EXPECT_EQ(bytesOf(b), bytesOf(t)) << name;
  }
  EXPECT_EQ(dir.files(), std::vector<std::string>{"a.safetensors"}) << "no temporary file left";
}

TEST(Safetensors, ReadsWhatPythonWrote) {
  TensorFile f = readSafetensors(fixture("dtypes.safetensors"));
  EXPECT_EQ(f.metadata, (std::map<std::string, std::string>{
                            {"format", "pt"}, {"note", "na\xc3\xafve \"quoted\"\n\ttabbed"}}));
  ASSERT_EQ(f.tensors.size(), 9u);
  const HostTensor &f32 = f.tensors.at("f32");
  ASSERT_EQ(f32.shape(), (std::vector<int64_t>{2, 3}));
  for (int i = 0; i < 6; ++i) EXPECT_EQ(f32.f32()[i], i * 0.5f - 1) << i;
  const HostTensor &f64 = f.tensors.at("f64");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(f64.data<double>()[i], i / 3.0) << i;
  // bf16: torch's round-to-nearest-even, which BF16::fromFloat must agree with.
  const HostTensor &bf16 = f.tensors.at("bf16");
  float bfIn[] = {1.0f, -2.5f, 3.14159f, 1e-3f};
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(bf16.data<BF16>()[i].bits, BF16::fromFloat(bfIn[i]).bits) << i;
  EXPECT_EQ(bf16.data<BF16>()[2].bits, 16457); // 0x4049, printed by torch
  const HostTensor &i64 = f.tensors.at("i64");
  EXPECT_EQ(i64.data<int64_t>()[0], -(int64_t(1) << 40));
  EXPECT_EQ(i64.data<int64_t>()[2], (int64_t(1) << 40) + 1);
  const HostTensor &i32 = f.tensors.at("i32");
  ASSERT_EQ(i32.shape(), (std::vector<int64_t>{2, 2}));
  EXPECT_EQ(i32.i32()[0], -7);
  EXPECT_EQ(i32.i32()[3], 2147483647);
  const HostTensor &i8 = f.tensors.at("i8");
  EXPECT_EQ(i8.data<int8_t>()[0], -128);
  EXPECT_EQ(i8.data<int8_t>()[3], 127);
  const HostTensor &b = f.tensors.at("bool");
  EXPECT_EQ(b.dtype(), DType::I1);
  EXPECT_TRUE(b.data<bool>()[0]);
  EXPECT_FALSE(b.data<bool>()[1]);
  EXPECT_TRUE(b.data<bool>()[2]);
  EXPECT_EQ(f.tensors.at("scalar").shape(), std::vector<int64_t>{});
  EXPECT_EQ(f.tensors.at("scalar").f32()[0], 2.5f);
  EXPECT_EQ(f.tensors.at("empty").shape(), (std::vector<int64_t>{0, 3}));
}

TEST(Safetensors, WritesTheLayoutOfTheReferenceLibrary) {
  // Same-dtype tensors in name order, compact JSON, space padding: the bytes
  // of the Python-written file, exactly.
  std::string python = slurp(fixture("lenet.safetensors"));
  TensorFile f = parseSafetensors(python, "lenet.safetensors");
  ASSERT_EQ(f.tensors.size(), 10u);
  EXPECT_EQ(formatSafetensors(f.tensors, f.metadata), python);
}

TEST(Safetensors, U8HasNoElementType) {
  EXPECT_EQ(errorOfFile(fixture("u8.safetensors")),
            fixture("u8.safetensors") +
                ": tensor 'pixels': dtype U8 has no dlc element type (dlc reads F32 F64 BF16 I64 "
                "I32 I8 BOOL)");
}

TEST(Safetensors, EveryTruncationIsAnError) {
  TempDir dir;
  std::string whole = slurp(fixture("dtypes.safetensors"));
  ASSERT_GT(whole.size(), 600u);
  spit(dir / "cut.safetensors", whole);
  for (size_t len = whole.size(); len-- > 0;) {
    std::string msg = errorOf(whole.substr(0, len));
    EXPECT_EQ(msg.rfind("t.safetensors: ", 0), 0u) << len << ": " << msg;
    // The same through the file reader.
    fs::resize_file(dir / "cut.safetensors", len);
    std::string fileMsg = errorOfFile(dir / "cut.safetensors");
    EXPECT_EQ(fileMsg.substr(fileMsg.find(": ")), msg.substr(msg.find(": "))) << len;
  }
  EXPECT_EQ(errorOf(whole.substr(0, 5)),
            "t.safetensors: file is 5 bytes, too short for the 8-byte header length (not a "
            "safetensors file?)");
  EXPECT_EQ(errorOf(whole.substr(0, 100)),
            "t.safetensors: truncated header: the header length is 600 bytes, the file has 92 "
            "after it");
  EXPECT_EQ(errorOf(whole.substr(0, whole.size() - 1)),
            "t.safetensors: tensor 'bool' data_offsets [104, 107] end past the data (106 bytes)");
}

TEST(Safetensors, CorruptHeadersAreClearErrors) {
  const std::string f24(24, '\0');
  struct Case {
    std::string bytes, error;
  } cases[] = {
      {file(R"({"0.weight":{"dtype":"F32","shape":[24],"data_offsets":[0,96]}})", std::string(80, 0)),
       "tensor '0.weight' data_offsets [0, 96] end past the data (80 bytes)"},
      {file(R"({"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}})", std::string(20, 0)),
       "tensor 'a' data_offsets [0, 20] hold 20 bytes, but F32 shape [2, 3] needs 24"},
      {file(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
            R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})", std::string(12, 0)),
       "tensors 'a' data_offsets [0, 8] and 'b' data_offsets [4, 12] overlap"},
      {file(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})", std::string(8, 0)),
       "bytes [4, 8) of the data belong to no tensor (the tensors must cover the data exactly)"},
      {file(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", std::string(8, 0)),
       "bytes [0, 4) of the data belong to no tensor"},
      {file(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[8,4]}})", std::string(8, 0)),
       "tensor 'a' data_offsets [8, 4]: begin is after end"},
      {file(R"({"a":{"dtype":"F32","shape":[6],"data_offsets":[0,24]},)"
            R"("a":{"dtype":"F32","shape":[6],"data_offsets":[0,24]}})", f24),
       "malformed header JSON at header byte 55: duplicate key \"a\""},
      {file(R"({"a":{"dtype":"F32","shape":[6],"data_offsets":[0,24],})", f24),
       "malformed header JSON at header byte 54: expected a quoted key"},
      {file(R"({"a":{"dtype":"F17","shape":[6],"data_offsets":[0,24]}})", f24),
       "tensor 'a': unknown dtype \"F17\" (dlc reads F32 F64 BF16 I64 I32 I8 BOOL)"},
      {file(R"({"a":{"dtype":"F16","shape":[12],"data_offsets":[0,24]}})", f24),
       "tensor 'a': dtype F16 has no dlc element type"},
      {file(R"({"a":{"dtype":32,"shape":[6],"data_offsets":[0,24]}})", f24),
       "tensor 'a': dtype is a number, not a string"},
      {file(R"({"a":{"dtype":"F32","shape":[6,-1],"data_offsets":[0,24]}})", f24),
       "tensor 'a': shape [6, -1] has a dimension that is not a non-negative integer"},
      {file(R"({"a":{"dtype":"F32","shape":[6.0],"data_offsets":[0,24]}})", f24),
       "shape [6.0] has a dimension that is not a non-negative integer"},
      {file(R"({"a":{"dtype":"F32","shape":["6"],"data_offsets":[0,24]}})", f24),
       "shape [\"6\"] has a dimension"},
      {file(R"({"a":{"dtype":"F32","shape":6,"data_offsets":[0,24]}})", f24),
       "tensor 'a': shape is a number, not an array"},
      {file(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,24]}})", f24),
       "shape [4294967296, 4294967296] is too large (its byte size overflows 64 bits)"},
      {file(R"({"a":{"dtype":"F32","shape":[6],"data_offsets":[0]}})", f24),
       "tensor 'a': data_offsets must be an array [begin, end]"},
      {file(R"({"a":{"dtype":"F32","shape":[6],"data_offsets":[0,-24]}})", f24),
       "data_offsets [0, -24] are not non-negative integers"},
      {file(R"({"a":{"dtype":"F32","shape":[6]}})", f24), "tensor 'a': no 'data_offsets'"},
      {file(R"({"a":{"dtype":"F32","shape":[6],"data_offsets":[0,24],"x":1}})", f24),
       "tensor 'a': unknown key \"x\" (an entry has dtype, shape and data_offsets)"},
      {file(R"({"a":[6]})", f24), "tensor 'a': entry is an array, not an object"},
      {file(R"([1,2])", ""), "header is an array, not a JSON object"},
      {file(R"({"__metadata__":{"epoch":3}})", ""), "__metadata__ \"epoch\" is a number, not a string"},
      {file(R"({"__metadata__":[]})", ""), "__metadata__ is an array, not an object of strings"},
      {file("{\"\xff\":1}", ""), "malformed header JSON at header byte 2: invalid UTF-8"},
      {file(R"({} x)", ""), "unexpected text after the JSON value"},
      {file(std::string(1000, '[') , ""), "nested deeper than 64 levels"},
      {file("", ""), "malformed header JSON at header byte 0: unexpected end of text"},
      {file(R"({"b":{"dtype":"BOOL","shape":[3],"data_offsets":[0,3]}})", std::string("\1\2\0", 3)),
       "tensor 'b': BOOL element 1 is 2, not 0 or 1"},
      {std::string("\xff\xff\xff\xff\xff\xff\xff\x7f", 8) + "{}",
       "truncated header: the header length is 9223372036854775807 bytes, the file has 2 after it"},
  };
  for (const Case &c : cases) {
    std::string msg = errorOf(c.bytes);
    EXPECT_EQ(msg.rfind("t.safetensors: ", 0), 0u) << msg;
    EXPECT_NE(msg.find(c.error), std::string::npos) << "want: " << c.error << "\ngot:  " << msg;
  }
  // A valid file with no tensors and a padded header.
  EXPECT_EQ(errorOf(file("{}      ", "")), "no error");
}

TEST(Safetensors, HeaderLengthIsCapped) {
  // A sparse file long enough to hold a 100 MB header: the cap, not the size, rejects it.
  TempDir dir;
  std::string path = dir / "huge.safetensors";
  spit(path, std::string("\x01\xe1\xf5\x05\0\0\0\0", 8)); // 100000001
  fs::resize_file(path, 8 + 100000001 + 8);
  EXPECT_EQ(errorOfFile(path), path + ": header length 100000001 exceeds the limit of 100000000 "
                                      "bytes (not a safetensors file?)");
}

TEST(Safetensors, ReadErrorsNameTheFile) {
  TempDir dir;
  EXPECT_EQ(errorOfFile(dir / "none"), dir / "none" + ": cannot open: No such file or directory");
  EXPECT_EQ(errorOfFile(dir.path), dir.path + ": not a regular file");
}

TEST(Safetensors, WriterRejectsWhatTheFormatCannotHold) {
  auto errorOfWrite = [](std::map<std::string, HostTensor> t,
                         std::map<std::string, std::string> meta = {}) -> std::string {
    try {
      formatSafetensors(t, meta);
    } catch (const DataError &e) {
      return e.what();
    }
    return "no error";
  };
  HostTensor one({1});
  EXPECT_EQ(errorOfWrite({{"__metadata__", one}}),
            "safetensors: a tensor cannot be named '__metadata__'");
  EXPECT_EQ(errorOfWrite({{"x", HostTensor()}}), "safetensors: tensor 'x' has no storage");
  EXPECT_EQ(errorOfWrite({{"\xff", one}}), "safetensors: a tensor name is not valid UTF-8");
  EXPECT_EQ(errorOfWrite({{"x", one}}, {{"k", "\xc3"}}),
            "safetensors: __metadata__ \"k\" is not valid UTF-8");
}

namespace {
/// Writes `before`, then tries to replace it with a different file while the
/// write hook injects a failure at byte `failAt`.
class FailedSave : public ::testing::Test {
protected:
  void SetUp() override {
    before["w"] = HostTensor({64}, DType::F32);
    for (int i = 0; i < 64; ++i) before["w"].f32()[i] = float(i);
    writeSafetensors(path(), before, {{"epoch", "1"}});
    old = slurp(path());
    after["w"] = HostTensor({1 << 20}, DType::F32); // 4 MiB: several write(2) calls
    after["v"] = HostTensor({3}, DType::I64);
  }
  void TearDown() override { setSafetensorsWriteHookForTesting({}); }
  std::string path() const { return dir / "ckpt.safetensors"; }
  /// The previous checkpoint is still there, loadable and byte-identical.
  void expectPreviousIntact() {
    EXPECT_EQ(slurp(path()), old);
    TensorFile f = readSafetensors(path());
    EXPECT_EQ(f.metadata.at("epoch"), "1");
    EXPECT_EQ(f.tensors.at("w").f32()[63], 63.0f);
  }
  TempDir dir;
  std::map<std::string, HostTensor> before, after;
  std::string old;
};
} // namespace

TEST_F(FailedSave, AnErrorMidwayKeepsThePreviousFile) {
  size_t total = formatSafetensors(after).size();
  for (uint64_t failAt : {uint64_t(0), uint64_t(8), uint64_t(100), uint64_t(3) << 20}) {
    setSafetensorsWriteHookForTesting([&](uint64_t offset, size_t size) {
      if (offset + size > failAt) throw std::runtime_error("injected failure at byte " +
                                                           std::to_string(failAt));
    });
    try {
      writeSafetensors(path(), after, {{"epoch", "2"}});
      FAIL() << "expected an error";
    } catch (const DataError &e) {
      EXPECT_EQ(std::string(e.what()), path() + ": injected failure at byte " + std::to_string(failAt));
    }
    expectPreviousIntact();
    EXPECT_EQ(dir.files(), std::vector<std::string>{"ckpt.safetensors"}) << "temp file removed";
  }
  // Without the hook the same save succeeds.
  setSafetensorsWriteHookForTesting({});
  writeSafetensors(path(), after);
  EXPECT_EQ(slurp(path()).size(), total);
}

TEST_F(FailedSave, AProcessKilledMidwayKeepsThePreviousFile) {
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Die (no cleanup, no atexit) once 2 MiB of the 4 MiB file are written.
    setSafetensorsWriteHookForTesting([](uint64_t offset, size_t) {
      if (offset >= (uint64_t(2) << 20)) raise(SIGKILL);
    });
    try {
      writeSafetensors(path(), after);
    } catch (...) {
    }
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "status " << status;
  expectPreviousIntact();
  // The half-written temporary file is what the kill left behind.
  std::string tmp = path() + ".tmp." + std::to_string(child);
  ASSERT_TRUE(fs::exists(tmp));
  EXPECT_GE(fs::file_size(tmp), uint64_t(2) << 20);
  EXPECT_LT(fs::file_size(tmp), formatSafetensors(after).size());
  EXPECT_NE(errorOfFile(tmp).find("end past the data"), std::string::npos) << errorOfFile(tmp);
}

TEST_F(FailedSave, AnUnwritableTargetIsAnErrorWithErrno) {
  try {
    writeSafetensors(dir / "no/such/dir/x.safetensors", after);
    FAIL() << "expected an error";
  } catch (const DataError &e) {
    EXPECT_EQ(std::string(e.what()),
              dir / "no/such/dir/x.safetensors" + ": cannot create " + dir /
                  "no/such/dir/x.safetensors" + ".tmp." + std::to_string(getpid()) +
                  ": No such file or directory");
  }
  fs::create_directory(dir / "adir");
  try {
    writeSafetensors(dir / "adir", after);
    FAIL() << "expected an error";
  } catch (const DataError &e) {
    EXPECT_NE(std::string(e.what()).find(": Is a directory"), std::string::npos) << e.what();
  }
  EXPECT_EQ(dir.files(), (std::vector<std::string>{"adir", "ckpt.safetensors"}));
  expectPreviousIntact();
}
