#include "formats/review_writer.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "formats/argdown_reader.h"
#include "graph/checks.h"
#include "tests/formats/dot_review_test_support.h"

namespace argmap {
namespace {

using dot_review_test::BuildEveryCheckMap;
using dot_review_test::MapBuilder;

std::string Review(const ArgumentMap& map, const std::vector<Finding>& findings,
                   const ReviewOptions& options = {}) {
  std::ostringstream out;
  WriteReview(map, findings, options, out);
  return out.str();
}

Finding MakeFinding(std::string check, Severity severity, std::vector<NodeId> nodes,
                    std::string message, std::vector<EvidencePath> evidence = {}) {
  Finding f;
  f.check = std::move(check);
  f.severity = severity;
  f.nodes = std::move(nodes);
  f.message = std::move(message);
  f.evidence = std::move(evidence);
  return f;
}

PathStep Step(NodeId from, RelationType relation, NodeId to) {
  return PathStep{from, relation, RelationSign(relation), to};
}

// The map on which every check fires, and one finding of each kind built by hand in the order the
// checks report them (severity, check id).
struct ChapterLikeMap {
  ArgumentMap map;
  std::vector<Finding> findings;

  ChapterLikeMap() {
    BuildEveryCheckMap(&map);
    auto id = [this](const char* title) { return map.FindStatement(title)->id; };
    NodeId focus = id("EU focus"), bomca = id("BOMCA"), security = id("Security");
    NodeId democracy = id("Democratization"), controls = id("Border controls");
    NodeId regimes = id("Regimes resourced"), rule = id("Rule"), reform = id("Reform works");
    NodeId objection = id("Objection"), loop_a = id("Loop A"), loop_b = id("Loop B");
    NodeId old_data = id("Old data"), lonely = id("Lonely"), patrols = id("Patrols");
    NodeId bare = id("Bare claim"), control_arg = map.FindArgument("Controls")->id;
    using R = RelationType;
    findings.push_back(
        MakeFinding("circular", Severity::kError, {loop_a, loop_b},
                    "[Loop A] and [Loop B] support each other in a circle.",
                    {{Step(loop_a, R::kSupports, loop_b), Step(loop_b, R::kSupports, loop_a)}}));
    findings.push_back(MakeFinding("contradiction", Severity::kError, {focus, reform},
                                   "The author is committed to [EU focus] and [Reform works], "
                                   "which contradict each other.",
                                   {{Step(focus, R::kContradicts, reform)}}));
    findings.push_back(MakeFinding(
        "objective-conflict", Severity::kError, {bomca, security, democracy},
        "[BOMCA] promotes [Security] but hinders [Democratization].",
        {{Step(bomca, R::kPremise, control_arg), Step(control_arg, R::kConclusion, controls),
          Step(controls, R::kSupports, security)},
         {Step(bomca, R::kSupports, regimes), Step(regimes, R::kAttacks, democracy)}}));
    findings.push_back(MakeFinding(
        "self-defeating", Severity::kError, {patrols, security},
        "[Patrols] both promotes and hinders [Security].",
        {{Step(patrols, R::kSupports, security)}, {Step(patrols, R::kAttacks, security)}}));
    findings.push_back(MakeFinding("unanswered-objection", Severity::kWarning, {objection, focus},
                                   "[Objection] attacks [EU focus] and nothing answers it.",
                                   {{Step(objection, R::kAttacks, focus)}}));
    findings.push_back(MakeFinding("unsupported", Severity::kWarning, {bare},
                                   "[Bare claim] supports [EU focus] but has no support."));
    findings.push_back(MakeFinding("missing-warrant", Severity::kInfo, {control_arg},
                                   "<Controls> has no warrant."));
    findings.push_back(
        MakeFinding("orphan", Severity::kInfo, {lonely}, "[Lonely] has no relation."));
    findings.push_back(MakeFinding("unbacked-warrant", Severity::kInfo, {rule},
                                   "The warrant [Rule] has no backing."));
    findings.push_back(MakeFinding("unsourced-evidence", Severity::kInfo, {old_data},
                                   "The evidence [Old data] has no source."));
  }
};

TEST_CASE("the review has its sections and a question for each kind of finding", "[review]") {
  ChapterLikeMap m;
  ReviewOptions options;
  options.picture_path = "eu map.svg";
  CHECK(Review(m.map, m.findings, options) ==
        R"(# Peer review: EU security assistance in Central Asia

## Summary

- Statements: 16 (claim 9, evidence 2, warrant 1, objective 2, action 2)
- Theses: 2
- Arguments: 2 (2 inference steps)
- Relations: 13 (supports 9, attacks 3, contradicts 1)
- Findings: 10 (error 4, warning 2, info 4)

## Map

Findings that are errors or warnings are drawn in orange; hover over a node or a relation in the SVG to see their numbers.

![Map](eu%20map.svg)

## Theses

### [EU focus]

The EU's focus on border management works against its other objectives.

- supported by [Regimes resourced]: Aid resources authoritarian regimes.
  - supported by [BOMCA] *(action)*: Border Management Programme in Central Asia.
  - supported by [Old data] *(evidence)*: Figures from 1999.
  - concluded by \<Resourcing\>: Aid strengthens regimes.
    - premise [Aid report] *(evidence)*: Most aid went to border agencies.
    - premise [Rule] *(warrant)*: Resources given to a regime strengthen it.
- supported by [Loop A]: A because B.
  - supported by [Loop B]: B because A.
    - supported by [Loop A] (see above)
- supported by [Bare claim]: Said without support.

### [Reform works]

Reform is on track.

*Nothing in the map supports it.*

## Findings

### Errors (4)

#### #1 circular

\[Loop A\] and \[Loop B\] support each other in a circle.

Evidence:

- [Loop A] supports [Loop B], which supports [Loop A] (+)

**Question for the author:** The support of [Loop A] and [Loop B] runs in a circle. What independent support for one of them breaks the circle?

#### #2 contradiction

The author is committed to \[EU focus\] and \[Reform works\], which contradict each other.

Evidence:

- [EU focus] contradicts [Reform works] (-)

**Question for the author:** The author is committed to both [EU focus] and [Reform works], which conflict. Which of the two does the author give up, or how can both be held?

#### #3 objective-conflict

\[BOMCA\] promotes \[Security\] but hinders \[Democratization\].

Evidence paths:

- [BOMCA] is a premise of \<Controls\>, which concludes [Border controls], which supports [Security] (+)
- [BOMCA] supports [Regimes resourced], which attacks [Democratization] (-)

**Question for the author:** How does the author reconcile pursuing [Security] by [BOMCA] with the harm [BOMCA] does to [Democratization]?

#### #4 self-defeating

\[Patrols\] both promotes and hinders \[Security\].

Evidence paths:

- [Patrols] supports [Security] (+)
- [Patrols] attacks [Security] (-)

**Question for the author:** [Patrols] both promotes and hinders [Security]. Which effect does the author expect to prevail, and on what evidence is [Patrols] still worth pursuing?

### Warnings (2)

#### #5 unanswered-objection

\[Objection\] attacks \[EU focus\] and nothing answers it.

Evidence:

- [Objection] attacks [EU focus] (-)

**Question for the author:** What is the author's reply to the objection [Objection] against [EU focus]?

#### #6 unsupported

\[Bare claim\] supports \[EU focus\] but has no support.

**Question for the author:** What evidence or argument supports [Bare claim]?

### Info (4)

#### #7 missing-warrant

\<Controls\> has no warrant.

**Question for the author:** What licenses the step from [BOMCA] to [Border controls] in \<Controls\>?

#### #8 orphan

\[Lonely\] has no relation.

**Question for the author:** How does [Lonely] bear on the rest of the argument: what does it support or attack?

#### #9 unbacked-warrant

The warrant \[Rule\] has no backing.

**Question for the author:** What backs the warrant [Rule]: why should a reader accept it?

#### #10 unsourced-evidence

The evidence \[Old data\] has no source.

**Question for the author:** What is the source of the evidence [Old data]?

## Sources cited

- European Union 2007: 27 — cited by [Aid report]
  - “border management is a priority” — [Aid report]
)");
}

TEST_CASE("a map without theses, findings or sources says so", "[review]") {
  ArgumentMap map;
  MapBuilder b(&map);
  b.Statement("Only", "One statement.");
  std::vector<Finding> findings = {
      MakeFinding("no-thesis", Severity::kInfo, {}, "The map has no thesis.")};
  CHECK(Review(map, findings) == R"(# Peer review of an argument map

## Summary

- Statements: 1 (claim 1)
- Theses: 0
- Arguments: 0
- Relations: 0
- Findings: 1 (info 1)

## Theses

The map marks no statement as a thesis (`#thesis`): nothing tells a reader what the author asserts.

## Findings

### Info (1)

#### #1 no-thesis

The map has no thesis.

**Question for the author:** Which claims does the author assert as theses?

## Sources cited

No statement in the map names a source or quotes one.
)");
  CHECK(Review(map, {}).find("## Findings\n\nNo findings.\n\n## Sources cited") !=
        std::string::npos);
}

TEST_CASE("text from the map reads literally in Markdown", "[review]") {
  ArgumentMap map;
  map.set_title("*Not* _emphasis_ <b>bold</b> &amp; `code`");
  MapBuilder b(&map);
  NodeId heading =
      b.Statement("# Not a heading", "# not a heading\nsecond line", Role::kClaim, true);
  NodeId listed = b.Statement("List", "1. not a list", Role::kClaim, true);
  NodeId linked = b.Statement("[x](y) ~z~ \\", "- not an item", Role::kClaim, true);
  NodeId arg = b.Argument("A <b>", "", {listed}, heading);
  (void)linked, (void)arg;
  std::string review = Review(map, {});
  CHECK(review.find("# Peer review: \\*Not\\* \\_emphasis\\_ \\<b\\>bold\\</b\\> \\&amp; "
                    "\\`code\\`\n") == 0);
  CHECK(review.find("### [# Not a heading]\n\n\\# not a heading second line\n\n"
                    "- concluded by \\<A \\<b\\>\\>\n  - premise [List]: 1. not a list\n") !=
        std::string::npos);
  CHECK(review.find("### [List]\n\n1\\. not a list\n") != std::string::npos);
  CHECK(review.find("### [\\[x\\](y) \\~z\\~ \\\\]\n\n\\- not an item\n") != std::string::npos);
}

TEST_CASE("the outline of a multi-step argument goes through its steps", "[review]") {
  ArgumentMap map;
  MapBuilder b(&map);
  NodeId p1 = b.Statement("P1", "");
  NodeId mid = b.Statement("Mid", "");
  NodeId w = b.Statement("W", "", Role::kWarrant);
  NodeId c = b.Statement("C", "", Role::kClaim, true);
  b.TwoStepArgument("Chain", "Two steps.", {p1}, mid, {mid, w}, c, w);
  CHECK(Review(map, {}).find("### [C]\n\n"
                             "- concluded by \\<Chain\\>: Two steps.\n"
                             "  - premise [Mid]\n"
                             "    - concluded by \\<Chain\\> step 1\n"
                             "      - premise [P1]\n"
                             "  - premise [W] *(warrant)*\n\n") != std::string::npos);
}

TEST_CASE("the outline is bounded in depth and length", "[review]") {
  ArgumentMap map;
  MapBuilder b(&map);
  NodeId top = b.Statement("Top", "", Role::kClaim, true);
  NodeId previous = top;
  for (int k = 1; k <= 8; ++k) {  // Top <- D1 <- D2 <- ... <- D8
    NodeId next = b.Statement("D" + std::to_string(k), "");
    b.Relate(RelationType::kSupports, next, previous);
    previous = next;
  }
  std::string review = Review(map, {});
  CHECK(review.find("          - supported by [D6] (its support is not shown: the outline "
                    "stops at depth 6)\n\n") != std::string::npos);
  CHECK(review.find("[D7]") == std::string::npos);

  ArgumentMap wide;
  MapBuilder w(&wide);
  NodeId hub = w.Statement("Hub", "", Role::kClaim, true);
  for (int k = 0; k < 150; ++k) {
    w.Relate(RelationType::kSupports, w.Statement("S" + std::to_string(k), ""), hub);
  }
  review = Review(wide, {});
  CHECK(review.find("- supported by [S99]\n- … (the outline stops after 100 lines)\n\n") !=
        std::string::npos);
  CHECK(review.find("[S100]") == std::string::npos);
}

TEST_CASE("many findings of one check are counted beyond the limit", "[review]") {
  ArgumentMap map;
  MapBuilder b(&map);
  std::vector<Finding> findings;
  for (size_t k = 0; k < kFindingsPerCheck + 2; ++k) {
    NodeId id = b.Statement("O" + std::to_string(k), "");
    findings.push_back(MakeFinding("orphan", Severity::kInfo, {id}, "orphan"));
  }
  std::string review = Review(map, findings);
  CHECK(review.find("#### #50 orphan") != std::string::npos);
  CHECK(review.find("#### #51 orphan") == std::string::npos);
  CHECK(review.find("### Info (52)\n") != std::string::npos);
  CHECK(review.find("*… and 2 more `orphan` findings, not listed here (`argmap check` lists "
                    "every finding).*\n\n## Sources cited") != std::string::npos);
}

TEST_CASE("an objective in conflict is asked about the objectives it harms", "[review]") {
  ArgumentMap map;
  MapBuilder b(&map);
  NodeId security = b.Statement("Security", "", Role::kObjective);
  NodeId reform = b.Statement("Reform", "", Role::kObjective);
  NodeId democracy = b.Statement("Democracy", "", Role::kObjective);
  b.Relate(RelationType::kAttacks, security, reform);
  b.Relate(RelationType::kAttacks, security, democracy);
  std::vector<Finding> findings = {
      MakeFinding("objective-conflict", Severity::kError, {security, reform, democracy}, "",
                  {{},
                   {Step(security, RelationType::kAttacks, reform)},
                   {Step(security, RelationType::kAttacks, democracy)}})};
  std::string review = Review(map, findings);
  CHECK(review.find("Evidence paths:\n\n"
                    "- the node itself (an empty path) (+)\n"
                    "- [Security] attacks [Reform] (-)\n"
                    "- [Security] attacks [Democracy] (-)\n\n"
                    "**Question for the author:** How does the author reconcile pursuing "
                    "[Security] with the harm it does to [Reform] and [Democracy]?\n") !=
        std::string::npos);
}

TEST_CASE("sources are deduplicated and sorted, quotes kept once", "[review]") {
  ArgumentMap map;
  MapBuilder b(&map);
  NodeId z = b.Statement("Z", "");
  NodeId a = b.Statement("A", "");
  NodeId a2 = b.Statement("A2", "");
  NodeId q = b.Statement("Q", "");
  NodeId none = b.Statement("None", "");
  b.SetSource(z, "Zeta 2010", "");
  b.SetSource(a, "Alpha 2001: 3", "first quote");
  b.SetSource(a2, "Alpha 2001: 3", "first quote");
  b.SetSource(b.Statement("A3", ""), "Alpha 2001: 3", "second quote");
  b.SetSource(q, "", "a quote without source");
  (void)none;
  std::string review = Review(map, {});
  CHECK(review.substr(review.find("## Sources cited")) ==
        "## Sources cited\n\n"
        "- Alpha 2001: 3 — cited by [A], [A2] and [A3]\n"
        "  - “first quote” — [A] and [A2]\n"
        "  - “second quote” — [A3]\n"
        "- Zeta 2010 — cited by [Z]\n"
        "- *(quoted without a source)*\n"
        "  - “a quote without source” — [Q]\n");
}

TEST_CASE("the review of the checks' own findings asks each finding's question", "[review]") {
  ArgumentMap map;
  BuildEveryCheckMap(&map);
  std::vector<Finding> findings;
  REQUIRE(RunChecks(map, CheckOptions{}, &findings).ok());
  std::string review = Review(map, findings);
  // Every check but no-thesis fires, in the checks' order, each with its question.
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"objective-conflict",
       "How does the author reconcile pursuing [Security] by [BOMCA] with the harm [BOMCA] does "
       "to [Democratization]?"},
      {"self-defeating",
       "[Patrols] both promotes and hinders [Security]. Which effect does the author expect to "
       "prevail, and on what evidence is [Patrols] still worth pursuing?"},
      {"contradiction",
       "The author is committed to both [EU focus] and [Reform works], which conflict. Which of "
       "the two does the author give up, or how can both be held?"},
      {"circular",
       "The support of [Loop A] and [Loop B] runs in a circle. What independent support for one "
       "of them breaks the circle?"},
      {"unanswered-objection",
       "What is the author's reply to the objection [Objection] against [EU focus]?"},
      {"unsupported", "What evidence or argument supports [Bare claim]?"},
      {"unsupported", "What evidence or argument supports [Reform works]?"},
      {"missing-warrant",
       "What licenses the step from [BOMCA] to [Border controls] in "
       "\\<Controls\\>?"},
      {"unbacked-warrant", "What backs the warrant [Rule]: why should a reader accept it?"},
      {"unsourced-evidence", "What is the source of the evidence [Old data]?"},
      {"orphan",
       "How does [Lonely] bear on the rest of the argument: what does it support or attack?"},
  };
  REQUIRE(findings.size() == expected.size());
  size_t at = review.find("## Findings\n\n### Errors (4)\n\n#### #1 objective-conflict\n\n");
  REQUIRE(at != std::string::npos);
  for (size_t i = 0; i < expected.size(); ++i) {
    INFO("finding #" << i + 1);
    CHECK(findings[i].check == expected[i].first);
    std::string heading = "#### #" + std::to_string(i + 1) + " " + expected[i].first + "\n\n";
    size_t next = review.find(heading, at);
    REQUIRE(next != std::string::npos);
    at = review.find("**Question for the author:** " + expected[i].second + "\n\n", next);
    CHECK(at != std::string::npos);
    if (at == std::string::npos) at = next;
  }
  CHECK(review.find("### Warnings (3)\n\n#### #5 unanswered-objection") != std::string::npos);
  CHECK(review.find("### Info (4)\n\n#### #8 missing-warrant") != std::string::npos);
  CHECK(review.find("Evidence paths:\n\n"
                    "- [BOMCA] is a premise of \\<Controls\\>, which concludes [Border controls], "
                    "which supports [Security] (+)\n"
                    "- [BOMCA] supports [Regimes resourced], which attacks [Democratization] "
                    "(-)\n\n") != std::string::npos);
  CHECK(review.find("- Findings: 11 (error 4, warning 3, info 4)\n") != std::string::npos);
}

TEST_CASE("the chapter's review asks how the EU reconciles its objectives", "[review]") {
  ArgumentMap map;
  std::ifstream in(std::string(ARGMAP_SOURCE_DIR) + "/examples/eu-central-asia.argdown");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<Diagnostic> diagnostics;
  REQUIRE(ReadArgdown(text, "eu-central-asia.argdown", &map, &diagnostics).ok());
  std::vector<Finding> findings;
  REQUIRE(RunChecks(map, CheckOptions{}, &findings).ok());
  std::string review = Review(map, findings);
  CHECK(review.find("# Peer review: EU security assistance and border management in Central "
                    "Asia\n") == 0);
  CHECK(review.find("#### #1 objective-conflict\n\n\\[BOMCA\\] promotes \\[Security\\] but hinders "
                    "\\[Democratization\\] and \\[Economic prosperity\\].\n") != std::string::npos);
  CHECK(review.find("- [BOMCA] supports [Border securitization], which supports [Borderland "
                    "human security is harmed], which attacks [Democratization] (-)\n") !=
        std::string::npos);
  CHECK(review.find("**Question for the author:** How does the author reconcile pursuing "
                    "[Security] by [BOMCA] with the harm [BOMCA] does to [Democratization] and "
                    "[Economic prosperity]?\n") != std::string::npos);
  CHECK(review.find("- European Union 2007: 27 — cited by [Common threats]\n") !=
        std::string::npos);
}

}  // namespace
}  // namespace argmap
