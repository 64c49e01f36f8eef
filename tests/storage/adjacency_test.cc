// The adjacency index, one record per node (storage/keys.h, schema version 2): what a whole-map
// write puts there, how edits of one command compose on a node's record, what Neighbours reads,
// and what fsck finds when a record is wrong.
#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <optional>

#include "proto/argmap.pb.h"
#include "storage/database.h"
#include "storage/keys.h"
#include "storage/map_editor.h"
#include "storage/store.h"
#include "tests/storage/raw_db.h"
#include "tests/storage/store_test_util.h"

namespace argmap::testing {
namespace {

using keys::Direction;

NodeId AddClaim(ArgumentMap& map, const std::string& title) {
  Statement s;
  s.title = title;
  NodeId id = 0;
  REQUIRE(map.AddStatement(s, &id).message() == "");
  return id;
}

EdgeId Link(ArgumentMap& map, RelationType type, NodeId from, NodeId to) {
  EdgeId id = 0;
  REQUIRE(map.AddRelation(type, from, to, &id).message() == "");
  return id;
}

std::unique_ptr<Store> OpenWriter(const std::string& dir, size_t ingest_threshold = 50'000) {
  std::unique_ptr<Store> store;
  Store::Options options;
  options.ingest_threshold = ingest_threshold;
  REQUIRE(Store::Open(dir, Store::Mode::kReadWrite, options, &store).message() == "");
  return store;
}

std::vector<Adjacency> StoredNeighbours(Store& store, NodeId id) {
  std::vector<Adjacency> neighbours;
  REQUIRE(store.Neighbours("m", id, &neighbours).message() == "");
  return neighbours;
}

// The nodes that have a key in map m's adjacency index, in key order.
std::vector<NodeId> NodesWithRecords(const std::string& dir) {
  RawDb raw(dir);
  const std::string prefix = keys::AdjacencyPrefix(raw.MapId("m"));
  std::vector<NodeId> nodes;
  std::unique_ptr<rocksdb::Iterator> it(raw.db()->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    keys::ParsedKey parsed = keys::ParseKey({it->key().data(), it->key().size()});
    REQUIRE(parsed.part == keys::ParsedKey::Part::kAdjacency);
    nodes.push_back(parsed.id);
  }
  return nodes;
}

// Every node of the map with at least one edge, ascending.
std::vector<NodeId> NodesWithEdges(const ArgumentMap& map) {
  std::vector<NodeId> nodes;
  const Graph& g = map.graph();
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    if (boost::out_degree(*it, g) + boost::in_degree(*it, g) > 0) nodes.push_back(g[*it].id);
  }
  std::sort(nodes.begin(), nodes.end());
  return nodes;
}

// Every node's neighbours as the in-memory graph has them, one record per node with edges and
// none for the others, and a healthy fsck.
void CheckIndex(const std::string& dir, const ArgumentMap& map) {
  CHECK(NodesWithRecords(dir) == NodesWithEdges(map));
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(dir, Store::Mode::kReadOnly, &store).message() == "");
  const Graph& g = map.graph();
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    INFO("node " << g[*it].id);
    CHECK(StoredNeighbours(*store, g[*it].id) == ExpectedNeighbours(map, g[*it].id));
  }
  CHECK(FsckProblems(dir) == std::vector<std::string>{});
}

TEST_CASE("a whole-map write gives each node with edges one record, read back in key order",
          "[storage]") {
  ArgumentMap map;
  const NodeId a = AddClaim(map, "A"), b = AddClaim(map, "B"), c = AddClaim(map, "C"),
               d = AddClaim(map, "D"), t = AddClaim(map, "T"), lonely = AddClaim(map, "Lonely");
  // A two-step argument: A and B give I, I and C give T.
  const NodeId i = AddClaim(map, "I");
  Argument argument;
  argument.title = "Two steps";
  InferenceStep first, second;
  first.premises = {a, b};
  first.conclusion = i;
  second.premises = {i, c};
  second.conclusion = t;
  argument.steps = {first, second};
  NodeId arg = 0;
  REQUIRE(map.AddArgument(argument, &arg).message() == "");
  const Argument& stored = *map.argument(arg);
  const NodeId step1 = stored.steps[0].node;
  // A: out supports, attacks (two), and a contradiction; in supports (two), attacks, undercut
  // aimed at the argument from A.
  const EdgeId a_supports_t = Link(map, RelationType::kSupports, a, t);
  const EdgeId a_attacks_d = Link(map, RelationType::kAttacks, a, d);
  const EdgeId d_supports_a = Link(map, RelationType::kSupports, d, a);
  const EdgeId c_contradicts_a = Link(map, RelationType::kContradicts, c, a);
  const EdgeId a_attacks_c = Link(map, RelationType::kAttacks, a, c);
  const EdgeId b_supports_a = Link(map, RelationType::kSupports, b, a);
  const EdgeId d_attacks_a = Link(map, RelationType::kAttacks, d, a);
  const EdgeId a_undercuts = Link(map, RelationType::kUndercuts, a, arg);

  TempDir tmp;
  const size_t threshold = GENERATE(50'000, 0);  // one WriteBatch, or ingested table files
  REQUIRE(OpenWriter(tmp.path(), threshold)->WriteMap("m", map, false).message() == "");
  CheckIndex(tmp.path(), map);

  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(tmp.path(), Store::Mode::kReadOnly, &store).message() == "");
  // Outgoing, then incoming; each by relation type (supports, attacks, undercuts, contradicts,
  // premise, conclusion), then edge id: the order of schema 1's per-edge keys.
  CHECK(StoredNeighbours(*store, a) ==
        std::vector<Adjacency>{
            {a_supports_t, RelationType::kSupports, true, t},
            {a_attacks_d, RelationType::kAttacks, true, d},
            {a_attacks_c, RelationType::kAttacks, true, c},
            {a_undercuts, RelationType::kUndercuts, true, arg},
            {stored.steps[0].premise_edges[0], RelationType::kPremise, true, step1},
            {d_supports_a, RelationType::kSupports, false, d},
            {b_supports_a, RelationType::kSupports, false, b},
            {d_attacks_a, RelationType::kAttacks, false, d},
            {c_contradicts_a, RelationType::kContradicts, false, c},
        });
  // The intermediate conclusion: the first step concludes it, it is a premise of the second.
  CHECK(StoredNeighbours(*store, i) ==
        std::vector<Adjacency>{
            {stored.steps[1].premise_edges[0], RelationType::kPremise, true, arg},
            {stored.steps[0].conclusion_edge, RelationType::kConclusion, false, step1},
        });
  CHECK(StoredNeighbours(*store, step1) ==
        std::vector<Adjacency>{
            {stored.steps[0].conclusion_edge, RelationType::kConclusion, true, i},
            {stored.steps[0].premise_edges[0], RelationType::kPremise, false, a},
            {stored.steps[0].premise_edges[1], RelationType::kPremise, false, b},
        });
  CHECK(StoredNeighbours(*store, arg) ==
        std::vector<Adjacency>{
            {stored.steps[1].conclusion_edge, RelationType::kConclusion, true, t},
            {a_undercuts, RelationType::kUndercuts, false, a},
            {stored.steps[1].premise_edges[0], RelationType::kPremise, false, i},
            {stored.steps[1].premise_edges[1], RelationType::kPremise, false, c},
        });
  CHECK(StoredNeighbours(*store, lonely).empty());
}

// Runs `edit` on map m of the store in dir as one command through a MapEditor, as Store does.
template <typename Edit>
void OneCommand(const std::string& dir, const ArgumentMap& map, Edit edit) {
  std::unique_ptr<Database> db;
  REQUIRE(Database::Open(dir, /*read_write=*/true, &db).message() == "");
  bool found = false;
  std::string value;
  REQUIRE(db->Get(keys::MapNameKey("m"), &value, &found).message() == "");
  v1::MapRef ref;
  REQUIRE((found && ref.ParseFromString(value)));
  MapEditor editor(db.get(), ref.map_id(), "m", map);
  edit(editor);
  REQUIRE(editor.Commit().message() == "");
}

TEST_CASE("edits of one command compose on the records of the nodes they touch", "[storage]") {
  ArgumentMap map;
  const NodeId hub = AddClaim(map, "Hub");
  std::vector<NodeId> spokes;
  for (int k = 0; k < 6; ++k) spokes.push_back(AddClaim(map, "Spoke " + std::to_string(k)));
  const NodeId other = AddClaim(map, "Other");
  for (int k = 0; k < 4; ++k) Link(map, RelationType::kSupports, spokes[k], hub);
  Link(map, RelationType::kAttacks, hub, spokes[4]);
  Link(map, RelationType::kContradicts, spokes[5], hub);
  Link(map, RelationType::kSupports, spokes[0], other);  // spoke 0 keeps an edge after the hub
  Argument argument;
  argument.title = "Hub and spoke 1";
  InferenceStep step;
  step.premises = {hub, spokes[1]};
  step.conclusion = other;
  argument.steps = {step};
  NodeId arg = 0;
  REQUIRE(map.AddArgument(argument, &arg).message() == "");
  TempDir tmp;
  const std::string dir = tmp.path();
  REQUIRE(OpenWriter(dir)->WriteMap("m", map, false).message() == "");
  CheckIndex(dir, map);

  SECTION("removing a node with many edges takes it out of every other end's record") {
    Removal removal;
    REQUIRE(map.Remove(hub, &removal).message() == "");
    REQUIRE(removal.changed_arguments == std::vector<NodeId>{arg});
    REQUIRE(OpenWriter(dir)->ApplyRemoval("m", map, removal).message() == "");
    CheckIndex(dir, map);
    RawDb raw(dir);
    const uint64_t map_id = raw.MapId("m");
    CHECK_FALSE(raw.Has(keys::AdjacencyKey(map_id, hub)));
    // Spokes 2 to 5 had only their edge to the hub: no record at all now.
    for (int k = 2; k < 6; ++k) CHECK_FALSE(raw.Has(keys::AdjacencyKey(map_id, spokes[k])));
    CHECK(raw.Adjacency(map_id, spokes[0]).size() == 1);
    // Spoke 1 is still the argument's premise, now its only one.
    const Argument& changed = *map.argument(arg);
    CHECK(raw.Adjacency(map_id, spokes[1]) ==
          std::vector<AdjacencyEntry>{{spokes[1], changed.steps[0].premise_edges[0], arg,
                                       Direction::kOut, RelationType::kPremise}});
  }
  SECTION("two links to one node in one command both land in its record") {
    const EdgeId first = Link(map, RelationType::kAttacks, spokes[4], other);
    const EdgeId second = Link(map, RelationType::kSupports, spokes[5], other);
    OneCommand(dir, map, [&](MapEditor& editor) {
      REQUIRE(editor.PutRelation(first).message() == "");
      REQUIRE(editor.PutRelation(second).message() == "");
    });
    CheckIndex(dir, map);
    RawDb raw(dir);
    const std::vector<AdjacencyEntry> entries = raw.Adjacency(raw.MapId("m"), other);
    CHECK(std::count_if(entries.begin(), entries.end(), [&](const AdjacencyEntry& e) {
            return e.edge == first || e.edge == second;
          }) == 2);
  }
  SECTION("a statement, an argument and two links added at once, all at the hub") {
    const NodeId added = AddClaim(map, "Added");
    Argument more;
    more.title = "Hub and added";
    InferenceStep only;
    only.premises = {hub, added};
    only.conclusion = other;
    more.steps = {only};
    NodeId more_id = 0;
    REQUIRE(map.AddArgument(more, &more_id).message() == "");
    const EdgeId in = Link(map, RelationType::kSupports, added, hub);
    const EdgeId out = Link(map, RelationType::kAttacks, hub, added);
    OneCommand(dir, map, [&](MapEditor& editor) {
      REQUIRE(editor.PutStatement(added).message() == "");
      REQUIRE(editor.PutArgument(more_id).message() == "");
      REQUIRE(editor.PutRelation(in).message() == "");
      REQUIRE(editor.PutRelation(out).message() == "");
    });
    CheckIndex(dir, map);
  }
  SECTION("links added one command at a time, then the last edge of a node removed") {
    std::unique_ptr<Store> store = OpenWriter(dir);
    const EdgeId first = Link(map, RelationType::kAttacks, spokes[4], other);
    REQUIRE(store->PutRelation("m", map, first).message() == "");
    const EdgeId second = Link(map, RelationType::kAttacks, spokes[5], other);
    REQUIRE(store->PutRelation("m", map, second).message() == "");
    store.reset();
    CheckIndex(dir, map);
    // Spoke 4 loses its attack from the hub; then, with the argument that concludes Other
    // gone, Other and with it spoke 4's last edge.
    Removal removal;
    REQUIRE(map.Remove(hub, &removal).message() == "");
    REQUIRE(OpenWriter(dir)->ApplyRemoval("m", map, removal).message() == "");
    CheckIndex(dir, map);
    {
      RawDb raw(dir);
      CHECK(raw.Adjacency(raw.MapId("m"), spokes[4]) ==
            std::vector<AdjacencyEntry>{
                {spokes[4], first, other, Direction::kOut, RelationType::kAttacks}});
    }
    REQUIRE(map.Remove(arg, &removal).message() == "");
    REQUIRE(OpenWriter(dir)->ApplyRemoval("m", map, removal).message() == "");
    REQUIRE(map.Remove(other, &removal).message() == "");
    REQUIRE(OpenWriter(dir)->ApplyRemoval("m", map, removal).message() == "");
    CheckIndex(dir, map);
    RawDb raw(dir);
    CHECK_FALSE(raw.Has(keys::AdjacencyKey(raw.MapId("m"), spokes[4])));
  }
}

TEST_CASE("fsck finds every way a node's adjacency record can be wrong", "[storage]") {
  TempDir tmp;
  const std::string dir = tmp.path();
  ArgumentMap map;
  BuildSampleMap(&map);
  const NodeId orphan = AddClaim(map, "Orphan");
  REQUIRE(OpenWriter(dir)->WriteMap("m", map, false).message() == "");
  REQUIRE(FsckProblems(dir) == std::vector<std::string>{});
  NodeId border = 0, evidence = 0;
  REQUIRE(map.Resolve("[Border focus]", &border).ok());
  REQUIRE(map.Resolve("[Evidence A]", &evidence).ok());
  std::optional<RawDb> raw(std::in_place, dir);
  const uint64_t map_id = raw->MapId("m");
  const std::string key = keys::AdjacencyKey(map_id, border);
  const std::string at = "map m: key " + keys::Printable(key) + ": ";
  // In: the main argument's conclusion, supports from <Simple> and from the Unicode title.
  const std::vector<AdjacencyEntry> entries = raw->Adjacency(map_id, border);
  REQUIRE(entries.size() == 3);
  auto end = [](const AdjacencyEntry& e) {
    const bool out = e.direction == Direction::kOut;
    return std::string(out ? "outgoing" : "incoming") + " edge " + std::to_string(e.edge) + " (" +
           std::string(RelationName(e.type)) + ") " + (out ? "to" : "from") + " node " +
           std::to_string(e.other);
  };
  std::vector<std::string> expected;

  SECTION("a missing entry") {
    std::vector<AdjacencyEntry> fewer = entries;
    fewer.erase(fewer.begin() + 1);
    raw->PutAdjacency(map_id, border, fewer);
    expected = {at + "missing adjacency entry for " + end(entries[1])};
  }
  SECTION("a missing record") {
    raw->Delete(key);
    for (const AdjacencyEntry& e : entries) {
      expected.push_back(at + "missing adjacency entry for " + end(e));
    }
  }
  SECTION("a stale entry") {
    std::vector<AdjacencyEntry> more = entries;
    more.push_back({border, 777, evidence, Direction::kIn, RelationType::kConclusion});
    raw->PutAdjacency(map_id, border, more);
    expected = {at + "stale adjacency entry for " + end(more.back()) +
                " (the map has no such edge)"};
  }
  SECTION("a record for a node without edges") {
    const std::string orphan_key = keys::AdjacencyKey(map_id, orphan);
    raw->PutAdjacency(map_id, orphan,
                      {{orphan, 777, evidence, Direction::kOut, RelationType::kSupports}});
    expected = {"map m: key " + keys::Printable(orphan_key) +
                ": stale adjacency entry for outgoing edge 777 (supports) to node " +
                std::to_string(evidence) + " (the map has no such edge)"};
  }
  SECTION("an empty record") {
    raw->Put(key, "");
    expected = {at + "empty adjacency record (a node without edges has no record)"};
    for (const AdjacencyEntry& e : entries) {
      expected.push_back(at + "missing adjacency entry for " + end(e));
    }
  }
  SECTION("a record that does not decode") {
    raw->Put(key, std::string("\x12\x05\x01", 3));
    expected = {at + "corrupt value: not a valid adjacency index record"};
  }
  SECTION("a record whose columns differ in length") {
    v1::NodeAdjacency proto;
    ToProto(entries, &proto);
    proto.mutable_others()->RemoveLast();
    raw->Put(key, proto.SerializeAsString());
    expected = {at + "corrupt value: not a valid adjacency index record"};
  }
  SECTION("a record out of order") {
    std::vector<AdjacencyEntry> reversed(entries.rbegin(), entries.rend());
    v1::NodeAdjacency proto;
    ToProto(reversed, &proto);
    raw->Put(key, proto.SerializeAsString());
    expected = {at + "corrupt value: not a valid adjacency index record"};
  }
  SECTION("a record under a node that does not exist") {
    const std::string ghost = keys::AdjacencyKey(map_id, 4242);
    raw->PutAdjacency(map_id, 4242,
                      {{4242, 777, border, Direction::kOut, RelationType::kSupports}});
    expected = {"map m: key " + keys::Printable(ghost) +
                ": adjacency record of node 4242, which is not a node of the map"};
  }
  SECTION("a key with bytes after the node") {
    const std::string longer = key + std::string("\x00\x00", 2);
    raw->Put(longer, raw->Get(key));
    expected = {"map m: key " + keys::Printable(longer) +
                ": unexpected key (not part of argmap's key layout)"};
  }
  raw.reset();
  CHECK(FsckProblems(dir) == expected);
}

TEST_CASE("reads and edits refuse a damaged adjacency record and change nothing", "[storage]") {
  TempDir tmp;
  const std::string dir = tmp.path();
  ArgumentMap map;
  BuildSampleMap(&map);
  REQUIRE(OpenWriter(dir)->WriteMap("m", map, false).message() == "");
  NodeId border = 0, evidence = 0;
  REQUIRE(map.Resolve("[Border focus]", &border).ok());
  REQUIRE(map.Resolve("[Evidence A]", &evidence).ok());
  const std::string value = GENERATE(std::string(""), std::string("\x12\x05\x01", 3));
  std::string key;
  {
    RawDb raw(dir);
    key = keys::AdjacencyKey(raw.MapId("m"), border);
    raw.Put(key, value);
  }
  const std::string corrupt = "map m in store " + dir + " is corrupt: key " + keys::Printable(key) +
                              " does not hold a valid adjacency index record";
  std::unique_ptr<Store> store = OpenWriter(dir);
  std::vector<Adjacency> neighbours;
  Status s = store->Neighbours("m", border, &neighbours);
  CHECK(s.code() == Status::Code::kCorrupt);
  CHECK(s.message() == corrupt);
  CHECK(neighbours.empty());
  EdgeId edge = 0;
  REQUIRE(map.AddRelation(RelationType::kAttacks, evidence, border, &edge).ok());
  s = store->PutRelation("m", map, edge);
  CHECK(s.code() == Status::Code::kCorrupt);
  CHECK(s.message() == corrupt);
  store.reset();
  ArgumentMap loaded;
  REQUIRE(LoadFresh(dir, "m", &loaded).message() == "");
  CHECK(loaded.relation(edge) == nullptr);
  CHECK(loaded.relations().size() == map.relations().size() - 1);
}

}  // namespace
}  // namespace argmap::testing
