// The checks that look at one node and its own edges: missing-warrant, unbacked-warrant,
// unsourced-evidence and orphan. Each is one pass over the vertices or arguments: O(V + E).
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

bool HasWarrant(const CheckContext& context, const Argument& a) {
  for (const InferenceStep& s : a.steps) {
    for (NodeId p : s.premises) {
      if (context.HasRole(context.VertexOf(p), Role::kWarrant)) return true;
    }
  }
  return false;
}

}  // namespace

void CheckMissingWarrants(CheckContext& context, std::vector<Finding>* out) {
  for (const Argument& a : context.map().arguments()) {
    // Without an inference written out there is no step to ask about yet.
    if (a.steps.empty() || HasWarrant(context, a)) continue;
    Finding f = Single("missing-warrant", a.id, "No premise of ");
    context.AppendName(&f.message, context.VertexOf(a.id));
    f.message += " is a warrant, so nothing says why ";
    context.AppendName(&f.message, context.VertexOf(a.conclusion()));
    f.message += " follows from ";
    std::vector<NodeId> premises = OuterPremises(a);
    context.AppendNames(&f.message, premises);
    if (premises.empty()) f.message += "nothing";
    f.message += '.';
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
  const SignedAdjacency& adjacency = context.adjacency();
  for (Vertex v = 0; v < context.vertex_count(); ++v) {
    if (!context.HasRole(v, Role::kWarrant)) continue;
    auto predecessors = adjacency.Predecessors(v);
    if (std::any_of(predecessors.begin(), predecessors.end(), [](uint32_t entry) {
          RelationType type = SignedAdjacency::RelationOf(entry);
          return type == RelationType::kSupports || type == RelationType::kConclusion;
        })) {
      continue;
    }
    Finding f = Single("unbacked-warrant", context.Id(v), "The warrant ");
    context.AppendName(&f.message, v);
    f.message += " has no backing: nothing supports it and no argument concludes it.";
    // Where it is used: every inference step that rests on it, in NodeOrder.
    std::vector<Vertex> steps;
    for (uint32_t entry : adjacency.Successors(v)) {
      if (SignedAdjacency::RelationOf(entry) == RelationType::kPremise) {
        steps.push_back(SignedAdjacency::VertexOf(entry));
      }
    }
    const NodeOrder& order = context.order();
    std::sort(steps.begin(), steps.end(), [&](Vertex a, Vertex b) { return order.Less(a, b); });
    for (Vertex step : steps) {
      f.evidence.push_back({PathStep{f.nodes[0], RelationType::kPremise, +1, context.Id(step)}});
    }
    out->push_back(std::move(f));
  }
}

void CheckUnsourcedEvidence(CheckContext& context, std::vector<Finding>* out) {
  for (Vertex v = 0; v < context.vertex_count(); ++v) {
    if (!context.HasRole(v, Role::kEvidence) || context.HasSource(v)) continue;
    Finding f = Single("unsourced-evidence", context.Id(v), "The evidence ");
    context.AppendName(&f.message, v);
    f.message += " names no source.";
    out->push_back(std::move(f));
  }
}

void CheckOrphans(CheckContext& context, std::vector<Finding>* out) {
  const SignedAdjacency& adjacency = context.adjacency();
  for (Vertex v = 0; v < context.vertex_count(); ++v) {
    if (context.KindOf(v) == NodeKind::kStep || !adjacency.Successors(v).empty() ||
        !adjacency.Predecessors(v).empty()) {
      continue;
    }
    Finding f = Single("orphan", context.Id(v), context.Name(v));
    f.message += " has no relation to anything else in the map.";
    out->push_back(std::move(f));
  }
}

}  // namespace argmap
