#include "graph/checks.h"

#include <algorithm>
#include <numeric>

#include "graph/check_context.h"

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

// Orders findings as RunChecks promises, comparing titles rather than ids. The title of each
// finding's first node is looked up once; the rest is compared only between findings whose
// severity, check and first title tie.
class FindingOrder {
 public:
  FindingOrder(const ArgumentMap& map, const std::vector<Finding>& findings)
      : map_(map), findings_(findings), keys_(findings.size()) {
    const std::vector<std::string_view>& ids = CheckIds();
    for (size_t i = 0; i < findings.size(); ++i) {
      Key& key = keys_[i];
      key.rank = std::find(ids.begin(), ids.end(), findings[i].check) - ids.begin();
      if (!findings[i].nodes.empty()) key.first = map.TitleOf(findings[i].nodes[0]);
    }
  }

  bool operator()(size_t i, size_t j) const {
    const Finding& a = findings_[i];
    const Finding& b = findings_[j];
    if (a.severity != b.severity) return a.severity < b.severity;
    if (keys_[i].rank != keys_[j].rank) return keys_[i].rank < keys_[j].rank;
    if (int c = keys_[i].first.compare(keys_[j].first); c != 0) return c < 0;
    if (int c = CompareTitles(a.nodes, b.nodes); c != 0) return c < 0;
    if (int c = CompareNodes(a.nodes, b.nodes); c != 0) return c < 0;
    if (int c = a.message.compare(b.message); c != 0) return c < 0;
    return CompareEvidence(a.evidence, b.evidence) < 0;
  }

 private:
  struct Key {
    size_t rank = 0;
    std::string_view first;  // the title of the first node; "" for none
  };

  int CompareTitles(const std::vector<NodeId>& a, const std::vector<NodeId>& b) const {
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
      if (int c = map_.TitleOf(a[i]).compare(map_.TitleOf(b[i])); c != 0) return c;
    }
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
  }

  int CompareNode(NodeId a, NodeId b) const {
    if (int c = map_.TitleOf(a).compare(map_.TitleOf(b)); c != 0) return c;
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
  const std::vector<Finding>& findings_;
  std::vector<Key> keys_;
};

void SortFindings(const ArgumentMap& map, std::vector<Finding>* findings) {
  std::vector<size_t> order(findings->size());
  std::iota(order.begin(), order.end(), 0);
  FindingOrder less(map, *findings);  // by reference: it holds every finding's key
  std::sort(order.begin(), order.end(), [&less](size_t i, size_t j) { return less(i, j); });
  std::vector<Finding> sorted;
  sorted.reserve(order.size());
  for (size_t i : order) sorted.push_back(std::move((*findings)[i]));
  *findings = std::move(sorted);
}

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
  std::vector<Finding> out;
  if (run[kObjectiveConflict] || run[kSelfDefeating]) {
    CheckObjectives(context, run[kObjectiveConflict], run[kSelfDefeating], &out);
  }
  bool needs_thesis = run[kContradiction] || run[kUnansweredObjection] || run[kNoThesis];
  if (needs_thesis && context.theses().empty()) {
    out.push_back(NoThesis());
  } else {
    if (run[kContradiction]) CheckContradictions(context, &out);
    if (run[kUnansweredObjection]) CheckUnansweredObjections(context, &out);
  }
  if (run[kCircular]) CheckCircularSupport(context, &out);
  if (run[kUnsupported]) CheckUnsupported(context, &out);
  if (run[kMissingWarrant]) CheckMissingWarrants(context, &out);
  if (run[kUnbackedWarrant]) CheckUnbackedWarrants(context, &out);
  if (run[kUnsourcedEvidence]) CheckUnsourcedEvidence(context, &out);
  if (run[kOrphan]) CheckOrphans(context, &out);
  SortFindings(map, &out);
  *findings = std::move(out);
  return Status::Ok();
}

}  // namespace argmap
