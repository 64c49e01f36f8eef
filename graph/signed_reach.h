// Signed reachability (SPEC §3): breadth-first searches over (vertex, sign) states of the signed
// view, run backwards from a target, so that one search gives every vertex its shortest walk of
// each sign to the target, however many sources ask.
//
// Both walk a SignedAdjacency (the signed view as flat arrays, built once per analysis):
// - SignedReach: one target per search; O(V + E) per search, 4 bytes per state.
// - MultiSignedReach: up to 20 targets per search, bit-parallel: one bit per target and sign in a
//   64-bit word per vertex (+ in the low half, - in the high half; a - step swaps the halves),
//   level by level, so a vertex from which walks reach several targets at the same distance is
//   expanded once for all of them and both signs. Each vertex keeps its marks and its distances
//   (one byte per target and sign) in one 64-byte record: a step costs one cache line. A target
//   with a shortest walk longer than 254 steps is reported incomplete, and the caller asks
//   SignedReach for it.
//
// Both search objects reuse their arrays from search to search, allocate nothing per vertex, and
// reset only the states they touched. Their paths are canonical: DescendShortest (node_order.h)
// breaks ties by title, so the same map gives the same paths whatever order it was built in.
//
// Ownership: each holds references to the map and the adjacency, which must outlive it and stay
// unchanged.
// Thread-safety: none; one search at a time per object.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/argument_map.h"
#include "graph/finding.h"
#include "graph/node_order.h"
#include "graph/signed_adjacency.h"

namespace argmap {

// A search state: a vertex and the parity of the walk's sign from it (1 for -).
inline uint32_t SignedState(Vertex v, bool negative) {
  return static_cast<uint32_t>(v) << 1 | (negative ? 1u : 0u);
}

// Invariants: after SearchTo(t, ...), Distance(v, s) is the length of a shortest walk v -> t of
// sign s no longer than max_depth, or kUnreached. When the search stopped early because every
// wanted state was found, states it had not reached yet read kUnreached too; every state closer
// than the farthest wanted one was reached. The empty walk is +: Distance(t, +1) == 0.
class SignedReach {
 public:
  SignedReach(const ArgumentMap& map, const SignedAdjacency& adjacency);
  SignedReach(const SignedReach&) = delete;
  SignedReach& operator=(const SignedReach&) = delete;

  // Searches backwards from target over walks of at most max_depth steps (-1: any length). Stops
  // as soon as both signs of every vertex in `wanted` are found (empty: explore everything).
  void SearchTo(Vertex target, int max_depth, std::span<const Vertex> wanted = {});

  // Steps of a shortest walk v -> target of this sign (+1 or -1), or kUnreached.
  uint32_t Distance(Vertex v, int sign) const { return distance_[SignedState(v, sign < 0)]; }

  // The canonical shortest walk v -> target of this sign. Requires a finite Distance.
  EvidencePath PathFrom(Vertex v, int sign) const;

 private:
  void ResetTouched();

  const ArgumentMap& map_;
  NodeOrder order_;
  const SignedAdjacency& adjacency_;
  std::vector<uint32_t> distance_;  // per state
  std::vector<uint32_t> queue_;     // states in discovery order; the touched ones
  size_t touched_ = 0;
};

// Invariants: after SearchTo(targets, ...), for every target index t < targets.size() that is
// Complete(t), Distance(v, s, t) is as SignedReach's Distance for that target; for one that is
// not, Distance is exact where it is at most 254 and kUnreached beyond.
class MultiSignedReach {
 public:
  static constexpr size_t kMaxTargets = 20;

  // With `relevant` (one byte per vertex), searches walk only through vertices marked 1: callers
  // that ask only about some sources pass the vertices those sources can reach.
  MultiSignedReach(const ArgumentMap& map, const SignedAdjacency& adjacency,
                   const std::vector<uint8_t>* relevant = nullptr);
  MultiSignedReach(const MultiSignedReach&) = delete;
  MultiSignedReach& operator=(const MultiSignedReach&) = delete;

  // Searches backwards from up to kMaxTargets targets at once, over walks of at most max_depth
  // steps (-1: any). Each level is expanded in ascending state order (the frontier is a bitset),
  // which keeps memory access close to sequential on maps whose related nodes are near each
  // other in the order they were added.
  void SearchTo(std::span<const Vertex> targets, int max_depth);

  uint32_t Distance(Vertex v, int sign, size_t target) const {
    uint8_t d = records_[v].distance[sign < 0 ? kMaxTargets + target : target];
    return d == kNone ? kUnreached : d;
  }
  bool Complete(size_t target) const { return !(overflow_ >> target & 1); }

  // The canonical shortest walk v -> targets[target] of this sign. Requires a finite Distance.
  EvidencePath PathFrom(Vertex v, int sign, size_t target) const;

 private:
  static constexpr uint8_t kNone = 255;
  static constexpr uint64_t kAll = ~uint64_t{0};
  // Per vertex: the (target, sign) pairs it reaches, those first reached at the current and the
  // next level (double-buffered by level parity), and the distance of each. Bit t is target t
  // with sign +, bit 32 + t the same target with sign -. An irrelevant vertex is seen by every
  // pair from the start, so no walk enters it.
  struct alignas(64) Record {
    uint64_t seen = 0;
    uint64_t fresh[2] = {0, 0};
    uint8_t distance[2 * kMaxTargets];  // + targets, then - targets
  };
  static_assert(sizeof(Record) == 64);
  void Reset();
  void Seed(std::span<const Vertex> targets);
  void ExpandLevel(uint32_t level);
  void Expand(Vertex v, uint64_t bits, uint32_t level);
  void ClearLevel(uint32_t parity);

  const ArgumentMap& map_;
  NodeOrder order_;
  const SignedAdjacency& adjacency_;
  std::vector<Record> records_;          // per vertex
  std::vector<uint32_t> touched_;        // vertices whose record a search changed
  std::vector<uint64_t> level_bits_[2];  // vertices with fresh pairs, by level parity
  std::vector<uint32_t> level_;          // this level's vertices, ascending
  bool pending_ = false;                 // some vertex has fresh pairs for the next level
  uint32_t overflow_ = 0;                // targets with walks longer than 254 steps
};

// A shortest walk from -> to whose sign is `sign` (+1 or -1), or of either sign for 0 (the
// shorter; + on a tie), of at most max_depth steps (-1: any). The empty walk counts as + when
// from == to. Ties are broken as in SignedReach::PathFrom. False (path untouched) if none, or if
// either node is missing, or the map has kMaxSignedVertices nodes or more. O(V + E).
bool ShortestSignedPath(const ArgumentMap& map, NodeId from, NodeId to, int sign, int max_depth,
                        EvidencePath* path);

}  // namespace argmap
