// StoreChecker: fsck. Verifies the checksums of every table file, then the store's own records,
// then each map: its records decode, relation ends and argument premises and conclusions exist
// with the right kinds, ids are unique and below next_id, counts match the header, and the
// title, adjacency and step indexes hold exactly the entries the records imply (no missing
// entry, no stale one; each node's adjacency record decodes, is in key order, is not empty and
// belongs to a node of the map). Data under a map id that no name refers to is a problem too,
// except for an interrupted whole-map write's pending id.
//
// Each problem is one sentence naming the map and the key; damaged data says "corrupt".
// Memory: about 40 bytes per node and edge of the largest map.
// Ownership: borrows the Database. Thread-safety: reads only.
#pragma once

#include <string>
#include <vector>

#include "graph/status.h"

namespace argmap {

class Database;

class StoreChecker {
 public:
  explicit StoreChecker(Database* db) : db_(db) {}

  // Appends problems; the Status is an error only when the check itself could not run.
  Status Check(std::vector<std::string>* problems);

 private:
  Database* db_;
};

}  // namespace argmap
