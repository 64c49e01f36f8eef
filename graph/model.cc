#include "graph/model.h"

#include <array>

namespace argmap {
namespace {

constexpr std::array<std::string_view, 7> kRoleNames = {
    "claim", "evidence", "warrant", "backing", "assumption", "objective", "action"};
constexpr std::array<std::string_view, 6> kRelationNames = {"supports",    "attacks", "undercuts",
                                                            "contradicts", "premise", "conclusion"};

}  // namespace

std::string_view RoleName(Role role) { return kRoleNames[static_cast<size_t>(role)]; }

std::optional<Role> ParseRole(std::string_view name) {
  for (size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == name) return static_cast<Role>(i);
  }
  return std::nullopt;
}

std::string_view RelationName(RelationType type) {
  return kRelationNames[static_cast<size_t>(type)];
}

std::optional<RelationType> ParseRelation(std::string_view name) {
  for (size_t i = 0; i < kRelationNames.size(); ++i) {
    if (kRelationNames[i] == name) return static_cast<RelationType>(i);
  }
  return std::nullopt;
}

}  // namespace argmap
