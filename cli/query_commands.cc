// Commands that read a stored map: show, path, find, maps, stats, fsck.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/command.h"
#include "formats/findings_writer.h"
#include "graph/signed_reach.h"

namespace argmap {
namespace {

Status OpenForRead(Context& context, std::unique_ptr<Store>* store) {
  return context.OpenStore(Store::Mode::kReadOnly, store);
}

Status LoadStored(Context& context, const std::string& name, ArgumentMap* map) {
  std::unique_ptr<Store> store;
  Status s = OpenForRead(context, &store);
  return s.ok() ? store->LoadMap(name, map) : s;
}

// show works from the store's indexes alone: it never loads the whole map.
class ShowCommand : public Command {
 public:
  const char* name() const override { return "show"; }
  const char* help() const override { return "Show a node with every relation in and out"; }

  void Setup(CLI::App* app) override {
    app->add_option("node", node_, "The node ([Title], <Title> or a bare title)")->required();
    app->add_option("--map", map_, "The map")->required();
  }

  int Run(Context& context) override {
    std::unique_ptr<Store> store;
    Status s = OpenForRead(context, &store);
    bool exists = false;
    if (s.ok()) s = store->HasMap(map_, &exists);
    if (s.ok() && !exists) s = Status::InvalidInput("no map " + map_ + " in store " + store->dir());
    if (!s.ok()) return context.FailInput(s);
    NodeId id = kNoNode;
    if (s = store->ResolveNode(map_, node_, &id); !s.ok()) return context.Fail(s);
    // Printed only when every read succeeded: a damaged store gives an error, not half a node.
    std::ostringstream text;
    if (s = PrintNode(*store, id, text); s.ok()) s = PrintNeighbours(*store, id, text);
    if (!s.ok()) return context.FailInput(s);
    context.out << text.str();
    return kExitOk;
  }

 private:
  // "[T]", "<T>" or "<T> step N"; "#ID" for an id that names no node (fsck reports those).
  Status NameOf(Store& store, NodeId id, std::string* name) {
    Status s = store.NodeName(map_, id, name);
    if (s.IsNotFound()) *name = "#" + std::to_string(id);
    return s.IsNotFound() ? Status::Ok() : s;
  }

  Status PrintNeighbours(Store& store, NodeId id, std::ostream& out) {
    std::vector<Adjacency> neighbours;
    if (Status s = store.Neighbours(map_, id, &neighbours); !s.ok()) return s;
    std::stable_sort(
        neighbours.begin(), neighbours.end(), [](const Adjacency& a, const Adjacency& b) {
          return std::tie(b.outgoing, a.type, a.edge) < std::tie(a.outgoing, b.type, b.edge);
        });
    bool outgoing_header = false, incoming_header = false;
    for (const Adjacency& adj : neighbours) {
      std::string other;
      if (Status s = NameOf(store, adj.other, &other); !s.ok()) return s;
      bool& header = adj.outgoing ? outgoing_header : incoming_header;
      if (!header) out << (adj.outgoing ? "outgoing:\n" : "incoming:\n");
      header = true;
      out << (adj.outgoing ? "  --" : "  <--") << RelationName(adj.type)
          << (adj.outgoing ? "--> " : "-- ") << other << "\n";
    }
    if (neighbours.empty()) out << "no relations\n";
    return Status::Ok();
  }

  Status PrintNode(Store& store, NodeId id, std::ostream& out) {
    Statement st;
    Status s = store.GetStatement(map_, id, &st);
    if (s.ok()) {
      out << "[" << st.title << "] (" << RoleName(st.role) << (st.thesis ? ", thesis" : "")
          << (st.actor.empty() ? "" : ", actor: " + st.actor) << ")\n";
      if (!st.text.empty()) out << "  " << st.text << "\n";
      if (!st.section.empty()) out << "  section: " << st.section << "\n";
      if (!st.tags.empty()) {
        out << "  tags:";
        for (const std::string& t : st.tags) out << " #" << t;
        out << "\n";
      }
      if (!st.source.empty()) out << "  source: " << st.source << "\n";
      if (!st.quote.empty()) out << "  quote: \"" << st.quote << "\"\n";
      return Status::Ok();
    }
    if (!s.IsNotFound()) return s;
    Argument arg;
    if (s = store.GetArgument(map_, id, &arg); !s.ok()) return s;
    out << "<" << arg.title << "> (argument, " << arg.steps.size() << " inference step"
        << (arg.steps.size() == 1 ? "" : "s") << ")\n";
    if (!arg.text.empty()) out << "  " << arg.text << "\n";
    std::string name;
    for (size_t j = 0; j < arg.steps.size(); ++j) {
      const InferenceStep& step = arg.steps[j];
      out << "  step " << j + 1 << ":";
      for (NodeId p : step.premises) {
        if (s = NameOf(store, p, &name); !s.ok()) return s;
        out << " " << name;
      }
      if (s = NameOf(store, step.conclusion, &name); !s.ok()) return s;
      out << " ==> " << name;
      if (!step.rule.empty()) out << " (" << step.rule << ")";
      out << "\n";
    }
    if (arg.warrant != kNoNode) {
      if (s = NameOf(store, arg.warrant, &name); !s.ok()) return s;
      out << "  warrant: " << name << "\n";
    }
    return Status::Ok();
  }

  std::string node_, map_;
};

class PathCommand : public Command {
 public:
  const char* name() const override { return "path"; }
  const char* help() const override { return "A shortest signed path between two nodes"; }

  void Setup(CLI::App* app) override {
    app->add_option("from", from_, "Where the path starts")->required();
    app->add_option("to", to_, "Where it ends")->required();
    app->add_option("--map", map_, "The map")->required();
    app->add_option("--sign", sign_, "Only paths of this sign: + (promotes) or - (hinders)")
        ->check(CLI::IsMember({"+", "-"}));
    app->add_option("--max-depth", max_depth_, "Longest path to consider (default: any)");
  }

  int Run(Context& context) override {
    ArgumentMap& map = context.NewMap();
    if (Status s = LoadStored(context, map_, &map); !s.ok()) return context.FailInput(s);
    NodeId from = kNoNode, to = kNoNode;
    if (Status s = map.Resolve(from_, &from); !s.ok()) return context.Fail(s);
    if (Status s = map.Resolve(to_, &to); !s.ok()) return context.Fail(s);
    int sign = sign_.empty() ? 0 : (sign_ == "+" ? +1 : -1);
    EvidencePath path;
    if (!ShortestSignedPath(map, from, to, sign, max_depth_, &path)) {
      context.out << "no path" << (sign_.empty() ? "" : " of sign " + sign_) << " from "
                  << map.DisplayName(from) << " to " << map.DisplayName(to) << "\n";
      return kExitNotFound;
    }
    context.out << FormatEvidencePath(map, path) << "\n";
    context.out << "sign: " << (PathSign(path) > 0 ? "+" : "-") << " (" << path.size() << " step"
                << (path.size() == 1 ? "" : "s") << ")\n";
    return kExitOk;
  }

 private:
  std::string from_, to_, map_, sign_;
  int max_depth_ = -1;
};

bool ContainsFolded(std::string_view haystack, std::string_view lower_needle) {
  auto fold = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); };
  auto it = std::search(haystack.begin(), haystack.end(), lower_needle.begin(), lower_needle.end(),
                        [&](char a, char b) { return fold(a) == b; });
  return it != haystack.end() || lower_needle.empty();
}

class FindCommand : public Command {
 public:
  const char* name() const override { return "find"; }
  const char* help() const override {
    return "Nodes whose title or text contains every word (case-insensitive)";
  }

  void Setup(CLI::App* app) override {
    app->add_option("words", words_, "Words to look for")->required();
    app->add_option("--map", map_, "The map")->required();
  }

  int Run(Context& context) override {
    ArgumentMap& map = context.NewMap();
    if (Status s = LoadStored(context, map_, &map); !s.ok()) return context.FailInput(s);
    for (std::string& w : words_) {
      std::transform(w.begin(), w.end(), w.begin(), [](char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      });
    }
    size_t found = 0;
    for (const Statement& s : map.statements())
      found += Report(context, map, s.id, s.title, s.text);
    for (const Argument& a : map.arguments()) found += Report(context, map, a.id, a.title, a.text);
    if (found == 0) {
      context.out << "nothing found\n";
      return kExitNotFound;
    }
    return kExitOk;
  }

 private:
  bool Report(Context& context, const ArgumentMap& map, NodeId id, std::string_view title,
              std::string_view text) {
    for (const std::string& w : words_) {
      if (!ContainsFolded(title, w) && !ContainsFolded(text, w)) return false;
    }
    context.out << map.DisplayName(id);
    if (!text.empty()) context.out << ": " << text;
    context.out << "\n";
    return true;
  }

  std::vector<std::string> words_;
  std::string map_;
};

class MapsCommand : public Command {
 public:
  const char* name() const override { return "maps"; }
  const char* help() const override { return "List the maps in the store"; }
  void Setup(CLI::App*) override {}

  int Run(Context& context) override {
    std::unique_ptr<Store> store;
    std::vector<MapSummary> maps;
    Status s = OpenForRead(context, &store);
    if (s.ok()) s = store->ListMaps(&maps);
    if (!s.ok()) return context.FailInput(s);
    for (const MapSummary& m : maps) {
      context.out << m.name << "\t" << m.statements << " statements, " << m.arguments
                  << " arguments, " << m.relations << " relations";
      if (!m.title.empty() && m.title != m.name) context.out << "\t" << m.title;
      context.out << "\n";
    }
    if (maps.empty()) context.err << "no maps in store " << store->dir() << "\n";
    return kExitOk;
  }
};

class StatsCommand : public Command {
 public:
  const char* name() const override { return "stats"; }
  const char* help() const override { return "Counts of a stored map's nodes and relations"; }

  void Setup(CLI::App* app) override {
    app->add_option("--map", map_, "The map")->required();
    app->add_option("--format", format_, "text or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->default_val("text");
  }

  int Run(Context& context) override {
    ArgumentMap& map = context.NewMap();
    if (Status s = LoadStored(context, map_, &map); !s.ok()) return context.FailInput(s);
    nlohmann::ordered_json stats = Compute(map);
    if (format_ == "json") {
      context.out << stats.dump(2) << "\n";
      return kExitOk;
    }
    for (auto& [key, value] : stats.items()) {
      if (value.is_object()) {
        context.out << key << ":\n";
        for (auto& [k, v] : value.items()) context.out << "  " << k << ": " << v << "\n";
      } else {
        context.out << key << ": " << value << "\n";
      }
    }
    return kExitOk;
  }

 private:
  // Counts by role and relation type in arrays, and distinct sections by a set that is only
  // consulted when a statement's section differs from the one before (they come in runs): a
  // million statements cost a pass over the records, not a million look-ups by name.
  static nlohmann::ordered_json Compute(const ArgumentMap& map) {
    constexpr int kRoles = static_cast<int>(Role::kAction) + 1;
    constexpr int kStated = static_cast<int>(RelationType::kContradicts) + 1;  // always shown
    constexpr int kTypes = static_cast<int>(RelationType::kConclusion) + 1;
    std::array<size_t, kRoles> role_counts{};
    std::array<size_t, kTypes> type_counts{};
    size_t theses = 0, steps = 0;
    std::set<std::string_view> sections;
    std::string_view last_section;
    for (const Statement& s : map.statements()) {
      ++role_counts[static_cast<size_t>(s.role)];
      theses += s.thesis;
      if (!s.section.empty() && s.section != last_section) {
        sections.insert(s.section);
        last_section = s.section;
      }
    }
    for (const Argument& a : map.arguments()) steps += a.steps.size();
    for (const Relation& r : map.relations()) ++type_counts[static_cast<size_t>(r.type)];
    nlohmann::ordered_json roles = nlohmann::ordered_json::object();
    for (int r = 0; r < kRoles; ++r) {
      roles[std::string(RoleName(static_cast<Role>(r)))] = role_counts[r];
    }
    nlohmann::ordered_json types = nlohmann::ordered_json::object();
    for (int t = 0; t < kTypes; ++t) {
      if (t >= kStated && type_counts[t] == 0) continue;
      types[std::string(RelationName(static_cast<RelationType>(t)))] = type_counts[t];
    }
    nlohmann::ordered_json out;
    out["map"] = map.title();
    out["statements"] = map.statements().size();
    out["arguments"] = map.arguments().size();
    out["relations"] = map.relations().size();
    out["inferenceSteps"] = steps;
    out["theses"] = theses;
    out["sections"] = sections.size();
    out["roles"] = roles;
    out["relationTypes"] = types;
    return out;
  }

  std::string map_, format_;
};

class FsckCommand : public Command {
 public:
  const char* name() const override { return "fsck"; }
  const char* help() const override {
    return "Verify the store: checksums of every file, referential integrity, indexes";
  }
  void Setup(CLI::App*) override {}

  int Run(Context& context) override {
    std::unique_ptr<Store> store;
    Status s = OpenForRead(context, &store);
    if (!s.ok()) return context.FailInput(s);
    FsckReport report;
    if (s = store->Fsck(&report); !s.ok()) return context.FailInput(s);
    for (const std::string& problem : report.problems) context.out << problem << "\n";
    if (!report.healthy()) {
      context.err << "argmap: store " << store->dir() << " has " << report.problems.size()
                  << " problem" << (report.problems.size() == 1 ? "" : "s") << "\n";
      return kExitBadInput;
    }
    context.out << "store " << store->dir() << " is healthy\n";
    return kExitOk;
  }
};

}  // namespace

std::unique_ptr<Command> MakeShowCommand() { return std::make_unique<ShowCommand>(); }
std::unique_ptr<Command> MakePathCommand() { return std::make_unique<PathCommand>(); }
std::unique_ptr<Command> MakeFindCommand() { return std::make_unique<FindCommand>(); }
std::unique_ptr<Command> MakeMapsCommand() { return std::make_unique<MapsCommand>(); }
std::unique_ptr<Command> MakeStatsCommand() { return std::make_unique<StatsCommand>(); }
std::unique_ptr<Command> MakeFsckCommand() { return std::make_unique<FsckCommand>(); }

}  // namespace argmap
