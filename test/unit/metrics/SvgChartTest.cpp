//===- SvgChartTest.cpp - ticks and coordinates of the SVG line chart -----===//
#include "runtime/metrics/SvgChart.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace dlc::metrics {
namespace {

using ::testing::DoubleNear;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(NiceTicks, StepsOfOneTwoOrFive) {
  EXPECT_THAT(niceTicks(0, 10), ElementsAre(0, 2, 4, 6, 8, 10));
  EXPECT_THAT(niceTicks(0, 2.3026), ElementsAre(0, 0.5, 1, 1.5, 2, 2.5));
  EXPECT_THAT(niceTicks(1, 10), ElementsAre(0, 2, 4, 6, 8, 10));
  EXPECT_THAT(niceTicks(-3, 7), ElementsAre(-4, -2, 0, 2, 4, 6, 8));
  // 0 is widened to [-0.5, 0.5]: step 0.1 would need 11 ticks, 0.2 needs 7.
  auto near = [](double v) { return DoubleNear(v, 1e-12); };
  EXPECT_THAT(niceTicks(0, 0),
              ElementsAre(near(-0.6), near(-0.4), near(-0.2), 0, near(0.2), near(0.4), near(0.6)));
  // [0.1, 0.3]: steps 0.01 and 0.02 need 21 and 11 ticks, 0.05 needs 5.
  EXPECT_THAT(niceTicks(0.1, 0.3), ElementsAre(near(0.1), near(0.15), near(0.2), near(0.25),
                                               near(0.3)));
  EXPECT_THROW(niceTicks(2, 1), std::invalid_argument);
  EXPECT_THROW(niceTicks(0, std::numeric_limits<double>::infinity()), std::invalid_argument);
}

TEST(NiceTicks, Labels) {
  EXPECT_EQ(formatTick(0.25), "0.25");
  EXPECT_EQ(formatTick(2), "2");
  EXPECT_EQ(formatTick(1e6), "1e+06");
}

TEST(SvgChart, PointsMapToThePlotArea) {
  // 640 x 400: plot area x 60..500, y 30..350. x ticks 0..2 (step 0.5),
  // y ticks 0..1 (step 0.2): x -> 60 + 220 x, y -> 350 - 320 y.
  LineChart chart;
  chart.title = "t";
  chart.series.push_back({.name = "a<b&c", .points = {{0, 0}, {1, 1}, {2, 0.5}}});
  std::string svg = renderSvg(chart);
  EXPECT_THAT(svg, HasSubstr("points=\"60.0,350.0 280.0,30.0 500.0,190.0\""));
  EXPECT_THAT(svg, HasSubstr(">a&lt;b&amp;c</text>"));
  EXPECT_THAT(svg, HasSubstr("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_THAT(svg, HasSubstr(">0.5</text>")); // an x tick label
}

TEST(SvgChart, NonFiniteValuesBreakTheLine) {
  double nan = std::numeric_limits<double>::quiet_NaN();
  LineChart chart;
  chart.series.push_back(
      {.name = "s", .markers = true, .points = {{0, 0}, {1, nan}, {2, 1}, {3, 1}}});
  std::string svg = renderSvg(chart);
  // One run of one point (no polyline) and one of two.
  size_t first = svg.find("<polyline");
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(svg.find("<polyline", first + 1), std::string::npos);
  EXPECT_THAT(svg, HasSubstr("<circle cx=\"60.0\" cy=\"350.0\""));
  EXPECT_THAT(svg, Not(HasSubstr("nan")));
}

TEST(SvgChart, NothingToDrawIsAnError) {
  LineChart chart;
  chart.series.push_back({.name = "s", .points = {{0, std::nan("")}}});
  EXPECT_THROW(renderSvg(chart), std::invalid_argument);
  chart.series[0].points = {{0, 1}};
  chart.width = 100;
  EXPECT_THROW(renderSvg(chart), std::invalid_argument);
}

} // namespace
} // namespace dlc::metrics
