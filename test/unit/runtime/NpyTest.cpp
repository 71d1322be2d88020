//===- NpyTest.cpp - .npy files: NumPy's own, round trips, bad input ------===//
//
// Files in DLC_NPY_FIXTURES were written by NumPy
// (test/fixtures/make_npy_fixtures.py); the expected values below are the
// script's formulas recomputed here.
//
//===----------------------------------------------------------------------===//
#include "runtime/io/Npy.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>

using namespace dlc::rt;

static std::string fixture(const std::string &name) {
  return std::string(DLC_NPY_FIXTURES) + "/" + name + ".npy";
}

static std::string slurp(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

/// The message of the DataError parsing `bytes` throws ("no error" if none).
static std::string errorOf(const std::string &bytes) {
  try {
    parseNpy(bytes, "t.npy");
  } catch (const DataError &e) {
    return e.what();
  }
  return "no error";
}

static std::string errorOfFixture(const std::string &name) {
  try {
    readNpy(fixture(name));
  } catch (const DataError &e) {
    return std::string(e.what()).substr(fixture(name).size() + 2); // drop "path: "
  }
  return "no error";
}

/// A .npy file by hand: header dict `dict` in format `major`, then `payload`.
static std::string npy(const std::string &dict, const std::string &payload, int major = 1) {
  std::string out("\x93NUMPY", 6);
  out += char(major);
  out += '\0';
  size_t n = dict.size();
  for (int i = 0; i < (major == 1 ? 2 : 4); ++i) out += char((n >> (8 * i)) & 0xff);
  return out + dict + payload;
}

TEST(Npy, ReadsWhatNumPyWrote) {
  for (const char *name : {"f32_2x3", "f32_2x3_v2", "f32_2x3_v3"}) {
    HostTensor t = readNpy(fixture(name));
    ASSERT_EQ(t.typeString(), "f32[2, 3]") << name;
    for (int i = 0; i < 6; ++i) EXPECT_EQ(t.data<float>()[i], i * 0.25f - 0.5f) << name;
  }
  HostTensor s = readNpy(fixture("f32_scalar"));
  EXPECT_EQ(s.typeString(), "f32[]");
  EXPECT_EQ(s.data<float>()[0], 3.5f);

  HostTensor d = readNpy(fixture("f64_3"));
  ASSERT_EQ(d.typeString(), "f64[3]");
  EXPECT_EQ(d.data<double>()[0], 1.0 / 3.0);
  EXPECT_EQ(d.data<double>()[1], -2.5);
  EXPECT_EQ(d.data<double>()[2], 1e300);

  HostTensor i = readNpy(fixture("i32_2x2"));
  ASSERT_EQ(i.typeString(), "i32[2, 2]");
  EXPECT_EQ(i.data<int32_t>()[0], std::numeric_limits<int32_t>::min());
  EXPECT_EQ(i.data<int32_t>()[1], 7);
  EXPECT_EQ(i.data<int32_t>()[3], std::numeric_limits<int32_t>::max());

  HostTensor l = readNpy(fixture("i64_4"));
  ASSERT_EQ(l.typeString(), "i64[4]");
  EXPECT_EQ(l.data<int64_t>()[0], std::numeric_limits<int64_t>::min());
  EXPECT_EQ(l.data<int64_t>()[1], -1);
  EXPECT_EQ(l.data<int64_t>()[3], std::numeric_limits<int64_t>::max());

  HostTensor b = readNpy(fixture("b1_2x2"));
  ASSERT_EQ(b.typeString(), "i1[2, 2]");
  EXPECT_TRUE(b.data<bool>()[0]);
  EXPECT_FALSE(b.data<bool>()[1]);
  EXPECT_FALSE(b.data<bool>()[2]);
  EXPECT_TRUE(b.data<bool>()[3]);

  HostTensor c = readNpy(fixture("i8_3"));
  ASSERT_EQ(c.typeString(), "i8[3]");
  EXPECT_EQ(c.data<int8_t>()[0], -128);
  EXPECT_EQ(c.data<int8_t>()[2], 127);

  EXPECT_EQ(readNpy(fixture("f32_0x3")).typeString(), "f32[0, 3]");
}

TEST(Npy, WritesWhatNumPyWrites) {
  // NumPy's 1.0 header for these arrays is byte-for-byte ours.
  for (const char *name : {"f32_2x3", "f32_scalar", "f64_3", "i32_2x2", "i64_4", "b1_2x2",
                           "i8_3", "f32_0x3"})
    EXPECT_EQ(formatNpy(readNpy(fixture(name))), slurp(fixture(name))) << name;
}

TEST(Npy, RoundTripsEveryNumPyDType) {
  auto dir = std::filesystem::temp_directory_path() / ("dlc-npy-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  for (DType t : {DType::F32, DType::F64, DType::I1, DType::I8, DType::I32, DType::I64}) {
    HostTensor x({2, 1, 3}, t);
    auto *raw = static_cast<unsigned char *>(x.data());
    for (size_t i = 0; i < x.sizeInBytes(); ++i)
      raw[i] = t == DType::I1 ? (i % 2) : static_cast<unsigned char>(i * 37 + 1);
    std::string path = (dir / (std::string(name(t)) + ".npy")).string();
    writeNpy(path, x);
    HostTensor y = readNpy(path);
    EXPECT_EQ(y.typeString(), x.typeString());
    EXPECT_EQ(std::string(static_cast<char *>(y.data()), y.sizeInBytes()),
              std::string(static_cast<char *>(x.data()), x.sizeInBytes()))
        << name(t);
  }
  std::filesystem::remove_all(dir);
}

TEST(Npy, Bf16HasNoNumPyDType) {
  try {
    writeNpy("/nonexistent/x.npy", HostTensor({2}, DType::BF16));
    FAIL();
  } catch (const DataError &e) {
    EXPECT_STREQ(e.what(), "/nonexistent/x.npy: cannot write bf16[2] as .npy: NumPy has no "
                           "bf16 dtype");
  }
}

TEST(Npy, UnsupportedFilesNumPyWroteAreErrors) {
  EXPECT_EQ(errorOfFixture("f32_fortran"),
            "Fortran-ordered (column-major) arrays are not supported; save "
            "np.ascontiguousarray(a) instead");
  EXPECT_EQ(errorOfFixture("f32_bigendian"),
            "big-endian dtype '>f4' is not supported (byteswap it in NumPy: "
            "a.astype(a.dtype.newbyteorder('<')))");
  EXPECT_EQ(errorOfFixture("object"),
            "object dtype '|O' is not supported (it holds Python objects, not numbers)");
  EXPECT_EQ(errorOfFixture("structured"),
            "structured or subarray dtypes are not supported (descr is not a plain type "
            "string); supported: <f4 <f8 <i4 <i8 |i1 |b1");
  EXPECT_EQ(errorOfFixture("u8"), "dtype '|u1' is not supported; supported: <f4 <f8 <i4 <i8 "
                                  "|i1 |b1");
}

TEST(Npy, TruncatedFilesAreErrors) {
  std::string good = slurp(fixture("f32_2x3"));
  ASSERT_EQ(good.size(), 128u + 24u);
  EXPECT_EQ(errorOf(good.substr(0, 3)),
            "t.npy: not a .npy file (it does not start with the magic \"\\x93NUMPY\")");
  EXPECT_EQ(errorOf(good.substr(0, 7)), "t.npy: truncated header (no version)");
  EXPECT_EQ(errorOf(good.substr(0, 9)), "t.npy: truncated header (no header length)");
  EXPECT_EQ(errorOf(good.substr(0, 60)),
            "t.npy: truncated header: it declares 118 bytes, the file has 50 after it");
  EXPECT_EQ(errorOf(good.substr(0, 140)),
            "t.npy: truncated data: f32[2, 3] needs 24 bytes, the file has 12");
  EXPECT_EQ(errorOf(good + "xyz"),
            "t.npy: trailing data: f32[2, 3] needs 24 bytes, the file has 27");
  // Every prefix is an error, never a crash.
  for (size_t n = 0; n < good.size(); ++n) EXPECT_NE(errorOf(good.substr(0, n)), "no error") << n;
}

TEST(Npy, MalformedHeadersAreErrors) {
  EXPECT_EQ(errorOf("PK\x03\x04 a zip file"),
            "t.npy: not a .npy file (it does not start with the magic \"\\x93NUMPY\")");
  EXPECT_EQ(errorOf(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", "", 4)),
            "t.npy: unsupported .npy format version 4.0 (supported: 1.0, 2.0, 3.0)");
  EXPECT_EQ(errorOf(npy("{'descr': '<f4', 'shape': (1,), }", "abcd")),
            "t.npy: header has no 'fortran_order' key");
  EXPECT_EQ(errorOf(npy("{'descr': '<f4', 'fortran_order': 0, 'shape': (1,)}", "abcd")),
            "t.npy: header's 'fortran_order' is not True or False");
  EXPECT_EQ(errorOf(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,)}", "")),
            "t.npy: malformed header at byte 51 of the dict (expected a non-negative integer "
            "dimension): {'descr': '<f4', 'fortran_order': False, 'shape': (-1,)}");
  EXPECT_EQ(errorOf(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,", "")),
            "t.npy: malformed header at byte 53 of the dict (expected a non-negative integer "
            "dimension): {'descr': '<f4', 'fortran_order': False, 'shape': (1,");
  EXPECT_EQ(errorOf(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1 2)}", "")),
            "t.npy: malformed header at byte 53 of the dict (expected ',' or ')' in the shape): "
            "{'descr': '<f4', 'fortran_order': False, 'shape': (1 2)}");
  // A header whose size would overflow is refused before any allocation.
  EXPECT_EQ(
      errorOf(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296)}",
                  "")),
      "t.npy: shape is invalid: [dlc::rt::HostTensor] f64[4294967296, 4294967296] is too large");
  // A bool that is neither 0 nor 1 would be undefined behaviour as a C++ bool.
  EXPECT_EQ(errorOf(npy("{'descr': '|b1', 'fortran_order': False, 'shape': (2,)}", "\x01\x07")),
            "t.npy: bool element 1 is 7, not 0 or 1");
  // Format 2.0 has a 4-byte header length; Fortran order of a vector is C order.
  HostTensor v =
      parseNpy(npy("{'descr': '<i4', 'fortran_order': True, 'shape': (2,)}",
                   std::string("\x05\x00\x00\x00\xff\xff\xff\xff", 8), 2),
               "t.npy");
  EXPECT_EQ(v.data<int32_t>()[0], 5);
  EXPECT_EQ(v.data<int32_t>()[1], -1);
}

TEST(Npy, MissingFileNamesTheFile) {
  try {
    readNpy("/nonexistent/dir/x.npy");
    FAIL();
  } catch (const DataError &e) {
    EXPECT_STREQ(e.what(), "/nonexistent/dir/x.npy: cannot open: No such file or directory");
  }
}
