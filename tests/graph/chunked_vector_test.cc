#include "graph/chunked_vector.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <numeric>
#include <string>
#include <vector>

namespace argmap {
namespace {

// Counts the live objects, so that a test sees every construction matched by one destruction.
struct Counted {
  static inline int live = 0;
  std::string value;
  explicit Counted(std::string v) : value(std::move(v)) { ++live; }
  Counted(Counted&& other) noexcept : value(std::move(other.value)) { ++live; }
  Counted& operator=(Counted&& other) noexcept {
    value = std::move(other.value);
    return *this;
  }
  ~Counted() { --live; }
};

// Long enough to live on the heap, so that a moved or destroyed string shows.
std::string Text(int i) { return "element number " + std::to_string(i) + " of the test"; }

TEST_CASE("ChunkedVector appends across chunks without moving elements", "[chunked_vector]") {
  ChunkedVector<Counted, 4> v;
  std::vector<const Counted*> addresses;
  for (int i = 0; i < 19; ++i) {
    Counted& added = v.emplace_back(Text(i));
    REQUIRE(&added == &v.back());
    addresses.push_back(&added);
  }
  REQUIRE(v.size() == 19);
  REQUIRE_FALSE(v.empty());
  REQUIRE(Counted::live == 19);
  for (int i = 0; i < 19; ++i) {
    CHECK(&v[i] == addresses[i]);  // nothing moved while the container grew
    CHECK(v[i].value == Text(i));
  }
  CHECK(v.front().value == Text(0));
  CHECK(v.back().value == Text(18));
  v.clear();
  CHECK(v.empty());
  CHECK(Counted::live == 0);
}

TEST_CASE("ChunkedVector erases like a vector", "[chunked_vector]") {
  for (int size : {1, 3, 4, 5, 8, 9, 13}) {
    for (int at = 0; at < size; ++at) {
      ChunkedVector<Counted, 4> v;
      std::vector<std::string> expected;
      for (int i = 0; i < size; ++i) {
        v.push_back(Counted(Text(i)));
        expected.push_back(Text(i));
      }
      auto next = v.erase(v.begin() + at);
      expected.erase(expected.begin() + at);
      INFO("size " << size << ", erased at " << at);
      REQUIRE(next - v.begin() == at);
      REQUIRE(v.size() == expected.size());
      REQUIRE(Counted::live == size - 1);
      for (size_t i = 0; i < expected.size(); ++i) CHECK(v[i].value == expected[i]);
      // Appending after an erase fills the right chunk.
      v.emplace_back(Text(100));
      expected.push_back(Text(100));
      for (size_t i = 0; i < expected.size(); ++i) CHECK(v[i].value == expected[i]);
    }
  }
  CHECK(Counted::live == 0);
}

TEST_CASE("ChunkedVector erases down to empty and grows again", "[chunked_vector]") {
  ChunkedVector<Counted, 4> v;
  for (int i = 0; i < 9; ++i) v.emplace_back(Text(i));
  while (!v.empty()) v.erase(v.end() - 1);
  CHECK(Counted::live == 0);
  for (int i = 0; i < 6; ++i) v.emplace_back(Text(i));
  REQUIRE(v.size() == 6);
  for (int i = 0; i < 6; ++i) CHECK(v[i].value == Text(i));
}

TEST_CASE("ChunkedVector moves its chunks, not its elements", "[chunked_vector]") {
  ChunkedVector<Counted, 4> a;
  for (int i = 0; i < 10; ++i) a.emplace_back(Text(i));
  const Counted* fifth = &a[5];
  ChunkedVector<Counted, 4> b(std::move(a));
  CHECK(a.empty());
  REQUIRE(b.size() == 10);
  CHECK(&b[5] == fifth);
  ChunkedVector<Counted, 4> c;
  c.emplace_back(Text(99));
  c = std::move(b);
  CHECK(b.empty());
  CHECK(&c[5] == fifth);
  CHECK(Counted::live == 10);
  a.emplace_back(Text(7));  // a moved-from container is an empty one
  CHECK(a.size() == 1);
  CHECK(a[0].value == Text(7));
}

TEST_CASE("ChunkedVector iterators are random access", "[chunked_vector]") {
  ChunkedVector<int, 8> v;
  for (int i = 0; i < 50; ++i) v.push_back((i * 37) % 50);
  const ChunkedVector<int, 8>& view = v;
  CHECK(std::distance(view.begin(), view.end()) == 50);
  CHECK(std::accumulate(view.begin(), view.end(), 0) == 49 * 50 / 2);
  std::sort(v.begin(), v.end());
  int expected = 0;
  for (int x : view) CHECK(x == expected++);
  auto it = std::lower_bound(view.begin(), view.end(), 17);
  CHECK(it - view.begin() == 17);
  CHECK(*(it + 3) == 20);
  CHECK(it[-2] == 15);
  ChunkedVector<int, 8>::const_iterator from_mutable = v.begin() + 4;
  CHECK(*from_mutable == 4);
  CHECK(view.begin() < from_mutable);
}

}  // namespace
}  // namespace argmap
