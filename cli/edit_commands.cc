// Commands that change a stored map: add, link, remove. Each loads the map (to validate the
// change against it), applies the change in memory, then persists it as one atomic write.
#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace argmap {
namespace {

// Opens the store for writing and loads `name`; a map that does not exist yet is created empty
// when `create` is set. *is_new tells which.
Status OpenForEdit(Context& context, const std::string& name, bool create,
                   std::unique_ptr<Store>* store, ArgumentMap* map, bool* is_new) {
  Status s = context.OpenStore(Store::Mode::kReadWrite, store);
  if (!s.ok()) return s;
  bool exists = false;
  s = (*store)->HasMap(name, &exists);
  if (!s.ok()) return s;
  *is_new = !exists;
  if (!exists) {
    if (create) {
      map->set_title(name);
      return Status::Ok();
    }
    return Status::InvalidInput("no map " + name + " in store " + (*store)->dir());
  }
  return (*store)->LoadMap(name, map);
}

class AddCommand : public Command {
 public:
  const char* name() const override { return "add"; }
  const char* help() const override { return "Add a statement or an argument to a stored map"; }

  void Setup(CLI::App* app) override {
    app->require_subcommand(1);
    statement_ = app->add_subcommand("statement", "Add a statement (creates the map if needed)");
    statement_->add_option("title", title_, "Its title")->required();
    statement_->add_option("text", text_, "Its text")->required();
    statement_->add_option("--map", map_, "The map")->required();
    statement_
        ->add_option("--role", role_,
                     "claim, evidence, warrant, backing, assumption, "
                     "objective or action")
        ->default_val("claim");
    statement_->add_flag("--thesis", thesis_, "The author asserts it");
    statement_->add_option("--actor", actor_,
                           "Who pursues the objective or carries out the action");
    // allow_extra_args(false): CLI11 would otherwise read "[Title]" as a bracketed list.
    statement_->add_option("--tag", tags_, "A tag (repeatable)")->allow_extra_args(false);
    statement_->add_option("--source", source_, "A citation");
    statement_->add_option("--quote", quote_, "The source's own words");
    argument_ = app->add_subcommand("argument", "Add an argument with one inference step");
    argument_->add_option("title", title_, "Its title")->required();
    argument_->add_option("--map", map_, "The map")->required();
    argument_->add_option("--premise", premises_, "A premise statement (repeatable)")
        ->required()
        ->allow_extra_args(false);
    argument_->add_option("--conclusion", conclusion_, "The conclusion statement")->required();
    argument_->add_option("--warrant", warrant_, "A premise with the role warrant");
    argument_->add_option("--text", text_, "The gist");
    argument_->add_option("--rule", rule_, "The inference rule, as in `-- rule --`");
  }

  int Run(Context& context) override {
    std::unique_ptr<Store> store;
    ArgumentMap& map = context.NewMap();
    bool is_new = false;
    bool create = statement_->parsed();
    Status s = OpenForEdit(context, map_, create, &store, &map, &is_new);
    if (!s.ok()) return context.FailInput(s);
    NodeId id = kNoNode;
    s = statement_->parsed() ? AddStatement(&map, &id) : AddArgument(&map, &id);
    if (!s.ok()) return context.FailInput(s);
    if (is_new) {
      s = store->WriteMap(map_, map, /*replace=*/false);
    } else if (statement_->parsed()) {
      s = store->PutStatement(map_, map, id);
    } else {
      s = store->PutArgument(map_, map, id);
    }
    if (!s.ok()) return context.FailInput(s);
    context.out << "added " << map.DisplayName(id) << " to map " << map_ << "\n";
    return kExitOk;
  }

 private:
  Status AddStatement(ArgumentMap* map, NodeId* id) {
    Statement st;
    st.title = title_;
    st.text = text_;
    std::optional<Role> role = ParseRole(role_);
    if (!role) return Status::InvalidInput("unknown role '" + role_ + "'");
    st.role = *role;
    st.thesis = thesis_;
    st.actor = actor_;
    st.tags = tags_;
    st.source = source_;
    st.quote = quote_;
    return map->AddStatement(std::move(st), id);
  }

  Status AddArgument(ArgumentMap* map, NodeId* id) {
    Argument arg;
    arg.title = title_;
    arg.text = text_;
    InferenceStep step;
    step.rule = rule_;
    for (const std::string& name : premises_) {
      NodeId p = kNoNode;
      if (Status s = ResolveStatement(*map, name, &p); !s.ok()) return s;
      step.premises.push_back(p);
    }
    if (Status s = ResolveStatement(*map, conclusion_, &step.conclusion); !s.ok()) return s;
    if (!warrant_.empty()) {
      if (Status s = ResolveStatement(*map, warrant_, &arg.warrant); !s.ok()) return s;
      if (std::find(step.premises.begin(), step.premises.end(), arg.warrant) ==
          step.premises.end()) {
        step.premises.push_back(arg.warrant);
      }
    }
    arg.steps.push_back(std::move(step));
    return map->AddArgument(std::move(arg), id);
  }

  static Status ResolveStatement(const ArgumentMap& map, const std::string& name, NodeId* id) {
    if (Status s = map.Resolve(name, id); !s.ok()) return s;
    if (!map.statement(*id)) {
      return Status::InvalidInput(map.DisplayName(*id) +
                                  " is an argument; premises, conclusions "
                                  "and warrants are statements");
    }
    return Status::Ok();
  }

  CLI::App* statement_ = nullptr;
  CLI::App* argument_ = nullptr;
  std::string map_, title_, text_, role_, actor_, source_, quote_, conclusion_, warrant_, rule_;
  bool thesis_ = false;
  std::vector<std::string> tags_, premises_;
};

class LinkCommand : public Command {
 public:
  const char* name() const override { return "link"; }
  const char* help() const override {
    return "Add a relation: FROM supports|attacks|undercuts|contradicts TO";
  }

  void Setup(CLI::App* app) override {
    app->add_option("from", from_, "The source node ([Title], <Title> or a bare title)")
        ->required();
    app->add_option("relation", relation_, "supports, attacks, undercuts or contradicts")
        ->required()
        ->check(CLI::IsMember({"supports", "attacks", "undercuts", "contradicts"}));
    app->add_option("to", to_, "The target node")->required();
    app->add_option("--map", map_, "The map")->required();
  }

  int Run(Context& context) override {
    std::unique_ptr<Store> store;
    ArgumentMap& map = context.NewMap();
    bool is_new = false;
    Status s = OpenForEdit(context, map_, /*create=*/false, &store, &map, &is_new);
    if (!s.ok()) return context.FailInput(s);
    NodeId from = kNoNode, to = kNoNode;
    if (s = map.Resolve(from_, &from); !s.ok()) return context.FailInput(s);
    if (s = map.Resolve(to_, &to); !s.ok()) return context.FailInput(s);
    EdgeId edge = 0;
    if (s = map.AddRelation(*ParseRelation(relation_), from, to, &edge); !s.ok()) {
      return context.FailInput(s);
    }
    if (s = store->PutRelation(map_, map, edge); !s.ok()) return context.FailInput(s);
    context.out << "linked " << map.DisplayName(from) << " " << relation_ << " "
                << map.DisplayName(to) << " in map " << map_ << "\n";
    return kExitOk;
  }

 private:
  std::string from_, relation_, to_, map_;
};

class RemoveCommand : public Command {
 public:
  const char* name() const override { return "remove"; }
  const char* help() const override { return "Remove a node and its relations from a stored map"; }

  void Setup(CLI::App* app) override {
    app->add_option("node", node_, "The node ([Title], <Title> or a bare title)")->required();
    app->add_option("--map", map_, "The map")->required();
  }

  int Run(Context& context) override {
    std::unique_ptr<Store> store;
    ArgumentMap& map = context.NewMap();
    bool is_new = false;
    Status s = OpenForEdit(context, map_, /*create=*/false, &store, &map, &is_new);
    if (!s.ok()) return context.FailInput(s);
    NodeId id = kNoNode;
    if (s = map.Resolve(node_, &id); !s.ok()) return context.Fail(s);
    // Names of everything that goes, taken while the map still has them.
    std::string removed = map.DisplayName(id);
    std::vector<std::string> relations;
    for (const Relation& r : map.relations()) {
      if (r.from == id || r.to == id) {
        relations.push_back(map.DisplayName(r.from) + " " + std::string(RelationName(r.type)) +
                            " " + map.DisplayName(r.to));
      }
    }
    Removal removal;
    if (s = map.Remove(id, &removal); !s.ok()) return context.FailInput(s);
    if (s = store->ApplyRemoval(map_, map, removal); !s.ok()) return context.FailInput(s);
    context.out << "removed " << removed << "\n";
    for (const std::string& r : relations) context.out << "removed relation " << r << "\n";
    for (NodeId a : removal.changed_arguments) {
      context.out << "removed premise " << removed << " from " << map.DisplayName(a) << "\n";
    }
    return kExitOk;
  }

 private:
  std::string node_, map_;
};

}  // namespace

std::unique_ptr<Command> MakeAddCommand() { return std::make_unique<AddCommand>(); }
std::unique_ptr<Command> MakeLinkCommand() { return std::make_unique<LinkCommand>(); }
std::unique_ptr<Command> MakeRemoveCommand() { return std::make_unique<RemoveCommand>(); }

}  // namespace argmap
