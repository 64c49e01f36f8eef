// The index entries a record implies: the adjacency entries of a relation or of an argument's
// premise and conclusion edges, and the step references of a multi-step argument. Writers use
// these to build indexes, fsck to recompute what the indexes should hold: one definition.
// Thread-safety: pure functions.
#pragma once

#include <tuple>

#include "graph/model.h"
#include "storage/keys.h"

namespace argmap {

// One entry of the adjacency index: `edge` of `type` leaves (kOut) or enters (kIn) `node`.
struct AdjacencyEntry {
  NodeId node = kNoNode;
  EdgeId edge = 0;
  NodeId other = kNoNode;
  keys::Direction direction = keys::Direction::kOut;
  RelationType type = RelationType::kSupports;

  // The key order: node, direction, type, edge.
  friend bool operator<(const AdjacencyEntry& a, const AdjacencyEntry& b) {
    return std::tie(a.node, a.direction, a.type, a.edge) <
           std::tie(b.node, b.direction, b.type, b.edge);
  }
  bool operator==(const AdjacencyEntry&) const = default;
};

// Calls f(const AdjacencyEntry&) for both ends of one edge.
template <typename F>
void ForEachEnd(RelationType type, EdgeId edge, NodeId from, NodeId to, F&& f) {
  f(AdjacencyEntry{from, edge, to, keys::Direction::kOut, type});
  f(AdjacencyEntry{to, edge, from, keys::Direction::kIn, type});
}

template <typename F>
void ForEachAdjacency(const Relation& r, F&& f) {
  ForEachEnd(r.type, r.id, r.from, r.to, f);
}

// Premise edges run premise -> step node, conclusion edges step node -> conclusion.
template <typename F>
void ForEachAdjacency(const Argument& a, F&& f) {
  for (const InferenceStep& step : a.steps) {
    for (size_t i = 0; i < step.premises.size() && i < step.premise_edges.size(); ++i) {
      ForEachEnd(RelationType::kPremise, step.premise_edges[i], step.premises[i], step.node, f);
    }
    ForEachEnd(RelationType::kConclusion, step.conclusion_edge, step.node, step.conclusion, f);
  }
}

// Calls f(NodeId step_node, uint32_t step) for every inference step but the last (whose node is
// the argument itself).
template <typename F>
void ForEachEarlierStep(const Argument& a, F&& f) {
  for (size_t j = 0; j + 1 < a.steps.size(); ++j) f(a.steps[j].node, static_cast<uint32_t>(j));
}

}  // namespace argmap
