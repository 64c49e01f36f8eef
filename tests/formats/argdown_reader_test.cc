// ReadArgdown, construct by construct and error by error: exact maps and exact error texts.
// (argdown_reader_reference_test.cc compares the same reader with the real Argdown CLI.)
#include "formats/argdown_reader.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "formats/argdown_lexer.h"

namespace argmap {
namespace {

struct Result {
  Status status;
  ArgumentMap map;
  std::vector<Diagnostic> diagnostics;
};

Result Read(std::string_view text, ArgdownReadOptions options = {}) {
  Result r;
  r.status = ReadArgdown(text, "in.argdown", &r.map, &r.diagnostics, options);
  return r;
}

std::string Diagnostics(const Result& r) {
  std::string out;
  for (const Diagnostic& d : r.diagnostics) out += FormatDiagnostic(d);
  return out;
}

// The map in one line per node and relation, for exact comparison.
std::string Dump(const ArgumentMap& map) {
  std::string out;
  auto name = [&](NodeId id) { return map.DisplayName(id); };
  for (const Statement& s : map.statements()) {
    out += "[" + s.title + "] \"" + s.text + "\"";
    if (s.role != Role::kClaim) out += " role=" + std::string(RoleName(s.role));
    if (s.thesis) out += " thesis";
    if (!s.actor.empty()) out += " actor=" + s.actor;
    if (!s.source.empty()) out += " source=" + s.source;
    if (!s.quote.empty()) out += " quote=" + s.quote;
    if (!s.section.empty()) out += " section=" + s.section;
    for (const std::string& tag : s.tags) out += " #" + tag;
    for (const auto& [key, value] : s.data) out += " " + key + "=" + value;
    out += "\n";
  }
  for (const Argument& a : map.arguments()) {
    out += "<" + a.title + "> \"" + a.text + "\"";
    if (!a.section.empty()) out += " section=" + a.section;
    for (const std::string& tag : a.tags) out += " #" + tag;
    for (const auto& [key, value] : a.data) out += " " + key + "=" + value;
    if (a.warrant != kNoNode) out += " warrant=" + name(a.warrant);
    out += "\n";
    for (const InferenceStep& step : a.steps) {
      out += "  ";
      for (NodeId p : step.premises) out += name(p) + " ";
      out +=
          (step.rule.empty() ? "--> " : "-- " + step.rule + " --> ") + name(step.conclusion) + "\n";
    }
  }
  for (const Relation& r : map.relations()) {
    out += name(r.from) + " " + std::string(RelationName(r.type)) + " " + name(r.to) + "\n";
  }
  return out;
}

std::string ReadAndDump(std::string_view text) {
  Result r = Read(text);
  INFO(Diagnostics(r));
  REQUIRE(r.status.ok());
  return Dump(r.map);
}

std::string ErrorsOf(std::string_view text, ArgdownReadOptions options = {}) {
  Result r = Read(text, options);
  CHECK_FALSE(r.status.ok());
  CHECK(r.status.code() == Status::Code::kInvalidInput);
  return Diagnostics(r);
}

// --- constructs ---------------------------------------------------------------------------

TEST_CASE("statements: definitions, references and untitled statements", "[formats][argdown]") {
  CHECK(ReadAndDump("[A]: The text of A.\n\n[A]\n\nAn untitled statement\non two lines.\n\n"
                    "Another one.\n") ==
        "[A] \"The text of A.\"\n"
        "[Untitled 1] \"An untitled statement on two lines.\"\n"
        "[Untitled 2] \"Another one.\"\n");
}

TEST_CASE("equivalent statements: the last definition's text wins unless one is canonical",
          "[formats][argdown]") {
  CHECK(ReadAndDump("[A]: first\n\n[A]: second\n\n[B]: chosen {isCanonical: true}\n\n"
                    "[B]: later\n") ==
        "[A] \"second\"\n"
        "[B] \"chosen\" isCanonical=true\n");
}

TEST_CASE("relations nest by indentation to any depth, with all seven symbols",
          "[formats][argdown]") {
  CHECK(ReadAndDump("[R]: root\n"
                    "  + [A]: a\n"
                    "    - [B]: b\n"
                    "      <+ [C]: c\n"
                    "        <- [D]: d\n"
                    "  +> [E]: e\n"
                    "  -> [F]: f\n"
                    "  >< [G]: g\n"
                    "  - <X>: an argument\n"
                    "    _> <Y>: undercut by X\n"
                    "    <_ [H]: undercuts X\n"
                    "    _ [I]: undercuts X too\n") ==
        "[R] \"root\"\n[A] \"a\"\n[B] \"b\"\n[C] \"c\"\n[D] \"d\"\n[E] \"e\"\n[F] \"f\"\n"
        "[G] \"g\"\n[H] \"undercuts X\"\n[I] \"undercuts X too\"\n"
        "<X> \"an argument\"\n<Y> \"undercut by X\"\n"
        "[D] attacks [C]\n[C] supports [B]\n[B] attacks [A]\n[A] supports [R]\n"
        "[R] supports [E]\n[R] attacks [F]\n[R] contradicts [G]\n"
        "<X> undercuts <Y>\n[H] undercuts <X>\n[I] undercuts <X>\n<X> attacks [R]\n");
}

TEST_CASE("a 10,000-level indentation chain reads without deep recursion", "[formats][argdown]") {
  std::string text = "[S0]: root\n";
  for (int i = 1; i <= 10000; ++i) {
    text += std::string(i, ' ') + "+ [S" + std::to_string(i) + "]: s\n";
  }
  Result r = Read(text);
  REQUIRE(r.status.ok());
  CHECK(r.map.statements().size() == 10001);
  CHECK(r.map.relations().size() == 10000);
  CHECK(r.map.DisplayName(r.map.relations().front().from) == "[S10000]");
}

TEST_CASE("arguments: definitions, references, and relations of a reconstructed argument",
          "[formats][argdown]") {
  // Argdown moves a reconstructed argument's relations to its main conclusion and drops its
  // support of its own conclusion.
  CHECK(ReadAndDump("[C]: the conclusion\n  + <A>\n\n<A>: gist of A\n\n(1) [P]: premise\n----\n"
                    "(2) [C]\n\n<A>\n  +> [D]: beyond\n  - [E]: against A\n") ==
        "[C] \"the conclusion\"\n[P] \"premise\"\n[D] \"beyond\"\n[E] \"against A\"\n"
        "<A> \"gist of A\"\n  [P] --> [C]\n"
        "[C] supports [D]\n[E] attacks <A>\n");
}

TEST_CASE("premise-conclusion structures with several inference steps", "[formats][argdown]") {
  CHECK(ReadAndDump("<Chain>: gist\n\n(1) [P1]: p1\n(2) [R]: the rule #warrant\n"
                    "-- modus ponens, conjunction --\n(3) [I]: intermediate\n(4) [P2]: p2\n"
                    "----\n(5) [C]: conclusion\n") ==
        "[P1] \"p1\"\n[R] \"the rule\" role=warrant\n[I] \"intermediate\"\n[P2] \"p2\"\n"
        "[C] \"conclusion\"\n"
        "<Chain> \"gist\" warrant=[R]\n"
        "  [P1] [R] -- modus ponens, conjunction --> [I]\n"
        "  [I] [P2] --> [C]\n");
}

TEST_CASE("inference data uses: [...] names a step's premises", "[formats][argdown]") {
  CHECK(ReadAndDump("(1) [P1]: p1\n(2) [P2]: p2\n-- {uses: [1]} --\n(3) [I]: i\n"
                    "-- r {uses: [2, 3]} --\n(4) [C]: c\n") ==
        "[P1] \"p1\"\n[P2] \"p2\"\n[I] \"i\"\n[C] \"c\"\n"
        "<Untitled 1> \"\"\n  [P1] --> [I]\n  [P2] [I] -- r --> [C]\n");
}

TEST_CASE("headings give sections; a statement keeps its first defining section",
          "[formats][argdown]") {
  CHECK(ReadAndDump("# One\n\n[A]: a\n\n## Two #tagged {isGroup: true}\n\n[B]: b\n  + [A]\n\n"
                    "# Three\n\n[A]: a again\n\n<X>: x\n") ==
        "[A] \"a again\" section=One\n[B] \"b\" section=Two #tagged\n"
        "<X> \"x\" section=Three\n"
        "[A] supports [B]\n");
}

TEST_CASE("tags: #word and #(several words), kept out of the text", "[formats][argdown]") {
  CHECK(ReadAndDump("[A]: Text #one and #(two words) here. #one\n\n<B>: gist #arg\n") ==
        "[A] \"Text and here.\" #one #two words\n<B> \"gist\" #arg\n");
}

TEST_CASE("data: flow and block style, merged over equivalent statements", "[formats][argdown]") {
  CHECK(ReadAndDump("[A]: a {k: v, n: 1, list: [x, \"y z\"], o: {p: true}}\n\n"
                    "[A]: again {\n  n: 2\n  list:\n    - w\n  extra: ~\n}\n") ==
        "[A] \"again\" k=\"v\" n=2 list=[\"w\",\"y z\"] o={\"p\":true} extra=null\n");
}

TEST_CASE("numbers as data keys are named as JavaScript names them", "[formats][argdown]") {
  // js-yaml reads these keys as numbers and JavaScript's String() names them: whole numbers
  // below 1e21 with their shortest digits padded with zeros (a key beyond 2^63 once overflowed
  // a conversion to a 64-bit integer: fuzz finding 6).
  CHECK(ReadAndDump("[A]: a {10248191152060862009: x, 1.5e3: y, 0.5: z, 1e21: w, "
                    "-123456789012345678901: v, -0.0: u}\n") ==
        "[A] \"a\" 10248191152060862000=\"x\" 1500=\"y\" 0.5=\"z\" 1e+21=\"w\" "
        "-123456789012345680000=\"v\" 0=\"u\"\n");
}

TEST_CASE("front matter: title, metadata and strict mode", "[formats][argdown]") {
  Result r = Read(
      "===\ntitle: My map\nauthor: Me\nmodel:\n  mode: strict\n===\n\n"
      "[A]: a\n  + [B]: b\n  - [C]: c\n\n[C]\n  - [A]\n");
  REQUIRE(r.status.ok());
  CHECK(r.map.title() == "My map");
  CHECK(r.map.metadata() == DataEntries{{"author", "\"Me\""}, {"model", "{\"mode\":\"strict\"}"}});
  // Strict mode: entailment is support, contrariety (once per pair) is contradiction.
  CHECK(Dump(r.map) == "[A] \"a\"\n[B] \"b\"\n[C] \"c\"\n[B] supports [A]\n[C] contradicts [A]\n");
}

TEST_CASE("roles, thesis, actor, source and quote come from tags and data", "[formats][argdown]") {
  CHECK(ReadAndDump(
            "[O]: objective #objective {actor: EU}\n\n"
            "[Act]: action {role: action, actor: \"EU\", source: \"European Union 2007: 27\"}\n\n"
            "[Ev]: evidence #evidence {quote: \"in their words\", source: Moschini 2008}\n\n"
            "[T]: a thesis #thesis #other\n\n[T2]: another {thesis: true, weight: 2}\n\n"
            "[B]: backing #backing\n\n[As]: assumed #assumption\n\n[W]: warrant #warrant\n") ==
        "[O] \"objective\" role=objective actor=EU\n"
        "[Act] \"action\" role=action actor=EU source=European Union 2007: 27\n"
        "[Ev] \"evidence\" role=evidence source=Moschini 2008 quote=in their words\n"
        "[T] \"a thesis\" thesis #other\n[T2] \"another\" thesis weight=2\n"
        "[B] \"backing\" role=backing\n[As] \"assumed\" role=assumption\n"
        "[W] \"warrant\" role=warrant\n");
}

TEST_CASE("comments are skipped", "[formats][argdown]") {
  CHECK(ReadAndDump("// line\n[A]: a // trailing\n  /* block */\n  + [B]: b <!-- html -->\n\n"
                    "<!--\n[Hidden]: no\n-->\n\n[C]: c\n") ==
        "[A] \"a\"\n[B] \"b\"\n[C] \"c\"\n[B] supports [A]\n");
}

TEST_CASE("emphasis, links, mentions, escapes and shortcodes in texts", "[formats][argdown]") {
  CHECK(ReadAndDump("[A]: *i* **b** _i_ __b__ and ***both***.\n\n"
                    "[B]: See [the report](https://x.org/r) on @[A].\n\n"
                    "[C]: \\*literal\\* \\[x\\] .A.x .->. :+1:\n") ==
        "[A] \"i b i b and both.\"\n"
        "[B] \"See [the report](https://x.org/r) on @[A].\"\n"
        "[C] \"*literal* [x] ∀x → 👍\"\n");
}

TEST_CASE("lists: items are statements or arguments with relations", "[formats][argdown]") {
  CHECK(ReadAndDump("* [A]: a\n* [B]: b\n  + [C]: c\n\n1. <D>: d\n2. [E]: e\n") ==
        "[A] \"a\"\n[B] \"b\"\n[C] \"c\"\n[E] \"e\"\n<D> \"d\"\n[C] supports [B]\n");
}

TEST_CASE("undercuts: of an argument, under an inference line, under a conclusion",
          "[formats][argdown]") {
  CHECK(ReadAndDump("<T>: t\n\n(1) [P]: p\n-- r --\n  <_ [U1]: u1\n(2) [C]: c\n  <_ [U2]: u2\n\n"
                    "<T>\n  <_ [U3]: u3\n\n<O>: o\n  _> <T>\n") ==
        "[P] \"p\"\n[U1] \"u1\"\n[C] \"c\"\n[U2] \"u2\"\n[U3] \"u3\"\n"
        "<T> \"t\"\n  [P] -- r --> [C]\n<O> \"o\"\n"
        "[U1] undercuts <T>\n[U2] undercuts <T>\n[U3] undercuts <T>\n<O> undercuts <T>\n");
}

TEST_CASE("a relation of a statement to itself is kept unless one of its kind points there",
          "[formats][argdown]") {
  // Argdown finds the duplicate of a relation among those of its source with the same target
  // and type, which for a relation to itself includes every relation into the statement.
  CHECK(ReadAndDump("[A]: a\n  +> [A]\n") == "[A] \"a\"\n[A] supports [A]\n");
  CHECK(ReadAndDump("[A]: a\n  +> [A]\n    + [B]: b\n") ==
        "[A] \"a\"\n[B] \"b\"\n[B] supports [A]\n");
}

TEST_CASE("a large map's repeated relations go as in a small one", "[formats][argdown]") {
  // Large enough (over a megabyte, tens of thousands of relations) for the lexing thread and
  // the batch de-duplication; each rule of the small cases above, many times over.
  constexpr int kBlocks = 12'000;
  std::string text;
  for (int i = 0; i < kBlocks; ++i) {
    const std::string n = std::to_string(i), next = std::to_string(i + 1);
    text += "[S" + n + "]: statement " + n + " with some words to make the map larger\n";
    if (i + 1 < kBlocks) text += "  + [S" + next + "]\n  + [S" + next + "]\n";  // twice
    text += "  >< [T" + n + "]: the other of " + n + "\n\n";
    text += "[T" + n + "]\n  >< [S" + n + "]\n\n";  // the same contradiction, the other way
  }
  for (int i = 0; i < kBlocks; i += 100) {
    // [S i] has a support already, so its support of itself goes; [T i] has none.
    text += "[S" + std::to_string(i) + "]\n  +> [S" + std::to_string(i) + "]\n\n";
    text += "[T" + std::to_string(i) + "]\n  +> [T" + std::to_string(i) + "]\n\n";
  }
  REQUIRE(text.size() > (1u << 20));
  Result r = Read(text);
  REQUIRE(r.status.ok());
  std::map<std::string, int> count;
  size_t self_supports_of_s = 0, self_supports_of_t = 0, wrong_supports = 0;
  for (const Relation& rel : r.map.relations()) {
    ++count[std::string(RelationName(rel.type))];
    if (rel.type != RelationType::kSupports) continue;
    const std::string from(r.map.TitleOf(rel.from)), to(r.map.TitleOf(rel.to));
    if (from == to) {
      (from[0] == 'S' ? self_supports_of_s : self_supports_of_t) += 1;
    } else if (std::stoi(from.substr(1)) != std::stoi(to.substr(1)) + 1) {
      ++wrong_supports;
    }
  }
  CHECK(count["supports"] == kBlocks - 1 + kBlocks / 100);
  CHECK(count["contradicts"] == kBlocks);
  CHECK(count.size() == 2);
  CHECK(self_supports_of_s == 0);
  CHECK(self_supports_of_t == kBlocks / 100);
  CHECK(wrong_supports == 0);
}

TEST_CASE("an attack on an argument that repeats an attack on its premise goes",
          "[formats][argdown]") {
  CHECK(ReadAndDump("<A>: a\n\n(1) [P]: p\n----\n(2) [C]: c\n\n[X]: x\n  -> [P]\n  -> <A>\n") ==
        "[P] \"p\"\n[C] \"c\"\n[X] \"x\"\n<A> \"a\"\n  [P] --> [C]\n[X] attacks [P]\n");
}

TEST_CASE("a reference to an undefined title makes an empty node and warns", "[formats][argdown]") {
  Result r = Read("[A]: a\n  + [Missing]\n  - <Gone>\n");
  REQUIRE(r.status.ok());
  CHECK(Dump(r.map) ==
        "[A] \"a\"\n[Missing] \"\"\n<Gone> \"\"\n[Missing] supports [A]\n<Gone> attacks [A]\n");
  CHECK(Diagnostics(r) ==
        "in.argdown:2:5: warning: [Missing] is never defined; it gets an empty text\n"
        "  + [Missing]\n"
        "    ^\n"
        "in.argdown:3:5: warning: <Gone> is never defined; it gets an empty text\n"
        "  - <Gone>\n"
        "    ^\n");
}

TEST_CASE("a reference whose title starts with a line break is untitled, as in Argdown",
          "[formats][argdown]") {
  // Argdown's title pattern (.+) cannot start at a line terminator: such a reference is a new
  // untitled node. Each of JavaScript's four line terminators, in statements and arguments.
  for (std::string_view terminator : {"\n", "\r", "\xE2\x80\xA8", "\xE2\x80\xA9"}) {
    std::string text =
        "[A]: a\n  + [" + std::string(terminator) + "B]\n  - <" + std::string(terminator) + "C>\n";
    Result r = Read(text);
    INFO(text);
    REQUIRE(r.status.ok());
    CHECK(Dump(r.map) ==
          "[A] \"a\"\n[Untitled 1] \"\"\n<Untitled 2> \"\"\n[Untitled 1] supports [A]\n"
          "<Untitled 2> attacks [A]\n");
  }
}

TEST_CASE("a byte order mark and Windows line endings are read", "[formats][argdown]") {
  CHECK(ReadAndDump("\xEF\xBB\xBF# H\r\n\r\n[A]: a\r\n  + [B]: b\r\n") ==
        "[A] \"a\" section=H\n[B] \"b\" section=H\n[B] supports [A]\n");
}

TEST_CASE("the map must be empty", "[formats][argdown]") {
  ArgumentMap map;
  Statement s;
  s.title = "X";
  REQUIRE(map.AddStatement(s).ok());
  std::vector<Diagnostic> diagnostics;
  Status status = ReadArgdown("[A]: a\n", "f", &map, &diagnostics);
  CHECK(status.message() == "ReadArgdown needs an empty map");
}

// --- errors ---------------------------------------------------------------------------------

TEST_CASE("syntax errors name file, line and column, show the line and a caret",
          "[formats][argdown]") {
  CHECK(ErrorsOf("[A]:\n\n[B]: b\n") ==
        "in.argdown:1:5: error: the statement definition '[A]:' needs text on the same line; to "
        "refer to the statement without defining it, leave out the colon\n"
        "[A]:\n"
        "    ^\n");
  CHECK(ErrorsOf("<A>:\n\n[B]: b\n") ==
        "in.argdown:1:5: error: the argument definition '<A>:' needs text on the same line; to "
        "refer to the argument without defining it, leave out the colon\n"
        "<A>:\n"
        "    ^\n");
  CHECK(ErrorsOf("[A]: a snake_case word\n") ==
        "in.argdown:1:23: error: italic text opened with '_' at 1:13 is not closed; end it with "
        "'_', or write \\_ for a literal '_'\n"
        "[A]: a snake_case word\n"
        "                      ^\n");
  CHECK(ErrorsOf("[A]: a\n\n  + [B]: b\n") ==
        "in.argdown:3:3: error: a paragraph may not start with a relation; remove the empty line "
        "above it to attach it to the statement or argument there\n"
        "  + [B]: b\n"
        "  ^\n");
  CHECK(ErrorsOf("[A]: a\n    + [B]: b\n  + [C]: c\n") ==
        "in.argdown:3:3: error: misplaced relation: indent a relation under the statement or "
        "argument it belongs to, as deep as the relations beside it\n"
        "  + [C]: c\n"
        "  ^\n");
  CHECK(ErrorsOf("Some text [A] more.\n") ==
        "in.argdown:1:11: error: a statement reference ([Title]) '[A]' must begin a paragraph "
        "or follow a relation symbol; to name a statement inside a text write @[Title]\n"
        "Some text [A] more.\n"
        "          ^\n");
  CHECK(ErrorsOf("[A]: a\n  +\n\n[B]: b\n") ==
        "in.argdown:2:4: error: the relation '+' needs a statement or argument after it\n"
        "  +\n"
        "   ^\n");
}

TEST_CASE("errors in premise-conclusion structures", "[formats][argdown]") {
  CHECK(ErrorsOf("(1) p\n(2) q\n") ==
        "in.argdown:2:6: error: a premise-conclusion structure needs an inference line (----) "
        "and a numbered conclusion after its premises\n"
        "(2) q\n"
        "     ^\n");
  CHECK(ErrorsOf("(1) p\n----\n(2) c\n(3) q\n") ==
        "in.argdown:4:6: error: a premise-conclusion structure must end with a conclusion (a "
        "numbered statement after an inference line)\n"
        "(3) q\n"
        "     ^\n");
  CHECK(ErrorsOf("(1) p\n-- rule\n(2) c\n") ==
        "in.argdown:3:1: error: an inference line must end with '--' (e.g. '-- modus ponens --' "
        "or '----')\n"
        "(2) c\n"
        "^\n");
  // Argdown reports the same two errors: the second follows from the first.
  CHECK(ErrorsOf("(1) p\n----\n\n(2) c\n") ==
        "in.argdown:2:5: error: an inference line must be followed by its numbered conclusion "
        "on the next line\n"
        "----\n"
        "    ^\n"
        "in.argdown:4:6: error: a premise-conclusion structure needs an inference line (----) "
        "and a numbered conclusion after its premises\n"
        "(2) c\n"
        "     ^\n");
  CHECK(ErrorsOf("(1) p\n----\n\n") ==
        "in.argdown:2:5: error: an inference line must be followed by its numbered conclusion "
        "on the next line\n"
        "----\n"
        "    ^\n");
  CHECK(ErrorsOf("(1) p\n---- x\n(2) c\n") ==
        "in.argdown:2:6: error: the line must end after the closing '--' of an inference line\n"
        "---- x\n"
        "     ^\n");
  CHECK(ErrorsOf("(1) <A>\n----\n(2) c\n") ==
        "in.argdown:1:5: error: a numbered statement cannot be an argument ('<A>'); use a "
        "statement, e.g. [Title]\n"
        "(1) <A>\n"
        "    ^\n");
  CHECK(ErrorsOf("<A>: a\n\n(1) p\n----\n(2) c\n\n<A>\n\n(1) q\n----\n(2) d\n") ==
        "in.argdown:9:1: error: <A> already has a premise-conclusion structure (at 3:1)\n"
        "(1) q\n"
        "^\n");
  CHECK(ErrorsOf("(1) p\n-- r {certainty: high} --\n(2) c\n") ==
        "in.argdown:2:6: error: unsupported: data on an inference line ('certainty'); argmap "
        "keeps only uses and from\n"
        "-- r {certainty: high} --\n"
        "     ^\n");
  CHECK(ErrorsOf("(1) p\n-- {uses: [2]} --\n(2) c\n") ==
        "in.argdown:2:4: error: uses: 2 is not the number of a statement before (2) in "
        "<Untitled 1>\n"
        "-- {uses: [2]} --\n"
        "   ^\n");
}

TEST_CASE("contradictory declarations are errors", "[formats][argdown]") {
  CHECK(ErrorsOf("[A]: a #objective\n\n[A]: again {role: action}\n") ==
        "in.argdown:3:12: error: [A] has two roles: objective (at 1:8) and action\n"
        "[A]: again {role: action}\n"
        "           ^\n");
  CHECK(ErrorsOf("[A]: a {role: goal}\n") ==
        "in.argdown:1:8: error: unknown role \"goal\" (roles: claim, evidence, warrant, backing, "
        "assumption, objective, action)\n"
        "[A]: a {role: goal}\n"
        "       ^\n");
  CHECK(ErrorsOf("[A]: a {thesis: yes}\n") ==
        "in.argdown:1:8: error: thesis must be true or false, not \"yes\"\n"
        "[A]: a {thesis: yes}\n"
        "       ^\n");
  CHECK(ErrorsOf("[A]: a {actor: [EU]}\n") ==
        "in.argdown:1:8: error: actor must be a text, not [\"EU\"]\n"
        "[A]: a {actor: [EU]}\n"
        "       ^\n");
  CHECK(ErrorsOf("[A]: a {actor: EU}\n\n[A] {actor: US}\n") ==
        "in.argdown:3:5: error: [A] has two actors: 'EU' (at 1:8) and 'US'\n"
        "[A] {actor: US}\n"
        "    ^\n");
  CHECK(ErrorsOf("[A]: a\n  _> [B]: b\n") ==
        "in.argdown:2:3: error: an undercut must be aimed at an argument, but [B] is a "
        "statement\n"
        "  _> [B]: b\n"
        "  ^\n");
  CHECK(ErrorsOf("[A]: a\n  <_ [B]: b\n") ==
        "in.argdown:2:3: error: an undercut must be aimed at an argument, but [A] is a "
        "statement\n"
        "  <_ [B]: b\n"
        "  ^\n");
  CHECK(ErrorsOf("[A]: a\n  >< <B>\n") ==
        "in.argdown:2:6: error: a contradiction (><) needs a statement, not the argument '<B>'\n"
        "  >< <B>\n"
        "     ^\n");
  CHECK(ErrorsOf("<B>: b\n  >< [A]: a\n") ==
        "in.argdown:2:3: error: only statements can contradict each other, but <B> is an "
        "argument\n"
        "  >< [A]: a\n"
        "  ^\n");
  CHECK(ErrorsOf("[A]: a\n  >< [A]\n") ==
        "in.argdown:2:3: error: [A] cannot contradict itself\n"
        "  >< [A]\n"
        "  ^\n");
  CHECK(ErrorsOf("<A>: a\n\n(1) p\n----\n(2) i\n  <_ [U]: u\n----\n(3) c\n") ==
        "in.argdown:6:3: error: unsupported: an undercut of inference step 1 of <A>; argmap can "
        "undercut only an argument's last inference\n"
        "  <_ [U]: u\n"
        "  ^\n");
}

TEST_CASE("unsupported constructs are named", "[formats][argdown]") {
  CHECK(ErrorsOf("# H {color: red}\n\n[A]: a\n") ==
        "in.argdown:1:5: error: unsupported: data on a heading ('color'); argmap ignores only "
        "isGroup and isClosed there\n"
        "# H {color: red}\n"
        "    ^\n");
  CHECK(ErrorsOf("===\nmodel:\n  explodeArguments: true\n===\n\n[A]: a\n") ==
        "in.argdown:1:1: error: unsupported: the model setting 'explodeArguments' in the front "
        "matter (argmap knows only mode)\n"
        "===\n"
        "^\n");
  CHECK(ErrorsOf("[A]: a {x: &anchor 1}\n") ==
        "in.argdown:1:12: error: unsupported: YAML anchors (&) in data\n"
        "[A]: a {x: &anchor 1}\n"
        "           ^\n");
  CHECK(ErrorsOf("@include(other.argdown)\n\n[A]: a\n") ==
        "in.argdown:1:1: error: unsupported: @include(other.argdown) (argmap reads one file; "
        "paste the included text instead)\n"
        "@include(other.argdown)\n"
        "^\n");
}

TEST_CASE("other errors of the file's structure", "[formats][argdown]") {
  CHECK(ErrorsOf("// nothing\n") ==
        "in.argdown:1:11: error: the file contains no statement or argument\n"
        "// nothing\n"
        "          ^\n");
  CHECK(ErrorsOf("===\ntitle: t\n===\n[A]: a\n") ==
        "in.argdown:4:1: error: the front matter must be followed by an empty line\n"
        "[A]: a\n"
        "^\n");
  CHECK(ErrorsOf("[A]: a\n\n===\ntitle: t\n===\n") ==
        "in.argdown:3:1: error: front matter (=== ... ===) may only stand at the start of the "
        "file\n"
        "===\n"
        "^\n");
  CHECK(ErrorsOf("[A]: ends with \\\n") ==
        "in.argdown:1:16: error: a backslash must escape a character on the same line (write "
        "\\\\ for a backslash)\n"
        "[A]: ends with \\\n"
        "               ^\n");
  CHECK(ErrorsOf("[A]: a [link\nover lines](http://x.org)\n") ==
        "in.argdown:1:8: error: a link ([text](url)) may not span lines\n"
        "[A]: a [link\n"
        "       ^\n");
  CHECK(ErrorsOf("* a\n  * b\n") ==
        "in.argdown:2:3: error: lists may not be nested\n"
        "  * b\n"
        "  ^\n");
  CHECK(ErrorsOf("[A]: a {k: [1, 2}\n") ==
        "in.argdown:1:17: error: invalid data: expected ',' or ']' in data\n"
        "[A]: a {k: [1, 2}\n"
        "                ^\n");
  CHECK(ErrorsOf("[A]: a {k: 1, k: 2}\n") ==
        "in.argdown:1:15: error: invalid data: duplicated key 'k' in data\n"
        "[A]: a {k: 1, k: 2}\n"
        "              ^\n");
}

TEST_CASE("every error is reported, not only the first", "[formats][argdown]") {
  CHECK(ErrorsOf("[A]:\n\n[B]: snake_case\n\n[C]: c\n\n  + [D]: d\n") ==
        "in.argdown:1:5: error: the statement definition '[A]:' needs text on the same line; to "
        "refer to the statement without defining it, leave out the colon\n"
        "[A]:\n"
        "    ^\n"
        "in.argdown:3:16: error: italic text opened with '_' at 3:11 is not closed; end it with "
        "'_', or write \\_ for a literal '_'\n"
        "[B]: snake_case\n"
        "               ^\n"
        "in.argdown:7:3: error: a paragraph may not start with a relation; remove the empty line "
        "above it to attach it to the statement or argument there\n"
        "  + [D]: d\n"
        "  ^\n");
}

TEST_CASE("reading stops after max_errors errors", "[formats][argdown]") {
  std::string text;
  for (int i = 0; i < 5; ++i) text += "[A" + std::to_string(i) + "] a_b\n\n";
  ArgdownReadOptions options;
  options.max_errors = 2;
  Result r = Read(text, options);
  CHECK(r.diagnostics.size() == 3);
  CHECK(r.diagnostics[2].message == "too many errors (2); stopping");
  CHECK(r.status.message() == "in.argdown: 2 errors");
}

TEST_CASE("invalid UTF-8 is an error at its position", "[formats][argdown]") {
  CHECK(ErrorsOf("[A]: ok\n[B]: b\xC3(\n\xFF") ==
        "in.argdown:2:7: error: invalid UTF-8 (byte 0xC3)\n"
        "[B]: b?(\n"
        "      ^\n"
        "in.argdown:3:1: error: invalid UTF-8 (byte 0xFF)\n"
        "?\n"
        "^\n");
}

TEST_CASE("the caret follows tabs and a long line is cut around the column", "[formats][argdown]") {
  CHECK(ErrorsOf("[A]:\ta\n\t+\n\n[B]: b\n") ==
        "in.argdown:2:3: error: the relation '+' needs a statement or argument after it\n"
        "\t+\n"
        "\t ^\n");
  std::string line = "[A]: " + std::string(20'000'000, 'x') + " snake_case";
  Result r = Read(line + "\n");
  REQUIRE(r.diagnostics.size() == 1);
  const Diagnostic& d = r.diagnostics[0];
  CHECK(d.line == 1);
  CHECK(d.column == 20'000'017);
  CHECK(d.line_text == "..." + std::string(69, 'x') + " snake_case");
  CHECK(d.caret_column == 84);
  CHECK(FormatDiagnostic(d).substr(FormatDiagnostic(d).size() - 4) == "  ^\n");
}

TEST_CASE("a 20 MB line of text reads", "[formats][argdown]") {
  Result r = Read("[A]: " + std::string(20'000'000, 'y') + "\n");
  REQUIRE(r.status.ok());
  CHECK(r.map.statements()[0].text.size() == 20'000'000);
}

TEST_CASE("pathological inputs stay bounded", "[formats][argdown]") {
  // Each of these makes a naive regex-style lexer search to the end of the text for every
  // character; they must come back (with a result or an error).
  // Smaller under the sanitizers, which run ten times slower.
  const size_t size = std::getenv("ARGMAP_SANITIZED") ? 300'000 : 2'000'000;
  for (std::string unit : {"[", "{", "<", "<!--", "/*", "===", "@[", "#(", ".", "*", "_", "\\"}) {
    std::string text = "a ";
    while (text.size() < size) text += unit;
    Result r = Read(text);
    INFO(unit);
    CHECK(r.diagnostics.size() <= 101);
  }
  std::string nested = "[A]: a {x: ";
  for (int i = 0; i < 10000; ++i) nested += "[";
  Result r = Read(nested + "}\n");
  CHECK(Diagnostics(r).find("data nested deeper than 64 levels") != std::string::npos);
}

// --- the lexer --------------------------------------------------------------------------

// The texts of the tokens, separated by |.
std::string Tokens(std::string_view text) {
  ArgdownLexer lexer(text);
  std::string out;
  for (Token t = lexer.Next(); t.type != ArgdownToken::kEof; t = lexer.Next()) {
    out += std::string(t.text(text)) + "|";
  }
  return out;
}

TEST_CASE("the lexer emits Indent and Dedent around nested relations", "[formats][argdown]") {
  ArgdownLexer lexer("[A]: a\n  + b\n    - c\n  + d\n");
  std::vector<ArgdownToken> types;
  for (Token t = lexer.Next(); t.type != ArgdownToken::kEof; t = lexer.Next()) {
    types.push_back(t.type);
  }
  using T = ArgdownToken;
  CHECK(types == std::vector<T>{T::kStatementDefinition, T::kFreestyle, T::kNewline, T::kIndent,
                                T::kOutgoingSupport, T::kFreestyle, T::kNewline, T::kIndent,
                                T::kOutgoingAttack, T::kFreestyle, T::kNewline, T::kDedent,
                                T::kOutgoingSupport, T::kFreestyle, T::kNewline, T::kDedent});
}

TEST_CASE("the lexer drops a trailing empty line and keeps inner ones", "[formats][argdown]") {
  using T = ArgdownToken;
  ArgdownLexer lexer("a\n\nb\n\n\n");
  std::vector<T> types;
  for (Token t = lexer.Next(); t.type != T::kEof; t = lexer.Next()) types.push_back(t.type);
  CHECK(types == std::vector<T>{T::kFreestyle, T::kEmptyline, T::kFreestyle});
}

TEST_CASE("the lexer reads an inference line in its own mode", "[formats][argdown]") {
  CHECK(Tokens("(1) p\n-- r, s {uses: [1]} --\n(2) c\n") ==
        "(1)|p|\n|--|r|,|s |{uses: [1]}|--|\n|(2)|c|\n|");
  // Outside an inference line "--" in a text is two dashes.
  CHECK(Tokens("x -- y\n") == "x |-|- |y|\n|");
}

}  // namespace
}  // namespace argmap
