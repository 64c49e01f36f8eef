#include "storage/map_editor.h"

#include <algorithm>
#include <utility>

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

void MapEditor::PutTitle(keys::TitleKind kind, const std::string& title, NodeId id) {
  v1::IndexEntry entry;
  entry.set_node(id);
  batch_.Put(keys::TitleKey(reader_.map_id(), kind, title), entry.SerializeAsString());
}

Status MapEditor::EdgesOf(NodeId node, NodeEdges** edges) {
  auto [it, inserted] = edges_.try_emplace(node);
  *edges = &it->second;
  if (!inserted) return Status::Ok();
  Status s = reader_.ReadAdjacency(node, &it->second.entries);
  if (!s.ok()) edges_.erase(it);
  return s;
}

Status MapEditor::PutAdjacency(const AdjacencyEntry& e) {
  NodeEdges* edges = nullptr;
  if (Status s = EdgesOf(e.node, &edges); !s.ok()) return s;
  auto at = std::lower_bound(edges->entries.begin(), edges->entries.end(), e);
  if (at != edges->entries.end() && !(e < *at)) {
    *at = e;  // the same edge end: the other end may have changed
  } else {
    edges->entries.insert(at, e);
  }
  edges->changed = true;
  return Status::Ok();
}

Status MapEditor::DeleteAdjacency(const AdjacencyEntry& e) {
  NodeEdges* edges = nullptr;
  if (Status s = EdgesOf(e.node, &edges); !s.ok()) return s;
  auto at = std::lower_bound(edges->entries.begin(), edges->entries.end(), e);
  if (at != edges->entries.end() && !(e < *at)) {
    edges->entries.erase(at);
    edges->changed = true;
  }
  return Status::Ok();
}

// Applies `change` (PutAdjacency or DeleteAdjacency) to every adjacency entry the record
// implies; stops at the first failure.
template <typename Record>
Status MapEditor::ChangeAdjacencyOf(const Record& record,
                                    Status (MapEditor::*change)(const AdjacencyEntry&)) {
  Status s;
  ForEachAdjacency(record, [&](const AdjacencyEntry& e) {
    if (s.ok()) s = (this->*change)(e);
  });
  return s;
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

Status MapEditor::DeleteArgumentIndexes(const Argument& old) {
  batch_.Delete(keys::TitleKey(reader_.map_id(), keys::TitleKind::kArgument, old.title));
  ForEachEarlierStep(old, [this](NodeId node, uint32_t) {
    batch_.Delete(keys::RecordKey(reader_.map_id(), keys::RecordKind::kStep, node));
  });
  return ChangeAdjacencyOf(old, &MapEditor::DeleteAdjacency);
}

Status MapEditor::PutArgument(NodeId id) {
  const Argument* argument = map_.argument(id);
  if (!argument) return Status::InvalidInput("no argument with id " + std::to_string(id));
  Argument old;
  bool found = false;
  if (Status s = reader_.ReadArgument(id, &old, &found); !s.ok()) return s;
  if (found) {
    if (Status s = DeleteArgumentIndexes(old); !s.ok()) return s;
  }
  v1::Argument proto;
  ToProto(*argument, &proto);
  PutRecord(keys::RecordKind::kArgument, id, proto.SerializeAsString());
  PutTitle(keys::TitleKind::kArgument, argument->title, id);
  if (Status s = ChangeAdjacencyOf(*argument, &MapEditor::PutAdjacency); !s.ok()) return s;
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
  if (found) {
    if (Status s = ChangeAdjacencyOf(old, &MapEditor::DeleteAdjacency); !s.ok()) return s;
  }
  v1::Relation proto;
  ToProto(*relation, &proto);
  PutRecord(keys::RecordKind::kRelation, id, proto.SerializeAsString());
  return ChangeAdjacencyOf(*relation, &MapEditor::PutAdjacency);
}

Status MapEditor::DeleteEdgesAt(NodeId node) {
  NodeEdges* edges = nullptr;
  if (Status s = EdgesOf(node, &edges); !s.ok()) return s;
  std::vector<AdjacencyEntry> ends = std::move(edges->entries);
  edges->entries.clear();
  edges->changed = edges->changed || !ends.empty();
  for (const AdjacencyEntry& e : ends) {
    if (Status s = DeleteAdjacency({e.other, e.edge, node, Opposite(e.direction), e.type});
        !s.ok()) {
      return s;
    }
  }
  return Status::Ok();
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
    if (Status st = DeleteArgumentIndexes(a); !st.ok()) return st;
    if (Status st = DeleteEdgesAt(a.id); !st.ok()) return st;
    for (const InferenceStep& step : a.steps) {
      if (Status st = DeleteEdgesAt(step.node); !st.ok()) return st;
    }
  }
  for (const Relation& r : removal.relations) {
    batch_.Delete(keys::RecordKey(map_id, keys::RecordKind::kRelation, r.id));
    if (Status st = ChangeAdjacencyOf(r, &MapEditor::DeleteAdjacency); !st.ok()) return st;
  }
  for (NodeId id : removal.changed_arguments) {
    if (Status st = PutArgument(id); !st.ok()) return st;
  }
  return Status::Ok();
}

void MapEditor::WriteAdjacency() {
  std::string key, value;
  v1::NodeAdjacency proto;
  for (const auto& [node, edges] : edges_) {
    if (!edges.changed) continue;
    keys::SetAdjacencyKey(&key, reader_.map_id(), node);
    if (edges.entries.empty()) {
      batch_.Delete(key);
      continue;
    }
    ToProto(edges.entries, &proto);
    proto.SerializeToString(&value);
    batch_.Put(key, value);
  }
}

Status MapEditor::Commit() {
  WriteAdjacency();
  v1::MapRecord header;
  ToProto(reader_.map_name(), map_, &header);
  batch_.Put(keys::HeaderKey(reader_.map_id()), header.SerializeAsString());
  return db_->Write(&batch_);
}

}  // namespace argmap
