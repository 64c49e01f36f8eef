#include "storage/record_reader.h"

#include "storage/codec.h"
#include "storage/database.h"

namespace argmap {

Status RecordReader::Corrupt(std::string_view key, std::string_view problem) const {
  return Status::Corrupt("map " + map_name_ + " in store " + db_->dir() + " is corrupt: key " +
                         keys::Printable(key) + " " + std::string(problem));
}

template <typename Proto>
Status RecordReader::ReadProto(const std::string& key, std::string_view what, Proto* proto,
                               bool* found) {
  std::string value;
  if (Status s = db_->Get(key, &value, found); !s.ok() || !*found) return s;
  if (!proto->ParseFromString(value)) {
    return Corrupt(key, "does not hold a valid " + std::string(what) + " record");
  }
  return Status::Ok();
}

Status RecordReader::ReadHeader(v1::MapRecord* header, bool* found) {
  return ReadProto(keys::HeaderKey(map_id_), "map header", header, found);
}

Status RecordReader::ReadStatement(NodeId id, Statement* out, bool* found) {
  std::string key = keys::RecordKey(map_id_, keys::RecordKind::kStatement, id);
  v1::Statement proto;
  if (Status s = ReadProto(key, "Statement", &proto, found); !s.ok() || !*found) return s;
  if (proto.id() != id || !FromProto(&proto, out)) {
    return Corrupt(key, "does not hold a valid Statement record");
  }
  return Status::Ok();
}

Status RecordReader::ReadArgument(NodeId id, Argument* out, bool* found) {
  std::string key = keys::RecordKey(map_id_, keys::RecordKind::kArgument, id);
  v1::Argument proto;
  if (Status s = ReadProto(key, "Argument", &proto, found); !s.ok() || !*found) return s;
  if (proto.id() != id || !FromProto(&proto, out)) {
    return Corrupt(key, "does not hold a valid Argument record");
  }
  return Status::Ok();
}

Status RecordReader::ReadRelation(EdgeId id, Relation* out, bool* found) {
  std::string key = keys::RecordKey(map_id_, keys::RecordKind::kRelation, id);
  v1::Relation proto;
  if (Status s = ReadProto(key, "Relation", &proto, found); !s.ok() || !*found) return s;
  if (proto.id() != id || !FromProto(proto, out)) {
    return Corrupt(key, "does not hold a valid Relation record");
  }
  return Status::Ok();
}

Status RecordReader::ReadStep(NodeId id, v1::StepRef* out, bool* found) {
  std::string key = keys::RecordKey(map_id_, keys::RecordKind::kStep, id);
  if (Status s = ReadProto(key, "StepRef", out, found); !s.ok() || !*found) return s;
  if (out->node() != id) return Corrupt(key, "does not hold a valid StepRef record");
  return Status::Ok();
}

Status RecordReader::ReadTitle(keys::TitleKind kind, std::string_view title, NodeId* id) {
  v1::IndexEntry entry;
  bool found = false;
  std::string key = keys::TitleKey(map_id_, kind, title);
  *id = kNoNode;
  if (Status s = ReadProto(key, "title index", &entry, &found); !s.ok() || !found) return s;
  if (entry.node() == kNoNode) return Corrupt(key, "does not hold a valid title index record");
  *id = entry.node();
  return Status::Ok();
}

Status RecordReader::ReadAdjacency(NodeId node, std::vector<AdjacencyEntry>* entries) {
  entries->clear();
  v1::NodeAdjacency proto;
  bool found = false;
  std::string key = keys::AdjacencyKey(map_id_, node);
  if (Status s = ReadProto(key, "adjacency index", &proto, &found); !s.ok() || !found) return s;
  if (!FromProto(proto, node, entries) || entries->empty()) {
    entries->clear();
    return Corrupt(key, "does not hold a valid adjacency index record");
  }
  return Status::Ok();
}

}  // namespace argmap
