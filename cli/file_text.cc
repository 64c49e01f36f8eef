#include "cli/file_text.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>

#include "cli/command.h"

namespace argmap {
namespace {

// The SIGBUS handler's state: the message, formatted before any mapping is read, and the
// handler it replaced. Guarded by mutex; the handler itself only reads message.
std::mutex sigbus_mutex;
int sigbus_users = 0;
struct sigaction previous_sigbus;
char sigbus_message[512];
size_t sigbus_message_size = 0;

void OnSigbus(int) {
  // Only async-signal-safe calls here.
  ssize_t ignored = ::write(STDERR_FILENO, sigbus_message, sigbus_message_size);
  (void)ignored;
  ::_exit(kExitBadInput);
}

void InstallSigbusHandler(const std::string& path) {
  std::lock_guard<std::mutex> lock(sigbus_mutex);
  // The message names the last file mapped; commands map one file at a time.
  std::string message = "argmap: error: " + path + " changed while argmap read it\n";
  if (message.size() > sizeof(sigbus_message)) {
    message = "argmap: error: the input file changed while argmap read it\n";
  }
  std::memcpy(sigbus_message, message.data(), message.size());
  sigbus_message_size = message.size();
  if (sigbus_users++ > 0) return;
  struct sigaction action {};
  action.sa_handler = OnSigbus;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGBUS, &action, &previous_sigbus);
}

void RemoveSigbusHandler() {
  std::lock_guard<std::mutex> lock(sigbus_mutex);
  if (--sigbus_users == 0) ::sigaction(SIGBUS, &previous_sigbus, nullptr);
}

}  // namespace

FileText::~FileText() {
  if (!mapping_) return;
  ::munmap(mapping_, size_);
  RemoveSigbusHandler();
}

Status FileText::Read(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError("cannot read " + path + ": " + std::strerror(errno));
  struct stat info;
  if (::fstat(fd, &info) != 0) {
    int error = errno;
    ::close(fd);
    return Status::IoError("cannot read " + path + ": " + std::strerror(error));
  }
  if (S_ISDIR(info.st_mode)) {
    ::close(fd);
    return Status::IoError("cannot read " + path + ": it is a directory");
  }
  if (S_ISREG(info.st_mode) && info.st_size > 0) {
    const size_t size = static_cast<size_t>(info.st_size);
    // MAP_POPULATE maps every page now, in one go, instead of one fault per page later.
    void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (mapping != MAP_FAILED) {
      ::close(fd);
      InstallSigbusHandler(path);
      mapping_ = mapping;
      data_ = static_cast<const char*>(mapping);
      size_ = size;
      return Status::Ok();
    }
    // A file system without mmap: read it.
  }
  Status status = ReadChunks(fd, path, S_ISREG(info.st_mode) ? info.st_size : 0);
  ::close(fd);
  return status;
}

void FileText::Grow(size_t capacity) {
  std::unique_ptr<char[]> bigger(new char[capacity]);  // not value-initialized: no zero fill
  if (size_ > 0) std::memcpy(bigger.get(), buffer_.get(), size_);
  buffer_ = std::move(bigger);
  capacity_ = capacity;
  data_ = buffer_.get();
}

Status FileText::ReadChunks(int fd, const std::string& path, size_t size_hint) {
  // Room for the file and for the last read, which finds its end.
  Grow(size_hint + 4096);
  while (true) {
    if (capacity_ - size_ < 4096) Grow(2 * capacity_ + 65536);
    ssize_t n = ::read(fd, buffer_.get() + size_, capacity_ - size_);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IoError("cannot read " + path + ": " + std::strerror(errno));
    if (n == 0) return Status::Ok();
    size_ += static_cast<size_t>(n);
  }
}

}  // namespace argmap
