// The roles a child process plays for the multi-process tests. The hidden test case runs only
// when named on the command line (ChildProcess in store_test_util.h does that), with its role
// in the environment; it ends the process itself, so nothing after it runs in the child.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "tests/storage/store_test_util.h"

namespace argmap::testing {
namespace {

void Say(const std::string& line) {
  std::printf("%s%s\n", kChildLinePrefix.c_str(), line.c_str());
  std::fflush(stdout);
}

int Hold(const std::string& dir) {
  std::unique_ptr<Store> store;
  Status s = Store::Open(dir, Store::Mode::kReadWrite, &store);
  Say(s.ok() ? "holding" : "failed " + s.message());
  while (s.ok()) pause();  // until killed
  return 1;
}

int OpenOnce(const std::string& dir) {
  std::unique_ptr<Store> store;
  Status s = Store::Open(dir, Store::Mode::kReadWrite, &store);
  Say(std::to_string(static_cast<int>(s.code())) + " " + s.message());
  return 0;
}

// Writes map "big" as variant 0, then replaces it with variant 1.
int WriteTwice(const std::string& dir, size_t size) {
  ArgumentMap first;
  BuildGeneratedMap(size, 0, &first);
  std::unique_ptr<Store> store;
  if (!Store::Open(dir, Store::Mode::kReadWrite, &store).ok()) return 1;
  Say("start");
  if (!store->WriteMap("big", first, /*replace=*/false).ok()) return 1;
  Say("first");
  ArgumentMap second;
  BuildGeneratedMap(size, 1, &second);
  if (!store->WriteMap("big", second, /*replace=*/true).ok()) return 1;
  Say("second");
  return 0;
}

// Replaces map "flip" with variant 0 and 1 in turn, `size` times, reopening the store for each
// write as the command line does.
int Rewrite(const std::string& dir, size_t size) {
  ArgumentMap maps[2];
  BuildGeneratedMap(300, 0, &maps[0]);
  BuildGeneratedMap(300, 1, &maps[1]);
  Say("start");
  for (size_t i = 0; i < size; ++i) {
    std::unique_ptr<Store> store;
    if (!Store::Open(dir, Store::Mode::kReadWrite, &store).ok()) return 1;
    if (!store->WriteMap("flip", maps[i % 2], /*replace=*/true).ok()) return 1;
  }
  Say("done");
  return 0;
}

int RunRole(const std::string& role, const std::string& dir, size_t size) {
  if (role == "hold") return Hold(dir);
  if (role == "open") return OpenOnce(dir);
  if (role == "write") return WriteTwice(dir, size);
  if (role == "rewrite") return Rewrite(dir, size);
  return 2;
}

}  // namespace

TEST_CASE("storage child process", "[.][storage-child]") {
  const char* role = std::getenv("ARGMAP_CHILD_ROLE");
  REQUIRE(role != nullptr);
  const char* dir = std::getenv("ARGMAP_CHILD_DIR");
  const char* size = std::getenv("ARGMAP_CHILD_SIZE");
  int code = RunRole(role, dir ? dir : "", size ? std::strtoull(size, nullptr, 10) : 0);
  std::fflush(stdout);
  _exit(code);
}

}  // namespace argmap::testing
