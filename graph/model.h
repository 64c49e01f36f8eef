// The vocabulary of argument maps (SPEC §1): roles, relation types, signs, and the plain records
// for statements, arguments and relations. No behaviour beyond naming and parsing enums.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace argmap {

// Stable numeric ids. Allocated from one counter per map; never reused; 0 means "none".
using NodeId = uint64_t;
using EdgeId = uint64_t;
inline constexpr NodeId kNoNode = 0;

enum class Role : uint8_t {
  kClaim,
  kEvidence,
  kWarrant,
  kBacking,
  kAssumption,
  kObjective,
  kAction
};

// The four relations a user states, then the two that arguments imply.
enum class RelationType : uint8_t {
  kSupports,
  kAttacks,
  kUndercuts,
  kContradicts,
  kPremise,
  kConclusion
};

enum class NodeKind : uint8_t {
  kStatement,
  kArgument,  // also the vertex of the argument's last inference step
  kStep       // an earlier inference step of a multi-step argument
};

std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);
std::string_view RelationName(RelationType type);
std::optional<RelationType> ParseRelation(std::string_view name);

// The sign of SPEC §3: + for supports, premise, conclusion; - for attacks, undercuts, contradicts.
constexpr int RelationSign(RelationType type) {
  return type == RelationType::kAttacks || type == RelationType::kUndercuts ||
                 type == RelationType::kContradicts
             ? -1
             : +1;
}

// Key/value data as written in Argdown's `{...}`; each value is kept as JSON text
// ("\"EU\"", "[1, 2]", "true") so that nested values survive unchanged.
using DataEntries = std::vector<std::pair<std::string, std::string>>;

struct Statement {
  NodeId id = kNoNode;
  std::string title;
  std::string text;
  Role role = Role::kClaim;
  bool thesis = false;
  std::string actor;              // objectives and actions: who pursues or carries it out
  std::string source;             // citation, e.g. "European Union 2007: 27"
  std::string quote;              // the source's own words
  std::string section;            // the heading the statement was defined under ("" for none)
  std::vector<std::string> tags;  // without '#', role/thesis tags excluded
  DataEntries data;               // role, thesis, actor, source, quote excluded
};

// One inference step: premises, then an inference line, then a conclusion.
struct InferenceStep {
  NodeId node = kNoNode;  // the step's vertex; the last step's vertex is the argument itself
  std::vector<NodeId> premises;
  std::vector<EdgeId> premise_edges;  // parallel to premises
  NodeId conclusion = kNoNode;
  EdgeId conclusion_edge = 0;
  std::string rule;  // the text between `--` and `--` ("" for a bare `----`)
};

struct Argument {
  NodeId id = kNoNode;
  std::string title;
  std::string text;                  // the gist
  std::vector<InferenceStep> steps;  // empty for an argument without premise-conclusion structure
  NodeId warrant = kNoNode;          // a premise whose role is warrant, if any
  std::string section;
  std::vector<std::string> tags;
  DataEntries data;

  NodeId conclusion() const { return steps.empty() ? kNoNode : steps.back().conclusion; }
};

// A user-stated relation: supports, attacks, undercuts or contradicts.
struct Relation {
  EdgeId id = 0;
  RelationType type = RelationType::kSupports;
  NodeId from = kNoNode;
  NodeId to = kNoNode;
};

}  // namespace argmap
