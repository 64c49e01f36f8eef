#include "storage/map_writer.h"

#include <rocksdb/sst_file_writer.h>

#include <filesystem>
#include <thread>
#include <utility>

#include "storage/database.h"
#include "storage/keys.h"
#include "storage/map_encoder.h"

namespace argmap {
namespace {

class BatchSink : public EntrySink {
 public:
  explicit BatchSink(rocksdb::WriteBatch* batch) : batch_(batch) {}
  Status Put(std::string_view key, std::string_view value) override {
    batch_->Put(rocksdb::Slice(key.data(), key.size()), rocksdb::Slice(value.data(), value.size()));
    return Status::Ok();
  }

 private:
  rocksdb::WriteBatch* batch_;
};

// Sorted table files of at most about kFileBytes each, named path_prefix + number + ".sst".
class TableFileSink : public EntrySink {
 public:
  static constexpr uint64_t kFileBytes = 64 << 20;

  TableFileSink(Database* db, std::string path_prefix)
      : db_(db),
        path_prefix_(std::move(path_prefix)),
        writer_(rocksdb::EnvOptions(), db->options()) {}

  Status Put(std::string_view key, std::string_view value) override {
    if (!open_) {
      files_.push_back(path_prefix_ + std::to_string(files_.size()) + ".sst");
      if (Status s = db_->Convert(writer_.Open(files_.back()), "creating " + files_.back());
          !s.ok()) {
        return s;
      }
      open_ = true;
    }
    rocksdb::Status s = writer_.Put(rocksdb::Slice(key.data(), key.size()),
                                    rocksdb::Slice(value.data(), value.size()));
    if (!s.ok()) return db_->Convert(s, "writing " + files_.back());
    return writer_.FileSize() >= kFileBytes ? Finish() : Status::Ok();
  }

  Status Finish() {
    if (!open_) return Status::Ok();
    open_ = false;
    return db_->Convert(writer_.Finish(), "finishing " + files_.back());
  }

  const std::vector<std::string>& files() const { return files_; }

 private:
  Database* db_;
  std::string path_prefix_;
  rocksdb::SstFileWriter writer_;
  bool open_ = false;
  std::vector<std::string> files_;
};

void PutStoreInfo(const v1::StoreInfo& info, rocksdb::WriteBatch* batch) {
  batch->Put(keys::StoreInfoKey(), info.SerializeAsString());
}

// The part of every whole-map write that makes it visible: the name, and the old data gone.
void PutNameAndDropOld(const std::string& name, uint64_t map_id, uint64_t old_map_id,
                       rocksdb::WriteBatch* batch) {
  v1::MapRef ref;
  ref.set_map_id(map_id);
  batch->Put(keys::MapNameKey(name), ref.SerializeAsString());
  if (old_map_id != 0) {
    std::string prefix = keys::MapPrefix(old_map_id);
    batch->DeleteRange(prefix, keys::PrefixEnd(prefix));
  }
}

}  // namespace

Status MapWriter::Write(const std::string& name, const ArgumentMap& map, uint64_t old_map_id) {
  size_t keys = MapEncoder(map, name, 0).KeyCount();
  return keys < ingest_threshold_ ? WriteBatchOf(name, map, old_map_id)
                                  : Ingest(name, map, old_map_id);
}

Status MapWriter::WriteBatchOf(const std::string& name, const ArgumentMap& map,
                               uint64_t old_map_id) {
  v1::StoreInfo info;
  if (Status s = db_->ReadStoreInfo(&info); !s.ok()) return s;
  const uint64_t map_id = info.next_map_id();
  info.set_next_map_id(map_id + 1);
  rocksdb::WriteBatch batch;
  PutStoreInfo(info, &batch);
  MapEncoder encoder(map, name, map_id);
  BatchSink sink(&batch);
  Status s = encoder.EncodeAdjacency(&sink);
  if (s.ok()) s = encoder.EncodeHeader(&sink);
  if (s.ok()) s = encoder.EncodeRecords(&sink);
  if (s.ok()) s = encoder.EncodeTitles(&sink);
  if (!s.ok()) return s;
  PutNameAndDropOld(name, map_id, old_map_id, &batch);
  return db_->Write(&batch);
}

Status MapWriter::Ingest(const std::string& name, const ArgumentMap& map, uint64_t old_map_id) {
  v1::StoreInfo info;
  if (Status s = db_->ReadStoreInfo(&info); !s.ok()) return s;
  const uint64_t map_id = info.next_map_id();
  info.set_next_map_id(map_id + 1);
  info.set_pending_map_id(map_id);
  rocksdb::WriteBatch pending;
  PutStoreInfo(info, &pending);
  if (Status s = db_->Write(&pending); !s.ok()) return s;

  std::vector<std::string> files;
  Status s = EncodeFiles(name, map, map_id, &files);
  if (s.ok()) {
    info.set_pending_map_id(0);
    rocksdb::WriteBatch visible;
    PutNameAndDropOld(name, map_id, old_map_id, &visible);
    PutStoreInfo(info, &visible);
    s = db_->IngestThenWrite(files, &visible);
  }
  std::error_code ec;
  std::filesystem::remove_all(db_->IngestDir(), ec);
  if (!s.ok()) {  // best effort; the next read-write open retries the clean-up
    rocksdb::WriteBatch undo;
    std::string prefix = keys::MapPrefix(map_id);
    undo.DeleteRange(prefix, keys::PrefixEnd(prefix));
    info.set_pending_map_id(0);
    PutStoreInfo(info, &undo);
    db_->Write(&undo);
  }
  return s;
}

// Two threads, about equally busy at a million statements (0.8-1.1 s of CPU each, within 0.06 s
// of each other): the adjacency index (a counting sort, then a record per node) and the
// relations' and steps' records, beside the header, the statements' and arguments' records and
// all titles (mostly sorting). Their files cover disjoint key ranges, as ingestion needs.
Status MapWriter::EncodeFiles(const std::string& name, const ArgumentMap& map, uint64_t map_id,
                              std::vector<std::string>* files) {
  const std::string dir = db_->IngestDir();
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  if (!std::filesystem::create_directories(dir, ec)) {
    return Status::IoError("cannot create " + dir + ": " + ec.message());
  }
  MapEncoder encoder(map, name, map_id);
  TableFileSink adjacency(db_, dir + "/adjacency-"), records(db_, dir + "/records-"),
      relations(db_, dir + "/relations-"), statement_titles(db_, dir + "/statement-titles-"),
      argument_titles(db_, dir + "/argument-titles-");
  Status index_status;
  std::thread indexes([&] {
    index_status = encoder.EncodeAdjacency(&adjacency);
    if (index_status.ok()) index_status = adjacency.Finish();
    if (index_status.ok()) index_status = encoder.EncodeEdgeRecords(&relations);
    if (index_status.ok()) index_status = relations.Finish();
  });
  Status s = encoder.EncodeHeader(&records);
  if (s.ok()) s = encoder.EncodeNodeRecords(&records);
  if (s.ok()) s = records.Finish();
  if (s.ok()) s = encoder.EncodeTitles(keys::TitleKind::kStatement, &statement_titles);
  if (s.ok()) s = statement_titles.Finish();
  if (s.ok()) s = encoder.EncodeTitles(keys::TitleKind::kArgument, &argument_titles);
  if (s.ok()) s = argument_titles.Finish();
  indexes.join();
  if (!s.ok()) return s;
  if (!index_status.ok()) return index_status;
  for (const TableFileSink* sink :
       {&adjacency, &records, &relations, &statement_titles, &argument_titles}) {
    files->insert(files->end(), sink->files().begin(), sink->files().end());
  }
  return Status::Ok();
}

}  // namespace argmap
