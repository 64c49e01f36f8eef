#include "storage/store.h"

#include "storage/codec.h"
#include "storage/database.h"
#include "storage/keys.h"
#include "storage/map_editor.h"
#include "storage/map_loader.h"
#include "storage/map_writer.h"
#include "storage/record_reader.h"
#include "storage/store_checker.h"

namespace argmap {
namespace {

// Length of the UTF-8 sequence that starts with `lead`, 0 if `lead` cannot start one.
size_t SequenceLength(uint8_t lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

// Non-empty UTF-8 without control characters (C0, DEL, C1).
Status ValidateMapName(const std::string& name) {
  if (name.empty()) return Status::InvalidInput("a map name must not be empty");
  const std::string shown = "'" + keys::Printable(name) + "'";
  for (size_t i = 0; i < name.size();) {
    auto lead = static_cast<uint8_t>(name[i]);
    size_t length = SequenceLength(lead);
    if (length == 0 || i + length > name.size()) {
      return Status::InvalidInput("map name " + shown + " is not valid UTF-8");
    }
    uint32_t code = length == 1 ? lead : lead & (0x7f >> length);
    for (size_t k = 1; k < length; ++k) {
      auto next = static_cast<uint8_t>(name[i + k]);
      if ((next & 0xc0) != 0x80) {
        return Status::InvalidInput("map name " + shown + " is not valid UTF-8");
      }
      code = (code << 6) | (next & 0x3f);
    }
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      return Status::InvalidInput("map name " + shown + " contains a control character");
    }
    i += length;
  }
  return Status::Ok();
}

Status ReadOnly(const std::string& dir) {
  return Status::InvalidInput("store " + dir + " is open read-only");
}

}  // namespace

Store::Store(std::unique_ptr<Database> db, const Options& options)
    : db_(std::move(db)), options_(options) {}
Store::~Store() = default;

Status Store::Open(const std::string& dir, Mode mode, std::unique_ptr<Store>* store) {
  return Open(dir, mode, Options(), store);
}

Status Store::Open(const std::string& dir, Mode mode, const Options& options,
                   std::unique_ptr<Store>* store) {
  std::unique_ptr<Database> db;
  Status s = Database::Open(dir, mode == Mode::kReadWrite, &db);
  if (s.ok()) store->reset(new Store(std::move(db), options));
  return s;
}

const std::string& Store::dir() const { return db_->dir(); }

Status Store::MapIdOf(const std::string& name, uint64_t* map_id) {
  std::string value;
  bool found = false;
  std::string key = keys::MapNameKey(name);
  if (Status s = db_->Get(key, &value, &found); !s.ok()) return s;
  if (!found) return Status::NotFound("no map " + name + " in store " + dir());
  v1::MapRef ref;
  if (!ref.ParseFromString(value) || ref.map_id() == 0) {
    return Status::Corrupt("map " + name + " in store " + dir() + " is corrupt: key " +
                           keys::Printable(key) + " does not hold a valid map reference");
  }
  *map_id = ref.map_id();
  return Status::Ok();
}

Status Store::ListMaps(std::vector<MapSummary>* maps) {
  maps->clear();
  std::unique_ptr<Database::Scan> scan = db_->NewScan(keys::MapNamePrefix());
  for (; scan->it().Valid(); scan->it().Next()) {
    std::string name = scan->it().key().ToString().substr(1);
    uint64_t map_id = 0;
    if (Status s = MapIdOf(name, &map_id); !s.ok()) return s;
    RecordReader reader(db_.get(), map_id, name);
    v1::MapRecord header;
    bool found = false;
    if (Status s = reader.ReadHeader(&header, &found); !s.ok()) return s;
    if (!found) return reader.Corrupt(keys::HeaderKey(map_id), "(the map's header) is missing");
    maps->push_back(
        {name, header.title(), header.statements(), header.arguments(), header.relations()});
  }
  return db_->Convert(scan->it().status(), "listing maps");
}

Status Store::HasMap(const std::string& name, bool* exists) {
  uint64_t map_id = 0;
  Status s = MapIdOf(name, &map_id);
  *exists = s.ok();
  return s.IsNotFound() ? Status::Ok() : s;
}

Status Store::LoadMap(const std::string& name, ArgumentMap* map, RecordFields fields) {
  uint64_t map_id = 0;
  if (Status s = MapIdOf(name, &map_id); !s.ok()) return s;
  return MapLoader(db_.get(), map_id, name, fields).Load(map);
}

Status Store::WriteMap(const std::string& name, const ArgumentMap& map, bool replace) {
  if (!db_->writable()) return ReadOnly(dir());
  if (Status s = ValidateMapName(name); !s.ok()) return s;
  uint64_t old_map_id = 0;
  Status s = MapIdOf(name, &old_map_id);
  if (s.ok() && !replace) {
    return Status::AlreadyExists("map " + name + " already exists in store " + dir());
  }
  if (!s.ok() && !s.IsNotFound()) return s;
  return MapWriter(db_.get(), options_.ingest_threshold).Write(name, map, old_map_id);
}

Status Store::DeleteMap(const std::string& name) {
  if (!db_->writable()) return ReadOnly(dir());
  uint64_t map_id = 0;
  if (Status s = MapIdOf(name, &map_id); !s.ok()) return s;
  rocksdb::WriteBatch batch;
  batch.Delete(keys::MapNameKey(name));
  std::string prefix = keys::MapPrefix(map_id);
  batch.DeleteRange(prefix, keys::PrefixEnd(prefix));
  return db_->Write(&batch);
}

namespace {

template <typename Edit>
Status EditMap(Database* db, uint64_t map_id, const std::string& name, const ArgumentMap& map,
               Edit edit) {
  MapEditor editor(db, map_id, name, map);
  if (Status s = edit(editor); !s.ok()) return s;
  return editor.Commit();
}

}  // namespace

Status Store::PutStatement(const std::string& name, const ArgumentMap& map, NodeId id) {
  if (!db_->writable()) return ReadOnly(dir());
  uint64_t map_id = 0;
  if (Status s = MapIdOf(name, &map_id); !s.ok()) return s;
  return EditMap(db_.get(), map_id, name, map, [id](MapEditor& e) { return e.PutStatement(id); });
}

Status Store::PutArgument(const std::string& name, const ArgumentMap& map, NodeId id) {
  if (!db_->writable()) return ReadOnly(dir());
  uint64_t map_id = 0;
  if (Status s = MapIdOf(name, &map_id); !s.ok()) return s;
  return EditMap(db_.get(), map_id, name, map, [id](MapEditor& e) { return e.PutArgument(id); });
}

Status Store::PutRelation(const std::string& name, const ArgumentMap& map, EdgeId id) {
  if (!db_->writable()) return ReadOnly(dir());
  uint64_t map_id = 0;
  if (Status s = MapIdOf(name, &map_id); !s.ok()) return s;
  return EditMap(db_.get(), map_id, name, map, [id](MapEditor& e) { return e.PutRelation(id); });
}

Status Store::ApplyRemoval(const std::string& name, const ArgumentMap& map,
                           const Removal& removal) {
  if (!db_->writable()) return ReadOnly(dir());
  uint64_t map_id = 0;
  if (Status s = MapIdOf(name, &map_id); !s.ok()) return s;
  return EditMap(db_.get(), map_id, name, map,
                 [&removal](MapEditor& e) { return e.ApplyRemoval(removal); });
}

Status Store::ResolveNode(const std::string& name, std::string_view node_name, NodeId* id) {
  uint64_t map_id = 0;
  if (Status s = MapIdOf(name, &map_id); !s.ok()) return s;
  RecordReader reader(db_.get(), map_id, name);
  const std::string quoted(node_name);
  if (node_name.size() >= 2 && node_name.front() == '[' && node_name.back() == ']') {
    Status s = reader.ReadTitle(keys::TitleKind::kStatement,
                                node_name.substr(1, node_name.size() - 2), id);
    if (s.ok() && *id == kNoNode) return Status::NotFound("no statement " + quoted);
    return s;
  }
  if (node_name.size() >= 2 && node_name.front() == '<' && node_name.back() == '>') {
    Status s =
        reader.ReadTitle(keys::TitleKind::kArgument, node_name.substr(1, node_name.size() - 2), id);
    if (s.ok() && *id == kNoNode) return Status::NotFound("no argument " + quoted);
    return s;
  }
  NodeId statement = kNoNode, argument = kNoNode;
  if (Status s = reader.ReadTitle(keys::TitleKind::kStatement, node_name, &statement); !s.ok()) {
    return s;
  }
  if (Status s = reader.ReadTitle(keys::TitleKind::kArgument, node_name, &argument); !s.ok()) {
    return s;
  }
  if (statement != kNoNode && argument != kNoNode) {
    return Status::InvalidInput("'" + quoted + "' names both [" + quoted + "] and <" + quoted +
                                ">; write one of those");
  }
  if (statement == kNoNode && argument == kNoNode) {
    return Status::NotFound("no statement or argument '" + quoted + "'");
  }
  *id = statement != kNoNode ? statement : argument;
  return Status::Ok();
}

Status Store::GetStatement(const std::string& name, NodeId id, Statement* out) {
  uint64_t map_id = 0;
  if (Status s = MapIdOf(name, &map_id); !s.ok()) return s;
  bool found = false;
  Status s = RecordReader(db_.get(), map_id, name).ReadStatement(id, out, &found);
  if (s.ok() && !found) {
    return Status::NotFound("no statement with id " + std::to_string(id) + " in map " + name);
  }
  return s;
}

Status Store::GetArgument(const std::string& name, NodeId id, Argument* out) {
  uint64_t map_id = 0;
  if (Status s = MapIdOf(name, &map_id); !s.ok()) return s;
  bool found = false;
  Status s = RecordReader(db_.get(), map_id, name).ReadArgument(id, out, &found);
  if (s.ok() && !found) {
    return Status::NotFound("no argument with id " + std::to_string(id) + " in map " + name);
  }
  return s;
}

Status Store::NodeName(const std::string& name, NodeId id, std::string* display) {
  uint64_t map_id = 0;
  if (Status s = MapIdOf(name, &map_id); !s.ok()) return s;
  RecordReader reader(db_.get(), map_id, name);
  bool found = false;
  Statement statement;
  if (Status s = reader.ReadStatement(id, &statement, &found); !s.ok() || found) {
    if (found) *display = "[" + statement.title + "]";
    return s;
  }
  v1::StepRef step;
  NodeId argument_id = id;
  if (Status s = reader.ReadStep(id, &step, &found); !s.ok()) return s;
  if (found) argument_id = step.argument();
  Argument argument;
  bool argument_found = false;
  if (Status s = reader.ReadArgument(argument_id, &argument, &argument_found); !s.ok()) return s;
  if (!argument_found && found) {
    return reader.Corrupt(keys::RecordKey(map_id, keys::RecordKind::kStep, id),
                          "names a missing argument " + std::to_string(argument_id));
  }
  if (!argument_found) {
    return Status::NotFound("no node with id " + std::to_string(id) + " in map " + name);
  }
  *display = "<" + argument.title + ">";
  if (found) *display += " step " + std::to_string(step.step() + 1);
  return Status::Ok();
}

Status Store::Neighbours(const std::string& name, NodeId id, std::vector<Adjacency>* out) {
  out->clear();
  std::string display;
  if (Status s = NodeName(name, id, &display); !s.ok()) return s;
  uint64_t map_id = 0;
  if (Status s = MapIdOf(name, &map_id); !s.ok()) return s;
  std::vector<AdjacencyEntry> entries;
  if (Status s = RecordReader(db_.get(), map_id, name).ReadAdjacency(id, &entries); !s.ok()) {
    return s;
  }
  out->reserve(entries.size());
  for (const AdjacencyEntry& e : entries) {
    out->push_back({e.edge, e.type, e.direction == keys::Direction::kOut, e.other});
  }
  return Status::Ok();
}

Status Store::Fsck(FsckReport* report) { return StoreChecker(db_.get()).Check(&report->problems); }

}  // namespace argmap
