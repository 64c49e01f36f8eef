#include "cli/heap_prefault.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <numeric>
#include <vector>

namespace argmap {
namespace {

TEST_CASE("a heap prefault maps pages without touching what the caller writes meanwhile", "[cli]") {
  const size_t bytes = 2 * HeapPrefault::kMinBytes;
  HeapPrefault prefault(bytes);
  // Allocated from the prefaulted room (or elsewhere), written while the pages are mapped.
  std::vector<std::vector<uint32_t>> blocks;
  for (int i = 0; i < 64; ++i) {
    std::vector<uint32_t>& block = blocks.emplace_back(64 << 10);
    std::iota(block.begin(), block.end(), static_cast<uint32_t>(i) << 20);
  }
  const size_t populated = prefault.Wait();
  for (int i = 0; i < 64; ++i) {
    std::vector<uint32_t> expected(64 << 10);
    std::iota(expected.begin(), expected.end(), static_cast<uint32_t>(i) << 20);
    REQUIRE(blocks[i] == expected);
  }
  if (std::getenv("ARGMAP_SANITIZED")) {
    // The sanitizers' allocator does not hand out one contiguous heap: nothing is populated.
    CHECK(populated == 0);
  } else {
    // glibc and Linux 5.14 or later, as on Debian 12: all of it but the page ends.
    CHECK(populated + (1 << 20) >= bytes);
    CHECK(populated <= bytes + (32 << 20));
  }
}

TEST_CASE("a small heap prefault does nothing", "[cli]") {
  HeapPrefault prefault(HeapPrefault::kMinBytes - 1);
  CHECK(prefault.Wait() == 0);
}

}  // namespace
}  // namespace argmap
