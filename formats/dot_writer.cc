#include "formats/dot_writer.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "formats/writer_text.h"

namespace argmap {
namespace {

using writer_text::AppendUtf8;
using writer_text::kReplacement;
using writer_text::NextCodePoint;

constexpr char kConflictColour[] = "#ff6d00";
constexpr size_t kFlushBytes = 1 << 16;

// How a node kind is drawn.
struct NodeLook {
  const char* shape;
  const char* style;
  const char* fill;
  const char* extra = "";  // more attributes, each preceded by ", "
};

constexpr NodeLook kRoleLooks[] = {
    {"box", "rounded,filled", "#ffffff"},                  // claim
    {"note", "filled", "#fff4c2"},                         // evidence
    {"component", "filled", "#e9e1f5"},                    // warrant
    {"folder", "filled", "#dcd3ec"},                       // backing
    {"box", "rounded,dashed,filled", "#f0f0f0"},           // assumption
    {"doubleoctagon", "filled", "#ffd966"},                // objective
    {"cds", "filled", "#b6d7f2", ", margin=\"0.2,0.1\""},  // action: room for the arrow tip
};
constexpr int kRoleCount = 7;
constexpr NodeLook kArgumentLook = {"box", "filled", "#dde3ea"};
constexpr NodeLook kStepLook = {"circle", "filled", "#dde3ea"};
constexpr char kThesisPenWidth[] = "3";

// How a relation is drawn: its colour, pen width ("" for the default) and other attributes.
struct EdgeLook {
  const char* colour;
  const char* penwidth;
  const char* extra;
  const char* verb;  // for tooltips: "[A] supports [B]"
};

constexpr EdgeLook kRelationLooks[] = {
    {"#2e7d32", "", "", "supports"},
    {"#c62828", "", "arrowhead=tee", "attacks"},
    {"#c62828", "", "arrowhead=tee, style=dashed", "undercuts"},
    {"#c62828", "", "dir=both, arrowhead=tee, arrowtail=tee", "contradicts"},
    {"#9e9e9e", "", "arrowsize=0.6", "is a premise of"},
    {"#616161", "2.2", "", "concludes"},
};
constexpr int kRelationCount = 6;

const char* RankDirName(RankDir dir) {
  switch (dir) {
    case RankDir::kTB:
      return "TB";
    case RankDir::kBT:
      return "BT";
    case RankDir::kLR:
      return "LR";
    case RankDir::kRL:
      return "RL";
  }
  return "TB";
}

// ---------------------------------------------------------------------------------------------
// Text: UTF-8 decoding, HTML-like labels, quoted tooltips.

// Characters Graphviz's XML-based labels cannot hold: controls (except newline) become spaces,
// non-characters become U+FFFD.
char32_t Printable(char32_t cp) {
  if (cp == U'\n') return cp;
  if (cp < 0x20 || cp == 0x7F) return U' ';
  if (cp == 0xFFFE || cp == 0xFFFF) return kReplacement;
  return cp;
}

// text as printable code points, without leading or trailing white space.
void DecodeTrimmed(std::string_view text, std::u32string* out) {
  out->clear();
  for (size_t i = 0; i < text.size();) out->push_back(Printable(NextCodePoint(text, &i)));
  size_t end = out->size();
  while (end > 0 && ((*out)[end - 1] == U' ' || (*out)[end - 1] == U'\n')) --end;
  size_t begin = 0;
  while (begin < end && ((*out)[begin] == U' ' || (*out)[begin] == U'\n')) ++begin;
  out->erase(end);
  out->erase(0, begin);
}

// What stands for a character with a meaning in an HTML-like label, or nullptr.
const char* HtmlEscape(char32_t c) {
  switch (c) {
    case U'&':
      return "&amp;";
    case U'<':
      return "&lt;";
    case U'>':
      return "&gt;";
    case U'"':
      return "&quot;";
    case U'\\':  // Graphviz expands \N, \G ... even in HTML-like labels; \\ is a backslash
      return "\\\\";
    default:
      return nullptr;
  }
}

// Printable ASCII only: its bytes are its code points, and need no decoding.
bool IsPrintableAscii(std::string_view text) {
  for (char c : text) {
    if (c < 0x20 || c == 0x7F) return false;  // char is signed: bytes >= 0x80 are negative
  }
  return true;
}

void AppendHtmlEscaped(const char* begin, const char* end, std::string* out) {
  const char* run = begin;
  for (const char* p = begin; p != end; ++p) {
    const char* escaped = HtmlEscape(static_cast<unsigned char>(*p));
    if (!escaped) continue;
    out->append(run, p);
    out->append(escaped);
    run = p + 1;
  }
  out->append(run, end);
}

void AppendHtmlEscaped(const char32_t* begin, const char32_t* end, std::string* out) {
  for (const char32_t* p = begin; p != end; ++p) {
    if (const char* escaped = HtmlEscape(*p)) {
      out->append(escaped);
    } else {
      AppendUtf8(*p, out);
    }
  }
}

// Appends the code points word-wrapped at `width`, lines joined by <BR/>. A newline in the text
// is a line break of its own; runs of spaces collapse; a word longer than a line is split
// between code points. Char is char for printable ASCII text, char32_t for any other.
template <typename Char>
void AppendWrappedHtml(std::basic_string_view<Char> cps, int width, std::string* out) {
  const size_t w = width > 0 ? static_cast<size_t>(width) : SIZE_MAX / 2;
  const size_t n = cps.size();
  const Char* data = cps.data();
  size_t line = 0;
  for (size_t i = 0; i < n;) {
    if (data[i] == Char('\n')) {
      out->append("<BR/>");
      line = 0;
      ++i;
      continue;
    }
    if (data[i] == Char(' ')) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && data[j] != Char(' ') && data[j] != Char('\n')) ++j;
    size_t length = j - i;
    if (line > 0 && line + 1 + length <= w) {
      out->push_back(' ');
      ++line;
    } else if (line > 0) {
      out->append("<BR/>");
      line = 0;
    }
    while (length > w - line) {
      size_t take = w - line;
      AppendHtmlEscaped(data + i, data + i + take, out);
      out->append("<BR/>");
      i += take, length -= take, line = 0;
    }
    AppendHtmlEscaped(data + i, data + i + length, out);
    line += length;
    i = j;
  }
}

// What stands for a character in a double-quoted DOT string that Graphviz shows verbatim (a
// tooltip), or nullptr. Graphviz unescapes backslashes twice on the way to SVG (and expands \N,
// \G ...), so a backslash is written as four; & < > as entities so that entity-like text stays
// literal in SVG.
const char* TooltipEscape(char32_t c) {
  switch (c) {
    case U'"':
      return "\\\"";
    case U'\\':
      return "\\\\\\\\";
    case U'&':
      return "&amp;";
    case U'<':
      return "&lt;";
    case U'>':
      return "&gt;";
    case U'\n':
      return "\\n";
    default:
      return nullptr;
  }
}

// Runs of printable ASCII are copied as they are; anything else is decoded and escaped.
void AppendTooltipEscaped(std::string_view text, std::string* out) {
  size_t run = 0;
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c >= 0x20 && c != 0x7F && !TooltipEscape(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    out->append(text.data() + run, i - run);
    char32_t cp = NextCodePoint(text, &i);
    if (const char* escaped = TooltipEscape(cp)) {
      out->append(escaped);
    } else {
      AppendUtf8(Printable(cp), out);
    }
    run = i;
  }
  out->append(text.data() + run, text.size() - run);
}

void AppendNumber(uint64_t value, std::string* out) {
  char digits[24];
  auto result = std::to_chars(digits, digits + sizeof digits, value);
  out->append(digits, result.ptr);
}

// ---------------------------------------------------------------------------------------------
// Which vertices are drawn.

class NodeSelection {
 public:
  NodeSelection(const ArgumentMap& map, const DotOptions& options) {
    if (options.focus == kNoNode) {
      all_ = true;
      count_ = map.node_count();
      return;
    }
    Select(map.graph(), map.VertexOf(options.focus), std::max(options.depth, 0));
  }

  bool Contains(uint32_t v) const { return all_ || drawn_[v]; }
  size_t count() const { return count_; }

 private:
  // Breadth-first, level by level, along edges in either direction.
  void Select(const Graph& g, uint32_t start, int depth) {
    drawn_.assign(boost::num_vertices(g), 0);
    if (start == kNoIndex) return;
    std::vector<uint32_t> queue{start};
    drawn_[start] = 1;
    size_t level_begin = 0;
    for (int level = 0; level < depth && level_begin < queue.size(); ++level) {
      size_t level_end = queue.size();
      for (size_t k = level_begin; k < level_end; ++k) {
        Vertex v = queue[k];
        for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
          Visit(static_cast<uint32_t>(boost::target(*it, g)), &queue);
        }
        for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
          Visit(static_cast<uint32_t>(boost::source(*it, g)), &queue);
        }
      }
      level_begin = level_end;
    }
    count_ = queue.size();
  }

  void Visit(uint32_t v, std::vector<uint32_t>* queue) {
    if (drawn_[v]) return;
    drawn_[v] = 1;
    queue->push_back(v);
  }

  bool all_ = false;
  std::vector<uint8_t> drawn_;  // by vertex, when not all_
  size_t count_ = 0;
};

// ---------------------------------------------------------------------------------------------
// What the highlighted findings touch, with the tooltip text naming them.

class HighlightIndex {
 public:
  explicit HighlightIndex(const std::vector<Finding>* findings) {
    if (!findings) return;
    for (size_t i = 0; i < findings->size(); ++i) {
      const Finding& f = (*findings)[i];
      if (f.severity == Severity::kInfo) continue;
      for (NodeId id : f.nodes) Mark(&nodes_[id], i, f);
      for (const EvidencePath& path : f.evidence) {
        for (const PathStep& step : path) {
          Mark(&nodes_[step.from], i, f);
          Mark(&nodes_[step.to], i, f);
          Mark(&edges_[KeyOf(step.from, step.to, step.relation)], i, f);
        }
      }
    }
  }

  const std::string* ForNode(NodeId id) const {
    if (nodes_.empty()) return nullptr;
    auto it = nodes_.find(id);
    return it == nodes_.end() ? nullptr : &it->second.text;
  }
  const std::string* ForEdge(NodeId from, NodeId to, RelationType type) const {
    if (edges_.empty()) return nullptr;
    auto it = edges_.find(KeyOf(from, to, type));
    return it == edges_.end() ? nullptr : &it->second.text;
  }

 private:
  struct Key {
    NodeId from, to;
    RelationType type;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const {
      return std::hash<uint64_t>()(k.from * 0x9E3779B97F4A7C15ull ^ (k.to << 3) ^
                                   static_cast<uint64_t>(k.type));
    }
  };
  struct Mentions {
    std::string text;  // "#1 objective-conflict, #4 unsupported"
    size_t last = SIZE_MAX;
  };

  // A contradiction is one edge whichever way the evidence walked it.
  static Key KeyOf(NodeId from, NodeId to, RelationType type) {
    if (type == RelationType::kContradicts && to < from) std::swap(from, to);
    return {from, to, type};
  }

  static void Mark(Mentions* mentions, size_t index, const Finding& f) {
    if (mentions->last == index) return;
    mentions->last = index;
    if (!mentions->text.empty()) mentions->text.append(", ");
    mentions->text.push_back('#');
    AppendNumber(index + 1, &mentions->text);
    mentions->text.push_back(' ');
    mentions->text.append(f.check);
  }

  std::unordered_map<NodeId, Mentions> nodes_;
  std::unordered_map<Key, Mentions, KeyHash> edges_;
};

// ---------------------------------------------------------------------------------------------

class DotWriter {
 public:
  DotWriter(const ArgumentMap& map, const DotOptions& options, std::ostream& out)
      : map_(map),
        g_(map.graph()),
        options_(options),
        out_(out),
        selection_(map, options),
        highlight_(options.highlight) {}

  void Write() {
    WriteHeader();
    if (options_.clusters) {
      WriteClusteredNodes();
    } else {
      ForEachDrawnVertex([this](uint32_t v) { WriteNode(v, "  "); });
    }
    ForEachDrawnVertex([this](uint32_t v) { WriteOutEdges(v); });
    WriteLegend();
    buf_.append("}\n");
    Flush(true);
  }

 private:
  // f(vertex) for every drawn vertex in ascending node id order.
  template <typename F>
  void ForEachDrawnVertex(F&& f) {
    for (NodeId id = 1; id < map_.next_id(); ++id) {
      uint32_t v = map_.VertexOf(id);
      if (v != kNoIndex && selection_.Contains(v)) f(v);
    }
  }

  void Flush(bool force) {
    if (!force && buf_.size() < kFlushBytes) return;
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

  void WriteHeader() {
    buf_.append("digraph argmap {\n  graph [rankdir=");
    buf_.append(RankDirName(options_.rankdir));
    buf_.append(
        ", fontname=\"Helvetica,Arial,sans-serif\", fontsize=14, nodesep=0.3, ranksep=0.45");
    AppendWrapped(map_.title(), "<B>", "</B>", ", labelloc=t, label=<", ">");
    buf_.append(
        "];\n  node [fontname=\"Helvetica,Arial,sans-serif\", fontsize=11, "
        "margin=\"0.12,0.06\", penwidth=1.2];\n"
        "  edge [fontname=\"Helvetica,Arial,sans-serif\", fontsize=10, penwidth=1.4, "
        "arrowsize=0.8];\n");
  }

  // Appends `before` + open + text wrapped + close + `after` when text has anything to show;
  // returns whether it did.
  bool AppendWrapped(std::string_view text, const char* open, const char* close,
                     const char* before = "", const char* after = "") {
    bool ascii = IsPrintableAscii(text);
    if (ascii) {
      size_t begin = text.find_first_not_of(' ');
      text = begin == std::string_view::npos ? std::string_view() : text.substr(begin);
      text = text.substr(0, text.find_last_not_of(' ') + 1);
      if (text.empty()) return false;
    } else {
      DecodeTrimmed(text, &cps_);
      if (cps_.empty()) return false;
    }
    buf_.append(before);
    buf_.append(open);
    if (ascii) {
      AppendWrappedHtml(text, options_.wrap, &buf_);
    } else {
      AppendWrappedHtml(std::u32string_view(cps_), options_.wrap, &buf_);
    }
    buf_.append(close);
    buf_.append(after);
    return true;
  }

  // The drawn vertices grouped by section. names[0] is "" (no section), then the sections in
  // order of their first node; the vertices of section c are sorted[start[c], start[c + 1]), in
  // ascending id order.
  struct SectionGroups {
    std::vector<std::string_view> names{""};
    std::vector<size_t> start;
    std::vector<uint32_t> sorted;
  };

  SectionGroups GroupBySection() {
    SectionGroups groups;
    std::unordered_map<std::string_view, uint32_t> index;  // section -> position in names
    std::vector<uint32_t> order, section_of;
    ForEachDrawnVertex([&](uint32_t v) {
      std::string_view section = SectionOf(v);
      uint32_t position = 0;
      if (!section.empty()) {
        auto [it, added] = index.emplace(section, static_cast<uint32_t>(groups.names.size()));
        if (added) groups.names.push_back(section);
        position = it->second;
      }
      order.push_back(v);
      section_of.push_back(position);
    });
    // A counting sort by section keeps id order within each section.
    groups.start.assign(groups.names.size() + 1, 0);
    for (uint32_t c : section_of) ++groups.start[c + 1];
    for (size_t c = 1; c < groups.start.size(); ++c) groups.start[c] += groups.start[c - 1];
    std::vector<size_t> next(groups.start.begin(), groups.start.end() - 1);
    groups.sorted.resize(order.size());
    for (size_t k = 0; k < order.size(); ++k) groups.sorted[next[section_of[k]]++] = order[k];
    return groups;
  }

  // Nodes without a section first, then one cluster per section.
  void WriteClusteredNodes() {
    SectionGroups groups = GroupBySection();
    for (size_t c = 0; c < groups.names.size(); ++c) {
      if (c > 0) {
        buf_.append("  subgraph cluster_");
        AppendNumber(c, &buf_);
        buf_.append(" {\n    graph [style=\"rounded\", color=\"#9e9e9e\", fontsize=12");
        AppendWrapped(groups.names[c], "<B>", "</B>", ", label=<", ">");
        buf_.append("];\n");
      }
      for (size_t k = groups.start[c]; k < groups.start[c + 1]; ++k) {
        WriteNode(groups.sorted[k], c ? "    " : "  ");
      }
      if (c > 0) buf_.append("  }\n");
    }
  }

  std::string_view SectionOf(uint32_t v) const {
    const VertexData& d = map_.vertex(v);
    if (d.kind == NodeKind::kStatement) return map_.statements()[d.index].section;
    return map_.arguments()[d.index].section;
  }

  void WriteNode(uint32_t v, const char* indent) {
    const VertexData& d = map_.vertex(v);
    const std::string* mentions = highlight_.ForNode(d.id);
    buf_.append(indent);
    buf_.push_back('n');
    AppendNumber(d.id, &buf_);
    buf_.append(" [");
    bool thick = false;
    switch (d.kind) {
      case NodeKind::kStatement:
        thick = AppendStatementLook(map_.statements()[d.index]);
        break;
      case NodeKind::kArgument:
        AppendArgumentLook(map_.arguments()[d.index]);
        break;
      case NodeKind::kStep:
        AppendStepLook(d.step);
        break;
    }
    if (mentions) {
      buf_.append(", color=\"");
      buf_.append(kConflictColour);
      buf_.push_back('"');
      highlight_seen_ = true;
    }
    if (mentions || thick) {
      buf_.append(", penwidth=");
      buf_.append(kThesisPenWidth);
    }
    buf_.append(", tooltip=\"");
    AppendName(d, &buf_);
    if (mentions) {
      buf_.append(": ");
      AppendTooltipEscaped(*mentions, &buf_);
    }
    buf_.append("\"];\n");
    Flush(false);
  }

  void AppendLook(const NodeLook& look) {
    buf_.append("shape=");
    buf_.append(look.shape);
    buf_.append(", style=\"");
    buf_.append(look.style);
    buf_.append("\", fillcolor=\"");
    buf_.append(look.fill);
    buf_.push_back('"');
    buf_.append(look.extra);
  }

  // Returns whether the node gets a thick border (a thesis).
  bool AppendStatementLook(const Statement& s) {
    int role = static_cast<int>(s.role);
    roles_seen_ |= 1u << role;
    thesis_seen_ |= s.thesis;
    AppendLook(kRoleLooks[role]);
    buf_.append(", label=<");
    AppendWrapped(s.title, "<B>", "</B>");
    role_line_.clear();
    if (s.thesis) role_line_.append("thesis");
    if (s.role != Role::kClaim) {
      role_line_.append(role_line_.empty() ? "" : ", ");
      role_line_.append(RoleName(s.role));
    }
    if (!s.actor.empty()) {
      bool alone = role_line_.empty();
      role_line_.append(alone ? "actor: " : " (");
      role_line_.append(s.actor);
      if (!alone) role_line_.push_back(')');
    }
    AppendWrapped(role_line_, "<I>", "</I>", "<BR/><FONT POINT-SIZE=\"9\">", "</FONT>");
    AppendWrapped(s.text, "", "", "<BR/>");
    AppendWrapped(s.source, "<I>", "</I>", "<BR/><FONT POINT-SIZE=\"9\">", "</FONT>");
    buf_.push_back('>');
    return s.thesis;
  }

  void AppendArgumentLook(const Argument& a) {
    argument_seen_ = true;
    AppendLook(kArgumentLook);
    buf_.append(", label=<");
    AppendWrapped(a.title, "<B>", "</B>");
    AppendWrapped(a.text, "", "", "<BR/>");
    buf_.push_back('>');
  }

  void AppendStepLook(uint32_t step) {
    step_seen_ = true;
    AppendLook(kStepLook);
    buf_.append(", fixedsize=true, width=0.32, fontsize=9, label=\"");
    AppendNumber(step + 1, &buf_);
    buf_.push_back('"');
  }

  // "[Title]", "<Title>" or "<Title> step N", escaped for a tooltip.
  void AppendName(const VertexData& d, std::string* out) const {
    if (d.kind == NodeKind::kStatement) {
      out->push_back('[');
      AppendTooltipEscaped(map_.statements()[d.index].title, out);
      out->push_back(']');
      return;
    }
    out->append("&lt;");
    AppendTooltipEscaped(map_.arguments()[d.index].title, out);
    out->append("&gt;");
    if (d.kind == NodeKind::kStep) {
      out->append(" step ");
      AppendNumber(d.step + 1, out);
    }
  }

  void WriteOutEdges(uint32_t v) {
    edges_.clear();
    for (auto [it, end] = boost::out_edges(v, g_); it != end; ++it) {
      if (selection_.Contains(static_cast<uint32_t>(boost::target(*it, g_)))) {
        edges_.emplace_back(g_[*it].id, *it);
      }
    }
    if (edges_.empty()) return;
    std::sort(edges_.begin(), edges_.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    from_name_.clear();  // the same for every edge of this vertex
    AppendName(map_.vertex(v), &from_name_);
    for (const auto& [id, e] : edges_) WriteEdge(e);
    Flush(false);
  }

  void WriteEdge(const Edge& e) {
    const VertexData& from = g_[boost::source(e, g_)];
    const VertexData& to = g_[boost::target(e, g_)];
    RelationType type = g_[e].type;
    const EdgeLook& look = kRelationLooks[static_cast<int>(type)];
    relations_seen_ |= 1u << static_cast<int>(type);
    const std::string* mentions = highlight_.ForEdge(from.id, to.id, type);
    buf_.append("  n");
    AppendNumber(from.id, &buf_);
    buf_.append(" -> n");
    AppendNumber(to.id, &buf_);
    buf_.append(" [color=\"");
    buf_.append(mentions ? kConflictColour : look.colour);
    buf_.push_back('"');
    const char* penwidth = mentions ? kThesisPenWidth : look.penwidth;
    if (*penwidth) {
      buf_.append(", penwidth=");
      buf_.append(penwidth);
    }
    if (*look.extra) {
      buf_.append(", ");
      buf_.append(look.extra);
    }
    buf_.append(", tooltip=\"");
    buf_.append(from_name_);
    buf_.push_back(' ');
    buf_.append(look.verb);
    buf_.push_back(' ');
    AppendName(to, &buf_);
    if (mentions) {
      buf_.append(": ");
      AppendTooltipEscaped(*mentions, &buf_);
    }
    buf_.append("\"];\n");
  }

  // A cluster with a sample of each node kind and relation drawn above, laid out as a grid:
  // rows of node kinds, then rows of relations (a name, then the edge as drawn).
  void WriteLegend() {
    if (!roles_seen_ && !argument_seen_ && !step_seen_) return;
    buf_.append(
        "  subgraph cluster_legend {\n"
        "    graph [label=<<B>Legend</B>>, style=\"rounded\", color=\"#9e9e9e\", fontsize=11];\n"
        "    node [fontsize=9, margin=\"0.06,0.03\", width=0, height=0];\n");
    legend_nodes_.clear();
    legend_relations_.clear();
    for (int role = 0; role < kRoleCount; ++role) {
      if (!(roles_seen_ & (1u << role))) continue;
      std::string_view name = RoleName(static_cast<Role>(role));
      AppendLegendNode(name, kRoleLooks[role], name, "");
    }
    if (thesis_seen_) AppendLegendNode("thesis", kRoleLooks[0], "thesis", ", penwidth=3");
    if (argument_seen_) AppendLegendNode("argument", kArgumentLook, "argument", "");
    if (step_seen_) AppendLegendNode("step", kStepLook, "step", "");
    if (highlight_seen_) {
      AppendLegendNode("finding", kRoleLooks[0], "error or warning",
                       ", color=\"#ff6d00\", penwidth=3");
    }
    for (int type = 0; type < kRelationCount; ++type) {
      if (relations_seen_ & (1u << type)) AppendLegendEdge(static_cast<RelationType>(type));
    }
    AppendLegendGrid();
    buf_.append("  }\n");
  }

  void AppendLegendNode(std::string_view id, const NodeLook& look, std::string_view label,
                        const char* extra) {
    legend_nodes_.push_back(id);
    buf_.append("    legend_").append(id).append(" [");
    AppendLook(look);
    buf_.append(extra).append(", label=\"").append(label).append("\"];\n");
  }

  // A relation's sample: its name, then the edge as drawn in the map to a small dot.
  void AppendLegendEdge(RelationType type) {
    const EdgeLook& look = kRelationLooks[static_cast<int>(type)];
    std::string_view name = RelationName(type);
    legend_relations_.push_back(name);
    buf_.append("    legend_").append(name).append(" [shape=plaintext, label=\"");
    buf_.append(name).append("\"];\n");
    buf_.append("    legend_").append(name).append("_end [shape=point, width=0.06];\n");
    buf_.append("    legend_").append(name).append(" -> legend_").append(name);
    buf_.append("_end [color=\"").append(look.colour).append("\"");
    if (*look.penwidth) buf_.append(", penwidth=").append(look.penwidth);
    if (*look.extra) buf_.append(", ").append(look.extra);
    buf_.append("];\n");
  }

  // Rows of samples (one rank each, ordered by invisible flat edges), stacked by invisible
  // edges between the first samples of consecutive rows.
  void AppendLegendGrid() {
    constexpr size_t kNodesPerRow = 5, kRelationsPerRow = 3;
    std::vector<std::string_view> row_heads;
    for (size_t k = 0; k < legend_nodes_.size(); k += kNodesPerRow) {
      size_t end = std::min(k + kNodesPerRow, legend_nodes_.size());
      AppendLegendRow(k, end, legend_nodes_, "");
      row_heads.push_back(legend_nodes_[k]);
    }
    for (size_t k = 0; k < legend_relations_.size(); k += kRelationsPerRow) {
      size_t end = std::min(k + kRelationsPerRow, legend_relations_.size());
      AppendLegendRow(k, end, legend_relations_, "_end");
      row_heads.push_back(legend_relations_[k]);
    }
    if (row_heads.size() < 2) return;
    buf_.append("    ");
    for (size_t k = 0; k < row_heads.size(); ++k) {
      buf_.append(k ? " -> legend_" : "legend_").append(row_heads[k]);
    }
    buf_.append(" [style=invis];\n");
  }

  // One row: items [begin, end); each item's trailing node is legend_<item><tail>.
  void AppendLegendRow(size_t begin, size_t end, const std::vector<std::string_view>& items,
                       std::string_view tail) {
    buf_.append("    { rank=same;");
    for (size_t k = begin; k < end; ++k) {
      buf_.append(" legend_").append(items[k]).append(";");
      if (!tail.empty()) buf_.append(" legend_").append(items[k]).append(tail).append(";");
    }
    buf_.append(" }\n");
    for (size_t k = begin; k + 1 < end; ++k) {
      buf_.append("    legend_").append(items[k]).append(tail);
      buf_.append(" -> legend_").append(items[k + 1]).append(" [style=invis];\n");
    }
  }

  const ArgumentMap& map_;
  const Graph& g_;
  const DotOptions& options_;
  std::ostream& out_;
  NodeSelection selection_;
  HighlightIndex highlight_;

  std::string buf_;                                 // output not yet written
  std::u32string cps_;                              // scratch: a decoded text
  std::string role_line_;                           // scratch: "thesis, objective (EU)"
  std::vector<std::pair<EdgeId, Edge>> edges_;      // scratch: one vertex's drawn out-edges, by id
  std::string from_name_;                           // scratch: the tooltip name of their source
  std::vector<std::string_view> legend_nodes_;      // scratch: legend node samples
  std::vector<std::string_view> legend_relations_;  // scratch: legend relation samples
  uint32_t roles_seen_ = 0, relations_seen_ = 0;
  bool thesis_seen_ = false, argument_seen_ = false, step_seen_ = false;
  bool highlight_seen_ = false;
};

}  // namespace

void WriteDot(const ArgumentMap& map, const DotOptions& options, std::ostream& out) {
  DotWriter(map, options, out).Write();
}

size_t DotNodeCount(const ArgumentMap& map, const DotOptions& options) {
  return NodeSelection(map, options).count();
}

}  // namespace argmap
