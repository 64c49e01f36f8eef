// FlatTitleIndex and FlatKeySet at sizes that grow them many times.
#include "graph/flat_hash.h"

#include <algorithm>
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

TEST_CASE("FlatTitleIndex: a look-up with the hash given meets one without") {
  FlatTitleIndex index;  // it keeps views of the titles: they must outlive it
  std::vector<std::string> titles;
  for (int i = 0; i < 50'000; ++i) titles.push_back("T" + std::to_string(i));
  size_t wrong = 0, position = 0;
  for (uint32_t i = 0; i < titles.size(); ++i) {
    // Even titles go in with their hash given, odd ones without; each is then found both ways.
    const std::string& title = titles[i];
    bool inserted = false;
    uint32_t value = i % 2 == 0 ? index.FindOrInsertHashed(title, FlatTitleIndex::Hash(title), i,
                                                           &inserted, &position)
                                : index.FindOrInsert(title, i, &inserted);
    wrong += value != i || !inserted;
  }
  for (uint32_t i = 0; i < titles.size(); ++i) {
    const std::string& title = titles[i];
    bool inserted = true;
    wrong +=
        index.FindOrInsertHashed(title, FlatTitleIndex::Hash(title), 0, &inserted, &position) != i;
    wrong += inserted;
    wrong += index.FindOrInsert(title, 0, &inserted) != i;
  }
  CHECK(wrong == 0);
}

TEST_CASE("FlatTitleIndex::Hash: every byte and the length count") {
  // Strings of every length up to 40, and each with one byte changed at each position: a hash
  // that skipped a byte (of the tail, or of an overlapping load) would give two of them alike.
  std::vector<std::string> strings;
  for (size_t n = 0; n <= 40; ++n) {
    std::string base(n, 'a');
    for (size_t i = 0; i < n; ++i) base[i] = static_cast<char>('a' + i % 26);
    strings.push_back(base);
    for (size_t i = 0; i < n; ++i) {
      std::string changed = base;
      changed[i] = '#';
      strings.push_back(changed);
    }
  }
  std::vector<uint32_t> hashes;
  for (const std::string& s : strings) hashes.push_back(FlatTitleIndex::Hash(s));
  std::sort(hashes.begin(), hashes.end());
  CHECK(std::adjacent_find(hashes.begin(), hashes.end()) == hashes.end());
  // The same characters anywhere in memory hash alike.
  std::string copy = "x" + strings.back();
  CHECK(FlatTitleIndex::Hash(std::string_view(copy).substr(1)) ==
        FlatTitleIndex::Hash(strings.back()));
}

TEST_CASE("FlatTitleIndex::Hash: numbered titles spread over the slots") {
  // 200,000 titles like a generated map's into 2^19 slots by their low bits: with linear
  // probing at 38 % load a random hash needs about 0.3 extra probes per insertion.
  constexpr size_t kSlots = size_t{1} << 19;
  std::vector<uint8_t> used(kSlots, 0);
  size_t extra = 0;
  for (int i = 0; i < 200'000; ++i) {
    size_t at = FlatTitleIndex::Hash("Claim " + std::to_string(i)) & (kSlots - 1);
    while (used[at]) {
      ++extra;
      at = (at + 1) & (kSlots - 1);
    }
    used[at] = 1;
  }
  CHECK(extra < 200'000 / 2);
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

TEST_CASE("FlatKeySet: a batch insertion says what inserting one by one would have said") {
  // Keys with many repeats, some already in the set, some erased before; a batch large enough
  // to be partitioned, and one that is not.
  for (size_t n : {100u, 200'000u}) {
    FlatKeySet one_by_one, batch;
    for (uint64_t k = 0; k < 5000; ++k) {
      one_by_one.Insert(k * 3, k);
      batch.Insert(k * 3, k);
    }
    for (uint64_t k = 0; k < 5000; k += 2) {
      one_by_one.Erase(k * 3, k);
      batch.Erase(k * 3, k);
    }
    std::vector<FlatKeySet::Key> keys;
    uint64_t x = 88172645463325252ull;  // xorshift: a fixed pseudo-random sequence
    for (size_t i = 0; i < n; ++i) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      const uint64_t k = x % (n / 2 + 7000);  // about half the keys repeat an earlier one
      keys.push_back({k * 3, k});
    }
    std::vector<uint8_t> expected;
    for (const FlatKeySet::Key& k : keys) expected.push_back(one_by_one.Insert(k.a, k.b));
    std::vector<uint8_t> fresh;
    size_t calls = 0;
    batch.InsertBatch(
        keys.size(),
        [&](size_t i) {
          ++calls;
          return keys[i];
        },
        &fresh);
    CHECK(fresh == expected);
    CHECK(calls >= keys.size());
    size_t differ = 0;
    for (uint64_t k = 0; k < n / 2 + 7000; ++k) {
      differ += one_by_one.Contains(k * 3, k) != batch.Contains(k * 3, k);
    }
    CHECK(differ == 0);
  }
}

}  // namespace
}  // namespace argmap
