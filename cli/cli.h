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

// `process_ends_after`: the caller exits right after RunCli returns (the binary), so the maps a
// command loaded are left to the operating system rather than freed record by record, which
// takes 0.6 s for a million statements. They stay reachable, so leak checkers stay quiet.
int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
           const Terminal& terminal = {}, bool process_ends_after = false);

}  // namespace argmap
