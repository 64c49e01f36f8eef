// floor_bench: what argmap's libraries alone need for the work that `argmap check` and
// `argmap import` do on a map, so that argmap's overhead over Boost.Graph and RocksDB is a number
// (issue 6). Two floors, both timed with the input already in memory:
//
// Traversal floor. Reads an Argdown file (ReadArgdown, not timed) and copies its topology into a
// plain boost::adjacency_list<vecS, vecS, bidirectionalS> whose edges carry only the relation type
// (not timed): one vertex per statement, argument and earlier inference step, one edge per
// relation, premise and conclusion, and a second, reversed edge per contradiction (the signed
// view of SPEC §3, where a contradiction is a step both ways). Then times, each the median of
// --repeat runs:
//   signed-bfs  for every objective, one breadth-first search backwards (in-edges) over
//               (vertex, sign) pairs from (objective, +), marking each pair once: the searches
//               objective-conflict and self-defeating need, without distances or paths;
//   commit-bfs  one breadth-first search backwards from all theses over supports, premise and
//               conclusion edges: the commitments that contradiction, unanswered-objection and
//               unsupported need;
//   scc         boost::strong_components over the support subgraph (a filtered_graph keeping
//               supports, premise and conclusion edges): what circular needs;
//   signed-once one breadth-first search backwards over (vertex, sign) pairs from all objectives
//               at once (every pair marked once, whichever objective reaches it): one pass over
//               the signed state space, the least traversal that still looks at every pair;
//   plain-bfs   (reported, in neither floor) boost::breadth_first_search over
//               boost::reverse_graph from every objective, ignoring signs.
// The floor per objective is signed-bfs + commit-bfs + scc: the traversal SPEC §3 describes
// ("linear in the map's size per objective"). The one-pass floor is signed-once + commit-bfs +
// scc: a lower bound for any algorithm that shares work between the objectives (as argmap's
// MultiSignedReach does). Both leave out what argmap does beyond traversal: process start,
// loading the map from the store, the canonical node order, shortest paths as evidence, the
// local checks (a pass over the vertices), sorting and rendering the findings.
//
// Write floor (with --store DIR, a store that `argmap import` filled): reads every key and value
// of the store into memory (not timed), then times, as the median of --repeat runs, a raw
// RocksDB write of exactly those keys and values into a fresh database with the options argmap
// uses (storage/database.cc: no compression, 16 KiB blocks): DB::Open, the sorted entries split
// into --write-threads (default 2, as storage/map_writer.cc) contiguous ranges, each written by
// its own thread with an SstFileWriter, IngestExternalFile of the files, Close. This is the way
// argmap writes a big map, minus parsing, building the map and encoding the records. Also times
// a raw scan of the whole store (every key and value, checksums verified, 8 MiB readahead, as
// argmap's bulk scans; storage/database.cc) as a floor for the load, which scans only the
// records (a part of the keys) but decodes them and builds the map.
//
// With --argmap-checks it also times, on the same map in this process, what the floors are
// compared with: argmap's RunChecks with every check, each check alone (--only), and
// WriteFindingsJson of all findings to a stream that drops its bytes; each the median of
// --repeat runs. This is `argmap check` without process start, load and output file.
//
// The process's heap is prepared as the argmap binary's is (cli/process_heap.h: one arena on
// 2 MiB pages), so that the floors get the same page faults as argmap: none to speak of.
//
//   floor_bench MAP.argdown [--store DIR] [--scratch DIR] [--repeat N] [--write-threads N]
//               [--argmap-checks] [--json]
//
// Prints one line per figure, or with --json one JSON object (bench/run reads it).
#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/table.h>
#include <sys/resource.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench/bench_clock.h"
#include "cli/process_heap.h"
#include "formats/argdown_reader.h"
#include "formats/findings_writer.h"
#include "graph/argument_map.h"
#include "graph/checks.h"

namespace argmap {
namespace {

using ::argmap::bench::CpuSeconds;
using ::argmap::bench::PeakMiB;
using ::argmap::bench::Seconds;

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Timing.

struct Timing {
  double wall = 0, cpu = 0;
};

// Runs `work` `runs` times and returns the run with the median wall time.
Timing Median(int runs, const std::function<void()>& work) {
  std::vector<Timing> timings;
  for (int r = 0; r < runs; ++r) {
    auto start = std::chrono::steady_clock::now();
    double cpu = CpuSeconds();
    work();
    timings.push_back(
        {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
         CpuSeconds() - cpu});
  }
  std::sort(timings.begin(), timings.end(),
            [](const Timing& a, const Timing& b) { return a.wall < b.wall; });
  return timings[timings.size() / 2];
}

[[noreturn]] void Fail(const char* format, ...) {
  va_list args;
  va_start(args, format);
  std::fputs("floor_bench: ", stderr);
  std::vfprintf(stderr, format, args);
  std::fputc('\n', stderr);
  va_end(args);
  std::exit(2);
}

// ---------------------------------------------------------------------------------------------
// The traversal floor.

struct FloorEdge {
  RelationType type = RelationType::kSupports;
};

using FloorGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         boost::no_property, FloorEdge>;
using FloorVertex = FloorGraph::vertex_descriptor;

bool IsSupport(RelationType type) {
  return type == RelationType::kSupports || type == RelationType::kPremise ||
         type == RelationType::kConclusion;
}

// The map's topology, its objectives and theses, in plain Boost.Graph terms.
struct FloorMap {
  FloorGraph graph;
  std::vector<FloorVertex> objectives, theses;
};

FloorMap CopyTopology(const ArgumentMap& map) {
  const Graph& source = map.graph();
  FloorMap floor;
  floor.graph = FloorGraph(boost::num_vertices(source));
  for (Edge e : boost::make_iterator_range(boost::edges(source))) {
    RelationType type = source[e].type;
    Vertex from = boost::source(e, source), to = boost::target(e, source);
    boost::add_edge(from, to, FloorEdge{type}, floor.graph);
    if (type == RelationType::kContradicts) boost::add_edge(to, from, FloorEdge{type}, floor.graph);
  }
  for (Vertex v : boost::make_iterator_range(boost::vertices(source))) {
    const VertexData& data = map.vertex(v);
    if (data.kind != NodeKind::kStatement) continue;
    const Statement& s = map.statements()[data.index];
    if (s.role == Role::kObjective) floor.objectives.push_back(v);
    if (s.thesis) floor.theses.push_back(v);
  }
  return floor;
}

// One backward search over (vertex, sign) pairs per objective; returns the pairs reached, summed
// over the objectives. seen[v] holds bit 0 for (v, +), bit 1 for (v, -).
size_t SignedSearches(const FloorMap& floor) {
  const FloorGraph& g = floor.graph;
  std::vector<uint8_t> seen(boost::num_vertices(g));
  std::vector<uint32_t> queue(2 * boost::num_vertices(g));
  size_t reached = 0;
  for (FloorVertex objective : floor.objectives) {
    std::fill(seen.begin(), seen.end(), 0);
    size_t head = 0, tail = 0;
    seen[objective] = 1;
    queue[tail++] = static_cast<uint32_t>(objective) << 1;
    while (head < tail) {
      uint32_t state = queue[head++];
      FloorVertex v = state >> 1;
      uint32_t negative = state & 1;
      for (auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
        FloorVertex u = boost::source(e, g);
        uint32_t sign = negative ^ (RelationSign(g[e].type) < 0 ? 1u : 0u);
        if (seen[u] >> sign & 1) continue;
        seen[u] |= 1 << sign;
        queue[tail++] = static_cast<uint32_t>(u) << 1 | sign;
      }
    }
    reached += tail;
  }
  return reached;
}

// One backward search over (vertex, sign) pairs from all objectives together; returns the pairs
// reached.
size_t SignedSearchOnce(const FloorMap& floor) {
  const FloorGraph& g = floor.graph;
  std::vector<uint8_t> seen(boost::num_vertices(g));
  std::vector<uint32_t> queue;
  queue.reserve(2 * boost::num_vertices(g));
  for (FloorVertex objective : floor.objectives) {
    if (!(seen[objective] & 1)) queue.push_back(static_cast<uint32_t>(objective) << 1);
    seen[objective] |= 1;
  }
  for (size_t head = 0; head < queue.size(); ++head) {
    FloorVertex v = queue[head] >> 1;
    uint32_t negative = queue[head] & 1;
    for (auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
      FloorVertex u = boost::source(e, g);
      uint32_t sign = negative ^ (RelationSign(g[e].type) < 0 ? 1u : 0u);
      if (seen[u] >> sign & 1) continue;
      seen[u] |= 1 << sign;
      queue.push_back(static_cast<uint32_t>(u) << 1 | sign);
    }
  }
  return queue.size();
}

// Every vertex from which a support walk reaches a thesis (the theses included).
size_t CommitmentSearch(const FloorMap& floor) {
  const FloorGraph& g = floor.graph;
  std::vector<uint8_t> seen(boost::num_vertices(g));
  std::vector<uint32_t> queue;
  queue.reserve(boost::num_vertices(g));
  for (FloorVertex t : floor.theses) {
    if (!seen[t]) queue.push_back(static_cast<uint32_t>(t));
    seen[t] = 1;
  }
  for (size_t head = 0; head < queue.size(); ++head) {
    for (auto e : boost::make_iterator_range(boost::in_edges(queue[head], g))) {
      FloorVertex u = boost::source(e, g);
      if (!IsSupport(g[e].type) || seen[u]) continue;
      seen[u] = 1;
      queue.push_back(static_cast<uint32_t>(u));
    }
  }
  return queue.size();
}

struct SupportEdgesOnly {
  const FloorGraph* g = nullptr;
  bool operator()(FloorGraph::edge_descriptor e) const { return IsSupport((*g)[e].type); }
};

// The number of strongly connected components of the support subgraph.
size_t SupportComponents(const FloorMap& floor) {
  boost::filtered_graph<FloorGraph, SupportEdgesOnly> support(floor.graph,
                                                              SupportEdgesOnly{&floor.graph});
  std::vector<uint32_t> component(boost::num_vertices(floor.graph));
  return boost::strong_components(
      support, boost::make_iterator_property_map(component.begin(),
                                                 boost::get(boost::vertex_index, floor.graph)));
}

// Vertices reached, summed over the objectives, by boost::breadth_first_search on the reversed
// graph (signs ignored).
size_t PlainSearches(const FloorMap& floor) {
  auto reversed = boost::make_reverse_graph(floor.graph);
  std::vector<boost::default_color_type> colors(boost::num_vertices(floor.graph));
  auto color_map =
      boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, reversed));
  size_t reached = 0;
  struct Counter : boost::default_bfs_visitor {
    size_t* reached;
    void discover_vertex(FloorVertex, const decltype(reversed)&) const { ++*reached; }
  };
  Counter counter;
  counter.reached = &reached;
  boost::queue<FloorVertex> queue;
  for (FloorVertex objective : floor.objectives) {
    std::fill(colors.begin(), colors.end(), boost::white_color);
    boost::breadth_first_visit(reversed, objective, queue, counter, color_map);
  }
  return reached;
}

// ---------------------------------------------------------------------------------------------
// The write floor.

// Every key and value of a store, in key order, in one buffer.
struct Entries {
  struct Entry {
    uint64_t offset;
    uint32_t key_size, value_size;
  };
  std::string bytes;
  std::vector<Entry> entries;
  uint64_t key_bytes = 0, value_bytes = 0;

  rocksdb::Slice Key(size_t i) const {
    return {bytes.data() + entries[i].offset, entries[i].key_size};
  }
  rocksdb::Slice Value(size_t i) const {
    return {bytes.data() + entries[i].offset + entries[i].key_size, entries[i].value_size};
  }
};

class SilentLogger : public rocksdb::Logger {
 public:
  using rocksdb::Logger::Logv;
  void Logv(const char*, va_list) override {}
};

// As StoreOptions in storage/database.cc.
rocksdb::Options ArgmapOptions() {
  rocksdb::Options options;
  options.create_if_missing = true;
  options.compression = rocksdb::kNoCompression;
  options.write_buffer_size = 128 << 20;
  options.max_open_files = -1;
  options.level_compaction_dynamic_level_bytes = true;
  options.max_background_jobs = 2;
  options.keep_log_file_num = 2;
  options.max_log_file_size = 4 << 20;
  rocksdb::BlockBasedTableOptions table;
  table.block_size = 16 << 10;
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return options;
}

void Require(const rocksdb::Status& s, const std::string& what) {
  if (!s.ok()) Fail("%s: %s", what.c_str(), s.ToString().c_str());
}

// Calls visit(key, value) for every entry of the store in dir, in key order.
void ScanStore(const std::string& dir,
               const std::function<void(rocksdb::Slice, rocksdb::Slice)>& visit) {
  rocksdb::Options options = ArgmapOptions();
  options.create_if_missing = false;
  options.info_log = std::make_shared<SilentLogger>();  // writes nothing into the store
  rocksdb::DB* raw = nullptr;
  Require(rocksdb::DB::OpenForReadOnly(options, dir, &raw), "opening " + dir);
  std::unique_ptr<rocksdb::DB> db(raw);
  rocksdb::ReadOptions read;
  read.verify_checksums = true;
  read.readahead_size = 8 << 20;
  read.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(read));
  for (it->SeekToFirst(); it->Valid(); it->Next()) visit(it->key(), it->value());
  Require(it->status(), "reading " + dir);
}

Entries ReadStore(const std::string& dir) {
  Entries out;
  ScanStore(dir, [&out](rocksdb::Slice key, rocksdb::Slice value) {
    out.entries.push_back(
        {out.bytes.size(), static_cast<uint32_t>(key.size()), static_cast<uint32_t>(value.size())});
    out.bytes.append(key.data(), key.size());
    out.bytes.append(value.data(), value.size());
    out.key_bytes += key.size();
    out.value_bytes += value.size();
  });
  return out;
}

// Writes entries [begin, end) into one table file.
void WriteTableFile(const Entries& entries, size_t begin, size_t end, const std::string& path,
                    const rocksdb::Options& options) {
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options);
  Require(writer.Open(path), "creating " + path);
  for (size_t i = begin; i < end; ++i) {
    Require(writer.Put(entries.Key(i), entries.Value(i)), "writing " + path);
  }
  Require(writer.Finish(), "finishing " + path);
}

// A fresh database in dir holding every entry: table files written on `threads` threads over
// contiguous ranges of about equal bytes, then ingested.
void RawWrite(const Entries& entries, const std::string& dir, int threads) {
  fs::remove_all(dir);
  rocksdb::Options options = ArgmapOptions();
  rocksdb::DB* raw = nullptr;
  Require(rocksdb::DB::Open(options, dir, &raw), "creating " + dir);
  std::unique_ptr<rocksdb::DB> db(raw);
  const std::string ingest = dir + "/ingest";
  fs::create_directories(ingest);
  std::vector<size_t> bounds = {0};
  const uint64_t total = entries.bytes.size();
  for (size_t i = 0; i < entries.entries.size() && bounds.size() < size_t(threads); ++i) {
    if (entries.entries[i].offset >= total * bounds.size() / threads) bounds.push_back(i);
  }
  bounds.push_back(entries.entries.size());
  std::vector<std::string> files;
  std::vector<std::thread> writers;
  for (size_t part = 0; part + 1 < bounds.size(); ++part) {
    if (bounds[part] == bounds[part + 1]) continue;
    files.push_back(ingest + "/part-" + std::to_string(part) + ".sst");
    writers.emplace_back(WriteTableFile, std::cref(entries), bounds[part], bounds[part + 1],
                         files.back(), std::cref(options));
  }
  for (std::thread& t : writers) t.join();
  rocksdb::IngestExternalFileOptions ingest_options;
  ingest_options.move_files = true;
  Require(db->IngestExternalFile(files, ingest_options), "ingesting into " + dir);
  fs::remove_all(ingest);
  Require(db->Close(), "closing " + dir);
}

// ---------------------------------------------------------------------------------------------

struct Flags {
  std::string map_file, store, scratch;
  int repeat = 3, write_threads = 2;
  bool json = false, argmap_checks = false;
};

Flags ParseFlags(int argc, char** argv) {
  Flags flags;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    bool has_value = i + 1 < argc;
    if (arg == "--store" && has_value) {
      flags.store = argv[++i];
    } else if (arg == "--scratch" && has_value) {
      flags.scratch = argv[++i];
    } else if (arg == "--repeat" && has_value) {
      flags.repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--write-threads" && has_value) {
      flags.write_threads = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--json") {
      flags.json = true;
    } else if (arg == "--argmap-checks") {
      flags.argmap_checks = true;
    } else if (flags.map_file.empty() && arg.rfind("--", 0) != 0) {
      flags.map_file = arg;
    } else {
      Fail(
          "usage: floor_bench MAP.argdown [--store DIR] [--scratch DIR] [--repeat N] "
          "[--write-threads N] [--argmap-checks] [--json]");
    }
  }
  if (flags.map_file.empty()) Fail("no Argdown file given");
  if (flags.scratch.empty() && !flags.store.empty()) flags.scratch = flags.store + ".floor";
  return flags;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Fail("cannot read %s", path.c_str());
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

// The figures, printed as "name: value" lines or as one JSON object.
class Report {
 public:
  explicit Report(bool json) : json_(json) {}
  void Count(const char* name, double value) { Add(name, Format("%.0f", value)); }
  void Time(const char* name, Timing t) {
    Add((std::string(name) + "_s").c_str(), Format("%.4f", t.wall));
    Add((std::string(name) + "_cpu_s").c_str(), Format("%.4f", t.cpu));
  }
  void Print() const {
    if (!json_) {
      for (const auto& [name, value] : fields_)
        std::printf("%-28s %s\n", name.c_str(), value.c_str());
      return;
    }
    std::printf("{");
    for (size_t i = 0; i < fields_.size(); ++i) {
      std::printf("%s\"%s\": %s", i ? ", " : "", fields_[i].first.c_str(),
                  fields_[i].second.c_str());
    }
    std::printf("}\n");
  }

 private:
  static std::string Format(const char* format, double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, value);
    return buf;
  }
  void Add(const char* name, std::string value) { fields_.emplace_back(name, std::move(value)); }

  bool json_;
  std::vector<std::pair<std::string, std::string>> fields_;
};

ArgumentMap ReadMap(const Flags& flags, Report* report) {
  std::string text = ReadFile(flags.map_file);
  ArgumentMap map;
  std::vector<Diagnostic> diagnostics;
  Timing parse = Median(1, [&] {
    Status s = ReadArgdown(text, flags.map_file, &map, &diagnostics);
    if (!s.ok()) Fail("%s", s.message().c_str());
  });
  report->Time("parse_not_in_floor", parse);
  return map;
}

void TraversalFloor(const ArgumentMap& map, const Flags& flags, Report* report) {
  FloorMap floor;
  Timing copy = Median(1, [&] { floor = CopyTopology(map); });
  report->Time("copy_topology_not_in_floor", copy);
  report->Count("vertices", boost::num_vertices(floor.graph));
  report->Count("edges", boost::num_edges(floor.graph));
  report->Count("objectives", floor.objectives.size());
  report->Count("theses", floor.theses.size());

  size_t pairs = 0, pairs_once = 0, commitments = 0, components = 0, plain = 0;
  Timing signed_bfs = Median(flags.repeat, [&] { pairs = SignedSearches(floor); });
  Timing signed_once = Median(flags.repeat, [&] { pairs_once = SignedSearchOnce(floor); });
  Timing commit_bfs = Median(flags.repeat, [&] { commitments = CommitmentSearch(floor); });
  Timing scc = Median(flags.repeat, [&] { components = SupportComponents(floor); });
  Timing plain_bfs = Median(flags.repeat, [&] { plain = PlainSearches(floor); });
  report->Time("signed_bfs", signed_bfs);
  report->Count("signed_pairs_reached", pairs);
  report->Time("signed_once", signed_once);
  report->Count("signed_once_pairs_reached", pairs_once);
  report->Time("commit_bfs", commit_bfs);
  report->Count("commitments", commitments);
  report->Time("scc", scc);
  report->Count("support_components", components);
  report->Time("traversal_floor", {signed_bfs.wall + commit_bfs.wall + scc.wall,
                                   signed_bfs.cpu + commit_bfs.cpu + scc.cpu});
  report->Time("one_pass_floor", {signed_once.wall + commit_bfs.wall + scc.wall,
                                  signed_once.cpu + commit_bfs.cpu + scc.cpu});
  report->Time("plain_bfs_not_in_floor", plain_bfs);
  report->Count("plain_vertices_reached", plain);
}

// argmap's own checks on the same map, in this process: all together, each alone, and the
// rendering of all findings as JSON (to a stream that drops its bytes).
void ArgmapChecks(const ArgumentMap& map, const Flags& flags, Report* report) {
  std::vector<Finding> findings;
  auto run = [&map](const CheckOptions& options, std::vector<Finding>* out) {
    Status s = RunChecks(map, options, out);
    if (!s.ok()) Fail("%s", s.message().c_str());
  };
  report->Time("argmap_checks", Median(flags.repeat, [&] { run(CheckOptions{}, &findings); }));
  report->Count("argmap_findings", findings.size());
  for (std::string_view id : CheckIds()) {
    std::vector<Finding> only;
    Timing t = Median(flags.repeat, [&] { run(CheckOptions{{std::string(id)}, -1}, &only); });
    std::string name = "argmap_check_" + std::string(id);
    std::replace(name.begin(), name.end(), '-', '_');
    report->Time(name.c_str(), t);
  }
  struct NullBuffer : std::streambuf {
    int overflow(int c) override { return c; }
    std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
  } null_buffer;
  std::ostream null(&null_buffer);
  report->Time("argmap_findings_json",
               Median(flags.repeat, [&] { WriteFindingsJson(map, findings, null); }));
}

void WriteFloor(const Flags& flags, Report* report) {
  Entries entries = ReadStore(flags.store);
  report->Count("store_keys", entries.entries.size());
  report->Count("store_key_bytes", entries.key_bytes);
  report->Count("store_value_bytes", entries.value_bytes);
  Timing write =
      Median(flags.repeat, [&] { RawWrite(entries, flags.scratch, flags.write_threads); });
  report->Time("rocksdb_write", write);
  uint64_t scanned = 0;
  Timing scan = Median(flags.repeat, [&] {
    scanned = 0;
    ScanStore(flags.store, [&scanned](rocksdb::Slice key, rocksdb::Slice value) {
      scanned += key.size() + value.size();
    });
  });
  report->Time("rocksdb_scan", scan);
  report->Count("scanned_bytes", scanned);
  report->Count("write_threads", flags.write_threads);
  fs::remove_all(flags.scratch);
}

int Main(int argc, char** argv) {
  // The same heap as the argmap binary's, so that the floors and argmap's in-process checks
  // beside them get the same 2 MiB pages.
  PrepareProcessHeap();
  Flags flags = ParseFlags(argc, argv);
  Report report(flags.json);
  {
    ArgumentMap map = ReadMap(flags, &report);
    TraversalFloor(map, flags, &report);
    if (flags.argmap_checks) ArgmapChecks(map, flags, &report);
  }
  if (!flags.store.empty()) WriteFloor(flags, &report);
  report.Count("peak_rss_mib", PeakMiB());
  report.Print();
  return 0;
}

}  // namespace
}  // namespace argmap

int main(int argc, char** argv) { return argmap::Main(argc, argv); }
