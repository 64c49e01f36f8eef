#include "storage/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace argmap {

Status FileLock::Acquire(const std::string& path, Kind kind, bool create, int wait_ms,
                         const std::string& in_use_message, std::unique_ptr<FileLock>* lock) {
  lock->reset();
  int flags = O_CLOEXEC | (create ? O_RDWR | O_CREAT : O_RDONLY);
  int fd = ::open(path.c_str(), flags, 0644);
  if (fd < 0) {
    if ((errno == ENOENT || errno == ENOTDIR) && !create) return Status::Ok();
    return Status::IoError("cannot open lock file " + path + ": " + std::strerror(errno));
  }
  const int operation = (kind == Kind::kShared ? LOCK_SH : LOCK_EX) | LOCK_NB;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
  while (::flock(fd, operation) != 0) {
    if (errno == EINTR) continue;
    if (errno != EWOULDBLOCK) {
      Status s = Status::IoError("cannot lock " + path + ": " + std::strerror(errno));
      ::close(fd);
      return s;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      ::close(fd);
      return Status::InUse(in_use_message);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  lock->reset(new FileLock(fd));
  return Status::Ok();
}

FileLock::~FileLock() { ::close(fd_); }  // closing the last descriptor releases the lock

}  // namespace argmap
