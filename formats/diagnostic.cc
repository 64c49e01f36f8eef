#include "formats/diagnostic.h"

#include <algorithm>

namespace argmap {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The length (1 to 4) of the valid UTF-8 sequence at text[i], or 0 when text[i] starts none. The
// rules are ReadArgdown's: no overlong forms, no surrogates, nothing above U+10FFFF.
size_t ValidSequenceLength(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return 1;
  size_t need = 0;
  unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) low = 0xA0;   // overlong
    if (c == 0xED) high = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) low = 0x90;   // overlong
    if (c == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + need >= text.size()) return 0;
  unsigned char second = static_cast<unsigned char>(text[i + 1]);
  if (second < low || second > high) return 0;
  for (size_t k = 2; k <= need; ++k) {
    if (!IsContinuationByte(text[i + k])) return 0;
  }
  return need + 1;
}

// One character as diagnostics count and print it: a valid sequence, or one byte of an invalid one
// (printed as '?'), so that columns and carets agree with the printed line.
size_t CharLength(std::string_view text, size_t i) {
  size_t length = ValidSequenceLength(text, i);
  return length > 0 ? length : 1;
}

// Byte offset of the character `chars` characters after `from` (clamped to the text).
size_t AdvanceChars(std::string_view text, size_t from, size_t chars) {
  size_t i = from;
  for (; chars > 0 && i < text.size(); --chars) i += CharLength(text, i);
  return std::min(i, text.size());
}

size_t CountChars(std::string_view text) {
  size_t n = 0;
  for (size_t i = 0; i < text.size(); i += CharLength(text, i)) ++n;
  return n;
}

// The line as it can be printed: valid UTF-8, each byte of an invalid sequence replaced by '?'.
std::string Printable(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  size_t i = 0;
  while (i < line.size()) {
    size_t length = ValidSequenceLength(line, i);
    if (length == 0) {
      out += '?';
      ++i;
      continue;
    }
    out.append(line.substr(i, length));
    i += length;
  }
  return out;
}

}  // namespace

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) +
                    (d.kind == Diagnostic::Kind::kError ? ": error: " : ": warning: ") + d.message +
                    "\n" + d.line_text + "\n";
  int caret = d.caret_column > 0 ? d.caret_column : d.column;
  size_t i = 0;
  for (int k = 1; k < caret; ++k) {
    bool tab = i < d.line_text.size() && d.line_text[i] == '\t';
    out += tab ? '\t' : ' ';
    if (i < d.line_text.size()) i = AdvanceChars(d.line_text, i, 1);
  }
  out += "^\n";
  return out;
}

DiagnosticSink::DiagnosticSink(std::string_view text, std::string_view file,
                               std::vector<Diagnostic>* out, size_t max_errors)
    : text_(text), file_(file), out_(out), max_errors_(max_errors) {}

void DiagnosticSink::IndexLines() {
  if (!line_starts_.empty()) return;
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    char c = text_[i];
    if (c == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
    if (c == '\n' || c == '\r') line_starts_.push_back(i + 1);
  }
}

void DiagnosticSink::Position(size_t offset, int* line, int* column) {
  IndexLines();
  offset = std::min(offset, text_.size());
  size_t index =
      std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin() - 1;
  *line = static_cast<int>(index + 1);
  *column = static_cast<int>(
      CountChars(text_.substr(line_starts_[index], offset - line_starts_[index])) + 1);
}

std::string DiagnosticSink::PositionText(size_t offset) {
  int line, column;
  Position(offset, &line, &column);
  return std::to_string(line) + ":" + std::to_string(column);
}

Diagnostic DiagnosticSink::Make(Diagnostic::Kind kind, size_t offset, std::string message) {
  Diagnostic d;
  d.kind = kind;
  d.file = file_;
  d.message = std::move(message);
  Position(offset, &d.line, &d.column);
  size_t start = line_starts_[d.line - 1];
  size_t end = start;
  while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') ++end;
  std::string_view line = text_.substr(start, end - start);
  d.caret_column = d.column;
  if (CountChars(line) <= kMaxLineText) {
    d.line_text = Printable(line);
    return d;
  }
  // A window of kMaxLineText characters around the column.
  size_t before = static_cast<size_t>(d.column - 1);
  size_t skip = before > kMaxLineText / 2 ? before - kMaxLineText / 2 : 0;
  size_t from = AdvanceChars(line, 0, skip);
  size_t to = AdvanceChars(line, from, kMaxLineText);
  d.line_text = (skip > 0 ? "..." : "") + Printable(line.substr(from, to - from)) +
                (to < line.size() ? "..." : "");
  d.caret_column = static_cast<int>(before - skip + (skip > 0 ? 3 : 0)) + 1;
  return d;
}

void DiagnosticSink::Stop(size_t offset) {
  if (overflow_reported_) return;
  overflow_reported_ = true;
  out_->push_back(Make(Diagnostic::Kind::kError, offset,
                       "too many errors (" + std::to_string(max_errors_) + "); stopping"));
}

void DiagnosticSink::Error(size_t offset, std::string message) {
  if (full()) {
    Stop(offset);
    return;
  }
  ++errors_;
  out_->push_back(Make(Diagnostic::Kind::kError, offset, std::move(message)));
}

void DiagnosticSink::Warning(size_t offset, std::string message) {
  if (warnings_ > max_errors_) return;
  if (warnings_++ == max_errors_) {
    message = "too many warnings (" + std::to_string(max_errors_) + "); further ones not shown";
  }
  out_->push_back(Make(Diagnostic::Kind::kWarning, offset, std::move(message)));
}

}  // namespace argmap
