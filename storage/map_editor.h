// MapEditor: one incremental change to a stored map (add, link, remove), gathered into one
// WriteBatch with the map's new header and written atomically by Commit().
//
// Each Put reads the record's previous version from the store and deletes the index entries
// that version had before writing the new ones, so an update never leaves a stale entry.
// Deletes of an operation precede its puts in the batch, so a key that is both deleted and put
// ends up put.
//
// Ownership: borrows the Database and the map. Thread-safety: none; one editor per change.
#pragma once

#include <rocksdb/write_batch.h>

#include <string>

#include "graph/argument_map.h"
#include "storage/map_index.h"
#include "storage/record_reader.h"

namespace argmap {

class Database;

class MapEditor {
 public:
  MapEditor(Database* db, uint64_t map_id, const std::string& name, const ArgumentMap& map)
      : db_(db), reader_(db, map_id, name), map_(map) {}

  Status PutStatement(NodeId id);
  Status PutArgument(NodeId id);
  Status PutRelation(EdgeId id);
  Status ApplyRemoval(const Removal& removal);
  Status Commit();  // the header from the map, then one synced write

 private:
  void PutRecord(keys::RecordKind kind, uint64_t id, const std::string& value);
  void PutTitle(keys::TitleKind kind, const std::string& title, NodeId id);
  void PutIndex(const std::string& key, NodeId node);
  void PutAdjacency(const AdjacencyEntry& entry);
  void DeleteAdjacency(const AdjacencyEntry& entry);
  // Deletes every adjacency entry at `node` and its mirror at the other end.
  Status DeleteEdgesAt(NodeId node);
  void DeleteArgumentIndexes(const Argument& old);

  Database* db_;
  RecordReader reader_;
  const ArgumentMap& map_;
  rocksdb::WriteBatch batch_;
};

}  // namespace argmap
