// Open-addressing hash tables for hot paths (the Argdown reader, ArgumentMap's indexes): no
// allocation per element, linear probing over one vector, so that reading a million statements does
// a handful of allocations rather than a million (std::unordered_* allocate a node per element).
//
// FlatKeySet holds 128-bit keys (two uint64_t, neither half may be UINT64_MAX, which marks
// empty and erased slots). FlatTitleIndex maps a string_view (whose characters the caller keeps
// alive) to a uint32_t.
// Thread-safety: none. Invariants: at most half of the slots are in use (empty ones end probes).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace argmap {

class FlatKeySet {
 public:
  struct Key {
    uint64_t a, b;
  };

  // False when the key was there already.
  bool Insert(uint64_t a, uint64_t b) {
    if ((used_ + 1) * 2 > slots_.size()) Grow();
    return InsertNoGrow(a, b);
  }
  // Inserts key_at(0), ..., key_at(n - 1) and sets (*fresh)[i] to what Insert(key_at(i)) would
  // have returned had they been inserted one by one in that order. A large batch is inserted in
  // the order of the keys' home slots (a stable partition into parts of 64 KiB of the table),
  // so that it walks through the table once instead of missing the cache at every key; equal
  // keys share a home and keep their order, so the first of them is the one that is new.
  // key_at is called twice per key, in index order.
  template <typename KeyAt>
  void InsertBatch(size_t n, const KeyAt& key_at, std::vector<uint8_t>* fresh) {
    fresh->assign(n, 0);
    while ((used_ + n) * 2 > slots_.size()) Grow();
    const size_t parts = slots_.size() / kPartSlots;
    if (parts <= 1 || n < kPartSlots) {
      for (size_t i = 0; i < n; ++i) {
        Key k = key_at(i);
        (*fresh)[i] = InsertNoGrow(k.a, k.b);
      }
      return;
    }
    const size_t mask = slots_.size() - 1;
    auto part_of = [&](const Key& k) { return (Hash(k.a, k.b) & mask) / kPartSlots; };
    std::vector<size_t> next(parts + 1, 0);
    for (size_t i = 0; i < n; ++i) ++next[part_of(key_at(i)) + 1];
    for (size_t p = 0; p < parts; ++p) next[p + 1] += next[p];
    struct Entry {
      Key key;
      size_t index;
    };
    std::vector<Entry> partitioned(n);
    for (size_t i = 0; i < n; ++i) {
      Key k = key_at(i);
      partitioned[next[part_of(k)]++] = Entry{k, i};
    }
    for (const Entry& e : partitioned) (*fresh)[e.index] = InsertNoGrow(e.key.a, e.key.b);
  }
  bool empty() const { return used_ == 0; }
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
  static constexpr size_t kPartSlots = 4096;  // InsertBatch's parts: 64 KiB of slots each

  bool InsertNoGrow(uint64_t a, uint64_t b) {
    size_t i = Probe(a, b);
    if (slots_[i].a == a && slots_[i].b == b) return false;
    if (slots_[i].a == kEmpty) ++used_;
    slots_[i] = Slot{a, b};
    return true;
  }
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
    return FindOrInsertHashed(title, Hash(title), value, inserted, position);
  }
  // FindOrInsert for a title whose Hash() the caller has already: `hash` must be Hash(title).
  uint32_t FindOrInsertHashed(std::string_view title, uint32_t hash, uint32_t value,
                              bool* inserted) {
    size_t position;
    return FindOrInsertHashed(title, hash, value, inserted, &position);
  }
  uint32_t FindOrInsertHashed(std::string_view title, uint32_t hash, uint32_t value, bool* inserted,
                              size_t* position) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
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
  // Room for n titles: 2n slots, not rounded up to a power of two (a slot's place is computed by
  // multiplication, see Home), so that a reader's estimate of a million titles takes 48 MB of
  // slots rather than up to twice that.
  void Reserve(size_t n) {
    if (size_ > 0 || slots_.size() >= 2 * n) return;
    slots_.assign(std::max<size_t>(16, 2 * n), Slot{});
  }

  // A multiply-and-fold hash, eight bytes at a time (after wyhash's), with the length mixed in:
  // titles are short, and std::hash (MurmurHash2 in libstdc++) spent about 130 instructions on
  // a title of 12 bytes, a tenth of the reader's instructions per title look-up.
  static uint32_t Hash(std::string_view title) {
    constexpr uint64_t kSeed = 0x9E3779B97F4A7C15ull, kStep = 0xBF58476D1CE4E5B9ull,
                       kLast = 0x94D049BB133111EBull;
    const char* p = title.data();
    const size_t n = title.size();
    uint64_t h = kSeed ^ (n * kStep);
    if (n <= 8) {
      h = Fold(h ^ Tail(p, n), kLast);
    } else {
      for (size_t i = 0; i + 8 < n; i += 8) h = Fold(h ^ Load8(p + i), kStep);
      h = Fold(h ^ Load8(p + n - 8), kLast);  // the last eight bytes, overlapping
    }
    return static_cast<uint32_t>(h ^ (h >> 32));
  }
  // For a coming look-up of a title whose Hash() is `hash`, in two stages some time apart:
  // TouchSlot reads the slot where its probe starts (and returns something of it, for the caller
  // to keep so that the read stays); PrefetchTitle, once that slot is in the cache, asks for the
  // characters of the title stored there and returns its value (UINT32_MAX when the first slots
  // hold no such hash). Neither changes anything.
  //
  // TouchSlot is a read, not a prefetch instruction: on the machine argmap is measured on,
  // prefetches of the slot were dropped (the look-ups stalled as before), while reads of several
  // slots in a row overlap their cache misses.
  uint32_t TouchSlot(uint32_t hash) const { return slots_.empty() ? 0 : slots_[Home(hash)].hash; }
  uint32_t PrefetchTitle(uint32_t hash) const {
    if (slots_.empty()) return UINT32_MAX;
    for (size_t i = Home(hash), n = 0; n < 4; i = Following(i), ++n) {
      const Slot& s = slots_[i];
      if (!s.used) break;
      if (s.hash == hash) {
        __builtin_prefetch(s.data);
        return s.value;
      }
    }
    return UINT32_MAX;
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
  static uint64_t Fold(uint64_t a, uint64_t b) {
    const unsigned __int128 product = static_cast<unsigned __int128>(a) * b;
    return static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
  }
  static uint64_t Load8(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  // Up to eight bytes as one number: two overlapping 4-byte loads, or three single bytes.
  static uint64_t Tail(const char* p, size_t n) {
    if (n >= 4) {
      uint32_t low, high;
      std::memcpy(&low, p, 4);
      std::memcpy(&high, p + n - 4, 4);
      return (static_cast<uint64_t>(high) << 32) | low;
    }
    if (n == 0) return 0;
    return static_cast<unsigned char>(p[0]) |
           (static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
           (static_cast<uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16);
  }
  // Where the probe for `hash` starts: the hash scaled to the number of slots (Lemire's
  // multiply-shift), which needs no power of two.
  size_t Home(uint32_t hash) const {
    return static_cast<size_t>((static_cast<uint64_t>(hash) * slots_.size()) >> 32);
  }
  size_t Following(size_t i) const { return i + 1 == slots_.size() ? 0 : i + 1; }
  size_t Probe(std::string_view title, uint32_t hash) const {
    for (size_t i = Home(hash);; i = Following(i)) {
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
