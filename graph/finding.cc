#include "graph/finding.h"

namespace argmap {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "info";
}

int PathSign(const EvidencePath& path) {
  int sign = +1;
  for (const PathStep& step : path) sign *= step.sign;
  return sign;
}

}  // namespace argmap
