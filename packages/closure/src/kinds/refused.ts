// Values that cannot travel: live handles to the operating system or to
// native state. Refused with the capture path and a hint, never copied.
// Recognised by the prototype of a Node class on their chain, nearest first,
// so a zlib stream is named as one rather than as a stream. An EventEmitter
// in general is fine to copy: only the classes below hold native state.
import type { GraphNode } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { constructorNameOf, prototypesOf } from "../inspect/prototype-chain.js";
import type { Kind } from "./table.js";

interface Refusal {
  what: string;
  hint: string;
}

/** The wording: `create the client inside the handler, or capture a factory`. */
const inside = (noun: string): string => `create the ${noun} inside the handler, or capture a factory`;
const ZLIB = "create the zlib stream inside the handler, or compress whole buffers with zlib.gzipSync/gunzipSync";
const KEY = "export the key material and import it inside the handler (crypto.createSecretKey/createPrivateKey/createPublicKey)";

/**
 * Node classes with native state: `module.Export`, hint, and the name to
 * show when not `module.Export`. The nearest one on a value's prototype chain
 * names it, so subclasses (fs.ReadStream, stream.PassThrough) are listed for
 * precise messages; stream.Stream catches the rest.
 */
const HANDLE_TYPES: ReadonlyArray<readonly [string, string, string?]> = [
  ["net.Socket", inside("client")],
  ["net.Server", inside("server")],
  ["tls.TLSSocket", inside("client")],
  ["tls.Server", inside("server")],
  ["tty.ReadStream", "open the stream inside the handler"],
  ["tty.WriteStream", "open the stream inside the handler"],
  ["http.Server", inside("server")],
  ["http.Agent", inside("agent")],
  ["http.ClientRequest", "make the request inside the handler"],
  ["http.IncomingMessage", "read the message and capture its data instead"],
  ["http.ServerResponse", "capture the data to send instead"],
  ["https.Server", inside("server")],
  ["https.Agent", inside("agent")],
  ["dgram.Socket", inside("socket")],
  ["child_process.ChildProcess", "spawn the process inside the handler", "ChildProcess"],
  ["worker_threads.Worker", "start the worker inside the handler", "Worker"],
  ["worker_threads.MessagePort", "create the channel inside the handler", "MessagePort"],
  ["worker_threads.BroadcastChannel", "create the channel inside the handler", "BroadcastChannel"],
  ["fs.ReadStream", "open the stream inside the handler"],
  ["fs.WriteStream", "open the stream inside the handler"],
  ["fs.Dir", "open the directory inside the handler"],
  ["readline.Interface", inside("interface")],
  ["zlib.Deflate", ZLIB],
  ["zlib.Inflate", ZLIB],
  ["zlib.Gzip", ZLIB],
  ["zlib.Gunzip", ZLIB],
  ["zlib.DeflateRaw", ZLIB],
  ["zlib.InflateRaw", ZLIB],
  ["zlib.Unzip", ZLIB],
  ["zlib.BrotliCompress", ZLIB],
  ["zlib.BrotliDecompress", ZLIB],
  ["crypto.Hash", "create the hash inside the handler"],
  ["crypto.Hmac", "create the hmac inside the handler"],
  ["crypto.Cipher", "create the cipher inside the handler"],
  ["crypto.Cipheriv", "create the cipher inside the handler"],
  ["crypto.Decipher", "create the decipher inside the handler"],
  ["crypto.Decipheriv", "create the decipher inside the handler"],
  ["crypto.Sign", "create the signer inside the handler"],
  ["crypto.Verify", "create the verifier inside the handler"],
  ["crypto.DiffieHellman", inside("key exchange")],
  ["crypto.DiffieHellmanGroup", inside("key exchange")],
  ["crypto.ECDH", inside("key exchange")],
  ["crypto.KeyObject", KEY],
  ["crypto.X509Certificate", "capture the certificate's PEM text and create the X509Certificate inside the handler"],
  ["dns.Resolver", inside("resolver")],
  ["net.BlockList", "create the BlockList and add its rules inside the handler"],
  ["console.Console", "create the Console inside the handler"],
  ["events.EventEmitterAsyncResource", "create it inside the handler"],
  ["inspector.Session", inside("session")],
  ["stream.PassThrough", "create the stream inside the handler"],
  ["stream.Transform", "create the stream inside the handler"],
  ["stream.Duplex", "create the stream inside the handler"],
  ["stream.Readable", "create the stream inside the handler"],
  ["stream.Writable", "create the stream inside the handler"],
  ["stream.Stream", "create the stream inside the handler"],
];

/**
 * Node classes that no module exports, recognised by constructor name. A user
 * class of the same name is refused too; the names are specific enough.
 */
const NAMED_TYPES: ReadonlyMap<string, Refusal> = new Map([
  ["FileHandle", { what: "a FileHandle", hint: "open the file inside the handler" }],
  ["FSWatcher", { what: "an fs.FSWatcher", hint: "start watching inside the handler" }],
  ["StatWatcher", { what: "an fs.StatWatcher", hint: "start watching inside the handler" }],
  ["Http2Session", { what: "an http2 session", hint: inside("session") }],
]);

/** "a net.Socket", "an http.Server", "an fs.Dir". */
function withArticle(name: string): string {
  return /^([aeiou]|fs\.|http)/i.test(name) ? `an ${name}` : `a ${name}`;
}

let byPrototype: Map<object, Refusal> | undefined;

/** Prototype -> refusal, built on first use (loading the modules once, never at import). */
function refusalsByPrototype(): Map<object, Refusal> {
  if (byPrototype) return byPrototype;
  byPrototype = new Map();
  const load = (process as unknown as { getBuiltinModule?: (id: string) => Record<string, unknown> | undefined }).getBuiltinModule;
  for (const [name, hint, display] of HANDLE_TYPES) {
    const [moduleId, exportName] = name.split(".") as [string, string];
    const ctor = load?.(moduleId)?.[exportName] as { prototype?: unknown } | undefined;
    // Aliases (crypto.Cipher and Cipheriv may share a prototype) keep the first name.
    if (typeof ctor === "function" && typeof ctor.prototype === "object" && ctor.prototype !== null && !byPrototype.has(ctor.prototype)) {
      byPrototype.set(ctor.prototype, { what: withArticle(display ?? name), hint });
    }
  }
  for (const [what, hint, proto] of timerPrototypes(load?.("timers"))) byPrototype.set(proto, { what, hint });
  for (const proto of histogramPrototypes(load?.("perf_hooks")))
    byPrototype.set(proto, { what: "a perf_hooks histogram", hint: "create the histogram inside the handler" });
  return byPrototype;
}

/**
 * Timers have no exported class: take the prototypes of a Timeout and an
 * Immediate cleared at once, checked by class name in case fake timers
 * replaced the functions.
 */
function timerPrototypes(timers: Record<string, unknown> | undefined): Array<[string, string, object]> {
  if (!timers) return [];
  const api = timers as unknown as typeof import("node:timers");
  const timeout = api.setTimeout(() => {}, 0);
  api.clearTimeout(timeout);
  const immediate = api.setImmediate(() => {});
  api.clearImmediate(immediate);
  const candidates: Array<[string, string, string, object]> = [
    ["Timeout", "a Timeout", "start the timer inside the handler", Object.getPrototypeOf(timeout) as object],
    ["Immediate", "an Immediate", "schedule it inside the handler", Object.getPrototypeOf(immediate) as object],
  ];
  return candidates
    .filter(([className, , , proto]) => (proto as { constructor?: { name?: unknown } }).constructor?.name === className)
    .map(([, what, hint, proto]) => [what, hint, proto]);
}

/** perf_hooks exports no histogram class: the prototypes of one made here (a recordable one, and its base). */
function histogramPrototypes(perfHooks: Record<string, unknown> | undefined): object[] {
  const create = perfHooks?.["createHistogram"];
  if (typeof create !== "function") return [];
  const recordable = Object.getPrototypeOf(create()) as object;
  return [recordable, Object.getPrototypeOf(recordable) as object].filter((proto) => proto !== Object.prototype);
}

/** Why a value cannot be serialized, or undefined if it can. */
export function refusalOf(value: object): Refusal | undefined {
  const first = Object.getPrototypeOf(value) as object | null;
  if (first === null) return undefined;
  let found = refusalsByFirstPrototype.get(first);
  if (found === undefined) {
    found = refusalOfChain(value) ?? null;
    refusalsByFirstPrototype.set(first, found);
  }
  return found !== null && hasInstanceState(value) ? found : undefined;
}

/**
 * A handle is an instance: its constructor gave it state (a socket's
 * `_handle`, a stream's `_readableState`, a key's `Symbol(kHandle)`). An
 * object that only inherits from a handle class's prototype, as Express's
 * request prototype does from http.IncomingMessage's, has at most methods
 * and accessors of its own, and is copied like any object.
 */
function hasInstanceState(value: object): boolean {
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
    if (descriptor && "value" in descriptor && typeof descriptor.value !== "function") return true;
  }
  return false;
}

// The answer depends on the prototype chain only; a big graph has few
// chains. Kept for one serialization: prototypes may change between two.
let refusalsByFirstPrototype = new WeakMap<object, Refusal | null>();

/** Forgets refusals worked out by prototype; serializeFunction calls it first. */
export function forgetRefusalsByPrototype(): void {
  refusalsByFirstPrototype = new WeakMap();
}

function refusalOfChain(value: object): Refusal | undefined {
  const table = refusalsByPrototype();
  for (const proto of prototypesOf(value)) {
    const known = table.get(proto);
    if (known) return known;
    const { name } = constructorNameOf(proto);
    const named = typeof name === "string" ? NAMED_TYPES.get(name) : undefined;
    if (named) return named;
  }
  return undefined;
}

export const refusedKind: Kind<undefined> = {
  walk(node: GraphNode<undefined>, walker: Walker): void {
    const refusal = refusalOf(node.value as object)!;
    walker.refuse(node, "LIVE_HANDLE", `cannot serialize ${refusal.what}`, packageOwnerHint(node, walker) ?? refusal.hint);
  },
  emit(): void {},
};

/**
 * A handle deep inside an instance of a package's class (an SDK client
 * holding an https.Agent in its config): the user made the instance, not the
 * handle, so the hint names the instance the function captured.
 */
function packageOwnerHint(node: GraphNode, walker: Walker): string | undefined {
  const hops = node.path.toArray();
  const last = hops[hops.length - 1]!;
  const binding = /^[^.[…]+/.exec(last)?.[0];
  if (binding === undefined || binding === last) return undefined;
  const ownerPath = [...hops.slice(0, -1), binding];
  const owner = walker.nodes.find((each) => each !== node && sameSteps(each.path.toArray(), ownerPath))?.value;
  if (typeof owner !== "object" || owner === null) return undefined;
  const proto = Object.getPrototypeOf(owner) as object | null;
  if (proto === null) return undefined;
  const { ctor, name } = constructorNameOf(proto);
  if (typeof name !== "string" || name === "" || walker.modules.referenceOf(ctor) === undefined) return undefined;
  return `create the ${name} (${binding}) inside the handler, or capture a factory`;
}

function sameSteps(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((step, i) => step === b[i]);
}
