// The codec between the domain records of graph/model.h and their Protobuf form (package
// argmap.v1, proto/argmap.proto): the one place that converts, Cartographer style.
//
// ToProto never fails. FromProto checks what Protobuf cannot (enum values in range, parallel
// lists of equal length) and returns false for a record no correct store holds; the caller
// turns that into a Status naming the map and key.
// Thread-safety: pure functions.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "graph/argument_map.h"
#include "graph/model.h"
#include "proto/argmap.pb.h"
#include "storage/map_index.h"
#include "storage/record_fields.h"

namespace argmap {

void ToProto(const Statement& statement, v1::Statement* proto);
void ToProto(const Argument& argument, v1::Argument* proto);
void ToProto(const Relation& relation, v1::Relation* proto);
void ToProto(const DataEntries& data, google::protobuf::RepeatedPtrField<v1::DataEntry>* proto);

// FromProto moves strings out of `proto`, which is left valid but unspecified. With
// RecordFields::kForChecks it takes only what the checks read (storage/record_fields.h); the
// rest stays in `proto`, whose strings a reused message then keeps for the next record.
bool FromProto(v1::Statement* proto, Statement* statement,
               RecordFields fields = RecordFields::kAll);
bool FromProto(v1::Argument* proto, Argument* argument, RecordFields fields = RecordFields::kAll);
bool FromProto(const v1::Relation& proto, Relation* relation);
void FromProto(google::protobuf::RepeatedPtrField<v1::DataEntry>* proto, DataEntries* data);

// A map's header: name, title, metadata, next_id and record counts.
void ToProto(std::string_view name, const ArgumentMap& map, v1::MapRecord* proto);

// A node's adjacency record from its entries: all at one node, in key order (direction, type,
// edge). Reuses the columns' storage, so a bulk write may pass one message for every node.
void ToProto(std::span<const AdjacencyEntry> entries, v1::NodeAdjacency* proto);
// Appends the record's entries at `node` to *out. False (then *out may hold a part) when the
// columns differ in length, a direction or type is out of range, an end names node 0, or the
// entries are not strictly ascending in (direction, type, edge). An empty record decodes to no
// entries; whether that is acceptable is the caller's call.
bool FromProto(const v1::NodeAdjacency& proto, NodeId node, std::vector<AdjacencyEntry>* out);

v1::RelationType ToProto(RelationType type);
bool FromProto(int proto, RelationType* type);  // false when out of range

}  // namespace argmap
