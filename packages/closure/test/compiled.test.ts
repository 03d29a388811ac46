// Issue item 9: functions compiled by tsc (targets ES5, ES2015, ES2017; inline
// helpers and tslib importHelpers; private fields lowered to WeakMaps) and by
// esbuild. TypeScript is compiled here in the worker (text in, text out);
// the JS output is then round-tripped like any other case.
import { transformSync, type TransformOptions } from "esbuild";
import ts from "typescript";
import { describe } from "vitest";
import { roundTripTable, type RoundTripCase } from "./support/table.js";
import { isPackageAvailable } from "./support/workspace.js";

const thrice = "(f) => [f(), f(), f()]";
const noTslib = isPackageAvailable("tslib") ? false : "tslib is not installed at the repository root";

/** tsc's output for a CommonJS module (or ESM when `module` says so). */
function tsc(source: string, options: ts.CompilerOptions): string {
  const compilerOptions: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, strict: true, ...options };
  return ts.transpileModule(source, { compilerOptions, reportDiagnostics: false }).outputText;
}

function esbuild(source: string, options: TransformOptions): string {
  return transformSync(source, { loader: "ts", format: "cjs", platform: "node", ...options }).code;
}

const { ES5, ES2015, ES2017, ES2022 } = ts.ScriptTarget;

const privateCounter = `
export class Counter {
  #n = 0;
  static made = 0;
  static #secret = "s";
  constructor(private readonly step: number) { Counter.made++; }
  inc(): number { this.#n += this.step; return this.#n; }
  #peek(): number { return this.#n; }
  peek(): [number, string] { return [this.#peek(), Counter.#secret]; }
}
const c = new Counter(2);
export const fn = () => [c.inc(), Counter.made, c.peek()];
`;

const asyncSource = `
const delay = (v: number) => new Promise<number>((r) => setTimeout(() => r(v), 1));
export async function fn(x: number): Promise<number> {
  const a = await delay(x);
  const b = await delay(a * 2);
  return a + b;
}
`;

const inheritance = `
class Animal { constructor(public name: string) {} speak(): string { return this.name + " speaks"; } }
class Dog extends Animal { speak(): string { return super.speak() + " woof"; } }
const d = new Dog("rex");
export const fn = () => [d.speak(), d instanceof Animal, d instanceof Dog];
`;

const spreadRest = `
const base = [1, 2];
export const fn = (...more: number[]) => {
  const [first, ...rest] = [...base, ...more];
  const { a = 1, ...others }: { a?: number; b: number; c: number } = { b: 2, c: 3 };
  return [first, rest, a, others];
};
`;

const arrowThis = `
class Clicker { count = 0; handler = () => ++this.count; }
const c = new Clicker();
export const fn = c.handler;
`;

const forOfMap = `
const m = new Map([["a", 1], ["b", 2]]);
export const fn = () => { let s = 0; for (const [, v] of m) s += v; return s; };
`;

const enumNamespace = `
enum Color { Red, Green = "g" }
namespace Util { export const twice = (x: number) => x * 2; }
export const fn = () => [Color.Red, Color[0], Color.Green, Util.twice(4)];
`;

const decorators = `
const calls: string[] = [];
function log(_target: object, key: string, desc: PropertyDescriptor) {
  const orig = desc.value;
  desc.value = function (this: unknown, ...a: unknown[]) { calls.push(key); return orig.apply(this, a); };
}
class Svc { @log run(x: number) { return x + 1; } }
const s = new Svc();
export const fn = () => [s.run(1), calls.length];
`;

const importsBuiltins = `
import * as path from "path";
import fs from "fs";
import { EventEmitter } from "events";
export const fn = () => [path.join("a", "b"), typeof fs.readFileSync, new EventEmitter() instanceof EventEmitter];
`;

const importsPackage = `
import { greet, Greeter } from "fake-greeter";
class Polite extends Greeter { greet(n: string) { return super.greet(n) + ", please"; } }
export const fn = () => [greet("ts"), new Polite("hi").greet("x")];
`;

const rows: RoundTripCase[] = [
  {
    name: "tsc: private fields lowered to WeakMaps (ES2015)",
    source: tsc(privateCounter, { target: ES2015 }),
    probe: thrice,
    expected: [
      [2, 1, [2, "s"]],
      [4, 1, [4, "s"]],
      [6, 1, [6, "s"]],
    ],
    check: (result, expect) => expect(result.text).not.toContain("#n"),
  },
  {
    name: "tsc: private fields lowered to WeakMaps (ES2017)",
    source: tsc(privateCounter, { target: ES2017 }),
    probe: thrice,
    expected: [
      [2, 1, [2, "s"]],
      [4, 1, [4, "s"]],
      [6, 1, [6, "s"]],
    ],
  },
  {
    name: "tsc: native private fields (ES2022)",
    source: tsc(privateCounter, { target: ES2022 }),
    probe: thrice,
    expected: [
      [2, 1, [2, "s"]],
      [4, 1, [4, "s"]],
      [6, 1, [6, "s"]],
    ],
  },
  {
    name: "tsc: private fields with tslib importHelpers (ES2015)",
    source: tsc(privateCounter, { target: ES2015, importHelpers: true }),
    probe: thrice,
    expected: [
      [2, 1, [2, "s"]],
      [4, 1, [4, "s"]],
      [6, 1, [6, "s"]],
    ],
    modules: ["tslib"],
    skip: noTslib,
  },
  {
    name: "tsc: async function with __awaiter and __generator (ES5)",
    source: tsc(asyncSource, { target: ES5 }),
    probe: "(f) => f(2)",
    expected: 6,
  },
  {
    name: "tsc: async function with __awaiter over a generator (ES2015)",
    source: tsc(asyncSource, { target: ES2015 }),
    probe: "(f) => f(2)",
    expected: 6,
  },
  {
    name: "tsc: native async function (ES2017)",
    source: tsc(asyncSource, { target: ES2017 }),
    probe: "(f) => f(2)",
    expected: 6,
  },
  {
    name: "tsc: async function with tslib importHelpers (ES5)",
    source: tsc(asyncSource, { target: ES5, importHelpers: true }),
    probe: "(f) => f(2)",
    expected: 6,
    modules: ["tslib"],
    skip: noTslib,
  },
  {
    name: "tsc: class inheritance with __extends (ES5)",
    source: tsc(inheritance, { target: ES5 }),
    expected: ["rex speaks woof", true, true],
  },
  {
    name: "tsc: class inheritance (ES2015)",
    source: tsc(inheritance, { target: ES2015 }),
    expected: ["rex speaks woof", true, true],
  },
  {
    name: "tsc: class inheritance with tslib importHelpers (ES5)",
    source: tsc(inheritance, { target: ES5, importHelpers: true }),
    expected: ["rex speaks woof", true, true],
    // __extends ran when the module loaded; the captured classes no longer need tslib.
    modules: [],
    skip: noTslib,
  },
  {
    name: "tsc: spread and rest with __spreadArray and __rest (ES5)",
    source: tsc(spreadRest, { target: ES5 }),
    probe: "(f) => f(3, 4)",
    expected: [1, [2, 3, 4], 1, { b: 2, c: 3 }],
  },
  {
    name: "tsc: arrow capturing this as _this (ES5)",
    source: tsc(arrowThis, { target: ES5 }),
    probe: thrice,
    expected: [1, 2, 3],
  },
  {
    name: "tsc: for-of over a Map with downlevelIteration (ES5)",
    source: tsc(forOfMap, { target: ES5, downlevelIteration: true }),
    expected: 3,
  },
  {
    name: "tsc: enum and namespace (ES2017)",
    source: tsc(enumNamespace, { target: ES2017 }),
    expected: [0, "Red", "g", 8],
  },
  {
    name: "tsc: experimental decorators with __decorate (ES2017)",
    source: tsc(decorators, { target: ES2017, experimentalDecorators: true }),
    probe: "(f) => [f(), f()]",
    expected: [
      [2, 1],
      [2, 2],
    ],
  },
  {
    name: "tsc: esModuleInterop imports of builtins",
    source: tsc(importsBuiltins, { target: ES2017, esModuleInterop: true }),
    expected: ["a/b", "function", true],
    modules: ["events", "fs", "path"],
  },
  {
    name: "tsc: import from a package and a subclass of its class",
    source: tsc(importsPackage, { target: ES2017, esModuleInterop: true }),
    expected: ["hello, ts", "hi, x, please"],
    modules: ["fake-greeter"],
  },
  {
    name: "tsc: ES module output",
    sourceFormat: "esm",
    source: tsc(privateCounter, { target: ES2022, module: ts.ModuleKind.ES2022 }),
    probe: thrice,
    expected: [
      [2, 1, [2, "s"]],
      [4, 1, [4, "s"]],
      [6, 1, [6, "s"]],
    ],
  },
  {
    name: "esbuild: private fields lowered (es2020)",
    source: esbuild(privateCounter, { target: "es2020" }),
    probe: thrice,
    expected: [
      [2, 1, [2, "s"]],
      [4, 1, [4, "s"]],
      [6, 1, [6, "s"]],
    ],
  },
  {
    name: "esbuild: async lowered to generators (es2016)",
    source: esbuild(asyncSource, { target: "es2016" }),
    probe: "(f) => f(2)",
    expected: 6,
  },
  {
    name: "esbuild: object rest and spread lowered (es2017)",
    source: esbuild(spreadRest, { target: "es2017" }),
    probe: "(f) => f(3, 4)",
    expected: [1, [2, 3, 4], 1, { b: 2, c: 3 }],
  },
  {
    name: "esbuild: class static block lowered (es2021)",
    source: esbuild(`class C { static v: number; static { C.v = 7; } }\nexport const fn = () => C.v;`, { target: "es2021" }),
    expected: 7,
  },
  {
    name: "esbuild: ES module imports converted to CommonJS",
    source: esbuild(importsBuiltins, { target: "es2022" }),
    expected: ["a/b", "function", true],
    modules: ["events", "fs", "path"],
  },
  {
    name: "esbuild: package import converted to CommonJS",
    source: esbuild(importsPackage, { target: "es2022" }),
    expected: ["hello, ts", "hi, x, please"],
    modules: ["fake-greeter"],
  },
  {
    name: "esbuild: keepNames with the __name helper",
    source: esbuild(`export const fn = (() => function namedFn(x: number) { return x + 1; })();`, { keepNames: true, minify: true }),
    probe: "(f) => [f(1), f.name]",
    expected: [2, "namedFn"],
  },
  {
    name: "esbuild: minified",
    source: esbuild(inheritance, { minify: true, target: "es2019" }),
    expected: ["rex speaks woof", true, true],
  },
  {
    name: "esbuild: ES module output",
    sourceFormat: "esm",
    source: esbuild(privateCounter, { format: "esm", target: "es2020" }),
    options: { format: "esm" },
    probe: thrice,
    expected: [
      [2, 1, [2, "s"]],
      [4, 1, [4, "s"]],
      [6, 1, [6, "s"]],
    ],
  },
];

describe.concurrent("compiled", () => roundTripTable(rows));
