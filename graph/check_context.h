// Internal to the checks (graph/checks.cc and the files that implement the checks): what the
// checks share — the map, the options, the canonical node order, the author's commitments — and
// the check functions themselves. Not part of the public interface; include graph/checks.h.
//
// Ownership: CheckContext references the map and options, which outlive a RunChecks call.
// Thread-safety: one context per RunChecks call.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "graph/argument_map.h"
#include "graph/checks.h"
#include "graph/commitments.h"
#include "graph/finding.h"
#include "graph/node_order.h"

namespace argmap {

class CheckContext {
 public:
  CheckContext(const ArgumentMap& map, const CheckOptions& options)
      : map_(map), options_(options), order_(map) {}

  const ArgumentMap& map() const { return map_; }
  const CheckOptions& options() const { return options_; }
  const NodeOrder& order() const { return order_; }
  // Computed on first use.
  const Commitments& commitments();

  // "[Title]", "<Title>" or "<Title> step N" for the node of a vertex.
  std::string Name(Vertex v) const { return map_.DisplayName(map_.vertex(v).id); }
  NodeId Id(Vertex v) const { return map_.vertex(v).id; }
  Vertex VertexOf(NodeId id) const { return map_.VertexOf(id); }

 private:
  const ArgumentMap& map_;
  const CheckOptions& options_;
  NodeOrder order_;
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
