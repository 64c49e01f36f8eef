// FileLock: an advisory flock(2) on a file, held until the FileLock is destroyed.
//
// flock locks belong to an open file description, so two FileLocks on one path conflict even
// inside one process (unlike fcntl locks), and the kernel drops them when a process dies,
// however it dies.
// Thread-safety: not thread-safe; owns one file descriptor.
#pragma once

#include <memory>
#include <string>

#include "graph/status.h"

namespace argmap {

class FileLock {
 public:
  enum class Kind { kShared, kExclusive };

  // Locks `path`, creating the file when `create` is set. Waits up to `wait_ms` for a lock held
  // elsewhere, then gives Status::InUse with `in_use_message`. *lock stays null (and the result
  // is ok) when the file or its directory does not exist and `create` is false.
  static Status Acquire(const std::string& path, Kind kind, bool create, int wait_ms,
                        const std::string& in_use_message, std::unique_ptr<FileLock>* lock);

  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace argmap
