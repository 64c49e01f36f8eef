#!/usr/bin/env node
// Runs the real Argdown CLI (`argdown json FILE --stdout --silent`) on one file and prints the
// normalized result that tests/formats/argdown_reader_reference_test.cc compares argmap's reader with.
//
// Accepted file:
//   {"accepted": true, "metadata": {front matter}, "statements": [...], "arguments": [...],
//    "relations": [...], "undefined": ["[Title]", "<Title>", ...]}
// Rejected file:
//   {"accepted": false, "errors": [{"line", "column", "message"}]}  (line/column null when the
//   CLI names no position, e.g. a YAML exception)
//
// The normalization follows argmap's model (docs/argdown.md): texts are the canonical member's
// text with tag markup cut out and outer whitespace trimmed; role/thesis/actor/source/quote are
// taken out of tags and data; relations are (from, type, to) with [statement] / <argument>
// names, strict-mode entails/contrary read as supports/contradicts; inference steps follow
// Argdown's ExplodeArgumentsPlugin (a step's premises run back to the previous conclusion,
// unless the inference's data says `uses: [...]`).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROLES = ["objective", "action", "evidence", "warrant", "backing", "assumption"];
const DATA_ROLES = ROLES.concat(["claim"]);
const CLI = path.join(__dirname, "node_modules", ".bin", "argdown");

function runCli(file, silent) {
  const args = ["json", file, "--stdout"];
  if (silent) args.push("--silent");
  return spawnSync(CLI, args, { encoding: "utf8", maxBuffer: 1 << 30 });
}

function trimText(s) {
  return (s || "").replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
}

// A member's text as argmap keeps it: without its tags, as Argdown's removeTagsFromText
// setting gives it (where a tag stood before a line break, that line break's space then does
// not double the space before the tag), and with each link as [text](url) (Argdown keeps only
// the link's text).
function textWithoutTags(member) {
  let text = member.text || "";
  const ranges = (member.ranges || []).filter(r => r.type === "tag" || r.type === "link");
  ranges.sort((a, b) => b.start - a.start);
  for (const r of ranges) {
    if (r.type === "tag") {
      text = text.slice(0, r.start) + text.slice(r.stop + 1);
      if (r.start > 0 && text[r.start - 1] === " " && text[r.start] === " ") {
        text = text.slice(0, r.start) + text.slice(r.start + 1);
      }
    } else {
      const link = "[" + text.slice(r.start, r.stop + 1) + "](" + r.url + ")";
      text = text.slice(0, r.start) + link + text.slice(r.stop + 1);
    }
  }
  return trimText(text);
}

function canonicalMember(members) {
  let fallback;
  for (let i = (members || []).length - 1; i >= 0; i--) {
    const m = members[i];
    if (m.isReference) continue;
    if (m.data && m.data.isCanonical) return m;
    if (!fallback) fallback = m;
  }
  return fallback;
}

// Section titles as argmap keeps them: the heading's text with its tags, and links as
// [text](url) as in statement texts.
function sectionTitles(sections, out) {
  for (const s of sections || []) {
    let title = s.title;
    const links = (s.ranges || []).filter(r => r.type === "link");
    links.sort((a, b) => b.start - a.start);
    for (const r of links) {
      title = title.slice(0, r.start) + "[" + title.slice(r.start, r.stop + 1) + "](" + r.url + ")" +
              title.slice(r.stop + 1);
    }
    out[s.id] = title.trim();
    sectionTitles(s.children, out);
  }
  return out;
}

function nameOf(title, type) {
  return type === "argument" || type === "inference" ? "<" + title + ">" : "[" + title + "]";
}

function statementRecord(ec, sections) {
  const member = canonicalMember(ec.members);
  const record = {
    title: ec.title,
    text: member ? textWithoutTags(member) : "",
    section: ec.section ? sections[ec.section] : "",
    role: "claim",
    thesis: false,
    actor: "",
    source: "",
    quote: "",
    tags: [],
    data: {}
  };
  const roles = [];
  for (const tag of ec.tags || []) {
    if (ROLES.includes(tag)) roles.push(tag);
    else if (tag === "thesis") record.thesis = true;
    else record.tags.push(tag);
  }
  for (const [key, value] of Object.entries(ec.data || {})) {
    if (key === "role" && DATA_ROLES.includes(value)) roles.push(value);
    else if (key === "thesis" && value === true) record.thesis = true;
    else if (["actor", "source", "quote"].includes(key) && typeof value === "string") {
      record[key] = value;
    } else record.data[key] = value;
  }
  const distinct = [...new Set(roles)];
  if (distinct.length > 1) record.roleConflict = distinct;
  if (distinct.length > 0) record.role = distinct[0];
  return record;
}

function usesOf(conclusion) {
  const inferenceData = (conclusion.inference && conclusion.inference.data) || {};
  const data = conclusion.data || {};
  if (Array.isArray(inferenceData.uses)) return inferenceData.uses;
  if (Array.isArray(data.uses)) return data.uses;
  if (Array.isArray(inferenceData.from)) return inferenceData.from;
  if (data.uses && Array.isArray(data.from)) return data.from;
  return null;
}

// The inference steps exactly as ExplodeArgumentsPlugin.getInferentialStep forms them.
function stepsOf(argument) {
  const pcs = argument.pcs || [];
  const steps = [];
  pcs.forEach((conclusion, index) => {
    if (conclusion.role !== "intermediary-conclusion" && conclusion.role !== "main-conclusion") {
      return;
    }
    const uses = usesOf(conclusion);
    let premises = [];
    if (uses) {
      premises = uses.map(i => (pcs[i - 1] ? pcs[i - 1].title : null));
    } else {
      for (let i = index - 1; i >= 0; i--) {
        premises.push(pcs[i].title);
        if (pcs[i].role === "intermediary-conclusion") break;
      }
      premises.reverse();
    }
    const rules = (conclusion.inference && conclusion.inference.inferenceRules) || [];
    steps.push({ premises, conclusion: conclusion.title, rule: rules.join(", ") });
  });
  return steps;
}

function argumentRecord(argument, sections) {
  const member = canonicalMember(argument.members);
  return {
    title: argument.title,
    text: member ? textWithoutTags(member) : "",
    section: argument.section ? sections[argument.section] : "",
    tags: argument.tags || [],
    data: argument.data || {},
    steps: stepsOf(argument)
  };
}

const RELATION_TYPES = {
  support: "supports",
  entails: "supports",
  attack: "attacks",
  undercut: "undercuts",
  contradictory: "contradicts",
  contrary: "contradicts"
};

function relationRecords(relations, argumentsByTitle) {
  const seen = new Set();
  const out = [];
  for (const r of relations) {
    let from = nameOf(r.from, r.fromType);
    let to = nameOf(r.to, r.toType);
    const type = RELATION_TYPES[r.relationType];
    const record = { from, type, to };
    if (r.toType === "inference") {
      const pcs = argumentsByTitle[r.to].pcs;
      if (r.conclusionIndex !== pcs.length - 1) {
        record.inferenceStep =
          pcs.slice(0, r.conclusionIndex + 1).filter(s => s.role !== "premise").length;
      }
    }
    if (type === "contradicts" && to < from) [record.from, record.to] = [to, from];
    const key = JSON.stringify(record);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(record);
  }
  out.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return out;
}

function undefinedNodes(json) {
  const out = [];
  for (const ec of Object.values(json.statements)) {
    if (!canonicalMember(ec.members)) out.push("[" + ec.title + "]");
  }
  for (const a of Object.values(json.arguments)) {
    if (!canonicalMember(a.members) && (a.pcs || []).length === 0) out.push("<" + a.title + ">");
  }
  return out;
}

// The front matter as Argdown's DataPlugin reads it (the JSON export leaves it out).
function frontMatter(file) {
  const yaml = require(path.join(__dirname, "node_modules", "js-yaml"));
  const text = fs.readFileSync(file, "utf8");
  const match = /^(?:[ \t]*(?:\r\n|\n|\r))*(===+[\s\S]*?===+)/.exec(text);
  if (!match) return {};
  const data = yaml.load(match[1].replace(/^\s*\={3,}/, "").replace(/\={3,}\s*$/, ""));
  return data && typeof data === "object" ? data : {};
}

function accepted(file, json) {
  const sections = sectionTitles(json.sections, {});
  const argumentsByTitle = json.arguments;
  return {
    accepted: true,
    metadata: frontMatter(file),
    statements: Object.values(json.statements).map(ec => statementRecord(ec, sections)),
    arguments: Object.values(json.arguments).map(a => argumentRecord(a, sections)),
    relations: relationRecords(json.relations, argumentsByTitle),
    undefined: undefinedNodes(json)
  };
}

function rejected(file) {
  const log = runCli(file, false);
  const text = (log.stdout + log.stderr).replace(/\u001b\[[0-9;]*m/g, "");
  const errors = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const at = /^At (\d+|undefined):(\d+|undefined)$/.exec(lines[i]);
    if (!at) continue;
    const position = v => (v === "undefined" ? null : Number(v));
    errors.push({ line: position(at[1]), column: position(at[2]), message: lines[i + 1] || "" });
  }
  if (errors.length === 0) {
    const first = lines.find(l => l.trim() !== "") || "";
    errors.push({ line: null, column: null, message: first.trim() });
  }
  return { accepted: false, errors };
}

function main() {
  const file = process.argv[2];
  const run = runCli(file, true);
  let result;
  if (run.status === 0 && run.stdout.trim() !== "") {
    result = accepted(file, JSON.parse(run.stdout));
  } else {
    result = rejected(file);
  }
  process.stdout.write(JSON.stringify(result, null, 1) + "\n");
}

main();
