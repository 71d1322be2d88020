//===- ScheduleTest.cpp - learning-rate schedules against torch -----------===//
//
// Every case of test/fixtures/schedules (written by test/oracle/schedules.py
// from torch 1.13's schedulers, recursive values included) is rebuilt from
// its dlc spec string and compared step by step; plus hand-computed values,
// the composition, and the parser's errors.
//
//===----------------------------------------------------------------------===//
#include "frontend/Error.h"
#include "frontend/Schedule.h"
#include "runtime/io/Npy.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace dlc::test {
namespace {

using namespace optim;
const std::string kDir = DLC_ORACLE_FIXTURES "/../schedules";

struct FixtureCase {
  std::string name, spec;
  double baseLr;
};

std::vector<FixtureCase> fixtureCases() {
  std::ifstream in(kDir + "/cases.txt");
  EXPECT_TRUE(in) << kDir << "/cases.txt";
  std::vector<FixtureCase> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    FixtureCase c;
    ls >> c.name >> c.baseLr >> c.spec;
    EXPECT_TRUE(ls) << "bad line: " << line;
    out.push_back(c);
  }
  return out;
}

TEST(Schedule, MatchesTorchStepByStep) {
  std::vector<FixtureCase> cases = fixtureCases();
  ASSERT_GE(cases.size(), 15u);
  std::set<std::string> listed;
  for (const FixtureCase &c : cases) {
    SCOPED_TRACE(c.name + " '" + c.spec + "'");
    listed.insert(c.name + ".npy");
    rt::HostTensor want = rt::readNpy(kDir + "/" + c.name + ".npy");
    ASSERT_EQ(want.shape().size(), 1u);
    ASSERT_GE(want.numel(), 30);
    Schedule s = parseSchedule(c.spec, c.baseLr);
    for (int64_t k = 0; k < want.numel(); ++k) {
      double w = want.data<double>()[k], got = s.lr(k);
      EXPECT_LE(std::abs(got - w), 1e-6 * std::abs(w) + 1e-15)
          << "step " << k << ": dlc " << got << ", torch " << w;
    }
  }
  // Every fixture has a case line: none goes unchecked.
  for (const auto &e : std::filesystem::directory_iterator(kDir))
    if (e.path().extension() == ".npy")
      EXPECT_TRUE(listed.count(e.path().filename().string())) << e.path();
}

TEST(Schedule, HandComputedValues) {
  Schedule step(0.1, StepLR(30, 0.1));
  EXPECT_DOUBLE_EQ(step.lr(0), 0.1);
  EXPECT_DOUBLE_EQ(step.lr(29), 0.1);
  EXPECT_DOUBLE_EQ(step.lr(30), 0.01);
  EXPECT_NEAR(step.lr(90), 1e-4, 1e-18);

  Schedule multi(1.0, MultiStepLR({60, 30}, 0.5));
  EXPECT_EQ(multi.lr(29), 1.0);
  EXPECT_EQ(multi.lr(30), 0.5);
  EXPECT_EQ(multi.lr(60), 0.25);

  Schedule cos(0.5, CosineAnnealingLR(100, 0.1));
  EXPECT_DOUBLE_EQ(cos.lr(0), 0.5);
  EXPECT_DOUBLE_EQ(cos.lr(50), 0.3);   // halfway: the mean of base and eta_min
  EXPECT_DOUBLE_EQ(cos.lr(100), 0.1);  // T_max: eta_min
  EXPECT_DOUBLE_EQ(cos.lr(200), 0.5);  // 2·T_max: back at base, as torch

  Schedule lin(1.0, LinearLR(0.25, 1.0, 4));
  EXPECT_DOUBLE_EQ(lin.lr(0), 0.25);
  EXPECT_DOUBLE_EQ(lin.lr(2), 0.625);
  EXPECT_DOUBLE_EQ(lin.lr(4), 1.0);
  EXPECT_DOUBLE_EQ(lin.lr(1000), 1.0);

  // Noam peaks at step = warmup with d_model^-0.5 · warmup^-0.5.
  Schedule noam(1.0, NoamLR(512, 4000));
  EXPECT_DOUBLE_EQ(noam.lr(4000), 1.0 / std::sqrt(512.0 * 4000.0));
  EXPECT_LT(noam.lr(3999), noam.lr(4000));
  EXPECT_LT(noam.lr(4001), noam.lr(4000));
  EXPECT_DOUBLE_EQ(noam.lr(0), noam.lr(1)); // step 0 counts as 1
  EXPECT_DOUBLE_EQ(noam.lr(16000), 1.0 / std::sqrt(512.0 * 16000.0));

  EXPECT_EQ(Schedule(0.3).lr(12345), 0.3);
}

TEST(Schedule, WarmupThenRestartsTheInnerCount) {
  Schedule s(0.1, warmupThen(5, 0.2, std::make_shared<CosineAnnealingLR>(10)));
  Schedule inner(0.1, CosineAnnealingLR(10));
  EXPECT_DOUBLE_EQ(s.lr(0), 0.02);
  EXPECT_DOUBLE_EQ(s.lr(4), 0.1 * (0.2 + 0.8 * 4 / 5));
  for (int k = 5; k < 30; ++k) EXPECT_DOUBLE_EQ(s.lr(k), inner.lr(k - 5)) << k;
  EXPECT_EQ(s.str(), "SequentialLR([LinearLR(start_factor=0.2, end_factor=1, total_iters=5), "
                     "CosineAnnealingLR(T_max=10, eta_min=0)], milestones=[5]), lr=0.1");
}

TEST(Schedule, ParsedRulesPrintAsTorch) {
  EXPECT_EQ(parseScheduleRule("step:30")->str(), "StepLR(step_size=30, gamma=0.1)");
  EXPECT_EQ(parseScheduleRule("multistep:60+30,0.2")->str(),
            "MultiStepLR(milestones=[30, 60], gamma=0.2)");
  EXPECT_EQ(parseScheduleRule("cosine:100,0.001")->str(),
            "CosineAnnealingLR(T_max=100, eta_min=0.001)");
  EXPECT_EQ(parseScheduleRule("noam:512,4000")->str(), "NoamLR(d_model=512, warmup=4000)");
  EXPECT_EQ(parseScheduleRule("constant")->str(), "constant");
  EXPECT_EQ(parseScheduleRule("warmup:3/step:2@4/cosine:5")->str(),
            "SequentialLR([LinearLR(start_factor=0.333333, end_factor=1, total_iters=3), "
            "StepLR(step_size=2, gamma=0.1), CosineAnnealingLR(T_max=5, eta_min=0)], "
            "milestones=[3, 7])");
}

void expectError(const std::string &spec, const std::string &fragment) {
  try {
    parseSchedule(spec, 0.1);
    ADD_FAILURE() << "'" << spec << "' parsed";
  } catch (const Error &e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos)
        << "'" << spec << "': " << e.what();
    EXPECT_NE(std::string(e.what()).find("'" + spec + "'"), std::string::npos) << e.what();
  }
}

TEST(Schedule, ParserErrorsNameThePartAndTheProblem) {
  expectError("", "empty schedule; expected constant | step:");
  expectError("stepp:3", "unknown schedule 'stepp'");
  expectError("step", "takes 1 to 2 arguments, got 0");
  expectError("step:3,0.1,7", "takes 1 to 2 arguments, got 3");
  expectError("step:x", "STEP_SIZE must be an integer, got 'x'");
  expectError("step:3.5", "STEP_SIZE must be an integer, got '3.5'");
  expectError("step:0", "StepLR: step_size must be positive, got 0");
  expectError("step:3,nan", "GAMMA must be a finite number, got 'nan'");
  expectError("step:99999999999999999999", "must be an integer");
  expectError("multistep:3++5", "a milestone must be an integer, got ''");
  expectError("multistep:-3", "milestones must not be negative, got -3");
  expectError("cosine:0", "T_max must be positive, got 0");
  expectError("linear:0,1,5", "start_factor must be in (0, 1], got 0");
  expectError("linear:0.5,2,5", "end_factor must be in [0, 1], got 2");
  expectError("linear:0.5,1", "takes 3 arguments, got 2");
  expectError("warmup:0", "total_iters must be positive, got 0");
  expectError("noam:512", "takes 2 arguments, got 1");
  expectError("noam:0,10", "d_model must be positive, got 0");
  expectError("constant:1", "takes 0 arguments, got 1");
  expectError("step:3/cosine:10", "'step:3': has no natural length; say when the next part");
  expectError("warmup:5/", "empty schedule");
  expectError("cosine:10@5", "this is the last part");
  expectError("step:3@0/cosine:4", "the '@' length must be positive, got 0");
  expectError("step:3@x/cosine:4", "the '@' length must be an integer, got 'x'");
  expectError("step:3@9223372036854775807/step:1@1/cosine:2", "overflow a 64-bit integer");
}

TEST(Schedule, RuleAndScheduleChecks) {
  EXPECT_THROW(Schedule(-0.1), Error);
  EXPECT_THROW(Schedule(NAN), Error);
  EXPECT_THROW(Schedule(0.1, std::shared_ptr<const ScheduleRule>()), Error);
  EXPECT_THROW(SequentialLR({std::make_shared<StepLR>(3)}, {2}), Error);
  EXPECT_THROW(SequentialLR({std::make_shared<StepLR>(3), std::make_shared<StepLR>(3),
                             std::make_shared<StepLR>(3)},
                            {5, 5}),
               Error);
  try {
    Schedule(0.1, StepLR(3)).lr(-1);
    ADD_FAILURE() << "negative step accepted";
  } catch (const Error &e) {
    EXPECT_NE(std::string(e.what()).find("the step must not be negative, got -1"),
              std::string::npos)
        << e.what();
  }
}

} // namespace
} // namespace dlc::test
