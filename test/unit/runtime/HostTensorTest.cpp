//===- HostTensorTest.cpp - element types of HostTensor -------------------===//
#include "runtime/core/HostTensor.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

using namespace dlc::rt;

TEST(HostTensor, BytesAndNamesOfEveryDType) {
  struct Case {
    DType t;
    const char *name;
    size_t bytes;
  } cases[] = {{DType::F32, "f32", 4}, {DType::F64, "f64", 8}, {DType::BF16, "bf16", 2},
               {DType::I1, "i1", 1},   {DType::I8, "i8", 1},   {DType::I32, "i32", 4},
               {DType::I64, "i64", 8}};
  for (const Case &c : cases) {
    EXPECT_STREQ(name(c.t), c.name);
    EXPECT_EQ(bytes(c.t), c.bytes) << c.name;
    EXPECT_EQ(parseDType(c.name), c.t);
    HostTensor t({2, 3}, c.t);
    EXPECT_EQ(t.sizeInBytes(), 6 * c.bytes) << c.name;
  }
  EXPECT_EQ(parseDType("f16"), std::nullopt);
  EXPECT_EQ(parseDType("F32"), std::nullopt);
}

TEST(HostTensor, TypeString) {
  EXPECT_EQ(HostTensor({2, 3}, DType::F64).typeString(), "f64[2, 3]");
  EXPECT_EQ(HostTensor({}, DType::I1).typeString(), "i1[]");
  EXPECT_EQ(typeString(DType::BF16, {4}), "bf16[4]");
}

TEST(HostTensor, TypedAccessIsChecked) {
  HostTensor t({3}, DType::I64);
  t.data<int64_t>()[2] = -5;
  EXPECT_EQ(t.data<int64_t>()[2], -5);
  try {
    t.data<double>();
    FAIL() << "f64 access to i64 storage";
  } catch (const std::invalid_argument &e) {
    EXPECT_STREQ(e.what(), "[dlc::rt::HostTensor] f64 access to a i64[3] tensor");
  }
  EXPECT_THROW(HostTensor({2}, DType::I32).f32(), std::invalid_argument);
  EXPECT_THROW(HostTensor({2}, DType::I1).data<int8_t>(), std::invalid_argument);
  EXPECT_NO_THROW(HostTensor({2}, DType::I1).data<bool>());
}

TEST(HostTensor, CloneCopiesEveryByte) {
  HostTensor t({3}, DType::F64);
  t.data<double>()[0] = 1.0 / 3.0;
  t.data<double>()[2] = -1e300;
  HostTensor c = t.clone();
  t.data<double>()[0] = 0;
  EXPECT_EQ(c.data<double>()[0], 1.0 / 3.0);
  EXPECT_EQ(c.data<double>()[2], -1e300);
}

TEST(HostTensor, HostileShapesAreErrors) {
  EXPECT_THROW(HostTensor({-1}, DType::F32), std::invalid_argument);
  EXPECT_THROW(HostTensor({int64_t(1) << 40, int64_t(1) << 40}, DType::F64),
               std::invalid_argument);
}

TEST(BF16, RoundsToNearestEven) {
  // bf16 keeps 8 significant bits: 1 + 2^-8 is halfway between 1 and
  // 1 + 2^-7 and rounds to even (1); just above halfway rounds up.
  EXPECT_EQ(BF16::fromFloat(1.0f).toFloat(), 1.0f);
  EXPECT_EQ(BF16::fromFloat(1.0f + 0x1p-8f).toFloat(), 1.0f);
  EXPECT_EQ(BF16::fromFloat(1.0f + 0x1p-8f + 0x1p-20f).toFloat(), 1.0f + 0x1p-7f);
  EXPECT_EQ(BF16::fromFloat(1.0f + 3 * 0x1p-8f).toFloat(), 1.0f + 0x1p-6f); // tie → even
  EXPECT_EQ(BF16::fromFloat(-2.5f).toFloat(), -2.5f);
  EXPECT_TRUE(std::isnan(BF16::fromFloat(NAN).toFloat()));
  EXPECT_EQ(BF16::fromFloat(INFINITY).toFloat(), INFINITY);
}
