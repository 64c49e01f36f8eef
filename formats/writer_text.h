// Text helpers shared by the DOT and review writers: UTF-8 decoding that never splits a
// character and never lets a broken one through.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace argmap::writer_text {

inline constexpr char32_t kReplacement = 0xFFFD;

// The code point at s[*i], advancing *i past it. An invalid, overlong or truncated sequence
// yields U+FFFD and advances one byte.
char32_t NextCodePoint(std::string_view s, size_t* i);

void AppendUtf8(char32_t cp, std::string* out);

}  // namespace argmap::writer_text
