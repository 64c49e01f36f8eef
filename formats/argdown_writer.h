// The Argdown writer: a stored map written back as Argdown (argdown.org) that imports to the
// same map and that Argdown's own tools accept.
//
// Layout of the output, deterministic for a given map:
//  1. front matter between `===` lines: `title` and the map's metadata, values as JSON (valid
//     YAML); `mode: strict` is dropped from a `model` entry, since strict mode would turn the
//     attacks written below into contradictions;
//  2. the nodes grouped by section, each section under a `#` heading: the nodes without a
//     section first, then the sections in order of first appearance among the statements, then
//     among the arguments; in a section, its statements, then its arguments, each in stored
//     order. Every statement is defined before any reference to it, so that a reader creates
//     the nodes in the order written: an argument whose steps use a statement of a later section
//     moves to the end of the file, under its section's heading once more. Nodes are written as
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
// Texts, headings and inference rules escape with a backslash what Argdown would read as
// syntax: in texts and headings `\ [ ] < > # * _ { }`, a `/` that starts `//` or `/*`, an `=`
// that starts `===`; in rules `\ { }`, a `-` before `-`, and the `/`; in both the opening `.`
// or `:` of a shortcode (`.A.`, `:+1:`, which Argdown would show as symbols); in rules a `,`
// unless it is followed by one space (the reader splits rules there and joins them with ", ");
// and blanks that Argdown's lexer would skip (a second blank after a control character, a tab
// after an escape). Any other `.x.` or `:x:` span is written as it is, since Argdown reads it as
// one token, without escapes.
//
// What Argdown cannot express is replaced, so that the output stays valid: a line break (also
// U+2028, U+2029 in titles) by a space, `]` in a statement title and `>` in an argument title by
// their fullwidth forms `］` `＞`, `)` in a tag by `）`, a leading `-` of a title by U+2010 `‐`
// and a leading `+` or `_` of an argument title by `＋` `＿` (Argdown reads `[-`, `<-`, `<+`,
// `<_` differently). Such maps do not survive a round trip
// unchanged, and neither do these, which Argdown reads differently: a relation from an argument
// that has inference steps (Argdown moves it to the argument's conclusion), a warrant that is not
// the first premise with role warrant, a user tag named after a role or `thesis`, leading or
// trailing blanks of texts and rules.
//
// Linear in the map's size; the output is buffered and streamed. Stateless: concurrent calls on
// one const map are safe.
#pragma once

#include <ostream>

#include "graph/argument_map.h"

namespace argmap {

void WriteArgdown(const ArgumentMap& map, std::ostream& out);

}  // namespace argmap
