// libFuzzer target (issue 7): the Argdown reader and everything argmap does with what it reads.
//
// For each input: ReadArgdown; the result must be Ok, or InvalidInput with at least one error
// diagnostic and the map left empty; every diagnostic carries a position (line, column, caret > 0)
// and a printable line text (valid UTF-8, cut on long lines, the caret within it). When the text
// parses: the map keeps its invariants (ArgumentMap::Verify: unique titles, no relation twice);
// RunChecks must succeed; the writers run (map JSON and findings JSON, which must parse as
// JSON; DOT three ways, which must hold no control character but line breaks; findings text); and
// the Argdown that WriteArgdown writes must read back without error into a map with as many
// statements, arguments and relations. Any violation calls abort(), which libFuzzer reports as a
// crash with the input saved; ASan and UBSan turn memory errors, leaks and undefined behaviour
// into crashes too.
//
// Built by fuzz/build.sh, not by CMake; run by fuzz/run.sh (docs/fuzzing.md).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "formats/argdown_reader.h"
#include "formats/argdown_writer.h"
#include "formats/diagnostic.h"
#include "formats/dot_writer.h"
#include "formats/findings_writer.h"
#include "formats/map_json.h"
#include "graph/argument_map.h"
#include "graph/checks.h"

namespace argmap {
namespace {

[[noreturn]] void Fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "argdown_fuzzer: %s\n%.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

// The length of the valid UTF-8 sequence at text[i] (RFC 3629: no overlong forms, surrogates or
// code points above U+10FFFF), or 0.
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return 1;
  size_t need = c >= 0xC2 && c <= 0xDF   ? 1
                : c >= 0xE0 && c <= 0xEF ? 2
                : c >= 0xF0 && c <= 0xF4 ? 3
                                         : 0;
  if (need == 0 || i + need >= text.size()) return 0;
  const unsigned char second = static_cast<unsigned char>(text[i + 1]);
  const unsigned char low = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
  const unsigned char high = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
  if (second < low || second > high) return 0;
  for (size_t k = 2; k <= need; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  }
  return need + 1;
}

// The number of characters of `text`, or -1 when it is not valid UTF-8.
long Utf8Length(std::string_view text) {
  long chars = 0;
  for (size_t i = 0; i < text.size(); ++chars) {
    size_t length = Utf8SequenceLength(text, i);
    if (length == 0) return -1;
    i += length;
  }
  return chars;
}

void ExpectPrintable(const Diagnostic& d) {
  long chars = Utf8Length(d.line_text);
  if (chars < 0) Fail("diagnostic line_text is not valid UTF-8", FormatDiagnostic(d));
  if (d.caret_column > chars + 1) Fail("diagnostic caret beyond its line", FormatDiagnostic(d));
}

void ExpectWellFormedDiagnostics(const Status& status, const std::vector<Diagnostic>& diagnostics) {
  bool has_error = false;
  for (const Diagnostic& d : diagnostics) {
    if (d.line <= 0 || d.column <= 0) Fail("diagnostic without a position", FormatDiagnostic(d));
    if (d.caret_column <= 0) Fail("diagnostic without a caret column", FormatDiagnostic(d));
    if (d.line_text.size() > 4 * kMaxLineText + 6) Fail("line_text not cut", FormatDiagnostic(d));
    if (d.kind == Diagnostic::Kind::kError) has_error = true;
    ExpectPrintable(d);
    (void)FormatDiagnostic(d);
  }
  if (status.ok()) {
    if (has_error) Fail("Ok with an error diagnostic", status.message());
    return;
  }
  if (status.code() != Status::Code::kInvalidInput)
    Fail("status neither Ok nor InvalidInput", status.message());
  if (!has_error) Fail("InvalidInput without an error diagnostic", status.message());
}

void ExpectJson(const std::string& text, const char* what) {
  if (!nlohmann::json::accept(text)) Fail(what, text);
}

void ExpectDot(const std::string& text) {
  for (char c : text) {
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7F) {
      Fail("DOT output holds a control character", text);
    }
  }
}

std::string WriteDotText(const ArgumentMap& map, const DotOptions& options) {
  std::ostringstream out;
  WriteDot(map, options, out);
  return out.str();
}

void RunWriters(const ArgumentMap& map, const std::vector<Finding>& findings) {
  std::ostringstream json;
  WriteMapJson(map, json);
  ExpectJson(json.str(), "map JSON does not parse");
  std::ostringstream findings_json;
  WriteFindingsJson(map, findings, findings_json);
  ExpectJson(findings_json.str(), "findings JSON does not parse");
  std::ostringstream text;
  WriteFindingsText(map, findings, TextStyle{.color = true}, text);

  DotOptions dot;
  ExpectDot(WriteDotText(map, dot));
  dot.clusters = true;
  dot.highlight = &findings;
  dot.rankdir = RankDir::kLR;
  dot.wrap = 7;
  ExpectDot(WriteDotText(map, dot));
  if (!map.statements().empty()) {
    dot.focus = map.statements().front().id;
    dot.depth = 2;
    ExpectDot(WriteDotText(map, dot));
    (void)DotNodeCount(map, dot);
  }
}

void RoundTrip(const ArgumentMap& map) {
  std::ostringstream argdown;
  WriteArgdown(map, argdown);
  const std::string text = argdown.str();
  ArgumentMap again;
  std::vector<Diagnostic> diagnostics;
  Status status = ReadArgdown(text, "roundtrip.argdown", &again, &diagnostics);
  if (!status.ok()) {
    std::string detail = status.message() + "\n";
    for (const Diagnostic& d : diagnostics) detail += FormatDiagnostic(d) + "\n";
    Fail("written Argdown does not read back", detail + "--- written:\n" + text);
  }
  if (again.statements().size() != map.statements().size() ||
      again.arguments().size() != map.arguments().size() ||
      again.relations().size() != map.relations().size()) {
    Fail("round trip changed the numbers of statements, arguments or relations", text);
  }
}

}  // namespace
}  // namespace argmap

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace argmap;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ArgumentMap map;
  std::vector<Diagnostic> diagnostics;
  Status status = ReadArgdown(text, "fuzz.argdown", &map, &diagnostics);
  ExpectWellFormedDiagnostics(status, diagnostics);
  if (!status.ok()) {
    if (map.node_count() != 0 || !map.relations().empty()) Fail("map filled on error", "");
    return 0;
  }
  // The reader appends records without the map's uniqueness look-ups: it must keep them itself.
  if (Status verified = map.Verify(); !verified.ok()) Fail("map invariants", verified.message());
  std::vector<Finding> findings;
  Status checked = RunChecks(map, CheckOptions{}, &findings);
  if (!checked.ok()) Fail("RunChecks failed", checked.message());
  RunWriters(map, findings);
  RoundTrip(map);
  return 0;
}
