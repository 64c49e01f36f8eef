#include "storage/map_loader.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/codec.h"
#include "storage/database.h"
#include "storage/keys.h"
#include "storage/record_reader.h"

namespace argmap {
namespace {

// Decoded records in key order; a batch holds statements before arguments before relations,
// as the scan finds them.
struct RecordBatch {
  std::vector<Statement> statements;
  std::vector<Argument> arguments;
  std::vector<Relation> relations;
  size_t size() const { return statements.size() + arguments.size() + relations.size(); }
};

// A bounded hand-over from the scanning thread to the thread that builds the map. The scanner
// stops early when the builder cancels (it met a record that does not fit).
class BatchQueue {
 public:
  // Batches decoded and not yet taken, at most.
  explicit BatchQueue(size_t capacity) : capacity_(capacity) {}

  // False when the builder cancelled.
  bool Push(RecordBatch batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return batches_.size() < capacity_ || cancelled_; });
    if (cancelled_) return false;
    batches_.push_back(std::move(batch));
    changed_.notify_all();
    return true;
  }

  void Close(Status status) {
    std::lock_guard lock(mutex_);
    closed_ = true;
    status_ = std::move(status);
    changed_.notify_all();
  }

  // False at the end; then status() says whether the scan succeeded.
  bool Pop(RecordBatch* batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !batches_.empty() || closed_; });
    if (batches_.empty()) return false;
    *batch = std::move(batches_.front());
    batches_.pop_front();
    changed_.notify_all();
    return true;
  }

  void Cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    changed_.notify_all();
  }

  Status status() {
    std::lock_guard lock(mutex_);
    return status_;
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<RecordBatch> batches_;
  bool closed_ = false, cancelled_ = false;
  Status status_;
};

// The scanning side: iterates the map's records of some kinds (those under `prefix`, up to
// `last`), decodes them and hands them over in batches.
class RecordScanner {
 public:
  static constexpr size_t kBatchSize = 4096;

  RecordScanner(Database* db, RecordReader* reader, BatchQueue* queue, std::string prefix,
                keys::RecordKind last, uint64_t next_id, RecordFields fields)
      : db_(db),
        reader_(reader),
        queue_(queue),
        prefix_(std::move(prefix)),
        last_(last),
        next_id_(next_id),
        fields_(fields) {}

  void Run() { queue_->Close(Scan()); }

 private:
  Status Scan() {
    std::unique_ptr<Database::Scan> scan = db_->NewScan(prefix_, /*bulk=*/true);
    RecordBatch batch;
    for (rocksdb::Iterator& it = scan->it(); it.Valid(); it.Next()) {
      std::string_view key(it.key().data(), it.key().size());
      keys::ParsedKey parsed = keys::ParseKey(key);
      if (parsed.part != keys::ParsedKey::Part::kRecord || parsed.id == 0) {
        return reader_->Corrupt(key, "is not a record key");
      }
      if (parsed.kind > static_cast<uint8_t>(last_)) break;  // the kinds come in order
      // The map's tables are indexed by id: an id from damaged data must not size them.
      if (parsed.id >= next_id_) {
        return reader_->Corrupt(key, "has id " + std::to_string(parsed.id) +
                                         ", not below the map's next id " +
                                         std::to_string(next_id_));
      }
      if (Status s = Decode(key, parsed, it.value(), &batch); !s.ok()) return s;
      if (batch.size() >= kBatchSize) {
        if (!queue_->Push(std::move(batch))) return Status::Ok();
        batch = RecordBatch();
      }
    }
    if (Status s = db_->Convert(scan->it().status(), "reading map " + reader_->map_name());
        !s.ok()) {
      return s;
    }
    if (batch.size() > 0) queue_->Push(std::move(batch));
    return Status::Ok();
  }

  // Room for a whole batch of T at its first record: a Statement or Argument moved by a
  // vector's regrowth costs about as much as decoding it.
  template <typename T>
  static std::vector<T>& Reserved(std::vector<T>& records) {
    if (records.empty()) records.reserve(kBatchSize);
    return records;
  }

  Status Decode(std::string_view key, const keys::ParsedKey& parsed, const rocksdb::Slice& value,
                RecordBatch* batch) {
    switch (static_cast<keys::RecordKind>(parsed.kind)) {
      case keys::RecordKind::kStatement:
        if (!statement_.ParseFromArray(value.data(), value.size()) ||
            statement_.id() != parsed.id ||
            !FromProto(&statement_, &Reserved(batch->statements).emplace_back(), fields_)) {
          return reader_->Corrupt(key, "does not hold a valid Statement record");
        }
        return Status::Ok();
      case keys::RecordKind::kArgument:
        if (!argument_.ParseFromArray(value.data(), value.size()) || argument_.id() != parsed.id ||
            !FromProto(&argument_, &Reserved(batch->arguments).emplace_back(), fields_)) {
          return reader_->Corrupt(key, "does not hold a valid Argument record");
        }
        return Status::Ok();
      case keys::RecordKind::kRelation:
        if (!relation_.ParseFromArray(value.data(), value.size()) || relation_.id() != parsed.id ||
            !FromProto(relation_, &Reserved(batch->relations).emplace_back())) {
          return reader_->Corrupt(key, "does not hold a valid Relation record");
        }
        return Status::Ok();
      default:
        return reader_->Corrupt(key, "is not a record key");
    }
  }

  Database* db_;
  RecordReader* reader_;
  BatchQueue* queue_;
  const std::string prefix_;
  const keys::RecordKind last_;
  const uint64_t next_id_;  // the header's: every record's id is below it
  const RecordFields fields_;
  v1::Statement statement_;
  v1::Argument argument_;
  v1::Relation relation_;
};

// The building side: adds every batch to the map, in order.
Status AddAll(BatchQueue* queue, RecordReader* reader, ArgumentMap* map) {
  auto misfit = [&](keys::RecordKind kind, uint64_t id, const Status& s) {
    return reader->Corrupt(keys::RecordKey(reader->map_id(), kind, id),
                           "does not fit the map: " + s.message());
  };
  RecordBatch batch;
  while (queue->Pop(&batch)) {
    for (Statement& s : batch.statements) {
      NodeId id = s.id;
      if (Status st = map->AppendStatement(std::move(s)); !st.ok()) {
        return misfit(keys::RecordKind::kStatement, id, st);
      }
    }
    for (Argument& a : batch.arguments) {
      NodeId id = a.id;
      if (Status st = map->AppendArgument(std::move(a)); !st.ok()) {
        return misfit(keys::RecordKind::kArgument, id, st);
      }
    }
    for (const Relation& r : batch.relations) {
      if (Status st = map->AppendRelation(r); !st.ok()) {
        return misfit(keys::RecordKind::kRelation, r.id, st);
      }
    }
  }
  return Status::Ok();
}

std::string CountMismatch(const char* what, uint64_t header, size_t found) {
  return "holds " + std::to_string(header) + " " + what + " but the map has " +
         std::to_string(found);
}

}  // namespace

Status MapLoader::Load(ArgumentMap* out) {
  *out = ArgumentMap();
  Status s = LoadInto(out);
  if (!s.ok()) *out = ArgumentMap();
  return s;
}

// Fills `map` in place: an adjacency_list has no move assignment, so building elsewhere and
// moving would copy the whole graph. A second thread scans and decodes while this one adds.
Status MapLoader::LoadInto(ArgumentMap* out) {
  RecordReader reader(db_, map_id_, name_);
  v1::MapRecord header;
  bool found = false;
  if (Status s = reader.ReadHeader(&header, &found); !s.ok()) return s;
  const std::string header_key = keys::HeaderKey(map_id_);
  if (!found) return reader.Corrupt(header_key, "(the map's header) is missing");
  ArgumentMap& map = *out;
  map.set_title(header.title());
  DataEntries metadata;
  FromProto(header.mutable_metadata(), &metadata);
  map.set_metadata(std::move(metadata));
  // The header is checked before anything is sized by it: the id tables take about nine bytes
  // per id below next_id, and every record has an id of its own.
  if (header.next_id() > ArgumentMap::kMaxIds) {
    return reader.Corrupt(header_key, "holds next_id " + std::to_string(header.next_id()) +
                                          ", beyond the " + std::to_string(ArgumentMap::kMaxIds) +
                                          " ids a map can have");
  }
  for (auto [count, what] :
       {std::pair{header.statements(), "statements"}, std::pair{header.arguments(), "arguments"},
        std::pair{header.relations(), "relations"}}) {
    if (count >= header.next_id() && count > 0) {
      return reader.Corrupt(header_key, "announces " + std::to_string(count) + " " + what +
                                            " but its ids end below " +
                                            std::to_string(header.next_id()));
    }
  }
  // A hint only: past it the containers grow as records come.
  constexpr uint64_t kReserveAtMost = uint64_t{1} << 24;
  map.Reserve(std::min(header.statements(), kReserveAtMost),
              std::min(header.arguments(), kReserveAtMost),
              std::min(header.relations(), kReserveAtMost));

  // Decoding is most of a load, so it runs on two threads: one decodes the statements and
  // arguments, which this thread adds as they come, the other the relations, which it keeps
  // until then (relations need their ends in the map).
  const uint64_t map_id = reader.map_id();
  BatchQueue nodes(4), relations(SIZE_MAX);
  RecordScanner node_scanner(db_, &reader, &nodes, keys::RecordsPrefix(map_id),
                             keys::RecordKind::kArgument, header.next_id(), fields_);
  RecordScanner relation_scanner(db_, &reader, &relations,
                                 keys::RecordsPrefix(map_id, keys::RecordKind::kRelation),
                                 keys::RecordKind::kRelation, header.next_id(), fields_);
  std::thread node_scanning([&node_scanner] { node_scanner.Run(); });
  std::thread relation_scanning([&relation_scanner] { relation_scanner.Run(); });
  Status added = AddAll(&nodes, &reader, &map);
  if (added.ok()) added = nodes.status();
  if (added.ok()) added = AddAll(&relations, &reader, &map);
  if (added.ok()) added = relations.status();
  nodes.Cancel();
  relations.Cancel();
  node_scanning.join();
  relation_scanning.join();
  if (!added.ok()) return added;

  if (header.statements() != map.statements().size()) {
    return reader.Corrupt(
        header_key, CountMismatch("statements", header.statements(), map.statements().size()));
  }
  if (header.arguments() != map.arguments().size()) {
    return reader.Corrupt(header_key,
                          CountMismatch("arguments", header.arguments(), map.arguments().size()));
  }
  if (header.relations() != map.relations().size()) {
    return reader.Corrupt(header_key,
                          CountMismatch("relations", header.relations(), map.relations().size()));
  }
  if (header.next_id() < map.next_id()) {
    return reader.Corrupt(header_key, "holds next_id " + std::to_string(header.next_id()) +
                                          " but the map uses id " +
                                          std::to_string(map.next_id() - 1));
  }
  map.ReserveIdsBelow(header.next_id());
  return Status::Ok();
}

}  // namespace argmap
