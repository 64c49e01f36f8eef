#include "cli/heap_prefault.h"

#include <malloc.h>
#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <system_error>
#include <vector>

namespace argmap {
namespace {

constexpr size_t kPiece = 16 << 20;  // below the mmap threshold set below
constexpr size_t kStep = 2 << 20;    // pages mapped per madvise call
constexpr uintptr_t kPageMask = 4095;

}  // namespace

HeapPrefault::HeapPrefault(size_t bytes) {
  if (bytes < kMinBytes) return;
#ifdef MADV_POPULATE_WRITE
  // Both return 0 when another allocator stands in for glibc's.
  if (mallopt(M_MMAP_THRESHOLD, 2 * kPiece) == 0) return;
  if (mallopt(M_TRIM_THRESHOLD, 2000 << 20) == 0) return;
  std::vector<char*> pieces;
  pieces.reserve(bytes / kPiece + 1);
  for (size_t got = 0; got < bytes; got += kPiece) {
    char* piece = static_cast<char*>(std::malloc(kPiece));
    if (!piece) break;
    pieces.push_back(piece);
  }
  // One contiguous run, each piece right after the one before (its header between them).
  bool contiguous = !pieces.empty();
  for (size_t i = 1; contiguous && i < pieces.size(); ++i) {
    contiguous =
        pieces[i] > pieces[i - 1] && static_cast<size_t>(pieces[i] - pieces[i - 1]) <= kPiece + 64;
  }
  const uintptr_t start =
      pieces.empty() ? 0 : (reinterpret_cast<uintptr_t>(pieces.front()) + kPageMask) & ~kPageMask;
  const uintptr_t end =
      pieces.empty() ? 0 : (reinterpret_cast<uintptr_t>(pieces.back()) + kPiece) & ~kPageMask;
  for (char* piece : pieces) std::free(piece);
  if (!contiguous || end <= start) return;
  try {
    thread_ = std::thread([this, start, end] {
      for (uintptr_t at = start; at < end && !stop_.load(std::memory_order_relaxed); at += kStep) {
        size_t length = end - at < kStep ? end - at : kStep;
        // Fails (and stops) on a kernel without it, or if the heap shrank meanwhile.
        if (madvise(reinterpret_cast<void*>(at), length, MADV_POPULATE_WRITE) != 0) return;
        populated_ += length;
      }
    });
  } catch (const std::system_error&) {
    // No thread to be had: the caller's faults stay as they were.
  }
#endif
}

HeapPrefault::~HeapPrefault() {
  stop_.store(true, std::memory_order_relaxed);
  Wait();
}

size_t HeapPrefault::Wait() {
  if (thread_.joinable()) thread_.join();
  return populated_;
}

}  // namespace argmap
