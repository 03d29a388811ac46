// @ts-check
// Packages the function may import without bundling them (the AWS SDK, as
// Lambda provides it). The parent sets NODE_PATH to their folder: require()
// searches it after the function's own node_modules. ES modules do not read
// NODE_PATH; Lambda's runtimes search it for them too, so a resolve hook
// retries a bare specifier there. The hook costs a thread (~50 ms of cold
// start), so it is registered only before an ES module handler loads, or at
// once when the task root is fenced (the hook fences import too).
import Module, { register } from "node:module";
import { delimiter } from "node:path";
import { hasCode } from "./errors.mjs";
import { sdkHint } from "./sdk-hint.mjs";

/**
 * Node's CommonJS resolver (public since Node 0.x, untyped): wrapped to add the hint.
 * @typedef {{ _resolveFilename: (this: unknown, request: string, ...rest: unknown[]) => string }} CjsResolver
 */
const resolver = /** @type {CjsResolver} */ (/** @type {unknown} */ (Module));

/**
 * What the hooks thread is given (resolve-hook.mjs's initialize).
 * @typedef {{ folders: string[], taskRoot: string | undefined }} HookData
 */

let registered = false;

/**
 * Registers the module hooks (once): import() searches NODE_PATH, and
 * stops at `taskRoot` when given (task-root.mjs). Nothing to do without either.
 * @param {string} [taskRoot]
 */
export function registerImportHooks(taskRoot) {
  if (registered) return;
  registered = true;
  const folders = (process.env.NODE_PATH ?? "").split(delimiter).filter((folder) => folder !== "");
  /** @type {HookData} */
  const data = { folders, taskRoot };
  if (folders.length > 0 || taskRoot !== undefined) register("./resolve-hook.mjs", import.meta.url, { data });
}

/** A require() of a missing @aws-sdk package says how to provide it. */
export function hintMissingSdk() {
  const resolveFilename = resolver._resolveFilename;
  resolver._resolveFilename = function (request, ...rest) {
    try {
      return resolveFilename.call(this, request, ...rest);
    } catch (error) {
      if (hasCode(error, "MODULE_NOT_FOUND")) addSdkHint(error, request);
      throw error;
    }
  };
}

/**
 * Appends the hint to a module-not-found error for an @aws-sdk package (once).
 * @param {Error} error
 * @param {string} specifier
 */
export function addSdkHint(error, specifier) {
  const hint = sdkHint(specifier);
  if (hint !== undefined && typeof error.message === "string" && !error.message.includes(hint)) error.message = `${error.message}\n${hint}`;
}
