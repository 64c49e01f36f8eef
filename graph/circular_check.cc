// circular (SPEC §3): strongly connected components of the support subgraph (supports, premise,
// conclusion edges), found by Boost.Graph's strong_components over a compressed_sparse_row_graph
// of those edges; one finding per component that holds a cycle (two or more vertices, or a support
// edge from a node to itself), with its canonical shortest cycle through its least node as
// evidence. O(V + E).
#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <unordered_set>

#include "graph/check_context.h"

namespace argmap {
namespace {

using SupportGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                       boost::no_property, uint32_t, uint32_t>;

// The support edges in source order, as compressed_sparse_row_graph takes them; self_loop marks
// the vertices that support themselves.
std::vector<std::pair<uint32_t, uint32_t>> SupportEdges(const SignedAdjacency& adjacency,
                                                        std::vector<uint8_t>* self_loop) {
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  self_loop->assign(adjacency.vertex_count(), 0);
  for (uint32_t v = 0; v < adjacency.vertex_count(); ++v) {
    for (uint32_t entry : adjacency.Successors(v)) {
      if (!IsSupportRelation(SignedAdjacency::RelationOf(entry))) continue;
      uint32_t to = static_cast<uint32_t>(SignedAdjacency::VertexOf(entry));
      edges.emplace_back(v, to);
      if (to == v) (*self_loop)[v] = 1;
    }
  }
  return edges;
}

// Finds each cycle by a backward search inside one component at a time; the distance array is
// shared and reset after each component, so the whole pass stays O(V + E).
class CycleFinder {
 public:
  CycleFinder(const CheckContext& context, const std::vector<uint32_t>& component)
      : context_(context), component_(component), distance_(component.size(), kUnreached) {}

  // The canonical shortest cycle through `start`, a member of a cyclic component.
  EvidencePath CycleThrough(Vertex start) {
    SearchTo(start);
    // First step: to the member closest to start again; ties by NodeOrder, then relation.
    bool found = false;
    uint32_t best = 0;
    for (uint32_t entry : context_.adjacency().Successors(start)) {
      Vertex next = SignedAdjacency::VertexOf(entry);
      if (!IsSupportRelation(SignedAdjacency::RelationOf(entry)) ||
          component_[next] != component_[start]) {
        continue;
      }
      if (!found || Closer(entry, best)) best = entry;
      found = true;
    }
    Vertex next = SignedAdjacency::VertexOf(best);
    EvidencePath cycle{
        PathStep{context_.Id(start), SignedAdjacency::RelationOf(best), +1, context_.Id(next)}};
    EvidencePath rest = DescendShortest(
        context_.map(), context_.order(), context_.adjacency(), next, false,
        [this](Vertex u, bool) { return distance_[u]; }, IsSupportRelation);
    cycle.insert(cycle.end(), rest.begin(), rest.end());
    Reset();
    return cycle;
  }

 private:
  bool Closer(uint32_t a, uint32_t b) const {
    Vertex x = SignedAdjacency::VertexOf(a), y = SignedAdjacency::VertexOf(b);
    if (distance_[x] != distance_[y]) return distance_[x] < distance_[y];
    int c = context_.order().Compare(x, y);
    return c != 0 ? c < 0 : SignedAdjacency::RelationOf(a) < SignedAdjacency::RelationOf(b);
  }

  void SearchTo(Vertex start) {
    uint32_t c = component_[start];
    distance_[start] = 0;
    touched_.push_back(static_cast<uint32_t>(start));
    for (size_t head = 0; head < touched_.size(); ++head) {
      Vertex v = touched_[head];
      for (uint32_t entry : context_.adjacency().Predecessors(v)) {
        Vertex u = SignedAdjacency::VertexOf(entry);
        if (!IsSupportRelation(SignedAdjacency::RelationOf(entry)) || component_[u] != c ||
            distance_[u] != kUnreached) {
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

  const CheckContext& context_;
  const std::vector<uint32_t>& component_;
  std::vector<uint32_t> distance_;
  std::vector<uint32_t> touched_;
};

// The statement or argument a vertex stands for (an earlier step: its argument).
NodeId NodeOf(const ArgumentMap& map, Vertex v) {
  const VertexData& d = map.vertex(v);
  return d.kind == NodeKind::kStep ? map.arguments()[d.index].id : d.id;
}

Finding CircularFinding(const CheckContext& context, EvidencePath cycle, size_t component_nodes) {
  Finding f;
  f.check = "circular";
  f.severity = Severity::kError;
  std::vector<std::string> names;
  for (const PathStep& step : cycle) {
    NodeId id = NodeOf(context.map(), context.VertexOf(step.from));
    if (std::find(f.nodes.begin(), f.nodes.end(), id) != f.nodes.end()) continue;
    f.nodes.push_back(id);
    names.push_back(context.Name(context.VertexOf(id)));
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
  const size_t n = context.vertex_count();
  std::vector<uint8_t> self_loop;
  std::vector<uint32_t> component(n);
  uint32_t count = 0;
  {
    std::vector<std::pair<uint32_t, uint32_t>> edges =
        SupportEdges(context.adjacency(), &self_loop);
    SupportGraph support(boost::edges_are_sorted, edges.begin(), edges.end(),
                         static_cast<uint32_t>(n));
    count = boost::strong_components(
        support, boost::make_iterator_property_map(component.begin(),
                                                   boost::get(boost::vertex_index, support)));
  }
  // Per cyclic component: its least member, and how many statements and arguments it holds.
  std::vector<uint32_t> size(count, 0), nodes(count, 0);
  std::vector<uint8_t> cyclic(count, 0);
  for (Vertex v = 0; v < n; ++v) {
    if (++size[component[v]] > 1 || self_loop[v]) cyclic[component[v]] = 1;
  }
  std::vector<Vertex> least(count, 0);
  std::vector<uint8_t> has_least(count, 0);
  std::unordered_set<uint64_t> arguments_counted;  // argument index << 32 | component
  for (Vertex v = 0; v < n; ++v) {
    uint32_t c = component[v];
    if (!cyclic[c]) continue;
    if (!has_least[c] || context.order().Less(v, least[c])) least[c] = v;
    has_least[c] = 1;
    const VertexData& d = map.vertex(v);
    // An argument counts once, whether its own vertex or only earlier steps are in the circle.
    bool counts = d.kind != NodeKind::kStep;
    if (!counts && component[map.VertexOf(map.arguments()[d.index].id)] != c) {
      counts = arguments_counted.insert(uint64_t{d.index} << 32 | c).second;
    }
    nodes[c] += counts;
  }
  CycleFinder finder(context, component);
  for (uint32_t c = 0; c < count; ++c) {
    if (cyclic[c])
      out->push_back(CircularFinding(context, finder.CycleThrough(least[c]), nodes[c]));
  }
}

}  // namespace argmap
