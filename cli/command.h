// Command: one subcommand of the argmap binary. Each command declares its options on a CLI11
// subcommand (Setup) and runs once the command line parsed (Run). The table of commands lives in
// commands.cc (ninja's kTools[] is the model).
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/process_heap.h"
#include "graph/argument_map.h"
#include "graph/status.h"
#include "storage/store.h"

namespace CLI {
class App;
}

namespace argmap {

inline constexpr int kExitOk = 0;
inline constexpr int kExitNotFound = 1;
inline constexpr int kExitBadInput = 2;

// What every command gets: the output streams and the store location.
class Context {
 public:
  Context(std::ostream& out, std::ostream& err, const Terminal& terminal)
      : out(out), err(err), terminal(terminal) {}
  ~Context();

  std::ostream& out;
  std::ostream& err;
  Terminal terminal;
  std::string store_dir;            // from --store; empty: ARGMAP_STORE, else ./.argmap
  bool process_ends_after = false;  // see RunCli

  // An empty map that lives as long as the context (or, when the process ends after the
  // command, until the process ends).
  ArgumentMap& NewMap();

  // When the process ends after the command: has the kernel map the heap's next `bytes` on a
  // background thread while the command allocates them (cli/process_heap.h), until the command
  // ends. Otherwise, or for a second call, nothing.
  void PopulateHeapAhead(size_t bytes);

  // The store directory this invocation uses.
  std::string StoreDir() const;
  Status OpenStore(Store::Mode mode, std::unique_ptr<Store>* store) const;

  // Prints "argmap: error: MESSAGE" to err and returns the exit status for the status' code:
  // kExitNotFound for NotFound, kExitBadInput for everything else.
  int Fail(const Status& status) const;
  // Like Fail, but always kExitBadInput (a missing map is bad input for most commands).
  int FailInput(const Status& status) const;

 private:
  std::vector<std::unique_ptr<ArgumentMap>> maps_;
  std::unique_ptr<HeapPopulate> heap_populate_;
};

class Command {
 public:
  virtual ~Command() = default;
  virtual const char* name() const = 0;
  virtual const char* help() const = 0;
  virtual void Setup(CLI::App* app) = 0;
  virtual int Run(Context& context) = 0;
};

// Every subcommand, in the order `argmap --help` lists them.
std::vector<std::unique_ptr<Command>> MakeCommands();

// The source of a map for check/export/review: an Argdown file or a stored map. Exactly one of
// file and map_name is set; Load reports problems (with file positions) on context.err.
struct MapSource {
  std::string file;
  std::string map_name;

  void AddOptions(CLI::App* app);
  // Loads the map. Returns kExitOk, or the exit status to end with (after printing why).
  // `fields` applies to a stored map (a file is read whole).
  int Load(Context& context, ArgumentMap* map, std::string* display_name,
           RecordFields fields = RecordFields::kAll) const;
};

// Reads an Argdown file into map, printing every diagnostic to context.err. Returns kExitOk or
// kExitBadInput.
int ReadArgdownFile(Context& context, const std::string& path, ArgumentMap* map);

}  // namespace argmap
