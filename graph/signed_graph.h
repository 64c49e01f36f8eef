// The signed view of SPEC §3 over an ArgumentMap's topology: every edge carries the sign of its
// relation, and a contradiction is walked in both directions with sign -.
//
// ForEachSignedSuccessor visits the steps a signed walk can take out of a vertex;
// ForEachSignedPredecessor the steps that lead into it (for searches run backwards from a
// target). Neither allocates.
#pragma once

#include "graph/argument_map.h"

namespace argmap {

// f(Vertex next, const Edge& edge, int sign, bool reversed): `reversed` is true when a
// contradiction is walked against its stored direction.
template <typename F>
void ForEachSignedSuccessor(const Graph& g, Vertex v, F&& f) {
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
    f(boost::target(*it, g), *it, RelationSign(g[*it].type), false);
  }
  for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
    if (g[*it].type == RelationType::kContradicts) f(boost::source(*it, g), *it, -1, true);
  }
}

// f(Vertex previous, const Edge& edge, int sign, bool reversed)
template <typename F>
void ForEachSignedPredecessor(const Graph& g, Vertex v, F&& f) {
  for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
    f(boost::source(*it, g), *it, RelationSign(g[*it].type), false);
  }
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
    if (g[*it].type == RelationType::kContradicts) f(boost::target(*it, g), *it, -1, true);
  }
}

}  // namespace argmap
