// Argdown's data: the YAML inside `{...}` (flow style, or block style when a line break follows
// the `{`) and inside front matter (`=== ... ===`). Argdown reads both with js-yaml 4; this is
// the subset of YAML that argument maps use, read the way js-yaml reads it:
//  - block mappings and sequences by indentation, flow mappings `{a: b}` and sequences `[a, b]`;
//  - plain (multi-line, folded), 'single' and "double" quoted scalars, block scalars | and >;
//  - js-yaml's default schema for plain scalars: null, booleans, integers (0x, 0o, 0b), floats
//    (.inf, .nan), timestamps (as the ISO text JSON gives a JavaScript Date), else strings;
//  - # comments.
// Anchors, aliases, tags, merge keys (<<), directives and multiple documents are reported as
// unsupported. Nesting is limited to kMaxDataDepth levels, so no input drives the recursion deep.
//
// Internal to formats/ (uses nlohmann::ordered_json, which keeps the keys in written order).
// Thread-safety: the functions are reentrant.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace argmap {

using DataValue = nlohmann::ordered_json;

inline constexpr int kMaxDataDepth = 64;

struct DataError {
  size_t offset = 0;  // byte offset into the text given to the parse function
  std::string message;
};

// Parses one YAML document. An empty document gives null. False with *error on failure.
bool ParseYaml(std::string_view text, DataValue* value, DataError* error);

// Parses an Argdown Data token ("{...}", as DataPlugin does: block style when "{" is followed by
// a line break). Error offsets are relative to the token.
bool ParseArgdownData(std::string_view token, DataValue* value, DataError* error);

// Parses an Argdown FrontMatter token ("===\n...\n==="). Error offsets relative to the token.
bool ParseFrontMatter(std::string_view token, DataValue* value, DataError* error);

// lodash.merge(destination, source), as Argdown merges the data of a statement's members: plain
// objects and arrays merge element by element, anything else replaces.
void MergeData(DataValue* destination, const DataValue& source);

// JavaScript truthiness of a value (Argdown tests data.isCanonical and friends this way).
bool IsTruthy(const DataValue& value);

}  // namespace argmap
