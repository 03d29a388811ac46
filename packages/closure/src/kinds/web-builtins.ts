// Node's web-platform objects whose state lives in internal slots or in
// symbols of Node's own (TextEncoder, TextDecoder, AbortController and
// AbortSignal, EventTarget, DOMException, Headers, StringDecoder,
// PerformanceMark): copied as plain objects they throw on every method. Each
// is rebuilt through its public API from what that API reads back, or
// refused where no faithful copy exists (a Blob's bytes can only be read
// asynchronously; an EventTarget's listeners cannot be read at all).
import { types } from "node:util";
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "../walk/walker.js";
import { emitBuiltinTail, walkBuiltinTail, type BuiltinTail } from "./builtin-tail.js";

interface WebType {
  /** The global constructor, read when first needed (some are lazy globals). */
  name: string;
  /** Throws unless the value has the class's internal state. */
  brand(value: any): unknown;
  /** The arguments that rebuild it, as live values (walked), or a refusal. */
  rebuild(value: any): { args: unknown[]; after?: string } | { refuse: string; hint: string };
}

const decoder = () => (process as unknown as { getBuiltinModule(id: string): { StringDecoder: new (encoding: string) => object } }).getBuiltinModule("string_decoder").StringDecoder;

const TYPES: readonly WebType[] = [
  { name: "TextEncoder", brand: (v) => getter(TextEncoder, "encoding").call(v), rebuild: () => ({ args: [] }) },
  {
    name: "TextDecoder",
    brand: (v) => getter(TextDecoder, "encoding").call(v),
    rebuild: (v) => ({ args: [v.encoding, { fatal: v.fatal, ignoreBOM: v.ignoreBOM }] }),
  },
  { name: "AbortSignal", brand: (v) => getter(AbortSignal, "aborted").call(v), rebuild: (v) => ({ args: [v.aborted, v.reason] }) },
  {
    name: "AbortController",
    brand: (v) => getter(AbortController, "signal").call(v),
    rebuild: (v) => ({ args: [v.signal.aborted, v.signal.reason] }),
  },
  {
    name: "DOMException",
    brand: (v) => getter(DOMException, "name").call(v),
    rebuild: (v) => ({ args: [v.message, v.name] }),
  },
  {
    name: "Headers",
    brand: (v) => Headers.prototype.has.call(v, "x"),
    rebuild: (v: Headers) => ({ args: [[...[...v].filter(([key]) => key !== "set-cookie"), ...v.getSetCookie().map((cookie) => ["set-cookie", cookie])]] }),
  },
  {
    name: "EventTarget",
    brand: (v) => EventTarget.prototype.removeEventListener.call(v, "closure-pack", () => {}),
    rebuild: (v) => (listenerCount(v) > 0 ? { refuse: "cannot serialize an EventTarget with listeners", hint: "create the EventTarget and add its listeners inside the handler" } : { args: [] }),
  },
  {
    name: "PerformanceMark",
    brand: (v) => getter(PerformanceMark, "detail").call(v),
    rebuild: (v) => ({ args: [v.name, { startTime: v.startTime, detail: v.detail }] }),
  },
  {
    name: "Blob",
    brand: (v) => getter(Blob, "size").call(v),
    rebuild: () => ({ refuse: "cannot serialize a Blob: its bytes can only be read asynchronously", hint: "capture its bytes (await blob.arrayBuffer()) and create the Blob inside the handler" }),
  },
  {
    name: "FormData",
    brand: (v) => FormData.prototype.has.call(v, "x"),
    rebuild: () => ({ refuse: "cannot serialize a FormData", hint: "capture its entries and build the FormData inside the handler" }),
  },
];

function getter(ctor: { prototype: object }, key: string): (this: unknown) => unknown {
  return Reflect.getOwnPropertyDescriptor(ctor.prototype, key)!.get!;
}

/** Node keeps an EventTarget's listeners in a Map under its own Symbol(kEvents). */
function listenerCount(target: object): number {
  const key = Object.getOwnPropertySymbols(target).find((symbol) => symbol.description === "kEvents");
  const events = key === undefined ? undefined : (target as Record<symbol, unknown>)[key];
  // Node's SafeMap is a Map of its own primordials: branded, not an instance of this realm's Map.
  return types.isMap(events) ? (events as Map<unknown, unknown>).size : 0;
}

const byPrototype = new Map<object, WebType>();
const byName = new Map<string, WebType>(TYPES.map((type) => [type.name, type]));

/**
 * The type whose prototype `proto` is. Globals are read only for a prototype
 * whose constructor has their name: some are lazy (FormData loads undici),
 * and a program that made such an object has read its global already.
 */
function typeOf(proto: object | null): WebType | undefined {
  if (proto === null || proto === Object.prototype) return undefined;
  const known = byPrototype.get(proto);
  if (known) return known;
  const ctor = Reflect.getOwnPropertyDescriptor(proto, "constructor")?.value as unknown;
  const name = typeof ctor === "function" ? (Reflect.getOwnPropertyDescriptor(ctor, "name")?.value as unknown) : undefined;
  if (name === "StringDecoder" && ctor === decoder()) byPrototype.set(proto, STRING_DECODER);
  else if (typeof name === "string" && byName.has(name) && (globalThis as Record<string, unknown>)[name] === ctor) byPrototype.set(proto, byName.get(name)!);
  return byPrototype.get(proto);
}

const STRING_DECODER: WebType = {
  name: "StringDecoder",
  brand: (v) => getter(decoder(), "lastNeed").call(v),
  rebuild: (v) =>
    v.lastNeed > 0 ? { refuse: "cannot serialize a StringDecoder holding part of a character", hint: "create the StringDecoder inside the handler" } : { args: [v.encoding] },
};

/** The web-builtin kind of an object with such internal state (by prototype, then brand). */
export function classifyWebBuiltin(value: object): string | undefined {
  const type = typeOf(Object.getPrototypeOf(value) as object | null);
  if (!type) return undefined;
  try {
    type.brand(value);
    return "web-builtin";
  } catch {
    return undefined;
  }
}

interface WebData {
  type: WebType;
  args: Slot[];
  tail: BuiltinTail;
}

export const webBuiltinKind = {
  walk(node: GraphNode, walker: Walker): void {
    const value = node.value as object;
    const type = typeOf(Object.getPrototypeOf(value) as object | null)!;
    const rebuilt = type.rebuild(value);
    if ("refuse" in rebuilt) walker.refuse(node, "UNSUPPORTED_VALUE", rebuilt.refuse, rebuilt.hint);
    const args = rebuilt.args.map((arg, i) => walker.visit(node, arg, { label: `.[[${type.name}]][${i}]` }, "create"));
    // Own symbols are Node's internal state, rebuilt above; DOMException's stack is the deploy machine's.
    const skip = (key: string | symbol): boolean => typeof key === "symbol" || key === "stack" || (type === STRING_DECODER && key === "encoding");
    node.data = { type, args, tail: walkBuiltinTail(node, walker, Object.getPrototypeOf(value) as object, skip) } satisfies WebData;
  },
  emit(node: GraphNode, out: Emitter): void {
    const { type, args, tail } = node.data as WebData;
    const list = args.map((slot) => out.required(slot, node));
    out.declare(node, creation(type.name, list, out));
    emitBuiltinTail(node, tail, out);
  },
};

function creation(name: string, args: string[], out: Emitter): string {
  if (name === "AbortController") return `((c) => (${args[0]} && c.abort(${args[1]}), c))(new AbortController())`;
  if (name === "AbortSignal") return `(${args[0]} ? AbortSignal.abort(${args[1]}) : new AbortController().signal)`;
  if (name === "StringDecoder") return `new (${out.importModule("node:string_decoder", "namespace")}.StringDecoder)(${args.join(", ")})`;
  return `new ${name}(${args.join(", ")})`;
}
