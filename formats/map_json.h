// Map JSON: an argument map as one JSON object in the stable shape of SPEC §4 (documented in
// docs/json.md), plus the JSON text primitives that argmap's writers share.
//
// The writers are free functions over a const ArgumentMap: they hold no state between calls and
// may run concurrently on the same map. Output is deterministic (same map, same bytes) and is
// produced in one linear pass, buffered and streamed to the ostream.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "graph/argument_map.h"

namespace argmap {

// Writes `map` as JSON: {"title", "metadata", "statements", "arguments", "relations"}, each list
// in the map's stored order (ascending ids), one record per line. See docs/json.md.
void WriteMapJson(const ArgumentMap& map, std::ostream& out);

enum class JsonStyle {
  kPlain,
  // Also usable as a YAML flow value inside Argdown's `{...}` data and `===` front matter: `{`,
  // `}` and `=` inside strings, DEL, C1 control characters and U+2028/U+2029 are written as \u
  // escapes, so that Argdown's lexer cannot end a data block or front matter inside a string.
  kYamlSafe,
};

// Whether text[0, i) ends with "@include": a '(' at i would start what Argdown's CLI reads as
// a file to include (`@include(` up to the next `)` anywhere after it), so argmap's writers
// escape or replace that '(' (JsonStyle::kYamlSafe writes it as \u0028).
bool FollowsIncludeKeyword(std::string_view text, size_t i);

// Appends `text` as a JSON string literal: quotes, backslashes and control characters escaped,
// other UTF-8 kept as is, each byte of invalid UTF-8 replaced by U+FFFD. Returns false when it
// replaced something (valid UTF-8 gives the bytes nlohmann::json::dump(-1) gives).
bool AppendJsonString(std::string_view text, std::string* out, JsonStyle style = JsonStyle::kPlain);

// Appends the JSON text `json` (a DataEntries value) compacted: whitespace outside strings
// dropped, strings kept except for what `style` escapes. Text that is not valid JSON is appended
// as a JSON string instead, and the function returns false.
bool AppendJsonValue(std::string_view json, std::string* out, JsonStyle style = JsonStyle::kPlain);

}  // namespace argmap
