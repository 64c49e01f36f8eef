#include "cli/process_heap.h"

#include <malloc.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <numeric>
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

// Whether malloc is as a fresh process leaves it: one arena, next to nothing free on the heap
// (a prepared heap holds its reserve free). Earlier tests in the same process leave threads'
// arenas and free blocks that later allocations use before the reserve; ctest runs each test
// case in a process of its own.
bool FreshHeap() { return Arenas() == 1 && mallinfo2().fordblks < (1 << 20); }

TEST_CASE("a prepared process heap keeps every block on one heap advised for 2 MiB pages",
          "[cli]") {
  const bool fresh = FreshHeap();  // the placement checks below need it
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
  // A thread's blocks come from the same heap instead of an arena of its own.
  std::unique_ptr<std::vector<char>> from_thread;
  std::thread([&] { from_thread = std::make_unique<std::vector<char>>(4 << 20, 'y'); }).join();
  if (fresh) {
    CHECK(AdvisedForLargePages(big.data() + big_size / 2));
    CHECK(Arenas() == 1);
    CHECK(AdvisedForLargePages(from_thread->data() + (2 << 20)));
  } else {
    WARN("earlier tests in this process used the heap: run this test alone to check placement");
  }
  CHECK(big[big_size - 1] == 'x');
  CHECK((*from_thread)[0] == 'y');
}

TEST_CASE("the process heap's reserve stays within a quarter of the process's data limit",
          "[cli]") {
  // In a child process: the limit and the heap's settings are the child's alone.
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    rlimit limit{512 << 20, 512 << 20};
    if (setrlimit(RLIMIT_DATA, &limit) != 0) _exit(3);
    const size_t advised = PrepareProcessHeap(1 << 30);
    if (std::getenv("ARGMAP_SANITIZED")) _exit(advised == 0 ? 0 : 1);
    // 128 MiB, less the ends that do not fill a 2 MiB page.
    _exit(advised >= (124 << 20) && advised <= (128 << 20) ? 0 : 2);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

// Whether every 4 KiB page of [data, data + size) is mapped (resident), written or not.
bool Resident(const char* data, size_t size) {
  const uintptr_t start = reinterpret_cast<uintptr_t>(data) & ~uintptr_t{4095};
  const size_t length = reinterpret_cast<uintptr_t>(data) + size - start;
  std::vector<unsigned char> pages((length + 4095) / 4096);
  if (mincore(reinterpret_cast<void*>(start), length, pages.data()) != 0) return false;
  for (unsigned char page : pages) {
    if (!(page & 1)) return false;
  }
  return true;
}

TEST_CASE("a heap populate maps the pages of the next allocations and keeps what is written",
          "[cli]") {
  const bool fresh = FreshHeap();
  PrepareProcessHeap(512 << 20);
  const size_t bytes = 2 * HeapPopulate::kMinBytes;
  HeapPopulate populate(bytes);
  // Allocated and written while the pages are being mapped.
  std::vector<std::vector<uint32_t>> blocks;
  for (int i = 0; i < 64; ++i) {
    std::vector<uint32_t>& block = blocks.emplace_back(64 << 10);
    std::iota(block.begin(), block.end(), static_cast<uint32_t>(i) << 20);
  }
  const size_t populated = populate.Wait();
  for (int i = 0; i < 64; ++i) {
    std::vector<uint32_t> expected(64 << 10);
    std::iota(expected.begin(), expected.end(), static_cast<uint32_t>(i) << 20);
    REQUIRE(blocks[i] == expected);
  }
  if (std::getenv("ARGMAP_SANITIZED")) {
    // The sanitizers' allocator: the heap is not prepared, nothing is populated.
    CHECK(populated == 0);
    return;
  }
  // All of it but the ends that do not fill a 2 MiB page.
  CHECK(populated + (4 << 20) >= bytes);
  CHECK(populated <= bytes);
  // The next block comes from the populated run: mapped before it is written.
  const size_t next_size = 32 << 20;
  char* next = static_cast<char*>(std::malloc(next_size));
  REQUIRE(next != nullptr);
  if (fresh) {
    CHECK(Resident(next + (2 << 20), next_size - (4 << 20)));
  } else {
    WARN("earlier tests in this process used the heap: run this test alone to check placement");
  }
  std::free(next);
}

TEST_CASE("a heap populate does nothing below its minimum or on a heap not prepared", "[cli]") {
  const bool fresh = FreshHeap();  // then not prepared
  if (!fresh) WARN("earlier tests in this process prepared the heap: run this test alone");
  const pid_t child = fork();  // the child's heap settings are its own
  REQUIRE(child >= 0);
  if (child == 0) {
    HeapPopulate unprepared(2 * HeapPopulate::kMinBytes);
    if (fresh && unprepared.Wait() != 0) _exit(1);
    PrepareProcessHeap(512 << 20);
    HeapPopulate small(HeapPopulate::kMinBytes - 1);
    _exit(small.Wait() == 0 ? 0 : 2);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

}  // namespace
}  // namespace argmap
