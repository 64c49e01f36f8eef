#include "formats/findings_writer.h"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <system_error>
#include <thread>

#include "formats/map_json.h"

namespace argmap {
namespace {

constexpr const char* kReset = "\033[0m";
constexpr const char* kBold = "\033[1m";
constexpr const char* kGreen = "\033[32m";
constexpr const char* kRed = "\033[31m";

const char* SeverityColor(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "\033[1;31m";
    case Severity::kWarning:
      return "\033[1;33m";
    case Severity::kInfo:
      return "\033[1;36m";
  }
  return kBold;
}

// Findings per severity, indexed by Severity.
std::array<size_t, 3> Count(const std::vector<Finding>& findings) {
  std::array<size_t, 3> counts{};
  for (const Finding& f : findings) ++counts[static_cast<size_t>(f.severity)];
  return counts;
}

std::string Counted(size_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// Appends "[A] --supports--> [B] ..." to *out, the nodes by their display names.
void AppendPath(const ArgumentMap& map, const EvidencePath& path, std::string* out) {
  for (size_t i = 0; i < path.size(); ++i) {
    const PathStep& step = path[i];
    if (i == 0) {
      map.AppendDisplayName(step.from, out);
    } else if (path[i - 1].to != step.from) {
      *out += " | ";  // not a walk; show where it resumes
      map.AppendDisplayName(step.from, out);
    }
    *out += " --";
    *out += RelationName(step.relation);
    *out += "--> ";
    map.AppendDisplayName(step.to, out);
  }
}

// Writes the text report through one buffer. (Caching display names costs more than building
// them: most nodes of a large report appear once.)
class TextFindingsWriter {
 public:
  TextFindingsWriter(const ArgumentMap& map, const TextStyle& style, std::ostream& out)
      : map_(map), style_(style), out_(out) {}

  void Write(const std::vector<Finding>& findings) {
    for (const Finding& f : findings) {
      WriteBlock(f);
      buffer_ += '\n';
      if (buffer_.size() > kFlushAt) Flush();
    }
    std::array<size_t, 3> counts = Count(findings);
    buffer_ += Counted(counts[0], "error") + ", " + Counted(counts[1], "warning") + ", " +
               Counted(counts[2], "info") + "\n";
    Flush();
  }

 private:
  static constexpr size_t kFlushAt = 1 << 16;

  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

  void Colored(const char* color, std::string_view text) {
    if (style_.color) buffer_ += color;
    buffer_ += text;
    if (style_.color) buffer_ += kReset;
  }

  void WriteBlock(const Finding& f) {
    Colored(SeverityColor(f.severity), SeverityName(f.severity));
    buffer_ += ' ';
    Colored(kBold, f.check);
    buffer_ += ": ";
    buffer_ += f.message;
    buffer_ += '\n';
    for (const EvidencePath& path : f.evidence) {
      bool plus = PathSign(path) > 0;
      buffer_ += "  ";
      Colored(plus ? kGreen : kRed, plus ? "+" : "-");
      buffer_ += ' ';
      AppendPath(map_, path, &buffer_);
      buffer_ += '\n';
    }
  }

  const ArgumentMap& map_;
  const TextStyle& style_;
  std::ostream& out_;
  std::string buffer_;
};

// A node's title as a JSON string (quotes included), exactly as JsonFindingFormatter writes
// it: valid UTF-8 takes the fast path, whose bytes are nlohmann's; invalid UTF-8 is replaced
// the way nlohmann replaces it (one U+FFFD per maximal invalid subsequence).
void AppendQuotedJson(std::string_view text, std::string* out) {
  size_t start = out->size();
  if (AppendJsonString(text, out)) return;
  out->resize(start);
  *out += nlohmann::ordered_json(text).dump(-1, ' ', false,
                                            nlohmann::ordered_json::error_handler_t::replace);
}

// Every node's quoted title, made once in id order. A large report names the same nodes
// millions of times, each a look-up in the map's tables and a read of a record far from the
// last (a cache miss or two), then the escaping; from this table it is one copy. Built in id
// order, the records are read one after another.
class QuotedTitles {
 public:
  explicit QuotedTitles(const ArgumentMap& map) {
    const uint64_t ids = map.next_id();
    start_.reserve(ids + 1);
    for (uint64_t id = 0; id < ids; ++id) {
      start_.push_back(text_.size());
      if (map.ContainsNode(static_cast<NodeId>(id))) {
        AppendQuotedJson(map.TitleOf(static_cast<NodeId>(id)), &text_);
      }
    }
    start_.push_back(text_.size());
  }
  // The quoted title of id, or an empty view when id names no node.
  std::string_view Of(NodeId id) const {
    if (id + 1 >= start_.size()) return {};
    return std::string_view(text_).substr(start_[id], start_[id + 1] - start_[id]);
  }

 private:
  std::string text_;
  std::vector<size_t> start_;  // id's quoted title is text_[start_[id], start_[id + 1])
};

// Appends findings as JSON lines of the report (SPEC §4 key order), one finding per line, as
// the map's JSON writes one record per line: `{"check": ..., "evidence": [[{...}, ...]]}`, with
// ", " and ": " between items, to its own buffer: one formatter per thread.
class JsonFindingFormatter {
 public:
  // titles: every node's quoted title, or nullptr to quote each title where it is written.
  JsonFindingFormatter(const ArgumentMap& map, const QuotedTitles* titles)
      : map_(map), titles_(titles) {}

  // The JSON written so far; the caller may empty it (through ClearBuffer).
  const std::string& buffer() const { return buffer_; }
  void ClearBuffer() {
    buffer_.clear();
    last_to_size_ = 0;
  }

  // The finding at `index` of the report (the first one is not preceded by a comma).
  void Append(const Finding& f, size_t index) {
    buffer_ += index == 0 ? "\n    {\"check\": " : ",\n    {\"check\": ";
    AppendQuoted(f.check);
    buffer_ += ", \"severity\": \"";
    buffer_ += SeverityName(f.severity);
    buffer_ += "\", \"nodes\": [";
    for (size_t i = 0; i < f.nodes.size(); ++i) {
      if (i > 0) buffer_ += ", ";
      AppendTitle(f.nodes[i]);
    }
    buffer_ += "], \"message\": ";
    AppendQuoted(f.message);
    buffer_ += ", \"evidence\": [";
    for (size_t p = 0; p < f.evidence.size(); ++p) {
      buffer_ += p > 0 ? ", [" : "[";
      const EvidencePath& path = f.evidence[p];
      for (size_t i = 0; i < path.size(); ++i) {
        if (i > 0) buffer_ += ", ";
        AppendStep(path[i]);
      }
      buffer_ += ']';
    }
    buffer_ += "]}";
  }

 private:
  void AppendQuoted(std::string_view text) { AppendQuotedJson(text, &buffer_); }

  void AppendTitle(NodeId id) {
    std::string_view quoted = titles_ ? titles_->Of(id) : std::string_view();
    if (!quoted.empty()) {
      buffer_ += quoted;
    } else {
      AppendQuoted(map_.TitleOf(id));
    }
  }

  // A walk's step starts where the one before ended: its "from" repeats the bytes written for
  // that step's "to" (a copy from earlier in the buffer, not a second look-up and escape).
  void AppendStep(const PathStep& step) {
    buffer_ += "{\"from\": ";
    if (step.from == last_to_ && last_to_size_ > 0) {
      buffer_.append(buffer_, last_to_at_, last_to_size_);
    } else {
      AppendTitle(step.from);
    }
    buffer_ += ", \"relation\": \"";
    buffer_ += RelationName(step.relation);
    buffer_ += step.sign > 0 ? "\", \"sign\": \"+\", \"to\": " : "\", \"sign\": \"-\", \"to\": ";
    last_to_at_ = buffer_.size();
    AppendTitle(step.to);
    last_to_ = step.to;
    last_to_size_ = buffer_.size() - last_to_at_;
    buffer_ += '}';
  }

  const ArgumentMap& map_;
  const QuotedTitles* titles_;
  std::string buffer_;
  // The quoted title of the last step's "to": where in buffer_, how long (0: none since the
  // buffer was last emptied), and the node.
  NodeId last_to_ = kNoNode;
  size_t last_to_at_ = 0, last_to_size_ = 0;
};

// Writes the findings document one block of findings at a time: a report can hold millions of
// path steps, and building it as one JSON value costs several times the writing. Two threads
// (this one and a helper) each take the next block to format; whichever finishes the block
// that is due next writes it, and any later ones that are done, while the other formats on.
// Writing a large report into a file costs about as much as formatting it, so this keeps both
// cores busy with either. At most kBuffers blocks are formatted ahead of the writing.
class JsonFindingsWriter {
 public:
  JsonFindingsWriter(const ArgumentMap& map, TitleTable table, std::ostream& out)
      : map_(map), table_(table), out_(out) {}

  void Write(const std::vector<Finding>& findings) {
    out_ << "{\n  \"findings\": [";
    size_t names = 0;  // the titles the report writes (a step's "from" is mostly a copy)
    for (size_t start = 0; start < findings.size();) {
      block_starts_.push_back(start);
      start = BlockEnd(findings, start, &names);
    }
    block_starts_.push_back(findings.size());
    done_.assign(block_starts_.size() - 1, false);
    // The table quotes every id's title once, reading the records in order; without it, each
    // title the report names is a read of a record far from the last. It pays for itself from
    // about one name per two ids.
    std::optional<QuotedTitles> titles;
    if (table_ == TitleTable::kAlways ||
        (table_ == TitleTable::kAuto && names > map_.next_id() / 2)) {
      titles.emplace(map_);
    }
    for (size_t i = 0; i < kBuffers; ++i) {
      formatters_.emplace_back(map_, titles ? &*titles : nullptr);
    }
    std::thread helper;
    if (done_.size() > 1) {
      try {
        helper = std::thread([this, &findings] { Work(findings); });
      } catch (const std::system_error&) {
        // No thread to be had: this one formats and writes every block.
      }
    }
    Work(findings);
    if (helper.joinable()) helper.join();
    std::array<size_t, 3> counts = Count(findings);
    out_ << (findings.empty() ? "]" : "\n  ]") << ",\n  \"summary\": {\"error\": " << counts[0]
         << ", \"warning\": " << counts[1] << ", \"info\": " << counts[2] << "}\n}\n";
  }

 private:
  static constexpr size_t kBuffers = 4;

  // Takes blocks until none is left; writes the blocks that are due when no one else does.
  void Work(const std::vector<Finding>& findings) {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      changed_.wait(lock, [this] {
        return next_to_take_ == done_.size() || next_to_take_ < next_to_write_ + kBuffers;
      });
      if (next_to_take_ == done_.size()) return;
      const size_t block = next_to_take_++;
      lock.unlock();
      JsonFindingFormatter& formatter = formatters_[block % kBuffers];
      formatter.ClearBuffer();
      for (size_t i = block_starts_[block]; i < block_starts_[block + 1]; ++i) {
        formatter.Append(findings[i], i);
      }
      lock.lock();
      done_[block] = true;
      if (writing_) continue;  // the writer writes this block too when it is due
      writing_ = true;
      while (next_to_write_ < done_.size() && done_[next_to_write_]) {
        const std::string& buffer = formatters_[next_to_write_ % kBuffers].buffer();
        lock.unlock();
        out_.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        lock.lock();
        ++next_to_write_;
        changed_.notify_all();
      }
      writing_ = false;
    }
  }

  // About this many bytes of JSON per block: a finding with long evidence paths takes tens of
  // kilobytes, so blocks are cut by an estimate of their size, not by a count. Each buffer's
  // pages are faulted in once and then reused: 4 MB blocks (kBuffers of them) cost a 10k
  // report 4,000 more page faults than 1 MB blocks, and more than the locking they save.
  static constexpr size_t kBlockBytes = 1 << 20;

  // The end of the block that starts at `start` (`start` itself at the end of the findings);
  // adds the titles the block names to *names.
  static size_t BlockEnd(const std::vector<Finding>& findings, size_t start, size_t* names) {
    size_t bytes = 0, i = start;
    while (i < findings.size() && bytes < kBlockBytes) {
      const Finding& f = findings[i++];
      bytes += 96 + f.message.size() + 24 * f.nodes.size();
      *names += f.nodes.size();
      for (const EvidencePath& path : f.evidence) {
        bytes += 4 + 96 * path.size();
        *names += path.size();
      }
    }
    return i;
  }

  const ArgumentMap& map_;
  const TitleTable table_;
  std::ostream& out_;
  std::vector<size_t>
      block_starts_;  // block b is findings [block_starts_[b], block_starts_[b + 1])
  std::deque<JsonFindingFormatter> formatters_;  // block b is formatted by b % kBuffers

  std::mutex mutex_;  // guards what follows
  std::condition_variable changed_;
  std::vector<bool> done_;  // per block: formatted
  size_t next_to_take_ = 0, next_to_write_ = 0;
  bool writing_ = false;  // a thread is writing the blocks that are due
};

}  // namespace

std::string FormatEvidencePath(const ArgumentMap& map, const EvidencePath& path) {
  std::string out;
  AppendPath(map, path, &out);
  return out;
}

void WriteFindingsText(const ArgumentMap& map, const std::vector<Finding>& findings,
                       const TextStyle& style, std::ostream& out) {
  TextFindingsWriter(map, style, out).Write(findings);
}

void WriteFindingsJson(const ArgumentMap& map, const std::vector<Finding>& findings,
                       std::ostream& out, TitleTable table) {
  JsonFindingsWriter(map, table, out).Write(findings);
}

}  // namespace argmap
