// FlatTitleIndex and FlatKeySet at sizes that grow them many times.
#include "graph/flat_hash.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace argmap {
namespace {

TEST_CASE("FlatTitleIndex: finds every title it holds") {
  FlatTitleIndex index;
  std::vector<std::string> titles;
  for (int i = 0; i < 300'000; ++i) titles.push_back("Title " + std::to_string(i));
  size_t wrong = 0;
  for (uint32_t i = 0; i < titles.size(); ++i) {
    bool inserted = false;
    if (index.FindOrInsert(titles[i], i, &inserted) != i || !inserted) ++wrong;
  }
  CHECK(wrong == 0);
  bool inserted = true;
  CHECK(index.FindOrInsert(titles[123'456], 7, &inserted) == 123'456u);
  CHECK_FALSE(inserted);
  for (uint32_t i = 0; i < titles.size(); i += 997) CHECK(index.Find(titles[i]) == i);
  CHECK(index.Find("Title 300000") == UINT32_MAX);
  CHECK(index.Find("") == UINT32_MAX);
}

TEST_CASE("FlatKeySet: inserts, finds and erases keys") {
  FlatKeySet set;
  size_t refused = 0;
  for (uint64_t i = 0; i < 400'000; ++i) refused += !set.Insert(i, i * 7 + 1);
  CHECK(refused == 0);
  CHECK_FALSE(set.Insert(5, 36));
  CHECK(set.Contains(399'999, 399'999 * 7 + 1));
  CHECK_FALSE(set.Contains(5, 35));
  set.Erase(5, 36);
  CHECK_FALSE(set.Contains(5, 36));
  CHECK(set.Contains(6, 43));  // a neighbour of the erased key's probe is still found
  CHECK(set.Insert(5, 36));
}

}  // namespace
}  // namespace argmap
