//===- PlotCommand.cpp - dlc plot: training curves as SVG -----------------===//
//
//   dlc plot METRICS.jsonl [-o curves.svg] [--title TEXT]
//
// d2l's Animator after the fact: one chart, x = epoch, a line per metric of
// the epoch records (train loss, train acc, test acc, test loss when
// present) with a marker at each epoch, and the step records' loss as a
// thin line at fractional epochs. Reading: MetricsLog.h; drawing:
// runtime/metrics/SvgChart.h; schema: docs/metrics.md.
//
//===----------------------------------------------------------------------===//
#include "tools/dlc/Command.h"
#include "tools/dlc/MetricsLog.h"
#include "tools/dlc/Output.h"

#include "frontend/Error.h"
#include "runtime/metrics/SvgChart.h"

#include "llvm/Support/CommandLine.h"

#include <cmath>

namespace cl = llvm::cl;

namespace dlc::tools {
namespace {

cl::SubCommand PlotCmd("plot", "draw a --metrics file's training curves as an SVG line chart");

cl::opt<std::string> input(cl::Positional, cl::Required, cl::desc("<METRICS.jsonl>"),
                           cl::sub(PlotCmd));
cl::opt<std::string> output("o", cl::desc("the SVG file to write (default -, standard output)"),
                            cl::value_desc("FILE"), cl::init("-"), cl::sub(PlotCmd));
cl::opt<std::string> title("title", cl::desc("the chart's title (default: the metrics file's name)"),
                           cl::value_desc("TEXT"), cl::sub(PlotCmd));

/// Legend text and d2l's line formats ('-', 'm--', 'g-.', 'r:') per metric.
struct CurveStyle {
  llvm::StringRef key, legend, color, dash;
};
constexpr CurveStyle kStyles[] = {
    {"loss", "train loss", "#1f77b4", ""},
    {"train_acc", "train acc", "#bf00bf", "6 4"},
    {"test_acc", "test acc", "#008000", "6 3 2 3"},
    {"test_loss", "test loss", "#d62728", "2 3"},
};

metrics::LineChart buildChart(const MetricsLog &log) {
  metrics::LineChart chart;
  chart.title = title.getNumOccurrences() ? title.getValue()
                                          : (input == "-" ? std::string("metrics")
                                                          : input.getValue());
  chart.xLabel = "epoch";
  if (!log.stepLoss.empty())
    chart.series.push_back({.name = "train loss (steps)", .color = "#9ecae1", .strokeWidth = 1,
                            .points = log.stepLoss});
  for (const CurveStyle &s : kStyles) {
    auto it = log.epochCurves.find(s.key.str());
    if (it == log.epochCurves.end()) continue;
    chart.series.push_back({.name = s.legend.str(), .color = s.color.str(), .strokeWidth = 2,
                            .dash = s.dash.str(), .markers = true, .points = it->second});
  }
  return chart;
}

int runPlot() {
  MetricsLog log = readMetricsLog(input);
  metrics::LineChart chart = buildChart(log);
  bool anyFinite = false;
  for (const metrics::ChartSeries &s : chart.series)
    for (auto [x, y] : s.points) anyFinite |= std::isfinite(y);
  if (!anyFinite)
    throw Error((input == "-" ? std::string("<stdin>") : input.getValue()) +
                ": nothing to plot (no finite loss or accuracy in any record)");
  std::string svg = metrics::renderSvg(chart);
  writeOutput(output, [&](llvm::raw_ostream &os) { os << svg; });
  return 0;
}

RegisterCommand reg(PlotCmd, &runPlot);

} // namespace
} // namespace dlc::tools
