// What keeps a store safe: the writer lock, the schema version, clear errors for foreign and
// damaged data, fsck, and atomic writes under SIGKILL.
#include <rocksdb/db.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "proto/argmap.pb.h"
#include "storage/codec.h"
#include "storage/keys.h"
#include "storage/store.h"
#include "tests/storage/raw_db.h"
#include "tests/storage/store_test_util.h"

namespace argmap::testing {
namespace {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string IndexValue(NodeId node) {
  v1::IndexEntry entry;
  entry.set_node(node);
  return entry.SerializeAsString();
}

void WriteMap(const std::string& dir, const std::string& name, const ArgumentMap& map) {
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(dir, Store::Mode::kReadWrite, &store).message() == "");
  REQUIRE(store->WriteMap(name, map, /*replace=*/false).message() == "");
}

Status OpenStatus(const std::string& dir, Store::Mode mode) {
  std::unique_ptr<Store> store;
  return Store::Open(dir, mode, &store);
}

NodeId IdOf(const ArgumentMap& map, const std::string& name) {
  NodeId id = 0;
  REQUIRE(map.Resolve(name, &id).ok());
  return id;
}

TEST_CASE("a second writer gets the in-use error in this process and in another", "[storage]") {
  TempDir tmp;
  const std::string dir = tmp.path();
  const std::string in_use = "store " + dir + " is in use by another process";
  ArgumentMap map;
  BuildSampleMap(&map);
  {
    std::unique_ptr<Store> first;
    REQUIRE(Store::Open(dir, Store::Mode::kReadWrite, &first).ok());
    REQUIRE(first->WriteMap("m", map, false).ok());
    Status second = OpenStatus(dir, Store::Mode::kReadWrite);
    CHECK(second.code() == Status::Code::kInUse);
    CHECK(second.message() == in_use);
    ChildProcess child("open", dir);
    CHECK(child.ReadLine() == "4 " + in_use);
    CHECK(child.Wait() == 0);
    // Readers are welcome while a writer holds the store.
    ArgumentMap loaded;
    REQUIRE(LoadFresh(dir, "m", &loaded).ok());
    CheckSameMap(map, loaded);
  }
  ChildProcess holder("hold", dir);
  REQUIRE(holder.ReadLine() == "holding");
  Status refused = OpenStatus(dir, Store::Mode::kReadWrite);
  CHECK(refused.code() == Status::Code::kInUse);
  CHECK(refused.message() == in_use);
  ArgumentMap loaded;
  REQUIRE(LoadFresh(dir, "m", &loaded).ok());
  CheckSameMap(map, loaded);
  holder.Kill();  // the kernel drops a dead writer's lock
  CHECK(OpenStatus(dir, Store::Mode::kReadWrite).ok());
}

TEST_CASE("a store of an unknown schema version is refused", "[storage]") {
  TempDir tmp;
  const std::string dir = tmp.path();
  ArgumentMap map;
  BuildSampleMap(&map);
  WriteMap(dir, "m", map);
  // 1: a store written before the adjacency index had one record per node; 3: a future one.
  const uint32_t version = GENERATE(1u, 3u);
  {
    RawDb raw(dir);
    v1::StoreInfo info;
    REQUIRE(info.ParseFromString(raw.Get(keys::StoreInfoKey())));
    CHECK(info.schema_version() == 2);
    info.set_schema_version(version);
    raw.Put(keys::StoreInfoKey(), info.SerializeAsString());
  }
  const std::string message = "store " + dir + " has schema version " + std::to_string(version) +
                              "; this argmap reads version 2";
  for (Store::Mode mode : {Store::Mode::kReadWrite, Store::Mode::kReadOnly}) {
    Status s = OpenStatus(dir, mode);
    CHECK(s.code() == Status::Code::kUnsupported);
    CHECK(s.message() == message);
  }
}

TEST_CASE("foreign directories and databases give a clear error", "[storage]") {
  TempDir tmp;
  for (Store::Mode mode : {Store::Mode::kReadWrite, Store::Mode::kReadOnly}) {
    const std::string files = tmp.Sub("files");
    fs::create_directories(files);
    std::ofstream(files + "/notes.txt") << "not a store\n";
    Status s = OpenStatus(files, mode);
    CHECK(s.code() == Status::Code::kInvalidInput);
    CHECK(s.message() == files + " is not an argmap store (it holds files but no database)");

    const std::string file = tmp.Sub("plain-file");
    std::ofstream(file) << "x";
    s = OpenStatus(file, mode);
    CHECK(s.code() == Status::Code::kInvalidInput);
    CHECK(s.message() == "store " + file + " is not a directory");
  }
  const std::string foreign = tmp.Sub("foreign");
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    REQUIRE(rocksdb::DB::Open(options, foreign, &db).ok());
    REQUIRE(db->Put(rocksdb::WriteOptions(), "hello", "world").ok());
    delete db;
  }
  for (Store::Mode mode : {Store::Mode::kReadWrite, Store::Mode::kReadOnly}) {
    Status s = OpenStatus(foreign, mode);
    CHECK(s.code() == Status::Code::kInvalidInput);
    CHECK(s.message() ==
          foreign + " is not an argmap store (its database has no argmap schema record)");
  }
  const std::string garbled = tmp.Sub("garbled");
  WriteMap(garbled, "m", ArgumentMap());
  RawDb(garbled).Put(keys::StoreInfoKey(),
                     "\x08\x01\x12\x05"
                     "ab");
  Status s = OpenStatus(garbled, Store::Mode::kReadOnly);
  CHECK(s.code() == Status::Code::kCorrupt);
  CHECK(s.message() == "store " + garbled + " is corrupt: key S does not hold a StoreInfo record");
}

TEST_CASE("fsck finds relations to missing nodes and stale or missing index entries", "[storage]") {
  TempDir tmp;
  const std::string dir = tmp.path();
  ArgumentMap map;
  BuildSampleMap(&map);
  WriteMap(dir, "m", map);
  REQUIRE(FsckProblems(dir) == std::vector<std::string>{});
  const NodeId border = IdOf(map, "[Border focus]");
  const NodeId evidence = IdOf(map, "[Evidence A]");

  SECTION("a relation to a missing node") {
    std::string key;
    {
      RawDb raw(dir);
      uint64_t map_id = raw.MapId("m");
      v1::Relation relation;
      relation.set_id(map.next_id());
      relation.set_type(v1::RELATION_SUPPORTS);
      relation.set_from(border);
      relation.set_to(12345);
      key = keys::RecordKey(map_id, keys::RecordKind::kRelation, map.next_id());
      raw.Put(key, relation.SerializeAsString());
      std::vector<AdjacencyEntry> entries = raw.Adjacency(map_id, border);
      AdjacencyEntry out{border, map.next_id(), 12345, keys::Direction::kOut,
                         RelationType::kSupports};
      entries.insert(std::lower_bound(entries.begin(), entries.end(), out), out);
      raw.PutAdjacency(map_id, border, entries);
      raw.PutAdjacency(
          map_id, 12345,
          {{12345, map.next_id(), border, keys::Direction::kIn, RelationType::kSupports}});
    }
    const std::string id = std::to_string(map.next_id());
    const std::string header = keys::Printable(keys::HeaderKey(1));
    CHECK(FsckProblems(dir) ==
          std::vector<std::string>{
              "map m: key " + keys::Printable(key) + ": id " + id +
                  " is not below the header's next_id " + id,
              "map m: key " + keys::Printable(key) + ": relation " + id + " (supports) from " +
                  std::to_string(border) + " to 12345: node 12345 does not exist",
              "map m: key " + header + ": the header counts 8 relations but the map has 9",
              "map m: key " + keys::Printable(keys::AdjacencyKey(1, 12345)) +
                  ": adjacency record of node 12345, which is not a node of the map",
          });
  }
  SECTION("a relation written twice") {
    const Relation& relation = map.relations().front();
    std::string key;
    {
      RawDb raw(dir);
      uint64_t map_id = raw.MapId("m");
      v1::Relation twin;
      ToProto(relation, &twin);
      twin.set_id(map.next_id());
      key = keys::RecordKey(map_id, keys::RecordKind::kRelation, map.next_id());
      raw.Put(key, twin.SerializeAsString());
    }
    std::vector<std::string> problems = FsckProblems(dir);
    const std::string twin_problem = "map m: key " + keys::Printable(key) + ": relation " +
                                     std::to_string(map.next_id()) + " (" +
                                     std::string(RelationName(relation.type)) +
                                     ") repeats relation " + std::to_string(relation.id);
    CHECK(std::find(problems.begin(), problems.end(), twin_problem) != problems.end());
  }
  SECTION("a stale adjacency entry") {
    std::string key;
    {
      RawDb raw(dir);
      const uint64_t map_id = raw.MapId("m");
      key = keys::AdjacencyKey(map_id, border);
      std::vector<AdjacencyEntry> entries = raw.Adjacency(map_id, border);
      AdjacencyEntry stale{border, 999, evidence, keys::Direction::kOut, RelationType::kAttacks};
      entries.insert(std::lower_bound(entries.begin(), entries.end(), stale), stale);
      raw.PutAdjacency(map_id, border, entries);
    }
    CHECK(FsckProblems(dir) ==
          std::vector<std::string>{"map m: key " + keys::Printable(key) +
                                   ": stale adjacency entry for outgoing edge 999 (attacks) to "
                                   "node " +
                                   std::to_string(evidence) + " (the map has no such edge)"});
  }
  SECTION("an adjacency entry that names the wrong node") {
    const Relation& relation = map.relations().front();
    std::string key;
    {
      RawDb raw(dir);
      const uint64_t map_id = raw.MapId("m");
      key = keys::AdjacencyKey(map_id, relation.to);
      std::vector<AdjacencyEntry> entries = raw.Adjacency(map_id, relation.to);
      auto it = std::find_if(entries.begin(), entries.end(), [&](const AdjacencyEntry& e) {
        return e.edge == relation.id && e.direction == keys::Direction::kIn;
      });
      REQUIRE(it != entries.end());
      it->other = evidence;
      raw.PutAdjacency(map_id, relation.to, entries);
    }
    CHECK(FsckProblems(dir) ==
          std::vector<std::string>{
              "map m: key " + keys::Printable(key) + ": adjacency entry for incoming edge " +
              std::to_string(relation.id) + " (" + std::string(RelationName(relation.type)) +
              ") from node " + std::to_string(evidence) + ", but the records say from node " +
              std::to_string(relation.from)});
  }
  SECTION("a stale and a missing title index entry") {
    std::string stale, missing;
    {
      RawDb raw(dir);
      uint64_t map_id = raw.MapId("m");
      stale = keys::TitleKey(map_id, keys::TitleKind::kStatement, "Ghost");
      raw.Put(stale, IndexValue(evidence));
      missing = keys::TitleKey(map_id, keys::TitleKind::kArgument, "Simple");
      raw.Delete(missing);
    }
    CHECK(FsckProblems(dir) ==
          std::vector<std::string>{
              "map m: key " + keys::Printable(stale) +
                  ": stale title index entry (no node has this title)",
              "map m: key " + keys::Printable(missing) + ": missing title index entry for node " +
                  std::to_string(IdOf(map, "<Simple>")),
          });
  }
  SECTION("a value that is not a record, and data that no map name refers to") {
    std::string bad, orphan;
    {
      RawDb raw(dir);
      bad = keys::RecordKey(raw.MapId("m"), keys::RecordKind::kStatement, evidence);
      raw.Put(bad, std::string("\x12\x05"
                               "ab",
                               4));
      orphan = keys::HeaderKey(77);
      raw.Put(orphan, "x");
    }
    const std::string corrupt = "map m in store " + dir + " is corrupt: key " +
                                keys::Printable(bad) + " does not hold a valid Statement record";
    std::vector<std::string> problems = FsckProblems(dir);
    REQUIRE(problems.size() > 2);
    CHECK(problems.front() ==
          "map m: key " + keys::Printable(bad) + ": corrupt value: not a valid Statement record");
    CHECK(problems.back() == "store " + dir + ": key " + keys::Printable(orphan) +
                                 ": data under map id 77, which no map name refers to");
    std::unique_ptr<Store> store;
    REQUIRE(Store::Open(dir, Store::Mode::kReadOnly, &store).ok());
    ArgumentMap loaded;
    Status s = store->LoadMap("m", &loaded);
    CHECK(s.code() == Status::Code::kCorrupt);
    CHECK(s.message() == corrupt);
    CHECK(loaded.statements().empty());
    Statement statement;
    s = store->GetStatement("m", evidence, &statement);
    CHECK(s.code() == Status::Code::kCorrupt);
    CHECK(s.message() == corrupt);
  }
}

// Flips one byte in every 4 KiB of the data blocks of the table file that holds the map's records
// (a whole-map write by ingestion puts them in files of their own), sparing the first block,
// where the map's header is.
void DamageRecordFiles(const std::string& dir) {
  rocksdb::TablePropertiesCollection tables;
  std::vector<rocksdb::LiveFileMetaData> files;
  {
    RawDb raw(dir);
    REQUIRE(raw.db()->Flush(rocksdb::FlushOptions()).ok());
    REQUIRE(raw.db()->GetPropertiesOfAllTables(&tables).ok());
    raw.db()->GetLiveFilesMetaData(&files);
  }
  int damaged = 0;
  for (const rocksdb::LiveFileMetaData& meta : files) {
    keys::ParsedKey smallest = keys::ParseKey(meta.smallestkey);
    if (smallest.part != keys::ParsedKey::Part::kHeader) continue;  // records follow the header
    std::string path = meta.db_path + meta.name;
    REQUIRE(tables.count(path) == 1);
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    REQUIRE(file.good());
    for (uint64_t offset = 20'000; offset < tables[path]->data_size; offset += 4096) {
      char c = 0;
      file.seekg(offset);
      file.get(c);
      file.seekp(offset);
      file.put(static_cast<char>(c ^ 0x5a));
    }
    ++damaged;
  }
  REQUIRE(damaged == 1);
}

TEST_CASE("flipped bytes in a table file are reported as corrupt", "[storage]") {
  TempDir tmp;
  const std::string dir = tmp.path();
  ArgumentMap map;
  BuildGeneratedMap(2'000, 0, &map);
  {
    std::unique_ptr<Store> store;
    Store::Options ingest;
    ingest.ingest_threshold = 0;
    REQUIRE(Store::Open(dir, Store::Mode::kReadWrite, ingest, &store).ok());
    REQUIRE(store->WriteMap("gen", map, false).ok());
  }
  DamageRecordFiles(dir);

  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(dir, Store::Mode::kReadOnly, &store).message() == "");
  const std::string prefix = "store " + dir + " is corrupt (";
  FsckReport report;
  REQUIRE(store->Fsck(&report).ok());
  INFO(report.problems.back());
  REQUIRE(report.problems.size() == 2);
  CHECK(report.problems[0].rfind(prefix + "verifying checksums: Corruption: ", 0) == 0);
  CHECK(report.problems[1].rfind("map gen: " + prefix + "reading its records: Corruption: ", 0) ==
        0);
  ArgumentMap loaded;
  Status s = store->LoadMap("gen", &loaded);
  INFO(s.message());
  CHECK(s.code() == Status::Code::kCorrupt);
  CHECK(s.message().rfind(prefix + "reading map gen: Corruption: ", 0) == 0);
  Statement statement;
  s = store->GetStatement("gen", 1'000, &statement);
  CHECK(s.code() == Status::Code::kCorrupt);
  CHECK(s.message().rfind(prefix + "reading key ", 0) == 0);
  // The indexes live in other files and still answer.
  NodeId id = 0;
  CHECK(store->ResolveNode("gen", "[S1]", &id).ok());
}

TEST_CASE("a truncated or deleted table file makes the store refuse to open", "[storage]") {
  TempDir tmp;
  const std::string dir = tmp.path();
  ArgumentMap map;
  BuildGeneratedMap(2'000, 0, &map);
  WriteMap(dir, "gen", map);
  { RawDb(dir).db()->Flush(rocksdb::FlushOptions()); }
  std::string table;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".sst") table = entry.path().string();
  }
  REQUIRE(!table.empty());
  SECTION("truncated") { fs::resize_file(table, fs::file_size(table) / 2); }
  SECTION("deleted") { fs::remove(table); }
  for (Store::Mode mode : {Store::Mode::kReadOnly, Store::Mode::kReadWrite}) {
    Status s = OpenStatus(dir, mode);
    CHECK(s.code() == Status::Code::kCorrupt);
    CHECK(s.message().rfind("store " + dir + " is corrupt (opening: Corruption: ", 0) == 0);
  }
}

// Kills a child that writes map "big" (then replaces it) at moments spread over the time a
// whole run takes, and checks after each kill that the store is healthy and holds no map, the
// first version or the second, never anything in between.
TEST_CASE("a writer killed at any moment leaves each map as before or after", "[storage]") {
  const size_t size = Sanitized() ? 6'000 : 50'000;
  ArgumentMap first, second;
  BuildGeneratedMap(size, 0, &first);
  BuildGeneratedMap(size, 1, &second);
  TempDir tmp;

  // Runs the child; kills it `kill_after` seconds after it started writing, or (when negative)
  // lets it finish and returns the seconds its two writes took. Otherwise returns the last
  // stage the child reported ("", "first" or "second").
  auto run = [&](const std::string& dir, double kill_after) -> std::string {
    ChildProcess child("write", dir, size);
    REQUIRE(child.ReadLine() == "start");
    auto started = Clock::now();
    if (kill_after < 0) {
      REQUIRE(child.ReadLine() == "first");
      REQUIRE(child.ReadLine() == "second");
      double seconds = std::chrono::duration<double>(Clock::now() - started).count();
      CHECK(child.Wait() == 0);
      return std::to_string(seconds);
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(kill_after));
    child.Kill();
    std::string last;
    for (std::string line; !(line = child.ReadLine()).empty();) last = line;
    return last;
  };
  // One run to the end gives the time a write takes on this machine.
  const double full = std::stod(run(tmp.Sub("calibrate"), -1));
  constexpr int kKills = 10;
  for (int k = 0; k < kKills; ++k) {
    const std::string dir = tmp.Sub("kill-" + std::to_string(k));
    const double kill_after = full * k / (kKills - 1);
    INFO("kill " << k << " after " << kill_after << " s of " << full << " s");
    std::string reached = run(dir, kill_after);
    // A reader sees a healthy store before any writer cleans up ...
    CHECK(FsckProblems(dir) == std::vector<std::string>{});
    ArgumentMap loaded;
    Status s = LoadFresh(dir, "big", &loaded);
    if (s.IsNotFound()) {
      CHECK(reached == "");
    } else {
      REQUIRE(s.message() == "");
      std::string as_first = FirstDifference(first, loaded);
      std::string as_second = FirstDifference(second, loaded);
      CHECK((as_first == "" || as_second == ""));
      if (reached == "second") CHECK(as_second == "");
    }
    // ... and after the next writer's open has removed what the killed write left.
    CHECK(OpenStatus(dir, Store::Mode::kReadWrite).ok());
    CHECK(FsckProblems(dir) == std::vector<std::string>{});
    fs::remove_all(dir);
  }
}

TEST_CASE("a reader during rewrites sees a whole map or the in-use error", "[storage]") {
  TempDir tmp;
  const std::string dir = tmp.path();
  ArgumentMap maps[2];
  BuildGeneratedMap(300, 0, &maps[0]);
  BuildGeneratedMap(300, 1, &maps[1]);
  ChildProcess writer("rewrite", dir, Sanitized() ? 20 : 60);
  REQUIRE(writer.ReadLine() == "start");
  int loads = 0, busy = 0;
  auto deadline = Clock::now() + std::chrono::seconds(30);
  for (std::string line; Clock::now() < deadline;) {
    std::unique_ptr<Store> store;
    Status s = Store::Open(dir, Store::Mode::kReadOnly, &store);
    if (s.code() == Status::Code::kInUse) {
      ++busy;
      continue;
    }
    if (s.IsNotFound()) continue;  // not created yet
    REQUIRE(s.message() == "");
    ArgumentMap loaded;
    s = store->LoadMap("flip", &loaded);
    if (s.IsNotFound()) continue;  // not written yet
    REQUIRE(s.message() == "");
    ++loads;
    CHECK((FirstDifference(maps[0], loaded) == "" || FirstDifference(maps[1], loaded) == ""));
    if (writer.Finished()) break;
  }
  CHECK(writer.ReadLine() == "done");
  CHECK(writer.Wait() == 0);
  CHECK(loads > 0);
  INFO("loads " << loads << ", in use " << busy);
  CHECK(FsckProblems(dir) == std::vector<std::string>{});
}

}  // namespace
}  // namespace argmap::testing

namespace argmap::testing {
namespace {

// The sample map written as map "m" into a store of its own under tmp, for copies to damage.
std::string PristineStore(const TempDir& tmp, ArgumentMap* map) {
  BuildSampleMap(map);
  const std::string pristine = tmp.Sub("pristine");
  WriteMap(pristine, "m", *map);
  return pristine;
}

TEST_CASE("huge ids and counts in a stored map are corrupt data, not an allocation", "[storage]") {
  TempDir tmp;
  ArgumentMap map;
  const std::string pristine = PristineStore(tmp, &map);
  const NodeId border = IdOf(map, "[Border focus]");
  const uint64_t huge = uint64_t{1} << 50;

  // Loads map m; fsck must find the damage too.
  auto load = [&](const std::string& dir) {
    std::unique_ptr<Store> store;
    REQUIRE(Store::Open(dir, Store::Mode::kReadOnly, &store).ok());
    FsckReport report;
    REQUIRE(store->Fsck(&report).ok());
    CHECK_FALSE(report.healthy());
    ArgumentMap loaded;
    return store->LoadMap("m", &loaded);
  };
  auto damaged = [&](const char* name) {
    const std::string dir = tmp.Sub(name);
    fs::copy(pristine, dir, fs::copy_options::recursive);
    return dir;
  };

  SECTION("a record whose id is far beyond the map's next id") {
    const std::string dir = damaged("huge-id");
    {
      RawDb raw(dir);
      uint64_t map_id = raw.MapId("m");
      v1::Relation relation;
      relation.set_id(huge);
      relation.set_type(v1::RELATION_SUPPORTS);
      relation.set_from(border);
      relation.set_to(border + 1);
      raw.Put(keys::RecordKey(map_id, keys::RecordKind::kRelation, huge),
              relation.SerializeAsString());
    }
    Status s = load(dir);
    CHECK(s.code() == Status::Code::kCorrupt);
    CHECK(s.message().find("next id") != std::string::npos);
  }
  SECTION("a header that announces more records than any map holds") {
    const std::string dir = damaged("huge-count");
    {
      RawDb raw(dir);
      uint64_t map_id = raw.MapId("m");
      v1::MapRecord header;
      REQUIRE(header.ParseFromString(raw.Get(keys::HeaderKey(map_id))));
      header.set_statements(huge);
      header.set_next_id(huge);
      raw.Put(keys::HeaderKey(map_id), header.SerializeAsString());
    }
    Status s = load(dir);
    CHECK(s.code() == Status::Code::kCorrupt);
  }
}

// Damages one value of a small store at a time (flipped, truncated, replaced or deleted), chosen
// by a fixed seed, and runs every read on the result: each must answer with a result or a
// Status, never crash; a store that fsck passes must load; and fsck notices most damage.
TEST_CASE("damaged values give errors and never crashes", "[storage]") {
  TempDir tmp;
  ArgumentMap map;
  const std::string pristine = PristineStore(tmp, &map);
  std::mt19937 random(20240501);
  const int rounds = Sanitized() ? 40 : 120;
  int noticed = 0;
  for (int round = 0; round < rounds; ++round) {
    const std::string dir = tmp.Sub("round");
    fs::remove_all(dir);
    fs::copy(pristine, dir, fs::copy_options::recursive);
    std::string what;
    {
      RawDb raw(dir);
      std::vector<std::string> all;
      std::unique_ptr<rocksdb::Iterator> it(raw.db()->NewIterator(rocksdb::ReadOptions()));
      for (it->SeekToFirst(); it->Valid(); it->Next()) all.push_back(it->key().ToString());
      const std::string key = all[random() % all.size()];
      std::string value = raw.Get(key);
      switch (random() % 4) {
        case 0:  // flip a byte
          if (!value.empty())
            value[random() % value.size()] ^= static_cast<char>(1 + random() % 255);
          raw.Put(key, value);
          break;
        case 1:  // truncate
          raw.Put(key, value.substr(0, value.empty() ? 0 : random() % value.size()));
          break;
        case 2: {  // random bytes
          std::string bytes(1 + random() % 12, '\0');
          for (char& c : bytes) c = static_cast<char>(random());
          raw.Put(key, bytes);
          break;
        }
        default:
          raw.Delete(key);
      }
      what = keys::Printable(key);
    }
    INFO("round " << round << ": key " << what);
    std::unique_ptr<Store> store;
    Status s = Store::Open(dir, Store::Mode::kReadOnly, &store);
    if (!s.ok()) {
      CHECK(s.message() != "");
      ++noticed;
      continue;
    }
    FsckReport report;
    REQUIRE(store->Fsck(&report).ok());
    ArgumentMap loaded;
    s = store->LoadMap("m", &loaded);
    if (report.healthy()) {
      // Damage written through RocksDB bypasses its checksums, so a value that still decodes
      // (a header with another title, say) can pass; but what fsck passes must load.
      CHECK(s.message() == "");
    } else {
      ++noticed;
    }
    // The index reads answer too, one way or the other.
    std::vector<MapSummary> maps;
    s = store->ListMaps(&maps);
    CHECK((s.ok() || s.message() != ""));
    for (const Statement& st : map.statements()) {
      NodeId id = 0;
      s = store->ResolveNode("m", "[" + st.title + "]", &id);
      CHECK((s.ok() || s.message() != ""));
      std::vector<Adjacency> neighbours;
      s = store->Neighbours("m", st.id, &neighbours);
      CHECK((s.ok() || s.message() != ""));
      std::string name;
      s = store->NodeName("m", st.id, &name);
      CHECK((s.ok() || s.message() != ""));
    }
  }
  CHECK(noticed >= rounds * 3 / 4);
}

}  // namespace
}  // namespace argmap::testing
