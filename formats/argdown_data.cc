#include "formats/argdown_data.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>

namespace argmap {
namespace {

constexpr size_t npos = std::string_view::npos;

bool IsSpace(char c) { return c == ' ' || c == '\t'; }
bool IsBreak(char c) { return c == '\n' || c == '\r'; }
bool IsFlowIndicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y += (m - 1) / 12;  // JavaScript's Date.UTC carries a month beyond 12 into the year
  m = (m - 1) % 12 + 1;
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string IsoFromMillis(int64_t ms) {
  int64_t days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
  int64_t rest = ms - days * 86400000;
  // civil_from_days
  int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buffer[128];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lldZ",
                static_cast<long long>(y), static_cast<long long>(m), static_cast<long long>(d),
                static_cast<long long>(rest / 3600000), static_cast<long long>(rest / 60000 % 60),
                static_cast<long long>(rest / 1000 % 60), static_cast<long long>(rest % 1000));
  return buffer;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// js-yaml's timestamp type: YYYY-MM-DD, or with a time [Tt ]h:mm:ss(.frac)?( ?(Z|±h(:mm)?))?
std::optional<std::string> ResolveTimestamp(std::string_view s) {
  if (s.size() < 8 || !AllDigits(s.substr(0, 4)) || s[4] != '-') return std::nullopt;
  size_t i = 5;
  auto number = [&](size_t min, size_t max, int64_t* out) {
    size_t start = i;
    while (i < s.size() && i - start < max && s[i] >= '0' && s[i] <= '9') ++i;
    if (i - start < min) return false;
    *out = std::atoll(std::string(s.substr(start, i - start)).c_str());
    return true;
  };
  int64_t year = std::atoll(std::string(s.substr(0, 4)).c_str()), month, day;
  if (s.size() == 10) {  // the date form needs exactly two digits for month and day
    if (!AllDigits(s.substr(5, 2)) || s[7] != '-' || !AllDigits(s.substr(8, 2)))
      return std::nullopt;
    month = std::atoll(std::string(s.substr(5, 2)).c_str());
    day = std::atoll(std::string(s.substr(8, 2)).c_str());
    return IsoFromMillis(DaysFromCivil(year, month, day) * 86400000);
  }
  if (!number(1, 2, &month) || i >= s.size() || s[i++] != '-' || !number(1, 2, &day)) {
    return std::nullopt;
  }
  if (i >= s.size()) return std::nullopt;
  if (s[i] == 'T' || s[i] == 't') {
    ++i;
  } else if (IsSpace(s[i])) {
    while (i < s.size() && IsSpace(s[i])) ++i;
  } else {
    return std::nullopt;
  }
  int64_t hour, minute, second, millis = 0;
  if (!number(1, 2, &hour) || i >= s.size() || s[i++] != ':' || !number(2, 2, &minute) ||
      i >= s.size() || s[i++] != ':' || !number(2, 2, &second)) {
    return std::nullopt;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    std::string fraction;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') fraction += s[i++];
    fraction = (fraction + "000").substr(0, 3);
    millis = std::atoll(fraction.c_str());
  }
  int64_t offset_minutes = 0;
  while (i < s.size() && IsSpace(s[i])) ++i;
  if (i < s.size()) {
    if (s[i] == 'Z') {
      ++i;
    } else if (s[i] == '+' || s[i] == '-') {
      int sign = s[i++] == '-' ? -1 : 1;
      int64_t tz_hour, tz_minute = 0;
      if (!number(1, 2, &tz_hour)) return std::nullopt;
      if (i < s.size() && s[i] == ':') {
        ++i;
        if (!number(2, 2, &tz_minute)) return std::nullopt;
      }
      offset_minutes = sign * (tz_hour * 60 + tz_minute);
    } else {
      return std::nullopt;
    }
  }
  if (i != s.size()) return std::nullopt;
  int64_t ms = DaysFromCivil(year, month, day) * 86400000 + hour * 3600000 + minute * 60000 +
               second * 1000 + millis - offset_minutes * 60000;
  return IsoFromMillis(ms);
}

// js-yaml's int type: [-+]? then 0, 0b..., 0x..., 0o... or decimal digits.
std::optional<DataValue> ResolveInteger(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int sign = 1;
  size_t i = 0;
  if (s[0] == '-' || s[0] == '+') {
    sign = s[0] == '-' ? -1 : 1;
    ++i;
  }
  std::string_view body = s.substr(i);
  int base = 10;
  if (body.size() > 2 && body[0] == '0' && (body[1] == 'b' || body[1] == 'x' || body[1] == 'o')) {
    base = body[1] == 'b' ? 2 : body[1] == 'x' ? 16 : 8;
    body = body.substr(2);
  }
  if (body.empty()) return std::nullopt;
  double value = 0;
  uint64_t exact = 0;
  bool fits = true;
  for (char c : body) {
    int digit = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : 99;
    if (digit >= base) return std::nullopt;
    value = value * base + digit;
    if (exact > (UINT64_MAX - static_cast<uint64_t>(digit)) / static_cast<uint64_t>(base)) {
      fits = false;
    }
    exact = exact * base + digit;
  }
  if (fits && exact <= static_cast<uint64_t>(INT64_MAX)) {
    return DataValue(sign * static_cast<int64_t>(exact));
  }
  if (base == 10) value = std::strtod(std::string(body).c_str(), nullptr);
  return DataValue(sign * value);
}

// js-yaml's float type.
std::optional<DataValue> ResolveFloat(std::string_view s) {
  std::string_view body = s;
  double sign = 1;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    sign = body[0] == '-' ? -1 : 1;
    body = body.substr(1);
  }
  if (body == ".inf" || body == ".Inf" || body == ".INF") {
    return DataValue(sign * std::numeric_limits<double>::infinity());
  }
  if ((s == ".nan" || s == ".NaN" || s == ".NAN")) return DataValue(std::nan(""));
  // [0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?  or  \.[0-9]+([eE][-+]?[0-9]+)? (the latter unsigned)
  size_t i = 0;
  size_t digits = 0;
  while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++digits;
  if (digits == 0 && (body.size() != s.size() || i >= body.size() || body[i] != '.')) {
    return std::nullopt;
  }
  if (i < body.size() && body[i] == '.') {
    ++i;
    size_t fraction = 0;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++fraction;
    if (digits == 0 && fraction == 0) return std::nullopt;
  }
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    ++i;
    if (i < body.size() && (body[i] == '-' || body[i] == '+')) ++i;
    size_t exponent = 0;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++exponent;
    if (exponent == 0) return std::nullopt;
  }
  if (i != body.size()) return std::nullopt;
  double value = sign * std::strtod(std::string(body).c_str(), nullptr);
  if (!std::isfinite(value)) return std::nullopt;
  // JavaScript has one number type: 1.5e3 is 1500, which JSON writes as an integer.
  if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0) {
    return DataValue(static_cast<int64_t>(value));
  }
  return DataValue(value);
}

DataValue ResolvePlain(std::string_view s) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  if (auto v = ResolveInteger(s)) return *v;
  if (auto v = ResolveFloat(s)) return *v;
  if (auto v = ResolveTimestamp(s)) return *v;
  return std::string(s);
}

// String(d) in JavaScript for a whole number d below 1e21 in magnitude: the shortest digits
// that read back as d, then zeros up to the decimal point (String(2 ** 60) is
// "1152921504606847000", not the exact 1152921504606846976).
std::string IntegralNumberText(double d) {
  if (d == 0) return "0";  // also -0
  char buffer[40];
  // Shortest round trip, as "-1.0248191152060862e+19".
  std::to_chars_result end =
      std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::scientific);
  std::string_view text(buffer, static_cast<size_t>(end.ptr - buffer));
  const size_t e = text.find('e');
  std::string out, digits;
  for (char c : text.substr(0, e)) {
    if (c == '-') out += c;
    if (c >= '0' && c <= '9') digits += c;
  }
  int exponent = 0;
  std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(),
                  exponent);
  // A whole number of magnitude at least 1: its integer part has exponent + 1 digits.
  out += digits;
  if (exponent + 1 > static_cast<int>(digits.size())) {
    out.append(static_cast<size_t>(exponent + 1) - digits.size(), '0');
  }
  return out;
}

// A mapping key as JavaScript makes it: String(value).
std::string KeyText(const DataValue& key) {
  if (key.is_string()) return key.get<std::string>();
  if (key.is_null()) return "null";
  if (key.is_number_float()) {
    double d = key.get<double>();
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    if (d == std::floor(d) && std::fabs(d) < 1e21) return IntegralNumberText(d);
  }
  return key.dump();
}

class YamlReader {
 public:
  explicit YamlReader(std::string_view text) : text_(text) {}

  bool ReadDocument(DataValue* value, DataError* error) {
    SkipBlankLines();
    if (AtEnd()) {
      *value = nullptr;
    } else if (Fail() || !ReadBlockNode(-1, value)) {
      return Report(error);
    }
    SkipBlankLines();
    if (!failed_ && !AtEnd()) SetError(pos_, "unexpected text after the data");
    if (failed_) return Report(error);
    return true;
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek(size_t k = 0) const { return pos_ + k < text_.size() ? text_[pos_ + k] : '\0'; }
  bool WsOrEolAt(size_t i) const {
    return i >= text_.size() || IsSpace(text_[i]) || IsBreak(text_[i]);
  }

  bool SetError(size_t offset, std::string message) {
    if (!failed_) {
      failed_ = true;
      error_ = DataError{offset, std::move(message)};
    }
    return false;
  }
  bool Fail() const { return failed_; }
  bool Report(DataError* error) {
    *error = error_;
    return false;
  }

  size_t LineStart(size_t p) const {
    while (p > 0 && !IsBreak(text_[p - 1])) --p;
    return p;
  }
  int Column(size_t p) const { return static_cast<int>(p - LineStart(p)); }

  void SkipLineBreak() {
    if (Peek() == '\r' && Peek(1) == '\n') {
      pos_ += 2;
    } else if (IsBreak(Peek())) {
      ++pos_;
    }
  }
  void SkipSpaces() {
    while (IsSpace(Peek())) ++pos_;
  }
  // At a comment, a line break or the end (after spaces).
  bool AtLineEnd() const {
    size_t i = pos_;
    while (i < text_.size() && IsSpace(text_[i])) ++i;
    return i >= text_.size() || IsBreak(text_[i]) || text_[i] == '#';
  }
  void SkipToLineEnd() {
    while (!AtEnd() && !IsBreak(Peek())) ++pos_;
  }
  // Skips blank and comment-only lines (and the rest of the current one, which must be blank or
  // a comment); leaves pos_ on the first non-space character of the next content line. Returns
  // that line's indentation, or -1 at the end of the text.
  int SkipBlankLines() {
    while (!AtEnd()) {
      size_t line = LineStart(pos_);
      size_t i = pos_;
      while (i < text_.size() && IsSpace(text_[i])) ++i;
      if (i >= text_.size()) {
        pos_ = i;
        break;
      }
      if (IsBreak(text_[i]) || (text_[i] == '#' && (i == line || IsSpace(text_[i - 1])))) {
        pos_ = i;
        SkipToLineEnd();
        SkipLineBreak();
        continue;
      }
      pos_ = i;
      for (size_t k = line; k < i; ++k) {
        if (text_[k] == '\t') {
          SetError(k, "a tab character may not indent data; use spaces");
          return -1;
        }
      }
      return static_cast<int>(i - line);
    }
    return -1;
  }

  bool Deeper() {
    if (++depth_ > kMaxDataDepth) {
      return SetError(pos_, "data nested deeper than " + std::to_string(kMaxDataDepth) + " levels");
    }
    return true;
  }

  bool CheckUnsupported() {
    char c = Peek();
    if (c == '&') return SetError(pos_, "unsupported: YAML anchors (&) in data");
    if (c == '*') return SetError(pos_, "unsupported: YAML aliases (*) in data");
    if (c == '!') return SetError(pos_, "unsupported: YAML tags (!) in data");
    if (c == '%') return SetError(pos_, "unsupported: YAML directives (%) in data");
    if (c == '@' || c == '`') {
      return SetError(pos_, std::string("a data value may not start with '") + c + "'");
    }
    if ((text_.substr(pos_, 3) == "---" || text_.substr(pos_, 3) == "...") && WsOrEolAt(pos_ + 3) &&
        Column(pos_) == 0) {
      return SetError(pos_, "unsupported: several YAML documents in data");
    }
    return true;
  }

  // A node in block context whose first character is at pos_.
  bool ReadBlockNode(int parent_indent, DataValue* out) {
    if (!Deeper()) return false;
    bool ok = ReadBlockNodeAt(parent_indent, out);
    --depth_;
    return ok;
  }

  bool ReadBlockNodeAt(int parent_indent, DataValue* out) {
    if (!CheckUnsupported()) return false;
    int column = Column(pos_);
    char c = Peek();
    if (c == '-' && WsOrEolAt(pos_ + 1)) return ReadBlockSequence(column, out);
    if (c == '|' || c == '>') return ReadBlockScalar(parent_indent, out);
    if (c == '[' || c == '{') {
      if (!ReadFlowNode(out)) return false;
      SkipSpaces();
      if (Peek() == ':' && WsOrEolAt(pos_ + 1)) {
        return SetError(pos_, "unsupported: a collection as a key in data");
      }
      return ExpectLineEnd();
    }
    size_t key_start = pos_;
    if (c == '"' || c == '\'') {
      std::string text;
      if (!ReadQuoted(&text)) return false;
      size_t after = pos_;
      SkipSpaces();
      if (Peek() == ':' && WsOrEolAt(pos_ + 1)) {
        ++pos_;
        return ReadBlockMapping(column, text, key_start, out);
      }
      pos_ = after;
      *out = text;
      return ExpectLineEnd();
    }
    size_t key_end = FindKeyIndicator(pos_);
    if (key_end != npos) {
      std::string key(Trim(text_.substr(pos_, key_end - pos_)));
      pos_ = key_end + 1;
      return ReadBlockMapping(column, KeyText(ResolvePlain(key)), key_start, out);
    }
    std::string plain;
    if (!ReadPlainBlock(parent_indent, &plain)) return false;
    *out = ResolvePlain(plain);
    return true;
  }

  static std::string_view Trim(std::string_view s) {
    while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
    return s;
  }

  // The ':' that makes the plain text starting at `from` a key: followed by a space or the line
  // end, before any " #" comment. npos if none on this line.
  size_t FindKeyIndicator(size_t from) const {
    for (size_t i = from; i < text_.size() && !IsBreak(text_[i]); ++i) {
      if (text_[i] == '#' && i > from && IsSpace(text_[i - 1])) return npos;
      if (text_[i] == ':' && WsOrEolAt(i + 1)) return i;
    }
    return npos;
  }

  bool ExpectLineEnd() {
    if (!AtLineEnd()) return SetError(pos_, "unexpected text in data");
    SkipSpaces();
    if (Peek() == '#') SkipToLineEnd();
    return true;
  }

  // After "key:" of a mapping whose keys stand in column `indent`.
  bool ReadBlockMapping(int indent, std::string key, size_t key_offset, DataValue* out) {
    *out = DataValue::object();
    while (true) {
      if (key == "<<") return SetError(key_offset, "unsupported: YAML merge keys (<<) in data");
      DataValue value;
      if (!ReadMappingValue(indent, &value)) return false;
      if (out->contains(key)) return SetError(key_offset, "duplicated key '" + key + "' in data");
      (*out)[key] = std::move(value);
      int next = SkipBlankLines();
      if (Fail()) return false;
      if (next < indent) return true;
      if (next > indent) return SetError(pos_, "bad indentation of a key in data");
      key_offset = pos_;
      if (Peek() == '"' || Peek() == '\'') {
        std::string text;
        if (!ReadQuoted(&text)) return false;
        SkipSpaces();
        if (!(Peek() == ':' && WsOrEolAt(pos_ + 1))) {
          return SetError(pos_, "expected ':' after a key in data");
        }
        ++pos_;
        key = text;
        continue;
      }
      if (!CheckUnsupported()) return false;
      if (Peek() == '-' && WsOrEolAt(pos_ + 1)) {
        return SetError(pos_, "a list item where a key was expected in data");
      }
      size_t colon = FindKeyIndicator(pos_);
      if (colon == npos) return SetError(pos_, "expected 'key: value' in data");
      key = KeyText(ResolvePlain(Trim(text_.substr(pos_, colon - pos_))));
      pos_ = colon + 1;
    }
  }

  bool ReadMappingValue(int indent, DataValue* out) {
    SkipSpaces();
    if (AtLineEnd()) {
      size_t here = pos_;
      int next = SkipBlankLines();
      if (Fail()) return false;
      if (next > indent) return ReadBlockNode(indent, out);
      if (next == indent && Peek() == '-' && WsOrEolAt(pos_ + 1)) {
        return ReadBlockNode(indent - 1, out);
      }
      pos_ = here;
      SkipToLineEnd();
      *out = nullptr;
      return true;
    }
    if (Peek() == '-' && WsOrEolAt(pos_ + 1)) {
      return SetError(pos_, "a list may not start on the line of its key in data");
    }
    if (Peek() != '"' && Peek() != '\'' && Peek() != '[' && Peek() != '{' &&
        FindKeyIndicator(pos_) != npos) {
      return SetError(FindKeyIndicator(pos_),
                      "a mapping may not start on the line of its key in data");
    }
    if (Peek() == '"' || Peek() == '\'') {
      if (!Deeper()) return false;
      std::string text;
      bool ok = ReadQuoted(&text);
      --depth_;
      if (!ok) return false;
      *out = text;
      return ExpectLineEnd();
    }
    return ReadBlockNode(indent, out);
  }

  // A block sequence whose "-" stand in column `indent`.
  bool ReadBlockSequence(int indent, DataValue* out) {
    *out = DataValue::array();
    while (true) {
      ++pos_;  // the '-'
      SkipSpaces();
      DataValue item;
      if (AtLineEnd()) {
        size_t here = pos_;
        int next = SkipBlankLines();
        if (Fail()) return false;
        if (next > indent) {
          if (!ReadBlockNode(indent, &item)) return false;
        } else {
          pos_ = here;
          SkipToLineEnd();
        }
      } else if (!ReadBlockNode(indent, &item)) {
        return false;
      }
      out->push_back(std::move(item));
      int next = SkipBlankLines();
      if (Fail()) return false;
      if (next < indent) return true;
      if (next > indent) return SetError(pos_, "bad indentation of a list item in data");
      if (!(Peek() == '-' && WsOrEolAt(pos_ + 1))) return true;
    }
  }

  // A plain scalar in block context, possibly continued on more indented lines.
  bool ReadPlainBlock(int parent_indent, std::string* out) {
    std::string text;
    size_t begin = pos_;
    while (!AtEnd() && !IsBreak(Peek())) {
      if (Peek() == '#' && pos_ > begin && IsSpace(text_[pos_ - 1])) break;
      ++pos_;
    }
    text = std::string(Trim(text_.substr(begin, pos_ - begin)));
    bool comment = Peek() == '#';
    while (!comment) {
      // Look ahead for a continuation line.
      size_t save = pos_;
      SkipToLineEnd();
      int blank_lines = 0;
      size_t line = pos_;
      int indent = -1;
      while (!AtEnd()) {
        SkipLineBreak();
        line = pos_;
        SkipSpaces();
        if (AtEnd() || IsBreak(Peek())) {
          ++blank_lines;
          continue;
        }
        indent = static_cast<int>(pos_ - line);
        break;
      }
      bool continues = indent > parent_indent && !AtEnd() && Peek() != '#' &&
                       FindKeyIndicator(pos_) == npos &&
                       !(Column(pos_) == 0 &&
                         (text_.substr(pos_, 3) == "---" || text_.substr(pos_, 3) == "..."));
      if (!continues) {
        pos_ = save;
        break;
      }
      text += blank_lines == 0 ? std::string(" ") : std::string(blank_lines, '\n');
      begin = pos_;
      while (!AtEnd() && !IsBreak(Peek())) {
        if (Peek() == '#' && IsSpace(text_[pos_ - 1])) {
          comment = true;
          break;
        }
        ++pos_;
      }
      text += Trim(text_.substr(begin, pos_ - begin));
    }
    if (comment) SkipToLineEnd();
    *out = std::move(text);
    return true;
  }

  // | or > with optional chomping (+ -) and indentation (1-9) indicators.
  bool ReadBlockScalar(int parent_indent, DataValue* out) {
    bool folded = Peek() == '>';
    ++pos_;
    char chomp = ' ';
    int explicit_indent = 0;
    for (int k = 0; k < 2; ++k) {
      if (Peek() == '+' || Peek() == '-') {
        chomp = Peek();
        ++pos_;
      } else if (Peek() >= '1' && Peek() <= '9') {
        explicit_indent = Peek() - '0';
        ++pos_;
      }
    }
    if (!ExpectLineEnd()) return false;
    SkipLineBreak();
    int base = explicit_indent > 0 ? std::max(parent_indent, 0) + explicit_indent : -1;
    std::vector<std::string_view> lines;  // content lines without the base indentation
    while (!AtEnd()) {
      size_t line = pos_;
      size_t i = pos_;
      while (i < text_.size() && text_[i] == ' ') ++i;
      bool blank = i >= text_.size() || IsBreak(text_[i]);
      int indent = static_cast<int>(i - line);
      if (!blank && base < 0) {
        if (indent <= parent_indent) break;
        base = indent;
      }
      if (!blank && indent < base) break;
      size_t end = i;
      while (end < text_.size() && !IsBreak(text_[end])) ++end;
      size_t from = std::min(line + static_cast<size_t>(std::max(base, 0)), end);
      lines.push_back(blank ? std::string_view() : text_.substr(from, end - from));
      pos_ = end;
      SkipLineBreak();
    }
    size_t trailing = 0;
    while (trailing < lines.size() && lines[lines.size() - 1 - trailing].empty()) ++trailing;
    size_t content = lines.size() - trailing;
    std::string text;
    for (size_t k = 0; k < content; ++k) {
      if (k > 0) {
        bool fold = folded && !lines[k].empty() && !lines[k - 1].empty() && lines[k][0] != ' ' &&
                    lines[k - 1][0] != ' ';
        text += fold ? " " : "\n";
      }
      text += lines[k];
    }
    if (folded) {
      // A run of n blank lines between folded lines gives n line breaks, not n + 1.
      std::string collapsed;
      for (size_t k = 0; k < text.size(); ++k) {
        if (text[k] == '\n' && k + 1 < text.size() && text[k + 1] == '\n' && k > 0 &&
            text[k - 1] != '\n' && k + 1 < text.size()) {
          size_t run = k;
          while (run < text.size() && text[run] == '\n') ++run;
          bool more_indented = run < text.size() && text[run] == ' ';
          collapsed.append(more_indented ? run - k : run - k - 1, '\n');
          k = run - 1;
          continue;
        }
        collapsed += text[k];
      }
      text = std::move(collapsed);
    }
    if (chomp == '+') {
      text += std::string(trailing + (content > 0 ? 1 : 0), '\n');
    } else if (chomp == ' ' && content > 0) {
      text += '\n';
    }
    *out = text;
    return true;
  }

  bool ReadQuoted(std::string* out) {
    char quote = Peek();
    size_t start = pos_;
    ++pos_;
    std::string text;
    while (true) {
      if (AtEnd()) return SetError(start, "unterminated quoted text in data");
      char c = Peek();
      if (c == quote) {
        if (quote == '\'' && Peek(1) == '\'') {
          text += '\'';
          pos_ += 2;
          continue;
        }
        ++pos_;
        break;
      }
      if (IsBreak(c)) {
        // Folding: trailing spaces go, a single break becomes a space, n blank lines n breaks.
        while (!text.empty() && IsSpace(text.back())) text.pop_back();
        int breaks = 0;
        while (IsBreak(Peek())) {
          SkipLineBreak();
          ++breaks;
          SkipSpaces();
        }
        text += breaks == 1 ? std::string(" ") : std::string(breaks - 1, '\n');
        continue;
      }
      if (quote == '"' && c == '\\') {
        if (!ReadEscape(&text)) return false;
        continue;
      }
      text += c;
      ++pos_;
    }
    *out = std::move(text);
    return true;
  }

  static void AppendUtf8(uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      *out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      *out += static_cast<char>(0xC0 | (cp >> 6));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      *out += static_cast<char>(0xE0 | (cp >> 12));
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      *out += static_cast<char>(0xF0 | (cp >> 18));
      *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool ReadEscape(std::string* text) {
    size_t start = pos_;
    ++pos_;  // the backslash
    char e = Peek();
    if (IsBreak(e)) {  // an escaped line break joins the lines
      SkipLineBreak();
      SkipSpaces();
      return true;
    }
    ++pos_;
    switch (e) {
      case '0':
        *text += '\0';
        return true;
      case 'a':
        *text += '\a';
        return true;
      case 'b':
        *text += '\b';
        return true;
      case 't':
      case '\t':
        *text += '\t';
        return true;
      case 'n':
        *text += '\n';
        return true;
      case 'v':
        *text += '\v';
        return true;
      case 'f':
        *text += '\f';
        return true;
      case 'r':
        *text += '\r';
        return true;
      case 'e':
        *text += '\x1B';
        return true;
      case ' ':
        *text += ' ';
        return true;
      case '"':
        *text += '"';
        return true;
      case '/':
        *text += '/';
        return true;
      case '\\':
        *text += '\\';
        return true;
      case 'N':
        AppendUtf8(0x85, text);
        return true;
      case '_':
        AppendUtf8(0xA0, text);
        return true;
      case 'L':
        AppendUtf8(0x2028, text);
        return true;
      case 'P':
        AppendUtf8(0x2029, text);
        return true;
      case 'x':
      case 'u':
      case 'U': {
        size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        for (size_t k = 0; k < digits; ++k) {
          char h = Peek();
          int v = h >= '0' && h <= '9'   ? h - '0'
                  : h >= 'a' && h <= 'f' ? h - 'a' + 10
                  : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                         : -1;
          if (v < 0) return SetError(start, "bad escape in quoted data text");
          cp = cp * 16 + static_cast<uint32_t>(v);
          ++pos_;
        }
        if (cp > 0x10FFFF) return SetError(start, "bad escape in quoted data text");
        AppendUtf8(cp, text);
        return true;
      }
      default:
        return SetError(start, "unknown escape in quoted data text");
    }
  }

  // Skips spaces, line breaks and comments inside a flow collection.
  void SkipFlowSpace() {
    while (!AtEnd()) {
      char c = Peek();
      if (IsSpace(c) || IsBreak(c)) {
        ++pos_;
      } else if (c == '#' && (pos_ == 0 || IsSpace(text_[pos_ - 1]) || IsBreak(text_[pos_ - 1]))) {
        SkipToLineEnd();
      } else {
        break;
      }
    }
  }

  bool ReadFlowNode(DataValue* out) {
    if (!Deeper()) return false;
    bool ok = ReadFlowNodeAt(out);
    --depth_;
    return ok;
  }

  bool ReadFlowNodeAt(DataValue* out) {
    if (!CheckUnsupported()) return false;
    char c = Peek();
    if (c == '[') return ReadFlowSequence(out);
    if (c == '{') return ReadFlowMapping(out);
    if (c == '"' || c == '\'') {
      std::string text;
      if (!ReadQuoted(&text)) return false;
      *out = text;
      return true;
    }
    std::string plain;
    if (!ReadPlainFlow(&plain)) return false;
    *out = ResolvePlain(plain);
    return true;
  }

  // A plain scalar inside [] or {}: up to , [ ] { }, a ':' value indicator or a comment.
  bool ReadPlainFlow(std::string* out) {
    std::string text;
    size_t start = pos_;
    while (!AtEnd()) {
      char c = Peek();
      if (IsFlowIndicator(c)) break;
      if (c == ':' && (WsOrEolAt(pos_ + 1) || IsFlowIndicator(Peek(1)))) break;
      if (c == '#' && pos_ > start && (IsSpace(text_[pos_ - 1]) || IsBreak(text_[pos_ - 1]))) break;
      if (IsBreak(c)) {
        while (!text.empty() && IsSpace(text.back())) text.pop_back();
        int breaks = 0;
        while (IsBreak(Peek()) || IsSpace(Peek())) {
          if (IsBreak(Peek())) {
            SkipLineBreak();
            ++breaks;
          } else {
            ++pos_;
          }
        }
        text += breaks == 1 ? std::string(" ") : std::string(breaks - 1, '\n');
        continue;
      }
      text += c;
      ++pos_;
    }
    while (!text.empty() && (IsSpace(text.back()) || text.back() == '\n')) text.pop_back();
    if (text.empty()) return SetError(start, "expected a value in data");
    *out = std::move(text);
    return true;
  }

  bool ReadFlowSequence(DataValue* out) {
    size_t start = pos_;
    ++pos_;
    *out = DataValue::array();
    while (true) {
      SkipFlowSpace();
      if (AtEnd()) return SetError(start, "unclosed '[' in data");
      if (Peek() == ']') {
        ++pos_;
        return true;
      }
      DataValue item;
      if (!ReadFlowNode(&item)) return false;
      SkipFlowSpace();
      if (Peek() == ':') {  // [a: b] is [{a: b}]
        ++pos_;
        SkipFlowSpace();
        DataValue value;
        if (Peek() != ',' && Peek() != ']' && !ReadFlowNode(&value)) return false;
        DataValue pair = DataValue::object();
        pair[KeyText(item)] = std::move(value);
        item = std::move(pair);
        SkipFlowSpace();
      }
      out->push_back(std::move(item));
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      if (Peek() == ']') continue;
      if (AtEnd()) return SetError(start, "unclosed '[' in data");
      return SetError(pos_, "expected ',' or ']' in data");
    }
  }

  bool ReadFlowMapping(DataValue* out) {
    size_t start = pos_;
    ++pos_;
    *out = DataValue::object();
    while (true) {
      SkipFlowSpace();
      if (AtEnd()) return SetError(start, "unclosed '{' in data");
      if (Peek() == '}') {
        ++pos_;
        return true;
      }
      size_t key_offset = pos_;
      DataValue key;
      if (Peek() == ':' && WsOrEolAt(pos_ + 1)) {
        key = nullptr;
      } else {
        if (Peek() == ',') return SetError(pos_, "expected a key in data");
        if (!ReadFlowNode(&key)) return false;
        if (key.is_object() || key.is_array()) {
          return SetError(key_offset, "unsupported: a collection as a key in data");
        }
      }
      SkipFlowSpace();
      DataValue value;
      if (Peek() == ':') {
        ++pos_;
        SkipFlowSpace();
        if (Peek() != ',' && Peek() != '}' && !ReadFlowNode(&value)) return false;
        SkipFlowSpace();
      }
      std::string name = KeyText(key);
      if (name == "<<") return SetError(key_offset, "unsupported: YAML merge keys (<<) in data");
      if (out->contains(name)) {
        return SetError(key_offset, "duplicated key '" + name + "' in data");
      }
      (*out)[name] = std::move(value);
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      if (Peek() == '}') continue;
      if (AtEnd()) return SetError(start, "unclosed '{' in data");
      return SetError(pos_, "expected ',' or '}' in data");
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
  int depth_ = 0;
  bool failed_ = false;
  DataError error_;
};

bool ParseShifted(std::string_view text, size_t base, DataValue* value, DataError* error) {
  if (ParseYaml(text, value, error)) return true;
  error->offset += base;
  return false;
}

}  // namespace

bool ParseYaml(std::string_view text, DataValue* value, DataError* error) {
  YamlReader reader(text);
  return reader.ReadDocument(value, error);
}

namespace {

// The shape most data in a map has, {key: "text", key: "text"}, read without the YAML reader:
// keys that are plain words of letters, digits and _ (not YAML's true, false or null), values in
// double quotes of printable ASCII without escapes, each key once. It gives what the YAML reader
// gives; false (and *value untouched) for anything else, which the YAML reader then reads.
bool ParseSimpleFlowMapping(std::string_view token, DataValue* value) {
  auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto is_word = [&](char c) { return is_letter(c) || (c >= '0' && c <= '9') || c == '_'; };
  auto skip_spaces = [&](size_t i) {
    while (i < token.size() && token[i] == ' ') ++i;
    return i;
  };
  if (token.size() < 2 || token.front() != '{' || token.back() != '}') return false;
  const size_t end = token.size() - 1;  // the closing brace
  DataValue object = DataValue::object();
  size_t i = skip_spaces(1);
  while (true) {
    if (i >= end || !is_letter(token[i])) return false;
    const size_t key_begin = i;
    while (i < end && is_word(token[i])) ++i;
    const std::string_view key = token.substr(key_begin, i - key_begin);
    if (key == "true" || key == "True" || key == "TRUE" || key == "false" || key == "False" ||
        key == "FALSE" || key == "null" || key == "Null" || key == "NULL") {
      return false;
    }
    if (i + 1 >= end || token[i] != ':' || token[i + 1] != ' ') return false;
    i = skip_spaces(i + 1);
    if (i >= end || token[i] != '"') return false;
    const size_t text_begin = ++i;
    while (i < end && token[i] != '"') {
      if (token[i] < 0x20 || token[i] > 0x7E || token[i] == '\\') return false;
      ++i;
    }
    if (i >= end) return false;
    const std::string_view text = token.substr(text_begin, i - text_begin);
    if (object.contains(key)) return false;  // the YAML reader's error about it
    object.emplace(std::string(key), std::string(text));
    i = skip_spaces(i + 1);
    if (i == end) break;
    if (token[i] != ',') return false;
    i = skip_spaces(i + 1);
  }
  *value = std::move(object);
  return true;
}

}  // namespace

bool ParseArgdownData(std::string_view token, DataValue* value, DataError* error) {
  if (ParseSimpleFlowMapping(token, value)) return true;
  // DataPlugin: /^{[ \t]*(\n\r|\n)/ switches to block format; /}\s*$/ goes at the end.
  size_t i = 1;
  while (i < token.size() && IsSpace(token[i])) ++i;
  size_t prefix = 0;
  if (token.substr(i, 2) == "\n\r") {
    prefix = i + 2;
  } else if (i < token.size() && token[i] == '\n') {
    prefix = i + 1;
  }
  if (prefix == 0) return ParseShifted(token, 0, value, error);
  return ParseShifted(token.substr(prefix, token.size() - 1 - prefix), prefix, value, error);
}

bool ParseFrontMatter(std::string_view token, DataValue* value, DataError* error) {
  // DataPlugin: /^\s*\={3,}/ and /\={3,}\s*$/ are cut off.
  size_t begin = 0;
  while (begin < token.size() && token[begin] == '=') ++begin;
  size_t end = token.size();
  while (end > begin && token[end - 1] == '=') --end;
  if (token.size() - end < 3) end = token.size();  // a short closing run stays text
  return ParseShifted(token.substr(begin, end - begin), begin, value, error);
}

void MergeData(DataValue* destination, const DataValue& source) {
  if (source.is_object()) {
    if (!destination->is_object()) *destination = DataValue::object();
    for (auto it = source.begin(); it != source.end(); ++it) {
      MergeData(&(*destination)[it.key()], it.value());
    }
    return;
  }
  if (source.is_array()) {
    if (!destination->is_array()) *destination = DataValue::array();
    for (size_t i = 0; i < source.size(); ++i) {
      if (i >= destination->size()) destination->push_back(nullptr);
      MergeData(&(*destination)[i], source[i]);
    }
    return;
  }
  *destination = source;
}

bool IsTruthy(const DataValue& value) {
  if (value.is_null()) return false;
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_number_integer()) return value.get<int64_t>() != 0;
  if (value.is_number_float()) {
    double d = value.get<double>();
    return d != 0 && !std::isnan(d);
  }
  if (value.is_string()) return !value.get<std::string>().empty();
  return true;
}

}  // namespace argmap
