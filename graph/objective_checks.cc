// objective-conflict and self-defeating (SPEC §3): which objectives each action or objective
// promotes (a + walk into it) and hinders (a - walk). One backward SignedReach search per
// objective answers for every source at once: O(objectives * (V + E)) time, plus the paths kept
// as evidence (at most two per source and objective).
#include <algorithm>

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

std::vector<Vertex> StatementsWithRole(CheckContext& context, std::initializer_list<Role> roles) {
  std::vector<Vertex> out;
  for (const Statement& s : context.map().statements()) {
    if (std::find(roles.begin(), roles.end(), s.role) != roles.end()) {
      out.push_back(context.VertexOf(s.id));
    }
  }
  const NodeOrder& order = context.order();
  std::sort(out.begin(), out.end(), [&](Vertex a, Vertex b) { return order.Less(a, b); });
  return out;
}

ObjectiveReach SearchObjectives(CheckContext& context) {
  ObjectiveReach r;
  r.sources = StatementsWithRole(context, {Role::kAction, Role::kObjective});
  r.objectives = StatementsWithRole(context, {Role::kObjective});
  r.promotes.resize(r.sources.size());
  r.hinders.resize(r.sources.size());
  if (r.sources.empty() || r.objectives.empty()) return r;
  SignedReach reach(context.map());
  for (size_t o = 0; o < r.objectives.size(); ++o) {
    reach.SearchTo(r.objectives[o], context.options().max_depth, r.sources);
    for (size_t s = 0; s < r.sources.size(); ++s) {
      if (reach.Distance(r.sources[s], +1) != kUnreached) {
        r.promotes[s].push_back({o, reach.PathFrom(r.sources[s], +1)});
      }
      if (reach.Distance(r.sources[s], -1) != kUnreached) {
        r.hinders[s].push_back({o, reach.PathFrom(r.sources[s], -1)});
      }
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
