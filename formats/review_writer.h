// Review writer: the peer-review report of `argmap review` (SPEC §4), in Markdown.
//
// Sections, in order (docs/review.md shows an example):
//  1. "# Peer review: <map title>" and a summary: statements by role, theses, arguments (with
//     their inference steps), relations by type, findings by severity;
//  2. "## Map": the picture, when options.picture_path is set;
//  3. "## Theses": each thesis with its text and its support as an indented outline — what
//     supports it, the arguments concluding it and their premises, recursively. A node already
//     shown in the outline is marked "(see above)" and not expanded again (cycles end there);
//     the outline stops at kOutlineDepth levels and kOutlineLines lines per thesis;
//  4. "## Findings": grouped by severity, numbered as in the findings vector ("#3", the ids the
//     highlighted picture shows in its tooltips); each with its message, its evidence paths in
//     words ("[A] supports [B], which attacks [C] (-)") and, for every check a reviewer acts on,
//     a concrete question for the author written for that check. At most kFindingsPerCheck
//     findings of one check are listed; the rest are counted;
//  5. "## Sources cited": the sources and quotes of the statements, deduplicated, sorted by
//     source, each with the statements citing it.
//
// Text from the map is escaped so that it reads literally in any CommonMark renderer.
// Cost: linear in the map (the outline is bounded per thesis), plus sorting the sources.
// Thread-safety: only reads its inputs.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "graph/argument_map.h"
#include "graph/finding.h"

namespace argmap {

struct ReviewOptions {
  // Path of the picture (an SVG next to the report) relative to the report; "" for none (when
  // Graphviz is absent or the report goes to standard output).
  std::string picture_path;
};

inline constexpr int kOutlineDepth = 6;
inline constexpr int kOutlineLines = 100;
inline constexpr size_t kThesesListed = 50;
inline constexpr size_t kFindingsPerCheck = 50;

void WriteReview(const ArgumentMap& map, const std::vector<Finding>& findings,
                 const ReviewOptions& options, std::ostream& out);

}  // namespace argmap
