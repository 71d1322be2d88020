//===- CacheTest.cpp - primitive reuse, concurrency and the symbol table ---===//

#include "backends/onednn/Kernels.h"
#include "runtime/abi/KernelTable.h"
#include "backends/onednn/Symbols.h"
#include "test/unit/onednn/Reference.h"

#include <set>
#include <string_view>
#include <thread>

using namespace dlc::rt::test;

namespace {

class PrimitiveCacheTest : public ::testing::Test {
protected:
  void SetUp() override { dlc_rt_clear_error(); }
  void TearDown() override {
    EXPECT_EQ(dlc_rt_last_error(), nullptr) << dlc_rt_last_error();
  }
};

// Shapes below are used nowhere else, so the counts do not depend on which
// other tests ran earlier in the same process.

TEST_F(PrimitiveCacheTest, SameShapeReusesPrimitive) {
  Tensor4 x(2, 3, 13, 13), w(5, 3, 3, 3), y(2, 5, 11, 11);
  x.randomize(21);
  w.randomize(22);
  auto xd = x.desc(), wd = w.desc(), yd = y.desc();
  size_t before = dlc_rt_onednn_cache_size();
  _mlir_ciface_dlc_rt_conv2d_fwd(&xd, &wd, &yd, 1, 1, 0, 0, 1, 1, 1);
  EXPECT_EQ(dlc_rt_onednn_cache_size(), before + 1);
  Tensor4 first = y;
  _mlir_ciface_dlc_rt_conv2d_fwd(&xd, &wd, &yd, 1, 1, 0, 0, 1, 1, 1);
  EXPECT_EQ(dlc_rt_onednn_cache_size(), before + 1);
  EXPECT_EQ(y.data, first.data);
  // A different padding is a different primitive.
  Tensor4 y2(2, 5, 13, 13);
  auto y2d = y2.desc();
  _mlir_ciface_dlc_rt_conv2d_fwd(&xd, &wd, &y2d, 1, 1, 1, 1, 1, 1, 1);
  EXPECT_EQ(dlc_rt_onednn_cache_size(), before + 2);
}

TEST_F(PrimitiveCacheTest, BackwardReusesForwardHint) {
  Tensor4 x(2, 3, 15, 15), w(5, 3, 3, 3), y(2, 5, 13, 13);
  auto xd = x.desc(), wd = w.desc(), yd = y.desc();
  size_t before = dlc_rt_onednn_cache_size();
  _mlir_ciface_dlc_rt_conv2d_fwd(&xd, &wd, &yd, 1, 1, 0, 0, 1, 1, 1);
  _mlir_ciface_dlc_rt_conv2d_bwd_data(&yd, &wd, &xd, 1, 1, 0, 0, 1, 1, 1);
  _mlir_ciface_dlc_rt_conv2d_bwd_filter(&xd, &yd, &wd, 1, 1, 0, 0, 1, 1, 1);
  EXPECT_EQ(dlc_rt_onednn_cache_size(), before + 3);
  _mlir_ciface_dlc_rt_conv2d_bwd_data(&yd, &wd, &xd, 1, 1, 0, 0, 1, 1, 1);
  _mlir_ciface_dlc_rt_conv2d_bwd_filter(&xd, &yd, &wd, 1, 1, 0, 0, 1, 1, 1);
  EXPECT_EQ(dlc_rt_onednn_cache_size(), before + 3);
}

TEST_F(PrimitiveCacheTest, MaxPoolBackwardRepeatsCorrectly) {
  // Training forward (with workspace) and backward: two cached primitives,
  // reused across calls; results must not leak between calls.
  PoolParams p{0, 2, 2, 2, 2, 0, 0};
  size_t before = dlc_rt_onednn_cache_size();
  for (unsigned iter = 0; iter < 3; ++iter) {
    Tensor4 x(3, 5, 10, 6), dy(3, 5, 5, 3), dx(3, 5, 10, 6, 42.0f);
    x.randomizeDistinct(30 + iter);
    dy.randomize(40 + iter);
    auto dyd = dy.desc(), xd = x.desc(), dxd = dx.desc();
    poolBwd(&dyd, &xd, &dxd, p.kind, p.kh, p.kw, p.sh, p.sw, p.ph,
                                   p.pw);
    expectClose(dx, refPoolBwd(dy, x, p));
  }
  EXPECT_EQ(dlc_rt_onednn_cache_size(), before + 2);
}

TEST_F(PrimitiveCacheTest, ConcurrentCallsBuildOnceAndAgree) {
  Tensor4 x(2, 4, 17, 17), w(6, 4, 3, 3);
  x.randomize(51);
  w.randomize(52);
  ConvParams p{2, 2, 1, 1};
  Tensor4 expected = refConvFwd(x, w, p);
  size_t before = dlc_rt_onednn_cache_size();
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        Tensor4 y(2, 6, 9, 9);
        auto xd = x.desc(), wd = w.desc(), yd = y.desc();
        _mlir_ciface_dlc_rt_conv2d_fwd(&xd, &wd, &yd, p.sh, p.sw, p.ph, p.pw, 1, 1, 1);
        if (dlc_rt_last_error()) ++failures[t];
        for (size_t k = 0; k < y.data.size(); ++k)
          if (std::fabs(y.data[k] - expected.data[k]) > 1e-4f) {
            ++failures[t];
            break;
          }
      }
    });
  for (auto &t : threads) t.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
  EXPECT_EQ(dlc_rt_onednn_cache_size(), before + 1);
}

TEST(OneDNNSymbols, ListsEveryEntryPoint) {
  auto symbols = dlc::rt::oneDNNSymbols();
  std::set<std::string_view> names;
  for (const auto &s : symbols) {
    EXPECT_TRUE(std::string_view(s.name).starts_with("_mlir_ciface_dlc_rt_")) << s.name;
    EXPECT_NE(s.address, nullptr) << s.name;
    names.insert(s.name);
  }
  // Exactly the kernels of runtime/abi/Kernels.def, each once.
  std::set<std::string> table;
  for (const dlc::rt::KernelSpec &k : dlc::rt::kKernels)
    table.insert(std::string("_mlir_ciface_dlc_rt_") + k.name);
  EXPECT_EQ(symbols.size(), table.size());
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()), table);
  EXPECT_TRUE(table.count("_mlir_ciface_dlc_rt_max_pool2d_fwd_train"));
  for (const auto &s : symbols)
    if (std::string_view(s.name) == "_mlir_ciface_dlc_rt_conv2d_fwd")
      EXPECT_EQ(s.address, reinterpret_cast<void *>(&_mlir_ciface_dlc_rt_conv2d_fwd));
}

} // namespace

namespace {

/// Every kernel lists its arguments as the lowering passes them: the op's
/// operands (In), then its results (Out), then integers; buffers have a rank.
TEST(KernelTable, ArgumentsAreInputsThenOutputsThenIntegers) {
  for (const dlc::rt::KernelSpec &k : dlc::rt::kKernels) {
    int last = dlc::rt::KernelArg::In;
    for (const dlc::rt::KernelArg &a : k.args) {
      EXPECT_GE(int(a.kind), last) << k.name << ": '" << a.name << "' is out of order";
      last = a.kind;
      if (a.kind == dlc::rt::KernelArg::Int) EXPECT_EQ(a.rank, 0) << k.name << "." << a.name;
      else EXPECT_GE(a.rank, 1) << k.name << "." << a.name;
    }
    EXPECT_GE(k.count(dlc::rt::KernelArg::Out), 1u) << k.name << " writes nothing";
  }
  // The kernel with two results and an integer operand, as declared once.
  const dlc::rt::KernelSpec *train = dlc::rt::findKernel("max_pool2d_fwd_train");
  ASSERT_NE(train, nullptr);
  EXPECT_EQ(train->count(dlc::rt::KernelArg::Out), 2u);
  EXPECT_EQ(train->args[2].element, dlc::rt::ElementKind::I8);
  const dlc::rt::KernelSpec *bwd = dlc::rt::findKernel("max_pool2d_bwd");
  ASSERT_NE(bwd, nullptr);
  EXPECT_EQ(bwd->args[1].kind, dlc::rt::KernelArg::In);
  EXPECT_EQ(bwd->args[1].element, dlc::rt::ElementKind::I8);
  EXPECT_EQ(dlc::rt::findKernel("no_such_kernel"), nullptr);
}

} // namespace
