#include "cli/cli.h"

#include <CLI/CLI.hpp>
#include <sstream>

#include "cli/command.h"

namespace argmap {

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
           const Terminal& terminal, bool process_ends_after) {
  Context context(out, err, terminal);
  context.process_ends_after = process_ends_after;
  CLI::App app("argmap: argument maps in an embedded graph database, checked.", "argmap");
  app.set_version_flag("--version", "argmap 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();  // --store may follow the subcommand
  app.add_option("--store", context.store_dir,
                 "Store directory (default: $ARGMAP_STORE, else ./.argmap)");
  std::vector<std::unique_ptr<Command>> commands = MakeCommands();
  for (auto& command : commands)
    command->Setup(app.add_subcommand(command->name(), command->help()));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    std::ostringstream help;
    int code = app.exit(e, help, err);
    out << help.str();
    return code == 0 ? kExitOk : kExitBadInput;
  }
  for (auto& command : commands) {
    if (app.got_subcommand(command->name())) return command->Run(context);
  }
  return kExitBadInput;
}

}  // namespace argmap
