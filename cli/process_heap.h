// The heap of argmap's process: how the binary, which runs one command and exits, lays out its
// memory.
//
// Why: on a large map most of a command's time goes to fresh memory. The first write to each
// 4 KiB page traps into the kernel, and in a virtual machine each such fault costs several
// microseconds, up to 15 on the machine of docs/performance.md: a 100,000-statement `check`
// faulted 30,000 times, and spent more than half of its half second doing so.
//
// PrepareProcessHeap() makes malloc serve every thread from one heap (one arena, no chunks of
// their own mmap'd, never trimmed), grows that heap by a large reserve and frees it again, and
// advises the reserve for 2 MiB pages (madvise MADV_HUGEPAGE, which Linux's default `madvise`
// mode of transparent huge pages honours). A 2 MiB page costs one fault instead of 512. The
// reserve is address space only: a page that is never written is never mapped, so the peak
// memory grows by at most the last 2 MiB page's unused part. Whatever does not fit in the
// reserve gets 4 KiB pages as before.
//
// Where a step is not possible (another allocator, as under the sanitizers; a kernel without
// the advice) it does nothing more. Process-wide: only the binary and the benchmarks use it,
// before they start a thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <thread>

namespace argmap {

// The reserve advised for 2 MiB pages: a quarter of the machine's memory and of the process's
// limits on address space and data (ulimit -v, -d), at most this much (a million-statement
// import peaks at 1.1 GB); none under strict overcommit (vm.overcommit_memory 2), where address
// space counts as used memory.
inline constexpr size_t kMaxHeapReserve = size_t{4} << 30;

// Call first thing in main(), before any thread starts. Returns the bytes advised for 2 MiB
// pages; 0 when malloc is not glibc's (then nothing changed), or when the reserve or the advice
// could not be had (then malloc's settings above still hold).
size_t PrepareProcessHeap(size_t max_reserve = kMaxHeapReserve);

// Has the kernel map the heap's next `bytes` (2 MiB pages, MADV_POPULATE_WRITE, Linux 5.14
// and later) on a background thread while the caller goes on allocating them. On this project's
// virtual machine, memory that the machine had not used for a few seconds cost about 3 ms per MB
// when first written (the host maps it anew), most of it in the kernel's zeroing of each new
// page, and on the allocating thread; a 100k import waited 0.42 s instead of 0.27 s. The pages'
// contents are not touched, so the caller may already be using them.
//
// Does nothing unless PrepareProcessHeap() has prepared the heap (then the next allocations are
// carved, in order, from one contiguous run of it) and `bytes` >= kMinBytes. Stops early, within
// one 2 MiB page, when destroyed. Thread-safety: one at a time per process.
class HeapPopulate {
 public:
  // Below this, the thread costs about what it saves.
  static constexpr size_t kMinBytes = 64 << 20;

  explicit HeapPopulate(size_t bytes);
  ~HeapPopulate();  // stops the background thread and joins it
  HeapPopulate(const HeapPopulate&) = delete;
  HeapPopulate& operator=(const HeapPopulate&) = delete;

  // Waits for the background thread to finish; then the bytes it mapped.
  size_t Wait();

 private:
  std::atomic<bool> stop_{false};
  std::thread thread_;
  size_t populated_ = 0;
};

}  // namespace argmap
