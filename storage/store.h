// Store: the persistent store of argument maps (SPEC §5). One embedded RocksDB database per
// store directory holds many named maps; values are Protobuf messages (proto/argmap.proto);
// storage/keys.h gives the key layout and docs/store.md explains it to users.
//
// Every method that changes a map is one atomic write (a RocksDB WriteBatch, or file ingestion
// followed by one WriteBatch that makes the map visible), synced to disk: a crash at any moment
// leaves each map as it was before or after. Maps are read whole with LoadMap (one sequential
// scan) or piecewise through the indexes (ResolveNode, GetStatement, Neighbours) without loading.
//
// A read-only Store may be open while another process writes; it sees the store as it was when
// it opened (after any change in progress then had completed), never a change half done.
//
// Ownership: a Store owns its database handle and the store's locks; destroying it closes the
// store. Thread-safety: not thread-safe; use one Store from one thread at a time.
// Invariants:
//  - at most one read-write Store is open on a directory at a time, across all processes;
//  - the store's schema version is kSchemaVersion (2); a Store never opens another version;
//  - for every map, the indexes (titles, adjacency, steps) match its records, and the map's
//    header holds its next_id and record counts.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/argument_map.h"
#include "graph/model.h"
#include "graph/status.h"
#include "storage/record_fields.h"

namespace argmap {

class Database;

struct MapSummary {
  std::string name, title;
  uint64_t statements = 0, arguments = 0, relations = 0;
};

// One edge at a node: `outgoing` when the node is the edge's source. Premise edges run from a
// premise to an inference step, conclusion edges from a step to its conclusion; the last step
// of an argument is the argument's own node.
struct Adjacency {
  EdgeId edge = 0;
  RelationType type = RelationType::kSupports;
  bool outgoing = false;
  NodeId other = kNoNode;
  bool operator==(const Adjacency&) const = default;
};

// What fsck found. Each problem names the map and the key; damaged data says "corrupt".
struct FsckReport {
  std::vector<std::string> problems;
  bool healthy() const { return problems.empty(); }
};

class Store {
 public:
  enum class Mode { kReadOnly, kReadWrite };

  // Tuning for tests and benchmarks; the defaults suit the command line.
  struct Options {
    // A whole-map write of at least this many keys goes in as table files (fast for big maps);
    // a smaller one as one WriteBatch.
    size_t ingest_threshold = 50'000;
  };

  // Opens the store in `dir` (read-write creates it). A second read-write opener gets
  // Status::InUse "store DIR is in use by another process". A store of another schema version
  // gets Status::Unsupported "store DIR has schema version N; this argmap reads version 2".
  // A missing store opened read-only is NotFound "no store at DIR"; a directory that holds
  // something else, or a damaged store, gets a Status that says so.
  static Status Open(const std::string& dir, Mode mode, std::unique_ptr<Store>* store);
  static Status Open(const std::string& dir, Mode mode, const Options& options,
                     std::unique_ptr<Store>* store);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& dir() const;

  Status ListMaps(std::vector<MapSummary>* maps);  // sorted by name (bytewise)
  Status HasMap(const std::string& name, bool* exists);

  // Replaces *map with the stored map: the same records with the same ids, and the same
  // next_id. NotFound "no map NAME in store DIR" (then *map is unchanged); on any other error
  // *map is left empty. RecordFields::kForChecks leaves out what the checks do not read
  // (storage/record_fields.h).
  Status LoadMap(const std::string& name, ArgumentMap* map,
                 RecordFields fields = RecordFields::kAll);

  // Writes a whole map in one atomic write. Without `replace` an existing map gives
  // AlreadyExists "map NAME already exists in store DIR"; with it, the old map's data goes in
  // the same atomic write. Map names are non-empty UTF-8 without control characters.
  Status WriteMap(const std::string& name, const ArgumentMap& map, bool replace);
  Status DeleteMap(const std::string& name);  // NotFound when there is no such map

  // Incremental edits after add, link and remove. `map` is the in-memory map after the edit;
  // each call is one atomic write of the record, its index entries, and the map's header
  // (next_id and counts).
  Status PutStatement(const std::string& name, const ArgumentMap& map,
                      NodeId id);  // new or updated
  Status PutArgument(const std::string& name, const ArgumentMap& map, NodeId id);
  Status PutRelation(const std::string& name, const ArgumentMap& map, EdgeId id);
  // `map` is the state after ArgumentMap::Remove, `removal` what Remove reported.
  Status ApplyRemoval(const std::string& name, const ArgumentMap& map, const Removal& removal);

  // Index lookups that never load the map.
  // "[T]", "<T>" or a bare unambiguous title, with the messages of ArgumentMap::Resolve.
  Status ResolveNode(const std::string& name, std::string_view node_name, NodeId* id);
  Status GetStatement(const std::string& name, NodeId id, Statement* out);
  Status GetArgument(const std::string& name, NodeId id, Argument* out);
  // "[T]", "<T>", or "<T> step N" for an earlier inference step, as ArgumentMap::DisplayName.
  Status NodeName(const std::string& name, NodeId id, std::string* display);
  // Every edge at node `id`, outgoing then incoming, each by relation type then edge id.
  Status Neighbours(const std::string& name, NodeId id, std::vector<Adjacency>* out);

  // Verifies the checksums of every file, then every map: records parse, relation ends exist,
  // the adjacency, title and step indexes match the records both ways, counts and next_id match
  // the header, no data without a map. The Status is an error only when fsck could not run.
  Status Fsck(FsckReport* report);

 private:
  Store(std::unique_ptr<Database> db, const Options& options);
  Status MapIdOf(const std::string& name, uint64_t* map_id);  // NotFound "no map ..."

  std::unique_ptr<Database> db_;
  Options options_;
};

}  // namespace argmap
