//===- Symbols.cpp - oneDNN kernel addresses for the JIT ------------------===//
//
// One entry per kernel of runtime/abi/Kernels.def, plus the error slot.
//
//===----------------------------------------------------------------------===//
#include "backends/onednn/Symbols.h"
#include "backends/onednn/Kernels.h"


namespace dlc::rt {

std::span<const RuntimeSymbol> oneDNNSymbols() {
  static const RuntimeSymbol symbols[] = {
#define DLC_IN(n, t, r)
#define DLC_OUT(n, t, r)
#define DLC_INT(n)
#define DLC_KERNEL(name, summary, args)                                                  \
  {"_mlir_ciface_dlc_rt_" #name, reinterpret_cast<void *>(&_mlir_ciface_dlc_rt_##name)},
#include "runtime/abi/Kernels.def"
#undef DLC_KERNEL
#undef DLC_INT
#undef DLC_OUT
#undef DLC_IN
  };
  return symbols;
}

} // namespace dlc::rt
