#include "graph/signed_reach.h"

#include <algorithm>

#include "graph/signed_graph.h"

namespace argmap {

SignedReach::SignedReach(const ArgumentMap& map) : map_(map), order_(map) {
  BuildReverseAdjacency();
  size_t states = 2 * boost::num_vertices(map.graph());
  distance_.assign(states, kUnreached);
  queue_.resize(states);
  wanted_.assign(states, 0);
}

void SignedReach::BuildReverseAdjacency() {
  const Graph& g = map_.graph();
  size_t n = boost::num_vertices(g);
  offsets_.assign(n + 1, 0);
  for (Vertex v = 0; v < n; ++v) {
    uint32_t count = 0;
    ForEachSignedPredecessor(g, v, [&](Vertex, const Edge&, int, bool) { ++count; });
    offsets_[v + 1] = offsets_[v] + count;
  }
  predecessor_.resize(offsets_[n]);
  for (Vertex v = 0; v < n; ++v) {
    uint32_t at = offsets_[v];
    ForEachSignedPredecessor(g, v, [&](Vertex previous, const Edge&, int sign, bool) {
      predecessor_[at++] = State(previous, sign < 0);
    });
  }
}

void SignedReach::ResetTouched() {
  for (size_t i = 0; i < touched_; ++i) distance_[queue_[i]] = kUnreached;
  touched_ = 0;
}

void SignedReach::SearchTo(Vertex target, int max_depth, std::span<const Vertex> wanted) {
  ResetTouched();
  size_t remaining = 0;
  for (Vertex v : wanted) {
    for (bool negative : {false, true}) {
      uint8_t& mark = wanted_[State(v, negative)];
      remaining += mark == 0;
      mark = 1;
    }
  }
  auto discover = [&](uint32_t state, uint32_t d) {
    distance_[state] = d;
    queue_[touched_++] = state;
    if (wanted_[state]) {
      wanted_[state] = 0;
      --remaining;
    }
  };
  discover(State(target, false), 0);
  const uint32_t depth_limit = max_depth < 0 ? kUnreached : static_cast<uint32_t>(max_depth);
  for (size_t head = 0; head < touched_ && (wanted.empty() || remaining > 0); ++head) {
    uint32_t state = queue_[head];
    uint32_t d = distance_[state];
    if (d >= depth_limit) continue;
    uint32_t v = state >> 1, negative = state & 1;
    for (uint32_t i = offsets_[v], end = offsets_[v + 1]; i < end; ++i) {
      uint32_t next = predecessor_[i] ^ negative;  // the edge's sign times the rest of the walk
      if (distance_[next] == kUnreached) {
        discover(next, d + 1);
        if (!wanted.empty() && remaining == 0) break;
      }
    }
  }
  for (Vertex v : wanted) wanted_[State(v, false)] = wanted_[State(v, true)] = 0;
}

EvidencePath SignedReach::PathFrom(Vertex v, int sign) const {
  return DescendShortest(
      map_, order_, v, sign < 0,
      [this](Vertex u, bool negative) { return distance_[State(u, negative)]; },
      [](RelationType) { return true; });
}

bool ShortestSignedPath(const ArgumentMap& map, NodeId from, NodeId to, int sign, int max_depth,
                        EvidencePath* path) {
  uint32_t source = map.VertexOf(from), target = map.VertexOf(to);
  if (source == kNoIndex || target == kNoIndex) return false;
  SignedReach reach(map);
  Vertex wanted[] = {source};
  reach.SearchTo(target, max_depth, wanted);
  uint32_t plus = reach.Distance(source, +1), minus = reach.Distance(source, -1);
  if (sign == 0) sign = plus <= minus ? +1 : -1;
  if (reach.Distance(source, sign) == kUnreached) return false;
  *path = reach.PathFrom(source, sign);
  return true;
}

}  // namespace argmap
