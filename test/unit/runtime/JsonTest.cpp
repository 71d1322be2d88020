//===- JsonTest.cpp - the strict JSON parser of file headers ---------------===//
//
// Expected values are RFC 8259's: what a conforming parser must accept,
// decode and reject.
//
//===----------------------------------------------------------------------===//
#include "runtime/io/Json.h"

#include <gtest/gtest.h>

using namespace dlc::rt::json;

/// The ParseError message for `text` ("no error" if it parses).
static std::string errorOf(const std::string &text) {
  try {
    parse(text);
  } catch (const ParseError &e) {
    return e.what();
  }
  return "no error";
}

TEST(Json, ParsesEveryKindInOrder) {
  Value v = parse(" {\"b\": [1, -2.5e3, true, false, null], \"a\": {\"s\": \"x\"}} \n");
  ASSERT_TRUE(v.isObject());
  ASSERT_EQ(v.members.size(), 2u);
  EXPECT_EQ(v.members[0].key, "b"); // document order, not sorted
  const Value &arr = v.members[0].value;
  ASSERT_EQ(arr.kind, Value::Kind::Array);
  ASSERT_EQ(arr.items.size(), 5u);
  EXPECT_EQ(arr.items[0].text, "1");
  EXPECT_EQ(arr.items[1].text, "-2.5e3");
  EXPECT_TRUE(arr.items[2].boolean);
  EXPECT_EQ(arr.items[3].kind, Value::Kind::Bool);
  EXPECT_FALSE(arr.items[3].boolean);
  EXPECT_EQ(arr.items[4].kind, Value::Kind::Null);
  EXPECT_EQ(v.find("a")->find("s")->text, "x");
  EXPECT_EQ(v.find("c"), nullptr);
  EXPECT_EQ(arr.items[1].offset, 11u); // byte offset of "-2.5e3"
}

TEST(Json, DecodesEscapes) {
  Value v = parse(R"(["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u20ac", "\ud83d\ude00", "é€😀"])");
  EXPECT_EQ(v.items[0].text, "a\"b\\c/d\b\f\n\r\t");
  EXPECT_EQ(v.items[1].text, "\xc3\xa9\xe2\x82\xac");     // é €
  EXPECT_EQ(v.items[2].text, "\xf0\x9f\x98\x80");         // U+1F600 from a surrogate pair
  EXPECT_EQ(v.items[3].text, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"); // raw UTF-8 kept
}

TEST(Json, RejectsWhatTheRfcForbids) {
  struct Case {
    const char *text, *needle;
  } cases[] = {
      {"", "unexpected end of text"},
      {"{\"a\":1,}", "expected a quoted key"},
      {"[1,]", "expected a value"},
      {"[01]", "leading zero"},
      {"[1.]", "digit after '.'"},
      {"[1e]", "digit in the exponent"},
      {"[-]", "expected a digit"},
      {"[NaN]", "expected a value"},
      {"{'a':1}", "expected a quoted key"},
      {"{\"a\" 1}", "expected ':'"},
      {"{\"a\":1 \"b\":2}", "expected ',' or '}'"},
      {"[1 2]", "expected ',' or ']'"},
      {"{\"a\":1}x", "unexpected text after"},
      {"{\"a\":1,\"a\":2}", "duplicate key \"a\""},
      {"[\"\\x\"]", "invalid escape '\\x'"},
      {"[\"\\u12\"]", "4 hex digits"},
      {"[\"\\ud800\"]", "unpaired high surrogate"},
      {"[\"\\udc00\"]", "unpaired low surrogate"},
      {"[\"a\nb\"]", "control character"},
      {"[\"\xc3\"]", "invalid UTF-8"},
      {"[\"\xc0\xaf\"]", "invalid UTF-8"},          // overlong '/'
      {"[\"\xed\xa0\x80\"]", "invalid UTF-8"},      // an encoded surrogate
      {"[\"\xf4\x90\x80\x80\"]", "invalid UTF-8"},  // above U+10FFFF
      {"[\"abc", "unterminated string"},
      {"tru", "expected a value"},
  };
  for (const Case &c : cases)
    EXPECT_NE(errorOf(c.text).find(c.needle), std::string::npos)
        << "text: " << c.text << "\nerror: " << errorOf(c.text);
  EXPECT_EQ(errorOf("{\"a\":1,\"a\":2}").substr(0, 7), "byte 7:"); // the second "a"
}

TEST(Json, NestingIsBounded) {
  std::string ok(64, '['), deep(65, '[');
  ok += std::string(64, ']');
  deep += std::string(65, ']');
  EXPECT_EQ(errorOf(ok), "no error");
  EXPECT_NE(errorOf(deep).find("nested deeper than 64"), std::string::npos);
  // Far deeper input fails the same way instead of exhausting the stack.
  EXPECT_NE(errorOf(std::string(1000000, '[')).find("nested deeper"), std::string::npos);
}

TEST(Json, AsUInt64TakesOnlyPlainIntegers) {
  auto n = [](const char *text) { return asUInt64(parse(text)); };
  EXPECT_EQ(n("0"), 0u);
  EXPECT_EQ(n("18446744073709551615"), UINT64_MAX);
  EXPECT_EQ(n("18446744073709551616"), std::nullopt);
  EXPECT_EQ(n("-1"), std::nullopt);
  EXPECT_EQ(n("1.0"), std::nullopt);
  EXPECT_EQ(n("1e3"), std::nullopt);
  EXPECT_EQ(n("\"1\""), std::nullopt);
}

TEST(Json, QuoteRoundTripsAndMatchesSerde) {
  std::string s = "a\"b\\c\n\t\x01\x7f\xc3\xa9";
  EXPECT_EQ(quote(s), "\"a\\\"b\\\\c\\n\\t\\u0001\x7f\xc3\xa9\"");
  EXPECT_EQ(parse(quote(s)).text, s);
  EXPECT_TRUE(isValidUtf8(s));
  EXPECT_FALSE(isValidUtf8("\xff"));
}
