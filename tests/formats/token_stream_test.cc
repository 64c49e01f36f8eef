#include "formats/token_stream.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "graph/flat_hash.h"

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

TEST_CASE("a token stream looks further ahead than the room in front of its chunks", "[formats]") {
  // Refill moves up to TokenStream::kSlack unconsumed tokens into a chunk's room in front; a
  // longer lookahead across a chunk boundary takes the copying way. Both must give the lexer's.
  const std::string text = LargeText();
  ArgdownLexer lexer(text);
  TokenStream stream(text);
  std::vector<Token> expected;
  while (expected.empty() || expected.back().type != ArgdownToken::kEof) {
    expected.push_back(lexer.Next());
  }
  const size_t far = TokenStream::kSlack * 3;
  size_t mismatches = 0;
  for (size_t i = 0; i + 1 < expected.size(); ++i) {
    // Every 100th token the look goes far. The first far look past a chunk's end leaves more
    // than 92 tokens unconsumed (the one 100 tokens before did not reach the end), more than
    // the room, so every boundary takes the long way.
    const size_t k = i % 100 == 0 ? far : 1;
    const size_t j = std::min(i + k, expected.size() - 1);
    mismatches += !Same(stream.Peek(k), expected[j]);
    mismatches += !Same(stream.Next(), expected[i]);
  }
  CHECK(mismatches == 0);
  CHECK(stream.Next().type == ArgdownToken::kEof);
}

TEST_CASE("tokens lexed on the second thread carry their title's hash; others carry none",
          "[formats]") {
  std::string text = LargeText();
  TokenStream stream(text);
  size_t titles = 0, wrong = 0, peeked = 0;
  while (true) {
    if (const Token* ahead = stream.PeekLexed(5)) {
      ++peeked;
      wrong += !Same(*ahead, stream.Peek(5));  // what PeekLexed sees is what Peek sees
    }
    Token t = stream.Next();
    if (t.type == ArgdownToken::kEof) break;
    size_t brackets = 0;
    if (t.type == ArgdownToken::kStatementDefinition ||
        t.type == ArgdownToken::kArgumentDefinition) {
      brackets = 3;  // [T]: and <T>:
    } else if (t.type == ArgdownToken::kStatementReference ||
               t.type == ArgdownToken::kArgumentReference) {
      brackets = 2;  // [T] and <T>
    }
    if (brackets == 0) {
      wrong += t.title_hash != 0;
      continue;
    }
    ++titles;
    wrong += t.title_hash != FlatTitleIndex::Hash(text.substr(t.offset + 1, t.length - brackets));
  }
  CHECK(wrong == 0);
  CHECK(titles > 1000);
  CHECK(peeked > titles);
  // A small text is lexed on the caller's thread: no hashes, and nothing to peek at early.
  std::string small = ReadSource("examples/eu-central-asia.argdown");
  TokenStream direct(small);
  CHECK(direct.PeekLexed(0) == nullptr);
  size_t hashed = 0;
  for (Token t = direct.Next(); t.type != ArgdownToken::kEof; t = direct.Next()) {
    hashed += t.title_hash != 0;
  }
  CHECK(hashed == 0);
}

TEST_CASE("a token stream dropped early stops its lexing thread", "[formats]") {
  std::string text = LargeText();
  TokenStream stream(text);
  CHECK(stream.Next().type != ArgdownToken::kEof);
  // The destructor must return although the lexer has most of the text still to go.
}

}  // namespace
}  // namespace argmap
