// The text and JSON renderings of findings.
#include "formats/findings_writer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "graph/checks.h"
#include "tests/graph/checks_builder.h"

namespace argmap {
namespace {

using testing::MapBuilder;

// BOMCA promotes Security through a two-step argument and hinders Democracy; one thesis without
// support; one orphan.
ArgumentMap Sample(bool reversed) {
  MapBuilder b;
  std::vector<std::pair<std::string, Role>> statements = {
      {"BOMCA", Role::kAction},          {"Security", Role::kObjective},
      {"Democracy", Role::kObjective},   {"Border controls", Role::kClaim},
      {"Fewer smugglers", Role::kClaim}, {"Regime resources", Role::kClaim},
      {"Stray \"note\"", Role::kClaim}};
  if (reversed) std::reverse(statements.begin(), statements.end());
  for (const auto& [title, role] : statements) b.Add(title, role);
  b.Argument("Controls work",
             {{{"Border controls"}, "Fewer smugglers"}, {{"Fewer smugglers"}, "Security"}});
  std::vector<std::pair<std::string, std::string>> supports = {{"[BOMCA]", "[Border controls]"},
                                                               {"[BOMCA]", "[Regime resources]"}};
  if (reversed) std::reverse(supports.begin(), supports.end());
  for (const auto& [from, to] : supports) b.Supports(from, to);
  b.Attacks("[Regime resources]", "[Democracy]");
  return std::move(b.map);
}

std::vector<Finding> Findings(const ArgumentMap& map) {
  std::vector<Finding> findings;
  REQUIRE(RunChecks(map, CheckOptions{{"objective-conflict", "orphan", "missing-warrant"}, -1},
                    &findings)
              .ok());
  return findings;
}

std::string Text(const ArgumentMap& map, bool color = false) {
  std::ostringstream out;
  WriteFindingsText(map, Findings(map), TextStyle{color}, out);
  return out.str();
}

std::string Json(const ArgumentMap& map) {
  std::ostringstream out;
  WriteFindingsJson(map, Findings(map), out);
  return out.str();
}

// A JSON value on one line with ", " and ": " between items, strings as nlohmann writes them
// (invalid UTF-8 replaced): the oracle for the writer's lines.
std::string OneLine(const nlohmann::ordered_json& value) {
  std::string out;
  if (value.is_array()) {
    out += '[';
    for (size_t i = 0; i < value.size(); ++i) out += (i ? ", " : "") + OneLine(value[i]);
    return out + ']';
  }
  if (value.is_object()) {
    out += '{';
    bool first = true;
    for (const auto& [key, item] : value.items()) {
      out += (first ? "" : ", ") + nlohmann::ordered_json(key).dump() + ": " + OneLine(item);
      first = false;
    }
    return out + '}';
  }
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// The report's layout for a parsed report: one finding per line, the summary on one line.
std::string Layout(const nlohmann::ordered_json& report) {
  std::string out = "{\n  \"findings\": [";
  const auto& findings = report["findings"];
  for (size_t i = 0; i < findings.size(); ++i) {
    out += (i ? ",\n    " : "\n    ") + OneLine(findings[i]);
  }
  out += findings.empty() ? "]" : "\n  ]";
  return out + ",\n  \"summary\": " + OneLine(report["summary"]) + "\n}\n";
}

// Both ways of writing titles (a table made first, or each quoted where it is named).
std::string JsonBothWays(const ArgumentMap& map, const std::vector<Finding>& findings) {
  std::ostringstream with_table, without;
  WriteFindingsJson(map, findings, with_table, TitleTable::kAlways);
  WriteFindingsJson(map, findings, without, TitleTable::kNever);
  CHECK(with_table.str() == without.str());
  return with_table.str();
}

TEST_CASE("text output: one block per finding, then the summary", "[formats]") {
  ArgumentMap map = Sample(false);
  CHECK(Text(map) ==
        "error objective-conflict: [BOMCA] promotes [Security] but hinders [Democracy].\n"
        "  + [BOMCA] --supports--> [Border controls] --premise--> <Controls work> step 1 "
        "--conclusion--> [Fewer smugglers] --premise--> <Controls work> --conclusion--> "
        "[Security]\n"
        "  - [BOMCA] --supports--> [Regime resources] --attacks--> [Democracy]\n"
        "\n"
        "info missing-warrant: No premise of <Controls work> is a warrant, so nothing says why "
        "[Security] follows from [Border controls].\n"
        "  + [Border controls] --premise--> <Controls work> step 1 --conclusion--> "
        "[Fewer smugglers]\n"
        "  + [Fewer smugglers] --premise--> <Controls work> --conclusion--> [Security]\n"
        "\n"
        "info orphan: [Stray \"note\"] has no relation to anything else in the map.\n"
        "\n"
        "1 error, 0 warnings, 2 infos\n");
}

TEST_CASE("text output in colour marks severity, id and path signs", "[formats]") {
  ArgumentMap map = Sample(false);
  std::vector<Finding> findings = Findings(map);
  findings.resize(1);
  findings[0].evidence.resize(2);
  std::ostringstream out;
  WriteFindingsText(map, findings, TextStyle{true}, out);
  CHECK(out.str() ==
        "\033[1;31merror\033[0m \033[1mobjective-conflict\033[0m: [BOMCA] promotes [Security] "
        "but hinders [Democracy].\n"
        "  \033[32m+\033[0m [BOMCA] --supports--> [Border controls] --premise--> <Controls work> "
        "step 1 --conclusion--> [Fewer smugglers] --premise--> <Controls work> --conclusion--> "
        "[Security]\n"
        "  \033[31m-\033[0m [BOMCA] --supports--> [Regime resources] --attacks--> [Democracy]\n"
        "\n"
        "1 error, 0 warnings, 0 infos\n");
}

TEST_CASE("JSON output has the shape of SPEC §4; a step shows as its argument", "[formats]") {
  ArgumentMap map = Sample(false);
  CHECK(Json(map) == R"({
  "findings": [
    {"check": "objective-conflict", "severity": "error", "nodes": ["BOMCA", "Democracy", "Security"], "message": "[BOMCA] promotes [Security] but hinders [Democracy].", "evidence": [[{"from": "BOMCA", "relation": "supports", "sign": "+", "to": "Border controls"}, {"from": "Border controls", "relation": "premise", "sign": "+", "to": "Controls work"}, {"from": "Controls work", "relation": "conclusion", "sign": "+", "to": "Fewer smugglers"}, {"from": "Fewer smugglers", "relation": "premise", "sign": "+", "to": "Controls work"}, {"from": "Controls work", "relation": "conclusion", "sign": "+", "to": "Security"}], [{"from": "BOMCA", "relation": "supports", "sign": "+", "to": "Regime resources"}, {"from": "Regime resources", "relation": "attacks", "sign": "-", "to": "Democracy"}]]},
    {"check": "missing-warrant", "severity": "info", "nodes": ["Controls work"], "message": "No premise of <Controls work> is a warrant, so nothing says why [Security] follows from [Border controls].", "evidence": [[{"from": "Border controls", "relation": "premise", "sign": "+", "to": "Controls work"}, {"from": "Controls work", "relation": "conclusion", "sign": "+", "to": "Fewer smugglers"}], [{"from": "Fewer smugglers", "relation": "premise", "sign": "+", "to": "Controls work"}, {"from": "Controls work", "relation": "conclusion", "sign": "+", "to": "Security"}]]},
    {"check": "orphan", "severity": "info", "nodes": ["Stray \"note\""], "message": "[Stray \"note\"] has no relation to anything else in the map.", "evidence": []}
  ],
  "summary": {"error": 1, "warning": 0, "info": 2}
}
)");
  CHECK(JsonBothWays(map, Findings(map)) == Json(map));
}

TEST_CASE("JSON output holds what nlohmann writes for the same values, for any text", "[formats]") {
  MapBuilder b;
  b.Thesis("Quote \" and backslash \\");
  b.Claim("Line\nbreak\tand \x01 control");
  b.Claim("Unicode é — 東京");
  b.Claim("Invalid \xff byte, cut \xE2\x82 sequence");
  b.Add("Survey \"2020\"", Role::kEvidence);
  b.Argument("Step <one>", {{{"Line\nbreak\tand \x01 control"}, "Unicode é — 東京"},
                            {{"Unicode é — 東京"}, "Quote \" and backslash \\"}});
  b.Supports("[Invalid \xff byte, cut \xE2\x82 sequence]", "[Line\nbreak\tand \x01 control]");
  b.Attacks("[Survey \"2020\"]", "[Quote \" and backslash \\]");
  std::vector<Finding> findings;
  REQUIRE(RunChecks(b.map, CheckOptions{}, &findings).ok());
  findings.push_back(Finding{"no-thesis", Severity::kInfo, {}, "No nodes, no evidence.", {}});
  std::string json = JsonBothWays(b.map, findings);
  // U+FFFD for the byte, and one (as nlohmann writes it) for the cut sequence.
  CHECK(json.find("Invalid \xEF\xBF\xBD byte, cut \xEF\xBF\xBD sequence") != std::string::npos);
  CHECK(json.find("\"Line\\nbreak\\tand \\u0001 control\"") != std::string::npos);
  auto parsed = nlohmann::ordered_json::parse(json);
  CHECK(Layout(parsed) == json);
  CHECK(parsed["findings"].size() == findings.size());
  // missing-warrant, unsourced-evidence and the added one; unanswered-objection, unsupported.
  CHECK(parsed["summary"]["info"] == 3);
  CHECK(parsed["summary"]["warning"] == 2);
}

TEST_CASE("a JSON report of many findings, written in blocks on two threads, is laid out as one",
          "[formats]") {
  // 40,000 evidence statements without source, each supporting the objective: more blocks of
  // the writer (about 1 MB of JSON each) than it formats ahead of the writing, so that blocks
  // meet on both threads and wait for their buffers.
  MapBuilder b;
  b.Objective("Goal");
  for (int i = 0; i < 40000; ++i) {
    std::string title = "Evidence " + std::to_string(i) + " from the survey of the border region" +
                        (i % 3 == 0 ? " \xE2\x82" : "");
    b.Add(title, Role::kEvidence);
    b.Supports("[" + title + "]", "[Goal]");
  }
  std::vector<Finding> findings;
  REQUIRE(RunChecks(b.map, CheckOptions{}, &findings).ok());
  std::string json = JsonBothWays(b.map, findings);
  REQUIRE(json.size() > 6 * (1 << 20));  // the blocks are cut by an estimate below this
  auto parsed = nlohmann::ordered_json::parse(json);
  CHECK(Layout(parsed) == json);
  REQUIRE(parsed["findings"].size() == findings.size());
  for (size_t i = 0; i < findings.size(); i += 997) {
    std::string message = findings[i].message;
    if (size_t cut = message.find("\xE2\x82"); cut != std::string::npos) {
      message.replace(cut, 2, "\xEF\xBF\xBD");  // one U+FFFD, as nlohmann replaces it
    }
    CHECK(parsed["findings"][i]["message"] == message);
  }
}

TEST_CASE("no findings: only the summary", "[formats]") {
  ArgumentMap map;
  std::ostringstream text, json;
  WriteFindingsText(map, {}, TextStyle{}, text);
  WriteFindingsJson(map, {}, json);
  CHECK(text.str() == "0 errors, 0 warnings, 0 infos\n");
  CHECK(json.str() ==
        "{\n  \"findings\": [],\n  \"summary\": {\"error\": 0, \"warning\": 0, \"info\": 0}\n}\n");
}

TEST_CASE("the same map built in another order gives the same bytes", "[formats]") {
  ArgumentMap forward = Sample(false);
  ArgumentMap backward = Sample(true);
  REQUIRE(forward.FindStatement("BOMCA")->id != backward.FindStatement("BOMCA")->id);
  CHECK(Text(forward) == Text(backward));
  CHECK(Json(forward) == Json(backward));
}

TEST_CASE("one path printer: steps in walking order, nothing for the empty path", "[formats]") {
  MapBuilder b;
  b.Claim("X");
  b.Claim("Y");
  b.Link("[X]", RelationType::kContradicts, "[Y]");
  NodeId x = b.Id("[X]"), y = b.Id("[Y]");
  CHECK(FormatEvidencePath(b.map, {PathStep{y, RelationType::kContradicts, -1, x}}) ==
        "[Y] --contradicts--> [X]");
  CHECK(FormatEvidencePath(b.map, {}).empty());
}

}  // namespace
}  // namespace argmap
