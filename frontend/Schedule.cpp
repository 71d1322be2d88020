//===- Schedule.cpp - learning-rate schedules and their textual form ------===//
#include "frontend/Schedule.h"

#include "frontend/Error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>
#include <sstream>

namespace dlc::optim {

namespace {

[[noreturn]] void fail(const std::string &what, const std::string &message) {
  throw Error(what + ": " + message);
}

std::string num(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

void requirePositive(const char *rule, const char *arg, int64_t v) {
  if (v <= 0) fail(rule, std::string(arg) + " must be positive, got " + std::to_string(v));
}

void requireFinite(const char *rule, const char *arg, double v) {
  if (!std::isfinite(v)) fail(rule, std::string(arg) + " must be finite, got " + num(v));
}

void requireStep(int64_t step) {
  if (step < 0) fail("lr schedule", "the step must not be negative, got " + std::to_string(step));
}

} // namespace

StepLR::StepLR(int64_t step_size, double gamma) : step_size(step_size), gamma(gamma) {
  requirePositive("StepLR", "step_size", step_size);
  requireFinite("StepLR", "gamma", gamma);
}

double StepLR::lr(double baseLr, int64_t step) const {
  requireStep(step);
  return baseLr * std::pow(gamma, double(step / step_size));
}

std::string StepLR::str() const {
  return "StepLR(step_size=" + std::to_string(step_size) + ", gamma=" + num(gamma) + ")";
}

MultiStepLR::MultiStepLR(std::vector<int64_t> ms, double gamma)
    : milestones(std::move(ms)), gamma(gamma) {
  for (int64_t m : milestones)
    if (m < 0) fail("MultiStepLR", "milestones must not be negative, got " + std::to_string(m));
  requireFinite("MultiStepLR", "gamma", gamma);
  std::sort(milestones.begin(), milestones.end());
}

double MultiStepLR::lr(double baseLr, int64_t step) const {
  requireStep(step);
  auto passed = std::upper_bound(milestones.begin(), milestones.end(), step) - milestones.begin();
  return baseLr * std::pow(gamma, double(passed));
}

std::string MultiStepLR::str() const {
  std::string s = "MultiStepLR(milestones=[";
  for (size_t i = 0; i < milestones.size(); ++i)
    s += (i ? ", " : "") + std::to_string(milestones[i]);
  return s + "], gamma=" + num(gamma) + ")";
}

CosineAnnealingLR::CosineAnnealingLR(int64_t T_max, double eta_min)
    : T_max(T_max), eta_min(eta_min) {
  requirePositive("CosineAnnealingLR", "T_max", T_max);
  requireFinite("CosineAnnealingLR", "eta_min", eta_min);
}

double CosineAnnealingLR::lr(double baseLr, int64_t step) const {
  requireStep(step);
  return eta_min +
         (baseLr - eta_min) * (1 + std::cos(std::numbers::pi * double(step) / double(T_max))) / 2;
}

std::string CosineAnnealingLR::str() const {
  return "CosineAnnealingLR(T_max=" + std::to_string(T_max) + ", eta_min=" + num(eta_min) + ")";
}

LinearLR::LinearLR(double start_factor, double end_factor, int64_t total_iters)
    : start_factor(start_factor), end_factor(end_factor), total_iters(total_iters) {
  // torch's own checks (and messages' ranges).
  if (!(start_factor > 0 && start_factor <= 1))
    fail("LinearLR", "start_factor must be in (0, 1], got " + num(start_factor));
  if (!(end_factor >= 0 && end_factor <= 1))
    fail("LinearLR", "end_factor must be in [0, 1], got " + num(end_factor));
  requirePositive("LinearLR", "total_iters", total_iters);
}

double LinearLR::lr(double baseLr, int64_t step) const {
  requireStep(step);
  double t = double(std::min(step, total_iters)) / double(total_iters);
  return baseLr * (start_factor + (end_factor - start_factor) * t);
}

std::string LinearLR::str() const {
  return "LinearLR(start_factor=" + num(start_factor) + ", end_factor=" + num(end_factor) +
         ", total_iters=" + std::to_string(total_iters) + ")";
}

NoamLR::NoamLR(int64_t d_model, int64_t warmup) : d_model(d_model), warmup(warmup) {
  requirePositive("NoamLR", "d_model", d_model);
  requirePositive("NoamLR", "warmup", warmup);
}

double NoamLR::lr(double baseLr, int64_t step) const {
  requireStep(step);
  double s = double(std::max<int64_t>(step, 1));
  return baseLr * std::pow(double(d_model), -0.5) *
         std::min(std::pow(s, -0.5), s * std::pow(double(warmup), -1.5));
}

std::string NoamLR::str() const {
  return "NoamLR(d_model=" + std::to_string(d_model) + ", warmup=" + std::to_string(warmup) + ")";
}

SequentialLR::SequentialLR(std::vector<std::shared_ptr<const ScheduleRule>> rs,
                           std::vector<int64_t> ms)
    : rules(std::move(rs)), milestones(std::move(ms)) {
  if (rules.empty()) fail("SequentialLR", "needs at least one schedule");
  for (size_t i = 0; i < rules.size(); ++i)
    if (!rules[i]) fail("SequentialLR", "schedule " + std::to_string(i) + " is null");
  if (milestones.size() + 1 != rules.size())
    fail("SequentialLR", "expects one milestone fewer than schedules, got " +
                             std::to_string(rules.size()) + " schedules and " +
                             std::to_string(milestones.size()) + " milestones");
  for (size_t i = 0; i < milestones.size(); ++i)
    if (milestones[i] <= (i ? milestones[i - 1] : 0))
      fail("SequentialLR", "milestones must be positive and strictly increasing, got " +
                               std::to_string(milestones[i]) + " at position " +
                               std::to_string(i));
}

double SequentialLR::lr(double baseLr, int64_t step) const {
  requireStep(step);
  size_t i = std::upper_bound(milestones.begin(), milestones.end(), step) - milestones.begin();
  return rules[i]->lr(baseLr, i ? step - milestones[i - 1] : step);
}

std::string SequentialLR::str() const {
  std::string s = "SequentialLR([";
  for (size_t i = 0; i < rules.size(); ++i) s += (i ? ", " : "") + rules[i]->str();
  s += "], milestones=[";
  for (size_t i = 0; i < milestones.size(); ++i)
    s += (i ? ", " : "") + std::to_string(milestones[i]);
  return s + "])";
}

std::shared_ptr<const ScheduleRule> warmupThen(int64_t steps, double start_factor,
                                               std::shared_ptr<const ScheduleRule> inner) {
  auto warm = std::make_shared<const LinearLR>(start_factor, 1.0, steps);
  return std::make_shared<const SequentialLR>(
      std::vector<std::shared_ptr<const ScheduleRule>>{warm, std::move(inner)},
      std::vector<int64_t>{steps});
}

Schedule::Schedule(double baseLr) : Schedule(baseLr, std::make_shared<const ConstantLR>()) {}

Schedule::Schedule(double baseLr, std::shared_ptr<const ScheduleRule> rule)
    : baseLr_(baseLr), rule_(std::move(rule)) {
  if (!rule_) fail("lr schedule", "the rule is null");
  if (!std::isfinite(baseLr) || baseLr < 0)
    fail("lr schedule", "the base learning rate must be finite and non-negative, got " +
                            num(baseLr));
}

double Schedule::lr(int64_t step) const { return rule_->lr(baseLr_, step); }

std::string Schedule::str() const { return rule_->str() + ", lr=" + num(baseLr_); }

} // namespace dlc::optim
