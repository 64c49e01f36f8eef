#include "graph/signed_adjacency.h"

namespace argmap {
namespace {

// Turns per-vertex counts (at [v + 1]) into offsets, and returns the total.
uint32_t Accumulate(std::vector<uint32_t>& offsets) {
  for (size_t v = 1; v < offsets.size(); ++v) offsets[v] += offsets[v - 1];
  return offsets.back();
}

}  // namespace

SignedAdjacency::SignedAdjacency(const Graph& g) {
  static_assert(RelationSign(RelationType::kAttacks) < 0 &&
                RelationSign(RelationType::kUndercuts) < 0 &&
                RelationSign(RelationType::kContradicts) < 0);
  size_t n = boost::num_vertices(g);
  forward_offsets_.assign(n + 1, 0);
  reverse_offsets_.assign(n + 1, 0);
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    Vertex from = boost::source(*it, g), to = boost::target(*it, g);
    ++forward_offsets_[from + 1];
    ++reverse_offsets_[to + 1];
    if (g[*it].type == RelationType::kContradicts) {
      ++forward_offsets_[to + 1];
      ++reverse_offsets_[from + 1];
    }
  }
  forward_.resize(Accumulate(forward_offsets_));
  reverse_.resize(Accumulate(reverse_offsets_));
  std::vector<uint32_t> forward_at(forward_offsets_.begin(), forward_offsets_.end() - 1);
  std::vector<uint32_t> reverse_at(reverse_offsets_.begin(), reverse_offsets_.end() - 1);
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    Vertex from = boost::source(*it, g), to = boost::target(*it, g);
    RelationType type = g[*it].type;
    forward_[forward_at[from]++] = Entry(to, type);
    reverse_[reverse_at[to]++] = Entry(from, type);
    if (type == RelationType::kContradicts) {
      forward_[forward_at[to]++] = Entry(from, type);
      reverse_[reverse_at[from]++] = Entry(to, type);
    }
  }
}

}  // namespace argmap
