#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>

#include "cli/command.h"
#include "cli/file_text.h"
#include "formats/argdown_reader.h"
#include "formats/diagnostic.h"

namespace argmap {
namespace {

// Fresh heap that a command needs per byte of its input, at the least: reading Argdown and
// writing the store take 6 (1M statements) to 7 (100k) times the text, loading and checking a
// stored map 3.2 (1M) to 4 (100k) times the store's files. Populating the smaller of each ahead
// keeps the peak about where it was. When the machine's memory was cold (a pause of 3 s before
// each command; docs/performance.md, session 11), populating took a 100k import from 0.480 to
// 0.421 s and a 100k check from 0.370 to 0.310 s, a 1M import from 5.39 to 4.53 s and a 1M
// check from 2.90 to 2.73 s; without the pause it changed nothing measurable.
constexpr size_t kHeapPerTextByte = 6;
constexpr size_t kHeapPerStoreByte = 3;

// The bytes of the store's files (an upper bound for any one map's share).
size_t StoreBytes(const std::string& dir) {
  size_t bytes = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec)) bytes += entry.file_size(ec);
  }
  return bytes;
}

}  // namespace

Context::~Context() {
  if (!process_ends_after) return;
  // Reachable from a static, so that leak checkers do not count them; never freed.
  static auto* kept = new std::vector<std::unique_ptr<ArgumentMap>>;
  for (auto& map : maps_) kept->push_back(std::move(map));
}

void Context::PopulateHeapAhead(size_t bytes) {
  if (process_ends_after && !heap_populate_) heap_populate_ = std::make_unique<HeapPopulate>(bytes);
}

ArgumentMap& Context::NewMap() { return *maps_.emplace_back(std::make_unique<ArgumentMap>()); }

std::string Context::StoreDir() const {
  if (!store_dir.empty()) return store_dir;
  const char* env = std::getenv("ARGMAP_STORE");
  if (env && *env) return env;
  return "./.argmap";
}

Status Context::OpenStore(Store::Mode mode, std::unique_ptr<Store>* store) const {
  return Store::Open(StoreDir(), mode, store);
}

int Context::Fail(const Status& status) const {
  err << "argmap: error: " << status.message() << "\n";
  return status.IsNotFound() ? kExitNotFound : kExitBadInput;
}

int Context::FailInput(const Status& status) const {
  Fail(status);
  return kExitBadInput;
}

void MapSource::AddOptions(CLI::App* app) {
  app->add_option("file", file, "An Argdown file to read (instead of --map)");
  app->add_option("--map", map_name, "A map in the store");
}

int MapSource::Load(Context& context, ArgumentMap* map, std::string* display_name,
                    RecordFields fields) const {
  if (file.empty() == map_name.empty()) {
    return context.FailInput(Status::InvalidInput("give either an Argdown FILE or --map NAME"));
  }
  if (!file.empty()) {
    *display_name = file;
    return ReadArgdownFile(context, file, map);
  }
  *display_name = map_name;
  std::unique_ptr<Store> store;
  if (context.process_ends_after) {
    context.PopulateHeapAhead(kHeapPerStoreByte * StoreBytes(context.StoreDir()));
  }
  Status s = context.OpenStore(Store::Mode::kReadOnly, &store);
  if (s.ok()) s = store->LoadMap(map_name, map, fields);
  return s.ok() ? kExitOk : context.FailInput(s);
}

int ReadArgdownFile(Context& context, const std::string& path, ArgumentMap* map) {
  FileText file;
  if (Status s = file.Read(path); !s.ok()) return context.FailInput(s);
  const std::string_view text = file.view();
  context.PopulateHeapAhead(kHeapPerTextByte * text.size());
  std::vector<Diagnostic> diagnostics;
  Status s = ReadArgdown(text, path, map, &diagnostics);
  for (const Diagnostic& d : diagnostics) context.err << FormatDiagnostic(d);
  if (!s.ok()) {
    context.err << "argmap: error: " << s.message() << "\n";
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace argmap
