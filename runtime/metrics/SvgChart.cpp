//===- SvgChart.cpp - a line chart as a standalone SVG document -----------===//
#include "runtime/metrics/SvgChart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace dlc::metrics {
namespace {

std::string escapeXml(const std::string &s) {
  std::string out;
  for (char c : s) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    default:
      // Control characters other than tab/newline are not allowed in XML 1.0.
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') out += ' ';
      else out += c;
    }
  }
  return out;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return std::string(buf) == "-0.0" ? "0.0" : buf;
}

struct Range {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  void add(double v) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  bool empty() const { return lo > hi; }
};

} // namespace

std::vector<double> niceTicks(double lo, double hi, int maxTicks) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || lo > hi || maxTicks < 2)
    throw std::invalid_argument("niceTicks: need finite lo <= hi and maxTicks >= 2");
  if (lo == hi) {
    double pad = lo == 0 ? 0.5 : 1;
    lo -= pad;
    hi += pad;
  }
  double raw = (hi - lo) / double(maxTicks - 1);
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0, 20.0}) {
    double step = m * magnitude;
    double first = std::floor(lo / step + 1e-9), last = std::ceil(hi / step - 1e-9);
    if (last - first + 1 > maxTicks) continue;
    std::vector<double> ticks;
    for (double k = first; k <= last; ++k) {
      double v = k * step;
      ticks.push_back(std::fabs(v) < step * 1e-9 ? 0.0 : v);
    }
    return ticks;
  }
  throw std::logic_error("niceTicks: no step fits"); // unreachable: 20 x magnitude always fits
}

std::string formatTick(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", value);
  return buf;
}

std::string renderSvg(const LineChart &chart) {
  double plotLeft = kMarginLeft, plotRight = chart.width - kMarginRight;
  double plotTop = kMarginTop, plotBottom = chart.height - kMarginBottom;
  if (!(plotRight > plotLeft) || !(plotBottom > plotTop))
    throw std::invalid_argument("renderSvg: the chart is too small for its margins");

  Range xr, yr;
  for (const ChartSeries &s : chart.series)
    for (auto [x, y] : s.points)
      if (std::isfinite(x) && std::isfinite(y)) {
        xr.add(x);
        yr.add(y);
      }
  if (xr.empty()) throw std::invalid_argument("renderSvg: no series has a finite point");
  yr.add(0);
  std::vector<double> xTicks = niceTicks(xr.lo, xr.hi), yTicks = niceTicks(yr.lo, yr.hi);
  double x0 = xTicks.front(), x1 = xTicks.back(), y0 = yTicks.front(), y1 = yTicks.back();
  auto px = [&](double x) { return plotLeft + (x - x0) / (x1 - x0) * (plotRight - plotLeft); };
  auto py = [&](double y) { return plotTop + (y1 - y) / (y1 - y0) * (plotBottom - plotTop); };

  std::string svg;
  svg += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + num(chart.width) +
         "\" height=\"" + num(chart.height) + "\" viewBox=\"0 0 " + num(chart.width) + " " +
         num(chart.height) + "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  svg += "<rect x=\"0\" y=\"0\" width=\"" + num(chart.width) + "\" height=\"" +
         num(chart.height) + "\" fill=\"white\"/>\n";
  if (!chart.title.empty())
    svg += "<text class=\"title\" x=\"" + num((plotLeft + plotRight) / 2) + "\" y=\"" +
           num(plotTop - 10) + "\" text-anchor=\"middle\" font-size=\"14\">" +
           escapeXml(chart.title) + "</text>\n";

  // Grid lines and tick labels.
  svg += "<g class=\"grid\" stroke=\"#dddddd\" stroke-width=\"1\">\n";
  for (double t : xTicks)
    svg += "<line x1=\"" + num(px(t)) + "\" y1=\"" + num(plotTop) + "\" x2=\"" + num(px(t)) +
           "\" y2=\"" + num(plotBottom) + "\"/>\n";
  for (double t : yTicks)
    svg += "<line x1=\"" + num(plotLeft) + "\" y1=\"" + num(py(t)) + "\" x2=\"" + num(plotRight) +
           "\" y2=\"" + num(py(t)) + "\"/>\n";
  svg += "</g>\n<g class=\"ticks\" fill=\"#333333\">\n";
  for (double t : xTicks)
    svg += "<text x=\"" + num(px(t)) + "\" y=\"" + num(plotBottom + 16) +
           "\" text-anchor=\"middle\">" + formatTick(t) + "</text>\n";
  for (double t : yTicks)
    svg += "<text x=\"" + num(plotLeft - 6) + "\" y=\"" + num(py(t) + 4) +
           "\" text-anchor=\"end\">" + formatTick(t) + "</text>\n";
  svg += "</g>\n";
  svg += "<rect class=\"frame\" x=\"" + num(plotLeft) + "\" y=\"" + num(plotTop) + "\" width=\"" +
         num(plotRight - plotLeft) + "\" height=\"" + num(plotBottom - plotTop) +
         "\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>\n";
  if (!chart.xLabel.empty())
    svg += "<text class=\"xlabel\" x=\"" + num((plotLeft + plotRight) / 2) + "\" y=\"" +
           num(plotBottom + 38) + "\" text-anchor=\"middle\">" + escapeXml(chart.xLabel) +
           "</text>\n";
  if (!chart.yLabel.empty()) {
    double cx = 16, cy = (plotTop + plotBottom) / 2;
    svg += "<text class=\"ylabel\" x=\"" + num(cx) + "\" y=\"" + num(cy) +
           "\" text-anchor=\"middle\" transform=\"rotate(-90 " + num(cx) + " " + num(cy) +
           ")\">" + escapeXml(chart.yLabel) + "</text>\n";
  }

  // The series: one polyline per run of finite points.
  auto style = [](const ChartSeries &s) {
    std::string a = "fill=\"none\" stroke=\"" + escapeXml(s.color) + "\" stroke-width=\"" +
                    num(s.strokeWidth) + "\"";
    if (!s.dash.empty()) a += " stroke-dasharray=\"" + escapeXml(s.dash) + "\"";
    return a;
  };
  for (const ChartSeries &s : chart.series) {
    svg += "<g class=\"series\" data-name=\"" + escapeXml(s.name) + "\">\n";
    std::string run;
    int runPoints = 0;
    auto endRun = [&] {
      if (runPoints >= 2) svg += "<polyline " + style(s) + " points=\"" + run + "\"/>\n";
      run.clear();
      runPoints = 0;
    };
    for (auto [x, y] : s.points) {
      if (!std::isfinite(x) || !std::isfinite(y)) {
        endRun();
        continue;
      }
      run += (runPoints ? " " : "") + num(px(x)) + "," + num(py(y));
      ++runPoints;
    }
    endRun();
    if (s.markers)
      for (auto [x, y] : s.points)
        if (std::isfinite(x) && std::isfinite(y))
          svg += "<circle cx=\"" + num(px(x)) + "\" cy=\"" + num(py(y)) + "\" r=\"2.5\" fill=\"" +
                 escapeXml(s.color) + "\"/>\n";
    svg += "</g>\n";
  }

  // Legend, right of the plot area.
  svg += "<g class=\"legend\">\n";
  double lx = plotRight + 12, ly = plotTop + 10;
  for (const ChartSeries &s : chart.series) {
    svg += "<line x1=\"" + num(lx) + "\" y1=\"" + num(ly) + "\" x2=\"" + num(lx + 24) +
           "\" y2=\"" + num(ly) + "\" " + style(s) + "/>\n";
    svg += "<text x=\"" + num(lx + 30) + "\" y=\"" + num(ly + 4) + "\">" + escapeXml(s.name) +
           "</text>\n";
    ly += 18;
  }
  svg += "</g>\n</svg>\n";
  return svg;
}

} // namespace dlc::metrics
