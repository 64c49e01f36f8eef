// ArgdownModel: Argdown's own model of a text as the reader builds it — equivalence classes of
// statements, arguments with their premise-conclusion structures, inferences and relations — and
// its conversion into an ArgumentMap.
//
// The parser (argdown_reader.cc) calls the hooks below at the points where Argdown's ModelPlugin
// (@argdown/core 1.7.5) has its listeners, in the same order, so that generated titles
// ("Untitled 1", ...), canonical texts, sections, tags, data and the de-duplication of relations
// come out as Argdown's. Build() then applies Argdown's closing transformations (relations of a
// reconstructed argument move to its main conclusion, undercuts of it to its last inference;
// strict mode turns statement-to-statement support into entailment and attack into contrariety;
// an attack on an argument that duplicates an attack on one of its premises goes), checks what
// argmap cannot represent, and fills the map.
//
// argmap's additions: roles, thesis, actor, source and quote are taken out of tags and data
// (conflicting declarations are errors), and a statement's text keeps links as [text](url)
// and loses its tags (which are kept in its tags).
//
// Ownership: holds views into the text, which must outlive the model. Errors and warnings go to
// the DiagnosticSink given at construction. Thread-safety: none.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "formats/argdown_data.h"
#include "formats/argdown_lexer.h"
#include "formats/argdown_reader.h"
#include "formats/diagnostic.h"
#include "graph/argument_map.h"
#include "graph/flat_hash.h"

namespace argmap {

// One occurrence of a statement or of an argument (a description) in the text. The parser fills
// it; the model reads it when the occurrence ends.
struct ArgdownMember {
  struct Tag {
    std::string_view name;
    size_t offset;
  };
  bool is_argument = false;
  bool has_title = false;
  bool is_reference = false;
  std::string_view title;
  uint32_t title_hash = 0;  // FlatTitleIndex::Hash(title) from the title's token; 0: not known
  std::string text;
  std::vector<Tag> tags;
  bool has_data = false;
  DataValue data;
  size_t data_offset = 0;
  size_t offset = 0;  // where the occurrence starts

  void Clear();  // keeps the capacity of text and tags
};

struct ArgdownNodeRef {
  enum class Kind : uint8_t { kNone, kStatement, kArgument, kInference };
  Kind kind = Kind::kNone;
  uint32_t index = 0;
  bool operator==(const ArgdownNodeRef&) const = default;
};

enum class ArgdownRelationKind : uint8_t {
  kSupport,
  kAttack,
  kUndercut,
  kContradictory,
  kEntails,  // strict mode
  kContrary  // strict mode
};

struct ArgdownRelation {
  ArgdownRelationKind kind = ArgdownRelationKind::kSupport;
  ArgdownNodeRef from;
  ArgdownNodeRef to;
  size_t offset = 0;  // the relation symbol
  bool removed = false;
};

class ArgdownModel {
 public:
  ArgdownModel(std::string_view text, DiagnosticSink* sink);
  ArgdownModel(const ArgdownModel&) = delete;
  ArgdownModel& operator=(const ArgdownModel&) = delete;

  void SetFrontMatter(const DataValue& data, size_t offset);
  void AddSection(std::string title);

  // RELATIONS Entry: the node that the relations under this member attach to; an untitled
  // statement gets its generated title here, as in Argdown.
  ArgdownNodeRef RelationParent(ArgdownMember* member);
  // STATEMENT Exit / ARGUMENT Exit.
  ArgdownNodeRef MemberExit(ArgdownMember* member);

  // A relation symbol under `parent`. False (after reporting an error) when the relation cannot
  // stand there; the parser then reads on without it.
  bool RelationEntry(ArgdownToken symbol, ArgdownNodeRef parent, size_t offset,
                     ArgdownRelation* relation);
  void RelationExit(ArgdownRelation relation, ArgdownNodeRef member);

  // Premise-conclusion structures: BeginPcs, then AddPcsStatement / BeginInference in text order,
  // then EndPcs. preceding_argument is the argument of the paragraph before, if any.
  void BeginPcs(ArgdownNodeRef preceding_argument, size_t offset);
  ArgdownNodeRef BeginInference(size_t offset);
  void SetInferenceRules(ArgdownNodeRef inference, std::string rule);
  void SetInferenceData(ArgdownNodeRef inference, const DataValue& data, size_t offset);
  void AddPcsStatement(ArgdownNodeRef statement, const ArgdownMember& member, bool after_inference,
                       size_t offset);
  void EndPcs();

  // Argdown's closing transformations, argmap's checks, then (when no error was reported, by
  // anyone) the map. Warnings: titles referred to but never defined.
  void Build(ArgumentMap* map, ArgdownReadTimes* times = nullptr);

  // For a title token the parser reaches soon (Token::title_hash; nothing when it is 0), in two
  // stages: TouchTitleSlot reads the index's slot for a token further ahead (the parser touches
  // several in a row, so that their cache misses overlap, and keeps the result); PrefetchNear,
  // for a token nearer, asks for the title's characters and its record. Look-ups of a large
  // map's titles mostly miss the cache; this way the misses overlap each other and the parsing.
  uint32_t TouchTitleSlot(const Token& t) const {
    return t.title_hash != 0 ? IndexOf(t.type).TouchSlot(t.title_hash) : 0;
  }
  void PrefetchNear(const Token& t) const {
    if (t.title_hash != 0) PrefetchTitle(t);  // inline: most tokens have no title
  }

  // Whether any statement or argument occurred so far, defined or only referred to.
  bool has_nodes() const { return !statements_.empty() || !arguments_.empty(); }

 private:
  static constexpr int kNoSection = -1;
  // From this many relations read, Build transforms them on a second thread.
  static constexpr size_t kThreadedTransformFrom = 10000;
  static constexpr uint32_t kNone = UINT32_MAX;
  static constexpr NodeId kFirstStatementId = 1;  // a fresh ArgumentMap's first id

  struct StatementExtra {
    DataValue data;  // null when none
    std::string actor, source, quote;
    size_t actor_offset = 0, source_offset = 0, quote_offset = 0;
  };
  struct StatementRecord {
    std::string_view title;
    std::string text;
    bool defined = false;          // some occurrence is not a reference
    bool canonical_fixed = false;  // the text came from an occurrence with isCanonical
    bool has_member = false;
    bool thesis = false;
    bool role_declared = false;
    Role role = Role::kClaim;
    int section = kNoSection;
    int first_member_section = kNoSection;
    size_t first_reference = SIZE_MAX;
    size_t role_offset = 0;
    uint32_t extra = kNone;  // into statement_extras_
  };
  struct PcsEntry {
    uint32_t statement;
    int32_t inference;  // the inference before it (a conclusion), or -1 (a premise)
    size_t offset;
    uint32_t member_data;  // into pcs_member_data_ when the occurrence's data has uses/from
  };
  struct ArgumentRecord {
    std::string_view title;
    std::string text;
    bool defined = false;
    bool canonical_fixed = false;
    bool has_member = false;
    int section = kNoSection;
    int first_member_section = kNoSection;
    size_t first_reference = SIZE_MAX;
    size_t pcs_offset = SIZE_MAX;
    std::vector<std::string_view> tags;
    DataValue data;
    std::vector<PcsEntry> pcs;
  };
  struct Inference {
    uint32_t argument;
    int32_t conclusion = -1;  // index in the argument's pcs
    std::string rule;
    DataValue data;
    size_t offset;
    size_t data_offset = 0;
  };
  static uint64_t Packed(ArgdownNodeRef ref) {
    return (static_cast<uint64_t>(ref.kind) << 32) | ref.index;
  }
  // A relation as a FlatKeySet key: (source, target and kind).
  using RelationKey = FlatKeySet::Key;
  static RelationKey KeyOf(ArgdownRelationKind kind, ArgdownNodeRef from, ArgdownNodeRef to) {
    return RelationKey{Packed(from), Packed(to) * 8 + static_cast<uint64_t>(kind)};
  }
  bool HasRelation(RelationKey key) const { return relation_keys_.Contains(key.a, key.b); }

  const FlatTitleIndex& IndexOf(ArgdownToken title_token) const {
    return title_token == ArgdownToken::kArgumentDefinition ||
                   title_token == ArgdownToken::kArgumentReference
               ? argument_index_
               : statement_index_;
  }
  std::string_view GenerateTitle();
  // The record of title, created if new; `hash` is FlatTitleIndex::Hash(title), or 0: unknown.
  uint32_t StatementIndex(std::string_view title, uint32_t hash = 0);
  uint32_t ArgumentIndex(std::string_view title, uint32_t hash = 0);
  StatementExtra& Extra(StatementRecord& statement);
  ArgdownNodeRef StatementExit(ArgdownMember* member);
  ArgdownNodeRef ArgumentExit(ArgdownMember* member);
  void TakeStatementData(StatementRecord& statement, const ArgdownMember& member);
  void DeclareRole(StatementRecord& statement, Role role, size_t offset);
  void DeclareText(StatementRecord& statement, std::string* field, size_t* field_offset,
                   std::string_view what, std::string value, size_t offset);
  std::string Name(ArgdownNodeRef ref) const;
  void PrefetchTitle(const Token& t) const;  // PrefetchNear for a title token

  void DeduplicateRelations();
  void TransformArgumentRelations();
  void TransformStatementRelations();
  void RemoveRedundantAttacks();
  void WarnUndefined();
  // The map's id of statements_[index]: Build gives the statements the map's first ids, in
  // order, so that this is arithmetic rather than a read of a table far from the cache.
  static NodeId StatementId(uint32_t index) { return kFirstStatementId + index; }
  bool StepsOf(const ArgumentRecord& argument, std::vector<InferenceStep>* steps);
  bool ToMapRelation(const ArgdownRelation& relation, const std::vector<NodeId>& argument_ids,
                     Relation* out);

  std::string_view text_;
  DiagnosticSink* sink_;
  bool strict_ = false;
  std::string title_;
  DataEntries metadata_;
  std::vector<std::string> sections_;
  int current_section_ = kNoSection;
  uint32_t untitled_ = 0;
  std::deque<std::string> generated_titles_;  // stable storage behind generated title views
  std::vector<StatementRecord> statements_;
  std::vector<StatementExtra> statement_extras_;
  // The statements' tags in text order, duplicates included: one vector for all, not one each.
  std::vector<std::pair<uint32_t, std::string_view>> statement_tags_;
  std::vector<ArgumentRecord> arguments_;
  std::vector<Inference> inferences_;
  std::vector<DataValue> pcs_member_data_;
  std::vector<ArgdownRelation> relations_;  // as read, duplicates too until Build
  FlatTitleIndex statement_index_;
  FlatTitleIndex argument_index_;
  FlatKeySet relation_keys_;
  uint32_t current_pcs_ = kNone;    // the argument whose pcs is being read
  int32_t current_inference_ = -1;  // Argdown never resets it, see RelationEntry
};

}  // namespace argmap
