// RawDb: RocksDB itself, for storage tests that inspect or damage a store behind argmap's back,
// with helpers that read and write a node's adjacency record (keys.h) through the codec.
#pragma once

#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "proto/argmap.pb.h"
#include "storage/codec.h"
#include "storage/keys.h"
#include "storage/map_index.h"

namespace argmap::testing {

class RawDb {
 public:
  explicit RawDb(const std::string& dir) {
    rocksdb::Options options;
    rocksdb::DB* db = nullptr;
    rocksdb::Status s = rocksdb::DB::Open(options, dir, &db);
    REQUIRE(s.ToString() == "OK");
    db_.reset(db);
  }
  void Put(const std::string& key, const std::string& value) {
    REQUIRE(db_->Put(rocksdb::WriteOptions(), key, value).ok());
  }
  void Delete(const std::string& key) { REQUIRE(db_->Delete(rocksdb::WriteOptions(), key).ok()); }
  std::string Get(const std::string& key) {
    std::string value;
    REQUIRE(db_->Get(rocksdb::ReadOptions(), key, &value).ok());
    return value;
  }
  bool Has(const std::string& key) {
    std::string value;
    rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), key, &value);
    REQUIRE((s.ok() || s.IsNotFound()));
    return s.ok();
  }
  uint64_t MapId(const std::string& name) {
    v1::MapRef ref;
    REQUIRE(ref.ParseFromString(Get(keys::MapNameKey(name))));
    return ref.map_id();
  }
  // Node `node`'s adjacency entries (none without a record).
  std::vector<AdjacencyEntry> Adjacency(uint64_t map_id, NodeId node) {
    std::vector<AdjacencyEntry> entries;
    const std::string key = keys::AdjacencyKey(map_id, node);
    if (!Has(key)) return entries;
    v1::NodeAdjacency proto;
    REQUIRE(proto.ParseFromString(Get(key)));
    REQUIRE(FromProto(proto, node, &entries));
    return entries;
  }
  // Replaces node `node`'s adjacency record with `entries` (in key order, all at `node`).
  void PutAdjacency(uint64_t map_id, NodeId node, const std::vector<AdjacencyEntry>& entries) {
    v1::NodeAdjacency proto;
    ToProto(entries, &proto);
    Put(keys::AdjacencyKey(map_id, node), proto.SerializeAsString());
  }
  rocksdb::DB* db() { return db_.get(); }

 private:
  std::unique_ptr<rocksdb::DB> db_;
};

}  // namespace argmap::testing
