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

}  // namespace argmap::dot_review_test
