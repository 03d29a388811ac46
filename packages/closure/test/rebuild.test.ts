// The rebuild protocol: an object whose class (or the object itself) has a
// [Symbol.for("closure-pack.rebuild")]() method is emitted as a call of its
// recipe, `{ fn, args? }` or `{ module, export?, args?, construct? }`, never
// copied. Round trips run the copy; refusals compare whole messages.
import { describe, test } from "vitest";
import type { SerializationErrorCode } from "../src/errors.js";
import { serializeInChild, textBlock, type CaseSource } from "./support/round-trip.js";
import { roundTripTable, type RoundTripCase } from "./support/table.js";

const REBUILD = `Symbol.for("closure-pack.rebuild")`;
// A deploy-time value as the resource SDK makes one: internals that must
// never travel (an https.Agent), and a recipe giving its deployed value.
const output = `const https = require("https");
class Output {
  constructor(value) { this.value = value; this.engine = { agent: new https.Agent() }; }
  get() { return this.value; }
  [${REBUILD}]() { return { fn: (v) => ({ get: () => v }), args: [this.value] }; }
}
`;

const rows: RoundTripCase[] = [
  {
    name: "rebuilt: an output becomes its deployed value, its internals stay behind",
    source: `${output}const bucket = new Output("docs-4f64efc");\nexports.fn = () => bucket.get();`,
    expected: "docs-4f64efc",
    captures: true,
    modules: [],
    check: (result, expect) => {
      expect(result.text).not.toMatch(/Agent|engine/);
      const capture = result.captures!.find((each) => each.kind === "rebuilt");
      expect(capture).toMatchObject({ path: ["handler", "bucket"], kind: "rebuilt" });
      expect(result.captures!.map((each) => each.path.join(" -> "))).toContain("handler -> bucket.[[Rebuild]].fn");
    },
  },
  {
    name: "rebuilt: the method is the object's own",
    source: `const secret = { token: "t" };\nconst conn = { secret, [${REBUILD}]() { return { fn: (n) => ({ n }), args: [3] }; } };\nexports.fn = () => JSON.stringify(conn);`,
    expectedCopy: '{"n":3}',
    check: (result, expect) => expect(result.text).not.toContain('"t"'),
  },
  {
    name: "rebuilt: the method is inherited from a base class",
    source: `class Base { [${REBUILD}]() { return { fn: (kind) => ({ kind }), args: [this.constructor.name] }; } }\nclass Queue extends Base { constructor() { super(); this.items = [1]; } }\nconst q = new Queue();\nexports.fn = () => [q.kind, q.items];`,
    expectedCopy: ["Queue", undefined],
  },
  {
    name: "rebuilt: one object captured twice is rebuilt once",
    source: `const made = { [${REBUILD}]() { return { fn: () => ({ calls: (globalThis.rebuilt = (globalThis.rebuilt || 0) + 1) }) }; } };\nconst holder = { made, list: [made] };\nexports.fn = () => [made === holder.made, holder.list[0] === made, globalThis.rebuilt];`,
    expectedCopy: [true, true, 1],
  },
  {
    name: "rebuilt: recipe arguments keep identity with the rest of the capture",
    source: `const config = { region: "eu" };\nconst client = { [${REBUILD}]() { return { fn: (c, tag) => ({ config: c, tag }), args: [config, "v1"] }; } };\nexports.fn = () => [client.config === config, client.tag, config.region];`,
    expected: [false, undefined, "eu"],
    expectedCopy: [true, "v1", "eu"],
  },
  {
    name: "rebuilt: the recipe's function closes over module state",
    source: `let made = 0;\nconst make = () => ({ n: ++made });\nconst a = { [${REBUILD}]() { return { fn: make }; } };\nconst b = { [${REBUILD}]() { return { fn: make }; } };\nexports.fn = () => [a.n + b.n, make().n];`,
    // Each recipe runs once at load, in an order of the emitter's choosing.
    expectedCopy: [3, 3],
  },
  {
    name: "rebuilt: a rebuilt object is an argument of another",
    source: `${output}const name = new Output("table-1");\nconst db = { [${REBUILD}]() { return { fn: (n) => ({ table: n.get() }), args: [name] }; } };\nexports.fn = () => db.table;`,
    expectedCopy: "table-1",
  },
  {
    name: "rebuilt: inside an array, a Map and a closure built by other code",
    source: `${output}const make = (o) => () => o.get();\nconst outs = [new Output("a")];\nconst byName = new Map([["b", new Output("b")]]);\nconst read = make(new Output("c"));\nexports.fn = () => [outs[0].get(), byName.get("b").get(), read()];`,
    expected: ["a", "b", "c"],
  },
  {
    name: "rebuilt: a module export called with arguments",
    source: `const where = { [${REBUILD}]() { return { module: "node:path", export: "join", args: ["a", "b"] }; } };\nexports.fn = () => where;`,
    expectedCopy: "a/b",
    modules: ["node:path"],
  },
  {
    name: "rebuilt: a module export constructed",
    source: `const endpoint = { [${REBUILD}]() { return { module: "node:url", export: "URL", args: ["https://s3.test/b"], construct: true }; } };\nexports.fn = () => [endpoint instanceof URL, String(endpoint)];`,
    expectedCopy: [true, "https://s3.test/b"],
  },
  {
    name: "rebuilt: a whole module constructed",
    source: `const bus = { [${REBUILD}]() { return { module: "node:events", construct: true }; } };\nexports.fn = () => bus;`,
    probe: `(f) => [f() instanceof require("events"), typeof f().on]`,
    expectedCopy: [true, "function"],
  },
  {
    name: "rebuilt: a package's client made again from its input, not its agent",
    source: `const { StorageClient } = require("fake-client");\nStorageClient.prototype[${REBUILD}] = function () { return { module: "fake-client", export: "StorageClient", args: [{ region: this.config.region }], construct: true }; };\nconst storage = new StorageClient({ region: "eu" });\nexports.fn = () => [storage.describe(), storage instanceof StorageClient];`,
    expected: ["storage in eu", true],
    modules: ["fake-client"],
  },
  {
    name: "rebuilt: a module recipe in ES module output is a named import",
    source: `const loud = { [${REBUILD}]() { return { module: "fake-esm", export: "shout", args: ["hi"] }; } };\nexports.fn = () => loud;`,
    options: { format: "esm" },
    expectedCopy: "HI!",
    check: (result, expect) => expect(result.text).toContain(`import { shout } from "fake-esm";`),
  },
  {
    name: "rebuilt: a default export",
    source: `const hey = { [${REBUILD}]() { return { module: "fake-esm", export: "default", args: ["ann"] }; } };\nexports.fn = () => hey;`,
    options: { format: "esm" },
    expectedCopy: "hey ann",
  },
  {
    name: "rebuilt: the recipe's function is a module export",
    source: `const where = { [${REBUILD}]() { return { fn: require("path").basename, args: ["/a/b.txt"] }; } };\nexports.fn = () => where;`,
    expectedCopy: "b.txt",
    modules: ["node:path"],
  },
  {
    name: "rebuilt: an AWS SDK v3 command is made again from its input, not copied with its middleware stack",
    source: `const { GetObjectCommand } = require("@aws-sdk/client-s3");\nconst get = new GetObjectCommand({ Bucket: "docs", Key: "a.txt" });\nexports.fn = () => [get instanceof GetObjectCommand, get.input, typeof get.resolveMiddleware, typeof get.middlewareStack.add];`,
    expected: [true, { Bucket: "docs", Key: "a.txt" }, "function", "function"],
    modules: ["@aws-sdk/client-s3"],
    captures: true,
    check: (result, expect) => {
      expect(result.text).not.toContain("constructStack");
      expect(result.captures!.find((each) => each.path.join(" -> ") === "handler -> get")).toMatchObject({ kind: "rebuilt", how: "rebuilt" });
    },
  },
];

describe.concurrent("rebuild protocol", () => roundTripTable(rows));

const SHAPES = `return { fn, args? } or { module, export?, args?, construct? } (see the README, "The rebuild protocol")`;

interface RefusalRow extends CaseSource {
  name: string;
  code: SerializationErrorCode;
  message: string;
}

/** A case whose object `conn` returns `recipe` (source text) from its rebuild method. */
const recipe = (text: string, extra = ""): string =>
  `class Conn { [${REBUILD}]() { ${extra}return ${text}; } }\nconst config = { conn: new Conn() };\nexports.fn = () => config.conn;`;
const invalid = (problem: string): string =>
  `handler -> config.conn: cannot rebuild this Conn: [Symbol.for("closure-pack.rebuild")]() returned an invalid recipe: ${problem}\nhint: ${SHAPES}`;

const refusals: RefusalRow[] = [
  {
    name: "rebuilt: the method throws",
    source: recipe("{}", `throw new TypeError("no deployed value yet"); `),
    code: "REBUILD_FAILED",
    message: `handler -> config.conn: cannot rebuild this Conn: [Symbol.for("closure-pack.rebuild")]() threw TypeError: no deployed value yet\nhint: fix the rebuild method, or create the value inside the handler`,
  },
  { name: "rebuilt: the recipe is a string", source: recipe(`"conn"`), code: "INVALID_REBUILD", message: invalid(`expected an object, got string "conn"`) },
  {
    name: "rebuilt: the method is async",
    source: `class Conn { async [${REBUILD}]() { return { fn: () => 1 }; } }\nconst config = { conn: new Conn() };\nexports.fn = () => config.conn;`,
    code: "INVALID_REBUILD",
    message: invalid("expected an object, got a Promise (the method must not be async)"),
  },
  { name: "rebuilt: an unknown field", source: recipe(`{ fn: () => 1, arg: [1] }`), code: "INVALID_REBUILD", message: invalid(`unknown field "arg"`) },
  {
    name: "rebuilt: both fn and module",
    source: recipe(`{ fn: () => 1, module: "x" }`),
    code: "INVALID_REBUILD",
    message: invalid(`exactly one of "fn" and "module" must be given`),
  },
  {
    name: "rebuilt: neither fn nor module",
    source: recipe(`{ args: [] }`),
    code: "INVALID_REBUILD",
    message: invalid(`exactly one of "fn" and "module" must be given`),
  },
  {
    name: "rebuilt: fn is not a function",
    source: recipe(`{ fn: "make" }`),
    code: "INVALID_REBUILD",
    message: invalid(`"fn" must be a function, got string "make"`),
  },
  {
    name: "rebuilt: module is a relative path",
    source: recipe(`{ module: "./client.js", export: "make" }`),
    code: "INVALID_REBUILD",
    message: invalid(`"module" must be the name of a package or node builtin, got "./client.js"`),
  },
  {
    name: "rebuilt: export is not a string",
    source: recipe(`{ module: "x", export: 1 }`),
    code: "INVALID_REBUILD",
    message: invalid(`"export" must be a string, got number`),
  },
  {
    name: "rebuilt: export with fn",
    source: recipe(`{ fn: () => 1, export: "x" }`),
    code: "INVALID_REBUILD",
    message: invalid(`"export" goes with "module", not "fn"`),
  },
  {
    name: "rebuilt: args is not an array",
    source: recipe(`{ fn: () => 1, args: "a" }`),
    code: "INVALID_REBUILD",
    message: invalid(`"args" must be an array, got string "a"`),
  },
  {
    name: "rebuilt: construct is not a boolean",
    source: recipe(`{ fn: () => 1, construct: 1 }`),
    code: "INVALID_REBUILD",
    message: invalid(`"construct" must be a boolean, got number`),
  },
  {
    name: "rebuilt: args hold the object itself",
    source: recipe(`{ fn: (x) => x, args: [this] }`),
    code: "INVALID_REBUILD",
    message: `handler -> config.conn: cannot rebuild this Conn: its recipe's "args" hold the object itself\nhint: ${SHAPES}`,
  },
];

describe.concurrent("rebuild protocol refusals", () => {
  for (const row of refusals) {
    test(row.name, async ({ expect }) => {
      const outcome = await serializeInChild(row);
      if (outcome.ok) return expect.unreachable(`serialized instead of refusing\n${textBlock(outcome.text)}`);
      expect(outcome.error.code, outcome.error.message).toBe(row.code);
      expect(outcome.error.path).toEqual(["handler", "config.conn"]);
      expect(outcome.error.message).toBe(row.message);
    });
  }
});
