// The dispatch table: each kind of value, by name, and the module that walks
// and emits it. Supporting a new kind is one module, one row here and one
// line in classify.ts. The rows are in the order classify.ts tries them
// (references before copies, proxies before anything that could run a
// trap), then the synthetic kinds the walk makes itself.
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { symbolKind } from "./symbol.js";
import { globalReferenceKind, moduleReferenceKind } from "./reference.js";
import { requireKind } from "./require-function.js";
import { moduleSliceKind } from "./module-slice.js";
import { rebuiltKind } from "./rebuilt.js";
import { proxyKind } from "./proxy.js";
import { refusedKind } from "./refused.js";
import { mapKind, setKind } from "./collections.js";
import { dateKind, regexpKind } from "./date-regexp.js";
import { errorKind } from "./error.js";
import { boxedKind } from "./boxed.js";
import { typedArrayKind } from "./typed-array.js";
import { arrayBufferBackingKind, arrayBufferKind } from "./array-buffer.js";
import { weakCollectionKind } from "./weak-collection.js";
import { promiseKind } from "./promise.js";
import { generatorKind } from "./generator.js";
import { namespaceKind } from "./namespace.js";
import { urlKind, urlSearchParamsKind } from "./url.js";
import { argumentsKind } from "./arguments.js";
import { finalizationRegistryKind, intlKind, weakRefKind } from "./internal-slots.js";
import { webBuiltinKind } from "./web-builtins.js";
import { functionKind } from "./function.js";
import { arrayKind } from "./array.js";
import { prototypeKind } from "./prototype.js";
import { objectKind } from "./object.js";
import { bindingKind, contextKind, modulePathKind } from "./context.js";

/** A kind module: walks a node of its kind, recording `Data` in node.data, then emits it. */
export interface Kind<Data> {
  walk(node: GraphNode<Data>, walker: Walker): void;
  emit(node: GraphNode<Data>, out: Emitter): void;
  /** Reads facts for many queued nodes of this kind at once (inspector round trips). */
  prefetch?(nodes: readonly GraphNode<Data>[], walker: Walker): void;
}

export const KINDS = {
  // References: the value exists where the copy runs.
  symbol: symbolKind,
  global: globalReferenceKind,
  require: requireKind,
  module: moduleReferenceKind,
  // Rebuilt: from its module's source, or as the value says.
  "module-slice": moduleSliceKind,
  rebuilt: rebuiltKind,
  // Built-in objects, by their internal brand.
  proxy: proxyKind,
  refused: refusedKind,
  map: mapKind,
  set: setKind,
  date: dateKind,
  regexp: regexpKind,
  error: errorKind,
  boxed: boxedKind,
  "typed-array": typedArrayKind,
  "array-buffer": arrayBufferKind,
  "weak-collection": weakCollectionKind,
  promise: promiseKind,
  generator: generatorKind,
  namespace: namespaceKind,
  url: urlKind,
  "url-search-params": urlSearchParamsKind,
  arguments: argumentsKind,
  "weak-ref": weakRefKind,
  intl: intlKind,
  "finalization-registry": finalizationRegistryKind,
  "web-builtin": webBuiltinKind,
  // User code and plain data.
  function: functionKind,
  array: arrayKind,
  prototype: prototypeKind,
  object: objectKind,
  // Synthetic: made by the walk, never by classify().
  context: contextKind,
  binding: bindingKind,
  "module-path": modulePathKind,
  /** The buffer of views whose ArrayBuffer is not captured itself. */
  "array-buffer-backing": arrayBufferBackingKind,
};

export type KindName = keyof typeof KINDS;

/** What the nodes of kind K hold in node.data, read from the table. */
export type KindData<K extends KindName> = (typeof KINDS)[K] extends Kind<infer Data> ? Data : never;
