// Issue item 10: what cannot travel is refused with a SerializationError that
// has a stable code, the capture path (in the message and as error.path) and
// a hint line. The words of each refusal are the serializer's to choose and
// live in WORDING, the one place to adjust them; every row is checked
// against its whole message. What is neither refused nor copied faithfully
// (FinalizationRegistry, WeakRef, Intl objects…) is listed in unsupported.ts.
import { describe, test } from "vitest";
import type { SerializationErrorCode } from "../src/errors.js";
import { serializeInChild, textBlock, type CaseSource } from "./support/round-trip.js";
import { roundTripTable, type RoundTripCase } from "./support/table.js";

/**
 * Problem (after `<path>: `) and hint of each refusal, as the message spells
 * them; `hint: undefined` for a message without a hint line. Seeded from the
 * serializer's wording at the time of writing.
 */
const inside = (noun: string) => `create the ${noun} inside the handler, or capture a factory`;
const WORDING = {
  "net.Socket": { problem: "cannot serialize a net.Socket", hint: inside("client") },
  "https.Agent": { problem: "cannot serialize an https.Agent", hint: inside("agent") },
  // The handle is a package's business: the hint names the captured instance.
  "https.Agent in a package's client": {
    problem: "cannot serialize an https.Agent",
    hint: "create the StorageClient (storage) inside the handler, or capture a factory",
  },
  "net.Server": { problem: "cannot serialize a net.Server", hint: inside("server") },
  "http.Server": { problem: "cannot serialize an http.Server", hint: inside("server") },
  "dgram.Socket": { problem: "cannot serialize a dgram.Socket", hint: inside("socket") },
  FileHandle: { problem: "cannot serialize a FileHandle", hint: "open the file inside the handler" },
  "fs.ReadStream": { problem: "cannot serialize an fs.ReadStream", hint: "open the stream inside the handler" },
  "fs.WriteStream": { problem: "cannot serialize an fs.WriteStream", hint: "open the stream inside the handler" },
  "stream.PassThrough": { problem: "cannot serialize a stream.PassThrough", hint: "create the stream inside the handler" },
  "zlib.Gzip": {
    problem: "cannot serialize a zlib.Gzip",
    hint: "create the zlib stream inside the handler, or compress whole buffers with zlib.gzipSync/gunzipSync",
  },
  "crypto.Hash": { problem: "cannot serialize a crypto.Hash", hint: "create the hash inside the handler" },
  "crypto.Cipheriv": { problem: "cannot serialize a crypto.Cipheriv", hint: "create the cipher inside the handler" },
  ChildProcess: { problem: "cannot serialize a ChildProcess", hint: "spawn the process inside the handler" },
  Worker: { problem: "cannot serialize a Worker", hint: "start the worker inside the handler" },
  MessagePort: { problem: "cannot serialize a MessagePort", hint: "create the channel inside the handler" },
  Timeout: { problem: "cannot serialize a Timeout", hint: "start the timer inside the handler" },
  nativeAnonymous: {
    problem: "cannot serialize native function (anonymous)",
    hint: "capture the module or global object it belongs to, or wrap it in a function of your own",
  },
  suspendedGenerator: {
    problem: "cannot serialize a suspended generator object",
    hint: "capture the generator function and create the generator inside the handler",
  },
  rejectedPromise: {
    problem: "cannot serialize a rejected Promise",
    hint: "handle the rejection before serializing, or capture the function that produces the promise",
  },
  pendingPromise: {
    problem: "cannot serialize a pending Promise",
    hint: "await it before serializing, or capture the function that produces it",
  },
  directEval: {
    problem: "cannot serialize a function that calls eval() directly with access to captured scope",
    hint: "use indirect eval `(0, eval)(code)` or pass values explicitly",
  },
  withStatement: {
    problem: "cannot serialize a function using a `with` statement over captured scope",
    hint: "replace `with` by explicit property access",
  },
  superCallArrow: { problem: "cannot serialize an arrow function that calls super()", hint: "call super() in the constructor itself" },
  invalidFormat: { problem: 'option "format" must be "cjs" or "esm", got "umd"', hint: undefined },
  declareProbe: { problem: "declareModuleImports: probe must be a function defined in the module, got number", hint: undefined },
  declareNamespace: { problem: 'declareModuleImports: the namespace of "fake-esm" must be an object, got null', hint: undefined },
  declareBound: { problem: "declareModuleImports: probe must be a function with source (not bound or native)", hint: undefined },
  notAFunction: { problem: "expected a function, got number", hint: "pass the function itself, e.g. serializeFunction(handler)" },
  dualEsmInCjs: {
    problem:
      'cannot serialize a reference to date-fns/formatISO as CommonJS: the value comes from its ES module build (date-fns/formatISO.js), and require("date-fns/formatISO") loads date-fns/formatISO.cjs',
    hint: 'serialize with format: "esm", or load the package with require() in the function\'s module',
  },
  hiddenSymbol: {
    problem:
      "cannot serialize Symbol(kHidden): it belongs to package fake-symbols, which does not export it, and a new symbol is not the one its functions read",
    hint: "create the value inside the handler with the package's functions, or capture a factory",
  },
  changedZod: {
    problem:
      'cannot serialize a reference to zod.ZodString.prototype: it has no "~standard" when zod loads fresh (code that ran before serializing changed the package)',
    hint: "create the value inside the handler, or capture a factory (isFactoryFunction; callbackFactory in the SDK)",
  },
  changedDayjs: {
    problem: 'cannot serialize a reference to dayjs: it has no "utc" when dayjs loads fresh (code that ran before serializing changed the package)',
    hint: "create the value inside the handler, or capture a factory (isFactoryFunction; callbackFactory in the SDK)",
  },
  createdAwsService: {
    problem:
      'cannot serialize a reference to aws-sdk/clients/s3.js.services["2006-03-01"].prototype: it does not exist when aws-sdk/clients/s3.js loads fresh (code that ran before serializing changed the package)',
    hint: "create the value inside the handler, or capture a factory (isFactoryFunction; callbackFactory in the SDK)",
  },
  nestedDependency: {
    problem:
      'cannot serialize a reference to fake-dep: the value comes from node_modules/fake-parent/node_modules/fake-dep, a package installed for another package, and require("fake-dep") loads another copy from your project (node_modules/fake-dep)',
    hint: "add fake-dep to your project's dependencies if one copy will do, or create the value inside the handler",
  },
  privateState: {
    problem: "cannot serialize private state of a Counter from package fake-greeter",
    hint: "create the instance inside the handler, or capture a factory",
  },
} as const satisfies Record<string, { problem: string; hint: string | undefined }>;

interface RefusalCase extends CaseSource {
  name: string;
  code: SerializationErrorCode;
  /** error.path, from the export name; hops joined with " -> " in the message. */
  path: string[];
  wording: keyof typeof WORDING;
}

const net = `const net = require("net");\n`;

const refusals: RefusalCase[] = [
  {
    name: "live handle: net.Socket captured directly",
    source: `${net}const socket = new net.Socket();\nexports.fn = () => socket.write("x");`,
    code: "LIVE_HANDLE",
    path: ["handler", "socket"],
    wording: "net.Socket",
  },
  {
    name: "live handle: net.Socket behind a closure in a config object",
    source: `${net}const socket = new net.Socket();\nconst config = { client: () => socket };\nexports.fn = () => config.client();`,
    code: "LIVE_HANDLE",
    path: ["handler", "config.client", "socket"],
    wording: "net.Socket",
  },
  {
    name: "live handle: net.Socket nested in object properties",
    source: `${net}const config = { client: { socket: new net.Socket() } };\nexports.fn = () => config.client.socket;`,
    code: "LIVE_HANDLE",
    path: ["handler", "config.client.socket"],
    wording: "net.Socket",
  },
  {
    name: "live handle: net.Socket in an array element",
    source: `${net}const sockets = [new net.Socket()];\nexports.fn = () => sockets.length;`,
    code: "LIVE_HANDLE",
    path: ["handler", "sockets[0]"],
    wording: "net.Socket",
  },
  {
    // Path step for a Map value: STYLE.md says `.get(key)`; unsure how a
    // string key is quoted.
    name: "live handle: net.Socket as a Map value",
    source: `${net}const pool = new Map([["db", new net.Socket()]]);\nexports.fn = () => pool.size;`,
    code: "LIVE_HANDLE",
    path: ["handler", 'pool.get("db")'],
    wording: "net.Socket",
  },
  {
    name: "live handle: net.Socket on a captured class instance",
    source: `${net}class Client { constructor() { this.socket = new net.Socket(); } send() { return this.socket; } }\nconst client = new Client();\nexports.fn = () => client.send();`,
    code: "LIVE_HANDLE",
    path: ["handler", "client.socket"],
    wording: "net.Socket",
  },
  {
    name: "live handle: net.Socket read by a default parameter",
    source: `${net}const socket = new net.Socket();\nexports.fn = (s = socket) => s;`,
    code: "LIVE_HANDLE",
    path: ["handler", "socket"],
    wording: "net.Socket",
  },
  {
    name: "live handle: the path starts at the export name",
    source: `${net}const socket = new net.Socket();\nexports.fn = () => socket;`,
    options: { exportName: "main" },
    code: "LIVE_HANDLE",
    path: ["main", "socket"],
    wording: "net.Socket",
  },
  {
    // A path keeps its first 8 and last 8 hops: a 2,000-deep chain must
    // neither print 2,000 hops nor build them (each hop is copied once).
    name: "live handle: at the end of a 30-deep chain of closures, the middle hops are counted",
    source: `${net}const socket = new net.Socket();\nlet fn = () => socket;\nfor (let i = 0; i < 30; i++) { const previous = fn; fn = () => previous(); }\nexports.fn = fn;`,
    code: "LIVE_HANDLE",
    path: ["handler", ...Array<string>(7).fill("previous"), "…15 more…", ...Array<string>(8).fill("previous"), "socket"],
    wording: "net.Socket",
  },
  {
    name: "live handle: at the end of a 12-deep property chain, the middle steps are counted",
    source: `${net}let config = { socket: new net.Socket() };\nfor (let i = 0; i < 12; i++) config = { next: config };\nconst root = config;\nexports.fn = () => root;`,
    code: "LIVE_HANDLE",
    path: ["handler", "root.next.next.next.next.next…4 more….next.next.next.socket"],
    wording: "net.Socket",
  },
  {
    name: "live handle: https.Agent deep inside an instance of a package's class",
    source: `const { StorageClient } = require("fake-client");\nconst storage = new StorageClient({ region: "eu" });\nexports.fn = () => storage.describe();`,
    code: "LIVE_HANDLE",
    path: ["handler", "storage.config.requestHandler.agent"],
    wording: "https.Agent in a package's client",
  },
  {
    name: "live handle: https.Agent deep inside an object of the program",
    source: `const https = require("https");\nconst storage = { config: { agent: new https.Agent() } };\nexports.fn = () => storage;`,
    code: "LIVE_HANDLE",
    path: ["handler", "storage.config.agent"],
    wording: "https.Agent",
  },
  {
    name: "live handle: net.Server",
    source: `${net}const server = net.createServer();\nexports.fn = () => server;`,
    code: "LIVE_HANDLE",
    path: ["handler", "server"],
    wording: "net.Server",
  },
  {
    name: "live handle: http.Server",
    source: `const http = require("http");\nconst server = http.createServer();\nexports.fn = () => server;`,
    code: "LIVE_HANDLE",
    path: ["handler", "server"],
    wording: "http.Server",
  },
  {
    name: "live handle: dgram socket",
    source: `const dgram = require("dgram");\nconst udp = dgram.createSocket("udp4");\nexports.fn = () => udp;`,
    code: "LIVE_HANDLE",
    path: ["handler", "udp"],
    wording: "dgram.Socket",
  },
  {
    name: "live handle: FileHandle",
    source: `const fs = require("fs");\nmodule.exports = (async () => {\n  const fh = await fs.promises.open(__filename);\n  return { fn: (0, () => fh.fd) }; // unnamed: the path starts at the export name\n})();`,
    code: "LIVE_HANDLE",
    path: ["handler", "fh"],
    wording: "FileHandle",
  },
  {
    name: "live handle: fs.ReadStream",
    source: `const fs = require("fs");\nconst input = fs.createReadStream(__filename);\nexports.fn = () => input;`,
    code: "LIVE_HANDLE",
    path: ["handler", "input"],
    wording: "fs.ReadStream",
  },
  {
    name: "live handle: fs.WriteStream",
    source: `const fs = require("fs");\nconst output = fs.createWriteStream("/dev/null");\nexports.fn = () => output;`,
    code: "LIVE_HANDLE",
    path: ["handler", "output"],
    wording: "fs.WriteStream",
  },
  {
    // A PassThrough is plain JS with no native handle, but a stream is live
    // state by nature (buffers, listeners, flowing mode). Unsure: refused?
    name: "live handle: stream.PassThrough",
    source: `const { PassThrough } = require("stream");\nconst pipe = new PassThrough();\nexports.fn = () => pipe;`,
    code: "LIVE_HANDLE",
    path: ["handler", "pipe"],
    wording: "stream.PassThrough",
  },
  {
    name: "live handle: zlib stream with native state",
    source: `const zlib = require("zlib");\nconst gzip = zlib.createGzip();\nexports.fn = () => gzip;`,
    code: "LIVE_HANDLE",
    path: ["handler", "gzip"],
    wording: "zlib.Gzip",
  },
  {
    name: "live handle: crypto Hash with native state",
    source: `const crypto = require("crypto");\nconst hash = crypto.createHash("sha256").update("partial");\nexports.fn = () => hash.digest("hex");`,
    code: "LIVE_HANDLE",
    path: ["handler", "hash"],
    wording: "crypto.Hash",
  },
  {
    name: "live handle: crypto Cipheriv with native state",
    source: `const crypto = require("crypto");\nconst cipher = crypto.createCipheriv("aes-128-cbc", Buffer.alloc(16), Buffer.alloc(16));\nexports.fn = () => cipher;`,
    code: "LIVE_HANDLE",
    path: ["handler", "cipher"],
    wording: "crypto.Cipheriv",
  },
  {
    name: "live handle: child process",
    source: `const { spawn } = require("child_process");\nconst child = spawn(process.execPath, ["-e", ""]);\nexports.fn = () => child.pid;`,
    code: "LIVE_HANDLE",
    path: ["handler", "child"],
    wording: "ChildProcess",
  },
  {
    name: "live handle: worker thread",
    source: `const { Worker } = require("worker_threads");\nconst worker = new Worker("", { eval: true });\nexports.fn = () => worker;`,
    code: "LIVE_HANDLE",
    path: ["handler", "worker"],
    wording: "Worker",
  },
  {
    name: "live handle: MessagePort",
    source: `const { port1 } = new MessageChannel();\nexports.fn = () => port1;`,
    code: "LIVE_HANDLE",
    path: ["handler", "port1"],
    wording: "MessagePort",
  },
  {
    // Not in the issue's list; a timer is a libuv handle. Unsure: refused,
    // or rebuilt? Kept here so the decision is explicit.
    name: "live handle: interval timer",
    source: `const timer = setInterval(() => {}, 1000);\ntimer.unref();\nexports.fn = () => timer;`,
    code: "LIVE_HANDLE",
    path: ["handler", "timer"],
    wording: "Timeout",
  },
  {
    // A built-in function created for one promise: no global or module
    // export reaches it (unlike %ThrowTypeError%, reachable through
    // Function.prototype's "arguments" accessor; see builtins.test.ts).
    name: "native function: a promise's resolve function",
    source: `let settle;\nconst pending = new Promise((resolve) => (settle = resolve));\nvoid pending;\nexports.fn = () => settle(1);`,
    code: "NATIVE_FUNCTION",
    path: ["handler", "settle"],
    wording: "nativeAnonymous",
  },
  {
    name: "native function: a revocable proxy's revoke function",
    source: `const { revoke } = Proxy.revocable({}, {});\nexports.fn = () => revoke();`,
    code: "NATIVE_FUNCTION",
    path: ["handler", "revoke"],
    wording: "nativeAnonymous",
  },
  {
    name: "generator: suspended generator object",
    source: `function* g() { yield 1; yield 2; }\nconst it = g();\nit.next();\nexports.fn = () => it.next();`,
    code: "SUSPENDED_GENERATOR",
    path: ["handler", "it"],
    wording: "suspendedGenerator",
  },
  {
    name: "generator: generator object not yet started",
    source: `function* g() { yield 1; }\nconst it = g();\nexports.fn = () => it.next();`,
    code: "SUSPENDED_GENERATOR",
    path: ["handler", "it"],
    wording: "suspendedGenerator",
  },
  {
    name: "generator: suspended async generator object",
    source: `async function* g() { yield 1; }\nconst it = g();\nexports.fn = () => it.next();`,
    code: "SUSPENDED_GENERATOR",
    path: ["handler", "it"],
    wording: "suspendedGenerator",
  },
  {
    name: "promise: rejected",
    source: `const p = Promise.reject(new Error("no"));\np.catch(() => {});\nexports.fn = () => p;`,
    code: "REJECTED_PROMISE",
    path: ["handler", "p"],
    wording: "rejectedPromise",
  },
  {
    name: "promise: pending",
    source: `const p = new Promise(() => {});\nexports.fn = () => p;`,
    code: "PENDING_PROMISE",
    path: ["handler", "p"],
    wording: "pendingPromise",
  },
  {
    name: "eval: direct eval reaches a captured binding",
    source: `const secret = 1;\nexports.fn = () => eval("secret");`,
    code: "DIRECT_EVAL",
    path: ["handler"],
    wording: "directEval",
  },
  {
    name: "eval: direct eval in a captured helper",
    source: `const x = 2;\nconst helper = (code) => eval(code);\nexports.fn = () => helper("x * 2");`,
    code: "DIRECT_EVAL",
    path: ["handler", "helper"],
    wording: "directEval",
  },
  {
    // Nothing is captured by name, but direct eval can still read the
    // module scope (require, module, exports). Unsure: refused?
    name: "eval: direct eval with no captured name in sight",
    source: `exports.fn = () => eval("1 + 1");`,
    code: "DIRECT_EVAL",
    path: ["handler"],
    wording: "directEval",
  },
  {
    // super() in an arrow runs the parent constructor for the instance being
    // made; the copy has no construction to join.
    name: "super: an arrow that calls super() in a derived constructor",
    source: `class A { constructor() { this.x = 1; } }\nclass B extends A { constructor() { const init = () => super(); init(); this.init = init; } }\nexports.fn = new B().init;`,
    code: "UNSUPPORTED_VALUE",
    path: ["handler"],
    wording: "superCallArrow",
  },
  {
    name: "with: with statement over a captured object",
    source: `const scope = { x: 1 };\nexports.fn = function () { with (scope) { return x; } };`,
    code: "WITH_STATEMENT",
    path: ["handler"],
    wording: "withStatement",
  },
  {
    // Not a captured value but a misuse of the API: no path, no hint.
    name: "not a function: a number",
    source: `exports.fn = 42;`,
    code: "NOT_A_FUNCTION",
    path: [],
    wording: "notAFunction",
  },
  {
    // Counter's #count belongs to the package's class: code outside the
    // package cannot install it on a rebuilt instance. Unsure of the code.
    name: "private state: instance of a package class with #private fields",
    source: `const { Counter } = require("fake-greeter");\nconst counter = new Counter();\ncounter.increment();\nexports.fn = () => counter.increment();`,
    code: "PRIVATE_STATE",
    path: ["handler", "counter"],
    wording: "privateState",
  },
  {
    // A dual package's ES build, imported by an ES module: require() gives its other file.
    name: "dual package: ES build value in CommonJS output",
    sourceFormat: "esm",
    source: `import { formatISO } from "date-fns";\nexport const fn = () => formatISO(new Date(0));`,
    code: "UNSUPPORTED_VALUE",
    path: ["handler", "formatISO"],
    wording: "dualEsmInCjs",
  },
  {
    name: "package symbol: a symbol the package keeps to itself keys a captured object",
    source: `const pkg = require("fake-symbols");\nconst o = pkg.make(7);\nexports.fn = () => pkg.readHidden(o);`,
    code: "UNSUPPORTED_VALUE",
    path: ["handler", "o[key]"],
    wording: "hiddenSymbol",
  },
  {
    // zod 4 fills a schema class's prototype the first time it makes one.
    name: "changed package: a zod schema whose class prototype zod filled lazily",
    source: `const { z } = require("zod");\nconst S = z.string();\nexports.fn = (x) => S.safeParse(x).success;`,
    code: "UNSUPPORTED_VALUE",
    path: ["handler", "S.[[Prototype]]"],
    wording: "changedZod",
  },
  {
    name: "changed package: dayjs extended with a plugin at module level",
    source: `const dayjs = require("dayjs");\ndayjs.extend(require("dayjs/plugin/utc"));\nexports.fn = () => dayjs.utc(0).format();`,
    code: "UNSUPPORTED_VALUE",
    path: ["handler", "dayjs"],
    wording: "changedDayjs",
  },
  {
    // fake-parent depends on fake-dep 2, installed under it; the project's
    // node_modules holds fake-dep 1. Gear is exported by fake-dep 2 only.
    name: "package: a class only a dependency installed under another package exports",
    source: `const { makeGear } = require("fake-parent");\nconst holder = { gear: makeGear() };\nexports.fn = () => holder.gear.turn();`,
    code: "UNSUPPORTED_VALUE",
    path: ["handler", "holder.gear.[[Prototype]]"],
    wording: "nestedDependency",
  },
  {
    // new AWS.S3() creates the versioned service class at S3.services["2006-03-01"].
    name: "changed package: an aws-sdk v2 client whose class the constructor created",
    source: `const AWS = require("aws-sdk");\nconst s3 = new AWS.S3({ region: "us-east-1" });\nexports.fn = () => typeof s3.getObject;`,
    code: "UNSUPPORTED_VALUE",
    path: ["handler", "s3.[[Prototype]]"],
    wording: "createdAwsService",
  },
  {
    name: "option: format is neither cjs nor esm",
    source: `exports.fn = () => 1;\nexports.options = { format: "umd" };`,
    code: "INVALID_OPTION",
    path: [],
    wording: "invalidFormat",
  },
  {
    name: "declareModuleImports: probe is not a function",
    source: `exports.fn = () => 1;\nexports.declareImports = { probe: 42, imports: {} };`,
    code: "INVALID_OPTION",
    path: [],
    wording: "declareProbe",
  },
  {
    name: "declareModuleImports: a namespace is not an object",
    source: `exports.fn = () => 1;\nexports.declareImports = { probe: () => 1, imports: { "fake-esm": null } };`,
    code: "INVALID_OPTION",
    path: [],
    wording: "declareNamespace",
  },
  {
    name: "declareModuleImports: probe is a bound function",
    source: `exports.fn = () => 1;\nexports.declareImports = { probe: (() => 1).bind(null), imports: {} };`,
    code: "INVALID_OPTION",
    path: [],
    wording: "declareBound",
  },
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe.concurrent("refusals", () => {
  const names = new Set<string>();
  for (const row of refusals) {
    if (names.has(row.name)) throw new Error(`duplicate row name: ${row.name}`);
    names.add(row.name);
    test(row.name, async ({ expect }) => {
      // What each refusal says; a module-level value is rebuilt instead (module-rebuild.test.ts).
      const outcome = await serializeInChild(row, { rebuildModuleBindings: false, ...row.options });
      if (outcome.ok) return expect.unreachable(`serialized instead of refusing\n${textBlock(outcome.text)}`);
      const { error } = outcome;
      const { problem, hint } = WORDING[row.wording];
      const where = row.path.join(" -> ");
      const prefix = where === "" ? "" : `${where}: `;
      expect(error.name).toBe("SerializationError");
      expect(error.code, error.message).toBe(row.code);
      expect(error.path, error.message).toEqual(row.path);
      // A refusal of a captured value names it: `<path>: cannot serialize …`.
      if (row.path.length > 0) {
        expect(error.message.split("\n")[0]).toMatch(new RegExp(`^${escapeRegExp(prefix)}cannot serialize `));
      }
      expect(error.message).toBe(`${prefix}${problem}${hint === undefined ? "" : `\nhint: ${hint}`}`);
      expect(error.hint).toBe(hint);
    });
  }
});

/** The way out of a refusal: `serialize` returning false leaves the value behind. */
const escapeHatches: RoundTripCase[] = [
  {
    name: "escape hatch: serialize returning false for a socket",
    source: `${net}const socket = new net.Socket();\nexports.fn = () => typeof socket;\nexports.options = { serialize: (v) => !(v instanceof net.Socket) };`,
    expected: "object",
    expectedCopy: "undefined",
  },
  {
    name: "escape hatch: socket created inside the handler",
    source: `${net}exports.fn = () => { const socket = new net.Socket(); const ok = socket instanceof net.Socket; socket.destroy(); return ok; };`,
    expected: true,
    modules: ["net"],
  },
  {
    name: "escape hatch: factory captured instead of the socket",
    source: `${net}const makeSocket = () => new net.Socket();\nexports.fn = () => { const s = makeSocket(); s.destroy(); return typeof s.write; };`,
    expected: "function",
    modules: ["net"],
  },
];

describe.concurrent("escape hatches", () => roundTripTable(escapeHatches));
