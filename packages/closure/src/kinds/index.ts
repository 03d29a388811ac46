// The dispatch table: what kind of value is this, and which module walks and
// emits it. Supporting a new kind is one module and one row here. Order
// matters: references (globals, modules) win over copying, and proxies are
// recognised before anything could trigger one of their traps.
import { types } from "node:util";
import type { Walker } from "./walk-state.js";
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode } from "../walk/graph.js";
import { arrayKind } from "./array.js";
import { bindingKind, contextKind, modulePathKind } from "./context.js";
import { functionKind } from "./function.js";
import { objectKind } from "./object.js";
import { constructorOf, prototypeKind } from "./prototype.js";
import { globalReferenceKind, moduleReferenceKind } from "./reference.js";
import { symbolKind } from "./symbol.js";
import { isRequireFunction, requireKind } from "./require-function.js";
import { builtinKinds, classifyBuiltin } from "./builtins.js";
import { rebuildMethodOf, rebuiltKind } from "./rebuilt.js";
import { moduleSliceKind } from "./module-slice.js";

/** A kind module: walks a node of its kind, recording `Data` in node.data, then emits it. */
export interface Kind<Data> {
  walk(node: GraphNode<Data>, walker: Walker): void;
  emit(node: GraphNode<Data>, out: Emitter): void;
  /** Reads facts for many queued nodes of this kind at once (inspector round trips). */
  prefetch?(nodes: readonly GraphNode<Data>[], walker: Walker): void;
}

export const KINDS = {
  object: objectKind,
  array: arrayKind,
  function: functionKind,
  prototype: prototypeKind,
  context: contextKind,
  binding: bindingKind,
  "module-path": modulePathKind,
  symbol: symbolKind,
  global: globalReferenceKind,
  module: moduleReferenceKind,
  require: requireKind,
  rebuilt: rebuiltKind,
  "module-slice": moduleSliceKind,
  ...builtinKinds,
};

export type KindName = keyof typeof KINDS;

/** What the nodes of kind K hold in node.data, read from the table. */
export type KindData<K extends KindName> = (typeof KINDS)[K] extends Kind<infer Data> ? Data : never;

export function classify(value: unknown, walker: Walker): string {
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
