// @ts-check
// Finds and loads the handler the way aws-lambda-ric's UserFunction does:
// "dir/file.a.b" is module "dir/file" and export path "a.b"; the module is
// an extensionless file, then file.js (require, or import when the nearest
// package.json in the task root says "type": "module"), file.mjs, file.cjs, then a Node
// resolution from the task root. Errors carry the runtime's error types.
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { HandlerNotFound, hasCode, ImportModuleError, MalformedHandlerName, UserCodeSyntaxError } from "./errors.mjs";
import { addSdkHint, registerImportHooks } from "./provided-modules.mjs";
import { moduleType } from "./task-root.mjs";

/** @typedef {(error?: unknown, result?: unknown) => void} Callback */
/**
 * A handler as Lambda calls it: it answers with a value, a promise, or the callback.
 * @typedef {(event: unknown, context: object, callback: Callback) => unknown} Handler
 */

const FUNCTION_EXPR = /^([^.]*)\.(.*)$/;

/**
 * The handler function named by `handlerString`, loaded from `taskRoot`.
 * @param {string} taskRoot
 * @param {string} handlerString
 * @returns {Promise<Handler>}
 */
export async function loadHandler(taskRoot, handlerString) {
  if (handlerString.includes("..")) throw new MalformedHandlerName("'..' is not allowed in handler name.");
  const handlerName = basename(handlerString);
  const moduleRoot = handlerString.slice(0, handlerString.indexOf(handlerName));
  const match = FUNCTION_EXPR.exec(handlerName);
  if (match === null) throw new MalformedHandlerName("Bad handler");
  // Both groups always match (maybe empty): the defaults are for the checker.
  const [, moduleName = "", exportPath = ""] = match;
  const module = await loadModule(taskRoot, moduleRoot, moduleName);
  const handler = exportPath.split(".").reduce(property, module);
  if (handler === undefined || handler === null) throw new HandlerNotFound(`${handlerString} is undefined or not exported`);
  if (typeof handler !== "function") throw new HandlerNotFound(`${handlerString} is not a function`);
  return /** @type {Handler} */ (handler);
}

/**
 * @param {unknown} value
 * @param {string} key
 * @returns {unknown}
 */
function property(value, key) {
  return value == null ? undefined : /** @type {Record<string, unknown>} */ (value)[key];
}

/**
 * @param {string} taskRoot
 * @param {string} moduleRoot
 * @param {string} moduleName
 * @returns {Promise<unknown>}
 */
async function loadModule(taskRoot, moduleRoot, moduleName) {
  try {
    return await tryLoad(taskRoot, moduleRoot, moduleName);
  } catch (error) {
    if (error instanceof SyntaxError) throw new UserCodeSyntaxError(`${error.name}: ${error.message}`, { cause: error });
    if (hasCode(error, "MODULE_NOT_FOUND", "ERR_MODULE_NOT_FOUND")) {
      // An import without NODE_PATH never met the hook that adds the hint.
      addSdkHint(error, /'(@aws-sdk\/[^'/]+)/.exec(error.message)?.[1] ?? "");
      throw new ImportModuleError(`${error.name}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

/**
 * @param {string} taskRoot
 * @param {string} moduleRoot
 * @param {string} moduleName
 * @returns {Promise<unknown>}
 */
async function tryLoad(taskRoot, moduleRoot, moduleName) {
  const path = resolve(taskRoot, moduleRoot, moduleName);
  const require = createRequire(join(taskRoot, "__closure_pack_bootstrap__.js"));
  if (isFile(path)) return require(path);
  // Only a .js file asks the nearest package.json (up to the root) how to load it.
  if (isFile(`${path}.js`)) return moduleType(dirname(path), taskRoot) === "module" ? importModule(`${path}.js`) : require(`${path}.js`);
  if (isFile(`${path}.mjs`)) return importModule(`${path}.mjs`);
  if (isFile(`${path}.cjs`)) return require(`${path}.cjs`);
  // Why not require(moduleName) straight away: require is relative to this
  // file, while the handler is relative to the task root.
  return require(require.resolve(moduleName, { paths: [taskRoot, join(taskRoot, moduleRoot)] }));
}

/** @param {string} path */
function importModule(path) {
  registerImportHooks();
  return import(pathToFileURL(path).href);
}

/** @param {string} path */
function isFile(path) {
  return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
}
