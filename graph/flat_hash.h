// Open-addressing hash tables for hot paths (the Argdown reader, ArgumentMap's indexes): no
// allocation per element, linear probing over one vector, so that reading a million statements does
// a handful of allocations rather than a million (std::unordered_* allocate a node per element).
//
// FlatKeySet holds 128-bit keys (two uint64_t, neither half may be UINT64_MAX, which marks
// empty and erased slots). FlatTitleIndex maps a string_view (whose characters the caller keeps
// alive) to a uint32_t.
// Thread-safety: none. Invariants: at most half of the slots are in use (empty ones end probes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace argmap {

class FlatKeySet {
 public:
  // False when the key was there already.
  bool Insert(uint64_t a, uint64_t b) {
    if ((used_ + 1) * 2 > slots_.size()) Grow();
    size_t i = Probe(a, b);
    if (slots_[i].a == a && slots_[i].b == b) return false;
    if (slots_[i].a == kEmpty) ++used_;
    slots_[i] = Slot{a, b};
    return true;
  }
  bool Contains(uint64_t a, uint64_t b) const {
    if (slots_.empty()) return false;
    size_t i = Probe(a, b);
    return slots_[i].a == a && slots_[i].b == b;
  }
  void Erase(uint64_t a, uint64_t b) {
    if (slots_.empty()) return;
    size_t i = Probe(a, b);
    if (slots_[i].a == a && slots_[i].b == b) slots_[i] = Slot{kErased, kErased};
  }
  void Reserve(size_t n) {
    if (used_ == 0 && slots_.size() < 2 * n) slots_.assign(Capacity(2 * n), Slot{});
  }

 private:
  static size_t Capacity(size_t n) {
    size_t c = 16;
    while (c < n) c *= 2;
    return c;
  }
  static constexpr uint64_t kEmpty = UINT64_MAX;
  static constexpr uint64_t kErased = UINT64_MAX - 1;
  struct Slot {
    uint64_t a = kEmpty, b = kEmpty;
  };
  static size_t Hash(uint64_t a, uint64_t b) {
    uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull) * 0xC2B2AE3D27D4EB4Full;
    return static_cast<size_t>(h ^ (h >> 29));
  }
  // The slot holding the key, or else the first free (empty or erased) slot of its probe.
  size_t Probe(uint64_t a, uint64_t b) const {
    size_t mask = slots_.size() - 1;
    size_t free = SIZE_MAX;
    for (size_t i = Hash(a, b) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.a == a && s.b == b) return i;
      if (s.a == kEmpty) return free != SIZE_MAX ? free : i;
      if (s.a == kErased && free == SIZE_MAX) free = i;
    }
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    used_ = 0;
    for (const Slot& s : old) {
      if (s.a != kEmpty && s.a != kErased) {
        slots_[Probe(s.a, s.b)] = s;
        ++used_;
      }
    }
  }

  std::vector<Slot> slots_;
  size_t used_ = 0;  // slots that are not empty (erased ones included)
};

class FlatTitleIndex {
 public:
  // The value of title, inserting `value` first if it is absent; *inserted says which.
  uint32_t FindOrInsert(std::string_view title, uint32_t value, bool* inserted) {
    size_t position;
    return FindOrInsert(title, value, inserted, &position);
  }
  // FindOrInsert that also gives the slot's position, valid until the next insertion: for Rekey.
  uint32_t FindOrInsert(std::string_view title, uint32_t value, bool* inserted, size_t* position) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    uint32_t hash = Hash(title);
    size_t i = Probe(title, hash);
    *position = i;
    if (slots_[i].used) {
      *inserted = false;
      return slots_[i].value;
    }
    slots_[i] = Slot{title.data(), static_cast<uint32_t>(title.size()), value, hash, true};
    ++size_;
    *inserted = true;
    return value;
  }
  // Points the slot at `position` at `same_title`: equal characters, stored elsewhere (the
  // caller inserted a view of a string it then moved into place).
  void Rekey(size_t position, std::string_view same_title) {
    slots_[position].data = same_title.data();
  }
  // The value of title, or UINT32_MAX when absent.
  uint32_t Find(std::string_view title) const {
    if (slots_.empty()) return UINT32_MAX;
    const Slot& s = slots_[Probe(title, Hash(title))];
    return s.used ? s.value : UINT32_MAX;
  }
  void Reserve(size_t n) {
    if (size_ > 0 || slots_.size() >= 2 * n) return;
    size_t c = 16;
    while (c < 2 * n) c *= 2;
    slots_.assign(c, Slot{});
  }

 private:
  // 24 bytes, so that more slots share a cache line: the title as pointer and 32-bit length (a
  // title is one line of text), the low 32 bits of its hash, which also place it.
  struct Slot {
    const char* data = nullptr;
    uint32_t size = 0;
    uint32_t value = 0;
    uint32_t hash = 0;
    bool used = false;
    std::string_view title() const { return {data, size}; }
  };
  static uint32_t Hash(std::string_view title) {
    return static_cast<uint32_t>(std::hash<std::string_view>()(title));
  }
  size_t Probe(std::string_view title, uint32_t hash) const {
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.used || (s.hash == hash && s.title() == title)) return i;
    }
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    for (const Slot& s : old) {
      if (s.used) slots_[Probe(s.title(), s.hash)] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace argmap
