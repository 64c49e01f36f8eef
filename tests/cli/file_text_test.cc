#include "cli/file_text.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>
#include <thread>

#include "tests/cli/cli_test_support.h"

namespace argmap {
namespace {

using testing::CliFixture;

TEST_CASE("a regular file is mapped and read whole", "[cli]") {
  CliFixture fixture;
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "[Claim " + std::to_string(i) + "]: Text.\n\n";
  std::string path = fixture.WriteFile("map.argdown", text);
  FileText file;
  REQUIRE(file.Read(path).ok());
  CHECK(file.mapped());
  CHECK(file.view() == text);
}

TEST_CASE("an empty file reads as empty text", "[cli]") {
  CliFixture fixture;
  std::string path = fixture.WriteFile("empty.argdown", "");
  FileText file;
  REQUIRE(file.Read(path).ok());
  CHECK(file.view().empty());
}

TEST_CASE("a pipe is read in chunks to its end", "[cli]") {
  CliFixture fixture;
  std::string path = fixture.Path("fifo");
  REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
  // More than the first chunk, written in several writes.
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "[S" + std::to_string(i) + "]: x\n";
  std::thread writer([&] {
    int fd = ::open(path.c_str(), O_WRONLY);
    for (size_t at = 0; at < text.size();) {
      ssize_t n = ::write(fd, text.data() + at, std::min<size_t>(7000, text.size() - at));
      if (n <= 0) break;
      at += static_cast<size_t>(n);
    }
    ::close(fd);
  });
  FileText file;
  Status status = file.Read(path);
  writer.join();
  REQUIRE(status.ok());
  CHECK_FALSE(file.mapped());
  CHECK(file.view() == text);
}

TEST_CASE("a directory or a missing file is an error that names it", "[cli]") {
  CliFixture fixture;
  std::string dir = fixture.Path("a-dir");
  std::filesystem::create_directory(dir);
  FileText directory;
  Status status = directory.Read(dir);
  CHECK(status.message() == "cannot read " + dir + ": it is a directory");
  FileText missing;
  status = missing.Read(fixture.Path("missing.argdown"));
  CHECK(status.message() ==
        "cannot read " + fixture.Path("missing.argdown") + ": No such file or directory");
}

TEST_CASE("a mapped file that shrinks while it is read ends the process with an error", "[cli]") {
  CliFixture fixture;
  std::string path = fixture.WriteFile("shrinks.argdown", std::string(3 * 4096, 'x'));
  FileText file;
  REQUIRE(file.Read(path).ok());
  REQUIRE(file.mapped());
  // Another program truncates the file in place: its last pages are gone from the mapping.
  REQUIRE(::truncate(path.c_str(), 0) == 0);
  int pipe_fds[2];
  REQUIRE(::pipe(pipe_fds) == 0);
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::dup2(pipe_fds[1], STDERR_FILENO);
    volatile char c = file.view()[2 * 4096];  // SIGBUS
    (void)c;
    ::_exit(99);  // not reached when the handler works
  }
  ::close(pipe_fds[1]);
  std::string err;
  char buffer[256];
  for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof(buffer))) > 0;) err.append(buffer, n);
  ::close(pipe_fds[0]);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(err == "argmap: error: " + path + " changed while argmap read it\n");
}

TEST_CASE("the SIGBUS handler is removed with the last mapping", "[cli]") {
  CliFixture fixture;
  std::string path = fixture.WriteFile("map.argdown", "[A]: a.\n");
  struct sigaction before {};
  ::sigaction(SIGBUS, nullptr, &before);
  {
    FileText first, second;
    REQUIRE(first.Read(path).ok());
    REQUIRE(second.Read(path).ok());
    struct sigaction during {};
    ::sigaction(SIGBUS, nullptr, &during);
    CHECK(during.sa_handler != before.sa_handler);
  }
  struct sigaction after {};
  ::sigaction(SIGBUS, nullptr, &after);
  CHECK(after.sa_handler == before.sa_handler);
}

}  // namespace
}  // namespace argmap
