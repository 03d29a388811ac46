// @ts-check
// The module hooks provided-modules.mjs registers (they run on Node's hooks
// thread). resolve: a bare specifier the normal resolution cannot find is
// resolved again as if imported from inside each NODE_PATH folder; and inside
// a fenced task root, a package found only above the root counts as not
// found (on Lambda nothing is above /var/task). load: a .js file with no
// package.json between it and the root is not given a type by one above.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { hasCode } from "./errors.mjs";
import { addSdkHint } from "./provided-modules.mjs";
import { hasPackageBelow, isInside, nearestManifest } from "./task-root.mjs";

/** @typedef {import("./provided-modules.mjs").HookData} HookData */

/** @type {string[]} A URL directly inside each NODE_PATH folder. */
let parents = [];
/** @type {string | undefined} The fenced task root, if any. */
let root;

/** @type {import("node:module").InitializeHook<HookData>} */
export function initialize({ folders, taskRoot }) {
  // A file directly inside the folder: Node then looks in the folder itself.
  parents = folders.map((folder) => pathToFileURL(join(folder, "provided.js")).href);
  root = taskRoot ?? undefined;
}

/** @type {import("node:module").ResolveHook} */
export async function resolve(specifier, context, nextResolve) {
  try {
    const resolved = await nextResolve(specifier, context);
    const { parentURL } = context;
    if (parentURL !== undefined && isAboveRoot(specifier, parentURL, resolved.url)) throw notFound(specifier, parentURL);
    return resolved;
  } catch (error) {
    if (!hasCode(error, "ERR_MODULE_NOT_FOUND") || !isBare(specifier)) throw error;
    for (const parentURL of parents) {
      try {
        return await nextResolve(specifier, { ...context, parentURL });
      } catch {
        // Not in this folder: the next, then the original error.
      }
    }
    addSdkHint(error, specifier);
    throw error;
  }
}

/** @type {import("node:module").LoadHook} */
export async function load(url, context, nextLoad) {
  if (root !== undefined && url.startsWith("file:") && url.endsWith(".js")) {
    const path = fileURLToPath(url);
    // CommonJS, as Node 20 loads a .js file with no package.json at all.
    if (isInside(root, path) && nearestManifest(dirname(path), root) === undefined) return nextLoad(url, { ...context, format: "commonjs" });
  }
  return nextLoad(url, context);
}

// A bare import from code inside the root that Node found in a node_modules
// folder above the root (a link from inside the root to elsewhere is fine).
/**
 * @param {string} specifier
 * @param {string} parentURL
 * @param {string} url
 */
function isAboveRoot(specifier, parentURL, url) {
  if (root === undefined || !isBare(specifier) || !parentURL.startsWith("file:") || !url.startsWith("file:")) return false;
  const parent = fileURLToPath(parentURL);
  return isInside(root, parent) && !isInside(root, fileURLToPath(url)) && !hasPackageBelow(root, dirname(parent), specifier);
}

/**
 * @param {string} specifier
 * @param {string} parentURL
 */
function notFound(specifier, parentURL) {
  const error = new Error(`Cannot find package '${specifier}' imported from ${fileURLToPath(parentURL)}`);
  return Object.assign(error, { code: "ERR_MODULE_NOT_FOUND" });
}

/** @param {string} specifier */
function isBare(specifier) {
  return !/^(\.{0,2}\/|[a-zA-Z][a-zA-Z\d+.-]*:)/.test(specifier);
}
