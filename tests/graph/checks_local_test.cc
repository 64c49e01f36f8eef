// missing-warrant, unbacked-warrant, unsourced-evidence and orphan.
#include <catch2/catch.hpp>

#include "tests/graph/checks_builder.h"

namespace argmap {
namespace {

using testing::Check;
using testing::MapBuilder;

TEST_CASE("an argument without a warrant among its premises is reported", "[graph]") {
  MapBuilder b;
  b.Claim("P1");
  b.Claim("P2");
  b.Claim("C");
  b.Claim("Mid");
  b.Claim("C2");
  b.Argument("Simple", {{{"P1", "P2"}, "C"}});
  b.Argument("Chain", {{{"P1"}, "Mid"}, {{"Mid", "P2"}, "C2"}});
  CHECK(Check(b.map, {"missing-warrant"}) ==
        "info missing-warrant (<Chain>): No premise of <Chain> is a warrant, so nothing says "
        "why [C2] follows from [P1] and [P2].\n"
        "  + [P1] --premise--> <Chain> step 1 --conclusion--> [Mid]\n"
        "  + [Mid] --premise--> <Chain> --conclusion--> [C2]\n"
        "  + [P2] --premise--> <Chain> --conclusion--> [C2]\n"
        "info missing-warrant (<Simple>): No premise of <Simple> is a warrant, so nothing says "
        "why [C] follows from [P1] and [P2].\n"
        "  + [P1] --premise--> <Simple> --conclusion--> [C]\n"
        "  + [P2] --premise--> <Simple> --conclusion--> [C]\n");
}

TEST_CASE("a warrant in any step, or no inference at all, is not a missing warrant", "[graph]") {
  MapBuilder b;
  b.Claim("P");
  b.Claim("Mid");
  b.Claim("C");
  b.Add("Rule", Role::kWarrant);
  b.Argument("Declared", {{{"P", "Rule"}, "C"}}, "Rule");
  b.Argument("Late", {{{"P"}, "Mid"}, {{"Mid", "Rule"}, "C"}});  // warrant role, not declared
  b.Argument("Gist only");
  b.Supports("<Gist only>", "[C]");
  CHECK(Check(b.map, {"missing-warrant"}).empty());
}

TEST_CASE("a warrant without backing is reported with the steps that use it", "[graph]") {
  MapBuilder b;
  b.Claim("P");
  b.Claim("Mid");
  b.Claim("C");
  b.Claim("Objection");
  b.Add("Rule", Role::kWarrant);
  b.Add("Unused rule", Role::kWarrant);
  b.Argument("Two", {{{"P", "Rule"}, "Mid"}, {{"Mid"}, "C"}});
  b.Argument("One", {{{"Mid", "Rule"}, "C"}}, "Rule");
  b.Attacks("[Objection]", "[Rule]");  // an attack is no backing
  CHECK(Check(b.map, {"unbacked-warrant"}) ==
        "info unbacked-warrant ([Rule]): The warrant [Rule] has no backing: nothing supports it "
        "and no argument concludes it.\n"
        "  + [Rule] --premise--> <One>\n"
        "  + [Rule] --premise--> <Two> step 1\n"
        "info unbacked-warrant ([Unused rule]): The warrant [Unused rule] has no backing: "
        "nothing supports it and no argument concludes it.\n");
}

TEST_CASE("a warrant supported by a backing or concluded by an argument is backed", "[graph]") {
  MapBuilder b;
  b.Add("Rule", Role::kWarrant);
  b.Add("Derived rule", Role::kWarrant);
  b.Add("Statute", Role::kBacking);
  b.Claim("Precedent");
  b.Supports("[Statute]", "[Rule]");
  b.Argument("Derivation", {{{"Precedent"}, "Derived rule"}});
  CHECK(Check(b.map, {"unbacked-warrant"}).empty());
}

TEST_CASE("evidence without a source is reported", "[graph]") {
  MapBuilder b;
  b.Add("Survey", Role::kEvidence);
  b.Add("Report", Role::kEvidence, false, "OSCE 2010: 4");
  b.Claim("Hunch");
  CHECK(Check(b.map, {"unsourced-evidence"}) ==
        "info unsourced-evidence ([Survey]): The evidence [Survey] names no source.\n");
}

TEST_CASE("statements and arguments without any relation are orphans", "[graph]") {
  MapBuilder b;
  b.Claim("Alone");
  b.Argument("Idle");
  b.Claim("Premise");
  b.Claim("Conclusion");
  b.Claim("X");
  b.Claim("Y");
  b.Argument("Used", {{{"Premise"}, "Conclusion"}});
  b.Link("[X]", RelationType::kContradicts, "[Y]");
  CHECK(Check(b.map, {"orphan"}) ==
        "info orphan ([Alone]): [Alone] has no relation to anything else in the map.\n"
        "info orphan (<Idle>): <Idle> has no relation to anything else in the map.\n");
}

}  // namespace
}  // namespace argmap
