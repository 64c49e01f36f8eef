// MapLoader: reads a whole stored map into an ArgumentMap with one sequential scan of the
// map's records (statements, then arguments, then relations, each by id), and checks the result
// against the map's header. One thread scans and decodes while the calling thread adds the
// records to the map.
//
// Ownership: borrows the Database. Thread-safety: reads only; one Load at a time per loader.
#pragma once

#include <cstdint>
#include <string>

#include "graph/argument_map.h"
#include "graph/status.h"
#include "storage/record_fields.h"

namespace argmap {

class Database;

class MapLoader {
 public:
  MapLoader(Database* db, uint64_t map_id, std::string name,
            RecordFields fields = RecordFields::kAll)
      : db_(db), map_id_(map_id), name_(std::move(name)), fields_(fields) {}

  // Replaces *map with the stored map; on error *map is left empty.
  Status Load(ArgumentMap* map);

 private:
  Status LoadInto(ArgumentMap* map);

  Database* db_;
  uint64_t map_id_;
  std::string name_;
  RecordFields fields_;
};

}  // namespace argmap
