// readContextChains against real V8 contexts. Each row is a plain CommonJS
// script run by a child `node` (vitest rewrites what it loads, so closures
// made in the worker are not the user's); the child loads the module bundled
// from source by esbuild, prints the chains as JSON, and the row says which
// functions share which context by giving each context a label.
import { spawnSync } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContextKind, ContextLink } from "../src/inspect/context-identity.js";

/** An expected link: `ctx` labels a context; equal labels mean one shared Context. */
interface ExpectedLink {
  ctx: string;
  kind: ContextKind;
  names: string[];
}

interface Row {
  name: string;
  /** Script body defining `const fns = { name: value, ... }`. */
  source: string;
  chains: Record<string, ExpectedLink[]>;
}

const ctx = (label: string, kind: ContextKind, ...names: string[]): ExpectedLink => ({ ctx: label, kind, names });
// Past 75 locals V8 moves a scope's names into a hash table.
const manyNames = Array.from({ length: 80 }, (_, i) => `v${i}`);

const rows: Row[] = [
  {
    name: "context: two closures of one call share",
    source: `
      function makeCounter() { let count = 0; return { inc: () => count++, get: () => count }; }
      const counter = makeCounter();
      const fns = { inc: counter.inc, get: counter.get };`,
    chains: { inc: [ctx("A", "closure", "count")], get: [ctx("A", "closure", "count")] },
  },
  {
    name: "context: closures of two calls differ",
    source: `
      function makeCounter() { let count = 0; return () => count++; }
      const fns = { one: makeCounter(), two: makeCounter() };`,
    chains: { one: [ctx("A", "closure", "count")], two: [ctx("B", "closure", "count")] },
  },
  {
    name: "context: nested functions list innermost first",
    source: `
      function outer() { let a = {}; return function middle() { let b = {}; return () => [a, b]; }; }
      const middle = outer();
      const fns = { inner: middle(), middle };`,
    chains: { inner: [ctx("B", "closure", "b"), ctx("A", "closure", "a")], middle: [ctx("A", "closure", "a")] },
  },
  {
    name: "context: captured block scope is its own context",
    source: `
      function make() { let x = 1; { let y = 2; const z = "z"; return () => x + y + z; } }
      const fns = { f: make() };`,
    chains: { f: [ctx("B", "block", "y", "z"), ctx("F", "closure", "x")] },
  },
  {
    name: "context: block scope with 80 captured names",
    source: `
      function make() { { let ${manyNames.join(", ")}; return () => [${manyNames.join(", ")}]; } }
      const fns = { f: make() };`,
    chains: { f: [ctx("B", "block", ...[...manyNames].sort())] },
  },
  {
    name: "context: catch binding is its own context",
    source: `
      function make() { try { throw new Error("boom"); } catch (err) { return () => err; } }
      const fns = { f: make() };`,
    chains: { f: [ctx("C", "catch", "err")] },
  },
  {
    name: "context: module-level let shared by two functions",
    source: `
      let shared = 0;
      const read = () => shared;
      function write(value) { shared = value; }
      const fns = { read, write };`,
    chains: { read: [ctx("M", "closure", "shared")], write: [ctx("M", "closure", "shared")] },
  },
  {
    name: "context: factory whose variables are not captured adds none",
    source: `
      let shared = 0;
      const read = () => shared;
      function factory() { let unused = 1; return () => 2; }
      const fns = { read, made: factory(), factory };`,
    chains: {
      read: [ctx("M", "closure", "shared")],
      made: [ctx("M", "closure", "shared")],
      factory: [ctx("M", "closure", "shared")],
    },
  },
  {
    name: "context: module with nothing captured has none",
    source: `
      function plain() { return 1; }
      const fns = { plain, arrow: () => 2 };`,
    chains: { plain: [], arrow: [] },
  },
  {
    name: "context: small integers and uninitialised bindings are listed",
    source: `
      function make() { const f = () => [n, later]; let n = 0; return f; let later; }
      const fns = { f: make() };`,
    chains: { f: [ctx("F", "closure", "later", "n")] },
  },
  {
    name: "context: arrow capturing this holds the synthetic this",
    source: `
      const fns = { f: function () { return () => this; }.call({}) };`,
    chains: { f: [ctx("T", "closure", "this")] },
  },
  {
    name: "context: class scope holds its binding and private names",
    source: `
      function make() { class A { #p = 1; static of(o) { return o.#p; } static self() { return A; } } return A.self; }
      const fns = { f: make() };`,
    chains: { f: [ctx("K", "block", "#p", "A")] },
  },
  {
    name: "context: script top-level let",
    source: `
      require("node:vm").runInThisContext("let fromScript = {}; globalThis.probe = () => fromScript;");
      const fns = { f: globalThis.probe };`,
    chains: { f: [ctx("S", "script", "fromScript")] },
  },
  {
    name: "context: vm context stops at its own native context",
    source: `
      const vm = require("node:vm");
      const fns = { f: vm.runInContext("let z = []; (function inner() { return z; })", vm.createContext({})) };`,
    chains: { f: [ctx("S", "script", "z")] },
  },
  {
    name: "context: bound, native and non-function values have none",
    source: `
      const fns = { bound: function () {}.bind(null), native: Math.max, object: {} };`,
    chains: { bound: [], native: [], object: [] },
  },
];

// Everything the harness needs lives inside inspectChains, and `load` is a
// parameter (a use of the module's `require` would put it in the module
// context), so that context holds only what the row's own functions capture.
const HARNESS = `
function inspectChains(fns, load) {
  const { openInspector, readContextChains } = load(process.argv[2]);
  const inspector = openInspector();
  const names = Object.keys(fns);
  const chains = readContextChains(inspector, names.map((name) => inspector.objectIdOf(fns[name])));
  process.stdout.write(JSON.stringify(Object.fromEntries(names.map((name, i) => [name, chains[i]]))));
}
`;

let bundleDir = "";
let bundlePath = "";

beforeAll(async () => {
  bundleDir = realpathSync(mkdtempSync(join(tmpdir(), "closure-pack-context-identity-")));
  bundlePath = join(bundleDir, "context-identity.cjs");
  // readContextChains and the inspector it reads through, as the serializer has them.
  await build({
    stdin: {
      contents: `export { readContextChains } from "./context-identity.ts";\nexport { openInspector } from "./inspector.ts";\n`,
      resolveDir: fileURLToPath(new URL("../src/inspect/", import.meta.url)),
      loader: "ts",
    },
    outfile: bundlePath,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "warning",
  });
});

afterAll(() => {
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

function runRow(row: Row): Record<string, ContextLink[]> {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "closure-pack-context-row-")));
  try {
    const script = join(dir, "row.cjs");
    writeFileSync(script, `${HARNESS}\n${row.source}\ninspectChains(fns, require);\n`);
    const child = spawnSync(process.execPath, [script, bundlePath], {
      cwd: dir,
      env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin" },
      encoding: "utf8",
      timeout: 30_000,
    });
    if (child.status !== 0) throw new Error(`row script exited with ${child.status}\n${child.stderr}`);
    return JSON.parse(child.stdout) as Record<string, ContextLink[]>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Rewrites actual chains with the row's labels: the first context id met at a
 * labelled position takes that label; an id whose label is taken, or that no
 * label fits, keeps `#id`, so a wrong sharing shows up as a diff.
 */
function labelChains(actual: Record<string, ContextLink[]>, expected: Row["chains"]): Row["chains"] {
  const labelOfId = new Map<number, string>();
  const usedLabels = new Set<string>();
  for (const [name, links] of Object.entries(actual)) {
    links.forEach((link, i) => {
      const label = expected[name]?.[i]?.ctx;
      if (label === undefined || labelOfId.has(link.id) || usedLabels.has(label)) return;
      labelOfId.set(link.id, label);
      usedLabels.add(label);
    });
  }
  const relabel = (link: ContextLink): ExpectedLink => ({
    ctx: labelOfId.get(link.id) ?? `#${link.id}`,
    kind: link.kind,
    names: link.names,
  });
  return Object.fromEntries(Object.entries(actual).map(([name, links]) => [name, links.map(relabel)]));
}

describe("readContextChains", () => {
  it.each(rows)("$name", (row) => {
    const actual = runRow(row);
    expect(labelChains(actual, row.chains)).toEqual(row.chains);
  });
});
