#include "storage/database.h"

#include <rocksdb/table.h>

#include <chrono>
#include <cstdarg>
#include <filesystem>
#include <system_error>
#include <thread>

#include "storage/keys.h"

namespace argmap {
namespace fs = std::filesystem;
namespace {

constexpr char kWriterLockFile[] = "argmap-writer.lock";
constexpr char kAccessLockFile[] = "argmap-access.lock";
constexpr char kIngestDirName[] = "argmap-ingest";
constexpr int kAccessWaitMs = 60'000;  // a whole-map write of 1M statements takes seconds

// Readers must not write into a store, not even RocksDB's LOG file.
class SilentLogger : public rocksdb::Logger {
 public:
  using rocksdb::Logger::Logv;
  void Logv(const char*, va_list) override {}
};

rocksdb::Options StoreOptions(bool read_write) {
  rocksdb::Options options;
  options.create_if_missing = read_write;
  // Maps are scanned whole far more often than they are written; compression would cost the
  // load more than the disk it saves.
  options.compression = rocksdb::kNoCompression;
  options.write_buffer_size = 128 << 20;
  options.max_open_files = -1;
  options.level_compaction_dynamic_level_bytes = true;
  options.max_background_jobs = 2;
  // RocksDB's default of 16 threads to open the table files started 16 threads in every
  // command, for a store of a handful of files on a machine of two cores.
  options.max_file_opening_threads = 2;
  options.keep_log_file_num = 2;
  options.max_log_file_size = 4 << 20;
  options.max_manifest_file_size = 64 << 20;
  rocksdb::BlockBasedTableOptions table;
  table.block_size = 16 << 10;
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  if (!read_write) options.info_log = std::make_shared<SilentLogger>();
  return options;
}

std::string InUseMessage(const std::string& dir) {
  return "store " + dir + " is in use by another process";
}

bool StartsWith(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }
bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// argmap's own files and what RocksDB leaves when the creation of a store was interrupted.
bool IsOurFile(const std::string& name) {
  if (name == kWriterLockFile || name == kAccessLockFile || name == kIngestDirName) return true;
  if (name == "LOCK" || name == "LOG" || name == "IDENTITY") return true;
  if (StartsWith(name, "LOG.old.") || StartsWith(name, "MANIFEST-") ||
      StartsWith(name, "OPTIONS-")) {
    return true;
  }
  return EndsWith(name, ".dbtmp") || EndsWith(name, ".log") || EndsWith(name, ".sst");
}

// What the directory holds: nothing (of ours or at all), a RocksDB database, a database that
// lost its CURRENT file, or something else.
enum class DirState { kMissing, kEmpty, kDatabase, kNoCurrent, kForeign, kNotADirectory };

DirState Inspect(const std::string& dir, std::error_code* ec) {
  if (!fs::exists(dir, *ec)) return *ec ? DirState::kForeign : DirState::kMissing;
  if (!fs::is_directory(dir, *ec)) return DirState::kNotADirectory;
  if (fs::exists(fs::path(dir) / "CURRENT", *ec)) return DirState::kDatabase;
  // RocksDB writes CURRENT before any table file or write-ahead log, so a directory with either
  // but no CURRENT is a damaged database. Opening it read-write would create a new, empty
  // database over it, whose first clean-up deletes the old table files.
  bool has_data = false;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, *ec)) {
    const std::string name = entry.path().filename().string();
    if (!IsOurFile(name)) return DirState::kForeign;
    has_data = has_data || EndsWith(name, ".sst") || EndsWith(name, ".log");
  }
  return has_data ? DirState::kNoCurrent : DirState::kEmpty;
}

Status CheckDirectory(const std::string& dir, DirState state, const std::error_code& ec) {
  if (ec) return Status::IoError("cannot read store directory " + dir + ": " + ec.message());
  if (state == DirState::kNotADirectory) {
    return Status::InvalidInput("store " + dir + " is not a directory");
  }
  if (state == DirState::kForeign) {
    return Status::InvalidInput(dir + " is not an argmap store (it holds files but no database)");
  }
  if (state == DirState::kNoCurrent) {
    return Status::Corrupt("store " + dir + " is corrupt (its file CURRENT is missing)");
  }
  return Status::Ok();
}

}  // namespace

Database::Scan::Scan(rocksdb::DB* db, std::string_view prefix, bool bulk)
    : prefix_(prefix), end_(keys::PrefixEnd(prefix)), upper_(end_) {
  rocksdb::ReadOptions read;
  if (!end_.empty()) read.iterate_upper_bound = &upper_;
  read.verify_checksums = true;
  if (bulk) {
    read.readahead_size = 8 << 20;
    read.fill_cache = false;
  }
  it_.reset(db->NewIterator(read));
  it_->Seek(prefix_);
}

Status Database::Open(const std::string& dir, bool read_write, std::unique_ptr<Database>* db) {
  std::unique_ptr<Database> opened(new Database(dir, StoreOptions(read_write)));
  Status s = read_write ? opened->OpenReadWrite() : opened->OpenReadOnly();
  if (s.ok()) *db = std::move(opened);
  return s;
}

Database::~Database() {
  if (!db_) return;
  std::unique_ptr<FileLock> access;
  if (writable()) LockAccess(FileLock::Kind::kExclusive, &access);  // best effort
  db_->Close();
  db_.reset();
}

Status Database::LockAccess(FileLock::Kind kind, std::unique_ptr<FileLock>* lock) const {
  return FileLock::Acquire(dir_ + "/" + kAccessLockFile, kind, writable(), kAccessWaitMs,
                           InUseMessage(dir_), lock);
}

Status Database::OpenReadWrite() {
  std::error_code ec;
  DirState state = Inspect(dir_, &ec);
  if (Status s = CheckDirectory(dir_, state, ec); !s.ok()) return s;
  if (state == DirState::kMissing && !fs::create_directories(dir_, ec) && ec) {
    return Status::IoError("cannot create store directory " + dir_ + ": " + ec.message());
  }
  Status s = FileLock::Acquire(dir_ + "/" + kWriterLockFile, FileLock::Kind::kExclusive,
                               /*create=*/true, /*wait_ms=*/0, InUseMessage(dir_), &writer_lock_);
  if (!s.ok()) return s;
  std::unique_ptr<FileLock> access;
  if (s = LockAccess(FileLock::Kind::kExclusive, &access); !s.ok()) return s;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status opened = rocksdb::DB::Open(options_, dir_, &raw);
  if (!opened.ok()) {
    writer_lock_.reset();
    // Another program (not argmap) may hold RocksDB's own LOCK file.
    if (opened.IsIOError() && opened.ToString().find("lock") != std::string::npos) {
      return Status::InUse(InUseMessage(dir_));
    }
    return Convert(opened, "opening");
  }
  db_.reset(raw);
  if (s = CheckSchema(/*may_initialise=*/true); s.ok()) s = RecoverInterruptedWrite();
  if (!s.ok()) {
    db_.reset();
    writer_lock_.reset();
  }
  return s;
}

Status Database::OpenReadOnly() {
  rocksdb::Status opened;
  // A writer creating the store holds the access lock; so does one that writes. A compaction in
  // a running writer may still delete a file between our reading the file list and opening the
  // file; a second attempt sees the new list.
  // RocksDB reports such a vanished file as Corruption ("Can't access ... No such file"). A file
  // that a compaction took is gone from the list the next attempt reads; the same file missing
  // twice is damage, reported at once.
  constexpr int kAttempts = 20;
  std::string previous;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    std::unique_ptr<FileLock> access;
    if (Status s = LockAccess(FileLock::Kind::kShared, &access); !s.ok()) return s;
    std::error_code ec;
    DirState state = Inspect(dir_, &ec);
    if (Status s = CheckDirectory(dir_, state, ec); !s.ok()) return s;
    if (state != DirState::kDatabase) return Status::NotFound("no store at " + dir_);
    // Through the column-family overload: the plain one first tries the store as one fully
    // compacted database, opening every table file, and opens it all again the usual way when
    // that fails, as it does for any store with a write-ahead log or tables on two levels
    // (5-15 ms of every reading command).
    rocksdb::DB* raw = nullptr;
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    opened = rocksdb::DB::OpenForReadOnly(
        rocksdb::DBOptions(options_), dir_,
        {rocksdb::ColumnFamilyDescriptor(rocksdb::kDefaultColumnFamilyName,
                                         rocksdb::ColumnFamilyOptions(options_))},
        &handles, &raw);
    if (opened.ok()) {
      for (rocksdb::ColumnFamilyHandle* handle : handles) raw->DestroyColumnFamilyHandle(handle);
      db_.reset(raw);
      break;
    }
    bool vanished = opened.ToString().find("No such file or directory") != std::string::npos;
    if (!opened.IsIOError() && !opened.IsPathNotFound() && !vanished) break;
    if (vanished && opened.ToString() == previous) break;
    previous = opened.ToString();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!opened.ok()) return Convert(opened, "opening");
  Status s = CheckSchema(/*may_initialise=*/false);
  if (!s.ok()) db_.reset();
  return s;
}

Status Database::CheckSchema(bool may_initialise) {
  std::string value;
  bool found = false;
  if (Status s = Get(keys::StoreInfoKey(), &value, &found); !s.ok()) return s;
  if (!found) {
    std::unique_ptr<Scan> any = NewScan("");
    if (!any->it().status().ok()) return Convert(any->it().status(), "opening");
    if (any->it().Valid()) {
      return Status::InvalidInput(dir_ +
                                  " is not an argmap store (its database has no argmap schema "
                                  "record)");
    }
    if (!may_initialise) return Status::Ok();  // created, then interrupted: an empty store
    v1::StoreInfo info;
    info.set_schema_version(kSchemaVersion);
    info.set_next_map_id(1);
    rocksdb::WriteBatch batch;
    batch.Put(keys::StoreInfoKey(), info.SerializeAsString());
    rocksdb::WriteOptions write;
    write.sync = true;
    return Convert(db_->Write(write, &batch), "initialising");
  }
  v1::StoreInfo info;
  if (!info.ParseFromString(value)) {
    return Status::Corrupt("store " + dir_ + " is corrupt: key S does not hold a StoreInfo record");
  }
  if (info.schema_version() != kSchemaVersion) {
    return Status::Unsupported("store " + dir_ + " has schema version " +
                               std::to_string(info.schema_version()) +
                               "; this argmap reads version " + std::to_string(kSchemaVersion));
  }
  return Status::Ok();
}

// A whole-map write that was killed may have left table files in the ingest directory and, if
// it got as far as ingesting them, data under its pending map id that no name points at.
Status Database::RecoverInterruptedWrite() {
  std::error_code ec;
  fs::remove_all(IngestDir(), ec);
  v1::StoreInfo info;
  if (Status s = ReadStoreInfo(&info); !s.ok()) return s;
  if (info.pending_map_id() == 0) return Status::Ok();
  std::string prefix = keys::MapPrefix(info.pending_map_id());
  rocksdb::WriteBatch batch;
  batch.DeleteRange(prefix, keys::PrefixEnd(prefix));
  info.set_pending_map_id(0);
  batch.Put(keys::StoreInfoKey(), info.SerializeAsString());
  rocksdb::WriteOptions write;
  write.sync = true;
  return Convert(db_->Write(write, &batch), "cleaning up an interrupted write");
}

Status Database::ReadStoreInfo(v1::StoreInfo* info) {
  std::string value;
  bool found = false;
  if (Status s = Get(keys::StoreInfoKey(), &value, &found); !s.ok()) return s;
  info->Clear();
  if (!found) {  // an empty store whose creation was interrupted
    info->set_schema_version(kSchemaVersion);
    info->set_next_map_id(1);
    return Status::Ok();
  }
  if (!info->ParseFromString(value)) {
    return Status::Corrupt("store " + dir_ + " is corrupt: key S does not hold a StoreInfo record");
  }
  return Status::Ok();
}

Status Database::Get(std::string_view key, std::string* value, bool* found) {
  rocksdb::ReadOptions read;
  read.verify_checksums = true;
  rocksdb::Status s = db_->Get(read, rocksdb::Slice(key.data(), key.size()), value);
  *found = s.ok();
  if (s.IsNotFound()) return Status::Ok();
  return Convert(s, "reading key " + keys::Printable(key));
}

Status Database::Write(rocksdb::WriteBatch* batch) {
  std::unique_ptr<FileLock> access;
  if (Status s = LockAccess(FileLock::Kind::kExclusive, &access); !s.ok()) return s;
  rocksdb::WriteOptions write;
  write.sync = true;
  return Convert(db_->Write(write, batch), "writing");
}

Status Database::IngestThenWrite(const std::vector<std::string>& files,
                                 rocksdb::WriteBatch* batch) {
  std::unique_ptr<FileLock> access;
  if (Status s = LockAccess(FileLock::Kind::kExclusive, &access); !s.ok()) return s;
  rocksdb::IngestExternalFileOptions ingest;
  ingest.move_files = true;
  if (Status s = Convert(db_->IngestExternalFile(files, ingest), "ingesting"); !s.ok()) return s;
  rocksdb::WriteOptions write;
  write.sync = true;
  return Convert(db_->Write(write, batch), "writing");
}

std::unique_ptr<Database::Scan> Database::NewScan(std::string_view prefix, bool bulk) {
  return std::make_unique<Scan>(db_.get(), prefix, bulk);
}

Status Database::Convert(const rocksdb::Status& s, std::string_view what) const {
  if (s.ok()) return Status::Ok();
  std::string detail = std::string(what) + ": " + s.ToString();
  if (s.IsCorruption()) return Status::Corrupt("store " + dir_ + " is corrupt (" + detail + ")");
  if (s.IsNotSupported() || s.IsInvalidArgument()) {
    return Status::InvalidInput("store " + dir_ + " cannot be used (" + detail + ")");
  }
  return Status::IoError("store " + dir_ + " failed (" + detail + ")");
}

}  // namespace argmap
