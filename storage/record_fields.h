// RecordFields: how much of each statement and argument a whole-map load reads.
//
// kAll: everything stored. kForChecks: what RunChecks (graph/checks.h) reads and no more: ids,
// titles, roles, theses and sources of statements; titles, inference steps and warrants of
// arguments; every relation. Texts, actors, quotes, sections, tags, data and inference rules
// stay empty. A command that only checks (`argmap check`) loads that much: a tenth less memory
// at a million statements, and fewer allocations and page faults.
#pragma once

namespace argmap {

enum class RecordFields { kAll, kForChecks };

}  // namespace argmap
