// The checks that read the author's commitments (graph/commitments.h): contradiction,
// unanswered-objection and unsupported. Each is one pass over the relations or vertices after
// the commitments' O(V + E) search; a support chain costs its length.
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
PathStep StepOf(const CheckContext& context, const Relation& r) {
  PathStep step{r.from, r.type, RelationSign(r.type), r.to};
  if (r.type == RelationType::kContradicts &&
      context.order().Less(context.VertexOf(r.to), context.VertexOf(r.from))) {
    std::swap(step.from, step.to);
  }
  return step;
}

std::string Phrase(const CheckContext& context, const PathStep& step) {
  std::string out = context.Name(context.VertexOf(step.from));
  out += ' ';
  out += RelationName(step.relation);
  out += ' ';
  if (step.from == step.to) {
    out += "itself";
  } else {
    context.AppendName(&out, context.VertexOf(step.to));
  }
  return out;
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
  Vertex first = context.VertexOf(steps[0].from), second = context.VertexOf(steps[0].to);
  bool one_way = std::all_of(steps.begin(), steps.end(), [&](const PathStep& s) {
    return s.from == steps[0].from && s.relation != RelationType::kContradicts;
  });
  if (!one_way && order.Less(second, first)) std::swap(first, second);
  f.nodes.push_back(context.Id(first));
  if (second != first) f.nodes.push_back(context.Id(second));
  std::vector<std::string> phrases;
  for (const PathStep& step : steps) phrases.push_back(Phrase(context, step));
  if (steps.size() == 1 && steps[0].relation == RelationType::kContradicts) {
    phrases = {"they contradict each other"};
  }
  f.message = second == first ? "The author is committed to " : "The author is committed to both ";
  context.AppendName(&f.message, first);
  if (second != first) {
    f.message += " and ";
    context.AppendName(&f.message, second);
  }
  f.message += ", but " + JoinNames(phrases) + ".";
  for (const PathStep& step : steps) f.evidence.push_back({step});
  for (Vertex v : {first, second}) {
    EvidencePath chain = context.commitments().ChainToThesis(v);
    if (!chain.empty()) f.evidence.push_back(std::move(chain));
    if (second == first) break;
  }
  return f;
}

bool HasSupport(const CheckContext& context, Vertex v) {
  for (uint32_t entry : context.adjacency().Predecessors(v)) {
    RelationType type = SignedAdjacency::RelationOf(entry);
    if (type == RelationType::kSupports || type == RelationType::kConclusion) return true;
  }
  return false;
}

// The least outgoing supports or premise step of v, as a one-step path; empty if none.
EvidencePath FirstUse(const CheckContext& context, Vertex v) {
  bool found = false;
  uint32_t best = 0;
  for (uint32_t entry : context.adjacency().Successors(v)) {
    RelationType type = SignedAdjacency::RelationOf(entry);
    if (type != RelationType::kSupports && type != RelationType::kPremise) continue;
    int c = found ? context.order().Compare(SignedAdjacency::VertexOf(entry),
                                            SignedAdjacency::VertexOf(best))
                  : -1;
    if (c < 0 || (c == 0 && type < SignedAdjacency::RelationOf(best))) {
      found = true;
      best = entry;
    }
  }
  if (!found) return {};
  return {PathStep{context.Id(v), SignedAdjacency::RelationOf(best), +1,
                   context.Id(SignedAdjacency::VertexOf(best))}};
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
  const Commitments& commitments = context.commitments();
  // answered[v]: something attacks, undercuts or contradicts v.
  std::vector<uint8_t> answered(context.vertex_count(), 0);
  for (const Relation& r : context.map().relations()) {
    if (!IsConflict(r.type)) continue;
    answered[context.VertexOf(r.to)] = 1;
    if (r.type == RelationType::kContradicts) answered[context.VertexOf(r.from)] = 1;
  }
  for (const Relation& r : context.map().relations()) {
    Vertex from = context.VertexOf(r.from), to = context.VertexOf(r.to);
    if (!IsObjection(r.type) || !commitments.Contains(to) || commitments.Contains(from) ||
        answered[from]) {
      continue;
    }
    Finding f;
    f.check = "unanswered-objection";
    f.severity = Severity::kWarning;
    f.nodes = {r.from, r.to};
    context.AppendName(&f.message, from);
    f.message += ' ';
    f.message += RelationName(r.type);
    f.message += " the commitment ";
    context.AppendName(&f.message, to);
    f.message += ", and nothing attacks, undercuts or contradicts ";
    context.AppendName(&f.message, from);
    f.message += '.';
    f.evidence.push_back({PathStep{r.from, r.type, -1, r.to}});
    EvidencePath chain = commitments.ChainToThesis(to);
    if (!chain.empty()) f.evidence.push_back(std::move(chain));
    out->push_back(std::move(f));
  }
}

void CheckUnsupported(CheckContext& context, std::vector<Finding>* out) {
  const Commitments& commitments = context.commitments();
  for (Vertex v = 0; v < context.vertex_count(); ++v) {
    if (!context.HasRole(v, Role::kClaim) || HasSupport(context, v)) continue;
    bool thesis = context.IsThesis(v);
    EvidencePath use = FirstUse(context, v);
    if (!thesis && use.empty()) continue;
    Finding f;
    f.check = "unsupported";
    f.severity = Severity::kWarning;
    f.nodes = {context.Id(v)};
    if (thesis) {
      f.message = "The thesis ";
      context.AppendName(&f.message, v);
      f.message += " has no support: nothing supports it and no argument concludes it.";
    } else {
      context.AppendName(&f.message, v);
      f.message += " is offered as a reason, but nothing supports it and no argument concludes it.";
      f.evidence.push_back(commitments.Contains(v) ? commitments.ChainToThesis(v) : use);
    }
    out->push_back(std::move(f));
  }
}

}  // namespace argmap
