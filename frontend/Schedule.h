//===- Schedule.h - learning-rate schedules (torch.optim.lr_scheduler) --*- C++ -*-===//
//
// The learning rate is a runtime hyperparameter of the compiled training
// step, so a schedule is a pure function of a counter: Schedule::lr(step) is
// the learning rate after `step` calls of torch's scheduler.step() (step 0:
// before any call). Whether the training loop counts epochs or iterations is
// the loop's choice, exactly as it is in PyTorch; the values match torch
// 1.13's schedulers step for step (test/oracle/schedules.py), including
// CosineAnnealingLR's rise after T_max and SequentialLR's restarts.
//
// A rule (StepLR, ...) is the shape of a schedule; a Schedule pairs it with
// the optimizer's base learning rate, as a torch scheduler pairs its rule
// with param_groups[0]['lr']:
//
//   optim::Schedule s(0.1, optim::StepLR(30, 0.1));
//   for (int64_t epoch = 0; epoch < n; ++epoch) {
//     trainer.setHyperparameter("lr", s.lr(epoch)); ...
//   }
//
// parseSchedule gives the driver's textual form (docs/training.md).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace dlc::optim {

/// The shape of a schedule, as one of torch's scheduler classes.
class ScheduleRule {
public:
  virtual ~ScheduleRule() = default;
  /// The learning rate after `step` (>= 0) calls of scheduler.step(), the
  /// optimizer's initial learning rate being `baseLr`.
  virtual double lr(double baseLr, int64_t step) const = 0;
  /// torch's spelling: "StepLR(step_size=30, gamma=0.1)".
  virtual std::string str() const = 0;
  /// How many steps the rule takes to reach its end value: total_iters
  /// (LinearLR), T_max (CosineAnnealingLR); 0 when it has no natural end.
  /// A SequentialLR built by parseSchedule switches there by default.
  virtual int64_t length() const { return 0; }
};

/// The base learning rate throughout.
struct ConstantLR final : ScheduleRule {
  double lr(double baseLr, int64_t) const override { return baseLr; }
  std::string str() const override { return "constant"; }
};

/// base · gamma^⌊step / step_size⌋.
struct StepLR final : ScheduleRule {
  explicit StepLR(int64_t step_size, double gamma = 0.1);
  double lr(double baseLr, int64_t step) const override;
  std::string str() const override;
  int64_t step_size;
  double gamma;
};

/// base · gamma^(number of milestones <= step); milestones may be unsorted
/// and a repeated milestone counts as often as it is listed, as in torch.
struct MultiStepLR final : ScheduleRule {
  explicit MultiStepLR(std::vector<int64_t> milestones, double gamma = 0.1);
  double lr(double baseLr, int64_t step) const override;
  std::string str() const override;
  std::vector<int64_t> milestones; ///< sorted
  double gamma;
};

/// eta_min + (base − eta_min)·(1 + cos(π·step/T_max))/2 for every step:
/// torch's recursive values continue the cosine past T_max (rising back to
/// base at 2·T_max), and so does this closed form.
struct CosineAnnealingLR final : ScheduleRule {
  explicit CosineAnnealingLR(int64_t T_max, double eta_min = 0.0);
  double lr(double baseLr, int64_t step) const override;
  std::string str() const override;
  int64_t length() const override { return T_max; }
  int64_t T_max;
  double eta_min;
};

/// base · (start + (end − start)·min(step, total_iters)/total_iters): a
/// linear warm-up (start < end) or decay; torch's defaults.
struct LinearLR final : ScheduleRule {
  explicit LinearLR(double start_factor = 1.0 / 3, double end_factor = 1.0,
                    int64_t total_iters = 5);
  double lr(double baseLr, int64_t step) const override;
  std::string str() const override;
  int64_t length() const override { return total_iters; }
  double start_factor, end_factor;
  int64_t total_iters;
};

/// The Transformer's inverse-square-root schedule ("Noam", Vaswani et al.
/// 2017): base · d_model^−0.5 · min(s^−0.5, s·warmup^−1.5), s = max(step, 1)
/// as in the Annotated Transformer (the base lr is its `factor`). torch has
/// no class for it: LambdaLR with that lambda.
struct NoamLR final : ScheduleRule {
  NoamLR(int64_t d_model, int64_t warmup);
  double lr(double baseLr, int64_t step) const override;
  std::string str() const override;
  int64_t d_model, warmup;
};

/// torch's SequentialLR: rule i runs from milestone i−1 (0 for the first)
/// and restarts its own count there: lr(step) = rules[i].lr(step − m[i−1]).
struct SequentialLR final : ScheduleRule {
  SequentialLR(std::vector<std::shared_ptr<const ScheduleRule>> rules,
               std::vector<int64_t> milestones);
  double lr(double baseLr, int64_t step) const override;
  std::string str() const override;
  std::vector<std::shared_ptr<const ScheduleRule>> rules;
  std::vector<int64_t> milestones; ///< strictly increasing, positive
};

/// A warm-up of `steps` steps from start_factor·base up to base, then
/// `inner` counted from the end of the warm-up (SequentialLR of the two).
std::shared_ptr<const ScheduleRule> warmupThen(int64_t steps, double start_factor,
                                               std::shared_ptr<const ScheduleRule> inner);

/// A base learning rate and a rule: what the training loop asks each step.
class Schedule {
public:
  /// A constant learning rate.
  explicit Schedule(double baseLr = 0.1);
  Schedule(double baseLr, std::shared_ptr<const ScheduleRule> rule);
  template <typename Rule, typename = std::enable_if_t<std::is_base_of_v<ScheduleRule, Rule>>>
  Schedule(double baseLr, Rule rule)
      : Schedule(baseLr, std::make_shared<const Rule>(std::move(rule))) {}

  /// The learning rate after `step` calls of scheduler.step(); step < 0 is an error.
  double lr(int64_t step) const;
  double baseLr() const { return baseLr_; }
  const ScheduleRule &rule() const { return *rule_; }
  /// "StepLR(step_size=30, gamma=0.1), lr=0.1".
  std::string str() const;

private:
  double baseLr_;
  std::shared_ptr<const ScheduleRule> rule_;
};

/// The driver's textual form (docs/training.md, "Schedules"):
///   constant | step:STEP_SIZE[,GAMMA] | multistep:M1+M2+...[,GAMMA]
///   | cosine:T_MAX[,ETA_MIN] | linear:START,END,TOTAL_ITERS
///   | warmup:STEPS[,START_FACTOR] | noam:D_MODEL,WARMUP
/// and sequences A/B/... (SequentialLR): each part but the last switches
/// after its length() or after an explicit "@STEPS" suffix ("step:4@10/cosine:8").
/// Errors (dlc::Error) quote the spec and name the part and the problem.
std::shared_ptr<const ScheduleRule> parseScheduleRule(std::string_view spec);
/// parseScheduleRule with the optimizer's base learning rate.
Schedule parseSchedule(std::string_view spec, double baseLr);

} // namespace dlc::optim
