#include "tests/storage/store_test_util.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <tuple>

extern char** environ;

namespace argmap::testing {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "argmap-storage-test-XXXXXX").string();
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

bool Sanitized() { return std::getenv("ARGMAP_SANITIZED") != nullptr; }

namespace {

NodeId Add(ArgumentMap& map, Statement s) {
  NodeId id = 0;
  Status status = map.AddStatement(std::move(s), &id);
  REQUIRE(status.message() == "");
  return id;
}

Statement Make(std::string title, std::string text, Role role = Role::kClaim) {
  Statement s;
  s.title = std::move(title);
  s.text = std::move(text);
  s.role = role;
  return s;
}

}  // namespace

void BuildSampleMap(ArgumentMap* map) {
  map->set_title("Border management in Central Asia");
  map->set_metadata({{"author", "\"Ann Analyst\""}, {"year", "2024"}, {"tags", "[\"eu\", 1]"}});
  Statement thesis = Make("Border focus", "The EU's border focus works against reform.");
  thesis.thesis = true;
  thesis.section = "Thesis";
  thesis.tags = {"bomca", "eu"};
  thesis.data = {{"weight", "0.5"}, {"note", "\"first\""}};
  NodeId s1 = Add(*map, thesis);
  Statement security = Make("Security objective", "Secure borders.", Role::kObjective);
  security.actor = "EU";
  NodeId s2 = Add(*map, security);
  Statement reform = Make("Reform objective", "Economic reform.", Role::kObjective);
  reform.actor = "EU";
  NodeId s3 = Add(*map, reform);
  Statement evidence = Make("Evidence A", "Equipment went to border guards.", Role::kEvidence);
  evidence.source = "European Union 2007: 27";
  evidence.quote = "\"support to border guards\"";
  evidence.section = "Evidence";
  NodeId s4 = Add(*map, evidence);
  NodeId s5 = Add(*map, Make("Warrant W", "Resources strengthen who gets them.", Role::kWarrant));
  NodeId s6 = Add(*map, Make("Intermediate", "Regimes grow stronger."));
  Statement action = Make("BOMCA programme", "Border Management in Central Asia.", Role::kAction);
  action.actor = "EU";
  NodeId s7 = Add(*map, action);
  NodeId s8 = Add(*map, Make("Backing B", "Studies of aid.", Role::kBacking));
  NodeId s9 = Add(*map, Make("Assumption", "Regimes resist reform.", Role::kAssumption));
  NodeId s10 = Add(*map, Make("Grenzmanagement \xe2\x80\x93 \xc3\xbc", "Unicode title."));

  Argument main;
  main.title = "Main argument";
  main.text = "Resourcing regimes hinders reform.";
  main.section = "Arguments";
  main.tags = {"core"};
  main.data = {{"strength", "2"}};
  InferenceStep first;
  first.premises = {s4, s5};
  first.conclusion = s6;
  first.rule = "modus ponens";
  InferenceStep second;
  second.premises = {s6, s9};
  second.conclusion = s1;
  main.steps = {first, second};
  main.warrant = s5;
  NodeId a1 = 0;
  REQUIRE(map->AddArgument(main, &a1).message() == "");
  Argument simple;
  simple.title = "Simple";
  InferenceStep only;
  only.premises = {s7};
  only.conclusion = s2;
  simple.steps = {only};
  NodeId a2 = 0;
  REQUIRE(map->AddArgument(simple, &a2).message() == "");
  Argument bare;
  bare.title = "No structure";
  bare.text = "An argument given by its gist only.";
  NodeId a3 = 0;
  REQUIRE(map->AddArgument(bare, &a3).message() == "");

  REQUIRE(map->AddRelation(RelationType::kSupports, s7, s2).ok());
  REQUIRE(map->AddRelation(RelationType::kAttacks, s7, s3).ok());
  REQUIRE(map->AddRelation(RelationType::kSupports, s8, s5).ok());
  REQUIRE(map->AddRelation(RelationType::kUndercuts, a3, a2).ok());
  REQUIRE(map->AddRelation(RelationType::kContradicts, s2, s3).ok());
  REQUIRE(map->AddRelation(RelationType::kSupports, a2, s1).ok());
  REQUIRE(map->AddRelation(RelationType::kAttacks, s4, a3).ok());
  REQUIRE(map->AddRelation(RelationType::kSupports, s10, s1).ok());
  (void)a1;
}

void BuildGeneratedMap(size_t statements, int variant, ArgumentMap* map) {
  map->set_title("generated " + std::to_string(variant));
  size_t arguments = statements / 50;
  map->Reserve(statements + variant, arguments, 2 * statements);
  std::vector<NodeId> ids(statements);
  for (size_t i = 0; i < statements; ++i) {
    Statement s;
    s.title = "S" + std::to_string(i);
    s.text =
        "Generated statement " + std::to_string(i) + " of variant " + std::to_string(variant) + ".";
    s.role = i % 11 == 0 ? Role::kEvidence : Role::kClaim;
    if (i % 13 == 0) s.tags = {"t" + std::to_string(i % 5)};
    REQUIRE(map->AddStatement(std::move(s), &ids[i]).ok());
  }
  for (size_t i = 0; i < arguments; ++i) {
    Argument a;
    a.title = "A" + std::to_string(i);
    InferenceStep step;
    size_t base = (i * 50) % (statements - 2);
    step.premises = {ids[base], ids[base + 1]};
    step.conclusion = ids[base + 2];
    a.steps = {step};
    REQUIRE(map->AddArgument(std::move(a)).ok());
  }
  for (size_t i = 0; i + 1 < statements; ++i) {
    REQUIRE(map->AddRelation(RelationType::kSupports, ids[i], ids[i + 1]).ok());
    size_t far = (i * 7919 + 13) % statements;
    if (far != i && far != i + 1) {
      RelationType type = i % 3 == 0 ? RelationType::kAttacks : RelationType::kSupports;
      REQUIRE(map->AddRelation(type, ids[i], ids[far]).ok());
    }
  }
  for (int v = 0; v < variant; ++v) {
    Statement extra;
    extra.title = "Extra " + std::to_string(v);
    REQUIRE(map->AddStatement(std::move(extra)).ok());
  }
}

namespace {

template <typename T>
std::string Show(const T& value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

std::string Show(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += "'" + v + "' ";
  return out;
}

std::string Show(const std::vector<uint64_t>& values) {
  std::string out;
  for (uint64_t v : values) out += std::to_string(v) + " ";
  return out;
}

std::string Show(const DataEntries& data) {
  std::string out;
  for (const auto& [k, v] : data) out += k + "=" + v + " ";
  return out;
}

// Appends "what: expected X, got Y" when the two differ.
class Differences {
 public:
  template <typename T>
  void Compare(const std::string& what, const T& expected, const T& actual) {
    if (!(expected == actual) && first_.empty()) {
      first_ = what + ": expected " + Show(expected) + ", got " + Show(actual);
    }
  }
  void Note(const std::string& text) {
    if (first_.empty()) first_ = text;
  }
  const std::string& first() const { return first_; }

 private:
  std::string first_;
};

void CompareStatement(const Statement& e, const Statement& a, Differences* d) {
  std::string w = "statement " + std::to_string(e.id) + " ";
  d->Compare(w + "title", e.title, a.title);
  d->Compare(w + "text", e.text, a.text);
  d->Compare(w + "role", static_cast<int>(e.role), static_cast<int>(a.role));
  d->Compare(w + "thesis", e.thesis, a.thesis);
  d->Compare(w + "actor", e.actor, a.actor);
  d->Compare(w + "source", e.source, a.source);
  d->Compare(w + "quote", e.quote, a.quote);
  d->Compare(w + "section", e.section, a.section);
  d->Compare(w + "tags", e.tags, a.tags);
  d->Compare(w + "data", e.data, a.data);
}

void CompareArgument(const Argument& e, const Argument& a, Differences* d) {
  std::string w = "argument " + std::to_string(e.id) + " ";
  d->Compare(w + "title", e.title, a.title);
  d->Compare(w + "text", e.text, a.text);
  d->Compare(w + "warrant", e.warrant, a.warrant);
  d->Compare(w + "section", e.section, a.section);
  d->Compare(w + "tags", e.tags, a.tags);
  d->Compare(w + "data", e.data, a.data);
  d->Compare(w + "step count", e.steps.size(), a.steps.size());
  for (size_t j = 0; j < e.steps.size() && j < a.steps.size(); ++j) {
    std::string s = w + "step " + std::to_string(j + 1) + " ";
    d->Compare(s + "node", e.steps[j].node, a.steps[j].node);
    d->Compare(s + "premises", e.steps[j].premises, a.steps[j].premises);
    d->Compare(s + "premise edges", e.steps[j].premise_edges, a.steps[j].premise_edges);
    d->Compare(s + "conclusion", e.steps[j].conclusion, a.steps[j].conclusion);
    d->Compare(s + "conclusion edge", e.steps[j].conclusion_edge, a.steps[j].conclusion_edge);
    d->Compare(s + "rule", e.steps[j].rule, a.steps[j].rule);
  }
}

}  // namespace

std::string FirstDifference(const ArgumentMap& expected, const ArgumentMap& actual) {
  Differences d;
  d.Compare("title", expected.title(), actual.title());
  d.Compare("metadata", expected.metadata(), actual.metadata());
  d.Compare("next_id", expected.next_id(), actual.next_id());
  d.Compare("statement count", expected.statements().size(), actual.statements().size());
  d.Compare("argument count", expected.arguments().size(), actual.arguments().size());
  d.Compare("relation count", expected.relations().size(), actual.relations().size());
  for (const Statement& e : expected.statements()) {
    const Statement* a = actual.statement(e.id);
    if (!a) d.Note("statement " + std::to_string(e.id) + " is missing");
    if (a) CompareStatement(e, *a, &d);
  }
  for (const Argument& e : expected.arguments()) {
    const Argument* a = actual.argument(e.id);
    if (!a) d.Note("argument " + std::to_string(e.id) + " is missing");
    if (a) CompareArgument(e, *a, &d);
  }
  for (const Relation& e : expected.relations()) {
    const Relation* a = actual.relation(e.id);
    if (!a) {
      d.Note("relation " + std::to_string(e.id) + " is missing");
      continue;
    }
    std::string w = "relation " + std::to_string(e.id) + " ";
    d.Compare(w + "type", static_cast<int>(e.type), static_cast<int>(a->type));
    d.Compare(w + "from", e.from, a->from);
    d.Compare(w + "to", e.to, a->to);
  }
  return d.first();
}

void CheckSameMap(const ArgumentMap& expected, const ArgumentMap& actual) {
  CHECK(FirstDifference(expected, actual) == "");
}

std::vector<Adjacency> ExpectedNeighbours(const ArgumentMap& map, NodeId id) {
  std::vector<Adjacency> out;
  const Graph& g = map.graph();
  Vertex v = map.VertexOf(id);
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
    out.push_back({g[*it].id, g[*it].type, true, g[boost::target(*it, g)].id});
  }
  for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
    out.push_back({g[*it].id, g[*it].type, false, g[boost::source(*it, g)].id});
  }
  std::sort(out.begin(), out.end(), [](const Adjacency& a, const Adjacency& b) {
    return std::make_tuple(!a.outgoing, a.type, a.edge) <
           std::make_tuple(!b.outgoing, b.type, b.edge);
  });
  return out;
}

Status LoadFresh(const std::string& dir, const std::string& name, ArgumentMap* map) {
  std::unique_ptr<Store> store;
  Status s = Store::Open(dir, Store::Mode::kReadOnly, &store);
  return s.ok() ? store->LoadMap(name, map) : s;
}

std::vector<std::string> FsckProblems(const std::string& dir) {
  std::unique_ptr<Store> store;
  Status s = Store::Open(dir, Store::Mode::kReadOnly, &store);
  if (!s.ok()) return {"open: " + s.message()};
  FsckReport report;
  s = store->Fsck(&report);
  if (!s.ok()) return {"fsck: " + s.message()};
  return report.problems;
}

ChildProcess::ChildProcess(const std::string& role, const std::string& dir, size_t size) {
  int pipe_fds[2];
  REQUIRE(pipe2(pipe_fds, O_CLOEXEC) == 0);
  std::vector<std::string> env_strings = {"ARGMAP_CHILD_ROLE=" + role, "ARGMAP_CHILD_DIR=" + dir,
                                          "ARGMAP_CHILD_SIZE=" + std::to_string(size)};
  for (char** e = environ; *e; ++e) env_strings.emplace_back(*e);
  std::vector<char*> env;
  for (std::string& s : env_strings) env.push_back(s.data());
  env.push_back(nullptr);
  std::string self = fs::read_symlink("/proc/self/exe").string();
  std::string test_name = "storage child process";
  std::vector<char*> argv = {self.data(), test_name.data(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  int rc = posix_spawn(&pid_, self.c_str(), &actions, nullptr, argv.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  out_ = pipe_fds[0];
  REQUIRE(rc == 0);
}

ChildProcess::~ChildProcess() {
  if (!done_) Kill();
  close(out_);
}

std::string ChildProcess::ReadLine() {
  for (;;) {
    std::string line;
    char c;
    bool any = false;
    while (read(out_, &c, 1) == 1) {
      any = true;
      if (c == '\n') break;
      line.push_back(c);
    }
    if (!any) return "";
    if (line.rfind(kChildLinePrefix, 0) == 0) return line.substr(kChildLinePrefix.size());
  }
}

void ChildProcess::Kill() {
  if (done_) return;
  kill(pid_, SIGKILL);
  Wait();
}

bool ChildProcess::Finished() {
  if (done_) return true;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) != pid_) return false;
  done_ = true;
  status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return true;
}

int ChildProcess::Wait() {
  if (done_) return status_;
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  done_ = true;
  status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return status_;
}

}  // namespace argmap::testing
