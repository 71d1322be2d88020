//===- Conv2dTest.cpp - oneDNN convolution kernels vs naive loops ---------===//

#include "backends/onednn/Kernels.h"
#include "test/unit/onednn/Reference.h"

using namespace dlc::rt::test;

namespace {

struct ConvCase {
  const char *name;
  int64_t n, c, h, w, o, kh, kw;
  ConvParams p;
};

/// Names the case in test output instead of dumping its bytes.
void PrintTo(const ConvCase &c, std::ostream *os) { *os << c.name; }

class Conv2dTest : public ::testing::TestWithParam<ConvCase> {
protected:
  void SetUp() override { dlc_rt_clear_error(); }
  void TearDown() override {
    EXPECT_EQ(dlc_rt_last_error(), nullptr) << dlc_rt_last_error();
  }
};

TEST_P(Conv2dTest, Forward) {
  const ConvCase &k = GetParam();
  Tensor4 x(k.n, k.c, k.h, k.w), w(k.o, k.c, k.kh, k.kw);
  x.randomize(1);
  w.randomize(2);
  Tensor4 expected = refConvFwd(x, w, k.p);
  // Pre-filled with garbage: the kernel must overwrite, not accumulate.
  Tensor4 y(expected.shape[0], expected.shape[1], expected.shape[2], expected.shape[3],
            42.0f);
  auto xd = x.desc(), wd = w.desc(), yd = y.desc();
  _mlir_ciface_dlc_rt_conv2d_fwd(&xd, &wd, &yd, k.p.sh, k.p.sw, k.p.ph, k.p.pw, 1, 1, 1);
  expectClose(y, expected);
}

TEST_P(Conv2dTest, BackwardData) {
  const ConvCase &k = GetParam();
  Tensor4 w(k.o, k.c, k.kh, k.kw);
  w.randomize(3);
  Tensor4 dy(k.n, k.o, outSize(k.h, k.kh, k.p.sh, k.p.ph),
             outSize(k.w, k.kw, k.p.sw, k.p.pw));
  dy.randomize(4);
  Tensor4 expected = refConvBwdData(dy, w, {k.n, k.c, k.h, k.w}, k.p);
  Tensor4 dx(k.n, k.c, k.h, k.w, 42.0f);
  auto dyd = dy.desc(), wd = w.desc(), dxd = dx.desc();
  _mlir_ciface_dlc_rt_conv2d_bwd_data(&dyd, &wd, &dxd, k.p.sh, k.p.sw, k.p.ph, k.p.pw, 1, 1, 1);
  expectClose(dx, expected);
}

TEST_P(Conv2dTest, BackwardFilter) {
  const ConvCase &k = GetParam();
  Tensor4 x(k.n, k.c, k.h, k.w);
  x.randomize(5);
  Tensor4 dy(k.n, k.o, outSize(k.h, k.kh, k.p.sh, k.p.ph),
             outSize(k.w, k.kw, k.p.sw, k.p.pw));
  dy.randomize(6);
  Tensor4 expected = refConvBwdFilter(x, dy, {k.o, k.c, k.kh, k.kw}, k.p);
  Tensor4 dw(k.o, k.c, k.kh, k.kw, 42.0f);
  auto xd = x.desc(), dyd = dy.desc(), dwd = dw.desc();
  _mlir_ciface_dlc_rt_conv2d_bwd_filter(&xd, &dyd, &dwd, k.p.sh, k.p.sw, k.p.ph, k.p.pw, 1, 1, 1);
  expectClose(dw, expected);
}

// {name, N, C, H, W, O, KH, KW, {strideH, strideW, padH, padW}}
INSTANTIATE_TEST_SUITE_P(
    Shapes, Conv2dTest,
    ::testing::Values(ConvCase{"Valid3x3", 2, 3, 7, 9, 4, 3, 3, {1, 1, 0, 0}},
                      ConvCase{"Pad1", 2, 3, 8, 8, 5, 3, 3, {1, 1, 1, 1}},
                      ConvCase{"NonSquareKernelStride2x1Pad1x0", 3, 2, 9, 12, 4, 3, 2,
                               {2, 1, 1, 0}},
                      ConvCase{"Stride2Pad2", 2, 3, 11, 10, 3, 5, 5, {2, 2, 2, 2}},
                      ConvCase{"Stride3RowsUnreached", 2, 2, 10, 11, 3, 3, 3, {3, 3, 0, 0}},
                      ConvCase{"PadLargerThanKernel", 2, 2, 5, 6, 3, 1, 1, {1, 1, 2, 2}},
                      ConvCase{"LeNetConv1", 4, 1, 28, 28, 6, 5, 5, {1, 1, 2, 2}},
                      ConvCase{"LeNetConv2", 3, 6, 14, 14, 16, 5, 5, {1, 1, 0, 0}}),
    [](const ::testing::TestParamInfo<ConvCase> &info) { return info.param.name; });

} // namespace
