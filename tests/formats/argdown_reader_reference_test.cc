// Compares ReadArgdown with the real Argdown CLI (@argdown/cli 1.7.5) on Argdown's own test files
// (tests/argdown-reference/corpus/) and on the reader's fixtures (tests/formats/fixtures/). The
// CLI's results were normalized and stored by tests/argdown-reference/regenerate.sh, so this test
// needs no Node. For a file Argdown accepts, argmap must find the same statements (title, text,
// section, role, tags, data), arguments (with their inference steps) and relations, and warn
// about the same undefined titles; for a file Argdown rejects, argmap must reject it too, with
// its first error on the line of Argdown's first error. kDifferences lists where argmap
// deliberately departs from Argdown (docs/argdown.md says why).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "formats/argdown_reader.h"

namespace argmap {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

struct Difference {
  const char* file;    // "corpus/NAME" or "fixtures/NAME"
  const char* reason;  // why argmap rejects a file that Argdown accepts
};

// Files Argdown accepts and argmap rejects, on purpose.
constexpr Difference kDifferences[] = {
    {"fixtures/diff-undercut-statement",
     "an undercut aimed at a statement is an error in argmap (SPEC §2); Argdown keeps it"},
    {"fixtures/diff-undercut-stale-inference",
     "`<_` under a statement outside a premise-conclusion structure: Argdown aims it at the last "
     "inference it read, of whichever argument; argmap reports it"},
    {"fixtures/diff-undercut-intermediate-inference",
     "an undercut of an intermediate inference step cannot be represented in argmap"},
    {"fixtures/diff-contradiction-argument",
     "a contradiction with an argument: only statements contradict in argmap"},
    {"fixtures/diff-two-roles", "two different roles for one statement are an error in argmap"},
    {"fixtures/diff-unknown-role", "role: must name one of argmap's roles"},
    {"fixtures/diff-heading-data", "data on a heading other than isGroup/isClosed is unsupported"},
    {"fixtures/diff-inference-data",
     "data on an inference line other than uses/from is unsupported"},
    {"fixtures/diff-model-setting", "front matter model settings other than mode are unsupported"},
    {"fixtures/diff-model-mode", "a model mode other than strict or loose is an error"},
    {"fixtures/diff-yaml-anchor", "YAML anchors and aliases in data are unsupported"},
    {"fixtures/diff-self-contradiction", "a statement cannot contradict itself in argmap"},
    {"fixtures/diff-invalid-utf8",
     "invalid UTF-8 is an error in argmap; Node reads it as U+FFFD replacement characters"},
};

const Difference* FindDifference(const std::string& name) {
  for (const Difference& d : kDifferences) {
    if (name == d.file) return &d;
  }
  return nullptr;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string NameOf(const ArgumentMap& map, NodeId id) {
  return map.statement(id) ? "[" + map.statement(id)->title + "]"
                           : "<" + map.argument(id)->title + ">";
}

json DataJson(const DataEntries& data) {
  json out = json::object();
  for (const auto& [key, value] : data) out[key] = json::parse(value);
  return out;
}

json StatementsJson(const ArgumentMap& map) {
  json out = json::array();
  for (const Statement& s : map.statements()) {
    out.push_back({{"title", s.title},
                   {"text", s.text},
                   {"section", s.section},
                   {"role", std::string(RoleName(s.role))},
                   {"thesis", s.thesis},
                   {"actor", s.actor},
                   {"source", s.source},
                   {"quote", s.quote},
                   {"tags", s.tags},
                   {"data", DataJson(s.data)}});
  }
  return out;
}

json ArgumentsJson(const ArgumentMap& map) {
  json out = json::array();
  for (const Argument& a : map.arguments()) {
    json steps = json::array();
    for (const InferenceStep& step : a.steps) {
      json premises = json::array();
      for (NodeId p : step.premises) premises.push_back(map.statement(p)->title);
      steps.push_back({{"premises", premises},
                       {"conclusion", map.statement(step.conclusion)->title},
                       {"rule", step.rule}});
    }
    out.push_back({{"title", a.title},
                   {"text", a.text},
                   {"section", a.section},
                   {"tags", a.tags},
                   {"data", DataJson(a.data)},
                   {"steps", steps}});
  }
  return out;
}

json SortedRelations(json relations) {
  std::vector<std::string> keys;
  for (const json& r : relations) keys.push_back(r.dump());
  std::sort(keys.begin(), keys.end());
  json out = json::array();
  for (const std::string& k : keys) out.push_back(json::parse(k));
  return out;
}

json RelationsJson(const ArgumentMap& map) {
  json out = json::array();
  for (const Relation& r : map.relations()) {
    std::string from = NameOf(map, r.from), to = NameOf(map, r.to);
    if (r.type == RelationType::kContradicts && to < from) std::swap(from, to);
    out.push_back({{"from", from}, {"type", std::string(RelationName(r.type))}, {"to", to}});
  }
  return SortedRelations(out);
}

// The titles named by "is never defined" warnings, in order.
json UndefinedJson(const std::vector<Diagnostic>& diagnostics) {
  json out = json::array();
  for (const Diagnostic& d : diagnostics) {
    size_t end = d.message.find(" is never defined");
    if (d.kind == Diagnostic::Kind::kWarning && end != std::string::npos) {
      out.push_back(d.message.substr(0, end));
    }
  }
  return out;
}

std::string Errors(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += FormatDiagnostic(d);
  return out;
}

void CompareWithReference(const std::string& name, const fs::path& file,
                          const fs::path& expected_path) {
  INFO("file: " << file.string());
  REQUIRE(fs::exists(expected_path));
  json expected = json::parse(ReadFile(expected_path));
  std::string text = ReadFile(file);
  ArgumentMap map;
  std::vector<Diagnostic> diagnostics;
  Status status = ReadArgdown(text, file.filename().string(), &map, &diagnostics);
  const Difference* difference = FindDifference(name);
  if (!expected["accepted"].get<bool>()) {
    INFO("Argdown rejects it: " << expected["errors"].dump());
    REQUIRE_FALSE(status.ok());
    REQUIRE_FALSE(diagnostics.empty());
    const json& first = expected["errors"][0];
    if (!first["line"].is_null()) CHECK(diagnostics[0].line == first["line"].get<int>());
    return;
  }
  if (difference) {
    INFO("argmap rejects it on purpose: " << difference->reason);
    CHECK_FALSE(status.ok());
    return;
  }
  INFO(Errors(diagnostics));
  REQUIRE(status.ok());
  CHECK(StatementsJson(map).dump(1) == expected["statements"].dump(1));
  CHECK(ArgumentsJson(map).dump(1) == expected["arguments"].dump(1));
  CHECK(RelationsJson(map).dump(1) == SortedRelations(expected["relations"]).dump(1));
  CHECK(UndefinedJson(diagnostics).dump() == expected["undefined"].dump());
  json metadata = DataJson(map.metadata());
  if (!map.title().empty()) metadata["title"] = map.title();
  CHECK(metadata.dump(1) == json(expected["metadata"]).dump(1));
}

void CompareDirectory(const std::string& kind, const fs::path& dir, size_t minimum_files) {
  const fs::path root = fs::path(ARGMAP_SOURCE_DIR) / "tests" / "argdown-reference" / "expected";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".argdown") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  CHECK(files.size() >= minimum_files);
  for (const fs::path& file : files) {
    std::string name = kind + "/" + file.stem().string();
    DYNAMIC_SECTION(name) {
      CompareWithReference(name, file, root / kind / (file.stem().string() + ".json"));
    }
  }
}

TEST_CASE("the reader agrees with the Argdown CLI on Argdown's corpus", "[formats][argdown]") {
  CompareDirectory("corpus", fs::path(ARGMAP_SOURCE_DIR) / "tests" / "argdown-reference" / "corpus",
                   27);
}

TEST_CASE("the reader agrees with the Argdown CLI on the reader's fixtures", "[formats][argdown]") {
  CompareDirectory("fixtures", fs::path(ARGMAP_SOURCE_DIR) / "tests" / "formats" / "fixtures", 1);
}

TEST_CASE("every deliberate difference names a fixture that Argdown accepts",
          "[formats][argdown]") {
  const fs::path root = fs::path(ARGMAP_SOURCE_DIR) / "tests" / "argdown-reference" / "expected";
  for (const Difference& d : kDifferences) {
    INFO(d.file);
    fs::path expected = root / (std::string(d.file) + ".json");
    REQUIRE(fs::exists(expected));
    CHECK(json::parse(ReadFile(expected))["accepted"].get<bool>());
  }
}

}  // namespace
}  // namespace argmap
