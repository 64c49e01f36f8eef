#include <unistd.h>

#include <iostream>

#include "cli/cli.h"
#include "cli/process_heap.h"

int main(int argc, char** argv) {
  argmap::PrepareProcessHeap();
  std::ios::sync_with_stdio(false);
  argmap::Terminal terminal{isatty(STDOUT_FILENO) == 1, isatty(STDERR_FILENO) == 1};
  int code = argmap::RunCli(argc, argv, std::cout, std::cerr, terminal,
                            /*process_ends_after=*/true);
  std::cout.flush();
  return code;
}
