// MapWriter: writes a whole map into the store as one atomic change.
//
// A small map goes in as one WriteBatch. A big one is encoded into sorted table files by two
// threads and ingested: first the store records the new map id as pending, then the files are
// ingested under that id, then one WriteBatch points the name at it, deletes the replaced map's
// data and clears the pending id. Until that last write no name points at the new data, so a
// crash leaves the old map (and pending data that the next read-write open deletes).
//
// Ownership: borrows the Database. Thread-safety: one Write at a time per store.
#pragma once

#include <cstdint>
#include <string>

#include "graph/argument_map.h"
#include "graph/status.h"

namespace argmap {

class Database;

class MapWriter {
 public:
  MapWriter(Database* db, size_t ingest_threshold) : db_(db), ingest_threshold_(ingest_threshold) {}

  // Writes `map` as `name`, replacing the data of `old_map_id` (0: none) in the same change.
  Status Write(const std::string& name, const ArgumentMap& map, uint64_t old_map_id);

 private:
  Status WriteBatchOf(const std::string& name, const ArgumentMap& map, uint64_t old_map_id);
  Status Ingest(const std::string& name, const ArgumentMap& map, uint64_t old_map_id);
  Status EncodeFiles(const std::string& name, const ArgumentMap& map, uint64_t map_id,
                     std::vector<std::string>* files);

  Database* db_;
  size_t ingest_threshold_;
};

}  // namespace argmap
