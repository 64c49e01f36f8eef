#include "formats/token_stream.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

namespace argmap {
namespace {

std::string ReadSource(const std::string& path) {
  std::ifstream in(std::string(ARGMAP_SOURCE_DIR) + "/" + path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The chapter's map repeated past the threaded size, so that lexing runs on the second thread
// and the lookahead crosses chunk boundaries.
std::string LargeText() {
  std::string one = ReadSource("examples/eu-central-asia.argdown");
  REQUIRE(!one.empty());
  std::string text;
  while (text.size() < TokenStream::kThreadedFrom * 3) text += one + "\n";
  return text;
}

bool Same(const Token& a, const Token& b) {
  return a.type == b.type && a.offset == b.offset && a.length == b.length && a.indent == b.indent;
}

TEST_CASE("a token stream gives exactly the lexer's tokens, threaded or not", "[formats]") {
  for (const std::string& text : {ReadSource("examples/tutorial.argdown"), LargeText()}) {
    ArgdownLexer lexer(text);
    TokenStream stream(text);
    size_t count = 0;
    while (true) {
      // Look ahead as the parser does, then consume.
      for (size_t k = 0; k < 3; ++k) REQUIRE(Same(stream.Peek(k), lexer.Peek(k)));
      Token expected = lexer.Next();
      REQUIRE(Same(stream.Next(), expected));
      ++count;
      if (expected.type == ArgdownToken::kEof) break;
    }
    CHECK(stream.Next().type == ArgdownToken::kEof);  // Eof stays
    CHECK(count > 200);
  }
}

TEST_CASE("a token stream dropped early stops its lexing thread", "[formats]") {
  std::string text = LargeText();
  TokenStream stream(text);
  CHECK(stream.Next().type != ArgdownToken::kEof);
  // The destructor must return although the lexer has most of the text still to go.
}

}  // namespace
}  // namespace argmap
