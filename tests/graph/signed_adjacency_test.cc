// SignedAdjacency: the flat topology the checks walk, against a plain recomputation from the
// map's edges; on a map large enough that its two directions are built on two threads.
#include "graph/signed_adjacency.h"

#include <catch2/catch.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "tests/graph/checks_builder.h"

namespace argmap {
namespace {

using testing::MapBuilder;

// Successors and predecessors of every vertex as the invariants of signed_adjacency.h say, one
// edge at a time in ForEachEdge's order.
void CheckAgainstEdges(const ArgumentMap& map, const SignedAdjacency& adjacency) {
  std::vector<std::vector<uint32_t>> successors(map.node_count()), predecessors(map.node_count());
  map.ForEachEdge([&](uint32_t from, uint32_t to, const EdgeData& edge) {
    successors[from].push_back(SignedAdjacency::Entry(to, edge.type));
    predecessors[to].push_back(SignedAdjacency::Entry(from, edge.type));
    if (edge.type == RelationType::kContradicts) {
      successors[to].push_back(SignedAdjacency::Entry(from, edge.type));
      predecessors[from].push_back(SignedAdjacency::Entry(to, edge.type));
    }
  });
  REQUIRE(adjacency.vertex_count() == map.node_count());
  size_t mismatches = 0;
  for (Vertex v = 0; v < map.node_count(); ++v) {
    std::span<const uint32_t> out = adjacency.Successors(v), in = adjacency.Predecessors(v);
    if (!std::equal(out.begin(), out.end(), successors[v].begin(), successors[v].end())) {
      ++mismatches;
    }
    if (!std::equal(in.begin(), in.end(), predecessors[v].begin(), predecessors[v].end())) {
      ++mismatches;
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("the flat adjacency holds every signed step both ways, small and large", "[graph]") {
  for (int statements : {50, 12000}) {
    INFO(statements << " statements");
    MapBuilder b;
    for (int i = 0; i < statements; ++i) b.Claim("S" + std::to_string(i));
    const int arguments = statements / 10;
    for (int i = 0; i < arguments; ++i) {
      std::string at = std::to_string(3 * i);
      b.Argument("A" + std::to_string(i),
                 {{{"S" + at, "S" + std::to_string(3 * i + 1)}, "S" + std::to_string(3 * i + 2)},
                  {{"S" + std::to_string(3 * i + 2)}, "S" + std::to_string(3 * i + 3)}});
    }
    // About two relations per statement, of every type, without repeats: past the threshold
    // (SignedAdjacency builds its two directions on two threads from 20,000 relations).
    std::mt19937 random(7);
    std::set<std::tuple<int, int, int>> taken;
    for (int k = 0; k < 2 * statements; ++k) {
      int from = random() % statements, to = random() % statements, type = random() % 4;
      if (from == to) continue;
      if (type == 2) to %= arguments;                   // an undercut targets an argument
      if (type == 3 && from > to) std::swap(from, to);  // a contradiction has no direction
      if (!taken.insert({from, to, type}).second) continue;
      std::string source = "[S" + std::to_string(from) + "]";
      if (type == 0) b.Supports(source, "[S" + std::to_string(to) + "]");
      if (type == 1) b.Attacks(source, "[S" + std::to_string(to) + "]");
      if (type == 2) b.Link(source, RelationType::kUndercuts, "<A" + std::to_string(to) + ">");
      if (type == 3) b.Link(source, RelationType::kContradicts, "[S" + std::to_string(to) + "]");
    }
    if (statements > 1000) REQUIRE(b.map.relations().size() >= 20000);
    SignedAdjacency adjacency(b.map);
    CheckAgainstEdges(b.map, adjacency);
  }
}

}  // namespace
}  // namespace argmap
