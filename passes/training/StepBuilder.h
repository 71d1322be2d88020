//===- StepBuilder.h - what every optimizer pass shares ----------*- C++ -*-===//
//
// The optimizer passes (dl-sgd, dl-adam, dl-rmsprop, dl-adagrad) all turn
// @loss_grad(args...) -> (primal..., gradients...) into
//   @train_step(args..., hyperparameters..., optimizer state...)
//       -> (primal..., updated parameters..., updated optimizer state...)
// StepBuilder checks @loss_grad (gradients paired with parameters by name,
// one element type), clones it, appends hyperparameter and optimizer_state
// arguments with their roles and names, and finally sets the results. The
// passes only write their update rule, in dl ops on the parameter's element
// type (docs/architecture.md, "Optimizers").
//
//===----------------------------------------------------------------------===//
#pragma once

#include "passes/common/DerivedFunction.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

#include <optional>

namespace dlc {

/// One parameter of @train_step: its value, its gradient and its name.
struct StepParam {
  mlir::Value value;
  mlir::Value grad;
  std::string name;
  unsigned index; ///< among the parameters
};

class StepBuilder {
public:
  /// Checks @gradFunc and clones it as @train_step. Errors name `pass`.
  static std::optional<StepBuilder> create(mlir::ModuleOp module, llvm::StringRef gradFunc,
                                           llvm::StringRef pass);

  llvm::ArrayRef<StepParam> params() const { return params_; }

  /// Appends the scalar hyperparameter argument `name` (element type of the
  /// parameters).
  mlir::Value hyperparameter(llvm::StringRef name);
  /// Optimizers that keep state call this first: state is named after its
  /// parameter, so every parameter needs a distinct dl.name (error if not).
  mlir::LogicalResult requireDistinctNames();
  /// Appends the optimizer_state argument `<param>.<key>`, shaped as `p`;
  /// `update` gives its new value, returned as a result of the same name.
  mlir::Value state(const StepParam &p, llvm::StringRef key);
  void update(const StepParam &p, llvm::StringRef key, mlir::Value updated);
  /// Appends the f32 optimizer_state `step` (steps taken before this one;
  /// zero-filled at the start, as torch's) and returns it as the element
  /// type; the result `step` is step + 1.
  mlir::Value step();
  /// Sets the updated parameter `p`.
  void setParameter(const StepParam &p, mlir::Value updated);
  /// Replaces the return: primal results, parameters, then state in the
  /// order the state arguments were appended.
  mlir::LogicalResult finish();

  // Arithmetic on dl tensors of the element type; scalars broadcast.
  mlir::Value constant(double v);
  mlir::Value add(mlir::Value a, mlir::Value b);
  mlir::Value sub(mlir::Value a, mlir::Value b);
  mlir::Value mul(mlir::Value a, mlir::Value b);
  mlir::Value div(mlir::Value a, mlir::Value b);
  mlir::Value sqrt(mlir::Value a);
  mlir::Value pow(mlir::Value a, mlir::Value b);
  mlir::Value maximum(mlir::Value a, mlir::Value b);
  mlir::Value minimum(mlir::Value a, mlir::Value b);
  /// 1 where `a == 0`, else 0 (element type).
  mlir::Value isZero(mlir::Value a);
  /// Σ a² over every element (a scalar).
  mlir::Value sumOfSquares(mlir::Value a);

private:
  StepBuilder(mlir::func::FuncOp step, mlir::Type elementType, std::string pass);

  mlir::func::FuncOp step_;
  mlir::Type elementType_;
  std::string pass_;
  mlir::OpBuilder b_;
  mlir::Location loc_;
  llvm::SmallVector<StepParam> params_;
  llvm::SmallVector<RoleValue> primal_;
  llvm::SmallVector<mlir::Value> updatedParams_;
  struct State {
    RoleValue updated;
    unsigned param;
    std::string key;
  };
  llvm::SmallVector<State> state_; ///< in argument order
};

} // namespace dlc
