//===- TensorLiteralTest.cpp - "2x3xf32=1 2 3 4 5 6" ----------------------===//
#include "runtime/io/TensorLiteral.h"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace dlc::rt;

static std::string errorOf(const std::string &text) {
  try {
    parseTensorLiteral(text);
  } catch (const std::invalid_argument &e) {
    return e.what();
  }
  return "no error";
}

TEST(TensorLiteral, ParsesEveryDType) {
  HostTensor f = parseTensorLiteral("2x3xf32=1 2 3 4 5 6.5");
  EXPECT_EQ(f.typeString(), "f32[2, 3]");
  EXPECT_EQ(f.data<float>()[5], 6.5f);
  HostTensor s = parseTensorLiteral("f32=3.5");
  EXPECT_EQ(s.typeString(), "f32[]");
  EXPECT_EQ(s.data<float>()[0], 3.5f);
  HostTensor d = parseTensorLiteral("2xf64=0.1,-1e300");
  EXPECT_EQ(d.data<double>()[0], 0.1);
  EXPECT_EQ(d.data<double>()[1], -1e300);
  HostTensor l = parseTensorLiteral("2x3xi64=1 2 3 4 5 -9223372036854775808");
  EXPECT_EQ(l.data<int64_t>()[5], INT64_MIN);
  HostTensor i = parseTensorLiteral("3xi32=-2147483648 0 2147483647");
  EXPECT_EQ(i.data<int32_t>()[0], INT32_MIN);
  EXPECT_EQ(i.data<int32_t>()[2], INT32_MAX);
  HostTensor b = parseTensorLiteral("4xi1=1 0 true false");
  EXPECT_EQ(b.typeString(), "i1[4]");
  EXPECT_TRUE(b.data<bool>()[0] && !b.data<bool>()[1] && b.data<bool>()[2] && !b.data<bool>()[3]);
  HostTensor c = parseTensorLiteral("2xi8=-128 127");
  EXPECT_EQ(c.data<int8_t>()[0], -128);
  HostTensor h = parseTensorLiteral("bf16=1.5");
  EXPECT_EQ(h.data<BF16>()[0].toFloat(), 1.5f);
  HostTensor e = parseTensorLiteral("0x3xf32=");
  EXPECT_EQ(e.typeString(), "f32[0, 3]");
}

TEST(TensorLiteral, FormatRoundTripsEveryValue) {
  // f32 values that need 9 significant digits to read back exactly.
  HostTensor f({3}, DType::F32);
  f.data<float>()[0] = 0.1f;
  f.data<float>()[1] = 1.0f + 0x1p-23f;
  f.data<float>()[2] = 0x1.fffffep+127f;
  HostTensor back = parseTensorLiteral(formatTensorLiteral(f));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(back.data<float>()[i], f.data<float>()[i]) << i;
  HostTensor d({}, DType::F64);
  d.data<double>()[0] = 1.0 / 3.0;
  EXPECT_EQ(parseTensorLiteral(formatTensorLiteral(d)).data<double>()[0], 1.0 / 3.0);
  for (const char *text : {"2x2xi1=1 0 0 1", "3xi64=-9223372036854775808 0 9223372036854775807",
                           "2xi32=-7 7", "i8=-3", "1x1xbf16=-2.5", "f32=3.5", "0x2xf64="})
    EXPECT_EQ(formatTensorLiteral(parseTensorLiteral(text)), text);
}

TEST(TensorLiteral, ErrorsSayWhatIsWrong) {
  EXPECT_EQ(errorOf("2x3xf32=1 2 3 4 5"), "f32[2, 3] needs 6 values, got 5");
  EXPECT_EQ(errorOf("2xf32=1 2 3"), "f32[2] needs 2 values, got 3");
  EXPECT_EQ(errorOf("2x3xf16=1"), "unknown element type 'f16' (expected f32, f64, bf16, i1, "
                                  "i8, i32 or i64)");
  EXPECT_EQ(errorOf("2x-3xf32="), "bad dimension '-3' in '2x-3xf32'");
  EXPECT_EQ(errorOf("2xxf32=1 2"), "bad dimension '' in '2xxf32'");
  EXPECT_EQ(errorOf("2xi32=1 x"), "value 1 'x' is not an integer");
  EXPECT_EQ(errorOf("2xi32=1 2.5"), "value 1 '2.5' is not an integer");
  EXPECT_EQ(errorOf("i8=128"), "value 0 '128' is out of range for i8");
  EXPECT_EQ(errorOf("i32=2147483648"), "value 0 '2147483648' is out of range for i32");
  EXPECT_EQ(errorOf("i64=9223372036854775808"),
            "value 0 '9223372036854775808' is out of range for i64");
  EXPECT_EQ(errorOf("i1=2"), "value 0 '2' is not an i1 (0, 1, true, false)");
  EXPECT_EQ(errorOf("f32=abc"), "value 0 'abc' is not a number");
  EXPECT_EQ(errorOf("1 2 3"), "expected SHAPExTYPE=VALUES (e.g. 2x3xf32=1 2 3 4 5 6 or "
                              "f32=3.5), got '1 2 3'");
}
