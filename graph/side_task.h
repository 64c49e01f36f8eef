// SideTask: a piece of work that runs beside the caller's own, on a second thread when that is
// worth it, and the one place that knows how: it starts the thread, falls back to running the
// work on the caller's thread (at once) when asked to or when no thread can be had, carries an
// exception thrown by the work (out of memory) over to Wait(), and joins the thread however the
// caller's scope is left.
//
// Ownership: the work may reference the caller's state, which must outlive the SideTask.
// Thread-safety: Wait() and the destructor from the thread that made it.
#pragma once

#include <exception>
#include <functional>
#include <system_error>
#include <thread>
#include <utility>

namespace argmap {

class SideTask {
 public:
  // Starts `work` on a second thread when `threaded`; otherwise, or when no thread can be had,
  // runs it here before returning.
  SideTask(bool threaded, std::function<void()> work) : work_(std::move(work)) {
    if (threaded) {
      try {
        thread_ = std::thread([this] { Run(); });
        return;
      } catch (const std::system_error&) {
        // No thread to be had: below, on this one.
      }
    }
    Run();
  }
  ~SideTask() {
    if (thread_.joinable()) thread_.join();
  }
  SideTask(const SideTask&) = delete;
  SideTask& operator=(const SideTask&) = delete;

  // Waits for the work to finish; rethrows what it threw.
  void Wait() {
    if (thread_.joinable()) thread_.join();
    if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
  }

 private:
  void Run() {
    try {
      work_();
    } catch (...) {
      failure_ = std::current_exception();
    }
  }

  std::function<void()> work_;
  std::exception_ptr failure_;
  std::thread thread_;
};

}  // namespace argmap
