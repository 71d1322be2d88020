//===- Progress.cpp - a training loop's live progress line ----------------===//
#include "runtime/metrics/Progress.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include <sys/ioctl.h>
#include <unistd.h>

namespace dlc::metrics {

std::string formatDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0 || seconds > 1e9) return "?";
  int64_t s = int64_t(std::llround(seconds));
  char buf[48];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", (long long)(s / 3600),
                  (long long)(s / 60 % 60), (long long)(s % 60));
  else
    std::snprintf(buf, sizeof buf, "%lld:%02lld", (long long)(s / 60), (long long)(s % 60));
  return buf;
}

bool standardOutputIsTerminal() {
  if (!::isatty(STDOUT_FILENO)) return false;
  const char *term = std::getenv("TERM");
  return !(term && std::strcmp(term, "dumb") == 0);
}

Progress::Clock Progress::steadyClock() {
  return [] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  };
}

Progress::Progress(ProgressOptions o, std::ostream &out, Clock clock)
    : options(o), out(out), clock(std::move(clock)) {
  if (options.epochs <= 0 || options.batchesPerEpoch <= 0 || options.batchSize <= 0)
    throw std::invalid_argument("Progress: epochs, batches per epoch and batch size must be "
                                "positive");
  if (options.barWidth < 1) options.barWidth = 1;
  terminal = options.mode == ProgressMode::Terminal ||
             (options.mode == ProgressMode::Auto && standardOutputIsTerminal());
  if (terminal && options.columns == 0 && options.mode == ProgressMode::Auto) {
    struct winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) options.columns = size.ws_col;
  }
  lastUpdate = this->clock();
}

void Progress::startEpoch(int64_t e) {
  epoch = e;
  batch = 0;
  loss = 0;
  extra.clear();
  stepSecondsSum = 0;
  timedSteps = 0;
  lastDraw.reset();
  lastUpdate = clock();
}

double Progress::examplesPerSecond() const {
  if (timedSteps == 0 || stepSecondsSum <= 0) return 0;
  return double(options.batchSize) * double(timedSteps) / stepSecondsSum;
}

double Progress::etaSeconds() const {
  if (timedSteps == 0) return 0;
  int64_t left = options.batchesPerEpoch - batch;
  return left > 0 ? double(left) * stepSecondsSum / double(timedSteps) : 0;
}

std::string Progress::currentLine() const {
  std::string line = "epoch " + std::to_string(epoch) + "/" + std::to_string(options.epochs);
  char buf[96];
  if (terminal) {
    // The bar: '=' for completed cells, '>' at the head, spaces after.
    int64_t total = options.batchesPerEpoch;
    int64_t done = std::min(batch, total);
    int width = options.barWidth;
    int filled = int(done * width / total);
    std::string bar(size_t(width), ' ');
    for (int i = 0; i < filled; ++i) bar[size_t(i)] = '=';
    if (filled < width && done > 0) bar[size_t(filled)] = '>';
    line += "  [" + bar + "] ";
  } else {
    line += "  step ";
  }
  line += std::to_string(batch) + "/" + std::to_string(options.batchesPerEpoch);
  std::snprintf(buf, sizeof buf, "  loss %.4f", loss);
  line += buf;
  if (double rate = examplesPerSecond(); rate > 0) {
    std::snprintf(buf, sizeof buf, "  %.0f ex/s", rate);
    line += buf;
  }
  if (terminal && timedSteps > 0 && batch < options.batchesPerEpoch)
    line += "  ETA " + formatDuration(etaSeconds());
  if (!extra.empty()) line += "  " + extra;
  return line;
}

void Progress::update(int64_t b, double runningLoss, std::string_view x,
                      std::optional<double> stepSeconds) {
  double now = clock();
  double seconds = stepSeconds ? *stepSeconds : now - lastUpdate;
  lastUpdate = now;
  if (std::isfinite(seconds) && seconds >= 0) {
    stepSecondsSum += seconds;
    ++timedSteps;
  }
  batch = b;
  loss = runningLoss;
  extra.assign(x);
  if (terminal) {
    bool last = batch >= options.batchesPerEpoch;
    if (!last && lastDraw && now - *lastDraw < options.minRedrawSeconds) return;
    lastDraw = now;
    draw(currentLine());
  } else if (options.plainEvery > 0 && batch % options.plainEvery == 0) {
    out << currentLine() << '\n';
    out.flush();
  }
}

void Progress::draw(std::string_view line) {
  if (options.columns > 1 && line.size() > size_t(options.columns - 1))
    line = line.substr(0, size_t(options.columns - 1));
  out << '\r' << line << "\x1b[K";
  out.flush();
  lineShown = true;
}

void Progress::finishEpoch(std::string_view summary) {
  if (lineShown) {
    out << "\r\x1b[K";
    lineShown = false;
  }
  if (!summary.empty()) out << summary << '\n';
  out.flush();
}

} // namespace dlc::metrics
