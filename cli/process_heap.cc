#include "cli/process_heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <system_error>

namespace argmap {
namespace {

constexpr uintptr_t kLargePage = 2 << 20;

bool heap_prepared = false;  // PrepareProcessHeap() changed malloc's settings

uintptr_t RoundUp(uintptr_t at, uintptr_t unit) { return (at + unit - 1) & ~(unit - 1); }
uintptr_t RoundDown(uintptr_t at, uintptr_t unit) { return at & ~(unit - 1); }

// A quarter of the machine's memory and of the process's address-space and data limits, at
// most `max_reserve`; nothing where the kernel counts address space as used memory (strict
// overcommit, vm.overcommit_memory 2), since there the reserve would take room from others.
size_t HeapReserve(size_t max_reserve) {
  size_t reserve = max_reserve;
  const long pages = sysconf(_SC_PHYS_PAGES), page_size = sysconf(_SC_PAGESIZE);
  if (pages > 0 && page_size > 0) {
    reserve = std::min(reserve, static_cast<size_t>(pages) * static_cast<size_t>(page_size) / 4);
  }
  for (int resource : {RLIMIT_AS, RLIMIT_DATA}) {
    rlimit limit{};
    if (getrlimit(resource, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
      reserve = std::min(reserve, static_cast<size_t>(limit.rlim_cur / 4));
    }
  }
  if (std::FILE* overcommit = std::fopen("/proc/sys/vm/overcommit_memory", "r")) {
    int mode = 0;
    if (std::fscanf(overcommit, "%d", &mode) == 1 && mode == 2) reserve = 0;
    std::fclose(overcommit);
  }
  return reserve;
}

}  // namespace

size_t PrepareProcessHeap(size_t max_reserve) {
  // Returns 0 when another allocator stands in for glibc's.
  if (mallopt(M_ARENA_MAX, 1) == 0) return 0;
  mallopt(M_MMAP_MAX, 0);         // large blocks from the heap too, so on 2 MiB pages
  mallopt(M_TRIM_THRESHOLD, -1);  // the heap never shrinks: the reserve stays
  heap_prepared = true;
  const size_t reserve = HeapReserve(max_reserve);
  if (reserve < 2 * kLargePage) return 0;
  // Grows the heap's top (brk) by the reserve; freed, it merges back into the top and stays.
  char* block = static_cast<char*>(std::malloc(reserve));
  if (!block) return 0;
  const uintptr_t start = RoundUp(reinterpret_cast<uintptr_t>(block), kLargePage);
  const uintptr_t end = RoundDown(reinterpret_cast<uintptr_t>(block) + reserve, kLargePage);
  std::free(block);
  if (end <= start) return 0;
  if (madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE) != 0) return 0;
  return end - start;
}

HeapPopulate::HeapPopulate(size_t bytes) {
  if (bytes < kMinBytes || !heap_prepared) return;
  // With no block mmap'd of its own, this one is a contiguous run of the heap, most likely its
  // top: where the caller's next allocations are carved from.
  char* block = static_cast<char*>(std::malloc(bytes));
  if (!block) return;
  const uintptr_t start = RoundUp(reinterpret_cast<uintptr_t>(block), kLargePage);
  const uintptr_t end = RoundDown(reinterpret_cast<uintptr_t>(block) + bytes, kLargePage);
  std::free(block);
  if (end <= start) return;
#ifdef MADV_POPULATE_WRITE
  try {
    thread_ = std::thread([this, start, end] {
      for (uintptr_t at = start; at < end && !stop_.load(std::memory_order_relaxed);
           at += kLargePage) {
        // Fails (and stops) on a kernel without it.
        if (madvise(reinterpret_cast<void*>(at), kLargePage, MADV_POPULATE_WRITE) != 0) return;
        populated_ += kLargePage;
      }
    });
  } catch (const std::system_error&) {
    // No thread to be had: the caller's faults stay as they were.
  }
#endif
}

HeapPopulate::~HeapPopulate() {
  stop_.store(true, std::memory_order_relaxed);
  Wait();
}

size_t HeapPopulate::Wait() {
  if (thread_.joinable()) thread_.join();
  return populated_;
}

}  // namespace argmap
