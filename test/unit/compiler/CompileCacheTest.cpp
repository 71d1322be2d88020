//===- CompileCacheTest.cpp - equal modules compile once; the disk cache ---===//
#include "Harness.h"

#include "backends/cpu/DiskObjectCache.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <thread>

namespace dlc::test {
namespace {

using T = const std::vector<Tensor> &;

/// y = tanh(a * scale) + b, traced afresh into a new context each call.
std::unique_ptr<Compiled> traceScaled(float scale) {
  return std::make_unique<Compiled>(std::vector<InputSpec>{{{3, 5}}, {{5}}}, [scale](T a) {
    return add(tanh(mul(a[0], scalar(scale))), a[1]);
  });
}

void expectScaled(Compiled &fn, float scale) {
  auto in = fn.randomInputs(7);
  rt::HostTensor out = fn.output(in);
  ASSERT_EQ(out.numel(), 15);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 5; ++j) {
      float want = std::tanh(in[0].f32()[i * 5 + j] * scale) + in[1].f32()[j];
      ASSERT_NEAR(out.f32()[i * 5 + j], want, 1e-5) << i << "," << j;
    }
}

TEST(CompileCache, EqualModuleCompiledOncePerProcess) {
  cpu::JitStatistics before = cpu::jitStatistics();
  auto first = traceScaled(0.75f);
  auto second = traceScaled(0.75f); // another Graph, another MLIRContext, same IR
  cpu::JitStatistics after = cpu::jitStatistics();
  EXPECT_EQ(after.compiled - before.compiled, 1u);
  EXPECT_EQ(after.memoryHits - before.memoryHits, 1u);
  // The shared engine computes the right thing for both.
  expectScaled(*first, 0.75f);
  expectScaled(*second, 0.75f);
  // One constant differs: another key, another compilation, other results.
  auto other = traceScaled(-2.0f);
  EXPECT_EQ(cpu::jitStatistics().compiled - after.compiled, 1u);
  expectScaled(*other, -2.0f);
}

TEST(CompileCache, ConcurrentCompilesOfOneModuleShareOneCompilation) {
  cpu::JitStatistics before = cpu::jitStatistics();
  constexpr int kThreads = 4;
  std::vector<std::unique_ptr<Compiled>> fns(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&fns, t] { fns[t] = traceScaled(1.5f); });
  for (std::thread &t : threads) t.join();
  cpu::JitStatistics after = cpu::jitStatistics();
  EXPECT_EQ(after.compiled - before.compiled, 1u);
  EXPECT_EQ(after.memoryHits - before.memoryHits, uint64_t(kThreads - 1));
  for (auto &fn : fns) expectScaled(*fn, 1.5f);
}

/// A fresh directory under the system temp dir, removed at the end.
struct TempDir {
  TempDir() {
    llvm::SmallString<128> p;
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("dlc-cache-test", p));
    path = std::string(p);
  }
  ~TempDir() { llvm::sys::fs::remove_directories(path); }
  std::string path;
};

std::string readFile(const std::string &path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), {}};
}
void writeFile(const std::string &path, const std::string &bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

TEST(DiskObjectCache, RoundTripAndRejectsDamagedFiles) {
  TempDir dir;
  cpu::DiskObjectCache cache(dir.path + "/nested", /*verbose=*/false);
  const std::string key = "0123456789abcdef0123456789abcdef";
  std::string object(4096, '\0');
  for (size_t i = 0; i < object.size(); ++i) object[i] = char(i * 131 % 251);

  cpu::JitStatistics s0 = cpu::jitStatistics();
  EXPECT_EQ(cache.load(key), nullptr); // missing: a plain miss, not a rejection
  EXPECT_EQ(cpu::jitStatistics().diskRejected, s0.diskRejected);

  cache.store(key, object); // creates the directory
  auto loaded = cache.load(key);
  ASSERT_NE(loaded, nullptr);
  EXPECT_EQ(loaded->getBuffer().str(), object);
  std::string file = readFile(cache.pathFor(key));
  ASSERT_EQ(file.size(), object.size() + 24); // header: magic, size, checksum

  // Truncated, one payload byte changed, a header from elsewhere: each is
  // ignored (counted as rejected), never returned.
  auto expectRejected = [&](const std::string &bytes, const char *what) {
    writeFile(cache.pathFor(key), bytes);
    uint64_t rejected = cpu::jitStatistics().diskRejected;
    EXPECT_EQ(cache.load(key), nullptr) << what;
    EXPECT_EQ(cpu::jitStatistics().diskRejected, rejected + 1) << what;
  };
  expectRejected(file.substr(0, file.size() - 100), "truncated");
  std::string flipped = file;
  flipped[24 + 1000] ^= 0x01;
  expectRejected(flipped, "flipped byte");
  std::string badMagic = file;
  badMagic[0] = 'X';
  expectRejected(badMagic, "bad magic");
  expectRejected("", "empty");

  // Rewriting replaces the damaged file; no temporaries are left behind.
  cache.store(key, object);
  ASSERT_NE(cache.load(key), nullptr);
  std::error_code ec;
  int entries = 0;
  for (llvm::sys::fs::directory_iterator it(dir.path + "/nested", ec), end; it != end && !ec;
       it.increment(ec))
    ++entries;
  EXPECT_EQ(entries, 1);
}

} // namespace
} // namespace dlc::test
