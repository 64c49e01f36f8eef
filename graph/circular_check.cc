// circular (SPEC §3): strongly connected components of the support subgraph (supports, premise,
// conclusion edges), found by Boost.Graph's strong_components over a filtered view; one finding per
// component that holds a cycle (two or more vertices, or a support edge from a node to itself),
// with its canonical shortest cycle through its least node as evidence. O(V + E).
#include <algorithm>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <unordered_set>

#include "graph/check_context.h"

namespace argmap {
namespace {

struct SupportEdgesOnly {
  const Graph* graph = nullptr;
  bool operator()(const Edge& e) const { return IsSupportRelation((*graph)[e].type); }
};

bool HasSupportSelfLoop(const Graph& g, Vertex v) {
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
    if (boost::target(*it, g) == v && IsSupportRelation(g[*it].type)) return true;
  }
  return false;
}

// Finds each cycle by a backward search inside one component at a time; the distance array is
// shared and reset after each component, so the whole pass stays O(V + E).
class CycleFinder {
 public:
  CycleFinder(CheckContext& context, const std::vector<int>& component)
      : context_(context), component_(component), distance_(component.size(), kUnreached) {}

  // The canonical shortest cycle through `start`, a member of a cyclic component.
  EvidencePath CycleThrough(Vertex start) {
    SearchTo(start);
    const Graph& g = context_.map().graph();
    int c = component_[start];
    // First step: to the member closest to start again; ties by NodeOrder, then relation.
    bool found = false;
    PathStep first;
    Vertex next_vertex = start;
    for (auto [it, end] = boost::out_edges(start, g); it != end; ++it) {
      Vertex next = boost::target(*it, g);
      RelationType type = g[*it].type;
      if (!IsSupportRelation(type) || component_[next] != c) continue;
      bool better = !found || distance_[next] < distance_[next_vertex] ||
                    (distance_[next] == distance_[next_vertex] &&
                     (context_.order().Less(next, next_vertex) ||
                      (next == next_vertex && type < first.relation)));
      if (better) {
        found = true;
        next_vertex = next;
        first = PathStep{g[start].id, type, +1, g[next].id};
      }
    }
    EvidencePath cycle{first};
    EvidencePath rest = DescendShortest(
        context_.map(), context_.order(), next_vertex, false,
        [this](Vertex u, bool) { return distance_[u]; }, IsSupportRelation);
    cycle.insert(cycle.end(), rest.begin(), rest.end());
    Reset();
    return cycle;
  }

 private:
  void SearchTo(Vertex start) {
    const Graph& g = context_.map().graph();
    int c = component_[start];
    distance_[start] = 0;
    touched_.push_back(static_cast<uint32_t>(start));
    for (size_t head = 0; head < touched_.size(); ++head) {
      Vertex v = touched_[head];
      for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
        Vertex u = boost::source(*it, g);
        if (!IsSupportRelation(g[*it].type) || component_[u] != c || distance_[u] != kUnreached) {
          continue;
        }
        distance_[u] = distance_[v] + 1;
        touched_.push_back(static_cast<uint32_t>(u));
      }
    }
  }

  void Reset() {
    for (uint32_t v : touched_) distance_[v] = kUnreached;
    touched_.clear();
  }

  CheckContext& context_;
  const std::vector<int>& component_;
  std::vector<uint32_t> distance_;
  std::vector<uint32_t> touched_;
};

// The statement or argument a vertex stands for (an earlier step: its argument).
NodeId NodeOf(const ArgumentMap& map, Vertex v) {
  const VertexData& d = map.vertex(v);
  return d.kind == NodeKind::kStep ? map.arguments()[d.index].id : d.id;
}

Finding CircularFinding(CheckContext& context, EvidencePath cycle, size_t component_nodes) {
  Finding f;
  f.check = "circular";
  f.severity = Severity::kError;
  std::vector<std::string> names;
  for (const PathStep& step : cycle) {
    NodeId id = NodeOf(context.map(), context.VertexOf(step.from));
    if (std::find(f.nodes.begin(), f.nodes.end(), id) != f.nodes.end()) continue;
    f.nodes.push_back(id);
    names.push_back(context.map().DisplayName(id));
  }
  f.message = f.nodes.size() == 1 ? names[0] + " supports itself"
                                  : JoinNames(names) + " support each other in a circle";
  if (component_nodes > f.nodes.size()) {
    f.message += ", within a tangle of " + std::to_string(component_nodes) +
                 " statements and arguments that all support each other";
  }
  f.message += ".";
  f.evidence.push_back(std::move(cycle));
  return f;
}

}  // namespace

void CheckCircularSupport(CheckContext& context, std::vector<Finding>* out) {
  const ArgumentMap& map = context.map();
  const Graph& g = map.graph();
  size_t n = boost::num_vertices(g);
  boost::filtered_graph<Graph, SupportEdgesOnly> support(g, SupportEdgesOnly{&g});
  std::vector<int> component(n);
  int count = boost::strong_components(
      support,
      boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  // Per cyclic component: its least member, and how many statements and arguments it holds.
  std::vector<uint32_t> size(count, 0), nodes(count, 0);
  std::vector<uint8_t> self_loop(count, 0);
  for (Vertex v = 0; v < n; ++v) {
    ++size[component[v]];
    if (HasSupportSelfLoop(g, v)) self_loop[component[v]] = 1;
  }
  auto cyclic = [&](int c) { return size[c] > 1 || self_loop[c]; };
  std::vector<Vertex> least(count, 0);
  std::vector<uint8_t> has_least(count, 0);
  std::unordered_set<uint64_t> arguments_counted;  // argument index << 32 | component
  for (Vertex v = 0; v < n; ++v) {
    int c = component[v];
    if (!cyclic(c)) continue;
    if (!has_least[c] || context.order().Less(v, least[c])) least[c] = v;
    has_least[c] = 1;
    const VertexData& d = map.vertex(v);
    // An argument counts once, whether its own vertex or only earlier steps are in the circle.
    bool counts = d.kind != NodeKind::kStep;
    if (!counts && component[map.VertexOf(map.arguments()[d.index].id)] != c) {
      counts = arguments_counted.insert(uint64_t{d.index} << 32 | uint32_t(c)).second;
    }
    nodes[c] += counts;
  }
  CycleFinder finder(context, component);
  for (int c = 0; c < count; ++c) {
    if (!cyclic(c)) continue;
    out->push_back(CircularFinding(context, finder.CycleThrough(least[c]), nodes[c]));
  }
}

}  // namespace argmap
