#include "graph/commitments.h"

namespace argmap {

Commitments::Commitments(const ArgumentMap& map, const NodeOrder& order,
                         const SignedAdjacency& adjacency, std::span<const Vertex> theses)
    : map_(map) {
  distance_.assign(adjacency.vertex_count(), kUnreached);
  std::vector<uint32_t> queue;
  for (Vertex v : theses) {
    distance_[v] = 0;
    queue.push_back(static_cast<uint32_t>(v));
  }
  for (size_t head = 0; head < queue.size(); ++head) {
    Vertex v = queue[head];
    for (uint32_t entry : adjacency.Predecessors(v)) {
      Vertex supporter = SignedAdjacency::VertexOf(entry);
      if (!IsSupportRelation(SignedAdjacency::RelationOf(entry)) ||
          distance_[supporter] != kUnreached) {
        continue;
      }
      distance_[supporter] = distance_[v] + 1;
      queue.push_back(static_cast<uint32_t>(supporter));
    }
  }
  ChooseNextLinks(order, adjacency);
}

void Commitments::ChooseNextLinks(const NodeOrder& order, const SignedAdjacency& adjacency) {
  next_.assign(distance_.size(), 0);
  for (Vertex v = 0; v < distance_.size(); ++v) {
    if (distance_[v] == 0 || distance_[v] == kUnreached) continue;
    bool found = false;
    for (uint32_t entry : adjacency.Successors(v)) {
      Vertex next = SignedAdjacency::VertexOf(entry);
      RelationType type = SignedAdjacency::RelationOf(entry);
      if (!IsSupportRelation(type) || distance_[next] != distance_[v] - 1) continue;
      int c = found ? order.Compare(next, SignedAdjacency::VertexOf(next_[v])) : -1;
      if (c < 0 || (c == 0 && type < SignedAdjacency::RelationOf(next_[v]))) {
        found = true;
        next_[v] = entry;
      }
    }
  }
}

EvidencePath Commitments::ChainToThesis(Vertex v) const {
  EvidencePath chain;
  chain.reserve(distance_[v]);
  for (; distance_[v] != 0 && distance_[v] != kUnreached;) {
    Vertex next = SignedAdjacency::VertexOf(next_[v]);
    chain.push_back(PathStep{map_.vertex(v).id, SignedAdjacency::RelationOf(next_[v]), +1,
                             map_.vertex(next).id});
    v = next;
  }
  return chain;
}

}  // namespace argmap
