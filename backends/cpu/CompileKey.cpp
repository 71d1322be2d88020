//===- CompileKey.cpp - what makes two compilations the same --------------===//
#include "backends/cpu/CompileKey.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OperationSupport.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/bit.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"

#include <algorithm>
#include <mutex>

namespace dlc::cpu {

/// The host CPU, LLVM and this executable: fixed for the process.
static const std::string &processFingerprint() {
  static std::string fp;
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::raw_string_ostream os(fp);
    os << "llvm " LLVM_VERSION_STRING "\ncpu " << llvm::sys::getHostCPUName() << "\n";
    std::vector<std::string> features;
    for (const auto &f : llvm::sys::getHostCPUFeatures())
      features.push_back((f.second ? "+" : "-") + f.first().str());
    std::sort(features.begin(), features.end());
    for (const std::string &f : features) os << f << ",";
    // A rebuilt dlc gets a new mtime: its cache entries are simply missed.
    llvm::sys::fs::file_status exe;
    if (!llvm::sys::fs::status("/proc/self/exe", exe))
      os << "\nexe " << exe.getSize() << " "
         << exe.getLastModificationTime().time_since_epoch().count();
    os << "\n";
  });
  return fp;
}

std::string compileKey(mlir::ModuleOp module, const PipelineOptions &pipeline,
                       const JitOptions &jit, const std::string &lowering) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "dlc-jit-key-v1\n" << processFingerprint();
  os << "training " << pipeline.training << " debug-info " << jit.debugInfo << "\nlowering " << lowering << "\n";
  // The optimizer's structure changes @train_step (its numbers are runtime
  // arguments and do not).
  const OptimizerSpec &o = pipeline.optimizer;
  os << "func " << pipeline.func << " optimizer " << int(o.kind) << " nesterov " << o.nesterov
     << " momentum " << o.momentum << " centered " << o.centered << " amsgrad " << o.amsgrad
     << " clip-grad-norm " << o.clipGradNorm << "\n";
  mlir::OpPrintingFlags flags;
  flags.enableDebugInfo(/*enable=*/jit.debugInfo, /*prettyForm=*/false);
  module->print(os, flags);
  auto digest = llvm::BLAKE3::hash<16>(llvm::arrayRefFromStringRef(text));
  return llvm::toHex(digest, /*LowerCase=*/true);
}

} // namespace dlc::cpu
