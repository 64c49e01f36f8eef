// SignedReach: breadth-first searches over (vertex, sign) states of the signed view of SPEC §3,
// run backwards from a target, so that one search gives every vertex its shortest walk of each
// sign to the target: O(V + E) per target, however many sources ask.
//
// Built once per map: a flat reverse adjacency (CSR: offsets and packed predecessor entries) of
// the signed view, and per-state distance and queue arrays that every search reuses. A search
// allocates nothing and resets only the states it touched.
//
// Ownership: holds a reference to the map, which must outlive it and stay unchanged.
// Thread-safety: none; one search at a time per object.
// Invariants: after SearchTo(t, ...), Distance(v, s) is the length of a shortest walk v -> t of
// sign s no longer than max_depth, or kUnreached (or, when the search stopped early because every
// wanted state was found, kUnreached for states farther than the last wanted one). The empty
// walk is +: Distance(t, +1) == 0.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/argument_map.h"
#include "graph/finding.h"
#include "graph/node_order.h"

namespace argmap {

class SignedReach {
 public:
  explicit SignedReach(const ArgumentMap& map);
  SignedReach(const SignedReach&) = delete;
  SignedReach& operator=(const SignedReach&) = delete;

  // Searches backwards from target over walks of at most max_depth steps (-1: any length). Stops
  // as soon as both signs of every vertex in `wanted` are found (empty: explore everything).
  void SearchTo(Vertex target, int max_depth, std::span<const Vertex> wanted = {});

  // Steps of a shortest walk v -> target of this sign (+1 or -1), or kUnreached.
  uint32_t Distance(Vertex v, int sign) const { return distance_[State(v, sign < 0)]; }

  // The canonical shortest walk v -> target of this sign (ties broken by NodeOrder), so the
  // same map gives the same path whatever order it was built in. Requires a finite Distance.
  EvidencePath PathFrom(Vertex v, int sign) const;

 private:
  static uint32_t State(Vertex v, bool negative) {
    return static_cast<uint32_t>(v) << 1 | (negative ? 1u : 0u);
  }
  void BuildReverseAdjacency();
  void ResetTouched();

  const ArgumentMap& map_;
  NodeOrder order_;
  std::vector<uint32_t> offsets_;      // vertex -> first entry; size V + 1
  std::vector<uint32_t> predecessor_;  // predecessor << 1 | (edge sign is -)
  std::vector<uint32_t> distance_;     // per state: vertex << 1 | negative
  std::vector<uint32_t> queue_;        // states in discovery order; the touched ones
  size_t touched_ = 0;
  std::vector<uint8_t> wanted_;  // per state, 1 while wanted and not yet found
};

// A shortest walk from -> to whose sign is `sign` (+1 or -1), or of either sign for 0 (the
// shorter; + on a tie), of at most max_depth steps (-1: any). The empty walk counts as + when
// from == to. Ties are broken as in SignedReach::PathFrom. False (path untouched) if none, or if
// either node is missing. O(V + E).
bool ShortestSignedPath(const ArgumentMap& map, NodeId from, NodeId to, int sign, int max_depth,
                        EvidencePath* path);

}  // namespace argmap
