// The dispatch table: what kind of value is this, and which module walks and
// emits it. Supporting a new kind is one module and one row here. Order
// matters: references (globals, modules) win over copying, and proxies are
// recognised before anything could trigger one of their traps.
import { types } from "node:util";
import type { Walker } from "../walk/walker.js";
import type { KindEmitter } from "../emit/program.js";
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
import { moduleSliceKind, sliceRecipes } from "./module-slice.js";

export interface Kind extends KindEmitter {
  walk(node: GraphNode, walker: Walker): void;
}

export const KINDS: Readonly<Record<string, Kind>> = {
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

export function classify(value: unknown, walker: Walker): string {
  if (typeof value === "symbol") return walker.modules.referenceOf(value) === undefined ? "symbol" : "module";
  if (walker.globals.pathOf(value) !== undefined) return "global";
  if (isRequireFunction(value)) return "require";
  if (walker.modules.referenceOf(value) !== undefined) return "module";
  if (types.isModuleNamespaceObject(value) && walker.modules.referenceOfNamespace(value as object)) return "module";
  // A value refused before, rebuilt from its module's source (serializeFunctions).
  if (sliceRecipes(walker.session).has(value)) return "module-slice";
  // A value that says how to rebuild itself wins over copying and refusing.
  if (rebuildMethodOf(value)) return "rebuilt";
  const builtin = classifyBuiltin(value);
  if (builtin) return builtin;
  if (typeof value === "function") return "function";
  if (Array.isArray(value)) return "array";
  if (constructorOf(value as object)) return "prototype";
  return "object";
}
