//===- OpenMPContractTest.cpp - generated code only calls what the shim serves -===//
//
// Compiled parallel loops call LLVM's libomp ABI, which backends/cpu/OpenMPShim
// serves on libgomp. A __kmpc_* entry point the shim lacks is only found at
// JIT link time, on the first model that needs it. These tests compile the
// pipelines to LLVM IR and compare every __kmpc_* declaration with the shim's
// table, and exercise the shim's fork with every supported argument count.
//
//===----------------------------------------------------------------------===//
#include "backends/cpu/OpenMPShim.h"
#include "backends/onednn/Errors.h"
#include "frontend/Graph.h"
#include "frontend/Trainer.h"
#include "frontend/zoo/Zoo.h"
#include "passes/Passes.h"

#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Export.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdarg>
#include <set>
#include <string>

namespace dlc {
namespace {

using ::testing::HasSubstr;

std::set<std::string> shimSymbols() {
  std::set<std::string> names;
  for (const rt::RuntimeSymbol &s : cpu::openMPShimSymbols()) names.insert(s.name);
  return names;
}

/// Names of the __kmpc_* functions `module` (lowered to the LLVM dialect)
/// declares once translated to LLVM IR.
std::set<std::string> kmpcCalls(mlir::ModuleOp module) {
  llvm::LLVMContext context;
  std::unique_ptr<llvm::Module> ir = mlir::translateModuleToLLVMIR(module, context);
  EXPECT_TRUE(ir) << "translation to LLVM IR failed";
  std::set<std::string> names;
  if (!ir) return names;
  for (llvm::Function &f : *ir)
    if (f.isDeclaration() && f.getName().starts_with("__kmpc_")) names.insert(f.getName().str());
  return names;
}

/// Lowers `module` through `stage` and returns its __kmpc_* calls.
std::set<std::string> compile(mlir::MLIRContext &context, mlir::ModuleOp module,
                              PipelineOptions options) {
  mlir::PassManager pm(&context);
  buildPipeline(pm, Stage::LLVM, options);
  EXPECT_TRUE(succeeded(pm.run(module)));
  return kmpcCalls(module);
}

void expectServed(const std::set<std::string> &calls) {
  std::set<std::string> served = shimSymbols();
  for (const std::string &name : calls)
    EXPECT_TRUE(served.count(name)) << name << " is called by generated code but not served by "
                                    << "backends/cpu/OpenMPShim.cpp";
}

TEST(OpenMPContract, LeNetTrainingStepCallsOnlyShimSymbols) {
  mlir::DialectRegistry registry;
  registerDlcDialects(registry);
  Graph graph;
  graph.context().appendDialectRegistry(registry);
  zoo::ZooModel zm = zoo::byName("lenet");
  zm.model->parameters();
  TrainerOptions options;
  options.batchSize = 256;
  options.exampleShape = zm.exampleShape;
  traceClassifier(graph, *zm.model, options);
  mlir::OwningOpRef<mlir::ModuleOp> module = graph.takeModule();
  std::set<std::string> calls = compile(graph.context(), *module, {/*training=*/true});
  // LeNet's big elementwise nests do run in parallel: the check is not vacuous.
  EXPECT_TRUE(calls.count("__kmpc_fork_call"));
  expectServed(calls);
}

// Reductions of every shape the dialect has, big enough to be worth a fork,
// and a hand-written parallel reduction: none may need __kmpc_reduce*.
TEST(OpenMPContract, ReductionsCallOnlyShimSymbols) {
  constexpr const char *kSource = R"mlir(
    func.func @sums(%x: tensor<1024x512xf32>) -> (tensor<f32>, tensor<512xf32>, tensor<1024xf32>, tensor<1024x512xf32>) {
      %0 = dl.reduce_sum %x axes = [0, 1] : tensor<1024x512xf32> -> tensor<f32>
      %1 = dl.reduce_sum %x axes = [0] : tensor<1024x512xf32> -> tensor<512xf32>
      %2 = dl.reduce_sum %x axes = [1] : tensor<1024x512xf32> -> tensor<1024xf32>
      %3 = dl.softmax %x axis = 1 : tensor<1024x512xf32>
      return %0, %1, %2, %3 : tensor<f32>, tensor<512xf32>, tensor<1024xf32>, tensor<1024x512xf32>
    }
    func.func @scf_reduce(%a: memref<512x256xf32>) -> f32 {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %c256 = arith.constant 256 : index
      %c512 = arith.constant 512 : index
      %zero = arith.constant 0.0 : f32
      %r = scf.parallel (%i, %j) = (%c0, %c0) to (%c512, %c256) step (%c1, %c1) init (%zero) -> f32 {
        %x = memref.load %a[%i, %j] : memref<512x256xf32>
        scf.reduce(%x : f32) {
        ^bb0(%lhs: f32, %rhs: f32):
          %s = arith.addf %lhs, %rhs : f32
          scf.reduce.return %s : f32
        }
      }
      return %r : f32
    })mlir";
  mlir::DialectRegistry registry;
  registerDlcDialects(registry);
  mlir::MLIRContext context(registry);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceString<mlir::ModuleOp>(kSource, &context);
  ASSERT_TRUE(module);
  std::set<std::string> calls = compile(context, *module, {});
  EXPECT_TRUE(calls.count("__kmpc_fork_call")); // softmax's nests are parallel
  for (const std::string &name : calls) EXPECT_THAT(name, ::testing::Not(HasSubstr("reduce")));
  expectServed(calls);
}

//===----------------------------------------------------------------------===//
// __kmpc_fork_call with many captured arguments
//===----------------------------------------------------------------------===//

using ForkCall = void (*)(void *, int32_t, void (*)(int32_t *, int32_t *, ...), ...);

ForkCall forkCall() {
  for (const rt::RuntimeSymbol &s : cpu::openMPShimSymbols())
    if (std::string(s.name) == "__kmpc_fork_call") return reinterpret_cast<ForkCall>(s.address);
  return nullptr;
}

int gExpectedArgs = 0;
std::atomic<int> gThreadsRight{0}, gThreadsRun{0};
int64_t gValues[cpu::kMaxForkArguments + 1];

/// A microtask that checks it received &gValues[0 .. gExpectedArgs).
void checkArgs(int32_t *gtid, int32_t *btid, ...) {
  va_list ap;
  va_start(ap, btid);
  bool right = gtid && btid && *gtid == *btid;
  for (int i = 0; i < gExpectedArgs; ++i) right &= va_arg(ap, int64_t *) == &gValues[i];
  va_end(ap);
  gThreadsRun.fetch_add(1);
  if (right) gThreadsRight.fetch_add(1);
}

/// Calls fork with `n` pointer arguments, &gValues[0 .. n).
void forkWith(int n) {
  ForkCall fork = forkCall();
  ASSERT_NE(fork, nullptr);
  int64_t *v = gValues;
  switch (n) {
  case 0: fork(nullptr, 0, checkArgs); break;
  case 1: fork(nullptr, 1, checkArgs, v); break;
  case 2: fork(nullptr, 2, checkArgs, v, v + 1); break;
  case 3: fork(nullptr, 3, checkArgs, v, v + 1, v + 2); break;
  case 8: fork(nullptr, 8, checkArgs, v, v + 1, v + 2, v + 3, v + 4, v + 5, v + 6, v + 7); break;
  case 9: fork(nullptr, 9, checkArgs, v, v + 1, v + 2, v + 3, v + 4, v + 5, v + 6, v + 7, v + 8);
    break;
  case 15:
    fork(nullptr, 15, checkArgs, v, v + 1, v + 2, v + 3, v + 4, v + 5, v + 6, v + 7, v + 8, v + 9,
         v + 10, v + 11, v + 12, v + 13, v + 14);
    break;
  case 16:
    fork(nullptr, 16, checkArgs, v, v + 1, v + 2, v + 3, v + 4, v + 5, v + 6, v + 7, v + 8, v + 9,
         v + 10, v + 11, v + 12, v + 13, v + 14, v + 15);
    break;
  default: FAIL() << "no call written for " << n << " arguments";
  }
}

TEST(OpenMPShim, ForkForwardsUpToTheBound) {
  static_assert(cpu::kMaxForkArguments == 15, "update the calls in forkWith");
  for (int n : {0, 1, 2, 3, 8, 9, 15}) {
    gExpectedArgs = n;
    gThreadsRight = 0;
    gThreadsRun = 0;
    dlc_rt_clear_error();
    forkWith(n);
    EXPECT_EQ(dlc_rt_last_error(), nullptr) << n << " arguments";
    EXPECT_GE(gThreadsRun.load(), 1) << n << " arguments";
    // Every thread of the team ran the region and saw every argument.
    EXPECT_EQ(gThreadsRight.load(), gThreadsRun.load()) << n << " arguments";
  }
}

TEST(OpenMPShim, ForkPastTheBoundIsAnErrorNotATrap) {
  gExpectedArgs = 16;
  gThreadsRun = 0;
  dlc_rt_clear_error();
  forkWith(16);
  EXPECT_EQ(gThreadsRun.load(), 0); // the region did not run with missing arguments
  const char *error = dlc_rt_last_error();
  ASSERT_NE(error, nullptr);
  EXPECT_THAT(error, HasSubstr("captures 16 arguments"));
  EXPECT_THAT(error, HasSubstr("at most 15"));
  dlc_rt_clear_error();
}

} // namespace
} // namespace dlc
