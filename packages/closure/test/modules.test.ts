// Issue item 7: node builtins and installed packages are captured by
// reference (re-required or imported by the emitted module, listed in
// `modules`), CommonJS and ESM alike; modules of the user's own project are
// captured by value. Fake packages live in fixtures/closure/node_modules.
import { describe, type ExpectStatic } from "vitest";
import type { RoundTripResult } from "./support/round-trip.js";
import { roundTripTable, type RoundTripCase } from "./support/table.js";
import { unsupported } from "./unsupported.js";

const thrice = "(f) => [f(), f(), f()]";

/** The text loads `specifier` (require or import) rather than copying it. */
const loads =
  (specifier: string) =>
  (result: RoundTripResult, expect: ExpectStatic): void => {
    const escaped = specifier.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    expect(result.text).toMatch(new RegExp(`["'](node:)?${escaped}["']`));
  };

/** Nothing of the project-local module is required: it was copied. */
const copiesLocal = (result: RoundTripResult, expect: ExpectStatic): void => {
  expect(result.text).not.toMatch(/local-(util|esm)/);
  expect(result.text).not.toMatch(/fixtures/);
};

const rows: RoundTripCase[] = [
  {
    name: "builtin: function taken by destructuring",
    source: `const { join } = require("path");\nexports.fn = () => join("a", "b");`,
    expected: "a/b",
    modules: ["path"],
    check: loads("path"),
  },
  {
    name: "builtin: whole module with the node: prefix",
    source: `const path = require("node:path");\nexports.fn = () => path.basename("/x/y.txt");`,
    expected: "y.txt",
    modules: ["path"],
  },
  {
    name: "builtin: nested property of a module",
    source: `const { posix } = require("path");\nconst join = posix.join;\nexports.fn = () => [join("a", "b"), posix.sep];`,
    expected: ["a/b", "/"],
    modules: ["path"],
  },
  {
    name: "builtin: subpath module",
    source: `const fsp = require("fs/promises");\nexports.fn = () => typeof fsp.readFile;`,
    expected: "function",
    modules: ["fs/promises"],
  },
  {
    name: "builtin: an export Node defines as a getter (fs.promises, dns.promises) and its functions are referenced",
    source: `const fsp = require("fs").promises;\nconst { readFile } = require("fs").promises;\nconst resolver = require("dns").promises;\nexports.fn = async () => [typeof fsp.open, readFile === fsp.readFile, typeof resolver.lookup, (await readFile(__filename, "utf8")).length > 0];`,
    expected: ["function", true, "function", true],
    modules: ["dns", "fs"],
  },
  {
    name: "builtin: class from a module",
    source: `const { EventEmitter } = require("events");\nexports.fn = () => { const e = new EventEmitter(); let n = 0; e.on("x", () => n++); e.emit("x"); return [n, e instanceof EventEmitter]; };`,
    expected: [1, true],
    modules: ["events"],
  },
  {
    name: "builtin: module default export is the class itself",
    source: `const EventEmitter = require("events");\nexports.fn = () => [typeof EventEmitter.once, new EventEmitter() instanceof EventEmitter.EventEmitter];`,
    expected: ["function", true],
    modules: ["events"],
  },
  {
    name: "builtin: crypto function",
    source: `const { createHash } = require("crypto");\nexports.fn = () => createHash("sha256").update("x").digest("hex").slice(0, 8);`,
    expected: "2d711642",
    modules: ["crypto"],
  },
  {
    name: "builtin: named import in an ES module",
    sourceFormat: "esm",
    source: `import { join } from "node:path";\nexport const fn = () => join("a", "b");`,
    expected: "a/b",
    modules: ["path"],
  },
  {
    name: "builtin: namespace import in an ES module",
    sourceFormat: "esm",
    source: `import * as path from "node:path";\nexport const fn = () => path.extname("a.txt");`,
    expected: ".txt",
    modules: ["path"],
  },
  {
    name: "builtin: default import in an ES module",
    sourceFormat: "esm",
    source: `import path from "node:path";\nexport const fn = () => path.dirname("/a/b");`,
    expected: "/a",
    modules: ["path"],
  },
  {
    name: "builtin: named import emitted as an ES module",
    sourceFormat: "esm",
    source: `import { format } from "node:util";\nexport const fn = () => format("%s-%d", "a", 1);`,
    options: { format: "esm" },
    expected: "a-1",
    modules: ["util"],
  },
  {
    // promisify(setTimeout) returns timers/promises.setTimeout (the
    // util.promisify.custom hook): a builtin export reached another way.
    // Unsure whether the serializer finds it in its reverse index.
    name: "builtin: function produced by util.promisify",
    source: `const { promisify } = require("util");\nconst sleep = promisify(setTimeout);\nexports.fn = async () => (await sleep(1, "slept"));`,
    expected: "slept",
  },
  {
    // `require` is a captured binding of the CommonJS case; unsure whether
    // the serializer maps it to the emitted module's require and lists "path".
    name: "builtin: require called inside the function",
    source: `exports.fn = () => require("path").sep;`,
    expected: "/",
  },
  {
    // Dynamic import inside the function body; `modules` left unchecked.
    name: "builtin: dynamic import inside the function",
    source: `exports.fn = async () => (await import("node:path")).sep;`,
    expected: "/",
  },
  {
    name: "package: function from a CommonJS package",
    source: `const { greet } = require("fake-greeter");\nexports.fn = () => greet("ann");`,
    expected: "hello, ann",
    modules: ["fake-greeter"],
    check: (result, expect) => {
      loads("fake-greeter")(result, expect);
      expect(result.text).not.toContain("DEFAULT_GREETING");
    },
  },
  {
    name: "package: whole package object",
    source: `const greeter = require("fake-greeter");\nexports.fn = () => greeter.greet("bo");`,
    expected: "hello, bo",
    modules: ["fake-greeter"],
  },
  {
    name: "package: nested export property",
    source: `const { formats } = require("fake-greeter");\nconst exclaim = formats.nested.exclaim;\nexports.fn = () => [exclaim("hey"), formats.upper("a")];`,
    expected: ["hey!", "A"],
    modules: ["fake-greeter"],
  },
  {
    name: "package: subpath export whose module.exports is a function",
    source: `const shout = require("fake-greeter/shout");\nexports.fn = () => shout("hi");`,
    expected: "HI!",
    modules: ["fake-greeter/shout"],
  },
  {
    name: "package: primitive export is a plain value",
    source: `const { DEFAULT_GREETING } = require("fake-greeter");\nexports.fn = () => DEFAULT_GREETING;`,
    expected: "hello",
  },
  {
    name: "package: class from a package",
    source: `const { Greeter } = require("fake-greeter");\nexports.fn = () => new Greeter("yo").greet("cy");`,
    expected: "yo, cy",
    modules: ["fake-greeter"],
  },
  {
    name: "package: subclass of a package class",
    source: `const { Greeter } = require("fake-greeter");\nclass Loud extends Greeter { greet(n) { return super.greet(n).toUpperCase(); } }\nexports.fn = () => { const g = new Loud("hey"); return [g.greet("d"), g instanceof Greeter, g instanceof Loud]; };`,
    expected: ["HEY, D", true, true],
    modules: ["fake-greeter"],
    check: (result, expect) => expect(result.text).toContain("toUpperCase"),
  },
  {
    name: "package: captured instance of a package class",
    source: `const { Greeter } = require("fake-greeter");\nconst g = new Greeter("hiya");\nexports.fn = () => [g.greet("e"), g instanceof Greeter, g];`,
    modules: ["fake-greeter"],
  },
  {
    name: "package: static method inherited by a subclass",
    source: `const { Greeter } = require("fake-greeter");\nclass Sub extends Greeter {}\nexports.fn = () => [Sub.create("sup") instanceof Sub, Sub.create("sup").greet("f")];`,
    expected: [true, "sup, f"],
    modules: ["fake-greeter"],
  },
  {
    // By-reference policy: the copy re-requires the package, so a mutation
    // of package state made on the deploy machine does not travel.
    name: "package: package state mutated before serialization is not carried",
    source: `const { sharedConfig } = require("fake-greeter");\nsharedConfig.retries = 5;\nexports.fn = () => sharedConfig.retries;`,
    expected: 5,
    expectedCopy: 3,
    modules: ["fake-greeter"],
  },
  {
    name: "package: ES module package, named import",
    sourceFormat: "esm",
    source: `import { shout } from "fake-esm";\nexport const fn = () => shout("esm");`,
    expected: "ESM!",
    modules: ["fake-esm"],
  },
  {
    // Both the main entry and a subpath module export each function: the
    // subpath is referenced, so a bundler reads one file, not every module
    // the main entry re-exports.
    name: "package: ES module re-exported by the main entry is imported from its subpath",
    sourceFormat: "esm",
    source: `import { upper, lower } from "fake-esm-parts";\nexport const fn = () => upper("a") + lower("B");`,
    options: { format: "esm" },
    expected: "Ab",
    modules: ["fake-esm-parts/lower", "fake-esm-parts/upper"],
    check: (result, expect) => expect(result.text).toContain('import { upper } from "fake-esm-parts/upper";'),
  },
  {
    // Declared imports spare the debugger's script list: the main entry's
    // namespace is all the index knows, so it is referenced (with the script
    // list, the subpath modules would be found and preferred, as above).
    name: "package: ES module with declared imports (declareModuleImports)",
    sourceFormat: "esm",
    source: `import * as parts from "fake-esm-parts";\nimport { upper } from "fake-esm-parts";\nexport const fn = () => upper("a");\nexport const declareImports = { probe() {}, imports: { "fake-esm-parts": parts } };`,
    options: { format: "esm" },
    expected: "A",
    modules: ["fake-esm-parts"],
  },
  {
    // The debugger lists the package's script, but its import() would never
    // settle: the serializer must skip it, not wait.
    name: "package: ES module package still evaluating (top-level await) does not hold serialization up",
    sourceFormat: "esm",
    // The case resolves (a thenable namespace) once the package has had time to be parsed.
    source: `import("fake-esm-tla");\nconst word = "done";\nexport const fn = () => word;\nexport function then(resolve) { setTimeout(() => resolve({ fn }), 200); }`,
    expected: "done",
    modules: [],
  },
  {
    name: "package: ES module package emitted as an ES module",
    sourceFormat: "esm",
    source: `import { shout, VERSION } from "fake-esm";\nexport const fn = () => shout(VERSION);`,
    options: { format: "esm" },
    expected: "1.0.0!",
    modules: ["fake-esm"],
  },
  {
    name: "package: ES module package, default import",
    sourceFormat: "esm",
    source: `import greet from "fake-esm";\nexport const fn = () => greet("zed");`,
    expected: "hey zed",
    modules: ["fake-esm"],
  },
  {
    name: "package: ES module namespace object emitted as CommonJS has the namespace's exports, not require()'s __esModule",
    sourceFormat: "esm",
    source: `import * as ns from "fake-esm";\nexport const fn = () => { let threw = false; try { ns.VERSION = "2"; } catch { threw = true; } return [ns.VERSION, ns.tools.reverse("abc"), Object.keys(ns), Object.prototype.toString.call(ns), Object.getPrototypeOf(ns), threw]; };`,
    expected: ["1.0.0", "cba", ["Stack", "VERSION", "default", "shout", "tools"], "[object Module]", null, true],
    modules: ["fake-esm"],
  },
  {
    name: "package: ES module namespace object emitted as an ES module",
    sourceFormat: "esm",
    source: `import * as ns from "fake-esm";\nexport const fn = () => [ns.VERSION, ns.tools.reverse("abc"), Object.keys(ns)];`,
    options: { format: "esm" },
    expected: ["1.0.0", "cba", ["Stack", "VERSION", "default", "shout", "tools"]],
    modules: ["fake-esm"],
  },
  {
    name: "package: ES module class with private state, used fresh",
    sourceFormat: "esm",
    source: `import { Stack } from "fake-esm";\nexport const fn = () => { const s = new Stack(); s.push(1); return [s.push(2), s.size]; };`,
    expected: [2, 2],
    modules: ["fake-esm"],
  },
  {
    name: "package: ES module package required from CommonJS",
    source: `const { shout } = require("fake-esm");\nexports.fn = () => shout("cjs");`,
    expected: "CJS!",
    modules: ["fake-esm"],
  },
  {
    name: "package: two packages and a builtin",
    source: `const { greet } = require("fake-greeter");\nconst { shout } = require("fake-esm");\nconst { join } = require("path");\nexports.fn = () => join(greet("a"), shout("b"));`,
    expected: "hello, a/B!",
    modules: ["fake-esm", "fake-greeter", "path"],
  },
  // Dual packages (date-fns 4 ships a CommonJS and an ES build): a reference
  // loads the file the live value came from, whatever the output format.
  {
    name: "package: dual package loaded through require, emitted as an ES module, requires its CommonJS build",
    source: `const df = require("date-fns");\nconst addDays = require("date-fns/addDays").addDays;\nexports.fn = () => [df.format(new Date(0), "yyyy-MM-dd"), addDays(new Date(0), 1).getUTCDate()];`,
    options: { format: "esm" },
    expected: ["1970-01-01", 2],
    modules: ["date-fns", "date-fns/addDays"],
    check: (result, expect) => expect(result.text).toContain('require("date-fns")'),
  },
  {
    name: "package: dual package loaded through require, emitted as CommonJS",
    source: `const { formatISO } = require("date-fns");\nexports.fn = () => formatISO(new Date(0), { representation: "date" });`,
    expected: "1970-01-01",
    modules: ["date-fns/formatISO"],
  },
  {
    name: "package: dual package imported by an ES module, emitted as an ES module, imports its ES build",
    sourceFormat: "esm",
    source: `import { formatISO } from "date-fns";\nexport const fn = () => formatISO(new Date(0), { representation: "date" });`,
    options: { format: "esm" },
    expected: "1970-01-01",
    modules: ["date-fns/formatISO"],
    check: (result, expect) => expect(result.text).toContain('import { formatISO } from "date-fns/formatISO";'),
  },
  // Exports defined as getters (esbuild's and tsc's CommonJS shape) are exports.
  {
    name: "package: exports defined as getters (esbuild's shape) are referenced, not copied",
    source: `const { Client, helper, tools } = require("fake-getters");\nconst client = new Client("a");\nexports.fn = () => [client.send(), client instanceof Client, helper(), tools.twice(2), client.constructor === require("fake-getters").Client];`,
    expected: ["sent by client a", true, "helped", 4, true],
    modules: ["fake-getters"],
    check: (result, expect) => expect(result.text).not.toContain("sent by client"),
  },
  {
    name: "package: a re-export defined as a getter (tsc's shape) is referenced; a getter that loads a module is not read",
    source: `const { Widget } = require("fake-getters/tsc.js");\nconst widget = new Widget();\nexports.fn = () => [widget.label(), widget instanceof Widget, globalThis.fakeGettersHeavyLoaded === true];`,
    expected: ["widget", true, false],
    modules: ["fake-getters/tsc.js"],
    check: (result, expect) => expect(result.text).not.toContain('"widget"'),
  },
  // A package's unique symbols keep their identity: its functions read them.
  {
    name: "package: a symbol the package exports keys a captured object (the issue's two-line package)",
    source: `const pkg = require("fake-symbols");\nconst o = { [pkg.kState]: 42 };\nexports.fn = () => [pkg.read(o), Object.getOwnPropertySymbols(o)[0] === pkg.kState];`,
    expected: [42, true],
    modules: ["fake-symbols"],
  },
  {
    name: "package: a pino logger keyed by pino's symbols logs in the copy",
    source: `const pino = require("pino");\nconst lines = [];\nconst log = pino({ base: null, timestamp: false }, { write: (line) => lines.push(JSON.parse(line)) });\nconst child = log.child({ part: "a" });\nexports.fn = () => { log.info("hello"); child.warn("careful"); return [log.level, lines, log.isLevelEnabled("debug")]; };`,
    expected: [
      "info",
      [
        { level: 30, msg: "hello" },
        { level: 40, part: "a", msg: "careful" },
      ],
      false,
    ],
  },
  // A reference is only taken through a route that gives the same, complete
  // value when the package loads fresh (kinds/reference/fresh-check.ts).
  {
    name: "package: a subpath module whose object the main entry completes is referenced through the main entry (the issue's two-file package)",
    source: `const pkg = require("fake-core");\nexports.fn = () => [pkg.extra, pkg.version, pkg.describe()];`,
    expected: [1, "1.0.0", "core 1.0.0"],
    modules: ["fake-core"],
  },
  {
    name: "package: aws-sdk v2's main entry, not its lib/core module, gives AWS with every service",
    source: `const AWS = require("aws-sdk");\nexports.fn = () => [typeof AWS.StepFunctions, typeof AWS.S3, typeof AWS.config.update];`,
    expected: ["function", "function", "function"],
    check: (result, expect) => expect(result.text).not.toContain("lib/core"),
    slow: true,
  },
  {
    // fake-parent depends on fake-dep 2, installed under it; the project's
    // node_modules holds fake-dep 1, which require("fake-dep") would load.
    name: "package: a class of a dependency installed under another package is referenced through that package, not by its own name",
    source: `const { makeWidget, tools } = require("fake-parent");\nconst widget = makeWidget();\nexports.fn = () => [widget.version(), widget instanceof tools.Widget];`,
    expected: ["2", true],
    modules: ["fake-parent"],
  },
  {
    name: "package: a module-level instance of a class only a dependency installed under another package exports is rebuilt from its module",
    source: `const { makeGear } = require("fake-parent");\nconst gear = makeGear();\nexports.fn = () => gear.turn();`,
    expected: "gear 2",
    modules: ["fake-parent"],
    captures: true,
    check: (result, expect) => expect(result.captures?.find((capture) => capture.path.join(" -> ") === "handler -> gear")?.kind).toBe("module-slice"),
  },
  {
    name: "package: a zod schema made inside the handler from a referenced zod",
    source: `const { z } = require("zod");\nexports.fn = () => { const S = z.object({ name: z.string() }); return [S.safeParse({ name: "a" }).success, S.safeParse({}).success]; };`,
    expected: [true, false],
    modules: ["zod"],
  },
  {
    name: "package: a dayjs plugin applied inside the handler",
    source: `const dayjs = require("dayjs");\nconst utc = require("dayjs/plugin/utc");\nexports.fn = () => { dayjs.extend(utc); return dayjs.utc(0).format(); };`,
    expected: "1970-01-01T00:00:00Z",
  },
  {
    name: "local: function from a project module is copied",
    source: `const { tag } = require("./fixtures/local-util.cjs");\nexports.fn = () => tag("x");`,
    expected: "local:x",
    modules: [],
    check: copiesLocal,
  },
  {
    name: "local: two functions of a project module share its bindings",
    source: `const util = require("./fixtures/local-util.cjs");\nexports.fn = () => { util.tag("a"); return util.callCount(); };`,
    probe: thrice,
    expected: [1, 2, 3],
    modules: [],
    check: copiesLocal,
  },
  {
    name: "local: class from a project module",
    source: `const { Point } = require("./fixtures/local-util.cjs");\nexports.fn = () => [new Point(3, 4).norm(), new Point(0, 0) instanceof Point];`,
    expected: [5, true],
    modules: [],
    check: copiesLocal,
  },
  {
    name: "local: project ES module copied",
    sourceFormat: "esm",
    source: `import { twice } from "./fixtures/local-esm.mjs";\nexport const fn = () => twice(21);`,
    expected: 42,
    modules: [],
    check: copiesLocal,
  },
  unsupported("local: live binding of an ES module import"),
  {
    name: "local: namespace of a project ES module is copied as a namespace (frozen, null prototype, tagged Module)",
    sourceFormat: "esm",
    source: `import * as local from "./fixtures/local-esm.mjs";\nexport const fn = () => { let threw = false; try { local.twice = null; } catch { threw = true; } return [local.twice(2), Object.keys(local), Object.prototype.toString.call(local), Object.getPrototypeOf(local), Object.isFrozen(local), threw]; };`,
    expected: [4, ["bump", "count", "twice"], "[object Module]", null, false, true],
    expectedCopy: [4, ["bump", "count", "twice"], "[object Module]", null, true, true],
    check: copiesLocal,
  },
  unsupported("local: live binding read through a project module's namespace"),
  {
    name: "local: project module alongside a package",
    source: `const { tag } = require("./fixtures/local-util.cjs");\nconst { greet } = require("fake-greeter");\nexports.fn = () => tag(greet("z"));`,
    expected: "local:hello, z",
    modules: ["fake-greeter"],
    check: copiesLocal,
  },
];

describe.concurrent("modules", () => roundTripTable(rows));
