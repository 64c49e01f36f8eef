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
  SignedReach reach(b.map);
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

TEST_CASE("missing nodes have no path", "[graph]") {
  MapBuilder b = Chain();
  EvidencePath path;
  CHECK_FALSE(ShortestSignedPath(b.map, b.Id("[A]"), 999, 0, -1, &path));
  CHECK_FALSE(ShortestSignedPath(b.map, 0, b.Id("[A]"), 0, -1, &path));
}

}  // namespace
}  // namespace argmap
