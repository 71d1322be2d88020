//===- Progress.h - a training loop's live progress line --------*- C++ -*-===//
//
// One line per epoch that redraws itself in place on a terminal:
//
//   epoch 3/10  [=====>    ] 120/234  loss 0.4312  12345 ex/s  ETA 0:07
//
// On a terminal (Mode::Terminal) every update() may redraw the line with
// `\r` + text + clear-to-end-of-line (ESC [K), at most once per
// `minRedrawSeconds` (~10 times/s); the last batch of an epoch is always
// drawn. finishEpoch() clears the line and prints the caller's summary on a
// line of its own, so a finished run shows exactly the per-epoch lines.
// Elsewhere (Mode::Plain: a pipe, a file, CI logs) nothing is redrawn: only
// the summaries, plus a plain progress line every `plainEvery` steps if
// asked for.
//
// Throughput counts steps only: examples/s = batchSize * steps / the sum of
// the steps' durations in this epoch. A step's duration is what the caller
// passes to update(); when it passes none, the time since the previous
// update() (or since startEpoch() for the first step), read from the clock.
// Time spent outside the steps (compilation before startEpoch(), evaluation
// after the last step) is therefore not counted; compile time is the
// caller's to report. ETA = remaining batches * mean step time so far.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace dlc::metrics {

/// Where the line goes and whether it redraws.
enum class ProgressMode {
  Auto,     ///< Terminal if standard output is a terminal (and TERM is not "dumb"), else Plain
  Terminal, ///< redraw in place (forced: tests, or a caller that knows better)
  Plain,    ///< never redraw: summaries and optional plain lines only
};

struct ProgressOptions {
  int64_t epochs = 1;          ///< total epochs, for "epoch 3/10"
  int64_t batchesPerEpoch = 1; ///< steps per epoch, for the bar, counts and ETA
  int64_t batchSize = 1;       ///< examples per step, for examples/s
  ProgressMode mode = ProgressMode::Auto;
  double minRedrawSeconds = 0.1; ///< Terminal: at most one redraw per interval
  int64_t plainEvery = 0;        ///< Plain: a line every N steps of an epoch (0: none)
  int barWidth = 20;             ///< characters between the brackets
  /// Terminal: the line is cut to columns - 1 characters so it never wraps
  /// (a wrapped line cannot be redrawn with `\r`). 0: the terminal's width
  /// in Auto mode (TIOCGWINSZ), no limit in forced Terminal mode.
  int columns = 0;
};

/// Formats seconds as M:SS, or H:MM:SS from an hour on ("0:07", "1:02:03").
/// Negative or non-finite input gives "?".
std::string formatDuration(double seconds);

/// True when standard output is a terminal and TERM is not "dumb".
bool standardOutputIsTerminal();

class Progress {
public:
  /// Monotonic time in seconds; tests inject a fake one.
  using Clock = std::function<double()>;

  /// Writes to `out` (std::cout for a real run: it is synchronised with C
  /// stdio, so printf lines and the progress line interleave correctly).
  /// Throws std::invalid_argument if a count in `options` is not positive.
  Progress(ProgressOptions options, std::ostream &out, Clock clock = steadyClock());

  /// Starts epoch `epoch` (1-based): resets step counts and times, and the
  /// first step's duration is measured from here.
  void startEpoch(int64_t epoch);

  /// After step `batch` (1-based, within the epoch) with `runningLoss` (the
  /// caller's choice: usually the mean loss of the epoch so far). `extra` is
  /// appended to the line as it is ("acc 0.812"). `stepSeconds` is the
  /// step's duration; without it, the time since the previous update.
  void update(int64_t batch, double runningLoss, std::string_view extra = {},
              std::optional<double> stepSeconds = std::nullopt);

  /// Ends the epoch: on a terminal clears the progress line; then prints
  /// `summary` and a newline (nothing if `summary` is empty).
  void finishEpoch(std::string_view summary);

  /// This epoch's throughput so far (0 before the first timed step).
  double examplesPerSecond() const;
  /// Seconds left in this epoch at the current mean step time (0 before the first step).
  double etaSeconds() const;
  /// The line update() would draw now, without `\r` or escapes.
  std::string currentLine() const;
  bool redraws() const { return terminal; }

  static Clock steadyClock();

private:
  void draw(std::string_view line);

  ProgressOptions options;
  std::ostream &out;
  Clock clock;
  bool terminal;
  int64_t epoch = 1;
  int64_t batch = 0;
  double loss = 0;
  std::string extra;
  double stepSecondsSum = 0;
  int64_t timedSteps = 0;
  double lastUpdate = 0;     ///< clock at the previous update or startEpoch
  std::optional<double> lastDraw; ///< clock at the last redraw (none yet this epoch)
  bool lineShown = false;    ///< a progress line is on screen and must be cleared
};

} // namespace dlc::metrics
