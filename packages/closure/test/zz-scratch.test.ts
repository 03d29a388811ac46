import { describe, test } from "vitest";
import { roundTrip, serializeInChild } from "./support/round-trip.js";
import { expectRoundTrip } from "./support/table.js";

const cases = [
  { name: "esm ns as esm", sourceFormat: "esm" as const, options: { format: "esm" as const },
    source: `import * as ns from "fake-esm";\nexport const fn = () => [ns.VERSION, ns.tools.reverse("abc"), Object.keys(ns)];` },
  { name: "computed keys kept", source: `const method = "hello";\nconst sym = Symbol("tag");\nclass C { [method]() { return "hi"; } static [sym] = "static"; ["x" + 1] = 5; }\nexports.fn = () => [new C()[method](), C[sym], new C().x1];` },
  { name: "finreg", source: `const registry = new FinalizationRegistry(() => {});\nexports.fn = () => { registry.register({}, "held"); return "registered"; };` },
  { name: "weakref", source: `const target = { v: 1 };\nconst ref = new WeakRef(target);\nexports.fn = () => ref.deref() === target;` },
  { name: "chain2000", slow: true, source: `let f = () => 0;\nfor (let i = 0; i < 2000; i++) { const g = f; f = () => g() + 1; }\nexports.fn = f;` },
  { name: "redefined name only", source: `const f = function () { return 1; };\nObject.defineProperty(f, "name", { value: "renamed" });\nexports.fn = f;`, probe: "(f) => [f.name, f.length, f]" },
];

describe.concurrent("scratch", () => {
  for (const c of cases) {
    test(c.name, async ({ expect }) => {
      const t0 = Date.now();
      try {
        const r = await roundTrip(c);
        console.log(c.name, Date.now() - t0, "ms", JSON.stringify(r.original).slice(0, 300), "\nCOPY", JSON.stringify(r.copy).slice(0, 300), "\ntext", r.text.length, "captures", JSON.stringify(r.captures).length);
        if (c.name.startsWith("chain")) console.log(r.text.slice(0, 1500));
      } catch (e) { console.log(c.name, "ERR", String(e).slice(0, 1500)); }
      expect(1).toBe(1);
    }, 200000);
  }
  test("list 20000 captures", async ({ expect }) => {
    const o = await serializeInChild({ slow: true, source: `let list = null;\nfor (let i = 0; i < 20000; i++) list = { i, next: list };\nexports.fn = () => { let n = 0; for (let x = list; x; x = x.next) n++; return [n, list.i]; };` });
    if (o.ok) console.log("list text", o.text.length, "captures", o.captures.length, JSON.stringify(o.captures).length);
    expect(1).toBe(1);
  }, 200000);
  test("caught failing expect", async ({ expect }) => {
    const row = { name: "x", source: "exports.fn = function () { return this === globalThis; };", expected: true };
    const r = await roundTrip(row);
    const failure = await expectRoundTrip(expect, row, r).then(() => undefined, (e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    console.log("first line:", JSON.stringify((failure as Error).message.split("\n")[0]));
  });
});
