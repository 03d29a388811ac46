// @ts-check
// The task root is the top of a function's world, as /var/task is on Lambda:
// nothing above it changes how its code loads. A folder run in place (an
// unpacked package inside a project) has a package.json and node_modules
// above it; this fence keeps require() from searching node_modules above the
// root and a .js file with no package.json at or below the root from taking
// its module type from one above. The import side is in resolve-hook.mjs.
import { existsSync, readFileSync } from "node:fs";
import Module from "node:module";
import { dirname, isAbsolute, join, relative, sep } from "node:path";

/**
 * Node's CommonJS loader internals the fence wraps (public since Node 0.x, untyped).
 * @typedef {{ _compile(source: string, filename: string, format?: string): void }} CjsModule
 * @typedef {{
 *   _nodeModulePaths(from: string): string[],
 *   _extensions: Record<string, (module: CjsModule, filename: string) => void>,
 * }} CjsLoader
 */
const loader = /** @type {CjsLoader} */ (/** @type {unknown} */ (Module));

/**
 * True when `path` is `root` or inside it.
 * @param {string} root
 * @param {string} path
 */
export function isInside(root, path) {
  const rel = relative(root, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The "type" of the nearest package.json from `dir` up to `root` (inclusive),
 * "commonjs" when there is none, as on Lambda where nothing is above the root.
 * @param {string} dir
 * @param {string} root
 * @returns {"module" | "commonjs"}
 */
export function moduleType(dir, root) {
  const manifest = nearestManifest(dir, root);
  if (manifest === undefined) return "commonjs";
  try {
    return JSON.parse(readFileSync(manifest, "utf8")).type === "module" ? "module" : "commonjs";
  } catch {
    return "commonjs";
  }
}

/**
 * @param {string} dir
 * @param {string} root
 * @returns {string | undefined}
 */
export function nearestManifest(dir, root) {
  for (let current = dir; isInside(root, current); current = dirname(current)) {
    const manifest = join(current, "package.json");
    if (existsSync(manifest)) return manifest;
    if (current === root || dirname(current) === current) break;
  }
  return undefined;
}

/**
 * True when the package `specifier` names is in a node_modules folder
 * between `dir` and `root` (inclusive): found inside the task root, even if
 * the folder is a link to elsewhere.
 * @param {string} root
 * @param {string} dir
 * @param {string} specifier
 */
export function hasPackageBelow(root, dir, specifier) {
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
  for (let current = dir; isInside(root, current); current = dirname(current)) {
    if (existsSync(join(current, "node_modules", name))) return true;
    if (current === root || dirname(current) === current) break;
  }
  return false;
}

/**
 * True when a folder above `root` could change how code inside it loads
 * (a package.json or node_modules folder in one of its ancestors). Zips
 * extracted into the cache have none: the fence then costs nothing.
 * @param {string} root
 */
export function needsFence(root) {
  for (let current = dirname(root); ; current = dirname(current)) {
    if (existsSync(join(current, "package.json")) || existsSync(join(current, "node_modules"))) return true;
    if (dirname(current) === current) return false;
  }
}

/**
 * Fences require() at `root`: node_modules folders above it are not
 * searched, a .js file whose nearest package.json would be above it is
 * loaded as if no package.json were above the root.
 * @param {string} root
 */
export function fenceRequire(root) {
  const nodeModulePaths = loader._nodeModulePaths;
  loader._nodeModulePaths = (from) => {
    const paths = nodeModulePaths(from);
    return isInside(root, from) ? paths.filter((path) => isInside(root, dirname(path))) : paths;
  };
  const loadJs = loader._extensions[".js"];
  if (loadJs === undefined) return;
  loader._extensions[".js"] = function (module, filename) {
    // Only the case Node would get wrong: a .js file with no package.json
    // between it and the root. Node would read one above the root.
    if (filename.endsWith(".js") && isInside(root, filename) && nearestManifest(dirname(filename), root) === undefined) {
      // No format: Node decides as for a file with no package.json at all.
      return module._compile(readFileSync(filename, "utf8"), filename, undefined);
    }
    return loadJs.call(this, module, filename);
  };
}
