// Issue item 2: captured bindings are shared, not copied. A binding the copy
// writes keeps its value across calls; closures over one binding see each
// other's writes; separate bindings (factory calls, loop iterations) stay
// separate; values are those at serialization time.
import { describe } from "vitest";
import { roundTripTable, type RoundTripCase } from "./support/table.js";
import { unsupported } from "./unsupported.js";

const thrice = "(f) => [f(), f(), f()]";

const rows: RoundTripCase[] = [
  {
    name: "binding: counter returns 1, 2, 3 across calls",
    source: `let n = 0;\nexports.fn = () => ++n;`,
    probe: thrice,
    expected: [1, 2, 3],
  },
  {
    name: "binding: var counter inside a factory",
    source: `function make() { var n = 0; return function () { return ++n; }; }\nexports.fn = make();`,
    probe: thrice,
    expected: [1, 2, 3],
  },
  {
    name: "binding: counter already advanced before serialization",
    source: `let n = 0;\nexports.fn = () => ++n;\nexports.fn();\nexports.fn();`,
    probe: thrice,
    expected: [3, 4, 5],
  },
  {
    name: "binding: reassigned after the function is defined",
    source: `let v = 1;\nexports.fn = () => v;\nv = 2;`,
    expected: 2,
  },
  {
    name: "binding: two functions share a binding and see each other's writes",
    source: `let n = 0;\nconst inc = () => ++n;\nconst read = () => n;\nexports.fn = () => { inc(); inc(); return read(); };`,
    probe: "(f) => [f(), f()]",
    expected: [2, 4],
  },
  {
    name: "binding: writer, reader and reset reachable as properties of the root",
    source: `let n = 0;\nfunction fn() { return ++n; }\nfn.read = () => n;\nfn.reset = () => { n = 0; };\nexports.fn = fn;`,
    probe: "(f) => [f(), f(), f.read(), (f.reset(), f.read()), f()]",
    expected: [1, 2, 2, 0, 1],
  },
  {
    // Two modules whose top scopes look alike (same names, same values):
    // they are two contexts, told apart by their scripts without a snapshot.
    name: "binding: counters of two modules with identical state stay separate",
    source: `const a = require("./fixtures/counter-module.cjs");\nconst b = require("./fixtures/counter-module-2.cjs");\nexports.fn = () => [a.inc(), a.inc(), b.inc()];`,
    probe: "(f) => [f(), f()]",
    expected: [
      [1, 2, 1],
      [3, 4, 2],
    ],
  },
  {
    name: "binding: two counters from two factory calls stay separate",
    source: `const make = () => { let n = 0; return () => ++n; };\nconst a = make();\nconst b = make();\nexports.fn = () => [a(), a(), b()];`,
    probe: "(f) => [f(), f()]",
    expected: [
      [1, 2, 1],
      [3, 4, 2],
    ],
  },
  {
    name: "binding: each factory call's pair of closures shares its own binding",
    source: `const make = () => { let n = 0; return { inc: () => ++n, get: () => n }; };\nconst a = make(), b = make();\nexports.fn = () => { a.inc(); a.inc(); b.inc(); return [a.get(), b.get()]; };`,
    probe: "(f) => [f(), f()]",
    expected: [
      [2, 1],
      [4, 2],
    ],
  },
  {
    name: "binding: per-iteration let bindings in a for loop",
    source: `const fns = [];\nfor (let i = 0; i < 3; i++) fns.push(() => i);\nexports.fn = () => fns.map((g) => g());`,
    expected: [0, 1, 2],
  },
  {
    name: "binding: per-iteration bindings each keep their own writes",
    source: `const fns = [];\nfor (let i = 0; i < 3; i++) fns.push(() => (i += 10));\nexports.fn = () => fns.map((g) => g());`,
    probe: "(f) => [f(), f()]",
    expected: [
      [10, 11, 12],
      [20, 21, 22],
    ],
  },
  {
    name: "binding: two closures of one loop iteration share that iteration's binding",
    source: `const pairs = [];\nfor (let i = 0; i < 2; i++) pairs.push({ inc: () => ++i, get: () => i });\nexports.fn = () => pairs.map((p) => (p.inc(), p.get()));`,
    probe: "(f) => [f(), f()]",
    expected: [
      [1, 2],
      [2, 3],
    ],
  },
  {
    name: "binding: var in a loop is a single binding",
    source: `const fns = [];\nfor (var i = 0; i < 3; i++) fns.push(() => i);\nexports.fn = () => fns.map((g) => g());`,
    expected: [3, 3, 3],
  },
  {
    name: "binding: for-of const bindings",
    source: `const fns = [];\nfor (const name of ["a", "b", "c"]) fns.push(() => name);\nexports.fn = () => fns.map((g) => g()).join("");`,
    expected: "abc",
  },
  {
    name: "binding: for-in bindings",
    source: `const fns = [];\nfor (const key in { x: 1, y: 2 }) fns.push(() => key);\nexports.fn = () => fns.map((g) => g());`,
    expected: ["x", "y"],
  },
  {
    name: "binding: while loop with a block-scoped copy per iteration",
    source: `const fns = [];\nlet k = 0;\nwhile (k < 3) { const j = k; fns.push(() => j * k); k++; }\nexports.fn = () => fns.map((g) => g());`,
    expected: [0, 3, 6],
  },
  {
    name: "binding: catch clause parameter",
    source: `let g;\ntry { throw new Error("caught"); } catch (e) { g = () => e.message; }\nexports.fn = g;`,
    expected: "caught",
  },
  {
    name: "binding: let in a nested block",
    source: `let g;\n{ let hidden = 5; g = () => hidden++; }\nexports.fn = g;`,
    probe: thrice,
    expected: [5, 6, 7],
  },
  {
    name: "binding: switch case lexical binding",
    source: `let g;\nswitch (2) { case 1: break; case 2: { let picked = "two"; g = () => (picked += "!"); } }\nexports.fn = g;`,
    probe: "(f) => [f(), f()]",
    expected: ["two!", "two!!"],
  },
  {
    name: "binding: parameter binding reassigned",
    source: `function make(n) { return () => (n *= 2); }\nexports.fn = make(1);`,
    probe: thrice,
    expected: [2, 4, 8],
  },
  {
    name: "binding: function-valued binding swapped by another closure",
    source: `let impl = () => "first";\nconst swap = () => { impl = () => "second"; };\nexports.fn = () => { const r = impl(); swap(); return r; };`,
    probe: thrice,
    expected: ["first", "second", "second"],
  },
  {
    name: "binding: function declaration reassigned by another closure",
    source: `function greet() { return "old"; }\nconst rebind = () => { greet = () => "new"; };\nexports.fn = () => { const r = greet(); rebind(); return r; };`,
    probe: thrice,
    expected: ["old", "new", "new"],
  },
  {
    name: "binding: accessor pair over a binding",
    source: `let v = 1;\nconst box = { get v() { return v; }, set v(x) { v = x; } };\nexports.fn = () => { box.v = box.v + 1; return v; };`,
    probe: thrice,
    expected: [2, 3, 4],
  },
  {
    name: "binding: shared between the root and a method of a captured object",
    source: `let n = 0;\nconst obj = { bump() { n += 1; } };\nexports.fn = () => { obj.bump(); return n; };`,
    probe: thrice,
    expected: [1, 2, 3],
  },
  {
    name: "binding: shared at different closure depths",
    source: `let n = 0;\nfunction outer() { return function middle() { return () => ++n; }; }\nconst deep = outer()();\nexports.fn = () => [deep(), ++n];`,
    probe: "(f) => [f(), f()]",
    expected: [
      [1, 2],
      [3, 4],
    ],
  },
  {
    name: "binding: only one of two closures over a binding is captured",
    source: `let n = 0;\nconst inc = () => ++n;\nconst dec = () => --n;\ndec();\nexports.fn = inc;`,
    probe: thrice,
    expected: [0, 1, 2],
  },
  {
    name: "binding: closure reached through a Map value",
    source: `let n = 0;\nconst handlers = new Map([["inc", () => ++n]]);\nexports.fn = () => { handlers.get("inc")(); return n; };`,
    probe: thrice,
    expected: [1, 2, 3],
  },
  {
    name: "binding: const object mutated through the binding",
    source: `const state = { n: 0 };\nexports.fn = () => ++state.n;`,
    probe: thrice,
    expected: [1, 2, 3],
  },
  {
    name: "binding: outer and inner scopes of one closure chain",
    source: `let outer = 0;\nfunction make() { let inner = 0; return () => [++outer, ++inner]; }\nconst a = make();\nconst b = make();\nexports.fn = () => [a(), b()];`,
    probe: "(f) => [f(), f()]",
    expected: [
      [
        [1, 1],
        [2, 1],
      ],
      [
        [3, 2],
        [4, 2],
      ],
    ],
  },
  unsupported("binding: captured binding still in its temporal dead zone"),
  // Bindings named like globals: the factory declaring them must not read
  // the global of the same name (`const undefined = undefined` throws).
  {
    name: "binding: named like globals (undefined, NaN, Infinity, name, event)",
    source: `var undefined; var NaN = 5; let Infinity = "inf";\nfunction make() { var name = "nm"; var event = "ev"; const nothing = void 0, notANumber = 0 / 0, big = 1 / 0; return () => [undefined, NaN, Infinity, name, event, nothing, notANumber, big]; }\nexports.fn = make();`,
    expected: [undefined, 5, "inf", "nm", "ev", undefined, NaN, Infinity],
  },
  {
    name: "binding: named like a global, read by a nested scope's literal",
    source: `var NaN = 7;\nfunction make() { const gap = 0 / 0; let missing = void 0; return () => [NaN, gap, missing, (missing = 1)]; }\nexports.fn = make();`,
    probe: "(f) => [f(), f()]",
    expected: [
      [7, NaN, undefined, 1],
      [7, NaN, 1, 1],
    ],
  },
  {
    // lodash's module scope declares \`var undefined;\`: its closures are copied with it.
    name: "binding: lodash's var undefined in functions copied from lodash",
    source: `const _ = require("lodash");\nconst twice = _.memoize((x) => x * 2);\nconst once = _.once(() => "first");\nexports.fn = () => [twice(2), twice.cache.has(2), once(), once()];`,
    expected: [4, true, "first", "first"],
    modules: ["lodash"],
  },
];

describe.concurrent("bindings", () => roundTripTable(rows));
