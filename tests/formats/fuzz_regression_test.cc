// Hardening of the Argdown reader (issue 7): every input the fuzzer (fuzz/, docs/fuzzing.md) found
// troublesome, and the bounded-resource inputs of the issue — 10,000-level nesting, a 20 MB line,
// a million relations on one node, invalid UTF-8 — end in Ok or in InvalidInput whose diagnostics
// carry positions, in bounded time and memory. Under sanitizers (ARGMAP_SANITIZED set) the line
// and the relations are ten times smaller, since ASan's shadow memory and a Debug build make the
// full sizes slow; the code paths are the same.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "formats/argdown_reader.h"
#include "formats/argdown_writer.h"
#include "formats/diagnostic.h"
#include "graph/checks.h"

namespace argmap {
namespace {

bool Sanitized() { return std::getenv("ARGMAP_SANITIZED") != nullptr; }

struct Outcome {
  Status status;
  ArgumentMap map;
  std::vector<Diagnostic> diagnostics;
  std::vector<Finding> findings;
};

// Reads `text`, checks what the reader promises of any input, and runs the checks when it parsed.
Outcome ReadAndCheck(std::string_view text) {
  Outcome out;
  out.status = ReadArgdown(text, "in.argdown", &out.map, &out.diagnostics);
  bool has_error = false;
  for (const Diagnostic& d : out.diagnostics) {
    INFO(FormatDiagnostic(d));
    CHECK(d.line > 0);
    CHECK(d.column > 0);
    CHECK(d.caret_column > 0);
    CHECK(d.line_text.size() <= 4 * kMaxLineText + 6);  // long lines are cut
    has_error = has_error || d.kind == Diagnostic::Kind::kError;
  }
  if (out.status.ok()) {
    CHECK_FALSE(has_error);
    Status checked = RunChecks(out.map, CheckOptions{}, &out.findings);
    CHECK(checked.ok());
  } else {
    CHECK(out.status.code() == Status::Code::kInvalidInput);
    CHECK(has_error);
    CHECK(out.map.node_count() == 0);
  }
  return out;
}

std::string Diagnostics(const Outcome& outcome) {
  std::string out;
  for (const Diagnostic& d : outcome.diagnostics) out += FormatDiagnostic(d);
  return out;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// What a map looks like after WriteArgdown and ReadArgdown again: the fuzzer's round trip.
Status RoundTrip(const ArgumentMap& map, ArgumentMap* again, std::vector<Diagnostic>* found) {
  std::ostringstream written;
  WriteArgdown(map, written);
  return ReadArgdown(written.str(), "written.argdown", again, found);
}

// The messages of the warnings among `diagnostics` (without positions), sorted; errors as such.
std::vector<std::string> Warnings(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) {
    out.push_back(d.kind == Diagnostic::Kind::kWarning ? d.message : FormatDiagnostic(d));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::filesystem::path> Crashers() {
  const std::filesystem::path dir =
      std::filesystem::path(ARGMAP_SOURCE_DIR) / "tests/formats/fuzz-crashers";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".argdown") files.push_back(entry.path());
  }
  return files;
}

TEST_CASE("every fuzz crasher reads to a map or to positioned errors", "[formats]") {
  const std::vector<std::filesystem::path> files = Crashers();
  CHECK(files.size() >= 8);  // the folder is there and holds the crashers
  for (const std::filesystem::path& file : files) {
    INFO(file.filename().string());
    ReadAndCheck(ReadFile(file));
  }
}

// Fuzzer findings 1, 4 and 5 (docs/fuzzing.md): what reads must read again after WriteArgdown,
// into as many statements, arguments and relations: a text of headings only (finding 1), titles
// that start with '-' or, for arguments, '+' or '_' (finding 4; the writer replaces those
// characters), and a title holding "@include(" (finding 5; the writer replaces its '(').
TEST_CASE("every fuzz crasher that reads survives WriteArgdown and a second read", "[formats]") {
  for (const std::filesystem::path& file : Crashers()) {
    INFO(file.filename().string());
    Outcome outcome = ReadAndCheck(ReadFile(file));
    if (!outcome.status.ok()) continue;
    ArgumentMap again;
    std::vector<Diagnostic> diagnostics;
    CHECK(RoundTrip(outcome.map, &again, &diagnostics).ok());
    // No errors, and the same warnings (a statement referred to and never defined is written
    // as a reference, so it is undefined again).
    CHECK(Warnings(diagnostics) == Warnings(outcome.diagnostics));
    CHECK(again.statements().size() == outcome.map.statements().size());
    CHECK(again.arguments().size() == outcome.map.arguments().size());
    CHECK(again.relations().size() == outcome.map.relations().size());
  }
}

// Fuzzer finding 1 (docs/fuzzing.md): a text of headings only reads as an empty map, which
// WriteArgdown writes as an empty text, which ReadArgdown rejects ("the file contains no statement
// or argument"). Fixed in 01f866c.
TEST_CASE("a text without statements or arguments is rejected like an empty one", "[formats]") {
  Outcome outcome = ReadAndCheck("# Heading\n");
  CHECK(outcome.status.message() == "in.argdown: 1 error");
  CHECK(Diagnostics(outcome) ==
        "in.argdown:1:10: error: the file contains no statement or argument\n"
        "# Heading\n"
        "         ^\n");
}

TEST_CASE("a 10,000-level chain of nested relations reads and checks", "[formats]") {
  const int levels = 10000;
  std::string text = "[S0]: root\n";
  for (int i = 1; i <= levels; ++i) {
    text += std::string(i, ' ') + "+> [S" + std::to_string(i) + "]: s\n";
  }
  Outcome outcome = ReadAndCheck(text);
  REQUIRE(outcome.status.ok());
  CHECK(outcome.diagnostics.empty());
  REQUIRE(outcome.map.statements().size() == levels + 1);
  REQUIRE(outcome.map.relations().size() == levels);
  // Stored as the nested members close: the innermost relation first.
  const Relation& first = outcome.map.relations().front();
  const Relation& last = outcome.map.relations().back();
  CHECK(outcome.map.DisplayName(first.from) + " supports " + outcome.map.DisplayName(first.to) ==
        "[S9999] supports [S10000]");
  CHECK(outcome.map.DisplayName(last.from) + " supports " + outcome.map.DisplayName(last.to) ==
        "[S0] supports [S1]");
}

TEST_CASE("data nested 10,000 levels deep is one clear error", "[formats]") {
  const std::string text =
      "[A]: a {k: " + std::string(10000, '[') + std::string(10000, ']') + "}\n";
  Outcome outcome = ReadAndCheck(text);
  CHECK(outcome.status.message() == "in.argdown: 1 error");
  REQUIRE(outcome.diagnostics.size() == 1);
  const Diagnostic& d = outcome.diagnostics[0];
  CHECK(d.line == 1);
  CHECK(d.column == 74);  // the '[' that opens the 65th level, counting the data block itself
  CHECK(d.message == "invalid data: data nested deeper than 64 levels");
  CHECK(d.line_text == text.substr(0, kMaxLineText) + "...");
}

TEST_CASE("a statement on a 20 MB line reads whole", "[formats]") {
  const size_t size = (Sanitized() ? 2 : 20) << 20;
  const std::string text = "[A]: " + std::string(size - 5, 'x') + "\n";
  Outcome outcome = ReadAndCheck(text);
  REQUIRE(outcome.status.ok());
  REQUIRE(outcome.map.statements().size() == 1);
  CHECK(outcome.map.statements()[0].text.size() == size - 5);
}

TEST_CASE("an error at the end of a 20 MB line shows a window of the line", "[formats]") {
  const size_t size = (Sanitized() ? 2 : 20) << 20;
  const std::string text = "[A]: " + std::string(size - 7, 'x') + " \\";
  Outcome outcome = ReadAndCheck(text);
  CHECK(outcome.status.message() == "in.argdown: 1 error");
  CHECK(Diagnostics(outcome) ==
        "in.argdown:1:" + std::to_string(size) +
            ": error: a backslash must escape a character on the same line (write \\\\ for a "
            "backslash)\n..." +
            std::string(79, 'x') + " \\\n" + std::string(83, ' ') + "^\n");
}

TEST_CASE("a million relations on one node read and check", "[formats]") {
  const int relations = Sanitized() ? 100000 : 1000000;
  std::string text = "[Hub]: hub\n";
  for (int i = 1; i <= relations; ++i) text += "  +> [S" + std::to_string(i) + "]\n";
  Outcome outcome = ReadAndCheck(text);
  REQUIRE(outcome.status.ok());
  CHECK(outcome.map.statements().size() == static_cast<size_t>(relations) + 1);
  CHECK(outcome.map.relations().size() == static_cast<size_t>(relations));
  // Each [S i] is referred to but never defined: 100 warnings, then one that says it stops.
  REQUIRE(outcome.diagnostics.size() == 101);
  CHECK(FormatDiagnostic(outcome.diagnostics[0]) ==
        "in.argdown:2:6: warning: [S1] is never defined; it gets an empty text\n"
        "  +> [S1]\n"
        "     ^\n");
  CHECK(outcome.diagnostics[100].message == "too many warnings (100); further ones not shown");
}

TEST_CASE("invalid UTF-8 is an error at the offending byte", "[formats]") {
  // A byte that never occurs in UTF-8, a sequence cut by a character, one cut by the end of the
  // text, an overlong form, a lead byte above U+10FFFF; one per line, so columns are exact.
  Outcome outcome = ReadAndCheck(
      "[A]: Invalid \xFF byte.\n"
      "[B]: b\xC3(\n"
      "[C]: \xC0\xAF\n"
      "[D]: \xF5\x80\x80\x80\n"
      "[E]: \xE2\x82");
  CHECK(outcome.status.message() == "in.argdown: 5 errors");
  CHECK(Diagnostics(outcome) ==
        "in.argdown:1:14: error: invalid UTF-8 (byte 0xFF)\n"
        "[A]: Invalid ? byte.\n"
        "             ^\n"
        "in.argdown:2:7: error: invalid UTF-8 (byte 0xC3)\n"
        "[B]: b?(\n"
        "      ^\n"
        "in.argdown:3:6: error: invalid UTF-8 (byte 0xC0)\n"
        "[C]: ??\n"
        "     ^\n"
        "in.argdown:4:6: error: invalid UTF-8 (byte 0xF5)\n"
        "[D]: ????\n"
        "     ^\n"
        "in.argdown:5:6: error: invalid UTF-8 (byte 0xE2)\n"
        "[E]: ??\n"
        "     ^\n");
}

TEST_CASE("invalid UTF-8 after a byte order mark counts from after the mark", "[formats]") {
  Outcome outcome = ReadAndCheck("\xEF\xBB\xBF[A]: \xFF\n");
  CHECK(Diagnostics(outcome) ==
        "in.argdown:1:6: error: invalid UTF-8 (byte 0xFF)\n"
        "[A]: ?\n"
        "     ^\n");
}

std::string InvalidBytePerLine(int lines) {
  std::string text;
  for (int i = 0; i < lines; ++i) text += "\xFF\n";
  return text;
}

TEST_CASE("a text of invalid bytes stops after 100 errors", "[formats]") {
  Outcome outcome = ReadAndCheck(InvalidBytePerLine(1000));
  CHECK(outcome.status.message() == "in.argdown: 100 errors");
  REQUIRE(outcome.diagnostics.size() >= 100);
  CHECK(FormatDiagnostic(outcome.diagnostics[99]) ==
        "in.argdown:100:1: error: invalid UTF-8 (byte 0xFF)\n"
        "?\n"
        "^\n");
}

// Fuzzer finding 3 (docs/fuzzing.md): the UTF-8 check stops at 100 errors without the last error
// that says so, which every other error path of the reader gives. Fixed in 01f866c.
TEST_CASE("invalid UTF-8 beyond 100 errors says that reading stopped", "[formats]") {
  Outcome outcome = ReadAndCheck(InvalidBytePerLine(1000));
  REQUIRE(outcome.diagnostics.size() == 101);
  CHECK(FormatDiagnostic(outcome.diagnostics[100]) ==
        "in.argdown:101:1: error: too many errors (100); stopping\n"
        "?\n"
        "^\n");
}

// Fuzzer finding 2 (docs/fuzzing.md): diagnostics print invalid UTF-8 as '?' per byte but count
// columns by lead bytes, and let surrogates through, so a caret after an invalid sequence stands
// one character early and a surrogate reaches the terminal raw. Fixed in 01f866c.
TEST_CASE("diagnostics print invalid UTF-8 as '?' and put the caret under it", "[formats]") {
  Outcome outcome = ReadAndCheck("[A]: \xC0\xAF \xED\xA0\x80\n");
  CHECK(Diagnostics(outcome) ==
        "in.argdown:1:6: error: invalid UTF-8 (byte 0xC0)\n"
        "[A]: ?? ???\n"
        "     ^\n"
        "in.argdown:1:9: error: invalid UTF-8 (byte 0xED)\n"
        "[A]: ?? ???\n"
        "        ^\n");
}

}  // namespace
}  // namespace argmap
