// Every command on a store whose files are damaged: flipped bytes, a truncated or deleted table
// file, a missing CURRENT file, a damaged MANIFEST. Each command must answer with a clear error
// (exit status 2, naming the store) or, where it never reads the damaged part, do its work; none
// may crash or print a half map; fsck must report the damage.
#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>

#include "cli_test_support.h"
#include "formats/argdown_writer.h"
#include "storage/keys.h"
#include "tests/storage/store_test_util.h"

namespace argmap::testing {
namespace {
namespace fs = std::filesystem;
using Part = keys::ParsedKey::Part;

// A table file of the store: its path, what its smallest key is, the bytes of its data blocks.
struct TableFile {
  std::string path;
  Part first = Part::kUnknown;
  uint64_t data_size = 0;
};

// The live table files of a store, read through RocksDB itself (read-only: nothing changes).
std::vector<TableFile> TableFiles(const std::string& dir) {
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::OpenForReadOnly(rocksdb::Options(), dir, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  rocksdb::TablePropertiesCollection tables;
  REQUIRE(db->GetPropertiesOfAllTables(&tables).ok());
  std::vector<rocksdb::LiveFileMetaData> files;
  db->GetLiveFilesMetaData(&files);
  std::vector<TableFile> out;
  for (const rocksdb::LiveFileMetaData& meta : files) {
    std::string path = meta.db_path + meta.name;
    REQUIRE(tables.count(path) == 1);
    out.push_back({path, keys::ParseKey(meta.smallestkey).part, tables[path]->data_size});
  }
  return out;
}

const TableFile& FileStartingWith(const std::vector<TableFile>& files, Part part) {
  auto it = std::find_if(files.begin(), files.end(),
                         [part](const TableFile& f) { return f.first == part; });
  REQUIRE(it != files.end());
  return *it;
}

// The same file in the working copy of the store.
std::string InCopy(const std::string& path, const std::string& copy) {
  return copy + "/" + fs::path(path).filename().string();
}

// Flips one byte in every 4 KiB of the file's data blocks from `from` on, so that every block
// there is damaged.
void FlipDataBlocks(const std::string& path, uint64_t data_size, uint64_t from = 0) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  REQUIRE(file.good());
  for (uint64_t offset = std::max(from, std::min<uint64_t>(100, data_size / 2)); offset < data_size;
       offset += 4096) {
    char c = 0;
    file.seekg(static_cast<std::streamoff>(offset));
    file.get(c);
    file.seekp(static_cast<std::streamoff>(offset));
    file.put(static_cast<char>(c ^ 0x5a));
  }
  REQUIRE(file.good());
}

std::string ManifestOf(const std::string& dir) {
  std::ifstream current(dir + "/CURRENT");
  std::string name;
  std::getline(current, name);
  REQUIRE(!name.empty());
  return dir + "/" + name;
}

// Every command that opens the store, with arguments that work on the undamaged store.
std::vector<std::vector<std::string>> StoreCommands(const std::string& file) {
  return {
      {"import", file, "--map", "m", "--replace"},
      {"import", file, "--map", "other"},
      {"check", "--map", "m", "--fail-on", "never"},
      {"export", "--map", "m", "--format", "json"},
      {"export", "--map", "m", "--format", "argdown"},
      {"export", "--map", "m", "--format", "dot"},
      {"review", "--map", "m"},  // to standard output: no picture (Graphviz needs minutes here)
      {"show", "[S1]", "--map", "m"},
      {"path", "[S1]", "[S9]", "--map", "m"},
      {"find", "statement", "--map", "m"},
      {"add", "statement", "New", "A new statement.", "--map", "m"},
      {"add", "argument", "New argument", "--premise", "[S1]", "--conclusion", "[S3]", "--map",
       "m"},
      {"link", "[S1]", "attacks", "[S4]", "--map", "m"},
      {"remove", "[S7]", "--map", "m"},
      {"maps"},
      {"stats", "--map", "m"},
      {"fsck"},
  };
}

// The table files in a directory, with their sizes.
std::map<std::string, uintmax_t> TableFileSizes(const std::string& dir) {
  std::map<std::string, uintmax_t> sizes;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".sst") sizes[entry.path().filename()] = entry.file_size();
  }
  return sizes;
}

std::string Joined(const std::vector<std::string>& args) {
  std::string out;
  for (const std::string& a : args) out += (out.empty() ? "" : " ") + a;
  return out;
}

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

// A store with map m (400 statements) written as a big import writes it: its node records,
// relation records, titles and adjacency in table files of their own; then reopened, so that the
// store's own keys (map names, schema) are in a table file too.
void WritePristineStore(const std::string& dir, const ArgumentMap& map) {
  {
    std::unique_ptr<Store> store;
    Store::Options ingest;
    ingest.ingest_threshold = 0;
    REQUIRE(Store::Open(dir, Store::Mode::kReadWrite, ingest, &store).message() == "");
    REQUIRE(store->WriteMap("m", map, /*replace=*/false).message() == "");
  }
  std::unique_ptr<Store> reopened;
  REQUIRE(Store::Open(dir, Store::Mode::kReadWrite, &reopened).message() == "");
}

TEST_CASE("the undamaged store answers every command of the damage test", "[cli]") {
  CliFixture f;
  ArgumentMap map;
  BuildGeneratedMap(400, 0, &map);
  WritePristineStore(f.Store(), map);
  std::vector<TableFile> files = TableFiles(f.Store());
  // adjacency, node records (with the header), relation records, statement titles, argument
  // titles, and the store's own keys
  CHECK(files.size() == 6);
  std::ostringstream argdown;
  WriteArgdown(map, argdown);
  const std::string file = f.WriteFile("m.argdown", argdown.str());
  const std::string pristine = f.Path("pristine");
  fs::copy(f.Store(), pristine, fs::copy_options::recursive);
  for (const std::vector<std::string>& command : StoreCommands(file)) {
    fs::remove_all(f.Store());
    fs::copy(pristine, f.Store(), fs::copy_options::recursive);
    CliResult result = f.Run(command);
    INFO(Joined(command) << "\n" << result.err);
    CHECK(result.code == 0);
  }
}

// What a damage does, and what the commands that read the damaged part say.
struct Damage {
  std::string name;
  std::function<void(const std::string& copy)> apply;
  // The message (after "argmap: error: ") of every command that reads the damage.
  std::function<bool(const std::string& message)> error_ok;
  // The store still opens: only what reads the damaged blocks fails.
  bool opens = false;
  // Commands that never read the damaged part and do their work: import writes a new map
  // without reading the old one, maps reads only names and headers.
  std::set<std::string> unaffected = {};
};

TEST_CASE("every command on a damaged store exits 2 naming the store, and fsck reports it",
          "[cli]") {
  CliFixture f;
  ArgumentMap map;
  BuildGeneratedMap(400, 0, &map);
  const std::string pristine = f.Path("pristine");
  WritePristineStore(pristine, map);
  std::ostringstream argdown;
  WriteArgdown(map, argdown);
  const std::string file = f.WriteFile("m.argdown", argdown.str());
  const std::vector<TableFile> files = TableFiles(pristine);
  const TableFile& records = FileStartingWith(files, Part::kHeader);
  const std::string dir = f.Store();
  const std::string corrupt = "store " + dir + " is corrupt (";
  const std::string records_copy = InCopy(records.path, dir);
  auto records_error = [&](const std::string& m) {
    return StartsWith(m, corrupt + "reading ") &&
           Contains(m, ": Corruption: block checksum mismatch: ") &&
           Contains(m, " in " + records_copy + " offset ");
  };

  const std::vector<Damage> damages = {
      {"flipped bytes in every table file",
       [&](const std::string& copy) {
         for (const TableFile& t : files) FlipDataBlocks(InCopy(t.path, copy), t.data_size);
       },
       [&](const std::string& m) {
         return StartsWith(m, corrupt + "reading key S: Corruption: block checksum mismatch: ") &&
                Contains(m, " in " + dir + "/");
       }},
      {"flipped bytes in the table file of map m's records",
       [&](const std::string& copy) {
         FlipDataBlocks(InCopy(records.path, copy), records.data_size);
       },
       records_error,
       /*opens=*/true,
       {"import"}},
      {"flipped bytes in the table file of map m's records, after its first block",
       [&](const std::string& copy) {
         FlipDataBlocks(InCopy(records.path, copy), records.data_size, 20'000);
       },
       records_error,
       /*opens=*/true,
       {"import", "maps"}},
      {"a truncated table file",
       [&](const std::string& copy) {
         std::string path = InCopy(records.path, copy);
         fs::resize_file(path, fs::file_size(path) / 2);
       },
       [&](const std::string& m) {
         return StartsWith(m, corrupt + "opening: Corruption: ") && Contains(m, records_copy);
       }},
      {"a deleted table file",
       [&](const std::string& copy) { fs::remove(InCopy(records.path, copy)); },
       [&](const std::string& m) {
         return StartsWith(m, corrupt + "opening: Corruption: ") &&
                Contains(m, fs::path(records_copy).stem().string());
       }},
      {"a deleted CURRENT file", [&](const std::string& copy) { fs::remove(copy + "/CURRENT"); },
       [&](const std::string& m) {
         return m == "store " + dir + " is corrupt (its file CURRENT is missing)";
       }},
      {"a flipped byte in the MANIFEST",
       [&](const std::string& copy) {
         std::fstream manifest(ManifestOf(copy), std::ios::in | std::ios::out | std::ios::binary);
         manifest.seekp(20);
         manifest.put('\x7f');
         REQUIRE(manifest.good());
       },
       [&](const std::string& m) {
         return m ==
                corrupt + "opening: Corruption: checksum mismatch in file " + ManifestOf(dir) + ")";
       }},
  };
  for (const Damage& damage : damages) {
    for (const std::vector<std::string>& command : StoreCommands(file)) {
      fs::remove_all(dir);
      fs::copy(pristine, dir, fs::copy_options::recursive);
      damage.apply(dir);
      const std::map<std::string, uintmax_t> tables = TableFileSizes(dir);
      CliResult result = f.Run(command);
      INFO(damage.name << ": " << Joined(command) << "\nout: " << result.out.substr(0, 500)
                       << "\nerr: " << result.err);
      const std::string verb = command[0];
      if (damage.unaffected.count(verb) == 1) {
        CHECK(result.code == 0);
        CHECK(result.err == "");
        if (verb == "maps")
          CHECK(result.out == "m\t400 statements, 8 arguments, 796 relations\tgenerated 0\n");
        if (verb == "import") CHECK(f.Run({"stats", "--map", command[3]}).code == 0);
        // The damage stays where it was.
        CHECK(f.Run({"fsck"}).code == 2);
        continue;
      }
      CHECK(result.code == 2);
      CHECK(TableFileSizes(dir) == tables);  // a command that fails deletes nothing
      if (verb == "fsck" && damage.opens) {
        CHECK(result.err == "argmap: store " + dir + " has 2 problems\n");
        CHECK(StartsWith(result.out, corrupt + "verifying checksums: Corruption: "));
        CHECK(Contains(result.out, " in " + records_copy + " offset "));
        CHECK(Contains(result.out, ")\nmap m: " + corrupt + "reading "));
        continue;
      }
      CHECK(result.out == "");
      REQUIRE(StartsWith(result.err, "argmap: error: "));
      REQUIRE(result.err.back() == '\n');
      const std::string message = result.err.substr(15, result.err.size() - 16);
      CHECK(damage.error_ok(message));
      CHECK(Contains(message, "store " + dir + " "));
    }
  }
}

}  // namespace
}  // namespace argmap::testing
