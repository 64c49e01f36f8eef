#!/usr/bin/env python3
"""Generates a deterministic, valid Argdown policy map of a given size, for benchmarks.

    gen_map.py --statements N [--objectives 20] [--actions 200] [--seed 1] [--stats] > map.argdown

The same arguments give the same bytes (Python 3 standard library only; random.Random with a
fixed seed, drawing only through random()). Time and memory are linear in N.

Shape of the map (see bench/README.md):
- statements are numbered 0..N-1 and titled after their role: [Objective 3], [Action 17],
  [Claim 42], [Evidence 9], [Warrant 5], [Backing 2], [Assumption 7]; a few claims are #thesis.
  Objectives are 0..O-1; actions are spread evenly over the rest.
- relations (about 1.5 per statement: supports, attacks, contradictions, undercuts) run from a
  statement to one defined before it (mostly nearby, sometimes anywhere), so supports, premises
  and conclusions form a DAG towards the objectives; planted back edges then close a known
  number of small support cycles (some through an argument).
- about N/6 arguments with one or two inference steps; premises and conclusions are references
  to statements defined before the argument, premises later than their conclusion.
- evidence with and without {source: ...}, warrants (some backed), assumptions, orphans, and a
  couple of objectives that attack other objectives.
"""

import argparse
import bisect
import gc
import random
import sys

# Roles, as small integers (the role array is a bytearray of these).
OBJECTIVE, ACTION, CLAIM, EVIDENCE, WARRANT, BACKING, ASSUMPTION, ORPHAN = range(8)
ROLE_NAME = ["Objective", "Action", "Claim", "Evidence", "Warrant", "Backing", "Assumption",
             "Claim"]
ROLE_TAG = [" #objective", " #action", "", " #evidence", " #warrant", " #backing",
            " #assumption", ""]

# Shares of the statements that are neither objectives nor actions.
SHARE_EVIDENCE = 0.12
SHARE_WARRANT = 0.03
SHARE_BACKING = 0.01
SHARE_ASSUMPTION = 0.01
SHARE_ORPHAN = 0.005

# Outgoing relations per relation-bearing statement: 0..3 with these weights (mean 1.55).
OUT_DEGREE_WEIGHTS = (0.10, 0.40, 0.35, 0.15)
# Relation types, by share of the drawn relations.
SHARE_SUPPORT = 0.55
SHARE_ATTACK = 0.27
SHARE_CONTRADICT = 0.08  # the rest (0.10) undercut an argument
LOCAL_WINDOW = 64  # a "nearby" target lies at most this many statements back
SHARE_LOCAL = 0.7
SHARE_ARGUMENTS = 1 / 6
SHARE_TWO_STEP = 0.3
SHARE_WITH_WARRANT = 0.6
SHARE_SOURCED = 0.5
SECTION_EVERY = 500

WORDS = ("the policy border region state trade reform security market council budget program "
         "support local rule law public aid plan risk cost growth migration crime control "
         "agency report data survey effect impact level rate share access service network "
         "partner regime society resistance cooperation stability prosperity development "
         "people work health school water energy transport route customs office training "
         "equipment funding strategy objective threat challenge").split()
WORDS_TWICE = WORDS + WORDS
ACTORS = ("EU", "Central Asian governments", "Member states", "Civil society", "OSCE")


class Rng:
    """A seeded stream of draws; only random() is used, so the stream is stable across
    Python versions."""

    def __init__(self, seed):
        self._random = random.Random(seed).random

    def below(self, n):
        return int(self._random() * n)

    def chance(self, p):
        return self._random() < p

    def weighted(self, weights):
        r = self._random()
        for i, w in enumerate(weights):
            r -= w
            if r < 0:
                return i
        return len(weights) - 1


class Pool:
    """Statement indices of some roles, in increasing order, for uniform or nearby draws
    below a bound."""

    def __init__(self, indices):
        self.indices = indices

    def draw_below(self, rng, bound, local):
        """An index < bound (nearby when local), or None when there is none."""
        hi = bisect.bisect_left(self.indices, bound)
        if hi == 0:
            return None
        lo = bisect.bisect_left(self.indices, bound - LOCAL_WINDOW) if local else 0
        return self.indices[lo + rng.below(hi - lo)]

    def draw_between(self, rng, low, high):
        """An index in (low, high), or None."""
        lo = bisect.bisect_right(self.indices, low)
        hi = bisect.bisect_left(self.indices, high)
        if lo >= hi:
            return None
        return self.indices[lo + rng.below(hi - lo)]


def assign_roles(rng, n, objectives, actions):
    roles = bytearray(n)
    for i in range(objectives, n):
        roles[i] = draw_plain_role(rng)
    for k in range(actions):
        roles[objectives + (k * (n - objectives)) // actions] = ACTION
    for i in range(objectives):
        roles[i] = OBJECTIVE
    return roles


def draw_plain_role(rng):
    r = rng.below(1_000_000) / 1_000_000
    for role, share in ((EVIDENCE, SHARE_EVIDENCE), (WARRANT, SHARE_WARRANT),
                        (BACKING, SHARE_BACKING), (ASSUMPTION, SHARE_ASSUMPTION),
                        (ORPHAN, SHARE_ORPHAN)):
        if r < share:
            return role
        r -= share
    return CLAIM


def pick_theses(rng, roles):
    """A few claims, in the middle third of the map, so that they have supporters."""
    n = len(roles)
    count = 3 + max(0, n.bit_length() - 10)  # 3 at 1k, 7 at 10k, 10 at 100k, 13 at 1M
    theses = set()
    for _ in range(count * 20):
        if len(theses) == count:
            break
        i = n // 3 + rng.below(max(1, n // 3))
        if roles[i] == CLAIM:
            theses.add(i)
    return theses


class MapGenerator:
    """Draws the whole map (relations, arguments, planted cycles) into compact per-statement
    lists, then writes it as Argdown in one pass."""

    def __init__(self, n, objectives, actions, seed):
        self.rng = Rng(seed)
        self.n = n
        self.roles = assign_roles(self.rng, n, objectives, actions)
        self.theses = pick_theses(self.rng, self.roles)
        by_role = [[] for _ in ROLE_NAME]
        for i, role in enumerate(self.roles):
            by_role[role].append(i)
        self.targets = Pool(sorted(by_role[CLAIM] + by_role[ASSUMPTION] + by_role[OBJECTIVE]))
        self.contradictables = Pool(sorted(by_role[CLAIM] + by_role[ASSUMPTION] +
                                           by_role[EVIDENCE]))
        self.evidence = Pool(by_role[EVIDENCE])
        self.warrants = Pool(by_role[WARRANT])
        self.claims = Pool(by_role[CLAIM])
        # out[i]: list of (relation symbol, target text) written under statement i.
        self.out = {}
        # arguments_after[i]: argument numbers whose definition follows statement i.
        self.arguments_after = {}
        self.arguments = []  # (steps, gist offset); steps: [(premises, conclusion)]
        self.counts = dict(supports=0, attacks=0, contradicts=0, undercuts=0,
                           planted_cycles=0)

    # Drawing -----------------------------------------------------------------------------

    def draw(self):
        self.draw_arguments()
        self.draw_relations()
        self.plant_cycles()
        self.plant_objective_conflicts()
        return self

    def draw_arguments(self):
        count = int(self.n * SHARE_ARGUMENTS)
        for k in range(count):
            at = self.claims.indices[(k * len(self.claims.indices)) // max(1, count)] \
                if self.claims.indices else 0
            steps = self.draw_steps(at)
            if steps is None:
                continue
            self.arguments_after.setdefault(at, []).append(len(self.arguments))
            self.arguments.append((steps, self.rng.below(len(WORDS))))

    def draw_steps(self, at):
        """One or two inference steps over statements defined up to `at` (inclusive):
        conclusion < intermediate < premises <= at."""
        conclusion = self.claims.draw_below(self.rng, at, local=not self.rng.chance(0.2))
        if conclusion is None:
            return None
        top = at + 1
        if self.rng.chance(SHARE_TWO_STEP):
            middle = self.claims.draw_between(self.rng, conclusion, at)
            if middle is not None:
                first = self.draw_premises(middle, top, count=2, with_warrant=False)
                extra = [p for p in self.draw_premises(middle, top, count=1, with_warrant=True)
                         if p not in first]
                if first:
                    return [(first, middle), ([middle] + extra, conclusion)]
        premises = self.draw_premises(conclusion, top, count=2, with_warrant=True)
        return [(premises, conclusion)] if premises else None

    def draw_premises(self, low, high, count, with_warrant):
        """Up to `count` distinct claims (or evidence) in (low, high), and maybe a warrant."""
        premises = []
        for _ in range(count):
            p = self.claims.draw_between(self.rng, low, high)
            if p is None:
                p = self.evidence.draw_between(self.rng, low, high)
            if p is not None and p not in premises:
                premises.append(p)
        if with_warrant and premises and self.rng.chance(SHARE_WITH_WARRANT):
            w = self.warrants.draw_below(self.rng, high, local=False)
            if w is not None:
                premises.append(w)
        return premises

    def draw_relations(self):
        rng = self.rng
        for i, role in enumerate(self.roles):
            if role in (OBJECTIVE, WARRANT, ORPHAN):
                continue
            if role == BACKING:
                w = self.warrants.draw_below(rng, i, local=False)
                if w is not None:
                    self.add(i, "+>", w, "supports")
                continue
            for _ in range(rng.weighted(OUT_DEGREE_WEIGHTS)):
                self.draw_relation(i)

    def draw_relation(self, i):
        rng = self.rng
        r = rng.below(1_000_000) / 1_000_000
        local = rng.chance(SHARE_LOCAL)
        if self.roles[i] == ACTION and r >= SHARE_SUPPORT + SHARE_ATTACK:
            r = 0  # an action supports or attacks; it neither contradicts nor undercuts
        if r < SHARE_SUPPORT:
            self.add(i, "+>", self.targets.draw_below(rng, i, local), "supports")
        elif r < SHARE_SUPPORT + SHARE_ATTACK:
            pool = self.evidence if rng.chance(0.1) else self.targets
            self.add(i, "->", pool.draw_below(rng, i, local), "attacks")
        elif r < SHARE_SUPPORT + SHARE_ATTACK + SHARE_CONTRADICT:
            self.add(i, "><", self.contradictables.draw_below(rng, i, local), "contradicts")
        elif self.arguments:
            self.append(i, ("_>", "<Argument %d>" % rng.below(len(self.arguments))), "undercuts")

    def add(self, source, symbol, target, kind):
        if target is None or target == source:
            return
        if symbol == "><" and ("><", self.title(source)) in self.out.get(target, ()):
            return  # Argdown keeps one of a >< b and b >< a
        self.append(source, (symbol, self.title(target)), kind)

    def append(self, source, relation, kind):
        """Adds the relation unless it is there already (Argdown would merge the two)."""
        relations = self.out.setdefault(source, [])
        if relation not in relations:
            relations.append(relation)
            self.counts[kind] += 1

    def plant_cycles(self):
        """Small support cycles: i +> j1 +> ... +> jk +> i among nearby claims, and a few
        arguments whose conclusion supports one of their own premises."""
        rng = self.rng
        wanted = 3 + self.n // 5000
        for _ in range(wanted * 10):
            if self.counts["planted_cycles"] >= wanted:
                break
            top = self.claims.draw_below(rng, self.n, local=False)
            if top is None:
                return
            chain = [top]
            for _ in range(1 + rng.below(4)):
                below = self.claims.draw_below(rng, chain[-1], local=True)
                if below is None or below in chain:
                    break
                chain.append(below)
            if len(chain) < 2:
                continue
            for a, b in zip(chain, chain[1:] + chain[:1]):
                self.add(a, "+>", b, "supports")
            self.counts["planted_cycles"] += 1
        for k in range(0, len(self.arguments), max(1, len(self.arguments) // 3)):
            steps, _ = self.arguments[k]
            premises, _ = steps[0]
            conclusion = steps[-1][1]
            self.add(conclusion, "+>", premises[0], "supports")
            self.counts["planted_cycles"] += 1

    def plant_objective_conflicts(self):
        """Objective k attacks objective k-1 for the last two objectives: a conflict between
        objectives that no action needs to reach."""
        objectives = [i for i in range(min(self.n, 64)) if self.roles[i] == OBJECTIVE]
        for k in objectives[-2:]:
            if k - 1 >= 0 and self.roles[k - 1] == OBJECTIVE:
                self.add(k, "->", k - 1, "attacks")

    # Writing -----------------------------------------------------------------------------

    def title(self, i):
        return "[%s %d]" % (ROLE_NAME[self.roles[i]], i)

    def text(self, i):
        start = (i * 7) % len(WORDS)
        length = 6 + i % 9
        return " ".join(WORDS_TWICE[start:start + length]).capitalize() + "."

    def data(self, i):
        role = self.roles[i]
        if role in (OBJECTIVE, ACTION):
            return ' {actor: "%s"}' % ACTORS[i % len(ACTORS) if role == ACTION else 0]
        if role == EVIDENCE and (i * 2654435761) % 1000 < SHARE_SOURCED * 1000:
            return ' {source: "Source %d: %d"}' % (i % 997, 1 + i % 300)
        return ""

    def write(self, out):
        buf = ["===\ntitle: Generated policy map, %d statements\n===\n\n" % self.n]
        for i, role in enumerate(self.roles):
            if i % SECTION_EVERY == 0:
                buf.append("# Part %d\n\n" % (i // SECTION_EVERY + 1))
            thesis = " #thesis" if i in self.theses else ""
            buf.append("%s: %s%s%s%s\n" % (self.title(i), self.text(i), ROLE_TAG[role], thesis,
                                           self.data(i)))
            for symbol, target in self.out.get(i, ()):
                buf.append("  %s %s\n" % (symbol, target))
            buf.append("\n")
            for a in self.arguments_after.get(i, ()):
                self.write_argument(buf, a)
            if len(buf) > 4096:
                out.write("".join(buf))
                buf.clear()
        out.write("".join(buf))

    def write_argument(self, buf, a):
        steps, gist = self.arguments[a]
        buf.append("<Argument %d>: %s\n\n" % (a, " ".join(WORDS[gist:gist + 5]) or "Gist."))
        number = 1
        for s, (premises, conclusion) in enumerate(steps):
            for p in premises if s == 0 else premises[1:]:
                buf.append("(%d) %s\n" % (number, self.title(p)))
                number += 1
            buf.append("-- Modus ponens --\n" if (a + s) % 5 == 0 else "----\n")
            buf.append("(%d) %s\n" % (number, self.title(conclusion)))
            number += 1
        buf.append("\n")

    def stats(self):
        roles = {ROLE_NAME[r] if r != ORPHAN else "Orphan": 0 for r in range(8)}
        for r in self.roles:
            roles[ROLE_NAME[r] if r != ORPHAN else "Orphan"] += 1
        two_step = sum(1 for steps, _ in self.arguments if len(steps) == 2)
        relations = sum(self.counts[k] for k in ("supports", "attacks", "contradicts",
                                                 "undercuts"))
        return ("statements %d %s theses %d | arguments %d (two-step %d) | relations %d %s"
                % (self.n, roles, len(self.theses), len(self.arguments), two_step, relations,
                   self.counts))


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, required=True)
    parser.add_argument("--objectives", type=int, default=20)
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stats", action="store_true", help="print counts on stderr")
    args = parser.parse_args(argv)
    if args.objectives < 1 or args.actions < 1 or \
            args.statements < 2 * (args.objectives + args.actions):
        parser.error("need --statements >= 2 * (objectives + actions), both at least 1")
    return args


def main(argv):
    args = parse_args(argv)
    gc.disable()  # millions of small tuples and no cycles: collection only costs time
    generator = MapGenerator(args.statements, args.objectives, args.actions, args.seed).draw()
    generator.write(sys.stdout)
    if args.stats:
        print(generator.stats(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
