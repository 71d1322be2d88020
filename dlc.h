//===- dlc.h - everything a program using dlc includes -----------*- C++ -*-===//
//
// The umbrella header of the installed library: `#include <dlc/dlc.h>` with
// dlc::dlc linked (docs/downstream.md). It and every header it includes are
// free of MLIR and LLVM headers, so a model file compiles in about a second;
// the installed headers keep their paths in this repository under
// <prefix>/include/dlc/. cmake/Install.cmake installs the public headers
// (by directory); test `install.downstream` checks that none of them
// includes MLIR or LLVM and that each of their includes is installed.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Checkpoint.h"
#include "frontend/Error.h"
#include "frontend/Fit.h"
#include "frontend/Graph.h"
#include "frontend/Ops.h"
#include "frontend/Optimizer.h"
#include "frontend/Parameter.h"
#include "frontend/Schedule.h"
#include "frontend/Tensor.h"
#include "frontend/Trainer.h"
#include "frontend/TrainingCheckpoint.h"
#include "frontend/nn/Init.h"
#include "frontend/nn/Layers.h"
#include "frontend/nn/Module.h"
#include "frontend/zoo/Zoo.h"
#include "passes/PipelineOptions.h"
#include "runtime/core/HostTensor.h"
#include "runtime/data/BatchIterator.h"
#include "runtime/data/DataError.h"
#include "runtime/data/FashionMNIST.h"
#include "runtime/data/Image.h"
#include "runtime/io/Npy.h"
#include "runtime/io/Safetensors.h"
#include "runtime/io/TensorLiteral.h"
#include "runtime/metrics/Progress.h"
// once the checkpoint branch is merged.
