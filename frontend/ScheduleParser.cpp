//===- ScheduleParser.cpp - the textual form of learning-rate schedules ---===//
//
// parseSchedule("warmup:5,0.1/cosine:95", lr): the grammar is in Schedule.h
// and docs/training.md. Every error quotes the whole spec and names the part.
//
//===----------------------------------------------------------------------===//
#include "frontend/Schedule.h"

#include "frontend/Error.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

namespace dlc::optim {

namespace {

const char *kSyntax =
    "constant | step:STEP_SIZE[,GAMMA] | multistep:M1+M2+...[,GAMMA] | "
    "cosine:T_MAX[,ETA_MIN] | linear:START,END,TOTAL_ITERS | warmup:STEPS[,START_FACTOR] | "
    "noam:D_MODEL,WARMUP, joined by '/' (each part but the last may end in @STEPS)";

/// One part of a spec ("step:30,0.1") and the spec it came from, for errors.
struct Part {
  std::string_view spec, text;

  [[noreturn]] void fail(const std::string &message) const {
    throw Error("lr schedule '" + std::string(spec) + "': '" + std::string(text) + "': " +
                message);
  }
};

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

int64_t parseInt(const Part &p, std::string_view s, const char *what) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size())
    p.fail(std::string(what) + " must be an integer, got '" + std::string(s) + "'");
  return v;
}

double parseReal(const Part &p, std::string_view s, const char *what) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
    p.fail(std::string(what) + " must be a finite number, got '" + std::string(s) + "'");
  return v;
}

void requireArgs(const Part &p, const std::vector<std::string_view> &args, size_t lo,
                 size_t hi) {
  if (args.size() < lo || args.size() > hi)
    p.fail("takes " + (lo == hi ? std::to_string(lo) : std::to_string(lo) + " to " +
                                                          std::to_string(hi)) +
           " argument" + (hi == 1 ? "" : "s") + ", got " + std::to_string(args.size()));
}

std::shared_ptr<const ScheduleRule> parseRule(const Part &p) {
  std::string_view text = p.text;
  size_t colon = text.find(':');
  std::string_view name = text.substr(0, colon);
  std::vector<std::string_view> args;
  if (colon != std::string_view::npos) args = split(text.substr(colon + 1), ',');
  auto real = [&](size_t i, const char *what, double dflt) {
    return i < args.size() ? parseReal(p, args[i], what) : dflt;
  };
  try {
    if (name == "constant") {
      requireArgs(p, args, 0, 0);
      return std::make_shared<const ConstantLR>();
    }
    if (name == "step") {
      requireArgs(p, args, 1, 2);
      return std::make_shared<const StepLR>(parseInt(p, args[0], "STEP_SIZE"),
                                            real(1, "GAMMA", 0.1));
    }
    if (name == "multistep") {
      requireArgs(p, args, 1, 2);
      std::vector<int64_t> ms;
      for (std::string_view m : split(args[0], '+')) ms.push_back(parseInt(p, m, "a milestone"));
      return std::make_shared<const MultiStepLR>(std::move(ms), real(1, "GAMMA", 0.1));
    }
    if (name == "cosine") {
      requireArgs(p, args, 1, 2);
      return std::make_shared<const CosineAnnealingLR>(parseInt(p, args[0], "T_MAX"),
                                                       real(1, "ETA_MIN", 0.0));
    }
    if (name == "linear") {
      requireArgs(p, args, 3, 3);
      return std::make_shared<const LinearLR>(parseReal(p, args[0], "START"),
                                              parseReal(p, args[1], "END"),
                                              parseInt(p, args[2], "TOTAL_ITERS"));
    }
    if (name == "warmup") {
      requireArgs(p, args, 1, 2);
      return std::make_shared<const LinearLR>(real(1, "START_FACTOR", 1.0 / 3), 1.0,
                                              parseInt(p, args[0], "STEPS"));
    }
    if (name == "noam") {
      requireArgs(p, args, 2, 2);
      return std::make_shared<const NoamLR>(parseInt(p, args[0], "D_MODEL"),
                                            parseInt(p, args[1], "WARMUP"));
    }
  } catch (const Error &e) {
    if (std::string_view(e.what()).starts_with("lr schedule '")) throw;
    p.fail(e.what()); // a rule's own check, e.g. "StepLR: step_size must be positive, got 0"
  }
  p.fail("unknown schedule '" + std::string(name) + "'; expected " + kSyntax);
}

} // namespace

std::shared_ptr<const ScheduleRule> parseScheduleRule(std::string_view spec) {
  std::vector<std::shared_ptr<const ScheduleRule>> rules;
  std::vector<int64_t> milestones;
  std::vector<std::string_view> parts = split(spec, '/');
  for (size_t i = 0; i < parts.size(); ++i) {
    Part p{spec, parts[i]};
    if (parts[i].empty()) p.fail("empty schedule; expected " + std::string(kSyntax));
    size_t at = parts[i].find('@');
    std::optional<int64_t> length;
    if (at != std::string_view::npos) {
      if (i + 1 == parts.size())
        p.fail("'@STEPS' says when to switch to the next part, and this is the last part");
      length = parseInt(p, parts[i].substr(at + 1), "the '@' length");
      p.text = parts[i].substr(0, at);
    }
    rules.push_back(parseRule(p));
    if (i + 1 == parts.size()) break;
    int64_t len = length ? *length : rules.back()->length();
    if (len <= 0)
      p.fail(length ? "the '@' length must be positive, got " + std::to_string(len)
                    : "has no natural length; say when the next part starts with '@STEPS'");
    int64_t start = milestones.empty() ? 0 : milestones.back();
    if (len > std::numeric_limits<int64_t>::max() - start)
      p.fail("the schedule is too long (its milestones overflow a 64-bit integer)");
    milestones.push_back(start + len);
  }
  if (rules.size() == 1) return rules[0];
  return std::make_shared<const SequentialLR>(std::move(rules), std::move(milestones));
}

Schedule parseSchedule(std::string_view spec, double baseLr) {
  return Schedule(baseLr, parseScheduleRule(spec));
}

} // namespace dlc::optim
