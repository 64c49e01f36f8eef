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

// Carves `bytes` from the heap and gives them back; sets [*start, *end) to the whole 2 MiB pages
// of that run, where the next allocations will be carved from. False when malloc has no such
// run (or only less than a 2 MiB page of it).
bool NextHeapRun(size_t bytes, uintptr_t* start, uintptr_t* end) {
  char* block = static_cast<char*>(std::malloc(bytes));
  if (!block) return false;
  const uintptr_t at = reinterpret_cast<uintptr_t>(block);
  *start = (at + kLargePage - 1) & ~(kLargePage - 1);
  *end = (at + bytes) & ~(kLargePage - 1);
  std::free(block);
  return *start < *end;
}

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
  uintptr_t start = 0, end = 0;
  if (!NextHeapRun(reserve, &start, &end)) return 0;
  if (madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE) != 0) return 0;
  return end - start;
}

HeapPopulate::HeapPopulate(size_t bytes) {
  if (bytes < kMinBytes || !heap_prepared) return;
  // With no block mmap'd of its own, the run is a contiguous part of the heap, most likely its
  // top.
  uintptr_t start = 0, end = 0;
  if (!NextHeapRun(bytes, &start, &end)) return;
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
