#include <CLI/CLI.hpp>
#include <cstdlib>

#include "cli/command.h"
#include "cli/file_text.h"
#include "formats/argdown_reader.h"
#include "formats/diagnostic.h"

namespace argmap {
Context::~Context() {
  if (!process_ends_after) return;
  // Reachable from a static, so that leak checkers do not count them; never freed.
  static auto* kept = new std::vector<std::unique_ptr<ArgumentMap>>;
  for (auto& map : maps_) kept->push_back(std::move(map));
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
  Status s = context.OpenStore(Store::Mode::kReadOnly, &store);
  if (s.ok()) s = store->LoadMap(map_name, map, fields);
  return s.ok() ? kExitOk : context.FailInput(s);
}

int ReadArgdownFile(Context& context, const std::string& path, ArgumentMap* map) {
  FileText file;
  if (Status s = file.Read(path); !s.ok()) return context.FailInput(s);
  const std::string_view text = file.view();
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
