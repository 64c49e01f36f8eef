// MapEditor: one incremental change to a stored map (add, link, remove), gathered into one
// WriteBatch with the map's new header and written atomically by Commit().
//
// Each Put reads the record's previous version from the store and deletes the index entries
// that version had before writing the new ones, so an update never leaves a stale entry.
// Deletes of an operation precede its puts in the batch, so a key that is both deleted and put
// ends up put.
//
// The adjacency index holds one record per node (keys.h), so an edge end is added or removed by
// a read-modify-write of its node's record. The editor reads each node's record once into a
// cache, applies every change of the command there (a removal touches the same node many
// times), and Commit writes each changed record once: a node left without edges has its key
// deleted.
//
// Ownership: borrows the Database and the map. Thread-safety: none; one editor per change.
#pragma once

#include <rocksdb/write_batch.h>

#include <map>
#include <string>
#include <vector>

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
  Status Commit();  // the changed adjacency records, the header from the map, one synced write

 private:
  // A node's adjacency entries as the command leaves them, in key order.
  struct NodeEdges {
    std::vector<AdjacencyEntry> entries;
    bool changed = false;
  };

  void PutRecord(keys::RecordKind kind, uint64_t id, const std::string& value);
  void PutTitle(keys::TitleKind kind, const std::string& title, NodeId id);
  // The cached record of `node`, read from the store the first time.
  Status EdgesOf(NodeId node, NodeEdges** edges);
  Status PutAdjacency(const AdjacencyEntry& entry);
  Status DeleteAdjacency(const AdjacencyEntry& entry);
  template <typename Record>
  Status ChangeAdjacencyOf(const Record& record,
                           Status (MapEditor::*change)(const AdjacencyEntry&));
  // Deletes every adjacency entry at `node` and its mirror at the other end.
  Status DeleteEdgesAt(NodeId node);
  Status DeleteArgumentIndexes(const Argument& old);
  void WriteAdjacency();

  Database* db_;
  RecordReader reader_;
  const ArgumentMap& map_;
  rocksdb::WriteBatch batch_;
  std::map<NodeId, NodeEdges> edges_;  // by node, so that Commit writes in key order
};

}  // namespace argmap
