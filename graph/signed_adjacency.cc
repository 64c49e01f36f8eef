#include "graph/signed_adjacency.h"

#include <utility>

#include "graph/side_task.h"

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
  // The two directions are independent: for a large map the predecessors are built on a second
  // thread while this one builds the successors (each pass over the edges scatters into an array
  // of its own; at a million statements each direction takes about 0.1 s).
  SideTask reverse(map.relations().size() >= kThreadedFrom, [&] { Build(map, false); });
  Build(map, true);
  reverse.Wait();
}

// One direction: successors (forward) or predecessors, in ForEachEdge's order per vertex. A
// contradiction, which has no direction, is an edge both ways.
void SignedAdjacency::Build(const ArgumentMap& map, bool forward) {
  std::vector<uint32_t>& offsets = forward ? forward_offsets_ : reverse_offsets_;
  std::vector<uint32_t>& entries = forward ? forward_ : reverse_;
  offsets.assign(map.node_count() + 1, 0);
  map.ForEachEdge([&](uint32_t from, uint32_t to, const EdgeData& edge) {
    ++offsets[(forward ? from : to) + 1];
    if (edge.type == RelationType::kContradicts) ++offsets[(forward ? to : from) + 1];
  });
  entries.resize(Accumulate(offsets));
  std::vector<uint32_t> at(offsets.begin(), offsets.end() - 1);
  map.ForEachEdge([&](uint32_t from, uint32_t to, const EdgeData& edge) {
    if (!forward) std::swap(from, to);
    entries[at[from]++] = Entry(to, edge.type);
    if (edge.type == RelationType::kContradicts) entries[at[to]++] = Entry(from, edge.type);
  });
}

}  // namespace argmap
