// SideTask: work beside the caller's, on a second thread or on the caller's, with its exception
// carried over to Wait().
#include "graph/side_task.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <thread>

namespace argmap {
namespace {

TEST_CASE("a side task runs its work once, threaded or not, and Wait rethrows", "[graph]") {
  for (bool threaded : {false, true}) {
    INFO("threaded: " << threaded);
    std::atomic<int> runs{0};
    std::thread::id ran_on;
    SideTask task(threaded, [&] {
      ran_on = std::this_thread::get_id();
      ++runs;
    });
    if (!threaded) CHECK(runs == 1);  // at once, on this thread
    task.Wait();
    CHECK(runs == 1);
    CHECK((ran_on == std::this_thread::get_id()) == !threaded);

    SideTask failing(threaded, [] { throw std::runtime_error("out of room"); });
    CHECK_THROWS_WITH(failing.Wait(), "out of room");
    CHECK_NOTHROW(failing.Wait());  // thrown once
  }
}

TEST_CASE("a side task left without Wait is joined", "[graph]") {
  std::atomic<bool> done{false};
  {
    SideTask task(true, [&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      done = true;
    });
  }
  CHECK(done);
}

}  // namespace
}  // namespace argmap
