// Writing a command's result to a file named with -o, or to standard output.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "graph/status.h"

namespace argmap {

// Calls write(stream) with `out` when path is empty or "-", else with a file stream on a
// temporary file that replaces `path` only once everything was written: a failed export never
// leaves half a file behind.
Status WriteOutput(const std::string& path, std::ostream& out,
                   const std::function<void(std::ostream&)>& write);

}  // namespace argmap
