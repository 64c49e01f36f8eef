// The argmap command line: argv in, exit code out. Results go to `out`, diagnostics to `err`.
// Exit status: 0 success, 1 a "not found"-style answer (or findings at --fail-on), 2 bad usage
// or bad input.
#pragma once

#include <ostream>

namespace argmap {

// `out_is_terminal` / `err_is_terminal` switch on colour and progress lines.
struct Terminal {
  bool out_is_terminal = false;
  bool err_is_terminal = false;
};

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
           const Terminal& terminal = {});

}  // namespace argmap
