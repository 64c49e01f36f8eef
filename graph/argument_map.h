// ArgumentMap: one argument map in memory — statements, arguments with their inference steps,
// and relations — over a Boost.Graph bidirectional adjacency_list.
//
// Ownership: the map owns its records; pointers and references it returns stay valid until the
// next call that changes the map. The adjacency_list is a private member; analyses get read-only
// access to the topology through graph() and map vertices to records through VertexData.
// Thread-safety: const methods may run concurrently; anything else needs external locking.
//
// Vertices: one per statement, one per argument (which is also the vertex of its last inference
// step), one per earlier inference step. Edges: one per relation (supports, attacks, undercuts,
// contradicts) and one per premise (statement -> step) and conclusion (step -> statement).
//
// Invariants:
//  - every node and edge has a unique id in [1, next_id()); ids are never reused;
//  - statement titles are unique among statements, argument titles among arguments;
//  - every relation joins existing nodes; an undercut targets an argument; a contradiction joins
//    two statements; no relation touches an intermediate step vertex;
//  - an argument's premises and conclusions are statements; its warrant, if any, is one of its
//    premises and has role warrant;
//  - no two relations have the same type and ends (contradiction counts both ways as one).
#pragma once

#include <atomic>
#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "graph/chunked_vector.h"
#include "graph/flat_hash.h"
#include "graph/model.h"
#include "graph/status.h"

namespace argmap {

struct VertexData {
  NodeId id = kNoNode;
  NodeKind kind = NodeKind::kStatement;
  uint32_t index = 0;  // into statements() or arguments()
  uint32_t step = 0;   // the inference step (0-based) this vertex stands for; arguments: the last
};

struct EdgeData {
  EdgeId id = 0;
  RelationType type = RelationType::kSupports;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexData,
                                    EdgeData, boost::no_property, boost::vecS>;
using Vertex = Graph::vertex_descriptor;
using Edge = Graph::edge_descriptor;
inline constexpr uint32_t kNoIndex = UINT32_MAX;

// What Remove() took out, captured before it went, so callers can report and persist it.
struct Removal {
  std::vector<Statement> statements;
  std::vector<Argument> arguments;
  std::vector<Relation> relations;        // user relations that went with the node
  std::vector<NodeId> changed_arguments;  // arguments that lost a premise (now rewritten)
};

class ArgumentMap {
 public:
  ArgumentMap() = default;
  ArgumentMap(const ArgumentMap&) = delete;
  ArgumentMap& operator=(const ArgumentMap&) = delete;
  // Moves take the graph's pointer: Boost's adjacency_list has no move (its swap copies), and
  // its edge lists point at the graph object itself, so the graph must stay where it is. Not
  // while another thread reads the map.
  ArgumentMap(ArgumentMap&& other) noexcept;
  ArgumentMap& operator=(ArgumentMap&& other) noexcept;

  // Map metadata: the front matter's key/value pairs (values as JSON text, as in DataEntries).
  const std::string& title() const { return title_; }
  void set_title(std::string title) { title_ = std::move(title); }
  const DataEntries& metadata() const { return metadata_; }
  void set_metadata(DataEntries metadata) { metadata_ = std::move(metadata); }

  // Adding. A record whose id (and, for arguments, step node and edge ids) is 0 gets fresh ids;
  // a record with ids keeps them (a store loading a map), provided they are unused. On error the
  // map is unchanged. *id, when given, receives the node's or relation's id.
  Status AddStatement(Statement statement, NodeId* id = nullptr);
  Status AddArgument(Argument argument, NodeId* id = nullptr);
  Status AddRelation(Relation relation, EdgeId* id = nullptr);
  Status AddRelation(RelationType type, NodeId from, NodeId to, EdgeId* id = nullptr);

  // Bulk appends, for producers that keep titles unique and relations distinct themselves (the
  // Argdown model, which indexes titles and merges duplicate relations; a store loader, whose
  // records a valid map wrote). As the Add* calls, minus the look-ups in the title and relation
  // indexes, which cost a cache miss per record at a million; those indexes are rebuilt from the
  // records when next needed (a look-up by title or an Add*). Ids, ends and kinds are checked;
  // Verify() checks what these skip. The records are taken by rvalue reference: a Statement is
  // nine strings and vectors, and moving it into a by-value parameter (and destroying the
  // moved-from copy) cost about 300 instructions per record, more than half of the append.
  Status AppendStatement(Statement&& statement, NodeId* id = nullptr);
  Status AppendStatement(const Statement& statement, NodeId* id = nullptr) {
    return AppendStatement(Statement(statement), id);
  }
  Status AppendArgument(Argument&& argument, NodeId* id = nullptr);
  Status AppendArgument(const Argument& argument, NodeId* id = nullptr) {
    return AppendArgument(Argument(argument), id);
  }
  Status AppendRelation(Relation relation, EdgeId* id = nullptr);

  // The invariants that the appends leave to their caller (unique titles, distinct relations),
  // and that the id table agrees with the records.
  Status Verify() const;

  // Replaces the text-like fields of an existing statement (role, thesis, actor, text, tags, data,
  // source, quote, section); the title stays. Fails if the role change breaks a warrant.
  Status UpdateStatement(const Statement& statement);

  // Removes a node and every relation touching it. A statement that is some argument's
  // conclusion cannot be removed (remove the argument first); as a premise it is dropped from the
  // steps that use it. Intermediate step vertices cannot be removed on their own.
  Status Remove(NodeId id, Removal* removal);

  // Lookup. nullptr when absent.
  const Statement* FindStatement(std::string_view title) const;
  const Argument* FindArgument(std::string_view title) const;
  const Statement* statement(NodeId id) const;
  const Argument* argument(NodeId id) const;
  const Relation* relation(EdgeId id) const;
  bool ContainsNode(NodeId id) const { return VertexOf(id) != kNoIndex; }
  // Whether id is a statement with the role warrant; reads one byte, not the record.
  bool IsWarrant(NodeId id) const { return KindOfId(id) == IdKind::kWarrant; }

  // Resolves a name as on the command line: "[Title]" (statement), "<Title>" (argument), or a
  // bare title that names exactly one node. NotFound or InvalidInput (ambiguous) otherwise.
  Status Resolve(std::string_view name, NodeId* id) const;

  // "[Title]" for a statement, "<Title>" for an argument, "<Title> step N" for an earlier step.
  std::string DisplayName(NodeId id) const;
  void AppendDisplayName(NodeId id, std::string* out) const;  // the same, appended
  // The plain title of a statement or argument; an earlier step gives its argument's title.
  std::string_view TitleOf(NodeId id) const;

  // Records, in the order they were added (removal compacts).
  const ChunkedVector<Statement>& statements() const { return statements_; }
  const ChunkedVector<Argument>& arguments() const { return arguments_; }
  const std::vector<Relation>& relations() const { return relations_; }
  size_t node_count() const { return vertices_.size(); }

  // The topology, read-only. Vertex descriptors are invalidated by Remove(). The Boost graph is
  // built on the first call (safe from concurrent const callers), so that a map that is only
  // read and stored (an import) never builds one; from then on every change updates it.
  const Graph& graph() const;
  uint32_t VertexOf(NodeId id) const {
    return id < vertex_of_id_.size() ? vertex_of_id_[id] : kNoIndex;
  }
  const VertexData& vertex(Vertex v) const { return vertices_[v]; }

  // Calls f(uint32_t from_vertex, uint32_t to_vertex, const EdgeData&) for every edge of the
  // topology in a fixed order: each argument's premise and conclusion edges, step by step, in
  // the arguments' order, then the relations in theirs (the order of graph()'s edges when it is
  // built after the last change). Needs no Boost graph: analyses that keep their own flat
  // copy of the topology build it from this.
  template <typename F>
  void ForEachEdge(F&& f) const {
    for (const Argument& a : arguments_) ForEachArgumentEdge(a, f);
    for (const Relation& r : relations_) {
      f(VertexOf(r.from), VertexOf(r.to), EdgeData{r.id, r.type});
    }
  }

  // The next id this map would hand out: one more than the largest id ever used.
  uint64_t next_id() const { return next_id_; }
  // Raises next_id (a store restoring a map whose newest ids were removed). Never lowers it.
  void ReserveIdsBelow(uint64_t next_id);

  // Ids a map can hold: its tables are indexed by id (about nine bytes per id below next_id),
  // and the checks handle fewer vertices than this anyway. A record that brings an id at or
  // above it is refused.
  static constexpr uint64_t kMaxIds = uint64_t{1} << 29;

  // Pre-sizes containers for a bulk load of about this many records.
  void Reserve(size_t statements, size_t arguments, size_t relations);

  // A relation's identity, which no two relations of a map share: (from, to * 8 + type), a
  // contradiction's ends ordered so that both directions are one key. Ordered as (from, to, type).
  struct RelationKey {
    uint64_t a, b;
    auto operator<=>(const RelationKey&) const = default;
  };
  static RelationKey KeyOf(const Relation& r);

 private:
  // What an id stands for: one byte per id, so that validating a relation or an argument step
  // (millions of them in a load) reads a small array instead of the vertex table.
  // A statement with the role warrant has its own kind (arguments ask for their warrants).
  enum class IdKind : uint8_t { kFree, kRetired, kStatement, kWarrant, kArgument, kStep, kEdge };
  static IdKind StatementKind(Role role) {
    return role == Role::kWarrant ? IdKind::kWarrant : IdKind::kStatement;
  }
  static bool IsStatement(IdKind kind) {
    return kind == IdKind::kStatement || kind == IdKind::kWarrant;
  }
  // Calls f(id, kind) for every id that the records hold, with the kind it must have.
  template <typename F>
  void ForEachRecordId(F&& f) const {
    for (const Statement& s : statements_) f(s.id, StatementKind(s.role));
    for (const Argument& a : arguments_) {
      f(a.id, IdKind::kArgument);
      for (const InferenceStep& step : a.steps) {
        if (step.node != a.id) f(step.node, IdKind::kStep);
        for (EdgeId e : step.premise_edges) f(e, IdKind::kEdge);
        f(step.conclusion_edge, IdKind::kEdge);
      }
    }
    for (const Relation& r : relations_) f(r.id, IdKind::kEdge);
  }
  // wanted or a fresh id, marked `kind`; the caller checked that wanted is unused.
  uint64_t TakeId(uint64_t wanted, IdKind kind);
  bool IdInUse(uint64_t id) const { return KindOfId(id) != IdKind::kFree; }
  IdKind KindOfId(uint64_t id) const {
    return id < id_kinds_.size() ? id_kinds_[id] : IdKind::kFree;
  }
  void SetVertexOf(NodeId id, uint32_t vertex);
  void SetRelationOf(EdgeId id, uint32_t index);
  Status ValidateStatement(const Statement& statement) const;  // title and id, not uniqueness
  Status ValidateArgument(const Argument& argument) const;     // the same, and its steps
  // Ends, kinds and id; duplicates too when check_duplicate (the relation index must be built).
  Status ValidateRelation(const Relation& relation, bool check_duplicate) const;
  void PutStatement(Statement&& statement, NodeId* id);  // after validation
  void PutArgument(Argument&& argument, NodeId* id);
  void PutRelation(Relation relation, EdgeId* id);
  void EnsureIndexes() const;  // builds the title and relation indexes if they are stale
  void BuildIndexes() const;
  void InvalidateIndexes();
  void AddVertex(const VertexData& data);  // and to the graph, once it is built
  void LinkArgument(uint32_t index);       // adds its vertices (and edges, once the graph is built)
  // The premise and conclusion edges of an argument's steps, as (from, to, data) calls of f.
  template <typename F>
  void ForEachArgumentEdge(const Argument& a, F&& f) const {
    for (size_t j = 0; j < a.steps.size(); ++j) {
      const InferenceStep& step = a.steps[j];
      uint32_t sv = VertexOf(j + 1 == a.steps.size() ? a.id : step.node);
      for (size_t i = 0; i < step.premises.size(); ++i) {
        f(VertexOf(step.premises[i]), sv, EdgeData{step.premise_edges[i], RelationType::kPremise});
      }
      f(sv, VertexOf(step.conclusion), EdgeData{step.conclusion_edge, RelationType::kConclusion});
    }
  }
  void BuildGraph() const;
  void Rebuild();  // recreates the vertices from the records; graph and indexes on next use

  std::string title_;
  DataEntries metadata_;
  ChunkedVector<Statement> statements_;
  ChunkedVector<Argument> arguments_;
  std::vector<Relation> relations_;
  // The indexes: up to date while indexes_built_, else stale (after an Append* or a Remove) and
  // rebuilt by EnsureIndexes (safe from concurrent const callers, as graph()).
  mutable FlatTitleIndex statement_titles_;  // title (a view into statements_) -> its index
  mutable FlatTitleIndex argument_titles_;   // title (a view into arguments_) -> its index
  mutable FlatKeySet relation_keys_;         // KeyOf of every relation
  mutable std::atomic<bool> indexes_built_{true};
  mutable std::mutex index_mutex_;        // BuildIndexes
  std::vector<uint32_t> vertex_of_id_;    // node id -> vertex, kNoIndex if not a node
  std::vector<uint32_t> relation_of_id_;  // edge id -> index in relations_, kNoIndex otherwise
  std::vector<IdKind> id_kinds_;          // per id; kRetired once its node or edge is removed
  uint64_t next_id_ = 1;
  std::vector<VertexData> vertices_;  // vertex -> what it stands for; the graph's vertices
  // vertex -> the title of its statement or argument: a view into the record, which a
  // ChunkedVector keeps in place until Remove() (which rebuilds this). TitleOf without three
  // lookups.
  std::vector<std::string_view> vertex_titles_;
  // Built by graph() on first use (null before), by pointer: Boost's adjacency_list has no move
  // and its edge lists point at the graph object itself.
  mutable std::unique_ptr<Graph> graph_;
  mutable std::atomic<bool> graph_built_{false};
  mutable std::mutex graph_mutex_;  // BuildGraph
};

}  // namespace argmap
