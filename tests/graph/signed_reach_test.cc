// SignedReach and ShortestSignedPath: signed walks, shortest per sign, canonical ties, depth.
#include "graph/signed_reach.h"

#include <catch2/catch.hpp>

#include "tests/graph/checks_builder.h"

namespace argmap {
namespace {

using testing::DescribePath;
using testing::MapBuilder;

// [A] -> [B] -> [C] all supports; [A] attacks [D]; [D] supports [C]; [C] attacks [E].
MapBuilder Chain() {
  MapBuilder b;
  for (const char* t : {"A", "B", "C", "D", "E"}) b.Claim(t);
  b.Supports("[A]", "[B]");
  b.Supports("[B]", "[C]");
  b.Attacks("[A]", "[D]");
  b.Supports("[D]", "[C]");
  b.Attacks("[C]", "[E]");
  return b;
}

std::string Path(const MapBuilder& b, const std::string& from, const std::string& to, int sign,
                 int max_depth = -1) {
  EvidencePath path;
  if (!ShortestSignedPath(b.map, b.Id(from), b.Id(to), sign, max_depth, &path)) return "none";
  return DescribePath(b.map, path);
}

TEST_CASE("shortest signed paths by sign", "[graph]") {
  MapBuilder b = Chain();
  CHECK(Path(b, "[A]", "[C]", +1) == "+ [A] --supports--> [B] --supports--> [C]");
  CHECK(Path(b, "[A]", "[C]", -1) == "- [A] --attacks--> [D] --supports--> [C]");
  CHECK(Path(b, "[A]", "[E]", -1) == "- [A] --supports--> [B] --supports--> [C] --attacks--> [E]");
  CHECK(Path(b, "[A]", "[E]", +1) == "+ [A] --attacks--> [D] --supports--> [C] --attacks--> [E]");
  CHECK(Path(b, "[E]", "[A]", 0) == "none");
  CHECK(Path(b, "[B]", "[D]", 0) == "none");
}

TEST_CASE("any sign takes the shorter walk, + on a tie; the empty walk is +", "[graph]") {
  MapBuilder b = Chain();
  b.Attacks("[A]", "[E]");
  CHECK(Path(b, "[A]", "[E]", 0) == "- [A] --attacks--> [E]");
  CHECK(Path(b, "[A]", "[C]", 0) == "+ [A] --supports--> [B] --supports--> [C]");
  CHECK(Path(b, "[C]", "[C]", 0) == "+");
  CHECK(Path(b, "[C]", "[C]", +1) == "+");
  CHECK(Path(b, "[C]", "[C]", -1) == "none");
}

TEST_CASE("max depth bounds the walk", "[graph]") {
  MapBuilder b = Chain();
  CHECK(Path(b, "[A]", "[E]", -1, 2) == "none");
  CHECK(Path(b, "[A]", "[E]", -1, 3) ==
        "- [A] --supports--> [B] --supports--> [C] --attacks--> [E]");
  CHECK(Path(b, "[A]", "[A]", +1, 0) == "+");
}

TEST_CASE("a contradiction is walked both ways, in walking order", "[graph]") {
  MapBuilder b;
  b.Claim("X");
  b.Claim("Y");
  b.Link("[X]", RelationType::kContradicts, "[Y]");
  CHECK(Path(b, "[Y]", "[X]", 0) == "- [Y] --contradicts--> [X]");
  CHECK(Path(b, "[X]", "[Y]", 0) == "- [X] --contradicts--> [Y]");
  CHECK(Path(b, "[X]", "[X]", -1) == "none");  // no walk of length 2 returns with sign -
  CHECK(Path(b, "[X]", "[X]", +1) == "+");
}

TEST_CASE("walks pass undercuts and through argument steps", "[graph]") {
  MapBuilder b;
  for (const char* t : {"P", "Mid", "C", "U"}) b.Claim(t);
  b.Argument("Arg", {{{"P"}, "Mid"}, {{"Mid"}, "C"}});
  b.Link("[U]", RelationType::kUndercuts, "<Arg>");
  CHECK(Path(b, "[P]", "[C]", +1) ==
        "+ [P] --premise--> <Arg> step 1 --conclusion--> [Mid] --premise--> <Arg> "
        "--conclusion--> [C]");
  CHECK(Path(b, "[U]", "[C]", 0) == "- [U] --undercuts--> <Arg> --conclusion--> [C]");
  CHECK(Path(b, "[C]", "[P]", 0) == "none");
}

TEST_CASE("ties are broken by title, not by the order the map was built in", "[graph]") {
  for (bool reversed : {false, true}) {
    MapBuilder b;
    std::vector<std::string> middles = {"M1", "M2", "M3"};
    if (reversed) std::reverse(middles.begin(), middles.end());
    b.Claim("From");
    b.Claim("To");
    for (const std::string& m : middles) b.Claim(m);
    for (const std::string& m : middles) {
      b.Supports("[From]", "[" + m + "]");
      b.Supports("[" + m + "]", "[To]");
    }
    CHECK(Path(b, "[From]", "[To]", 0) == "+ [From] --supports--> [M1] --supports--> [To]");
  }
}

TEST_CASE("one backward search answers every source", "[graph]") {
  MapBuilder b = Chain();
  SignedAdjacency adjacency(b.map);
  SignedReach reach(b.map, adjacency);
  Vertex c = b.map.VertexOf(b.Id("[C]"));
  reach.SearchTo(c, -1);
  auto distance = [&](const char* name, int sign) {
    return reach.Distance(b.map.VertexOf(b.Id(name)), sign);
  };
  CHECK(distance("[A]", +1) == 2);
  CHECK(distance("[A]", -1) == 2);
  CHECK(distance("[B]", +1) == 1);
  CHECK(distance("[B]", -1) == kUnreached);
  CHECK(distance("[D]", +1) == 1);
  CHECK(distance("[C]", +1) == 0);
  CHECK(distance("[E]", +1) == kUnreached);
  // A second search starts afresh.
  reach.SearchTo(b.map.VertexOf(b.Id("[B]")), -1);
  CHECK(distance("[A]", +1) == 1);
  CHECK(distance("[C]", +1) == kUnreached);
  CHECK(DescribePath(b.map, reach.PathFrom(b.map.VertexOf(b.Id("[A]")), +1)) ==
        "+ [A] --supports--> [B]");
}

// A deterministic map of n claims with random relations of every type, and a few arguments.
ArgumentMap RandomMap(uint64_t seed, int n, int relations) {
  MapBuilder b;
  uint64_t state = seed;
  auto next = [&](uint64_t bound) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (state >> 33) % bound;
  };
  for (int i = 0; i < n; ++i) b.Claim("C" + std::to_string(i));
  auto claim = [&] { return "[C" + std::to_string(next(n)) + "]"; };
  for (int k = 0; k < n / 4; ++k) {
    std::string p = "C" + std::to_string(next(n)), q = "C" + std::to_string(next(n));
    std::string c = "C" + std::to_string(next(n));
    if (p == q || p == c || q == c) continue;
    b.Argument("A" + std::to_string(k), {{{p}, q}, {{q}, c}});
  }
  for (int r = 0; r < relations; ++r) {
    RelationType type = static_cast<RelationType>(next(4));
    std::string from = claim(), to = claim();
    if (type == RelationType::kUndercuts) {
      to = "<A" + std::to_string(next(n / 4)) + ">";
      if (!b.map.FindArgument(to.substr(1, to.size() - 2))) continue;
    }
    (void)b.map.AddRelation(type, b.Id(from), b.Id(to));  // duplicates and self-contradictions
  }
  return std::move(b.map);
}

TEST_CASE("the bit-parallel search agrees with one search per target", "[graph]") {
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    ArgumentMap map = RandomMap(seed, 60, 90);
    SignedAdjacency adjacency(map);
    SignedReach single(map, adjacency);
    MultiSignedReach multi(map, adjacency);
    std::vector<Vertex> targets;
    for (int i = 0; i < 40; i += 3)
      targets.push_back(map.VertexOf(map.FindStatement("C" + std::to_string(i))->id));
    for (int max_depth : {-1, 0, 2, 5}) {
      multi.SearchTo(targets, max_depth);
      for (size_t t = 0; t < targets.size(); ++t) {
        single.SearchTo(targets[t], max_depth);
        REQUIRE(multi.Complete(t));
        for (Vertex v = 0; v < boost::num_vertices(map.graph()); ++v) {
          for (int sign : {+1, -1}) {
            INFO("seed " << seed << " depth " << max_depth << " target " << t << " vertex " << v);
            REQUIRE(multi.Distance(v, sign, t) == single.Distance(v, sign));
            if (single.Distance(v, sign) != kUnreached) {
              REQUIRE(DescribePath(map, multi.PathFrom(v, sign, t)) ==
                      DescribePath(map, single.PathFrom(v, sign)));
            }
          }
        }
      }
    }
  }
}

TEST_CASE("the bit-parallel search keeps out of irrelevant vertices", "[graph]") {
  MapBuilder b = Chain();
  SignedAdjacency adjacency(b.map);
  std::vector<uint8_t> relevant(boost::num_vertices(b.map.graph()), 1);
  relevant[b.map.VertexOf(b.Id("[B]"))] = 0;
  MultiSignedReach multi(b.map, adjacency, &relevant);
  Vertex targets[] = {b.map.VertexOf(b.Id("[C]")), b.map.VertexOf(b.Id("[E]"))};
  multi.SearchTo(targets, -1);
  Vertex a = b.map.VertexOf(b.Id("[A]"));
  CHECK(multi.Distance(a, +1, 0) == kUnreached);  // only A -> B -> C was +
  CHECK(DescribePath(b.map, multi.PathFrom(a, -1, 0)) ==
        "- [A] --attacks--> [D] --supports--> [C]");
  CHECK(DescribePath(b.map, multi.PathFrom(a, +1, 1)) ==
        "+ [A] --attacks--> [D] --supports--> [C] --attacks--> [E]");
  CHECK(multi.Distance(a, -1, 1) == kUnreached);
}

TEST_CASE("a walk longer than a byte leaves the bit-parallel search incomplete", "[graph]") {
  MapBuilder b;
  const int length = 300;
  for (int i = 0; i <= length; ++i) b.Claim("N" + std::to_string(i));
  for (int i = 0; i < length; ++i) {
    b.Supports("[N" + std::to_string(i) + "]", "[N" + std::to_string(i + 1) + "]");
  }
  SignedAdjacency adjacency(b.map);
  MultiSignedReach multi(b.map, adjacency);
  Vertex targets[] = {b.map.VertexOf(b.Id("[N300]")), b.map.VertexOf(b.Id("[N10]"))};
  multi.SearchTo(targets, -1);
  CHECK_FALSE(multi.Complete(0));
  CHECK(multi.Complete(1));
  CHECK(multi.Distance(b.map.VertexOf(b.Id("[N46]")), +1, 0) == 254);
  CHECK(multi.Distance(b.map.VertexOf(b.Id("[N45]")), +1, 0) == kUnreached);
  CHECK(multi.Distance(b.map.VertexOf(b.Id("[N0]")), +1, 1) == 10);
  // A second search starts afresh.
  multi.SearchTo(std::span(targets).subspan(1), -1);
  CHECK(multi.Complete(0));
  CHECK(multi.Distance(b.map.VertexOf(b.Id("[N0]")), +1, 0) == 10);
  CHECK(multi.Distance(b.map.VertexOf(b.Id("[N200]")), +1, 0) == kUnreached);
}

TEST_CASE("missing nodes have no path", "[graph]") {
  MapBuilder b = Chain();
  EvidencePath path;
  CHECK_FALSE(ShortestSignedPath(b.map, b.Id("[A]"), 999, 0, -1, &path));
  CHECK_FALSE(ShortestSignedPath(b.map, 0, b.Id("[A]"), 0, -1, &path));
}

}  // namespace
}  // namespace argmap
