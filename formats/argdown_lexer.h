// ArgdownLexer: splits Argdown text into tokens exactly as Argdown's own lexer (@argdown/core
// 1.7.5, lexer.js) does, so that argmap reads a file the way Argdown's tools read it.
//
// Argdown's lexer is context-sensitive: relation symbols, headings, statement numbers and list
// items count only at the start of a line; relation symbols and list items also emit the Indent
// and Dedent tokens that nest relations; `--` at a line start switches to an inference mode until
// the closing `--`; bold/italic end markers match only the innermost open range. This class
// reproduces those rules with hand-written matchers (first matching rule wins, in Argdown's
// order; a table by first byte skips the rules that cannot match there), each linear in what it
// consumes: patterns that may search ahead ("]:" of a statement definition, the "}" of data,
// ...) cache their next occurrence, so no input makes lexing quadratic.
//
// Ownership: the lexer holds a view of the text; the text must outlive it and every Token.
// Thread-safety: none; one lexer per text.
// Invariants:
//  - tokens come in text order; offset + length never exceeds the text size;
//  - Indent and Dedent tokens are balanced: before kEof every Indent has had its Dedent;
//  - after kEof, Next() keeps returning kEof.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace argmap {

enum class ArgdownToken : uint8_t {
  kEof,
  kFrontMatter,          // === ... ===
  kData,                 // {key: value} or a block of YAML between { and }
  kEscapedChar,          // \x
  kSpecialChar,          // .name. or :name: (a shortcode such as .A. -> ∀)
  kEmptyline,            // two or more line breaks
  kNewline,              // one line break
  kIndent,               // deeper indentation of a relation or list item (no text)
  kDedent,               // shallower indentation (no text)
  kInferenceStart,       // -- at the start of a line
  kInferenceEnd,         // -- closing an inference line
  kListDelimiter,        // , between inference rules
  kIncomingSupport,      // +>  (the parent supports the child)
  kIncomingAttack,       // ->  (the parent attacks the child)
  kOutgoingSupport,      // + or <+  (the child supports the parent)
  kOutgoingAttack,       // - or <-  (the child attacks the parent)
  kContradiction,        // ><
  kIncomingUndercut,     // _>  (the parent undercuts the child)
  kOutgoingUndercut,     // <_ or _  (the child undercuts the parent)
  kHeadingStart,         // #, ##, ... and a space
  kStatementNumber,      // (1)
  kOrderedListItem,      // 1.
  kUnorderedListItem,    // *
  kAsteriskBoldEnd,      // **
  kUnderscoreBoldEnd,    // __
  kAsteriskItalicEnd,    // *
  kUnderscoreItalicEnd,  // _
  kAsteriskBoldStart,
  kUnderscoreBoldStart,
  kAsteriskItalicStart,
  kUnderscoreItalicStart,
  kLink,                 // [text](url)
  kTag,                  // #word or #(several words)
  kStatementDefinition,  // [Title]:
  kStatementReference,   // [Title]
  kStatementMention,     // @[Title]
  kArgumentDefinition,   // <Title>:
  kArgumentReference,    // <Title>
  kArgumentMention,      // @<Title>
  kFreestyle,            // plain text
  kUnusedControlChar,    // a control character that starts nothing here, e.g. a lone -
  kInvalid               // text no rule matches (a backslash before a line break)
};

// A short human name for error messages, e.g. "a statement definition ([Title]:)".
std::string_view ArgdownTokenDescription(ArgdownToken type);

struct Token {
  ArgdownToken type = ArgdownToken::kEof;
  size_t offset = 0;  // byte offset of the first character in the text
  size_t length = 0;  // bytes; 0 for Indent, Dedent and Eof
  // For kIndent / kDedent / relation tokens / list items: the indentation width in characters.
  uint32_t indent = 0;
  // Set by TokenStream's lexing thread on statement and argument definitions and references:
  // FlatTitleIndex::Hash of the title, a hint for prefetching (0 otherwise; the lexer leaves it).
  uint32_t title_hash = 0;

  std::string_view text(std::string_view source) const { return source.substr(offset, length); }
  // Whether it is a statement or argument definition ([T]: <T>:) or reference ([T] <T>).
  bool has_title() const {
    return type == ArgdownToken::kStatementDefinition ||
           type == ArgdownToken::kArgumentDefinition || type == ArgdownToken::kStatementReference ||
           type == ArgdownToken::kArgumentReference;
  }
  // For those, the title between the brackets; empty for any other token.
  std::string_view title(std::string_view source) const {
    if (!has_title()) return {};
    const size_t brackets =
        type == ArgdownToken::kStatementDefinition || type == ArgdownToken::kArgumentDefinition ? 3
                                                                                                : 2;
    return length < brackets ? std::string_view() : source.substr(offset + 1, length - brackets);
  }
};

class ArgdownLexer {
 public:
  explicit ArgdownLexer(std::string_view text);

  // The next token; Peek(k) looks k tokens ahead (0 = the one Next() returns) without consuming.
  Token Next() {
    Peek(0);
    Token token = pending_[head_];
    if (token.type != ArgdownToken::kEof && ++head_ >= 256 && head_ * 2 >= pending_.size()) {
      Compact();
    }
    return token;
  }
  const Token& Peek(size_t k = 0) {
    // One token more than asked for: an Emptyline is only real if something follows it
    // (Argdown drops a trailing one), which is known once the next token is lexed.
    if (!eof_ && pending_.size() - head_ <= k + 1) Fill(k);
    size_t i = head_ + k;
    return pending_[i < pending_.size() ? i : pending_.size() - 1];
  }

  std::string_view text() const { return text_; }

 private:
  enum class Mode : uint8_t { kDefault, kInference };
  enum class Range : uint8_t { kAsteriskBold, kUnderscoreBold, kAsteriskItalic, kUnderscoreItalic };

  // Caches "the first position >= from where the pattern occurs" for a forward-moving lexer.
  struct NextOccurrence {
    size_t from = 0;
    size_t at = 0;
    bool valid = false;
  };

  // Tokens lexed at a time, so that Peek and Next mostly find them lexed already.
  static constexpr size_t kBatch = 32;

  void Fill(size_t k);  // lexes until pending_ holds k + 2 unconsumed tokens, or Eof
  void Compact();       // drops the consumed tokens from pending_
  void Produce();       // lexes at pos_ and appends one to kBatch tokens to pending_ (Eof last)
  bool MatchDefault(Token* token);
  bool MatchInference(Token* token);
  void Emit(ArgdownToken type, size_t begin, size_t end, uint32_t indent = 0) {
    pending_.push_back(Token{type, begin, end - begin, indent});
    any_token_ = true;
    last_ = type;
  }
  void Skip(size_t end);  // a comment or spaces: consumed, no token

  bool AtLineStart() const;  // the last token is a Newline or an Emptyline, or there is none
  void EmitIndentOrDedent(uint32_t indent);
  void EmitRemainingDedents();

  // Matchers: each returns the end of its match at pos_, or npos.
  size_t MatchComment() const;
  size_t MatchFrontMatter();
  size_t MatchData();
  size_t MatchEscapedChar() const;
  size_t MatchSpecialChar() const;
  size_t MatchEmptyline() const;
  size_t MatchNewline() const;
  size_t MatchRelation(ArgdownToken* type, uint32_t* indent) const;
  size_t MatchInferenceStart() const;
  size_t MatchHeadingStart() const;
  size_t MatchStatementNumber() const;
  size_t MatchListItem(ArgdownToken* type, uint32_t* indent) const;
  size_t MatchRangeEnd(ArgdownToken* type) const;
  size_t MatchRangeStart(ArgdownToken* type) const;
  size_t MatchLink();
  size_t MatchTag() const;
  size_t MatchBracketed(ArgdownToken* type);  // [..]: [..] @[..] <..>: <..> @<..>
  size_t MatchSpaces() const;
  size_t MatchFreestyle() const;
  size_t MatchUnusedControlChar() const;

  size_t Find(NextOccurrence* cache, size_t from, std::string_view needle) const;
  size_t FindLineEnd(size_t from);          // \n, \r, U+2028 or U+2029, else npos
  size_t FindDataLimit(size_t from);        // see MatchData
  size_t LastValidDataBrace(size_t limit);  // see MatchData

  std::string_view text_;
  size_t pos_ = 0;
  size_t ws_end_ = 0;  // MatchDefault/MatchInference: the end of the spaces and tabs at pos_
  Mode mode_ = Mode::kDefault;
  bool any_token_ = false;
  ArgdownToken last_ = ArgdownToken::kEof;  // the last token emitted (valid when any_token_)
  bool eof_ = false;
  std::vector<uint32_t> indents_{0};
  std::vector<Range> ranges_;
  std::vector<Token> pending_;  // lexed, not yet consumed: pending_[head_...]
  size_t head_ = 0;

  mutable NextOccurrence next_triple_eq_, next_definition_close_, next_argument_definition_close_;
  mutable NextOccurrence next_close_bracket_, next_close_paren_, next_close_angle_;
  mutable NextOccurrence next_line_end_, next_comment_close_, next_block_comment_close_;
  mutable NextOccurrence next_line_separator_, next_paragraph_separator_;
  NextOccurrence next_data_stop_;
  size_t data_brace_limit_ = SIZE_MAX;  // the limit LastValidDataBrace last answered for
  size_t data_brace_answer_ = SIZE_MAX;
};

}  // namespace argmap
