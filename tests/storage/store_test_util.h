// Helpers for the storage tests: temporary store directories, sample and generated maps, an
// exact comparison of two maps, the expected neighbours of a node, and child processes (this
// test binary re-executed into the hidden test "storage child process").
#pragma once

#include <sys/types.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "graph/argument_map.h"
#include "storage/store.h"

namespace argmap::testing {

// A fresh directory under the system's temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// True when the suite runs under sanitizers (ARGMAP_SANITIZED set): big sizes shrink.
bool Sanitized();

// A small map that uses every field: all roles, thesis, actor, source, quote, section, tags,
// data, metadata, a two-step argument with a warrant and a rule, an argument without steps,
// and all four relation types.
void BuildSampleMap(ArgumentMap* map);

// A generated map of `statements` statements, about two relations per statement and one
// argument per 50 statements. `variant` changes texts and adds a few records, so that two
// variants differ everywhere.
void BuildGeneratedMap(size_t statements, int variant, ArgumentMap* map);

// CHECKs that both maps hold the same records with the same ids and every field equal, the same
// title, metadata and next_id.
void CheckSameMap(const ArgumentMap& expected, const ArgumentMap& actual);
// The same without Catch assertions (for maps of 100k records): "" or the first difference.
std::string FirstDifference(const ArgumentMap& expected, const ArgumentMap& actual);

// The edges at node `id` of the in-memory map, in Store::Neighbours order.
std::vector<Adjacency> ExpectedNeighbours(const ArgumentMap& map, NodeId id);

Status LoadFresh(const std::string& dir, const std::string& name, ArgumentMap* map);
std::vector<std::string> FsckProblems(const std::string& dir);

// This test binary, re-executed to run one role of the hidden test case "storage child
// process" (see store_child_test.cc). The lines it writes with kChildLinePrefix come back
// through a pipe; Catch's own output is skipped.
inline const std::string kChildLinePrefix = "child: ";

class ChildProcess {
 public:
  ChildProcess(const std::string& role, const std::string& dir, size_t size = 0);
  ~ChildProcess();         // kills the child if it still runs
  std::string ReadLine();  // the next child line without its prefix; "" at the end
  void Kill();             // SIGKILL, then waits
  int Wait();              // the exit status, or 128 + signal
  bool Finished();         // without waiting
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  bool done_ = false;
  int status_ = 0;
};

}  // namespace argmap::testing
