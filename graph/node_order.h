// NodeOrder: the order in which results name nodes — by title, a statement before an argument of
// the same title, an argument's steps in order — so that every tie an analysis breaks is broken
// the same way whatever order the map's records were added in (vertex indices and ids follow that
// order; titles do not).
//
// DescendShortest turns a breadth-first distance field into one shortest path, choosing at every
// step the least next node (then the least relation) among those one step closer: the canonical
// shortest path, the same for isomorphic maps.
//
// Ownership: NodeOrder holds a reference to the map, which must outlive it.
// Thread-safety: const; safe to share between threads.
// Invariants: Compare is a strict total order on the vertices of the map.
#pragma once

#include <cstdint>
#include <string_view>

#include "graph/argument_map.h"
#include "graph/finding.h"
#include "graph/signed_adjacency.h"

namespace argmap {

class NodeOrder {
 public:
  explicit NodeOrder(const ArgumentMap& map) : map_(map) {}

  // < 0, 0 or > 0 as a sorts before, is, or sorts after b.
  int Compare(Vertex a, Vertex b) const;
  bool Less(Vertex a, Vertex b) const { return Compare(a, b) < 0; }
  // The plain title: a statement's or an argument's; a step gives its argument's.
  std::string_view Title(Vertex v) const;

 private:
  const ArgumentMap& map_;
};

inline constexpr uint32_t kUnreached = UINT32_MAX;

// The relations that offer support (SPEC §3 "circular"): supports, premise, conclusion.
constexpr bool IsSupportRelation(RelationType type) {
  return type == RelationType::kSupports || type == RelationType::kPremise ||
         type == RelationType::kConclusion;
}

// From `start` in parity `negative`, follows the signed successors whose relation `allowed`
// accepts down a distance field (distance(vertex, negative) -> steps to the goal, 0 at the goal,
// kUnreached elsewhere) and returns the path it walks. Ties: least next node, then least relation.
// Requires distance(start, negative) != kUnreached and a field that BFS produced (every state at
// distance d > 0 has a successor state at d - 1).
template <typename Distance, typename Allowed>
EvidencePath DescendShortest(const ArgumentMap& map, const NodeOrder& order,
                             const SignedAdjacency& adjacency, Vertex start, bool negative,
                             Distance&& distance, Allowed&& allowed) {
  EvidencePath path;
  Vertex v = start;
  uint32_t d = distance(v, negative);
  path.reserve(d == kUnreached ? 0 : d);
  while (d != 0 && d != kUnreached) {
    bool found = false;
    uint32_t best = 0;
    for (uint32_t entry : adjacency.Successors(v)) {
      Vertex next = SignedAdjacency::VertexOf(entry);
      RelationType type = SignedAdjacency::RelationOf(entry);
      bool next_negative = negative != (SignedAdjacency::Negative(entry) != 0);
      if (!allowed(type) || distance(next, next_negative) != d - 1) continue;
      int c = found ? order.Compare(next, SignedAdjacency::VertexOf(best)) : -1;
      if (c < 0 || (c == 0 && type < SignedAdjacency::RelationOf(best))) {
        found = true;
        best = entry;
      }
    }
    if (!found) break;  // not a BFS field; cannot happen for the searches in graph/
    RelationType type = SignedAdjacency::RelationOf(best);
    Vertex next = SignedAdjacency::VertexOf(best);
    path.push_back(PathStep{map.vertex(v).id, type, RelationSign(type), map.vertex(next).id});
    negative = negative != (SignedAdjacency::Negative(best) != 0);
    v = next;
    --d;
  }
  return path;
}

}  // namespace argmap
