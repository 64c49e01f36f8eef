#include <sys/stat.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cli_test_support.h"

namespace argmap::testing {
namespace {

const char* kSmallMap =
    "===\n"
    "title: Small\n"
    "===\n"
    "\n"
    "# Goals\n"
    "\n"
    "[Security]: The region is secure. #objective {actor: \"EU\"}\n"
    "\n"
    "[Democracy]: The region democratizes. #objective {actor: \"EU\"}\n"
    "\n"
    "# Means\n"
    "\n"
    "[Border aid]: Aid for border guards. #action {actor: \"EU\"}\n"
    "  +> [Security]\n"
    "  +> [Regimes resourced]: The regimes gain resources.\n"
    "    -> [Democracy]\n";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST_CASE("import stores a file once; --replace replaces it", "[cli]") {
  CliFixture f;
  std::string file = f.WriteFile("small.argdown", kSmallMap);
  CliResult imported = f.Run({"import", file});
  CHECK(imported.code == 0);
  CHECK(imported.out ==
        "imported " + file + " as map small: 4 statements, 0 arguments, 3 relations\n");
  CliResult again = f.Run({"import", file});
  CHECK(again.code == 2);
  CHECK(again.err == "argmap: error: map small already exists in store " + f.Store() +
                         "; use --replace to replace it\n");
  CHECK(f.Run({"import", file, "--replace"}).code == 0);
  CHECK(f.Run({"import", file, "--map", "other"}).code == 0);
  CHECK(f.Run({"maps"}).out ==
        "other\t4 statements, 0 arguments, 3 relations\tSmall\n"
        "small\t4 statements, 0 arguments, 3 relations\tSmall\n");
}

TEST_CASE("a bad file is reported with positions and changes nothing", "[cli]") {
  CliFixture f;
  std::string good = f.WriteFile("m.argdown", kSmallMap);
  REQUIRE(f.Run({"import", good}).code == 0);
  std::string bad = f.WriteFile("m2.argdown", "[A]: a\n  _> [B]: b\n");
  CliResult result = f.Run({"import", bad, "--map", "m", "--replace"});
  CHECK(result.code == 2);
  CHECK(result.err.rfind(bad + ":2:", 0) == 0);
  CHECK(result.err.find("^") != std::string::npos);
  // The stored map is still the good one.
  CHECK(f.Run({"maps"}).out == "m\t4 statements, 0 arguments, 3 relations\tSmall\n");
  CliResult missing = f.Run({"import", f.Path("nope.argdown")});
  CHECK(missing.code == 2);
  CHECK(missing.err ==
        "argmap: error: cannot read " + f.Path("nope.argdown") + ": No such file or directory\n");
  CliResult directory = f.Run({"check", f.Path("")});
  CHECK(directory.code == 2);
  CHECK(directory.err == "argmap: error: cannot read " + f.Path("") + ": it is a directory\n");
}

TEST_CASE("a map can be read from a pipe", "[cli]") {
  CliFixture f;
  std::string fifo = f.Path("map.fifo");
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  // The writer blocks until the command opens the pipe, then writes the map in one go.
  std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << kSmallMap; });
  CliResult piped = f.Run({"check", fifo});
  writer.join();
  CliResult direct = f.Run({"check", f.WriteFile("m.argdown", kSmallMap)});
  CHECK(piped.code == direct.code);
  CHECK(piped.err == "");
  CHECK(piped.out == direct.out);
  CHECK(piped.out.find("objective-conflict: [Border aid] promotes [Security]") !=
        std::string::npos);
}

TEST_CASE("check reads a file or a stored map, with --fail-on deciding the exit", "[cli]") {
  CliFixture f;
  std::string file = f.WriteFile("small.argdown", kSmallMap);
  CliResult from_file = f.Run({"check", file, "--only", "objective-conflict"});
  CHECK(from_file.code == 1);
  CHECK(from_file.out ==
        "error objective-conflict: [Border aid] promotes [Security] but hinders [Democracy].\n"
        "  + [Border aid] --supports--> [Security]\n"
        "  - [Border aid] --supports--> [Regimes resourced] --attacks--> [Democracy]\n"
        "\n"
        "1 error, 0 warnings, 0 infos\n");
  REQUIRE(f.Run({"import", file}).code == 0);
  CliResult stored = f.Run({"check", "--map", "small", "--only", "objective-conflict"});
  CHECK(stored.out == from_file.out);
  CHECK(f.Run({"check", "--map", "small", "--fail-on", "never"}).code == 0);
  CHECK(f.Run({"check", "--map", "small", "--only", "orphan", "--fail-on", "info"}).code == 0);
  CliResult json = f.Run({"check", file, "--format", "json", "--only", "no-thesis"});
  CHECK(json.code == 0);
  CHECK(json.out.find("\"check\": \"no-thesis\"") != std::string::npos);
  CHECK(f.Run({"check", file, "--only", "made-up"}).code == 2);
  CHECK(f.Run({"check", "--map", "absent"}).code == 2);
  CHECK(f.Run({"check", file, "--map", "small"}).code == 2);
}

TEST_CASE("export writes json, argdown and dot; argdown re-imports to the same map", "[cli]") {
  CliFixture f;
  std::string file = f.WriteFile("small.argdown", kSmallMap);
  REQUIRE(f.Run({"import", file}).code == 0);
  CliResult json = f.Run({"export", "--map", "small", "--format", "json"});
  CHECK(json.code == 0);
  CHECK(json.out == f.Run({"export", file, "--format", "json"}).out);
  CHECK(json.out.find("\"title\": \"Small\"") != std::string::npos);

  std::string written = f.Path("again.argdown");
  REQUIRE(f.Run({"export", "--map", "small", "--format", "argdown", "-o", written}).code == 0);
  CHECK(f.Run({"export", written, "--format", "json"}).out == json.out);

  CliResult dot = f.Run({"export", file, "--format", "dot", "--highlight"});
  CHECK(dot.code == 0);
  CHECK(dot.out.rfind("digraph", 0) == 0);
  CHECK(f.Run({"export", file, "--format", "dot", "--focus", "[Nope]"}).code == 1);
  CHECK(f.Run({"export", file, "--format", "yaml"}).code == 2);
}

TEST_CASE("svg export and review render through Graphviz", "[cli]") {
  if (std::system("command -v dot >/dev/null 2>&1") != 0) {
    WARN("Graphviz's dot is not installed: skipped");
    return;
  }
  CliFixture f;
  std::string file = f.WriteFile("small.argdown", kSmallMap);
  std::string svg = f.Path("small.svg");
  REQUIRE(f.Run({"export", file, "--format", "svg", "-o", svg, "--highlight"}).code == 0);
  CHECK(ReadFile(svg).find("<svg") != std::string::npos);

  std::string report = f.Path("review.md");
  CliResult review = f.Run({"review", file, "-o", report});
  CHECK(review.code == 0);
  std::string text = ReadFile(report);
  CHECK(text.find("![Map](review.svg)") != std::string::npos);
  CHECK(text.find("[Border aid]") != std::string::npos);
  CHECK(ReadFile(f.Path("review.svg")).find("<svg") != std::string::npos);
}

TEST_CASE("review draws no picture of a map above --picture-limit, and says so", "[cli]") {
  CliFixture f;
  std::string file = f.WriteFile("small.argdown", kSmallMap);
  std::string report = f.Path("large.md");
  CliResult review = f.Run({"review", file, "-o", report, "--picture-limit", "3"});
  CHECK(review.code == 0);
  CHECK(review.err ==
        "argmap: note: the map has 4 nodes, more than --picture-limit 3; the review has no "
        "picture. Draw a part of it with `argmap export --format svg --highlight --focus NODE "
        "--depth N`\nwrote " +
            report + "\n");
  CHECK(!std::filesystem::exists(f.Path("large.svg")));
  std::string text = ReadFile(report);
  CHECK(text.find("![Map]") == std::string::npos);
  CHECK(text.find("[Border aid]") != std::string::npos);
}

TEST_CASE("review and check of a stored map say what they say of its file", "[cli]") {
  // The chapter's map has theses with texts and sources with quotes, which the review prints:
  // a review that loaded a stored map without them (as check does) would differ.
  CliFixture f;
  const std::string file = std::string(ARGMAP_SOURCE_DIR) + "/examples/eu-central-asia.argdown";
  REQUIRE(f.Run({"import", file, "--map", "eu"}).code == 0);
  CliResult from_file = f.Run({"review", file});
  CliResult from_store = f.Run({"review", "--map", "eu"});
  REQUIRE(from_file.code == 0);
  REQUIRE(from_store.code == 0);
  CHECK(from_file.out.find("founded upon the global and internal contexts") != std::string::npos);
  CHECK(from_store.out == from_file.out);
  for (const char* format : {"text", "json"}) {
    CliResult check_file = f.Run({"check", file, "--format", format, "--fail-on", "never"});
    CliResult check_store =
        f.Run({"check", "--map", "eu", "--format", format, "--fail-on", "never"});
    CHECK(check_store.code == check_file.code);
    CHECK(check_store.out == check_file.out);
  }
}

TEST_CASE("demo runs the pipeline on the chapter's map and names its files", "[cli]") {
  CliFixture f;
  std::string out_dir = f.Path("demo");
  CliResult demo = f.Run({"demo", "--out", out_dir});
  CHECK(demo.code == 0);
  CHECK(demo.out.find("error objective-conflict: [BOMCA] promotes [Security] but hinders "
                      "[Democratization] and [Economic prosperity].") != std::string::npos);
  CHECK(demo.out.find("[Regimes are resourced]") != std::string::npos);
  CHECK(demo.out.find(out_dir + "/review.md") != std::string::npos);
  CHECK(ReadFile(out_dir + "/review.md").find("objective-conflict") != std::string::npos);
  CHECK(ReadFile(out_dir + "/eu-central-asia.argdown") ==
        ReadFile(std::string(ARGMAP_SOURCE_DIR) + "/examples/eu-central-asia.argdown"));
}

// The binary itself: exit codes, and a second writer while a first holds the store.
TEST_CASE("a second writer process gets the in-use error", "[cli]") {
  CliFixture f;
  std::string file = f.WriteFile("small.argdown", kSmallMap);
  REQUIRE(f.Run({"import", file}).code == 0);
  std::unique_ptr<Store> holder;
  REQUIRE(Store::Open(f.Store(), Store::Mode::kReadWrite, &holder).ok());
  std::string command = std::string(ARGMAP_BINARY) + " import " + file + " --map x --store " +
                        f.Store() + " 2>" + f.Path("err.txt");
  int status = std::system(command.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(ReadFile(f.Path("err.txt")) ==
        "argmap: error: store " + f.Store() + " is in use by another process\n");
  holder.reset();
  CHECK(std::system((std::string(ARGMAP_BINARY) + " import " + file + " --map x --store " +
                     f.Store() + " >/dev/null")
                        .c_str()) == 0);
}

}  // namespace
}  // namespace argmap::testing

namespace argmap::testing {
namespace {

TEST_CASE("the chapter's map: BOMCA promotes security and hinders democracy and economy", "[cli]") {
  CliFixture f;
  std::string chapter = std::string(ARGMAP_SOURCE_DIR) + "/examples/eu-central-asia.argdown";
  CliResult result = f.Run({"check", chapter, "--only", "objective-conflict"});
  CHECK(result.code == 1);
  CHECK(result.out ==
        "error objective-conflict: [BOMCA] promotes [Security] but hinders [Democratization] and "
        "[Economic prosperity].\n"
        "  + [BOMCA] --supports--> [Border securitization] --supports--> [Threats are combated] "
        "--supports--> [Security]\n"
        "  - [BOMCA] --supports--> [Border securitization] --supports--> [Borderland human "
        "security is harmed] --attacks--> [Democratization]\n"
        "  - [BOMCA] --supports--> [Border securitization] --supports--> [Borderland human "
        "security is harmed] --attacks--> [Economic prosperity]\n"
        "\n"
        "error objective-conflict: [Border securitization] promotes [Security] but hinders "
        "[Democratization] and [Economic prosperity].\n"
        "  + [Border securitization] --supports--> [Threats are combated] --supports--> "
        "[Security]\n"
        "  - [Border securitization] --supports--> [Borderland human security is harmed] "
        "--attacks--> [Democratization]\n"
        "  - [Border securitization] --supports--> [Borderland human security is harmed] "
        "--attacks--> [Economic prosperity]\n"
        "\n"
        "2 errors, 0 warnings, 0 infos\n");
  // The other half of the mechanism: resourcing the regimes hinders both objectives too.
  REQUIRE(f.Run({"import", chapter}).code == 0);
  CliResult path = f.Run({"path", "[Border securitization]", "[Economic prosperity]", "--map",
                          "eu-central-asia", "--sign", "-"});
  CHECK(path.code == 0);
  CHECK(f.Run({"path", "[Regimes are resourced]", "[Democratization]", "--map", "eu-central-asia"})
            .out ==
        "[Regimes are resourced] --attacks--> [Democratization]\n"
        "sign: - (1 step)\n");
}

}  // namespace
}  // namespace argmap::testing
