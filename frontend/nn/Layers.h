//===- Layers.h - the built-in layers ---------------------------*- C++ -*-===//
//
// Every built-in layer, one header per family. Layers are compositions of
// DSL ops and need no gradient code.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/nn/Activation.h"
#include "frontend/nn/Container.h"
#include "frontend/nn/Conv.h"
#include "frontend/nn/Dropout.h"
#include "frontend/nn/Embedding.h"
#include "frontend/nn/Linear.h"
#include "frontend/nn/Pooling.h"
#include "frontend/nn/Recurrent.h"
