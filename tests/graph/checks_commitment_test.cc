// contradiction, unanswered-objection, unsupported and no-thesis: the checks that read the
// author's commitments.
#include <catch2/catch.hpp>

#include "graph/commitments.h"
#include "graph/node_order.h"
#include "tests/graph/checks_builder.h"

namespace argmap {
namespace {

using testing::Check;
using testing::MapBuilder;

TEST_CASE("commitments are the theses and what is offered in their support", "[graph]") {
  MapBuilder b;
  b.Thesis("T");
  b.Claim("P1");
  b.Claim("P2");
  b.Claim("Mid");
  b.Claim("S");
  b.Claim("Backer");
  b.Claim("Side");
  b.Claim("Attacker");
  b.Claim("Unrelated");
  b.Argument("Arg", {{{"P1"}, "Mid"}, {{"Mid", "P2"}, "T"}});
  b.Supports("[S]", "<Arg>");
  b.Supports("[Backer]", "[S]");
  b.Supports("[T]", "[Side]");  // T supports Side: Side is not offered in support of T
  b.Attacks("[Attacker]", "[T]");
  NodeOrder order(b.map);
  SignedAdjacency adjacency(b.map);
  Vertex thesis = b.map.VertexOf(b.Id("[T]"));
  Commitments commitments(b.map, order, adjacency, std::span(&thesis, 1));
  auto committed = [&](const std::string& name) {
    return commitments.Contains(b.map.VertexOf(b.Id(name)));
  };
  for (const char* name : {"[T]", "[P1]", "[P2]", "[Mid]", "<Arg>", "[S]", "[Backer]"}) {
    INFO(name);
    CHECK(committed(name));
  }
  for (const char* name : {"[Side]", "[Attacker]", "[Unrelated]"}) {
    INFO(name);
    CHECK_FALSE(committed(name));
  }
  CHECK(testing::DescribePath(b.map, commitments.ChainToThesis(b.map.VertexOf(b.Id("[P1]")))) ==
        "+ [P1] --premise--> <Arg> step 1 --conclusion--> [Mid] --premise--> <Arg> "
        "--conclusion--> [T]");
  CHECK(testing::DescribePath(b.map, commitments.ChainToThesis(b.map.VertexOf(b.Id("[Backer]")))) ==
        "+ [Backer] --supports--> [S] --supports--> <Arg> --conclusion--> [T]");
  CHECK(commitments.ChainToThesis(b.map.VertexOf(b.Id("[T]"))).empty());
}

TEST_CASE("an attack between two commitments is a contradiction", "[graph]") {
  MapBuilder b;
  b.Thesis("Border aid works");
  b.Thesis("Regimes gain");
  b.Claim("Training helps");
  b.Claim("Funds diverted");
  b.Supports("[Training helps]", "[Border aid works]");
  b.Supports("[Funds diverted]", "[Regimes gain]");
  b.Attacks("[Funds diverted]", "[Training helps]");
  CHECK(Check(b.map, {"contradiction"}) ==
        "error contradiction ([Funds diverted], [Training helps]): The author is committed to "
        "both [Funds diverted] and [Training helps], but [Funds diverted] attacks "
        "[Training helps].\n"
        "  - [Funds diverted] --attacks--> [Training helps]\n"
        "  + [Funds diverted] --supports--> [Regimes gain]\n"
        "  + [Training helps] --supports--> [Border aid works]\n");
}

TEST_CASE("a contradiction gives the same finding in either stored direction", "[graph]") {
  for (bool forward : {true, false}) {
    MapBuilder b;
    b.Thesis("Zebra");
    b.Thesis("Aardvark");
    if (forward) {
      b.Link("[Zebra]", RelationType::kContradicts, "[Aardvark]");
    } else {
      b.Link("[Aardvark]", RelationType::kContradicts, "[Zebra]");
    }
    CHECK(Check(b.map, {"contradiction"}) ==
          "error contradiction ([Aardvark], [Zebra]): The author is committed to both "
          "[Aardvark] and [Zebra], but they contradict each other.\n"
          "  - [Aardvark] --contradicts--> [Zebra]\n");
  }
}

TEST_CASE("an undercut on a committed argument by a commitment is a contradiction", "[graph]") {
  MapBuilder b;
  b.Thesis("C");
  b.Thesis("D");
  b.Claim("P");
  b.Claim("Q");
  b.Argument("Arg", {{{"P"}, "C"}});
  b.Supports("[Q]", "[D]");
  b.Link("[Q]", RelationType::kUndercuts, "<Arg>");
  CHECK(Check(b.map, {"contradiction"}) ==
        "error contradiction ([Q], <Arg>): The author is committed to both [Q] and <Arg>, but "
        "[Q] undercuts <Arg>.\n"
        "  - [Q] --undercuts--> <Arg>\n"
        "  + [Q] --supports--> [D]\n"
        "  + <Arg> --conclusion--> [C]\n");
}

TEST_CASE("relations both ways between one pair make one contradiction", "[graph]") {
  MapBuilder b;
  b.Thesis("Y");
  b.Thesis("X");
  b.Attacks("[Y]", "[X]");
  b.Attacks("[X]", "[Y]");
  b.Link("[Y]", RelationType::kContradicts, "[X]");
  CHECK(Check(b.map, {"contradiction"}) ==
        "error contradiction ([X], [Y]): The author is committed to both [X] and [Y], but [X] "
        "attacks [Y], [X] contradicts [Y] and [Y] attacks [X].\n"
        "  - [X] --attacks--> [Y]\n"
        "  - [X] --contradicts--> [Y]\n"
        "  - [Y] --attacks--> [X]\n");
}

TEST_CASE("no contradiction unless both ends are commitments", "[graph]") {
  MapBuilder b;
  b.Thesis("T");
  b.Thesis("U");
  b.Claim("Loose");
  b.Claim("Premise");
  b.Claim("Conclusion");
  b.Argument("Arg", {{{"Premise"}, "Conclusion"}});
  b.Supports("<Arg>", "[U]");
  b.Attacks("[Loose]", "[T]");       // Loose is not a commitment
  b.Attacks("[T]", "[Conclusion]");  // the conclusion of a committed argument is not offered
                                     // in support of anything
  b.Supports("[U]", "[Loose]");      // supporting Loose does not commit the author to it
  CHECK(Check(b.map, {"contradiction"}).empty());
  // Its premise is a commitment, though.
  b.Attacks("[T]", "[Premise]");
  CHECK(Check(b.map, {"contradiction"}) ==
        "error contradiction ([T], [Premise]): The author is committed to both [T] and "
        "[Premise], but [T] attacks [Premise].\n"
        "  - [T] --attacks--> [Premise]\n"
        "  + [Premise] --premise--> <Arg> --supports--> [U]\n");
}

TEST_CASE("an objection nobody answers is reported with the target's chain", "[graph]") {
  MapBuilder b;
  b.Thesis("T");
  b.Claim("Reason");
  b.Claim("Objection");
  b.Claim("Counter");
  b.Argument("Arg", {{{"Reason"}, "T"}});
  b.Attacks("[Objection]", "[Reason]");
  b.Link("[Counter]", RelationType::kUndercuts, "<Arg>");
  b.Attacks("[Objection]", "[T]");
  CHECK(Check(b.map, {"unanswered-objection"}) ==
        "warning unanswered-objection ([Counter], <Arg>): [Counter] undercuts the commitment "
        "<Arg>, and nothing attacks, undercuts or contradicts [Counter].\n"
        "  - [Counter] --undercuts--> <Arg>\n"
        "  + <Arg> --conclusion--> [T]\n"
        "warning unanswered-objection ([Objection], [Reason]): [Objection] attacks the "
        "commitment [Reason], and nothing attacks, undercuts or contradicts [Objection].\n"
        "  - [Objection] --attacks--> [Reason]\n"
        "  + [Reason] --premise--> <Arg> --conclusion--> [T]\n"
        "warning unanswered-objection ([Objection], [T]): [Objection] attacks the commitment "
        "[T], and nothing attacks, undercuts or contradicts [Objection].\n"
        "  - [Objection] --attacks--> [T]\n");
}

TEST_CASE("an objection that is attacked, undercut or contradicted is answered", "[graph]") {
  for (int answer = 0; answer < 4; ++answer) {
    MapBuilder b;
    b.Thesis("T");
    b.Claim("Objection");
    b.Claim("Reply");
    b.Argument("Counter");
    b.Attacks("[Objection]", "[T]");
    b.Attacks("<Counter>", "[T]");
    INFO("answer " << answer);
    switch (answer) {
      case 0:
        b.Attacks("[Reply]", "[Objection]");
        b.Link("[Reply]", RelationType::kUndercuts, "<Counter>");
        break;
      case 1:
        b.Link("[Reply]", RelationType::kContradicts, "[Objection]");
        b.Attacks("[T]", "<Counter>");  // answered by a commitment: also a contradiction
        break;
      case 2:
        b.Link("[Objection]", RelationType::kContradicts, "[Reply]");
        b.Attacks("[Reply]", "<Counter>");
        break;
      case 3:  // the objections are commitments themselves: contradictions, not objections
        b.Supports("[Objection]", "[T]");
        b.Supports("<Counter>", "[T]");
        break;
    }
    CHECK(Check(b.map, {"unanswered-objection"}).empty());
  }
}

TEST_CASE("an attack on something the author is not committed to is no objection", "[graph]") {
  MapBuilder b;
  b.Thesis("T");
  b.Claim("Aside");
  b.Claim("Objection");
  b.Supports("[T]", "[Aside]");
  b.Attacks("[Objection]", "[Aside]");
  CHECK(Check(b.map, {"unanswered-objection"}).empty());
}

TEST_CASE("without a thesis the commitment checks say so once", "[graph]") {
  MapBuilder b;
  b.Claim("A");
  b.Claim("B");
  b.Attacks("[A]", "[B]");
  const std::string no_thesis =
      "info no-thesis (): No statement is marked as a thesis, so contradiction and "
      "unanswered-objection cannot tell what the author is committed to; mark the claims the "
      "map asserts with #thesis.\n";
  CHECK(Check(b.map, {"contradiction", "unanswered-objection"}) == no_thesis);
  CHECK(Check(b.map, {"no-thesis"}) == no_thesis);
  CHECK(Check(b.map, {"circular"}).empty());
  CHECK(Check(b.map) == no_thesis);
  b.Thesis("T");
  CHECK(Check(b.map, {"no-thesis"}).empty());
}

TEST_CASE("an unsupported thesis, premise or supporter is reported", "[graph]") {
  MapBuilder b;
  b.Thesis("Lonely thesis");
  b.Thesis("T");
  b.Claim("Premise");
  b.Claim("Helper");
  b.Claim("Target");
  b.Argument("Arg", {{{"Premise"}, "T"}});
  b.Supports("[Helper]", "[Target]");
  CHECK(Check(b.map, {"unsupported"}) ==
        "warning unsupported ([Helper]): [Helper] is offered as a reason, but nothing supports "
        "it and no argument concludes it.\n"
        "  + [Helper] --supports--> [Target]\n"
        "warning unsupported ([Lonely thesis]): The thesis [Lonely thesis] has no support: "
        "nothing supports it and no argument concludes it.\n"
        "warning unsupported ([Premise]): [Premise] is offered as a reason, but nothing "
        "supports it and no argument concludes it.\n"
        "  + [Premise] --premise--> <Arg> --conclusion--> [T]\n");
}

TEST_CASE("supported claims, intermediate conclusions and other roles are not unsupported",
          "[graph]") {
  MapBuilder b;
  b.Thesis("T");
  b.Claim("Mid");
  b.Claim("Backed");
  b.Add("Data", Role::kEvidence, false, "Survey 2020");
  b.Add("Given", Role::kAssumption);
  b.Add("Rule", Role::kWarrant);
  b.Objective("Goal");
  b.Action("Act");
  b.Argument("Arg", {{{"Data", "Given"}, "Mid"}, {{"Mid", "Rule", "Backed"}, "T"}}, "Rule");
  b.Supports("[Data]", "[Backed]");
  b.Supports("[Goal]", "[T]");
  b.Supports("[Act]", "[Goal]");
  CHECK(Check(b.map, {"unsupported"}).empty());
}

}  // namespace
}  // namespace argmap
