//===- Pool2dTest.cpp - oneDNN pooling kernels vs naive loops -------------===//

#include "backends/onednn/Kernels.h"
#include "test/unit/onednn/Reference.h"

using namespace dlc::rt::test;

namespace {

struct PoolCase {
  const char *name;
  int64_t n, c, h, w;
  PoolParams p;
};

/// Names the case in test output instead of dumping its bytes.
void PrintTo(const PoolCase &c, std::ostream *os) { *os << c.name; }

class Pool2dTest : public ::testing::TestWithParam<PoolCase> {
protected:
  void SetUp() override { dlc_rt_clear_error(); }
  void TearDown() override {
    EXPECT_EQ(dlc_rt_last_error(), nullptr) << dlc_rt_last_error();
  }
};

TEST_P(Pool2dTest, Forward) {
  const PoolCase &k = GetParam();
  Tensor4 x(k.n, k.c, k.h, k.w);
  x.randomizeDistinct(11);
  Tensor4 expected = refPoolFwd(x, k.p);
  Tensor4 y(expected.shape[0], expected.shape[1], expected.shape[2], expected.shape[3],
            42.0f);
  auto xd = x.desc(), yd = y.desc();
  poolFwd(&xd, &yd, k.p.kind, k.p.kh, k.p.kw, k.p.sh, k.p.sw,
                                 k.p.ph, k.p.pw);
  expectClose(y, expected);
}

TEST_P(Pool2dTest, Backward) {
  const PoolCase &k = GetParam();
  Tensor4 x(k.n, k.c, k.h, k.w);
  x.randomizeDistinct(12);
  Tensor4 dy(k.n, k.c, outSize(k.h, k.p.kh, k.p.sh, k.p.ph),
             outSize(k.w, k.p.kw, k.p.sw, k.p.pw));
  dy.randomize(13);
  Tensor4 expected = refPoolBwd(dy, x, k.p);
  Tensor4 dx(k.n, k.c, k.h, k.w, 42.0f);
  auto dyd = dy.desc(), xd = x.desc(), dxd = dx.desc();
  poolBwd(&dyd, &xd, &dxd, k.p.kind, k.p.kh, k.p.kw, k.p.sh,
                                 k.p.sw, k.p.ph, k.p.pw);
  expectClose(dx, expected);
}

// {name, N, C, H, W, {kind, kH, kW, strideH, strideW, padH, padW}}
INSTANTIATE_TEST_SUITE_P(
    Shapes, Pool2dTest,
    ::testing::Values(
        PoolCase{"MaxK2S2", 2, 3, 8, 10, {0, 2, 2, 2, 2, 0, 0}},
        PoolCase{"AvgK2S2", 2, 3, 8, 10, {1, 2, 2, 2, 2, 0, 0}},
        PoolCase{"MaxK3S1P1", 2, 3, 7, 9, {0, 3, 3, 1, 1, 1, 1}},
        PoolCase{"AvgK3S1P1", 2, 3, 7, 9, {1, 3, 3, 1, 1, 1, 1}},
        PoolCase{"MaxK2S2OddFloor", 3, 2, 7, 9, {0, 2, 2, 2, 2, 0, 0}},
        PoolCase{"AvgK2S2OddFloor", 3, 2, 7, 9, {1, 2, 2, 2, 2, 0, 0}},
        PoolCase{"MaxNonSquareK3x2S2x1P1x0", 2, 4, 9, 8, {0, 3, 2, 2, 1, 1, 0}},
        PoolCase{"AvgNonSquareK3x2S2x1P1x0", 2, 4, 9, 8, {1, 3, 2, 2, 1, 1, 0}},
        PoolCase{"MaxLeNet", 4, 6, 28, 28, {0, 2, 2, 2, 2, 0, 0}},
        PoolCase{"AvgLeNet", 4, 6, 28, 28, {1, 2, 2, 2, 2, 0, 0}}),
    [](const ::testing::TestParamInfo<PoolCase> &info) { return info.param.name; });

} // namespace
