// Tests of the DOT writer. Whole pictures are compared byte for byte with the golden files in
// tests/formats/golden/*.dot. To regenerate them after an intended change of the picture, run
//   ARGMAP_UPDATE_GOLDEN=1 ./build/test_formats "[dot]"
// then review `git diff tests/formats/golden` (the run fails while it rewrites files, so that it
// is never mistaken for a passing one).
#include "formats/dot_writer.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "formats/argdown_reader.h"
#include "graph/checks.h"
#include "tests/formats/dot_review_test_support.h"

namespace argmap {
namespace {

using dot_review_test::MapBuilder;

namespace fs = std::filesystem;

const fs::path kGoldenDir = fs::path(ARGMAP_SOURCE_DIR) / "tests" / "formats" / "golden";
constexpr char kDot[] = "/usr/bin/dot";

std::string Dot(const ArgumentMap& map, const DotOptions& options = {}) {
  std::ostringstream out;
  WriteDot(map, options, out);
  return out.str();
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Compares text with the golden file `name`, or rewrites the file when ARGMAP_UPDATE_GOLDEN is
// set.
void CheckGolden(const std::string& name, const std::string& text) {
  fs::path path = kGoldenDir / name;
  if (std::getenv("ARGMAP_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << text;
    FAIL("rewrote " << path.string() << "; unset ARGMAP_UPDATE_GOLDEN and run again");
  }
  REQUIRE(fs::exists(path));
  CHECK(text == ReadFile(path));
}

bool DotInstalled() { return fs::exists(kDot); }

// Runs Graphviz on a DOT file; returns its exit status and fills *svg and *errors.
int RenderSvg(const fs::path& dot_file, std::string* svg, std::string* errors) {
  fs::path dir = fs::temp_directory_path();
  fs::path svg_file = dir / ("argmap-dot-test-" + dot_file.stem().string() + ".svg");
  fs::path err_file = dir / ("argmap-dot-test-" + dot_file.stem().string() + ".err");
  std::string command = std::string(kDot) + " -Tsvg '" + dot_file.string() + "' -o '" +
                        svg_file.string() + "' 2>'" + err_file.string() + "'";
  int status = std::system(command.c_str());
  *svg = ReadFile(svg_file);
  *errors = ReadFile(err_file);
  fs::remove(svg_file);
  fs::remove(err_file);
  return status;
}

TEST_CASE("every node kind and relation has its own look", "[dot]") {
  ArgumentMap map;
  map.set_title("Kinds");
  MapBuilder b(&map);
  NodeId thesis = b.Statement("Thesis", "The claim the author asserts.", Role::kClaim, true);
  NodeId claim = b.Statement("Claim", "A plain claim.");
  NodeId evidence = b.Statement("Evidence", "Data.", Role::kEvidence);
  b.SetSource(evidence, "Report 2007: 27", "the quote");
  NodeId warrant = b.Statement("Warrant", "If data, then claim.", Role::kWarrant);
  NodeId backing = b.Statement("Backing", "Why the warrant holds.", Role::kBacking);
  NodeId assumption = b.Statement("Assumption", "Taken for granted.", Role::kAssumption);
  NodeId objective = b.Statement("Security", "Security in the region.", Role::kObjective);
  b.SetActor(objective, "EU");
  NodeId action = b.Statement("BOMCA", "Border management programme.", Role::kAction);
  b.SetActor(action, "EU");
  NodeId argument =
      b.Argument("Inference", "From data to claim.", {evidence, warrant}, claim, warrant);
  b.Relate(RelationType::kSupports, claim, thesis);
  b.Relate(RelationType::kSupports, backing, warrant);
  b.Relate(RelationType::kAttacks, assumption, claim);
  b.Relate(RelationType::kUndercuts, assumption, argument);
  b.Relate(RelationType::kContradicts, claim, objective);
  b.Relate(RelationType::kSupports, action, objective);
  CheckGolden("kinds.dot", Dot(map));
  CHECK(DotNodeCount(map, {}) == 9);
}

TEST_CASE("a multi-step argument draws each earlier step as a numbered circle", "[dot]") {
  ArgumentMap map;
  MapBuilder b(&map);
  NodeId p1 = b.Statement("P1", "First premise.");
  NodeId p2 = b.Statement("P2", "Second premise.");
  NodeId mid = b.Statement("Mid", "Intermediate conclusion.");
  NodeId w = b.Statement("W", "The rule.", Role::kWarrant);
  NodeId c = b.Statement("C", "Main conclusion.", Role::kClaim, true);
  b.TwoStepArgument("Chain", "Two steps.", {p1, p2}, mid, {mid, w}, c, w);
  std::string dot = Dot(map);
  CheckGolden("steps.dot", dot);
  // The step vertex sits between its premises and the intermediate conclusion.
  CHECK(dot.find("  n1 -> n7 [color=\"#9e9e9e\", arrowsize=0.6, tooltip=\"[P1] is a premise of "
                 "&lt;Chain&gt; step 1\"];\n") != std::string::npos);
  CHECK(dot.find("  n7 -> n3 [color=\"#616161\", penwidth=2.2, tooltip=\"&lt;Chain&gt; step 1 "
                 "concludes [Mid]\"];\n") != std::string::npos);
}

TEST_CASE("labels and tooltips escape any text", "[dot]") {
  ArgumentMap map;
  map.set_title("Map \"quoted\" <&> \\G");
  MapBuilder b(&map);
  NodeId q = b.Statement("Quote \"q\" back\\slash <a&b>", "Line one\nline two\twith tab");
  NodeId u = b.Statement("Ünïcödé 日本語",
                         "Ωmega ünïcödé words wrap by code points not bytes ääääää ööööö");
  NodeId l = b.Statement("Long", "short Supercalifragilisticexpialidocious-and-even-longer end");
  NodeId bad = b.Statement("Bad \xff\xfe bytes \xe6\x97", "ctrl\x01here \\N \\G");
  b.Relate(RelationType::kSupports, q, u);
  b.Relate(RelationType::kAttacks, l, bad);
  DotOptions options;
  options.wrap = 20;
  std::string dot = Dot(map, options);
  CheckGolden("escaping.dot", dot);
  CHECK(dot.find("label=<<B>Quote &quot;q&quot; back\\\\slash<BR/>&lt;a&amp;b&gt;</B><BR/>Line "
                 "one<BR/>line two with tab>, tooltip=\"[Quote \\\"q\\\" back\\\\\\\\slash "
                 "&lt;a&amp;b&gt;]\"") != std::string::npos);
  // 20 code points per line, whatever the bytes; a word longer than a line is split.
  CHECK(dot.find("<B>Ünïcödé 日本語</B><BR/>Ωmega ünïcödé words<BR/>wrap by code points<BR/>not "
                 "bytes ääääää<BR/>ööööö>") != std::string::npos);
  CHECK(dot.find("<BR/>short<BR/>Supercalifragilistic<BR/>expialidocious-and-e<BR/>ven-longer "
                 "end>") != std::string::npos);
  // Each byte of a broken sequence becomes U+FFFD.
  CHECK(dot.find("<B>Bad \xef\xbf\xbd\xef\xbf\xbd bytes \xef\xbf\xbd\xef\xbf\xbd</B><BR/>ctrl here "
                 "\\\\N \\\\G>") != std::string::npos);

  if (!DotInstalled()) {
    WARN("Graphviz's dot is not installed at " << kDot << ": the rendered text is not checked");
    return;
  }
  std::string svg, errors;
  REQUIRE(RenderSvg(kGoldenDir / "escaping.dot", &svg, &errors) == 0);
  CHECK(errors == "");
  // What a reader sees: the text exactly as written.
  CHECK(svg.find("xlink:title=\"[Quote &quot;q&quot; back\\slash &lt;a&amp;b&gt;]\"") !=
        std::string::npos);
  CHECK(svg.find(">Quote &quot;q&quot; back\\slash</text>") != std::string::npos);
  CHECK(svg.find(">&lt;a&amp;b&gt;</text>") != std::string::npos);
  CHECK(svg.find(">Map &quot;quoted&quot; &lt;&amp;&gt; \\G</text>") != std::string::npos);
  CHECK(svg.find(">ctrl here \\N \\G</text>") != std::string::npos);
  CHECK(svg.find(">Ünïcödé 日本語</text>") != std::string::npos);
}

TEST_CASE("wrapping off keeps each text on one line", "[dot]") {
  ArgumentMap map;
  MapBuilder b(&map);
  b.Statement("T", "one two three four five six seven eight nine ten eleven twelve thirteen");
  DotOptions options;
  options.wrap = 0;
  CHECK(Dot(map, options)
            .find("<B>T</B><BR/>one two three four five six seven eight nine ten "
                  "eleven twelve thirteen>") != std::string::npos);
}

// A chain A - B - C - D - E with a side branch F attacking C.
void BuildChain(ArgumentMap* map) {
  MapBuilder b(map);
  NodeId a = b.Statement("A", "");
  NodeId bb = b.Statement("B", "");
  NodeId c = b.Statement("C", "");
  NodeId d = b.Statement("D", "");
  NodeId e = b.Statement("E", "");
  NodeId f = b.Statement("F", "");
  b.Relate(RelationType::kSupports, a, bb);
  b.Relate(RelationType::kSupports, bb, c);
  b.Relate(RelationType::kSupports, c, d);
  b.Relate(RelationType::kSupports, d, e);
  b.Relate(RelationType::kAttacks, f, c);
}

TEST_CASE("focus draws the neighbourhood within depth, in both directions", "[dot]") {
  ArgumentMap map;
  BuildChain(&map);
  DotOptions options;
  options.focus = map.FindStatement("C")->id;
  options.depth = 1;
  CHECK(DotNodeCount(map, options) == 4);  // C, B, D, F
  CheckGolden("focus.dot", Dot(map, options));
  options.depth = 0;
  CHECK(DotNodeCount(map, options) == 1);
  options.depth = 2;
  CHECK(DotNodeCount(map, options) == 6);
  options.focus = map.FindStatement("A")->id;
  CHECK(DotNodeCount(map, options) == 3);  // A, B, C
  options.focus = 999;
  CHECK(DotNodeCount(map, options) == 0);
  CHECK(Dot(map, options).find(" -> ") == std::string::npos);
  CHECK(DotNodeCount(map, {}) == 6);
}

TEST_CASE("focus counts an argument and its steps as hops", "[dot]") {
  ArgumentMap map;
  MapBuilder b(&map);
  NodeId p1 = b.Statement("P1", "");
  NodeId p2 = b.Statement("P2", "");
  NodeId mid = b.Statement("Mid", "");
  NodeId c = b.Statement("C", "");
  b.TwoStepArgument("Chain", "", {p1, p2}, mid, {mid}, c, kNoNode);
  DotOptions options;
  options.focus = p1;
  options.depth = 2;  // P1 -> step 1 -> Mid, and step 1 <- P2
  CHECK(DotNodeCount(map, options) == 4);
  options.depth = 4;  // ... -> <Chain> -> C
  CHECK(DotNodeCount(map, options) == 6);
}

TEST_CASE("highlight draws the evidence of errors and warnings with the finding ids", "[dot]") {
  ArgumentMap map;
  map.set_title("Conflict");
  MapBuilder b(&map);
  NodeId bomca = b.Statement("BOMCA", "Border management.", Role::kAction);
  NodeId controls = b.Statement("Border controls", "Tighter controls.");
  NodeId regimes = b.Statement("Regimes resourced", "Aid strengthens regimes.");
  NodeId security = b.Statement("Security", "", Role::kObjective);
  NodeId democracy = b.Statement("Democratization", "", Role::kObjective);
  NodeId orphan = b.Statement("Orphan", "Unrelated.");
  EdgeId e1 = b.Relate(RelationType::kSupports, bomca, controls);
  EdgeId e2 = b.Relate(RelationType::kSupports, controls, security);
  EdgeId e3 = b.Relate(RelationType::kSupports, bomca, regimes);
  EdgeId e4 = b.Relate(RelationType::kAttacks, regimes, democracy);
  (void)e1, (void)e2, (void)e3, (void)e4;
  std::vector<Finding> findings;
  Finding conflict;
  conflict.check = "objective-conflict";
  conflict.severity = Severity::kError;
  conflict.nodes = {bomca, security, democracy};
  conflict.evidence = {{{bomca, RelationType::kSupports, +1, controls},
                        {controls, RelationType::kSupports, +1, security}},
                       {{bomca, RelationType::kSupports, +1, regimes},
                        {regimes, RelationType::kAttacks, -1, democracy}}};
  findings.push_back(conflict);
  Finding unsupported;
  unsupported.check = "unsupported";
  unsupported.severity = Severity::kWarning;
  unsupported.nodes = {regimes};
  findings.push_back(unsupported);
  Finding orphaned;  // info: not drawn
  orphaned.check = "orphan";
  orphaned.nodes = {orphan};
  findings.push_back(orphaned);

  DotOptions options;
  options.highlight = &findings;
  std::string dot = Dot(map, options);
  CheckGolden("highlight.dot", dot);
  CHECK(dot.find("tooltip=\"[Regimes resourced]: #1 objective-conflict, #2 unsupported\"") !=
        std::string::npos);
  CHECK(dot.find("  n3 -> n5 [color=\"#ff6d00\", penwidth=3, arrowhead=tee, "
                 "tooltip=\"[Regimes resourced] attacks [Democratization]: #1 "
                 "objective-conflict\"];\n") != std::string::npos);
  CHECK(dot.find("n6 [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", "
                 "label=<<B>Orphan</B><BR/>Unrelated.>, tooltip=\"[Orphan]\"];") !=
        std::string::npos);
}

TEST_CASE("highlight draws the checks' own errors and warnings", "[dot]") {
  ArgumentMap map;
  dot_review_test::BuildEveryCheckMap(&map);
  std::vector<Finding> findings;
  REQUIRE(RunChecks(map, CheckOptions{}, &findings).ok());
  DotOptions options;
  options.highlight = &findings;
  std::string dot = Dot(map, options);
  CheckGolden("every_check_highlight.dot", dot);
  // The objective conflict's path through the argument <Controls>, in the conflict colour.
  CHECK(dot.find("tooltip=\"[BOMCA]: #1 objective-conflict\"") != std::string::npos);
  CHECK(dot.find("[color=\"#ff6d00\", penwidth=3, arrowsize=0.6, tooltip=\"[BOMCA] is a premise "
                 "of &lt;Controls&gt;: #1 objective-conflict\"]") != std::string::npos);
  // Info findings (the orphan, the unbacked warrant) keep their normal look.
  CHECK(dot.find("label=<<B>Lonely</B><BR/>Nothing to do with anything.>, tooltip=\"[Lonely]\"") !=
        std::string::npos);
  CHECK(dot.find("tooltip=\"[Rule]\"") != std::string::npos);
}

// The bundled example, read as the command line reads it.
void ReadChapter(ArgumentMap* map) {
  std::string text = ReadFile(fs::path(ARGMAP_SOURCE_DIR) / "examples" / "eu-central-asia.argdown");
  std::vector<Diagnostic> diagnostics;
  REQUIRE(ReadArgdown(text, "eu-central-asia.argdown", map, &diagnostics).ok());
}

TEST_CASE("the chapter's map renders with its objective conflict highlighted", "[dot]") {
  ArgumentMap map;
  ReadChapter(&map);
  std::vector<Finding> findings;
  REQUIRE(RunChecks(map, CheckOptions{}, &findings).ok());
  DotOptions options;
  options.highlight = &findings;
  std::string dot = Dot(map, options);
  NodeId bomca = map.FindStatement("BOMCA")->id;
  NodeId democratization = map.FindStatement("Democratization")->id;
  CHECK(dot.find("  n" + std::to_string(bomca) + " [shape=cds") != std::string::npos);
  CHECK(dot.find("tooltip=\"[BOMCA]: #1 objective-conflict\"") != std::string::npos);
  CHECK(dot.find("tooltip=\"[Democratization]: #1 objective-conflict, #2 objective-conflict\"") !=
        std::string::npos);
  CHECK(dot.find("tooltip=\"[Borderland human security is harmed] attacks [Democratization]: "
                 "#1 objective-conflict, #2 objective-conflict\"") != std::string::npos);
  CHECK(DotNodeCount(map, options) == map.node_count());
  options.focus = democratization;
  options.depth = 1;
  CHECK(DotNodeCount(map, options) == 4);  // and the three nodes attacking it
  if (!DotInstalled()) {
    WARN("Graphviz's dot is not installed at " << kDot << ": the chapter is not rendered");
    return;
  }
  for (bool clusters : {false, true}) {
    options.focus = kNoNode;
    options.clusters = clusters;
    fs::path file = fs::temp_directory_path() / "argmap-dot-test-chapter.dot";
    std::ofstream(file, std::ios::binary) << Dot(map, options);
    std::string svg, errors;
    CHECK(RenderSvg(file, &svg, &errors) == 0);
    CHECK(errors == "");
    fs::remove(file);
  }
}

TEST_CASE("a contradiction is highlighted whichever way the evidence walked it", "[dot]") {
  ArgumentMap map;
  MapBuilder b(&map);
  NodeId x = b.Statement("X", "", Role::kClaim, true);
  NodeId y = b.Statement("Y", "", Role::kClaim, true);
  b.Relate(RelationType::kContradicts, x, y);
  std::vector<Finding> findings(1);
  findings[0].check = "contradiction";
  findings[0].severity = Severity::kError;
  findings[0].nodes = {y, x};
  findings[0].evidence = {{{y, RelationType::kContradicts, -1, x}}};
  DotOptions options;
  options.highlight = &findings;
  CHECK(Dot(map, options)
            .find("  n1 -> n2 [color=\"#ff6d00\", penwidth=3, dir=both, "
                  "arrowhead=tee, arrowtail=tee, tooltip=\"[X] contradicts [Y]: "
                  "#1 contradiction\"];\n") != std::string::npos);
}

TEST_CASE("clusters group nodes by section and rankdir is passed on", "[dot]") {
  ArgumentMap map;
  MapBuilder b(&map);
  NodeId a = b.Statement("A", "In the intro.");
  NodeId c = b.Statement("C", "No section.");
  NodeId bb = b.Statement("B", "In the body.");
  NodeId d = b.Statement("D", "Also in the intro.");
  b.SetSection(a, "Intro & <overview>");
  b.SetSection(bb, "Body");
  b.SetSection(d, "Intro & <overview>");
  b.Relate(RelationType::kSupports, a, bb);
  b.Relate(RelationType::kSupports, c, d);
  DotOptions options;
  options.clusters = true;
  options.rankdir = RankDir::kLR;
  CheckGolden("clusters.dot", Dot(map, options));
}

TEST_CASE("the picture does not depend on the order records were added in", "[dot]") {
  auto build = [](bool reversed, ArgumentMap* map) {
    MapBuilder b(map);
    std::vector<std::pair<NodeId, std::string>> nodes = {{1, "A"}, {2, "B"}, {3, "C"}};
    if (reversed) std::reverse(nodes.begin(), nodes.end());
    for (auto& [id, title] : nodes) b.StatementWithId(id, title);
    std::vector<Relation> relations = {{10, RelationType::kSupports, 1, 2},
                                       {11, RelationType::kAttacks, 1, 3},
                                       {12, RelationType::kSupports, 3, 2}};
    if (reversed) std::reverse(relations.begin(), relations.end());
    for (const Relation& r : relations) REQUIRE(map->AddRelation(r).ok());
  };
  ArgumentMap forward, backward;
  build(false, &forward);
  build(true, &backward);
  std::string dot = Dot(forward);
  CHECK(dot == Dot(backward));
  CHECK(dot.find("  n1 -> n2 [color=\"#2e7d32\", tooltip=\"[A] supports [B]\"];\n"
                 "  n1 -> n3 [color=\"#c62828\", arrowhead=tee, tooltip=\"[A] attacks [C]\"];\n"
                 "  n3 -> n2 [color=\"#2e7d32\", tooltip=\"[C] supports [B]\"];\n") !=
        std::string::npos);
}

TEST_CASE("an empty map is a valid empty graph", "[dot]") {
  ArgumentMap map;
  CHECK(Dot(map) ==
        "digraph argmap {\n"
        "  graph [rankdir=TB, fontname=\"Helvetica,Arial,sans-serif\", fontsize=14, "
        "nodesep=0.3, ranksep=0.45];\n"
        "  node [fontname=\"Helvetica,Arial,sans-serif\", fontsize=11, margin=\"0.12,0.06\", "
        "penwidth=1.2];\n"
        "  edge [fontname=\"Helvetica,Arial,sans-serif\", fontsize=10, penwidth=1.4, "
        "arrowsize=0.8];\n"
        "}\n");
}

TEST_CASE("random bytes in every text still give a file Graphviz accepts", "[dot]") {
  if (!DotInstalled()) {
    WARN("Graphviz's dot is not installed at " << kDot << ": random texts not rendered");
    return;
  }
  std::mt19937 rng(7);  // fixed seed: the same texts on every run
  const std::string alphabet = "ab \\\"<>&'{}[]|\n\t\r#%;=\x01\x7f\xc3\xa9\xe6\x97\xa5\xff";
  auto random_text = [&](size_t length) {
    std::string text;
    for (size_t k = 0; k < length; ++k) text.push_back(alphabet[rng() % alphabet.size()]);
    return text;
  };
  ArgumentMap map;
  map.set_title(random_text(30));
  MapBuilder b(&map);
  NodeId previous = kNoNode;
  for (int k = 0; k < 40; ++k) {
    NodeId id = b.Statement(std::to_string(k) + random_text(12), random_text(60),
                            static_cast<Role>(k % 7), k % 5 == 0);
    b.SetSection(id, random_text(8));
    const RelationType types[] = {RelationType::kSupports, RelationType::kAttacks,
                                  RelationType::kContradicts};
    if (previous != kNoNode) b.Relate(types[k % 3], previous, id);
    previous = id;
  }
  DotOptions options;
  options.clusters = true;
  options.wrap = 9;
  fs::path file = fs::temp_directory_path() / "argmap-dot-test-random.dot";
  std::ofstream(file, std::ios::binary) << Dot(map, options);
  std::string svg, errors;
  CHECK(RenderSvg(file, &svg, &errors) == 0);
  CHECK(errors == "");
  CHECK(svg.find("<title>n40</title>") != std::string::npos);
  fs::remove(file);
}

TEST_CASE("every golden DOT file renders with Graphviz without a warning", "[dot]") {
  if (!DotInstalled()) {
    WARN("Graphviz's dot is not installed at " << kDot << ": golden files not rendered");
    return;
  }
  int rendered = 0;
  for (const auto& entry : fs::directory_iterator(kGoldenDir)) {
    if (entry.path().extension() != ".dot") continue;
    INFO(entry.path().string());
    std::string svg, errors;
    CHECK(RenderSvg(entry.path(), &svg, &errors) == 0);
    CHECK(errors == "");
    CHECK(svg.find("<svg") != std::string::npos);
    ++rendered;
  }
  CHECK(rendered >= 6);
}

}  // namespace
}  // namespace argmap
