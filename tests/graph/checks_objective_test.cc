// objective-conflict and self-defeating.
#include <catch2/catch.hpp>

#include "tests/graph/checks_builder.h"

namespace argmap {
namespace {

using testing::Check;
using testing::MapBuilder;

const std::vector<std::string> kObjectiveChecks = {"objective-conflict", "self-defeating"};

TEST_CASE("an action that promotes one objective and hinders two is one conflict", "[graph]") {
  MapBuilder b;
  b.Action("BOMCA");
  b.Claim("Border controls");
  b.Claim("Regime resources");
  b.Claim("Borderland poverty");
  b.Objective("Security");
  b.Objective("Democratization");
  b.Objective("Economic reform");
  b.Supports("[BOMCA]", "[Border controls]");
  b.Supports("[Border controls]", "[Security]");
  b.Supports("[BOMCA]", "[Regime resources]");
  b.Attacks("[Regime resources]", "[Democratization]");
  b.Supports("[Border controls]", "[Borderland poverty]");
  b.Attacks("[Borderland poverty]", "[Economic reform]");
  CHECK(Check(b.map, kObjectiveChecks) ==
        "error objective-conflict ([BOMCA], [Democratization], [Economic reform], [Security]): "
        "[BOMCA] promotes [Security] but hinders [Democratization] and [Economic reform].\n"
        "  + [BOMCA] --supports--> [Border controls] --supports--> [Security]\n"
        "  - [BOMCA] --supports--> [Regime resources] --attacks--> [Democratization]\n"
        "  - [BOMCA] --supports--> [Border controls] --supports--> [Borderland poverty] "
        "--attacks--> [Economic reform]\n");
}

TEST_CASE("no conflict when every path into objectives has one sign", "[graph]") {
  MapBuilder b;
  b.Action("Aid");
  b.Action("Sanctions");
  b.Claim("Growth");
  b.Objective("Prosperity");
  b.Objective("Stability");
  b.Supports("[Aid]", "[Growth]");
  b.Supports("[Growth]", "[Prosperity]");
  b.Supports("[Growth]", "[Stability]");
  b.Attacks("[Sanctions]", "[Prosperity]");
  b.Attacks("[Sanctions]", "[Stability]");
  CHECK(Check(b.map, kObjectiveChecks).empty());
}

TEST_CASE("an objective that hinders another objective conflicts with itself promoted", "[graph]") {
  MapBuilder b;
  b.Objective("Security");
  b.Objective("Democracy");
  b.Claim("Surveillance");
  b.Supports("[Security]", "[Surveillance]");
  b.Attacks("[Surveillance]", "[Democracy]");
  CHECK(Check(b.map, kObjectiveChecks) ==
        "error objective-conflict ([Security], [Democracy]): "
        "[Security] promotes itself but hinders [Democracy].\n"
        "  - [Security] --supports--> [Surveillance] --attacks--> [Democracy]\n");
}

TEST_CASE("an objective that hinders itself through a cycle is self-defeating", "[graph]") {
  MapBuilder b;
  b.Objective("Order");
  b.Claim("Repression");
  b.Claim("Unrest");
  b.Supports("[Order]", "[Repression]");
  b.Supports("[Repression]", "[Unrest]");
  b.Attacks("[Unrest]", "[Order]");
  CHECK(Check(b.map, kObjectiveChecks) ==
        "error self-defeating ([Order]): [Order] both promotes and hinders itself.\n"
        "  - [Order] --supports--> [Repression] --supports--> [Unrest] --attacks--> [Order]\n");
}

TEST_CASE("an action that promotes and hinders the same objective is self-defeating only",
          "[graph]") {
  MapBuilder b;
  b.Action("Tariffs");
  b.Claim("Local industry");
  b.Claim("Prices");
  b.Objective("Welfare");
  b.Supports("[Tariffs]", "[Local industry]");
  b.Supports("[Local industry]", "[Welfare]");
  b.Supports("[Tariffs]", "[Prices]");
  b.Attacks("[Prices]", "[Welfare]");
  CHECK(Check(b.map, kObjectiveChecks) ==
        "error self-defeating ([Tariffs], [Welfare]): "
        "[Tariffs] both promotes and hinders [Welfare].\n"
        "  + [Tariffs] --supports--> [Local industry] --supports--> [Welfare]\n"
        "  - [Tariffs] --supports--> [Prices] --attacks--> [Welfare]\n");
  // With only one of the two checks selected, only that one reports.
  CHECK(Check(b.map, {"objective-conflict"}).empty());
}

TEST_CASE("an undercut on an argument hinders what the argument concludes", "[graph]") {
  MapBuilder b;
  b.Action("Training");
  b.Action("Audit");
  b.Claim("Skills");
  b.Objective("Capacity");
  b.Objective("Transparency");
  b.Argument("Skills build capacity", {{{"Skills"}, "Capacity"}});
  b.Supports("[Training]", "[Skills]");
  b.Supports("[Training]", "[Transparency]");
  b.Link("[Audit]", RelationType::kUndercuts, "<Skills build capacity>");
  b.Supports("[Audit]", "[Transparency]");
  CHECK(Check(b.map, kObjectiveChecks) ==
        "error objective-conflict ([Audit], [Capacity], [Transparency]): "
        "[Audit] promotes [Transparency] but hinders [Capacity].\n"
        "  + [Audit] --supports--> [Transparency]\n"
        "  - [Audit] --undercuts--> <Skills build capacity> --conclusion--> [Capacity]\n");
}

TEST_CASE("paths run through every step of a multi-step argument", "[graph]") {
  MapBuilder b;
  b.Action("Patrols");
  b.Claim("Fewer crossings");
  b.Claim("Less trade");
  b.Claim("Smuggling stops");
  b.Objective("Income");
  b.Objective("Security");
  b.Argument("Closure", {{{"Fewer crossings"}, "Less trade"}, {{"Less trade"}, "Smuggling stops"}});
  b.Supports("[Patrols]", "[Fewer crossings]");
  b.Supports("[Smuggling stops]", "[Security]");
  b.Attacks("[Less trade]", "[Income]");
  CHECK(Check(b.map, kObjectiveChecks) ==
        "error objective-conflict ([Patrols], [Income], [Security]): "
        "[Patrols] promotes [Security] but hinders [Income].\n"
        "  + [Patrols] --supports--> [Fewer crossings] --premise--> <Closure> step 1 "
        "--conclusion--> [Less trade] --premise--> <Closure> --conclusion--> [Smuggling stops] "
        "--supports--> [Security]\n"
        "  - [Patrols] --supports--> [Fewer crossings] --premise--> <Closure> step 1 "
        "--conclusion--> [Less trade] --attacks--> [Income]\n");
}

TEST_CASE("a contradiction is walked in both directions", "[graph]") {
  // Stored as [Open borders] >< [Closed borders] in one map and the other way in the second.
  for (bool forward : {true, false}) {
    MapBuilder b;
    b.Action("Visa waiver");
    b.Claim("Open borders");
    b.Claim("Closed borders");
    b.Objective("Mobility");
    b.Objective("Control");
    b.Supports("[Visa waiver]", "[Open borders]");
    b.Supports("[Open borders]", "[Mobility]");
    b.Supports("[Closed borders]", "[Control]");
    if (forward) {
      b.Link("[Open borders]", RelationType::kContradicts, "[Closed borders]");
    } else {
      b.Link("[Closed borders]", RelationType::kContradicts, "[Open borders]");
    }
    CHECK(Check(b.map, kObjectiveChecks) ==
          "error objective-conflict ([Visa waiver], [Control], [Mobility]): "
          "[Visa waiver] promotes [Mobility] but hinders [Control].\n"
          "  + [Visa waiver] --supports--> [Open borders] --supports--> [Mobility]\n"
          "  - [Visa waiver] --supports--> [Open borders] --contradicts--> [Closed borders] "
          "--supports--> [Control]\n");
  }
}

TEST_CASE("max-depth bounds the paths the objective checks follow", "[graph]") {
  MapBuilder b;
  b.Action("Act");
  b.Claim("Step 1");
  b.Claim("Step 2");
  b.Objective("Near");
  b.Objective("Far");
  b.Supports("[Act]", "[Near]");
  b.Supports("[Act]", "[Step 1]");
  b.Supports("[Step 1]", "[Step 2]");
  b.Attacks("[Step 2]", "[Far]");
  CHECK(Check(b.map, {"objective-conflict"}, 2).empty());
  CHECK(Check(b.map, {"objective-conflict"}, 3) ==
        "error objective-conflict ([Act], [Far], [Near]): "
        "[Act] promotes [Near] but hinders [Far].\n"
        "  + [Act] --supports--> [Near]\n"
        "  - [Act] --supports--> [Step 1] --supports--> [Step 2] --attacks--> [Far]\n");
}

TEST_CASE("of two shortest paths the evidence takes the one with the lesser titles", "[graph]") {
  MapBuilder b;
  b.Action("Act");
  b.Claim("Zeta");
  b.Claim("Alpha");
  b.Objective("Goal");
  b.Objective("Other");
  b.Supports("[Act]", "[Zeta]");
  b.Supports("[Act]", "[Alpha]");
  b.Supports("[Zeta]", "[Goal]");
  b.Supports("[Alpha]", "[Goal]");
  b.Attacks("[Act]", "[Other]");
  CHECK(Check(b.map, {"objective-conflict"}) ==
        "error objective-conflict ([Act], [Goal], [Other]): "
        "[Act] promotes [Goal] but hinders [Other].\n"
        "  + [Act] --supports--> [Alpha] --supports--> [Goal]\n"
        "  - [Act] --attacks--> [Other]\n");
}

TEST_CASE("claims are not sources, objectives are", "[graph]") {
  MapBuilder b;
  b.Claim("Plain claim");
  b.Objective("A");
  b.Objective("B");
  b.Supports("[Plain claim]", "[A]");
  b.Attacks("[Plain claim]", "[B]");
  CHECK(Check(b.map, kObjectiveChecks).empty());

  // Now each objective reaches the other through the claim: A promotes A and hinders B; B
  // hinders A and promotes itself twice over (the empty path, and - times -).
  b.Supports("[A]", "[Plain claim]");
  b.Attacks("[B]", "[Plain claim]");
  CHECK(Check(b.map, kObjectiveChecks) ==
        "error objective-conflict ([A], [B]): [A] promotes itself but hinders [B].\n"
        "  - [A] --supports--> [Plain claim] --attacks--> [B]\n"
        "error objective-conflict ([B], [A]): [B] promotes itself but hinders [A].\n"
        "  - [B] --attacks--> [Plain claim] --supports--> [A]\n");
}

TEST_CASE("a source can be in conflict and self-defeating at once", "[graph]") {
  MapBuilder b;
  b.Action("Mixed");
  b.Claim("Mid");
  b.Objective("A");
  b.Objective("B");
  b.Supports("[Mixed]", "[A]");
  b.Supports("[Mixed]", "[Mid]");
  b.Attacks("[Mid]", "[A]");
  b.Attacks("[Mid]", "[B]");
  CHECK(Check(b.map, kObjectiveChecks) ==
        "error objective-conflict ([Mixed], [A], [B]): "
        "[Mixed] promotes [A] but hinders [A] and [B].\n"
        "  + [Mixed] --supports--> [A]\n"
        "  - [Mixed] --supports--> [Mid] --attacks--> [A]\n"
        "  - [Mixed] --supports--> [Mid] --attacks--> [B]\n"
        "error self-defeating ([Mixed], [A]): [Mixed] both promotes and hinders [A].\n"
        "  + [Mixed] --supports--> [A]\n"
        "  - [Mixed] --supports--> [Mid] --attacks--> [A]\n");
}

TEST_CASE("more objectives than one bit-parallel search holds are searched in batches", "[graph]") {
  MapBuilder b;
  b.Action("Act");
  b.Claim("Hub");
  b.Supports("[Act]", "[Hub]");
  std::string promoted;
  for (int i = 10; i < 35; ++i) {  // 25 objectives; titles sort as numbers do
    std::string name = "Goal " + std::to_string(i);
    b.Objective(name);
    if (i == 27) {
      b.Attacks("[Hub]", "[" + name + "]");
    } else {
      b.Supports("[Hub]", "[" + name + "]");
      promoted += std::string(promoted.empty() ? "" : ", ") + "[" + name + "]";
    }
  }
  promoted.replace(promoted.rfind(", "), 2, " and ");
  std::string findings = Check(b.map, {"objective-conflict"});
  CHECK(findings.substr(0, findings.find('\n')) ==
        "error objective-conflict ([Act], [Goal 10], [Goal 11], [Goal 12], [Goal 13], [Goal 14], "
        "[Goal 15], [Goal 16], [Goal 17], [Goal 18], [Goal 19], [Goal 20], [Goal 21], [Goal 22], "
        "[Goal 23], [Goal 24], [Goal 25], [Goal 26], [Goal 27], [Goal 28], [Goal 29], [Goal 30], "
        "[Goal 31], [Goal 32], [Goal 33], [Goal 34]): [Act] promotes " +
            promoted + " but hinders [Goal 27].");
  CHECK(findings.find("  - [Act] --supports--> [Hub] --attacks--> [Goal 27]\n") !=
        std::string::npos);
  CHECK(findings.find("  + [Act] --supports--> [Hub] --supports--> [Goal 34]\n") !=
        std::string::npos);
  // One line for the finding, one per path; the objectives are sinks, so nothing else fires.
  CHECK(std::count(findings.begin(), findings.end(), '\n') == 1 + 25);
}

TEST_CASE("walks longer than 254 steps are found by the exact fallback", "[graph]") {
  MapBuilder b;
  b.Action("Start");
  b.Objective("Near");
  b.Objective("Far");
  b.Supports("[Start]", "[Near]");
  std::string previous = "[Start]";
  for (int i = 0; i < 299; ++i) {
    std::string next = "[Link " + std::to_string(i) + "]";
    b.Claim(next.substr(1, next.size() - 2));
    b.Supports(previous, next);
    previous = next;
  }
  b.Attacks(previous, "[Far]");
  std::string findings = Check(b.map, {"objective-conflict"});
  CHECK(findings.substr(0, findings.find('\n')) ==
        "error objective-conflict ([Start], [Far], [Near]): [Start] promotes [Near] but hinders "
        "[Far].");
  CHECK(findings.find("[Link 298] --attacks--> [Far]\n") != std::string::npos);
  // One arrow per step: [Start] -> [Near], then 299 links and the attack.
  CHECK(std::count(findings.begin(), findings.end(), '>') == 1 + 300);
}

}  // namespace
}  // namespace argmap
