//===- dlc.cpp - the dlc compiler driver ----------------------------------===//
//
//   dlc train lenet [--epochs N] [--batch-size B] [--lr F] [--data DIR] ...
//   dlc compile lenet|FILE.mlir --emit=dl|grad|linalg|llvm|llvm-ir [--train]
//   dlc summary lenet                     (layers, output shapes, parameters)
//   dlc bench lenet [--num-threads T] [--iters N]
//   dlc bleu REFERENCE HYPOTHESIS [--sentence] [--k N]
//   dlc run FILE.mlir [--function F] --input=@x.npy ... [--output=@y.npy] [--grad]
//
// Standard MLIR flags (--mlir-print-ir-after-all, --mlir-timing, ...) apply
// to every pipeline dlc runs.
//
//===----------------------------------------------------------------------===//
#include "tools/dlc/Command.h"
#include "tools/dlc/Commands.h"
#include "tools/dlc/JitFlags.h"

#include "frontend/Error.h"
#include "passes/Passes.h"
#include "runtime/text/BleuCommand.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"

#include <cstring>
#include <iostream>

namespace cl = llvm::cl;

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  if (argc > 1 && std::strcmp(argv[1], "bleu") == 0)
    return dlc::tools::runBleuCommand(argc - 1, argv + 1);

  cl::OptionCategory cat("dlc options");
  cl::opt<std::string> command(cl::Positional, cl::desc("<train|compile|summary|bench|bleu>"),
                               cl::Required, cl::cat(cat));
  cl::opt<std::string> input(cl::Positional,
                             cl::desc("<model name (lenet, mlp) or .mlir file>"),
                             cl::Required, cl::cat(cat));
  cl::opt<std::string> emit(
      "emit", cl::desc("compile: how deep to lower before printing: dl, grad (after autodiff "
                       "and SGD), linalg, llvm (LLVM dialect), llvm-ir"),
      cl::init("dl"), cl::cat(cat));
  cl::opt<bool> train("train", cl::desc("compile: build @train_step (autodiff + SGD); "
                                        "implied by --emit=grad"),
                      cl::init(false), cl::cat(cat));
  cl::opt<std::string> output("o", cl::desc("compile: output file (default stdout)"),
                              cl::init("-"), cl::cat(cat));
  cl::opt<std::string> data("data", cl::desc("train: Fashion-MNIST directory"),
                            cl::init("/usr/share/datasets/fashion-mnist"), cl::cat(cat));
  cl::opt<std::string> metrics("metrics", cl::desc("train: write one JSON object per epoch"),
                               cl::init(""), cl::cat(cat));
  cl::opt<int64_t> epochs("epochs", cl::desc("train: epochs"), cl::init(10), cl::cat(cat));
  cl::opt<int64_t> batchSize("batch-size", cl::desc("minibatch size"), cl::init(256),
                             cl::cat(cat));
  cl::opt<int64_t> limit("limit", cl::desc("train: use only the first N training examples"),
                         cl::init(0), cl::cat(cat));
  cl::opt<int64_t> threads("num-threads", cl::desc("OpenMP threads for oneDNN kernels and compiled loops (0: all cores)"),
                           cl::init(0), cl::cat(cat));
  cl::opt<int64_t> iters("iters", cl::desc("bench: timed iterations"), cl::init(20),
                         cl::cat(cat));
  cl::opt<int64_t> warmup("warmup", cl::desc("bench: untimed iterations"), cl::init(5),
                          cl::cat(cat));
  cl::opt<double> lr("lr", cl::desc("SGD learning rate"), cl::init(0.9), cl::cat(cat));
  cl::opt<double> weightDecay("weight-decay", cl::desc("L2 penalty (d2l's λ)"), cl::init(0.0),
                              cl::cat(cat));
  cl::opt<uint64_t> seed("seed", cl::desc("seed for initialisation and shuffling"),
                         cl::init(0), cl::cat(cat));
  // --cache-dir, --debug-info, --perf-map, --verbose-cache. With subcommands,
  // train and bench each declare their own (compile: --debug-info).
  dlc::tools::JitFlags jitFlags(cl::SubCommand::getTopLevel(), cat);

  // Passes first: --mlir-print-ir-after=<pass> parses pass names.
  dlc::registerAllDlcPasses();
  mlir::registerAsmPrinterCLOptions();
  mlir::registerMLIRContextCLOptions();
  mlir::registerPassManagerCLOptions();
  mlir::registerDefaultTimingManagerCLOptions();
  // LLVM registers hundreds of flags; show ours. The MLIR ones still work.
  cl::HideUnrelatedOptions(cat);
  cl::ParseCommandLineOptions(argc, argv,
                              "dlc: compile and train deep-learning models written in C++\n\n"
                              "  dlc train lenet [--epochs N] [--batch-size B] [--lr F] "
                              "[--data DIR] [--metrics FILE]\n"
                              "  dlc compile lenet|FILE.mlir --emit=dl|grad|linalg|llvm|llvm-ir\n"
                              "  dlc summary lenet [--batch-size B]\n"
                              "  dlc bench lenet [--num-threads T] [--iters N]\n"
                              "  dlc bleu REFERENCE HYPOTHESIS [--sentence] [--k N]\n"
                              "  dlc run FILE.mlir [--function F] --input=@x.npy|2x3xf32=1 2 ... "
                              "[--output=@y.npy] [--grad]\n\n"
                              "The standard MLIR flags apply to every pipeline dlc runs:\n"
                              "--mlir-print-ir-after-all, --mlir-timing, --mlir-print-debuginfo,\n"
                              "--mlir-pass-pipeline-crash-reproducer=FILE (see --help-hidden).\n");

  // oneDNN's OpenMP runtime reads this at its first parallel region.
  if (threads > 0) setenv("OMP_NUM_THREADS", std::to_string(threads).c_str(), 1);
  dlc::cpu::setDefaultJitOptions(jitFlags.options());
  // Subcommands registered through Command.h (each with its own options).
  if (dlc::tools::CommandFn fn = dlc::tools::chosenCommand()) {
    try {
      return fn();
    } catch (const std::exception &e) {
      std::cerr << "dlc: error: " << e.what() << "\n";
      return 1;
    }
  }
  dlc::tools::DriverOptions o{command, input, emit,   output, data,  metrics,
                              epochs,  batchSize, limit, threads, iters, warmup,
                              lr,      weightDecay, seed, train};
  if (o.batchSize < 1) {
    std::cerr << "dlc: error: --batch-size must be positive, got " << o.batchSize << "\n";
    return 2;
  }
  try {
    if (o.command == "train") return dlc::tools::runTrain(o);
    if (o.command == "compile") return dlc::tools::runCompile(o);
    if (o.command == "bench") return dlc::tools::runBench(o);
    if (o.command == "summary") return dlc::tools::runSummary(o);
    std::cerr << "dlc: error: unknown command '" << o.command
              << "' (expected train, compile, summary, bench or bleu)\n";
    return 2;
  } catch (const std::exception &e) {
    std::cerr << "dlc: error: " << e.what() << "\n";
    return 1;
  }
}
