#include "formats/argdown_reader.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>

#include "formats/argdown_data.h"
#include "formats/argdown_lexer.h"
#include "formats/argdown_model.h"
#include "formats/token_stream.h"

namespace argmap {
namespace {

constexpr size_t kNoMember = SIZE_MAX;

// Argdown's shortcodes (@argdown/core plugins/shortcodes.js): .name. and :name: special
// characters that the text shows as a symbol.
constexpr std::pair<std::string_view, std::string_view> kShortcodes[] = {
    {".A.", "∀"},
    {":A:", "∀"},
    {".E.", "∃"},
    {":E:", "∃"},
    {".O.", "𝗢"},
    {":O:", "𝗢"},
    {".P.", "𝗣"},
    {":P:", "𝗣"},
    {".->.", "→"},
    {":->:", "→"},
    {".<->.", "↔"},
    {":<->:", "↔"},
    {".~.", "¬"},
    {":~:", "¬"},
    {".^.", "∧"},
    {":^:", "∧"},
    {".v.", "∨"},
    {":v:", "∨"},
    {".v_.", "⊻"},
    {":v_:", "⊻"},
    {".<>.", "◇"},
    {":<>:", "◇"},
    {".[].", "◻"},
    {":[]:", "◻"},
    {":happy:", "😀"},
    {".happy.", "😀"},
    {":smile:", "☺️"},
    {".smile.", "☺"},
    {":smiley:", "☺"},
    {".smiley.", "☺"},
    {":laugh:", "😆"},
    {".laugh.", "😆"},
    {":lol:", "😆"},
    {".lol.", "😆"},
    {":rofl:", "🤣"},
    {".rofl.", "🤣"},
    {":joy:", "😂"},
    {".joy.", "😂"},
    {":heart:", "❤"},
    {".heart.", "❤"},
    {".?.", "❓"},
    {":?:", "❓"},
    {".question.", "❓"},
    {":question:", "❓"},
    {":love:", "😍"},
    {".love.", "😍"},
    {":wink:", "😉"},
    {".wink.", "😉"},
    {":shush:", "🤫"},
    {".shush.", "🤫"},
    {":meh:", "😐"},
    {".meh.", "😐"},
    {":eye-roll:", "🙄"},
    {".eye-roll.", "🙄"},
    {":sad:", "😢"},
    {".sad.", "😢"},
    {":disappointed:", "😞"},
    {".disappointed.", "😞"},
    {":scream:", "😱"},
    {".scream.", "😱"},
    {":+1:", "👍"},
    {".+1.", "👍"},
    {":up:", "👍"},
    {".up.", "👍"},
    {":-1:", "👎"},
    {".-1.", "👎"},
    {":down:", "👎"},
    {".down.", "👎"},
    {":think:", "🤔"},
    {".think.", "🤔"},
    {".star.", "⭐"},
    {":star:", "⭐"},
    {".y.", "✔"},
    {":y:", "✔"},
    {".agree.", "✔"},
    {":agree:", "✔"},
    {".n.", "❌"},
    {":n:", "❌"},
    {".disagree.", "❌"},
    {":disagree:", "❌"},

};

std::string_view Shortcode(std::string_view name) {
  for (const auto& [code, symbol] : kShortcodes) {
    if (code == name) return symbol;
  }
  return {};
}

bool IsFreestyleToken(ArgdownToken t) {
  return t == ArgdownToken::kFreestyle || t == ArgdownToken::kUnusedControlChar ||
         t == ArgdownToken::kEscapedChar || t == ArgdownToken::kSpecialChar;
}

bool IsRangeStart(ArgdownToken t) {
  return t == ArgdownToken::kAsteriskBoldStart || t == ArgdownToken::kUnderscoreBoldStart ||
         t == ArgdownToken::kAsteriskItalicStart || t == ArgdownToken::kUnderscoreItalicStart;
}

bool IsRangeEnd(ArgdownToken t) {
  return t == ArgdownToken::kAsteriskBoldEnd || t == ArgdownToken::kUnderscoreBoldEnd ||
         t == ArgdownToken::kAsteriskItalicEnd || t == ArgdownToken::kUnderscoreItalicEnd;
}

ArgdownToken EndOf(ArgdownToken start) {
  switch (start) {
    case ArgdownToken::kAsteriskBoldStart:
      return ArgdownToken::kAsteriskBoldEnd;
    case ArgdownToken::kUnderscoreBoldStart:
      return ArgdownToken::kUnderscoreBoldEnd;
    case ArgdownToken::kAsteriskItalicStart:
      return ArgdownToken::kAsteriskItalicEnd;
    default:
      return ArgdownToken::kUnderscoreItalicEnd;
  }
}

// What may begin (or continue) a statement's text: Argdown's statementContent.
bool IsContentStart(ArgdownToken t) {
  return IsFreestyleToken(t) || IsRangeStart(t) || t == ArgdownToken::kLink ||
         t == ArgdownToken::kTag || t == ArgdownToken::kArgumentMention ||
         t == ArgdownToken::kStatementMention || t == ArgdownToken::kNewline;
}

bool IsRelationToken(ArgdownToken t) {
  switch (t) {
    case ArgdownToken::kIncomingSupport:
    case ArgdownToken::kIncomingAttack:
    case ArgdownToken::kOutgoingSupport:
    case ArgdownToken::kOutgoingAttack:
    case ArgdownToken::kContradiction:
    case ArgdownToken::kIncomingUndercut:
    case ArgdownToken::kOutgoingUndercut:
      return true;
    default:
      return false;
  }
}

bool IsListItem(ArgdownToken t) {
  return t == ArgdownToken::kOrderedListItem || t == ArgdownToken::kUnorderedListItem;
}

// Whether s starts with a JavaScript line terminator (\n, \r, U+2028, U+2029).
bool StartsWithLineTerminator(std::string_view s) {
  return !s.empty() && (s[0] == '\n' || s[0] == '\r' || s.substr(0, 3) == "\xE2\x80\xA8" ||
                        s.substr(0, 3) == "\xE2\x80\xA9");
}

// JavaScript's String.prototype.trim for the whitespace Argdown texts contain.
std::string_view JsTrim(std::string_view s) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string Excerpt(std::string_view s) {
  if (s.size() <= 40) return std::string(s);
  size_t cut = 37;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "...";
}

// The parser: one Parse...() per rule of Argdown's grammar (@argdown/core parser.js). The
// nesting of relations is kept in frames_, and of bold and italic text in open_ranges_, so no
// input drives the call stack deep.
class ArgdownParser {
 public:
  ArgdownParser(std::string_view text, DiagnosticSink* sink)
      : text_(text), sink_(sink), lexer_(text), model_(text, sink) {}

  void Parse() { ParseDocument(); }
  ArgdownModel& model() { return model_; }

 private:
  // The relations under one statement, argument or inference line, while they are read.
  struct Frame {
    size_t member;          // the owner in members_, or kNoMember for an inference line
    ArgdownNodeRef parent;  // what the relations attach to
    bool has_relation;      // the owner is itself the member of `relation`
    ArgdownRelation relation;
    bool undercuts_only;  // under an inference line only <_ may stand
  };
  // Where the text of content goes: a statement or argument occurrence, or a heading.
  struct ContentTarget {
    std::string* text;
    std::vector<ArgdownMember::Tag>* tags;  // nullptr for a heading, whose tags stay in its text
  };

  const Token& Peek(size_t k = 0) { return lexer_.Peek(k); }
  // Every kTouchBatch tokens, the model's title slots of the next batch but one are read in a
  // row; each token prefetches for the title token kPrefetchNear ahead (see
  // ArgdownModel::TouchTitleSlot).
  Token Next() {
    if (++until_touch_ == kTouchBatch) TouchTitleSlots();
    if (const Token* near = lexer_.PeekLexed(kPrefetchNear)) model_.PrefetchNear(*near);
    return lexer_.Next();
  }
  void TouchTitleSlots() {
    until_touch_ = 0;
    uint32_t touched = 0;
    for (size_t k = kTouchBatch; k < 2 * kTouchBatch; ++k) {
      const Token* t = lexer_.PeekLexed(k);
      if (!t) break;
      touched += model_.TouchTitleSlot(*t);
    }
    touched_ = touched;
  }
  std::string_view TextOf(const Token& t) const { return t.text(text_); }
  size_t OffsetOf(const Token& t) const {
    return t.type == ArgdownToken::kEof ? EofOffset() : t.offset;
  }
  size_t EofOffset() const {
    size_t end = text_.size();
    while (end > 0 && (text_[end - 1] == ' ' || text_[end - 1] == '\t' || text_[end - 1] == '\n' ||
                       text_[end - 1] == '\r')) {
      --end;
    }
    return end;
  }
  bool Error(const Token& at, std::string message) {
    return Error(OffsetOf(at), std::move(message));
  }
  bool Error(size_t offset, std::string message) {
    sink_->Error(offset, std::move(message));
    last_error_offset_ = offset;
    return false;
  }
  std::string Describe(const Token& t) const;
  std::string Unexpected(const Token& t) const;

  void ParseDocument();
  bool ParseFrontMatter();
  bool ParseBlock(ArgdownNodeRef previous, ArgdownNodeRef* block_argument);
  bool ParseHeading();
  bool ParsePcs(ArgdownNodeRef previous);
  bool ParseInference();
  bool ParseList();
  bool ParseElementTree(bool allow_argument, ArgdownNodeRef* result);
  bool RunTree(size_t current, bool has_relation, ArgdownRelation relation, ArgdownNodeRef* result);
  bool ParseRelation(size_t* current, bool* has_relation, ArgdownRelation* relation);
  bool ParseElementHeader(size_t member, bool allow_argument, const Token* relation_symbol);
  bool ParseStatementHeader(size_t member);
  bool ParseArgumentHeader(size_t member);
  // The rest of a header after its reference token: tags, the line end, trailing data.
  bool ParseReferenceRest(size_t member, const Token& reference);
  // The rest of a header after its definition token (or, for an untitled statement, at its
  // text): the text, at least one item of it, and trailing data. `kind`: "statement", "argument".
  bool ParseDefinitionRest(size_t member, const Token& definition, const char* kind);
  void ParseTrailingData(size_t member);
  bool ParseContent(ContentTarget target, size_t* items);
  bool ParseData(const Token& token, DataValue* value);
  void AppendFreestyle(const Token& t, std::string* out) const;
  bool AppendLink(const Token& t, std::string* out);
  void AddTag(const Token& t, ContentTarget target);
  void SetReferenceTitle(ArgdownMember* member, const Token& t);
  void Recover();

  size_t PushMember() {
    if (member_depth_ == members_.size()) members_.emplace_back();
    members_[member_depth_].Clear();
    return member_depth_++;
  }

  static constexpr size_t kPrefetchNear = 8, kTouchBatch = 16;
  size_t until_touch_ = 0;
  uint32_t touched_ = 0;  // keeps TouchTitleSlots's reads

  std::string_view text_;
  DiagnosticSink* sink_;
  TokenStream lexer_;
  ArgdownModel model_;
  std::vector<ArgdownMember> members_;  // a stack; entries keep their buffers for reuse
  size_t member_depth_ = 0;
  std::vector<Frame> frames_;
  std::vector<Token> open_ranges_;  // bold and italic starts not yet closed
  size_t last_error_offset_ = SIZE_MAX;
};

std::string ArgdownParser::Describe(const Token& t) const {
  switch (t.type) {
    case ArgdownToken::kEof:
    case ArgdownToken::kEmptyline:
    case ArgdownToken::kNewline:
    case ArgdownToken::kIndent:
    case ArgdownToken::kDedent:
      return std::string(ArgdownTokenDescription(t.type));
    default:
      return std::string(ArgdownTokenDescription(t.type)) + " '" + Excerpt(TextOf(t)) + "'";
  }
}

// Why token t cannot stand where a paragraph (or the relations of one) ends.
std::string ArgdownParser::Unexpected(const Token& t) const {
  switch (t.type) {
    case ArgdownToken::kIndent:
    case ArgdownToken::kIncomingSupport:
    case ArgdownToken::kIncomingAttack:
    case ArgdownToken::kOutgoingSupport:
    case ArgdownToken::kOutgoingAttack:
    case ArgdownToken::kContradiction:
    case ArgdownToken::kIncomingUndercut:
    case ArgdownToken::kOutgoingUndercut:
      return "misplaced relation: indent a relation under the statement or argument it belongs "
             "to, as deep as the relations beside it";
    case ArgdownToken::kStatementDefinition:
    case ArgdownToken::kStatementReference:
    case ArgdownToken::kArgumentDefinition:
    case ArgdownToken::kArgumentReference: {
      bool statement = t.type == ArgdownToken::kStatementDefinition ||
                       t.type == ArgdownToken::kStatementReference;
      return Describe(t) + " must begin a paragraph or follow a relation symbol; to name " +
             (statement ? "a statement" : "an argument") + " inside a text write @" +
             (statement ? "[Title]" : "<Title>");
    }
    case ArgdownToken::kStatementNumber:
      return "a numbered statement must start a paragraph (after an empty line) or follow the "
             "numbered statements before it";
    case ArgdownToken::kInferenceStart:
      return "an inference line (--) must stand between numbered statements";
    case ArgdownToken::kData:
      return "data ({...}) must directly follow the text of a statement, argument, heading or "
             "inference line";
    case ArgdownToken::kFrontMatter:
      return "front matter (=== ... ===) may only stand at the start of the file";
    case ArgdownToken::kHeadingStart:
      return "a heading must start a new paragraph (put an empty line before it)";
    case ArgdownToken::kOrderedListItem:
    case ArgdownToken::kUnorderedListItem:
      return "a list item must start a new paragraph or follow the items of its list (lists "
             "may not be nested)";
    case ArgdownToken::kInvalid:
      return "a backslash must escape a character on the same line (write \\\\ for a backslash)";
    case ArgdownToken::kAsteriskBoldEnd:
    case ArgdownToken::kUnderscoreBoldEnd:
    case ArgdownToken::kAsteriskItalicEnd:
    case ArgdownToken::kUnderscoreItalicEnd:
      return "'" + std::string(TextOf(t)) + "' closes no bold or italic text here";
    default:
      return "unexpected " + Describe(t) + "; expected an empty line";
  }
}

void ArgdownParser::ParseDocument() {
  if (Peek().type == ArgdownToken::kNewline) Next();
  if (Peek().type == ArgdownToken::kEmptyline) Next();
  if (Peek().type == ArgdownToken::kFrontMatter && !ParseFrontMatter()) Recover();
  ArgdownNodeRef previous;  // the argument of the paragraph before, for a following pcs
  while (!sink_->full()) {
    if (Peek().type == ArgdownToken::kEof) {
      // Headings and comments alone make no map: rejected like an empty text, so that every map
      // read has a node and WriteArgdown's output of it reads back.
      if (!model_.has_nodes() && sink_->errors() == 0) {
        Error(Peek(), "the file contains no statement or argument");
      }
      return;
    }
    ArgdownNodeRef block_argument;
    bool ok = ParseBlock(previous, &block_argument);
    if (ok) {
      const Token& after = Peek();
      if (after.type == ArgdownToken::kEmptyline) {
        Next();
        previous = block_argument;
        continue;
      }
      if (after.type == ArgdownToken::kEof) continue;  // to the end-of-text check above
      Error(after, Unexpected(after));
    }
    Recover();
    previous = {};
  }
  if (Peek().type != ArgdownToken::kEof) sink_->Stop(OffsetOf(Peek()));
}

// After an error: on to the next paragraph. Reports the invalid characters it skips, since
// Argdown rejects a file for any of them.
void ArgdownParser::Recover() {
  member_depth_ = 0;
  frames_.clear();
  model_.EndPcs();
  while (!sink_->full()) {
    Token t = Next();
    if (t.type == ArgdownToken::kEof || t.type == ArgdownToken::kEmptyline) return;
    if (t.type == ArgdownToken::kInvalid && t.offset != last_error_offset_) Error(t, Unexpected(t));
  }
}

bool ArgdownParser::ParseFrontMatter() {
  Token token = Next();
  DataValue data;
  if (ParseData(token, &data)) model_.SetFrontMatter(data, token.offset);
  if (Peek().type == ArgdownToken::kNewline) Next();
  if (Peek().type != ArgdownToken::kEmptyline) {
    return Error(Peek(), "the front matter must be followed by an empty line");
  }
  Next();
  return true;
}

bool ArgdownParser::ParseBlock(ArgdownNodeRef previous, ArgdownNodeRef* block_argument) {
  const Token& t = Peek();
  switch (t.type) {
    case ArgdownToken::kHeadingStart:
      return ParseHeading();
    case ArgdownToken::kStatementNumber:
      return ParsePcs(previous);
    case ArgdownToken::kArgumentDefinition:
    case ArgdownToken::kArgumentReference:
      return ParseElementTree(true, block_argument);
    case ArgdownToken::kStatementDefinition:
    case ArgdownToken::kStatementReference: {
      ArgdownNodeRef ignored;
      return ParseElementTree(true, &ignored);
    }
    case ArgdownToken::kIndent:
      if (IsListItem(Peek(1).type)) return ParseList();
      return Error(Peek(1),
                   "a paragraph may not start with a relation; remove the empty line "
                   "above it to attach it to the statement or argument there");
    default:
      break;
  }
  if (IsContentStart(t.type)) {
    ArgdownNodeRef ignored;
    return ParseElementTree(true, &ignored);
  }
  if (IsRelationToken(t.type)) {
    return Error(t,
                 "a paragraph may not start with a relation; remove the empty line above it "
                 "to attach it to the statement or argument there");
  }
  return Error(t, Unexpected(t));
}

bool ArgdownParser::ParseHeading() {
  Token start = Next();
  std::string text;
  size_t items = 0;
  if (!ParseContent(ContentTarget{&text, nullptr}, &items)) return false;
  if (items == 0)
    return Error(Peek(), "a heading needs text after '" + std::string(JsTrim(TextOf(start))) + "'");
  if (Peek().type == ArgdownToken::kData ||
      (Peek().type == ArgdownToken::kNewline && Peek(1).type == ArgdownToken::kData)) {
    if (Peek().type == ArgdownToken::kNewline) Next();
    Token token = Next();
    DataValue data;
    if (ParseData(token, &data) && data.is_object()) {
      for (auto it = data.begin(); it != data.end(); ++it) {
        // Argdown's grouping of the map's picture; argmap's pictures group by their own options.
        if (it.key() == "isGroup" || it.key() == "isClosed") continue;
        Error(token, "unsupported: data on a heading ('" + it.key() +
                         "'); argmap ignores only isGroup and isClosed there");
      }
    }
    if (Peek().type == ArgdownToken::kNewline) Next();
  }
  model_.AddSection(std::string(JsTrim(text)));
  return true;
}

bool ArgdownParser::ParsePcs(ArgdownNodeRef previous) {
  model_.BeginPcs(previous, Peek().offset);
  bool after_inference = false;
  bool ends_with_conclusion = false;
  size_t inferences = 0;
  while (true) {
    const Token& t = Peek();
    if (t.type == ArgdownToken::kStatementNumber) {
      Token number = Next();
      ArgdownNodeRef statement;
      if (!ParseElementTree(false, &statement)) return false;
      model_.AddPcsStatement(statement, members_[0], after_inference, number.offset);
      ends_with_conclusion = after_inference;
      after_inference = false;
      continue;
    }
    if (t.type == ArgdownToken::kInferenceStart) {
      if (!ParseInference()) return false;
      ++inferences;
      after_inference = true;
      if (Peek().type != ArgdownToken::kStatementNumber) {
        return Error(Peek(),
                     "an inference line must be followed by its numbered conclusion, "
                     "e.g. (3) ...");
      }
      continue;
    }
    break;
  }
  if (!ends_with_conclusion) {
    return Error(Peek(), inferences == 0
                             ? "a premise-conclusion structure needs an inference line (----) "
                               "and a numbered conclusion after its premises"
                             : "a premise-conclusion structure must end with a conclusion (a "
                               "numbered statement after an inference line)");
  }
  model_.EndPcs();
  return true;
}

bool ArgdownParser::ParseInference() {
  Token start = Next();
  ArgdownNodeRef inference = model_.BeginInference(start.offset);
  std::string rules;
  if (IsFreestyleToken(Peek().type) ||
      (Peek().type == ArgdownToken::kNewline && IsFreestyleToken(Peek(1).type))) {
    if (Peek().type == ArgdownToken::kNewline) Next();
    while (true) {
      if (!IsFreestyleToken(Peek().type))
        return Error(Peek(), "expected an inference rule after ','");
      std::string rule;
      while (IsFreestyleToken(Peek().type)) AppendFreestyle(Next(), &rule);
      if (!rules.empty()) rules += ", ";
      rules += JsTrim(rule);
      if (Peek().type != ArgdownToken::kListDelimiter) break;
      Next();
    }
  }
  if (Peek().type == ArgdownToken::kNewline) Next();
  if (Peek().type == ArgdownToken::kData) {
    Token token = Next();
    DataValue data;
    if (ParseData(token, &data)) model_.SetInferenceData(inference, data, token.offset);
    if (Peek().type == ArgdownToken::kNewline) Next();
  }
  if (Peek().type != ArgdownToken::kInferenceEnd) {
    return Error(Peek(),
                 "an inference line must end with '--' (e.g. '-- modus ponens --' or "
                 "'----')");
  }
  Next();
  if (Peek().type == ArgdownToken::kEmptyline || Peek().type == ArgdownToken::kEof) {
    return Error(Peek(),
                 "an inference line must be followed by its numbered conclusion on the "
                 "next line");
  }
  if (Peek().type != ArgdownToken::kNewline) {
    return Error(Peek(), "the line must end after the closing '--' of an inference line");
  }
  Next();
  model_.SetInferenceRules(inference, std::move(rules));
  if (Peek().type != ArgdownToken::kIndent) return true;
  Next();
  member_depth_ = 0;
  frames_.clear();
  frames_.push_back(Frame{kNoMember, inference, false, {}, true});
  if (!IsRelationToken(Peek().type)) return Error(Peek(), Unexpected(Peek()));
  size_t current;
  bool has_relation;
  ArgdownRelation relation;
  if (!ParseRelation(&current, &has_relation, &relation)) return false;
  return RunTree(current, has_relation, relation, nullptr);
}

bool ArgdownParser::ParseList() {
  Next();  // the Indent
  ArgdownToken item = Peek().type;
  while (Peek().type == item) {
    Next();
    ArgdownNodeRef ignored;
    if (!ParseElementTree(true, &ignored)) return false;
  }
  const Token& t = Peek();
  if (t.type == ArgdownToken::kDedent) {
    Next();
    return true;
  }
  if (t.type == ArgdownToken::kIndent && IsListItem(Peek(1).type)) {
    return Error(Peek(1), "lists may not be nested");
  }
  if (IsListItem(t.type)) return Error(t, "a list may not mix '*' and '1.' items");
  return Error(t, Unexpected(t));
}

// A statement or argument with all the relations nested under it.
bool ArgdownParser::ParseElementTree(bool allow_argument, ArgdownNodeRef* result) {
  member_depth_ = 0;
  frames_.clear();
  size_t current = PushMember();
  if (!ParseElementHeader(current, allow_argument, nullptr)) return false;
  return RunTree(current, false, ArgdownRelation{}, result);
}

// Reads on from the member `current`, whose header is read, through the relations under it and
// under its ancestors in frames_, until the tree (or the inference line's relations) ends.
bool ArgdownParser::RunTree(size_t current, bool has_relation, ArgdownRelation relation,
                            ArgdownNodeRef* result) {
  while (true) {
    if (Peek().type == ArgdownToken::kIndent) {
      Next();
      ArgdownNodeRef parent = model_.RelationParent(&members_[current]);
      frames_.push_back(Frame{current, parent, has_relation, relation, false});
      if (IsListItem(Peek().type)) return Error(Peek(), "lists may not be nested");
      if (!IsRelationToken(Peek().type)) return Error(Peek(), Unexpected(Peek()));
      if (!ParseRelation(&current, &has_relation, &relation)) return false;
      continue;
    }
    while (true) {  // `current` is complete
      ArgdownNodeRef ref = model_.MemberExit(&members_[current]);
      --member_depth_;
      if (has_relation) model_.RelationExit(relation, ref);
      if (frames_.empty()) {
        if (result) *result = ref;
        return true;
      }
      const Token& next = Peek();
      if (IsRelationToken(next.type)) {
        if (!ParseRelation(&current, &has_relation, &relation)) return false;
        break;
      }
      if (next.type != ArgdownToken::kDedent) return Error(next, Unexpected(next));
      Next();
      Frame frame = frames_.back();
      frames_.pop_back();
      if (frame.member == kNoMember) return true;  // the end of an inference line's relations
      current = frame.member;
      has_relation = frame.has_relation;
      relation = frame.relation;
    }
  }
}

// A relation symbol and the header of its statement or argument.
bool ArgdownParser::ParseRelation(size_t* current, bool* has_relation, ArgdownRelation* relation) {
  Token symbol = Next();
  const Frame& frame = frames_.back();
  if (frame.undercuts_only && symbol.type != ArgdownToken::kOutgoingUndercut) {
    return Error(symbol, "only an undercut (<_ or _) may stand under an inference line");
  }
  *has_relation = model_.RelationEntry(symbol.type, frame.parent, symbol.offset, relation);
  *current = PushMember();
  return ParseElementHeader(*current, symbol.type != ArgdownToken::kContradiction, &symbol);
}

bool ArgdownParser::ParseElementHeader(size_t member, bool allow_argument,
                                       const Token* relation_symbol) {
  const Token& t = Peek();
  members_[member].offset = t.offset;
  if (t.type == ArgdownToken::kArgumentDefinition || t.type == ArgdownToken::kArgumentReference) {
    if (!allow_argument) {
      return Error(t, relation_symbol
                          ? "a contradiction (><) needs a statement, not the argument '" +
                                std::string(TextOf(t)) + "'"
                          : "a numbered statement cannot be an argument ('" +
                                std::string(TextOf(t)) + "'); use a statement, e.g. [Title]");
    }
    return ParseArgumentHeader(member);
  }
  if (t.type == ArgdownToken::kStatementDefinition || t.type == ArgdownToken::kStatementReference ||
      IsContentStart(t.type)) {
    return ParseStatementHeader(member);
  }
  if (relation_symbol) {
    return Error(t, "the relation '" + std::string(TextOf(*relation_symbol)) +
                        "' needs a statement or argument after it");
  }
  return Error(t, "a numbered statement needs text after its number");
}

void ArgdownParser::SetReferenceTitle(ArgdownMember* member, const Token& t) {
  std::string_view title = t.title(text_);
  // Argdown's title pattern (.+) does not cross a line break; such a reference has no title.
  // The lexer ends a reference at its first closer on the line of its second character, so only
  // the first character can be a line break.
  if (StartsWithLineTerminator(title)) return;
  member->title = title;
  member->title_hash = t.title_hash;
  member->has_title = true;
  member->is_reference = true;
}

bool ArgdownParser::ParseStatementHeader(size_t member) {
  Token t = Peek();
  if (t.type == ArgdownToken::kStatementReference) {
    Next();
    return ParseReferenceRest(member, t);
  }
  if (t.type == ArgdownToken::kStatementDefinition) {
    Next();
    members_[member].title = t.title(text_);
    members_[member].title_hash = t.title_hash;
    members_[member].has_title = true;
  }
  return ParseDefinitionRest(member, t, "statement");
}

bool ArgdownParser::ParseArgumentHeader(size_t member) {
  Token t = Next();
  members_[member].is_argument = true;
  if (t.type == ArgdownToken::kArgumentReference) return ParseReferenceRest(member, t);
  members_[member].title = t.title(text_);
  members_[member].title_hash = t.title_hash;
  members_[member].has_title = true;
  return ParseDefinitionRest(member, t, "argument");
}

bool ArgdownParser::ParseReferenceRest(size_t member, const Token& reference) {
  SetReferenceTitle(&members_[member], reference);
  while (Peek().type == ArgdownToken::kTag) {
    AddTag(Next(), ContentTarget{&members_[member].text, &members_[member].tags});
  }
  if (Peek().type == ArgdownToken::kNewline) Next();
  ParseTrailingData(member);
  return true;
}

bool ArgdownParser::ParseDefinitionRest(size_t member, const Token& definition, const char* kind) {
  size_t items = 0;
  if (!ParseContent(ContentTarget{&members_[member].text, &members_[member].tags}, &items)) {
    return false;
  }
  if (items == 0) {
    return Error(Peek(), std::string("the ") + kind + " definition '" +
                             std::string(TextOf(definition)) +
                             "' needs text on the same line; to refer to the " + kind +
                             " without defining it, leave out the colon");
  }
  ParseTrailingData(member);
  return true;
}

void ArgdownParser::ParseTrailingData(size_t member) {
  if (Peek().type != ArgdownToken::kData) return;
  Token token = Next();
  ArgdownMember& m = members_[member];
  if (ParseData(token, &m.data) && !m.data.is_null()) {
    if (!m.data.is_object()) {
      Error(token, "data must be 'key: value' pairs");
    } else {
      m.has_data = true;
      m.data_offset = token.offset;
    }
  }
  if (Peek().type == ArgdownToken::kNewline) Next();
}

bool ArgdownParser::ParseData(const Token& token, DataValue* value) {
  DataError error;
  bool ok = token.type == ArgdownToken::kFrontMatter
                ? argmap::ParseFrontMatter(TextOf(token), value, &error)
                : ParseArgdownData(TextOf(token), value, &error);
  if (!ok) {
    *value = nullptr;
    bool unsupported = error.message.rfind("unsupported:", 0) == 0;
    Error(token.offset + error.offset, (unsupported ? "" : "invalid data: ") + error.message);
  }
  return ok;
}

// Argdown's statementContent: text, links, tags, mentions, line breaks and bold or italic
// ranges of the same. *items counts the parts at the outer level (Argdown needs at least one).
bool ArgdownParser::ParseContent(ContentTarget target, size_t* items) {
  open_ranges_.clear();
  std::string& text = *target.text;
  while (true) {
    const Token& t = Peek();
    if (open_ranges_.empty() && IsContentStart(t.type)) ++*items;
    if (IsFreestyleToken(t.type)) {
      AppendFreestyle(Next(), &text);
    } else if (t.type == ArgdownToken::kLink) {
      if (!AppendLink(Next(), &text)) return false;
    } else if (t.type == ArgdownToken::kTag) {
      AddTag(Next(), target);
    } else if (t.type == ArgdownToken::kStatementMention ||
               t.type == ArgdownToken::kArgumentMention) {
      text += TextOf(Next());
    } else if (t.type == ArgdownToken::kNewline) {
      Next();
      // A line break inside the text is a space, unless it ends the text (or a bold or italic
      // range), as Argdown's NEWLINE listener has it.
      if (IsContentStart(Peek().type) && (text.empty() || text.back() != ' ')) text += ' ';
    } else if (IsRangeStart(t.type)) {
      open_ranges_.push_back(Next());
    } else if (IsRangeEnd(t.type) && !open_ranges_.empty() &&
               EndOf(open_ranges_.back().type) == t.type) {
      Token end = Next();
      open_ranges_.pop_back();
      if (TextOf(end).back() == ' ') text += ' ';
    } else {
      break;
    }
  }
  if (open_ranges_.empty()) return true;
  const Token& start = open_ranges_.back();
  std::string marker(TextOf(start));
  bool bold = marker.size() == 2;
  return Error(Peek(), std::string(bold ? "bold" : "italic") + " text opened with '" + marker +
                           "' at " + sink_->PositionText(start.offset) +
                           " is not closed; end it "
                           "with '" +
                           marker + "', or write \\" + marker[0] + " for a literal '" + marker[0] +
                           "'");
}

void ArgdownParser::AppendFreestyle(const Token& t, std::string* out) const {
  std::string_view image = TextOf(t);
  if (t.type == ArgdownToken::kEscapedChar) {
    *out += image.substr(1);
  } else if (t.type == ArgdownToken::kSpecialChar) {
    std::string_view symbol = Shortcode(JsTrim(image));
    if (symbol.empty()) {
      *out += image;
    } else {
      *out += symbol;
      if (image.back() == ' ') *out += ' ';
    }
  } else {
    *out += image;
  }
}

// [text](url): Argdown keeps the text; argmap keeps the link, as [text](url), so the URL is not
// lost. The parts are found as Argdown's linkPattern /\[(.+)\]\((.+)\)/ finds them, which fails
// (and Argdown rejects the file) when the link spans lines.
bool ArgdownParser::AppendLink(const Token& t, std::string* out) {
  std::string_view image = TextOf(t);
  bool trailing_space = image.back() == ' ';
  for (size_t open = image.find('['); open != std::string_view::npos;
       open = image.find('[', open + 1)) {
    size_t line_end = image.find_first_of("\n\r", open);
    std::string_view line = image.substr(
        open, line_end == std::string_view::npos ? std::string_view::npos : line_end - open);
    size_t close = line.rfind(')');
    if (close == std::string_view::npos) continue;
    size_t split = line.rfind("](", close);
    while (split != std::string_view::npos && (split < 2 || split + 2 >= close)) {
      split = split == 0 ? std::string_view::npos : line.rfind("](", split - 1);
    }
    if (split == std::string_view::npos || split < 2) continue;
    *out += "[";
    *out += line.substr(1, split - 1);
    *out += "](";
    *out += line.substr(split + 2, close - split - 2);
    *out += ")";
    if (trailing_space) *out += ' ';
    return true;
  }
  return Error(t, "a link ([text](url)) may not span lines");
}

void ArgdownParser::AddTag(const Token& t, ContentTarget target) {
  std::string_view image = TextOf(t);
  if (!target.tags) {  // a heading keeps its tags in its text, as Argdown's section titles do
    *target.text += image;
    return;
  }
  std::string_view name;
  if (image.size() > 1 && image[1] == '(') {
    name = image.substr(2, image.find(')') - 2);
  } else {
    name = image.substr(1);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
  }
  target.tags->push_back(ArgdownMember::Tag{name, t.offset});
}

// Invalid UTF-8 stops the reading: every invalid sequence is reported.
bool ValidateUtf8(std::string_view text, DiagnosticSink* sink) {
  size_t i = 0;
  const size_t n = text.size();
  bool valid = true;
  while (i < n) {
    // ASCII eight bytes at a time: most texts are nearly all ASCII.
    for (uint64_t word; i + 8 <= n; i += 8) {
      std::memcpy(&word, text.data() + i, 8);
      if (word & 0x8080808080808080ull) break;
    }
    if (i >= n) break;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t need = 0;
    uint32_t min = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3, min = 0x10000;
    }
    uint32_t cp = need == 1 ? c & 0x1F : need == 2 ? c & 0x0F : c & 0x07;
    bool ok = need > 0 && i + need < n;
    for (size_t k = 1; ok && k <= need; ++k) {
      unsigned char d = static_cast<unsigned char>(text[i + k]);
      if ((d & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
    if (ok) {
      i += need + 1;
      continue;
    }
    valid = false;
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", c);
    sink->Error(i, std::string("invalid UTF-8 (byte ") + hex + ")");  // once full, says so once
    ++i;
    while (i < n && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return valid;
}

// Argdown's CLI replaces @include(path) with a file's text before parsing; argmap reads one text.
void RejectIncludes(std::string_view text, DiagnosticSink* sink) {
  for (size_t at = text.find("@include("); at != std::string_view::npos;
       at = text.find("@include(", at + 1)) {
    size_t close = text.find(')', at + 9);
    if (close == std::string_view::npos || close == at + 9) continue;
    sink->Error(at, "unsupported: " + Excerpt(text.substr(at, close + 1 - at)) +
                        " (argmap reads one file; paste the included text instead)");
  }
}

}  // namespace

Status ReadArgdown(std::string_view text, std::string_view file_name, ArgumentMap* map,
                   std::vector<Diagnostic>* diagnostics, const ArgdownReadOptions& options) {
  if (map->node_count() != 0) return Status::InvalidInput("ReadArgdown needs an empty map");
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte order mark
  DiagnosticSink sink(text, file_name, diagnostics,
                      options.max_errors == 0 ? 1 : options.max_errors);
  using Clock = std::chrono::steady_clock;
  auto since = [](Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
  };
  const Clock::time_point start = Clock::now();
  if (ValidateUtf8(text, &sink)) {
    RejectIncludes(text, &sink);
    Clock::time_point freeing;
    {
      ArgdownParser parser(text, &sink);
      if (options.times) options.times->prepare = since(start);
      const Clock::time_point parsing = Clock::now();
      parser.Parse();
      if (options.times) options.times->parse = since(parsing);
      parser.model().Build(map, options.times);
      freeing = Clock::now();
    }
    if (options.times) options.times->release = since(freeing);
  }
  if (sink.errors() > 0) {
    return Status::InvalidInput(std::string(file_name) + ": " + std::to_string(sink.errors()) +
                                (sink.errors() == 1 ? " error" : " errors"));
  }
  return Status::Ok();
}

}  // namespace argmap
