// Finding: one result of `argmap check` (SPEC §3), with the paths in the map that prove it.
// Plain records shared by the analyses (graph/checks.h) and the renderers (formats/).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"

namespace argmap {

enum class Severity : uint8_t { kError, kWarning, kInfo };  // ordered: most severe first

std::string_view SeverityName(Severity severity);

// One step of an evidence path as it was walked. For a contradiction walked against its stored
// direction, from/to are in walking order.
struct PathStep {
  NodeId from = kNoNode;
  RelationType relation = RelationType::kSupports;
  int sign = +1;  // the sign of this step's relation
  NodeId to = kNoNode;
};
using EvidencePath = std::vector<PathStep>;

// The product of the signs of a path's steps; +1 for the empty path.
int PathSign(const EvidencePath& path);

struct Finding {
  std::string check;  // the check id, e.g. "objective-conflict"
  Severity severity = Severity::kInfo;
  std::vector<NodeId> nodes;  // what it is about, in the order SPEC §4 gives
  std::string message;        // one sentence, naming nodes as [Title] / <Title>
  std::vector<EvidencePath> evidence;
};

}  // namespace argmap
