// Status: the one error type of argmap. Errors are values, never exceptions across a module
// boundary (LevelDB's Status is the model).
//
// A Status is either ok or carries a code and a message. The message is complete and meant for a
// person: it names the file, map, key or node concerned. Copyable; not thread-safe to mutate.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace argmap {

class Status {
 public:
  enum class Code {
    kOk,
    kInvalidInput,
    kNotFound,
    kAlreadyExists,
    kInUse,
    kCorrupt,
    kIoError,
    kUnsupported
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) {
    return Status(Code::kInvalidInput, std::move(msg));
  }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status AlreadyExists(std::string msg) {
    return Status(Code::kAlreadyExists, std::move(msg));
  }
  static Status InUse(std::string msg) { return Status(Code::kInUse, std::move(msg)); }
  static Status Corrupt(std::string msg) { return Status(Code::kCorrupt, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace argmap
