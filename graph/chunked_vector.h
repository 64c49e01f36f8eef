// ChunkedVector<T>: a sequence whose elements stay where they are while it grows, stored in
// chunks of kChunk elements each. ArgumentMap keeps its statements and arguments in it: their
// titles are viewed by the title indexes, so they must not move when a record is appended.
//
// std::deque gives the same guarantee, but libstdc++'s deque holds 512 bytes per node, which is
// one Statement (288 bytes): each append was an allocation of its own, about half of the cost of
// appending a statement to a map. Here an append allocates once per kChunk elements.
//
// What it has of a vector: push_back/emplace_back, operator[], front/back, size/empty,
// random-access iterators, erase of one element (the later ones move down by one, as in a vector
// or a deque) and clear. Moving the whole container moves its chunks, not its elements.
// Thread-safety: as a std::vector.
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace argmap {

template <typename T, size_t kChunk = 256>
class ChunkedVector {
  static_assert(kChunk > 0 && (kChunk & (kChunk - 1)) == 0, "kChunk must be a power of two");

  template <bool kConst>
  class Iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = std::conditional_t<kConst, const T*, T*>;
    using reference = std::conditional_t<kConst, const T&, T&>;
    using Owner = std::conditional_t<kConst, const ChunkedVector, ChunkedVector>;

    Iterator() = default;
    Iterator(Owner* owner, size_t index) : owner_(owner), index_(index) {}
    template <bool kToConst = true, typename = std::enable_if_t<kToConst && !kConst>>
    operator Iterator<kToConst>() const {
      return Iterator<true>(owner_, index_);
    }

    reference operator*() const { return (*owner_)[index_]; }
    pointer operator->() const { return &(*owner_)[index_]; }
    reference operator[](difference_type n) const { return (*owner_)[index_ + n]; }
    Iterator& operator++() {
      ++index_;
      return *this;
    }
    Iterator operator++(int) { return Iterator(owner_, index_++); }
    Iterator& operator--() {
      --index_;
      return *this;
    }
    Iterator operator--(int) { return Iterator(owner_, index_--); }
    Iterator& operator+=(difference_type n) {
      index_ += n;
      return *this;
    }
    Iterator& operator-=(difference_type n) {
      index_ -= n;
      return *this;
    }
    friend Iterator operator+(Iterator it, difference_type n) { return it += n; }
    friend Iterator operator+(difference_type n, Iterator it) { return it += n; }
    friend Iterator operator-(Iterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const Iterator& a, const Iterator& b) {
      return static_cast<difference_type>(a.index_) - static_cast<difference_type>(b.index_);
    }
    friend bool operator==(const Iterator& a, const Iterator& b) { return a.index_ == b.index_; }
    friend auto operator<=>(const Iterator& a, const Iterator& b) { return a.index_ <=> b.index_; }

   private:
    friend class ChunkedVector;
    Owner* owner_ = nullptr;
    size_t index_ = 0;
  };

 public:
  using value_type = T;
  using size_type = size_t;
  using iterator = Iterator<false>;
  using const_iterator = Iterator<true>;

  ChunkedVector() = default;
  ChunkedVector(ChunkedVector&& other) noexcept
      : chunks_(std::move(other.chunks_)), size_(std::exchange(other.size_, 0)) {}
  ChunkedVector& operator=(ChunkedVector&& other) noexcept {
    if (this != &other) {
      clear();
      chunks_ = std::move(other.chunks_);
      size_ = std::exchange(other.size_, 0);
    }
    return *this;
  }
  ChunkedVector(const ChunkedVector&) = delete;
  ChunkedVector& operator=(const ChunkedVector&) = delete;
  ~ChunkedVector() { clear(); }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  T& operator[](size_t i) { return chunks_[i / kChunk].get()[i % kChunk]; }
  const T& operator[](size_t i) const { return chunks_[i / kChunk].get()[i % kChunk]; }
  T& front() { return (*this)[0]; }
  const T& front() const { return (*this)[0]; }
  T& back() { return (*this)[size_ - 1]; }
  const T& back() const { return (*this)[size_ - 1]; }

  iterator begin() { return iterator(this, 0); }
  iterator end() { return iterator(this, size_); }
  const_iterator begin() const { return const_iterator(this, 0); }
  const_iterator end() const { return const_iterator(this, size_); }

  // Room for the table of chunks, so that appending up to n elements moves no chunk pointers.
  void reserve(size_t n) { chunks_.reserve((n + kChunk - 1) / kChunk); }

  template <typename... Args>
  T& emplace_back(Args&&... args) {
    if (size_ == chunks_.size() * kChunk) AddChunk();
    T* at = chunks_.back().get() + size_ % kChunk;
    std::construct_at(at, std::forward<Args>(args)...);
    ++size_;
    return *at;
  }
  void push_back(T&& value) { emplace_back(std::move(value)); }
  void push_back(const T& value) { emplace_back(value); }

  // Removes the element at `position`; the later ones move down by one.
  iterator erase(const_iterator position) {
    const size_t i = position.index_;
    for (size_t k = i; k + 1 < size_; ++k) (*this)[k] = std::move((*this)[k + 1]);
    PopBack();
    return iterator(this, i);
  }

  void clear() {
    while (size_ > 0) PopBack();
    chunks_.clear();
  }

 private:
  // Uninitialized room for kChunk elements; the container constructs and destroys them.
  struct FreeChunk {
    void operator()(T* p) const { std::allocator<T>().deallocate(p, kChunk); }
  };
  using Chunk = std::unique_ptr<T, FreeChunk>;

  void AddChunk() { chunks_.emplace_back(std::allocator<T>().allocate(kChunk)); }
  void PopBack() {
    std::destroy_at(&back());
    --size_;
    // A chunk that fell empty goes, so that the last chunk is the one emplace_back fills.
    chunks_.resize((size_ + kChunk - 1) / kChunk);
  }

  std::vector<Chunk> chunks_;
  size_t size_ = 0;
};

}  // namespace argmap
