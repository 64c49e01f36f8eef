#include "formats/argdown_lexer.h"

#include <algorithm>
#include <array>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace argmap {
namespace {

constexpr size_t npos = std::string_view::npos;

// Characters that end Argdown's Freestyle token (lexer.js: Freestyle and UnusedControlChar).
constexpr std::array<bool, 256> MakeControlTable() {
  std::array<bool, 256> table{};
  for (unsigned char c : std::string_view("\\@#*_[],.:;</>-\r\n(){}")) table[c] = true;
  return table;
}
constexpr std::array<bool, 256> kEndsFreestyle = MakeControlTable();

constexpr bool IsUnusedControlChar(char c) {
  return c != '\\' && c != '\r' && c != '\n' && kEndsFreestyle[static_cast<unsigned char>(c)];
}

// The default mode's matchers, one bit each, and for every byte the matchers that can match
// at a position holding that byte (after the spaces and tabs, for the matchers that skip them
// first). MatchDefault tries only those, in its fixed order: the others would fail anyway.
enum Candidate : uint32_t {
  kCanComment = 1u << 0,
  kCanFrontMatter = 1u << 1,
  kCanData = 1u << 2,
  kCanEscapedChar = 1u << 3,
  kCanSpecialChar = 1u << 4,
  kCanEmptyline = 1u << 5,
  kCanNewline = 1u << 6,
  kCanInferenceStart = 1u << 7,
  kCanRelation = 1u << 8,
  kCanHeadingStart = 1u << 9,
  kCanStatementNumber = 1u << 10,
  kCanListItem = 1u << 11,
  kCanRange = 1u << 12,  // a bold or italic end or start
  kCanLink = 1u << 13,
  kCanTag = 1u << 14,
  kCanBracketed = 1u << 15,
  kCanSpaces = 1u << 16,
  kCanFreestyle = 1u << 17,
  kCanUnusedControlChar = 1u << 18,
};

constexpr std::array<uint32_t, 256> MakeCandidateTable() {
  std::array<uint32_t, 256> table{};
  auto add = [&](std::string_view first_bytes, uint32_t candidate) {
    for (unsigned char c : first_bytes) table[c] |= candidate;
  };
  add("</", kCanComment);            // <!-- /* //
  add("=", kCanFrontMatter);         // ===
  add("{", kCanData);                // {
  add("\\", kCanEscapedChar);        // \x
  add(".:", kCanSpecialChar);        // .name. :name:
  add(" \t\r\n", kCanEmptyline);     // [ \t]*\r?\n, twice or more
  add(" \t\r\n", kCanNewline);       // [ \t]*(\r\n|\n|\r)
  add(" \t-", kCanInferenceStart);   // [ \t]*--
  add(" \t+-<>_", kCanRelation);     // [ \t]* and + - < > _
  add("#", kCanHeadingStart);        // #+ and a space
  add(" \t(", kCanStatementNumber);  // [ \t]*\(
  add(" \t0123456789*", kCanListItem);
  add("*_", kCanRange);
  add("[", kCanLink);
  add("#", kCanTag);
  add("@[<", kCanBracketed);
  add(" \t", kCanSpaces);
  for (int c = 0; c < 256; ++c) {
    if (!kEndsFreestyle[c]) table[c] |= kCanFreestyle;
    if (IsUnusedControlChar(static_cast<char>(c))) table[c] |= kCanUnusedControlChar;
  }
  return table;
}
constexpr std::array<uint32_t, 256> kCandidates = MakeCandidateTable();
constexpr uint32_t kSkipSpacesFirst = kCanEmptyline | kCanNewline | kCanInferenceStart |
                                      kCanRelation | kCanStatementNumber | kCanListItem;

// Whether any of the eight bytes in word equals byte.
constexpr bool HasByte(uint64_t word, unsigned char byte) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  uint64_t v = word ^ (kOnes * byte);
  return ((v - kOnes) & ~v & (kOnes << 7)) != 0;
}

// The code point at text[i] and its length in bytes; a byte that is not valid UTF-8 counts as
// one character of its own (the reader rejects such text before lexing; this keeps the lexer
// safe on any input).
uint32_t DecodeAt(std::string_view text, size_t i, size_t* length) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  *length = 1;
  if (c < 0x80) return c;
  size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (need == 1 || i + need > text.size()) return 0xFFFD;
  uint32_t cp = c & (0x3F >> (need - 1));
  for (size_t k = 1; k < need; ++k) {
    unsigned char d = static_cast<unsigned char>(text[i + k]);
    if ((d & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (d & 0x3F);
  }
  *length = need;
  return cp;
}

size_t CharLength(std::string_view text, size_t i) {
  size_t length = 1;
  DecodeAt(text, i, &length);
  return length;
}

// JavaScript's \s, of which Argdown's patterns make heavy use.
bool IsJsSpaceCodePoint(uint32_t cp) {
  switch (cp) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\v':
    case '\f':
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

bool IsJsSpaceAt(std::string_view text, size_t i) {
  if (i >= text.size()) return false;
  size_t length;
  return IsJsSpaceCodePoint(DecodeAt(text, i, &length));
}

// JavaScript's line terminators: what `.` does not match.
bool IsLineTerminatorAt(std::string_view text, size_t i, size_t* length) {
  uint32_t cp = DecodeAt(text, i, length);
  return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029;
}

bool IsHorizontalSpace(char c) { return c == ' ' || c == '\t'; }

// Tag characters: [a-zA-z0-9-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF] (A-z includes [\]^_`).
bool IsTagCodePoint(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-';
  return (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xF900 && cp <= 0xFDCF) ||
         (cp >= 0xFDF0 && cp <= 0xFFEF);
}

bool StartsWith(std::string_view text, size_t i, std::string_view prefix) {
  if (text.size() - i < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    if (text[i + k] != prefix[k]) return false;
  }
  return true;
}

// Whether each of the eight bytes in word is an ASCII letter or a space (none of them ends
// Freestyle).
constexpr bool AllLettersOrSpaces(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = kOnes << 7;
  if (word & kHigh) return false;  // below, every byte is at most 0x7F: no sum carries over
  const uint64_t folded = word | (kOnes * 0x20);  // lower case; 0x40-0x5F and 0x60-0x7F alike
  const uint64_t letter = (folded + kOnes * (0x80 - 'a')) & ~(folded + kOnes * (0x80 - 'z' - 1));
  const uint64_t spaceless = word ^ (kOnes * ' ');  // a space becomes 0
  const uint64_t space = ~((spaceless + kOnes * 0x7F) | spaceless);
  return ((letter | space) & kHigh) == kHigh;
}

}  // namespace

std::string_view ArgdownTokenDescription(ArgdownToken type) {
  switch (type) {
    case ArgdownToken::kEof:
      return "the end of the file";
    case ArgdownToken::kFrontMatter:
      return "front matter (=== ... ===)";
    case ArgdownToken::kData:
      return "data ({...})";
    case ArgdownToken::kEscapedChar:
      return "an escaped character";
    case ArgdownToken::kSpecialChar:
      return "a special character (.name. or :name:)";
    case ArgdownToken::kEmptyline:
      return "an empty line";
    case ArgdownToken::kNewline:
      return "a line break";
    case ArgdownToken::kIndent:
      return "an indentation";
    case ArgdownToken::kDedent:
      return "a smaller indentation";
    case ArgdownToken::kInferenceStart:
      return "an inference line (--)";
    case ArgdownToken::kInferenceEnd:
      return "the end of an inference line (--)";
    case ArgdownToken::kListDelimiter:
      return "a comma";
    case ArgdownToken::kIncomingSupport:
      return "a support relation (+>)";
    case ArgdownToken::kIncomingAttack:
      return "an attack relation (->)";
    case ArgdownToken::kOutgoingSupport:
      return "a support relation (+ or <+)";
    case ArgdownToken::kOutgoingAttack:
      return "an attack relation (- or <-)";
    case ArgdownToken::kContradiction:
      return "a contradiction (><)";
    case ArgdownToken::kIncomingUndercut:
      return "an undercut relation (_>)";
    case ArgdownToken::kOutgoingUndercut:
      return "an undercut relation (<_ or _)";
    case ArgdownToken::kHeadingStart:
      return "a heading (#)";
    case ArgdownToken::kStatementNumber:
      return "a numbered statement ((1))";
    case ArgdownToken::kOrderedListItem:
      return "a list item (1.)";
    case ArgdownToken::kUnorderedListItem:
      return "a list item (*)";
    case ArgdownToken::kAsteriskBoldEnd:
    case ArgdownToken::kUnderscoreBoldEnd:
      return "the end of bold text";
    case ArgdownToken::kAsteriskItalicEnd:
    case ArgdownToken::kUnderscoreItalicEnd:
      return "the end of italic text";
    case ArgdownToken::kAsteriskBoldStart:
    case ArgdownToken::kUnderscoreBoldStart:
      return "bold text";
    case ArgdownToken::kAsteriskItalicStart:
    case ArgdownToken::kUnderscoreItalicStart:
      return "italic text";
    case ArgdownToken::kLink:
      return "a link ([text](url))";
    case ArgdownToken::kTag:
      return "a tag (#tag)";
    case ArgdownToken::kStatementDefinition:
      return "a statement definition ([Title]:)";
    case ArgdownToken::kStatementReference:
      return "a statement reference ([Title])";
    case ArgdownToken::kStatementMention:
      return "a statement mention (@[Title])";
    case ArgdownToken::kArgumentDefinition:
      return "an argument definition (<Title>:)";
    case ArgdownToken::kArgumentReference:
      return "an argument reference (<Title>)";
    case ArgdownToken::kArgumentMention:
      return "an argument mention (@<Title>)";
    case ArgdownToken::kFreestyle:
      return "text";
    case ArgdownToken::kUnusedControlChar:
      return "text";
    case ArgdownToken::kInvalid:
      return "a character that starts no Argdown element";
  }
  return "a token";
}

ArgdownLexer::ArgdownLexer(std::string_view text) : text_(text) {}

void ArgdownLexer::Fill(size_t k) {
  while (!eof_ && pending_.size() - head_ <= k + 1) Produce();
}

void ArgdownLexer::Compact() {
  pending_.erase(pending_.begin(), pending_.begin() + static_cast<ptrdiff_t>(head_));
  head_ = 0;
}

void ArgdownLexer::Skip(size_t end) { pos_ = end; }

bool ArgdownLexer::AtLineStart() const {
  return !any_token_ || last_ == ArgdownToken::kNewline || last_ == ArgdownToken::kEmptyline;
}

void ArgdownLexer::EmitIndentOrDedent(uint32_t indent) {
  if (indent > indents_.back()) {
    indents_.push_back(indent);
    Emit(ArgdownToken::kIndent, pos_, pos_, indent);
    return;
  }
  while (indents_.size() > 1 && indent < indents_.back()) {
    indents_.pop_back();
    Emit(ArgdownToken::kDedent, pos_, pos_, indents_.back());
  }
}

void ArgdownLexer::EmitRemainingDedents() {
  while (indents_.size() > 1) {
    indents_.pop_back();
    Emit(ArgdownToken::kDedent, pos_, pos_, 0);
  }
}

void ArgdownLexer::Produce() {
  const size_t want = pending_.size() + kBatch;
  while (pending_.size() < want) {
    if (pos_ >= text_.size()) {
      if (pending_.size() > head_ && pending_.back().type == ArgdownToken::kEmptyline) {
        pending_.pop_back();
      }
      EmitRemainingDedents();
      Emit(ArgdownToken::kEof, text_.size(), text_.size());
      eof_ = true;
      return;
    }
    Token token;
    bool matched = mode_ == Mode::kDefault ? MatchDefault(&token) : MatchInference(&token);
    if (!matched) continue;  // skipped a comment or spaces
    Emit(token.type, token.offset, token.offset + token.length, token.indent);
    pos_ = token.offset + token.length;
  }
}

// Default mode, in the order of lexer.js's lexerConfig.modes.default_mode. Returns false when
// it skipped text (a comment or spaces) without a token.
bool ArgdownLexer::MatchDefault(Token* token) {
  const size_t start = pos_;
  ws_end_ = pos_;  // the end of the spaces and tabs at pos_, which many matchers skip first
  while (ws_end_ < text_.size() && IsHorizontalSpace(text_[ws_end_])) ++ws_end_;
  auto make = [&](ArgdownToken type, size_t end, size_t offset, uint32_t indent = 0) {
    *token = Token{type, offset, end - offset, indent};
    pos_ = end;  // Produce() sets it again; matchers below read it
    return true;
  };
  size_t end;
  uint32_t can = kCandidates[static_cast<unsigned char>(text_[start])];
  if (can == kCanFreestyle) return make(ArgdownToken::kFreestyle, MatchFreestyle(), start);
  if (ws_end_ > start) {
    // Spaces match here for sure; before them, only the matchers that skip spaces first and
    // can match at the character after them.
    can = kCanSpaces;
    if (ws_end_ < text_.size()) {
      can |= kCandidates[static_cast<unsigned char>(text_[ws_end_])] & kSkipSpacesFirst;
    }
  }
  if ((can & kCanComment) && (end = MatchComment()) != npos) {
    Skip(end);
    return false;
  }
  if ((can & kCanFrontMatter) && (end = MatchFrontMatter()) != npos) {
    return make(ArgdownToken::kFrontMatter, end, start);
  }
  if ((can & kCanData) && (end = MatchData()) != npos) {
    return make(ArgdownToken::kData, end, start);
  }
  if ((can & kCanEscapedChar) && (end = MatchEscapedChar()) != npos) {
    return make(ArgdownToken::kEscapedChar, end, start);
  }
  if ((can & kCanSpecialChar) && (end = MatchSpecialChar()) != npos) {
    return make(ArgdownToken::kSpecialChar, end, start);
  }
  if ((can & kCanEmptyline) && (end = MatchEmptyline()) != npos) {
    if (end < text_.size()) EmitRemainingDedents();
    return make(ArgdownToken::kEmptyline, end, start);
  }
  if ((can & kCanNewline) && (end = MatchNewline()) != npos) {
    return make(ArgdownToken::kNewline, end, start);
  }
  if ((can & kCanInferenceStart) && (end = MatchInferenceStart()) != npos) {
    EmitRemainingDedents();
    mode_ = Mode::kInference;
    return make(ArgdownToken::kInferenceStart, end, end - 2);
  }
  ArgdownToken type;
  uint32_t indent = 0;
  if ((can & kCanRelation) && (end = MatchRelation(&type, &indent)) != npos) {
    EmitIndentOrDedent(indent);
    size_t symbol = start + indent;
    return make(type, end, symbol, indent);
  }
  if ((can & kCanHeadingStart) && (end = MatchHeadingStart()) != npos) {
    return make(ArgdownToken::kHeadingStart, end, start);
  }
  if ((can & kCanStatementNumber) && (end = MatchStatementNumber()) != npos) {
    EmitRemainingDedents();
    size_t symbol = start;
    while (IsHorizontalSpace(text_[symbol])) ++symbol;
    return make(ArgdownToken::kStatementNumber, end, symbol);
  }
  if ((can & kCanListItem) && (end = MatchListItem(&type, &indent)) != npos) {
    EmitIndentOrDedent(indent);
    return make(type, end, start + indent - 1, indent);
  }
  if ((can & kCanRange) && (end = MatchRangeEnd(&type)) != npos) {
    ranges_.pop_back();
    return make(type, end, start);
  }
  if ((can & kCanRange) && (end = MatchRangeStart(&type)) != npos) {
    Range range = type == ArgdownToken::kAsteriskBoldStart     ? Range::kAsteriskBold
                  : type == ArgdownToken::kUnderscoreBoldStart ? Range::kUnderscoreBold
                  : type == ArgdownToken::kAsteriskItalicStart ? Range::kAsteriskItalic
                                                               : Range::kUnderscoreItalic;
    ranges_.push_back(range);
    return make(type, end, start);
  }
  if ((can & kCanLink) && (end = MatchLink()) != npos) {
    return make(ArgdownToken::kLink, end, start);
  }
  if ((can & kCanTag) && (end = MatchTag()) != npos) {
    return make(ArgdownToken::kTag, end, start);
  }
  if ((can & kCanBracketed) && (end = MatchBracketed(&type)) != npos) {
    return make(type, end, start);
  }
  if ((can & kCanSpaces) && (end = MatchSpaces()) != npos) {
    Skip(end);
    return false;
  }
  if ((can & kCanFreestyle) && (end = MatchFreestyle()) != npos) {
    return make(ArgdownToken::kFreestyle, end, start);
  }
  if ((can & kCanUnusedControlChar) && (end = MatchUnusedControlChar()) != npos) {
    return make(ArgdownToken::kUnusedControlChar, end, start);
  }
  return make(ArgdownToken::kInvalid, start + CharLength(text_, start), start);
}

// Inference mode: between `--` and `--` (lexer.js: inference_mode).
bool ArgdownLexer::MatchInference(Token* token) {
  const size_t start = pos_;
  ws_end_ = pos_;
  while (ws_end_ < text_.size() && IsHorizontalSpace(text_[ws_end_])) ++ws_end_;
  auto make = [&](ArgdownToken type, size_t end) {
    *token = Token{type, start, end - start, 0};
    pos_ = end;
    return true;
  };
  size_t end;
  if ((end = MatchComment()) != npos) {
    Skip(end);
    return false;
  }
  if ((end = MatchNewline()) != npos) return make(ArgdownToken::kNewline, end);
  if ((end = MatchEscapedChar()) != npos) return make(ArgdownToken::kEscapedChar, end);
  if ((end = MatchSpecialChar()) != npos) return make(ArgdownToken::kSpecialChar, end);
  if (StartsWith(text_, start, "--")) {
    end = start + 2;
    while (end < text_.size() && text_[end] == '-') ++end;
    mode_ = Mode::kDefault;
    return make(ArgdownToken::kInferenceEnd, end);
  }
  if (text_[start] == '{' && (end = MatchData()) != npos) return make(ArgdownToken::kData, end);
  if (text_[start] == ',') return make(ArgdownToken::kListDelimiter, start + 1);
  if ((end = MatchSpaces()) != npos) {
    Skip(end);
    return false;
  }
  if ((end = MatchFreestyle()) != npos) return make(ArgdownToken::kFreestyle, end);
  if ((end = MatchUnusedControlChar()) != npos) return make(ArgdownToken::kUnusedControlChar, end);
  return make(ArgdownToken::kInvalid, start + CharLength(text_, start));
}

// Both searches below answer "the first occurrence at or after from" from a cache that stays
// right while the lexer moves forward; a query a little behind the cached one only searches the
// gap. So each byte is searched a bounded number of times.
size_t ArgdownLexer::Find(NextOccurrence* cache, size_t from, std::string_view needle) const {
  if (cache->valid && from >= cache->from && (cache->at == npos || cache->at >= from)) {
    return cache->at;
  }
  if (cache->valid && from < cache->from) {
    size_t gap_end = std::min(text_.size(), cache->from + needle.size() - 1);
    size_t found = text_.substr(0, gap_end).find(needle, from);
    if (found != npos) return found;
    cache->from = from;
    return cache->at;
  }
  *cache = NextOccurrence{from, text_.find(needle, from), true};
  return cache->at;
}

size_t ArgdownLexer::FindLineEnd(size_t from) {
  NextOccurrence* cache = &next_line_end_;
  if (cache->valid && from >= cache->from && (cache->at == npos || cache->at >= from)) {
    return cache->at;
  }
  size_t stop = cache->valid && from < cache->from ? cache->from : text_.size();
  size_t found = npos;
  size_t i = from;
  // Many bytes at a time while none of them can start a line terminator.
#ifdef __SSE2__
  const __m128i newline = _mm_set1_epi8('\n'), carriage_return = _mm_set1_epi8('\r'),
                separator_lead = _mm_set1_epi8(static_cast<char>(0xE2));
  for (; i + 16 <= stop; i += 16) {
    __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + i));
    __m128i hits = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(bytes, newline), _mm_cmpeq_epi8(bytes, carriage_return)),
        _mm_cmpeq_epi8(bytes, separator_lead));
    if (int mask = _mm_movemask_epi8(hits); mask != 0) {
      i += static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
      break;
    }
  }
#endif
  for (uint64_t word; i + 8 <= stop; i += 8) {
    std::memcpy(&word, text_.data() + i, 8);
    if (HasByte(word, '\n') || HasByte(word, '\r') || HasByte(word, 0xE2)) break;
  }
  for (; i < stop; ++i) {
    size_t length;
    unsigned char c = static_cast<unsigned char>(text_[i]);
    if (c == '\n' || c == '\r' || (c == 0xE2 && IsLineTerminatorAt(text_, i, &length))) {
      found = i;
      break;
    }
  }
  if (found == npos && stop != text_.size()) found = cache->at;
  *cache = NextOccurrence{from, found, true};
  return found;
}

// <!-- ... -->, /* ... */, // ... (up to a line break), plus the line breaks lexer.js's
// matchComment takes with it: after an Emptyline all that follow, after a Newline one that is
// not followed by a blank line.
size_t ArgdownLexer::MatchComment() const {
  size_t end;
  // (?:.|\n|\r)*? : the comment may not contain U+2028 or U+2029, which `.` does not match.
  auto separator_before = [&](size_t from, size_t close) {
    return Find(&next_line_separator_, from, "\xE2\x80\xA8") < close ||
           Find(&next_paragraph_separator_, from, "\xE2\x80\xA9") < close;
  };
  if (StartsWith(text_, pos_, "<!--")) {
    size_t close = Find(&next_comment_close_, pos_ + 4, "-->");
    if (close == npos || separator_before(pos_ + 4, close)) return npos;
    end = close + 3;
  } else if (StartsWith(text_, pos_, "/*")) {
    size_t close = Find(&next_block_comment_close_, pos_ + 2, "*/");
    if (close == npos || separator_before(pos_ + 2, close)) return npos;
    end = close + 2;
  } else if (StartsWith(text_, pos_, "//")) {
    size_t close = const_cast<ArgdownLexer*>(this)->FindLineEnd(pos_ + 2);
    if (close == npos || (text_[close] != '\n' && text_[close] != '\r')) return npos;
    end = close;
  } else {
    return npos;
  }
  auto line_break_at = [&](size_t i) -> size_t {  // [ \t]*(\r\n|\n|\r), end or npos
    while (i < text_.size() && IsHorizontalSpace(text_[i])) ++i;
    if (StartsWith(text_, i, "\r\n")) return i + 2;
    if (i < text_.size() && (text_[i] == '\n' || text_[i] == '\r')) return i + 1;
    return npos;
  };
  if (any_token_ && last_ == ArgdownToken::kEmptyline) {
    // (?:[ \t]*\r\n|\n|\r)*
    while (true) {
      size_t i = end;
      while (i < text_.size() && IsHorizontalSpace(text_[i])) ++i;
      if (StartsWith(text_, i, "\r\n")) {
        end = i + 2;
      } else if (end < text_.size() && (text_[end] == '\n' || text_[end] == '\r')) {
        end += 1;
      } else {
        break;
      }
    }
  } else if (any_token_ && last_ == ArgdownToken::kNewline) {
    size_t next = line_break_at(end);
    if (next != npos && line_break_at(next) == npos) end = next;
  }
  return end;
}

// ===+[\s\S]*?===+
size_t ArgdownLexer::MatchFrontMatter() {
  if (!StartsWith(text_, pos_, "===")) return npos;
  size_t run_end = pos_;
  while (run_end < text_.size() && text_[run_end] == '=') ++run_end;
  size_t close = Find(&next_triple_eq_, run_end, "===");
  if (close == npos) return run_end - pos_ >= 6 ? run_end : npos;
  size_t end = close;
  while (end < text_.size() && text_[end] == '=') ++end;
  return end;
}

// {((?!}\s[^\,}])(.|\n))*}(?!\s*(\,|}))
// The loop runs up to the first "stop" (a } followed by a space and a character other than ,
// or }, or a character `(.|\n)` does not match); the data then ends at the last } at or before
// the stop that is not followed by optional spaces and , or }.
size_t ArgdownLexer::MatchData() {
  size_t limit = FindDataLimit(pos_ + 1);
  size_t brace = LastValidDataBrace(limit == npos ? text_.size() - 1 : limit);
  if (brace == npos || brace <= pos_) return npos;
  return brace + 1;
}

size_t ArgdownLexer::FindDataLimit(size_t from) {
  NextOccurrence* cache = &next_data_stop_;
  if (cache->valid && from >= cache->from && (cache->at == npos || cache->at >= from)) {
    return cache->at;
  }
  size_t found = npos;
  for (size_t i = from; i < text_.size();) {
    char c = text_[i];
    if (c == '}' && IsJsSpaceAt(text_, i + 1)) {
      size_t after = i + 1 + CharLength(text_, i + 1);
      if (after < text_.size() && text_[after] != ',' && text_[after] != '}') {
        found = i;
        break;
      }
    }
    size_t length;
    if (c == '\r' ||
        (static_cast<unsigned char>(c) == 0xE2 && IsLineTerminatorAt(text_, i, &length))) {
      found = i;
      break;
    }
    ++i;
  }
  *cache = NextOccurrence{from, found, true};
  return found;
}

size_t ArgdownLexer::LastValidDataBrace(size_t limit) {
  // The last valid brace at or before limit does not depend on pos_, which only grows; a miss
  // (none after pos_) stays a miss for every later position.
  if (limit == data_brace_limit_) return data_brace_answer_;
  size_t answer = npos;
  for (size_t j = limit + 1; j-- > pos_ + 1;) {
    if (text_[j] != '}') continue;
    size_t k = j + 1;
    while (k < text_.size() && IsJsSpaceAt(text_, k)) k += CharLength(text_, k);
    if (k < text_.size() && (text_[k] == ',' || text_[k] == '}')) continue;
    answer = j;
    break;
  }
  data_brace_limit_ = limit;
  data_brace_answer_ = answer;
  return answer;
}

// \\.(?: )*
size_t ArgdownLexer::MatchEscapedChar() const {
  if (text_[pos_] != '\\' || pos_ + 1 >= text_.size()) return npos;
  size_t length;
  if (IsLineTerminatorAt(text_, pos_ + 1, &length)) return npos;
  size_t end = pos_ + 1 + length;
  while (end < text_.size() && text_[end] == ' ') ++end;
  return end;
}

// (?:\.[^\s]+?\.[ \t]?)|(?:\:[^\s]+?\:[ \t]?)
size_t ArgdownLexer::MatchSpecialChar() const {
  char delimiter = text_[pos_];
  if (delimiter != '.' && delimiter != ':') return npos;
  size_t i = pos_ + 1;
  while (i < text_.size()) {
    if (IsJsSpaceAt(text_, i)) return npos;
    if (text_[i] == delimiter && i > pos_ + 1) {
      size_t end = i + 1;
      if (end < text_.size() && IsHorizontalSpace(text_[end])) ++end;
      return end;
    }
    i += CharLength(text_, i);
  }
  return npos;
}

// ^(?:[ \t]*(?:\r\n|\n)){2,}, never right after another Emptyline.
size_t ArgdownLexer::MatchEmptyline() const {
  if (any_token_ && last_ == ArgdownToken::kEmptyline) return npos;
  size_t i = pos_;
  int lines = 0;
  while (true) {
    size_t j = i == pos_ ? ws_end_ : i;
    while (j < text_.size() && IsHorizontalSpace(text_[j])) ++j;
    if (StartsWith(text_, j, "\r\n")) {
      j += 2;
    } else if (j < text_.size() && text_[j] == '\n') {
      j += 1;
    } else {
      break;
    }
    i = j;
    ++lines;
  }
  return lines >= 2 ? i : npos;
}

// [ \t]*(?:\r\n|\n|\r)
size_t ArgdownLexer::MatchNewline() const {
  size_t i = ws_end_;
  if (StartsWith(text_, i, "\r\n")) return i + 2;
  if (i < text_.size() && (text_[i] == '\n' || text_[i] == '\r')) return i + 1;
  return npos;
}

// ^[ \t]*-{2}, right after a Newline or at the very start.
size_t ArgdownLexer::MatchInferenceStart() const {
  if (any_token_ && last_ != ArgdownToken::kNewline) return npos;
  size_t i = ws_end_;
  return StartsWith(text_, i, "--") ? i + 2 : npos;
}

// The seven relation symbols at the start of a line, in lexer.js's order.
size_t ArgdownLexer::MatchRelation(ArgdownToken* type, uint32_t* indent) const {
  if (!AtLineStart()) return npos;
  size_t i = ws_end_;
  if (i >= text_.size()) return npos;
  *indent = static_cast<uint32_t>(i - pos_);
  auto at = [&](std::string_view symbol) { return StartsWith(text_, i, symbol); };
  if (at("+>")) return *type = ArgdownToken::kIncomingSupport, i + 2;
  if (at("->")) return *type = ArgdownToken::kIncomingAttack, i + 2;
  if (at("<+")) return *type = ArgdownToken::kOutgoingSupport, i + 2;
  if (at("+")) return *type = ArgdownToken::kOutgoingSupport, i + 1;
  if (at("<-")) return *type = ArgdownToken::kOutgoingAttack, i + 2;
  if (at("-")) return *type = ArgdownToken::kOutgoingAttack, i + 1;
  if (at("><")) return *type = ArgdownToken::kContradiction, i + 2;
  if (at("_>")) return *type = ArgdownToken::kIncomingUndercut, i + 2;
  if (at("<_")) return *type = ArgdownToken::kOutgoingUndercut, i + 2;
  if (at("_") && IsJsSpaceAt(text_, i + 1)) return *type = ArgdownToken::kOutgoingUndercut, i + 1;
  return npos;
}

// ^(#+)(?: ) at the start of a line.
size_t ArgdownLexer::MatchHeadingStart() const {
  if (!AtLineStart() || text_[pos_] != '#') return npos;
  size_t i = pos_;
  while (i < text_.size() && text_[i] == '#') ++i;
  return i < text_.size() && text_[i] == ' ' ? i + 1 : npos;
}

// ^[ \t]*\(\d+\) at the start of a line.
size_t ArgdownLexer::MatchStatementNumber() const {
  if (!AtLineStart()) return npos;
  size_t i = ws_end_;
  if (i >= text_.size() || text_[i] != '(') return npos;
  size_t digits = ++i;
  while (i < text_.size() && text_[i] >= '0' && text_[i] <= '9') ++i;
  if (i == digits || i >= text_.size() || text_[i] != ')') return npos;
  return i + 1;
}

// ^([ \t]*)\d+\.(?=\s) or ^([ \t]*)\*(?=\s); the indentation counts one more than the spaces.
size_t ArgdownLexer::MatchListItem(ArgdownToken* type, uint32_t* indent) const {
  if (!AtLineStart()) return npos;
  size_t i = ws_end_;
  *indent = static_cast<uint32_t>(i - pos_ + 1);
  size_t digits = i;
  while (i < text_.size() && text_[i] >= '0' && text_[i] <= '9') ++i;
  if (i > digits && i < text_.size() && text_[i] == '.' && IsJsSpaceAt(text_, i + 1)) {
    *type = ArgdownToken::kOrderedListItem;
    return i + 1;
  }
  i = digits;
  if (i < text_.size() && text_[i] == '*' && IsJsSpaceAt(text_, i + 1)) {
    *type = ArgdownToken::kUnorderedListItem;
    return i + 1;
  }
  return npos;
}

// **, __, *, _ closing the innermost open range, followed by a space or tab (taken), one of
// \n\r)}_.,!?;:-* or the end of the text. (lexer.js also means to refuse an end right after
// skipped spaces, but Chevrotain hands its matcher no skipped tokens, so that rule never
// applies; neither does it here.)
size_t ArgdownLexer::MatchRangeEnd(ArgdownToken* type) const {
  if (ranges_.empty() || !any_token_) return npos;
  std::string_view marker;
  switch (ranges_.back()) {
    case Range::kAsteriskBold:
      marker = "**", *type = ArgdownToken::kAsteriskBoldEnd;
      break;
    case Range::kUnderscoreBold:
      marker = "__", *type = ArgdownToken::kUnderscoreBoldEnd;
      break;
    case Range::kAsteriskItalic:
      marker = "*", *type = ArgdownToken::kAsteriskItalicEnd;
      break;
    case Range::kUnderscoreItalic:
      marker = "_", *type = ArgdownToken::kUnderscoreItalicEnd;
      break;
  }
  if (!StartsWith(text_, pos_, marker)) return npos;
  size_t end = pos_ + marker.size();
  if (end >= text_.size()) return end;
  char next = text_[end];
  if (IsHorizontalSpace(next)) return end + 1;
  if (std::string_view("\n\r)}_.,!?;:-*").find(next) != npos) return end;
  return npos;
}

// \*\*(?!\s), __(?!\s), \*(?!\s), _(?!\s)
size_t ArgdownLexer::MatchRangeStart(ArgdownToken* type) const {
  char c = text_[pos_];
  if (c != '*' && c != '_') return npos;
  bool doubled = pos_ + 1 < text_.size() && text_[pos_ + 1] == c;
  if (doubled && !IsJsSpaceAt(text_, pos_ + 2)) {
    *type = c == '*' ? ArgdownToken::kAsteriskBoldStart : ArgdownToken::kUnderscoreBoldStart;
    return pos_ + 2;
  }
  if (IsJsSpaceAt(text_, pos_ + 1)) return npos;
  *type = c == '*' ? ArgdownToken::kAsteriskItalicStart : ArgdownToken::kUnderscoreItalicStart;
  return pos_ + 1;
}

// \[[^\]]+?\]\([^\)]+?\)[ \t]?
size_t ArgdownLexer::MatchLink() {
  if (pos_ + 1 >= text_.size() || text_[pos_ + 1] == ']') return npos;
  size_t close = Find(&next_close_bracket_, pos_ + 1, "]");
  if (close == npos || close + 2 >= text_.size() || text_[close + 1] != '(') return npos;
  if (text_[close + 2] == ')') return npos;
  size_t paren = Find(&next_close_paren_, close + 2, ")");
  if (paren == npos) return npos;
  size_t end = paren + 1;
  if (end < text_.size() && IsHorizontalSpace(text_[end])) ++end;
  return end;
}

// #(?:\([^\)]+\)|[tag characters]+)[ \t]?
size_t ArgdownLexer::MatchTag() const {
  size_t i = pos_ + 1;
  size_t end = npos;
  if (i + 1 < text_.size() && text_[i] == '(' && text_[i + 1] != ')') {
    size_t paren = Find(&next_close_paren_, i + 1, ")");
    if (paren != npos) end = paren + 1;
  }
  if (end == npos) {
    size_t j = i;
    while (j < text_.size()) {
      size_t length;
      if (!IsTagCodePoint(DecodeAt(text_, j, &length))) break;
      j += length;
    }
    if (j == i) return npos;
    end = j;
  }
  if (end < text_.size() && IsHorizontalSpace(text_[end])) ++end;
  return end;
}

// [Title]: [Title] @[Title] <Title>: <Title> @<Title>, in lexer.js's order.
size_t ArgdownLexer::MatchBracketed(ArgdownToken* type) {
  const size_t n = text_.size();
  char c = text_[pos_];
  bool mention = c == '@';
  size_t open = mention ? pos_ + 1 : pos_;
  if (open >= n || (text_[open] != '[' && text_[open] != '<')) return npos;
  bool statement = text_[open] == '[';
  NextOccurrence* close_cache = statement ? &next_close_bracket_ : &next_close_angle_;
  std::string_view close_str = statement ? "]" : ">";
  if (open + 1 >= n) return npos;
  if (mention) {
    // @\[.+?\][ \t]? : the first closer after at least one character, on the same line.
    size_t line_end = FindLineEnd(open + 1);
    size_t close = Find(close_cache, open + 2, close_str);
    if (close == npos || (line_end != npos && close > line_end) ||
        (line_end != npos && line_end == open + 1)) {
      return npos;
    }
    *type = statement ? ArgdownToken::kStatementMention : ArgdownToken::kArgumentMention;
    size_t end = close + 1;
    if (end < n && IsHorizontalSpace(text_[end])) ++end;
    return end;
  }
  // Definition: \[.+?\]\: — the first "]:" after at least one character, on the same line.
  {
    size_t line_end = FindLineEnd(open + 1);
    NextOccurrence* cache = statement ? &next_definition_close_ : &next_argument_definition_close_;
    size_t close = Find(cache, open + 2, statement ? "]:" : ">:");
    if (close != npos && line_end != open + 1 && (line_end == npos || close < line_end)) {
      *type = statement ? ArgdownToken::kStatementDefinition : ArgdownToken::kArgumentDefinition;
      return close + 2;
    }
  }
  // Reference: \[[^-].*?\] — any first character but '-' (a line break too), then the first
  // closer on that line.
  if (text_[open + 1] == '-') return npos;
  size_t after_first = open + 1 + CharLength(text_, open + 1);
  size_t line_end = FindLineEnd(after_first);
  size_t close = Find(close_cache, after_first, close_str);
  if (close == npos || (line_end != npos && close > line_end)) return npos;
  *type = statement ? ArgdownToken::kStatementReference : ArgdownToken::kArgumentReference;
  return close + 1;
}

size_t ArgdownLexer::MatchSpaces() const {
  size_t i = ws_end_;
  return i > pos_ ? i : npos;
}

size_t ArgdownLexer::MatchFreestyle() const {
  size_t i = pos_;
  const size_t n = text_.size();
  for (uint64_t word; i + 8 <= n; i += 8) {  // eight bytes at a time while none can end it
    std::memcpy(&word, text_.data() + i, 8);
    if (!AllLettersOrSpaces(word)) break;
  }
  while (i < n && !kEndsFreestyle[static_cast<unsigned char>(text_[i])]) ++i;
  return i > pos_ ? i : npos;
}

size_t ArgdownLexer::MatchUnusedControlChar() const {
  if (!IsUnusedControlChar(text_[pos_])) return npos;
  size_t end = pos_ + 1;
  if (end < text_.size() && IsHorizontalSpace(text_[end])) ++end;
  return end;
}

}  // namespace argmap
