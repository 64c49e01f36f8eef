#include "formats/review_writer.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "formats/writer_text.h"

namespace argmap {
namespace {

using writer_text::AppendUtf8;
using writer_text::NextCodePoint;

constexpr size_t kShortText = 100;  // code points of a text quoted in the outline
constexpr size_t kNamesListed = 6;  // names in a list before "and N others"
constexpr size_t kSourcesListed = 200;
constexpr size_t kQuotesPerSource = 20;

// Markdown punctuation that could start emphasis, links, HTML, entities or code spans.
bool NeedsEscape(char32_t cp) {
  switch (cp) {
    case U'\\':
    case U'`':
    case U'*':
    case U'_':
    case U'[':
    case U']':
    case U'<':
    case U'>':
    case U'&':
    case U'~':
      return true;
    default:
      return false;
  }
}

// Characters that open a block (heading, quote, list, table, thematic break) at a line's start.
bool OpensBlock(char32_t cp) {
  return cp == U'#' || cp == U'>' || cp == U'-' || cp == U'+' || cp == U'=' || cp == U'|';
}

// Appends text so that CommonMark shows it literally, on one line: white space and control
// characters become single spaces, broken UTF-8 becomes U+FFFD, and at most max_points code
// points are kept (then "…"; 0 keeps all). With at_line_start, a character that would open a
// block there is escaped, as is the "." or ")" of a leading number.
void AppendMarkdown(std::string_view text, std::string* out, size_t max_points = 0,
                    bool at_line_start = false) {
  size_t points = 0;
  bool space = false, first = true, leading_digits = at_line_start;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = NextCodePoint(text, &i);
    if (cp < 0x20 || cp == 0x7F || cp == U' ') {
      space = !first;
      continue;
    }
    if (max_points && points == max_points) {
      out->append("…");
      return;
    }
    if (space) out->push_back(' ');
    space = false;
    bool escape = NeedsEscape(cp) || (first && at_line_start && OpensBlock(cp)) ||
                  (leading_digits && !first && (cp == U'.' || cp == U')'));
    if (leading_digits && !(cp >= U'0' && cp <= U'9')) leading_digits = false;
    if (escape) out->push_back('\\');
    AppendUtf8(cp, out);
    ++points;
    first = false;
  }
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string joined;
  size_t listed = std::min(names.size(), kNamesListed);
  for (size_t k = 0; k < listed; ++k) {
    if (k > 0) joined.append(k + 1 == names.size() ? " and " : ", ");
    joined.append(names[k]);
  }
  if (listed < names.size()) {
    joined.append(" and " + std::to_string(names.size() - listed) + " others");
  }
  return joined;
}

std::string_view EvidenceVerb(RelationType type) {
  switch (type) {
    case RelationType::kSupports:
      return "supports";
    case RelationType::kAttacks:
      return "attacks";
    case RelationType::kUndercuts:
      return "undercuts";
    case RelationType::kContradicts:
      return "contradicts";
    case RelationType::kPremise:
      return "is a premise of";
    case RelationType::kConclusion:
      return "concludes";
  }
  return "";
}

std::string_view OutlineVerb(RelationType type) {
  switch (type) {
    case RelationType::kConclusion:
      return "concluded by";
    case RelationType::kPremise:
      return "premise";
    default:
      return "supported by";
  }
}

std::string_view SeverityHeading(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "Errors";
    case Severity::kWarning:
      return "Warnings";
    case Severity::kInfo:
      return "Info";
  }
  return "";
}

class ReviewWriter {
 public:
  ReviewWriter(const ArgumentMap& map, const std::vector<Finding>& findings,
               const ReviewOptions& options, std::ostream& out)
      : map_(map), findings_(findings), options_(options), out_(out) {}

  void Write() {
    WriteTitle();
    WriteSummary();
    WritePicture();
    WriteTheses();
    WriteFindings();
    WriteSources();
    Flush();
  }

 private:
  void Flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

  // "[Title]", "\<Title\>" or "\<Title\> step N", escaped for Markdown.
  std::string Name(NodeId id) const {
    std::string name;
    uint32_t v = map_.VertexOf(id);
    if (v == kNoIndex) return "#" + std::to_string(id);
    const VertexData& d = map_.vertex(v);
    bool statement = d.kind == NodeKind::kStatement;
    name.append(statement ? "[" : "\\<");
    AppendMarkdown(map_.TitleOf(id), &name);
    name.append(statement ? "]" : "\\>");
    if (d.kind == NodeKind::kStep) name.append(" step " + std::to_string(d.step + 1));
    return name;
  }

  std::vector<std::string> Names(const std::vector<NodeId>& ids) const {
    std::vector<std::string> names;
    for (NodeId id : ids) names.push_back(Name(id));
    return names;
  }

  void WriteTitle() {
    if (map_.title().empty()) {
      buf_.append("# Peer review of an argument map\n\n");
      return;
    }
    buf_.append("# Peer review: ");
    AppendMarkdown(map_.title(), &buf_);
    buf_.append("\n\n");
  }

  // Appends " (a 1, b 2)" for the nonzero counts, in the order given.
  void AppendBreakdown(const std::vector<std::pair<std::string_view, size_t>>& counts) {
    bool open = false;
    for (const auto& [label, count] : counts) {
      if (count == 0) continue;
      buf_.append(open ? ", " : " (");
      buf_.append(label);
      buf_.push_back(' ');
      buf_.append(std::to_string(count));
      open = true;
    }
    if (open) buf_.push_back(')');
  }

  void WriteSummary() {
    size_t roles[7] = {}, theses = 0, steps = 0, relations[6] = {}, severities[3] = {};
    for (const Statement& s : map_.statements()) {
      ++roles[static_cast<int>(s.role)];
      theses += s.thesis;
    }
    for (const Argument& a : map_.arguments()) steps += a.steps.size();
    for (const Relation& r : map_.relations()) ++relations[static_cast<int>(r.type)];
    for (const Finding& f : findings_) ++severities[static_cast<int>(f.severity)];

    buf_.append("## Summary\n\n- Statements: " + std::to_string(map_.statements().size()));
    std::vector<std::pair<std::string_view, size_t>> counts;
    for (int r = 0; r < 7; ++r) counts.emplace_back(RoleName(static_cast<Role>(r)), roles[r]);
    AppendBreakdown(counts);
    buf_.append("\n- Theses: " + std::to_string(theses));
    buf_.append("\n- Arguments: " + std::to_string(map_.arguments().size()));
    if (steps > 0) buf_.append(" (" + std::to_string(steps) + " inference steps)");
    buf_.append("\n- Relations: " + std::to_string(map_.relations().size()));
    counts.clear();
    for (int t = 0; t < 4; ++t) {
      counts.emplace_back(RelationName(static_cast<RelationType>(t)), relations[t]);
    }
    AppendBreakdown(counts);
    buf_.append("\n- Findings: " + std::to_string(findings_.size()));
    counts.clear();
    for (int s = 0; s < 3; ++s) {
      counts.emplace_back(SeverityName(static_cast<Severity>(s)), severities[s]);
    }
    AppendBreakdown(counts);
    buf_.append("\n\n");
  }

  void WritePicture() {
    if (options_.picture_path.empty()) return;
    buf_.append(
        "## Map\n\nFindings that are errors or warnings are drawn in orange; hover over "
        "a node or a relation in the SVG to see their numbers.\n\n![Map](");
    for (char c : options_.picture_path) {  // a URL: percent-encode what would end or break it
      unsigned char u = static_cast<unsigned char>(c);
      if (u <= 0x20 || c == '(' || c == ')' || c == '<' || c == '>' || c == '\\' || u >= 0x7F) {
        static constexpr char kHex[] = "0123456789ABCDEF";
        buf_.push_back('%');
        buf_.push_back(kHex[u >> 4]);
        buf_.push_back(kHex[u & 15]);
      } else {
        buf_.push_back(c);
      }
    }
    buf_.append(")\n\n");
  }

  // ------------------------------------------------------------------------------------------
  // Theses and their support.

  void WriteTheses() {
    buf_.append("## Theses\n\n");
    std::vector<NodeId> theses;
    for (const Statement& s : map_.statements()) {
      if (s.thesis) theses.push_back(s.id);
    }
    if (theses.empty()) {
      buf_.append(
          "The map marks no statement as a thesis (`#thesis`): nothing tells a reader "
          "what the author asserts.\n\n");
      return;
    }
    std::sort(theses.begin(), theses.end());
    size_t listed = std::min(theses.size(), kThesesListed);
    for (size_t k = 0; k < listed; ++k) WriteThesis(*map_.statement(theses[k]));
    if (listed < theses.size()) {
      buf_.append("*" + std::to_string(theses.size() - listed) +
                  " more theses are not shown.*\n\n");
    }
    Flush();
  }

  void WriteThesis(const Statement& thesis) {
    buf_.append("### " + Name(thesis.id));
    if (thesis.role != Role::kClaim) buf_.append(" *(" + std::string(RoleName(thesis.role)) + ")*");
    buf_.append("\n\n");
    if (!thesis.text.empty()) {
      AppendMarkdown(thesis.text, &buf_, 0, true);
      buf_.append("\n\n");
    }
    if (WriteOutline(thesis.id) == 0) buf_.append("*Nothing in the map supports it.*\n");
    buf_.push_back('\n');
  }

  struct OutlineItem {
    NodeId node;
    RelationType via;
    int depth;
  };

  // The support of a node, as outline items: for a statement what supports it and the
  // arguments (or steps) concluding it; for an argument or step its premises and supporters.
  // Ascending node id.
  void CollectSupport(NodeId id, int depth, std::vector<OutlineItem>* items) const {
    items->clear();
    const Graph& g = map_.graph();
    Vertex v = map_.VertexOf(id);
    bool statement = g[v].kind == NodeKind::kStatement;
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
      RelationType type = g[*it].type;
      bool wanted = type == RelationType::kSupports ||
                    type == (statement ? RelationType::kConclusion : RelationType::kPremise);
      if (wanted) items->push_back({g[boost::source(*it, g)].id, type, depth});
    }
    std::sort(items->begin(), items->end(),
              [](const OutlineItem& a, const OutlineItem& b) { return a.node < b.node; });
  }

  // Depth-first, iteratively; returns the number of lines written.
  int WriteOutline(NodeId root) {
    std::unordered_set<NodeId> shown{root};
    std::vector<OutlineItem> stack, children;
    CollectSupport(root, 1, &children);
    stack.assign(children.rbegin(), children.rend());
    int lines = 0;
    while (!stack.empty()) {
      OutlineItem item = stack.back();
      stack.pop_back();
      if (lines == kOutlineLines) {
        buf_.append("- … (the outline stops after " + std::to_string(kOutlineLines) + " lines)\n");
        break;
      }
      buf_.append(static_cast<size_t>(2 * (item.depth - 1)), ' ');
      buf_.append("- ");
      buf_.append(OutlineVerb(item.via));
      buf_.push_back(' ');
      buf_.append(Name(item.node));
      ++lines;
      if (!shown.insert(item.node).second) {
        buf_.append(" (see above)\n");
        continue;
      }
      AppendNodeGist(item.node);
      CollectSupport(item.node, item.depth + 1, &children);
      if (!children.empty() && item.depth == kOutlineDepth) {
        buf_.append(" (its support is not shown: the outline stops at depth " +
                    std::to_string(kOutlineDepth) + ")");
        children.clear();
      }
      buf_.push_back('\n');
      stack.insert(stack.end(), children.rbegin(), children.rend());
    }
    return lines;
  }

  // " *(evidence)*: text" for a statement, ": gist" for an argument.
  void AppendNodeGist(NodeId id) {
    std::string_view text;
    if (const Statement* s = map_.statement(id)) {
      if (s->role != Role::kClaim) buf_.append(" *(" + std::string(RoleName(s->role)) + ")*");
      text = s->text;
    } else if (const Argument* a = map_.argument(id)) {
      text = a->text;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
    buf_.append(": ");
    AppendMarkdown(text, &buf_, kShortText);
  }

  // ------------------------------------------------------------------------------------------
  // Findings.

  void WriteFindings() {
    buf_.append("## Findings\n\n");
    if (findings_.empty()) {
      buf_.append("No findings.\n\n");
      return;
    }
    for (Severity severity : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
      WriteSeverity(severity);
    }
  }

  void WriteSeverity(Severity severity) {
    size_t count = 0;
    for (const Finding& f : findings_) count += f.severity == severity;
    if (count == 0) return;
    buf_.append("### " + std::string(SeverityHeading(severity)) + " (" + std::to_string(count) +
                ")\n\n");
    std::map<std::string_view, size_t> listed, left_out;  // by check id
    for (size_t i = 0; i < findings_.size(); ++i) {
      const Finding& f = findings_[i];
      if (f.severity != severity) continue;
      if (listed[f.check]++ >= kFindingsPerCheck) {
        ++left_out[f.check];
        continue;
      }
      WriteFinding(i, f);
      Flush();
    }
    for (const auto& [check, n] : left_out) {
      buf_.append("*… and " + std::to_string(n) + " more `" + std::string(check) +
                  "` findings, not listed here (`argmap check` lists every finding).*\n\n");
    }
  }

  void WriteFinding(size_t index, const Finding& f) {
    buf_.append("#### #" + std::to_string(index + 1) + " ");
    AppendMarkdown(f.check, &buf_);
    buf_.append("\n\n");
    if (!f.message.empty()) {
      AppendMarkdown(f.message, &buf_, 0, true);
      buf_.append("\n\n");
    }
    if (!f.evidence.empty()) {
      buf_.append(f.evidence.size() == 1 ? "Evidence:\n\n" : "Evidence paths:\n\n");
      for (const EvidencePath& path : f.evidence) {
        buf_.append("- " + PathInWords(path) + "\n");
      }
      buf_.push_back('\n');
    }
    std::string question = QuestionFor(f);
    if (!question.empty()) buf_.append("**Question for the author:** " + question + "\n\n");
  }

  // "[A] supports [B], which attacks [C] (-)".
  std::string PathInWords(const EvidencePath& path) const {
    std::string words;
    if (path.empty()) {
      words = "the node itself (an empty path)";
    } else {
      words = Name(path.front().from);
      for (size_t k = 0; k < path.size(); ++k) {
        words.append(k == 0 ? " " : ", which ");
        words.append(EvidenceVerb(path[k].relation));
        words.push_back(' ');
        words.append(Name(path[k].to));
      }
    }
    words.append(PathSign(path) > 0 ? " (+)" : " (-)");
    return words;
  }

  std::string QuestionFor(const Finding& f) const {
    const std::vector<NodeId>& n = f.nodes;
    auto name = [&](size_t k) { return k < n.size() ? Name(n[k]) : std::string("it"); };
    const std::string& c = f.check;
    if (c == "objective-conflict") return ConflictQuestion(f);
    if (c == "self-defeating") {
      return name(0) + " both promotes and hinders " + name(1) +
             ". Which effect does the author expect to prevail, and on what evidence is " +
             name(0) + " still worth pursuing?";
    }
    if (c == "contradiction") {
      return "The author is committed to both " + name(0) + " and " + name(1) +
             ", which conflict. Which of the two does the author give up, or how can both be "
             "held?";
    }
    if (c == "circular") {
      return "The support of " + JoinNames(Names(n)) +
             " runs in a circle. What independent support for one of them breaks the circle?";
    }
    if (c == "unanswered-objection") {
      return "What is the author's reply to the objection " + name(0) + " against " + name(1) + "?";
    }
    if (c == "unsupported") {
      return "What evidence or argument supports " + name(0) + "?";
    }
    if (c == "missing-warrant") return WarrantQuestion(n.empty() ? kNoNode : n[0]);
    if (c == "unbacked-warrant") {
      return "What backs the warrant " + name(0) + ": why should a reader accept it?";
    }
    if (c == "unsourced-evidence") {
      return "What is the source of the evidence " + name(0) + "?";
    }
    if (c == "orphan") {
      return "How does " + name(0) +
             " bear on the rest of the argument: what does it support "
             "or attack?";
    }
    if (c == "no-thesis") return "Which claims does the author assert as theses?";
    if (f.severity != Severity::kInfo) return "How does the author answer this finding?";
    return "";
  }

  // The objectives the source promotes (other than itself) and hinders, read off the evidence.
  std::string ConflictQuestion(const Finding& f) const {
    if (f.nodes.empty()) return "How does the author reconcile the objectives in conflict?";
    NodeId source = f.nodes[0];
    std::vector<NodeId> promoted, hindered;
    for (const EvidencePath& path : f.evidence) {
      NodeId end = path.empty() ? source : path.back().to;
      std::vector<NodeId>& list = PathSign(path) > 0 ? promoted : hindered;
      if (std::find(list.begin(), list.end(), end) == list.end()) list.push_back(end);
    }
    std::erase(promoted, source);
    const Statement* s = map_.statement(source);
    bool is_objective = s && s->role == Role::kObjective;
    std::string harmed = hindered.empty() ? "other objectives" : JoinNames(Names(hindered));
    if (is_objective || promoted.empty()) {
      return "How does the author reconcile pursuing " + Name(source) +
             " with the harm it does "
             "to " +
             harmed + "?";
    }
    return "How does the author reconcile pursuing " + JoinNames(Names(promoted)) + " by " +
           Name(source) + " with the harm " + Name(source) + " does to " + harmed + "?";
  }

  // Names the premises (of every step, except conclusions of earlier steps) and the conclusion.
  std::string WarrantQuestion(NodeId id) const {
    const Argument* a = map_.argument(id);
    if (!a || a->steps.empty()) {
      return "What licenses the inference of " + (a ? Name(id) : std::string("it")) + "?";
    }
    std::vector<NodeId> premises;
    for (size_t j = 0; j < a->steps.size(); ++j) {
      for (NodeId p : a->steps[j].premises) {
        bool intermediate = false;
        for (size_t k = 0; k < j; ++k) intermediate |= a->steps[k].conclusion == p;
        if (!intermediate && std::find(premises.begin(), premises.end(), p) == premises.end()) {
          premises.push_back(p);
        }
      }
    }
    std::string from = premises.empty() ? "no premises" : JoinNames(Names(premises));
    return "What licenses the step from " + from + " to " + Name(a->conclusion()) + " in " +
           Name(id) + "?";
  }

  // ------------------------------------------------------------------------------------------
  // Sources.

  // What cites one source: the statements naming it, and each distinct quote with the
  // statements giving it, all in ascending statement id.
  struct Citations {
    std::vector<NodeId> statements;
    std::vector<std::pair<std::string_view, std::vector<NodeId>>> quotes;
    std::unordered_map<std::string_view, size_t> quote_index;  // quote -> position in quotes
  };

  void WriteSources() {
    std::vector<const Statement*> citing;
    for (const Statement& s : map_.statements()) {
      if (!s.source.empty() || !s.quote.empty()) citing.push_back(&s);
    }
    std::sort(citing.begin(), citing.end(),
              [](const Statement* a, const Statement* b) { return a->id < b->id; });
    std::map<std::string_view, Citations> sources;  // "" holds quotes without a source
    for (const Statement* s : citing) {
      Citations& c = sources[s->source];
      c.statements.push_back(s->id);
      if (s->quote.empty()) continue;
      auto [it, added] = c.quote_index.emplace(s->quote, c.quotes.size());
      if (added) c.quotes.emplace_back(s->quote, std::vector<NodeId>{});
      c.quotes[it->second].second.push_back(s->id);
    }
    buf_.append("## Sources cited\n\n");
    if (sources.empty()) {
      buf_.append("No statement in the map names a source or quotes one.\n");
      return;
    }
    size_t listed = 0;
    for (const auto& [source, citations] : sources) {
      if (source.empty() || listed++ >= kSourcesListed) continue;
      buf_.append("- ");
      AppendMarkdown(source, &buf_);
      buf_.append(" — cited by " + JoinNames(Names(citations.statements)) + "\n");
      WriteQuotes(citations);
    }
    if (listed > kSourcesListed) {
      buf_.append("- … and " + std::to_string(listed - kSourcesListed) + " more sources\n");
    }
    if (auto it = sources.find(""); it != sources.end()) {
      buf_.append("- *(quoted without a source)*\n");
      WriteQuotes(it->second);
    }
  }

  void WriteQuotes(const Citations& citations) {
    size_t listed = std::min(citations.quotes.size(), kQuotesPerSource);
    for (size_t k = 0; k < listed; ++k) {
      buf_.append("  - “");
      AppendMarkdown(citations.quotes[k].first, &buf_);
      buf_.append("” — " + JoinNames(Names(citations.quotes[k].second)) + "\n");
    }
    if (listed < citations.quotes.size()) {
      buf_.append("  - … and " + std::to_string(citations.quotes.size() - listed) +
                  " more quotes\n");
    }
  }

  const ArgumentMap& map_;
  const std::vector<Finding>& findings_;
  const ReviewOptions& options_;
  std::ostream& out_;
  std::string buf_;
};

}  // namespace

void WriteReview(const ArgumentMap& map, const std::vector<Finding>& findings,
                 const ReviewOptions& options, std::ostream& out) {
  ReviewWriter(map, findings, options, out).Write();
}

}  // namespace argmap
