// TokenStream: the tokens of an ArgdownLexer, lexed ahead on a second thread for large texts,
// so that lexing (a fifth of reading a large map) overlaps parsing. Small texts are lexed on the
// caller's thread, as ArgdownLexer alone would. Either way the tokens are exactly the lexer's.
//
// Peek and Next behave as ArgdownLexer's: Peek(k) looks k tokens ahead (the Eof token once the
// text ends), Next() consumes one (never past Eof). Tokens lexed on the second thread carry
// their title's hash (Token::title_hash), so that the parser can prefetch its look-ups.
// Ownership: references the text, which must outlive the stream. The destructor stops and joins
// the lexing thread, also when the parser stopped early.
// Thread-safety: one consumer thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#include "formats/argdown_lexer.h"

namespace argmap {

class TokenStream {
 public:
  // Texts of at least this many bytes are lexed on a second thread.
  static constexpr size_t kThreadedFrom = 1 << 20;
  // Every chunk starts with this many empty tokens, where Refill puts the tokens the consumer
  // has not consumed yet (its lookahead), so that the chunk becomes the window without being
  // copied. A longer lookahead is copied instead.
  static constexpr size_t kSlack = 64;

  explicit TokenStream(std::string_view text);
  ~TokenStream();
  TokenStream(const TokenStream&) = delete;
  TokenStream& operator=(const TokenStream&) = delete;

  const Token& Peek(size_t k = 0) {
    if (!lexer_thread_.joinable()) return lexer_->Peek(k);
    while (head_ + k >= window_.size() && !window_has_eof_) Refill();
    size_t i = head_ + k;
    return window_[i < window_.size() ? i : window_.size() - 1];
  }
  Token Next() {
    if (!lexer_thread_.joinable()) return lexer_->Next();
    Token token = Peek(0);
    if (token.type != ArgdownToken::kEof) ++head_;
    return token;
  }
  // The token k ahead if the lexing thread has delivered it already, else nullptr (never
  // waits): for look-ahead that is only a hint. Always nullptr when lexing on the caller's thread.
  const Token* PeekLexed(size_t k) const {
    size_t i = head_ + k;
    return i < window_.size() ? &window_[i] : nullptr;
  }

 private:
  static constexpr size_t kChunkTokens = 1 << 14;
  static constexpr size_t kMaxChunksAhead = 16;

  void Lex();     // the lexing thread: fills chunks_ until Eof or stop_
  void Refill();  // the consumer: moves the next chunk into window_, waiting for it

  std::optional<ArgdownLexer> lexer_;
  std::thread lexer_thread_;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<Token>> chunks_;  // lexed, not yet taken by the consumer
  std::vector<std::vector<Token>> spare_;  // taken and emptied: reused, not reallocated
  bool stop_ = false;                      // the consumer is gone

  std::vector<Token> window_;  // the consumer's tokens: window_[head_...] not yet consumed
  size_t head_ = 0;
  bool window_has_eof_ = false;
};

}  // namespace argmap
