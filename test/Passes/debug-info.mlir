// RUN: dlc-opt %s --dl-debug-line-zero --ensure-debug-info-scope-on-llvm-func --dl-debug-file-scopes --mlir-print-debuginfo | FileCheck %s

// What `--debug-info` adds at the end of the LLVM stage (docs/jit.md):
// dl-debug-line-zero gives the location-less call line 0 (LLVM's verifier
// requires one), and dl-debug-file-scopes scopes each op's location in its
// own file, found through the DSL's NameLoc wrapper, so line tables say
// model.cpp:9 and zoo.cpp:21 instead of the function's unknown file.

// CHECK-DAG: #[[MODEL:.*]] = #llvm.di_file<"model.cpp" in "">
// CHECK-DAG: #[[ZOO:.*]] = #llvm.di_file<"zoo.cpp" in "">
// CHECK-DAG: loc("<unknown>":0:0)
// CHECK-DAG: #[[SPF:di_subprogram[0-9]*]] = #llvm.di_subprogram<{{.*}}name = "f"
// CHECK-DAG: #[[SPG:di_subprogram[0-9]*]] = #llvm.di_subprogram<{{.*}}name = "g"
// CHECK-DAG: #llvm.di_lexical_block_file<scope = #[[SPF]], file = #[[MODEL]], discriminator = 0>
// CHECK-DAG: #llvm.di_lexical_block_file<scope = #[[SPG]], file = #[[ZOO]], discriminator = 0>
module {
  llvm.func @f(%arg0: f32) -> f32 {
    %0 = llvm.fadd %arg0, %arg0 : f32 loc("model.cpp":9:7)
    llvm.return %0 : f32 loc("model.cpp":10:7)
  } loc(unknown)
  llvm.func @g(%arg0: f32) -> f32 {
    %0 = llvm.call @f(%arg0) : (f32) -> f32 loc(unknown)
    llvm.return %0 : f32 loc("Linear(2, 3)"("zoo.cpp":21:5))
  } loc(unknown)
}
