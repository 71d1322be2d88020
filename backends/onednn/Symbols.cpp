//===- Symbols.cpp - oneDNN kernel addresses for the JIT ------------------===//

#include "backends/onednn/Symbols.h"
#include "backends/onednn/Kernels.h"

#include <array>

namespace dlc::rt {

std::span<const RuntimeSymbol> oneDNNSymbols() {
  static const std::array<RuntimeSymbol, 6> symbols = {{
      {"_mlir_ciface_dlc_rt_conv2d_fwd",
       reinterpret_cast<void *>(&_mlir_ciface_dlc_rt_conv2d_fwd)},
      {"_mlir_ciface_dlc_rt_conv2d_bwd_data",
       reinterpret_cast<void *>(&_mlir_ciface_dlc_rt_conv2d_bwd_data)},
      {"_mlir_ciface_dlc_rt_conv2d_bwd_filter",
       reinterpret_cast<void *>(&_mlir_ciface_dlc_rt_conv2d_bwd_filter)},
      {"_mlir_ciface_dlc_rt_pool2d_fwd",
       reinterpret_cast<void *>(&_mlir_ciface_dlc_rt_pool2d_fwd)},
      {"_mlir_ciface_dlc_rt_pool2d_bwd",
       reinterpret_cast<void *>(&_mlir_ciface_dlc_rt_pool2d_bwd)},
      {"_mlir_ciface_dlc_rt_matmul", reinterpret_cast<void *>(&_mlir_ciface_dlc_rt_matmul)},
  }};
  return symbols;
}

} // namespace dlc::rt
