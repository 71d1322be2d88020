//===- RunCommand.cpp - dlc run: call a function of a .mlir file ----------===//
//
//   dlc run FILE.mlir [--function NAME] --input=@x.npy --input="2x3xf32=1 2 3 4 5 6"
//           [--output=@out.npy ...] [--grad]
//
// In the manner of IREE's iree-run-module: inputs in argument order, from
// .npy files or inline literals; results to .npy files or printed one per
// line in the same inline format. --grad differentiates the function with
// dl-autodiff first and runs @<f>_grad, so the parameter gradients follow
// the function's results. Every mismatch between an input and its argument
// is reported with the argument's index, its dl.name and both types.
//
//===----------------------------------------------------------------------===//
#include "tools/common/InputChecks.h"
#include "tools/dlc/Command.h"
#include "tools/dlc/JitFlags.h"
#include "backends/cpu/JitOptions.h"

#include "backends/cpu/JitModule.h"
#include "passes/Passes.h"
#include "runtime/io/Npy.h"
#include "runtime/io/TensorLiteral.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Transforms/Passes.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SourceMgr.h"

#include <cstdio>
#include <stdexcept>

namespace cl = llvm::cl;
using namespace mlir;

namespace dlc::tools {
namespace {

cl::SubCommand RunCmd("run", "Call a function of a .mlir file on .npy or inline inputs");
cl::OptionCategory runCat("dlc run options");
cl::OptionCategory jitCategory("JIT options (docs/jit.md)");
JitFlags jitFlags(RunCmd, jitCategory);

cl::opt<std::string> inputFile(cl::Positional, cl::desc("<FILE.mlir, or - for stdin>"),
                               cl::Required, cl::sub(RunCmd), cl::cat(runCat));
cl::opt<std::string> functionName(
    "function", cl::desc("function to call (default: the module's only public function)"),
    cl::value_desc("NAME"), cl::sub(RunCmd), cl::cat(runCat));
cl::list<std::string> inputs(
    "input",
    cl::desc("one per argument, in order: @FILE.npy, or SHAPExTYPE=VALUES such as "
             "\"2x3xf32=1 2 3 4 5 6\" or f32=3.5"),
    cl::value_desc("@FILE.npy|SHAPExTYPE=VALUES"), cl::sub(RunCmd), cl::cat(runCat));
cl::list<std::string> outputs(
    "output",
    cl::desc("@FILE.npy for each result in order; results without one are printed"),
    cl::value_desc("@FILE.npy"), cl::sub(RunCmd), cl::cat(runCat));
cl::opt<bool> grad("grad",
                   cl::desc("differentiate the function (dl-autodiff) and run @<f>_grad: "
                            "the gradient of its scalar loss for each parameter follows "
                            "its results"),
                   cl::init(false), cl::sub(RunCmd), cl::cat(runCat));

[[noreturn]] void fail(const std::string &msg) { throw std::runtime_error(msg); }

/// "1 result", "2 results".
std::string count(size_t n, const char *noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

/// "@a, @b".
std::string listFunctions(const SmallVector<func::FuncOp> &fs) {
  SmallVector<std::string> names;
  for (func::FuncOp f : fs) names.push_back(("@" + f.getSymName()).str());
  return llvm::join(names, ", ");
}

/// The public function to run, as --function names it.
func::FuncOp chooseFunction(ModuleOp module) {
  SmallVector<func::FuncOp> callable;
  for (auto f : module.getOps<func::FuncOp>())
    if (f.isPublic() && !f.isExternal()) callable.push_back(f);
  if (callable.empty()) fail(inputFile + " has no public function to run");
  if (functionName.empty()) {
    if (callable.size() > 1)
      fail(inputFile + " has " + std::to_string(callable.size()) + " public functions (" +
           listFunctions(callable) + "): choose one with --function");
    return callable.front();
  }
  for (func::FuncOp f : callable)
    if (f.getSymName() == functionName) return f;
  fail("no public function @" + functionName + " in " + inputFile + " (it has " +
       listFunctions(callable) + ")");
}

/// Differentiates @name with dl-autodiff; returns @name_grad's name.
std::string differentiate(ModuleOp module, const std::string &name) {
  PassManager pm(module.getContext());
  (void)applyPassManagerCLOptions(pm);
  pm.addPass(createDLAutodiff(DLAutodiffOptions{name}));
  if (failed(pm.run(module))) fail("--grad: dl-autodiff failed on @" + name + " (see above)");
  return name + "_grad";
}

/// Keeps only @keep and what it calls: the JIT compiles every public
/// function, and a zoo module's other entry points would double the work.
void pruneTo(ModuleOp module, StringRef keep) {
  for (auto f : module.getOps<func::FuncOp>())
    if (f.getSymName() != keep && f.isPublic() && !f.isExternal()) f.setPrivate();
  PassManager pm(module.getContext());
  pm.addPass(createSymbolDCEPass());
  if (failed(pm.run(module))) fail("internal error: symbol-dce failed");
}

/// The tensor --input #i describes.
rt::HostTensor loadInput(size_t i, const std::string &spec) {
  if (!spec.empty() && spec[0] == '@') return rt::readNpy(spec.substr(1));
  try {
    return rt::parseTensorLiteral(spec);
  } catch (const std::invalid_argument &e) {
    fail("--input #" + std::to_string(i) + " '" + spec + "': " + e.what());
  }
}

/// "#0 "x" f32[4, 1, 28, 28], #1 ...": what a function expects.
std::string describe(const std::vector<cpu::TensorSpec> &specs) {
  std::string s;
  for (size_t i = 0; i < specs.size(); ++i)
    s += std::string(i ? ", " : "") + specs[i].label(i) + " " + specs[i].str();
  return s;
}

int runRun() {
  DialectRegistry registry;
  registerDlcDialects(registry);
  MLIRContext context(registry);
  llvm::SourceMgr sources;
  SourceMgrDiagnosticHandler diagnostics(sources, &context);
  std::string error;
  auto file = openInputFile(inputFile, &error);
  if (!file) fail(error);
  if (failed(checkNestingDepth(*file))) return 1;
  sources.AddNewSourceBuffer(std::move(file), llvm::SMLoc());
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sources, &context);
  if (!module) return 1; // the parser reported where

  std::string callee = chooseFunction(*module).getSymName().str();
  if (grad) callee = differentiate(*module, callee);
  pruneTo(*module, callee);

  const size_t numInputs = inputs.size();
  // Cheap checks first: compiling LeNet takes seconds.
  for (size_t i = 0; i < outputs.size(); ++i)
    if (outputs[i].size() < 2 || outputs[i][0] != '@')
      fail("--output #" + std::to_string(i) + " '" + outputs[i] +
           "': expected @FILE.npy (results without an --output are printed)");

  cpu::setDefaultJitOptions(jitFlags.options());
  std::unique_ptr<cpu::JitModule> jit = cpu::JitModule::compile(*module, PipelineOptions{});
  const cpu::Signature &sig = jit->signature(callee);
  if (numInputs != sig.inputs.size())
    fail("@" + callee + " has " + count(sig.inputs.size(), "argument") + ", got " +
         std::to_string(numInputs) + " --input: expected " + describe(sig.inputs));
  if (outputs.size() > sig.results.size())
    fail("@" + callee + " has " + count(sig.results.size(), "result") + ", got " +
         std::to_string(outputs.size()) + " --output");

  std::vector<rt::HostTensor> args;
  for (size_t i = 0; i < numInputs; ++i) {
    rt::HostTensor t = loadInput(i, inputs[i]);
    const cpu::TensorSpec &want = sig.inputs[i];
    if (t.dtype() != want.dtype || t.shape() != want.shape)
      fail("--input #" + std::to_string(i) + " (" + inputs[i] + "): argument " +
           want.label(i) + " of @" + callee + " is " + want.str() + ", the input is " +
           t.typeString());
    args.push_back(std::move(t));
  }
  std::vector<rt::HostTensor> results = jit->allocateResults(callee);
  std::vector<const rt::HostTensor *> in;
  for (const rt::HostTensor &t : args) in.push_back(&t);
  std::vector<rt::HostTensor *> out;
  for (rt::HostTensor &t : results) out.push_back(&t);
  jit->call(callee, in, out);

  for (size_t r = 0; r < results.size(); ++r) {
    if (r < outputs.size()) rt::writeNpy(outputs[r].substr(1), results[r]);
    else std::printf("%s\n", rt::formatTensorLiteral(results[r]).c_str());
  }
  std::fflush(stdout);
  return 0;
}

RegisterCommand registration(RunCmd, &runRun);

} // namespace
} // namespace dlc::tools
