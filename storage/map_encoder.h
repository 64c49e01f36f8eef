// MapEncoder: turns a whole in-memory map into the keys and values of the store, group by
// group in key order (adjacency, header, records, titles; see keys.h), so that the output can
// go straight into sorted table files or into a WriteBatch.
//
// Ownership: borrows the map, which must outlive the encoder and not change meanwhile.
// Thread-safety: the Encode* methods only read the map and may run concurrently with each other
// on different sinks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "graph/argument_map.h"
#include "graph/status.h"
#include "storage/keys.h"

namespace argmap {

// Where encoded entries go. Each Encode* call gives keys in ascending order.
class EntrySink {
 public:
  virtual ~EntrySink() = default;
  virtual Status Put(std::string_view key, std::string_view value) = 0;
};

class MapEncoder {
 public:
  MapEncoder(const ArgumentMap& map, std::string_view name, uint64_t map_id)
      : map_(map), name_(name), map_id_(map_id) {}

  // At most how many keys the Encode* calls produce together (exact but for the adjacency
  // index, where it counts every node).
  size_t KeyCount() const;

  Status EncodeAdjacency(EntrySink* sink) const;
  Status EncodeHeader(EntrySink* sink) const;
  Status EncodeRecords(EntrySink* sink) const;  // statements, arguments, relations, steps
  // The two halves of EncodeRecords, each a contiguous key range of its own, so that they can
  // be encoded on different threads into different table files.
  Status EncodeNodeRecords(EntrySink* sink) const;  // statements, arguments
  Status EncodeEdgeRecords(EntrySink* sink) const;  // relations, steps
  Status EncodeTitles(EntrySink* sink) const;       // statements' titles, then arguments'
  // One kind's titles: a contiguous key range of its own, so that the two kinds can be encoded
  // on different threads into different table files.
  Status EncodeTitles(keys::TitleKind kind, EntrySink* sink) const;

 private:
  const ArgumentMap& map_;
  std::string_view name_;
  uint64_t map_id_;
};

}  // namespace argmap
