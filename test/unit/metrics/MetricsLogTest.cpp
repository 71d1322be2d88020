//===- MetricsLogTest.cpp - the --metrics file, written and read back -----===//
//
// tools/dlc/MetricsFile (epoch and step records, deferred commits) and
// tools/dlc/MetricsLog (what `dlc plot` reads, with file:line errors).
//
//===----------------------------------------------------------------------===//
#include "tools/dlc/MetricsFile.h"
#include "tools/dlc/MetricsLog.h"

#include "frontend/Error.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace dlc::tools {
namespace {

using ::testing::HasSubstr;
using ::testing::Pair;

std::string parseError(const std::string &text) {
  try {
    parseMetricsLog(text, "m.jsonl");
  } catch (const Error &e) {
    return e.what();
  }
  return "";
}

TEST(MetricsLog, ReadsEpochAndStepRecords) {
  MetricsLog log = parseMetricsLog(
      "{\"step\": 2, \"epoch\": 1, \"loss\": 1.5}\n"
      "{\"step\": 1, \"epoch\": 0.5, \"loss\": 2}\n"
      "\n"
      "{\"epoch\": 2, \"loss\": 0.75, \"train_acc\": 0.75, \"test_acc\": null}\r\n"
      "{\"epoch\": 1, \"loss\": 1.5, \"train_acc\": 0.5, \"test_acc\": 0.6, \"examples_per_sec\": 9}",
      "m.jsonl");
  EXPECT_THAT(log.stepLoss, testing::ElementsAre(Pair(0.5, 2.0), Pair(1.0, 1.5)));
  ASSERT_EQ(log.epochCurves.size(), 3u); // no test_loss
  EXPECT_THAT(log.epochCurves["loss"], testing::ElementsAre(Pair(1.0, 1.5), Pair(2.0, 0.75)));
  const Curve &testAcc = log.epochCurves["test_acc"];
  ASSERT_EQ(testAcc.size(), 2u);
  EXPECT_EQ(testAcc[0], std::make_pair(1.0, 0.6));
  EXPECT_TRUE(std::isnan(testAcc[1].second));
  MetricsLog withTestLoss = parseMetricsLog("{\"epoch\": 1, \"test_loss\": 0.5}", "m.jsonl");
  EXPECT_THAT(withTestLoss.epochCurves["test_loss"], testing::ElementsAre(Pair(1.0, 0.5)));
}

TEST(MetricsLog, ErrorsNameTheLine) {
  EXPECT_THAT(parseError("{\"epoch\": 1, \"loss\": 1}\n\n{\"epoch\": 2, \"loss\": 1"),
              HasSubstr("m.jsonl:3: not valid JSON"));
  EXPECT_THAT(parseError("[1, 2]"), HasSubstr("m.jsonl:1: expected a JSON object"));
  EXPECT_THAT(parseError("{\"epoch\": 1}\n{\"loss\": 1}"),
              HasSubstr("m.jsonl:2: expected \"epoch\", a number"));
  EXPECT_THAT(parseError("{\"epoch\": \"1\"}"), HasSubstr("m.jsonl:1: expected \"epoch\""));
  EXPECT_THAT(parseError("{\"step\": 1.5, \"epoch\": 1, \"loss\": 1}"),
              HasSubstr("m.jsonl:1: \"step\" must be a positive integer"));
  EXPECT_THAT(parseError("{\"step\": 3, \"epoch\": 1}"),
              HasSubstr("m.jsonl:1: a step record needs \"loss\""));
  EXPECT_THAT(parseError("{\"epoch\": 1, \"test_acc\": \"high\"}"),
              HasSubstr("m.jsonl:1: \"test_acc\" must be a number or null"));
  EXPECT_THAT(parseError(""), HasSubstr("m.jsonl: empty metrics file"));
  EXPECT_THAT(parseError("\n  \n"), HasSubstr("m.jsonl: empty metrics file"));
  try {
    readMetricsLog("/nonexistent/m.jsonl");
    FAIL();
  } catch (const Error &e) {
    EXPECT_THAT(e.what(), HasSubstr("cannot read /nonexistent/m.jsonl: No such file"));
  }
}

std::string slurp(const std::string &path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(MetricsFile, StepRecordsWaitForTheNextCommit) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("dlc-metrics-" + std::to_string(::getpid()) + ".jsonl"))
                         .string();
  {
    MetricsFile file(path);
    file.append(MetricsFile::stepRecord(1, 1, 2, 4, 2.0), MetricsFile::Commit::Later);
    EXPECT_FALSE(std::filesystem::exists(path)); // nothing committed yet
    file.append(MetricsFile::stepRecord(2, 1, 4, 4, std::nan("")), MetricsFile::Commit::Later);
    file.append(llvm::json::Object{{"epoch", 1}, {"loss", 1.25}});
    EXPECT_EQ(slurp(path), "{\"epoch\":0.5,\"loss\":2,\"step\":1}\n"
                           "{\"epoch\":1,\"loss\":null,\"step\":2}\n"
                           "{\"epoch\":1,\"loss\":1.25}\n");
    file.append(MetricsFile::stepRecord(3, 2, 1, 4, 0.5), MetricsFile::Commit::Later);
    file.flush();
    EXPECT_THAT(slurp(path), HasSubstr("{\"epoch\":1.25,\"loss\":0.5,\"step\":3}\n"));
  }
  // What was written reads back.
  MetricsLog log = readMetricsLog(path);
  EXPECT_EQ(log.stepLoss.size(), 3u);
  EXPECT_EQ(log.epochCurves["loss"].size(), 1u);
  std::filesystem::remove(path);
}

} // namespace
} // namespace dlc::tools
