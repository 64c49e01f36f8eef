// check, review and demo: the analyses and what a reviewer reads.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/command.h"
#include "cli/graphviz.h"
#include "cli/output_file.h"
#include "formats/argdown_reader.h"
#include "formats/diagnostic.h"
#include "formats/dot_writer.h"
#include "formats/findings_writer.h"
#include "formats/review_writer.h"
#include "graph/checks.h"

namespace argmap {

extern const std::string_view kEmbeddedExample;

namespace {

namespace fs = std::filesystem;

// Writes the highlighted picture of map to svg_path through Graphviz.
Status WritePicture(const ArgumentMap& map, const std::vector<Finding>& findings,
                    const std::string& svg_path) {
  DotOptions options;
  options.highlight = &findings;
  std::ostringstream dot;
  WriteDot(map, options, dot);
  return RenderDot(dot.str(), "svg", svg_path);
}

class CheckCommand : public Command {
 public:
  const char* name() const override { return "check"; }
  const char* help() const override {
    return "Run every check: objective conflicts, contradictions, circles, gaps";
  }

  void Setup(CLI::App* app) override {
    source_.AddOptions(app);
    app->add_option("--format", format_, "text or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->default_val("text");
    app->add_option("--fail-on", fail_on_,
                    "Exit 1 when a finding reaches: error, warning, info "
                    "or never")
        ->check(CLI::IsMember({"error", "warning", "info", "never"}))
        ->default_val("error");
    app->add_option("--only", options_.only, "Run only these checks (comma-separated ids)")
        ->delimiter(',');
    app->add_option("--max-depth", options_.max_depth, "Longest signed path to follow")
        ->check(CLI::NonNegativeNumber);
  }

  int Run(Context& context) override {
    ArgumentMap& map = context.NewMap();
    std::string display;
    // The checks read titles, roles, theses, sources and the topology: the texts, tags and data
    // of a stored map are not loaded.
    if (int code = source_.Load(context, &map, &display, RecordFields::kForChecks);
        code != kExitOk) {
      return code;
    }
    std::vector<Finding> findings;
    if (Status s = RunChecks(map, options_, &findings); !s.ok()) return context.FailInput(s);
    if (format_ == "json") {
      WriteFindingsJson(map, findings, context.out);
    } else {
      WriteFindingsText(map, findings, TextStyle{context.terminal.out_is_terminal}, context.out);
    }
    return FailsAt(findings) ? kExitNotFound : kExitOk;
  }

 private:
  bool FailsAt(const std::vector<Finding>& findings) const {
    if (fail_on_ == "never") return false;
    Severity threshold = fail_on_ == "error"     ? Severity::kError
                         : fail_on_ == "warning" ? Severity::kWarning
                                                 : Severity::kInfo;
    for (const Finding& f : findings) {
      if (f.severity <= threshold) return true;
    }
    return false;
  }

  MapSource source_;
  CheckOptions options_;
  std::string format_, fail_on_;
};

class ReviewCommand : public Command {
 public:
  const char* name() const override { return "review"; }
  const char* help() const override {
    return "Write a peer-review report (Markdown) with the questions to ask the author";
  }

  void Setup(CLI::App* app) override {
    source_.AddOptions(app);
    app->add_option("-o,--output", output_,
                    "Write the report here; the picture goes next to it as an SVG");
    app->add_option("--picture-limit", picture_limit_,
                    "Draw the picture only up to this many nodes (Graphviz needs minutes for "
                    "large maps, and the picture would be unreadable)")
        ->capture_default_str();
  }

  int Run(Context& context) override {
    ArgumentMap& map = context.NewMap();
    std::string display;
    // The whole map: the review quotes texts and sources' words, and the picture draws texts.
    if (int code = source_.Load(context, &map, &display); code != kExitOk) return code;
    std::vector<Finding> findings;
    if (Status s = RunChecks(map, CheckOptions{}, &findings); !s.ok()) return context.Fail(s);
    ReviewOptions options;
    const size_t drawn = DotNodeCount(map, DotOptions{});
    if (!output_.empty() && output_ != "-") {
      if (drawn > picture_limit_) {
        context.err << "argmap: note: the map has " << drawn << " nodes, more than --picture-limit "
                    << picture_limit_
                    << "; the review has no picture. Draw a part of it with `argmap export "
                       "--format svg --highlight --focus NODE --depth N`\n";
      } else if (GraphvizAvailable()) {
        fs::path svg = fs::path(output_).replace_extension(".svg");
        if (Status s = WritePicture(map, findings, svg.string()); !s.ok()) {
          return context.FailInput(s);
        }
        options.picture_path = svg.filename().string();
        context.err << "wrote " << svg.string() << "\n";
      } else {
        context.err << "argmap: note: Graphviz's dot is not installed; the review has no "
                       "picture\n";
      }
    }
    Status s = WriteOutput(output_, context.out,
                           [&](std::ostream& o) { WriteReview(map, findings, options, o); });
    if (!s.ok()) return context.FailInput(s);
    if (!output_.empty() && output_ != "-") context.err << "wrote " << output_ << "\n";
    return kExitOk;
  }

 private:
  MapSource source_;
  std::string output_;
  size_t picture_limit_ = 300;
};

// Removes a directory tree when it goes out of scope.
class TemporaryDirectory {
 public:
  TemporaryDirectory() {
    std::string pattern = (fs::temp_directory_path() / "argmap-demo-store-XXXXXX").string();
    if (mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TemporaryDirectory() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class DemoCommand : public Command {
 public:
  const char* name() const override { return "demo"; }
  const char* help() const override {
    return "Run the whole pipeline on the bundled map of the EU Central Asia chapter";
  }

  void Setup(CLI::App* app) override {
    app->add_option("--out", out_dir_, "Where to write the review and the picture")
        ->default_val("argmap-demo");
  }

  int Run(Context& context) override {
    const std::string kName = "eu-central-asia";
    ArgumentMap& parsed = context.NewMap();
    std::vector<Diagnostic> diagnostics;
    Status s = ReadArgdown(kEmbeddedExample, kName + ".argdown", &parsed, &diagnostics);
    for (const Diagnostic& d : diagnostics) context.err << FormatDiagnostic(d);
    if (!s.ok()) return context.FailInput(s);

    TemporaryDirectory store_dir;
    if (store_dir.path().empty()) return context.FailInput(Status::IoError("no temporary dir"));
    std::unique_ptr<Store> store;
    ArgumentMap& map = context.NewMap();
    s = Store::Open(store_dir.path(), Store::Mode::kReadWrite, &store);
    if (s.ok()) s = store->WriteMap(kName, parsed, /*replace=*/false);
    if (s.ok()) s = store->LoadMap(kName, &map);
    if (!s.ok()) return context.FailInput(s);
    context.out << "argmap demo: imported the chapter's map into " << store_dir.path() << " ("
                << map.statements().size() << " statements, " << map.arguments().size()
                << " arguments, " << map.relations().size() << " relations)\n\n";

    std::vector<Finding> findings;
    if (s = RunChecks(map, CheckOptions{}, &findings); !s.ok()) return context.Fail(s);
    WriteFindingsText(map, findings, TextStyle{context.terminal.out_is_terminal}, context.out);
    return WriteFiles(context, map, findings);
  }

 private:
  int WriteFiles(Context& context, const ArgumentMap& map, const std::vector<Finding>& findings) {
    std::error_code error;
    fs::create_directories(out_dir_, error);
    if (error) return context.FailInput(Status::IoError("cannot create " + out_dir_));
    fs::path dir(out_dir_);
    std::vector<std::string> written;
    Status s = WriteOutput((dir / "eu-central-asia.argdown").string(), context.out,
                           [](std::ostream& o) { o << kEmbeddedExample; });
    written.push_back((dir / "eu-central-asia.argdown").string());
    ReviewOptions options;
    if (s.ok() && GraphvizAvailable()) {
      s = WritePicture(map, findings, (dir / "map.svg").string());
      options.picture_path = "map.svg";
      written.push_back((dir / "map.svg").string());
    } else if (s.ok()) {
      DotOptions dot;
      dot.highlight = &findings;
      s = WriteOutput((dir / "map.dot").string(), context.out,
                      [&](std::ostream& o) { WriteDot(map, dot, o); });
      written.push_back((dir / "map.dot").string() + " (Graphviz is not installed: no SVG)");
    }
    if (s.ok()) {
      s = WriteOutput((dir / "review.md").string(), context.out,
                      [&](std::ostream& o) { WriteReview(map, findings, options, o); });
      written.push_back((dir / "review.md").string());
    }
    if (!s.ok()) return context.FailInput(s);
    context.out << "\nwrote:\n";
    for (const std::string& w : written) context.out << "  " << w << "\n";
    return kExitOk;
  }

  std::string out_dir_;
};

}  // namespace

std::unique_ptr<Command> MakeCheckCommand() { return std::make_unique<CheckCommand>(); }
std::unique_ptr<Command> MakeReviewCommand() { return std::make_unique<ReviewCommand>(); }
std::unique_ptr<Command> MakeDemoCommand() { return std::make_unique<DemoCommand>(); }

}  // namespace argmap
