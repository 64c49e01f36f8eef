#include "formats/map_json.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "formats/argdown_reader.h"

namespace argmap {
namespace {

NodeId AddStatement(ArgumentMap& map, Statement s) {
  NodeId id = 0;
  Status status = map.AddStatement(std::move(s), &id);
  INFO(status.message());
  REQUIRE(status.ok());
  return id;
}

Statement Make(std::string title, std::string text, Role role = Role::kClaim) {
  Statement s;
  s.title = std::move(title);
  s.text = std::move(text);
  s.role = role;
  return s;
}

InferenceStep Step(std::vector<NodeId> premises, NodeId conclusion, std::string rule = "") {
  InferenceStep step;
  step.premises = std::move(premises);
  step.conclusion = conclusion;
  step.rule = std::move(rule);
  return step;
}

std::string Json(const ArgumentMap& map) {
  std::ostringstream out;
  WriteMapJson(map, out);
  return out.str();
}

// Every field the map JSON carries, with every role and relation.
void BuildExample(ArgumentMap& map) {
  map.set_title("EU in \"Central Asia\"");
  map.set_metadata({{"author", "\"Anna\""}, {"year", "2010"}});
  Statement security = Make("Security", "The EU seeks security.", Role::kObjective);
  security.actor = "EU";
  security.section = "Objectives";
  security.tags = {"goal", "two words"};
  security.data = {{"priority", "1"}};
  NodeId s_security = AddStatement(map, security);
  Statement democracy = Make("Democratization", "", Role::kObjective);
  democracy.actor = "EU";
  democracy.section = "Objectives";
  NodeId s_democracy = AddStatement(map, democracy);
  Statement bomca = Make("BOMCA", "Border Management in Central Asia.", Role::kAction);
  bomca.actor = "EU";
  bomca.source = "European Union 2007: 27";
  bomca.quote = "to \"secure\" borders";
  bomca.section = "Programme";
  bomca.data = {{"years", "[2003, [2007, 2013]]"}, {"funding source", "{\"eu\": true}"}};
  NodeId s_bomca = AddStatement(map, bomca);
  Statement resourcing = Make("Resourcing [it]", "Quotes \"x\", back\\slash, #hash, \xC3\xBC\tend");
  resourcing.thesis = true;
  NodeId s_resourcing = AddStatement(map, resourcing);
  NodeId s_grounds = AddStatement(map, Make("Grounds", "Aid goes to regimes.", Role::kEvidence));
  NodeId s_rule = AddStatement(map, Make("Rule", "Aid to regimes resources them.", Role::kWarrant));
  NodeId s_backing = AddStatement(map, Make("Backing", "Studies show it.", Role::kBacking));
  NodeId s_assumed = AddStatement(map, Make("Assumed", "Regimes persist.", Role::kAssumption));
  NodeId s_between = AddStatement(map, Make("Between", "Regimes get resources."));

  Argument focus;
  focus.title = "Border focus";
  focus.text = "Border aid resources regimes.";
  focus.steps = {Step({s_grounds, s_rule}, s_between, "modus ponens"),
                 Step({s_between, s_assumed, s_grounds}, s_resourcing)};
  focus.warrant = s_rule;
  focus.section = "Programme";
  focus.tags = {"core"};
  focus.data = {{"weight", "0.5"}};
  NodeId a_focus = 0;
  REQUIRE(map.AddArgument(focus, &a_focus).ok());
  Argument bare;
  bare.title = "Bare";
  NodeId a_bare = 0;
  REQUIRE(map.AddArgument(bare, &a_bare).ok());

  REQUIRE(map.AddRelation(RelationType::kSupports, s_bomca, s_security).ok());
  REQUIRE(map.AddRelation(RelationType::kAttacks, s_bomca, s_democracy).ok());
  REQUIRE(map.AddRelation(RelationType::kSupports, s_backing, s_rule).ok());
  REQUIRE(map.AddRelation(RelationType::kContradicts, s_assumed, s_democracy).ok());
  REQUIRE(map.AddRelation(RelationType::kUndercuts, a_bare, a_focus).ok());
  REQUIRE(map.AddRelation(RelationType::kAttacks, a_focus, s_democracy).ok());
}

TEST_CASE("map JSON carries every field in a fixed order", "[formats]") {
  ArgumentMap map;
  BuildExample(map);
  CHECK(Json(map) == R"({
  "title": "EU in \"Central Asia\"",
  "metadata": {"author": "Anna", "year": 2010},
  "statements": [
    {"title": "Security", "text": "The EU seeks security.", "role": "objective", "thesis": false, "actor": "EU", "tags": ["goal", "two words"], "data": {"priority": 1}, "section": "Objectives", "source": null, "quote": null},
    {"title": "Democratization", "text": "", "role": "objective", "thesis": false, "actor": "EU", "tags": [], "data": {}, "section": "Objectives", "source": null, "quote": null},
    {"title": "BOMCA", "text": "Border Management in Central Asia.", "role": "action", "thesis": false, "actor": "EU", "tags": [], "data": {"years": [2003,[2007,2013]], "funding source": {"eu":true}}, "section": "Programme", "source": "European Union 2007: 27", "quote": "to \"secure\" borders"},
    {"title": "Resourcing [it]", "text": "Quotes \"x\", back\\slash, #hash, ü\tend", "role": "claim", "thesis": true, "actor": null, "tags": [], "data": {}, "section": null, "source": null, "quote": null},
    {"title": "Grounds", "text": "Aid goes to regimes.", "role": "evidence", "thesis": false, "actor": null, "tags": [], "data": {}, "section": null, "source": null, "quote": null},
    {"title": "Rule", "text": "Aid to regimes resources them.", "role": "warrant", "thesis": false, "actor": null, "tags": [], "data": {}, "section": null, "source": null, "quote": null},
    {"title": "Backing", "text": "Studies show it.", "role": "backing", "thesis": false, "actor": null, "tags": [], "data": {}, "section": null, "source": null, "quote": null},
    {"title": "Assumed", "text": "Regimes persist.", "role": "assumption", "thesis": false, "actor": null, "tags": [], "data": {}, "section": null, "source": null, "quote": null},
    {"title": "Between", "text": "Regimes get resources.", "role": "claim", "thesis": false, "actor": null, "tags": [], "data": {}, "section": null, "source": null, "quote": null}
  ],
  "arguments": [
    {"title": "Border focus", "text": "Border aid resources regimes.", "premises": ["Grounds", "Rule", "Assumed"], "conclusion": "Resourcing [it]", "warrant": "Rule", "steps": [{"premises": ["Grounds", "Rule"], "conclusion": "Between", "rule": "modus ponens"}, {"premises": ["Between", "Assumed", "Grounds"], "conclusion": "Resourcing [it]", "rule": ""}], "tags": ["core"], "data": {"weight": 0.5}, "section": "Programme"},
    {"title": "Bare", "text": "", "premises": [], "conclusion": null, "warrant": null, "steps": [], "tags": [], "data": {}, "section": null}
  ],
  "relations": [
    {"from": "BOMCA", "fromKind": "statement", "to": "Security", "toKind": "statement", "type": "supports"},
    {"from": "BOMCA", "fromKind": "statement", "to": "Democratization", "toKind": "statement", "type": "attacks"},
    {"from": "Backing", "fromKind": "statement", "to": "Rule", "toKind": "statement", "type": "supports"},
    {"from": "Assumed", "fromKind": "statement", "to": "Democratization", "toKind": "statement", "type": "contradicts"},
    {"from": "Bare", "fromKind": "argument", "to": "Border focus", "toKind": "argument", "type": "undercuts"},
    {"from": "Border focus", "fromKind": "argument", "to": "Democratization", "toKind": "statement", "type": "attacks"}
  ]
}
)");
}

TEST_CASE("map JSON parses and keeps the SPEC's keys first", "[formats]") {
  ArgumentMap map;
  BuildExample(map);
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(Json(map));
  std::vector<std::string> keys;
  for (const auto& item : json["statements"][0].items()) keys.push_back(item.key());
  CHECK(keys == std::vector<std::string>{"title", "text", "role", "thesis", "actor", "tags", "data",
                                         "section", "source", "quote"});
  keys.clear();
  for (const auto& item : json["arguments"][0].items()) keys.push_back(item.key());
  CHECK(keys == std::vector<std::string>{"title", "text", "premises", "conclusion", "warrant",
                                         "steps", "tags", "data", "section"});
  CHECK(json["statements"][2]["data"]["years"][1][1] == 2013);
}

TEST_CASE("an empty map is an object with empty lists", "[formats]") {
  ArgumentMap map;
  CHECK(Json(map) == R"({
  "title": "",
  "metadata": {},
  "statements": [],
  "arguments": [],
  "relations": []
}
)");
}

TEST_CASE("a data value that is not JSON is written as a string", "[formats]") {
  ArgumentMap map;
  Statement s = Make("A", "a");
  s.data = {{"broken", "[1, 2"}, {"spaced", " { \"k\" : [ 1 , \"a b\" ] } "}};
  AddStatement(map, s);
  CHECK(Json(map).find(R"("data": {"broken": "[1, 2", "spaced": {"k":[1,"a b"]}})") !=
        std::string::npos);
}

TEST_CASE("JSON strings escape controls and replace invalid UTF-8", "[formats]") {
  std::string out;
  AppendJsonString("a\"b\\c\n\r\t\b\f\x01\x7F \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", &out);
  CHECK(out == "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\x7F \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");
  out.clear();
  // A stray continuation byte, a cut sequence, an overlong slash, a surrogate, a byte 0xFF.
  AppendJsonString("x\x80y\xE2\x82z\xC0\xAFw\xED\xA0\x80v\xFF", &out);
  CHECK(out ==
        "\"x\xEF\xBF\xBDy\xEF\xBF\xBD\xEF\xBF\xBDz\xEF\xBF\xBD\xEF\xBF\xBDw\xEF\xBF\xBD\xEF\xBF\xBD"
        "\xEF\xBF\xBDv\xEF\xBF\xBD\"");
}

TEST_CASE("JSON strings match nlohmann's escaping at every position of an 8-byte word",
          "[formats]") {
  // The fast path skips eight verbatim bytes at a time; each special byte is tried at every
  // offset of the first three words, after and before plain text.
  const std::vector<std::string> specials = {"\"",   "\\",   "\n",       std::string(1, '\0'),
                                             "\x1F", "\x7F", "\xC3\xA9", "\xE2\x82\xAC",
                                             "\x80", " ",    "~",        "!"};
  size_t mismatches = 0;
  for (const std::string& special : specials) {
    for (size_t at = 0; at < 24; ++at) {
      std::string text = std::string(at, 'a') + special + std::string(19, 'z');
      std::string out;
      AppendJsonString(text, &out);
      std::string expected = nlohmann::ordered_json(text).dump(
          -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
      if (out != expected) {
        ++mismatches;
        UNSCOPED_INFO("special byte(s) at " << at << ": " << out << " != " << expected);
      }
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("YAML-safe JSON escapes braces, equals signs and non-printables in strings",
          "[formats]") {
  std::string out;
  AppendJsonString("{a} == b\x7F\xC2\x85\xC2\xA0", &out, JsonStyle::kYamlSafe);
  CHECK(out == "\"\\u007ba\\u007d \\u003d\\u003d b\\u007f\\u0085\xC2\xA0\"");
  out.clear();
  CHECK(AppendJsonValue(R"( {"k=": ["}", {"x": 1}]} )", &out, JsonStyle::kYamlSafe));
  CHECK(out == R"({"k\u003d":["\u007d",{"x":1}]})");
  out.clear();
  CHECK(AppendJsonValue(R"("a \" } b")", &out, JsonStyle::kYamlSafe));
  CHECK(out == R"("a \" \u007d b")");
}

// The text of the first ```lang block after `after` in `markdown`, "" if there is none.
std::string CodeBlock(const std::string& markdown, const std::string& lang,
                      const std::string& after) {
  size_t start = markdown.find("```" + lang + "\n", markdown.find(after));
  if (start == std::string::npos) return "";
  start += lang.size() + 4;
  size_t end = markdown.find("```\n", start);
  return end == std::string::npos ? "" : markdown.substr(start, end - start);
}

TEST_CASE("the example in docs/json.md is what the writer produces", "[formats]") {
  std::ifstream in(ARGMAP_SOURCE_DIR "/docs/json.md");
  std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string argdown = CodeBlock(doc, "argdown", "## Example");
  std::string json = CodeBlock(doc, "json", "exports as:");
  REQUIRE(!argdown.empty());
  REQUIRE(!json.empty());
  ArgumentMap map;
  std::vector<Diagnostic> diagnostics;
  REQUIRE(ReadArgdown(argdown, "json.md", &map, &diagnostics).ok());
  CHECK(diagnostics.empty());
  CHECK(Json(map) == json);
}

}  // namespace
}  // namespace argmap
