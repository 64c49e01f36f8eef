#include "graph/argument_map.h"

#include <catch2/catch.hpp>
#include <tuple>

#include "graph/signed_graph.h"

namespace argmap {
namespace {

NodeId AddClaim(ArgumentMap& map, std::string title, Role role = Role::kClaim) {
  Statement s;
  s.title = std::move(title);
  s.role = role;
  NodeId id = 0;
  REQUIRE(map.AddStatement(std::move(s), &id).ok());
  return id;
}

TEST_CASE("statements get fresh ids and unique titles", "[graph]") {
  ArgumentMap map;
  NodeId a = AddClaim(map, "A");
  NodeId b = AddClaim(map, "B");
  CHECK(a == 1);
  CHECK(b == 2);
  Statement dup;
  dup.title = "A";
  Status s = map.AddStatement(dup);
  CHECK(s.code() == Status::Code::kAlreadyExists);
  CHECK(s.message() == "statement [A] already exists");
  CHECK(map.FindStatement("B")->id == b);
  CHECK(map.node_count() == 2);
}

TEST_CASE("a moved map keeps its graph and indexes; the source is left empty and usable",
          "[graph]") {
  ArgumentMap source;
  NodeId a = AddClaim(source, "A");
  NodeId b = AddClaim(source, "B");
  REQUIRE(source.AddRelation(RelationType::kSupports, a, b).ok());
  const Statement* a_record = source.FindStatement("A");

  ArgumentMap moved(std::move(source));
  ArgumentMap assigned;
  AddClaim(assigned, "Old");
  assigned = std::move(moved);
  CHECK(assigned.FindStatement("A") == a_record);  // the records did not move in memory
  CHECK(assigned.FindStatement("Old") == nullptr);
  CHECK(assigned.node_count() == 2);
  CHECK(boost::num_edges(assigned.graph()) == 1);
  CHECK(assigned.relations().size() == 1);
  CHECK(assigned.next_id() == 4);

  for (ArgumentMap* empty : {&source, &moved}) {
    CHECK(empty->node_count() == 0);
    CHECK(empty->statements().empty());
    CHECK(empty->FindStatement("A") == nullptr);
    CHECK(empty->next_id() == 1);
    CHECK(AddClaim(*empty, "A") == 1);
  }
}

TEST_CASE("relations are validated", "[graph]") {
  ArgumentMap map;
  NodeId a = AddClaim(map, "A");
  NodeId b = AddClaim(map, "B");
  Argument arg;
  arg.title = "Arg";
  NodeId arg_id = 0;
  REQUIRE(map.AddArgument(arg, &arg_id).ok());

  CHECK(map.AddRelation(RelationType::kSupports, a, b).ok());
  CHECK(map.AddRelation(RelationType::kSupports, a, b).code() == Status::Code::kAlreadyExists);
  Status undercut = map.AddRelation(RelationType::kUndercuts, a, b);
  CHECK(undercut.message() == "[A] undercuts [B]: only an argument can be undercut");
  CHECK(map.AddRelation(RelationType::kUndercuts, a, arg_id).ok());
  Status contra = map.AddRelation(RelationType::kContradicts, a, arg_id);
  CHECK(contra.message() == "[A] contradicts <Arg>: only statements can contradict each other");
  CHECK(map.AddRelation(RelationType::kContradicts, a, b).ok());
  CHECK(map.AddRelation(RelationType::kContradicts, b, a).code() == Status::Code::kAlreadyExists);
  CHECK(!map.AddRelation(RelationType::kSupports, a, 999).ok());
  CHECK(map.relations().size() == 3);
}

// Every vertex's out-edges as (target, edge id, type), in the graph's order.
std::vector<std::vector<std::tuple<size_t, EdgeId, RelationType>>> Edges(const ArgumentMap& map) {
  const Graph& g = map.graph();
  std::vector<std::vector<std::tuple<size_t, EdgeId, RelationType>>> edges(boost::num_vertices(g));
  for (size_t v = 0; v < edges.size(); ++v) {
    CHECK(g[v].id == map.vertex(v).id);
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
      edges[v].emplace_back(boost::target(*e, g), g[*e].id, g[*e].type);
    }
  }
  return edges;
}

TEST_CASE("the graph is the same whether built before the changes or after them", "[graph]") {
  // `early` builds its graph first and then takes every change into it; `late` builds it once
  // at the end from the records.
  ArgumentMap early, late;
  for (ArgumentMap* map : {&early, &late}) AddClaim(*map, "Seed");
  CHECK(boost::num_vertices(early.graph()) == 1);
  for (ArgumentMap* map : {&early, &late}) {
    NodeId a = AddClaim(*map, "A"), b = AddClaim(*map, "B"), c = AddClaim(*map, "C");
    Argument arg;
    arg.title = "Two steps";
    arg.steps.resize(2);
    arg.steps[0].premises = {a, b};
    arg.steps[0].conclusion = c;
    arg.steps[1].premises = {c};
    arg.steps[1].conclusion = map->FindStatement("Seed")->id;
    NodeId arg_id = 0;
    REQUIRE(map->AddArgument(arg, &arg_id).ok());
    REQUIRE(map->AddRelation(RelationType::kAttacks, b, arg_id).ok());
    REQUIRE(map->AddRelation(RelationType::kSupports, a, c).ok());
    REQUIRE(map->AddRelation(RelationType::kUndercuts, c, arg_id).ok());
  }
  CHECK(Edges(early) == Edges(late));
  CHECK(boost::num_edges(early.graph()) == 2 + 3 + 1 + 2);  // 3 premises, 2 conclusions

  // After a removal the graph is rebuilt from the records, and then changed again.
  Removal removal;
  for (ArgumentMap* map : {&early, &late}) {
    REQUIRE(map->Remove(map->FindStatement("B")->id, &removal).ok());
  }
  CHECK(Edges(early) == Edges(late));
  AddClaim(early, "D");
  CHECK(early.graph()[early.VertexOf(early.FindStatement("D")->id)].id ==
        early.FindStatement("D")->id);
  REQUIRE(early
              .AddRelation(RelationType::kSupports, early.FindStatement("D")->id,
                           early.FindStatement("A")->id)
              .ok());
  CHECK(boost::in_degree(early.VertexOf(early.FindStatement("A")->id), early.graph()) == 1);
}

TEST_CASE("a multi-step argument has a vertex per step", "[graph]") {
  ArgumentMap map;
  NodeId p1 = AddClaim(map, "P1");
  NodeId p2 = AddClaim(map, "P2");
  NodeId mid = AddClaim(map, "Mid");
  NodeId w = AddClaim(map, "W", Role::kWarrant);
  NodeId c = AddClaim(map, "C");
  Argument arg;
  arg.title = "Two steps";
  arg.steps.push_back(InferenceStep{0, {p1, p2}, {}, mid, 0, ""});
  arg.steps.push_back(InferenceStep{0, {mid, w}, {}, c, 0, "modus ponens"});
  arg.warrant = w;
  NodeId id = 0;
  REQUIRE(map.AddArgument(arg, &id).ok());
  const Argument* stored = map.argument(id);
  REQUIRE(stored);
  CHECK(stored->steps.back().node == id);
  NodeId step1 = stored->steps[0].node;
  CHECK(map.DisplayName(step1) == "<Two steps> step 1");
  CHECK(map.graph()[map.VertexOf(step1)].kind == NodeKind::kStep);
  CHECK(map.node_count() == 7);
  CHECK(boost::num_edges(map.graph()) == 6);  // 4 premises, 2 conclusions

  // P1 -> step 1 -> Mid -> argument -> C, all positive.
  std::vector<std::string> out;
  ForEachSignedSuccessor(
      map.graph(), map.VertexOf(mid), [&](Vertex next, const Edge&, int sign, bool) {
        out.push_back(map.DisplayName(map.vertex(next).id) + (sign > 0 ? "+" : "-"));
      });
  CHECK(out == std::vector<std::string>{"<Two steps>+"});

  // A warrant must have the warrant role.
  Argument bad;
  bad.title = "Bad";
  bad.steps.push_back(InferenceStep{0, {p1}, {}, c, 0, ""});
  bad.warrant = p1;
  CHECK(map.AddArgument(bad).message() ==
        "the warrant of <Bad>, [P1], does not have the role warrant");
}

TEST_CASE("remove takes relations and premises with it, never a conclusion", "[graph]") {
  ArgumentMap map;
  NodeId a = AddClaim(map, "A");
  NodeId b = AddClaim(map, "B");
  NodeId c = AddClaim(map, "C");
  Argument arg;
  arg.title = "Arg";
  arg.steps.push_back(InferenceStep{0, {a, b}, {}, c, 0, ""});
  NodeId arg_id = 0;
  REQUIRE(map.AddArgument(arg, &arg_id).ok());
  REQUIRE(map.AddRelation(RelationType::kAttacks, a, b).ok());

  Removal removal;
  CHECK(map.Remove(c, &removal).message() ==
        "[C] is the conclusion of <Arg> (step 1); remove the argument first");
  REQUIRE(map.Remove(a, &removal).ok());
  CHECK(removal.statements.size() == 1);
  CHECK(removal.relations.size() == 1);
  CHECK(removal.changed_arguments == std::vector<NodeId>{arg_id});
  CHECK(map.argument(arg_id)->steps[0].premises == std::vector<NodeId>{b});
  CHECK(map.FindStatement("A") == nullptr);
  CHECK(map.FindStatement("B")->id == b);
  CHECK(map.relations().empty());
  // Ids are never reused.
  CHECK(AddClaim(map, "D") > arg_id);
}

TEST_CASE("a removed node's id stays taken and no relation or step may use it", "[graph]") {
  ArgumentMap map;
  NodeId a = AddClaim(map, "A");
  NodeId b = AddClaim(map, "B");
  NodeId c = AddClaim(map, "C");
  NodeId d = AddClaim(map, "D");
  Argument two_steps;
  two_steps.title = "Two steps";
  two_steps.steps.push_back(InferenceStep{0, {a}, {}, b, 0, ""});
  two_steps.steps.push_back(InferenceStep{0, {b}, {}, c, 0, ""});
  NodeId two = 0;
  REQUIRE(map.AddArgument(two_steps, &two).ok());
  Argument bare;  // no steps: still an argument after the map is rebuilt
  bare.title = "Bare";
  NodeId bare_id = 0;
  REQUIRE(map.AddArgument(bare, &bare_id).ok());
  NodeId step = map.argument(two)->steps[0].node;

  Removal removal;
  REQUIRE(map.Remove(d, &removal).ok());
  CHECK(map.AddRelation(RelationType::kSupports, a, d).message() ==
        "supports relation to a missing node");
  Argument uses_removed;
  uses_removed.title = "Uses D";
  uses_removed.steps.push_back(InferenceStep{0, {d}, {}, a, 0, ""});
  CHECK(map.AddArgument(uses_removed).message() ==
        "<Uses D> step 1 has a premise that is not a statement (id " + std::to_string(d) + ")");
  CHECK(map.AddRelation(RelationType::kAttacks, a, step).message() ==
        "a relation cannot touch an intermediate inference step");
  CHECK(map.AddRelation(RelationType::kUndercuts, a, bare_id).ok());
  CHECK(map.AddRelation(RelationType::kUndercuts, a, two).ok());
  CHECK(map.AddRelation(RelationType::kUndercuts, a, b).message() ==
        "[A] undercuts [B]: only an argument can be undercut");
  CHECK(AddClaim(map, "D") > d);
  CHECK(map.Verify().ok());  // the id table agrees with the records after the rebuild
}

TEST_CASE("an argument's warrant must have the role warrant, also after updates and removals",
          "[graph]") {
  ArgumentMap map;
  NodeId p = AddClaim(map, "P");
  NodeId w = AddClaim(map, "W");
  NodeId c = AddClaim(map, "C");
  NodeId gone = AddClaim(map, "Gone");
  Argument arg;
  arg.title = "Arg";
  arg.steps.push_back(InferenceStep{0, {p, w}, {}, c, 0, ""});
  arg.warrant = w;
  CHECK(map.AddArgument(arg).message() ==
        "the warrant of <Arg>, [W], does not have the role warrant");
  CHECK_FALSE(map.IsWarrant(w));

  Statement update = *map.statement(w);
  update.role = Role::kWarrant;
  REQUIRE(map.UpdateStatement(update).ok());
  CHECK(map.IsWarrant(w));
  Removal removal;
  REQUIRE(map.Remove(gone, &removal).ok());  // rebuilds the map's tables from its records
  CHECK(map.IsWarrant(w));
  CHECK_FALSE(map.IsWarrant(p));
  CHECK_FALSE(map.IsWarrant(gone));
  REQUIRE(map.AddArgument(arg).ok());
  CHECK(map.Verify().ok());
}

TEST_CASE("a record that brings an id beyond the ids a map can have is refused", "[graph]") {
  ArgumentMap map;
  NodeId a = AddClaim(map, "A");
  Statement far;
  far.title = "Far";
  far.id = ArgumentMap::kMaxIds;
  CHECK(map.AppendStatement(far).message() ==
        "id " + std::to_string(ArgumentMap::kMaxIds) +
            " of statement [Far] is beyond the ids a map can have");
  Argument arg;
  arg.title = "Arg";
  arg.steps.push_back(InferenceStep{0, {a}, {}, a, 0, ""});
  arg.steps[0].conclusion_edge = ArgumentMap::kMaxIds + 7;
  CHECK(map.AppendArgument(arg).message() ==
        "id " + std::to_string(ArgumentMap::kMaxIds + 7) +
            " of argument <Arg> is beyond the ids a map can have");
  Relation r{ArgumentMap::kMaxIds, RelationType::kSupports, a, a};
  CHECK(map.AppendRelation(r).message() == "[A] supports [A]: id " +
                                               std::to_string(ArgumentMap::kMaxIds) +
                                               " is beyond the ids a map can have");
  far.id = 1000;  // an id of its own below the limit is kept
  CHECK(map.AppendStatement(far).ok());
  CHECK(map.next_id() == 1001);
}

TEST_CASE("names resolve as on the command line", "[graph]") {
  ArgumentMap map;
  NodeId s = AddClaim(map, "Same");
  Argument arg;
  arg.title = "Same";
  NodeId a = 0;
  REQUIRE(map.AddArgument(arg, &a).ok());
  NodeId id = 0;
  REQUIRE(map.Resolve("[Same]", &id).ok());
  CHECK(id == s);
  REQUIRE(map.Resolve("<Same>", &id).ok());
  CHECK(id == a);
  CHECK(map.Resolve("Same", &id).message() ==
        "'Same' names both [Same] and <Same>; write one of those");
  CHECK(map.Resolve("Other", &id).IsNotFound());
}

TEST_CASE("appends skip the index look-ups; the indexes come back on next use", "[graph]") {
  ArgumentMap map;
  Statement a, b;
  a.title = "A";
  b.title = "B";
  NodeId a_id = 0, b_id = 0;
  REQUIRE(map.AppendStatement(a, &a_id).ok());
  REQUIRE(map.AppendStatement(b, &b_id).ok());
  Argument arg;
  arg.title = "Arg";
  InferenceStep step;
  step.premises = {a_id};
  step.conclusion = b_id;
  arg.steps.push_back(step);
  NodeId arg_id = 0;
  REQUIRE(map.AppendArgument(arg, &arg_id).ok());
  REQUIRE(map.AppendRelation(Relation{0, RelationType::kAttacks, a_id, b_id}).ok());
  CHECK(map.Verify().ok());

  // Ends, kinds and ids are still checked.
  CHECK(map.AppendRelation(Relation{0, RelationType::kUndercuts, a_id, b_id}).message() ==
        "[A] undercuts [B]: only an argument can be undercut");
  CHECK(map.AppendRelation(Relation{0, RelationType::kSupports, a_id, 999}).message() ==
        "supports relation to a missing node");
  CHECK(map.AppendStatement(Statement{}).message() == "a statement needs a title");
  Statement taken;
  taken.title = "C";
  taken.id = a_id;
  CHECK(!map.AppendStatement(taken).ok());

  // Look-ups and checked adds rebuild the indexes from the records.
  CHECK(map.FindStatement("B")->id == b_id);
  CHECK(map.FindArgument("Arg")->id == arg_id);
  CHECK(map.AddStatement(a).code() == Status::Code::kAlreadyExists);
  CHECK(map.AddRelation(RelationType::kAttacks, a_id, b_id).code() == Status::Code::kAlreadyExists);
  NodeId c_id = AddClaim(map, "C");
  CHECK(map.FindStatement("C")->id == c_id);

  // What the appends leave to their callers, Verify() finds.
  REQUIRE(map.AppendStatement(b).ok());
  CHECK(map.Verify().message() == "two statements are titled [B]");
  ArgumentMap twins;
  REQUIRE(twins.AppendStatement(a, &a_id).ok());
  REQUIRE(twins.AppendStatement(b, &b_id).ok());
  REQUIRE(twins.AppendRelation(Relation{0, RelationType::kContradicts, a_id, b_id}).ok());
  REQUIRE(twins.AppendRelation(Relation{0, RelationType::kContradicts, b_id, a_id}).ok());
  CHECK(twins.Verify().message() == "[B] contradicts [A] twice");
}

}  // namespace
}  // namespace argmap
