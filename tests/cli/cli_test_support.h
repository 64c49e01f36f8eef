// Running argmap commands in-process against a fresh temporary store.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "storage/store.h"

namespace argmap::testing {

struct CliResult {
  int code = -1;
  std::string out;
  std::string err;
};

// A temporary directory holding a store (and any files a test writes), removed at the end.
class CliFixture {
 public:
  CliFixture() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "argmap-cli-test-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
  }
  ~CliFixture() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::string Store() const { return Path("store"); }

  std::string WriteFile(const std::string& name, const std::string& text) const {
    std::ofstream(Path(name), std::ios::binary) << text;
    return Path(name);
  }

  // Runs `argmap ARGS... --store STORE`.
  CliResult Run(std::vector<std::string> args) const { return RunIn(Store(), std::move(args)); }

  // Runs `argmap ARGS... --store DIR`.
  static CliResult RunIn(const std::string& dir, std::vector<std::string> args) {
    args.insert(args.begin(), "argmap");
    args.push_back("--store");
    args.push_back(dir);
    std::vector<const char*> argv;
    for (const std::string& a : args) argv.push_back(a.c_str());
    std::ostringstream out, err;
    CliResult result;
    result.code = RunCli(static_cast<int>(argv.size()), argv.data(), out, err);
    result.out = out.str();
    result.err = err.str();
    return result;
  }

 private:
  std::filesystem::path dir_;
};

}  // namespace argmap::testing
