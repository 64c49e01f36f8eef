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
  size_t states = 2 * boost::num_vertices(map.graph());
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
  size_t states = 2 * boost::num_vertices(map.graph());
  marks_.assign(states, Marks{});
  if (relevant) {
    for (size_t state = 0; state < states; ++state) {
      if (!(*relevant)[state >> 1]) marks_[state].seen = ~0u;
    }
  }
  for (auto& bits : level_bits_) bits.assign((states + 63) / 64, 0);
}

void MultiSignedReach::Reset() {
  for (uint32_t state : touched_) {
    marks_[state].seen = 0;
    std::fill_n(distance_.begin() + size_t{state} * stride_, stride_, kNone);
  }
  for (uint32_t state : targets_) {
    std::fill_n(distance_.begin() + size_t{state} * stride_, stride_, kNone);
  }
  touched_.clear();
  targets_.clear();
  overflow_ = 0;
}

void MultiSignedReach::Seed(std::span<const Vertex> targets) {
  for (size_t t = 0; t < targets.size() && t < kMaxTargets; ++t) {
    uint32_t state = SignedState(targets[t], false);
    Marks& m = marks_[state];
    if (m.seen == 0) touched_.push_back(state);
    if (m.fresh[0] == 0) level_bits_[0][state / 64] |= uint64_t{1} << (state % 64);
    m.seen |= 1u << t;
    m.fresh[0] |= 1u << t;
    distance_[size_t{state} * stride_ + t] = 0;
    targets_.push_back(state);
    pending_ = true;
  }
}

void MultiSignedReach::Expand(uint32_t state, uint32_t bits, uint32_t level) {
  const uint32_t negative = state & 1, parity = (level + 1) & 1;
  for (uint32_t entry : adjacency_.Predecessors(state >> 1)) {
    uint32_t next = PreviousState(entry, negative);
    Marks& m = marks_[next];
    uint32_t fresh = bits & ~m.seen;
    if (fresh == 0) continue;
    if (m.seen == 0) touched_.push_back(next);
    if (m.fresh[parity] == 0) level_bits_[parity][next / 64] |= uint64_t{1} << (next % 64);
    m.seen |= fresh;
    m.fresh[parity] |= fresh;
    pending_ = true;
    if (level + 1 >= kNone) {
      overflow_ |= fresh;
      continue;
    }
    uint8_t* row = &distance_[size_t{next} * stride_];
    for (uint32_t b = fresh; b != 0; b &= b - 1) row[std::countr_zero(b)] = level + 1;
  }
}

void MultiSignedReach::ExpandLevel(uint32_t level) {
  std::vector<uint64_t>& bits = level_bits_[level & 1];
  for (size_t word = 0; word < bits.size(); ++word) {
    for (uint64_t w = bits[word]; w != 0; w &= w - 1) {
      uint32_t state = static_cast<uint32_t>(word * 64 + std::countr_zero(w));
      uint32_t fresh = marks_[state].fresh[level & 1];
      marks_[state].fresh[level & 1] = 0;
      Expand(state, fresh, level);
    }
    bits[word] = 0;
  }
}

void MultiSignedReach::SearchTo(std::span<const Vertex> targets, int max_depth) {
  Reset();
  stride_ = std::clamp<size_t>(targets.size(), 1, kMaxTargets);
  if (distance_.size() != marks_.size() * stride_) {
    distance_.assign(marks_.size() * stride_, kNone);
  }
  Seed(targets);
  const uint32_t depth_limit = DepthLimit(max_depth);
  for (uint32_t level = 0; pending_ && level < depth_limit; ++level) {
    pending_ = false;
    ExpandLevel(level);
  }
  if (pending_) {  // stopped by max_depth: drop what the next level would have expanded
    for (uint64_t& w : level_bits_[depth_limit & 1]) {
      for (; w != 0; w &= w - 1) {
        marks_[(&w - level_bits_[depth_limit & 1].data()) * 64 + std::countr_zero(w)]
            .fresh[depth_limit & 1] = 0;
      }
    }
    pending_ = false;
  }
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
  if (source == kNoIndex || target == kNoIndex) return false;
  SignedAdjacency adjacency(map.graph());
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
