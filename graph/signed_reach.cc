#include "graph/signed_reach.h"

#include <algorithm>
#include <bit>

namespace argmap {
namespace {

uint32_t DepthLimit(int max_depth) {
  return max_depth < 0 ? kUnreached : static_cast<uint32_t>(max_depth);
}

// The state a backward step leads to: the predecessor, with the parity of its walk.
inline uint32_t PreviousState(uint32_t entry, uint32_t negative) {
  return static_cast<uint32_t>(SignedAdjacency::VertexOf(entry)) << 1 |
         (SignedAdjacency::Negative(entry) ^ negative);
}

}  // namespace

SignedReach::SignedReach(const ArgumentMap& map, const SignedAdjacency& adjacency)
    : map_(map), order_(map), adjacency_(adjacency) {
  size_t states = 2 * map.node_count();
  distance_.assign(states, kUnreached);
  queue_.resize(states);
}

void SignedReach::ResetTouched() {
  for (size_t i = 0; i < touched_; ++i) distance_[queue_[i]] = kUnreached;
  touched_ = 0;
}

void SignedReach::SearchTo(Vertex target, int max_depth, std::span<const Vertex> wanted) {
  ResetTouched();
  // A wanted state waits as kWanted, one below kUnreached: both mean "not yet found".
  constexpr uint32_t kWanted = kUnreached - 1;
  size_t remaining = 0;
  for (Vertex v : wanted) {
    for (bool negative : {false, true}) {
      uint32_t& d = distance_[SignedState(v, negative)];
      remaining += d != kWanted;
      d = kWanted;
    }
  }
  auto discover = [&](uint32_t state, uint32_t d) {
    remaining -= distance_[state] == kWanted;
    distance_[state] = d;
    queue_[touched_++] = state;
  };
  discover(SignedState(target, false), 0);
  const uint32_t depth_limit = DepthLimit(max_depth);
  for (size_t head = 0; head < touched_ && (wanted.empty() || remaining > 0); ++head) {
    uint32_t state = queue_[head];
    uint32_t d = distance_[state];
    if (d >= depth_limit) continue;
    for (uint32_t entry : adjacency_.Predecessors(state >> 1)) {
      uint32_t next = PreviousState(entry, state & 1);
      if (distance_[next] >= kWanted) discover(next, d + 1);
    }
  }
  for (Vertex v : wanted) {
    for (bool negative : {false, true}) {
      uint32_t& d = distance_[SignedState(v, negative)];
      if (d == kWanted) d = kUnreached;
    }
  }
}

EvidencePath SignedReach::PathFrom(Vertex v, int sign) const {
  return DescendShortest(
      map_, order_, adjacency_, v, sign < 0,
      [this](Vertex u, bool negative) { return distance_[SignedState(u, negative)]; },
      [](RelationType) { return true; });
}

MultiSignedReach::MultiSignedReach(const ArgumentMap& map, const SignedAdjacency& adjacency,
                                   const std::vector<uint8_t>* relevant)
    : map_(map), order_(map), adjacency_(adjacency) {
  size_t n = adjacency.vertex_count();
  Record fresh;
  std::fill_n(fresh.distance, 2 * kMaxTargets, kNone);
  records_.assign(n, fresh);
  if (relevant) {
    for (size_t v = 0; v < n; ++v) {
      if (!(*relevant)[v]) records_[v].seen = kAll;
    }
  }
  for (auto& bits : level_bits_) bits.assign((n + 63) / 64, 0);
}

void MultiSignedReach::Reset() {
  for (uint32_t v : touched_) {
    Record& r = records_[v];
    // A search sets only the bits of real targets, so kAll still marks an irrelevant vertex.
    if (r.seen != kAll) r.seen = 0;
    std::fill_n(r.distance, 2 * kMaxTargets, kNone);
  }
  touched_.clear();
  overflow_ = 0;
}

void MultiSignedReach::Seed(std::span<const Vertex> targets) {
  for (size_t t = 0; t < targets.size() && t < kMaxTargets; ++t) {
    Vertex v = targets[t];
    Record& r = records_[v];
    touched_.push_back(static_cast<uint32_t>(v));
    if (r.fresh[0] == 0) level_bits_[0][v / 64] |= uint64_t{1} << (v % 64);
    r.seen |= uint64_t{1} << t;
    r.fresh[0] |= uint64_t{1} << t;
    r.distance[t] = 0;
    pending_ = true;
  }
}

void MultiSignedReach::Expand(Vertex v, uint64_t bits, uint32_t level) {
  const uint32_t parity = (level + 1) & 1;
  const uint64_t swapped = std::rotl(bits, 32);  // what a - step makes of the walks' signs
  for (uint32_t entry : adjacency_.Predecessors(v)) {
    Vertex u = SignedAdjacency::VertexOf(entry);
    Record& r = records_[u];
    uint64_t fresh = (SignedAdjacency::Negative(entry) ? swapped : bits) & ~r.seen;
    if (fresh == 0) continue;
    if (r.seen == 0) touched_.push_back(static_cast<uint32_t>(u));
    if (r.fresh[parity] == 0) level_bits_[parity][u / 64] |= uint64_t{1} << (u % 64);
    r.seen |= fresh;
    r.fresh[parity] |= fresh;
    pending_ = true;
    if (level + 1 >= kNone) {
      overflow_ |= static_cast<uint32_t>(fresh) | static_cast<uint32_t>(fresh >> 32);
      continue;
    }
    for (uint64_t b = fresh; b != 0; b &= b - 1) {
      int bit = std::countr_zero(b);
      r.distance[bit < 32 ? bit : kMaxTargets + bit - 32] = static_cast<uint8_t>(level + 1);
    }
  }
}

void MultiSignedReach::ExpandLevel(uint32_t level) {
  // The level's vertices in ascending order, then expanded with the records of a later vertex's
  // predecessors already on their way into the cache.
  std::vector<uint64_t>& bits = level_bits_[level & 1];
  level_.clear();
  for (size_t word = 0; word < bits.size(); ++word) {
    for (uint64_t w = bits[word]; w != 0; w &= w - 1) {
      level_.push_back(static_cast<uint32_t>(word * 64 + std::countr_zero(w)));
    }
    bits[word] = 0;
  }
  constexpr size_t kAhead = 8;
  for (size_t i = 0; i < level_.size(); ++i) {
    if (i + kAhead < level_.size()) {
      for (uint32_t entry : adjacency_.Predecessors(level_[i + kAhead])) {
        __builtin_prefetch(&records_[SignedAdjacency::VertexOf(entry)]);
      }
    }
    Record& r = records_[level_[i]];
    uint64_t fresh = r.fresh[level & 1];
    r.fresh[level & 1] = 0;
    Expand(level_[i], fresh, level);
  }
}

void MultiSignedReach::ClearLevel(uint32_t parity) {
  std::vector<uint64_t>& bits = level_bits_[parity];
  for (size_t word = 0; word < bits.size(); ++word) {
    for (uint64_t w = bits[word]; w != 0; w &= w - 1) {
      records_[word * 64 + std::countr_zero(w)].fresh[parity] = 0;
    }
    bits[word] = 0;
  }
}

void MultiSignedReach::SearchTo(std::span<const Vertex> targets, int max_depth) {
  Reset();
  Seed(targets);
  const uint32_t depth_limit = DepthLimit(max_depth);
  uint32_t level = 0;
  for (; pending_ && level < depth_limit; ++level) {
    pending_ = false;
    ExpandLevel(level);
  }
  if (pending_) ClearLevel(level & 1);  // stopped by max_depth
  pending_ = false;
}

EvidencePath MultiSignedReach::PathFrom(Vertex v, int sign, size_t target) const {
  return DescendShortest(
      map_, order_, adjacency_, v, sign < 0,
      [this, target](Vertex u, bool negative) { return Distance(u, negative ? -1 : +1, target); },
      [](RelationType) { return true; });
}

bool ShortestSignedPath(const ArgumentMap& map, NodeId from, NodeId to, int sign, int max_depth,
                        EvidencePath* path) {
  uint32_t source = map.VertexOf(from), target = map.VertexOf(to);
  if (source == kNoIndex || target == kNoIndex || map.node_count() >= kMaxSignedVertices) {
    return false;
  }
  SignedAdjacency adjacency(map);
  SignedReach reach(map, adjacency);
  Vertex wanted[] = {source};
  reach.SearchTo(target, max_depth, wanted);
  uint32_t plus = reach.Distance(source, +1), minus = reach.Distance(source, -1);
  if (sign == 0) sign = plus <= minus ? +1 : -1;
  if (reach.Distance(source, sign) == kUnreached) return false;
  *path = reach.PathFrom(source, sign);
  return true;
}

}  // namespace argmap
