//===- Init.h - parameter initialisers (torch.nn.init) ----------*- C++ -*-===//
//
// torch.nn.init's functions with its names, arguments and formulas, filling
// an rt::HostTensor (f32, f64 or bf16) from a Generator (std::mt19937_64):
// the same bounds and standard deviations as torch, not torch's random
// stream. test/oracle/init.py extracts torch's actual bounds and standard
// deviations from its own draws; InitTest.cpp checks ours against them.
//
//   init::kaimingNormal(w, rng, 0, "fan_out", "relu");
//
// Models choose how each parameter is drawn and Module::initialize(seed)
// draws them all from one generator. init::apply re-chooses for the
// parameters whose dotted names match a pattern:
//
//   init::apply(model, "*.weight", [](rt::HostTensor &w, init::Generator &g) {
//     init::xavierNormal(w, g);
//   });
//   model.initialize(0);   // draws the new choice (docs/training.md)
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Parameter.h"

#include <optional>
#include <string_view>
#include <vector>

namespace dlc::nn {
class Module;
}

namespace dlc::nn::init {

using nn::Generator;
using nn::InitFn;

/// torch.nn.init.calculate_gain: linear, conv{1,2,3}d, conv_transpose{1,2,3}d,
/// sigmoid → 1; tanh → 5/3; relu → √2; leaky_relu → √(2/(1+slope²)), slope
/// = param or 0.01; selu → 3/4. Anything else is an error.
double calculateGain(std::string_view nonlinearity, std::optional<double> param = std::nullopt);

struct Fans {
  int64_t fanIn, fanOut;
};
/// torch's _calculate_fan_in_and_fan_out: shape (out, in, k...) gives
/// fan_in = in·Πk, fan_out = out·Πk (a Conv2d weight: in_ch·kh·kw). Rank < 2
/// is an error.
Fans calculateFanInAndFanOut(const std::vector<int64_t> &shape);
/// `mode` is "fan_in" or "fan_out".
int64_t calculateCorrectFan(const std::vector<int64_t> &shape, std::string_view mode);

/// The numbers the draws below use (torch's formulas, in double).
/// xavier: std = gain·√(2/(fan_in+fan_out)), uniform bound = √3·std.
double xavierNormalStd(const std::vector<int64_t> &shape, double gain = 1.0);
double xavierUniformBound(const std::vector<int64_t> &shape, double gain = 1.0);
/// kaiming: std = calculateGain(nonlinearity, a)/√fan, uniform bound = √3·std.
double kaimingNormalStd(const std::vector<int64_t> &shape, double a = 0.0,
                        std::string_view mode = "fan_in",
                        std::string_view nonlinearity = "leaky_relu");
double kaimingUniformBound(const std::vector<int64_t> &shape, double a = 0.0,
                           std::string_view mode = "fan_in",
                           std::string_view nonlinearity = "leaky_relu");

/// U[a, b): every element drawn independently (a ≤ b, both finite).
void uniform(rt::HostTensor &t, Generator &rng, double a = 0.0, double b = 1.0);
/// N(mean, std²) (std ≥ 0; std = 0 fills with mean).
void normal(rt::HostTensor &t, Generator &rng, double mean = 0.0, double std = 1.0);
void constant(rt::HostTensor &t, double value);
void zeros(rt::HostTensor &t);
void ones(rt::HostTensor &t);
void xavierUniform(rt::HostTensor &t, Generator &rng, double gain = 1.0);
void xavierNormal(rt::HostTensor &t, Generator &rng, double gain = 1.0);
void kaimingUniform(rt::HostTensor &t, Generator &rng, double a = 0.0,
                    std::string_view mode = "fan_in",
                    std::string_view nonlinearity = "leaky_relu");
void kaimingNormal(rt::HostTensor &t, Generator &rng, double a = 0.0,
                   std::string_view mode = "fan_in",
                   std::string_view nonlinearity = "leaky_relu");

/// Draws one parameter as its `init` says (what Module::initialize does for
/// each parameter, in order, from one generator).
void initializeParameter(Parameter &p, Generator &rng);

/// Makes every parameter of `model` whose dotted name matches `pattern`
/// ('*' matches any run of characters, dots included: "*.weight", "0.*",
/// "3.bias") use `fn` from the next model.initialize(seed) on. Returns how
/// many matched; none is an error listing the parameters' names.
int64_t apply(Module &model, std::string_view pattern, InitFn fn);

/// Does `name` match the glob `pattern` ('*' only)?
bool matchesPattern(std::string_view pattern, std::string_view name);

} // namespace dlc::nn::init
