//===- SvgChart.h - a line chart as a standalone SVG document ---*- C++ -*-===//
//
// What `dlc plot` draws: several named series of (x, y) points on one pair
// of axes, with grid lines, tick labels at "nice" values (1, 2 or 5 x 10^k),
// axis labels, a title and a legend to the right of the plot area. A series
// is drawn as one <polyline> per run of finite points (a NaN or infinite y
// breaks the line, as a diverged loss should), optionally with a circle at
// each point. The document is plain SVG 1.1 that browsers open directly.
//
// Layout (user units = pixels): the plot area spans x in
// [kMarginLeft, width - kMarginRight] and y in [kMarginTop, height -
// kMarginBottom]. The axis ranges are the data's, widened to whole tick
// steps; the y range always includes 0. Coordinates are printed with one
// decimal.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace dlc::metrics {

inline constexpr double kMarginLeft = 60, kMarginRight = 140, kMarginTop = 30,
                        kMarginBottom = 50;

struct ChartSeries {
  std::string name;           ///< legend text
  std::string color = "#1f77b4";
  double strokeWidth = 2;
  std::string dash;           ///< SVG stroke-dasharray, "" for solid
  bool markers = false;       ///< a small circle at every finite point
  std::vector<std::pair<double, double>> points; ///< (x, y), in x order
};

struct LineChart {
  std::string title, xLabel, yLabel;
  double width = 640, height = 400;
  std::vector<ChartSeries> series;
};

/// Tick values covering [lo, hi]: multiples of a step of 1, 2 or 5 x 10^k
/// chosen so that there are at most `maxTicks` of them, from the multiple at
/// or below lo to the one at or above hi. lo == hi is widened by 1 on each
/// side (by 0.5 when 0). Requires finite lo <= hi and maxTicks >= 2.
std::vector<double> niceTicks(double lo, double hi, int maxTicks = 8);

/// A tick label: the shortest of %g with up to 6 significant digits ("0.25", "1e+06").
std::string formatTick(double value);

/// The SVG document. Series with no finite point are left out of the plot
/// but kept in the legend. Throws std::invalid_argument if no series has a
/// finite point, or if the size leaves no plot area.
std::string renderSvg(const LineChart &chart);

} // namespace dlc::metrics
