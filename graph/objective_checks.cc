// objective-conflict and self-defeating (SPEC §3): which objectives each action or objective
// promotes (a + walk into it) and hinders (a - walk). Backward searches from the objectives answer
// for every source at once; MultiSignedReach runs them 20 objectives at a time, through the
// vertices the sources can reach. O(ceil(objectives / 20) * w * (V + E)) time, where w <= 40 is
// how many different distances (of either sign) a vertex has to the objectives of one batch, plus
// the paths kept as evidence (at most two per source and objective).
#include <algorithm>
#include <optional>
#include <span>

#include "graph/check_context.h"
#include "graph/signed_reach.h"

namespace argmap {
namespace {

struct Reached {
  size_t objective;  // index into ObjectiveReach::objectives
  EvidencePath path;
};

// For every source, the objectives it promotes and hinders, each with a canonical shortest path.
struct ObjectiveReach {
  std::vector<Vertex> sources;                          // actions and objectives, in NodeOrder
  std::vector<Vertex> objectives;                       // in NodeOrder
  std::vector<std::vector<Reached>> promotes, hinders;  // per source, by objective index
};

std::vector<Vertex> StatementsWithRole(const CheckContext& context,
                                       std::initializer_list<Role> roles) {
  std::vector<Vertex> out;
  for (Vertex v = 0; v < context.vertex_count(); ++v) {
    if (std::any_of(roles.begin(), roles.end(), [&](Role r) { return context.HasRole(v, r); })) {
      out.push_back(v);
    }
  }
  const NodeOrder& order = context.order();
  std::sort(out.begin(), out.end(), [&](Vertex a, Vertex b) { return order.Less(a, b); });
  return out;
}

// Marks the vertices some source can reach: no walk from a source leaves them.
std::vector<uint8_t> ReachableFrom(const SignedAdjacency& adjacency,
                                   const std::vector<Vertex>& sources) {
  std::vector<uint8_t> reached(adjacency.vertex_count(), 0);
  std::vector<uint32_t> queue;
  for (Vertex s : sources) {
    reached[s] = 1;
    queue.push_back(static_cast<uint32_t>(s));
  }
  for (size_t head = 0; head < queue.size(); ++head) {
    for (uint32_t entry : adjacency.Successors(queue[head])) {
      Vertex next = SignedAdjacency::VertexOf(entry);
      if (reached[next]) continue;
      reached[next] = 1;
      queue.push_back(static_cast<uint32_t>(next));
    }
  }
  return reached;
}

void Record(ObjectiveReach& r, size_t s, size_t o, int sign, EvidencePath path) {
  (sign > 0 ? r.promotes : r.hinders)[s].push_back({o, std::move(path)});
}

// Records every source's walks to objective o, as target t of the last bit-parallel search.
void RecordFrom(const MultiSignedReach& reach, size_t t, size_t o, ObjectiveReach& r) {
  for (size_t s = 0; s < r.sources.size(); ++s) {
    for (int sign : {+1, -1}) {
      if (reach.Distance(r.sources[s], sign, t) == kUnreached) continue;
      Record(r, s, o, sign, reach.PathFrom(r.sources[s], sign, t));
    }
  }
}

// Records every source's walks to objective o, the target of the last single search.
void RecordFrom(const SignedReach& reach, size_t o, ObjectiveReach& r) {
  for (size_t s = 0; s < r.sources.size(); ++s) {
    for (int sign : {+1, -1}) {
      if (reach.Distance(r.sources[s], sign) == kUnreached) continue;
      Record(r, s, o, sign, reach.PathFrom(r.sources[s], sign));
    }
  }
}

ObjectiveReach SearchObjectives(CheckContext& context) {
  ObjectiveReach r;
  r.sources = StatementsWithRole(context, {Role::kAction, Role::kObjective});
  r.objectives = StatementsWithRole(context, {Role::kObjective});
  r.promotes.resize(r.sources.size());
  r.hinders.resize(r.sources.size());
  if (r.sources.empty() || r.objectives.empty()) return r;
  const int max_depth = context.options().max_depth;
  std::vector<uint8_t> relevant = ReachableFrom(context.adjacency(), r.sources);
  MultiSignedReach reach(context.map(), context.adjacency(), &relevant);
  std::optional<SignedReach> single;  // for objectives with walks too long for one byte
  for (size_t first = 0; first < r.objectives.size(); first += MultiSignedReach::kMaxTargets) {
    size_t count = std::min(MultiSignedReach::kMaxTargets, r.objectives.size() - first);
    reach.SearchTo(std::span(r.objectives).subspan(first, count), max_depth);
    for (size_t t = 0; t < count; ++t) {
      if (reach.Complete(t)) {
        RecordFrom(reach, t, first + t, r);
        continue;
      }
      if (!single) single.emplace(context.map(), context.adjacency());
      single->SearchTo(r.objectives[first + t], max_depth, r.sources);
      RecordFrom(*single, first + t, r);
    }
  }
  return r;
}

// Objective indices in the order findings list them: the source itself first, then NodeOrder.
std::vector<size_t> ListOrder(const ObjectiveReach& r, Vertex source,
                              const std::vector<size_t>& objectives) {
  std::vector<size_t> out = objectives;
  std::stable_partition(out.begin(), out.end(),
                        [&](size_t o) { return r.objectives[o] == source; });
  return out;
}

std::vector<size_t> Indices(const std::vector<Reached>& reached) {
  std::vector<size_t> out;
  for (const Reached& x : reached) out.push_back(x.objective);
  return out;
}

const EvidencePath& PathTo(const std::vector<Reached>& reached, size_t objective) {
  return std::find_if(reached.begin(), reached.end(),
                      [&](const Reached& x) { return x.objective == objective; })
      ->path;
}

class ObjectiveFindings {
 public:
  ObjectiveFindings(CheckContext& context, const ObjectiveReach& reach)
      : context_(context), reach_(reach) {}

  // Some promoted objective differs from some hindered one.
  bool Conflicts(size_t s) const {
    const auto& p = reach_.promotes[s];
    const auto& h = reach_.hinders[s];
    if (p.empty() || h.empty()) return false;
    return p.size() > 1 || h.size() > 1 || p[0].objective != h[0].objective;
  }

  Finding Conflict(size_t s) const {
    Finding f = Start("objective-conflict", s);
    std::vector<size_t> promoted =
        ListOrder(reach_, reach_.sources[s], Indices(reach_.promotes[s]));
    std::vector<size_t> hindered = ListOrder(reach_, reach_.sources[s], Indices(reach_.hinders[s]));
    f.message = context_.Name(reach_.sources[s]) + " promotes " + Names(s, promoted) +
                " but hinders " + Names(s, hindered) + ".";
    std::vector<size_t> all = promoted;
    all.insert(all.end(), hindered.begin(), hindered.end());
    AddNodes(s, all, &f);
    for (size_t o : promoted) AddPath(PathTo(reach_.promotes[s], o), &f);
    for (size_t o : hindered) AddPath(PathTo(reach_.hinders[s], o), &f);
    return f;
  }

  // Objectives the source both promotes and hinders, in list order.
  std::vector<size_t> BothWays(size_t s) const {
    std::vector<size_t> p = Indices(reach_.promotes[s]), h = Indices(reach_.hinders[s]), both;
    std::set_intersection(p.begin(), p.end(), h.begin(), h.end(), std::back_inserter(both));
    return ListOrder(reach_, reach_.sources[s], both);
  }

  Finding SelfDefeating(size_t s, const std::vector<size_t>& both) const {
    Finding f = Start("self-defeating", s);
    f.message =
        context_.Name(reach_.sources[s]) + " both promotes and hinders " + Names(s, both) + ".";
    AddNodes(s, both, &f);
    for (size_t o : both) {
      AddPath(PathTo(reach_.promotes[s], o), &f);
      AddPath(PathTo(reach_.hinders[s], o), &f);
    }
    return f;
  }

 private:
  Finding Start(const char* check, size_t s) const {
    Finding f;
    f.check = check;
    f.severity = Severity::kError;
    f.nodes.push_back(context_.Id(reach_.sources[s]));
    return f;
  }

  std::string Names(size_t s, const std::vector<size_t>& objectives) const {
    std::vector<std::string> names;
    for (size_t o : objectives) {
      Vertex v = reach_.objectives[o];
      names.push_back(v == reach_.sources[s] ? "itself" : context_.Name(v));
    }
    return JoinNames(names);
  }

  // The objectives after the source: each once, in NodeOrder, the source itself left out.
  void AddNodes(size_t s, std::vector<size_t> objectives, Finding* f) const {
    std::sort(objectives.begin(), objectives.end());
    objectives.erase(std::unique(objectives.begin(), objectives.end()), objectives.end());
    for (size_t o : objectives) {
      if (reach_.objectives[o] != reach_.sources[s]) {
        f->nodes.push_back(context_.Id(reach_.objectives[o]));
      }
    }
  }

  // The empty path (an objective promoting itself) shows nothing, so it is left out.
  static void AddPath(const EvidencePath& path, Finding* f) {
    if (!path.empty()) f->evidence.push_back(path);
  }

  CheckContext& context_;
  const ObjectiveReach& reach_;
};

}  // namespace

void CheckObjectives(CheckContext& context, bool conflicts, bool self_defeating,
                     std::vector<Finding>* out) {
  ObjectiveReach reach = SearchObjectives(context);
  ObjectiveFindings findings(context, reach);
  for (size_t s = 0; s < reach.sources.size(); ++s) {
    if (conflicts && findings.Conflicts(s)) out->push_back(findings.Conflict(s));
    if (!self_defeating) continue;
    if (std::vector<size_t> both = findings.BothWays(s); !both.empty()) {
      out->push_back(findings.SelfDefeating(s, both));
    }
  }
}

}  // namespace argmap
