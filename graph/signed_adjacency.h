// SignedAdjacency: the map's topology as flat arrays (CSR), forwards and backwards, each entry a
// neighbour and the relation of the step, for the analyses that walk the whole map. The signed
// view of SPEC §3: a contradiction is a step in both directions.
//
// Built in two passes over the map's records (ArgumentMap::ForEachEdge) per direction, the two
// directions on two threads for a large map, without its Boost graph, which the checks then never
// build; about 16 bytes per edge and 8 per vertex. Successors and
// predecessors come in ForEachEdge's order, each contradiction where it is walked forwards and
// where it is walked against its stored direction.
//
// Ownership: self-contained arrays; no reference to the map after construction.
// Thread-safety: const after construction.
// Invariants: Successors(v) holds Entry(w, r) for every signed step v -> w by relation r, and
// Predecessors(w) the same steps seen from w (Entry(v, r)); fewer than kMaxSignedVertices
// vertices (callers check).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/argument_map.h"

namespace argmap {

// An entry packs a vertex and a relation into 32 bits.
inline constexpr size_t kMaxSignedVertices = size_t{1} << 29;

class SignedAdjacency {
 public:
  explicit SignedAdjacency(const ArgumentMap& map);

  size_t vertex_count() const { return forward_offsets_.size() - 1; }
  std::span<const uint32_t> Successors(Vertex v) const {
    return {forward_.data() + forward_offsets_[v], forward_.data() + forward_offsets_[v + 1]};
  }
  std::span<const uint32_t> Predecessors(Vertex v) const {
    return {reverse_.data() + reverse_offsets_[v], reverse_.data() + reverse_offsets_[v + 1]};
  }

  static uint32_t Entry(Vertex v, RelationType type) {
    return static_cast<uint32_t>(v) << 3 | static_cast<uint32_t>(type);
  }
  static Vertex VertexOf(uint32_t entry) { return entry >> 3; }
  static RelationType RelationOf(uint32_t entry) { return static_cast<RelationType>(entry & 7); }
  // 1 when the step's sign is -: attacks, undercuts, contradicts.
  static uint32_t Negative(uint32_t entry) { return (0b1110u >> (entry & 7)) & 1; }

 private:
  // Maps of at least this many relations build the two directions on two threads.
  static constexpr size_t kThreadedFrom = 20000;

  void Build(const ArgumentMap& map, bool forward);

  std::vector<uint32_t> forward_offsets_, forward_;
  std::vector<uint32_t> reverse_offsets_, reverse_;
};

}  // namespace argmap
