// Issue item 1: functions of every form round-trip with their behaviour,
// `.name`, `.length` and own properties. Also the options that change what
// is exported (format, exportName, isFactoryFunction).
import { describe } from "vitest";
import { roundTripTable, type RoundTripCase } from "./support/table.js";
import { unsupported } from "./unsupported.js";

/** Probe that returns the function's result and the function itself (name, length, props). */
const shape = (call: string) => `(f) => ({ result: ${call}, fn: f })`;

const rows: RoundTripCase[] = [
  {
    name: "function: declaration",
    source: `function add(a, b) { return a + b; }\nexports.fn = add;`,
    probe: shape("f(2, 3)"),
  },
  {
    name: "function: anonymous expression assigned to a property has an empty name",
    source: `exports.fn = function (a) { return a * 2; };`,
    probe: "(f) => [f(4), f.name, f.length]",
    expected: [8, "", 1],
  },
  {
    name: "function: named expression recursing through its own name",
    source: `const f = function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); };\nexports.fn = f;`,
    probe: "(f) => [f(5), f.name]",
    expected: [120, "fact"],
  },
  {
    name: "function: arrow with a concise body",
    source: `const base = 10;\nexports.fn = (x) => x + base;`,
    probe: shape("f(1)"),
  },
  {
    name: "function: arrow with a block body",
    source: `const words = ["a", "b"];\nexports.fn = (sep) => { const out = words.join(sep); return out.toUpperCase(); };`,
    probe: "(f) => f('-')",
    expected: "A-B",
  },
  {
    name: "function: name inferred from a const binding",
    source: `const named = () => 1;\nexports.fn = named;`,
    probe: "(f) => [f.name, f.length, f()]",
    expected: ["named", 0, 1],
  },
  {
    name: "function: async function",
    source: `const step = 1;\nasync function load(x) { await null; return x + step; }\nexports.fn = load;`,
    probe: "async (f) => ({ value: await f(1), fn: f })",
  },
  {
    name: "function: async arrow",
    source: `const delay = (v) => new Promise((r) => setTimeout(() => r(v), 1));\nexports.fn = async (x) => (await delay(x)) * 2;`,
    probe: "async (f) => [await f(21), f.name]",
    expected: [42, ""],
  },
  {
    name: "function: generator",
    source: `const step = 2;\nfunction* range(n) { for (let i = 0; i < n; i++) yield i * step; }\nexports.fn = range;`,
    probe: "(f) => ({ values: [...f(3)], fn: f })",
  },
  {
    name: "function: async generator",
    source: `const items = ["x", "y"];\nasync function* each() { for (const item of items) { await null; yield item; } }\nexports.fn = each;`,
    probe: "async (f) => { const out = []; for await (const v of f()) out.push(v); return { out, fn: f }; }",
  },
  {
    name: "function: object method shorthand is not a constructor",
    source: `const obj = { twice(x) { return x * 2; } };\nexports.fn = obj.twice;`,
    probe: shape("f(3)"),
  },
  {
    name: "function: method with a computed name",
    source: `const key = "dyn" + "amic";\nconst obj = { [key](x) { return key + x; } };\nexports.fn = obj[key];`,
    probe: "(f) => [f(1), f.name]",
    expected: ["dynamic1", "dynamic"],
  },
  {
    name: "function: generator method named by a well-known symbol",
    source: `const obj = { *[Symbol.iterator]() { yield 1; yield 2; } };\nexports.fn = obj[Symbol.iterator];`,
    probe: "(f) => [[...f()], f.name]",
    expected: [[1, 2], "[Symbol.iterator]"],
  },
  {
    name: "function: getter taken from an object",
    source: `const obj = { _v: 3, get v() { return this._v * 2; } };\nexports.fn = Object.getOwnPropertyDescriptor(obj, "v").get;`,
    probe: shape("f.call({ _v: 5 })"),
  },
  {
    name: "function: setter taken from an object writes a captured binding",
    source: `let last;\nconst obj = { set v(x) { last = x; } };\nconst set = Object.getOwnPropertyDescriptor(obj, "v").set;\nexports.fn = (x) => { set(x); return [last, set.name]; };`,
    probe: "(f) => [f(1), f(2)]",
    expected: [
      [1, "set v"],
      [2, "set v"],
    ],
  },
  {
    name: "function: class method taken from a prototype",
    source: `class Greeter { hi(x) { return "hi " + x; } }\nexports.fn = Greeter.prototype.hi;`,
    probe: shape("f('ann')"),
  },
  {
    name: "function: static method taken from a class",
    source: `class Box { static of(x) { return [x]; } }\nexports.fn = Box.of;`,
    probe: shape("f(1)"),
  },
  {
    name: "function: default parameter reads a capture",
    source: `const fallback = 7;\nexports.fn = (a = fallback) => a;`,
    probe: "(f) => [f(), f(1), f.length]",
    expected: [7, 1, 0],
  },
  {
    name: "function: default parameter calls a captured function",
    source: `const def = () => "d";\nexports.fn = function (a, b = def()) { return a + b; };`,
    probe: "(f) => [f('x'), f('x', 'y'), f.length]",
    expected: ["xd", "xy", 1],
  },
  {
    name: "function: default parameter refers to an earlier parameter and a capture",
    source: `const k = 2;\nexports.fn = (a, b = a * k) => b;`,
    probe: "(f) => [f(3), f(3, 1)]",
    expected: [6, 1],
  },
  {
    name: "function: object destructuring parameter with captured defaults",
    source: `const unit = "px";\nexports.fn = ({ size = 1, u = unit } = {}) => size + u;`,
    probe: "(f) => [f(), f({ size: 3 }), f.length]",
    expected: ["1px", "3px", 0],
  },
  {
    name: "function: array destructuring parameter with captured defaults",
    source: `const zero = 0;\nexports.fn = ([a = zero, b = a + 1] = []) => [a, b];`,
    probe: "(f) => [f(), f([5])]",
    expected: [
      [0, 1],
      [5, 6],
    ],
  },
  {
    name: "function: rest parameters",
    source: `const sep = "-";\nexports.fn = (first, ...rest) => first + sep + rest.join(sep);`,
    probe: "(f) => [f('a', 'b', 'c'), f.length]",
    expected: ["a-b-c", 1],
  },
  {
    name: "function: arguments object",
    source: `exports.fn = function () { return [arguments.length, Array.from(arguments)]; };`,
    probe: "(f) => f(1, 2, 3)",
    expected: [3, [1, 2, 3]],
  },
  {
    name: "function: arrow reads the arguments of its enclosing function",
    source: `function outer() { return () => [arguments.length, arguments[0]]; }\nexports.fn = outer("first", "second");`,
    expected: [2, "first"],
  },
  unsupported("function: sloppy mapped arguments alias parameters"),
  {
    name: "function: recursion through the outer binding",
    source: `const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));\nexports.fn = fib;`,
    probe: "(f) => f(10)",
    expected: 55,
  },
  {
    name: "function: mutual recursion",
    source: `function isEven(n) { return n === 0 ? true : isOdd(n - 1); }\nfunction isOdd(n) { return n === 0 ? false : isEven(n - 1); }\nexports.fn = isEven;`,
    probe: "(f) => [f(10), f(7)]",
    expected: [true, false],
  },
  {
    name: "function: own properties, including one it updates",
    source: `function f() { return f.count++; }\nf.count = 0;\nf.meta = { tags: ["a"] };\nexports.fn = f;`,
    probe: "(f) => [f(), f(), f.count, f.meta]",
    expected: [0, 1, 2, { tags: ["a"] }],
  },
  {
    name: "function: own property that refers to the function itself",
    source: `function self() { return self.me === self; }\nself.me = self;\nexports.fn = self;`,
    probe: shape("f()"),
  },
  {
    name: "function: redefined name",
    source: `const f = function () { return 1; };\nObject.defineProperty(f, "name", { value: "renamed" });\nexports.fn = f;`,
    probe: `(f) => [f.name, f(), Object.getOwnPropertyDescriptor(f, "name")]`,
    expected: ["renamed", 1, { value: "renamed", writable: false, enumerable: false, configurable: true }],
  },
  {
    name: "function: redefined length",
    source: `const f = function () { return 1; };\nObject.defineProperty(f, "length", { value: 5 });\nexports.fn = f;`,
    probe: `(f) => [f.length, f(), Object.getOwnPropertyDescriptor(f, "length")]`,
    expected: [5, 1, { value: 5, writable: false, enumerable: false, configurable: true }],
  },
  {
    name: "function: deleted length",
    source: `const f = function (a, b) { return 1; };\ndelete f.length;\nexports.fn = f;`,
    probe: `(f) => [Object.hasOwn(f, "length"), f.length]`,
    expected: [false, 0],
  },
  {
    name: "function: symbol-keyed own property",
    source: `const tag = Symbol("tag");\nfunction f() { return f[tag]; }\nf[tag] = "tagged";\nexports.fn = f;`,
    probe: "(f) => [f(), Object.getOwnPropertySymbols(f).length]",
    expected: ["tagged", 1],
  },
  {
    name: "function: closure over a closure",
    source: `const adder = (a) => (b) => a + b;\nconst add5 = adder(5);\nexports.fn = (x) => add5(x) * 2;`,
    probe: "(f) => f(1)",
    expected: 12,
  },
  {
    // Each closure's block context holds the previous closure: 2,000 nested
    // contexts to walk and emit. The probe returns a number, not the chain.
    name: "function: 2,000-deep closure chain",
    slow: true,
    source: `let f = () => 0;\nfor (let i = 0; i < 2000; i++) { const g = f; f = () => g() + 1; }\nexports.fn = f;`,
    expected: 2000,
  },
  {
    name: "function: returns a captured function with its identity",
    source: `const inner = () => 1;\nexports.fn = () => inner;`,
    probe: "(f) => [f()(), f() === f(), f().name]",
    expected: [1, true, "inner"],
  },
  {
    name: "function: calls captured functions stored in an array",
    source: `const steps = [(x) => x + 1, (x) => x * 3, (x) => x - 2];\nexports.fn = (x) => steps.reduce((acc, step) => step(acc), x);`,
    probe: "(f) => f(1)",
    expected: 4,
  },
  {
    name: "function: hoisted declaration defined after its use",
    source: `exports.fn = () => later(2);\nfunction later(x) { return x * 3; }`,
    expected: 6,
  },
  {
    name: "function: const declared after the function that reads it",
    source: `exports.fn = () => LIMIT * 2;\nconst LIMIT = 21;`,
    expected: 42,
  },
  {
    name: "function: constructor function with prototype methods",
    source: `function Point(x, y) { this.x = x; this.y = y; }\nPoint.prototype.sum = function () { return this.x + this.y; };\nexports.fn = Point;`,
    probe: "(P) => { const p = new P(1, 2); return [p.sum(), p instanceof P, p, P]; }",
  },
  {
    name: "function: replaced prototype object",
    source: `function F() {}\nF.prototype = { hello() { return "hi"; } };\nexports.fn = F;`,
    probe: "(F) => [new F().hello(), new F() instanceof F, Object.keys(F.prototype)]",
    expected: ["hi", true, ["hello"]],
  },
  {
    name: "function: [[Prototype]] set after it was made (a function, an arrow, an async function, a bound function)",
    source: `const f = function () { return 1; };\nObject.setPrototypeOf(f, { x: "from parent" });\nconst g = () => 2;\nObject.setPrototypeOf(g, null);\nconst h = async () => 3;\nObject.setPrototypeOf(h, Function.prototype);\nconst b = Function.prototype.bind.call(f, null);\nexports.fn = () => [f.x, f(), Object.getPrototypeOf(g), g(), Object.getPrototypeOf(h) === Function.prototype, b.x];`,
    expected: ["from parent", 1, null, 2, true, "from parent"],
  },
  {
    name: "function: a function inheriting from an instance (the router package's routers)",
    source: `function Router() { const router = function (x) { return router.handle(x); }; Object.setPrototypeOf(router, this); router.stack = []; return router; }\nRouter.prototype = function () {};\nRouter.prototype.handle = function (x) { return this.stack.length + x; };\nconst r = new Router();\nr.stack.push(1);\nexports.fn = () => [r(1), typeof r.handle, r instanceof Router];`,
    expected: [2, "function", true],
  },
  {
    name: "function: new.target tells a call from a construction",
    source: `function Kind() { if (!new.target) return "called"; this.kind = "constructed"; }\nexports.fn = Kind;`,
    probe: "(K) => [K(), new K().kind]",
    expected: ["called", "constructed"],
  },
  {
    name: "function: created by the Function constructor",
    source: `exports.fn = new Function("a", "b", "return a * b");`,
    probe: "(f) => [f(3, 4), f.name, f.length]",
    expected: [12, "anonymous", 2],
  },
  {
    name: "function: indirect eval reads only globals",
    source: `const indirect = eval;\nexports.fn = () => indirect("typeof require + ':' + (1 + 1)");`,
    expected: "undefined:2",
  },
  {
    name: "function: tagged template with a captured tag",
    source: "const tag = (s, ...v) => s.raw.join('|') + ':' + v.join(',');\nexports.fn = (x) => tag`a${x}b${x + 1}c`;",
    probe: "(f) => f(1)",
    expected: "a|b|c:1,2",
  },
  {
    name: "function: labelled loops and block scopes",
    source: `const limit = 3;\nexports.fn = () => { const out = []; outer: for (let i = 0; i < limit; i++) { for (let j = 0; j < limit; j++) { if (j > i) continue outer; out.push(i * 10 + j); } } return out; };`,
    expected: [0, 10, 11, 20, 21, 22],
  },
  {
    name: "function: inner declarations shadow a captured name",
    source: `const x = "outer";\nexports.fn = () => { { const x = "block"; void x; } const inner = () => { const x = "inner"; return x; }; return [x, inner()]; };`,
    expected: ["outer", "inner"],
  },
  {
    name: "function: use strict directive",
    source: `exports.fn = function () { "use strict"; return this === undefined; };`,
    expected: true,
  },
  {
    name: "function: emitted as an ES module",
    source: `const k = 3;\nexports.fn = (x) => x * k;`,
    options: { format: "esm" },
    probe: shape("f(2)"),
  },
  {
    name: "function: from an ES module source",
    sourceFormat: "esm",
    source: `const k = 4;\nexport const fn = (x) => x * k;`,
    probe: "(f) => f(2)",
    expected: 8,
  },
  {
    name: "function: from an ES module source, emitted as an ES module",
    sourceFormat: "esm",
    source: `const k = 5;\nexport function fn(x) { return x * k; }`,
    options: { format: "esm" },
    probe: shape("f(2)"),
  },
  {
    name: "function: exportName option",
    source: `exports.fn = () => "main";`,
    options: { exportName: "main" },
    expected: "main",
    check: (result, expect) => expect(result.exportName).toBe("main"),
  },
  {
    name: "function: isFactoryFunction exports the factory's result",
    source: `exports.fn = () => { let n = 0; return () => ++n; };`,
    options: { isFactoryFunction: true },
    probe: "(f) => [f(), f(), f()]",
    expected: [1, 2, 3],
  },
  {
    name: "function: isFactoryFunction calls the factory once at load",
    source: `let loads = 0;\nexports.fn = () => { loads++; return () => loads; };`,
    options: { isFactoryFunction: true },
    probe: "(f) => [f(), f()]",
    expected: [1, 1],
  },
  {
    name: "function: isFactoryFunction result is an object",
    source: `const base = { greeting: "hi" };\nexports.fn = () => ({ ...base, at: "load" });`,
    options: { isFactoryFunction: true },
    probe: "(v) => v",
    expected: { greeting: "hi", at: "load" },
  },
];

describe.concurrent("functions", () => roundTripTable(rows));
