// The checks of SPEC §3: objective conflicts, self-defeating actions, contradictions among the
// author's commitments, circular support, unanswered objections and gaps. docs/checks.md explains
// each one for users, with an example and its cost.
//
// RunChecks reads the map only; it is safe to run concurrently on one map (const access).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/argument_map.h"
#include "graph/finding.h"
#include "graph/status.h"

namespace argmap {

struct CheckOptions {
  std::vector<std::string> only;  // check ids to run; empty: all
  int max_depth = -1;             // longest signed path for objective checks; -1: unlimited
};

// Every check id of SPEC §3 in the order of its table, then "no-thesis". Findings are ordered by
// severity, then by the position of their check in this list.
const std::vector<std::string_view>& CheckIds();

// Runs the selected checks and replaces *findings with what they found, ordered by severity, check
// (CheckIds() order), then the titles of the nodes involved, then message: the same map gives the
// same findings whatever order its records were added in. An unknown id in options.only is
// InvalidInput, a map of 2^29 nodes or more Unsupported (and *findings is left alone).
Status RunChecks(const ArgumentMap& map, const CheckOptions& options,
                 std::vector<Finding>* findings);

}  // namespace argmap
