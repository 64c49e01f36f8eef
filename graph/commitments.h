// Commitments: what the author of a map is committed to (SPEC §3): the theses, plus everything
// offered in support of a commitment — its supporters and, for a committed argument, the premises
// of its steps — repeated until nothing changes.
//
// Computed as one breadth-first search backwards from all theses over the support relations
// (supports, premise, conclusion), which reaches exactly that fixpoint (an argument that concludes
// a commitment is one of its supporters; an earlier step is reached through the intermediate
// conclusion it supports). The search's distances give every commitment a shortest support chain
// up to a thesis; each commitment's next link on its chain is chosen once, canonically (NodeOrder),
// so that chains share their common ends and a chain costs its length. O(V + E) time; nine bytes
// per vertex.
//
// Ownership: holds a reference to the map, which must outlive it.
// Thread-safety: const after construction.
// Invariants: Contains(v) iff v is a thesis or an ancestor of one over support relations; for a
// commitment at distance d > 0, its next link is a commitment at distance d - 1 that it supports.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/argument_map.h"
#include "graph/finding.h"
#include "graph/node_order.h"
#include "graph/signed_adjacency.h"

namespace argmap {

class Commitments {
 public:
  // theses: the vertices of the statements marked as theses.
  Commitments(const ArgumentMap& map, const NodeOrder& order, const SignedAdjacency& adjacency,
              std::span<const Vertex> theses);

  bool Contains(Vertex v) const { return distance_[v] != kUnreached; }

  // The canonical shortest support chain from the commitment v to a thesis; empty for a thesis.
  // Requires Contains(v).
  EvidencePath ChainToThesis(Vertex v) const;

 private:
  void ChooseNextLinks(const NodeOrder& order, const SignedAdjacency& adjacency);

  const ArgumentMap& map_;
  std::vector<uint32_t> distance_;  // support steps to the nearest thesis, kUnreached if none
  std::vector<uint32_t> next_;      // entry (SignedAdjacency) of the next link on the chain
};

}  // namespace argmap
