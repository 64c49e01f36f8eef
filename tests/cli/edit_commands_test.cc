#include <catch2/catch.hpp>

#include "cli_test_support.h"

namespace argmap::testing {
namespace {

// A small map built with the store commands alone.
void BuildPolicyMap(const CliFixture& f) {
  REQUIRE(f.Run({"add", "statement", "Security", "Central Asia is secure.", "--map", "m", "--role",
                 "objective", "--actor", "EU"})
              .code == 0);
  REQUIRE(f.Run({"add", "statement", "Democracy", "Central Asia democratizes.", "--map", "m",
                 "--role", "objective", "--actor", "EU"})
              .code == 0);
  REQUIRE(f.Run({"add", "statement", "BOMCA", "Border Management in Central Asia.", "--map", "m",
                 "--role", "action", "--actor", "EU", "--tag", "programme"})
              .code == 0);
  REQUIRE(f.Run({"add", "statement", "Regimes resourced", "Border aid resources the regimes.",
                 "--map", "m"})
              .code == 0);
  REQUIRE(f.Run({"link", "[BOMCA]", "supports", "[Security]", "--map", "m"}).code == 0);
  REQUIRE(f.Run({"link", "BOMCA", "supports", "Regimes resourced", "--map", "m"}).code == 0);
  REQUIRE(f.Run({"link", "Regimes resourced", "attacks", "Democracy", "--map", "m"}).code == 0);
}

TEST_CASE("add, link and show build and read a map in the store", "[cli]") {
  CliFixture f;
  CliResult added = f.Run({"add", "statement", "A", "Alpha.", "--map", "m", "--thesis"});
  CHECK(added.code == 0);
  CHECK(added.out == "added [A] to map m\n");
  BuildPolicyMap(f);

  CliResult show = f.Run({"show", "[BOMCA]", "--map", "m"});
  CHECK(show.code == 0);
  CHECK(show.err == "");
  CHECK(show.out ==
        "[BOMCA] (action, actor: EU)\n"
        "  Border Management in Central Asia.\n"
        "  tags: #programme\n"
        "outgoing:\n"
        "  --supports--> [Security]\n"
        "  --supports--> [Regimes resourced]\n");
  CliResult incoming = f.Run({"show", "Democracy", "--map", "m"});
  CHECK(incoming.out ==
        "[Democracy] (objective, actor: EU)\n"
        "  Central Asia democratizes.\n"
        "incoming:\n"
        "  <--attacks-- [Regimes resourced]\n");
}

TEST_CASE("add argument takes premises, a conclusion and a warrant", "[cli]") {
  CliFixture f;
  BuildPolicyMap(f);
  REQUIRE(f.Run({"add", "statement", "Rule", "Aid to autocrats entrenches them.", "--map", "m",
                 "--role", "warrant"})
              .code == 0);
  CliResult arg = f.Run({"add", "argument", "Resourcing", "--map", "m", "--premise",
                         "[Regimes resourced]", "--conclusion", "[Democracy]", "--warrant",
                         "[Rule]", "--text", "Aid props up regimes."});
  CHECK(arg.code == 0);
  CHECK(arg.out == "added <Resourcing> to map m\n");
  CliResult show = f.Run({"show", "<Resourcing>", "--map", "m"});
  CHECK(show.out ==
        "<Resourcing> (argument, 1 inference step)\n"
        "  Aid props up regimes.\n"
        "  step 1: [Regimes resourced] [Rule] ==> [Democracy]\n"
        "  warrant: [Rule]\n"
        "outgoing:\n"
        "  --conclusion--> [Democracy]\n"
        "incoming:\n"
        "  <--premise-- [Regimes resourced]\n"
        "  <--premise-- [Rule]\n");
  CliResult bad = f.Run(
      {"add", "argument", "Bad", "--map", "m", "--premise", "[A]", "--conclusion", "[Democracy]"});
  CHECK(bad.code == 2);
  CHECK(bad.err == "argmap: error: no statement [A]\n");
}

TEST_CASE("edits that break the model are refused and change nothing", "[cli]") {
  CliFixture f;
  BuildPolicyMap(f);
  CliResult undercut = f.Run({"link", "[BOMCA]", "undercuts", "[Security]", "--map", "m"});
  CHECK(undercut.code == 2);
  CHECK(undercut.err ==
        "argmap: error: [BOMCA] undercuts [Security]: only an argument can be undercut\n");
  CliResult twice = f.Run({"link", "[BOMCA]", "supports", "[Security]", "--map", "m"});
  CHECK(twice.code == 2);
  CHECK(twice.err == "argmap: error: [BOMCA] supports [Security]: already in the map\n");
  CliResult dup = f.Run({"add", "statement", "BOMCA", "again", "--map", "m"});
  CHECK(dup.code == 2);
  CHECK(dup.err == "argmap: error: statement [BOMCA] already exists\n");
  CliResult role = f.Run({"add", "statement", "X", "x", "--map", "m", "--role", "goal"});
  CHECK(role.code == 2);
  CHECK(role.err == "argmap: error: unknown role 'goal'\n");
  CliResult nomap = f.Run({"link", "[A]", "supports", "[B]", "--map", "nope"});
  CHECK(nomap.code == 2);
  CHECK(nomap.err == "argmap: error: no map nope in store " + f.Store() + "\n");
  CliResult stats = f.Run({"stats", "--map", "m", "--format", "json"});
  CHECK(stats.out.find("\"statements\": 4") != std::string::npos);
  CHECK(stats.out.find("\"relations\": 3") != std::string::npos);
  CHECK(f.Run({"fsck"}).code == 0);
}

TEST_CASE("remove takes the node's relations and says what went", "[cli]") {
  CliFixture f;
  BuildPolicyMap(f);
  CliResult removed = f.Run({"remove", "[Regimes resourced]", "--map", "m"});
  CHECK(removed.code == 0);
  CHECK(removed.out ==
        "removed [Regimes resourced]\n"
        "removed relation [BOMCA] supports [Regimes resourced]\n"
        "removed relation [Regimes resourced] attacks [Democracy]\n");
  CHECK(f.Run({"show", "[Regimes resourced]", "--map", "m"}).code == 1);
  CHECK(f.Run({"show", "[Democracy]", "--map", "m"}).out ==
        "[Democracy] (objective, actor: EU)\n"
        "  Central Asia democratizes.\n"
        "no relations\n");
  CHECK(f.Run({"remove", "[Nothing]", "--map", "m"}).code == 1);
  CHECK(f.Run({"fsck"}).code == 0);
}

TEST_CASE("path, find, maps and stats answer from the store", "[cli]") {
  CliFixture f;
  BuildPolicyMap(f);
  CliResult minus = f.Run({"path", "[BOMCA]", "[Democracy]", "--map", "m", "--sign", "-"});
  CHECK(minus.code == 0);
  CHECK(minus.out ==
        "[BOMCA] --supports--> [Regimes resourced] --attacks--> [Democracy]\n"
        "sign: - (2 steps)\n");
  CliResult none = f.Run({"path", "[BOMCA]", "[Democracy]", "--map", "m", "--sign", "+"});
  CHECK(none.code == 1);
  CHECK(none.out == "no path of sign + from [BOMCA] to [Democracy]\n");

  CliResult found = f.Run({"find", "central", "ASIA", "--map", "m"});
  CHECK(found.code == 0);
  CHECK(found.out ==
        "[Security]: Central Asia is secure.\n"
        "[Democracy]: Central Asia democratizes.\n"
        "[BOMCA]: Border Management in Central Asia.\n");
  CHECK(f.Run({"find", "nothing-like-this", "--map", "m"}).code == 1);

  CliResult maps = f.Run({"maps"});
  CHECK(maps.out == "m\t4 statements, 0 arguments, 3 relations\n");
  CliResult stats = f.Run({"stats", "--map", "m"});
  CHECK(stats.code == 0);
  CHECK(stats.out.rfind("map: \"m\"\nstatements: 4\narguments: 0\nrelations: 3\n", 0) == 0);
}

TEST_CASE("usage errors exit 2 and --help exits 0", "[cli]") {
  CliFixture f;
  CliResult help = f.Run({"--help"});
  CHECK(help.code == 0);
  CHECK(help.out.find("import") != std::string::npos);
  CliResult sub_help = f.Run({"link", "--help"});
  CHECK(sub_help.code == 0);
  CHECK(sub_help.out.find("supports, attacks, undercuts or contradicts") != std::string::npos);
  CHECK(f.Run({}).code == 2);
  CHECK(f.Run({"frobnicate"}).code == 2);
  CHECK(f.Run({"link", "a", "loves", "b", "--map", "m"}).code == 2);
}

}  // namespace
}  // namespace argmap::testing
