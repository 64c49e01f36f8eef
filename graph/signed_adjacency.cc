#include "graph/signed_adjacency.h"

namespace argmap {
namespace {

// Turns per-vertex counts (at [v + 1]) into offsets, and returns the total.
uint32_t Accumulate(std::vector<uint32_t>& offsets) {
  for (size_t v = 1; v < offsets.size(); ++v) offsets[v] += offsets[v - 1];
  return offsets.back();
}

}  // namespace

SignedAdjacency::SignedAdjacency(const ArgumentMap& map) {
  static_assert(RelationSign(RelationType::kAttacks) < 0 &&
                RelationSign(RelationType::kUndercuts) < 0 &&
                RelationSign(RelationType::kContradicts) < 0);
  size_t n = map.node_count();
  forward_offsets_.assign(n + 1, 0);
  reverse_offsets_.assign(n + 1, 0);
  map.ForEachEdge([this](uint32_t from, uint32_t to, const EdgeData& edge) {
    ++forward_offsets_[from + 1];
    ++reverse_offsets_[to + 1];
    if (edge.type == RelationType::kContradicts) {
      ++forward_offsets_[to + 1];
      ++reverse_offsets_[from + 1];
    }
  });
  forward_.resize(Accumulate(forward_offsets_));
  reverse_.resize(Accumulate(reverse_offsets_));
  std::vector<uint32_t> forward_at(forward_offsets_.begin(), forward_offsets_.end() - 1);
  std::vector<uint32_t> reverse_at(reverse_offsets_.begin(), reverse_offsets_.end() - 1);
  map.ForEachEdge([&](uint32_t from, uint32_t to, const EdgeData& edge) {
    forward_[forward_at[from]++] = Entry(to, edge.type);
    reverse_[reverse_at[to]++] = Entry(from, edge.type);
    if (edge.type == RelationType::kContradicts) {
      forward_[forward_at[to]++] = Entry(from, edge.type);
      reverse_[reverse_at[from]++] = Entry(to, edge.type);
    }
  });
}

}  // namespace argmap
