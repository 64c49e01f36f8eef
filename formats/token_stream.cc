#include "formats/token_stream.h"

#include <algorithm>
#include <system_error>

#include "graph/flat_hash.h"

namespace argmap {

TokenStream::TokenStream(std::string_view text) {
  lexer_.emplace(text);
  if (text.size() < kThreadedFrom) return;
  try {
    lexer_thread_ = std::thread([this] { Lex(); });
  } catch (const std::system_error&) {
    // No thread to be had: lex on the caller's thread, as for a small text.
  }
}

TokenStream::~TokenStream() {
  if (!lexer_thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  lexer_thread_.join();
}

void TokenStream::Lex() {
  const std::string_view text = lexer_->text();
  bool eof = false;
  while (!eof) {
    std::vector<Token> chunk;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!spare_.empty()) {
        chunk = std::move(spare_.back());
        spare_.pop_back();
      }
    }
    chunk.reserve(kSlack + kChunkTokens);
    chunk.assign(kSlack, Token{});  // room for the consumer's unconsumed tokens, see Refill
    while (chunk.size() < kSlack + kChunkTokens && !eof) {
      Token& t = chunk.emplace_back(lexer_->Next());
      eof = t.type == ArgdownToken::kEof;
      if (t.has_title()) t.title_hash = FlatTitleIndex::Hash(t.title(text));
    }
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return stop_ || chunks_.size() < kMaxChunksAhead; });
    if (stop_) return;
    chunks_.push_back(std::move(chunk));
    lock.unlock();
    changed_.notify_all();
  }
}

void TokenStream::Refill() {
  std::vector<Token> chunk;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return !chunks_.empty(); });
    chunk = std::move(chunks_.front());
    chunks_.pop_front();
  }
  changed_.notify_all();
  // Keep the unconsumed tail (lookahead spans chunk boundaries), drop the rest. The tail is a
  // few tokens: it goes into the chunk's room in front, and the chunk becomes the window,
  // rather than the chunk's tokens being copied behind the tail.
  const size_t tail = window_.size() - head_;
  if (tail <= kSlack) {
    std::copy(window_.begin() + static_cast<ptrdiff_t>(head_), window_.end(),
              chunk.begin() + static_cast<ptrdiff_t>(kSlack - tail));
    head_ = kSlack - tail;
    window_.swap(chunk);
  } else {
    window_.erase(window_.begin(), window_.begin() + static_cast<ptrdiff_t>(head_));
    head_ = 0;
    window_.insert(window_.end(), chunk.begin() + kSlack, chunk.end());
  }
  window_has_eof_ = window_.back().type == ArgdownToken::kEof;
  chunk.clear();
  std::lock_guard<std::mutex> lock(mutex_);
  spare_.push_back(std::move(chunk));
}

}  // namespace argmap
