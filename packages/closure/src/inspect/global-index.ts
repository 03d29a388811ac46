// Reverse index of well-known globals: value -> the expression that reaches
// it at run time (`Math.max`, `Array.prototype.push`, `process.env`). Built
// once per process from the names a fresh Node.js realm defines, so values a
// user put on globalThis are not mistaken for built-ins.
import { types } from "node:util";
import { runInNewContext } from "node:vm";
import { isObjectLike } from "./object-like.js";

/** Globals Node.js adds to the JavaScript realm (the rest come from a fresh vm context). */
const NODE_GLOBALS = [
  "process",
  "Buffer",
  "console",
  "global",
  "setTimeout",
  "clearTimeout",
  "setInterval",
  "clearInterval",
  "setImmediate",
  "clearImmediate",
  "queueMicrotask",
  "structuredClone",
  "URL",
  "URLSearchParams",
  "TextEncoder",
  "TextDecoder",
  "AbortController",
  "AbortSignal",
  "EventTarget",
  "Event",
  "MessageChannel",
  "MessagePort",
  "MessageEvent",
  "BroadcastChannel",
  "Blob",
  "File",
  "performance",
  "fetch",
  "Request",
  "Response",
  "Headers",
  "FormData",
  "crypto",
  "Crypto",
  "CryptoKey",
  "SubtleCrypto",
  "atob",
  "btoa",
  "DOMException",
  "ReadableStream",
  "WritableStream",
  "TransformStream",
  "TextEncoderStream",
  "TextDecoderStream",
  "CompressionStream",
  "DecompressionStream",
  "ByteLengthQueuingStrategy",
  "CountQueuingStrategy",
  "ReadableStreamDefaultReader",
  "ReadableByteStreamController",
  "WritableStreamDefaultWriter",
  "PerformanceEntry",
  "PerformanceMark",
  "PerformanceMeasure",
  "PerformanceObserver",
  "WebSocket",
  "navigator",
];

/** Intrinsics with no global name of their own, and process's lazy streams. */
const HIDDEN_INTRINSICS = [
  "process.stdout",
  "process.stderr",
  "Object.getPrototypeOf(Int8Array)",
  "Object.getPrototypeOf(function* () {})",
  "Object.getPrototypeOf(async function () {})",
  "Object.getPrototypeOf(async function* () {})",
  "Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))",
  "Object.getPrototypeOf([][Symbol.iterator]())",
  "Object.getPrototypeOf(new Map()[Symbol.iterator]())",
  "Object.getPrototypeOf(new Set()[Symbol.iterator]())",
  "Object.getPrototypeOf(''[Symbol.iterator]())",
];

// pathOf() asks for every object a walk meets: most have none.
const NO_NAMES: readonly string[] = [];

export class GlobalIndex {
  readonly #paths = new Map<unknown, string>();
  /** Lazy globals not read yet (see isLazyGlobal). */
  readonly #lazy = new Set<string>();
  readonly #seenPrototypes = new WeakSet<object>();
  /** Every name a captured function may read as a global. */
  readonly names: ReadonlySet<string>;

  constructor() {
    const jsNames = runInNewContext("Object.getOwnPropertyNames(globalThis)") as string[];
    const names = [...new Set([...jsNames, ...NODE_GLOBALS])].filter((name) => name in globalThis).sort();
    this.names = new Set(names);
    // globalThis itself, but not its properties: those include the user's own globals.
    const queue: Array<[unknown, string, number]> = [[globalThis, "globalThis", 3]];
    for (const name of names) {
      if (isLazyGlobal(name)) this.#lazy.add(name);
      else queue.push([readGlobal(name), name, 1]);
    }
    for (const expression of HIDDEN_INTRINSICS) queue.push([(0, eval)(expression), expression, 1]);
    this.#index(queue);
  }

  /**
   * The run-time expression of a built-in value, if it is one. A lazy global
   * (see isLazyGlobal) is read and indexed when a value could be it: a
   * function of its name, or an object whose class has its name (the
   * `performance` object is a Performance).
   */
  pathOf(value: unknown): string | undefined {
    const path = this.#paths.get(value);
    if (path !== undefined || this.#lazy.size === 0) return path;
    const names = this.#lazyNamesFor(value);
    if (names.length === 0) return undefined;
    for (const name of names) this.#lazy.delete(name);
    this.#index(names.map((name) => [readGlobal(name), name, 1]));
    return this.#paths.get(value);
  }

  /** Lazy globals `value` may be, by its name or its class's name; each prototype is looked at once. */
  #lazyNamesFor(value: unknown): readonly string[] {
    let name: unknown;
    // A proxy's traps must not run: a built-in is never one.
    if (types.isProxy(value)) return NO_NAMES;
    if (typeof value === "function") name = Reflect.getOwnPropertyDescriptor(value, "name")?.value;
    else if (typeof value === "object" && value !== null) {
      const proto = Reflect.getPrototypeOf(value);
      if (proto === null || types.isProxy(proto) || this.#seenPrototypes.has(proto)) return NO_NAMES;
      this.#seenPrototypes.add(proto);
      const ctor = Reflect.getOwnPropertyDescriptor(proto, "constructor")?.value as unknown;
      if (typeof ctor === "function") name = Reflect.getOwnPropertyDescriptor(ctor, "name")?.value;
    }
    if (typeof name !== "string" || name === "") return NO_NAMES;
    const instance = name[0]!.toLowerCase() + name.slice(1);
    return this.#lazy.has(name) || this.#lazy.has(instance) ? [name, instance].filter((each) => this.#lazy.has(each)) : NO_NAMES;
  }

  #index(queue: Array<[unknown, string, number]>): void {
    for (let i = 0; i < queue.length; i++) {
      const [value, path, depth] = queue[i]!;
      if (!isObjectLike(value) || this.#paths.has(value)) continue;
      this.#paths.set(value, path);
      if (depth >= 3) continue;
      for (const [key, child, getter] of ownValues(value)) {
        if (value === process && (key === "mainModule" || (typeof key === "string" && key.startsWith("_")))) continue;
        const member = memberPath(path, key);
        if (member === undefined) continue;
        queue.push([child, getter ? `Object.getOwnPropertyDescriptor(${path}, ${keyLiteral(key)}).get` : member, depth + 1]);
      }
    }
  }
}

/**
 * Node defines globals such as FormData, the web streams and performance as
 * lazy accessors that load their module on first read (FormData alone loads
 * undici, 20-30 ms). Most replace themselves with a data property once read;
 * performance stays an accessor. Reading them all up front would slow the
 * first call down, so they are read when a captured value could be one.
 */
function isLazyGlobal(name: string): boolean {
  const descriptor = Reflect.getOwnPropertyDescriptor(globalThis, name);
  return descriptor?.get !== undefined && descriptor.set?.name === `set ${name}`;
}

function readGlobal(name: string): unknown {
  try {
    return (globalThis as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}

function ownValues(target: object): Array<[string | symbol, unknown, boolean]> {
  const values: Array<[string | symbol, unknown, boolean]> = [];
  for (const key of Reflect.ownKeys(target)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
    if (!descriptor) continue;
    if ("value" in descriptor) values.push([key, descriptor.value, false]);
    // Accessor functions of built-ins (e.g. Map.prototype.size) are reachable too.
    if (descriptor.get) values.push([key, descriptor.get, true]);
  }
  return values;
}

function keyLiteral(key: string | symbol): string {
  return typeof key === "symbol" ? key.description! : JSON.stringify(key);
}

/** `path.key`, or undefined for symbols that are not well-known (no run-time name). */
function memberPath(path: string, key: string | symbol): string | undefined {
  if (typeof key === "symbol") {
    const name = key.description;
    return name?.startsWith("Symbol.") && (Symbol as any)[name.slice(7)] === key ? `${path}[${name}]` : undefined;
  }
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

let shared: GlobalIndex | undefined;

export function globalIndex(): GlobalIndex {
  shared ??= new GlobalIndex();
  return shared;
}
