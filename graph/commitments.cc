#include "graph/commitments.h"

namespace argmap {

Commitments::Commitments(const ArgumentMap& map, const NodeOrder& order)
    : map_(map), order_(order) {
  const Graph& g = map.graph();
  distance_.assign(boost::num_vertices(g), kUnreached);
  std::vector<uint32_t> queue;
  for (const Statement& s : map.statements()) {
    if (!s.thesis) continue;
    uint32_t v = map.VertexOf(s.id);
    distance_[v] = 0;
    queue.push_back(v);
  }
  has_thesis_ = !queue.empty();
  for (size_t head = 0; head < queue.size(); ++head) {
    Vertex v = queue[head];
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
      Vertex supporter = boost::source(*it, g);
      if (!IsSupportRelation(g[*it].type) || distance_[supporter] != kUnreached) continue;
      distance_[supporter] = distance_[v] + 1;
      queue.push_back(static_cast<uint32_t>(supporter));
    }
  }
}

EvidencePath Commitments::ChainToThesis(Vertex v) const {
  return DescendShortest(
      map_, order_, v, false, [this](Vertex u, bool) { return distance_[u]; }, IsSupportRelation);
}

}  // namespace argmap
