// Workloads for bench/serialize.mjs: each is a deterministic generator that
// returns a factory of fresh closures (new function identity and new captured
// values on every call, same shape), so a serializer that caches by identity
// is measured doing the work, not hitting its cache.
// CommonJS on purpose: that is what Pulumi programs are, and Pulumi's
// inspector lookups are written for CommonJS module scopes.
"use strict";

const { mkdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const generatedDir = join(__dirname, "..", ".tmp", "serialize");

/** mulberry32: a tiny seeded PRNG, so every run builds the same inputs. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Some workloads need source text whose size grows with n (1,000 distinct
// captured names, 500 named functions). They are written to a real file and
// required, like user code, rather than eval'd: both serializers locate
// functions through their script.
function requireGenerated(name, source) {
  mkdirSync(generatedDir, { recursive: true });
  const file = join(generatedDir, `${name}.cjs`);
  writeFileSync(file, source);
  return require(file);
}

function primitiveLiteral(random, i) {
  switch (Math.floor(random() * 5)) {
    case 0:
      return String(Math.floor(random() * 1e6));
    case 1:
      return String(Math.round(random() * 1e6) / 1e3);
    case 2:
      return JSON.stringify(`s${i}-${Math.floor(random() * 1e9).toString(36)}`);
    case 3:
      return random() < 0.5 ? "true" : "false";
    default:
      return "null";
  }
}

function buildTrivial() {
  return () => {
    const a = 1;
    return (x) => x + a;
  };
}

// n distinct const bindings in the enclosing scope, all free in the handler.
function buildPrimitives(n) {
  const random = seededRandom(1000 + n);
  const lines = ["'use strict';", "module.exports = function make() {"];
  for (let i = 0; i < n; i++) lines.push(`  const v${i} = ${primitiveLiteral(random, i)};`);
  const names = Array.from({ length: n }, (_, i) => `v${i}`);
  lines.push(`  return function handler() { return [${names.join(", ")}]; };`, "};", "");
  return requireGenerated(`primitives-${n}`, lines.join("\n"));
}

// n named function declarations in one scope; f{i} calls f{i+1}.
// make() returns f0; make(true) returns all n (for the floor in child.mjs).
function buildFunctionChain(n) {
  const lines = ["'use strict';", "module.exports = function make(all) {"];
  for (let i = 0; i < n - 1; i++) lines.push(`  function f${i}(x) { return f${i + 1}(x + ${i % 7}); }`);
  const every = Array.from({ length: n }, (_, i) => `f${i}`).join(", ");
  lines.push(`  function f${n - 1}(x) { return x; }`, `  return all ? [${every}] : f0;`, "};", "");
  return requireGenerated(`function-chain-${n}`, lines.join("\n"));
}

// n objects: node i links to 2i+1 and 2i+2, so all are reachable from node 0
// at depth log2 n; every 16th node also shares a seeded later node and every
// 1,000th points back to an earlier one (cycles). Back edges are kept sparse
// because Pulumi's time explodes with them (parent pointers on every node:
// 30 nodes take 2.6 s); this shape is one it completes, so there is a ratio.
function objectGraphRoot(n) {
  const random = seededRandom(2000 + n);
  /** @type {Array<Record<string, any>>} */
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: i,
    weight: random(),
    tag: `n${i % 97}`,
  }));
  nodes.forEach((node, i) => {
    node.left = nodes[2 * i + 1] ?? null;
    node.right = nodes[2 * i + 2] ?? null;
    if (i % 16 === 5) node.shared = nodes[i + 1 + Math.floor(random() * (n - i - 1))] ?? null;
    if (i % 1000 === 999) node.back = nodes[Math.floor(random() * i)];
  });
  return nodes[0];
}

function buildObjectGraph(n) {
  return () => {
    const root = objectGraphRoot(n);
    // Uses root as a whole value: when every use is a plain `root.x`, Pulumi
    // captures only the properties read, which would skip the graph.
    return () => {
      const seen = new Set();
      const stack = [root];
      while (stack.length > 0) {
        const node = stack.pop();
        if (node === null || node === undefined || seen.has(node)) continue;
        seen.add(node);
        stack.push(node.left, node.right, node.shared, node.back);
      }
      return seen.size;
    };
  };
}

function buildArray(n) {
  return () => {
    const random = seededRandom(3000 + n);
    const items = Array.from({ length: n }, (_, i) => (i % 10 === 9 ? `x${Math.floor(random() * 1e4)}` : Math.floor(random() * 1e6)));
    return (i) => items[i % items.length];
  };
}

function buildLinkedList(n) {
  return () => {
    let head = null;
    for (let i = 0; i < n; i++) head = { value: i, next: head };
    const list = head;
    return () => {
      let length = 0;
      for (let node = list; node !== null; node = node.next) length++;
      return length;
    };
  };
}

// Closure i captures closure i-1: n nested contexts, n closures, one source.
function buildClosureChain(n) {
  return () => {
    let fn = (x) => x;
    for (let i = 0; i < n; i++) {
      const previous = fn;
      fn = (x) => previous(x) + 1;
    }
    return fn;
  };
}

// n objects, each holding an arrow that captured it as `this`, as class
// constructors and compiled class fields make them (Pulumi refuses arrows
// that capture `this`). V8 keeps that `this` where only a heap snapshot
// shows it.
function buildArrowThis(n) {
  return () => {
    const owners = Array.from({ length: n }, (_, i) => {
      const owner = {
        id: i,
        init() {
          this.read = () => this.id;
          return this;
        },
      };
      return owner.init();
    });
    return () => owners.reduce((sum, owner) => sum + owner.read(), 0);
  };
}

/** name -> { label, size, scalable, build(size) => make() => fresh function } */
const workloads = {
  trivial: {
    label: "trivial closure",
    size: 1,
    scalable: false,
    build: buildTrivial,
  },
  primitives: {
    label: "captured primitives",
    size: 1_000,
    scalable: true,
    build: buildPrimitives,
  },
  "function-chain": {
    label: "chain of functions",
    size: 500,
    scalable: true,
    build: buildFunctionChain,
  },
  "object-graph": {
    label: "object graph",
    size: 10_000,
    scalable: true,
    build: buildObjectGraph,
  },
  array: {
    label: "array elements",
    size: 100_000,
    scalable: true,
    build: buildArray,
  },
  "linked-list": {
    label: "deep linked list",
    size: 20_000,
    scalable: true,
    build: buildLinkedList,
  },
  "closure-chain": {
    label: "deep chain of closures",
    size: 2_000,
    scalable: true,
    build: buildClosureChain,
  },
  "arrow-this": {
    label: "arrows capturing this",
    size: 200,
    scalable: true,
    build: buildArrowThis,
  },
};

// The per-call overhead handler: small enough that any wrapper shows.
function makeSmallHandler() {
  const captured = { a: 1 };
  return (x) => x + captured.a;
}

module.exports = { workloads, makeSmallHandler, objectGraphRoot, generatedDir };
