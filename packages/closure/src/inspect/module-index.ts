// Reverse index of module exports: value -> module specifier and property
// path, so values that come from node builtins or installed packages are
// re-required instead of copied. Built once per process and extended with
// modules loaded since (require.cache only grows in practice); one index for
// every value of every call.
import { createRequire, builtinModules } from "node:module";
import { join } from "node:path";
import { packageSpecifier } from "./package-specifier.js";
import { fileURLToPath } from "node:url";
import type { Inspector } from "./inspector.js";

export interface ModuleReference {
  /** e.g. "node:path", "lodash", "lodash/fp". */
  specifier: string;
  /** Property path from the module's exports, e.g. ["promises", "readFile"]. */
  path: string[];
  /** "namespace" for ESM and builtins (import * as), "commonjs" for module.exports objects. */
  style: "namespace" | "commonjs";
}

// Builtins that warn or are experimental when loaded; never loaded by us.
const SKIPPED_BUILTINS = new Set(["sys", "punycode", "wasi", "test", "sqlite", "sea", "test/reporters"]);
const MAX_DEPTH = 3;

export class ModuleIndex {
  readonly #references = new Map<unknown, ModuleReference>();
  readonly #seenFiles = new Set<string>();
  readonly #seenBuiltins = new Set<string>();
  readonly #require = createRequire(join(process.cwd(), "closure-pack-index.js"));
  #builtinsSeen = -1;
  #esmListening = false;
  readonly #pendingUrls: string[] = [];
  #filesSeen = -1;

  /** Adds modules loaded since the last refresh. */
  refresh(): void {
    const queue: Array<[unknown, ModuleReference, number]> = [];
    // Both lists only grow: unchanged lengths mean nothing new was loaded.
    const loadList = (process as unknown as { moduleLoadList?: string[] }).moduleLoadList ?? [];
    const cache = this.#require.cache;
    const fileCount = Object.keys(cache).length;
    if (loadList.length === this.#builtinsSeen && fileCount === this.#filesSeen) return;
    this.#builtinsSeen = loadList.length;
    this.#filesSeen = fileCount;
    for (const id of loadedBuiltins()) {
      if (this.#seenBuiltins.has(id)) continue;
      this.#seenBuiltins.add(id);
      const exports = (process as unknown as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.(id);
      if (exports !== undefined) queue.push([exports, { specifier: `node:${id}`, path: [], style: "namespace" }, 0]);
    }
    for (const filename of Object.keys(cache).sort()) {
      if (this.#seenFiles.has(filename)) continue;
      this.#seenFiles.add(filename);
      const specifier = packageSpecifier(filename);
      const entry = cache[filename];
      if (specifier && entry?.loaded) queue.push([entry.exports, { specifier, path: [], style: "commonjs" }, 0]);
    }
    this.#index(queue);
  }

  referenceOf(value: unknown): ModuleReference | undefined {
    return this.#references.get(value);
  }

  /**
   * Adds ES modules of installed packages. They are not in require.cache, so
   * their URLs come from the debugger's script list (enabled on the first
   * capture of a function that lives in an ES module) and their exports from
   * require(esm), which returns the loaded module's bindings.
   */
  refreshEsm(inspector: Inspector): void {
    if (!this.#esmListening) {
      this.#esmListening = true;
      // Enabling replays every script parsed so far; staying enabled reports
      // each new one as it is parsed, so later refreshes cost nothing.
      inspector.on("Debugger.scriptParsed", (message: { params: { url: string; isModule?: boolean } }) => {
        if (message.params.isModule && message.params.url.startsWith("file:")) this.#pendingUrls.push(message.params.url);
      });
      inspector.post("Debugger.enable", {});
      // This session can never resume a paused thread (it runs on it): a
      // `debugger` statement in user code must not stop the process.
      inspector.post("Debugger.setSkipAllPauses", { skip: true });
    }
    const urls = this.#pendingUrls.splice(0);
    const queue: Array<[unknown, ModuleReference, number]> = [];
    for (const url of urls.sort()) {
      const filename = fileURLToPath(url);
      if (this.#seenFiles.has(filename)) continue;
      this.#seenFiles.add(filename);
      const specifier = packageSpecifier(filename);
      if (!specifier) continue;
      const exports = loadLoaded(this.#require, filename);
      if (exports !== undefined) queue.push([exports, { specifier, path: [], style: "namespace" }, 0]);
    }
    this.#index(queue);
  }

  /** A module namespace object is matched through its exports' values. */
  referenceOfNamespace(namespace: object): ModuleReference | undefined {
    const keys = Reflect.ownKeys(namespace).filter((key): key is string => typeof key === "string");
    for (const key of keys) {
      const reference = this.#references.get((namespace as Record<string, unknown>)[key]);
      if (reference && reference.style === "namespace" && reference.path.length === 1 && reference.path[0] === key) {
        return { ...reference, path: [] };
      }
    }
    return undefined;
  }

  #index(queue: Array<[unknown, ModuleReference, number]>): void {
    for (let i = 0; i < queue.length; i++) {
      const [value, reference, depth] = queue[i]!;
      if (!isObjectLike(value) || this.#references.has(value)) continue;
      this.#references.set(value, reference);
      if (depth >= MAX_DEPTH) continue;
      // "default" last: a value exported under its own name is referenced by
      // that name, which CommonJS and ES builds of a package both have.
      const keys = Reflect.ownKeys(value).filter((key): key is string => typeof key === "string");
      for (const key of [...keys.filter((each) => each !== "default"), ...keys.filter((each) => each === "default")]) {
        // Underscored members are internals (Module._cache holds every user module).
        if (key.startsWith("_")) continue;
        const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
        if (!descriptor || !("value" in descriptor)) continue;
        queue.push([descriptor.value, { ...reference, path: [...reference.path, key] }, depth + 1]);
      }
    }
  }
}

function loadLoaded(require: NodeJS.Require, filename: string): unknown {
  try {
    return require(filename);
  } catch {
    return undefined;
  }
}

function isObjectLike(value: unknown): value is object {
  return (typeof value === "object" && value !== null) || typeof value === "function";
}

/** Public builtins already loaded by this process (loading is never our side effect). */
function loadedBuiltins(): string[] {
  const loaded = (process as unknown as { moduleLoadList?: string[] }).moduleLoadList ?? [];
  const names = new Set(loaded.filter((entry) => entry.startsWith("NativeModule ")).map((entry) => entry.slice(13)));
  return builtinModules.filter((id) => !id.startsWith("_") && !SKIPPED_BUILTINS.has(id) && names.has(id)).sort();
}

let shared: ModuleIndex | undefined;

export function moduleIndex(): ModuleIndex {
  shared ??= new ModuleIndex();
  shared.refresh();
  return shared;
}
