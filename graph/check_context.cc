#include "graph/check_context.h"

namespace argmap {

CheckContext::CheckContext(const ArgumentMap& map, const CheckOptions& options)
    : map_(map), options_(options), order_(map), adjacency_(map) {
  // Every vertex not claimed below is an earlier inference step.
  facts_.assign(map.node_count(),
                static_cast<uint8_t>(static_cast<uint8_t>(NodeKind::kStep) << kKindShift));
  for (const Statement& s : map.statements()) {
    Vertex v = map.VertexOf(s.id);
    facts_[v] = static_cast<uint8_t>(static_cast<uint8_t>(s.role) |
                                     static_cast<uint8_t>(NodeKind::kStatement) << kKindShift |
                                     (s.thesis ? kThesis : 0) | (s.source.empty() ? 0 : kSourced));
    if (s.thesis) theses_.push_back(v);
  }
  for (const Argument& a : map.arguments()) {
    facts_[map.VertexOf(a.id)] = static_cast<uint8_t>(NodeKind::kArgument) << kKindShift;
  }
}

const Commitments& CheckContext::commitments() {
  if (!commitments_) commitments_.emplace(map_, order_, adjacency_, theses_);
  return *commitments_;
}

void CheckContext::AppendName(std::string* out, Vertex v) const {
  const VertexData& d = map_.vertex(v);
  if (d.kind == NodeKind::kStatement) {
    *out += '[';
    *out += map_.statements()[d.index].title;
    *out += ']';
    return;
  }
  *out += '<';
  *out += map_.arguments()[d.index].title;
  *out += '>';
  if (d.kind == NodeKind::kStep) *out += " step " + std::to_string(d.step + 1);
}

std::string CheckContext::Name(Vertex v) const {
  std::string out;
  AppendName(&out, v);
  return out;
}

void CheckContext::AppendNames(std::string* out, std::span<const NodeId> nodes) const {
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (i > 0) *out += i + 1 == nodes.size() ? " and " : ", ";
    AppendName(out, map_.VertexOf(nodes[i]));
  }
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace argmap
