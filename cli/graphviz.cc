#include "cli/graphviz.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

extern char** environ;

namespace argmap {
namespace {

std::string FindOnPath(std::string_view program) {
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "/usr/bin:/bin";
  while (!rest.empty()) {
    size_t colon = rest.find(':');
    std::string dir(rest.substr(0, colon));
    rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    std::string candidate = (dir.empty() ? "." : dir) + "/" + std::string(program);
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

}  // namespace

bool GraphvizAvailable() { return !FindOnPath("dot").empty(); }

Status RenderDot(const std::string& dot_text, const std::string& format,
                 const std::string& output_path) {
  std::string dot = FindOnPath("dot");
  if (dot.empty()) {
    return Status::Unsupported(
        "Graphviz's dot is not installed (apt-get install graphviz); "
        "use --format dot and render it elsewhere");
  }
  // dot reads its input from a file and writes its complaints to another, so that neither pipe
  // can fill up while we wait.
  char input_template[] = "/tmp/argmap-dot-XXXXXX";
  int fd = mkstemp(input_template);
  if (fd < 0) return Status::IoError("cannot create a temporary file for dot");
  std::string input = input_template;
  std::string errors = input + ".err";
  bool written =
      write(fd, dot_text.data(), dot_text.size()) == static_cast<ssize_t>(dot_text.size());
  close(fd);
  if (!written) {
    unlink(input.c_str());
    return Status::IoError("cannot write a temporary file for dot");
  }
  std::string type = "-T" + format, out = "-o" + output_path;
  std::vector<char*> argv = {dot.data(), type.data(), out.data(), input.data(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errors.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, dot.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  int wstatus = 0;
  if (spawned == 0) waitpid(pid, &wstatus, 0);
  unlink(input.c_str());
  std::ifstream err_in(errors);
  std::stringstream complaint;
  complaint << err_in.rdbuf();
  unlink(errors.c_str());
  if (spawned != 0) return Status::IoError("cannot run " + dot);
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
    return Status::IoError("dot failed writing " + output_path + ": " + complaint.str());
  }
  return Status::Ok();
}

}  // namespace argmap
