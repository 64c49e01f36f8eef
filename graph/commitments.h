// Commitments: what the author of a map is committed to (SPEC §3): the theses, plus everything
// offered in support of a commitment — its supporters and, for a committed argument, the premises
// of its steps — repeated until nothing changes.
//
// Computed as one breadth-first search backwards from all theses over the support relations
// (supports, premise, conclusion), which reaches exactly that fixpoint (an argument that concludes
// a commitment is one of its supporters; an earlier step is reached through the intermediate
// conclusion it supports). The search's distances give every commitment a shortest support chain
// up to a thesis. O(V + E) time, one distance per vertex.
//
// Ownership: holds references to the map and the order, which must outlive it.
// Thread-safety: const after construction.
// Invariants: Contains(v) iff v is a thesis or an ancestor of one over support relations.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/argument_map.h"
#include "graph/finding.h"
#include "graph/node_order.h"

namespace argmap {

class Commitments {
 public:
  Commitments(const ArgumentMap& map, const NodeOrder& order);

  bool has_thesis() const { return has_thesis_; }
  bool Contains(Vertex v) const { return distance_[v] != kUnreached; }
  bool IsThesis(Vertex v) const { return distance_[v] == 0; }

  // The canonical shortest support chain from the commitment v to a thesis; empty for a thesis.
  // Requires Contains(v).
  EvidencePath ChainToThesis(Vertex v) const;

 private:
  const ArgumentMap& map_;
  const NodeOrder& order_;
  bool has_thesis_ = false;
  std::vector<uint32_t> distance_;  // support steps to the nearest thesis, kUnreached if none
};

}  // namespace argmap
