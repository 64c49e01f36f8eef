// The checks that look at one node and its own edges: missing-warrant, unbacked-warrant,
// unsourced-evidence and orphan. Each is one pass over the records: O(V + E).
#include <algorithm>

#include "graph/check_context.h"

namespace argmap {
namespace {

Finding Single(const char* check, NodeId node, std::string message) {
  return Finding{check, Severity::kInfo, {node}, std::move(message), {}};
}

// The premises of an argument that no earlier step concludes, in the order the steps give them.
std::vector<NodeId> OuterPremises(const Argument& a) {
  std::vector<NodeId> out;
  for (size_t j = 0; j < a.steps.size(); ++j) {
    for (NodeId p : a.steps[j].premises) {
      bool intermediate = std::any_of(a.steps.begin(), a.steps.begin() + j,
                                      [&](const InferenceStep& s) { return s.conclusion == p; });
      if (!intermediate && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    }
  }
  return out;
}

}  // namespace

void CheckMissingWarrants(CheckContext& context, std::vector<Finding>* out) {
  const ArgumentMap& map = context.map();
  for (const Argument& a : map.arguments()) {
    if (a.steps.empty()) continue;  // no inference written out: nothing to ask about yet
    bool warranted = std::any_of(a.steps.begin(), a.steps.end(), [&](const InferenceStep& s) {
      return std::any_of(s.premises.begin(), s.premises.end(),
                         [&](NodeId p) { return map.statement(p)->role == Role::kWarrant; });
    });
    if (warranted) continue;
    std::vector<std::string> premises;
    for (NodeId p : OuterPremises(a)) premises.push_back(map.DisplayName(p));
    Finding f =
        Single("missing-warrant", a.id,
               "No premise of " + map.DisplayName(a.id) + " is a warrant, so nothing says why " +
                   map.DisplayName(a.conclusion()) + " follows from " +
                   (premises.empty() ? "nothing" : JoinNames(premises)) + ".");
    // Every premise through its step to the step's conclusion: the inference in question.
    for (const InferenceStep& s : a.steps) {
      for (NodeId p : s.premises) {
        f.evidence.push_back({PathStep{p, RelationType::kPremise, +1, s.node},
                              PathStep{s.node, RelationType::kConclusion, +1, s.conclusion}});
      }
    }
    out->push_back(std::move(f));
  }
}

void CheckUnbackedWarrants(CheckContext& context, std::vector<Finding>* out) {
  const ArgumentMap& map = context.map();
  const Graph& g = map.graph();
  for (const Statement& s : map.statements()) {
    if (s.role != Role::kWarrant) continue;
    Vertex v = context.VertexOf(s.id);
    bool supported = false;
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
      RelationType type = g[*it].type;
      supported |= type == RelationType::kSupports || type == RelationType::kConclusion;
    }
    if (supported) continue;
    Finding f = Single("unbacked-warrant", s.id,
                       "The warrant " + map.DisplayName(s.id) +
                           " has no backing: nothing supports it and no argument concludes it.");
    // Where it is used: every inference step that rests on it, in NodeOrder.
    std::vector<Vertex> steps;
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
      if (g[*it].type == RelationType::kPremise) steps.push_back(boost::target(*it, g));
    }
    const NodeOrder& order = context.order();
    std::sort(steps.begin(), steps.end(), [&](Vertex a, Vertex b) { return order.Less(a, b); });
    for (Vertex step : steps) {
      f.evidence.push_back({PathStep{s.id, RelationType::kPremise, +1, context.Id(step)}});
    }
    out->push_back(std::move(f));
  }
}

void CheckUnsourcedEvidence(CheckContext& context, std::vector<Finding>* out) {
  const ArgumentMap& map = context.map();
  for (const Statement& s : map.statements()) {
    if (s.role != Role::kEvidence || !s.source.empty()) continue;
    out->push_back(Single("unsourced-evidence", s.id,
                          "The evidence " + map.DisplayName(s.id) + " names no source."));
  }
}

void CheckOrphans(CheckContext& context, std::vector<Finding>* out) {
  const ArgumentMap& map = context.map();
  const Graph& g = map.graph();
  auto check = [&](NodeId id) {
    Vertex v = context.VertexOf(id);
    if (boost::in_degree(v, g) + boost::out_degree(v, g) != 0) return;
    out->push_back(Single("orphan", id,
                          map.DisplayName(id) + " has no relation to anything else in the map."));
  };
  for (const Statement& s : map.statements()) check(s.id);
  for (const Argument& a : map.arguments()) check(a.id);
}

}  // namespace argmap
