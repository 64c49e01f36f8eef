#include "formats/map_json.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <unordered_set>

namespace argmap {
namespace {

constexpr size_t kFlushBytes = 1 << 16;
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

unsigned ByteAt(std::string_view text, size_t i) {
  return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u;
}

bool IsContinuation(std::string_view text, size_t i) { return (ByteAt(text, i) & 0xC0) == 0x80; }

// The length of the well-formed UTF-8 sequence starting at text[i] (a byte >= 0x80), 0 if the
// bytes there are not one (stray continuation, overlong form, surrogate, beyond U+10FFFF, cut).
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  unsigned b0 = ByteAt(text, i), b1 = ByteAt(text, i + 1);
  if (b0 >= 0xC2 && b0 <= 0xDF) return IsContinuation(text, i + 1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 >= 0xA0)) return 0;
    return IsContinuation(text, i + 1) && IsContinuation(text, i + 2) ? 3 : 0;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if ((b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 >= 0x90)) return 0;
    return IsContinuation(text, i + 1) && IsContinuation(text, i + 2) && IsContinuation(text, i + 3)
               ? 4
               : 0;
  }
  return 0;
}

// U+2028 or U+2029 at text[i]: line terminators to JavaScript, which end Argdown's data token.
bool IsLineSeparator(std::string_view text, size_t i) {
  return ByteAt(text, i) == 0xE2 && ByteAt(text, i + 1) == 0x80 &&
         (ByteAt(text, i + 2) == 0xA8 || ByteAt(text, i + 2) == 0xA9);
}

void AppendUnicodeEscape(unsigned code, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  const char escape[] = {'\\', 'u', '0', '0', kHex[(code >> 4) & 0xF], kHex[code & 0xF]};
  out->append(escape, sizeof escape);
}

// ASCII that needs an escape: JSON's own, plus what kYamlSafe adds ('(' only after "@include",
// see FollowsIncludeKeyword).
constexpr bool NeedsEscape(unsigned c, bool yaml) {
  if (c < 0x20 || c == '"' || c == '\\') return true;
  return yaml && (c == '{' || c == '}' || c == '=' || c == 0x7F || c == '(');
}

void AppendAsciiEscape(unsigned c, std::string* out) {
  switch (c) {
    case '"':
      out->append("\\\"");
      return;
    case '\\':
      out->append("\\\\");
      return;
    case '\n':
      out->append("\\n");
      return;
    case '\r':
      out->append("\\r");
      return;
    case '\t':
      out->append("\\t");
      return;
    case '\b':
      out->append("\\b");
      return;
    case '\f':
      out->append("\\f");
      return;
    default:
      AppendUnicodeEscape(c, out);
  }
}

// Whether all eight bytes of `word` go out verbatim in JSON: ASCII from 0x20, neither '"' nor
// '\\' (the per-byte rule of NeedsEscape without yaml). SWAR: a byte's high bit is set in
// `below` when it is under 0x20, in `quote` / `backslash` when it equals that character.
bool EightVerbatim(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  uint64_t below = (word - kOnes * 0x20) & ~word;
  uint64_t quote = ((word ^ (kOnes * '"')) - kOnes) & ~(word ^ (kOnes * '"'));
  uint64_t backslash = ((word ^ (kOnes * '\\')) - kOnes) & ~(word ^ (kOnes * '\\'));
  return ((below | quote | backslash | word) & kHigh) == 0;
}

}  // namespace

bool FollowsIncludeKeyword(std::string_view text, size_t i) {
  constexpr std::string_view kInclude = "@include";
  return i >= kInclude.size() && text.substr(i - kInclude.size(), kInclude.size()) == kInclude;
}

bool AppendJsonString(std::string_view text, std::string* out, JsonStyle style) {
  // kVerbatim[yaml][c]: the ASCII bytes that go out as they are, one look-up each.
  static constexpr auto kVerbatim = [] {
    std::array<std::array<bool, 256>, 2> table{};
    for (unsigned c = 0; c < 0x80; ++c) {
      table[0][c] = !NeedsEscape(c, false);
      table[1][c] = !NeedsEscape(c, true);
    }
    return table;
  }();
  const bool yaml = style == JsonStyle::kYamlSafe;
  const std::array<bool, 256>& verbatim_byte = kVerbatim[yaml];
  bool valid = true;
  out->push_back('"');
  size_t verbatim = 0;  // start of the bytes not yet appended
  size_t i = 0;
  while (i < text.size()) {
    if (!yaml) {
      while (i + 8 <= text.size()) {
        uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        if (!EightVerbatim(word)) break;
        i += 8;
      }
      if (i == text.size()) break;
    }
    if (verbatim_byte[static_cast<unsigned char>(text[i])]) {
      ++i;
      continue;
    }
    if (text[i] == '(' && !FollowsIncludeKeyword(text, i)) {  // not verbatim under kYamlSafe
      ++i;
      continue;
    }
    unsigned c = ByteAt(text, i);
    size_t length = c < 0x80 ? 1 : Utf8SequenceLength(text, i);
    bool c1_control = yaml && c == 0xC2 && ByteAt(text, i + 1) < 0xA0;  // U+0080..U+009F
    bool line_separator = yaml && IsLineSeparator(text, i);
    if (c >= 0x80 && length != 0 && !c1_control && !line_separator) {
      i += length;
      continue;
    }
    out->append(text.substr(verbatim, i - verbatim));
    if (c < 0x80) {
      AppendAsciiEscape(c, out);
    } else if (c1_control && length == 2) {
      AppendUnicodeEscape(ByteAt(text, i + 1), out);
    } else if (line_separator) {
      out->append(ByteAt(text, i + 2) == 0xA8 ? "\\u2028" : "\\u2029");
    } else {
      out->append(kReplacementCharacter);
      length = 1;
      valid = false;
    }
    i += length;
    verbatim = i;
  }
  out->append(text.substr(verbatim));
  out->push_back('"');
  return valid;
}

bool AppendJsonValue(std::string_view json, std::string* out, JsonStyle style) {
  if (!nlohmann::json::accept(json.begin(), json.end())) {
    AppendJsonString(json, out, style);
    return false;
  }
  const bool yaml = style == JsonStyle::kYamlSafe;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (!in_string) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
      in_string = c == '"';
      out->push_back(c);
    } else if (c == '\\') {
      out->push_back(c);
      out->push_back(json[++i]);  // valid JSON: an escape always has its next character
    } else if (c == '"') {
      in_string = false;
      out->push_back(c);
    } else if (yaml && (c == '{' || c == '}' || c == '=' || c == 0x7F ||
                        (c == '(' && FollowsIncludeKeyword(*out, out->size())))) {
      AppendUnicodeEscape(static_cast<unsigned char>(c), out);
    } else if (yaml && ByteAt(json, i) == 0xC2 && ByteAt(json, i + 1) < 0xA0) {
      AppendUnicodeEscape(ByteAt(json, ++i), out);  // a C1 control character
    } else if (yaml && IsLineSeparator(json, i)) {
      out->append(ByteAt(json, i + 2) == 0xA8 ? "\\u2028" : "\\u2029");
      i += 2;
    } else {
      out->push_back(c);
    }
  }
  return true;
}

namespace {

// A set of node ids sized for one argument: a linear scan over an inline array for the usual
// handful of premises, a hash set only for large arguments, so that no allocation happens per
// ordinary argument.
class IdSet {
 public:
  explicit IdSet(size_t capacity) {
    if (capacity > kInline) large_.reserve(capacity);
  }
  bool Contains(NodeId id) const {
    if (size_ > kInline) return large_.count(id) != 0;
    return std::find(small_, small_ + size_, id) != small_ + size_;
  }
  // False if `id` was already there.
  bool Insert(NodeId id) {
    if (Contains(id)) return false;
    if (size_ < kInline) {
      small_[size_] = id;
    } else {
      if (size_ == kInline) large_.insert(small_, small_ + kInline);
      large_.insert(id);
    }
    ++size_;
    return true;
  }
  size_t size() const { return size_; }

 private:
  static constexpr size_t kInline = 16;
  NodeId small_[kInline] = {};
  size_t size_ = 0;
  std::unordered_set<NodeId> large_;
};

// Writes one map. Records are appended to a buffer that goes to the stream every kFlushBytes.
class MapJsonWriter {
 public:
  MapJsonWriter(const ArgumentMap& map, std::ostream& out) : map_(map), out_(out) {
    buffer_.reserve(kFlushBytes + 4096);
  }

  void Write() {
    buffer_.append("{\n  \"title\": ");
    AppendJsonString(map_.title(), &buffer_);
    buffer_.append(",\n  \"metadata\": ");
    Data(map_.metadata());
    buffer_.append(",\n  \"statements\": ");
    List(map_.statements(), [this](const Statement& s) { WriteStatement(s); });
    buffer_.append(",\n  \"arguments\": ");
    List(map_.arguments(), [this](const Argument& a) { WriteArgument(a); });
    buffer_.append(",\n  \"relations\": ");
    List(map_.relations(), [this](const Relation& r) { WriteRelation(r); });
    buffer_.append("\n}\n");
    Flush();
  }

 private:
  template <typename Records, typename WriteRecord>
  void List(const Records& records, WriteRecord write_record) {
    if (records.empty()) {
      buffer_.append("[]");
      return;
    }
    buffer_.push_back('[');
    bool first = true;
    for (const auto& record : records) {
      buffer_.append(first ? "\n    " : ",\n    ");
      first = false;
      write_record(record);
      if (buffer_.size() >= kFlushBytes) Flush();
    }
    buffer_.append("\n  ]");
  }

  void WriteStatement(const Statement& s) {
    Put("{\"title\": ");
    AppendJsonString(s.title, &buffer_);
    Put(", \"text\": ");
    AppendJsonString(s.text, &buffer_);
    Put(", \"role\": ");
    AppendJsonString(RoleName(s.role), &buffer_);
    Put(s.thesis ? ", \"thesis\": true" : ", \"thesis\": false");
    Put(", \"actor\": ");
    StringOrNull(s.actor);
    Put(", \"tags\": ");
    Tags(s.tags);
    Put(", \"data\": ");
    Data(s.data);
    Put(", \"section\": ");
    StringOrNull(s.section);
    Put(", \"source\": ");
    StringOrNull(s.source);
    Put(", \"quote\": ");
    StringOrNull(s.quote);
    buffer_.push_back('}');
  }

  void WriteArgument(const Argument& a) {
    Put("{\"title\": ");
    AppendJsonString(a.title, &buffer_);
    Put(", \"text\": ");
    AppendJsonString(a.text, &buffer_);
    Put(", \"premises\": ");
    Premises(a);
    Put(", \"conclusion\": ");
    TitleOrNull(a.conclusion());
    Put(", \"warrant\": ");
    TitleOrNull(a.warrant);
    Put(", \"steps\": [");
    for (size_t j = 0; j < a.steps.size(); ++j) {
      const InferenceStep& step = a.steps[j];
      Put(j == 0 ? "{\"premises\": " : ", {\"premises\": ");
      Titles(step.premises);
      Put(", \"conclusion\": ");
      TitleOrNull(step.conclusion);
      Put(", \"rule\": ");
      AppendJsonString(step.rule, &buffer_);
      buffer_.push_back('}');
    }
    Put("], \"tags\": ");
    Tags(a.tags);
    Put(", \"data\": ");
    Data(a.data);
    Put(", \"section\": ");
    StringOrNull(a.section);
    buffer_.push_back('}');
  }

  void WriteRelation(const Relation& r) {
    Put("{\"from\": ");
    AppendJsonString(map_.TitleOf(r.from), &buffer_);
    Put(", \"fromKind\": ");
    Kind(r.from);
    Put(", \"to\": ");
    AppendJsonString(map_.TitleOf(r.to), &buffer_);
    Put(", \"toKind\": ");
    Kind(r.to);
    Put(", \"type\": ");
    AppendJsonString(RelationName(r.type), &buffer_);
    buffer_.push_back('}');
  }

  // The premises of every step that are not the conclusion of an earlier step, each once.
  void Premises(const Argument& a) {
    size_t mentions = 0;
    for (const InferenceStep& step : a.steps) mentions += step.premises.size() + 1;
    IdSet concluded(mentions), listed(mentions);
    buffer_.push_back('[');
    for (const InferenceStep& step : a.steps) {
      for (NodeId p : step.premises) {
        if (concluded.Contains(p) || !listed.Insert(p)) continue;
        if (listed.size() > 1) buffer_.append(", ");
        AppendJsonString(map_.TitleOf(p), &buffer_);
      }
      concluded.Insert(step.conclusion);
    }
    buffer_.push_back(']');
  }

  void Titles(const std::vector<NodeId>& ids) {
    buffer_.push_back('[');
    for (size_t i = 0; i < ids.size(); ++i) {
      if (i > 0) buffer_.append(", ");
      AppendJsonString(map_.TitleOf(ids[i]), &buffer_);
    }
    buffer_.push_back(']');
  }

  void Tags(const std::vector<std::string>& tags) {
    buffer_.push_back('[');
    for (size_t i = 0; i < tags.size(); ++i) {
      if (i > 0) buffer_.append(", ");
      AppendJsonString(tags[i], &buffer_);
    }
    buffer_.push_back(']');
  }

  void Data(const DataEntries& data) {
    buffer_.push_back('{');
    for (size_t i = 0; i < data.size(); ++i) {
      if (i > 0) buffer_.append(", ");
      AppendJsonString(data[i].first, &buffer_);
      buffer_.append(": ");
      AppendJsonValue(data[i].second, &buffer_);
    }
    buffer_.push_back('}');
  }

  void Kind(NodeId id) {
    bool argument = map_.vertex(map_.VertexOf(id)).kind != NodeKind::kStatement;
    buffer_.append(argument ? "\"argument\"" : "\"statement\"");
  }

  void TitleOrNull(NodeId id) {
    if (id == kNoNode) {
      buffer_.append("null");
    } else {
      AppendJsonString(map_.TitleOf(id), &buffer_);
    }
  }

  void StringOrNull(const std::string& text) {
    if (text.empty()) {
      buffer_.append("null");
    } else {
      AppendJsonString(text, &buffer_);
    }
  }

  void Put(std::string_view literal) { buffer_.append(literal); }

  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

  const ArgumentMap& map_;
  std::ostream& out_;
  std::string buffer_;
};

}  // namespace

void WriteMapJson(const ArgumentMap& map, std::ostream& out) { MapJsonWriter(map, out).Write(); }

}  // namespace argmap
