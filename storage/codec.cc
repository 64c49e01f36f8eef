#include "storage/codec.h"

#include <utility>

namespace argmap {
namespace {

void MoveStrings(google::protobuf::RepeatedPtrField<std::string>* from,
                 std::vector<std::string>* to) {
  to->clear();
  to->reserve(from->size());
  for (std::string& s : *from) to->push_back(std::move(s));
}

template <typename T>
void CopyIds(const google::protobuf::RepeatedField<T>& from, std::vector<uint64_t>* to) {
  to->assign(from.begin(), from.end());
}

}  // namespace

v1::RelationType ToProto(RelationType type) { return static_cast<v1::RelationType>(type); }

bool FromProto(int proto, RelationType* type) {
  if (proto < 0 || proto > static_cast<int>(RelationType::kConclusion)) return false;
  *type = static_cast<RelationType>(proto);
  return true;
}

namespace {

// The directed_types column of NodeAdjacency: 16 * direction + RelationType.
constexpr uint32_t kDirectionFactor = 16;

uint32_t DirectedType(const AdjacencyEntry& e) {
  return static_cast<uint32_t>(e.direction) * kDirectionFactor + static_cast<uint32_t>(e.type);
}

}  // namespace

void ToProto(std::span<const AdjacencyEntry> entries, v1::NodeAdjacency* proto) {
  google::protobuf::RepeatedField<uint32_t>* types = proto->mutable_directed_types();
  google::protobuf::RepeatedField<uint64_t>* edges = proto->mutable_edges();
  google::protobuf::RepeatedField<uint64_t>* others = proto->mutable_others();
  const int n = static_cast<int>(entries.size());
  types->Resize(n, 0);
  edges->Resize(n, 0);
  others->Resize(n, 0);
  for (int i = 0; i < n; ++i) {
    const AdjacencyEntry& e = entries[i];
    types->Set(i, DirectedType(e));
    edges->Set(i, e.edge);
    others->Set(i, e.other);
  }
}

bool FromProto(const v1::NodeAdjacency& proto, NodeId node, std::vector<AdjacencyEntry>* out) {
  const int n = proto.directed_types_size();
  if (proto.edges_size() != n || proto.others_size() != n) return false;
  out->reserve(out->size() + n);
  for (int i = 0; i < n; ++i) {
    AdjacencyEntry e;
    e.node = node;
    e.edge = proto.edges(i);
    e.other = proto.others(i);
    const uint32_t directed_type = proto.directed_types(i);
    const uint32_t direction = directed_type / kDirectionFactor;
    if (direction > 1 || e.other == kNoNode ||
        !FromProto(static_cast<int>(directed_type % kDirectionFactor), &e.type)) {
      return false;
    }
    e.direction = static_cast<keys::Direction>(direction);
    if (i > 0 && !(out->back() < e)) return false;
    out->push_back(e);
  }
  return true;
}

void ToProto(const DataEntries& data, google::protobuf::RepeatedPtrField<v1::DataEntry>* proto) {
  proto->Clear();
  proto->Reserve(static_cast<int>(data.size()));
  for (const auto& [key, value] : data) {
    v1::DataEntry* entry = proto->Add();
    entry->set_key(key);
    entry->set_value(value);
  }
}

void FromProto(google::protobuf::RepeatedPtrField<v1::DataEntry>* proto, DataEntries* data) {
  data->clear();
  data->reserve(proto->size());
  for (v1::DataEntry& entry : *proto) {
    data->emplace_back(std::move(*entry.mutable_key()), std::move(*entry.mutable_value()));
  }
}

void ToProto(std::string_view name, const ArgumentMap& map, v1::MapRecord* proto) {
  proto->Clear();
  proto->set_name(std::string(name));
  proto->set_title(map.title());
  ToProto(map.metadata(), proto->mutable_metadata());
  proto->set_next_id(map.next_id());
  proto->set_statements(map.statements().size());
  proto->set_arguments(map.arguments().size());
  proto->set_relations(map.relations().size());
}

void ToProto(const Statement& s, v1::Statement* proto) {
  proto->Clear();
  proto->set_id(s.id);
  proto->set_title(s.title);
  proto->set_text(s.text);
  proto->set_role(static_cast<v1::Role>(s.role));
  proto->set_thesis(s.thesis);
  proto->set_actor(s.actor);
  proto->set_source(s.source);
  proto->set_quote(s.quote);
  proto->set_section(s.section);
  for (const std::string& tag : s.tags) proto->add_tags(tag);
  ToProto(s.data, proto->mutable_data());
}

bool FromProto(v1::Statement* proto, Statement* s, RecordFields fields) {
  if (proto->role() < 0 || proto->role() > static_cast<int>(Role::kAction)) return false;
  s->id = proto->id();
  s->title = std::move(*proto->mutable_title());
  s->role = static_cast<Role>(proto->role());
  s->thesis = proto->thesis();
  s->source = std::move(*proto->mutable_source());
  if (fields == RecordFields::kForChecks) return true;
  s->text = std::move(*proto->mutable_text());
  s->actor = std::move(*proto->mutable_actor());
  s->quote = std::move(*proto->mutable_quote());
  s->section = std::move(*proto->mutable_section());
  MoveStrings(proto->mutable_tags(), &s->tags);
  FromProto(proto->mutable_data(), &s->data);
  return true;
}

void ToProto(const Argument& a, v1::Argument* proto) {
  proto->Clear();
  proto->set_id(a.id);
  proto->set_title(a.title);
  proto->set_text(a.text);
  for (const InferenceStep& step : a.steps) {
    v1::InferenceStep* p = proto->add_steps();
    p->set_node(step.node);
    p->mutable_premises()->Add(step.premises.begin(), step.premises.end());
    p->mutable_premise_edges()->Add(step.premise_edges.begin(), step.premise_edges.end());
    p->set_conclusion(step.conclusion);
    p->set_conclusion_edge(step.conclusion_edge);
    p->set_rule(step.rule);
  }
  proto->set_warrant(a.warrant);
  proto->set_section(a.section);
  for (const std::string& tag : a.tags) proto->add_tags(tag);
  ToProto(a.data, proto->mutable_data());
}

bool FromProto(v1::Argument* proto, Argument* a, RecordFields fields) {
  const bool all = fields == RecordFields::kAll;
  a->id = proto->id();
  a->title = std::move(*proto->mutable_title());
  if (all) a->text = std::move(*proto->mutable_text());
  a->steps.clear();
  a->steps.reserve(proto->steps_size());
  for (v1::InferenceStep& p : *proto->mutable_steps()) {
    if (p.premises_size() != p.premise_edges_size()) return false;
    InferenceStep& step = a->steps.emplace_back();
    step.node = p.node();
    CopyIds(p.premises(), &step.premises);
    CopyIds(p.premise_edges(), &step.premise_edges);
    step.conclusion = p.conclusion();
    step.conclusion_edge = p.conclusion_edge();
    if (all) step.rule = std::move(*p.mutable_rule());
  }
  a->warrant = proto->warrant();
  if (!all) return true;
  a->section = std::move(*proto->mutable_section());
  MoveStrings(proto->mutable_tags(), &a->tags);
  FromProto(proto->mutable_data(), &a->data);
  return true;
}

void ToProto(const Relation& r, v1::Relation* proto) {
  proto->Clear();
  proto->set_id(r.id);
  proto->set_type(ToProto(r.type));
  proto->set_from(r.from);
  proto->set_to(r.to);
}

bool FromProto(const v1::Relation& proto, Relation* r) {
  if (!FromProto(proto.type(), &r->type)) return false;
  if (r->type == RelationType::kPremise || r->type == RelationType::kConclusion) return false;
  r->id = proto.id();
  r->from = proto.from();
  r->to = proto.to();
  return true;
}

}  // namespace argmap
