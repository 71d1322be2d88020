//===- TrainableArguments.cpp - which arguments training updates ----------===//
#include "passes/Passes.h"

using namespace mlir;

namespace dlc {

SmallVector<unsigned> trainableArguments(func::FuncOp f) {
  SmallVector<unsigned> marked, floats;
  for (unsigned i = 0, e = f.getNumArguments(); i < e; ++i) {
    auto t = dyn_cast<RankedTensorType>(f.getArgument(i).getType());
    if (!t || !t.getElementType().isF32()) continue; // dl-autodiff rejects marked ones
    // Stopgap until the lead's role conversion lands: role "parameter" too.
    auto role = dyn_cast_or_null<StringAttr>(f.getArgAttr(i, "dl.role"));
    if (f.getArgAttr(i, attr::kTrainable) || (role && role.getValue() == "parameter"))
      marked.push_back(i);
    floats.push_back(i);
  }
  return marked.empty() ? floats : marked;
}

} // namespace dlc
