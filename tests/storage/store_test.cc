// The store's behaviour through its public API: round trips, incremental edits, index lookups,
// map names and listing.
#include "storage/store.h"

#include <catch2/catch.hpp>

#include "graph/checks.h"
#include "tests/storage/store_test_util.h"

namespace argmap::testing {
namespace {

std::unique_ptr<Store> OpenWriter(const std::string& dir, size_t ingest_threshold = 50'000) {
  std::unique_ptr<Store> store;
  Store::Options options;
  options.ingest_threshold = ingest_threshold;
  Status s = Store::Open(dir, Store::Mode::kReadWrite, options, &store);
  REQUIRE(s.message() == "");
  return store;
}

std::unique_ptr<Store> OpenReader(const std::string& dir) {
  std::unique_ptr<Store> store;
  Status s = Store::Open(dir, Store::Mode::kReadOnly, &store);
  REQUIRE(s.message() == "");
  return store;
}

NodeId IdOf(const ArgumentMap& map, const std::string& name) {
  NodeId id = 0;
  REQUIRE(map.Resolve(name, &id).message() == "");
  return id;
}

// Reloads `name` through a new read-only handle and checks it equals `expected`, its neighbours
// equal the in-memory graph's for every node, and fsck finds nothing.
void CheckStored(const std::string& dir, const std::string& name, const ArgumentMap& expected) {
  ArgumentMap loaded;
  REQUIRE(LoadFresh(dir, name, &loaded).message() == "");
  CheckSameMap(expected, loaded);
  std::unique_ptr<Store> store = OpenReader(dir);
  const Graph& g = expected.graph();
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    NodeId id = g[*it].id;
    std::vector<Adjacency> neighbours;
    REQUIRE(store->Neighbours(name, id, &neighbours).message() == "");
    CHECK(neighbours == ExpectedNeighbours(expected, id));
  }
  CHECK(FsckProblems(dir) == std::vector<std::string>{});
}

TEST_CASE("a written map loads back with every field and id and its next_id", "[storage]") {
  TempDir tmp;
  ArgumentMap map;
  BuildSampleMap(&map);
  // Remove the newest node so that next_id is above every id in use.
  Removal removal;
  REQUIRE(map.Remove(IdOf(map, "Grenzmanagement \xe2\x80\x93 \xc3\xbc"), &removal).ok());
  const uint64_t next_id = map.next_id();
  // As one WriteBatch (small maps) and as ingested table files (big maps).
  size_t threshold = GENERATE(50'000, 0);
  {
    std::unique_ptr<Store> store = OpenWriter(tmp.path(), threshold);
    REQUIRE(store->WriteMap("sample", map, /*replace=*/false).message() == "");
  }
  ArgumentMap loaded;
  REQUIRE(LoadFresh(tmp.path(), "sample", &loaded).message() == "");
  CheckSameMap(map, loaded);
  CHECK(loaded.next_id() == next_id);
  CHECK(loaded.statements().size() == 9);
  CHECK(loaded.arguments().size() == 3);
  CHECK(loaded.relations().size() == 7);
  CHECK(loaded.argument(IdOf(map, "<Main argument>"))->steps[0].rule == "modus ponens");
  CheckStored(tmp.path(), "sample", map);
}

// Every finding as one line: check, severity, node ids, message, and each path's steps.
std::vector<std::string> FindingLines(const ArgumentMap& map) {
  std::vector<Finding> findings;
  REQUIRE(RunChecks(map, CheckOptions{}, &findings).message() == "");
  std::vector<std::string> lines;
  for (const Finding& f : findings) {
    std::string line = f.check + " " + std::string(SeverityName(f.severity)) + " " + f.message;
    for (NodeId id : f.nodes) line += " " + std::to_string(id);
    for (const EvidencePath& path : f.evidence) {
      line += " |";
      for (const PathStep& step : path) {
        line += " " + std::to_string(step.from) + "-" + std::string(RelationName(step.relation)) +
                (step.sign > 0 ? "+" : "-") + std::to_string(step.to);
      }
    }
    lines.push_back(line);
  }
  return lines;
}

TEST_CASE("a load for the checks leaves out texts, tags and data, and the checks find the same",
          "[storage]") {
  TempDir tmp;
  ArgumentMap map;
  BuildSampleMap(&map);
  {
    std::unique_ptr<Store> store = OpenWriter(tmp.path());
    REQUIRE(store->WriteMap("sample", map, /*replace=*/false).message() == "");
  }
  ArgumentMap lean;
  REQUIRE(OpenReader(tmp.path())->LoadMap("sample", &lean, RecordFields::kForChecks).message() ==
          "");
  REQUIRE(lean.statements().size() == map.statements().size());
  size_t with_text = 0, with_source = 0;
  for (const Statement& s : map.statements()) {
    const Statement* got = lean.statement(s.id);
    REQUIRE(got != nullptr);
    CHECK(got->title == s.title);
    CHECK(got->role == s.role);
    CHECK(got->thesis == s.thesis);
    CHECK(got->source == s.source);
    CHECK(got->text.empty());
    CHECK(got->actor.empty());
    CHECK(got->quote.empty());
    CHECK(got->section.empty());
    CHECK(got->tags.empty());
    CHECK(got->data.empty());
    with_text += !s.text.empty();
    with_source += !s.source.empty();
  }
  CHECK(with_text > 0);  // the sample has what is left out, and sources
  CHECK(with_source > 0);
  REQUIRE(lean.arguments().size() == map.arguments().size());
  for (const Argument& a : map.arguments()) {
    const Argument* got = lean.argument(a.id);
    REQUIRE(got != nullptr);
    CHECK(got->title == a.title);
    CHECK(got->warrant == a.warrant);
    REQUIRE(got->steps.size() == a.steps.size());
    for (size_t i = 0; i < a.steps.size(); ++i) {
      CHECK(got->steps[i].node == a.steps[i].node);
      CHECK(got->steps[i].premises == a.steps[i].premises);
      CHECK(got->steps[i].premise_edges == a.steps[i].premise_edges);
      CHECK(got->steps[i].conclusion == a.steps[i].conclusion);
      CHECK(got->steps[i].conclusion_edge == a.steps[i].conclusion_edge);
      CHECK(got->steps[i].rule.empty());
    }
    CHECK(got->text.empty());
    CHECK(got->tags.empty());
    CHECK(got->data.empty());
  }
  CHECK(lean.relations().size() == map.relations().size());
  CHECK(lean.next_id() == map.next_id());
  std::vector<std::string> findings = FindingLines(map);
  CHECK(findings.size() > 3);
  CHECK(FindingLines(lean) == findings);

  ArgumentMap generated;  // a larger map, every check with work
  BuildGeneratedMap(3000, 0, &generated);
  {
    std::unique_ptr<Store> store = OpenWriter(tmp.path(), 0);
    REQUIRE(store->WriteMap("generated", generated, /*replace=*/false).message() == "");
  }
  ArgumentMap generated_lean;
  REQUIRE(OpenReader(tmp.path())
              ->LoadMap("generated", &generated_lean, RecordFields::kForChecks)
              .message() == "");
  CHECK(FindingLines(generated_lean) == FindingLines(generated));
}

TEST_CASE("titles and texts that are not valid UTF-8 survive a round trip", "[storage]") {
  TempDir tmp;
  ArgumentMap map;
  Statement s;
  s.title = "bad \xff byte";
  const char text[] = "nul \0 and \xc3 cut";
  s.text = std::string(text, sizeof text - 1);
  s.tags = {"\xfe"};
  REQUIRE(map.AddStatement(s).ok());
  { OpenWriter(tmp.path())->WriteMap("m", map, false); }
  ArgumentMap loaded;
  REQUIRE(LoadFresh(tmp.path(), "m", &loaded).message() == "");
  CheckSameMap(map, loaded);
  CHECK(loaded.statements()[0].text.size() == 15);
  NodeId id = 0;
  CHECK(OpenReader(tmp.path())->ResolveNode("m", "[bad \xff byte]", &id).ok());
  CHECK(id == 1);
}

TEST_CASE("a loaded map keeps handing out fresh ids", "[storage]") {
  TempDir tmp;
  ArgumentMap map;
  BuildSampleMap(&map);
  std::unique_ptr<Store> store = OpenWriter(tmp.path());
  REQUIRE(store->WriteMap("sample", map, false).ok());
  ArgumentMap loaded;
  REQUIRE(store->LoadMap("sample", &loaded).ok());
  Statement s;
  s.title = "New";
  NodeId id = 0;
  REQUIRE(loaded.AddStatement(s, &id).ok());
  CHECK(id == map.next_id());
}

TEST_CASE("a generated map of thousands of records round-trips through both write paths",
          "[storage]") {
  TempDir tmp;
  ArgumentMap map;
  BuildGeneratedMap(Sanitized() ? 2'000 : 20'000, 0, &map);
  size_t threshold = GENERATE(1'000'000, 0);
  {
    std::unique_ptr<Store> store = OpenWriter(tmp.path(), threshold);
    REQUIRE(store->WriteMap("gen", map, false).message() == "");
  }
  ArgumentMap loaded;
  REQUIRE(LoadFresh(tmp.path(), "gen", &loaded).message() == "");
  CHECK(FirstDifference(map, loaded) == "");
  CHECK(FsckProblems(tmp.path()) == std::vector<std::string>{});
}

TEST_CASE("incremental edits persist and keep the indexes consistent", "[storage]") {
  TempDir tmp;
  const std::string dir = tmp.path();
  ArgumentMap map;
  BuildSampleMap(&map);
  std::unique_ptr<Store> store = OpenWriter(dir);
  REQUIRE(store->WriteMap("m", map, false).ok());

  SECTION("add a statement, an argument and a relation; update a statement") {
    Statement s;
    s.title = "Added";
    s.text = "Added later.";
    s.tags = {"late"};
    NodeId added = 0;
    REQUIRE(map.AddStatement(s, &added).ok());
    REQUIRE(store->PutStatement("m", map, added).message() == "");
    CheckStored(dir, "m", map);

    Argument a;
    a.title = "Added argument";
    InferenceStep step;
    step.premises = {added, IdOf(map, "[Evidence A]")};
    step.conclusion = IdOf(map, "[Reform objective]");
    a.steps = {step};
    NodeId argument = 0;
    REQUIRE(map.AddArgument(a, &argument).ok());
    REQUIRE(store->PutArgument("m", map, argument).message() == "");
    CheckStored(dir, "m", map);

    EdgeId edge = 0;
    REQUIRE(
        map.AddRelation(RelationType::kUndercuts, added, IdOf(map, "<Main argument>"), &edge).ok());
    REQUIRE(store->PutRelation("m", map, edge).message() == "");
    CheckStored(dir, "m", map);

    Statement update = *map.statement(added);
    update.text = "Changed text.";
    update.role = Role::kWarrant;
    update.data = {{"k", "\"v\""}};
    REQUIRE(map.UpdateStatement(update).ok());
    REQUIRE(store->PutStatement("m", map, added).message() == "");
    CheckStored(dir, "m", map);
  }
  SECTION("remove a premise, which rewrites the arguments that used it") {
    Removal removal;
    REQUIRE(map.Remove(IdOf(map, "[Assumption]"), &removal).ok());
    REQUIRE(removal.changed_arguments.size() == 1);
    REQUIRE(store->ApplyRemoval("m", map, removal).message() == "");
    CheckStored(dir, "m", map);
  }
  SECTION("remove a multi-step argument and a statement with relations") {
    Removal removal;
    REQUIRE(map.Remove(IdOf(map, "<Main argument>"), &removal).ok());
    REQUIRE(store->ApplyRemoval("m", map, removal).message() == "");
    CheckStored(dir, "m", map);
    // No longer the conclusion of a step, the intermediate conclusion can go too.
    REQUIRE(map.Remove(IdOf(map, "[Intermediate]"), &removal).ok());
    REQUIRE(store->ApplyRemoval("m", map, removal).message() == "");
    CheckStored(dir, "m", map);
  }
  SECTION("remove an argument that is undercut and a statement that attacks") {
    Removal removal;
    REQUIRE(map.Remove(IdOf(map, "<Simple>"), &removal).ok());
    CHECK(removal.relations.size() == 2);
    REQUIRE(store->ApplyRemoval("m", map, removal).message() == "");
    REQUIRE(map.Remove(IdOf(map, "[BOMCA programme]"), &removal).ok());
    REQUIRE(store->ApplyRemoval("m", map, removal).message() == "");
    CheckStored(dir, "m", map);
  }
}

TEST_CASE("nodes resolve and their neighbours are found without loading the map", "[storage]") {
  TempDir tmp;
  ArgumentMap map;
  BuildSampleMap(&map);
  Statement twin;
  twin.title = "Twin";
  REQUIRE(map.AddStatement(twin).ok());
  Argument twin_argument;
  twin_argument.title = "Twin";
  REQUIRE(map.AddArgument(twin_argument).ok());
  {
    std::unique_ptr<Store> store = OpenWriter(tmp.path());
    REQUIRE(store->WriteMap("m", map, false).ok());
  }
  std::unique_ptr<Store> store = OpenReader(tmp.path());
  for (std::string name : {"[Border focus]", "<Simple>", "BOMCA programme", "No structure",
                           "[Twin]", "<Twin>", "Twin", "[Simple]", "<Border focus>", "Nothing",
                           "[Nothing]", "<Nothing>", "Grenzmanagement \xe2\x80\x93 \xc3\xbc"}) {
    NodeId expected = 0, actual = 0;
    Status want = map.Resolve(name, &expected);
    Status got = store->ResolveNode("m", name, &actual);
    CHECK(got.code() == want.code());
    CHECK(got.message() == want.message());
    CHECK(actual == expected);
  }
  NodeId twin_id = 0;
  Status ambiguous = store->ResolveNode("m", "Twin", &twin_id);
  CHECK(ambiguous.message() == "'Twin' names both [Twin] and <Twin>; write one of those");

  NodeId main_id = IdOf(map, "<Main argument>");
  const Argument& main = *map.argument(main_id);
  std::vector<Adjacency> neighbours;
  REQUIRE(store->Neighbours("m", main_id, &neighbours).ok());
  // The last step: premises [Intermediate] and [Assumption] in, conclusion [Border focus] out.
  CHECK(neighbours == std::vector<Adjacency>{
                          {main.steps[1].conclusion_edge, RelationType::kConclusion, true,
                           main.steps[1].conclusion},
                          {main.steps[1].premise_edges[0], RelationType::kPremise, false,
                           main.steps[1].premises[0]},
                          {main.steps[1].premise_edges[1], RelationType::kPremise, false,
                           main.steps[1].premises[1]},
                      });
  NodeId step_node = main.steps[0].node;
  REQUIRE(store->Neighbours("m", step_node, &neighbours).ok());
  CHECK(neighbours == ExpectedNeighbours(map, step_node));
  CHECK(neighbours.size() == 3);

  std::string display;
  REQUIRE(store->NodeName("m", step_node, &display).ok());
  CHECK(display == "<Main argument> step 1");
  REQUIRE(store->NodeName("m", main_id, &display).ok());
  CHECK(display == "<Main argument>");
  REQUIRE(store->NodeName("m", IdOf(map, "[Evidence A]"), &display).ok());
  CHECK(display == "[Evidence A]");

  Statement evidence;
  REQUIRE(store->GetStatement("m", IdOf(map, "[Evidence A]"), &evidence).ok());
  CHECK(evidence.source == "European Union 2007: 27");
  Argument simple;
  REQUIRE(store->GetArgument("m", IdOf(map, "<Simple>"), &simple).ok());
  CHECK(simple.steps.size() == 1);

  Status missing = store->GetStatement("m", main_id, &evidence);
  CHECK(missing.code() == Status::Code::kNotFound);
  CHECK(missing.message() == "no statement with id " + std::to_string(main_id) + " in map m");
  missing = store->GetArgument("m", 9999, &simple);
  CHECK(missing.message() == "no argument with id 9999 in map m");
  missing = store->Neighbours("m", 9999, &neighbours);
  CHECK(missing.message() == "no node with id 9999 in map m");
  missing = store->ResolveNode("nomap", "[X]", &twin_id);
  CHECK(missing.code() == Status::Code::kNotFound);
  CHECK(missing.message() == "no map nomap in store " + tmp.path());
}

TEST_CASE("maps are listed by name and can be replaced or deleted but not written twice",
          "[storage]") {
  TempDir tmp;
  const std::string dir = tmp.path();
  ArgumentMap sample, generated;
  BuildSampleMap(&sample);
  BuildGeneratedMap(100, 0, &generated);
  std::unique_ptr<Store> store = OpenWriter(dir);
  REQUIRE(store->WriteMap("b", sample, false).ok());
  REQUIRE(store->WriteMap("a", generated, false).ok());
  REQUIRE(store->WriteMap("\xc3\x84rger", sample, false).ok());

  std::vector<MapSummary> maps;
  REQUIRE(store->ListMaps(&maps).ok());
  REQUIRE(maps.size() == 3);
  CHECK(maps[0].name == "a");
  CHECK(maps[0].title == "generated 0");
  CHECK(maps[0].statements == 100);
  CHECK(maps[0].arguments == 2);
  CHECK(maps[0].relations == generated.relations().size());
  CHECK(maps[1].name == "b");
  CHECK(maps[1].title == "Border management in Central Asia");
  CHECK(maps[1].statements == 10);
  CHECK(maps[1].arguments == 3);
  CHECK(maps[1].relations == 8);
  CHECK(maps[2].name == "\xc3\x84rger");

  Status again = store->WriteMap("a", sample, /*replace=*/false);
  CHECK(again.code() == Status::Code::kAlreadyExists);
  CHECK(again.message() == "map a already exists in store " + dir);

  REQUIRE(store->WriteMap("a", sample, /*replace=*/true).ok());
  store.reset();
  CheckStored(dir, "a", sample);
  CheckStored(dir, "b", sample);

  store = OpenWriter(dir);
  REQUIRE(store->DeleteMap("b").ok());
  bool exists = true;
  REQUIRE(store->HasMap("b", &exists).ok());
  CHECK(!exists);
  REQUIRE(store->HasMap("a", &exists).ok());
  CHECK(exists);
  Status gone = store->DeleteMap("b");
  CHECK(gone.code() == Status::Code::kNotFound);
  CHECK(gone.message() == "no map b in store " + dir);
  ArgumentMap loaded;
  gone = store->LoadMap("b", &loaded);
  CHECK(gone.code() == Status::Code::kNotFound);
  CHECK(gone.message() == "no map b in store " + dir);
  REQUIRE(store->ListMaps(&maps).ok());
  CHECK(maps.size() == 2);
  store.reset();
  CHECK(FsckProblems(dir) == std::vector<std::string>{});
}

TEST_CASE("map names must be non-empty UTF-8 without control characters", "[storage]") {
  TempDir tmp;
  ArgumentMap map;
  BuildSampleMap(&map);
  std::unique_ptr<Store> store = OpenWriter(tmp.path());
  Status s = store->WriteMap("", map, false);
  CHECK(s.code() == Status::Code::kInvalidInput);
  CHECK(s.message() == "a map name must not be empty");
  s = store->WriteMap("tab\there", map, false);
  CHECK(s.code() == Status::Code::kInvalidInput);
  CHECK(s.message() == "map name 'tab\\x09here' contains a control character");
  s = store->WriteMap("c1 \xc2\x85", map, false);
  CHECK(s.message() == "map name 'c1 \\xc2\\x85' contains a control character");
  s = store->WriteMap("bad \xff", map, false);
  CHECK(s.code() == Status::Code::kInvalidInput);
  CHECK(s.message() == "map name 'bad \\xff' is not valid UTF-8");
  CHECK(store->WriteMap("Карта / map: 1", map, false).ok());
  std::vector<MapSummary> maps;
  REQUIRE(store->ListMaps(&maps).ok());
  REQUIRE(maps.size() == 1);
  CHECK(maps[0].name == "Карта / map: 1");
}

TEST_CASE("a read-only store refuses changes", "[storage]") {
  TempDir tmp;
  ArgumentMap map;
  BuildSampleMap(&map);
  { OpenWriter(tmp.path())->WriteMap("m", map, false); }
  std::unique_ptr<Store> store = OpenReader(tmp.path());
  Status s = store->WriteMap("n", map, false);
  CHECK(s.code() == Status::Code::kInvalidInput);
  CHECK(s.message() == "store " + tmp.path() + " is open read-only");
  CHECK(store->DeleteMap("m").message() == "store " + tmp.path() + " is open read-only");
  CHECK(store->PutStatement("m", map, 1).message() == "store " + tmp.path() + " is open read-only");
}

TEST_CASE("a missing store opened read-only is not found and an empty store has no maps",
          "[storage]") {
  TempDir tmp;
  std::unique_ptr<Store> store;
  Status s = Store::Open(tmp.Sub("none"), Store::Mode::kReadOnly, &store);
  CHECK(s.code() == Status::Code::kNotFound);
  CHECK(s.message() == "no store at " + tmp.Sub("none"));
  REQUIRE(Store::Open(tmp.Sub("new/nested"), Store::Mode::kReadWrite, &store).ok());
  CHECK(store->dir() == tmp.Sub("new/nested"));
  store.reset();
  store = OpenReader(tmp.Sub("new/nested"));
  std::vector<MapSummary> maps;
  REQUIRE(store->ListMaps(&maps).ok());
  CHECK(maps.empty());
  FsckReport report;
  REQUIRE(store->Fsck(&report).ok());
  CHECK(report.healthy());
}

}  // namespace
}  // namespace argmap::testing
