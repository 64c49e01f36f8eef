// The checks that read the author's commitments (graph/commitments.h): contradiction,
// unanswered-objection and unsupported. Each is one pass over the relations or statements after
// the commitments' O(V + E) search; a support chain is O(its length * degree).
#include <algorithm>

#include "graph/check_context.h"

namespace argmap {
namespace {

bool IsObjection(RelationType type) {
  return type == RelationType::kAttacks || type == RelationType::kUndercuts;
}

bool IsConflict(RelationType type) {
  return IsObjection(type) || type == RelationType::kContradicts;
}

// A relation as one step; a contradiction reads from the node first in NodeOrder.
PathStep StepOf(CheckContext& context, const Relation& r) {
  PathStep step{r.from, r.type, RelationSign(r.type), r.to};
  if (r.type == RelationType::kContradicts &&
      context.order().Less(context.VertexOf(r.to), context.VertexOf(r.from))) {
    std::swap(step.from, step.to);
  }
  return step;
}

std::string Phrase(CheckContext& context, const PathStep& step) {
  const ArgumentMap& map = context.map();
  std::string to = step.from == step.to ? "itself" : map.DisplayName(step.to);
  return map.DisplayName(step.from) + " " + std::string(RelationName(step.relation)) + " " + to;
}

// One finding for all the conflicting relations between one pair of commitments.
Finding ContradictionFinding(CheckContext& context, std::vector<PathStep> steps) {
  const NodeOrder& order = context.order();
  auto less = [&](const PathStep& a, const PathStep& b) {
    int c = order.Compare(context.VertexOf(a.from), context.VertexOf(b.from));
    return c != 0 ? c < 0 : a.relation < b.relation;
  };
  std::sort(steps.begin(), steps.end(), less);
  Finding f;
  f.check = "contradiction";
  f.severity = Severity::kError;
  // Attacker first when all relations run one way; otherwise the pair in NodeOrder.
  NodeId first = steps[0].from, second = steps[0].to;
  bool one_way = std::all_of(steps.begin(), steps.end(), [&](const PathStep& s) {
    return s.from == first && s.relation != RelationType::kContradicts;
  });
  if (!one_way && order.Less(context.VertexOf(second), context.VertexOf(first))) {
    std::swap(first, second);
  }
  f.nodes.push_back(first);
  if (second != first) f.nodes.push_back(second);
  std::vector<std::string> phrases;
  for (const PathStep& step : steps) phrases.push_back(Phrase(context, step));
  const ArgumentMap& map = context.map();
  if (steps.size() == 1 && steps[0].relation == RelationType::kContradicts) {
    phrases = {"they contradict each other"};
  }
  f.message = second == first ? "The author is committed to " + map.DisplayName(first)
                              : "The author is committed to both " + map.DisplayName(first) +
                                    " and " + map.DisplayName(second);
  f.message += ", but " + JoinNames(phrases) + ".";
  for (const PathStep& step : steps) f.evidence.push_back({step});
  for (NodeId id : f.nodes) {
    EvidencePath chain = context.commitments().ChainToThesis(context.VertexOf(id));
    if (!chain.empty()) f.evidence.push_back(std::move(chain));
  }
  return f;
}

bool HasSupport(const Graph& g, Vertex v) {
  for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
    RelationType type = g[*it].type;
    if (type == RelationType::kSupports || type == RelationType::kConclusion) return true;
  }
  return false;
}

// The least outgoing supports or premise edge of v, as a one-step path; empty if none.
EvidencePath FirstUse(CheckContext& context, Vertex v) {
  const Graph& g = context.map().graph();
  EvidencePath best;
  Vertex best_to = v;
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
    RelationType type = g[*it].type;
    if (type != RelationType::kSupports && type != RelationType::kPremise) continue;
    Vertex to = boost::target(*it, g);
    int c = best.empty() ? -1 : context.order().Compare(to, best_to);
    if (c < 0 || (c == 0 && type < best[0].relation)) {
      best = {PathStep{context.Id(v), type, +1, context.Id(to)}};
      best_to = to;
    }
  }
  return best;
}

}  // namespace

void CheckContradictions(CheckContext& context, std::vector<Finding>* out) {
  const Commitments& commitments = context.commitments();
  // Conflicting relations between commitments, grouped by their unordered pair of ends.
  std::vector<std::pair<std::pair<NodeId, NodeId>, PathStep>> conflicts;
  for (const Relation& r : context.map().relations()) {
    if (!IsConflict(r.type) || !commitments.Contains(context.VertexOf(r.from)) ||
        !commitments.Contains(context.VertexOf(r.to))) {
      continue;
    }
    conflicts.push_back({std::minmax(r.from, r.to), StepOf(context, r)});
  }
  std::sort(conflicts.begin(), conflicts.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < conflicts.size();) {
    std::vector<PathStep> steps;
    size_t j = i;
    for (; j < conflicts.size() && conflicts[j].first == conflicts[i].first; ++j) {
      steps.push_back(conflicts[j].second);
    }
    out->push_back(ContradictionFinding(context, std::move(steps)));
    i = j;
  }
}

void CheckUnansweredObjections(CheckContext& context, std::vector<Finding>* out) {
  const ArgumentMap& map = context.map();
  const Commitments& commitments = context.commitments();
  // answered[v]: something attacks, undercuts or contradicts v.
  std::vector<uint8_t> answered(boost::num_vertices(map.graph()), 0);
  for (const Relation& r : map.relations()) {
    if (!IsConflict(r.type)) continue;
    answered[context.VertexOf(r.to)] = 1;
    if (r.type == RelationType::kContradicts) answered[context.VertexOf(r.from)] = 1;
  }
  for (const Relation& r : map.relations()) {
    uint32_t from = context.VertexOf(r.from), to = context.VertexOf(r.to);
    if (!IsObjection(r.type) || !commitments.Contains(to) || commitments.Contains(from) ||
        answered[from]) {
      continue;
    }
    Finding f;
    f.check = "unanswered-objection";
    f.severity = Severity::kWarning;
    f.nodes = {r.from, r.to};
    f.message = map.DisplayName(r.from) + " " + std::string(RelationName(r.type)) +
                " the commitment " + map.DisplayName(r.to) +
                ", and nothing attacks, undercuts or contradicts " + map.DisplayName(r.from) + ".";
    f.evidence.push_back({PathStep{r.from, r.type, -1, r.to}});
    EvidencePath chain = commitments.ChainToThesis(to);
    if (!chain.empty()) f.evidence.push_back(std::move(chain));
    out->push_back(std::move(f));
  }
}

void CheckUnsupported(CheckContext& context, std::vector<Finding>* out) {
  const ArgumentMap& map = context.map();
  const Graph& g = map.graph();
  const Commitments& commitments = context.commitments();
  for (const Statement& s : map.statements()) {
    if (s.role != Role::kClaim) continue;
    Vertex v = context.VertexOf(s.id);
    EvidencePath use = FirstUse(context, v);
    if ((!s.thesis && use.empty()) || HasSupport(g, v)) continue;
    Finding f;
    f.check = "unsupported";
    f.severity = Severity::kWarning;
    f.nodes = {s.id};
    if (s.thesis) {
      f.message = "The thesis " + map.DisplayName(s.id) +
                  " has no support: nothing supports it and no argument concludes it.";
    } else {
      f.message = map.DisplayName(s.id) +
                  " is offered as a reason, but nothing supports it and no argument concludes it.";
      f.evidence.push_back(commitments.Contains(v) ? commitments.ChainToThesis(v) : use);
    }
    out->push_back(std::move(f));
  }
}

}  // namespace argmap
