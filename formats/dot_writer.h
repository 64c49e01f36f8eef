// DOT writer: an ArgumentMap as a Graphviz picture (SPEC §4, `export --format dot`).
//
// What is drawn (docs/pictures.md has the full legend):
//  - statements as boxes whose shape and fill follow the role (claim: rounded white box;
//    evidence: note; warrant: component; backing: folder; assumption: dashed rounded box;
//    objective: gold double octagon; action: blue "cds" arrow); a thesis has a thick border;
//  - arguments as square blue-grey boxes; an earlier inference step of a multi-step argument as a
//    small circle numbered with its step, so premise -> step -> intermediate conclusion ->
//    argument -> conclusion stays visible;
//  - supports green, attacks red with a bar head, undercuts red dashed with a bar head,
//    contradictions red with bars at both ends, premise edges thin grey, conclusion edges thick
//    grey;
//  - HTML-like labels: the title in bold, the role line (thesis, role, actor) in small italics,
//    the text, then the source; every part word-wrapped at `wrap` code points;
//  - a legend cluster listing the node kinds and relations that appear in the picture.
//
// Order and determinism: nodes in ascending id order (grouped by cluster with `clusters`),
// edges grouped by their source node in that order, each node's out-edges by ascending edge id.
// The same map gives the same bytes whatever order its records were added in.
//
// Cost: linear in the nodes and edges drawn plus the map's id range; output is streamed in
// chunks, with no per-node allocation once buffers have grown.
// Thread-safety: WriteDot only reads the map; concurrent calls on one const map are safe.
#pragma once

#include <cstddef>
#include <ostream>
#include <vector>

#include "graph/argument_map.h"
#include "graph/finding.h"

namespace argmap {

enum class RankDir { kTB, kBT, kLR, kRL };

struct DotOptions {
  // Wrap labels after this many code points (words longer than this are split); <= 0: no wrap.
  int wrap = 40;
  RankDir rankdir = RankDir::kTB;
  // One cluster per section heading; nodes without a section stay outside every cluster.
  bool clusters = false;
  // Findings whose evidence to draw: the nodes and edges on the evidence paths of errors and
  // warnings, and the nodes they are about, in the conflict colour; the tooltip lists the
  // findings ("#3 objective-conflict"), numbered by their position in this vector (from 1).
  // Not owned; must outlive the call. Info findings are not drawn.
  const std::vector<Finding>* highlight = nullptr;
  // With a focus, only the nodes within `depth` relations of it are drawn: a breadth-first
  // search along edges in either direction, where an argument or an inference step is a node
  // like any other (premise -> argument -> conclusion is two relations). A focus that is not in
  // the map draws no node.
  NodeId focus = kNoNode;
  int depth = 1;
};

void WriteDot(const ArgumentMap& map, const DotOptions& options, std::ostream& out);

// The number of map nodes WriteDot would draw with these options (the legend not counted), for
// the command line's warning about pictures too large for Graphviz.
size_t DotNodeCount(const ArgumentMap& map, const DotOptions& options);

}  // namespace argmap
