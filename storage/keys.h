// The key layout of a store: the one place that knows how keys are built and read back.
//
//   "S"                                   StoreInfo: schema version, next map id
//   "N" name                              MapRef: the map id that holds map `name`
//   "M" map(8) "H"                        MapRecord: name, title, metadata, next_id, counts
//   "M" map(8) "R" kind(1) id(8)          a record: 1 Statement, 2 Argument, 3 Relation, 4 StepRef
//   "M" map(8) "T" kind(1) title          IndexEntry: the node with this title (1 statement,
//                                         2 argument)
//   "M" map(8) "A" node(8)                NodeAdjacency: every edge end at `node` (only for a
//                                         node that has edges)
//
// Numbers are fixed-width big-endian, so a scan visits ids in ascending order. Map data hangs
// under a numeric map id, not the name, so a name may be any UTF-8 and a map is replaced by
// pointing its name at new data. Inside a map, records sort statements, arguments, relations,
// steps: a whole-map load is one scan of the "R" range in an order in which every record's
// references are already loaded. The adjacency index has one key per node, not per edge end, so
// that `show` reads a node's neighbours with one Get and a whole-map write puts a key per node.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "graph/model.h"

namespace argmap::keys {

enum class RecordKind : uint8_t { kStatement = 1, kArgument = 2, kRelation = 3, kStep = 4 };
enum class TitleKind : uint8_t { kStatement = 1, kArgument = 2 };
enum class Direction : uint8_t { kOut = 0, kIn = 1 };

inline constexpr size_t kMapPrefixSize = 9;  // "M" map(8)
inline constexpr size_t kRecordKeySize = kMapPrefixSize + 10;
inline constexpr size_t kAdjacencyKeySize = kMapPrefixSize + 9;

std::string StoreInfoKey();
std::string MapNameKey(std::string_view name);
std::string MapNamePrefix();
std::string AllMapsPrefix();
std::string MapPrefix(uint64_t map_id);
std::string HeaderKey(uint64_t map_id);
std::string RecordsPrefix(uint64_t map_id);
std::string RecordsPrefix(uint64_t map_id, RecordKind kind);
std::string RecordKey(uint64_t map_id, RecordKind kind, uint64_t id);
std::string TitlesPrefix(uint64_t map_id);
std::string TitleKey(uint64_t map_id, TitleKind kind, std::string_view title);
std::string AdjacencyPrefix(uint64_t map_id);
std::string AdjacencyKey(uint64_t map_id, NodeId node);

// Allocation-free variants for bulk writes: replace *out with the key.
void SetRecordKey(std::string* out, uint64_t map_id, RecordKind kind, uint64_t id);
void SetTitleKey(std::string* out, uint64_t map_id, TitleKind kind, std::string_view title);
void SetAdjacencyKey(std::string* out, uint64_t map_id, NodeId node);

// The smallest key greater than every key that starts with `prefix` ("" if there is none).
std::string PrefixEnd(std::string_view prefix);

// A key taken apart. `part` says which row of the layout it is; fields not in that row are 0.
struct ParsedKey {
  enum class Part { kStoreInfo, kMapName, kHeader, kRecord, kTitle, kAdjacency, kUnknown };
  Part part = Part::kUnknown;
  uint64_t map_id = 0;
  std::string_view name;  // kMapName: the map name; kTitle: the title (views into the key)
  uint8_t kind = 0;       // kRecord: RecordKind; kTitle: TitleKind
  uint64_t id = 0;        // kRecord: the record id; kAdjacency: the node
};
ParsedKey ParseKey(std::string_view key);

// The key for people: printable ASCII as is, other bytes as \xNN.
std::string Printable(std::string_view key);

uint64_t DecodeFixed64(const char* p);

}  // namespace argmap::keys
