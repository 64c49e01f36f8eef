// The Argdown writer: a stored map written back as Argdown (argdown.org) that imports to the
// same map and that Argdown's own tools accept.
//
// Layout of the output, deterministic for a given map:
//  1. front matter between `===` lines: `title` and the map's metadata, values as JSON (valid
//     YAML); `mode: strict` is dropped from a `model` entry, since strict mode would turn the
//     attacks written below into contradictions;
//  2. the nodes grouped by section, sections in order of first appearance (by id), the nodes
//     without a section first, each section under a `#` heading; in a section, its statements,
//     then its arguments, each group in stored order:
//       [Title]: text #role #thesis #tag #(two words) {actor: "EU", source: "...", quote: "...",
//       key: value}
//       <Title>: gist #tag {key: value}
//     followed, for an argument with inference steps, by its premise-conclusion structure in
//     references only: `(1) [P]` lines, `----` or `-- rule --`, the conclusion. A step's premises
//     are by default the statements since the previous inference line (which begin with the
//     previous conclusion); a step whose premises differ names them by number, as Argdown's
//     `uses` does: `-- rule {uses: [1, 3]} --`. A node with empty text is written as a
//     reference (`[Title] #role ...`), since Argdown rejects a definition without text;
//  3. the relations in stored order, consecutive relations from the same node under one
//     reference: `[A]` then `  +> [B]` (supports), `  -> [B]` (attacks), `  _> <B>` (undercuts),
//     `  >< [B]` (contradicts). Every node is defined once; relations and inference steps use
//     references.
//
// Texts and headings escape with a backslash what Argdown would read as syntax: `\ [ ] < > # * _
// { }`, a `/` that starts `//` or `/*`, an `=` that starts `===`. What Argdown cannot express is
// replaced, so that the output stays valid: a line break in a text, title, tag or rule by a space,
// `]` in a statement title and `>` in an argument title by their fullwidth forms `］` `＞`, `)` in
// a tag by `）`, and in a rule `{ }` by `( )`, the second of two adjacent `-` by U+2010 and a `/`
// before `/` or `*` by U+2215. Such maps do not survive a round trip unchanged, and neither do
// these, which Argdown reads differently: a relation from an argument that has inference steps
// (Argdown moves it to the argument's conclusion), a warrant that is not the first premise with
// role warrant, a user tag named after a role or `thesis`, leading or trailing blanks of texts.
//
// Linear in the map's size; the output is buffered and streamed. Stateless: concurrent calls on
// one const map are safe.
#pragma once

#include <ostream>

#include "graph/argument_map.h"

namespace argmap {

void WriteArgdown(const ArgumentMap& map, std::ostream& out);

}  // namespace argmap
