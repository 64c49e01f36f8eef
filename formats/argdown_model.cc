#include "formats/argdown_model.h"

#include <algorithm>
#include <cassert>
#include <chrono>

#include "graph/side_task.h"

namespace argmap {
namespace {

constexpr std::string_view kRoleTags[] = {"objective", "action",  "evidence",
                                          "warrant",   "backing", "assumption"};

std::string_view TrimmedText(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string Quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// The value of a data key as argmap's text fields take it: a string, or a number's digits.
bool ScalarText(const DataValue& value, std::string* out) {
  if (value.is_string()) {
    *out = value.get<std::string>();
    return true;
  }
  if (value.is_number()) {
    *out = value.dump();
    return true;
  }
  return false;
}

}  // namespace

void ArgdownMember::Clear() {
  is_argument = has_title = is_reference = has_data = false;
  title = {};
  title_hash = 0;
  text.clear();
  tags.clear();
  data = nullptr;
  data_offset = offset = 0;
}

ArgdownModel::ArgdownModel(std::string_view text, DiagnosticSink* sink) : text_(text), sink_(sink) {
  // At most one statement per 60 bytes or so in typical maps; half that saves most rehashing
  // without touching memory that is never used.
  size_t expected = text.size() / 120 + 16;
  statements_.reserve(expected);
  statement_index_.Reserve(expected);
  relation_keys_.Reserve(expected);
}

std::string ArgdownModel::Name(ArgdownNodeRef ref) const {
  switch (ref.kind) {
    case ArgdownNodeRef::Kind::kStatement:
      return "[" + std::string(statements_[ref.index].title) + "]";
    case ArgdownNodeRef::Kind::kArgument:
      return "<" + std::string(arguments_[ref.index].title) + ">";
    case ArgdownNodeRef::Kind::kInference: {
      const Inference& inference = inferences_[ref.index];
      return "the inference of <" + std::string(arguments_[inference.argument].title) + ">";
    }
    case ArgdownNodeRef::Kind::kNone:
      break;
  }
  return "?";
}

void ArgdownModel::SetFrontMatter(const DataValue& data, size_t offset) {
  if (data.is_null()) return;
  if (!data.is_object()) {
    sink_->Error(offset, "the front matter must be 'key: value' lines");
    return;
  }
  for (auto it = data.begin(); it != data.end(); ++it) {
    const std::string& key = it.key();
    const DataValue& value = it.value();
    if (key == "title") {
      if (!ScalarText(value, &title_))
        sink_->Error(offset, "the front matter's title must be text");
      continue;
    }
    if (key == "model") {
      if (!value.is_object()) {
        sink_->Error(offset,
                     "the front matter's model must be 'key: value' lines (e.g. mode: strict)");
      } else {
        for (auto m = value.begin(); m != value.end(); ++m) {
          if (m.key() != "mode") {
            sink_->Error(offset, "unsupported: the model setting '" + m.key() +
                                     "' in the front matter (argmap knows only mode)");
          } else if (m.value() == "strict") {
            strict_ = true;
          } else if (m.value() != "loose") {
            sink_->Error(offset, "the model mode must be strict or loose, not " + m.value().dump());
          }
        }
      }
    }
    metadata_.emplace_back(key, value.dump());
  }
}

void ArgdownModel::AddSection(std::string title) {
  sections_.push_back(std::move(title));
  current_section_ = static_cast<int>(sections_.size() - 1);
}

std::string_view ArgdownModel::GenerateTitle() {
  generated_titles_.push_back("Untitled " + std::to_string(++untitled_));
  return generated_titles_.back();
}

void ArgdownModel::PrefetchTitle(const Token& t) const {
  const uint32_t index = IndexOf(t.type).PrefetchTitle(t.title_hash);
  if (&IndexOf(t.type) == &statement_index_) {
    if (index < statements_.size()) __builtin_prefetch(&statements_[index]);
  } else if (index < arguments_.size()) {
    __builtin_prefetch(&arguments_[index]);
  }
}

uint32_t ArgdownModel::StatementIndex(std::string_view title, uint32_t hash) {
  bool inserted;
  uint32_t index =
      statement_index_.FindOrInsertHashed(title, hash != 0 ? hash : FlatTitleIndex::Hash(title),
                                          static_cast<uint32_t>(statements_.size()), &inserted);
  if (inserted) {
    statements_.emplace_back();
    statements_.back().title = title;
  }
  return index;
}

uint32_t ArgdownModel::ArgumentIndex(std::string_view title, uint32_t hash) {
  bool inserted;
  uint32_t index =
      argument_index_.FindOrInsertHashed(title, hash != 0 ? hash : FlatTitleIndex::Hash(title),
                                         static_cast<uint32_t>(arguments_.size()), &inserted);
  if (inserted) {
    arguments_.emplace_back();
    arguments_.back().title = title;
  }
  return index;
}

ArgdownModel::StatementExtra& ArgdownModel::Extra(StatementRecord& statement) {
  if (statement.extra == kNone) {
    statement.extra = static_cast<uint32_t>(statement_extras_.size());
    statement_extras_.emplace_back();
  }
  return statement_extras_[statement.extra];
}

ArgdownNodeRef ArgdownModel::RelationParent(ArgdownMember* member) {
  if (!member->has_title) {
    member->title = GenerateTitle();
    member->has_title = true;
  }
  if (member->is_argument) {
    return {ArgdownNodeRef::Kind::kArgument, ArgumentIndex(member->title, member->title_hash)};
  }
  return {ArgdownNodeRef::Kind::kStatement, StatementIndex(member->title, member->title_hash)};
}

ArgdownNodeRef ArgdownModel::MemberExit(ArgdownMember* member) {
  return member->is_argument ? ArgumentExit(member) : StatementExit(member);
}

void ArgdownModel::DeclareRole(StatementRecord& statement, Role role, size_t offset) {
  if (!statement.role_declared) {
    statement.role_declared = true;
    statement.role = role;
    statement.role_offset = offset;
    return;
  }
  if (statement.role == role) return;
  sink_->Error(offset, "[" + std::string(statement.title) +
                           "] has two roles: " + std::string(RoleName(statement.role)) + " (at " +
                           sink_->PositionText(statement.role_offset) + ") and " +
                           std::string(RoleName(role)));
}

void ArgdownModel::DeclareText(StatementRecord& statement, std::string* field, size_t* field_offset,
                               std::string_view what, std::string value, size_t offset) {
  if (field->empty() || *field == value) {
    if (field->empty()) *field_offset = offset;
    *field = std::move(value);
    return;
  }
  sink_->Error(offset, "[" + std::string(statement.title) + "] has two " + std::string(what) +
                           "s: " + Quoted(*field) + " (at " + sink_->PositionText(*field_offset) +
                           ") and " + Quoted(value));
}

// Role, thesis, actor, source and quote out of an occurrence's tags and data; the rest of its
// tags and data join the statement's (lodash.merge, as Argdown merges equivalent statements).
void ArgdownModel::TakeStatementData(StatementRecord& statement, const ArgdownMember& member) {
  for (const ArgdownMember::Tag& tag : member.tags) {
    auto role = std::find(std::begin(kRoleTags), std::end(kRoleTags), tag.name);
    if (role != std::end(kRoleTags)) {
      DeclareRole(statement, *ParseRole(tag.name), tag.offset);
    } else if (tag.name == "thesis") {
      statement.thesis = true;
    } else {
      statement_tags_.emplace_back(static_cast<uint32_t>(&statement - statements_.data()),
                                   tag.name);
    }
  }
  if (!member.has_data || !member.data.is_object()) return;
  const size_t at = member.data_offset;
  for (auto it = member.data.begin(); it != member.data.end(); ++it) {
    const std::string& key = it.key();
    const DataValue& value = it.value();
    if (key == "role") {
      std::optional<Role> role =
          value.is_string() ? ParseRole(value.get<std::string>()) : std::nullopt;
      if (!role) {
        sink_->Error(at, "unknown role " + value.dump() +
                             " (roles: claim, evidence, warrant, backing, assumption, "
                             "objective, action)");
      } else {
        DeclareRole(statement, *role, at);
      }
    } else if (key == "thesis") {
      if (!value.is_boolean()) {
        sink_->Error(at, "thesis must be true or false, not " + value.dump());
      } else if (value.get<bool>()) {
        statement.thesis = true;
      }
    } else if (key == "actor" || key == "source" || key == "quote") {
      std::string text;
      if (!ScalarText(value, &text)) {
        sink_->Error(at, key + " must be a text, not " + value.dump());
        continue;
      }
      StatementExtra& extra = Extra(statement);
      if (key == "actor") DeclareText(statement, &extra.actor, &extra.actor_offset, key, text, at);
      if (key == "source") {
        DeclareText(statement, &extra.source, &extra.source_offset, key, text, at);
      }
      if (key == "quote") DeclareText(statement, &extra.quote, &extra.quote_offset, key, text, at);
    } else {
      DataValue& data = Extra(statement).data;
      if (data.is_null()) data = DataValue::object();
      MergeData(&data[key], value);
    }
  }
}

// isInGroup (Argdown): true takes the node into this occurrence's section; present but not true
// keeps it out; absent lets the first defining occurrence decide.
namespace {
template <typename Node>
void AssignSection(Node& node, const ArgdownMember& member, int section, int no_section) {
  const DataValue* in_group = nullptr;
  if (member.has_data && member.data.is_object() && member.data.contains("isInGroup")) {
    in_group = &member.data["isInGroup"];
  }
  bool takes = in_group ? (in_group->is_boolean() && in_group->get<bool>())
                        : !member.is_reference && node.section == no_section;
  if (takes) node.section = section;
  if (!node.has_member) {
    node.has_member = true;
    node.first_member_section = section;
  }
}

template <typename Node>
void AssignText(Node& node, const ArgdownMember& member) {
  if (member.is_reference) return;
  node.defined = true;
  bool canonical = member.has_data && member.data.is_object() &&
                   member.data.contains("isCanonical") && IsTruthy(member.data["isCanonical"]);
  if (canonical || !node.canonical_fixed) node.text = std::string(TrimmedText(member.text));
  if (canonical) node.canonical_fixed = true;
}
}  // namespace

ArgdownNodeRef ArgdownModel::StatementExit(ArgdownMember* member) {
  if (!member->has_title) {
    member->title = GenerateTitle();
    member->has_title = true;
  }
  uint32_t index = StatementIndex(member->title, member->title_hash);
  StatementRecord& statement = statements_[index];
  TakeStatementData(statement, *member);
  AssignSection(statement, *member, current_section_, kNoSection);
  AssignText(statement, *member);
  if (member->is_reference && statement.first_reference == SIZE_MAX) {
    statement.first_reference = member->offset;
  }
  return {ArgdownNodeRef::Kind::kStatement, index};
}

ArgdownNodeRef ArgdownModel::ArgumentExit(ArgdownMember* member) {
  if (!member->has_title) {  // a reference whose title spans lines, which Argdown cannot read
    member->title = GenerateTitle();
    member->has_title = true;
  }
  uint32_t index = ArgumentIndex(member->title, member->title_hash);
  ArgumentRecord& argument = arguments_[index];
  for (const ArgdownMember::Tag& tag : member->tags) {
    if (std::find(argument.tags.begin(), argument.tags.end(), tag.name) == argument.tags.end()) {
      argument.tags.push_back(tag.name);
    }
  }
  if (member->has_data) {
    if (argument.data.is_null()) argument.data = DataValue::object();
    MergeData(&argument.data, member->data);
  }
  AssignSection(argument, *member, current_section_, kNoSection);
  AssignText(argument, *member);
  if (member->is_reference && argument.first_reference == SIZE_MAX) {
    argument.first_reference = member->offset;
  }
  return {ArgdownNodeRef::Kind::kArgument, index};
}

bool ArgdownModel::RelationEntry(ArgdownToken symbol, ArgdownNodeRef parent, size_t offset,
                                 ArgdownRelation* relation) {
  *relation = ArgdownRelation{};
  relation->offset = offset;
  bool parent_is_source = true;
  switch (symbol) {
    case ArgdownToken::kIncomingSupport:
      relation->kind = ArgdownRelationKind::kSupport;
      break;
    case ArgdownToken::kIncomingAttack:
      relation->kind = ArgdownRelationKind::kAttack;
      break;
    case ArgdownToken::kOutgoingSupport:
      relation->kind = ArgdownRelationKind::kSupport;
      parent_is_source = false;
      break;
    case ArgdownToken::kOutgoingAttack:
      relation->kind = ArgdownRelationKind::kAttack;
      parent_is_source = false;
      break;
    case ArgdownToken::kContradiction:
      relation->kind = ArgdownRelationKind::kContradictory;
      break;
    case ArgdownToken::kIncomingUndercut:
      relation->kind = ArgdownRelationKind::kUndercut;
      break;
    case ArgdownToken::kOutgoingUndercut:
      relation->kind = ArgdownRelationKind::kUndercut;
      parent_is_source = false;
      if (parent.kind == ArgdownNodeRef::Kind::kStatement) {
        // Argdown aims `<_` under a statement at "the current inference", which it never
        // resets. Within a premise-conclusion structure, after one of its inferences, that is
        // the inference the statement belongs to; anywhere else it would be some earlier
        // argument's, so argmap refuses it.
        bool in_pcs = current_pcs_ != kNone && current_inference_ >= 0 &&
                      inferences_[current_inference_].argument == current_pcs_;
        if (!in_pcs) {
          sink_->Error(offset, "an undercut must be aimed at an argument, but " + Name(parent) +
                                   " is a statement");
          return false;
        }
        parent = {ArgdownNodeRef::Kind::kInference, static_cast<uint32_t>(current_inference_)};
      }
      break;
    default:
      return false;
  }
  (parent_is_source ? relation->from : relation->to) = parent;
  return true;
}

// onRelationExit: the relation, with its member's end filled in, is kept as read;
// DeduplicateRelations applies Argdown's test for duplicates to all of them in Build.
void ArgdownModel::RelationExit(ArgdownRelation relation, ArgdownNodeRef member) {
  (relation.from.kind == ArgdownNodeRef::Kind::kNone ? relation.from : relation.to) = member;
  relations_.push_back(relation);  // DeduplicateRelations decides whether it stays
}

// Argdown's RELATION Exit, for all relations at once. Reading them one by one, Argdown looks for
// each relation among those kept from its source with the same target and type. That finds a
// duplicate, a reversed contradiction — and, for a relation of a node to itself, any relation of
// that type into the node, which the node's list holds too. So it drops a relation when an equal
// one (a contradiction: either way round) was kept before it, and a relation of a node to itself
// when a relation of its kind into that node was kept before it.
// The first rule is first occurrence by key, which one batch insertion decides for all
// relations without a cache miss per relation (a million statements' relations missed it
// 1.5 million times while parsing). The second needs the order, and only nodes with a relation
// to themselves, so it is one pass that looks only at those. Kept relations stay in text order.
void ArgdownModel::DeduplicateRelations() {
  // Contradictions have no direction: their key puts the smaller end first.
  auto key_at = [this](size_t i) {
    const ArgdownRelation& r = relations_[i];
    if (r.kind == ArgdownRelationKind::kContradictory && Packed(r.to) < Packed(r.from)) {
      return KeyOf(r.kind, r.to, r.from);
    }
    return KeyOf(r.kind, r.from, r.to);
  };
  auto is_loop = [](const ArgdownRelation& r) {
    return r.from == r.to && r.to.kind != ArgdownNodeRef::Kind::kInference;
  };
  std::vector<uint8_t> keep;
  relation_keys_.InsertBatch(relations_.size(), key_at, &keep);
  // (node, kind) of every relation of a node to itself; then, in text order, of every kept
  // relation into such a node: a loop stays only if none came before it.
  FlatKeySet loop_targets, reached;
  for (const ArgdownRelation& r : relations_) {
    if (is_loop(r)) loop_targets.Insert(Packed(r.to), static_cast<uint64_t>(r.kind));
  }
  if (!loop_targets.empty()) {
    for (size_t i = 0; i < relations_.size(); ++i) {
      const ArgdownRelation& r = relations_[i];
      const uint64_t to = Packed(r.to), kind = static_cast<uint64_t>(r.kind);
      if (is_loop(r) && keep[i] && reached.Contains(to, kind)) {
        keep[i] = false;  // and its key goes again: it was the first of its key
        RelationKey key = key_at(i);
        relation_keys_.Erase(key.a, key.b);
      }
      if (keep[i] && loop_targets.Contains(to, kind)) reached.Insert(to, kind);
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < relations_.size(); ++i) {
    if (keep[i]) relations_[kept++] = relations_[i];
  }
  relations_.resize(kept);
}

void ArgdownModel::BeginPcs(ArgdownNodeRef preceding_argument, size_t offset) {
  uint32_t index = preceding_argument.kind == ArgdownNodeRef::Kind::kArgument
                       ? preceding_argument.index
                       : ArgumentIndex(GenerateTitle());
  ArgumentRecord& argument = arguments_[index];
  if (current_section_ != kNoSection) argument.section = current_section_;
  if (!argument.pcs.empty()) {
    sink_->Error(offset, "<" + std::string(argument.title) +
                             "> already has a premise-conclusion structure (at " +
                             sink_->PositionText(argument.pcs_offset) + ")");
    argument.pcs.clear();
  }
  argument.pcs_offset = offset;
  current_pcs_ = index;
}

ArgdownNodeRef ArgdownModel::BeginInference(size_t offset) {
  Inference inference;
  inference.argument = current_pcs_;
  inference.offset = offset;
  inferences_.push_back(std::move(inference));
  current_inference_ = static_cast<int32_t>(inferences_.size() - 1);
  return {ArgdownNodeRef::Kind::kInference, static_cast<uint32_t>(current_inference_)};
}

void ArgdownModel::SetInferenceRules(ArgdownNodeRef inference, std::string rule) {
  inferences_[inference.index].rule = std::move(rule);
}

void ArgdownModel::SetInferenceData(ArgdownNodeRef inference, const DataValue& data,
                                    size_t offset) {
  if (data.is_null()) return;
  if (!data.is_object()) {
    sink_->Error(offset, "data must be 'key: value' pairs");
    return;
  }
  for (auto it = data.begin(); it != data.end(); ++it) {
    if (it.key() != "uses" && it.key() != "from") {
      sink_->Error(offset, "unsupported: data on an inference line ('" + it.key() +
                               "'); argmap keeps only uses and from");
    }
  }
  inferences_[inference.index].data = data;
  inferences_[inference.index].data_offset = offset;
}

void ArgdownModel::AddPcsStatement(ArgdownNodeRef statement, const ArgdownMember& member,
                                   bool after_inference, size_t offset) {
  if (current_pcs_ == kNone) return;
  ArgumentRecord& argument = arguments_[current_pcs_];
  PcsEntry entry{statement.index, -1, offset, kNone};
  if (after_inference && current_inference_ >= 0) {
    entry.inference = current_inference_;
    inferences_[current_inference_].conclusion = static_cast<int32_t>(argument.pcs.size());
  }
  if (member.has_data && member.data.is_object() &&
      (member.data.contains("uses") || member.data.contains("from"))) {
    entry.member_data = static_cast<uint32_t>(pcs_member_data_.size());
    pcs_member_data_.push_back(member.data);
  }
  argument.pcs.push_back(entry);
}

void ArgdownModel::EndPcs() { current_pcs_ = kNone; }

// transformArgumentRelations: a reconstructed argument's relations leave from its main
// conclusion; undercuts of it go to its last inference. A relation that then duplicates one
// already there (which includes the argument's relation to its own conclusion) goes.
void ArgdownModel::TransformArgumentRelations() {
  auto reconstructed = [&](ArgdownNodeRef ref) {
    return ref.kind == ArgdownNodeRef::Kind::kArgument && !arguments_[ref.index].pcs.empty();
  };
  for (ArgdownRelation& relation : relations_) {
    if (reconstructed(relation.from)) {
      const ArgumentRecord& argument = arguments_[relation.from.index];
      ArgdownNodeRef conclusion{ArgdownNodeRef::Kind::kStatement, argument.pcs.back().statement};
      RelationKey old_key = KeyOf(relation.kind, relation.from, relation.to);
      relation_keys_.Erase(old_key.a, old_key.b);
      relation.from = conclusion;
      RelationKey key = KeyOf(relation.kind, relation.from, relation.to);
      if (relation.to == conclusion || HasRelation(key)) {
        relation.removed = true;
        continue;
      }
      relation_keys_.Insert(key.a, key.b);
    }
    if (reconstructed(relation.to) && relation.kind == ArgdownRelationKind::kUndercut) {
      const ArgumentRecord& argument = arguments_[relation.to.index];
      const PcsEntry& last = argument.pcs.back();
      RelationKey old_key = KeyOf(relation.kind, relation.from, relation.to);
      relation_keys_.Erase(old_key.a, old_key.b);
      if (last.inference < 0) continue;  // a broken structure, reported already
      relation.to = {ArgdownNodeRef::Kind::kInference, static_cast<uint32_t>(last.inference)};
      RelationKey key = KeyOf(relation.kind, relation.from, relation.to);
      if (HasRelation(key)) {
        relation.removed = true;
        continue;
      }
      relation_keys_.Insert(key.a, key.b);
    }
  }
}

// Strict mode (transformStatementRelations): between statements, support is entailment and
// attack contrariety (once per pair).
void ArgdownModel::TransformStatementRelations() {
  FlatKeySet contrary;
  for (ArgdownRelation& relation : relations_) {
    if (relation.removed || relation.from.kind != ArgdownNodeRef::Kind::kStatement ||
        relation.to.kind != ArgdownNodeRef::Kind::kStatement) {
      continue;
    }
    if (relation.kind == ArgdownRelationKind::kSupport) {
      relation.kind = ArgdownRelationKind::kEntails;
    } else if (relation.kind == ArgdownRelationKind::kAttack) {
      if (contrary.Contains(Packed(relation.from), Packed(relation.to)) ||
          contrary.Contains(Packed(relation.to), Packed(relation.from))) {
        relation.removed = true;
      } else {
        relation.kind = ArgdownRelationKind::kContrary;
        contrary.Insert(Packed(relation.from), Packed(relation.to));
      }
    }
  }
}

// removeRedundantEC2ARelations: a statement's attack on a reconstructed argument goes when the
// statement already attacks, contradicts or is contrary to one of the argument's premises.
void ArgdownModel::RemoveRedundantAttacks() {
  auto attacks_argument = [](const ArgdownRelation& r) {
    return !r.removed && r.kind == ArgdownRelationKind::kAttack &&
           r.from.kind == ArgdownNodeRef::Kind::kStatement &&
           r.to.kind == ArgdownNodeRef::Kind::kArgument;
  };
  // Only the conflicts of statements that attack an argument are ever looked up: the others
  // are left out of the set (most of a large map's attacks and contradictions).
  std::vector<uint8_t> attacker(statements_.size(), 0);
  size_t attacks = 0;
  for (const ArgdownRelation& r : relations_) {
    if (attacks_argument(r)) {
      attacker[r.from.index] = 1;
      ++attacks;
    }
  }
  if (attacks == 0) return;
  FlatKeySet conflicts;  // (attacking statement, other statement) pairs
  auto add = [&](uint32_t from, uint32_t to) {
    if (attacker[from]) conflicts.Insert(from, to);
  };
  for (const ArgdownRelation& r : relations_) {
    if (r.removed || r.from.kind != ArgdownNodeRef::Kind::kStatement ||
        r.to.kind != ArgdownNodeRef::Kind::kStatement) {
      continue;
    }
    if (r.kind == ArgdownRelationKind::kAttack) add(r.from.index, r.to.index);
    if (r.kind == ArgdownRelationKind::kContradictory || r.kind == ArgdownRelationKind::kContrary) {
      add(r.from.index, r.to.index);
      add(r.to.index, r.from.index);
    }
  }
  for (ArgdownRelation& r : relations_) {
    if (!attacks_argument(r)) continue;
    for (const PcsEntry& entry : arguments_[r.to.index].pcs) {
      if (entry.inference < 0 && conflicts.Contains(r.from.index, entry.statement)) {
        r.removed = true;
        break;
      }
    }
  }
}

void ArgdownModel::WarnUndefined() {
  for (const StatementRecord& s : statements_) {
    if (!s.defined && s.first_reference != SIZE_MAX) {
      sink_->Warning(s.first_reference,
                     "[" + std::string(s.title) + "] is never defined; it gets an empty text");
    }
  }
  for (const ArgumentRecord& a : arguments_) {
    if (!a.defined && a.pcs.empty() && a.first_reference != SIZE_MAX) {
      sink_->Warning(a.first_reference,
                     "<" + std::string(a.title) + "> is never defined; it gets an empty text");
    }
  }
}

// The inference steps of a premise-conclusion structure, as Argdown's ExplodeArgumentsPlugin
// forms them: a step's premises run back to (and include) the previous conclusion, unless the
// inference's data (or the conclusion's) lists them with `uses: [1, 2]` (or `from`).
bool ArgdownModel::StepsOf(const ArgumentRecord& argument, std::vector<InferenceStep>* steps) {
  const std::vector<PcsEntry>& pcs = argument.pcs;
  for (size_t i = 0; i < pcs.size(); ++i) {
    if (pcs[i].inference < 0) continue;
    const Inference& inference = inferences_[pcs[i].inference];
    static const DataValue kNull;
    const DataValue& member =
        pcs[i].member_data == kNone ? kNull : pcs_member_data_[pcs[i].member_data];
    auto list = [](const DataValue& data, const char* key) -> const DataValue* {
      return data.is_object() && data.contains(key) && data[key].is_array() ? &data[key] : nullptr;
    };
    const DataValue* uses = list(inference.data, "uses");
    if (!uses) uses = list(member, "uses");
    if (!uses) uses = list(inference.data, "from");
    if (!uses && member.is_object() && member.contains("uses") && IsTruthy(member["uses"])) {
      uses = list(member, "from");
    }
    InferenceStep step;
    step.rule = inference.rule;
    step.conclusion = StatementId(pcs[i].statement);
    if (uses) {
      for (const DataValue& number : *uses) {
        if (!number.is_number_integer() || number.get<int64_t>() < 1 ||
            number.get<int64_t>() > static_cast<int64_t>(i)) {
          sink_->Error(inference.data.is_null() ? pcs[i].offset : inference.data_offset,
                       "uses: " + number.dump() + " is not the number of a statement before (" +
                           std::to_string(i + 1) + ") in <" + std::string(argument.title) + ">");
          return false;
        }
        step.premises.push_back(StatementId(pcs[number.get<int64_t>() - 1].statement));
      }
    } else {
      size_t first = i;
      while (first > 0) {
        --first;
        if (pcs[first].inference >= 0) break;
      }
      for (size_t j = first; j < i; ++j) step.premises.push_back(StatementId(pcs[j].statement));
    }
    steps->push_back(std::move(step));
  }
  return true;
}

bool ArgdownModel::ToMapRelation(const ArgdownRelation& r, const std::vector<NodeId>& argument_ids,
                                 Relation* out) {
  auto id_of = [&](ArgdownNodeRef ref) {
    return ref.kind == ArgdownNodeRef::Kind::kStatement ? StatementId(ref.index)
                                                        : argument_ids[ref.index];
  };
  ArgdownNodeRef to = r.to;
  switch (r.kind) {
    case ArgdownRelationKind::kSupport:
    case ArgdownRelationKind::kEntails:
      out->type = RelationType::kSupports;
      break;
    case ArgdownRelationKind::kAttack:
      out->type = RelationType::kAttacks;
      break;
    case ArgdownRelationKind::kUndercut:
      out->type = RelationType::kUndercuts;
      if (to.kind == ArgdownNodeRef::Kind::kStatement) {
        sink_->Error(r.offset, "an undercut must be aimed at an argument, but " + Name(to) +
                                   " is a statement");
        return false;
      }
      if (to.kind == ArgdownNodeRef::Kind::kInference) {
        const Inference& inference = inferences_[to.index];
        const ArgumentRecord& argument = arguments_[inference.argument];
        if (inference.conclusion < 0 || argument.pcs.empty()) return false;  // reported
        if (static_cast<size_t>(inference.conclusion) + 1 != argument.pcs.size()) {
          size_t step = 0;
          for (int32_t k = 0; k <= inference.conclusion; ++k)
            step += argument.pcs[k].inference >= 0;
          sink_->Error(r.offset, "unsupported: an undercut of inference step " +
                                     std::to_string(step) + " of <" + std::string(argument.title) +
                                     ">; argmap can undercut only an argument's last inference");
          return false;
        }
        to = {ArgdownNodeRef::Kind::kArgument, inference.argument};
      }
      break;
    case ArgdownRelationKind::kContradictory:
    case ArgdownRelationKind::kContrary:
      out->type = RelationType::kContradicts;
      for (ArgdownNodeRef end : {r.from, to}) {
        if (end.kind != ArgdownNodeRef::Kind::kStatement) {
          sink_->Error(r.offset, "only statements can contradict each other, but " + Name(end) +
                                     " is an argument");
          return false;
        }
      }
      if (r.from == to) {
        sink_->Error(r.offset, Name(to) + " cannot contradict itself");
        return false;
      }
      break;
  }
  out->from = id_of(r.from);
  out->to = id_of(to);
  return true;
}

void ArgdownModel::Build(ArgumentMap* map, ArgdownReadTimes* times) {
  ArgdownReadTimes unused;
  if (!times) times = &unused;
  // Stores the seconds since the last lap into *field.
  auto lap = [last = std::chrono::steady_clock::now()](double* field) mutable {
    auto now = std::chrono::steady_clock::now();
    *field = std::chrono::duration<double>(now - last).count();
    last = now;
  };
  // The relations' transformations read the arguments' structures and change only relations_
  // and relation_keys_, and report nothing: for a large map they run on a second thread while
  // this one fills the map's statements and arguments, and are waited for before its relations.
  double transform_seconds = 0;
  const size_t relations_read = relations_.size();  // the thread may drop some meanwhile
  SideTask transforming(relations_read >= kThreadedTransformFrom, [this, &transform_seconds] {
    const auto start = std::chrono::steady_clock::now();
    DeduplicateRelations();
    TransformArgumentRelations();
    if (strict_) TransformStatementRelations();
    RemoveRedundantAttacks();
    transform_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  });
  if (sink_->errors() == 0) WarnUndefined();  // after an error they could be the error's echo
  lap(&times->transform);

  // Ids: the statements take the map's first ids, in text order (StatementId), then the
  // arguments theirs as the map hands them out. Records that fail to convert are reported; the
  // map is filled only if nothing failed.
  std::vector<NodeId> argument_ids(arguments_.size());
  ArgumentMap out;
  out.set_title(title_);
  out.set_metadata(metadata_);
  out.Reserve(statements_.size(), arguments_.size(), relations_read);
  bool ok = sink_->errors() == 0;
  // The tags of each statement, grouped by a stable counting sort: tag_order[tag_start[i] ...
  // tag_start[i + 1]) are statement i's tags in text order.
  std::vector<uint32_t> tag_start(statements_.size() + 1, 0), tag_order(statement_tags_.size());
  for (const auto& [statement, tag] : statement_tags_) ++tag_start[statement + 1];
  for (size_t i = 0; i < statements_.size(); ++i) tag_start[i + 1] += tag_start[i];
  {
    std::vector<uint32_t> next(tag_start.begin(), tag_start.end() - 1);
    for (uint32_t k = 0; k < statement_tags_.size(); ++k) {
      tag_order[next[statement_tags_[k].first]++] = k;
    }
  }
  for (size_t i = 0; i < statements_.size(); ++i) {
    StatementRecord& s = statements_[i];
    argmap::Statement record;
    record.title = std::string(s.title);
    record.text = std::move(s.text);
    record.role = s.role;
    record.thesis = s.thesis;
    int section = s.section != kNoSection ? s.section : s.first_member_section;
    if (section != kNoSection) record.section = sections_[section];
    for (uint32_t k = tag_start[i]; k < tag_start[i + 1]; ++k) {
      std::string_view tag = statement_tags_[tag_order[k]].second;
      if (std::find(record.tags.begin(), record.tags.end(), tag) == record.tags.end()) {
        record.tags.emplace_back(tag);
      }
    }
    if (s.extra != kNone) {
      StatementExtra& extra = statement_extras_[s.extra];
      record.actor = std::move(extra.actor);
      record.source = std::move(extra.source);
      record.quote = std::move(extra.quote);
      if (extra.data.is_object()) {
        for (auto it = extra.data.begin(); it != extra.data.end(); ++it) {
          record.data.emplace_back(it.key(), it.value().dump());
        }
      }
    }
    if (!ok) continue;
    // Titles are unique: each is one record of the model's index.
    record.id = StatementId(static_cast<uint32_t>(i));  // fresh in a fresh map
    Status status = out.AppendStatement(std::move(record));
    if (!status.ok()) {
      sink_->Error(0, status.message());
      ok = false;
    }
  }
  lap(&times->statements);
  std::vector<std::vector<InferenceStep>> steps(arguments_.size());
  for (size_t i = 0; i < arguments_.size(); ++i) {
    // Each argument's structure is an allocation of its own, far from the last: asked for a few
    // arguments ahead, so that its cache miss overlaps the work on these.
    constexpr size_t kAhead = 8;
    if (i + kAhead < arguments_.size()) __builtin_prefetch(arguments_[i + kAhead].pcs.data());
    if (!StepsOf(arguments_[i], &steps[i])) ok = false;
  }
  ok = ok && sink_->errors() == 0;
  for (size_t i = 0; ok && i < arguments_.size(); ++i) {
    ArgumentRecord& a = arguments_[i];
    argmap::Argument record;
    record.title = std::string(a.title);
    record.text = std::move(a.text);
    int section = a.section != kNoSection ? a.section : a.first_member_section;
    if (section != kNoSection) record.section = sections_[section];
    for (std::string_view tag : a.tags) record.tags.emplace_back(tag);
    if (a.data.is_object()) {
      for (auto it = a.data.begin(); it != a.data.end(); ++it) {
        record.data.emplace_back(it.key(), it.value().dump());
      }
    }
    record.steps = std::move(steps[i]);
    for (const InferenceStep& step : record.steps) {
      for (NodeId premise : step.premises) {
        if (record.warrant == kNoNode && out.IsWarrant(premise)) {
          record.warrant = premise;
        }
      }
    }
    Status status = out.AppendArgument(std::move(record), &argument_ids[i]);
    if (!status.ok()) {
      sink_->Error(a.pcs_offset == SIZE_MAX ? 0 : a.pcs_offset, status.message());
      ok = false;
    }
  }
  transforming.Wait();
  lap(&times->arguments);
  times->transform += transform_seconds;  // a part of it overlapped the two fills
  // The model merged equal relations of Argdown's kinds, which map one to one onto argmap's
  // types but for these: contradictory and contrary (strict mode) are both contradicts, which
  // has no direction, and strict mode's entailment is support. Those are merged here.
  FlatKeySet merged;
  for (const ArgdownRelation& r : relations_) {
    if (r.removed) continue;
    Relation relation;
    if (!ToMapRelation(r, argument_ids, &relation)) {
      ok = false;
      continue;
    }
    if (!ok) continue;
    if (strict_ || relation.type == RelationType::kContradicts) {
      ArgumentMap::RelationKey key = ArgumentMap::KeyOf(relation);
      if (!merged.Insert(key.a, key.b)) continue;
    }
    Status status = out.AppendRelation(relation);
    if (!status.ok()) {
      sink_->Error(r.offset, status.message());
      ok = false;
    }
  }
  lap(&times->relations);
  assert(!ok || out.Verify().ok());
  if (ok && sink_->errors() == 0) *map = std::move(out);
}

}  // namespace argmap
