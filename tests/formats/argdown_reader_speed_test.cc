// Measures how fast the Argdown reader reads a large generated map. Hidden (tag [.speed]), so
// that `ctest` does not run it; run it by hand on an otherwise idle machine:
//   ./build/test_formats "[.speed]"
// It prints MB/s of wall-clock time for the lexer alone and for ReadArgdown end to end
// (including filling the ArgumentMap), and asserts only what it read, never a time.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>

#include "formats/argdown_lexer.h"
#include "formats/argdown_reader.h"

namespace argmap {
namespace {

// paragraphs paragraphs: four of five a defined statement with nested relations, a tag and
// (in a nested one) data; the fifth an argument with a two-step premise-conclusion structure.
std::string GenerateMap(int paragraphs) {
  std::mt19937 rng(1);
  const char* words[] = {"the",      "border",   "policy",    "of",    "union",
                         "supports", "security", "but",       "harms", "economic",
                         "reform",   "and",      "democracy", "in",    "region"};
  auto sentence = [&](int n) {
    std::string s = "It";
    for (int i = 0; i < n; ++i) s += std::string(" ") + words[rng() % 15];
    return s + ".";
  };
  std::string out;
  for (int i = 0; i < paragraphs; ++i) {
    std::string n = std::to_string(i);
    if (i % 5 == 4) {
      out += "<Argument " + n + ">: " + sentence(10) + " #arg\n\n(1) [P" + n +
             "]: " + sentence(12) + "\n(2) [W" + n + "]: " + sentence(8) +
             " #warrant\n-- modus ponens --\n" + "(3) [I" + n + "]: " + sentence(9) + "\n(4) [Q" +
             n + "]: " + sentence(7) + "\n----\n(5) [C" + n + "]: " + sentence(11) + "\n  +> [S" +
             std::to_string(i - 1) + "]\n\n";
    } else {
      out += "[S" + n + "]: " + sentence(14) + " #tag" + std::to_string(i % 7) + "\n  + [S" + n +
             "a]: " + sentence(10) + "\n    - [S" + n + "b]: " + sentence(9) +
             " {source: \"Author " + n + "\"}\n  - <Argument " + std::to_string(i - i % 5 + 4) +
             ">\n  -> [S" + std::to_string(i > 0 ? i - 1 : 0) + "]\n\n";
    }
  }
  return out;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

TEST_CASE("reading speed of a large map", "[.speed][formats][argdown]") {
  const int paragraphs = 200000;
  std::string text = GenerateMap(paragraphs);
  const double mb = text.size() / 1e6;

  auto start = std::chrono::steady_clock::now();
  ArgdownLexer lexer(text);
  size_t tokens = 0;
  while (lexer.Next().type != ArgdownToken::kEof) ++tokens;
  double lexing = Seconds(start);

  start = std::chrono::steady_clock::now();
  ArgumentMap map;
  std::vector<Diagnostic> diagnostics;
  Status status = ReadArgdown(text, "generated.argdown", &map, &diagnostics);
  double reading = Seconds(start);

  std::printf(
      "%.1f MB, %zu tokens: lexer %.0f MB/s; ReadArgdown %.1f s, %.0f MB/s "
      "(%zu statements, %zu arguments, %zu relations)\n",
      mb, tokens, mb / lexing, reading, mb / reading, map.statements().size(),
      map.arguments().size(), map.relations().size());
  REQUIRE(status.ok());
  CHECK(map.arguments().size() == paragraphs / 5);
}

}  // namespace
}  // namespace argmap
