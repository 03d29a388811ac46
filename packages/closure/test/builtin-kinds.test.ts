// The built-in kind modules of src/kinds: boxed primitives, typed arrays,
// DataView, Buffer, ArrayBuffer, URL, URLSearchParams, promises, generator
// objects, proxies, weak collections, arguments objects, module namespaces
// and live handles. Round-trip rows run the emitted text in a fresh node
// (support/round-trip.ts); refusal rows compare the whole message.
import { describe, test } from "vitest";
import type { SerializationErrorCode } from "../src/errors.js";
import { serializeInChild, textBlock, type CaseSource } from "./support/round-trip.js";
import { roundTripTable, type RoundTripCase } from "./support/table.js";
import { unsupported } from "./unsupported.js";

type Check = NonNullable<RoundTripCase["check"]>;

/** The text stays small: no buffer pool, no unreachable entry travelled. */
const shorterThan =
  (chars: number): Check =>
  (result, expect) =>
    expect(result.text.length, textBlock(result.text)).toBeLessThan(chars);

const lacks =
  (...needles: string[]): Check =>
  (result, expect) => {
    for (const needle of needles) expect(result.text, textBlock(result.text)).not.toContain(needle);
  };

const boxed: RoundTripCase[] = [
  {
    name: "boxed: Number, String and Boolean objects",
    source: `const n = new Number(-0), s = new String("héllo"), b = new Boolean(false);
exports.fn = () => [n, s, b, typeof n, Object.is(n.valueOf(), -0), s.length, s[1], b ? "truthy" : "falsy"];`,
  },
  {
    name: "boxed: BigInt object and Symbol object keep the symbol's identity",
    source: `const sym = Symbol("key");
const big = Object(2n ** 70n), boxedSym = Object(sym);
const table = { [sym]: "found" };
exports.fn = () => [big, boxedSym, typeof boxedSym, table[boxedSym.valueOf()], boxedSym.valueOf() === sym, big + 1n];`,
  },
  {
    name: "boxed: String object with own properties beyond its characters",
    source: `const s = new String("ab");
s.extra = 1;
s[5] = "x";
Object.defineProperty(s, "hidden", { value: true, enumerable: false });
exports.fn = () => [s, Object.keys(s), s.length, s.hidden];`,
  },
  {
    name: "boxed: subclass of Number keeps its prototype",
    source: `class Money extends Number { cents() { return this * 100; } }
const m = new Money(2.5);
exports.fn = () => [m instanceof Money, m.cents(), m + 1];`,
  },
  {
    name: "boxed: frozen Boolean object",
    source: `const b = Object.freeze(new Boolean(true));
exports.fn = () => [Object.isFrozen(b), b.valueOf()];`,
  },
];

const typedArrays: RoundTripCase[] = [
  {
    name: "typed-array: Float64Array with NaN payloads, -0 and infinities",
    source: `const f = new Float64Array([1, NaN, -0, Infinity, -Infinity]);
new Uint8Array(f.buffer).set([1, 2, 3, 4, 5, 6, 0xf8, 0x7f], 8); // a NaN with a payload
exports.fn = () => [f, Array.from(new Uint8Array(f.buffer))];`,
  },
  {
    name: "typed-array: every element type",
    source: `const all = [
  new Int8Array([-128, 0, 127]), new Uint8Array([0, 1, 255]), new Uint8ClampedArray([0, 128, 255]),
  new Int16Array([-32768, 1, 32767]), new Uint16Array([0, 65535]), new Int32Array([-2147483648, 2147483647]),
  new Uint32Array([0, 4294967295]), new Float32Array([1.5, -0, Infinity]), new Float64Array([Math.PI, 5e-324]),
  new BigInt64Array([-(2n ** 63n), 2n ** 63n - 1n]), new BigUint64Array([0n, 2n ** 64n - 1n]),
];
exports.fn = () => all;`,
  },
  {
    name: "typed-array: empty views",
    source: `const views = [new Uint8Array(0), new Float64Array(0), Buffer.alloc(0), new DataView(new ArrayBuffer(0))];
exports.fn = () => views.map((v) => [v.byteLength, v.constructor.name]);`,
  },
  {
    name: "typed-array: large Uint32Array with an own property",
    source: `const big = new Uint32Array(5000).map((_, i) => i * 2654435761);
big.label = "hashes";
exports.fn = () => [big.length, big.reduce((a, b) => (a + b) % 1000003, 0), big[4999], big.label, Object.keys(big).length];`,
    check: shorterThan(40_000),
  },
  {
    name: "typed-array: large mostly-zero array stays compact",
    source: `const sparse = new Float64Array(100000);
sparse[50000] = 1.5;
exports.fn = () => [sparse.length, sparse[50000], sparse.indexOf(1.5)];`,
    check: shorterThan(2_000),
  },
  {
    name: "typed-array: views over one captured ArrayBuffer share it",
    source: `const ab = new ArrayBuffer(8);
const bytes = new Uint8Array(ab);
const view = new DataView(ab, 2, 4);
exports.fn = () => {
  view.setUint16(0, 0x1234);
  return [bytes, ab, bytes.buffer === ab, view.buffer === ab, view.byteOffset, view.byteLength];
};`,
  },
  {
    name: "typed-array: two views of an uncaptured buffer stay shared",
    source: `const wide = new Uint16Array([1, 2, 3, 4]);
const narrow = new Uint8Array(wide.buffer, 2, 4);
exports.fn = () => {
  narrow[0] = 255;
  return [wide, narrow, narrow.byteOffset, wide.buffer === narrow.buffer];
};`,
  },
  {
    name: "typed-array: subarray keeps its offset and its buffer's size",
    source: `const part = new Int32Array([1, 2, 3, 4]).subarray(1, 3);
exports.fn = () => [Array.from(part), part.byteOffset, part.buffer.byteLength];`,
  },
  {
    name: "typed-array: bytes around an uncaptured buffer's view travel too",
    source: `const bytes = new Uint8Array([1, 2, 3, 4, 5]);
const middle = new Uint8Array(bytes.buffer, 1, 3);
exports.fn = () => [middle, Array.from(new Uint8Array(middle.buffer))];`,
  },
  {
    name: "typed-array: view into a pooled Buffer copies only the bytes it covers",
    source: `const pooled = Buffer.from("pooled bytes");
const view = new Uint8Array(pooled.buffer, pooled.byteOffset, pooled.length);
exports.fn = () => [Array.from(view), view.buffer.byteLength, view.byteOffset === pooled.byteOffset ? "same" : "moved"];`,
    // The copy's offset is the original's, which changes with what else was pooled.
    probe: "(f) => f().slice(0, 2)",
    check: shorterThan(800),
  },
  {
    name: "typed-array: subclass with a method and an own property",
    source: `class Vec extends Float32Array { norm() { return Math.hypot(...this); } }
const v = new Vec([3, 4]);
v.tag = "v";
exports.fn = () => [v instanceof Vec, v.norm(), v.tag, v.length];`,
  },
  {
    name: "typed-array: frozen empty typed array",
    source: `const t = Object.freeze(new Int8Array(0));
exports.fn = () => [Object.isFrozen(t), t.length];`,
  },
  {
    name: "dataview: reads and writes through a window",
    source: `const dv = new DataView(new ArrayBuffer(16), 4, 8);
dv.setFloat64(0, Math.E);
exports.fn = () => [dv.getFloat64(0), dv.byteOffset, dv.byteLength, dv.buffer.byteLength];`,
  },
];

const buffers: RoundTripCase[] = [
  {
    name: "buffer: pooled Buffer copies only its own bytes",
    source: `const b = Buffer.from("héllo wörld");
exports.fn = () => [Buffer.isBuffer(b), b.toString(), b.length, b];`,
    check: shorterThan(600),
  },
  {
    name: "buffer: subarray shares memory with its pooled parent",
    source: `const whole = Buffer.from("hello world");
const tail = whole.subarray(6);
exports.fn = () => {
  tail[0] = 87;
  return [whole.toString(), tail.toString(), Buffer.isBuffer(tail), whole.buffer === tail.buffer];
};`,
    // Only the captured bytes of the 8 KiB pool travel.
    check: shorterThan(1_200),
  },
  {
    name: "buffer: two pooled Buffers that do not overlap are copied apart",
    source: `const a = Buffer.from("first"), b = Buffer.from("second");
exports.fn = () => [a.toString(), b.toString()];`,
    check: shorterThan(800),
  },
  {
    name: "buffer: over a captured ArrayBuffer it shares it",
    source: `const ab = new ArrayBuffer(4);
const b = Buffer.from(ab, 1, 2);
exports.fn = () => {
  b[0] = 7;
  return [Array.from(new Uint8Array(ab)), b.buffer === ab, b.byteOffset, Buffer.isBuffer(b)];
};`,
  },
  {
    name: "buffer: large Buffer travels as base64",
    source: `const b = Buffer.alloc(3000, "abc");
b.writeUInt32BE(0xdeadbeef, 1000);
exports.fn = () => [b.length, b.readUInt32BE(1000), b.toString("latin1", 0, 9), b.toString("hex").length];`,
    check: shorterThan(6_000),
  },
];

const arrayBuffers: RoundTripCase[] = [
  {
    name: "array-buffer: bytes and an own property",
    source: `const ab = new ArrayBuffer(10);
new Uint8Array(ab).set([0, 1, 2, 0, 250], 3);
ab.note = "n";
exports.fn = () => [ab, ab.note];`,
  },
  {
    name: "array-buffer: resizable keeps its maxByteLength",
    source: `const ab = new ArrayBuffer(4, { maxByteLength: 16 });
new Uint8Array(ab)[3] = 9;
exports.fn = () => {
  ab.resize(8);
  return [ab.resizable, ab.maxByteLength, ab.byteLength, new Uint8Array(ab)[3]];
};`,
  },
  {
    name: "array-buffer: resizable with a length-tracking view and a fixed one",
    source: `const rab = new ArrayBuffer(4, { maxByteLength: 16 });
const all = new Uint8Array(rab);
const fixed = new Uint8Array(rab, 0, 2);
const grows = new Uint16Array(new ArrayBuffer(2, { maxByteLength: 8 }));
exports.fn = () => {
  rab.resize(8);
  grows.buffer.resize(6);
  return [all.length, fixed.length, all.buffer === rab, grows.length];
};`,
  },
  {
    name: "array-buffer: SharedArrayBuffer copies its bytes",
    source: `const sab = new SharedArrayBuffer(8);
const ints = new Int32Array(sab);
ints[1] = 7;
exports.fn = () => [ints[1], ints.buffer instanceof SharedArrayBuffer, ints.buffer === sab, sab.byteLength];`,
  },
];

const urls: RoundTripCase[] = [
  {
    name: "url: every part of the href, and an own property",
    source: `const u = new URL("https://user:pw@example.com:8080/p/a?q=1&r=%20#frag");
u.tag = 1;
exports.fn = () => [u.href, u.hostname, u.port, u.searchParams.get("r"), u instanceof URL, u.tag];`,
  },
  {
    name: "url-search-params: standalone with repeated keys",
    source: `const p = new URLSearchParams("a=1&b=2&a=3");
exports.fn = () => {
  p.append("c", "4 5");
  return [p.toString(), p.getAll("a")];
};`,
  },
  {
    name: "url-search-params: stays linked to its URL",
    source: `const u = new URL("http://x.test/?a=1");
const sp = u.searchParams;
exports.fn = () => {
  sp.set("b", "2");
  return [u.href, u.searchParams === sp];
};`,
  },
];

const promises: RoundTripCase[] = [
  {
    name: "promise: fulfilled with an object keeps its identity",
    source: `const obj = { n: 1 };
const p = Promise.resolve(obj);
exports.fn = async () => [(await p) === obj, await p, p instanceof Promise];`,
  },
  {
    name: "promise: its value refers back to the promise",
    source: `const box = { n: 2 };
const p = Promise.resolve(box);
box.p = p;
exports.fn = async () => [(await box.p) === box, (await p).p === p];`,
  },
  {
    name: "promise: fulfilled with undefined",
    source: `const p = Promise.resolve();
exports.fn = () => p.then((v) => [v, "done"]);`,
  },
];

const generators: RoundTripCase[] = [
  {
    name: "generator: closed generator stays done and keeps its prototype",
    source: `function* count() { yield 1; }
const it = count();
it.next();
it.next();
exports.fn = () => [it.next(), it instanceof count, Object.getPrototypeOf(it) === count.prototype, [...it]];`,
  },
  {
    name: "generator: closed generator whose function is not captured",
    source: `const it = (function* () { yield 1; })();
it.return();
exports.fn = () => [it.next(), it[Symbol.iterator]() === it];`,
  },
  {
    name: "generator: closed async generator",
    source: `async function* ticks() { yield 1; }
const it = ticks();
it.return();
exports.fn = async () => [await it.next(), Object.prototype.toString.call(it)];`,
  },
];

const proxies: RoundTripCase[] = [
  {
    name: "proxy: get trap",
    source: `const p = new Proxy({ x: 1 }, { get: (t, k) => (k === "y" ? 42 : t[k]) });
exports.fn = () => [p.x, p.y, p.z];`,
  },
  {
    name: "proxy: target shared with another capture",
    source: `const target = { x: 1 };
const p = new Proxy(target, {});
exports.fn = () => {
  target.x = 2;
  return [p.x, Object.keys(p)];
};`,
  },
  {
    name: "proxy: handler returns the proxy itself",
    source: `const handler = { get: (t, k) => (k === "self" ? proxy : t[k]) };
const proxy = new Proxy({ v: 3 }, handler);
exports.fn = () => [proxy.self === proxy, proxy.self.v];`,
  },
  {
    name: "proxy: function target with an apply trap",
    source: `const add = new Proxy(function add(a, b) { return a + b; }, { apply: (t, self, args) => t(...args) * 10 });
exports.fn = () => [add(1, 2), typeof add, add.name];`,
  },
  {
    name: "proxy: no trap runs while serializing",
    source: `let calls = 0;
// Every trap lookup on this handler counts, whatever the trap.
const handler = new Proxy({}, { get: (_, trap) => (...args) => { calls++; return Reflect[trap](...args); } });
const p = new Proxy(function target() { return 1; }, handler);
exports.fn = () => [calls, p()];`,
  },
  {
    name: "proxy: a proxy on an object's prototype chain runs no trap while serializing",
    source: `let calls = 0;
const handler = new Proxy({}, { get: (_, trap) => (...args) => { calls++; return Reflect[trap](...args); } });
const parent = new Proxy({ hello() { return "hi"; } }, handler);
const child = Object.create(parent);
exports.fn = () => [calls, Object.getPrototypeOf(child) === parent];`,
    expected: [0, true],
  },
  {
    name: "proxy: revoked proxy throws on use",
    source: `const { proxy, revoke } = Proxy.revocable(function () {}, {});
revoke();
exports.fn = () => {
  try {
    proxy.x;
    return "no throw";
  } catch (error) {
    return [error instanceof TypeError, typeof proxy];
  }
};`,
  },
];

const weakCollections: RoundTripCase[] = [
  {
    name: "weak-map: only reachable keys kept",
    source: `const seen = { id: 1 };
const wm = new WeakMap([[seen, "kept value"], [{ id: 2 }, "unreachable value"]]);
exports.fn = () => [wm.get(seen), wm.has(seen), wm.has({})];`,
    check: lacks("unreachable value"),
  },
  {
    name: "weak-map: a kept value makes another key reachable",
    source: `const a = { n: "a" }, b = { n: "b" }, c = { n: "c" };
const wm = new WeakMap([[a, b], [b, c], [c, "end"], [{ n: "lost" }, "never"]]);
exports.fn = () => wm.get(wm.get(wm.get(a)));`,
    check: lacks("never"),
  },
  {
    name: "weak-map: keys reached through a second weak map",
    source: `const a = {}, b = {};
const first = new WeakMap([[a, b]]);
const second = new WeakMap([[b, "through two maps"]]);
exports.fn = () => second.get(first.get(a));`,
  },
  {
    name: "weak-map: private state of compiled classes, instances made by the function",
    source: `const _secret = new WeakMap();
class Vault { constructor(v) { _secret.set(this, v); } open() { return _secret.get(this); } }
const unreachableVault = new Vault("unreachable secret");
exports.fn = () => new Vault(7).open();`,
    check: lacks("unreachable secret"),
  },
  {
    name: "weak-map: private state of a captured instance of a compiled class",
    source: `const _secret = new WeakMap();
class Vault { constructor(v) { _secret.set(this, v); } open() { return _secret.get(this); } }
const vault = new Vault(42);
exports.fn = () => [vault.open(), new Vault(7).open()];`,
  },
  {
    name: "weak-map: mutated by the function",
    source: `const key = {};
const counts = new WeakMap([[key, 0]]);
exports.fn = () => {
  counts.set(key, counts.get(key) + 1);
  return counts.get(key);
};`,
    probe: "(f) => [f(), f()]",
  },
  {
    name: "weak-set: membership of reachable members",
    source: `const member = { m: 1 };
const ws = new WeakSet([member, { unreachableMember: true }]);
exports.fn = () => [ws.has(member), ws.has({})];`,
    check: lacks("unreachableMember"),
  },
  {
    name: "weak-map: symbol key",
    source: `const key = Symbol("weak key");
const wm = new WeakMap([[key, "by symbol"]]);
exports.fn = () => [wm.get(key), key.description];`,
  },
];

const argumentsObjects: RoundTripCase[] = [
  {
    name: "arguments: arrow reads its enclosing function's arguments",
    source: `function outer() { return () => [arguments.length, arguments[0], arguments[2], Array.from(arguments)]; }
exports.fn = outer(1, "b", { c: 3 });`,
  },
  {
    name: "arguments: captured object with an extra property",
    source: `function make() { return arguments; }
const args = make(1, 2);
args.extra = "x";
exports.fn = () => [args.length, args[1], args.extra, Object.prototype.toString.call(args), [...args]];`,
  },
  {
    name: "arguments: deleted index and changed length",
    source: `function make() { return arguments; }
const args = make("a", "b", "c");
delete args[0];
args.length = 2;
exports.fn = () => [0 in args, args.length, args[1], Object.keys(args)];`,
  },
  {
    name: "arguments: element refers back to the arguments object",
    source: `function make() { return arguments; }
const holder = {};
const args = make(holder);
holder.args = args;
exports.fn = () => args[0].args === args;`,
  },
];

// A handle is an instance with state; an object that only inherits from a
// handle class's prototype (Express builds its request and response
// prototypes so) is copied like any object.
const handlePrototypes: RoundTripCase[] = [
  {
    name: "live handle: an object that only inherits from http.IncomingMessage.prototype is copied",
    source: `const http = require("http");\nconst req = Object.create(http.IncomingMessage.prototype);\nreq.hello = function () { return "hi " + (this instanceof http.IncomingMessage); };\nObject.defineProperty(req, "kind", { get() { return "request"; } });\nexports.fn = () => [req.hello(), req.kind, typeof req.setTimeout];`,
    expected: ["hi true", "request", "function"],
    modules: ["http"],
  },
  {
    name: "live handle: Express's request and response prototypes are copied",
    source: `const express = require("express");\nconst app = express();\nexports.fn = () => [typeof app.request.get, typeof app.response.json, Object.getPrototypeOf(Object.getPrototypeOf(app.request)) === require("http").IncomingMessage.prototype];`,
    expected: ["function", "function", true],
  },
  {
    name: "live handle: an Express app's router keeps its prototype (a function inheriting from a Router)",
    source: `const express = require("express");\nconst app = express();\napp.get("/hi", (req, res) => res.send("hi"));\nexports.fn = () => [typeof app.router.handle, app.router.stack.length, typeof app.router.route];`,
    expected: ["function", 1, "function"],
  },
];

// Node's web-platform objects keep their state in internal slots: rebuilt
// through their public API (kinds/web-builtins.ts, abort-signals.ts, blob-bytes.ts).
const webBuiltins: RoundTripCase[] = [
  {
    name: "web-builtin: TextEncoder and TextDecoder with its encoding and options",
    source: `const te = new TextEncoder();\nconst td = new TextDecoder("utf-16le", { fatal: true, ignoreBOM: true });\nexports.fn = () => [te.encode("hé"), td.encoding, td.fatal, td.ignoreBOM, td.decode(new Uint8Array([104, 0]))];`,
    expected: [new Uint8Array([104, 195, 169]), "utf-16le", true, true, "h"],
  },
  {
    name: "web-builtin: AbortController aborted with a reason, a fresh one, and an aborted AbortSignal",
    source: `const done = new AbortController();\ndone.abort("why");\nconst fresh = new AbortController();\nconst signal = AbortSignal.abort(new Error("gone"));\nexports.fn = () => { const before = fresh.signal.aborted; fresh.abort(); return [done.signal.aborted, done.signal.reason, before, fresh.signal.aborted, signal.aborted, signal.reason.message]; };`,
    expected: [true, "why", false, true, true, "gone"],
  },
  {
    name: "web-builtin: EventTarget without listeners, DOMException, PerformanceMark",
    source: `const target = new EventTarget();\nconst error = new DOMException("stopped", "AbortError");\nconst mark = new PerformanceMark("start", { startTime: 5, detail: { step: 1 } });\nexports.fn = () => { let heard = 0; target.addEventListener("x", () => heard++); target.dispatchEvent(new Event("x")); return [heard, error.name, error.message, error.code, error instanceof DOMException, mark.name, mark.startTime, mark.detail]; };`,
    expected: [1, "AbortError", "stopped", 20, true, "start", 5, { step: 1 }],
  },
  {
    name: "web-builtin: Headers with repeated set-cookie, and a StringDecoder",
    source: `const headers = new Headers({ "content-type": "text/plain" });\nheaders.append("set-cookie", "a=1");\nheaders.append("set-cookie", "b=2");\nconst decoder = new (require("string_decoder").StringDecoder)("utf8");\nexports.fn = () => [[...headers], headers.getSetCookie(), decoder.write(Buffer.from([0xc3])), decoder.end(Buffer.from([0xa9]))];`,
    expected: [
      [
        ["content-type", "text/plain"],
        ["set-cookie", "a=1"],
        ["set-cookie", "b=2"],
      ],
      ["a=1", "b=2"],
      "",
      "é",
    ],
    modules: ["string_decoder"],
  },
  {
    name: "web-builtin: net.SocketAddress from its address, port, family and flow label; an AbortSignal.any() of nothing",
    source: `const { SocketAddress } = require("net");\nconst address = new SocketAddress({ address: "::1", port: 8080, family: "ipv6", flowlabel: 3 });\nconst never = AbortSignal.any([]);\nexports.fn = () => [address.address, address.port, address.family, address.flowlabel, address instanceof SocketAddress, never.aborted];`,
    expected: ["::1", 8080, "ipv6", 3, true, false],
    modules: ["net"],
  },
  {
    name: "web-builtin: Event, CustomEvent and MessageEvent with their options (prevented), a subclass of Event, and queuing strategies",
    source: `const custom = new CustomEvent("saved", { detail: { id: 1 }, cancelable: true, bubbles: true });\ncustom.preventDefault();\nconst message = new MessageEvent("message", { data: [1, 2], origin: "https://a.example", lastEventId: "7" });\nclass Ping extends Event { constructor() { super("ping"); this.extra = 1; } }\nconst ping = new Ping();\nconst count = new CountQueuingStrategy({ highWaterMark: 3 });\nconst bytes = new ByteLengthQueuingStrategy({ highWaterMark: 8 });\nexports.fn = () => [custom.type, custom.detail, custom.defaultPrevented, custom.bubbles, message.data, message.origin, message.lastEventId, ping instanceof Ping, ping.type, ping.extra, count.highWaterMark, count.size(), bytes.highWaterMark, bytes.size(new Uint8Array(5))];`,
    expected: ["saved", { id: 1 }, true, true, [1, 2], "https://a.example", "7", true, "ping", 1, 3, 1, 8, 5],
  },
  {
    name: "web-builtin: a captured AbortController and its separately captured signal are one controller and its signal",
    source: `const controller = new AbortController();\nconst signal = controller.signal;\nconst either = AbortSignal.any([signal, new AbortController().signal]);\nexports.fn = () => { const before = [signal.aborted, either.aborted]; controller.abort("stop"); return [before, signal === controller.signal, signal.aborted, signal.reason, either.aborted, either.reason]; };`,
    expected: [[false, false], true, true, "stop", true, "stop"],
  },
  {
    name: "web-builtin: Blob and File with their bytes and type, and a FormData holding a File",
    source: `const blob = new Blob(["héllo ", new Uint8Array([0, 255])], { type: "text/plain" });\nconst file = new File(["a,b"], "data.csv", { type: "text/csv", lastModified: 42 });\nconst form = new FormData();\nform.append("name", "value");\nform.append("upload", file);\nexports.fn = async () => [blob.size, blob.type, [...new Uint8Array(await blob.arrayBuffer())], file.name, file.lastModified, file.type, await file.text(), file instanceof File, form.get("name"), form.get("upload") === file, [...form.keys()]];`,
    expected: [9, "text/plain", [104, 195, 169, 108, 108, 111, 32, 0, 255], "data.csv", 42, "text/csv", "a,b", true, "value", true, ["name", "upload"]],
  },
  {
    name: "web-builtin: instances of subclasses (EventTarget, AbortController, Headers, a TextDecoder whose getter lies) keep their class",
    source: `class Bus extends EventTarget { constructor() { super(); this.count = 0; } ping() { this.count++; let heard = 0; this.addEventListener("x", () => heard++); this.dispatchEvent(new Event("x")); return heard + this.count; } }\nclass Stopper extends AbortController { stop() { this.abort("stopped"); return this.signal.reason; } }\nclass Fields extends Headers { first() { return [...this][0]; } }\nclass Decoder extends TextDecoder { get encoding() { return "pretends"; } }\nconst bus = new Bus(), stopper = new Stopper(), fields = new Fields({ a: "1" }), decoder = new Decoder("utf-16le");\nexports.fn = () => [bus.ping(), bus instanceof Bus, stopper.stop(), fields.first(), decoder.decode(new Uint8Array([104, 0])), decoder.encoding];`,
    expected: [2, true, "stopped", ["a", "1"], "h", "pretends"],
  },
  {
    name: "web-builtin: #private fields of subclasses of built-ins (EventTarget, Map, Error) are installed on the rebuilt built-in",
    source: `class Bus extends EventTarget { #heard = 0; bump() { this.#heard++; return this; } on(type) { this.addEventListener(type, () => this.#heard++); return this; } emit(type) { this.dispatchEvent(new Event(type)); return this.#heard; } }\nclass LoudBus extends Bus { #tag = "loud"; tag() { return this.#tag; } }\nclass Counts extends Map { #base = 10; total() { return this.#base + this.size; } }\nclass Failure extends Error { #code = 7; code() { return this.#code; } }\nconst bus = new LoudBus(), counts = new Counts([["a", 1]]), failure = new Failure("boom");\nbus.bump();\nexports.fn = () => [bus.on("y").emit("y"), bus.tag(), bus instanceof Bus, counts.total(), failure.code(), failure.message];`,
    expected: [2, "loud", true, 11, 7, "boom"],
  },
];

describe("built-in kinds: round trips", () => {
  roundTripTable([
    ...webBuiltins,
    unsupported("web-builtin: a TextDecoder in the middle of a stream"),
    ...handlePrototypes,
    ...boxed,
    ...typedArrays,
    ...buffers,
    ...arrayBuffers,
    ...urls,
    ...promises,
    ...generators,
    ...proxies,
    ...weakCollections,
    ...argumentsObjects,
  ]);
});

interface RefusalRow extends CaseSource {
  name: string;
  code: SerializationErrorCode;
  /** The whole message: `<capture path>: cannot serialize …` and the hint line. */
  message: string;
}

const net = `const net = require("net");\n`;
const inside = (noun: string): string => `hint: create the ${noun} inside the handler, or capture a factory`;

const refusals: RefusalRow[] = [
  {
    name: "web-builtin: a Blob whose file changed after it was opened is refused",
    source: `const fs = require("fs");\nconst file = require("path").join(require("os").tmpdir(), "closure-pack-blob-" + process.pid);\nfs.writeFileSync(file, "abc");\nmodule.exports = fs.openAsBlob(file).then((blob) => { fs.writeFileSync(file, "abcdef"); return { fn: () => blob.size }; });`,
    code: "UNSUPPORTED_VALUE",
    message: "handler -> blob: cannot serialize a Blob: reading its bytes failed: The blob could not be read\nhint: open the file as a Blob inside the handler",
  },
  {
    name: "web-builtin: a ReadableStream is refused",
    source: `const stream = new ReadableStream({ start(controller) { controller.enqueue("chunk"); } });\nexports.fn = () => stream.getReader().read();`,
    code: "UNSUPPORTED_VALUE",
    message: "handler -> stream: cannot serialize a ReadableStream\nhint: create the stream inside the handler",
  },
  {
    name: "web-builtin: a stream's reader is refused",
    source: `const reader = new ReadableStream().getReader();\nexports.fn = () => reader.read();`,
    code: "UNSUPPORTED_VALUE",
    message: "handler -> reader: cannot serialize a ReadableStreamDefaultReader\nhint: create the stream inside the handler",
  },
  {
    name: "web-builtin: a Response is refused",
    source: `const cached = new Response("hello", { status: 201 });\nexports.fn = () => cached.status;`,
    code: "UNSUPPORTED_VALUE",
    message:
      "handler -> cached: cannot serialize a Response\nhint: capture its status, headers and body (await response.text()), and create the Response inside the handler",
  },
  {
    name: "web-builtin: a Request is refused",
    source: `const template = new Request("https://a.example/items", { method: "POST" });\nexports.fn = () => template.method;`,
    code: "UNSUPPORTED_VALUE",
    message:
      "handler -> template: cannot serialize a Request\nhint: capture its URL, method, headers and body (await request.text()), and create the Request inside the handler",
  },
  {
    name: "web-builtin: a CryptoKey is refused",
    source: `module.exports = crypto.subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, true, ["sign"]).then((key) => ({ fn: () => key.type }));`,
    code: "UNSUPPORTED_VALUE",
    message: "handler -> key: cannot serialize a CryptoKey\nhint: export the key (crypto.subtle.exportKey) and import it inside the handler",
  },
  {
    name: "web-builtin: an Event that was dispatched is refused",
    source: `const target = new EventTarget();\nconst event = new Event("ping");\ntarget.dispatchEvent(event);\nexports.fn = () => event.target;`,
    code: "UNSUPPORTED_VALUE",
    message: "handler -> event: cannot serialize an Event that was dispatched\nhint: create the event inside the handler",
  },
  {
    name: "web-builtin: an AbortSignal.timeout() that has not fired is refused",
    source: `const signal = AbortSignal.timeout(60_000);\nexports.fn = () => signal.aborted;`,
    code: "UNSUPPORTED_VALUE",
    message: "handler -> signal: cannot serialize an AbortSignal.timeout() signal that has not fired\nhint: call AbortSignal.timeout() inside the handler",
  },
  {
    name: "web-builtin: an AbortController whose signal has listeners is refused",
    source: `const controller = new AbortController();\ncontroller.signal.addEventListener("abort", () => console.log("aborted"));\nexports.fn = () => controller.abort();`,
    code: "UNSUPPORTED_VALUE",
    message:
      "handler -> controller: cannot serialize an AbortController whose signal has listeners\nhint: create the AbortController and add the listeners inside the handler",
  },
  {
    name: "web-builtin: an AbortSignal with an onabort handler is refused",
    source: `const controller = new AbortController();\nconst signal = controller.signal;\nsignal.onabort = () => console.log("aborted");\nexports.fn = () => signal.aborted;`,
    code: "UNSUPPORTED_VALUE",
    message: "handler -> signal: cannot serialize an AbortSignal with listeners\nhint: create the signal and add the listeners inside the handler",
  },
  {
    name: "web-builtin: EventTarget with listeners is refused",
    source: `const target = new EventTarget();\ntarget.addEventListener("x", () => {});\nexports.fn = () => target;`,
    code: "UNSUPPORTED_VALUE",
    message: "handler -> target: cannot serialize an EventTarget with listeners\nhint: create the EventTarget and add its listeners inside the handler",
  },
  {
    name: "web-builtin: StringDecoder holding part of a character is refused",
    source: `const decoder = new (require("string_decoder").StringDecoder)("utf8");\ndecoder.write(Buffer.from([0xc3]));\nexports.fn = () => decoder.end();`,
    code: "UNSUPPORTED_VALUE",
    message: "handler -> decoder: cannot serialize a StringDecoder holding part of a character\nhint: create the StringDecoder inside the handler",
  },
  {
    name: "promise: pending promise is refused",
    source: `const p = new Promise(() => {});\nexports.fn = () => p;`,
    code: "PENDING_PROMISE",
    message: "handler -> p: cannot serialize a pending Promise\nhint: await it before serializing, or capture the function that produces it",
  },
  {
    name: "promise: rejected promise is refused",
    source: `const p = Promise.reject(new Error("no"));\np.catch(() => {});\nexports.fn = () => p;`,
    code: "REJECTED_PROMISE",
    message:
      "handler -> p: cannot serialize a rejected Promise\nhint: handle the rejection before serializing, or capture the function that produces the promise",
  },
  {
    name: "generator: suspended after a yield is refused",
    source: `function* g() { yield 1; yield 2; }\nconst it = g();\nit.next();\nexports.fn = () => it.next();`,
    code: "SUSPENDED_GENERATOR",
    message: "handler -> it: cannot serialize a suspended generator object\nhint: capture the generator function and create the generator inside the handler",
  },
  {
    name: "generator: not started yet is refused",
    source: `function* g() { yield 1; }\nconst state = { it: g() };\nexports.fn = () => state.it;`,
    code: "SUSPENDED_GENERATOR",
    message:
      "handler -> state.it: cannot serialize a suspended generator object\nhint: capture the generator function and create the generator inside the handler",
  },
  {
    name: "namespace: a project module's namespace whose export is not initialized yet is refused",
    source: `import("./fixtures/self-namespace-tla.mjs");\nconst ready = () => (globalThis.unfinishedNamespace ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, 5)).then(ready));\nmodule.exports = ready().then(() => { const ns = globalThis.unfinishedNamespace; return { fn: () => ns }; });`,
    code: "UNSUPPORTED_VALUE",
    message:
      'handler -> ns: cannot serialize this module namespace object: its export "late" is not initialized yet\nhint: serialize once its module has finished evaluating (an import cycle or a pending top-level await leaves exports uninitialized)',
  },
  {
    name: "live handle: net.Socket nested in a config object",
    source: `${net}const config = { client: { socket: new net.Socket() } };\nexports.fn = () => config.client.socket;`,
    code: "LIVE_HANDLE",
    message: `handler -> config.client.socket: cannot serialize a net.Socket\n${inside("client")}`,
  },
  {
    name: "live handle: http.Server",
    source: `const server = require("http").createServer();\nexports.fn = () => server;`,
    code: "LIVE_HANDLE",
    message: `handler -> server: cannot serialize an http.Server\n${inside("server")}`,
  },
  {
    name: "live handle: https.Agent",
    source: `const agent = new (require("https").Agent)({ keepAlive: true });\nexports.fn = () => agent;`,
    code: "LIVE_HANDLE",
    message: `handler -> agent: cannot serialize an https.Agent\n${inside("agent")}`,
  },
  {
    name: "live handle: zlib stream is named as one",
    source: `const gzip = require("zlib").createGzip();\nexports.fn = () => gzip;`,
    code: "LIVE_HANDLE",
    message:
      "handler -> gzip: cannot serialize a zlib.Gzip\nhint: create the zlib stream inside the handler, or compress whole buffers with zlib.gzipSync/gunzipSync",
  },
  {
    name: "live handle: crypto.Hash",
    source: `const hash = require("crypto").createHash("sha256").update("x");\nexports.fn = () => hash;`,
    code: "LIVE_HANDLE",
    message: "handler -> hash: cannot serialize a crypto.Hash\nhint: create the hash inside the handler",
  },
  {
    name: "live handle: crypto cipher",
    source: `const crypto = require("crypto");\nconst cipher = crypto.createCipheriv("aes-128-cbc", Buffer.alloc(16), Buffer.alloc(16));\nexports.fn = () => cipher;`,
    code: "LIVE_HANDLE",
    message: "handler -> cipher: cannot serialize a crypto.Cipheriv\nhint: create the cipher inside the handler",
  },
  {
    name: "live handle: stream is named by its class",
    source: `const pipe = new (require("stream").PassThrough)();\nexports.fn = () => pipe;`,
    code: "LIVE_HANDLE",
    message: "handler -> pipe: cannot serialize a stream.PassThrough\nhint: create the stream inside the handler",
  },
  {
    name: "live handle: user subclass of a stream",
    source: `const { Readable } = require("stream");\nclass Numbers extends Readable { _read() {} }\nconst numbers = new Numbers();\nexports.fn = () => numbers;`,
    code: "LIVE_HANDLE",
    message: "handler -> numbers: cannot serialize a stream.Readable\nhint: create the stream inside the handler",
  },
  {
    name: "live handle: fs.ReadStream",
    source: `const input = require("fs").createReadStream(__filename);\nexports.fn = () => input;`,
    code: "LIVE_HANDLE",
    message: "handler -> input: cannot serialize an fs.ReadStream\nhint: open the stream inside the handler",
  },
  {
    name: "live handle: child process",
    source: `const child = new (require("child_process").ChildProcess)();\nexports.fn = () => child;`,
    code: "LIVE_HANDLE",
    message: "handler -> child: cannot serialize a ChildProcess\nhint: spawn the process inside the handler",
  },
  {
    name: "live handle: MessagePort",
    source: `const { port1 } = new MessageChannel();\nport1.unref();\nexports.fn = () => port1;`,
    code: "LIVE_HANDLE",
    message: "handler -> port1: cannot serialize a MessagePort\nhint: create the channel inside the handler",
  },
  {
    name: "live handle: fs.FSWatcher",
    source: `const watcher = require("fs").watch(__dirname);\nwatcher.unref();\nexports.fn = () => watcher;`,
    code: "LIVE_HANDLE",
    message: "handler -> watcher: cannot serialize an fs.FSWatcher\nhint: start watching inside the handler",
  },
  {
    name: "live handle: FileHandle",
    source: `module.exports = require("fs").promises.open(__filename).then((file) => ({ fn: () => file }));`,
    code: "LIVE_HANDLE",
    message: "handler -> file: cannot serialize a FileHandle\nhint: open the file inside the handler",
  },
  {
    name: "live handle: dgram socket",
    source: `const udp = require("dgram").createSocket("udp4");\nexports.fn = () => udp;`,
    code: "LIVE_HANDLE",
    message: `handler -> udp: cannot serialize a dgram.Socket\n${inside("socket")}`,
  },
  {
    name: "live handle: a Console of its own",
    source: `const { Console } = require("console");\nconst logger = new Console({ stdout: process.stdout });\nexports.fn = () => logger.log("x");`,
    code: "LIVE_HANDLE",
    message: "handler -> logger: cannot serialize a console.Console\nhint: create the Console inside the handler",
  },
  {
    name: "live handle: net.BlockList",
    source: `const blocked = new (require("net").BlockList)();\nblocked.addAddress("10.0.0.1");\nexports.fn = () => blocked.check("10.0.0.1");`,
    code: "LIVE_HANDLE",
    message: "handler -> blocked: cannot serialize a net.BlockList\nhint: create the BlockList and add its rules inside the handler",
  },
  {
    name: "live handle: a perf_hooks histogram",
    source: `const latency = require("perf_hooks").createHistogram();\nlatency.record(5);\nexports.fn = () => latency.max;`,
    code: "LIVE_HANDLE",
    message: "handler -> latency: cannot serialize a perf_hooks histogram\nhint: create the histogram inside the handler",
  },
  {
    name: "live handle: events.EventEmitterAsyncResource",
    source: `const { EventEmitterAsyncResource } = require("events");\nconst emitter = new EventEmitterAsyncResource({ name: "jobs" });\nexports.fn = () => emitter.emit("x");`,
    code: "LIVE_HANDLE",
    message: "handler -> emitter: cannot serialize an events.EventEmitterAsyncResource\nhint: create it inside the handler",
  },
  {
    name: "live handle: timer",
    source: `const timer = setTimeout(() => {}, 60_000);\ntimer.unref();\nexports.fn = () => timer;`,
    code: "LIVE_HANDLE",
    message: "handler -> timer: cannot serialize a Timeout\nhint: start the timer inside the handler",
  },
];

describe("built-in kinds: refusals", () => {
  for (const row of refusals) {
    test.concurrent(row.name, async ({ expect }) => {
      // What each kind's refusal says; a module-level value is rebuilt instead (module-rebuild.test.ts).
      const outcome = await serializeInChild(row, { rebuildModuleBindings: false, ...row.options });
      expect(outcome.ok, outcome.ok ? textBlock(outcome.text) : "").toBe(false);
      if (outcome.ok) return;
      expect(outcome.error.code).toBe(row.code);
      expect(outcome.error.message).toBe(row.message);
      expect(outcome.error.path.join(" -> ")).toBe(row.message.split(":")[0]);
    });
  }
});

describe("built-in kinds: determinism", () => {
  // Weak collections list entries in hash order, which V8 seeds per process.
  test.concurrent("weak-map: many reachable keys give the same text in two processes", async ({ expect }) => {
    const source = `const keys = Array.from({ length: 40 }, (_, i) => ({ i }));
const wm = new WeakMap(keys.map((k) => [k, k.i * 2]));
const ws = new WeakSet(keys);
exports.fn = () => keys.map((k) => [wm.get(k), ws.has(k)]);`;
    const [first, second] = await Promise.all([serializeInChild(source), serializeInChild(source)]);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.text, textBlock(first.text)).toBe(first.text);
  });
});
