#include "formats/argdown_writer.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
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

NodeId AddArgument(ArgumentMap& map, Argument a) {
  NodeId id = 0;
  Status status = map.AddArgument(std::move(a), &id);
  INFO(status.message());
  REQUIRE(status.ok());
  return id;
}

void AddRelation(ArgumentMap& map, RelationType type, NodeId from, NodeId to) {
  Status status = map.AddRelation(type, from, to);
  INFO(status.message());
  REQUIRE(status.ok());
}

Statement Make(std::string title, std::string text, Role role = Role::kClaim,
               std::string section = "") {
  Statement s;
  s.title = std::move(title);
  s.text = std::move(text);
  s.role = role;
  s.section = std::move(section);
  return s;
}

InferenceStep Step(std::vector<NodeId> premises, NodeId conclusion, std::string rule = "") {
  InferenceStep step;
  step.premises = std::move(premises);
  step.conclusion = conclusion;
  step.rule = std::move(rule);
  return step;
}

std::string Argdown(const ArgumentMap& map) {
  std::ostringstream out;
  WriteArgdown(map, out);
  return out.str();
}

// Every role, thesis, actor, source, quote, tags, data, sections, a two-step argument with a
// rule and a warrant, all four relations, and a text full of Argdown syntax. Everything here can
// be expressed in Argdown, so the map survives a round trip.
void BuildExample(ArgumentMap& map) {
  map.set_title("EU in \"Central Asia\"");
  map.set_metadata({{"author", "\"Anna = A\""},
                    {"year", "2010"},
                    {"model", "{\"mode\": \"loose\"}"},
                    {"odd key", "[\"}\"]"}});
  Statement security = Make("Security", "The EU seeks security.", Role::kObjective, "Objectives");
  security.actor = "EU";
  security.tags = {"goal", "two words"};
  security.data = {{"priority", "1"}};
  NodeId s_security = AddStatement(map, security);
  Statement democracy = Make("Democratization", "", Role::kObjective, "Objectives");
  democracy.actor = "EU";
  NodeId s_democracy = AddStatement(map, democracy);
  Statement bomca =
      Make("BOMCA", "Border Management in Central Asia.", Role::kAction, "Programme \\ #1");
  bomca.actor = "EU";
  bomca.source = "European Union 2007: 27";
  bomca.quote = "to \"secure\" borders {really}";
  bomca.data = {{"years", "[2003, [2007, 2013]]"}, {"funding source", "{\"eu\": true}"}};
  NodeId s_bomca = AddStatement(map, bomca);
  Statement resourcing = Make("Resourcing \"it\" <x> #1 \xC3\xBC",
                              "Quotes \"x\", back\\slash, #hash, [ref] <arg> {d} *e* _u_ x_y // c "
                              "/* c */ === \xC3\xBC\tend .A. :+1: e.g. 10:30:45 ..A.");
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
                 Step({s_between, s_assumed}, s_resourcing)};
  focus.warrant = s_rule;
  focus.section = "Programme \\ #1";
  focus.tags = {"core"};
  focus.data = {{"weight", "0.5"}};
  NodeId a_focus = AddArgument(map, focus);
  Argument bare;
  bare.title = "Bare";
  NodeId a_bare = AddArgument(map, bare);

  AddRelation(map, RelationType::kSupports, s_bomca, s_security);
  AddRelation(map, RelationType::kAttacks, s_bomca, s_democracy);
  AddRelation(map, RelationType::kSupports, s_backing, s_rule);
  AddRelation(map, RelationType::kContradicts, s_assumed, s_democracy);
  AddRelation(map, RelationType::kUndercuts, a_bare, a_focus);
  AddRelation(map, RelationType::kAttacks, s_grounds, a_bare);
}

TEST_CASE("the Argdown writer writes every field of a map", "[formats]") {
  ArgumentMap map;
  BuildExample(map);
  CHECK(Argdown(map) == R"(===
title: "EU in \"Central Asia\""
author: "Anna \u003d A"
year: 2010
model: {"mode":"loose"}
"odd key": ["\u007d"]
===

[Resourcing "it" <x> #1 ü]: Quotes "x", back\\slash, \#hash, \[ref\] \<arg\> \{d\} \*e\* \_u\_ x\_y \// c \/\* c \*/ \=== ü	end \.A. \:+1: e.g. 10:30:45 ..A. #thesis

[Grounds]: Aid goes to regimes. #evidence

[Rule]: Aid to regimes resources them. #warrant

[Backing]: Studies show it. #backing

[Assumed]: Regimes persist. #assumption

[Between]: Regimes get resources.

<Bare>

# Objectives

[Security]: The EU seeks security. #objective #goal #(two words) {actor: "EU", priority: 1}

[Democratization] #objective {actor: "EU"}

# Programme \\ \#1

[BOMCA]: Border Management in Central Asia. #action {actor: "EU", source: "European Union 2007: 27", quote: "to \"secure\" borders \u007breally\u007d", years: [2003,[2007,2013]], "funding source": {"eu":true}}

<Border focus>: Border aid resources regimes. #core {weight: 0.5}

(1) [Grounds]
(2) [Rule]
-- modus ponens --
(3) [Between]
(4) [Assumed]
----
(5) [Resourcing "it" <x> #1 ü]

[BOMCA]
  +> [Security]
  -> [Democratization]

[Backing]
  +> [Rule]

[Assumed]
  >< [Democratization]

<Bare>
  _> <Border focus>

[Grounds]
  -> <Bare>
)");
}

TEST_CASE("an empty map gives an empty Argdown file", "[formats]") {
  ArgumentMap map;
  CHECK(Argdown(map) == "");
  map.set_metadata({{"model", R"({"mode": "strict"})"}});  // nothing left to write
  CHECK(Argdown(map) == "");
}

TEST_CASE("the Argdown writer replaces what Argdown cannot express", "[formats]") {
  ArgumentMap map;
  map.set_metadata({{"title", "\"From metadata\""}, {"model", "{\"mode\": \"strict\"}"}});
  NodeId a = AddStatement(map, Make("A", "in one", Role::kClaim, "One"));
  NodeId b = AddStatement(map, Make("B", "in two", Role::kClaim, "Two"));
  NodeId c = AddStatement(map, Make("C", "in one again", Role::kClaim, "One"));
  NodeId d = AddStatement(map, Make("D", "no section"));
  Statement tags = Make("Tags", "  ");
  tags.tags = {"plain-tag_1", "with space", "paren)", "line\nbreak", "\xC3\xBC"};
  AddStatement(map, tags);
  NodeId odd = AddStatement(map, Make("Odd]title\nhere", "line one\nline two\r\nthree\rfour"));
  Argument argument;
  argument.title = "Arg>x";
  argument.section = "Two";
  argument.steps = {Step({a, b}, c, "rule -- with {data} // and /* more .->. .->."),
                    Step({a, c}, d, "r2"), Step({b, d}, odd)};
  NodeId arg = AddArgument(map, argument);
  AddRelation(map, RelationType::kSupports, a, b);
  AddRelation(map, RelationType::kSupports, b, c);
  AddRelation(map, RelationType::kAttacks, a, c);
  AddRelation(map, RelationType::kUndercuts, d, arg);
  CHECK(Argdown(map) == R"(===
title: "From metadata"
===

[D]: no section

[Tags] #plain-tag_1 #(with space) #(paren）) #(line break) #(ü)

[Odd］title here]: line one line two three four

# One

[A]: in one

[C]: in one again

# Two

[B]: in two

<Arg＞x>

(1) [A]
(2) [B]
-- rule \-- with \{data\} \// and \/* more \.->. \.->. --
(3) [C]
-- r2 {uses: [1, 3]} --
(4) [D]
-- {uses: [2, 4]} --
(5) [Odd］title here]

[A]
  +> [B]

[B]
  +> [C]

[A]
  -> [C]

[D]
  _> <Arg＞x>
)");
}

TEST_CASE("statements are defined before anything refers to them", "[formats]") {
  ArgumentMap map;
  Argument only;  // the first node, in a section of its own
  only.title = "Only argument";
  only.text = "gist";
  only.section = "Arguments only";
  AddArgument(map, only);
  NodeId early = AddStatement(map, Make("Early", "e", Role::kClaim, "One"));
  NodeId late = AddStatement(map, Make("Late", "l", Role::kClaim, "Two"));
  NodeId loose = AddStatement(map, Make("Loose", "no section"));
  Argument forward;  // in section One, concluding a statement of section Two
  forward.title = "Forward";
  forward.section = "One";
  forward.steps = {Step({early}, late)};
  AddArgument(map, forward);
  Argument backward;  // in section Two, using a statement of section One
  backward.title = "Backward";
  backward.section = "Two";
  backward.steps = {Step({early, loose}, late)};
  AddArgument(map, backward);
  Argument unsectioned;  // without section: cannot move behind a heading
  unsectioned.title = "Unsectioned";
  unsectioned.steps = {Step({loose}, late)};
  AddArgument(map, unsectioned);
  CHECK(Argdown(map) == R"([Loose]: no section

<Unsectioned>

(1) [Loose]
----
(2) [Late]

# One

[Early]: e

# Two

[Late]: l

<Backward>

(1) [Early]
(2) [Loose]
----
(3) [Late]

# Arguments only

<Only argument>: gist

# One

<Forward>

(1) [Early]
----
(2) [Late]
)");
}

TEST_CASE("data keys that YAML would misread are quoted", "[formats]") {
  ArgumentMap map;
  Statement s = Make("A", "a");
  s.data = {{"plain_key-1", "1"}, {"Yes", "2"},
            {"null", "3"},        {"1st", "4"},
            {"a:b", "5"},         {"nested", "{\"list\": [\"x y\", {\"deep\": [null]}]}"},
            {"bad", "[1,"}};
  AddStatement(map, s);
  CHECK(Argdown(map) ==
        "[A]: a {plain_key-1: 1, \"Yes\": 2, \"null\": 3, \"1st\": 4, \"a:b\": 5, "
        "nested: {\"list\":[\"x y\",{\"deep\":[null]}]}, bad: \"[1,\"}\n");
}

// A data value in a canonical form: parsed and dumped, so that "[1, 2]" equals "[1,2]".
std::string CanonicalJson(const std::string& text) {
  nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
  return value.is_discarded() ? "(not JSON) " + text : value.dump();
}

std::string Describe(const DataEntries& data) {
  std::string out = "{";
  for (const auto& [key, value] : data) out += key + ": " + CanonicalJson(value) + "; ";
  return out + "}";
}

std::string Describe(const std::vector<std::string>& tags) {
  std::string out = "[";
  for (const std::string& tag : tags) out += tag + "; ";
  return out + "]";
}

// Every field of every node and relation, keyed by node kind and title, so that two maps can be
// compared whatever their ids and order.
std::map<std::string, std::string> Describe(const ArgumentMap& map) {
  std::map<std::string, std::string> out;
  DataEntries metadata;
  for (const auto& [key, value] : map.metadata()) {
    // The writer drops `mode: strict`, which would reinterpret the relations it writes.
    if (key != "model" || CanonicalJson(value) != R"({"mode":"strict"})") {
      metadata.emplace_back(key, value);
    }
  }
  out["map"] = "title: " + map.title() + " metadata: " + Describe(metadata);
  for (const Statement& s : map.statements()) {
    out["[" + s.title + "]"] = "text: " + s.text + "\nrole: " + std::string(RoleName(s.role)) +
                               "\nthesis: " + (s.thesis ? "yes" : "no") + "\nactor: " + s.actor +
                               "\nsource: " + s.source + "\nquote: " + s.quote +
                               "\nsection: " + s.section + "\ntags: " + Describe(s.tags) +
                               "\ndata: " + Describe(s.data);
  }
  for (const Argument& a : map.arguments()) {
    std::string steps;
    for (const InferenceStep& step : a.steps) {
      steps += "\nstep:";
      for (NodeId p : step.premises) steps += " [" + std::string(map.TitleOf(p)) + "]";
      steps += " -- " + step.rule + " -- [" + std::string(map.TitleOf(step.conclusion)) + "]";
    }
    std::string warrant = a.warrant == kNoNode ? "" : std::string(map.TitleOf(a.warrant));
    out["<" + a.title + ">"] = "text: " + a.text + "\nsection: " + a.section +
                               "\ntags: " + Describe(a.tags) + "\ndata: " + Describe(a.data) +
                               "\nwarrant: " + warrant + steps;
  }
  std::string relations;
  for (const Relation& r : map.relations()) {
    relations += map.DisplayName(r.from) + " " + std::string(RelationName(r.type)) + " " +
                 map.DisplayName(r.to) + "\n";
  }
  out["relations"] = relations;
  return out;
}

// What differs between two maps, one line per node or relation list, empty if they are equal.
std::string Differences(const ArgumentMap& expected, const ArgumentMap& actual) {
  std::map<std::string, std::string> want = Describe(expected), have = Describe(actual);
  std::string out;
  for (const auto& [key, value] : want) {
    auto it = have.find(key);
    if (it == have.end()) {
      out += key + " is missing\n";
    } else if (it->second != value) {
      out += key + " differs:\n" + value + "\n  became\n" + it->second + "\n";
    }
  }
  for (const auto& [key, value] : have) {
    if (!want.count(key)) out += key + " is new\n";
  }
  return out;
}

// Reads `text`; *report, when given, receives the diagnostics, formatted.
Status Read(const std::string& text, const std::string& name, ArgumentMap* map,
            std::string* report = nullptr) {
  std::vector<Diagnostic> diagnostics;
  Status status = ReadArgdown(text, name, map, &diagnostics);
  for (const Diagnostic& d : diagnostics) {
    if (report) *report += FormatDiagnostic(d) + "\n";
  }
  return status;
}

// Writes `map`, reads the text back, and checks that the result is the same map and writes the
// same text.
void CheckRoundTrip(const ArgumentMap& map, const std::string& name) {
  std::string written = Argdown(map);
  ArgumentMap reread;
  std::string diagnostics;
  Status status = Read(written, name, &reread, &diagnostics);
  INFO(name << ":\n" << written);
  INFO(status.message() << "\n" << diagnostics);
  REQUIRE(status.ok());
  CHECK(Differences(map, reread) == "");
  CHECK(Argdown(reread) == written);
}

TEST_CASE("the Argdown writer's output reads back to the same map", "[formats]") {
  ArgumentMap map;
  BuildExample(map);
  CheckRoundTrip(map, "example.argdown");
}

TEST_CASE("dots and colons: shortcodes are escaped, other .x. spans kept as they are",
          "[formats]") {
  ArgumentMap map;
  // A span `.x.` or `:x:` is one token to Argdown, read without escapes; a shortcode in it
  // becomes a symbol. U+00A0 (no-break space) ends a span as a space does.
  AddStatement(map, Make("Spans",
                         "v1.2*3.0 a.\\b. x:#y: z .A. :+1:x :up: ..A. 10:30:45 "
                         ".A\xC2\xA0.A. *.[]. e.g."));
  CHECK(Argdown(map) ==
        "[Spans]: v1.2*3.0 a.\\b. x:#y: z \\.A. \\:+1:x \\:up: ..A. 10:30:45 .A\xC2\xA0\\.A. "
        "\\*\\.\\[\\]. e.g.\n");
  CheckRoundTrip(map, "spans.argdown");
}

TEST_CASE("random texts and rules of Argdown syntax read back as written", "[formats]") {
  // Seeded, so the same texts every run. Line breaks become spaces and the reader trims texts,
  // so the texts here have neither at their ends.
  const std::vector<std::string> atoms = {
      "a",   "b",  " ",  ".",  ":",    "\\",      "[",    "]",  "<",      ">",  "#",
      "*",   "_",  "{",  "}",  "/",    "=",       "-",    "+",  ",",      ";",  "(",
      ")",   "@",  "\"", "'",  "A",    "up",      "+1",   "->", "\t",     "  ", "\xC3\xBC",
      "===", "//", "/*", "*/", "<!--", "--",      "e.g.", "#(", "[x](y)", "@[", "\xF0\x9F\x98\x80",
      "**",  "__", ". ", ": ", ", ",   "@include"};
  std::mt19937 random(20240601);
  auto random_text = [&] {
    std::string text = "x";
    for (size_t n = 1 + random() % 12; n > 0; --n) text += atoms[random() % atoms.size()];
    return text + "y";
  };
  for (int round = 0; round < 300; ++round) {
    ArgumentMap map;
    std::vector<NodeId> ids;
    for (int k = 0; k < 3; ++k)
      ids.push_back(AddStatement(map, Make("S" + std::to_string(k), random_text())));
    Argument argument;
    argument.title = "A";
    argument.text = random_text();
    argument.steps = {Step({ids[0], ids[1]}, ids[2], random_text())};
    AddArgument(map, argument);
    CheckRoundTrip(map, "random-" + std::to_string(round) + ".argdown");
  }
}

TEST_CASE("no @include( is written: texts, rules, data and sections keep theirs escaped",
          "[formats]") {
  // Argdown's CLI would read `@include(` up to any later `)` of the file as a file to include
  // (and argmap's reader rejects it), so the writer never writes one.
  ArgumentMap map;
  map.set_metadata({{"note", "\"see @include(x\""}});
  Statement s =
      Make("S", "Write @include( here, and @include(file) there.", Role::kClaim, "Part @include(1");
  s.data = {{"k@include(", "\"@include(v\""}, {"list", "[\"@include(w)\"]"}};
  s.source = "@include(source";
  NodeId a = AddStatement(map, s);
  NodeId b = AddStatement(map, Make("T", "then"));
  Argument argument;
  argument.title = "A";
  argument.steps = {Step({a}, b, "rule @include(r")};
  AddArgument(map, argument);
  std::string written = Argdown(map);
  CHECK(written.find("@include(") == std::string::npos);
  CHECK(written.find("Write @include\\( here, and @include\\(file) there.") != std::string::npos);
  CHECK(written.find("\"see @include\\u0028x\"") != std::string::npos);
  CheckRoundTrip(map, "include.argdown");
}

TEST_CASE("@include( in a title or tag is written with a fullwidth parenthesis", "[formats]") {
  ArgumentMap map;  // titles are read without escapes, tags up to their `)`
  Statement s = Make("Claim@include( 468", "Text.");
  s.tags = {"t@include(x"};
  NodeId a = AddStatement(map, s);
  Argument argument;
  argument.title = "Arg @include(y";
  AddArgument(map, argument);
  AddRelation(map, RelationType::kSupports, a, map.FindArgument("Arg @include(y")->id);
  std::string written = Argdown(map);
  CHECK(written ==
        "[Claim@include\xEF\xBC\x88 468]: Text. #(t@include\xEF\xBC\x88x)\n\n"
        "<Arg @include\xEF\xBC\x88y>\n\n[Claim@include\xEF\xBC\x88 468]\n"
        "  +> <Arg @include\xEF\xBC\x88y>\n");
  ArgumentMap reread;
  std::string diagnostics;
  Status status = Read(written, "include-titles.argdown", &reread, &diagnostics);
  INFO(status.message() << "\n" << diagnostics);
  REQUIRE(status.ok());
  CHECK(reread.FindStatement("Claim@include\xEF\xBC\x88 468") != nullptr);
}

TEST_CASE("a line separator in a title becomes a space", "[formats]") {
  ArgumentMap map;  // JavaScript's `.` does not match U+2028, so Argdown's title would end there
  AddStatement(map, Make("Line\xE2\x80\xA8separator", "t"));
  CHECK(Argdown(map) == "[Line separator]: t\n");
}

TEST_CASE("every Argdown file of the tree that the reader accepts survives read, write, read",
          "[formats]") {
  // Argdown's own test files and debates, the reader's fixtures, the examples.
  std::vector<std::filesystem::path> files;
  for (const char* folder :
       {"/tests/argdown-reference/corpus", "/tests/formats/fixtures", "/examples"}) {
    std::filesystem::path path = std::string(ARGMAP_SOURCE_DIR) + folder;
    if (!std::filesystem::is_directory(path)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
      if (entry.path().extension() == ".argdown") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  size_t accepted = 0;
  for (const std::filesystem::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ArgumentMap map;
    if (!Read(text, file.filename().string(), &map).ok()) continue;
    ++accepted;
    CheckRoundTrip(map, file.filename().string());
  }
  CHECK(accepted >= 40);
}

}  // namespace
}  // namespace argmap
