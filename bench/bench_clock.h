// What every bench driver measures with: CPU seconds of the process and its peak memory.
#pragma once

#include <sys/resource.h>

#include <chrono>
#include <ctime>

namespace argmap::bench {

// CPU seconds of this process, all threads, user + system: on a shared machine a steadier
// figure than the wall clock, which the other processes' load stretches.
inline double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

// The peak resident set of this process so far, in MiB.
inline double PeakMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

inline double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace argmap::bench
