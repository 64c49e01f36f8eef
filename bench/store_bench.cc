// store_bench: times the store on a generated map (issue 2's target: 1M statements and 2M
// relations written in under 6 s and loaded in under 3 s).
//
//   store_bench [--statements N] [--relations M] [--arguments A] [--store DIR] [--keep]
//               [--reuse]
//
// --keep leaves the store behind; --reuse skips building and writing when DIR exists (left by
// an earlier --keep run) and times only the reads.
// Builds the map in memory, writes it to a fresh store (WriteMap), reopens the store read-only
// and loads it (LoadMap), then runs fsck and a few index lookups, printing the time of each.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>

#include "bench/bench_clock.h"
#include "graph/argument_map.h"
#include "storage/store.h"

namespace {

using ::argmap::bench::CpuSeconds;
using ::argmap::bench::PeakMiB;
using ::argmap::bench::Seconds;

using Clock = std::chrono::steady_clock;

struct Timer {
  Clock::time_point wall = Clock::now();
  double cpu = CpuSeconds();
  std::string Format() const {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f s (cpu %.2f s)",
                  std::chrono::duration<double>(Clock::now() - wall).count(), CpuSeconds() - cpu);
    return buf;
  }
};

void Check(const argmap::Status& s, const char* what) {
  if (!s.ok()) {
    std::fprintf(stderr, "store_bench: %s: %s\n", what, s.message().c_str());
    std::exit(1);
  }
}

// Statements with ~80 bytes of text, arguments with two premises each, and random supports and
// attacks between statements (no duplicates by construction of the id pairs).
void BuildMap(size_t statements, size_t arguments, size_t relations, argmap::ArgumentMap* map) {
  using namespace argmap;
  map->set_title("generated");
  map->Reserve(statements, arguments, relations);
  std::mt19937_64 random(42);
  std::vector<NodeId> ids(statements);
  for (size_t i = 0; i < statements; ++i) {
    Statement s;
    s.title = "Statement " + std::to_string(i);
    s.text = "The generated claim number " + std::to_string(i) +
             " says something about border management in Central Asia.";
    s.role = i % 10 == 0 ? Role::kEvidence : Role::kClaim;
    if (i % 7 == 0) s.tags = {"generated"};
    Check(map->AddStatement(std::move(s), &ids[i]), "adding a statement");
  }
  for (size_t i = 0; i < arguments && statements >= 3; ++i) {
    Argument a;
    a.title = "Argument " + std::to_string(i);
    InferenceStep step;
    size_t base = (i * 3) % (statements - 2);
    step.premises = {ids[base], ids[base + 1]};
    step.conclusion = ids[base + 2];
    a.steps.push_back(step);
    Check(map->AddArgument(std::move(a)), "adding an argument");
  }
  // Edge i joins statement i mod n to a random later-or-earlier statement; the pair (from, k)
  // with k the relation's round keeps the triples distinct.
  for (size_t i = 0; i < relations; ++i) {
    size_t from = i % statements;
    size_t round = i / statements;
    size_t to = (from + 1 + round + (random() % 1000) * 997) % statements;
    if (to == from) to = (to + 1) % statements;
    RelationType type = random() % 4 == 0 ? RelationType::kAttacks : RelationType::kSupports;
    Status s = map->AddRelation(type, ids[from], ids[to]);
    if (s.code() == Status::Code::kAlreadyExists) continue;  // a rare repeat; skip it
    Check(s, "adding a relation");
  }
}

void BuildAndWrite(const std::string& dir, size_t statements, size_t arguments, size_t relations) {
  Timer timer;
  argmap::ArgumentMap map;
  BuildMap(statements, arguments, relations, &map);
  std::printf("build in memory: %s (%zu statements, %zu arguments, %zu relations)\n",
              timer.Format().c_str(), map.statements().size(), map.arguments().size(),
              map.relations().size());
  std::unique_ptr<argmap::Store> store;
  timer = Timer();
  Check(argmap::Store::Open(dir, argmap::Store::Mode::kReadWrite, &store), "open");
  Check(store->WriteMap("bench", map, /*replace=*/false), "WriteMap");
  std::printf("open + WriteMap: %s\n", timer.Format().c_str());
  timer = Timer();
  store.reset();
  std::printf("close: %s\n", timer.Format().c_str());
}

}  // namespace

int main(int argc, char** argv) {
  size_t statements = 1'000'000, relations = 2'000'000, arguments = 10'000;
  std::string dir = (std::filesystem::temp_directory_path() / "argmap-store-bench").string();
  bool keep = false, reuse = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : "0"; };
    if (arg == "--statements") {
      statements = std::stoull(next());
    } else if (arg == "--relations") {
      relations = std::stoull(next());
    } else if (arg == "--arguments") {
      arguments = std::stoull(next());
    } else if (arg == "--store") {
      dir = next();
    } else if (arg == "--keep") {
      keep = true;
    } else if (arg == "--reuse") {
      reuse = keep = true;
    } else {
      std::fprintf(stderr,
                   "usage: store_bench [--statements N] [--relations M] [--arguments A] "
                   "[--store DIR] [--keep] [--reuse]\n");
      return 2;
    }
  }
  if (!reuse || !std::filesystem::exists(dir)) {
    std::filesystem::remove_all(dir);
    BuildAndWrite(dir, statements, arguments, relations);
  }

  std::unique_ptr<argmap::Store> store;
  Timer timer;
  Check(argmap::Store::Open(dir, argmap::Store::Mode::kReadOnly, &store), "open read-only");
  argmap::ArgumentMap loaded;
  Check(store->LoadMap("bench", &loaded), "LoadMap");
  std::printf("open read-only + LoadMap: %s (%zu statements, %zu relations)\n",
              timer.Format().c_str(), loaded.statements().size(), loaded.relations().size());

  timer = Timer();
  argmap::NodeId id = 0;
  std::vector<argmap::Adjacency> neighbours;
  const size_t stored = loaded.statements().size();
  for (size_t i = 0; i < 1000 && stored > 0; ++i) {
    const std::string& title = loaded.statements()[i * 997 % stored].title;
    Check(store->ResolveNode("bench", "[" + title + "]", &id), "ResolveNode");
    Check(store->Neighbours("bench", id, &neighbours), "Neighbours");
  }
  std::printf("1000 x (ResolveNode + Neighbours): %s\n", timer.Format().c_str());

  timer = Timer();
  argmap::FsckReport report;
  Check(store->Fsck(&report), "Fsck");
  std::printf("Fsck: %s, %s\n", timer.Format().c_str(), report.healthy() ? "healthy" : "PROBLEMS");
  for (size_t i = 0; i < report.problems.size() && i < 10; ++i) {
    std::printf("  %s\n", report.problems[i].c_str());
  }
  std::error_code ec;
  uintmax_t bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec)) bytes += entry.file_size(ec);
  }
  std::printf("store size: %.1f MB\n", bytes / 1e6);
  store.reset();
  if (!keep) std::filesystem::remove_all(dir);
  return report.healthy() ? 0 : 1;
}
