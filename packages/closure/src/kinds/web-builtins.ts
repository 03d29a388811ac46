// Node's web-platform objects whose state lives in internal slots or in
// symbols of Node's own (TextEncoder, TextDecoder, AbortController and
// AbortSignal, EventTarget, Event and its kinds, DOMException, Headers, Blob
// and File, FormData, queuing strategies, StringDecoder, PerformanceMark):
// copied as plain objects they throw on every method. Each is rebuilt through
// its public API from what that API reads back (always through the
// built-in's own getters, which a subclass may override), or refused with a
// message of its own where no faithful copy exists (an EventTarget's
// listeners, a stream's queue and a Request's or Response's body cannot be
// read back). Instances of subclasses are the built-in made with the
// subclass's prototype and own properties.
import { types } from "node:util";
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { emitBuiltinTail, walkBuiltinTail, type BuiltinTail } from "./shared/builtin-tail.js";
import {
  brandController,
  brandSignal,
  internalSlot,
  listenerCount,
  ownedSignal,
  rebuildController,
  rebuildSignal,
  type Rebuild,
} from "./web-builtins/abort-signals.js";
import { blobBytes } from "./web-builtins/blob-bytes.js";
import type { Kind } from "./table.js";

interface WebType {
  /** The global constructor, read when first needed (some are lazy globals). */
  name: string;
  /** Throws unless the value has the class's internal state. */
  brand(value: any): unknown;
  /** The arguments that rebuild it, as live values (walked), and the expression using them; or a refusal. */
  rebuild(value: any, node: GraphNode, walker: Walker): Rebuild;
  /** The builtin module the rebuilt value's class comes from (listed in `modules`), for a class that is no global. */
  module?: string;
}

/** A class a builtin module exports (not a global). */
const exported = (id: string, name: string): { prototype: object } =>
  (process as unknown as { getBuiltinModule(id: string): Record<string, { prototype: object }> }).getBuiltinModule(id)[name]!;
const decoder = () => exported("string_decoder", "StringDecoder");

/** `new Name(args…)`. */
const construct =
  (name: string) =>
  (args: string[]): string =>
    `new ${name}(${args.join(", ")})`;

/** A type with no faithful copy: refused with its name and a hint. */
const refused = (name: string, brand: WebType["brand"], hint: string): WebType => ({
  name,
  brand,
  rebuild: () => ({ refuse: `cannot serialize ${/^[AEIOU]/.test(name) ? "an" : "a"} ${name}`, hint }),
});
const STREAM_HINT = "create the stream inside the handler";
const streams = (names: readonly string[], key: string): WebType[] => names.map((name) => refused(name, (v) => read(globalNamed(name), key, v), STREAM_HINT));
/** Readers and writers brand-check through promises only; Node gives them a kState. */
const streamParts = (names: readonly string[]): WebType[] => names.map((name) => refused(name, (v) => assertSlot(v, "kState"), STREAM_HINT));

const TYPES: readonly WebType[] = [
  { name: "TextEncoder", brand: (v) => read(TextEncoder, "encoding", v), rebuild: () => ({ args: [], make: construct("TextEncoder") }) },
  {
    name: "TextDecoder",
    brand: (v) => read(TextDecoder, "encoding", v),
    rebuild: (v) => ({
      args: [read(TextDecoder, "encoding", v), { fatal: read(TextDecoder, "fatal", v), ignoreBOM: read(TextDecoder, "ignoreBOM", v) }],
      make: construct("TextDecoder"),
    }),
  },
  { name: "AbortSignal", brand: brandSignal, rebuild: rebuildSignal },
  { name: "AbortController", brand: brandController, rebuild: rebuildController },
  {
    name: "DOMException",
    brand: (v) => read(DOMException, "name", v),
    rebuild: (v) => ({ args: [read(DOMException, "message", v), read(DOMException, "name", v)], make: construct("DOMException") }),
  },
  { name: "Headers", brand: (v) => Headers.prototype.has.call(v, "x"), rebuild: (v: Headers) => ({ args: [headerEntries(v)], make: construct("Headers") }) },
  {
    name: "EventTarget",
    brand: (v) => EventTarget.prototype.removeEventListener.call(v, "closure-pack", () => {}),
    rebuild: (v) =>
      listenerCount(v) > 0
        ? { refuse: "cannot serialize an EventTarget with listeners", hint: "create the EventTarget and add its listeners inside the handler" }
        : { args: [], make: construct("EventTarget") },
  },
  {
    name: "PerformanceMark",
    brand: (v) => read(PerformanceMark, "detail", v),
    rebuild: (v) => ({
      args: [read(PerformanceEntry, "name", v), { startTime: read(PerformanceEntry, "startTime", v), detail: read(PerformanceMark, "detail", v) }],
      make: construct("PerformanceMark"),
    }),
  },
  {
    name: "File",
    brand: (v) => read(File, "name", v),
    rebuild: (v, node, walker) => rebuildBlob(v, walker, [read(File, "name", v)], read(File, "lastModified", v)),
  },
  { name: "Blob", brand: (v) => read(Blob, "size", v), rebuild: (v, node, walker) => rebuildBlob(v, walker) },
  { name: "Event", brand: (v) => read(Event, "type", v), rebuild: (v) => rebuildEvent(v, "Event") },
  {
    name: "CustomEvent",
    brand: (v) => read(CustomEvent, "detail", v),
    rebuild: (v) => rebuildEvent(v, "CustomEvent", { detail: read(CustomEvent, "detail", v) }),
  },
  {
    name: "MessageEvent",
    brand: (v) => read(MessageEvent, "data", v),
    rebuild: (v) =>
      rebuildEvent(v, "MessageEvent", {
        data: read(MessageEvent, "data", v),
        origin: read(MessageEvent, "origin", v),
        lastEventId: read(MessageEvent, "lastEventId", v),
        source: read(MessageEvent, "source", v),
        ports: [...read(MessageEvent, "ports", v)],
      }),
  },
  ...["CountQueuingStrategy", "ByteLengthQueuingStrategy"].map((name): WebType => ({
    name,
    brand: (v) => read(globalNamed(name), "highWaterMark", v),
    rebuild: (v) => ({ args: [{ highWaterMark: read(globalNamed(name), "highWaterMark", v) }], make: construct(name) }),
  })),
  ...streams(["ReadableStream", "WritableStream"], "locked"),
  ...streams(["TransformStream", "CompressionStream", "DecompressionStream"], "readable"),
  ...streams(["TextEncoderStream", "TextDecoderStream"], "encoding"),
  ...streams(
    ["ReadableStreamDefaultController", "ReadableByteStreamController", "WritableStreamDefaultController", "TransformStreamDefaultController"],
    "desiredSize",
  ),
  ...streamParts(["ReadableStreamDefaultReader", "ReadableStreamBYOBReader", "WritableStreamDefaultWriter"]),
  refused(
    "Request",
    (v) => read(Request, "method", v),
    "capture its URL, method, headers and body (await request.text()), and create the Request inside the handler",
  ),
  refused(
    "Response",
    (v) => read(Response, "status", v),
    "capture its status, headers and body (await response.text()), and create the Response inside the handler",
  ),
  refused("CryptoKey", (v) => read(globalNamed("CryptoKey"), "type", v), "export the key (crypto.subtle.exportKey) and import it inside the handler"),
  {
    name: "FormData",
    brand: (v) => FormData.prototype.has.call(v, "x"),
    rebuild: (v: FormData) => ({
      args: [[...FormData.prototype.entries.call(v)]],
      // A File appended without a file name is kept as it is, so get() gives the same File.
      make: ([entries]) => `((f) => (${entries}.forEach(([k, v]) => f.append(k, v)), f))(new FormData())`,
    }),
  },
];

/** A global class @types/node may not declare (CryptoKey). */
function globalNamed(name: string): { prototype: object } {
  return (globalThis as unknown as Record<string, { prototype: object }>)[name]!;
}

function read(ctor: { prototype: object }, key: string, value: object): any {
  return Reflect.getOwnPropertyDescriptor(ctor.prototype, key)!.get!.call(value);
}

function assertSlot(value: object, description: string): void {
  if (internalSlot(value, description) === undefined) throw new TypeError(`no ${description}`);
}

/**
 * An event from its type and options (a CustomEvent's detail, a
 * MessageEvent's data…), prevented again if it was. One that was dispatched
 * keeps its target, which no constructor sets.
 */
function rebuildEvent(event: Event, name: string, init: Record<string, unknown> = {}): Rebuild {
  if (read(Event, "target", event) !== null) {
    return { refuse: `cannot serialize ${name === "Event" ? "an Event" : `a ${name}`} that was dispatched`, hint: "create the event inside the handler" };
  }
  const options = { bubbles: read(Event, "bubbles", event), cancelable: read(Event, "cancelable", event), composed: read(Event, "composed", event), ...init };
  const prevented = read(Event, "defaultPrevented", event) as boolean;
  return {
    args: [read(Event, "type", event), options],
    make: (args) => (prevented ? `((e) => (e.preventDefault(), e))(new ${name}(${args.join(", ")}))` : construct(name)(args)),
  };
}

/** Every entry in order, each set-cookie line on its own (iteration joins nothing else). */
function headerEntries(headers: Headers): Array<[string, string]> {
  const entries = [...Headers.prototype.entries.call(headers)].filter(([key]) => key !== "set-cookie");
  return [...entries, ...Headers.prototype.getSetCookie.call(headers).map((cookie): [string, string] => ["set-cookie", cookie])];
}

/** A Blob or File from its bytes (read before the walk, see web-builtins/blob-bytes.ts) and type. */
function rebuildBlob(blob: Blob, walker: Walker, fileName: string[] = [], lastModified?: number): Rebuild {
  const what = fileName.length > 0 ? "File" : "Blob";
  const bytes = blobBytes(blob, walker);
  // Not read yet: this walk is done again once it is.
  if (bytes === undefined) return { args: [], make: () => "undefined" };
  if (bytes instanceof Error) {
    return { refuse: `cannot serialize a ${what}: reading its bytes failed: ${bytes.message}`, hint: "open the file as a Blob inside the handler" };
  }
  const options = lastModified === undefined ? { type: read(Blob, "type", blob) } : { type: read(Blob, "type", blob), lastModified };
  return { args: [bytes, ...fileName, options], make: ([data, ...rest]) => `new ${what}([${data}], ${rest.join(", ")})` };
}

const STRING_DECODER: WebType = {
  name: "StringDecoder",
  module: "node:string_decoder",
  brand: (v) => read(decoder(), "lastNeed", v),
  rebuild: (v) =>
    read(decoder(), "lastNeed", v) > 0
      ? { refuse: "cannot serialize a StringDecoder holding part of a character", hint: "create the StringDecoder inside the handler" }
      : { args: [v.encoding], make: (args, out) => `new (${out.importModule("node:string_decoder", "namespace")}.StringDecoder)(${args.join(", ")})` },
};

const SOCKET_ADDRESS: WebType = {
  name: "SocketAddress",
  module: "node:net",
  brand: (v) => read(exported("net", "SocketAddress"), "port", v),
  rebuild: (v) => {
    const ctor = exported("net", "SocketAddress");
    const options = Object.fromEntries(["address", "port", "family", "flowlabel"].map((key) => [key, read(ctor, key, v)]));
    return { args: [options], make: (args, out) => `new (${out.importModule("node:net", "namespace")}.SocketAddress)(${args.join(", ")})` };
  },
};

/** Classes of builtin modules, by export name and module. */
const MODULE_TYPES: ReadonlyMap<string, { id: string; type: WebType }> = new Map([
  ["StringDecoder", { id: "string_decoder", type: STRING_DECODER }],
  ["SocketAddress", { id: "net", type: SOCKET_ADDRESS }],
]);

const byPrototype = new Map<object, WebType | null>();
const byName = new Map<string, WebType>(TYPES.map((type) => [type.name, type]));

/**
 * The type whose prototype `proto` is. Globals are read only for a prototype
 * whose constructor has their name: some are lazy (FormData loads undici),
 * and a program that made such an object has read its global already.
 */
function typeAt(proto: object): WebType | undefined {
  let known = byPrototype.get(proto);
  if (known === undefined) {
    const ctor = Reflect.getOwnPropertyDescriptor(proto, "constructor")?.value as unknown;
    const name = typeof ctor === "function" ? (Reflect.getOwnPropertyDescriptor(ctor, "name")?.value as unknown) : undefined;
    const fromModule = typeof name === "string" ? MODULE_TYPES.get(name) : undefined;
    if (fromModule && ctor === exported(fromModule.id, name as string)) known = fromModule.type;
    else if (typeof name === "string" && byName.has(name) && (globalThis as Record<string, unknown>)[name] === ctor) known = byName.get(name)!;
    else known = null;
    byPrototype.set(proto, known);
  }
  return known ?? undefined;
}

/**
 * The nearest web type on the value's prototype chain (a subclass's instance
 * is one), and its prototype. A proxy on the chain ends the search before its
 * getPrototypeOf trap could run.
 */
function typeOf(value: object): { type: WebType; proto: object } | undefined {
  for (
    let proto = Object.getPrototypeOf(value) as object | null;
    proto !== null && proto !== Object.prototype && !types.isProxy(proto);
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    const type = typeAt(proto);
    if (type) return { type, proto };
  }
  return undefined;
}

/** The web-builtin kind of an object with such internal state (by prototype, then brand). */
export function classifyWebBuiltin(value: object): "web-builtin" | undefined {
  const found = typeOf(value);
  if (!found) return undefined;
  try {
    found.type.brand(value);
    return "web-builtin";
  } catch {
    return undefined;
  }
}

export interface WebData {
  make: (args: string[], out: Emitter, node: GraphNode) => string;
  args: Slot[];
  tail: BuiltinTail;
}

export const webBuiltinKind: Kind<WebData> = {
  walk(node: GraphNode<WebData>, walker: Walker): void {
    const value = node.value as object;
    const { type, proto } = typeOf(value)!;
    const rebuilt = type.rebuild(value, node, walker);
    if ("refuse" in rebuilt) walker.refuse(node, "UNSUPPORTED_VALUE", rebuilt.refuse, rebuilt.hint);
    if (type.module) node.module = type.module;
    const args = rebuilt.args.map((arg, i) => walker.visit(node, arg, { label: `.[[${type.name}]][${i}]` }, "create"));
    // Own symbols are Node's internal state, rebuilt above; DOMException's stack is the deploy machine's.
    const skip = (key: string | symbol): boolean => typeof key === "symbol" || key === "stack" || (type === STRING_DECODER && key === "encoding");
    node.data = { make: rebuilt.make, args, tail: walkBuiltinTail(node, walker, proto, skip) };
  },
  emit(node: GraphNode<WebData>, out: Emitter): void {
    const { make, args, tail } = node.data;
    const owned = ownedSignal(node, out);
    out.declare(
      node,
      owned ??
        make(
          args.map((slot) => out.required(slot, node)),
          out,
          node,
        ),
    );
    emitBuiltinTail(node, tail, out);
  },
};
