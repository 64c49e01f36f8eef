// check_bench: times RunChecks (and the two renderers) on a synthetic map built in memory.
//
// Two shapes of map, both deterministic (splitmix64, fixed seeds), both with N statements (default
// 1,000,000) of which 20 objectives and 200 actions, about N/6 arguments with one- or two-step
// premise-conclusion structures, about 1.5 relations per statement of all four types, theses,
// warrants, backings, evidence with and without sources:
// - dag (default): the shape of bench/gen_map.py (see DagGenerator);
// - random: relation ends drawn uniformly (see RandomGenerator), a stress case for the size of
//   the report rather than a realistic map.
//
// Build (after building the graph and formats libraries in build/):
//   g++ -std=c++20 -O2 -I. bench/check_bench.cc build/libargmap_formats.a
//       build/libargmap_graph.a -o build/check_bench    (one line)
// Run:
//   /usr/bin/time -v build/check_bench [statements [objectives [actions]]] [--shape dag|random]
//                                      [--only ID]... [--checks-only]
// It prints the time of all checks together, the evidence they produced, then (unless --only or
// --checks-only) each check alone and the text and JSON renderings.
#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "bench/bench_clock.h"
#include "formats/findings_writer.h"
#include "graph/argument_map.h"
#include "graph/checks.h"

namespace argmap {
namespace {

using ::argmap::bench::CpuSeconds;
using ::argmap::bench::PeakMiB;
using ::argmap::bench::Seconds;

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint64_t Below(uint64_t n) { return Next() % n; }
  bool Percent(int p) { return Below(100) < static_cast<uint64_t>(p); }

 private:
  uint64_t state_;
};

struct Sizes {
  size_t statements = 1000000, objectives = 20, actions = 200, theses = 50;
};

// The resident set now (VmRSS) or its peak since the last ResetPeak (VmHWM), from /proc.
double ProcMiB(const char* key) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(key, 0) == 0)
      return std::strtod(line.c_str() + std::strlen(key), nullptr) / 1024;
  }
  return 0;
}

// Lets VmHWM measure the checks alone (Linux: writing 5 to clear_refs resets the peak).
void ResetPeak() { std::ofstream("/proc/self/clear_refs") << "5"; }

void Require(const Status& s) {
  if (!s.ok()) {
    std::fprintf(stderr, "check_bench: %s\n", s.message().c_str());
    std::exit(2);
  }
}

// A pool of statement indices of some roles, ascending, for draws below a bound.
class Pool {
 public:
  void Add(size_t i) { indices_.push_back(i); }
  bool empty() const { return indices_.empty(); }
  size_t size() const { return indices_.size(); }
  size_t operator[](size_t k) const { return indices_[k]; }
  // An index < bound (within the 64 below it when local), or npos.
  size_t DrawBelow(Random& r, size_t bound, bool local) const {
    size_t hi = std::lower_bound(indices_.begin(), indices_.end(), bound) - indices_.begin();
    if (hi == 0) return npos;
    size_t lo =
        local ? std::lower_bound(indices_.begin(), indices_.end(), bound < 64 ? 0 : bound - 64) -
                    indices_.begin()
              : 0;
    return lo >= hi ? npos : indices_[lo + r.Below(hi - lo)];
  }
  // An index in (low, high), or npos.
  size_t DrawBetween(Random& r, size_t low, size_t high) const {
    size_t lo = std::upper_bound(indices_.begin(), indices_.end(), low) - indices_.begin();
    size_t hi = std::lower_bound(indices_.begin(), indices_.end(), high) - indices_.begin();
    return lo >= hi ? npos : indices_[lo + r.Below(hi - lo)];
  }
  static constexpr size_t npos = SIZE_MAX;

 private:
  std::vector<size_t> indices_;
};

// The shape of the project's bench/gen_map.py, drawn with another random stream: every relation
// and premise -> conclusion runs from a statement to one defined before it (70 % within the 64
// before), so support drains towards the objectives (statements 0..19); 3 + log2(N/1000) theses
// in the middle third; N/6 arguments after their last statement; planted support cycles; the last
// two objectives attack the one before.
class DagGenerator {
 public:
  explicit DagGenerator(Sizes sizes) : sizes_(sizes), random_(1) {}

  ArgumentMap Build() {
    size_t n = sizes_.statements;
    map_.Reserve(n, n / 6, n * 3 / 2);
    AssignRoles();
    DrawArguments();
    size_t next_argument = 0;
    for (size_t i = 0; i < n; ++i) {
      AddStatement(i);
      for (; next_argument < arguments_.size() && argument_at_[next_argument] == i;
           ++next_argument) {
        AddArgument(next_argument);
      }
    }
    DrawRelations();
    PlantCycles();
    for (size_t k = sizes_.objectives >= 3 ? sizes_.objectives - 2 : 1; k < sizes_.objectives;
         ++k) {
      Relate(RelationType::kAttacks, ids_[k], ids_[k - 1]);
    }
    return std::move(map_);
  }

 private:
  enum Kind { kObjective, kAction, kClaim, kEvidence, kWarrant, kBacking, kAssumption, kOrphan };

  void AssignRoles() {
    size_t n = sizes_.statements;
    kinds_.resize(n);
    for (size_t i = 0; i < n; ++i) {
      uint64_t r = random_.Below(1000);
      kinds_[i] = r < 120   ? kEvidence
                  : r < 150 ? kWarrant
                  : r < 160 ? kBacking
                  : r < 170 ? kAssumption
                  : r < 175 ? kOrphan
                            : kClaim;
    }
    for (size_t k = 0; k < sizes_.actions; ++k) {
      kinds_[sizes_.objectives + k * (n - sizes_.objectives) / sizes_.actions] = kAction;
    }
    for (size_t i = 0; i < sizes_.objectives; ++i) kinds_[i] = kObjective;
    size_t bits = std::bit_width(n);  // as Python's int.bit_length
    size_t theses = 3 + (bits > 10 ? bits - 10 : 0);
    for (size_t tries = 0; theses_.size() < theses && tries < theses * 20; ++tries) {
      size_t i = n / 3 + random_.Below(std::max<size_t>(1, n / 3));
      if (kinds_[i] == kClaim) theses_.insert(i);
    }
    for (size_t i = 0; i < n; ++i) {
      Kind k = kinds_[i];
      if (k == kClaim || k == kAssumption || k == kObjective) targets_.Add(i);
      if (k == kClaim || k == kAssumption || k == kEvidence) contradictables_.Add(i);
      if (k == kEvidence) evidence_.Add(i);
      if (k == kWarrant) warrants_.Add(i);
      if (k == kClaim) claims_.Add(i);
    }
  }

  std::vector<size_t> DrawPremises(size_t low, size_t high, int count, bool with_warrant) {
    std::vector<size_t> premises;
    for (int c = 0; c < count; ++c) {
      size_t p = claims_.DrawBetween(random_, low, high);
      if (p == Pool::npos) p = evidence_.DrawBetween(random_, low, high);
      if (p != Pool::npos && std::find(premises.begin(), premises.end(), p) == premises.end()) {
        premises.push_back(p);
      }
    }
    if (with_warrant && !premises.empty() && random_.Percent(60)) {
      size_t w = warrants_.DrawBelow(random_, high, false);
      if (w != Pool::npos && std::find(premises.begin(), premises.end(), w) == premises.end()) {
        premises.push_back(w);
      }
    }
    return premises;
  }

  using Steps = std::vector<std::pair<std::vector<size_t>, size_t>>;

  void DrawArguments() {
    size_t count = sizes_.statements / 6;
    for (size_t k = 0; k < count && !claims_.empty(); ++k) {
      size_t at = claims_[k * claims_.size() / count];
      size_t conclusion = claims_.DrawBelow(random_, at, !random_.Percent(20));
      if (conclusion == Pool::npos) continue;
      Steps steps;
      if (random_.Percent(30)) {
        size_t middle = claims_.DrawBetween(random_, conclusion, at);
        if (middle != Pool::npos) {
          std::vector<size_t> first = DrawPremises(middle, at + 1, 2, false);
          std::vector<size_t> second = {middle};
          for (size_t p : DrawPremises(middle, at + 1, 1, true)) {
            if (std::find(first.begin(), first.end(), p) == first.end()) second.push_back(p);
          }
          if (!first.empty()) steps = {{first, middle}, {second, conclusion}};
        }
      }
      if (steps.empty()) {
        std::vector<size_t> premises = DrawPremises(conclusion, at + 1, 2, true);
        if (premises.empty()) continue;
        steps = {{premises, conclusion}};
      }
      arguments_.push_back(std::move(steps));
      argument_at_.push_back(at);
    }
  }

  void AddStatement(size_t i) {
    static const char* kNames[] = {"Objective", "Action",  "Claim",      "Evidence",
                                   "Warrant",   "Backing", "Assumption", "Claim"};
    static const Role kRoles[] = {Role::kObjective,  Role::kAction,  Role::kClaim,
                                  Role::kEvidence,   Role::kWarrant, Role::kBacking,
                                  Role::kAssumption, Role::kClaim};
    Statement s;
    s.title = std::string(kNames[kinds_[i]]) + " " + std::to_string(i);
    s.text = "Generated statement number " + std::to_string(i) + ".";
    s.role = kRoles[kinds_[i]];
    s.thesis = theses_.count(i) > 0;
    if (kinds_[i] == kEvidence && (i * 2654435761u) % 1000 < 500) {
      s.source = "Source " + std::to_string(i % 997);
    }
    NodeId id = kNoNode;
    Require(map_.AddStatement(std::move(s), &id));
    ids_.push_back(id);
  }

  void AddArgument(size_t k) {
    Argument a;
    a.title = "Argument " + std::to_string(k);
    for (const auto& [premises, conclusion] : arguments_[k]) {
      InferenceStep step;
      for (size_t p : premises) {
        step.premises.push_back(ids_[p]);
        if (kinds_[p] == kWarrant) a.warrant = ids_[p];
      }
      step.conclusion = ids_[conclusion];
      a.steps.push_back(std::move(step));
    }
    NodeId id = kNoNode;
    Require(map_.AddArgument(std::move(a), &id));
    argument_ids_.push_back(id);
  }

  void Relate(RelationType type, NodeId from, NodeId to) {
    if (from != to) (void)map_.AddRelation(type, from, to);
  }

  void RelateBelow(RelationType type, size_t i, const Pool& pool, bool local) {
    size_t j = pool.DrawBelow(random_, i, local);
    if (j != Pool::npos) Relate(type, ids_[i], ids_[j]);
  }

  void DrawRelations() {
    for (size_t i = 0; i < kinds_.size(); ++i) {
      Kind k = kinds_[i];
      if (k == kObjective || k == kWarrant || k == kOrphan) continue;
      if (k == kBacking) {
        RelateBelow(RelationType::kSupports, i, warrants_, false);
        continue;
      }
      uint64_t d = random_.Below(100);
      int degree = d < 10 ? 0 : d < 50 ? 1 : d < 85 ? 2 : 3;
      for (int e = 0; e < degree; ++e) {
        uint64_t r = random_.Below(100);
        bool local = random_.Percent(70);
        if (k == kAction && r >= 82) r = 0;
        if (r < 55) {
          RelateBelow(RelationType::kSupports, i, targets_, local);
        } else if (r < 82) {
          RelateBelow(RelationType::kAttacks, i, random_.Percent(10) ? evidence_ : targets_, local);
        } else if (r < 90) {
          RelateBelow(RelationType::kContradicts, i, contradictables_, local);
        } else if (!argument_ids_.empty()) {
          Relate(RelationType::kUndercuts, ids_[i],
                 argument_ids_[random_.Below(argument_ids_.size())]);
        }
      }
    }
  }

  void PlantCycles() {
    size_t wanted = 3 + sizes_.statements / 5000, planted = 0;
    for (size_t tries = 0; tries < wanted * 10 && planted < wanted; ++tries) {
      std::vector<size_t> chain = {claims_.DrawBelow(random_, kinds_.size(), false)};
      for (uint64_t c = 1 + random_.Below(4); c > 0; --c) {
        size_t below = claims_.DrawBelow(random_, chain.back(), true);
        if (below == Pool::npos || std::find(chain.begin(), chain.end(), below) != chain.end()) {
          break;
        }
        chain.push_back(below);
      }
      if (chain.size() < 2) continue;
      for (size_t c = 0; c < chain.size(); ++c) {
        Relate(RelationType::kSupports, ids_[chain[c]], ids_[chain[(c + 1) % chain.size()]]);
      }
      ++planted;
    }
    for (size_t k = 0; k < arguments_.size(); k += std::max<size_t>(1, arguments_.size() / 3)) {
      Relate(RelationType::kSupports, ids_[arguments_[k].back().second],
             ids_[arguments_[k][0].first[0]]);
    }
  }

  Sizes sizes_;
  Random random_;
  ArgumentMap map_;
  std::vector<Kind> kinds_;
  std::set<size_t> theses_;
  Pool targets_, contradictables_, evidence_, warrants_, claims_;
  std::vector<Steps> arguments_;
  std::vector<size_t> argument_at_;
  std::vector<NodeId> ids_, argument_ids_;
};

// The stress case: relation ends drawn uniformly over the whole map, so support and the signed
// view form giant strongly connected components and nearly everything is a commitment.
class RandomGenerator {
 public:
  explicit RandomGenerator(Sizes sizes) : sizes_(sizes), random_(20240611) {}

  ArgumentMap Build() {
    map_.Reserve(sizes_.statements, sizes_.statements / 6, sizes_.statements * 3 / 2);
    AddStatements();
    AddArguments();
    AddRelations();
    return std::move(map_);
  }

 private:
  Role RoleAt(size_t i) {
    if (i < sizes_.objectives) return Role::kObjective;
    if (i < sizes_.objectives + sizes_.actions) return Role::kAction;
    uint64_t r = random_.Below(100);
    if (r < 8) return Role::kEvidence;
    if (r < 11) return Role::kWarrant;
    if (r < 12) return Role::kBacking;
    if (r < 14) return Role::kAssumption;
    return Role::kClaim;
  }

  void AddStatements() {
    ids_.reserve(sizes_.statements);
    for (size_t i = 0; i < sizes_.statements; ++i) {
      Statement s;
      s.title = "Statement " + std::to_string(i);
      s.role = RoleAt(i);
      if (s.role == Role::kEvidence && random_.Percent(50))
        s.source = "Source " + std::to_string(i);
      if (s.role == Role::kClaim && theses_ < sizes_.theses && random_.Below(10000) < 1) {
        s.thesis = true;
        ++theses_;
      }
      if (s.role == Role::kWarrant) warrants_.push_back(i);
      NodeId id = kNoNode;
      Require(map_.AddStatement(std::move(s), &id));
      ids_.push_back(id);
    }
  }

  NodeId AnyStatement() { return ids_[random_.Below(ids_.size())]; }

  InferenceStep Step(std::vector<NodeId> premises, NodeId conclusion) {
    InferenceStep step;
    step.premises = std::move(premises);
    step.conclusion = conclusion;
    return step;
  }

  void AddArguments() {
    size_t count = sizes_.statements / 6;
    arguments_.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      Argument a;
      a.title = "Argument " + std::to_string(i);
      NodeId p1 = AnyStatement(), p2 = AnyStatement(), conclusion = AnyStatement();
      std::vector<NodeId> premises = {p1};
      if (p2 != p1) premises.push_back(p2);
      if (!warrants_.empty() && random_.Percent(50)) {
        a.warrant = ids_[warrants_[random_.Below(warrants_.size())]];
        if (std::find(premises.begin(), premises.end(), a.warrant) == premises.end()) {
          premises.push_back(a.warrant);
        }
      }
      if (random_.Percent(30)) {
        NodeId mid = AnyStatement(), p3 = AnyStatement();
        a.steps.push_back(Step(std::move(premises), mid));
        a.steps.push_back(
            Step(p3 == mid ? std::vector<NodeId>{mid} : std::vector<NodeId>{mid, p3}, conclusion));
      } else {
        a.steps.push_back(Step(std::move(premises), conclusion));
      }
      NodeId id = kNoNode;
      Require(map_.AddArgument(std::move(a), &id));
      arguments_.push_back(id);
    }
  }

  void TryRelation(RelationType type, NodeId from, NodeId to) {
    if (map_.AddRelation(type, from, to).ok()) ++relations_;
  }

  void AddRelations() {
    size_t wanted = sizes_.statements * 3 / 2;
    while (relations_ < wanted) {
      uint64_t r = random_.Below(100);
      NodeId from =
          random_.Percent(10) ? arguments_[random_.Below(arguments_.size())] : AnyStatement();
      if (r < 45) {
        TryRelation(RelationType::kSupports, from, AnyStatement());
      } else if (r < 75) {
        TryRelation(RelationType::kAttacks, from, AnyStatement());
      } else if (r < 85) {
        TryRelation(RelationType::kContradicts, AnyStatement(), AnyStatement());
      } else {
        TryRelation(RelationType::kUndercuts, from, arguments_[random_.Below(arguments_.size())]);
      }
    }
    for (size_t o = 0; o < sizes_.objectives; ++o) {
      for (int k = 0; k < 200; ++k) {
        TryRelation(random_.Percent(50) ? RelationType::kSupports : RelationType::kAttacks,
                    AnyStatement(), ids_[o]);
      }
    }
    for (size_t a = 0; a < sizes_.actions; ++a) {
      for (int k = 0; k < 3; ++k) {
        TryRelation(random_.Percent(70) ? RelationType::kSupports : RelationType::kAttacks,
                    ids_[sizes_.objectives + a], AnyStatement());
      }
    }
  }

  Sizes sizes_;
  Random random_;
  ArgumentMap map_;
  std::vector<NodeId> ids_, arguments_;
  std::vector<size_t> warrants_;
  size_t theses_ = 0, relations_ = 0;
};

int Main(int argc, char** argv) {
  Sizes sizes;
  std::vector<size_t*> positional = {&sizes.statements, &sizes.objectives, &sizes.actions};
  CheckOptions options;
  bool checks_only = false, random_shape = false;
  for (int i = 1, next = 0; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--only" && i + 1 < argc) {
      options.only.push_back(argv[++i]);
    } else if (arg == "--shape" && i + 1 < argc) {
      random_shape = std::string(argv[++i]) == "random";
    } else if (arg == "--checks-only") {
      checks_only = true;
    } else if (next < 3) {
      *positional[next++] = std::strtoull(argv[i], nullptr, 10);
    }
  }
  auto start = std::chrono::steady_clock::now();
  ArgumentMap map = random_shape ? RandomGenerator(sizes).Build() : DagGenerator(sizes).Build();
  std::printf("map: %zu statements, %zu arguments, %zu relations, %zu vertices, %zu edges\n",
              map.statements().size(), map.arguments().size(), map.relations().size(),
              boost::num_vertices(map.graph()), boost::num_edges(map.graph()));
  std::printf("build: %.2f s, peak RSS %.0f MiB\n", Seconds(start), PeakMiB());
  // Building frees many small blocks; glibc merges them at the next large allocation, which
  // would otherwise land in the first check timed below. Timed here, as part of the build.
  start = std::chrono::steady_clock::now();
  malloc_trim(0);
  std::printf("heap settle after build (malloc_trim): %.2f s; resident %.0f MiB\n", Seconds(start),
              ProcMiB("VmRSS:"));
  ResetPeak();

  start = std::chrono::steady_clock::now();
  double cpu = CpuSeconds();
  std::vector<Finding> findings;
  Require(RunChecks(map, options, &findings));
  double all = Seconds(start);
  std::printf(
      "all checks: %.3f s (cpu %.3f s), %zu findings, peak resident during checks %.0f MiB\n", all,
      CpuSeconds() - cpu, findings.size(), ProcMiB("VmHWM:"));
  std::map<std::string, std::pair<size_t, size_t>> steps;  // per check: paths, steps
  for (const Finding& f : findings) {
    for (const EvidencePath& path : f.evidence) {
      ++steps[f.check].first;
      steps[f.check].second += path.size();
    }
  }
  for (const auto& [check, count] : steps) {
    std::printf("  %-22s %8zu paths, %.1f steps on average\n", check.c_str(), count.first,
                count.first ? double(count.second) / count.first : 0.0);
  }
  if (checks_only || !options.only.empty()) return 0;

  for (std::string_view id : CheckIds()) {
    start = std::chrono::steady_clock::now();
    cpu = CpuSeconds();
    std::vector<Finding> only;
    Require(RunChecks(map, CheckOptions{{std::string(id)}, -1}, &only));
    std::printf("  %-22s %8.3f s (cpu %.3f s) %8zu findings\n", std::string(id).c_str(),
                Seconds(start), CpuSeconds() - cpu, only.size());
  }

  std::ofstream null("/dev/null");
  start = std::chrono::steady_clock::now();
  WriteFindingsText(map, findings, TextStyle{}, null);
  std::printf("text output: %.3f s\n", Seconds(start));
  start = std::chrono::steady_clock::now();
  WriteFindingsJson(map, findings, null);
  std::printf("json output: %.3f s\n", Seconds(start));
  std::printf("peak RSS %.0f MiB\n", PeakMiB());
  return 0;
}

}  // namespace
}  // namespace argmap

int main(int argc, char** argv) { return argmap::Main(argc, argv); }
