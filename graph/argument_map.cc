#include "graph/argument_map.h"

#include <algorithm>
#include <memory>
#include <utility>

namespace argmap {
namespace {

std::string Quoted(const Statement& s) { return "[" + s.title + "]"; }
std::string Quoted(const Argument& a) { return "<" + a.title + ">"; }

void IndexTitle(FlatTitleIndex* index, std::string_view title, size_t position) {
  bool inserted = false;
  index->FindOrInsert(title, static_cast<uint32_t>(position), &inserted);
}

}  // namespace

ArgumentMap::ArgumentMap(ArgumentMap&& other) noexcept { *this = std::move(other); }

ArgumentMap& ArgumentMap::operator=(ArgumentMap&& other) noexcept {
  if (this == &other) return *this;
  title_ = std::exchange(other.title_, {});
  metadata_ = std::exchange(other.metadata_, {});
  // Each member is taken and `other`'s reset, so the moved-from map is a valid empty map. A
  // ChunkedVector's move keeps its elements in place, so the title views stay valid.
  statements_ = std::exchange(other.statements_, {});
  arguments_ = std::exchange(other.arguments_, {});
  relations_ = std::exchange(other.relations_, {});
  statement_titles_ = std::exchange(other.statement_titles_, {});
  argument_titles_ = std::exchange(other.argument_titles_, {});
  relation_keys_ = std::exchange(other.relation_keys_, {});
  indexes_built_.store(other.indexes_built_.exchange(true));
  vertex_of_id_ = std::exchange(other.vertex_of_id_, {});
  relation_of_id_ = std::exchange(other.relation_of_id_, {});
  id_kinds_ = std::exchange(other.id_kinds_, {});
  next_id_ = std::exchange(other.next_id_, 1);
  vertices_ = std::exchange(other.vertices_, {});
  vertex_titles_ = std::exchange(other.vertex_titles_, {});
  graph_ = std::move(other.graph_);
  graph_built_.store(other.graph_built_.exchange(false));
  return *this;
}

ArgumentMap::RelationKey ArgumentMap::KeyOf(const Relation& r) {
  NodeId from = r.from, to = r.to;
  if (r.type == RelationType::kContradicts && to < from) std::swap(from, to);
  return {from, to * 8 + static_cast<uint64_t>(r.type)};
}

uint64_t ArgumentMap::TakeId(uint64_t wanted, IdKind kind) {
  uint64_t id = wanted == 0 ? next_id_ : wanted;
  next_id_ = std::max(next_id_, id + 1);
  if (id >= id_kinds_.size()) {
    id_kinds_.resize(std::max<size_t>(id + 1, id_kinds_.size() * 2), IdKind::kFree);
  }
  id_kinds_[id] = kind;
  return id;
}

void ArgumentMap::ReserveIdsBelow(uint64_t next_id) { next_id_ = std::max(next_id_, next_id); }

void ArgumentMap::SetVertexOf(NodeId id, uint32_t vertex) {
  if (id >= vertex_of_id_.size()) {
    vertex_of_id_.resize(std::max<size_t>(id + 1, vertex_of_id_.size() * 2), kNoIndex);
  }
  vertex_of_id_[id] = vertex;
}

void ArgumentMap::SetRelationOf(EdgeId id, uint32_t index) {
  if (id >= relation_of_id_.size()) {
    relation_of_id_.resize(std::max<size_t>(id + 1, relation_of_id_.size() * 2), kNoIndex);
  }
  relation_of_id_[id] = index;
}

void ArgumentMap::Reserve(size_t statements, size_t arguments, size_t relations) {
  statements_.reserve(statements);
  arguments_.reserve(arguments);
  relations_.reserve(relations);
  vertices_.reserve(statements + 2 * arguments);
  vertex_titles_.reserve(statements + 2 * arguments);
  size_t ids = statements + 3 * arguments + relations + 1;
  vertex_of_id_.reserve(ids);
  relation_of_id_.reserve(ids);
  id_kinds_.reserve(ids);
}

Status ArgumentMap::ValidateStatement(const Statement& statement) const {
  if (statement.title.empty()) return Status::InvalidInput("a statement needs a title");
  if (statement.id >= kMaxIds) {
    return Status::InvalidInput("id " + std::to_string(statement.id) + " of statement " +
                                Quoted(statement) + " is beyond the ids a map can have");
  }
  if (statement.id != kNoNode && IdInUse(statement.id)) {
    return Status::InvalidInput("id " + std::to_string(statement.id) + " of statement " +
                                Quoted(statement) + " is already in use");
  }
  return Status::Ok();
}

Status ArgumentMap::AddStatement(Statement statement, NodeId* id) {
  if (Status s = ValidateStatement(statement); !s.ok()) return s;
  EnsureIndexes();
  // One probe: the title goes in as the argument's view, then points at the stored record.
  bool inserted = false;
  size_t slot = 0;
  statement_titles_.FindOrInsert(statement.title, static_cast<uint32_t>(statements_.size()),
                                 &inserted, &slot);
  if (!inserted) return Status::AlreadyExists("statement " + Quoted(statement) + " already exists");
  PutStatement(std::move(statement), id);
  statement_titles_.Rekey(slot, statements_.back().title);
  return Status::Ok();
}

Status ArgumentMap::AppendStatement(Statement&& statement, NodeId* id) {
  if (Status s = ValidateStatement(statement); !s.ok()) return s;
  InvalidateIndexes();
  PutStatement(std::move(statement), id);
  return Status::Ok();
}

void ArgumentMap::PutStatement(Statement&& statement, NodeId* id) {
  statement.id = TakeId(statement.id, StatementKind(statement.role));
  statements_.push_back(std::move(statement));
  const Statement& s = statements_.back();
  AddVertex(
      VertexData{s.id, NodeKind::kStatement, static_cast<uint32_t>(statements_.size() - 1), 0});
  if (id) *id = s.id;
}

Status ArgumentMap::ValidateArgument(const Argument& a) const {
  if (a.title.empty()) return Status::InvalidInput("an argument needs a title");
  // Names are built only on the error paths: a store load validates every argument.
  auto name = [&] { return Quoted(a); };
  std::vector<uint64_t> given;  // ids the record brings with it, all of which must be fresh
  if (a.id != kNoNode) given.push_back(a.id);
  bool warrant_found = a.warrant == kNoNode;
  for (size_t j = 0; j < a.steps.size(); ++j) {
    const InferenceStep& step = a.steps[j];
    auto where = [&] { return name() + " step " + std::to_string(j + 1); };
    if (!IsStatement(KindOfId(step.conclusion))) {
      return Status::InvalidInput(where() + " has no conclusion");
    }
    for (NodeId p : step.premises) {
      if (!IsStatement(KindOfId(p))) {
        return Status::InvalidInput(where() + " has a premise that is not a statement (id " +
                                    std::to_string(p) + ")");
      }
      if (p == a.warrant) warrant_found = true;
    }
    if (!step.premise_edges.empty() && step.premise_edges.size() != step.premises.size()) {
      return Status::InvalidInput(where() + " has premise edge ids that do not match its premises");
    }
    if (j + 1 < a.steps.size() && step.node != kNoNode) given.push_back(step.node);
    for (EdgeId e : step.premise_edges) {
      if (e != 0) given.push_back(e);
    }
    if (step.conclusion_edge != 0) given.push_back(step.conclusion_edge);
  }
  if (!warrant_found) {
    return Status::InvalidInput("the warrant of " + name() + " is not one of its premises");
  }
  if (a.warrant != kNoNode && !IsWarrant(a.warrant)) {
    return Status::InvalidInput("the warrant of " + name() + ", " + Quoted(*statement(a.warrant)) +
                                ", does not have the role warrant");
  }
  std::sort(given.begin(), given.end());
  if (!given.empty() && given.back() >= kMaxIds) {
    return Status::InvalidInput("id " + std::to_string(given.back()) + " of argument " + name() +
                                " is beyond the ids a map can have");
  }
  for (size_t i = 0; i < given.size(); ++i) {
    if (IdInUse(given[i]) || (i > 0 && given[i] == given[i - 1])) {
      return Status::InvalidInput("id " + std::to_string(given[i]) + " of argument " + name() +
                                  " is already in use");
    }
  }
  return Status::Ok();
}

Status ArgumentMap::AddArgument(Argument argument, NodeId* id) {
  EnsureIndexes();
  if (argument_titles_.Find(argument.title) != UINT32_MAX) {
    return Status::AlreadyExists("argument " + Quoted(argument) + " already exists");
  }
  if (Status s = ValidateArgument(argument); !s.ok()) return s;
  PutArgument(std::move(argument), id);
  IndexTitle(&argument_titles_, arguments_.back().title, arguments_.size() - 1);
  return Status::Ok();
}

Status ArgumentMap::AppendArgument(Argument&& argument, NodeId* id) {
  if (Status s = ValidateArgument(argument); !s.ok()) return s;
  InvalidateIndexes();
  PutArgument(std::move(argument), id);
  return Status::Ok();
}

void ArgumentMap::PutArgument(Argument&& argument, NodeId* id) {
  argument.id = TakeId(argument.id, IdKind::kArgument);
  for (size_t j = 0; j < argument.steps.size(); ++j) {
    InferenceStep& step = argument.steps[j];
    step.node = j + 1 == argument.steps.size() ? argument.id : TakeId(step.node, IdKind::kStep);
    step.premise_edges.resize(step.premises.size(), 0);
    for (EdgeId& e : step.premise_edges) e = TakeId(e, IdKind::kEdge);
    step.conclusion_edge = TakeId(step.conclusion_edge, IdKind::kEdge);
  }
  arguments_.push_back(std::move(argument));
  LinkArgument(static_cast<uint32_t>(arguments_.size() - 1));
  if (id) *id = arguments_.back().id;
}

void ArgumentMap::AddVertex(const VertexData& data) {
  SetVertexOf(data.id, static_cast<uint32_t>(vertices_.size()));
  vertices_.push_back(data);
  vertex_titles_.push_back(data.kind == NodeKind::kStatement ? statements_[data.index].title
                                                             : arguments_[data.index].title);
  if (graph_built_.load(std::memory_order_relaxed)) boost::add_vertex(data, *graph_);
}

void ArgumentMap::LinkArgument(uint32_t index) {
  const Argument& a = arguments_[index];
  uint32_t last = a.steps.empty() ? 0 : static_cast<uint32_t>(a.steps.size() - 1);
  AddVertex(VertexData{a.id, NodeKind::kArgument, index, last});
  for (uint32_t j = 0; j + 1 < a.steps.size(); ++j) {
    AddVertex(VertexData{a.steps[j].node, NodeKind::kStep, index, j});
  }
  if (graph_built_.load(std::memory_order_relaxed)) {
    ForEachArgumentEdge(a, [this](uint32_t from, uint32_t to, const EdgeData& data) {
      boost::add_edge(from, to, data, *graph_);
    });
  }
}

const Graph& ArgumentMap::graph() const {
  if (!graph_built_.load(std::memory_order_acquire)) BuildGraph();
  return *graph_;
}

// Every edge list is sized before it is filled (a store load or an import has millions of
// edges), in the order an incremental build would add them: the arguments' steps, then the
// relations.
void ArgumentMap::BuildGraph() const {
  std::lock_guard<std::mutex> lock(graph_mutex_);
  if (graph_built_.load(std::memory_order_relaxed)) return;
  auto graph = std::make_unique<Graph>();
  Graph& g = *graph;
  g.m_vertices.reserve(vertices_.size());
  for (const VertexData& data : vertices_) boost::add_vertex(data, g);
  std::vector<uint32_t> out(vertices_.size(), 0), in(vertices_.size(), 0);
  size_t edges = 0;
  ForEachEdge([&](uint32_t from, uint32_t to, const EdgeData&) {
    ++out[from];
    ++in[to];
    ++edges;
  });
  for (size_t v = 0; v < vertices_.size(); ++v) {
    g.out_edge_list(v).reserve(out[v]);
    in_edge_list(g, v).reserve(in[v]);
  }
  g.m_edges.reserve(edges);
  ForEachEdge([&g](uint32_t from, uint32_t to, const EdgeData& data) {
    boost::add_edge(from, to, data, g);
  });
  graph_ = std::move(graph);
  graph_built_.store(true, std::memory_order_release);
}

Status ArgumentMap::ValidateRelation(const Relation& r, bool check_duplicate) const {
  if (r.type == RelationType::kPremise || r.type == RelationType::kConclusion) {
    return Status::InvalidInput("premises and conclusions belong to an argument's inference steps");
  }
  IdKind from = KindOfId(r.from), to = KindOfId(r.to);
  auto node = [](IdKind k) {
    return IsStatement(k) || k == IdKind::kArgument || k == IdKind::kStep;
  };
  if (!node(from) || !node(to)) {
    return Status::InvalidInput(std::string(RelationName(r.type)) + " relation to a missing node");
  }
  if (from == IdKind::kStep || to == IdKind::kStep) {
    return Status::InvalidInput("a relation cannot touch an intermediate inference step");
  }
  // Built only on the error paths: loading a map validates millions of relations.
  auto what = [&] {
    return DisplayName(r.from) + " " + std::string(RelationName(r.type)) + " " + DisplayName(r.to);
  };
  if (r.type == RelationType::kUndercuts && to != IdKind::kArgument) {
    return Status::InvalidInput(what() + ": only an argument can be undercut");
  }
  if (r.type == RelationType::kContradicts && (!IsStatement(from) || !IsStatement(to))) {
    return Status::InvalidInput(what() + ": only statements can contradict each other");
  }
  if (r.type == RelationType::kContradicts && r.from == r.to) {
    return Status::InvalidInput(what() + ": a statement cannot contradict itself");
  }
  if (RelationKey k = KeyOf(r); check_duplicate && relation_keys_.Contains(k.a, k.b))
    return Status::AlreadyExists(what() + ": already in the map");
  if (r.id >= kMaxIds) {
    return Status::InvalidInput(what() + ": id " + std::to_string(r.id) +
                                " is beyond the ids a map can have");
  }
  if (r.id != 0 && IdInUse(r.id)) {
    return Status::InvalidInput(what() + ": id " + std::to_string(r.id) + " is already in use");
  }
  return Status::Ok();
}

Status ArgumentMap::AddRelation(RelationType type, NodeId from, NodeId to, EdgeId* id) {
  return AddRelation(Relation{0, type, from, to}, id);
}

Status ArgumentMap::AddRelation(Relation relation, EdgeId* id) {
  EnsureIndexes();
  if (Status s = ValidateRelation(relation, /*check_duplicate=*/true); !s.ok()) return s;
  RelationKey key = KeyOf(relation);
  relation_keys_.Insert(key.a, key.b);
  PutRelation(relation, id);
  return Status::Ok();
}

Status ArgumentMap::AppendRelation(Relation relation, EdgeId* id) {
  if (Status s = ValidateRelation(relation, /*check_duplicate=*/false); !s.ok()) return s;
  InvalidateIndexes();
  PutRelation(relation, id);
  return Status::Ok();
}

void ArgumentMap::PutRelation(Relation relation, EdgeId* id) {
  relation.id = TakeId(relation.id, IdKind::kEdge);
  relations_.push_back(relation);
  SetRelationOf(relation.id, static_cast<uint32_t>(relations_.size() - 1));
  if (graph_built_.load(std::memory_order_relaxed)) {
    boost::add_edge(VertexOf(relation.from), VertexOf(relation.to),
                    EdgeData{relation.id, relation.type}, *graph_);
  }
  if (id) *id = relation.id;
}

Status ArgumentMap::UpdateStatement(const Statement& update) {
  const Statement* current = statement(update.id);
  if (!current) return Status::NotFound("no statement with id " + std::to_string(update.id));
  if (current->role == Role::kWarrant && update.role != Role::kWarrant) {
    for (const Argument& a : arguments_) {
      if (a.warrant == update.id) {
        return Status::InvalidInput(Quoted(*current) + " is the warrant of " + Quoted(a) +
                                    " and must keep the role warrant");
      }
    }
  }
  // Field by field: the title stays, and the title index holds a view of its characters.
  Statement& s = statements_[vertices_[VertexOf(update.id)].index];
  s.text = update.text;
  s.role = update.role;
  id_kinds_[s.id] = StatementKind(s.role);
  s.thesis = update.thesis;
  s.actor = update.actor;
  s.source = update.source;
  s.quote = update.quote;
  s.section = update.section;
  s.tags = update.tags;
  s.data = update.data;
  return Status::Ok();
}

Status ArgumentMap::Remove(NodeId id, Removal* removal) {
  uint32_t v = VertexOf(id);
  if (v == kNoIndex) return Status::NotFound("no node with id " + std::to_string(id));
  const VertexData& data = vertices_[v];
  if (data.kind == NodeKind::kStep) {
    return Status::InvalidInput(DisplayName(id) + " is part of an argument; remove the argument");
  }
  Removal out;
  if (data.kind == NodeKind::kStatement) {
    for (const Argument& a : arguments_) {
      for (size_t j = 0; j < a.steps.size(); ++j) {
        if (a.steps[j].conclusion == id) {
          return Status::InvalidInput(DisplayName(id) + " is the conclusion of " + Quoted(a) +
                                      " (step " + std::to_string(j + 1) +
                                      "); remove the argument first");
        }
      }
    }
    for (Argument& a : arguments_) {
      bool changed = false;
      for (InferenceStep& step : a.steps) {
        for (size_t i = step.premises.size(); i-- > 0;) {
          if (step.premises[i] != id) continue;
          step.premises.erase(step.premises.begin() + i);
          step.premise_edges.erase(step.premise_edges.begin() + i);
          changed = true;
        }
      }
      if (a.warrant == id) a.warrant = kNoNode;
      if (changed) out.changed_arguments.push_back(a.id);
    }
    out.statements.push_back(statements_[data.index]);
    statements_.erase(statements_.begin() + data.index);
  } else {
    out.arguments.push_back(arguments_[data.index]);
    arguments_.erase(arguments_.begin() + data.index);
  }
  std::vector<Relation> kept;
  kept.reserve(relations_.size());
  for (const Relation& r : relations_) {
    (r.from == id || r.to == id ? out.relations : kept).push_back(r);
  }
  relations_ = std::move(kept);
  Rebuild();
  if (removal) *removal = std::move(out);
  return Status::Ok();
}

void ArgumentMap::Rebuild() {
  // The graph is rebuilt when next asked for.
  graph_built_.store(false, std::memory_order_relaxed);
  graph_.reset();
  vertices_.clear();
  vertex_titles_.clear();
  InvalidateIndexes();
  std::fill(vertex_of_id_.begin(), vertex_of_id_.end(), kNoIndex);
  std::fill(relation_of_id_.begin(), relation_of_id_.end(), kNoIndex);
  // Every id taken stays taken (ids are never reused); those of the records left are marked
  // again below.
  for (IdKind& kind : id_kinds_) {
    if (kind != IdKind::kFree) kind = IdKind::kRetired;
  }
  ForEachRecordId([this](uint64_t id, IdKind kind) { id_kinds_[id] = kind; });
  for (uint32_t i = 0; i < statements_.size(); ++i) {
    AddVertex(VertexData{statements_[i].id, NodeKind::kStatement, i, 0});
  }
  for (uint32_t i = 0; i < arguments_.size(); ++i) LinkArgument(i);
  for (uint32_t i = 0; i < relations_.size(); ++i) SetRelationOf(relations_[i].id, i);
}

void ArgumentMap::InvalidateIndexes() {
  if (!indexes_built_.load(std::memory_order_relaxed)) return;
  indexes_built_.store(false, std::memory_order_relaxed);
  statement_titles_ = FlatTitleIndex();
  argument_titles_ = FlatTitleIndex();
  relation_keys_ = FlatKeySet();
}

void ArgumentMap::EnsureIndexes() const {
  if (!indexes_built_.load(std::memory_order_acquire)) BuildIndexes();
}

// From the records, in their order: the first of two equal titles or relations wins (Verify()
// reports such twins; the appends leave them to their callers).
void ArgumentMap::BuildIndexes() const {
  std::lock_guard<std::mutex> lock(index_mutex_);
  if (indexes_built_.load(std::memory_order_relaxed)) return;
  statement_titles_.Reserve(statements_.size());
  for (size_t i = 0; i < statements_.size(); ++i) {
    IndexTitle(&statement_titles_, statements_[i].title, i);
  }
  argument_titles_.Reserve(arguments_.size());
  for (size_t i = 0; i < arguments_.size(); ++i) {
    IndexTitle(&argument_titles_, arguments_[i].title, i);
  }
  relation_keys_.Reserve(relations_.size());
  for (const Relation& r : relations_) {
    RelationKey key = KeyOf(r);
    relation_keys_.Insert(key.a, key.b);
  }
  indexes_built_.store(true, std::memory_order_release);
}

Status ArgumentMap::Verify() const {
  EnsureIndexes();
  for (size_t i = 0; i < statements_.size(); ++i) {
    if (statement_titles_.Find(statements_[i].title) != i) {
      return Status::InvalidInput("two statements are titled " + Quoted(statements_[i]));
    }
  }
  for (size_t i = 0; i < arguments_.size(); ++i) {
    if (argument_titles_.Find(arguments_[i].title) != i) {
      return Status::InvalidInput("two arguments are titled " + Quoted(arguments_[i]));
    }
  }
  // The id table agrees with the records (what validation reads instead of them).
  uint64_t disagrees = kNoNode;
  ForEachRecordId([&](uint64_t id, IdKind kind) {
    if (disagrees == kNoNode && KindOfId(id) != kind) disagrees = id;
  });
  if (disagrees != kNoNode) {
    return Status::InvalidInput("the id table disagrees with the record of id " +
                                std::to_string(disagrees));
  }
  FlatKeySet seen;
  seen.Reserve(relations_.size());
  for (const Relation& r : relations_) {
    RelationKey key = KeyOf(r);
    if (!seen.Insert(key.a, key.b)) {
      return Status::InvalidInput(DisplayName(r.from) + " " + std::string(RelationName(r.type)) +
                                  " " + DisplayName(r.to) + " twice");
    }
  }
  return Status::Ok();
}

const Statement* ArgumentMap::FindStatement(std::string_view title) const {
  EnsureIndexes();
  uint32_t index = statement_titles_.Find(title);
  return index == UINT32_MAX ? nullptr : &statements_[index];
}

const Argument* ArgumentMap::FindArgument(std::string_view title) const {
  EnsureIndexes();
  uint32_t index = argument_titles_.Find(title);
  return index == UINT32_MAX ? nullptr : &arguments_[index];
}

const Statement* ArgumentMap::statement(NodeId id) const {
  uint32_t v = VertexOf(id);
  if (v == kNoIndex || vertices_[v].kind != NodeKind::kStatement) return nullptr;
  return &statements_[vertices_[v].index];
}

const Argument* ArgumentMap::argument(NodeId id) const {
  uint32_t v = VertexOf(id);
  if (v == kNoIndex || vertices_[v].kind != NodeKind::kArgument) return nullptr;
  return &arguments_[vertices_[v].index];
}

const Relation* ArgumentMap::relation(EdgeId id) const {
  if (id >= relation_of_id_.size() || relation_of_id_[id] == kNoIndex) return nullptr;
  return &relations_[relation_of_id_[id]];
}

Status ArgumentMap::Resolve(std::string_view name, NodeId* id) const {
  if (name.size() >= 2 && name.front() == '[' && name.back() == ']') {
    const Statement* s = FindStatement(name.substr(1, name.size() - 2));
    if (!s) return Status::NotFound("no statement " + std::string(name));
    *id = s->id;
    return Status::Ok();
  }
  if (name.size() >= 2 && name.front() == '<' && name.back() == '>') {
    const Argument* a = FindArgument(name.substr(1, name.size() - 2));
    if (!a) return Status::NotFound("no argument " + std::string(name));
    *id = a->id;
    return Status::Ok();
  }
  const Statement* s = FindStatement(name);
  const Argument* a = FindArgument(name);
  if (s && a) {
    return Status::InvalidInput("'" + std::string(name) + "' names both [" + std::string(name) +
                                "] and <" + std::string(name) + ">; write one of those");
  }
  if (!s && !a) return Status::NotFound("no statement or argument '" + std::string(name) + "'");
  *id = s ? s->id : a->id;
  return Status::Ok();
}

std::string_view ArgumentMap::TitleOf(NodeId id) const {
  uint32_t v = VertexOf(id);
  return v == kNoIndex ? std::string_view() : vertex_titles_[v];
}

std::string ArgumentMap::DisplayName(NodeId id) const {
  std::string name;
  AppendDisplayName(id, &name);
  return name;
}

void ArgumentMap::AppendDisplayName(NodeId id, std::string* out) const {
  uint32_t v = VertexOf(id);
  if (v == kNoIndex) {
    *out += "#" + std::to_string(id);
    return;
  }
  const VertexData& d = vertices_[v];
  bool statement = d.kind == NodeKind::kStatement;
  *out += statement ? '[' : '<';
  *out += vertex_titles_[v];
  *out += statement ? ']' : '>';
  if (d.kind == NodeKind::kStep) *out += " step " + std::to_string(d.step + 1);
}

}  // namespace argmap
