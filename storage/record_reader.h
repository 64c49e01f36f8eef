// RecordReader: point reads of one map's records and index entries, decoded, with the error
// messages every reader of a store gives: a value that does not decode is Status::Corrupt
// naming the store, the map and the key.
//
// Ownership: borrows the Database. Thread-safety: as Database (reads only).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"
#include "proto/argmap.pb.h"
#include "storage/keys.h"
#include "storage/map_index.h"

namespace argmap {

class Database;

class RecordReader {
 public:
  RecordReader(Database* db, uint64_t map_id, std::string map_name)
      : db_(db), map_id_(map_id), map_name_(std::move(map_name)) {}

  uint64_t map_id() const { return map_id_; }
  const std::string& map_name() const { return map_name_; }

  // Each sets *found (absent is not an error).
  Status ReadHeader(v1::MapRecord* header, bool* found);
  Status ReadStatement(NodeId id, Statement* out, bool* found);
  Status ReadArgument(NodeId id, Argument* out, bool* found);
  Status ReadRelation(EdgeId id, Relation* out, bool* found);
  Status ReadStep(NodeId id, v1::StepRef* out, bool* found);
  // The node a title index entry names, kNoNode when there is none.
  Status ReadTitle(keys::TitleKind kind, std::string_view title, NodeId* id);
  // Replaces *entries with node `node`'s adjacency entries in key order (none when the node has
  // no record). A record that does not decode, is out of order or is empty is corrupt.
  Status ReadAdjacency(NodeId node, std::vector<AdjacencyEntry>* entries);

  // "map NAME in store DIR is corrupt: key KEY <problem>"
  Status Corrupt(std::string_view key, std::string_view problem) const;

 private:
  template <typename Proto>
  Status ReadProto(const std::string& key, std::string_view what, Proto* proto, bool* found);

  Database* db_;
  uint64_t map_id_;
  std::string map_name_;
};

}  // namespace argmap
