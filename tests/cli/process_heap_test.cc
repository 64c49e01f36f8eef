#include "cli/process_heap.h"

#include <malloc.h>
#include <stdio.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace argmap {
namespace {

// The VmFlags of the mapping that holds `address`, from /proc/self/smaps ("" if none).
std::string MappingFlags(const void* address) {
  const uintptr_t at = reinterpret_cast<uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    uintptr_t start = 0, end = 0;
    if (std::sscanf(line.c_str(), "%lx-%lx ", &start, &end) == 2 && line.find(':') > 20) {
      inside = start <= at && at < end;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line.substr(8) + " ";
    }
  }
  return "";
}

bool AdvisedForLargePages(const void* address) {
  return MappingFlags(address).find(" hg ") != std::string::npos;
}

// How many arenas malloc has: one <heap> element each in malloc_info's report.
int Arenas() {
  char* buffer = nullptr;
  size_t size = 0;
  FILE* out = open_memstream(&buffer, &size);
  malloc_info(0, out);
  std::fclose(out);
  const std::string report(buffer, size);
  std::free(buffer);
  int arenas = 0;
  for (size_t at = report.find("<heap nr="); at != std::string::npos;
       at = report.find("<heap nr=", at + 1)) {
    ++arenas;
  }
  return arenas;
}

TEST_CASE("a prepared process heap keeps every block on one heap advised for 2 MiB pages",
          "[cli]") {
  const int arenas_before = Arenas();
  const size_t advised = PrepareProcessHeap(256 << 20);
  if (std::getenv("ARGMAP_SANITIZED")) {
    // The sanitizers' allocator stands in for glibc's: nothing changes.
    CHECK(advised == 0);
    return;
  }
  // glibc and Linux with transparent huge pages, as on Debian 12: the reserve, less the ends
  // that do not fill a 2 MiB page.
  CHECK(advised >= (252 << 20));
  CHECK(advised <= (256 << 20));

  // Above malloc's default mmap threshold (128 KiB, adapting up to 32 MiB): from the heap now.
  const size_t big_size = 64 << 20;
  std::vector<char> big(big_size, 'x');
  CHECK(mallinfo2().hblks == 0);
  CHECK(AdvisedForLargePages(big.data() + big_size / 2));

  // A thread's blocks come from the same heap instead of an arena of its own. Only checked in a
  // process whose threads had not allocated before (ctest runs each test case alone).
  std::unique_ptr<std::vector<char>> from_thread;
  std::thread([&] { from_thread = std::make_unique<std::vector<char>>(4 << 20, 'y'); }).join();
  if (arenas_before == 1) {
    CHECK(Arenas() == 1);
    CHECK(AdvisedForLargePages(from_thread->data() + (2 << 20)));
  } else {
    WARN("other threads made arenas before this test: run it alone to check threads");
  }
  CHECK(big[big_size - 1] == 'x');
  CHECK((*from_thread)[0] == 'y');
}

}  // namespace
}  // namespace argmap
