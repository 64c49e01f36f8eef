// Database: the RocksDB database of one store directory, with argmap's locks around it.
// Internal to storage/; Store is the public face.
//
// Locks (files in the store directory, see file_lock.h):
//  - argmap-writer.lock: held exclusively by the one read-write Database for its whole life, so
//    a second writer gets "store DIR is in use by another process".
//  - argmap-access.lock: a writer holds it exclusively while it opens, writes, ingests and
//    closes; a reader holds it shared while it opens. RocksDB reads a store's file list and
//    write-ahead log at open, so a reader that opens under this lock sees every write whole or
//    not at all. A read-only Database keeps every table file open (max_open_files = -1), so
//    later compactions in the writer do not pull files from under it.
//
// Ownership: owns the rocksdb::DB and the locks. Thread-safety: RocksDB calls are thread-safe;
// the Database itself has no mutable state after Open.
// Invariants: a read-write Database holds the writer lock; the store's StoreInfo has schema
// version kSchemaVersion.
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"
#include "proto/argmap.pb.h"
#include "storage/file_lock.h"

namespace argmap {

// 1: the adjacency index had one key per edge end; 2: one NodeAdjacency record per node. No
// migration: a store of version 1 is refused and its maps are imported again.
inline constexpr uint32_t kSchemaVersion = 2;

class Database {
 public:
  static Status Open(const std::string& dir, bool read_write, std::unique_ptr<Database>* db);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& dir() const { return dir_; }
  bool writable() const { return writer_lock_ != nullptr; }
  rocksdb::DB* db() { return db_.get(); }

  // A point read; *found false (and ok) when the key is absent.
  Status Get(std::string_view key, std::string* value, bool* found);
  // One atomic, synced write under the access lock.
  Status Write(rocksdb::WriteBatch* batch);
  // Atomically ingests table files (moved into the store) under the access lock, then applies
  // `batch` under the same lock hold.
  Status IngestThenWrite(const std::vector<std::string>& files, rocksdb::WriteBatch* batch);
  // An iterator over the keys that start with `prefix` (bounds owned by the iterator holder).
  class Scan;
  std::unique_ptr<Scan> NewScan(std::string_view prefix, bool bulk = false);

  Status ReadStoreInfo(v1::StoreInfo* info);
  // Where a whole-map write puts its table files before ingesting them.
  std::string IngestDir() const { return dir_ + "/argmap-ingest"; }
  // The RocksDB options every table file of the store is written with.
  const rocksdb::Options& options() const { return options_; }

  // Converts a RocksDB status into argmap's, naming the store and `what` was being done.
  Status Convert(const rocksdb::Status& s, std::string_view what) const;

 private:
  Database(std::string dir, rocksdb::Options options)
      : dir_(std::move(dir)), options_(std::move(options)) {}
  Status OpenReadWrite();
  Status OpenReadOnly();
  Status CheckSchema(bool may_initialise);
  Status RecoverInterruptedWrite();
  Status LockAccess(FileLock::Kind kind, std::unique_ptr<FileLock>* lock) const;

  std::string dir_;
  rocksdb::Options options_;
  std::unique_ptr<FileLock> writer_lock_;
  std::unique_ptr<rocksdb::DB> db_;
};

// A prefix scan: a RocksDB iterator with its upper bound kept alive beside it.
class Database::Scan {
 public:
  Scan(rocksdb::DB* db, std::string_view prefix, bool bulk);
  rocksdb::Iterator* operator->() { return it_.get(); }
  rocksdb::Iterator& it() { return *it_; }

 private:
  std::string prefix_, end_;
  rocksdb::Slice upper_;
  std::unique_ptr<rocksdb::Iterator> it_;
};

}  // namespace argmap
