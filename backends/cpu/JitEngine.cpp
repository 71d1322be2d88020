//===- JitEngine.cpp - ORC LLJIT holding one compiled dl module -----------===//
#include "backends/cpu/JitEngine.h"
#include "backends/cpu/OpenMPShim.h"

#include "backends/onednn/Symbols.h"
#include "runtime/abi/IndexCheck.h"

#include "mlir/ExecutionEngine/OptUtils.h"

#include "llvm/ExecutionEngine/JITEventListener.h"
#include "llvm/ExecutionEngine/Orc/AbsoluteSymbols.h"
#include "llvm/ExecutionEngine/Orc/CompileUtils.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/ExecutionEngine/Orc/Mangling.h"
#include "llvm/ExecutionEngine/Orc/RTDyldObjectLinkingLayer.h"
#include "llvm/ExecutionEngine/SectionMemoryManager.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Target/TargetMachine.h"

using namespace llvm;

namespace dlc::cpu {

static Error makeError(const Twine &message) {
  return make_error<StringError>(message, inconvertibleErrorCode());
}

static std::string packedName(StringRef name) { return ("_mlir_" + name).str(); }

/// `_mlir_<f>(ptr args)`: calls `f(*args[0], *args[1], ...)`, storing a
/// non-void result through args[n]. One signature for every entry point lets
/// JitModule::call pass any number of memref descriptors.
static void addPackedWrapper(Module &m, Function &f) {
  LLVMContext &ctx = m.getContext();
  IRBuilder<> b(ctx);
  auto *type = FunctionType::get(b.getVoidTy(), {b.getPtrTy()}, /*isVarArg=*/false);
  Function *wrapper =
      Function::Create(type, GlobalValue::ExternalLinkage, packedName(f.getName()), m);
  b.SetInsertPoint(BasicBlock::Create(ctx, "entry", wrapper));
  Value *args = wrapper->getArg(0);
  SmallVector<Value *> operands;
  for (Argument &a : f.args()) {
    Value *slot = b.CreateConstGEP1_64(b.getPtrTy(), args, a.getArgNo());
    operands.push_back(b.CreateLoad(a.getType(), b.CreateLoad(b.getPtrTy(), slot)));
  }
  Value *result = b.CreateCall(&f, operands);
  if (!f.getReturnType()->isVoidTy()) {
    Value *slot = b.CreateConstGEP1_64(b.getPtrTy(), args, f.arg_size());
    b.CreateStore(result, b.CreateLoad(b.getPtrTy(), slot));
  }
  b.CreateRetVoid();
}

static Expected<orc::JITTargetMachineBuilder> hostMachine() {
  auto jtmb = orc::JITTargetMachineBuilder::detectHost();
  if (!jtmb) return jtmb.takeError();
  jtmb->setCodeGenOptLevel(CodeGenOptLevel::Aggressive);
  return jtmb;
}

Expected<std::unique_ptr<JitEngine>> JitEngine::create(const Options &options) {
  auto jtmb = hostMachine();
  if (!jtmb) return jtmb.takeError();
  auto layout = jtmb->getDefaultDataLayoutForTarget();
  if (!layout) return layout.takeError();
  ObjectCache *cache = options.cache.get();
  bool perf = options.perfMap;
  auto jit =
      orc::LLJITBuilder()
          .setJITTargetMachineBuilder(std::move(*jtmb))
          .setDataLayout(*layout)
          // No initializer or atexit machinery: compiled steps have no global
          // constructors (compile() refuses modules that do), and the
          // generic platform would add platform glue to every cached object.
          .setPlatformSetUp(orc::setUpInactivePlatform)
          .setObjectLinkingLayerCreator(
              [perf](orc::ExecutionSession &es) -> Expected<std::unique_ptr<orc::ObjectLayer>> {
                auto layer = std::make_unique<orc::RTDyldObjectLinkingLayer>(
                    es, [](const MemoryBuffer &) { return std::make_unique<SectionMemoryManager>(); });
                // gdb learns about every object (cheap; symbols and, with
                // debug info, source lines). perf only when asked.
                if (JITEventListener *gdb = JITEventListener::createGDBRegistrationListener())
                  layer->registerJITEventListener(*gdb);
                if (perf)
                  if (JITEventListener *p = JITEventListener::createPerfJITEventListener())
                    layer->registerJITEventListener(*p);
                return std::move(layer);
              })
          .setCompileFunctionCreator(
              [cache](orc::JITTargetMachineBuilder jtmb)
                  -> Expected<std::unique_ptr<orc::IRCompileLayer::IRCompiler>> {
                auto tm = jtmb.createTargetMachine();
                if (!tm) return tm.takeError();
                return std::make_unique<orc::TMOwningSimpleCompiler>(std::move(*tm), cache);
              })
          .create();
  if (!jit) return jit.takeError();

  std::unique_ptr<JitEngine> engine(new JitEngine());
  engine->cache_ = options.cache;
  engine->jit_ = std::move(*jit);
  // Runtime kernels and the OpenMP shim, ahead of the process's own symbols
  // (the shim's __kmpc_* must win over any libomp that happens to be loaded).
  orc::JITDylib &main = engine->jit_->getMainJITDylib();
  orc::MangleAndInterner mangle(main.getExecutionSession(), engine->jit_->getDataLayout());
  orc::SymbolMap symbols;
  for (auto table : {rt::oneDNNSymbols(), openMPShimSymbols()})
    for (const rt::RuntimeSymbol &s : table)
      symbols[mangle(s.name)] = {orc::ExecutorAddr::fromPtr(s.address), JITSymbolFlags::Exported};
  // What indexing ops (dl.embedding, ...) call for an index out of range.
  symbols[mangle(rt::kIndexErrorSymbol)] = {
      orc::ExecutorAddr::fromPtr(&dlc_rt_index_out_of_range), JITSymbolFlags::Exported};
  if (Error e = main.define(orc::absoluteSymbols(std::move(symbols)))) return std::move(e);
  return engine;
}

Error JitEngine::resolve(const std::vector<std::string> &entryPoints) {
  for (const std::string &name : entryPoints) {
    auto addr = jit_->lookup(packedName(name));
    if (!addr) {
      // ORC's error may refer to strings the JIT owns: flatten it now.
      return makeError("cannot resolve " + name + ": " + toString(addr.takeError()));
    }
    packed_[name] = addr->toPtr<void (*)(void **)>();
  }
  return Error::success();
}

Expected<std::unique_ptr<JitEngine>>
JitEngine::compile(std::unique_ptr<Module> module, std::unique_ptr<LLVMContext> context,
                   const std::vector<std::string> &entryPoints, const Options &options) {
  if (module->getNamedGlobal("llvm.global_ctors"))
    return makeError("the module has global constructors, which dlc's JIT does not run");
  for (const std::string &name : entryPoints) {
    Function *f = module->getFunction(name);
    if (!f || f->isDeclaration()) return makeError("no function " + name + " in the LLVM module");
    addPackedWrapper(*module, *f);
  }
  // Optimize for the machine the code will run on: the loop vectorizer needs
  // the host's TargetTransformInfo to use AVX-512.
  auto jtmb = hostMachine();
  if (!jtmb) return jtmb.takeError();
  auto tm = jtmb->createTargetMachine();
  if (!tm) return tm.takeError();
  module->setDataLayout((*tm)->createDataLayout());
  module->setTargetTriple((*tm)->getTargetTriple());
  if (Error e = mlir::makeOptimizingTransformer(/*optLevel=*/3, /*sizeLevel=*/0, tm->get())(
          module.get()))
    return std::move(e);

  auto engine = create(options);
  if (!engine) return engine.takeError();
  orc::ThreadSafeModule tsm(std::move(module), std::move(context));
  if (Error e = (*engine)->jit_->addIRModule(std::move(tsm))) return std::move(e);
  // The first lookup compiles the whole module (and writes the cache).
  if (Error e = (*engine)->resolve(entryPoints)) return std::move(e);
  return engine;
}

Expected<std::unique_ptr<JitEngine>>
JitEngine::load(std::unique_ptr<MemoryBuffer> object, const std::vector<std::string> &entryPoints,
                const Options &options) {
  auto engine = create(options);
  if (!engine) return engine.takeError();
  if (Error e = (*engine)->jit_->addObjectFile(std::move(object))) return std::move(e);
  if (Error e = (*engine)->resolve(entryPoints)) return std::move(e);
  return engine;
}

JitEngine::~JitEngine() = default;

Error JitEngine::invokePacked(StringRef name, MutableArrayRef<void *> args) const {
  auto it = packed_.find(name);
  if (it == packed_.end()) return makeError("no compiled entry point " + name);
  it->second(args.data());
  return Error::success();
}

} // namespace dlc::cpu
