#include "storage/map_editor.h"

#include "storage/codec.h"
#include "storage/database.h"
#include "storage/keys.h"
#include "storage/map_index.h"

namespace argmap {
namespace {

keys::Direction Opposite(keys::Direction d) {
  return d == keys::Direction::kOut ? keys::Direction::kIn : keys::Direction::kOut;
}

}  // namespace

void MapEditor::PutRecord(keys::RecordKind kind, uint64_t id, const std::string& value) {
  batch_.Put(keys::RecordKey(reader_.map_id(), kind, id), value);
}

void MapEditor::PutIndex(const std::string& key, NodeId node) {
  v1::IndexEntry entry;
  entry.set_node(node);
  batch_.Put(key, entry.SerializeAsString());
}

void MapEditor::PutTitle(keys::TitleKind kind, const std::string& title, NodeId id) {
  PutIndex(keys::TitleKey(reader_.map_id(), kind, title), id);
}

void MapEditor::PutAdjacency(const AdjacencyEntry& e) {
  PutIndex(keys::AdjacencyKey(reader_.map_id(), e.node, e.direction, e.type, e.edge), e.other);
}

void MapEditor::DeleteAdjacency(const AdjacencyEntry& e) {
  batch_.Delete(keys::AdjacencyKey(reader_.map_id(), e.node, e.direction, e.type, e.edge));
}

Status MapEditor::PutStatement(NodeId id) {
  const Statement* statement = map_.statement(id);
  if (!statement) return Status::InvalidInput("no statement with id " + std::to_string(id));
  Statement old;
  bool found = false;
  if (Status s = reader_.ReadStatement(id, &old, &found); !s.ok()) return s;
  if (found && old.title != statement->title) {
    batch_.Delete(keys::TitleKey(reader_.map_id(), keys::TitleKind::kStatement, old.title));
  }
  v1::Statement proto;
  ToProto(*statement, &proto);
  PutRecord(keys::RecordKind::kStatement, id, proto.SerializeAsString());
  PutTitle(keys::TitleKind::kStatement, statement->title, id);
  return Status::Ok();
}

void MapEditor::DeleteArgumentIndexes(const Argument& old) {
  batch_.Delete(keys::TitleKey(reader_.map_id(), keys::TitleKind::kArgument, old.title));
  ForEachAdjacency(old, [this](const AdjacencyEntry& e) { DeleteAdjacency(e); });
  ForEachEarlierStep(old, [this](NodeId node, uint32_t) {
    batch_.Delete(keys::RecordKey(reader_.map_id(), keys::RecordKind::kStep, node));
  });
}

Status MapEditor::PutArgument(NodeId id) {
  const Argument* argument = map_.argument(id);
  if (!argument) return Status::InvalidInput("no argument with id " + std::to_string(id));
  Argument old;
  bool found = false;
  if (Status s = reader_.ReadArgument(id, &old, &found); !s.ok()) return s;
  if (found) DeleteArgumentIndexes(old);
  v1::Argument proto;
  ToProto(*argument, &proto);
  PutRecord(keys::RecordKind::kArgument, id, proto.SerializeAsString());
  PutTitle(keys::TitleKind::kArgument, argument->title, id);
  ForEachAdjacency(*argument, [this](const AdjacencyEntry& e) { PutAdjacency(e); });
  ForEachEarlierStep(*argument, [&](NodeId node, uint32_t step) {
    v1::StepRef ref;
    ref.set_node(node);
    ref.set_argument(id);
    ref.set_step(step);
    PutRecord(keys::RecordKind::kStep, node, ref.SerializeAsString());
  });
  return Status::Ok();
}

Status MapEditor::PutRelation(EdgeId id) {
  const Relation* relation = map_.relation(id);
  if (!relation) return Status::InvalidInput("no relation with id " + std::to_string(id));
  Relation old;
  bool found = false;
  if (Status s = reader_.ReadRelation(id, &old, &found); !s.ok()) return s;
  if (found) ForEachAdjacency(old, [this](const AdjacencyEntry& e) { DeleteAdjacency(e); });
  v1::Relation proto;
  ToProto(*relation, &proto);
  PutRecord(keys::RecordKind::kRelation, id, proto.SerializeAsString());
  ForEachAdjacency(*relation, [this](const AdjacencyEntry& e) { PutAdjacency(e); });
  return Status::Ok();
}

Status MapEditor::DeleteEdgesAt(NodeId node) {
  std::unique_ptr<Database::Scan> scan =
      db_->NewScan(keys::AdjacencyPrefix(reader_.map_id(), node));
  v1::IndexEntry entry;
  for (; scan->it().Valid(); scan->it().Next()) {
    std::string_view key(scan->it().key().data(), scan->it().key().size());
    keys::ParsedKey parsed = keys::ParseKey(key);
    RelationType type;
    if (parsed.part != keys::ParsedKey::Part::kAdjacency || !FromProto(parsed.type, &type) ||
        parsed.direction > 1 ||
        !entry.ParseFromArray(scan->it().value().data(), scan->it().value().size())) {
      return reader_.Corrupt(key, "is not a valid adjacency entry");
    }
    auto direction = static_cast<keys::Direction>(parsed.direction);
    batch_.Delete(scan->it().key());
    DeleteAdjacency({entry.node(), parsed.edge, node, Opposite(direction), type});
  }
  return db_->Convert(scan->it().status(), "reading map " + reader_.map_name());
}

Status MapEditor::ApplyRemoval(const Removal& removal) {
  const uint64_t map_id = reader_.map_id();
  for (const Statement& s : removal.statements) {
    batch_.Delete(keys::RecordKey(map_id, keys::RecordKind::kStatement, s.id));
    batch_.Delete(keys::TitleKey(map_id, keys::TitleKind::kStatement, s.title));
    if (Status st = DeleteEdgesAt(s.id); !st.ok()) return st;
  }
  for (const Argument& a : removal.arguments) {
    batch_.Delete(keys::RecordKey(map_id, keys::RecordKind::kArgument, a.id));
    DeleteArgumentIndexes(a);
    if (Status st = DeleteEdgesAt(a.id); !st.ok()) return st;
    for (const InferenceStep& step : a.steps) {
      if (Status st = DeleteEdgesAt(step.node); !st.ok()) return st;
    }
  }
  for (const Relation& r : removal.relations) {
    batch_.Delete(keys::RecordKey(map_id, keys::RecordKind::kRelation, r.id));
    ForEachAdjacency(r, [this](const AdjacencyEntry& e) { DeleteAdjacency(e); });
  }
  for (NodeId id : removal.changed_arguments) {
    if (Status st = PutArgument(id); !st.ok()) return st;
  }
  return Status::Ok();
}

Status MapEditor::Commit() {
  v1::MapRecord header;
  ToProto(reader_.map_name(), map_, &header);
  batch_.Put(keys::HeaderKey(reader_.map_id()), header.SerializeAsString());
  return db_->Write(&batch_);
}

}  // namespace argmap
