// HeapPrefault: makes room on the heap before a burst of allocation (reading a large Argdown
// file) and has the kernel map that room's pages on a background thread, while the caller goes
// on. Without it, the first write to each 4 KiB page of a new allocation traps into the kernel;
// in a virtual machine such a fault costs several microseconds, which for a million-statement
// map (a gigabyte of fresh memory) adds up to more than a second of the reading thread's time.
// Mapping the same pages in bulk (madvise MADV_POPULATE_WRITE, Linux 5.14 and later) costs a
// third of that, on the otherwise idle second core.
//
// How: the heap is grown by allocating `bytes` in pieces below malloc's mmap threshold and
// freeing them again; with trimming raised, the freed room stays in the heap, and the caller's
// next allocations are carved out of it. The pages are populated without their contents being
// touched, so the caller may already be using them. Where any step is not possible (another
// allocator, as under the sanitizers; an older kernel; pieces that are not contiguous) nothing
// is populated and nothing else changes.
//
// Process-wide: it changes malloc's settings (mmap threshold 32 MiB, no trimming of the heap
// top below 2 GiB), which suits a process that ends after one command. Only the binary uses it.
// Thread-safety: one object at a time per process.
#pragma once

#include <atomic>
#include <cstddef>
#include <thread>

namespace argmap {

class HeapPrefault {
 public:
  // Below this, faults cost too little to be worth a thread.
  static constexpr size_t kMinBytes = 64 << 20;

  explicit HeapPrefault(size_t bytes);
  ~HeapPrefault();  // stops the background thread early (a read that failed) and joins it
  HeapPrefault(const HeapPrefault&) = delete;
  HeapPrefault& operator=(const HeapPrefault&) = delete;

  // Waits for the background thread; then the bytes whose pages were mapped (0 when nothing was
  // possible, see above).
  size_t Wait();

 private:
  std::atomic<bool> stop_{false};
  std::thread thread_;
  size_t populated_ = 0;
};

}  // namespace argmap
