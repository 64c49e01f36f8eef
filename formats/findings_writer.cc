#include "formats/findings_writer.h"

#include <array>
#include <nlohmann/json.hpp>

namespace argmap {
namespace {

constexpr const char* kReset = "\033[0m";
constexpr const char* kBold = "\033[1m";
constexpr const char* kGreen = "\033[32m";
constexpr const char* kRed = "\033[31m";

const char* SeverityColor(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "\033[1;31m";
    case Severity::kWarning:
      return "\033[1;33m";
    case Severity::kInfo:
      return "\033[1;36m";
  }
  return kBold;
}

// Findings per severity, indexed by Severity.
std::array<size_t, 3> Count(const std::vector<Finding>& findings) {
  std::array<size_t, 3> counts{};
  for (const Finding& f : findings) ++counts[static_cast<size_t>(f.severity)];
  return counts;
}

std::string Counted(size_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

void WriteBlock(const ArgumentMap& map, const Finding& f, const TextStyle& style,
                std::ostream& out) {
  std::string_view severity = SeverityName(f.severity);
  if (style.color) {
    out << SeverityColor(f.severity) << severity << kReset << " " << kBold << f.check << kReset;
  } else {
    out << severity << " " << f.check;
  }
  out << ": " << f.message << "\n";
  for (const EvidencePath& path : f.evidence) {
    bool plus = PathSign(path) > 0;
    out << "  ";
    if (style.color) out << (plus ? kGreen : kRed);
    out << (plus ? "+" : "-");
    if (style.color) out << kReset;
    out << " " << FormatEvidencePath(map, path) << "\n";
  }
}

nlohmann::ordered_json StepJson(const ArgumentMap& map, const PathStep& step) {
  nlohmann::ordered_json j;
  j["from"] = std::string(map.TitleOf(step.from));
  j["relation"] = std::string(RelationName(step.relation));
  j["sign"] = step.sign > 0 ? "+" : "-";
  j["to"] = std::string(map.TitleOf(step.to));
  return j;
}

nlohmann::ordered_json FindingJson(const ArgumentMap& map, const Finding& f) {
  nlohmann::ordered_json j;
  j["check"] = f.check;
  j["severity"] = std::string(SeverityName(f.severity));
  j["nodes"] = nlohmann::ordered_json::array();
  for (NodeId id : f.nodes) j["nodes"].push_back(std::string(map.TitleOf(id)));
  j["message"] = f.message;
  j["evidence"] = nlohmann::ordered_json::array();
  for (const EvidencePath& path : f.evidence) {
    nlohmann::ordered_json steps = nlohmann::ordered_json::array();
    for (const PathStep& step : path) steps.push_back(StepJson(map, step));
    j["evidence"].push_back(std::move(steps));
  }
  return j;
}

}  // namespace

std::string FormatEvidencePath(const ArgumentMap& map, const EvidencePath& path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    const PathStep& step = path[i];
    if (i == 0) {
      out += map.DisplayName(step.from);
    } else if (path[i - 1].to != step.from) {
      out += " | " + map.DisplayName(step.from);  // not a walk; show where it resumes
    }
    out += " --" + std::string(RelationName(step.relation)) + "--> " + map.DisplayName(step.to);
  }
  return out;
}

void WriteFindingsText(const ArgumentMap& map, const std::vector<Finding>& findings,
                       const TextStyle& style, std::ostream& out) {
  for (const Finding& f : findings) {
    WriteBlock(map, f, style, out);
    out << "\n";
  }
  std::array<size_t, 3> counts = Count(findings);
  out << Counted(counts[0], "error") << ", " << Counted(counts[1], "warning") << ", "
      << Counted(counts[2], "info") << "\n";
}

void WriteFindingsJson(const ArgumentMap& map, const std::vector<Finding>& findings,
                       std::ostream& out) {
  // Streamed one finding at a time (a report can hold millions of path steps), in exactly the
  // bytes that dump(2) gives for the whole document.
  auto dump = [](const nlohmann::ordered_json& j, std::string_view indent) {
    std::string text = j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
      out += c;
      if (c == '\n') out += indent;  // JSON strings escape their newlines: these are structure
    }
    return out;
  };
  out << "{\n  \"findings\": [";
  for (size_t i = 0; i < findings.size(); ++i) {
    out << (i == 0 ? "\n    " : ",\n    ") << dump(FindingJson(map, findings[i]), "    ");
  }
  out << (findings.empty() ? "]" : "\n  ]") << ",\n  \"summary\": ";
  std::array<size_t, 3> counts = Count(findings);
  nlohmann::ordered_json summary = {
      {"error", counts[0]}, {"warning", counts[1]}, {"info", counts[2]}};
  out << dump(summary, "  ") << "\n}\n";
}

}  // namespace argmap
