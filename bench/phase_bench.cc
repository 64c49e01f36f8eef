// phase_bench: where the time of `argmap import` and `argmap check` goes, phase by phase, on one
// Argdown file:
//
//   phase_bench MAP.argdown [--store DIR] [--read-only] [--process-heap]
//
// Prints wall and CPU seconds and the growth of peak memory for: reading the file, the lexer
// alone, ReadArgdown (lexer + parser + model + ArgumentMap), WriteMap into a fresh store, LoadMap
// from it, and RunChecks. The store goes to DIR (default: a fresh directory under /tmp, removed
// at the end). --read-only times ReadArgdown alone, for profiling the reader
// (`perf record ./build/bench/phase_bench MAP --read-only`); --process-heap prepares the heap
// first as the `argmap` binary does (cli/process_heap.h: one arena on 2 MiB pages; `--prefault`
// is its name from before session 11, when the binary prefaulted the heap instead).
// Figures: docs/performance.md.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "bench/bench_clock.h"
#include "cli/process_heap.h"
#include "formats/argdown_lexer.h"
#include "formats/argdown_reader.h"
#include "graph/checks.h"
#include "storage/store.h"

namespace argmap {
namespace {

using ::argmap::bench::CpuSeconds;
using ::argmap::bench::PeakMiB;
using ::argmap::bench::Seconds;

using Clock = std::chrono::steady_clock;

// Prints one phase's line when it goes out of scope.
class Phase {
 public:
  explicit Phase(const char* name) : name_(name) {}
  ~Phase() {
    std::printf("%-28s %7.3f s  (cpu %7.3f s)  peak %6.0f MiB\n", name_,
                std::chrono::duration<double>(Clock::now() - wall_).count(), CpuSeconds() - cpu_,
                PeakMiB());
  }

 private:
  const char* name_;
  Clock::time_point wall_ = Clock::now();
  double cpu_ = CpuSeconds();
};

void Require(const Status& s, const char* what) {
  if (!s.ok()) {
    std::fprintf(stderr, "phase_bench: %s: %s\n", what, s.message().c_str());
    std::exit(1);
  }
}

int Main(int argc, char** argv) {
  std::string path, dir;
  bool read_only = false, process_heap = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--store" && i + 1 < argc) {
      dir = argv[++i];
    } else if (arg == "--read-only") {
      read_only = true;
    } else if (arg == "--process-heap" || arg == "--prefault") {
      process_heap = true;
    } else if (path.empty() && arg[0] != '-') {
      path = arg;
    } else {
      path.clear();
      break;
    }
  }
  if (path.empty()) {
    std::fprintf(stderr,
                 "usage: phase_bench MAP.argdown [--store DIR] [--read-only] [--process-heap]\n");
    return 2;
  }
  if (process_heap) PrepareProcessHeap();
  const bool own_store = dir.empty();
  if (own_store) {
    dir = (std::filesystem::temp_directory_path() / ("phase_bench-" + std::to_string(getpid())))
              .string();
  }

  std::string text;
  {
    Phase phase("read file");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  std::printf("%s: %.1f MB\n", path.c_str(), text.size() / 1e6);
  if (!read_only) {
    Phase phase("lexer alone");
    ArgdownLexer lexer(text);
    size_t tokens = 0;
    while (lexer.Next().type != ArgdownToken::kEof) ++tokens;
    std::printf("%zu tokens\n", tokens);
  }
  ArgumentMap map;
  ArgdownReadTimes times;
  {
    Phase phase("ReadArgdown");
    std::vector<Diagnostic> diagnostics;
    ArgdownReadOptions options;
    options.times = &times;
    Require(ReadArgdown(text, path, &map, &diagnostics, options), "reading");
  }
  std::printf(
      "  prepare %.3f s, parse %.3f s, transform %.3f s, fill the map: statements %.3f s, "
      "arguments %.3f s, relations %.3f s, free %.3f s\n",
      times.prepare, times.parse, times.transform, times.statements, times.arguments,
      times.relations, times.release);
  std::printf("%zu statements, %zu arguments, %zu relations\n", map.statements().size(),
              map.arguments().size(), map.relations().size());
  if (read_only) return 0;
  std::filesystem::remove_all(dir);
  {
    std::unique_ptr<Store> store;
    Require(Store::Open(dir, Store::Mode::kReadWrite, &store), "opening");
    {
      Phase phase("WriteMap (fresh store)");
      Require(store->WriteMap("bench", map, /*replace=*/false), "writing");
    }
    Phase phase("close the store");
    store.reset();
  }
  ArgumentMap loaded;
  {
    std::unique_ptr<Store> store;
    Require(Store::Open(dir, Store::Mode::kReadOnly, &store), "opening");
    Phase phase("LoadMap");
    Require(store->LoadMap("bench", &loaded), "loading");
  }
  {
    Phase phase("RunChecks");
    std::vector<Finding> findings;
    Require(RunChecks(loaded, CheckOptions{}, &findings), "checking");
    std::printf("%zu findings\n", findings.size());
  }
  if (own_store) std::filesystem::remove_all(dir);
  return 0;
}

}  // namespace
}  // namespace argmap

int main(int argc, char** argv) { return argmap::Main(argc, argv); }
