// ParseArgdownData: the shortcut for simple flow mappings must give exactly what the YAML reader
// gives, for the shapes it takes and for every near miss it must leave to the reader.
#include "formats/argdown_data.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

namespace argmap {
namespace {

struct Parsed {
  bool ok;
  std::string value;  // the dump, which keeps the keys' order
  DataError error;
};

Parsed ByShortcutOrReader(std::string_view token) {
  DataValue value;
  DataError error;
  bool ok = ParseArgdownData(token, &value, &error);
  return {ok, ok ? value.dump() : "", error};
}

Parsed ByReader(std::string_view token) {
  DataValue value;
  DataError error;
  bool ok = ParseYaml(token, &value, &error);
  return {ok, ok ? value.dump() : "", error};
}

TEST_CASE("simple flow data reads as the YAML reader reads it", "[formats][data]") {
  const std::vector<std::string> keys = {
      "source", "actor", "a1",        "_x",    "isCanonical", "true", "Null", "FALSE", "1",
      "0x1F",   "a-b",   "two words", "\"q\"", "y",           "nan",  "~",    "é",     ""};
  const std::vector<std::string> values = {
      "\"Author 12\"", "\"\"",           "\"a, b: c\"", "\"with \\\" escape\"",
      "\"tab\there\"", "\"é\"",          "plain",       "'single'",
      "123",           "true",           "\"{x}\"",     "\"a # b\"",
      "[1, 2]",        "{n: \"v\"}",     "\"unclosed",  "\"a\"b\"",
      "\"\\\\n\"",     "\"2020-01-01\"", "null",        ""};
  const std::vector<std::string> colons = {": ", ":", ":  ", ":\t", " : "};
  const std::vector<std::string> commas = {", ", ",", " , ", ",  ", " ,", ",\t"};
  std::mt19937 rng(7);
  auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  size_t mismatches = 0, simple = 0;
  for (int n = 0; n < 20000; ++n) {
    // Half the cases from the simple shape only, half from everything.
    const bool shaped = n % 2 == 0;
    std::string token = rng() % 4 == 0 ? "{ " : "{";
    const int pairs = 1 + static_cast<int>(rng() % 3);
    for (int p = 0; p < pairs; ++p) {
      if (p > 0) token += shaped ? ", " : pick(commas);
      token += shaped ? pick({"source", "actor", "a1", "_x", "quote", "actor"}) : pick(keys);
      token += shaped ? ": " : pick(colons);
      token += shaped ? pick({"\"Author 12\"", "\"\"", "\"a, b: c\"", "\"EU\""}) : pick(values);
    }
    if (rng() % 5 == 0) token += shaped ? " " : pick({" ", ",", " ,", "  "});
    token += "}";
    Parsed fast = ByShortcutOrReader(token);
    Parsed reader = ByReader(token);
    INFO(token);
    simple += fast.ok && shaped;
    if (fast.ok != reader.ok || fast.value != reader.value ||
        fast.error.offset != reader.error.offset || fast.error.message != reader.error.message) {
      ++mismatches;
      FAIL_CHECK("shortcut and reader differ: " << fast.value << " | " << reader.value << " | "
                                                << fast.error.message << " | "
                                                << reader.error.message);
    }
  }
  CHECK(mismatches == 0);
  CHECK(simple > 5000);  // the simple shape was read (with duplicate keys the reader refuses)
}

TEST_CASE("simple flow data keeps its keys in order and its text as written", "[formats][data]") {
  DataValue value;
  DataError error;
  REQUIRE(ParseArgdownData("{source: \"Moschini 2008\", quote: \"the EU's own: contexts\"}", &value,
                           &error));
  CHECK(value.dump() == "{\"source\":\"Moschini 2008\",\"quote\":\"the EU's own: contexts\"}");
  CHECK_FALSE(ParseArgdownData("{k: \"a\", k: \"b\"}", &value, &error));
  CHECK(error.message.find("duplicated key 'k'") != std::string::npos);
}

}  // namespace
}  // namespace argmap
