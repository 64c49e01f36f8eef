#include "formats/diagnostic.h"

#include <algorithm>

namespace argmap {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte offset of the character `chars` characters after `from` (clamped to the text).
size_t AdvanceChars(std::string_view text, size_t from, size_t chars) {
  size_t i = from;
  while (chars > 0 && i < text.size()) {
    ++i;
    while (i < text.size() && IsContinuationByte(text[i])) ++i;
    --chars;
  }
  return i;
}

size_t CountChars(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += !IsContinuationByte(c);
  return n;
}

// The line as it can be printed: each byte of an invalid UTF-8 sequence becomes '?'.
std::string Printable(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  size_t i = 0;
  while (i < line.size()) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    size_t need = c < 0x80                 ? 0
                  : c >= 0xC2 && c <= 0xDF ? 1
                  : c >= 0xE0 && c <= 0xEF ? 2
                  : c >= 0xF0 && c <= 0xF4 ? 3
                                           : 4;
    bool ok = need < 4;
    for (size_t k = 1; ok && k <= need; ++k) {
      ok = i + k < line.size() && IsContinuationByte(line[i + k]);
    }
    if (!ok) {
      out += '?';
      ++i;
      continue;
    }
    out.append(line.substr(i, need + 1));
    i += need + 1;
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
