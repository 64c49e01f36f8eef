// FileText: the bytes of a file, for reading Argdown. A regular file is mapped into memory
// (mmap): its pages come from the page cache as they are, where a read() would first fault in
// fresh memory for them and then copy them (0.09 s of a 1M-statement import, against 0.014 s to
// map). Anything else (a pipe, a terminal, /dev/stdin) is read in chunks.
//
// A mapped file that shrinks while argmap reads it (another program truncates it in place) makes
// the kernel raise SIGBUS at the first page past its new end. While a FileText holds a mapping,
// a SIGBUS handler ends the process with exit status 2 and
//   argmap: error: FILE changed while argmap read it
// instead of a crash. Nothing is stored by then: every command reads its file completely before
// it writes anything.
//
// Ownership: owns the mapping or the buffer; view() is valid until the FileText is destroyed.
// Thread-safety: view() may be read from any thread. Process-wide: the SIGBUS handler, which is
// installed by the first FileText that maps and restored by the last one.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace argmap {

class FileText {
 public:
  FileText() = default;
  ~FileText();
  FileText(const FileText&) = delete;
  FileText& operator=(const FileText&) = delete;

  // Reads or maps the file at `path`. A directory is an error. Call once.
  Status Read(const std::string& path);
  std::string_view view() const { return {data_, size_}; }
  bool mapped() const { return mapping_ != nullptr; }

 private:
  Status ReadChunks(int fd, const std::string& path, size_t size_hint);
  void Grow(size_t capacity);  // keeps the bytes read so far

  const char* data_ = "";
  size_t size_ = 0;
  void* mapping_ = nullptr;  // when mapped: data_ == mapping_, size_ bytes
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;
};

}  // namespace argmap
