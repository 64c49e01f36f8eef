#include "storage/keys.h"

#include <bit>
#include <cstring>

namespace argmap::keys {
namespace {

constexpr char kStoreInfoTag = 'S';
constexpr char kMapNameTag = 'N';
constexpr char kMapTag = 'M';
constexpr char kHeaderTag = 'H';
constexpr char kRecordTag = 'R';
constexpr char kTitleTag = 'T';
constexpr char kAdjacencyTag = 'A';

// Big-endian, so that keys sort by number. Keys are built in a buffer on the stack and copied
// into the caller's string once: an import builds millions of them.
void StoreFixed64(char* p, uint64_t v) {
  if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap64(v);
  std::memcpy(p, &v, 8);
}

void AppendFixed64(std::string* out, uint64_t v) {
  char buf[8];
  StoreFixed64(buf, v);
  out->append(buf, 8);
}

// "M", the map id and the part's tag: the first kMapPrefixSize + 1 bytes of buf.
void StoreMapPrefix(char* buf, uint64_t map_id, char tag) {
  buf[0] = kMapTag;
  StoreFixed64(buf + 1, map_id);
  buf[kMapPrefixSize] = tag;
}

void SetMapPrefix(std::string* out, uint64_t map_id, char tag) {
  char buf[kMapPrefixSize + 1];
  StoreMapPrefix(buf, map_id, tag);
  out->assign(buf, sizeof buf);
}

}  // namespace

uint64_t DecodeFixed64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap64(v);
  return v;
}

std::string StoreInfoKey() { return std::string(1, kStoreInfoTag); }

std::string MapNameKey(std::string_view name) {
  std::string key(1, kMapNameTag);
  key.append(name);
  return key;
}

std::string MapNamePrefix() { return std::string(1, kMapNameTag); }
std::string AllMapsPrefix() { return std::string(1, kMapTag); }

std::string MapPrefix(uint64_t map_id) {
  std::string key(1, kMapTag);
  AppendFixed64(&key, map_id);
  return key;
}

std::string HeaderKey(uint64_t map_id) {
  std::string key;
  SetMapPrefix(&key, map_id, kHeaderTag);
  return key;
}

std::string RecordsPrefix(uint64_t map_id) {
  std::string key;
  SetMapPrefix(&key, map_id, kRecordTag);
  return key;
}

std::string RecordsPrefix(uint64_t map_id, RecordKind kind) {
  std::string key = RecordsPrefix(map_id);
  key.push_back(static_cast<char>(kind));
  return key;
}

void SetRecordKey(std::string* out, uint64_t map_id, RecordKind kind, uint64_t id) {
  char buf[kRecordKeySize];
  StoreMapPrefix(buf, map_id, kRecordTag);
  buf[kMapPrefixSize + 1] = static_cast<char>(kind);
  StoreFixed64(buf + kMapPrefixSize + 2, id);
  out->assign(buf, sizeof buf);
}

std::string RecordKey(uint64_t map_id, RecordKind kind, uint64_t id) {
  std::string key;
  SetRecordKey(&key, map_id, kind, id);
  return key;
}

std::string TitlesPrefix(uint64_t map_id) {
  std::string key;
  SetMapPrefix(&key, map_id, kTitleTag);
  return key;
}

void SetTitleKey(std::string* out, uint64_t map_id, TitleKind kind, std::string_view title) {
  char buf[kMapPrefixSize + 2];
  StoreMapPrefix(buf, map_id, kTitleTag);
  buf[kMapPrefixSize + 1] = static_cast<char>(kind);
  out->assign(buf, sizeof buf);
  out->append(title);
}

std::string TitleKey(uint64_t map_id, TitleKind kind, std::string_view title) {
  std::string key;
  SetTitleKey(&key, map_id, kind, title);
  return key;
}

std::string AdjacencyPrefix(uint64_t map_id) {
  std::string key;
  SetMapPrefix(&key, map_id, kAdjacencyTag);
  return key;
}

void SetAdjacencyKey(std::string* out, uint64_t map_id, NodeId node) {
  char buf[kAdjacencyKeySize];
  StoreMapPrefix(buf, map_id, kAdjacencyTag);
  StoreFixed64(buf + kMapPrefixSize + 1, node);
  out->assign(buf, sizeof buf);
}

std::string AdjacencyKey(uint64_t map_id, NodeId node) {
  std::string key;
  SetAdjacencyKey(&key, map_id, node);
  return key;
}

std::string PrefixEnd(std::string_view prefix) {
  std::string end(prefix);
  while (!end.empty()) {
    if (static_cast<uint8_t>(end.back()) != 0xff) {
      end.back() = static_cast<char>(static_cast<uint8_t>(end.back()) + 1);
      return end;
    }
    end.pop_back();
  }
  return end;
}

ParsedKey ParseKey(std::string_view key) {
  ParsedKey parsed;
  if (key.empty()) return parsed;
  if (key == StoreInfoKey()) {
    parsed.part = ParsedKey::Part::kStoreInfo;
    return parsed;
  }
  if (key[0] == kMapNameTag) {
    parsed.part = ParsedKey::Part::kMapName;
    parsed.name = key.substr(1);
    return parsed;
  }
  if (key[0] != kMapTag || key.size() < kMapPrefixSize + 1) return parsed;
  parsed.map_id = DecodeFixed64(key.data() + 1);
  std::string_view rest = key.substr(kMapPrefixSize + 1);
  switch (key[kMapPrefixSize]) {
    case kHeaderTag:
      if (rest.empty()) parsed.part = ParsedKey::Part::kHeader;
      break;
    case kRecordTag:
      if (rest.size() == 9) {
        parsed.part = ParsedKey::Part::kRecord;
        parsed.kind = static_cast<uint8_t>(rest[0]);
        parsed.id = DecodeFixed64(rest.data() + 1);
      }
      break;
    case kTitleTag:
      if (!rest.empty()) {
        parsed.part = ParsedKey::Part::kTitle;
        parsed.kind = static_cast<uint8_t>(rest[0]);
        parsed.name = rest.substr(1);
      }
      break;
    case kAdjacencyTag:
      if (rest.size() == 8) {  // a longer key is not argmap's (schema 1 had per-edge keys)
        parsed.part = ParsedKey::Part::kAdjacency;
        parsed.id = DecodeFixed64(rest.data());
      }
      break;
  }
  return parsed;
}

std::string Printable(std::string_view key) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(key.size() * 2);
  for (char c : key) {
    auto b = static_cast<uint8_t>(c);
    if (b >= 0x20 && b < 0x7f && b != '\\') {
      out.push_back(c);
    } else {
      out += "\\x";
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0xf]);
    }
  }
  return out;
}

}  // namespace argmap::keys
