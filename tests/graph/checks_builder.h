// Test helpers for the checks: build small maps by title, and describe findings as text that a
// test compares whole (check, nodes, message, every evidence path with its sign).
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "graph/argument_map.h"
#include "graph/checks.h"
#include "graph/finding.h"

namespace argmap::testing {

class MapBuilder {
 public:
  NodeId Add(std::string title, Role role = Role::kClaim, bool thesis = false,
             std::string source = "") {
    Statement s;
    s.title = std::move(title);
    s.role = role;
    s.thesis = thesis;
    s.source = std::move(source);
    NodeId id = kNoNode;
    Status status = map.AddStatement(std::move(s), &id);
    INFO(status.message());
    REQUIRE(status.ok());
    return id;
  }
  NodeId Claim(std::string title) { return Add(std::move(title)); }
  NodeId Thesis(std::string title) { return Add(std::move(title), Role::kClaim, true); }
  NodeId Objective(std::string title) { return Add(std::move(title), Role::kObjective); }
  NodeId Action(std::string title) { return Add(std::move(title), Role::kAction); }

  // steps: (premise titles, conclusion title); statements must exist. warrant: a premise title.
  NodeId Argument(std::string title,
                  std::vector<std::pair<std::vector<std::string>, std::string>> steps = {},
                  std::string warrant = "") {
    argmap::Argument a;
    a.title = std::move(title);
    for (auto& [premises, conclusion] : steps) {
      InferenceStep step;
      for (const std::string& p : premises) step.premises.push_back(Id("[" + p + "]"));
      step.conclusion = Id("[" + conclusion + "]");
      a.steps.push_back(std::move(step));
    }
    if (!warrant.empty()) a.warrant = Id("[" + warrant + "]");
    NodeId id = kNoNode;
    Status status = map.AddArgument(std::move(a), &id);
    INFO(status.message());
    REQUIRE(status.ok());
    return id;
  }

  // from and to as on the command line: "[Statement]", "<Argument>".
  void Link(const std::string& from, RelationType type, const std::string& to) {
    Status status = map.AddRelation(type, Id(from), Id(to));
    INFO(from + " " + std::string(RelationName(type)) + " " + to + ": " + status.message());
    REQUIRE(status.ok());
  }
  void Supports(const std::string& from, const std::string& to) {
    Link(from, RelationType::kSupports, to);
  }
  void Attacks(const std::string& from, const std::string& to) {
    Link(from, RelationType::kAttacks, to);
  }

  NodeId Id(const std::string& name) const {
    NodeId id = kNoNode;
    Status status = map.Resolve(name, &id);
    INFO(name + ": " + status.message());
    REQUIRE(status.ok());
    return id;
  }

  ArgumentMap map;
};

inline std::string DescribePath(const ArgumentMap& map, const EvidencePath& path) {
  std::string out = PathSign(path) > 0 ? "+" : "-";
  for (size_t i = 0; i < path.size(); ++i) {
    if (i == 0) out += " " + map.DisplayName(path[i].from);
    out +=
        " --" + std::string(RelationName(path[i].relation)) + "--> " + map.DisplayName(path[i].to);
  }
  return out;
}

// "check (node, node): message" and one "  sign path" line per evidence path.
inline std::string Describe(const ArgumentMap& map, const Finding& f) {
  std::string out = std::string(SeverityName(f.severity)) + " " + f.check + " (";
  for (size_t i = 0; i < f.nodes.size(); ++i) {
    out += (i ? ", " : "") + map.DisplayName(f.nodes[i]);
  }
  out += "): " + f.message + "\n";
  for (const EvidencePath& path : f.evidence) out += "  " + DescribePath(map, path) + "\n";
  return out;
}

inline std::string Describe(const ArgumentMap& map, const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) out += Describe(map, f);
  return out;
}

// Runs the given checks (all when empty) and describes what they found.
inline std::string Check(const ArgumentMap& map, std::vector<std::string> only = {},
                         int max_depth = -1) {
  std::vector<Finding> findings;
  Status status = RunChecks(map, CheckOptions{std::move(only), max_depth}, &findings);
  INFO(status.message());
  REQUIRE(status.ok());
  return Describe(map, findings);
}

}  // namespace argmap::testing
