// import and export: Argdown in, and the map out as JSON, Argdown, DOT, SVG or PNG.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/command.h"
#include "cli/graphviz.h"
#include "cli/output_file.h"
#include "formats/argdown_writer.h"
#include "formats/dot_writer.h"
#include "formats/map_json.h"
#include "graph/checks.h"

namespace argmap {
namespace {

// Above this many drawn nodes Graphviz needs minutes; export warns and suggests --focus.
constexpr size_t kLargePicture = 2000;

class ImportCommand : public Command {
 public:
  const char* name() const override { return "import"; }
  const char* help() const override { return "Read an Argdown file into a map in the store"; }

  void Setup(CLI::App* app) override {
    app->add_option("file", file_, "The Argdown file")->required();
    app->add_option("--map", map_, "The map's name (default: the file's stem)");
    app->add_flag("--replace", replace_, "Replace a map of that name");
  }

  int Run(Context& context) override {
    std::string name = map_.empty() ? std::filesystem::path(file_).stem().string() : map_;
    bool progress = context.terminal.err_is_terminal;
    if (progress) context.err << "reading " << file_ << "...\r" << std::flush;
    ArgumentMap& map = context.NewMap();
    if (int code = ReadArgdownFile(context, file_, &map); code != kExitOk) return code;
    if (map.title().empty()) map.set_title(name);
    std::unique_ptr<Store> store;
    Status s = context.OpenStore(Store::Mode::kReadWrite, &store);
    if (!s.ok()) return context.FailInput(s);
    if (progress) {
      context.err << "writing " << map.statements().size() << " statements to " << store->dir()
                  << "...\r" << std::flush;
    }
    if (s = store->WriteMap(name, map, replace_); !s.ok()) {
      if (s.code() == Status::Code::kAlreadyExists) {
        s = Status::AlreadyExists("map " + name + " already exists in store " + store->dir() +
                                  "; use --replace to replace it");
      }
      return context.FailInput(s);
    }
    if (progress) context.err << "\33[2K";
    context.out << "imported " << file_ << " as map " << name << ": " << map.statements().size()
                << " statements, " << map.arguments().size() << " arguments, "
                << map.relations().size() << " relations\n";
    return kExitOk;
  }

 private:
  std::string file_, map_;
  bool replace_ = false;
};

class ExportCommand : public Command {
 public:
  const char* name() const override { return "export"; }
  const char* help() const override {
    return "Write a map as json, argdown, dot, svg or png (from a file or the store)";
  }

  void Setup(CLI::App* app) override {
    source_.AddOptions(app);
    app->add_option("--format", format_, "json, argdown, dot, svg or png")
        ->required()
        ->check(CLI::IsMember({"json", "argdown", "dot", "svg", "png"}));
    app->add_option("-o,--output", output_, "Write here instead of standard output");
    app->add_option("--wrap", dot_.wrap, "Pictures: wrap node text at this many characters")
        ->default_val(40)
        ->check(CLI::Range(8, 1000));
    app->add_option("--rankdir", rankdir_, "Pictures: TB, BT, LR or RL")
        ->check(CLI::IsMember({"TB", "BT", "LR", "RL"}))
        ->default_val("TB");
    app->add_flag("--clusters", dot_.clusters, "Pictures: one cluster per section heading");
    app->add_flag("--highlight", highlight_,
                  "Pictures: draw the evidence of errors and warnings in a conflict colour");
    app->add_option("--focus", focus_, "Pictures: only the neighbourhood of this node");
    app->add_option("--depth", dot_.depth, "Pictures: how many relations from --focus")
        ->default_val(2)
        ->check(CLI::NonNegativeNumber);
  }

  int Run(Context& context) override {
    ArgumentMap& map = context.NewMap();
    std::string display;
    if (int code = source_.Load(context, &map, &display); code != kExitOk) return code;
    if (format_ == "json") return Emit(context, [&](std::ostream& o) { WriteMapJson(map, o); });
    if (format_ == "argdown") return Emit(context, [&](std::ostream& o) { WriteArgdown(map, o); });
    std::vector<Finding> findings;
    if (int code = PreparePicture(context, map, &findings); code != kExitOk) return code;
    if (format_ == "dot") return Emit(context, [&](std::ostream& o) { WriteDot(map, dot_, o); });
    std::ostringstream dot;
    WriteDot(map, dot_, dot);
    return Render(context, dot.str());
  }

 private:
  int PreparePicture(Context& context, const ArgumentMap& map, std::vector<Finding>* findings) {
    dot_.rankdir = rankdir_ == "LR"   ? RankDir::kLR
                   : rankdir_ == "RL" ? RankDir::kRL
                   : rankdir_ == "BT" ? RankDir::kBT
                                      : RankDir::kTB;
    if (!focus_.empty()) {
      if (Status s = map.Resolve(focus_, &dot_.focus); !s.ok()) return context.Fail(s);
    }
    if (highlight_) {
      if (Status s = RunChecks(map, CheckOptions{}, findings); !s.ok()) return context.Fail(s);
      dot_.highlight = findings;
    }
    size_t drawn = DotNodeCount(map, dot_);
    if (drawn > kLargePicture && format_ != "dot") {
      context.err << "argmap: warning: the picture has " << drawn
                  << " nodes; Graphviz may need minutes. Try --focus NODE --depth N\n";
    }
    return kExitOk;
  }

  int Emit(Context& context, const std::function<void(std::ostream&)>& write) {
    Status s = WriteOutput(output_, context.out, write);
    return s.ok() ? kExitOk : context.FailInput(s);
  }

  int Render(Context& context, const std::string& dot) {
    std::string target = output_;
    bool to_stdout = target.empty() || target == "-";
    if (to_stdout)
      target = std::filesystem::temp_directory_path() /
               ("argmap-render-" + std::to_string(getpid()) + "." + format_);
    Status s = RenderDot(dot, format_, target);
    if (s.ok() && to_stdout) {
      std::ifstream in(target, std::ios::binary);
      context.out << in.rdbuf();
    }
    if (to_stdout) std::filesystem::remove(target);
    return s.ok() ? kExitOk : context.FailInput(s);
  }

  MapSource source_;
  DotOptions dot_;
  std::string format_, output_, rankdir_, focus_;
  bool highlight_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeImportCommand() { return std::make_unique<ImportCommand>(); }
std::unique_ptr<Command> MakeExportCommand() { return std::make_unique<ExportCommand>(); }

}  // namespace argmap
