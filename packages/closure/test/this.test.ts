// Issue item 3: `this`. Arrows that capture `this` (Pulumi refuses them),
// methods called on captured objects, and bound functions (target, bound
// `this`, bound arguments, bound twice).
import { describe } from "vitest";
import { roundTripTable, type RoundTripCase } from "./support/table.js";
import { unsupported } from "./unsupported.js";

const thrice = "(f) => [f(), f(), f()]";

const rows: RoundTripCase[] = [
  {
    name: "this: arrow captures the this of a method",
    source: `const obj = { v: 1, make() { return () => this.v; } };\nexports.fn = obj.make();`,
    expected: 1,
  },
  {
    name: "this: arrow mutates the object it captured as this",
    source: `const counter = { n: 0, make() { return () => ++this.n; } };\nexports.fn = counter.make();`,
    probe: thrice,
    expected: [1, 2, 3],
  },
  {
    name: "this: captured this is the same object as a captured variable",
    source: `const obj = { make() { return () => this; } };\nconst arrow = obj.make();\nexports.fn = () => arrow() === obj;`,
    expected: true,
  },
  {
    name: "this: arrow created in a class constructor",
    source: `class Timer { constructor() { this.ticks = 0; this.tick = () => ++this.ticks; } }\nconst t = new Timer();\nexports.fn = t.tick;`,
    probe: thrice,
    expected: [1, 2, 3],
  },
  {
    name: "this: arrow class field",
    source: `class A { v = 7; get = () => this.v; }\nexports.fn = new A().get;`,
    expected: 7,
  },
  {
    name: "this: arrow in a static method captures the class",
    source: `class S { static tag = "S"; static maker() { return () => this.tag; } }\nexports.fn = S.maker();`,
    expected: "S",
  },
  {
    name: "this: arrow in a constructor function called with new",
    source: `function Widget() { this.id = 4; this.getId = () => this.id; }\nexports.fn = new Widget().getId;`,
    expected: 4,
  },
  {
    name: "this: nested arrows inside a method",
    source: `const obj = { name: "o", run() { return [1].map(() => [2].map(() => this.name)); } };\nexports.fn = () => obj.run();`,
    expected: [["o"]],
  },
  {
    // Arrows are read together from one heap snapshot (kinds/function/lexical-this.ts).
    name: "this: several arrows with different this in one walk",
    source: `const a = { v: 1, make() { return () => this.v; } };\nconst b = { v: 2, make() { return () => this.v; } };\nconst fa = a.make(), fb = b.make(), fa2 = a.make();\nexports.fn = () => [fa(), fb(), fa2(), fa === fa2];`,
    expected: [1, 2, 1, false],
  },
  {
    name: "this: an arrow reached only through another arrow's this",
    source: `const inner = { v: 5, make() { return () => this.v; } };\nconst outer = { f: inner.make(), make() { return () => this.f(); } };\nexports.fn = outer.make();`,
    expected: 5,
  },
  {
    name: "this: arrows with an undefined this and an object this in one walk",
    sourceFormat: "esm",
    source: `const obj = { v: 3, make() { return () => this.v; } };\nconst read = obj.make();\nconst top = () => typeof this;\nexport const fn = () => [read(), top()];`,
    expected: [3, "undefined"],
  },
  {
    // In CommonJS, top-level `this` is module.exports; unsure whether the
    // serializer captures the whole exports object, but the value must match.
    name: "this: top-level this of a CommonJS module",
    source: `exports.tag = "top";\nexports.fn = () => this.tag;`,
    expected: "top",
  },
  {
    name: "this: top-level this of an ES module is undefined",
    sourceFormat: "esm",
    source: `export const fn = () => typeof this;`,
    expected: "undefined",
  },
  {
    name: "this: method called on a captured object",
    source: `const obj = { n: 2, get() { return this.n; } };\nexports.fn = () => obj.get();`,
    expected: 2,
  },
  {
    name: "this: method mutating a captured object",
    source: `const counter = { n: 0, inc() { return ++this.n; } };\nexports.fn = () => counter.inc();`,
    probe: thrice,
    expected: [1, 2, 3],
  },
  {
    name: "this: getter on a captured object reads this",
    source: `const o = { _v: 3, get v() { return this._v; } };\nexports.fn = () => o.v;`,
    expected: 3,
  },
  {
    name: "this: unbound method called with an explicit this",
    source: `const obj = { n: 1, get() { return this.n; } };\nexports.fn = obj.get;`,
    probe: "(f) => [f.call({ n: 5 }), f.call({ n: 6 })]",
    expected: [5, 6],
  },
  {
    name: "this: strict function called plainly sees undefined",
    source: `exports.fn = function () { "use strict"; return typeof this; };`,
    expected: "undefined",
  },
  unsupported("this: sloppy function called plainly sees globalThis"),
  {
    name: "this: thisArg of Array.prototype.map",
    source: `exports.fn = () => [1, 2].map(function (x) { return this.k + x; }, { k: 10 });`,
    expected: [11, 12],
  },
  {
    name: "this: Reflect.apply with a captured receiver",
    source: `const counter = { n: 1 };\nfunction bump(by) { this.n += by; return this.n; }\nexports.fn = () => Reflect.apply(bump, counter, [2]);`,
    probe: thrice,
    expected: [3, 5, 7],
  },
  {
    name: "this: bound function keeps target, this and arguments",
    source: `function show(a, b) { return [this.x, a, b]; }\nexports.fn = show.bind({ x: 1 }, 2);`,
    probe: "(f) => ({ r: f(3), name: f.name, length: f.length, fn: f })",
  },
  {
    name: "this: bound twice keeps the first this",
    source: `function show(a, b, c) { return [this.x, a, b, c]; }\nexports.fn = show.bind({ x: 1 }, 2).bind({ x: 9 }, 3);`,
    probe: "(f) => [f(4), f.name, f.length]",
    expected: [[1, 2, 3, 4], "bound bound show", 1],
  },
  {
    name: "this: bound this object shared with another capture",
    source: `const target = { x: 1 };\nfunction getX() { return this.x; }\nconst bound = getX.bind(target);\nexports.fn = () => { target.x++; return bound(); };`,
    probe: "(f) => [f(), f()]",
    expected: [2, 3],
  },
  {
    name: "this: bound class constructor",
    source: `class P { constructor(a, b) { this.a = a; this.b = b; } }\nconst B = P.bind(null, 1);\nexports.fn = () => { const p = new B(2); return [p.a, p.b, p instanceof P, B.name]; };`,
    expected: [1, 2, true, "bound P"],
  },
  {
    name: "this: bound native function",
    source: `const max = Math.max.bind(null, 5);\nexports.fn = () => [max(1, 2), max.name];`,
    expected: [5, "bound max"],
  },
  {
    name: "this: bound arrow ignores the bound this",
    source: `const arrow = () => typeof this;\nexports.fn = arrow.bind(42);`,
    expected: "object",
  },
];

describe.concurrent("this", () => roundTripTable(rows));
