// ReadArgdown: reads an Argdown text (argdown.org; SPEC §2, docs/argdown.md) into an ArgumentMap,
// the way Argdown's own tools (@argdown/cli 1.7.5) read it.
//
// A hand-written lexer (ArgdownLexer) and parser — one Parse...() per construct of Argdown's
// grammar, nesting kept on an explicit stack rather than the call stack — drive ArgdownModel,
// which mirrors Argdown's model (equivalence classes, generated titles "Untitled N", relation
// transformations) and converts it into argmap's.
//
// Thread-safety: reentrant; no shared state.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "formats/diagnostic.h"
#include "graph/argument_map.h"
#include "graph/status.h"

namespace argmap {

// Where the time of a read went, in seconds of wall time (bench/phase_bench prints them).
struct ArgdownReadTimes {
  // Checking the UTF-8, looking for @include, and setting up the parser (whose tables are sized
  // for the text).
  double prepare = 0;
  double parse = 0;  // lexer (on a thread of its own for large texts) and parser, into the model
  // Argdown's closing transformations of the model, and its warnings. For a large map the
  // relations' transformations run on a second thread beside the filling of statements and
  // arguments: their time counts here, and what the filling waited for them in `arguments`.
  double transform = 0;
  double statements = 0, arguments = 0, relations = 0;  // filling the ArgumentMap
  double release = 0;  // freeing the parser and Argdown's model, once the map is filled
};

struct ArgdownReadOptions {
  size_t max_errors = 100;  // errors (and, separately, warnings) kept before reading stops
  ArgdownReadTimes* times = nullptr;  // filled when given
};

// Parses text (UTF-8; a leading byte order mark is skipped). On success fills *map, which must be
// empty, and returns Ok; warnings (titles referred to but never defined) go to *diagnostics.
// On any error returns Status::InvalidInput ("FILE: N errors") and *diagnostics holds every error
// found (up to max_errors), each with its position; *map is then left as it was (empty).
// file_name only labels the diagnostics.
Status ReadArgdown(std::string_view text, std::string_view file_name, ArgumentMap* map,
                   std::vector<Diagnostic>* diagnostics, const ArgdownReadOptions& options = {});

}  // namespace argmap
