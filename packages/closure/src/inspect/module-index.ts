// Reverse index of module exports: value -> module specifier and property
// path, so values that come from node builtins or installed packages are
// re-required instead of copied. Built once per process and extended with
// modules loaded since (require.cache only grows in practice); one index for
// every value of every call.
import { createRequire, builtinModules } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
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
      const specifier = packageSpecifier(filename, this.#require);
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
   * their URLs come from the debugger's script list (about 10 ms, so only
   * done when a captured function lives in an ES module) and their exports
   * from require(esm), which returns the loaded module's bindings.
   */
  refreshEsm(inspector: Inspector): void {
    const urls: string[] = [];
    const off = inspector.on("Debugger.scriptParsed", (message: { params: { url: string; isModule?: boolean } }) => {
      if (message.params.isModule && message.params.url.startsWith("file:")) urls.push(message.params.url);
    });
    try {
      inspector.post("Debugger.enable", {});
      inspector.post("Debugger.disable", {});
    } finally {
      off();
    }
    const queue: Array<[unknown, ModuleReference, number]> = [];
    for (const url of urls.sort()) {
      const filename = fileURLToPath(url);
      if (this.#seenFiles.has(filename)) continue;
      this.#seenFiles.add(filename);
      const specifier = packageSpecifier(filename, this.#require);
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
      for (const key of Reflect.ownKeys(value)) {
        // Underscored members are internals (Module._cache holds every user module).
        if (typeof key !== "string" || key.startsWith("_")) continue;
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

/** The specifier that loads `filename` from its package, if it is inside node_modules. */
function packageSpecifier(filename: string, require: NodeJS.Require): string | undefined {
  const marker = `${sep}node_modules${sep}`;
  const at = filename.lastIndexOf(marker);
  if (at < 0) return undefined;
  const rest = filename.slice(at + marker.length).split(sep);
  const nameParts = rest[0]?.startsWith("@") ? rest.slice(0, 2) : rest.slice(0, 1);
  const name = nameParts.join("/");
  const root = filename.slice(0, at + marker.length) + nameParts.join(sep);
  const manifest = readManifest(root);
  if (!manifest) return undefined;
  const paths = [dirname(root)];
  for (const subpath of candidateSubpaths(manifest)) {
    const specifier = subpath === "." ? name : `${name}/${subpath.slice(2)}`;
    if (resolvesTo(require, specifier, paths, filename)) return specifier;
  }
  return `${name}/${relative(root, filename).split(sep).join("/")}`;
}

function candidateSubpaths(manifest: { exports?: unknown }): string[] {
  const exports = manifest.exports;
  if (exports && typeof exports === "object" && !Array.isArray(exports)) {
    const keys = Object.keys(exports).filter((key) => key.startsWith(".") && !key.includes("*"));
    if (keys.length > 0) return keys;
  }
  return ["."];
}

function resolvesTo(require: NodeJS.Require, specifier: string, paths: string[], filename: string): boolean {
  try {
    return require.resolve(specifier, { paths }) === filename;
  } catch {
    return false;
  }
}

const manifests = new Map<string, { exports?: unknown } | undefined>();

function readManifest(root: string): { exports?: unknown } | undefined {
  if (!manifests.has(root)) {
    const file = join(root, "package.json");
    manifests.set(root, existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { exports?: unknown }) : undefined);
  }
  return manifests.get(root);
}

let shared: ModuleIndex | undefined;

export function moduleIndex(): ModuleIndex {
  shared ??= new ModuleIndex();
  shared.refresh();
  return shared;
}
