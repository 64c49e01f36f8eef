#include "graph/checks.h"

#include <algorithm>
#include <array>

#include "graph/check_context.h"
#include "graph/side_task.h"

namespace argmap {
namespace {

// Positions in CheckIds().
enum CheckIndex : size_t {
  kObjectiveConflict,
  kSelfDefeating,
  kContradiction,
  kCircular,
  kUnansweredObjection,
  kUnsupported,
  kMissingWarrant,
  kUnbackedWarrant,
  kUnsourcedEvidence,
  kOrphan,
  kNoThesis,
  kCheckCount
};

Status SelectChecks(const CheckOptions& options, std::vector<bool>* selected) {
  const std::vector<std::string_view>& ids = CheckIds();
  selected->assign(kCheckCount, options.only.empty());
  for (const std::string& id : options.only) {
    auto it = std::find(ids.begin(), ids.end(), id);
    if (it == ids.end()) {
      std::string known;
      for (std::string_view k : ids) known += (known.empty() ? "" : ", ") + std::string(k);
      return Status::InvalidInput("unknown check '" + id + "'; the checks are: " + known);
    }
    (*selected)[it - ids.begin()] = true;
  }
  return Status::Ok();
}

Finding NoThesis() {
  return Finding{"no-thesis",
                 Severity::kInfo,
                 {},
                 "No statement is marked as a thesis, so contradiction and unanswered-objection "
                 "cannot tell what the author is committed to; mark the claims the map asserts "
                 "with #thesis.",
                 {}};
}

// The first 16 bytes of a title as two big-endian words, zero-padded: comparing prefixes orders
// titles as comparing the titles does, except that equal prefixes leave the order open.
std::array<uint64_t, 2> TitlePrefix(std::string_view title) {
  std::array<uint64_t, 2> prefix{0, 0};
  for (size_t i = 0; i < 16 && i < title.size(); ++i) {
    prefix[i / 8] |= uint64_t{static_cast<unsigned char>(title[i])} << (56 - 8 * (i % 8));
  }
  return prefix;
}

// Orders findings as RunChecks promises, comparing titles rather than ids. Each finding gets a
// small key (severity, check, its first node's title prefix) in one contiguous array; findings
// whose keys tie are compared in full. Two sorters, each sorted on its own thread, merge into one
// order (Merge), so that the sorting of a large report's two halves overlaps.
class FindingSorter {
 public:
  FindingSorter(const ArgumentMap& map, std::vector<Finding>* findings)
      : map_(map), findings_(*findings) {}

  // Sorts the findings; keeps their keys for Merge.
  void Sort() {
    keys_ = MakeKeys();
    std::sort(keys_.begin(), keys_.end(), [this](const Key& a, const Key& b) {
      return Less(a, findings_[a.index], b, findings_[b.index]);
    });
    std::vector<Finding> sorted;
    sorted.reserve(keys_.size());
    for (size_t i = 0; i < keys_.size(); ++i) {
      sorted.push_back(std::move(findings_[keys_[i].index]));
      keys_[i].index = static_cast<uint32_t>(i);
    }
    findings_ = std::move(sorted);
  }

  // Both sorted: moves their findings into *out in the one order (a's first where they tie).
  static void Merge(FindingSorter& a, FindingSorter& b, std::vector<Finding>* out) {
    out->clear();
    out->reserve(a.keys_.size() + b.keys_.size());
    size_t i = 0, j = 0;
    while (i < a.keys_.size() || j < b.keys_.size()) {
      bool take_b =
          i == a.keys_.size() ||
          (j < b.keys_.size() && a.Less(b.keys_[j], b.findings_[j], a.keys_[i], a.findings_[i]));
      out->push_back(take_b ? std::move(b.findings_[j++]) : std::move(a.findings_[i++]));
    }
  }

 private:
  struct Key {
    uint32_t rank;  // severity, then check: both ascending
    uint32_t index;
    std::array<uint64_t, 2> prefix;
  };

  std::vector<Key> MakeKeys() const {
    const std::vector<std::string_view>& ids = CheckIds();
    std::vector<Key> keys(findings_.size());
    size_t check = ids.size();  // the last finding's check: findings come grouped by check
    for (size_t i = 0; i < findings_.size(); ++i) {
      const Finding& f = findings_[i];
      if (check == ids.size() || f.check != ids[check]) {
        check = std::find(ids.begin(), ids.end(), f.check) - ids.begin();
      }
      keys[i].rank = static_cast<uint32_t>(static_cast<size_t>(f.severity) * 64 + check);
      keys[i].index = static_cast<uint32_t>(i);
      if (!f.nodes.empty()) keys[i].prefix = TitlePrefix(map_.TitleOf(f.nodes[0]));
    }
    return keys;
  }

  // Whether finding a (with key x) sorts before finding b (with key y).
  bool Less(const Key& x, const Finding& a, const Key& y, const Finding& b) const {
    if (x.rank != y.rank) return x.rank < y.rank;
    if (x.prefix != y.prefix) return x.prefix < y.prefix;
    if (int c = CompareTitles(a.nodes, b.nodes); c != 0) return c < 0;
    if (int c = CompareNodes(a.nodes, b.nodes); c != 0) return c < 0;
    if (int c = a.message.compare(b.message); c != 0) return c < 0;
    return CompareEvidence(a.evidence, b.evidence) < 0;
  }

  int CompareTitles(const std::vector<NodeId>& a, const std::vector<NodeId>& b) const {
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
      if (int c = map_.TitleOf(a[i]).compare(map_.TitleOf(b[i])); c != 0) return c;
    }
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
  }

  // As NodeOrder: by title, a statement before an argument, an argument's steps in order.
  int CompareNode(NodeId a, NodeId b) const {
    if (int c = map_.TitleOf(a).compare(map_.TitleOf(b)); c != 0) return c;
    bool x = map_.statement(a) == nullptr, y = map_.statement(b) == nullptr;
    if (x != y) return x ? 1 : -1;
    return map_.DisplayName(a).compare(map_.DisplayName(b));
  }

  int CompareNodes(const std::vector<NodeId>& a, const std::vector<NodeId>& b) const {
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
      if (int c = CompareNode(a[i], b[i]); c != 0) return c;
    }
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
  }

  int CompareEvidence(const std::vector<EvidencePath>& a,
                      const std::vector<EvidencePath>& b) const {
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
      for (size_t j = 0; j < a[i].size() && j < b[i].size(); ++j) {
        const PathStep& x = a[i][j];
        const PathStep& y = b[i][j];
        if (int c = CompareNode(x.from, y.from); c != 0) return c;
        if (x.relation != y.relation) return x.relation < y.relation ? -1 : 1;
        if (int c = CompareNode(x.to, y.to); c != 0) return c;
      }
      if (a[i].size() != b[i].size()) return a[i].size() < b[i].size() ? -1 : 1;
    }
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
  }

  const ArgumentMap& map_;
  std::vector<Finding>& findings_;
  std::vector<Key> keys_;  // after Sort: keys_[i] is findings_[i]'s
};

}  // namespace

const std::vector<std::string_view>& CheckIds() {
  static const std::vector<std::string_view> kIds = {
      "objective-conflict",   "self-defeating", "contradiction",   "circular",
      "unanswered-objection", "unsupported",    "missing-warrant", "unbacked-warrant",
      "unsourced-evidence",   "orphan",         "no-thesis"};
  return kIds;
}

Status RunChecks(const ArgumentMap& map, const CheckOptions& options,
                 std::vector<Finding>* findings) {
  std::vector<bool> run;
  if (Status s = SelectChecks(options, &run); !s.ok()) return s;
  if (map.node_count() >= kMaxSignedVertices) {
    return Status::Unsupported("the checks handle maps of fewer than " +
                               std::to_string(kMaxSignedVertices) + " nodes");
  }
  CheckContext context(map, options);
  std::vector<Finding> out, side_findings;
  FindingSorter sorter(map, &out), side_sorter(map, &side_findings);
  // The objective searches, the costliest part, run on a second thread beside the other checks,
  // and the circular check after them, which balances the two threads' work. Both read the
  // context's order and adjacency only (built above, never changed), not the commitments, which
  // the other checks compute on first use. Each thread sorts its own findings; the two sorted
  // halves are merged.
  const bool side_checks = run[kObjectiveConflict] || run[kSelfDefeating] || run[kCircular];
  SideTask side(side_checks, [&] {
    if (run[kObjectiveConflict] || run[kSelfDefeating]) {
      CheckObjectives(context, run[kObjectiveConflict], run[kSelfDefeating], &side_findings);
    }
    if (run[kCircular]) CheckCircularSupport(context, &side_findings);
    side_sorter.Sort();
  });
  bool needs_thesis = run[kContradiction] || run[kUnansweredObjection] || run[kNoThesis];
  if (needs_thesis && context.theses().empty()) {
    out.push_back(NoThesis());
  } else {
    if (run[kContradiction]) CheckContradictions(context, &out);
    if (run[kUnansweredObjection]) CheckUnansweredObjections(context, &out);
  }
  if (run[kUnsupported]) CheckUnsupported(context, &out);
  if (run[kMissingWarrant]) CheckMissingWarrants(context, &out);
  if (run[kUnbackedWarrant]) CheckUnbackedWarrants(context, &out);
  if (run[kUnsourcedEvidence]) CheckUnsourcedEvidence(context, &out);
  if (run[kOrphan]) CheckOrphans(context, &out);
  sorter.Sort();
  side.Wait();
  FindingSorter::Merge(sorter, side_sorter, findings);
  return Status::Ok();
}

}  // namespace argmap
