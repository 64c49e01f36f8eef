#include "formats/argdown_writer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "formats/map_json.h"

namespace argmap {
namespace {

constexpr size_t kFlushBytes = 1 << 16;
constexpr std::string_view kFullwidthBracket = "\xEF\xBC\xBD";    // U+FF3D ］
constexpr std::string_view kFullwidthGreater = "\xEF\xBC\x9E";    // U+FF1E ＞
constexpr std::string_view kFullwidthParen = "\xEF\xBC\x89";      // U+FF09 ）
constexpr std::string_view kFullwidthLeftParen = "\xEF\xBC\x88";  // U+FF08 （
constexpr std::string_view kFullwidthPlus = "\xEF\xBC\x8B";       // U+FF0B ＋
constexpr std::string_view kFullwidthLowLine = "\xEF\xBC\xBF";    // U+FF3F ＿
constexpr std::string_view kHyphen = "\xE2\x80\x90";              // U+2010 ‐

char At(std::string_view text, size_t i) { return i < text.size() ? text[i] : '\0'; }

// A set of bytes, for finding the few characters that need care in long runs of plain text.
class ByteSet {
 public:
  constexpr explicit ByteSet(std::string_view members) {
    for (char c : members) member_[static_cast<unsigned char>(c)] = true;
  }
  constexpr bool Contains(char c) const { return member_[static_cast<unsigned char>(c)]; }
  // The first position at or after `from` whose byte is a member, or npos.
  size_t FindIn(std::string_view text, size_t from) const {
    for (size_t i = from; i < text.size(); ++i) {
      if (member_[static_cast<unsigned char>(text[i])]) return i;
    }
    return std::string_view::npos;
  }

 private:
  bool member_[256] = {};
};

// Argdown's shortcodes (as formats/argdown_reader.cc reads them): `.name.` or `:name:` in a text
// or rule shows as a symbol (`.A.` as ∀, `:+1:` as 👍). The names, without delimiters:
constexpr std::string_view kShortcodeNames[] = {
    "A",     "E",     "O",        "P",        "->",           "<->",
    "~",     "^",     "v",        "v_",       "<>",           "[]",
    "happy", "smile", "smiley",   "laugh",    "lol",          "rofl",
    "joy",   "heart", "?",        "question", "love",         "wink",
    "shush", "meh",   "eye-roll", "sad",      "disappointed", "scream",
    "+1",    "up",    "-1",       "down",     "think",        "star",
    "y",     "agree", "n",        "disagree"};
constexpr size_t kLongestShortcodeName = 12;  // "disappointed"

// Whether the code point at text[i] is whitespace to JavaScript's \s, which ends a shortcode
// candidate in Argdown's lexer; *length receives its length in bytes.
bool IsJsSpaceAt(std::string_view text, size_t i, size_t* length) {
  unsigned c = static_cast<unsigned char>(text[i]);
  *length = 1;
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  if (c == 0xC2 && static_cast<unsigned char>(At(text, i + 1)) == 0xA0) {
    *length = 2;
    return true;  // U+00A0
  }
  if (c < 0xE1 || c > 0xEF || i + 2 >= text.size()) return false;
  uint32_t cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6) |
                (static_cast<unsigned char>(text[i + 2]) & 0x3F);
  *length = 3;
  return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// U+2028 or U+2029 at text[i]: line terminators to JavaScript.
bool IsLineSeparatorAt(std::string_view text, size_t i) {
  return text.substr(i, 2) == "\xE2\x80" &&
         (At(text, i + 2) == '\xA8' || At(text, i + 2) == '\xA9');
}

// Argdown's lexer reads `.x.` or `:x:` (no whitespace inside, x not empty) as one token, a
// "special character": a known shortcode becomes its symbol, anything else stays as written,
// backslashes included. The end of the one that text[i] ('.' or ':') opens, or npos.
size_t SpecialCharEnd(std::string_view text, size_t i) {
  for (size_t k = i + 1; k < text.size();) {
    if (text[k] == text[i] && k > i + 1) return k;
    size_t length;
    if (IsJsSpaceAt(text, k, &length)) return std::string_view::npos;
    k += length;
  }
  return std::string_view::npos;
}

bool IsShortcodeName(std::string_view name) {
  return name.size() <= kLongestShortcodeName &&
         std::find(std::begin(kShortcodeNames), std::end(kShortcodeNames), name) !=
             std::end(kShortcodeNames);
}

// Where the text goes: after `[Title]: `, `<Title>: ` or `# ` (a text), or between the `--` of
// an inference line (a rule, where `,` separates rules and `--` ends the line).
enum class TextContext { kText, kRule };

// The characters that may need an escape or a replacement, or that change what Argdown's lexer
// does with a following blank; everything else is copied in runs.
constexpr ByteSet kTextSpecials(" \t\r\n\\[]<>#*_{}/=.:(");
constexpr ByteSet kRuleSpecials(" \t\r\n\\{}-/.:,(");
constexpr ByteSet kStatementTitleSpecials("\r\n]\xE2(");
constexpr ByteSet kArgumentTitleSpecials("\r\n>\xE2(");

// Argdown's CLI replaces `@include(...)` (up to the next `)`, anywhere after it) with a file
// before it parses, and the reader rejects it. A map's text may hold "@include(" without such a
// `)`, but the written file has `)`s of its own: so no "@include(" is ever written. Whether the
// `(` about to be written would complete one:
bool CompletesInclude(const std::string& out) { return FollowsIncludeKeyword(out, out.size()); }
// Argdown's "unused control characters": each is a token of its own that takes one blank after
// it; a second blank would start a token, and Argdown skips blanks there.
constexpr ByteSet kControlCharacters("@#*_[],.:;</>-(){}");

// What Argdown's lexer does with a blank (space or tab) at the current point of the output.
enum class BlankState {
  kStart,       // the start of the text: skipped, as the reader trims texts anyway
  kFreestyle,   // inside plain text: part of it
  kEscape,      // after `\x`: a space is part of the escape, a tab is not
  kControl,     // after a control character or a `.x.` span: one blank is part of it
  kTokenStart,  // skipped: must be escaped
  kRuleComma,   // after the `,` between two rules: the one space goes, the reader puts it back
};

// Appends a blank from the text, escaped where Argdown's lexer would skip it.
void AppendBlank(char blank, BlankState* state, std::string* out) {
  switch (*state) {
    case BlankState::kStart:
    case BlankState::kFreestyle:
      break;
    case BlankState::kEscape:
      if (blank == ' ') break;
      [[fallthrough]];
    case BlankState::kTokenStart:
      out->push_back('\\');
      *state = BlankState::kEscape;
      break;
    case BlankState::kControl:
    case BlankState::kRuleComma:
      *state = BlankState::kTokenStart;
      break;
  }
  out->push_back(blank);
}

enum class TextAction { kKeep, kEscape };

// Whether text[i], one of the context's specials other than blanks, '.' and ':', needs `\`.
TextAction ActionFor(std::string_view text, size_t i) {
  auto escape_if = [](bool escape) { return escape ? TextAction::kEscape : TextAction::kKeep; };
  char next = At(text, i + 1);
  switch (text[i]) {
    case '/':  // `//` and `/*` start comments
      return escape_if(next == '/' || next == '*');
    case '=':  // `===` starts front matter (a text's special only)
      return escape_if(next == '=' && At(text, i + 2) == '=');
    case '-':  // `--` ends an inference line (a rule's special only)
      return escape_if(next == '-');
    case ',':  // separates rules; the reader joins them with ", " (a rule's special only)
      return escape_if(i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || next != ' ' ||
                       At(text, i + 2) == '\0' || At(text, i + 2) == ' ' ||
                       At(text, i + 2) == '\t' || At(text, i + 2) == ',');
    default:
      return TextAction::kEscape;
  }
}

// One line in which every character means itself: Argdown's `\x` escapes what it would read as
// syntax, and the blanks that its lexer would skip. A `.x.` or `:x:` span is one token to
// Argdown: written as it is, unless it is a shortcode, whose opening delimiter is escaped.
// (Every '.' and ':' outside such a span is where Argdown's lexer starts a token, since the
// text's other syntax is escaped.) Line breaks become spaces.
void AppendEscaped(std::string_view text, TextContext context, std::string* out) {
  const ByteSet& specials = context == TextContext::kText ? kTextSpecials : kRuleSpecials;
  BlankState state = BlankState::kStart;
  size_t done = 0;
  for (size_t i = specials.FindIn(text, 0); i != std::string_view::npos;
       i = specials.FindIn(text, done)) {
    if (i > done) {  // a run of plain text
      out->append(text.substr(done, i - done));
      state =
          kControlCharacters.Contains(text[i - 1]) ? BlankState::kControl : BlankState::kFreestyle;
    }
    done = i + 1;
    char c = text[i];
    if (c == '\r' && At(text, i + 1) == '\n') continue;  // "\r\n" is one line break
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      AppendBlank(c == '\t' ? '\t' : ' ', &state, out);
      continue;
    }
    if (c == '.' || c == ':') {
      size_t end = SpecialCharEnd(text, i);
      if (end != std::string_view::npos && IsShortcodeName(text.substr(i + 1, end - i - 1))) {
        out->push_back('\\');
        out->push_back(c);
        state = BlankState::kEscape;
      } else if (end != std::string_view::npos) {
        out->append(text.substr(i, end + 1 - i));
        done = end + 1;
        state = BlankState::kControl;
      } else {
        out->push_back(c);
        state = BlankState::kControl;
      }
      continue;
    }
    if (c == '(') {  // escaped only where it would complete "@include("
      const bool escape = CompletesInclude(*out);
      if (escape) out->push_back('\\');
      out->push_back(c);
      state = escape ? BlankState::kEscape : BlankState::kControl;
      continue;
    }
    if (ActionFor(text, i) == TextAction::kEscape) {
      out->push_back('\\');
      out->push_back(c);
      state = BlankState::kEscape;
    } else {
      out->push_back(c);
      state = c == ','                         ? BlankState::kRuleComma
              : kControlCharacters.Contains(c) ? BlankState::kControl
                                               : BlankState::kFreestyle;
    }
  }
  out->append(text.substr(done));
}

void AppendText(std::string_view text, std::string* out) {
  AppendEscaped(text, TextContext::kText, out);
}

// A title between `[` and `]` (close = ']') or `<` and `>` (close = '>'). Argdown reads titles
// verbatim up to the first closing bracket, without escapes. A reference cannot start with '-'
// (Argdown's `\[[^-].*?\]`) and `<+`, `<-`, `<_` at the start of a line are relations, so a
// leading '-' becomes U+2010 and, in an argument title, a leading '+' or '_' its fullwidth form.
void AppendTitle(std::string_view title, char close, std::string* out) {
  if (!title.empty() && title[0] == '-') {
    out->append(kHyphen);
    title.remove_prefix(1);
  } else if (close == '>' && !title.empty() && (title[0] == '+' || title[0] == '_')) {
    out->append(title[0] == '+' ? kFullwidthPlus : kFullwidthLowLine);
    title.remove_prefix(1);
  }
  const ByteSet& specials = close == ']' ? kStatementTitleSpecials : kArgumentTitleSpecials;
  size_t done = 0;
  for (size_t i = specials.FindIn(title, 0); i != std::string_view::npos;
       i = specials.FindIn(title, done)) {
    out->append(title.substr(done, i - done));
    done = i + 1;
    if (title[i] == close) {
      out->append(close == ']' ? kFullwidthBracket : kFullwidthGreater);
    } else if (title[i] == '(') {  // titles have no escapes
      if (CompletesInclude(*out)) {
        out->append(kFullwidthLeftParen);
      } else {
        out->push_back('(');
      }
    } else if (title[i] == '\r' || title[i] == '\n') {
      out->push_back(' ');
    } else if (IsLineSeparatorAt(title, i)) {  // JavaScript's `.` does not match it either
      out->push_back(' ');
      done = i + 3;
    } else {
      out->push_back(title[i]);
    }
  }
  out->append(title.substr(done));
}

bool IsBareTagCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

// ` #word` or ` #(several words)`.
void AppendTag(std::string_view tag, std::string* out) {
  bool bare = !tag.empty();
  for (char c : tag) bare = bare && IsBareTagCharacter(c);
  out->append(bare ? " #" : " #(");
  if (bare) {
    out->append(tag);
    return;
  }
  for (char c : tag) {
    if (c == '\n' || c == '\r') {
      out->push_back(' ');
    } else if (c == ')') {
      out->append(kFullwidthParen);
    } else if (c == '(' && CompletesInclude(*out)) {
      out->append(kFullwidthLeftParen);
    } else {
      out->push_back(c);
    }
  }
  out->push_back(')');
}

bool IsPlainKey(std::string_view key) {
  if (key.empty() || !((key[0] >= 'a' && key[0] <= 'z') || (key[0] >= 'A' && key[0] <= 'Z'))) {
    return false;
  }
  for (char c : key) {
    if (!IsBareTagCharacter(c)) return false;
  }
  // Words that YAML reads as booleans or null.
  static constexpr std::string_view kReserved[] = {"true", "false", "null", "yes", "no",
                                                   "on",   "off",   "y",    "n"};
  for (std::string_view word : kReserved) {
    if (key.size() == word.size() &&
        std::equal(key.begin(), key.end(), word.begin(),
                   [](char a, char b) { return (a | 0x20) == (b | 0x20); })) {
      return false;
    }
  }
  return true;
}

void AppendKey(std::string_view key, std::string* out) {
  if (IsPlainKey(key)) {
    out->append(key);
  } else {
    AppendJsonString(key, out, JsonStyle::kYamlSafe);
  }
  out->append(": ");
}

// The metadata value for `model` without `mode: strict`, which would reinterpret the relations
// written in argmap's terms; empty if nothing else is left.
std::string WithoutStrictMode(std::string_view json) {
  nlohmann::ordered_json value = nlohmann::ordered_json::parse(json, nullptr, false);
  if (value.is_discarded() || !value.is_object() || value.value("mode", "") != "strict") {
    return std::string(json);
  }
  value.erase("mode");
  return value.empty() ? std::string() : value.dump();
}

class ArgdownWriter {
 public:
  ArgdownWriter(const ArgumentMap& map, std::ostream& out) : map_(map), out_(out) {
    buffer_.reserve(kFlushBytes + 4096);
  }

  void Write() {
    WriteFrontMatter();
    WriteSections();
    WriteRelations();
    Flush();
  }

 private:
  // Omitted when there is nothing to put in it: Argdown has no use for an empty one.
  void WriteFrontMatter() {
    std::string lines;
    if (!map_.title().empty()) {
      lines.append("title: ");
      AppendJsonString(map_.title(), &lines, JsonStyle::kYamlSafe);
      lines.push_back('\n');
    }
    for (const auto& [key, value] : map_.metadata()) {
      if (key == "title" && !map_.title().empty()) continue;
      std::string kept = key == "model" ? WithoutStrictMode(value) : value;
      if (kept.empty()) continue;
      AppendKey(key, &lines);
      AppendJsonValue(kept, &lines, JsonStyle::kYamlSafe);
      lines.push_back('\n');
    }
    if (lines.empty()) return;
    BeginBlock();
    buffer_.append("===\n");
    buffer_.append(lines);
    buffer_.append("===\n");
  }

  // The nodes by section. Sections come in order of first appearance among the statements, then
  // among the arguments (the order in which a reader numbers them); the section "" (nodes before
  // any heading) comes first. In each section its statements, then its arguments, each in stored
  // order. Every statement is defined before anything refers to it, so that reading the output
  // creates the nodes in the order written: an argument whose premises or conclusions belong to
  // a later section is deferred to the end, under its section's heading once more. (Except in
  // section "", to which no text after a heading can return.)
  void WriteSections() {
    const auto& statements = map_.statements();
    const auto& arguments = map_.arguments();
    SectionIndex sections;
    std::vector<uint32_t> statement_section(statements.size()), argument_section(arguments.size());
    for (size_t i = 0; i < statements.size(); ++i) {
      statement_section[i] = sections.Of(statements[i].section);
    }
    for (size_t i = 0; i < arguments.size(); ++i) {
      argument_section[i] = sections.Of(arguments[i].section);
    }
    std::vector<uint32_t> statement_order, statement_starts, argument_order, argument_starts;
    SortBySection(statement_section, sections.size(), &statement_order, &statement_starts);
    SortBySection(argument_section, sections.size(), &argument_order, &argument_starts);
    std::vector<bool> deferred(arguments.size());
    for (size_t i = 0; i < arguments.size(); ++i) {
      deferred[i] = argument_section[i] != 0 &&
                    LatestSection(arguments[i], statement_section) > argument_section[i];
    }
    for (bool deferred_pass : {false, true}) {
      for (size_t k = 0; k < sections.size(); ++k) {
        bool heading_written = k == 0;
        auto heading = [&] {
          if (heading_written) return;
          heading_written = true;
          BeginBlock();
          buffer_.append("# ");
          AppendText(sections.name(k), &buffer_);
          buffer_.push_back('\n');
        };
        for (uint32_t e = statement_starts[k]; !deferred_pass && e < statement_starts[k + 1]; ++e) {
          heading();
          WriteStatement(statements[statement_order[e]]);
          MaybeFlush();
        }
        for (uint32_t e = argument_starts[k]; e < argument_starts[k + 1]; ++e) {
          if (deferred[argument_order[e]] != deferred_pass) continue;
          heading();
          WriteArgument(arguments[argument_order[e]]);
          MaybeFlush();
        }
      }
    }
  }

  // Section names to dense indexes in order of first lookup; "" is index 0.
  class SectionIndex {
   public:
    SectionIndex() {
      names_.push_back("");
      index_.emplace("", 0);
    }
    uint32_t Of(std::string_view name) {
      if (name == last_name_) return last_index_;  // nodes in a row mostly share their section
      auto it = index_.find(name);
      if (it == index_.end()) {
        it = index_.emplace(name, static_cast<uint32_t>(names_.size())).first;
        names_.push_back(name);
      }
      last_name_ = name;
      last_index_ = it->second;
      return last_index_;
    }
    std::string_view name(size_t index) const { return names_[index]; }
    size_t size() const { return names_.size(); }

   private:
    std::vector<std::string_view> names_;
    std::unordered_map<std::string_view, uint32_t> index_;
    std::string_view last_name_;
    uint32_t last_index_ = 0;
  };

  // Counting sort of record indexes by section, stable. Section k's records are
  // (*order)[(*starts)[k] .. (*starts)[k + 1]).
  static void SortBySection(const std::vector<uint32_t>& section_of, size_t section_count,
                            std::vector<uint32_t>* order, std::vector<uint32_t>* starts) {
    starts->assign(section_count + 1, 0);
    for (uint32_t k : section_of) ++(*starts)[k + 1];
    for (size_t k = 0; k < section_count; ++k) (*starts)[k + 1] += (*starts)[k];
    std::vector<uint32_t> next(starts->begin(), starts->end() - 1);
    order->resize(section_of.size());
    for (uint32_t i = 0; i < section_of.size(); ++i) (*order)[next[section_of[i]]++] = i;
  }

  // The latest section among the statements of an argument's inference steps.
  uint32_t LatestSection(const Argument& a, const std::vector<uint32_t>& statement_section) const {
    uint32_t latest = 0;
    auto consider = [&](NodeId id) {
      uint32_t v = map_.VertexOf(id);
      if (v != kNoIndex) latest = std::max(latest, statement_section[map_.vertex(v).index]);
    };
    for (const InferenceStep& step : a.steps) {
      for (NodeId premise : step.premises) consider(premise);
      consider(step.conclusion);
    }
    return latest;
  }

  void WriteStatement(const Statement& s) {
    BeginBlock();
    buffer_.push_back('[');
    AppendTitle(s.title, ']', &buffer_);
    buffer_.push_back(']');
    AppendDefinitionText(s.text);
    if (s.role != Role::kClaim) {
      buffer_.append(" #");
      buffer_.append(RoleName(s.role));
    }
    if (s.thesis) buffer_.append(" #thesis");
    for (const std::string& tag : s.tags) AppendTag(tag, &buffer_);
    DataBlock data(&buffer_);
    data.Add("actor", s.actor);
    data.Add("source", s.source);
    data.Add("quote", s.quote);
    for (const auto& [key, value] : s.data) data.AddJson(key, value);
    data.Close();
    buffer_.push_back('\n');
  }

  void WriteArgument(const Argument& a) {
    BeginBlock();
    buffer_.push_back('<');
    AppendTitle(a.title, '>', &buffer_);
    buffer_.push_back('>');
    AppendDefinitionText(a.text);
    for (const std::string& tag : a.tags) AppendTag(tag, &buffer_);
    DataBlock data(&buffer_);
    for (const auto& [key, value] : a.data) data.AddJson(key, value);
    data.Close();
    buffer_.push_back('\n');
    if (!a.steps.empty()) WriteInferenceSteps(a);
  }

  // `(n) [Premise]` lines and inference lines. A step's premises are, by default, the statements
  // since the previous inference line, which begin with the previous conclusion; a step whose
  // premises are not that lists them by number: `-- rule {uses: [3, 1]} --`.
  void WriteInferenceSteps(const Argument& a) {
    BeginBlock();
    std::vector<NodeId> lines;                   // the statement of each numbered line
    std::unordered_map<NodeId, size_t> line_of;  // filled only once some step needs `uses`
    std::vector<size_t> uses;
    for (size_t k = 0; k < a.steps.size(); ++k) {
      const InferenceStep& step = a.steps[k];
      bool by_default = k == 0 || (!step.premises.empty() && step.premises[0] == lines.back());
      uses.clear();
      if (by_default) {
        for (size_t i = k == 0 ? 0 : 1; i < step.premises.size(); ++i) {
          NumberedReference(&lines, step.premises[i]);
        }
      } else {
        if (line_of.empty()) {
          for (size_t i = 0; i < lines.size(); ++i) line_of.emplace(lines[i], i + 1);
        }
        for (NodeId premise : step.premises) {
          auto [it, added] = line_of.emplace(premise, lines.size() + 1);
          if (added) NumberedReference(&lines, premise);
          uses.push_back(it->second);
        }
      }
      InferenceLine(step.rule, by_default ? nullptr : &uses);
      NumberedReference(&lines, step.conclusion);
      if (!line_of.empty()) line_of.emplace(step.conclusion, lines.size());
    }
  }

  void InferenceLine(std::string_view rule, const std::vector<size_t>* uses) {
    if (rule.empty() && !uses) {
      buffer_.append("----\n");
      return;
    }
    buffer_.append("--");
    if (!rule.empty()) {
      buffer_.push_back(' ');
      AppendEscaped(rule, TextContext::kRule, &buffer_);
    }
    if (uses) {
      buffer_.append(" {uses: [");
      for (size_t i = 0; i < uses->size(); ++i) {
        if (i > 0) buffer_.append(", ");
        buffer_.append(std::to_string((*uses)[i]));
      }
      buffer_.append("]}");
    }
    buffer_.append(" --\n");
  }

  void NumberedReference(std::vector<NodeId>* lines, NodeId statement) {
    lines->push_back(statement);
    buffer_.push_back('(');
    buffer_.append(std::to_string(lines->size()));
    buffer_.append(") ");
    Reference(statement);
    buffer_.push_back('\n');
  }

  void WriteRelations() {
    NodeId from = kNoNode;
    for (const Relation& r : map_.relations()) {
      if (r.from != from) {
        BeginBlock();
        Reference(r.from);
        buffer_.push_back('\n');
        from = r.from;
      }
      buffer_.append(RelationOperator(r.type));
      Reference(r.to);
      buffer_.push_back('\n');
      MaybeFlush();
    }
  }

  static std::string_view RelationOperator(RelationType type) {
    switch (type) {
      case RelationType::kSupports:
        return "  +> ";
      case RelationType::kAttacks:
        return "  -> ";
      case RelationType::kUndercuts:
        return "  _> ";
      case RelationType::kContradicts:
        return "  >< ";
      default:
        return "  ?? ";  // premise and conclusion are never stored as relations
    }
  }

  void Reference(NodeId id) {
    if (const Statement* s = map_.statement(id)) {
      buffer_.push_back('[');
      AppendTitle(s->title, ']', &buffer_);
      buffer_.push_back(']');
    } else {
      buffer_.push_back('<');
      AppendTitle(map_.TitleOf(id), '>', &buffer_);
      buffer_.push_back('>');
    }
  }

  // `: text` after a title; nothing for a text that is empty or blank (a reference then).
  void AppendDefinitionText(std::string_view text) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
    buffer_.append(": ");
    AppendText(text, &buffer_);
  }

  // ` {key: value, ...}` at the end of a definition; nothing when there are no entries.
  class DataBlock {
   public:
    explicit DataBlock(std::string* out) : out_(out) {}
    void Add(std::string_view key, std::string_view text) {
      if (text.empty()) return;
      Separate();
      AppendKey(key, out_);
      AppendJsonString(text, out_, JsonStyle::kYamlSafe);
    }
    void AddJson(std::string_view key, std::string_view json) {
      Separate();
      AppendKey(key, out_);
      AppendJsonValue(json, out_, JsonStyle::kYamlSafe);
    }
    void Close() {
      if (open_) out_->push_back('}');
    }

   private:
    void Separate() {
      out_->append(open_ ? ", " : " {");
      open_ = true;
    }
    std::string* out_;
    bool open_ = false;
  };

  // Blocks are separated by one empty line, as Argdown needs between top-level elements.
  void BeginBlock() {
    if (any_block_) buffer_.push_back('\n');
    any_block_ = true;
  }

  void MaybeFlush() {
    if (buffer_.size() >= kFlushBytes) Flush();
  }

  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

  const ArgumentMap& map_;
  std::ostream& out_;
  std::string buffer_;
  bool any_block_ = false;
};

}  // namespace

void WriteArgdown(const ArgumentMap& map, std::ostream& out) { ArgdownWriter(map, out).Write(); }

}  // namespace argmap
