#include "storage/store_checker.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "storage/codec.h"
#include "storage/database.h"
#include "storage/keys.h"
#include "storage/map_index.h"

namespace argmap {
namespace {

using keys::ParsedKey;
using Part = keys::ParsedKey::Part;

std::string_view KeyOf(const rocksdb::Iterator& it) { return {it.key().data(), it.key().size()}; }

std::string Describe(RelationType type) { return std::string(RelationName(type)); }

// Merges a sorted list of expected index entries with the entries a scan finds, in key order:
// what is expected but absent is missing, what is found but not expected is stale.
template <typename Entry>
class IndexMerge {
 public:
  // missing(expected), stale(found, key), compare(expected, found, key)
  IndexMerge(const std::vector<Entry>& expected) : expected_(expected) {}

  template <typename Missing, typename Stale, typename Compare>
  void Found(const Entry& found, std::string_view key, Missing missing, Stale stale,
             Compare compare) {
    while (next_ < expected_.size() && expected_[next_] < found) missing(expected_[next_++]);
    if (next_ < expected_.size() && !(found < expected_[next_])) {
      compare(expected_[next_++], found, key);
    } else {
      stale(found, key);
    }
  }

  template <typename Missing>
  void Finish(Missing missing) {
    while (next_ < expected_.size()) missing(expected_[next_++]);
  }

 private:
  const std::vector<Entry>& expected_;
  size_t next_ = 0;
};

struct TitleEntry {
  keys::TitleKind kind;
  std::string title;
  NodeId node;
  friend bool operator<(const TitleEntry& a, const TitleEntry& b) {
    return std::tie(a.kind, a.title) < std::tie(b.kind, b.title);
  }
};

struct StepEntry {
  NodeId node;
  NodeId argument;
  uint32_t step;
  friend bool operator<(const StepEntry& a, const StepEntry& b) { return a.node < b.node; }
};

// Which record holds an id, so that a problem can name that record's key.
struct IdOwner {
  uint64_t id;
  keys::RecordKind record;
  uint64_t record_id;
  NodeKind kind;  // for node ids
  bool is_node;
  Role role;
  friend bool operator<(const IdOwner& a, const IdOwner& b) { return a.id < b.id; }
};

class MapChecker {
 public:
  MapChecker(Database* db, uint64_t map_id, std::string name, std::vector<std::string>* problems)
      : db_(db), map_id_(map_id), name_(std::move(name)), problems_(problems) {}

  void Check() {
    if (!ReadHeader()) return;
    if (!ScanRecords()) return;
    std::sort(ids_.begin(), ids_.end());
    CheckIds();
    CheckRelations();
    CheckArguments();
    CheckCounts();
    CheckSteps();
    ScanIndexes();
  }

 private:
  void Problem(std::string_view key, const std::string& text) {
    problems_->push_back("map " + name_ + ": key " + keys::Printable(key) + ": " + text);
  }
  void Corrupt(std::string_view key, const std::string& what) {
    Problem(key, "corrupt value: not a valid " + what + " record");
  }
  std::string RecordKey(keys::RecordKind kind, uint64_t id) const {
    return keys::RecordKey(map_id_, kind, id);
  }

  bool ReadHeader() {
    std::string key = keys::HeaderKey(map_id_), value;
    bool found = false;
    Status s = db_->Get(key, &value, &found);
    if (!s.ok()) {
      problems_->push_back("map " + name_ + ": " + s.message());
      return false;
    }
    if (!found) {
      Problem(key, "the map's header is missing");
      return false;
    }
    if (!header_.ParseFromString(value)) {
      Corrupt(key, "map header");
      return false;
    }
    if (header_.name() != name_) Problem(key, "the header names map '" + header_.name() + "'");
    return true;
  }

  void AddId(uint64_t id, keys::RecordKind record, uint64_t record_id, NodeKind kind, bool is_node,
             Role role = Role::kClaim) {
    ids_.push_back({id, record, record_id, kind, is_node, role});
  }

  void OnStatement(std::string_view key, uint64_t id, const rocksdb::Slice& value) {
    v1::Statement proto;
    Statement s;
    if (!proto.ParseFromArray(value.data(), value.size()) || proto.id() != id ||
        !FromProto(&proto, &s)) {
      return Corrupt(key, "Statement");
    }
    ++statements_;
    AddId(id, keys::RecordKind::kStatement, id, NodeKind::kStatement, true, s.role);
    titles_.push_back({keys::TitleKind::kStatement, std::move(s.title), id});
  }

  void OnArgument(std::string_view key, uint64_t id, const rocksdb::Slice& value) {
    v1::Argument proto;
    Argument a;
    if (!proto.ParseFromArray(value.data(), value.size()) || proto.id() != id ||
        !FromProto(&proto, &a)) {
      return Corrupt(key, "Argument");
    }
    ++arguments_count_;
    AddId(id, keys::RecordKind::kArgument, id, NodeKind::kArgument, true);
    for (size_t j = 0; j + 1 < a.steps.size(); ++j) {
      AddId(a.steps[j].node, keys::RecordKind::kArgument, id, NodeKind::kStep, true);
    }
    for (const InferenceStep& step : a.steps) {
      for (EdgeId e : step.premise_edges) {
        AddId(e, keys::RecordKind::kArgument, id, NodeKind::kStep, false);
      }
      AddId(step.conclusion_edge, keys::RecordKind::kArgument, id, NodeKind::kStep, false);
    }
    ForEachAdjacency(a, [this](const AdjacencyEntry& e) { adjacency_.push_back(e); });
    ForEachEarlierStep(a, [&](NodeId node, uint32_t step) {
      expected_steps_.push_back({node, id, step});
    });
    titles_.push_back({keys::TitleKind::kArgument, a.title, id});
    // Titles and texts are not needed any more; steps and warrant are.
    a.title.clear();
    a.text.clear();
    arguments_.push_back(std::move(a));
  }

  void OnRelation(std::string_view key, uint64_t id, const rocksdb::Slice& value) {
    v1::Relation proto;
    Relation r;
    if (!proto.ParseFromArray(value.data(), value.size()) || proto.id() != id ||
        !FromProto(proto, &r)) {
      return Corrupt(key, "Relation");
    }
    AddId(id, keys::RecordKind::kRelation, id, NodeKind::kStatement, false);
    ForEachAdjacency(r, [this](const AdjacencyEntry& e) { adjacency_.push_back(e); });
    relations_.push_back(r);
  }

  void OnStep(std::string_view key, uint64_t id, const rocksdb::Slice& value) {
    v1::StepRef proto;
    if (!proto.ParseFromArray(value.data(), value.size()) || proto.node() != id) {
      return Corrupt(key, "StepRef");
    }
    found_steps_.push_back({id, proto.argument(), proto.step()});
  }

  bool ScanRecords() {
    std::unique_ptr<Database::Scan> scan = db_->NewScan(keys::RecordsPrefix(map_id_), true);
    for (rocksdb::Iterator& it = scan->it(); it.Valid(); it.Next()) {
      std::string_view key = KeyOf(it);
      ParsedKey parsed = keys::ParseKey(key);
      if (parsed.part != Part::kRecord || parsed.id == 0) {
        Problem(key, "unexpected key (not part of argmap's key layout)");
        continue;
      }
      switch (static_cast<keys::RecordKind>(parsed.kind)) {
        case keys::RecordKind::kStatement:
          OnStatement(key, parsed.id, it.value());
          break;
        case keys::RecordKind::kArgument:
          OnArgument(key, parsed.id, it.value());
          break;
        case keys::RecordKind::kRelation:
          OnRelation(key, parsed.id, it.value());
          break;
        case keys::RecordKind::kStep:
          OnStep(key, parsed.id, it.value());
          break;
        default:
          Problem(key, "unexpected key (not part of argmap's key layout)");
      }
    }
    if (!scan->it().status().ok()) {
      problems_->push_back("map " + name_ + ": " +
                           db_->Convert(scan->it().status(), "reading its records").message());
      return false;
    }
    return true;
  }

  const IdOwner* Find(uint64_t id) const {
    auto it = std::lower_bound(ids_.begin(), ids_.end(), IdOwner{id, {}, 0, {}, false, {}});
    return it != ids_.end() && it->id == id ? &*it : nullptr;
  }
  const IdOwner* FindNode(NodeId id) const {
    const IdOwner* owner = Find(id);
    return owner && owner->is_node ? owner : nullptr;
  }

  void CheckIds() {
    for (size_t i = 0; i < ids_.size(); ++i) {
      const IdOwner& o = ids_[i];
      std::string key = RecordKey(o.record, o.record_id);
      if (o.id == 0) Problem(key, "uses id 0");
      if (i > 0 && ids_[i - 1].id == o.id && o.id != 0) {
        Problem(key, "id " + std::to_string(o.id) + " is used twice");
      }
      if (o.id >= header_.next_id()) {
        Problem(key, "id " + std::to_string(o.id) + " is not below the header's next_id " +
                         std::to_string(header_.next_id()));
      }
    }
  }

  void CheckRelations() {
    // Twins: the same type and ends (a contradiction either way round). Loading trusts that
    // there are none, as the writer wrote none.
    std::vector<std::pair<ArgumentMap::RelationKey, size_t>> identities;  // and index in relations_
    identities.reserve(relations_.size());
    for (size_t i = 0; i < relations_.size(); ++i) {
      identities.emplace_back(ArgumentMap::KeyOf(relations_[i]), i);
    }
    std::sort(identities.begin(), identities.end(), [this](const auto& x, const auto& y) {
      return std::tie(x.first, relations_[x.second].id) <
             std::tie(y.first, relations_[y.second].id);
    });
    for (size_t i = 1; i < identities.size(); ++i) {
      if (identities[i].first != identities[i - 1].first) continue;
      const Relation& twin = relations_[identities[i].second];
      Problem(RecordKey(keys::RecordKind::kRelation, twin.id),
              "relation " + std::to_string(twin.id) + " (" + Describe(twin.type) +
                  ") repeats relation " + std::to_string(relations_[identities[i - 1].second].id));
    }
    for (const Relation& r : relations_) {
      std::string key = RecordKey(keys::RecordKind::kRelation, r.id);
      std::string what = "relation " + std::to_string(r.id) + " (" + Describe(r.type) + ") from " +
                         std::to_string(r.from) + " to " + std::to_string(r.to) + ": ";
      const IdOwner* from = FindNode(r.from);
      const IdOwner* to = FindNode(r.to);
      if (!from || !to) {
        Problem(key, what + "node " + std::to_string(!from ? r.from : r.to) + " does not exist");
        continue;
      }
      if (from->kind == NodeKind::kStep || to->kind == NodeKind::kStep) {
        Problem(key, what + "a relation cannot touch an intermediate inference step");
      } else if (r.type == RelationType::kUndercuts && to->kind != NodeKind::kArgument) {
        Problem(key, what + "only an argument can be undercut");
      } else if (r.type == RelationType::kContradicts &&
                 (from->kind != NodeKind::kStatement || to->kind != NodeKind::kStatement)) {
        Problem(key, what + "only statements can contradict each other");
      }
    }
  }

  bool IsStatement(NodeId id) const {
    const IdOwner* owner = FindNode(id);
    return owner && owner->kind == NodeKind::kStatement;
  }

  void CheckArguments() {
    for (const Argument& a : arguments_) {
      std::string key = RecordKey(keys::RecordKind::kArgument, a.id);
      bool warrant_found = a.warrant == kNoNode;
      for (size_t j = 0; j < a.steps.size(); ++j) {
        const InferenceStep& step = a.steps[j];
        std::string where = "argument " + std::to_string(a.id) + " step " + std::to_string(j + 1);
        for (NodeId p : step.premises) {
          if (!IsStatement(p))
            Problem(key,
                    where + ": premise " + std::to_string(p) + " is not a statement in the map");
          if (p == a.warrant) warrant_found = true;
        }
        if (!IsStatement(step.conclusion)) {
          Problem(key, where + ": conclusion " + std::to_string(step.conclusion) +
                           " is not a statement in the map");
        }
      }
      if (!a.steps.empty() && a.steps.back().node != a.id) {
        Problem(key, "the last inference step's node " + std::to_string(a.steps.back().node) +
                         " is not the argument's id");
      }
      if (!warrant_found) {
        Problem(key, "the warrant " + std::to_string(a.warrant) + " is not one of its premises");
      } else if (a.warrant != kNoNode && IsStatement(a.warrant) &&
                 FindNode(a.warrant)->role != Role::kWarrant) {
        Problem(key,
                "the warrant " + std::to_string(a.warrant) + " does not have the role warrant");
      }
    }
  }

  void CheckCounts() {
    std::string key = keys::HeaderKey(map_id_);
    auto check = [&](const char* what, uint64_t header, size_t found) {
      if (header != found) {
        Problem(key, "the header counts " + std::to_string(header) + " " + what +
                         " but the map has " + std::to_string(found));
      }
    };
    check("statements", header_.statements(), statements_);
    check("arguments", header_.arguments(), arguments_count_);
    check("relations", header_.relations(), relations_.size());
  }

  void CheckSteps() {
    std::sort(expected_steps_.begin(), expected_steps_.end());
    IndexMerge<StepEntry> merge(expected_steps_);
    auto missing = [this](const StepEntry& e) {
      Problem(RecordKey(keys::RecordKind::kStep, e.node),
              "missing step entry for step " + std::to_string(e.step + 1) + " of argument " +
                  std::to_string(e.argument));
    };
    for (const StepEntry& found : found_steps_) {
      std::string key = RecordKey(keys::RecordKind::kStep, found.node);
      merge.Found(
          found, key, missing,
          [this](const StepEntry&, std::string_view k) {
            Problem(k, "stale step entry (no argument has this inference step)");
          },
          [this](const StepEntry& e, const StepEntry& f, std::string_view k) {
            if (e.argument != f.argument || e.step != f.step) {
              Problem(k, "step entry says argument " + std::to_string(f.argument) + " step " +
                             std::to_string(f.step + 1) + " but the records say argument " +
                             std::to_string(e.argument) + " step " + std::to_string(e.step + 1));
            }
          });
    }
    merge.Finish(missing);
  }

  // One scan over the map's whole prefix: adjacency records, then titles, compared with what
  // the records imply; anything else that is not the header or a record is unexpected.
  void ScanIndexes() {
    std::sort(adjacency_.begin(), adjacency_.end());
    std::sort(titles_.begin(), titles_.end());
    for (size_t i = 1; i < titles_.size(); ++i) {
      if (titles_[i].kind == titles_[i - 1].kind && titles_[i].title == titles_[i - 1].title) {
        Problem(TitleKey(titles_[i]), "title of node " + std::to_string(titles_[i].node) +
                                          " is also the title of node " +
                                          std::to_string(titles_[i - 1].node));
      }
    }
    IndexMerge<TitleEntry> titles(titles_);
    auto missing_title = [this](const TitleEntry& e) {
      Problem(TitleKey(e), "missing title index entry for node " + std::to_string(e.node));
    };
    const std::string adjacency_end = keys::PrefixEnd(keys::AdjacencyPrefix(map_id_));
    std::unique_ptr<Database::Scan> scan = db_->NewScan(keys::MapPrefix(map_id_), true);
    v1::IndexEntry value;
    for (rocksdb::Iterator& it = scan->it(); it.Valid(); it.Next()) {
      std::string_view key = KeyOf(it);
      ParsedKey parsed = keys::ParseKey(key);
      if (parsed.part == Part::kAdjacency) {
        CheckAdjacencyRecord(key, parsed.id, it.value());
        continue;
      }
      if (key >= adjacency_end) MissingAdjacencyBefore(UINT64_MAX);  // past the index
      if (parsed.part == Part::kHeader || parsed.part == Part::kRecord) continue;
      bool value_ok = value.ParseFromArray(it.value().data(), it.value().size());
      if (parsed.part == Part::kTitle && parsed.kind >= 1 && parsed.kind <= 2) {
        TitleEntry found{static_cast<keys::TitleKind>(parsed.kind), std::string(parsed.name),
                         value.node()};
        titles.Found(
            found, key, missing_title,
            [this](const TitleEntry&, std::string_view k) {
              Problem(k, "stale title index entry (no node has this title)");
            },
            [&](const TitleEntry& e, const TitleEntry&, std::string_view k) {
              if (!value_ok) return Corrupt(k, "title index");
              if (value.node() != e.node) {
                Problem(k, "title index entry names node " + std::to_string(value.node()) +
                               " but the title belongs to node " + std::to_string(e.node));
              }
            });
      } else {
        Problem(key, "unexpected key (not part of argmap's key layout)");
      }
    }
    MissingAdjacencyBefore(UINT64_MAX);
    titles.Finish(missing_title);
    if (!scan->it().status().ok()) {
      problems_->push_back("map " + name_ + ": " +
                           db_->Convert(scan->it().status(), "reading its indexes").message());
    }
  }

  // "outgoing edge 5 (supports) to node 7", "incoming edge 5 (supports) from node 3"
  static std::string EdgeEnd(const AdjacencyEntry& e) {
    const bool out = e.direction == keys::Direction::kOut;
    return std::string(out ? "outgoing" : "incoming") + " edge " + std::to_string(e.edge) + " (" +
           Describe(e.type) + ") " + (out ? "to" : "from") + " node " + std::to_string(e.other);
  }

  // Reports the expected adjacency entries of the nodes before `node` that no record held.
  void MissingAdjacencyBefore(NodeId node) {
    for (; next_adjacency_ < adjacency_.size() && adjacency_[next_adjacency_].node < node;
         ++next_adjacency_) {
      const AdjacencyEntry& e = adjacency_[next_adjacency_];
      Problem(keys::AdjacencyKey(map_id_, e.node), "missing adjacency entry for " + EdgeEnd(e));
    }
  }

  // Compares node `node`'s record with the entries the records imply for that node: both are
  // in key order, so one merge finds what is missing, stale or wrong.
  void CheckAdjacencyRecord(std::string_view key, NodeId node, const rocksdb::Slice& value) {
    MissingAdjacencyBefore(node);
    const size_t begin = next_adjacency_;
    while (next_adjacency_ < adjacency_.size() && adjacency_[next_adjacency_].node == node) {
      ++next_adjacency_;
    }
    const size_t end = next_adjacency_;
    if (!FindNode(node)) {
      return Problem(key, "adjacency record of node " + std::to_string(node) +
                              ", which is not a node of the map");
    }
    v1::NodeAdjacency proto;
    found_adjacency_.clear();
    if (!proto.ParseFromArray(value.data(), value.size()) ||
        !FromProto(proto, node, &found_adjacency_)) {
      return Corrupt(key, "adjacency index");
    }
    if (found_adjacency_.empty()) {
      Problem(key, "empty adjacency record (a node without edges has no record)");
    }
    size_t i = begin;
    for (const AdjacencyEntry& f : found_adjacency_) {
      for (; i < end && adjacency_[i] < f; ++i) {
        Problem(key, "missing adjacency entry for " + EdgeEnd(adjacency_[i]));
      }
      if (i < end && !(f < adjacency_[i])) {
        const AdjacencyEntry& e = adjacency_[i++];
        if (e.other != f.other) {
          Problem(key, "adjacency entry for " + EdgeEnd(f) + ", but the records say " +
                           (e.direction == keys::Direction::kOut ? "to" : "from") + " node " +
                           std::to_string(e.other));
        }
      } else {
        Problem(key, "stale adjacency entry for " + EdgeEnd(f) + " (the map has no such edge)");
      }
    }
    for (; i < end; ++i) Problem(key, "missing adjacency entry for " + EdgeEnd(adjacency_[i]));
  }

  std::string TitleKey(const TitleEntry& e) const {
    return keys::TitleKey(map_id_, e.kind, e.title);
  }

  Database* db_;
  uint64_t map_id_;
  std::string name_;
  std::vector<std::string>* problems_;
  v1::MapRecord header_;
  size_t statements_ = 0, arguments_count_ = 0;
  std::vector<IdOwner> ids_;
  std::vector<Relation> relations_;
  std::vector<Argument> arguments_;
  std::vector<TitleEntry> titles_;
  std::vector<AdjacencyEntry> adjacency_;  // what the records imply, sorted by ScanIndexes
  size_t next_adjacency_ = 0;              // the first of adjacency_ no record was compared with
  std::vector<AdjacencyEntry> found_adjacency_;  // one record's entries
  std::vector<StepEntry> expected_steps_, found_steps_;
};

}  // namespace

Status StoreChecker::Check(std::vector<std::string>* problems) {
  const std::string store = "store " + db_->dir();
  rocksdb::Status checksums = db_->db()->VerifyChecksum();
  if (!checksums.ok()) {
    problems->push_back(db_->Convert(checksums, "verifying checksums").message());
  }
  v1::StoreInfo info;
  if (Status s = db_->ReadStoreInfo(&info); !s.ok()) {
    problems->push_back(s.message());
    return Status::Ok();
  }

  // Names, then each map, then data that no name refers to.
  std::map<uint64_t, std::string> maps;  // map id -> name
  std::vector<std::pair<std::string, uint64_t>> names;
  std::unique_ptr<Database::Scan> scan = db_->NewScan(keys::MapNamePrefix());
  for (rocksdb::Iterator& it = scan->it(); it.Valid(); it.Next()) {
    std::string_view key = KeyOf(it);
    std::string name(key.substr(1));
    v1::MapRef ref;
    if (!ref.ParseFromArray(it.value().data(), it.value().size()) || ref.map_id() == 0) {
      problems->push_back("map " + name + ": key " + keys::Printable(key) +
                          ": corrupt value: not a valid map reference record");
      continue;
    }
    auto [at, inserted] = maps.emplace(ref.map_id(), name);
    if (!inserted) {
      problems->push_back("map " + name + ": key " + keys::Printable(key) + ": map id " +
                          std::to_string(ref.map_id()) + " is also used by map " + at->second);
      continue;
    }
    names.emplace_back(name, ref.map_id());
  }
  if (!scan->it().status().ok()) {
    problems->push_back(db_->Convert(scan->it().status(), "reading map names").message());
  }
  for (const auto& [name, map_id] : names) MapChecker(db_, map_id, name, problems).Check();

  // Every key outside the known prefixes, and every map id without a name.
  std::unique_ptr<Database::Scan> all = db_->NewScan("");
  for (rocksdb::Iterator& it = all->it(); it.Valid();) {
    std::string_view key = KeyOf(it);
    ParsedKey parsed = keys::ParseKey(key);
    if (parsed.part == Part::kStoreInfo || parsed.part == Part::kMapName) {
      it.Next();
      continue;
    }
    if (key.size() < keys::kMapPrefixSize || key[0] != 'M') {
      problems->push_back(store + ": key " + keys::Printable(key) +
                          ": unexpected key (not part of argmap's key layout)");
      it.Next();
      continue;
    }
    uint64_t map_id = keys::DecodeFixed64(key.data() + 1);
    if (!maps.count(map_id) && map_id != info.pending_map_id()) {
      problems->push_back(store + ": key " + keys::Printable(key) + ": data under map id " +
                          std::to_string(map_id) + ", which no map name refers to");
    }
    if (map_id == UINT64_MAX) break;
    it.Seek(keys::MapPrefix(map_id + 1));
  }
  if (!all->it().status().ok()) {
    problems->push_back(db_->Convert(all->it().status(), "scanning the store").message());
  }
  return Status::Ok();
}

}  // namespace argmap
