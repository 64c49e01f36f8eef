#include "cli/command.h"

namespace argmap {

std::unique_ptr<Command> MakeImportCommand();
std::unique_ptr<Command> MakeCheckCommand();
std::unique_ptr<Command> MakeExportCommand();
std::unique_ptr<Command> MakeReviewCommand();
std::unique_ptr<Command> MakeShowCommand();
std::unique_ptr<Command> MakePathCommand();
std::unique_ptr<Command> MakeFindCommand();
std::unique_ptr<Command> MakeAddCommand();
std::unique_ptr<Command> MakeLinkCommand();
std::unique_ptr<Command> MakeRemoveCommand();
std::unique_ptr<Command> MakeMapsCommand();
std::unique_ptr<Command> MakeStatsCommand();
std::unique_ptr<Command> MakeFsckCommand();
std::unique_ptr<Command> MakeDemoCommand();

// The table of subcommands, in the order `argmap --help` lists them.
std::vector<std::unique_ptr<Command>> MakeCommands() {
  using Factory = std::unique_ptr<Command> (*)();
  static constexpr Factory kCommands[] = {
      MakeImportCommand, MakeCheckCommand, MakeExportCommand, MakeReviewCommand, MakeShowCommand,
      MakePathCommand,   MakeFindCommand,  MakeAddCommand,    MakeLinkCommand,   MakeRemoveCommand,
      MakeMapsCommand,   MakeStatsCommand, MakeFsckCommand,   MakeDemoCommand};
  std::vector<std::unique_ptr<Command>> commands;
  for (Factory make : kCommands) commands.push_back(make());
  return commands;
}

}  // namespace argmap
