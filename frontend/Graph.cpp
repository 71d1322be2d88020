//===- Graph.cpp - tracing C++ model code into dl IR ----------------------===//
#include "frontend/Graph.h"

#include "frontend/Tensor.h"
#include "frontend/Parameter.h"
#include "ir/DLOps.h"
#include "ir/Roles.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/IR/Verifier.h"

#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace dlc {

static thread_local Graph *currentGraph = nullptr;

std::string Site::str() const {
  return std::string(where.file_name()) + ":" + std::to_string(where.line());
}

void Site::fail(const std::string &op, const std::string &message) const {
  std::string text = str() + ": error: ";
  if (!layer.empty()) text += "in " + layer + ": ";
  throw Error(text + op + ": " + message);
}

struct Graph::State {
  State() : context(std::make_unique<MLIRContext>()), builder(context.get()) {}
  std::unique_ptr<MLIRContext> context;
  OwningOpRef<ModuleOp> module;
  OpBuilder builder;
  std::unique_ptr<Block> block; ///< body of the function being traced
};

Graph::Graph() : state_(std::make_unique<State>()) {
  state_->context->loadDialect<dl::DLDialect, func::FuncDialect>();
  state_->module = ModuleOp::create(UnknownLoc::get(state_->context.get()));
}

MLIRContext &Graph::context() { return *state_->context; }
ModuleOp Graph::module() { return *state_->module; }
OpBuilder &Graph::builder() { return state_->builder; }

Graph::~Graph() {
  if (currentGraph == this) currentGraph = nullptr;
}

Graph &Graph::current() {
  if (!currentGraph)
    throw Error("[dlc::Graph] no model is being traced: call the model between "
                "Graph::beginFunction() and finishFunction()");
  return *currentGraph;
}

void Graph::beginFunction() {
  state_->block = std::make_unique<Block>();
  pending_.clear();
  paramArgs_.clear();
  rngArg_ = -1;
  randomOps_ = 0;
  state_->builder.setInsertionPointToEnd(state_->block.get());
  currentGraph = this;
}

Location Graph::location(const Site &site) {
  Location file = FileLineColLoc::get(&context(), site.where.file_name(), site.where.line(),
                                      site.where.column());
  if (site.layer.empty()) return file;
  return NameLoc::get(StringAttr::get(&context(), site.layer), file);
}

static Type elementType(MLIRContext *ctx, rt::DType t) {
  switch (t) {
  case rt::DType::F32: return Float32Type::get(ctx);
  case rt::DType::F64: return Float64Type::get(ctx);
  case rt::DType::BF16: return BFloat16Type::get(ctx);
  case rt::DType::I1: return IntegerType::get(ctx, 1);
  case rt::DType::I8: return IntegerType::get(ctx, 8);
  case rt::DType::I32: return IntegerType::get(ctx, 32);
  case rt::DType::I64: return IntegerType::get(ctx, 64);
  }
  return Float32Type::get(ctx);
}

Tensor Graph::input(const std::string &name, std::vector<int64_t> shape, rt::DType dtype,
                    Site site, Binding::Kind kind) {
  if (!state_->block) site.fail("input", "no function is being traced");
  for (int64_t d : shape)
    if (d <= 0) site.fail("input '" + name + "'", "dimensions must be positive");
  auto type = RankedTensorType::get(shape, elementType(&context(), dtype));
  Value arg = state_->block->addArgument(type, location(site));
  pending_.push_back({kind, name, nullptr});
  return Tensor(this, arg);
}

Tensor Graph::parameter(nn::Parameter &p) {
  if (!state_->block) throw Error("[dlc::Graph] parameter '" + p.name + "' used outside tracing");
  auto it = paramArgs_.find(&p);
  if (it != paramArgs_.end()) return Tensor(this, state_->block->getArgument(it->second));
  auto type = RankedTensorType::get(p.value.shape(), elementType(&context(), p.value.dtype()));
  Value arg = state_->block->addArgument(type, location(p.site));
  paramArgs_[&p] = cast<BlockArgument>(arg).getArgNumber();
  pending_.push_back({Binding::Param, p.name, &p});
  return Tensor(this, arg);
}

Tensor Graph::rngState(Site site) {
  if (!state_->block) site.fail("rng_state", "no function is being traced");
  if (rngArg_ >= 0) return Tensor(this, state_->block->getArgument(rngArg_));
  auto type = RankedTensorType::get({2}, IntegerType::get(&context(), 64));
  Value arg = state_->block->addArgument(type, location(site));
  rngArg_ = static_cast<int>(cast<BlockArgument>(arg).getArgNumber());
  pending_.push_back({Binding::RngState, "rng", nullptr});
  return Tensor(this, arg);
}

int64_t Graph::nextRandomOpId() { return randomOps_++; }

static dl::Role roleOf(Binding::Kind k) {
  switch (k) {
  case Binding::Input: return dl::Role::input;
  case Binding::Target: return dl::Role::target;
  case Binding::Param: return dl::Role::parameter;
  case Binding::Buffer: return dl::Role::buffer;
  case Binding::RngState: return dl::Role::rng_state;
  }
  return dl::Role::input;
}

const std::vector<Binding> &Graph::finishFunction(const std::string &name,
                                                  const std::vector<Tensor> &results,
                                                  std::vector<ResultKind> kinds) {
  if (!state_->block) throw Error("[dlc::Graph] finishFunction without beginFunction");
  SmallVector<Value> values;
  SmallVector<Type> types;
  for (const Tensor &t : results) {
    values.push_back(t.value());
    types.push_back(t.value().getType());
  }
  Location loc = UnknownLoc::get(&context());
  func::ReturnOp::create(state_->builder, loc, values);
  OpBuilder mb(&context());
  mb.setInsertionPointToEnd(state_->module->getBody());
  auto fn = func::FuncOp::create(mb, loc, name,
                                 FunctionType::get(&context(), state_->block->getArgumentTypes(),
                                                   types));
  fn.getBody().push_back(state_->block.release());
  for (auto [i, b] : llvm::enumerate(pending_)) dl::setArgRole(fn, i, roleOf(b.kind), b.name);
  if (kinds.empty())
    for (auto [i, t] : llvm::enumerate(types))
      kinds.push_back(i == 0 && cast<RankedTensorType>(t).getRank() == 0 ? ResultKind::Loss
                                                                        : ResultKind::Output);
  if (kinds.size() != types.size())
    throw Error("[dlc::Graph] finishFunction: " + std::to_string(kinds.size()) +
                " result kinds for " + std::to_string(types.size()) + " results");
  for (auto [i, k] : llvm::enumerate(kinds))
    dl::setResultRole(fn, i, k == ResultKind::Loss ? dl::Role::loss : dl::Role::output, "");
  // Every op was shape-checked as it was built; verify the rest (an op
  // rule the DSL did not anticipate) and report it as the user's error.
  std::string diag;
  {
    ScopedDiagnosticHandler handler(&context(), [&](Diagnostic &d) {
      llvm::raw_string_ostream os(diag);
      os << d.getLocation() << ": error: " << d << "\n";
      return success();
    });
    if (failed(verify(fn))) {
      fn.erase();
      throw Error("[dlc::Graph] traced function @" + name + " is invalid:\n" + diag);
    }
  }
  if (currentGraph == this) currentGraph = nullptr;
  return functions_[name] = std::move(pending_);
}

const std::vector<Binding> &Graph::bindings(const std::string &function) const {
  auto it = functions_.find(function);
  if (it == functions_.end()) throw Error("[dlc::Graph] no traced function @" + function);
  return it->second;
}

OwningOpRef<ModuleOp> Graph::takeModule() {
  OwningOpRef<ModuleOp> m = std::move(state_->module);
  state_->module = ModuleOp::create(UnknownLoc::get(&context()));
  return m;
}

} // namespace dlc
