//===- Init.cpp - parameter initialisers (torch.nn.init) ------------------===//
#include "frontend/nn/Init.h"

#include "frontend/nn/Module.h"

#include <cmath>
#include <sstream>

namespace dlc::nn::init {

namespace {

[[noreturn]] void fail(const std::string &fn, const std::string &message) {
  throw Error("nn::init::" + fn + ": " + message);
}

std::string num(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

/// Calls fill(ptr, n, tag) with the tensor's storage as float, double or
/// BF16; any other element type is an error naming `fn`.
template <typename Fill> void dispatch(rt::HostTensor &t, const char *fn, Fill fill) {
  if (t.empty() && t.numel() != 0) fail(fn, "the tensor has no storage");
  switch (t.dtype()) {
  case rt::DType::F32: return fill(t.data<float>(), t.numel());
  case rt::DType::F64: return fill(t.data<double>(), t.numel());
  case rt::DType::BF16: return fill(t.data<rt::BF16>(), t.numel());
  default:
    fail(fn, "expects a floating-point tensor (f32, f64, bf16), got " + t.typeString());
  }
}

template <typename T> T fromDouble(double v) {
  if constexpr (std::is_same_v<T, rt::BF16>) return rt::BF16::fromFloat(float(v));
  else return T(v);
}

/// The type draws are made in: the element type, float for bf16.
template <typename T> using DrawType = std::conditional_t<std::is_same_v<T, double>, double, float>;

} // namespace

double calculateGain(std::string_view nl, std::optional<double> param) {
  for (const char *linear : {"linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d",
                             "conv_transpose2d", "conv_transpose3d", "sigmoid"})
    if (nl == linear) return 1.0;
  if (nl == "tanh") return 5.0 / 3;
  if (nl == "relu") return std::sqrt(2.0);
  if (nl == "leaky_relu") {
    double slope = param.value_or(0.01);
    if (!std::isfinite(slope))
      fail("calculateGain", "negative_slope " + num(slope) + " not a valid number");
    return std::sqrt(2.0 / (1 + slope * slope));
  }
  if (nl == "selu") return 3.0 / 4;
  fail("calculateGain", "unsupported nonlinearity '" + std::string(nl) +
                            "' (expected linear, conv1d, conv2d, conv3d, conv_transpose1d, "
                            "conv_transpose2d, conv_transpose3d, sigmoid, tanh, relu, "
                            "leaky_relu, selu)");
}

Fans calculateFanInAndFanOut(const std::vector<int64_t> &shape) {
  std::string str = "[";
  for (size_t i = 0; i < shape.size(); ++i) str += (i ? ", " : "") + std::to_string(shape[i]);
  str += "]";
  if (shape.size() < 2)
    fail("calculateFanInAndFanOut", "fan in and fan out can not be computed for a tensor with "
                                    "fewer than 2 dimensions, got shape " + str);
  int64_t receptive = 1, fanIn = 0, fanOut = 0;
  for (int64_t d : shape)
    if (d < 0) fail("calculateFanInAndFanOut", "negative dimension in shape " + str);
  for (size_t i = 2; i < shape.size(); ++i)
    if (__builtin_mul_overflow(receptive, shape[i], &receptive))
      fail("calculateFanInAndFanOut", "the receptive field of shape " + str + " overflows");
  if (__builtin_mul_overflow(shape[1], receptive, &fanIn) ||
      __builtin_mul_overflow(shape[0], receptive, &fanOut))
    fail("calculateFanInAndFanOut", "the fans of shape " + str + " overflow");
  return {fanIn, fanOut};
}

int64_t calculateCorrectFan(const std::vector<int64_t> &shape, std::string_view mode) {
  if (mode != "fan_in" && mode != "fan_out")
    fail("calculateCorrectFan",
         "mode '" + std::string(mode) + "' not supported, please use one of fan_in, fan_out");
  Fans f = calculateFanInAndFanOut(shape);
  return mode == "fan_in" ? f.fanIn : f.fanOut;
}

double xavierNormalStd(const std::vector<int64_t> &shape, double gain) {
  Fans f = calculateFanInAndFanOut(shape);
  if (f.fanIn + f.fanOut == 0) return 0.0; // zero elements: nothing is drawn
  return gain * std::sqrt(2.0 / double(f.fanIn + f.fanOut));
}

double xavierUniformBound(const std::vector<int64_t> &shape, double gain) {
  return std::sqrt(3.0) * xavierNormalStd(shape, gain);
}

double kaimingNormalStd(const std::vector<int64_t> &shape, double a, std::string_view mode,
                        std::string_view nonlinearity) {
  int64_t fan = calculateCorrectFan(shape, mode);
  double gain = calculateGain(nonlinearity, a);
  return fan == 0 ? 0.0 : gain / std::sqrt(double(fan));
}

double kaimingUniformBound(const std::vector<int64_t> &shape, double a, std::string_view mode,
                           std::string_view nonlinearity) {
  return std::sqrt(3.0) * kaimingNormalStd(shape, a, mode, nonlinearity);
}

void uniform(rt::HostTensor &t, Generator &rng, double a, double b) {
  if (!std::isfinite(a) || !std::isfinite(b) || a > b)
    fail("uniform", "expects finite a <= b, got a=" + num(a) + ", b=" + num(b));
  dispatch(t, "uniform", [&]<typename T>(T *v, int64_t n) {
    using D = DrawType<T>;
    if (D(a) == D(b)) {
      for (int64_t i = 0; i < n; ++i) v[i] = fromDouble<T>(a);
      return;
    }
    std::uniform_real_distribution<D> dist{D(a), D(b)};
    for (int64_t i = 0; i < n; ++i) v[i] = fromDouble<T>(dist(rng));
  });
}

void normal(rt::HostTensor &t, Generator &rng, double mean, double std) {
  if (!std::isfinite(mean) || !std::isfinite(std) || std < 0)
    fail("normal", "expects a finite mean and std >= 0, got mean=" + num(mean) +
                       ", std=" + num(std));
  dispatch(t, "normal", [&]<typename T>(T *v, int64_t n) {
    using D = DrawType<T>;
    if (std == 0) {
      for (int64_t i = 0; i < n; ++i) v[i] = fromDouble<T>(mean);
      return;
    }
    std::normal_distribution<D> dist{D(mean), D(std)};
    for (int64_t i = 0; i < n; ++i) v[i] = fromDouble<T>(dist(rng));
  });
}

void constant(rt::HostTensor &t, double value) {
  dispatch(t, "constant", [&]<typename T>(T *v, int64_t n) {
    for (int64_t i = 0; i < n; ++i) v[i] = fromDouble<T>(value);
  });
}

void zeros(rt::HostTensor &t) { constant(t, 0.0); }
void ones(rt::HostTensor &t) { constant(t, 1.0); }

void xavierUniform(rt::HostTensor &t, Generator &rng, double gain) {
  double b = xavierUniformBound(t.shape(), gain);
  uniform(t, rng, -b, b);
}

void xavierNormal(rt::HostTensor &t, Generator &rng, double gain) {
  normal(t, rng, 0.0, xavierNormalStd(t.shape(), gain));
}

void kaimingUniform(rt::HostTensor &t, Generator &rng, double a, std::string_view mode,
                    std::string_view nonlinearity) {
  double b = kaimingUniformBound(t.shape(), a, mode, nonlinearity);
  uniform(t, rng, -b, b);
}

void kaimingNormal(rt::HostTensor &t, Generator &rng, double a, std::string_view mode,
                   std::string_view nonlinearity) {
  normal(t, rng, 0.0, kaimingNormalStd(t.shape(), a, mode, nonlinearity));
}

void initializeParameter(Parameter &p, Generator &rng) {
  switch (p.init) {
  case Init::Zeros: return zeros(p.value);
  case Init::Ones: return ones(p.value);
  // The bounds of dlc's original initialiser, computed in f32 exactly as
  // before, so models that use these (the zoo) draw the same numbers.
  case Init::XavierUniform: {
    float bound = std::sqrt(6.0f / float(p.fanIn + p.fanOut));
    return uniform(p.value, rng, -bound, bound);
  }
  case Init::KaimingUniform: {
    float bound = 1.0f / std::sqrt(float(p.fanIn));
    return uniform(p.value, rng, -bound, bound);
  }
  case Init::TorchDefault: {
    if (p.value.shape().size() >= 2) return kaimingUniform(p.value, rng, std::sqrt(5.0));
    double bound = p.fanIn > 0 ? 1.0 / std::sqrt(double(p.fanIn)) : 0.0;
    return uniform(p.value, rng, -bound, bound);
  }
  case Init::Custom:
    if (!p.initFn) p.site.fail(p.name, "Init::Custom without an initFn");
    return p.initFn(p.value, rng);
  }
}

bool matchesPattern(std::string_view pattern, std::string_view name) {
  // Iterative glob with backtracking to the last '*'.
  size_t p = 0, n = 0, star = std::string_view::npos, mark = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = n;
    } else if (p < pattern.size() && pattern[p] == name[n]) {
      ++p;
      ++n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

int64_t apply(Module &model, std::string_view pattern, InitFn fn) {
  if (!fn) fail("apply", "the initialiser for '" + std::string(pattern) + "' is empty");
  int64_t matched = 0;
  std::string names;
  for (Parameter *p : model.parameters()) {
    names += (names.empty() ? "" : ", ") + p->name;
    if (!matchesPattern(pattern, p->name)) continue;
    p->init = Init::Custom;
    p->initFn = fn;
    ++matched;
  }
  if (matched == 0)
    fail("apply", "no parameter matches '" + std::string(pattern) + "'; the parameters are: " +
                      (names.empty() ? "(none)" : names));
  return matched;
}

} // namespace dlc::nn::init
