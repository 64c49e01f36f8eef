// Internal to the checks (graph/checks.cc and the files that implement the checks): what the
// checks share — the map, the options, the canonical node order, the signed adjacency, one byte
// of facts per vertex, the author's commitments — and the check functions themselves. Not part of
// the public interface; include graph/checks.h.
//
// The facts (kind, role, thesis, source) are gathered in one pass over the records, so that the
// checks scan a byte per vertex instead of the records themselves.
//
// Ownership: CheckContext references the map and options, which outlive a RunChecks call, and
// owns everything else.
// Thread-safety: one context per RunChecks call.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "graph/argument_map.h"
#include "graph/checks.h"
#include "graph/commitments.h"
#include "graph/finding.h"
#include "graph/node_order.h"
#include "graph/signed_adjacency.h"

namespace argmap {

class CheckContext {
 public:
  CheckContext(const ArgumentMap& map, const CheckOptions& options);

  const ArgumentMap& map() const { return map_; }
  const CheckOptions& options() const { return options_; }
  const NodeOrder& order() const { return order_; }
  const SignedAdjacency& adjacency() const { return adjacency_; }
  size_t vertex_count() const { return facts_.size(); }
  const std::vector<Vertex>& theses() const { return theses_; }
  // Computed on first use.
  const Commitments& commitments();

  NodeKind KindOf(Vertex v) const { return static_cast<NodeKind>(facts_[v] >> kKindShift & 3); }
  bool IsStatement(Vertex v) const { return KindOf(v) == NodeKind::kStatement; }
  bool HasRole(Vertex v, Role role) const {
    return IsStatement(v) && static_cast<Role>(facts_[v] & kRoleMask) == role;
  }
  bool IsThesis(Vertex v) const { return facts_[v] & kThesis; }
  bool HasSource(Vertex v) const { return facts_[v] & kSourced; }

  NodeId Id(Vertex v) const { return map_.vertex(v).id; }
  Vertex VertexOf(NodeId id) const { return map_.VertexOf(id); }
  // Appends "[Title]", "<Title>" or "<Title> step N" for the node of a vertex.
  void AppendName(std::string* out, Vertex v) const;
  std::string Name(Vertex v) const;
  // Appends the names of the nodes as "A", "A and B", "A, B and C".
  void AppendNames(std::string* out, std::span<const NodeId> nodes) const;

 private:
  static constexpr uint8_t kRoleMask = 7, kKindShift = 3, kThesis = 1 << 5, kSourced = 1 << 6;

  const ArgumentMap& map_;
  const CheckOptions& options_;
  NodeOrder order_;
  SignedAdjacency adjacency_;
  std::vector<uint8_t> facts_;  // per vertex: role | kind << 3 | thesis | sourced
  std::vector<Vertex> theses_;
  std::optional<Commitments> commitments_;
};

// "A", "A and B", "A, B and C".
std::string JoinNames(const std::vector<std::string>& names);

// Each appends its findings to *out, in any order (RunChecks sorts).
// objective-conflict and self-defeating share one set of searches.
void CheckObjectives(CheckContext& context, bool conflicts, bool self_defeating,
                     std::vector<Finding>* out);
void CheckContradictions(CheckContext& context, std::vector<Finding>* out);
void CheckCircularSupport(CheckContext& context, std::vector<Finding>* out);
void CheckUnansweredObjections(CheckContext& context, std::vector<Finding>* out);
void CheckUnsupported(CheckContext& context, std::vector<Finding>* out);
void CheckMissingWarrants(CheckContext& context, std::vector<Finding>* out);
void CheckUnbackedWarrants(CheckContext& context, std::vector<Finding>* out);
void CheckUnsourcedEvidence(CheckContext& context, std::vector<Finding>* out);
void CheckOrphans(CheckContext& context, std::vector<Finding>* out);

}  // namespace argmap
