// Test support for the DOT and review writer tests: builds small maps in a line each.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "graph/argument_map.h"

namespace argmap::dot_review_test {

// Adds records to a map it does not own, REQUIRE-ing that each addition succeeds.
class MapBuilder {
 public:
  explicit MapBuilder(ArgumentMap* map) : map_(map) {}

  NodeId Statement(std::string title, std::string text, Role role = Role::kClaim,
                   bool thesis = false) {
    argmap::Statement s;
    s.title = std::move(title);
    s.text = std::move(text);
    s.role = role;
    s.thesis = thesis;
    NodeId id = kNoNode;
    REQUIRE(map_->AddStatement(std::move(s), &id).ok());
    return id;
  }

  void StatementWithId(NodeId id, std::string title) {
    argmap::Statement s;
    s.id = id;
    s.title = std::move(title);
    REQUIRE(map_->AddStatement(std::move(s)).ok());
  }

  void SetSource(NodeId id, std::string source, std::string quote) {
    argmap::Statement s = *map_->statement(id);
    s.source = std::move(source);
    s.quote = std::move(quote);
    REQUIRE(map_->UpdateStatement(s).ok());
  }

  void SetActor(NodeId id, std::string actor) {
    argmap::Statement s = *map_->statement(id);
    s.actor = std::move(actor);
    REQUIRE(map_->UpdateStatement(s).ok());
  }

  void SetSection(NodeId id, std::string section) {
    argmap::Statement s = *map_->statement(id);
    s.section = std::move(section);
    REQUIRE(map_->UpdateStatement(s).ok());
  }

  NodeId Argument(std::string title, std::string gist, std::vector<NodeId> premises,
                  NodeId conclusion, NodeId warrant = kNoNode) {
    argmap::Argument a;
    a.title = std::move(title);
    a.text = std::move(gist);
    if (conclusion != kNoNode) {
      a.steps.push_back(InferenceStep{kNoNode, std::move(premises), {}, conclusion, 0, ""});
    }
    a.warrant = warrant;
    NodeId id = kNoNode;
    REQUIRE(map_->AddArgument(std::move(a), &id).ok());
    return id;
  }

  NodeId TwoStepArgument(std::string title, std::string gist, std::vector<NodeId> premises1,
                         NodeId intermediate, std::vector<NodeId> premises2, NodeId conclusion,
                         NodeId warrant) {
    argmap::Argument a;
    a.title = std::move(title);
    a.text = std::move(gist);
    a.steps.push_back(InferenceStep{kNoNode, std::move(premises1), {}, intermediate, 0, ""});
    a.steps.push_back(InferenceStep{kNoNode, std::move(premises2), {}, conclusion, 0, ""});
    a.warrant = warrant;
    NodeId id = kNoNode;
    REQUIRE(map_->AddArgument(std::move(a), &id).ok());
    return id;
  }

  EdgeId Relate(RelationType type, NodeId from, NodeId to) {
    EdgeId id = 0;
    REQUIRE(map_->AddRelation(type, from, to, &id).ok());
    return id;
  }

 private:
  ArgumentMap* map_;
};

// A small map in the manner of the EU Central Asia chapter on which every check fires: an action
// promoting one objective and hindering another, a self-defeating action, two theses that
// contradict each other, a circle, an unanswered objection, unsupported claims, an argument
// without a warrant, an unbacked warrant, unsourced evidence and an orphan.
inline void BuildEveryCheckMap(ArgumentMap* map) {
  map->set_title("EU security assistance in Central Asia");
  MapBuilder b(map);
  NodeId focus = b.Statement("EU focus",
                             "The EU's focus on border management works against "
                             "its other objectives.",
                             Role::kClaim, true);
  NodeId bomca =
      b.Statement("BOMCA", "Border Management Programme in Central Asia.", Role::kAction);
  b.SetActor(bomca, "EU");
  NodeId security = b.Statement("Security", "", Role::kObjective);
  NodeId democracy = b.Statement("Democratization", "", Role::kObjective);
  NodeId controls = b.Statement("Border controls", "Borders are controlled more tightly.");
  NodeId regimes = b.Statement("Regimes resourced", "Aid resources authoritarian regimes.");
  NodeId report = b.Statement("Aid report", "Most aid went to border agencies.", Role::kEvidence);
  b.SetSource(report, "European Union 2007: 27", "border management is a priority");
  NodeId rule = b.Statement("Rule", "Resources given to a regime strengthen it.", Role::kWarrant);
  NodeId reform = b.Statement("Reform works", "Reform is on track.", Role::kClaim, true);
  NodeId objection = b.Statement("Objection", "Borders must be secured first.");
  NodeId loop_a = b.Statement("Loop A", "A because B.");
  NodeId loop_b = b.Statement("Loop B", "B because A.");
  NodeId old_data = b.Statement("Old data", "Figures from 1999.", Role::kEvidence);
  b.Statement("Lonely", "Nothing to do with anything.");
  NodeId patrols = b.Statement("Patrols", "Joint patrols.", Role::kAction);
  NodeId bare = b.Statement("Bare claim", "Said without support.");
  b.Argument("Resourcing", "Aid strengthens regimes.", {report, rule}, regimes, rule);
  b.Argument("Controls", "", {bomca}, controls);
  b.Relate(RelationType::kSupports, controls, security);
  b.Relate(RelationType::kAttacks, regimes, democracy);
  b.Relate(RelationType::kSupports, bomca, regimes);
  b.Relate(RelationType::kSupports, regimes, focus);
  b.Relate(RelationType::kSupports, loop_a, loop_b);
  b.Relate(RelationType::kSupports, loop_b, loop_a);
  b.Relate(RelationType::kSupports, loop_a, focus);
  b.Relate(RelationType::kAttacks, objection, focus);
  b.Relate(RelationType::kContradicts, reform, focus);
  b.Relate(RelationType::kSupports, old_data, regimes);
  b.Relate(RelationType::kSupports, patrols, security);
  b.Relate(RelationType::kAttacks, patrols, security);
  b.Relate(RelationType::kSupports, bare, focus);
}

}  // namespace argmap::dot_review_test
