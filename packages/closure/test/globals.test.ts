// Issue item 8: globals are the run time's, never snapshotted: console,
// process and process.env (child B runs with different values than child A),
// Math, JSON, fetch, Buffer, URL… A local that only shadows a global name is
// an ordinary captured variable.
import { describe } from "vitest";
import { roundTripTable, type RoundTripCase } from "./support/table.js";

const deployEnv = { GREETING: "from-deploy" };
const runEnv = { GREETING: "from-run" };

const rows: RoundTripCase[] = [
  {
    name: "global: console.log output",
    source: `const prefix = "[app]";\nexports.fn = () => { console.log(prefix, 1, { a: 1 }); return "logged"; };`,
    expected: "logged",
    check: (result, expect) => expect(result.originalLogs.stdout).toBe("[app] 1 { a: 1 }\n"),
  },
  {
    name: "global: console.error output",
    source: `exports.fn = () => { console.error("oops"); console.warn("careful"); return 1; };`,
    expected: 1,
    check: (result, expect) => expect(result.originalLogs.stderr).toBe("oops\ncareful\n"),
  },
  {
    name: "global: process.env read when the copy runs",
    source: `exports.fn = () => process.env.GREETING;`,
    env: { serialize: deployEnv, run: runEnv },
    expected: "from-deploy",
    expectedCopy: "from-run",
    check: (result, expect) => expect(result.text).not.toContain("from-deploy"),
  },
  {
    name: "global: process.env variable unset where the copy runs",
    source: `exports.fn = () => [process.env.ONLY_AT_DEPLOY, "ONLY_AT_DEPLOY" in process.env];`,
    env: { serialize: { ONLY_AT_DEPLOY: "secret-value" } },
    expected: ["secret-value", true],
    expectedCopy: [undefined, false],
    check: (result, expect) => expect(result.text).not.toContain("secret-value"),
  },
  {
    // process.env reached through a captured alias is still the global's
    // property: by reference, so the copy reads the run-time environment.
    name: "global: captured alias of process.env",
    source: `const env = process.env;\nexports.fn = () => [env.GREETING, env === process.env];`,
    env: { serialize: deployEnv, run: runEnv },
    expected: ["from-deploy", true],
    expectedCopy: ["from-run", true],
    check: (result, expect) => expect(result.text).not.toContain("from-deploy"),
  },
  {
    // The user copied the value into a const at load time: that string is an
    // ordinary captured value and travels (the user's explicit snapshot).
    name: "global: process.env value copied into a const is a captured value",
    source: `const greeting = process.env.GREETING;\nexports.fn = () => greeting;`,
    env: { serialize: deployEnv, run: runEnv },
    expected: "from-deploy",
  },
  {
    name: "global: captured alias of process",
    source: `const p = process;\nexports.fn = () => [p === globalThis.process, typeof p.pid];`,
    expected: [true, "number"],
  },
  {
    name: "global: captured process.stdout writes to the run-time stdout",
    source: `const out = process.stdout;\nexports.fn = () => { out.write("direct\\n"); return out === process.stdout; };`,
    expected: true,
    check: (result, expect) => expect(result.originalLogs.stdout).toBe("direct\n"),
  },
  {
    name: "global: process.cwd at call time",
    source: `const path = require("path");\nexports.fn = () => path.basename(process.cwd());`,
    expected: "case",
    expectedCopy: "out",
  },
  {
    name: "global: Math",
    source: `exports.fn = () => [Math.max(1, 5), Math.PI, Math.hypot(3, 4)];`,
    expected: [5, Math.PI, 5],
  },
  {
    name: "global: Math.random is called, not snapshotted",
    source: `const rnd = Math.random;\nexports.fn = () => { const a = Math.random(), b = rnd(); return [a !== b, a >= 0 && a < 1, rnd === Math.random]; };`,
    expected: [true, true, true],
  },
  {
    name: "global: JSON",
    source: `exports.fn = () => JSON.stringify(JSON.parse('{"a":[1]}'));`,
    expected: '{"a":[1]}',
  },
  {
    name: "global: fetch is the run time's",
    source: `const f = fetch;\nexports.fn = () => [typeof fetch, fetch === globalThis.fetch, f === globalThis.fetch];`,
    expected: ["function", true, true],
  },
  // Node defines these lazily (an accessor that loads a module on first
  // read); a value read from one is still referenced as the global.
  {
    name: "global: lazily defined class captured as a value (FormData)",
    source: `const F = FormData;\nexports.fn = () => [F === globalThis.FormData, typeof new F().append];`,
    expected: [true, "function"],
    check: (result, expect) => expect(result.text).toMatch(/\bFormData\b/),
  },
  {
    name: "global: lazily defined object captured as a value (performance)",
    source: `const perf = performance;\nexports.fn = () => [perf === globalThis.performance, typeof perf.now()];`,
    expected: [true, "number"],
    check: (result, expect) => expect(result.text).toMatch(/\bperformance\b/),
  },
  {
    name: "global: lazily defined class captured inside an object (ReadableStream)",
    source: `const kit = { Stream: ReadableStream };\nexports.fn = () => kit.Stream === globalThis.ReadableStream;`,
    expected: true,
  },
  {
    name: "global: Buffer",
    source: `exports.fn = () => Buffer.from("hi").toString("base64");`,
    expected: "aGk=",
  },
  {
    name: "global: URL and URLSearchParams classes",
    source: `exports.fn = () => [new URL("https://x.test/p?q=1").searchParams.get("q"), new URLSearchParams("a=2").get("a")];`,
    expected: ["1", "2"],
  },
  {
    name: "global: captured alias of a global class",
    source: `const U = URL;\nconst E = Error;\nexports.fn = () => [U === globalThis.URL, E === globalThis.Error, new U("https://a.test").host];`,
    expected: [true, true, "a.test"],
  },
  {
    name: "global: captured globalThis",
    source: `const g = globalThis;\nexports.fn = () => [g === globalThis, typeof g.setTimeout];`,
    expected: [true, "function"],
  },
  {
    name: "global: captured static methods of global objects",
    source: `const { keys } = Object;\nconst { parse } = JSON;\nexports.fn = () => [keys({ a: 1 }), parse("2"), keys === Object.keys];`,
    expected: [["a"], 2, true],
  },
  {
    name: "global: timers and promises",
    source: `exports.fn = () => new Promise((r) => setTimeout(() => r("later"), 1));`,
    expected: "later",
  },
  {
    name: "global: structuredClone, TextEncoder, queueMicrotask",
    source: `exports.fn = () => new Promise((r) => queueMicrotask(() => r([structuredClone({ a: 1 }), new TextEncoder().encode("a")[0]])));`,
    expected: [{ a: 1 }, 97],
  },
  {
    name: "global: Date.now at call time",
    source: `const before = Date.now();\nexports.fn = () => Date.now() >= before;`,
    expected: true,
  },
  {
    name: "global: Intl",
    source: `exports.fn = () => new Intl.NumberFormat("en-US").format(1234.5);`,
    expected: "1,234.5",
  },
  {
    name: "global: typeof an undeclared name",
    source: `exports.fn = () => typeof someGlobalThatDoesNotExist;`,
    expected: "undefined",
  },
  {
    // A property the user put on globalThis is not a built-in global:
    // presumably captured by value. Unsure; the original's value is the
    // reference.
    name: "global: user-defined global property",
    source: `globalThis.appName = "demo";\nexports.fn = () => appName;`,
    expected: "demo",
  },
  {
    name: "global: local const shadows Math",
    source: `const Math = { max: () => "mine" };\nexports.fn = () => Math.max(1, 2);`,
    expected: "mine",
  },
  {
    name: "global: local const shadows console",
    source: `const console = { log: (x) => "captured " + x };\nexports.fn = () => console.log("x");`,
    expected: "captured x",
    check: (result, expect) => expect(result.copyLogs.stdout).toBe(""),
  },
  {
    name: "global: local const shadows process",
    source: `const process = { env: { GREETING: "local" } };\nexports.fn = () => process.env.GREETING;`,
    env: { serialize: deployEnv, run: runEnv },
    expected: "local",
  },
  {
    name: "global: parameter shadows JSON",
    source: `exports.fn = (JSON) => JSON;`,
    probe: "(f) => f(5)",
    expected: 5,
  },
  {
    name: "global: block-scoped local shadows a global inside the function",
    source: `exports.fn = () => { const Buffer = "not a buffer"; return [Buffer, typeof globalThis.Buffer]; };`,
    expected: ["not a buffer", "function"],
  },
];

describe.concurrent("globals", () => roundTripTable(rows));
