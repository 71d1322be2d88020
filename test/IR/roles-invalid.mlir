// RUN: dlc-opt %s -split-input-file -verify-diagnostics

// The dialect checks dl.role / dl.name on function arguments and results.

// expected-error @+1 {{'func.func' op argument #0: 'dl.role' must be one of "input", "target", "parameter", "optimizer_state", "buffer", "rng_state", "hyperparameter", "loss", "output", "gradient"; got "weights"}}
func.func @f(%x: tensor<f32> {dl.role = "weights"}) -> tensor<f32> {
  return %x : tensor<f32>
}

// -----

// `{dl.trainable = false}` used to train the argument anyway; the attribute
// is gone and says what replaces it.
// expected-error @+1 {{'func.func' op argument #0: 'dl.trainable' is replaced by dl.role = "parameter"}}
func.func @f(%x: tensor<f32> {dl.trainable = false}) -> tensor<f32> {
  return %x : tensor<f32>
}

// -----

// expected-error @+1 {{'func.func' op result #0: 'dl.name' must be a string, got 3 : i64}}
func.func @f(%x: tensor<f32>) -> (tensor<f32> {dl.name = 3}) {
  return %x : tensor<f32>
}

// -----

// expected-error @+1 {{'func.func' op argument #0: unknown dl attribute 'dl.rol' (expected 'dl.role' or 'dl.name')}}
func.func @f(%x: tensor<f32> {dl.rol = "input"}) -> tensor<f32> {
  return %x : tensor<f32>
}

// -----

// Every role round-trips.
func.func @ok(%a: tensor<f32> {dl.role = "input", dl.name = "x"},
              %b: tensor<f32> {dl.role = "target"}, %c: tensor<f32> {dl.role = "parameter"},
              %d: tensor<f32> {dl.role = "optimizer_state"}, %e: tensor<f32> {dl.role = "buffer"},
              %f: tensor<f32> {dl.role = "rng_state"}, %g: tensor<f32> {dl.role = "hyperparameter"})
    -> (tensor<f32> {dl.role = "loss"}, tensor<f32> {dl.role = "output"},
        tensor<f32> {dl.role = "gradient", dl.name = "w"}) {
  return %a, %a, %a : tensor<f32>, tensor<f32>, tensor<f32>
}
