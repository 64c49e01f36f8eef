// Diagnostic: one error or warning about a position in an input text, and DiagnosticSink, which
// collects them for one text and works out line, column and the line's text from byte offsets.
//
// Format (FormatDiagnostic), as ninja and compilers print it:
//   FILE:LINE:COLUMN: error: MESSAGE
//   <the line>
//   <spaces up to the column>^
// Lines and columns count from 1; a column counts characters (UTF-8 code points), and the caret
// line repeats the tabs of the line so that the caret stands under the character.
//
// Thread-safety: a DiagnosticSink is not thread-safe; Diagnostic is a plain record.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace argmap {

struct Diagnostic {
  enum class Kind { kError, kWarning } kind = Kind::kError;
  std::string file;
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in characters
  std::string message;
  // The offending line without its line break. A line longer than kMaxLineText characters is
  // cut to a window around the column, marked with "..." at the cut ends.
  std::string line_text;
  int caret_column = 0;  // 1-based column of the caret within line_text (== column when uncut)
};

inline constexpr size_t kMaxLineText = 160;

std::string FormatDiagnostic(const Diagnostic& d);

// Collects the diagnostics about one text. Invariants: errors() counts the errors added; once
// full() (max_errors errors), further errors are dropped and one last error says so; likewise
// warnings beyond max_errors are dropped after one last warning that says so.
class DiagnosticSink {
 public:
  DiagnosticSink(std::string_view text, std::string_view file, std::vector<Diagnostic>* out,
                 size_t max_errors);

  void Error(size_t offset, std::string message);
  void Warning(size_t offset, std::string message);
  // Records that reading stops here because full() (once; not counted in errors()).
  void Stop(size_t offset);
  size_t errors() const { return errors_; }
  bool full() const { return errors_ >= max_errors_; }

  // 1-based line and column of a byte offset, e.g. for "declared at 3:7" in a message.
  void Position(size_t offset, int* line, int* column);
  std::string PositionText(size_t offset);  // "LINE:COLUMN"

 private:
  Diagnostic Make(Diagnostic::Kind kind, size_t offset, std::string message);
  void IndexLines();

  std::string_view text_;
  std::string file_;
  std::vector<Diagnostic>* out_;
  size_t max_errors_;
  size_t errors_ = 0;
  size_t warnings_ = 0;
  bool overflow_reported_ = false;
  std::vector<size_t> line_starts_;  // built on the first diagnostic
};

}  // namespace argmap
