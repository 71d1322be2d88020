//===- ErrorsTest.cpp - bad arguments set the error slot, never crash -----===//

#include "backends/onednn/Kernels.h"
#include "test/unit/onednn/Reference.h"

#include <gmock/gmock.h>

#include <string>
#include <thread>

using namespace dlc::rt::test;
using ::testing::HasSubstr;

namespace {

class ErrorSlotTest : public ::testing::Test {
protected:
  void SetUp() override { dlc_rt_clear_error(); }
  void TearDown() override { dlc_rt_clear_error(); }

  /// The recorded message; fails the test if there is none.
  static std::string lastError() {
    const char *msg = dlc_rt_last_error();
    EXPECT_NE(msg, nullptr) << "no error recorded";
    return msg ? msg : "";
  }

  static void expectAllZero(const Tensor4 &t) {
    for (float v : t.data) ASSERT_EQ(v, 0.0f);
  }
};

TEST_F(ErrorSlotTest, EmptyAfterSuccessfulCall) {
  Tensor4 x(1, 1, 4, 4, 1.0f), w(1, 1, 3, 3, 1.0f), y(1, 1, 2, 2);
  auto xd = x.desc(), wd = w.desc(), yd = y.desc();
  _mlir_ciface_dlc_rt_conv2d_fwd(&xd, &wd, &yd, 1, 1, 0, 0, 1, 1, 1);
  EXPECT_EQ(dlc_rt_last_error(), nullptr);
  EXPECT_EQ(y.at(0, 0, 1, 1), 9.0f);
}

TEST_F(ErrorSlotTest, NonContiguousInput) {
  Tensor4 x(1, 2, 5, 5, 1.0f), w(3, 2, 3, 3, 1.0f), y(1, 3, 3, 3, 7.0f);
  auto xd = x.desc(), wd = w.desc(), yd = y.desc();
  std::swap(xd.strides[2], xd.strides[3]); // a transposed view
  _mlir_ciface_dlc_rt_conv2d_fwd(&xd, &wd, &yd, 1, 1, 0, 0, 1, 1, 1);
  std::string msg = lastError();
  EXPECT_THAT(msg, HasSubstr("[dlc_rt_conv2d_fwd]"));
  EXPECT_THAT(msg, HasSubstr("x is not contiguous"));
  EXPECT_THAT(msg, HasSubstr("x (1,2,5,5) w (3,2,3,3) y (1,3,3,3)"));
  expectAllZero(y);
}

TEST_F(ErrorSlotTest, NonContiguousOutputIsZeroedThroughItsStrides) {
  // y is a (1,1,2,2) view with row stride 3 into a 6-element buffer.
  Tensor4 x(1, 1, 4, 4, 1.0f), w(1, 1, 3, 3, 1.0f);
  std::vector<float> buffer(6, 7.0f);
  dlc::rt::MemRefDesc<float, 4> yd{buffer.data(), buffer.data(), 0, {1, 1, 2, 2},
                                   {6, 6, 3, 1}};
  auto xd = x.desc(), wd = w.desc();
  _mlir_ciface_dlc_rt_conv2d_fwd(&xd, &wd, &yd, 1, 1, 0, 0, 1, 1, 1);
  EXPECT_THAT(lastError(), HasSubstr("y is not contiguous"));
  EXPECT_EQ(buffer, (std::vector<float>{0, 0, 7, 0, 0, 7}));
}

TEST_F(ErrorSlotTest, ConvChannelMismatch) {
  Tensor4 x(2, 3, 6, 6), w(4, 2, 3, 3), y(2, 4, 4, 4, 7.0f);
  auto xd = x.desc(), wd = w.desc(), yd = y.desc();
  _mlir_ciface_dlc_rt_conv2d_fwd(&xd, &wd, &yd, 1, 1, 0, 0, 1, 1, 1);
  EXPECT_THAT(lastError(), HasSubstr("x has 3 channels but w (O,C,KH,KW) expects C=2"));
  expectAllZero(y);
}

TEST_F(ErrorSlotTest, ConvOutputShapeMismatch) {
  Tensor4 x(2, 3, 6, 6), w(4, 3, 3, 3), y(2, 4, 6, 6, 7.0f); // needs pad 1
  auto xd = x.desc(), wd = w.desc(), yd = y.desc();
  _mlir_ciface_dlc_rt_conv2d_fwd(&xd, &wd, &yd, 1, 1, 0, 0, 1, 1, 1);
  EXPECT_THAT(lastError(), HasSubstr("y must be (N,O,OH,OW) = (2,4,4,4)"));
  expectAllZero(y);
}

TEST_F(ErrorSlotTest, BwdDataDxShapeMismatch) {
  // dx claims 7x7 but dy 4x4 came from a 6x6 input with a 3x3 kernel.
  Tensor4 dy(2, 4, 4, 4, 1.0f), w(4, 3, 3, 3, 1.0f), dx(2, 3, 7, 7, 7.0f);
  auto dyd = dy.desc(), wd = w.desc(), dxd = dx.desc();
  _mlir_ciface_dlc_rt_conv2d_bwd_data(&dyd, &wd, &dxd, 1, 1, 0, 0, 1, 1, 1);
  std::string msg = lastError();
  EXPECT_THAT(msg, HasSubstr("[dlc_rt_conv2d_bwd_data]"));
  EXPECT_THAT(msg, HasSubstr("dx (2,3,7,7) w (4,3,3,3) dy (2,4,4,4)"));
  expectAllZero(dx);
}

TEST_F(ErrorSlotTest, BwdFilterDwShapeMismatch) {
  Tensor4 x(2, 3, 6, 6, 1.0f), dy(2, 4, 4, 4, 1.0f), dw(4, 5, 3, 3, 7.0f);
  auto xd = x.desc(), dyd = dy.desc(), dwd = dw.desc();
  _mlir_ciface_dlc_rt_conv2d_bwd_filter(&xd, &dyd, &dwd, 1, 1, 0, 0, 1, 1, 1);
  EXPECT_THAT(lastError(), HasSubstr("[dlc_rt_conv2d_bwd_filter] x has 3 channels"));
  expectAllZero(dw);
}

TEST_F(ErrorSlotTest, InvalidStrideAndKernelTooLarge) {
  Tensor4 x(1, 1, 4, 4), w(1, 1, 3, 3), y(1, 1, 2, 2, 7.0f);
  auto xd = x.desc(), wd = w.desc(), yd = y.desc();
  _mlir_ciface_dlc_rt_conv2d_fwd(&xd, &wd, &yd, 0, 1, 0, 0, 1, 1, 1);
  EXPECT_THAT(lastError(), HasSubstr("stride (0,1) must be positive"));
  dlc_rt_clear_error();
  Tensor4 big(1, 1, 7, 7);
  auto bigd = big.desc();
  _mlir_ciface_dlc_rt_conv2d_fwd(&xd, &bigd, &yd, 1, 1, 1, 1, 1, 1, 1);
  EXPECT_THAT(lastError(), HasSubstr("the 7x7 kernel does not fit the 4x4 input"));
  expectAllZero(y);
}

TEST_F(ErrorSlotTest, NullDescriptor) {
  Tensor4 w(1, 1, 3, 3), y(1, 1, 2, 2, 7.0f);
  auto wd = w.desc(), yd = y.desc();
  _mlir_ciface_dlc_rt_conv2d_fwd(nullptr, &wd, &yd, 1, 1, 0, 0, 1, 1, 1);
  EXPECT_THAT(lastError(), HasSubstr("x is a null descriptor"));
  expectAllZero(y);
}

TEST_F(ErrorSlotTest, MaxPoolWorkspaceOfTheWrongSize) {
  Tensor4 x(1, 2, 4, 4), y(1, 2, 2, 2, 7.0f);
  std::vector<int8_t> ws(7); // the shape rule (and oneDNN) want 1*2*2*2 = 8 bytes
  auto xd = x.desc(), yd = y.desc();
  auto wsd = bytesDesc(ws);
  _mlir_ciface_dlc_rt_max_pool2d_fwd_train(&xd, &yd, &wsd, 2, 2, 2, 2, 0, 0, 0);
  EXPECT_THAT(lastError(), HasSubstr("[dlc_rt_max_pool2d_fwd_train] workspace has 7 bytes but "
                                     "oneDNN needs 8"));
  expectAllZero(y);
}

TEST_F(ErrorSlotTest, MaxPoolBackwardWorkspaceOfTheWrongSize) {
  Tensor4 dy(1, 2, 2, 2, 1.0f), dx(1, 2, 4, 4, 7.0f);
  std::vector<int8_t> ws(9);
  auto dyd = dy.desc(), dxd = dx.desc();
  auto wsd = bytesDesc(ws);
  _mlir_ciface_dlc_rt_max_pool2d_bwd(&dyd, &wsd, &dxd, 2, 2, 2, 2, 0, 0, 0);
  EXPECT_THAT(lastError(), HasSubstr("workspace has 9 bytes but oneDNN needs 8"));
  expectAllZero(dx);
}

TEST_F(ErrorSlotTest, PoolPaddingNotSmallerThanKernel) {
  Tensor4 x(1, 2, 4, 4), y(1, 2, 4, 4, 7.0f);
  auto xd = x.desc(), yd = y.desc();
  poolFwd(&xd, &yd, 0, 2, 2, 1, 1, 2, 2);
  EXPECT_THAT(lastError(), HasSubstr("padding (2,2) must be smaller than the 2x2 kernel"));
  expectAllZero(y);
}

TEST_F(ErrorSlotTest, PoolOutputShapeMismatch) {
  Tensor4 x(1, 2, 8, 8), y(1, 2, 3, 3, 7.0f);
  auto xd = x.desc(), yd = y.desc();
  poolFwd(&xd, &yd, 1, 2, 2, 2, 2, 0, 0);
  EXPECT_THAT(lastError(), HasSubstr("y must be (N,C,OH,OW) = (1,2,4,4)"));
  expectAllZero(y);
}

TEST_F(ErrorSlotTest, PoolBwdDxShapeMismatch) {
  Tensor4 dy(1, 2, 4, 4, 1.0f), x(1, 2, 8, 8), dx(1, 2, 8, 9, 7.0f);
  auto dyd = dy.desc(), xd = x.desc(), dxd = dx.desc();
  poolBwd(&dyd, &xd, &dxd, 1, 2, 2, 2, 2, 0, 0);
  EXPECT_THAT(lastError(), HasSubstr("[dlc_rt_avg_pool2d_bwd] dx must have the shape of x "
                                     "(1,2,8,8), but is (1,2,8,9)"));
  expectAllZero(dx);
}

TEST_F(ErrorSlotTest, FirstErrorIsKeptUntilCleared) {
  Tensor4 x(1, 2, 4, 4), y(1, 2, 2, 2);
  auto xd = x.desc(), yd = y.desc();
  poolFwd(&xd, &yd, 0, 2, 2, 1, 1, 2, 2);
  poolFwd(&xd, &yd, 0, 2, 2, 0, 0, 0, 0);
  EXPECT_THAT(lastError(), HasSubstr("padding (2,2) must be smaller than the 2x2 kernel"));
  dlc_rt_clear_error();
  EXPECT_EQ(dlc_rt_last_error(), nullptr);
  poolFwd(&xd, &yd, 0, 2, 2, 0, 0, 0, 0);
  EXPECT_THAT(lastError(), HasSubstr("stride (0,0) must be positive"));
}

TEST_F(ErrorSlotTest, SlotIsPerThread) {
  std::thread([] {
    Tensor4 x(1, 2, 4, 4), y(1, 2, 2, 2);
    auto xd = x.desc(), yd = y.desc();
    poolFwd(&xd, &yd, 0, 2, 2, 0, 0, 0, 0);
    EXPECT_NE(dlc_rt_last_error(), nullptr);
  }).join();
  EXPECT_EQ(dlc_rt_last_error(), nullptr);
}

TEST_F(ErrorSlotTest, EmptyBatchGivesZeroGradientWithoutError) {
  Tensor4 x(0, 3, 6, 6), dy(0, 4, 4, 4), dw(4, 3, 3, 3, 7.0f);
  auto xd = x.desc(), dyd = dy.desc(), dwd = dw.desc();
  _mlir_ciface_dlc_rt_conv2d_bwd_filter(&xd, &dyd, &dwd, 1, 1, 0, 0, 1, 1, 1);
  EXPECT_EQ(dlc_rt_last_error(), nullptr);
  expectAllZero(dw);
}

} // namespace
