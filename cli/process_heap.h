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

#include <cstddef>

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

}  // namespace argmap
