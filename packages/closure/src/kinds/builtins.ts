// Classification of built-in object types by their internal brand (never by
// a user-overridable property), and the table of their kind modules.
import { types } from "node:util";
import { mapKind, setKind } from "./collections.js";
import { dateKind, regexpKind } from "./date-regexp.js";
import { errorKind } from "./error.js";
import { refusedKind, refusalOf } from "./refused.js";
import { boxedKind } from "./boxed.js";
import { typedArrayKind } from "./typed-array.js";
import { arrayBufferBackingKind, arrayBufferKind } from "./array-buffer.js";
import { urlKind, urlSearchParamsKind } from "./url.js";
import { promiseKind } from "./promise.js";
import { generatorKind } from "./generator.js";
import { proxyKind } from "./proxy.js";
import { weakCollectionKind } from "./weak-collection.js";
import { argumentsKind } from "./arguments.js";
import { namespaceKind } from "./namespace.js";
import { inheritsFrom } from "./prototype-chain.js";
import { classifyWebBuiltin, webBuiltinKind } from "./web-builtins.js";
import { classifyInternalSlots, finalizationRegistryKind, intlKind, weakRefKind } from "./internal-slots.js";

export const builtinKinds = {
  map: mapKind,
  set: setKind,
  date: dateKind,
  regexp: regexpKind,
  error: errorKind,
  refused: refusedKind,
  proxy: proxyKind,
  boxed: boxedKind,
  "typed-array": typedArrayKind,
  "array-buffer": arrayBufferKind,
  /** Synthetic: the buffer of views whose ArrayBuffer is not captured itself. */
  "array-buffer-backing": arrayBufferBackingKind,
  "weak-collection": weakCollectionKind,
  promise: promiseKind,
  generator: generatorKind,
  namespace: namespaceKind,
  "weak-ref": weakRefKind,
  intl: intlKind,
  "finalization-registry": finalizationRegistryKind,
  url: urlKind,
  "url-search-params": urlSearchParamsKind,
  arguments: argumentsKind,
  "web-builtin": webBuiltinKind,
};

/** The kind of a built-in object, or undefined for ordinary objects and user functions. */
export function classifyBuiltin(value: unknown): string | undefined {
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
