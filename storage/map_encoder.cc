#include "storage/map_encoder.h"

#include <algorithm>
#include <span>
#include <utility>
#include <vector>

#include "storage/codec.h"
#include "storage/keys.h"
#include "storage/map_index.h"

namespace argmap {
namespace {

// Indexes of `records` in ascending id order (records are usually in id order already).
template <typename Records, typename IdOf>
std::vector<std::pair<uint64_t, uint32_t>> ById(const Records& records, IdOf id_of) {
  std::vector<std::pair<uint64_t, uint32_t>> order;
  order.reserve(records.size());
  for (uint32_t i = 0; i < records.size(); ++i) order.emplace_back(id_of(records[i]), i);
  if (!std::is_sorted(order.begin(), order.end())) std::sort(order.begin(), order.end());
  return order;
}

template <typename Records, typename Proto>
Status PutRecords(const Records& records, uint64_t map_id, keys::RecordKind kind, Proto* proto,
                  EntrySink* sink) {
  std::string key, value;
  for (auto [id, index] : ById(records, [](const auto& r) { return r.id; })) {
    ToProto(records[index], proto);
    proto->SerializeToString(&value);
    keys::SetRecordKey(&key, map_id, kind, id);
    if (Status s = sink->Put(key, value); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

// Every node counted as having edges: an adjacency record is written only for those that do.
size_t MapEncoder::KeyCount() const {
  size_t earlier_steps = 0;
  for (const Argument& a : map_.arguments())
    earlier_steps += a.steps.empty() ? 0 : a.steps.size() - 1;
  return 1 + 3 * map_.statements().size() + 3 * map_.arguments().size() + map_.relations().size() +
         2 * earlier_steps;
}

// In key order by a counting sort on the node (ids are dense below next_id), then a sort of
// each node's few entries: one sort of all of them took most of a million-statement write.
Status MapEncoder::EncodeAdjacency(EntrySink* sink) const {
  auto for_each = [this](auto&& f) {
    for (const Relation& r : map_.relations()) ForEachAdjacency(r, f);
    for (const Argument& a : map_.arguments()) ForEachAdjacency(a, f);
  };
  // start[n] .. start[n + 1]: node n's entries, for the nodes below next_id (all of them in a
  // valid map; any others, in a sort of their own, after them).
  const uint64_t nodes = map_.next_id();
  std::vector<uint32_t> start(nodes + 2, 0);
  for_each([&](const AdjacencyEntry& e) { ++start[std::min<uint64_t>(e.node, nodes) + 1]; });
  for (size_t n = 1; n < start.size(); ++n) start[n] += start[n - 1];
  std::vector<AdjacencyEntry> entries(start.back());
  {
    std::vector<uint32_t> next(start.begin(), start.end() - 1);
    for_each(
        [&](const AdjacencyEntry& e) { entries[next[std::min<uint64_t>(e.node, nodes)]++] = e; });
  }
  for (size_t n = 0; n + 1 < start.size(); ++n) {
    if (start[n + 1] - start[n] > 1) {
      std::sort(entries.begin() + start[n], entries.begin() + start[n + 1]);
    }
  }
  // One record per run of entries at the same node; one message and one value string serve
  // every node.
  std::string key, value;
  v1::NodeAdjacency proto;
  const std::span<const AdjacencyEntry> all(entries);
  for (size_t begin = 0, end = 0; begin < all.size(); begin = end) {
    for (end = begin + 1; end < all.size() && all[end].node == all[begin].node;) ++end;
    ToProto(all.subspan(begin, end - begin), &proto);
    proto.SerializeToString(&value);
    keys::SetAdjacencyKey(&key, map_id_, all[begin].node);
    if (Status s = sink->Put(key, value); !s.ok()) return s;
  }
  return Status::Ok();
}

Status MapEncoder::EncodeHeader(EntrySink* sink) const {
  v1::MapRecord header;
  ToProto(name_, map_, &header);
  return sink->Put(keys::HeaderKey(map_id_), header.SerializeAsString());
}

Status MapEncoder::EncodeRecords(EntrySink* sink) const {
  Status s = EncodeNodeRecords(sink);
  return s.ok() ? EncodeEdgeRecords(sink) : s;
}

Status MapEncoder::EncodeNodeRecords(EntrySink* sink) const {
  v1::Statement statement;
  v1::Argument argument;
  Status s = PutRecords(map_.statements(), map_id_, keys::RecordKind::kStatement, &statement, sink);
  if (!s.ok()) return s;
  return PutRecords(map_.arguments(), map_id_, keys::RecordKind::kArgument, &argument, sink);
}

Status MapEncoder::EncodeEdgeRecords(EntrySink* sink) const {
  v1::Relation relation;
  Status s = PutRecords(map_.relations(), map_id_, keys::RecordKind::kRelation, &relation, sink);
  if (!s.ok()) return s;
  std::vector<v1::StepRef> steps;
  for (const Argument& a : map_.arguments()) {
    ForEachEarlierStep(a, [&](NodeId node, uint32_t step) {
      v1::StepRef& ref = steps.emplace_back();
      ref.set_node(node);
      ref.set_argument(a.id);
      ref.set_step(step);
    });
  }
  std::sort(steps.begin(), steps.end(),
            [](const v1::StepRef& a, const v1::StepRef& b) { return a.node() < b.node(); });
  std::string key, value;
  for (const v1::StepRef& ref : steps) {
    keys::SetRecordKey(&key, map_id_, keys::RecordKind::kStep, ref.node());
    ref.SerializeToString(&value);
    if (s = sink->Put(key, value); !s.ok()) return s;
  }
  return Status::Ok();
}

Status MapEncoder::EncodeTitles(EntrySink* sink) const {
  Status s = EncodeTitles(keys::TitleKind::kStatement, sink);
  return s.ok() ? EncodeTitles(keys::TitleKind::kArgument, sink) : s;
}

// Sorted with the first sixteen bytes of each title beside it, so that most comparisons do not
// follow the view into the records (a cache miss each at a million titles).
Status MapEncoder::EncodeTitles(keys::TitleKind kind, EntrySink* sink) const {
  struct Entry {
    uint64_t prefix[2];  // big-endian, zero-padded: orders as the title's first sixteen bytes
    std::string_view title;
    NodeId id;
    bool operator<(const Entry& o) const {
      if (prefix[0] != o.prefix[0]) return prefix[0] < o.prefix[0];
      if (prefix[1] != o.prefix[1]) return prefix[1] < o.prefix[1];
      int c = title.compare(o.title);
      return c != 0 ? c < 0 : id < o.id;
    }
  };
  std::vector<Entry> titles;
  auto add = [&titles](std::string_view title, NodeId id) {
    Entry& e = titles.emplace_back(Entry{{0, 0}, title, id});
    for (size_t i = 0; i < 16; ++i) {
      e.prefix[i / 8] =
          e.prefix[i / 8] << 8 | (i < title.size() ? static_cast<unsigned char>(title[i]) : 0);
    }
  };
  if (kind == keys::TitleKind::kStatement) {
    titles.reserve(map_.statements().size());
    for (const Statement& st : map_.statements()) add(st.title, st.id);
  } else {
    titles.reserve(map_.arguments().size());
    for (const Argument& a : map_.arguments()) add(a.title, a.id);
  }
  std::sort(titles.begin(), titles.end());
  std::string key, value;
  v1::IndexEntry proto;
  constexpr size_t kAhead = 16;  // titles whose characters are fetched ahead of their key
  for (size_t i = 0; i < titles.size(); ++i) {
    if (i + kAhead < titles.size()) __builtin_prefetch(titles[i + kAhead].title.data());
    const Entry& e = titles[i];
    keys::SetTitleKey(&key, map_id_, kind, e.title);
    proto.set_node(e.id);
    proto.SerializeToString(&value);
    if (Status s = sink->Put(key, value); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace argmap
