// Issue item 5: primitives, objects and arrays, prototypes, cycles and shared
// references, property descriptors (never invoking a user getter),
// integrity levels and own __proto__ keys. Also the `serialize` option.
import { describe } from "vitest";
import { roundTripTable, type RoundTripCase } from "./support/table.js";

const thrice = "(f) => [f(), f(), f()]";

/** A row whose function returns the captured value `expr` (declared as `v`). */
const captured = (name: string, setup: string, expected?: unknown): RoundTripCase => ({
  name,
  source: `${setup}\nexports.fn = () => v;`,
  ...(expected === undefined ? {} : { expected }),
});

const rows: RoundTripCase[] = [
  captured("primitive: NaN", "const v = NaN;", NaN),
  captured("primitive: negative zero", "const v = -0;", -0),
  captured("primitive: Infinity", "const v = Infinity;", Infinity),
  captured("primitive: -Infinity", "const v = -Infinity;", -Infinity),
  captured("primitive: bigint", "const v = 10n;", 10n),
  captured("primitive: large negative bigint", "const v = -(2n ** 100n);", -(2n ** 100n)),
  captured("primitive: lone high surrogate", 'const v = "a\\ud800b";', "a\ud800b"),
  captured("primitive: lone low surrogate at the end", 'const v = "z\\udc00";', "z\udc00"),
  captured("primitive: surrogate pair", 'const v = "\\ud83d\\ude00";', "\u{1F600}"),
  captured(
    "primitive: string with quotes, newlines, line separators and a script tag",
    'const v = "line\\nbreak \\"q\\" \'s\' `t` \\u2028\\u2029 </script> ${x} \\\\ \\0";',
    "line\nbreak \"q\" 's' `t` \u2028\u2029 </script> ${x} \\ \0",
  ),
  captured("primitive: empty string", 'const v = "";', ""),
  captured("primitive: undefined and null", "const v = [undefined, null];", [undefined, null]),
  captured("primitive: booleans", "const v = [true, false];", [true, false]),
  captured("primitive: number edge values", "const v = [Number.MAX_VALUE, Number.MIN_VALUE, 0.1 + 0.2, -1e-7, 2 ** 53 + 2, 1e21];", [
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    0.1 + 0.2,
    -1e-7,
    2 ** 53 + 2,
    1e21,
  ]),
  {
    name: "primitive: captured undefined binding",
    source: `let v;\nexports.fn = () => [v, typeof v];`,
    expected: [undefined, "undefined"],
  },
  captured("object: nested plain object", "const v = { a: 1, b: { c: [1, 2] } };", { a: 1, b: { c: [1, 2] } }),
  captured("object: undefined property is not a missing one", "const v = { a: undefined };", { a: undefined }),
  captured("object: integer-like keys come first in order", 'const v = { b: 1, 2: "two", a: 2, 1: "one" };'),
  captured("object: property order after delete and re-add", "const v = { a: 1, b: 2, c: 3 };\ndelete v.b;\nv.b = 4;"),
  captured("object: symbol keys", 'const k = Symbol("k");\nconst v = { [k]: 1, plain: 2 };'),
  captured("object: null prototype", "const v = Object.assign(Object.create(null), { a: 1 });"),
  {
    name: "object: custom prototype",
    source: `const proto = { greet() { return "hi " + this.name; } };\nconst o = Object.create(proto);\no.name = "x";\nexports.fn = () => [o.greet(), Object.getPrototypeOf(o) === proto, o];`,
  },
  {
    name: "object: prototype shared by two objects",
    source: `const proto = { kind: "shared" };\nconst a = Object.create(proto), b = Object.create(proto);\nexports.fn = () => [Object.getPrototypeOf(a) === Object.getPrototypeOf(b), a.kind];`,
    expected: [true, "shared"],
  },
  {
    name: "object: cycle to itself",
    source: `const o = { name: "o" };\no.self = o;\nexports.fn = () => o;`,
    probe: "(f) => [f().self === f(), f()]",
  },
  {
    name: "object: cycle through two objects",
    source: `const a = { name: "a" }, b = { name: "b", a };\na.b = b;\nexports.fn = () => a;`,
    probe: "(f) => [f().b.a === f(), f()]",
  },
  {
    name: "object: shared reference within one value",
    source: `const s = { n: 1 };\nconst o = { a: s, b: s };\nexports.fn = () => o;`,
    probe: "(f) => [f().a === f().b, f()]",
  },
  {
    name: "object: identity kept across two captured variables",
    source: `const shared = {};\nconst x = { s: shared };\nexports.fn = () => x.s === shared;`,
    expected: true,
  },
  {
    name: "object: mutation through one path is seen through another",
    source: `const shared = { n: 0 };\nconst x = { s: shared };\nexports.fn = () => { x.s.n++; return shared.n; };`,
    probe: thrice,
    expected: [1, 2, 3],
  },
  {
    name: "object: non-enumerable property",
    source: `const o = {};\nObject.defineProperty(o, "hidden", { value: 1, enumerable: false });\nexports.fn = () => [Object.keys(o), o.hidden, o];`,
  },
  {
    name: "object: non-writable, non-configurable property",
    source: `const o = {};\nObject.defineProperty(o, "fixed", { value: 1, writable: false, enumerable: true, configurable: false });\nexports.fn = () => [Object.getOwnPropertyDescriptor(o, "fixed"), o];`,
  },
  {
    name: "object: user getter is not invoked while serializing",
    source: `const o = { get boom() { throw new Error("getter invoked"); }, set boom(v) {} };\nexports.fn = () => [typeof Object.getOwnPropertyDescriptor(o, "boom").get, o];`,
  },
  {
    name: "object: getter reading and writing a capture",
    source: `let hits = 0;\nconst o = { get n() { return ++hits; } };\nexports.fn = () => [o.n, o.n];`,
    probe: "(f) => [f(), f()]",
    expected: [
      [1, 2],
      [3, 4],
    ],
  },
  {
    name: "object: property defined with mixed descriptors",
    source: `const v = Object.defineProperties({}, { a: { value: 1, enumerable: true }, b: { get() { return 2; }, enumerable: false, configurable: true }, c: { value: 3, writable: true } });\nexports.fn = () => [v, v.b];`,
  },
  {
    name: "object: frozen object, nested object not frozen",
    source: `const v = Object.freeze({ a: 1, nested: { b: 2 } });\nexports.fn = () => [Object.isFrozen(v), Object.isFrozen(v.nested), v];`,
  },
  captured("object: sealed object", "const v = Object.seal({ a: 1 });"),
  captured("object: non-extensible object", "const v = Object.preventExtensions({ a: 1 });"),
  captured("object: frozen array", "const v = Object.freeze([1, 2]);"),
  {
    name: "object: own __proto__ key from JSON.parse",
    source: `const o = JSON.parse('{"__proto__": {"x": 1}, "y": 2}');\nexports.fn = () => [Object.keys(o), Object.getPrototypeOf(o) === Object.prototype, o];`,
  },
  {
    name: "object: own __proto__ key from a computed key",
    source: `const o = { ["__proto__"]: 5 };\nexports.fn = () => [Object.keys(o), o.__proto__, Object.getPrototypeOf(o) === Object.prototype];`,
    expected: [["__proto__"], 5, true],
  },
  {
    name: "object: a thousand keys",
    slow: true,
    source: `const o = {};\nfor (let i = 0; i < 1000; i++) o["k" + i] = i;\nexports.fn = () => Object.keys(o).length + o.k999;`,
    expected: 1999,
  },
  {
    name: "object: 20,000-deep linked list",
    slow: true,
    source: `let list = null;\nfor (let i = 0; i < 20000; i++) list = { i, next: list };\nexports.fn = () => { let n = 0; for (let x = list; x; x = x.next) n++; return [n, list.i]; };`,
    expected: [20000, 19999],
  },
  {
    name: "object: 100,000-element array",
    slow: true,
    source: `const arr = Array.from({ length: 100000 }, (_, i) => i);\nexports.fn = () => [arr.length, arr.reduce((a, b) => a + b, 0)];`,
    expected: [100000, 4999950000],
  },
  {
    name: "object: arguments object",
    // Unsure how the serializer rebuilds an arguments object (its
    // toStringTag and callee); the row pins what a user can observe.
    source: `function args() { return arguments; }\nconst a = args(1, 2);\nexports.fn = () => [a.length, a[0], Object.prototype.toString.call(a)];`,
    expected: [2, 1, "[object Arguments]"],
  },
  {
    name: "array: sparse with a hole",
    source: `const a = [1, , 3];\nexports.fn = () => a;`,
    probe: "(f) => [1 in f(), f()]",
  },
  captured("array: trailing holes", "const v = [1, , ,];"),
  captured("array: explicit length longer than its elements", "const v = [1];\nv.length = 5;"),
  captured("array: extra named properties", 'const v = [1, 2];\nv.label = "pair";'),
  captured("array: negative zero and NaN elements", "const v = [-0, NaN];", [-0, NaN]),
  captured("array: non-writable length", 'const v = [1, 2];\nObject.defineProperty(v, "length", { writable: false });'),
  {
    name: "array: custom prototype",
    source: `const proto = Object.create(Array.prototype, { first: { get() { return this[0]; } } });\nconst v = Object.setPrototypeOf([7, 8], proto);\nexports.fn = () => [v.first, Array.isArray(v), v];`,
  },
  // From 1,024 elements an array's extra keys come from the inspector, and an
  // array of JSON primitives only is written by JSON.stringify.
  {
    name: "array: large, JSON primitives, extra keys in insertion order",
    source: `const v = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? "s" + i : i % 3 === 1 ? i / 7 : i % 2 === 0));\nv.z = 1;\nv.a = null;\nv[Symbol.for("k")] = 3;\nObject.defineProperty(v, "hidden", { value: 4, enumerable: false });\nexports.fn = () => v;`,
    probe: `(f) => { const v = f(); return [v.length, v.slice(0, 7), v[2999], Reflect.ownKeys(v).slice(3000).map(String), Object.getOwnPropertyDescriptor(v, "hidden"), v[Symbol.for("k")]]; }`,
  },
  {
    name: "array: large, strings with line separators stay escaped",
    source: `const v = Array.from({ length: 2000 }, (_, i) => (i === 5 ? "a\\u2028b\\u2029c" : "x" + i));\nexports.fn = () => v;`,
    probe: "(f) => [f()[5], f()[1999], f().length]",
    check: (result, expect) => expect(result.text).not.toMatch(/[\u2028\u2029]/),
  },
  {
    name: "array: large, -0, NaN, undefined and a hole among numbers",
    source: `const v = Array.from({ length: 2000 }, (_, i) => i);\nv[5] = -0;\nv[6] = NaN;\nv[7] = undefined;\ndelete v[8];\nv[9] = 10n;\nexports.fn = () => v;`,
    probe: "(f) => { const v = f(); return [Object.is(v[5], -0), v[6], 7 in v, v[7], 8 in v, typeof v[9], v.length, v[1999]]; }",
  },
  {
    name: "array: large, a getter element (never called) and a read-only element",
    source: `let calls = 0;\nconst v = Array.from({ length: 2000 }, (_, i) => i);\nObject.defineProperty(v, 10, { get() { calls++; return 99; }, enumerable: true, configurable: true });\nObject.defineProperty(v, 11, { value: 5, writable: false, enumerable: true, configurable: true });\nexports.fn = () => [calls, v];`,
    probe: "(f) => { const [calls, v] = f(); return [calls, v[10], calls, Object.getOwnPropertyDescriptor(v, 11), v[1999]]; }",
  },
  {
    name: "array: large and frozen",
    source: `const v = Object.freeze(Array.from({ length: 1500 }, (_, i) => i * 2));\nexports.fn = () => v;`,
    probe: "(f) => [Object.isFrozen(f()), f()[1499], f().length]",
  },
  {
    name: "array: large, numbers around shared objects",
    source: `const shared = { n: 1 };\nconst v = Array.from({ length: 1200 }, (_, i) => (i === 600 || i === 900 ? shared : i));\nexports.fn = () => v;`,
    probe: "(f) => { const v = f(); return [v[600] === v[900], v[600], v[599], v[1199]]; }",
  },
  {
    name: "array: own toJSON is kept and not used to write the literal",
    source: `const v = [1, "two", true];\nv.toJSON = function () { return "replaced"; };\nexports.fn = () => v;`,
    probe: "(f) => [f()[1], f().length, JSON.stringify(f())]",
  },
  captured("array: element defined by a getter", "const v = [0];\nObject.defineProperty(v, 0, { get() { return 1; }, enumerable: true });"),
  {
    name: "option: serialize returning false emits undefined",
    source: `const secret = { token: "s3cret" };\nexports.fn = () => secret;\nexports.options = { serialize: (v) => !(v && v.token) };`,
    expected: { token: "s3cret" },
    expectedCopy: undefined,
    check: (result, expect) => expect(result.text).not.toContain("s3cret"),
  },
  {
    name: "option: serialize skips one property value",
    source: `const cfg = { visible: 1, secret: { token: "hidden" } };\nexports.fn = () => cfg;\nexports.options = { serialize: (v) => !(v && v.token) };`,
    expected: { visible: 1, secret: { token: "hidden" } },
    expectedCopy: { visible: 1, secret: undefined },
    check: (result, expect) => expect(result.text).not.toContain("hidden"),
  },
];

describe.concurrent("values", () => roundTripTable(rows));
