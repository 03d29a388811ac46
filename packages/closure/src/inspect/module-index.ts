// Reverse index of module exports: value -> module specifier and property
// path, so values that come from node builtins or installed packages are
// re-required instead of copied. Built once per process and extended with
// modules loaded since (require.cache only grows in practice); one index for
// every value of every call.
import { createRequire, builtinModules, isBuiltin } from "node:module";
import { join } from "node:path";
import { packageSpecifier } from "./package-specifier.js";
import { packageReach } from "./package-reach.js";
import { isObjectLike } from "./object-like.js";
import { fileURLToPath } from "node:url";
import { types } from "node:util";
import type { Inspector } from "./inspector.js";

export interface ModuleReference {
  /** e.g. "node:path", "lodash", "lodash/fp". */
  specifier: string;
  /** Property path from the module's exports, e.g. ["promises", "readFile"]. */
  path: string[];
  /** "namespace" for ESM and builtins (import * as), "commonjs" for module.exports objects. */
  style: "namespace" | "commonjs";
  /** The file the value came from (a dual package's CommonJS or ES build); undefined for builtins and declared imports. */
  file: string | undefined;
  /** The module's exports the path starts from. */
  root: unknown;
}

// Builtins that warn or are experimental when loaded; never loaded by us.
const SKIPPED_BUILTINS = new Set(["sys", "punycode", "wasi", "test", "sqlite", "sea", "test/reporters"]);
const MAX_DEPTH = 3;

/**
 * An index entry: the module and the last step of the path, the rest being
 * the parent's. Paths are only spelled out for the values a walk finds, so
 * indexing a package costs one small object per export, not an array each.
 */
interface Entry {
  specifier: string;
  style: ModuleReference["style"];
  parent: Entry | undefined;
  key: string | undefined;
  /** Lower is better; see childRank. */
  rank: number;
  /** Roots only: the module's file and exports. */
  file?: string | undefined;
  value?: unknown;
}

type IndexQueue = Array<[unknown, Entry, number]>;

export class ModuleIndex {
  readonly #references = new Map<unknown, Entry>();
  /** Every module whose exports are this value (a main entry may export what a subpath module does). */
  readonly #roots = new Map<unknown, Entry[]>();
  readonly #seenFiles = new Set<string>();
  readonly #seenBuiltins = new Set<string>();
  readonly #require = createRequire(join(process.cwd(), "closure-pack-index.js"));
  #builtinsSeen = -1;
  #esmListening = false;
  readonly #pendingUrls: string[] = [];
  readonly #esmToLoad: Array<{ url: string; specifier: string }> = [];
  /** Scripts of ES modules whose imports were declared (see declareModuleImports). */
  readonly #declaredScripts = new Set<string>();
  #filesSeen = -1;

  /** Adds modules loaded since the last refresh. */
  refresh(): void {
    const queue: IndexQueue = [];
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
      if (exports !== undefined) queue.push([exports, rootEntry(`node:${id}`, "namespace"), 0]);
    }
    for (const filename of Object.keys(cache).sort()) {
      if (this.#seenFiles.has(filename)) continue;
      this.#seenFiles.add(filename);
      const specifier = packageSpecifier(filename);
      const entry = cache[filename];
      if (specifier && entry?.loaded) queue.push([entry.exports, rootEntry(specifier, "commonjs", filename), 0]);
    }
    this.#index(queue);
  }

  referenceOf(value: unknown): ModuleReference | undefined {
    const entry = this.#references.get(value);
    return entry && referenceOfEntry(entry);
  }

  /**
   * Watches for ES modules of installed packages, which are not in
   * require.cache: their URLs come from the debugger's script list (enabled
   * on the first capture of a function that lives in an ES module; enabling
   * replays every script parsed so far, staying enabled reports each new one
   * as it is parsed). True when some are not indexed yet: loadEsm() must run,
   * and the walk be done again.
   */
  watchEsm(inspector: Inspector, scriptId: string | undefined): boolean {
    if (!this.#esmListening && scriptId !== undefined && this.#declaredScripts.has(scriptId)) return false;
    this.#listen(inspector);
    for (const url of this.#pendingUrls.splice(0)) {
      const filename = fileURLToPath(url);
      if (this.#seenFiles.has(filename)) continue;
      this.#seenFiles.add(filename);
      const specifier = packageSpecifier(filename);
      if (specifier) this.#esmToLoad.push({ url, specifier });
    }
    return this.#esmToLoad.length > 0;
  }

  /**
   * The source text V8 compiled for a script (a CommonJS module's file, an
   * ES module, a compiled TypeScript entry). Needs the debugger: enabled
   * here as watchEsm() enables it, so the script list it reads stays whole.
   */
  scriptSource(inspector: Inspector, scriptId: string): string {
    this.#listen(inspector);
    return inspector.scriptSource(scriptId);
  }

  #listen(inspector: Inspector): void {
    if (this.#esmListening) return;
    this.#esmListening = true;
    inspector.onScriptParsed((script) => {
      if (script.isModule && script.url.startsWith("file:")) this.#pendingUrls.push(script.url);
    });
    inspector.enableDebugger();
    // This session can never resume a paused thread (it runs on it): a
    // `debugger` statement in user code must not stop the process.
    inspector.setSkipAllPauses(true);
  }

  /**
   * Indexes the ES modules watchEsm() found, through import(): for a module
   * already loaded it returns the namespace four times faster than
   * require(esm). A module still evaluating (top-level await) is skipped
   * rather than waited for: its import does not settle before the event loop
   * turns.
   */
  async loadEsm(): Promise<void> {
    const found = this.#esmToLoad.splice(0).sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    const turn = new Promise<undefined>((resolve) => setImmediate(() => resolve(undefined)));
    const namespaces = await Promise.all(found.map(({ url }) => Promise.race([import(url).catch(() => undefined), turn])));
    const queue: IndexQueue = [];
    found.forEach(({ specifier, url }, i) => {
      if (namespaces[i] !== undefined) queue.push([namespaces[i], rootEntry(specifier, "namespace", fileURLToPath(url)), 0]);
    });
    this.#index(queue);
  }

  /** Indexes the namespaces an ES module's import statements give; its functions need no script list. */
  declareImports(scriptId: string, imports: Readonly<Record<string, object>>): void {
    const queue: IndexQueue = [];
    for (const specifier of Object.keys(imports).sort()) {
      if (!isBuiltin(specifier)) queue.push([imports[specifier], rootEntry(specifier, "namespace"), 0]);
    }
    this.#index(queue);
    this.#declaredScripts.add(scriptId);
  }

  /** The same path from the other modules that export the same root object, best first. */
  alternativesOf(reference: ModuleReference): ModuleReference[] {
    return (this.#roots.get(reference.root) ?? [])
      .filter((entry) => entry.specifier !== reference.specifier)
      .map((entry) => ({ specifier: entry.specifier, style: entry.style, path: reference.path, file: entry.file, root: reference.root }));
  }

  /** A module namespace object is matched through its exports' values. */
  referenceOfNamespace(namespace: object): ModuleReference | undefined {
    const keys = Reflect.ownKeys(namespace).filter((key): key is string => typeof key === "string");
    for (const key of keys) {
      const entry = this.#references.get(exportOf(namespace, key));
      if (entry && entry.style === "namespace" && entry.key === key && entry.parent?.parent === undefined) {
        return { specifier: entry.specifier, style: entry.style, path: [], file: entry.parent?.file, root: namespace };
      }
    }
    return undefined;
  }

  /** Indexes values breadth-first; a value reachable several ways keeps its best-ranked entry. */
  #index(queue: IndexQueue): void {
    for (let i = 0; i < queue.length; i++) {
      const [value, entry, depth] = queue[i]!;
      if (!isIndexed(value)) continue;
      if (entry.parent === undefined) {
        entry.value = value;
        this.#roots.set(
          value,
          [...(this.#roots.get(value) ?? []), entry].sort((a, b) => a.rank - b.rank),
        );
      }
      const known = this.#references.get(value);
      if (known !== undefined && known.rank <= entry.rank) continue;
      this.#references.set(value, entry);
      if (depth < MAX_DEPTH && typeof value !== "symbol") queueMembers(queue, value, entry, depth + 1);
    }
  }
}

/** A namespace's export; undefined for one not initialized yet (its module is still evaluating). */
function exportOf(namespace: object, key: string): unknown {
  try {
    return (namespace as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/**
 * Queues the data properties of a module value. Underscored members are
 * internals (Module._cache holds every user module). "default" goes last: a
 * value exported under its own name is referenced by that name, which
 * CommonJS and ES builds of a package both have.
 */
function queueMembers(queue: IndexQueue, value: object, parent: Entry, depth: number): void {
  let hasDefault = false;
  for (const key of Object.getOwnPropertyNames(value)) {
    if (key === "default") hasDefault = true;
    else if (key.charCodeAt(0) !== 95 /* _ */) queueMember(queue, value, key, parent, depth);
  }
  if (hasDefault) queueMember(queue, value, "default", parent, depth);
}

function queueMember(queue: IndexQueue, value: object, key: string, parent: Entry, depth: number): void {
  const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
  if (descriptor === undefined) return;
  const member = "value" in descriptor ? descriptor.value : exportGetterValue(descriptor, parent);
  if (!isIndexed(member)) return;
  queue.push([member, { specifier: parent.specifier, style: parent.style, parent, key, rank: childRank(parent, key) }, depth]);
}

/**
 * Objects and functions, and a package's unique symbols: a copy must key its
 * objects by the package's own symbol (pino's), which its functions read.
 * Registered and well-known symbols are the same everywhere already.
 */
function isIndexed(value: unknown): value is object | symbol {
  if (typeof value !== "symbol") return isObjectLike(value);
  return Symbol.keyFor(value) === undefined && !isWellKnownSymbol(value);
}

function isWellKnownSymbol(symbol: symbol): boolean {
  const name = symbol.description;
  return name !== undefined && name.startsWith("Symbol.") && (Symbol as unknown as Record<string, unknown>)[name.slice(7)] === symbol;
}

// `() => Client` (esbuild's __export) and `function () { return m_1.Client; }` (tsc's re-exports).
const EXPORT_GETTER = /^(?:\(\)\s*=>\s*[A-Za-z_$][\w$]*|function\s*\(\)\s*\{\s*return\s+[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?;?\s*\})$/;

/**
 * The value behind an export defined as a getter, the shape esbuild and tsc
 * give CommonJS exports: it is as much an export as a data property (and
 * `pkg.Client` reads it again where the copy runs). Only a module's own
 * exports object, and in a package only getters that return a binding: a
 * getter that loads a module on first read must not run here.
 */
function exportGetterValue(descriptor: PropertyDescriptor, parent: Entry): unknown {
  const getter = descriptor.get;
  if (parent.parent !== undefined || typeof getter !== "function" || types.isProxy(getter)) return undefined;
  const builtin = parent.specifier.startsWith("node:");
  if (builtin ? LIVE_BUILTIN_GETTERS.has(parent.specifier) : parent.style !== "commonjs" || !EXPORT_GETTER.test(Function.prototype.toString.call(getter)))
    return undefined;
  try {
    return getter.call(parent.value);
  } catch {
    return undefined;
  }
}

/**
 * A builtin's getters are Node's own lazy exports (fs.promises, dns.promises,
 * crypto.webcrypto), read as exports: walked instead, their internal classes
 * cannot be copied. process's getters make handles (stdin) on first read.
 */
const LIVE_BUILTIN_GETTERS = new Set(["node:process"]);

/**
 * How a value is best referenced, when several modules export it: by the
 * shortest property path; then not through a default export; then from a
 * subpath module (date-fns/parseISO) rather than the package's main entry,
 * whose import makes the bundler read every module it re-exports (for
 * date-fns, 450 files instead of a dozen). Ties keep the first indexed. A
 * package the project cannot load by name comes last, whatever its path.
 */
const RANK_DEPTH = 4;
/** A package the project cannot load by its name (inspect/package-reach.ts): any other route wins. */
const RANK_UNREACHABLE = 1 << 20;
const RANK_DEFAULT = 2;
const RANK_MAIN = 1;

function childRank(parent: Entry, key: string): number {
  const viaDefault = key === "default" && (parent.rank & RANK_DEFAULT) === 0 ? RANK_DEFAULT : 0;
  return parent.rank + RANK_DEPTH + viaDefault;
}

/** "lodash", "@scope/name" and "node:fs" are main entries; "lodash/fp" and "@scope/name/x" are not. */
function isMainSpecifier(specifier: string): boolean {
  if (specifier.startsWith("node:")) return true;
  return specifier.split("/").length === (specifier.startsWith("@") ? 2 : 1);
}

function referenceOfEntry(entry: Entry): ModuleReference {
  const path: string[] = [];
  let at = entry;
  for (; at.key !== undefined && at.parent !== undefined; at = at.parent) path.push(at.key);
  return { specifier: entry.specifier, style: entry.style, path: path.reverse(), file: at.file, root: at.value };
}

function rootEntry(specifier: string, style: ModuleReference["style"], file?: string): Entry {
  const unreachable = file !== undefined && packageReach(file)?.reachable === false;
  return {
    specifier,
    style,
    parent: undefined,
    key: undefined,
    rank: (isMainSpecifier(specifier) ? RANK_MAIN : 0) + (unreachable ? RANK_UNREACHABLE : 0),
    file,
  };
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
