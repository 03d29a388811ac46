// What kind of value is this: the policy behind the dispatch table
// (table.ts), tried in its order. References (globals, modules) win over
// copying; proxies are recognised before anything could trigger one of their
// traps; built-ins are told by their internal brand, never by a property a
// user could override.
import { types } from "node:util";
import type { Walker } from "./shared/walk-state.js";
import type { KindName } from "./table.js";
import { inheritsFrom } from "../inspect/prototype-chain.js";
import { isRequireFunction } from "./require-function.js";
import { rebuildMethodOf } from "./rebuilt.js";
import { refusalOf } from "./refused.js";
import { classifyInternalSlots } from "./internal-slots.js";
import { classifyWebBuiltin } from "./web-builtins.js";
import { constructorOf } from "./prototype.js";

export function classify(value: unknown, walker: Walker): KindName {
  if (typeof value === "symbol") return walker.modules.referenceOf(value) === undefined ? "symbol" : "module";
  if (walker.globals.pathOf(value) !== undefined) return "global";
  if (isRequireFunction(value)) return "require";
  if (walker.modules.referenceOf(value) !== undefined) return "module";
  if (types.isModuleNamespaceObject(value) && walker.modules.referenceOfNamespace(value as object)) return "module";
  // A value refused before, rebuilt from its module's source (serializeFunctions).
  if (walker.session.moduleSlices.has(value)) return "module-slice";
  // A value that says how to rebuild itself wins over copying and refusing.
  if (rebuildMethodOf(value)) return "rebuilt";
  const builtin = classifyBuiltin(value);
  if (builtin) return builtin;
  if (typeof value === "function") return "function";
  if (Array.isArray(value)) return "array";
  if (constructorOf(value as object)) return "prototype";
  return "object";
}

/** The kind of a built-in object, or undefined for ordinary objects and user functions. */
function classifyBuiltin(value: unknown): KindName | undefined {
  if (types.isProxy(value)) return "proxy";
  if (typeof value !== "object" || value === null) return undefined;
  if (refusalOf(value)) return "refused";
  if (types.isMap(value)) return "map";
  if (types.isSet(value)) return "set";
  if (types.isDate(value)) return "date";
  if (types.isRegExp(value)) return "regexp";
  if (types.isNativeError(value)) return "error";
  if (types.isBoxedPrimitive(value)) return "boxed";
  if (types.isArrayBufferView(value)) return "typed-array";
  if (types.isAnyArrayBuffer(value)) return "array-buffer";
  if (types.isWeakMap(value) || types.isWeakSet(value)) return "weak-collection";
  if (types.isPromise(value)) return "promise";
  if (types.isGeneratorObject(value)) return "generator";
  if (types.isModuleNamespaceObject(value)) return "namespace";
  // Not instanceof: it would run the getPrototypeOf trap of a proxy on the chain.
  if (inheritsFrom(value, URL.prototype)) return "url";
  if (inheritsFrom(value, URLSearchParams.prototype)) return "url-search-params";
  if (types.isArgumentsObject(value)) return "arguments";
  return classifyInternalSlots(value) ?? classifyWebBuiltin(value);
}
