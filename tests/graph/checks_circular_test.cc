// circular: strongly connected components of the support subgraph.
#include <catch2/catch.hpp>

#include "tests/graph/checks_builder.h"

namespace argmap {
namespace {

using testing::Check;
using testing::MapBuilder;

TEST_CASE("two claims that support each other are circular", "[graph]") {
  MapBuilder b;
  b.Claim("B");
  b.Claim("A");
  b.Supports("[B]", "[A]");
  b.Supports("[A]", "[B]");
  CHECK(Check(b.map, {"circular"}) ==
        "error circular ([A], [B]): [A] and [B] support each other in a circle.\n"
        "  + [A] --supports--> [B] --supports--> [A]\n");
}

TEST_CASE("a claim that supports itself is circular", "[graph]") {
  MapBuilder b;
  b.Claim("Loop");
  b.Supports("[Loop]", "[Loop]");
  CHECK(Check(b.map, {"circular"}) ==
        "error circular ([Loop]): [Loop] supports itself.\n"
        "  + [Loop] --supports--> [Loop]\n");
}

TEST_CASE("a circle through the steps of an argument names the argument once", "[graph]") {
  MapBuilder b;
  b.Claim("P");
  b.Claim("Mid");
  b.Claim("C");
  b.Argument("Arg", {{{"P"}, "Mid"}, {{"Mid"}, "C"}});
  b.Supports("[C]", "[P]");
  CHECK(Check(b.map, {"circular"}) ==
        "error circular (<Arg>, [Mid], [C], [P]): <Arg>, [Mid], [C] and [P] support each other "
        "in a circle.\n"
        "  + <Arg> step 1 --conclusion--> [Mid] --premise--> <Arg> --conclusion--> [C] "
        "--supports--> [P] --premise--> <Arg> step 1\n");
}

TEST_CASE("attacks and contradictions make no circle", "[graph]") {
  MapBuilder b;
  b.Claim("A");
  b.Claim("B");
  b.Claim("C");
  b.Attacks("[A]", "[B]");
  b.Attacks("[B]", "[A]");
  b.Supports("[B]", "[C]");
  b.Link("[C]", RelationType::kContradicts, "[B]");
  b.Attacks("[C]", "[A]");
  b.Supports("[A]", "[C]");
  CHECK(Check(b.map, {"circular"}).empty());
}

TEST_CASE("a larger tangle shows one shortest circle and says how big it is", "[graph]") {
  MapBuilder b;
  b.Claim("A");
  b.Claim("B");
  b.Claim("C");
  b.Claim("X");
  b.Claim("Y");
  b.Supports("[A]", "[B]");
  b.Supports("[B]", "[C]");
  b.Supports("[C]", "[A]");
  b.Supports("[B]", "[A]");
  b.Supports("[X]", "[Y]");
  b.Supports("[Y]", "[X]");
  b.Supports("[Y]", "[A]");  // joins nothing: A does not lead back to Y
  CHECK(Check(b.map, {"circular"}) ==
        "error circular ([A], [B]): [A] and [B] support each other in a circle, within a tangle "
        "of 3 statements and arguments that all support each other.\n"
        "  + [A] --supports--> [B] --supports--> [A]\n"
        "error circular ([X], [Y]): [X] and [Y] support each other in a circle.\n"
        "  + [X] --supports--> [Y] --supports--> [X]\n");
}

}  // namespace
}  // namespace argmap
