// Rendering DOT through Graphviz's `dot` program, which must be on PATH.
#pragma once

#include <string>

#include "graph/status.h"

namespace argmap {

// True when a `dot` executable is on PATH.
bool GraphvizAvailable();

// Runs `dot -T<format>` on dot_text and writes the result to output_path.
// format is "svg" or "png". IoError with dot's complaint when it fails.
Status RenderDot(const std::string& dot_text, const std::string& format,
                 const std::string& output_path);

}  // namespace argmap
