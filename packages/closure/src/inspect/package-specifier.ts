// The specifier that loads a file of an installed package, read from the
// package's own manifest: its exports map (every condition: a file loaded by
// `import` is as public as one loaded by `require`, and dual packages ship
// both), its wildcard subpaths, or, without an exports map, main and deep
// paths. Computed once per package; no module resolution per file.
import { existsSync, readFileSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";

interface Pattern {
  targetPrefix: string;
  targetSuffix: string;
  keyPrefix: string;
  keySuffix: string;
}

interface EntryPoints {
  name: string;
  hasExports: boolean;
  /** The manifest's exports, as written (see loadedFile). */
  exports: unknown;
  /** "./file" -> "./subpath" for exact exports entries, and "." for main. */
  exact: Map<string, string>;
  patterns: Pattern[];
}

const packages = new Map<string, EntryPoints | undefined>();
const NODE_MODULES = `${sep}node_modules${sep}`;

/** `name`, `name/subpath`, or undefined when the file is not public (or not in node_modules). */
export function packageSpecifier(filename: string): string | undefined {
  const at = filename.lastIndexOf(NODE_MODULES);
  if (at < 0) return undefined;
  const rest = filename.slice(at + NODE_MODULES.length).split(sep);
  const nameParts = rest[0]?.startsWith("@") ? rest.slice(0, 2) : rest.slice(0, 1);
  const root = filename.slice(0, at + NODE_MODULES.length) + nameParts.join(sep);
  const entry = entryPointsOf(root, nameParts.join("/"));
  if (!entry) return undefined;
  const file = `./${relative(root, filename).split(sep).join("/")}`;
  const subpath = entry.exact.get(file) ?? matchPattern(entry.patterns, file);
  if (subpath !== undefined) return subpath === "." ? entry.name : `${entry.name}/${subpath.slice(2)}`;
  return entry.hasExports ? undefined : `${entry.name}/${file.slice(2)}`;
}

/** Node's conditions for each way of loading (Node 20.19+ adds "module-sync" to both). */
const CONDITIONS = {
  import: new Set(["node", "import", "module-sync", "default"]),
  require: new Set(["node", "require", "module-sync", "default"]),
} as const;

/**
 * The file `specifier` loads when imported or required, for a specifier
 * packageSpecifier gave for a file of the same package (`filename`); undefined
 * when the manifest has no exports map (both ways then load the same file)
 * or no target fits. A dual package (date-fns) answers with its ES build to
 * `import` and with its CommonJS build to `require`.
 */
export function loadedFile(filename: string, specifier: string, how: keyof typeof CONDITIONS): string | undefined {
  const at = filename.lastIndexOf(NODE_MODULES);
  if (at < 0) return undefined;
  const rest = filename.slice(at + NODE_MODULES.length).split(sep);
  const nameParts = rest[0]?.startsWith("@") ? rest.slice(0, 2) : rest.slice(0, 1);
  const root = filename.slice(0, at + NODE_MODULES.length) + nameParts.join(sep);
  const entry = entryPointsOf(root, nameParts.join("/"));
  if (!entry?.hasExports) return undefined;
  const subpath = `.${specifier.slice(entry.name.length)}`;
  const target = exportTarget(entry.exports, subpath, CONDITIONS[how]);
  return target === undefined ? undefined : join(root, ...normalize(target).slice(2).split("/"));
}

function exportTarget(exports: unknown, subpath: string, conditions: ReadonlySet<string>): string | undefined {
  const isSubpathMap = typeof exports === "object" && exports !== null && !Array.isArray(exports) && Object.keys(exports).every((key) => key.startsWith("."));
  const map = (isSubpathMap ? exports : { ".": exports }) as Record<string, unknown>;
  if (Object.hasOwn(map, subpath)) return conditionalTarget(map[subpath], conditions);
  for (const [key, value] of Object.entries(map)) {
    const [prefix, suffix] = splitOnce(key);
    if (!key.includes("*") || !subpath.startsWith(prefix) || !subpath.endsWith(suffix) || subpath.length < key.length - 1) continue;
    const star = subpath.slice(prefix.length, subpath.length - suffix.length);
    return conditionalTarget(value, conditions)?.replaceAll("*", star);
  }
  return undefined;
}

/** Node's rule: the first key (in the manifest's order) that is one of the conditions, recursively. */
function conditionalTarget(value: unknown, conditions: ReadonlySet<string>): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    for (const each of value) {
      const found = conditionalTarget(each, conditions);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== "object") return undefined;
  for (const [condition, nested] of Object.entries(value)) {
    if (!conditions.has(condition)) continue;
    const found = conditionalTarget(nested, conditions);
    if (found !== undefined) return found;
  }
  return undefined;
}

function entryPointsOf(root: string, name: string): EntryPoints | undefined {
  if (packages.has(root)) return packages.get(root);
  const manifestFile = join(root, "package.json");
  let entry: EntryPoints | undefined;
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { name?: unknown; exports?: unknown; main?: unknown };
    entry = { name: typeof manifest.name === "string" ? manifest.name : name, hasExports: false, exports: manifest.exports, exact: new Map(), patterns: [] };
    if (manifest.exports !== undefined && manifest.exports !== null) readExports(entry, manifest.exports);
    else readMain(entry, root, typeof manifest.main === "string" ? manifest.main : "index.js");
  }
  packages.set(root, entry);
  return entry;
}

function readExports(entry: EntryPoints, exports: unknown): void {
  entry.hasExports = true;
  const isSubpathMap = typeof exports === "object" && !Array.isArray(exports) && Object.keys(exports as object).every((key) => key.startsWith("."));
  const map: Record<string, unknown> = isSubpathMap ? (exports as Record<string, unknown>) : { ".": exports };
  for (const [key, value] of Object.entries(map)) {
    for (const target of targetsOf(value)) {
      if (key.includes("*")) {
        const [keyPrefix, keySuffix] = splitOnce(key);
        const [targetPrefix, targetSuffix] = splitOnce(target);
        if (target.includes("*")) entry.patterns.push({ keyPrefix, keySuffix, targetPrefix, targetSuffix });
      } else {
        const file = normalize(target);
        const known = entry.exact.get(file);
        // The shortest subpath wins: "." over "./index".
        if (known === undefined || key.length < known.length) entry.exact.set(file, key);
      }
    }
  }
}

/** Every file a subpath can point at, under any condition except type declarations. */
function targetsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(targetsOf);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([condition, nested]) => (condition === "types" ? [] : targetsOf(nested)));
  }
  return [];
}

function readMain(entry: EntryPoints, root: string, main: string): void {
  const base = normalize(main);
  for (const candidate of [base, `${base}.js`, `${base}.cjs`, `${base}/index.js`]) {
    if (existsSync(join(root, candidate))) {
      entry.exact.set(candidate, ".");
      return;
    }
  }
}

function matchPattern(patterns: readonly Pattern[], file: string): string | undefined {
  for (const pattern of patterns) {
    const fits = file.length >= pattern.targetPrefix.length + pattern.targetSuffix.length;
    if (fits && file.startsWith(pattern.targetPrefix) && file.endsWith(pattern.targetSuffix)) {
      const star = file.slice(pattern.targetPrefix.length, file.length - pattern.targetSuffix.length);
      return `${pattern.keyPrefix}${star}${pattern.keySuffix}`;
    }
  }
  return undefined;
}

function splitOnce(text: string): [string, string] {
  const at = text.indexOf("*");
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + 1)];
}

function normalize(target: string): string {
  return `./${posix.normalize(target).replace(/^\.\//, "")}`;
}
