//===- JitModule.cpp - compile a dl module and call its functions ---------===//
#include "backends/cpu/JitModule.h"
#include "backends/cpu/CompileCache.h"
#include "backends/cpu/CompileKey.h"
#include "backends/cpu/DiskObjectCache.h"
#include "backends/cpu/JitCounters.h"
#include "backends/cpu/JitEngine.h"

#include "runtime/abi/ErrorSlot.h"
#include "ir/Roles.h"
#include "passes/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"
#include "mlir/Target/LLVMIR/Export.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <malloc.h>
#include <mutex>
#include <optional>

using namespace mlir;

namespace dlc::cpu {

std::string TensorSpec::str() const { return rt::typeString(dtype, shape); }

std::string TensorSpec::label(size_t index) const {
  std::string s = "#" + std::to_string(index);
  return name.empty() ? s : s + " \"" + name + "\"";
}

/// The runtime element type stored like MLIR's `e` in a memref, if any
/// (integers are signless; i1 is one byte per element after LLVM lowering).
static std::optional<rt::DType> dtypeOf(Type e) {
  if (e.isF32()) return rt::DType::F32;
  if (e.isF64()) return rt::DType::F64;
  if (e.isBF16()) return rt::DType::BF16;
  if (e.isSignlessInteger(1)) return rt::DType::I1;
  if (e.isSignlessInteger(8)) return rt::DType::I8;
  if (e.isSignlessInteger(32)) return rt::DType::I32;
  if (e.isSignlessInteger(64)) return rt::DType::I64;
  return std::nullopt;
}

/// The spec of argument or result `index` of `fn` (`what`: "argument" or
/// "result"); errors name the function, the argument and the type.
static TensorSpec specOf(Type t, const std::string &fn, const char *what, unsigned index,
                         StringRef dlName) {
  std::string typeStr;
  llvm::raw_string_ostream(typeStr) << t;
  TensorSpec spec;
  spec.name = dlName.str();
  std::string who = "@" + fn + " " + what + " " + spec.label(index) + ": ";
  auto tt = dyn_cast<RankedTensorType>(t);
  if (!tt || !tt.hasStaticShape())
    throw JitError(who + typeStr +
                   " cannot cross the call boundary (only statically shaped tensors can)");
  std::optional<rt::DType> dtype = dtypeOf(tt.getElementType());
  if (!dtype)
    throw JitError(who + typeStr + " cannot cross the call boundary: element types f32, f64, "
                   "bf16, i1, i8, i32 and i64 can");
  spec.shape.assign(tt.getShape().begin(), tt.getShape().end());
  spec.dtype = *dtype;
  return spec;
}

static void initializeNativeTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    // Compiled steps malloc and free the same multi-megabyte activations
    // every call. glibc serves those with mmap/munmap by default, so every
    // step would page-fault its activations in afresh; keep them in the heap.
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
  });
}

static std::string errorText(llvm::Error e) {
  std::string msg;
  llvm::raw_string_ostream os(msg);
  os << e;
  return msg;
}

std::unique_ptr<JitModule> JitModule::compile(ModuleOp module, const PipelineOptions &options) {
  return compile(module, options, defaultJitOptions());
}

std::unique_ptr<JitModule> JitModule::compile(ModuleOp module, const PipelineOptions &options,
                                              const JitOptions &jitOptions) {
  std::unique_ptr<JitModule> jit(new JitModule());
  // Bufferization and LLVM translation work through interfaces that the
  // registry attaches to upstream dialects.
  DialectRegistry registry;
  registerDlcDialects(registry);
  module.getContext()->appendDialectRegistry(registry);
  // Public functions are callable: give them C interfaces.
  for (auto f : module.getOps<func::FuncOp>()) {
    if (f.isPrivate() || f.isExternal()) continue;
    f->setAttr("llvm.emit_c_interface", UnitAttr::get(module.getContext()));
  }

  std::string diagnostics;
  llvm::raw_string_ostream os(diagnostics);
  ScopedDiagnosticHandler handler(module.getContext(), [&](Diagnostic &d) {
    os << d.getLocation() << ": " << d << "\n";
    return success();
  });
  // The standard MLIR flags (--mlir-print-ir-after-all, --mlir-timing, ...)
  // apply when the tool registered them; elsewhere these calls do nothing.
  DefaultTimingManager timing;
  applyDefaultTimingManagerCLOptions(timing);
  TimingScope timingScope = timing.getRootScope();
  auto configure = [&](PassManager &pm) {
    (void)applyPassManagerCLOptions(pm);
    pm.enableTiming(timingScope);
  };
  // Signatures are read after autodiff/SGD have added their functions but
  // before bufferization changes them: run in two steps.
  PassManager grad(module.getContext());
  configure(grad);
  buildPipeline(grad, Stage::Grad, options);
  if (failed(grad.run(module))) throw JitError("compilation failed:\n" + diagnostics);
  std::vector<std::string> entryPoints;
  for (auto f : module.getOps<func::FuncOp>()) {
    if (f.isPrivate() || f.isExternal()) continue;
    Signature sig;
    std::string name = f.getSymName().str();
    for (auto [i, t] : llvm::enumerate(f.getArgumentTypes())) {
      sig.inputs.push_back(specOf(t, name, "argument", i, dl::argName(f, i)));
      if (auto role = dl::argRole(f, i)) sig.inputs.back().role = dl::stringifyRole(*role).str();
    }
    for (auto [i, t] : llvm::enumerate(f.getResultTypes())) {
      sig.results.push_back(specOf(t, name, "result", i, dl::resultName(f, i)));
      if (auto role = dl::resultRole(f, i))
        sig.results.back().role = dl::stringifyRole(*role).str();
    }
    jit->signatures_[name] = std::move(sig);
    entryPoints.push_back("_mlir_ciface_" + name);
  }
  PipelineOptions lowering; // the grad stage already ran
  lowering.debugInfo = jitOptions.debugInfo;
  PassManager lower(module.getContext());
  configure(lower);
  buildPipeline(lower, Stage::LLVM, lowering);

  // Everything that decides the machine code is known now: an equal module
  // compiled before (in this process, or on disk) needs no lowering at all.
  std::string loweringText;
  llvm::raw_string_ostream lt(loweringText);
  lower.printAsTextualPipeline(lt);
  std::string key = compileKey(module, options, jitOptions, loweringText);

  initializeNativeTarget();
  bool hit = false;
  jit->engine_ = CompileCache::instance().getOrBuild(key, [&]() -> std::shared_ptr<JitEngine> {
    JitEngine::Options eo;
    eo.perfMap = jitOptions.perfMap;
    std::shared_ptr<DiskObjectCache> disk;
    if (!jitOptions.cacheDir.empty()) {
      disk = std::make_shared<DiskObjectCache>(jitOptions.cacheDir, jitOptions.verboseCache);
      eo.cache = disk;
      if (auto object = disk->load(key)) {
        auto engine = JitEngine::load(std::move(object), entryPoints, eo);
        if (engine) return std::move(*engine);
        ++jitCounters().diskRejected;
        llvm::errs() << "dlc: warning: cached object '" << disk->pathFor(key)
                     << "' failed to link (" << errorText(engine.takeError())
                     << "); recompiling\n";
      }
    }
    if (failed(lower.run(module))) throw JitError("lowering failed:\n" + diagnostics);
    auto context = std::make_unique<llvm::LLVMContext>();
    std::unique_ptr<llvm::Module> llvmModule = translateModuleToLLVMIR(module, *context);
    if (!llvmModule) throw JitError("translation to LLVM IR failed:\n" + diagnostics);
    // The object cache files compiled code under the module's identifier.
    llvmModule->setModuleIdentifier(key);
    auto engine = JitEngine::compile(std::move(llvmModule), std::move(context), entryPoints, eo);
    if (!engine) throw JitError("JIT compilation failed: " + errorText(engine.takeError()));
    ++jitCounters().compiled;
    return std::move(*engine);
  }, hit);
  if (hit) ++jitCounters().memoryHits;
  return jit;
}

JitModule::~JitModule() = default;

const Signature &JitModule::signature(const std::string &name) const {
  auto it = signatures_.find(name);
  if (it == signatures_.end()) throw JitError("no public function @" + name + " in the module");
  return it->second;
}

std::vector<rt::HostTensor> JitModule::allocateResults(const std::string &name) const {
  std::vector<rt::HostTensor> out;
  for (const TensorSpec &s : signature(name).results) out.emplace_back(s.shape, s.dtype);
  return out;
}

static void checkArgs(const std::string &fn, const char *what,
                      const std::vector<TensorSpec> &specs,
                      const std::vector<const rt::HostTensor *> &given) {
  if (specs.size() != given.size())
    throw JitError("@" + fn + " has " + std::to_string(specs.size()) + " " + what + "s, got " +
                   std::to_string(given.size()) + " tensors for them");
  for (size_t i = 0; i < specs.size(); ++i)
    if (!given[i] || given[i]->empty() || given[i]->shape() != specs[i].shape ||
        given[i]->dtype() != specs[i].dtype)
      throw JitError("@" + fn + " " + what + " " + specs[i].label(i) + ": expected " +
                     specs[i].str() + ", got " +
                     (given[i] && !given[i]->empty() ? given[i]->typeString() : "nothing"));
}

void JitModule::call(const std::string &name, const std::vector<const rt::HostTensor *> &inputs,
                     const std::vector<rt::HostTensor *> &results) {
  const Signature &sig = signature(name);
  checkArgs(name, "argument", sig.inputs, inputs);
  checkArgs(name, "result", sig.results,
            std::vector<const rt::HostTensor *>(results.begin(), results.end()));
  // Descriptor words for every argument, then a pointer to each (the C
  // interface), then a pointer to each of those (the packed calling form).
  std::vector<std::vector<int64_t>> words;
  for (const rt::HostTensor *t : inputs) words.push_back(t->descriptor());
  for (rt::HostTensor *t : results) words.push_back(t->descriptor());
  std::vector<void *> descs, packed;
  for (auto &w : words) descs.push_back(w.data());
  for (auto &d : descs) packed.push_back(&d);
  dlc_rt_clear_error();
  if (llvm::Error e = engine_->invokePacked("_mlir_ciface_" + name, packed)) {
    std::string msg;
    llvm::raw_string_ostream ms(msg);
    ms << e;
    throw JitError("calling @" + name + " failed: " + msg);
  }
  if (const char *err = dlc_rt_last_error())
    throw JitError("@" + name + ": runtime kernel failed: " + err);
}

} // namespace dlc::cpu
