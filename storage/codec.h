// The codec between the domain records of graph/model.h and their Protobuf form (package
// argmap.v1, proto/argmap.proto): the one place that converts, Cartographer style.
//
// ToProto never fails. FromProto checks what Protobuf cannot (enum values in range, parallel
// lists of equal length) and returns false for a record no correct store holds; the caller
// turns that into a Status naming the map and key.
// Thread-safety: pure functions.
#pragma once

#include <string_view>

#include "graph/argument_map.h"
#include "graph/model.h"
#include "proto/argmap.pb.h"

namespace argmap {

void ToProto(const Statement& statement, v1::Statement* proto);
void ToProto(const Argument& argument, v1::Argument* proto);
void ToProto(const Relation& relation, v1::Relation* proto);
void ToProto(const DataEntries& data, google::protobuf::RepeatedPtrField<v1::DataEntry>* proto);

// FromProto moves strings out of `proto`, which is left valid but unspecified.
bool FromProto(v1::Statement* proto, Statement* statement);
bool FromProto(v1::Argument* proto, Argument* argument);
bool FromProto(const v1::Relation& proto, Relation* relation);
void FromProto(google::protobuf::RepeatedPtrField<v1::DataEntry>* proto, DataEntries* data);

// A map's header: name, title, metadata, next_id and record counts.
void ToProto(std::string_view name, const ArgumentMap& map, v1::MapRecord* proto);

v1::RelationType ToProto(RelationType type);
bool FromProto(int proto, RelationType* type);  // false when out of range

}  // namespace argmap
