// RunChecks as a whole: check ids, selection, ordering and determinism.
#include <catch2/catch.hpp>

#include "tests/graph/checks_builder.h"

namespace argmap {
namespace {

using testing::Check;
using testing::Describe;
using testing::MapBuilder;

TEST_CASE("check ids follow the table of SPEC §3", "[graph]") {
  std::vector<std::string_view> expected = {
      "objective-conflict",   "self-defeating", "contradiction",   "circular",
      "unanswered-objection", "unsupported",    "missing-warrant", "unbacked-warrant",
      "unsourced-evidence",   "orphan",         "no-thesis"};
  CHECK(CheckIds() == expected);
}

TEST_CASE("an unknown check id is bad input and leaves the findings alone", "[graph]") {
  ArgumentMap map;
  std::vector<Finding> findings(1);
  Status s = RunChecks(map, CheckOptions{{"orphan", "circularity"}, -1}, &findings);
  CHECK(s.code() == Status::Code::kInvalidInput);
  CHECK(s.message() ==
        "unknown check 'circularity'; the checks are: objective-conflict, self-defeating, "
        "contradiction, circular, unanswered-objection, unsupported, missing-warrant, "
        "unbacked-warrant, unsourced-evidence, orphan, no-thesis");
  CHECK(findings.size() == 1);
}

TEST_CASE("an empty map has no findings but the missing thesis", "[graph]") {
  ArgumentMap map;
  CHECK(Check(map) ==
        "info no-thesis (): No statement is marked as a thesis, so contradiction and "
        "unanswered-objection cannot tell what the author is committed to; mark the claims the "
        "map asserts with #thesis.\n");
}

TEST_CASE("findings about nodes of one title put the statement first; long titles sort whole",
          "[graph]") {
  MapBuilder b;
  b.Argument("Same");
  b.Claim("A title longer than sixteen bytes, two");
  b.Claim("Same");
  b.Claim("A title longer than sixteen bytes, one");
  CHECK(Check(b.map, {"orphan"}) ==
        "info orphan ([A title longer than sixteen bytes, one]): [A title longer than sixteen "
        "bytes, one] has no relation to anything else in the map.\n"
        "info orphan ([A title longer than sixteen bytes, two]): [A title longer than sixteen "
        "bytes, two] has no relation to anything else in the map.\n"
        "info orphan ([Same]): [Same] has no relation to anything else in the map.\n"
        "info orphan (<Same>): <Same> has no relation to anything else in the map.\n");
}

// A map on which every check but no-thesis fires, built in one order or its reverse.
ArgumentMap EveryCheck(bool reversed) {
  struct S {
    const char* title;
    Role role;
    bool thesis;
  };
  std::vector<S> statements = {{"BOMCA", Role::kAction, false},
                               {"Security", Role::kObjective, false},
                               {"Democracy", Role::kObjective, false},
                               {"Border controls", Role::kClaim, false},
                               {"Regime resources", Role::kClaim, false},
                               {"Aid helps", Role::kClaim, true},
                               {"Aid fails", Role::kClaim, true},
                               {"Objection", Role::kClaim, false},
                               {"Circle A", Role::kClaim, false},
                               {"Circle B", Role::kClaim, false},
                               {"Rule", Role::kWarrant, false},
                               {"Survey", Role::kEvidence, false},
                               {"Alone", Role::kClaim, false},
                               {"P", Role::kClaim, false},
                               {"Mid", Role::kClaim, false}};
  std::vector<std::tuple<const char*, RelationType, const char*>> relations = {
      {"[BOMCA]", RelationType::kSupports, "[Border controls]"},
      {"[Border controls]", RelationType::kSupports, "[Security]"},
      {"[BOMCA]", RelationType::kSupports, "[Regime resources]"},
      {"[Regime resources]", RelationType::kAttacks, "[Democracy]"},
      {"[Aid helps]", RelationType::kContradicts, "[Aid fails]"},
      {"[Objection]", RelationType::kAttacks, "[Aid helps]"},
      {"[Circle A]", RelationType::kSupports, "[Circle B]"},
      {"[Circle B]", RelationType::kSupports, "[Circle A]"},
      {"[Survey]", RelationType::kSupports, "[Aid fails]"},
      {"<Chain>", RelationType::kSupports, "[Aid helps]"}};
  if (reversed) {
    std::reverse(statements.begin(), statements.end());
    std::reverse(relations.begin(), relations.end());
  }
  MapBuilder b;
  for (const S& s : statements) b.Add(s.title, s.role, s.thesis);
  auto add_arguments = [&] {
    b.Argument("Chain", {{{"P"}, "Mid"}, {{"Mid", "Rule"}, "Border controls"}});
    b.Argument("Idle");
  };
  auto add_arguments_reversed = [&] {
    b.Argument("Idle");
    b.Argument("Chain", {{{"P"}, "Mid"}, {{"Mid", "Rule"}, "Border controls"}});
  };
  reversed ? add_arguments_reversed() : add_arguments();
  for (const auto& [from, type, to] : relations) b.Link(from, type, to);
  return std::move(b.map);
}

TEST_CASE("findings are ordered by severity, check and titles, whatever the build order",
          "[graph]") {
  ArgumentMap forward = EveryCheck(false);
  ArgumentMap backward = EveryCheck(true);
  REQUIRE(forward.FindStatement("BOMCA")->id != backward.FindStatement("BOMCA")->id);
  const std::string expected =
      "error objective-conflict ([BOMCA], [Democracy], [Security]): [BOMCA] promotes "
      "[Security] but hinders [Democracy].\n"
      "  + [BOMCA] --supports--> [Border controls] --supports--> [Security]\n"
      "  - [BOMCA] --supports--> [Regime resources] --attacks--> [Democracy]\n"
      "error contradiction ([Aid fails], [Aid helps]): The author is committed to both "
      "[Aid fails] and [Aid helps], but they contradict each other.\n"
      "  - [Aid fails] --contradicts--> [Aid helps]\n"
      "error circular ([Circle A], [Circle B]): [Circle A] and [Circle B] support each other in "
      "a circle.\n"
      "  + [Circle A] --supports--> [Circle B] --supports--> [Circle A]\n"
      "warning unanswered-objection ([Objection], [Aid helps]): [Objection] attacks the "
      "commitment [Aid helps], and nothing attacks, undercuts or contradicts [Objection].\n"
      "  - [Objection] --attacks--> [Aid helps]\n"
      "warning unsupported ([P]): [P] is offered as a reason, but nothing supports it and no "
      "argument concludes it.\n"
      "  + [P] --premise--> <Chain> step 1 --conclusion--> [Mid] --premise--> <Chain> "
      "--supports--> [Aid helps]\n"
      "info unbacked-warrant ([Rule]): The warrant [Rule] has no backing: nothing supports it "
      "and no argument concludes it.\n"
      "  + [Rule] --premise--> <Chain>\n"
      "info unsourced-evidence ([Survey]): The evidence [Survey] names no source.\n"
      "info orphan ([Alone]): [Alone] has no relation to anything else in the map.\n"
      "info orphan (<Idle>): <Idle> has no relation to anything else in the map.\n";
  CHECK(Check(forward) == expected);
  CHECK(Check(backward) == expected);
}

}  // namespace
}  // namespace argmap
