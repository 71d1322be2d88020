//===- BleuCommandTest.cpp - `dlc bleu` output and errors -----------------===//

#include "runtime/text/BleuCommand.h"

#include "test/unit/text/TextTestUtil.h"

#include <gtest/gtest.h>

namespace dlc::rt::text {
namespace {

using testing::writeTemp;

struct Result {
  int code;
  std::string out, err;
};

/// Runs `dlc bleu ARGS...` in process, capturing stdout and stderr.
Result runBleu(std::vector<std::string> args) {
  args.insert(args.begin(), "bleu");
  std::vector<char *> argv;
  for (std::string &a : args) argv.push_back(a.data());
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  int code = dlc::tools::runBleuCommand(static_cast<int>(argv.size()), argv.data());
  std::string out = ::testing::internal::GetCapturedStdout();
  std::string err = ::testing::internal::GetCapturedStderr();
  return {code, out, err};
}

TEST(BleuCommand, PrintsCorpusBleuOnTheSacrebleuScale) {
  std::string ref = writeTemp("ref.txt", "the cat is on the mat\na dog barks\n");
  std::string hyp = writeTemp("hyp.txt", "the  cat is on the mat today\r\na dog\n");
  Result r = runBleu({ref, hyp});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "74.300232\n"); // 100 * nltk corpus_bleu = 74.30023199653439
  EXPECT_EQ(r.err, "");
}

TEST(BleuCommand, SentenceModePrintsD2lBleuPerLine) {
  std::string ref = writeTemp("ref.txt", "il est calme .\nje suis chez moi .\nva !\n");
  std::string hyp = writeTemp("hyp.txt", "il est riche .\nje suis <unk> .\nva !\n");
  Result r = runBleu({ref, hyp, "--sentence"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "0.658037\n0.512480\n1.000000\n");
  // k = 1: only unigram precisions, weight 1/2.
  r = runBleu({"--sentence", "--k", "1", ref, hyp});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "0.866025\n0.674461\n1.000000\n");
  EXPECT_EQ(runBleu({"--sentence", "--k=1", ref, hyp}).out, r.out);
}

TEST(BleuCommand, HelpGoesToStdout) {
  Result r = runBleu({"--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("usage: dlc bleu REFERENCE_FILE HYPOTHESIS_FILE"), std::string::npos);
}

TEST(BleuCommand, InputErrorsExitOne) {
  std::string ref = writeTemp("ref.txt", "a b\nc d\n");
  std::string hyp = writeTemp("hyp.txt", "a b\n");
  Result r = runBleu({ref, hyp});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "dlc bleu: error: " + ref + " has 2 lines but " + hyp + " has 1\n");

  r = runBleu({ref, "/nonexistent/hyp.txt"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err,
            "dlc bleu: error: /nonexistent/hyp.txt: cannot open file: No such file or directory\n");

  std::string bad = writeTemp("bad.txt", "a b\nc \xC3(\n");
  r = runBleu({ref, bad});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "dlc bleu: error: " + bad + ":2: invalid UTF-8 byte 0xC3 at column 3\n");

  std::string empty = writeTemp("empty.txt", "");
  r = runBleu({empty, hyp});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "dlc bleu: error: " + empty + ": file is empty\n");
}

TEST(BleuCommand, UsageErrorsExitTwo) {
  auto firstLine = [](const std::string &s) { return s.substr(0, s.find('\n')); };
  Result r = runBleu({});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(firstLine(r.err),
            "dlc bleu: error: expected REFERENCE_FILE and HYPOTHESIS_FILE, got 0 file arguments");
  EXPECT_EQ(firstLine(runBleu({"a", "b", "--bogus"}).err),
            "dlc bleu: error: unknown option '--bogus'");
  EXPECT_EQ(firstLine(runBleu({"a", "b", "--sentence", "--k", "0"}).err),
            "dlc bleu: error: --k expects a positive integer, got '0'");
  EXPECT_EQ(firstLine(runBleu({"a", "b", "--sentence", "--k"}).err),
            "dlc bleu: error: --k needs a value");
  r = runBleu({"a", "b", "--k", "3"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(firstLine(r.err),
            "dlc bleu: error: --k only applies to --sentence (corpus BLEU is always BLEU-4)");
}

} // namespace
} // namespace dlc::rt::text
