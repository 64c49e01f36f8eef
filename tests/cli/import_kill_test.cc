// SIGKILL during `argmap import`: the binary itself imports a 200,000-statement map and is killed
// at 20 moments spread over its write, from before the first byte to after the last. After each
// kill, fsck passes (before and after the next read-write open, which cleans up what the killed
// import left) and the map is absent or complete: on a first import absent or the new map, on
// `--replace` the old map or the new one, never anything in between; the store's other map is
// untouched. Under sanitizers (ARGMAP_SANITIZED) the map has 10,000 statements, so that the
// sanitized suite stays within its time; that is still enough keys for the import to write by
// file ingestion, as it does for the 200,000.
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "cli_test_support.h"
#include "formats/argdown_reader.h"
#include "formats/argdown_writer.h"
#include "tests/storage/store_test_util.h"

extern char** environ;

namespace argmap::testing {
namespace {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using Seconds = std::chrono::duration<double>;

// The argmap binary, run with standard output and error going to files.
class ArgmapProcess {
 public:
  ArgmapProcess(const std::vector<std::string>& args, const std::string& out_file) {
    std::vector<std::string> argv_strings = {ARGMAP_BINARY};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& s : argv_strings) argv.push_back(s.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_file.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    int rc = posix_spawn(&pid_, ARGMAP_BINARY, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(rc == 0);
  }
  ~ArgmapProcess() {
    if (!done_) Kill();
  }
  ArgmapProcess(const ArgmapProcess&) = delete;
  ArgmapProcess& operator=(const ArgmapProcess&) = delete;

  // True once the process has a file open under `dir`: it has begun to open the store.
  bool HasOpenedUnder(const std::string& dir) const {
    const std::string fd_dir = "/proc/" + std::to_string(pid_) + "/fd";
    DIR* fds = opendir(fd_dir.c_str());
    if (!fds) return false;
    bool found = false;
    char target[4096];
    for (dirent* entry; !found && (entry = readdir(fds)) != nullptr;) {
      const std::string link = fd_dir + "/" + entry->d_name;
      ssize_t n = readlink(link.c_str(), target, sizeof target);
      found = n > 0 && std::string_view(target, n).substr(0, dir.size() + 1) == dir + "/";
    }
    closedir(fds);
    return found;
  }
  bool Finished() {
    if (done_) return true;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) != pid_) return false;
    Record(status);
    return true;
  }
  void Kill() {
    if (done_) return;
    kill(pid_, SIGKILL);
    Wait();
  }
  // The exit status, or 128 + the signal that ended it.
  int Wait() {
    if (done_) return status_;
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    Record(status);
    return status_;
  }

 private:
  void Record(int status) {
    done_ = true;
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  pid_t pid_ = -1;
  bool done_ = false;
  int status_ = 0;
};

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Writes a generated map as an Argdown file and returns the map that file reads back as (the
// ids the import gives it).
ArgumentMap WriteGeneratedFile(size_t statements, int variant, const std::string& path) {
  ArgumentMap generated;
  BuildGeneratedMap(statements, variant, &generated);
  {
    std::ofstream out(path, std::ios::binary);
    WriteArgdown(generated, out);
    REQUIRE(out.good());
  }
  ArgumentMap read;
  std::vector<Diagnostic> diagnostics;
  REQUIRE(ReadArgdown(ReadWhole(path), path, &read, &diagnostics).message() == "");
  for (const Diagnostic& d : diagnostics) REQUIRE(d.kind == Diagnostic::Kind::kWarning);
  return read;
}

// What a store holds under a map name: "absent", "old", "new", or the first difference from
// the new map.
std::string MapState(const std::string& dir, const std::string& name, const ArgumentMap& old_map,
                     const ArgumentMap& new_map) {
  ArgumentMap loaded;
  Status s = LoadFresh(dir, name, &loaded);
  if (s.IsNotFound()) return "absent";
  if (!s.ok()) return "error: " + s.message();
  // The two maps differ in title ("generated 0" and "generated 1"): it says which to compare.
  const bool is_old = loaded.title() == old_map.title();
  std::string difference = FirstDifference(is_old ? old_map : new_map, loaded);
  if (!difference.empty()) return "half written: " + difference;
  return is_old ? "old" : "new";
}

TEST_CASE("an import killed at any of 20 moments leaves the map absent or complete", "[cli]") {
  const size_t size = Sanitized() ? 10'000 : 200'000;
  CliFixture f;
  const std::string old_file = f.Path("old.argdown"), new_file = f.Path("new.argdown");
  const ArgumentMap old_map = WriteGeneratedFile(size, 0, old_file);
  const ArgumentMap new_map = WriteGeneratedFile(size, 1, new_file);
  const std::string keep_file =
      f.WriteFile("keep.argdown", "[Kept]: A map the imports must not touch.\n  + [Reason]: r\n");
  ArgumentMap keep;
  std::vector<Diagnostic> diagnostics;
  REQUIRE(ReadArgdown(ReadWhole(keep_file), keep_file, &keep, &diagnostics).ok());
  keep.set_title("keep");

  // The store before each import: the map "keep", and for --replace the old "big" too.
  const std::string dir = fs::weakly_canonical(f.Store()).string();
  const std::string before_first = f.Path("before-first"),
                    before_replace = f.Path("before-replace");
  REQUIRE(CliFixture::RunIn(before_first, {"import", keep_file, "--map", "keep"}).code == 0);
  fs::copy(before_first, before_replace, fs::copy_options::recursive);
  REQUIRE(CliFixture::RunIn(before_replace, {"import", old_file, "--map", "big"}).code == 0);

  const std::string log = f.Path("import.log");
  auto start = [&](bool replace) {
    fs::remove_all(dir);
    fs::copy(replace ? before_replace : before_first, dir, fs::copy_options::recursive);
    std::vector<std::string> args = {"import", new_file, "--map", "big", "--store", dir};
    if (replace) args.push_back("--replace");
    return std::make_unique<ArgmapProcess>(args, log);
  };
  auto wait_for_store = [&](ArgmapProcess& child) {
    while (!child.HasOpenedUnder(dir) && !child.Finished()) {
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  };

  // One import to the end: how long the parse takes, and the write after it (from the moment
  // the process opens its first file in the store to its exit).
  auto started = Clock::now();
  std::unique_ptr<ArgmapProcess> calibration = start(/*replace=*/true);
  wait_for_store(*calibration);
  auto opened = Clock::now();
  REQUIRE(calibration->Wait() == 0);
  const double parse = Seconds(opened - started).count();
  const double write = Seconds(Clock::now() - opened).count();
  REQUIRE(MapState(dir, "big", old_map, new_map) == "new");

  // Moment 0 is in the middle of the parse (before the first byte), 1 to 18 are spread evenly
  // over the write, 19 lets the import finish (after the last byte). Even moments import into
  // a store without "big", odd ones replace the old "big".
  constexpr int kMoments = 20;
  std::map<std::string, int> outcomes;
  std::ostringstream timeline;
  for (int moment = 0; moment < kMoments; ++moment) {
    const bool replace = moment % 2 == 1;
    const double delay = moment == 0 ? parse / 2 : write * (moment - 1) / (kMoments - 3);
    INFO("moment " << moment << (replace ? " (replace)" : " (first import)") << ": " << delay
                   << " s after " << (moment == 0 ? "the start" : "the store's opening")
                   << "; the write takes " << write << " s");
    std::unique_ptr<ArgmapProcess> child = start(replace);
    if (moment > 0) wait_for_store(*child);
    if (moment < kMoments - 1) {
      std::this_thread::sleep_for(Seconds(delay));
      child->Kill();
    }
    const int status = child->Wait();
    INFO("exit status " << status << ", output: " << ReadWhole(log));
    CHECK((status == 0 || status == 128 + SIGKILL));

    // A reader sees a healthy store and a whole map before any writer cleans up ...
    const std::string healthy = "store " + dir + " is healthy\n";
    CliResult fsck = CliFixture::RunIn(dir, {"fsck"});
    CHECK(fsck.code == 0);
    CHECK(fsck.out == healthy);
    const std::string state = MapState(dir, "big", old_map, new_map);
    outcomes[std::string(replace ? "replace: " : "first import: ") + state]++;
    timeline << " " << moment << ":" << state << "/" << status;
    if (status == 0) CHECK(state == "new");
    if (replace) CHECK((state == "old" || state == "new"));
    if (!replace) CHECK((state == "absent" || state == "new"));
    ArgumentMap kept;
    REQUIRE(LoadFresh(dir, "keep", &kept).message() == "");
    CHECK(FirstDifference(keep, kept) == "");

    // ... and after the next read-write open has removed what the killed import left.
    {
      std::unique_ptr<Store> writer;
      CHECK(Store::Open(dir, Store::Mode::kReadWrite, &writer).message() == "");
    }
    fsck = CliFixture::RunIn(dir, {"fsck"});
    CHECK(fsck.code == 0);
    CHECK(fsck.out == healthy);
    CHECK(MapState(dir, "big", old_map, new_map) == state);
  }
  std::ostringstream summary;
  summary << size << " statements; parse " << parse << " s, write " << write << " s;";
  for (const auto& [outcome, count] : outcomes) summary << " " << outcome << " " << count << ",";
  WARN(summary.str() << timeline.str());
}

}  // namespace
}  // namespace argmap::testing
