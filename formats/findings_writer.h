// Renders the findings of RunChecks (graph/checks.h) for people (text) and programs (JSON,
// SPEC §4). Both are deterministic: the same findings give the same bytes.
//
// Text: one block per finding, blocks separated by a blank line:
//   error objective-conflict: [BOMCA] promotes [Security] but hinders [Democratization].
//     + [BOMCA] --supports--> [Border controls] --supports--> [Security]
//     - [BOMCA] --supports--> [Regime resources] --attacks--> [Democratization]
// each evidence path on its own line after its sign (the product of its steps' signs), nodes as
// "[Statement]", "<Argument>" or "<Argument> step N"; then a summary line such as
// "2 errors, 1 warning, 0 infos". ANSI colour only when TextStyle::color.
//
// JSON: {"findings": [{"check", "severity", "nodes": [titles], "message",
// "evidence": [[{"from", "relation", "sign": "+"|"-", "to"}]]}], "summary": {"error", "warning",
// "info"}}, keys in that order; one finding per line and the summary on one line, items
// separated by ", " and keys by ": ", as the map's JSON writes one record per line. Titles are
// plain (no brackets); an earlier inference step of a multi-step argument appears under its
// argument's title.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "graph/argument_map.h"
#include "graph/finding.h"

namespace argmap {

struct TextStyle {
  bool color = false;  // ANSI escape sequences, for a terminal
};

// "[A] --supports--> [B] --attacks--> [C]": the one way argmap prints a path ("" when empty).
std::string FormatEvidencePath(const ArgumentMap& map, const EvidencePath& path);

void WriteFindingsText(const ArgumentMap& map, const std::vector<Finding>& findings,
                       const TextStyle& style, std::ostream& out);

// Whether the JSON writer quotes every node's title once into a table first, or each title
// where the report names it: the same bytes either way. kAuto decides by how many titles the
// report names; the others are for tests.
enum class TitleTable { kAuto, kAlways, kNever };

void WriteFindingsJson(const ArgumentMap& map, const std::vector<Finding>& findings,
                       std::ostream& out, TitleTable table = TitleTable::kAuto);

}  // namespace argmap
