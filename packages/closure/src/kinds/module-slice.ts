// Module-level values that cannot be copied (an SDK client, a Logger with
// package #private state, an app holding a server), rebuilt as Lambda makes
// them: the package runs the slice of the module that declares and
// configures the binding (inspect/module-slice.ts) once at load. The names
// the slice reads that V8 kept are captured like any binding (copied,
// referenced, or rebuilt in turn); the others are declared in the slice.
// Which values get here is decided by serializeFunctions after a refusal.
import { createRequire } from "node:module";
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import type { Kind } from "./table.js";
import { isKind } from "./shared/node-data.js";

/** A value to rebuild from its module's source. */
export interface SliceRecipe {
  name: string;
  body: string;
  /** Names in `body` that stand for `require(specifier)`. */
  requires: ReadonlyArray<{ name: string; specifier: string }>;
  freeNames: readonly string[];
  /** The module scope's variables V8 kept. */
  variables: Readonly<Record<string, unknown>>;
  sourceType: "script" | "module";
  why: string;
}

export interface SliceData {
  params: Array<{ name: string; slot: Slot }>;
  requires: SliceRecipe["requires"];
  body: string;
}

/** The packages a slice requires, for the result's `modules`. */
export function sliceModules(node: GraphNode): string[] {
  return isKind(node, "module-slice") ? node.data.requires.map((each) => each.specifier) : [];
}

// Any require function of this process stands for the package's own (kinds/require-function.ts).
const liveRequire = createRequire(`${process.cwd()}/`);

export const moduleSliceKind: Kind<SliceData> = {
  walk(node: GraphNode<SliceData>, walker: Walker): void {
    const recipe = walker.session.moduleSlices.get(node.value)!;
    const params: SliceData["params"] = [];
    const required = new Set(recipe.requires.map((each) => each.name));
    for (const name of recipe.freeNames) {
      if (required.has(name)) continue;
      if (Object.hasOwn(recipe.variables, name)) params.push({ name, slot: walker.visit(node, recipe.variables[name], { binding: name }, "create") });
      else if (name === "require" && recipe.sourceType === "script") params.push({ name, slot: walker.visit(node, liveRequire, { binding: name }, "create") });
      // Read where the package runs, like any global a captured function reads.
      else walker.state.globalNames.add(name);
    }
    node.why = recipe.why;
    node.data = { params, requires: recipe.requires, body: recipe.body };
  },
  emit(node: GraphNode<SliceData>, out: Emitter): void {
    const { params, requires, body } = node.data;
    // Loaded like the module's other packages: bundled from ES module output too.
    const names = [...params.map((param) => param.name), ...requires.map((each) => each.name)];
    const args = [...params.map((param) => out.required(param.slot, node)), ...requires.map((each) => out.importModule(each.specifier, "require"))];
    out.declare(node, `(function (${names.join(", ")}) {\n${body}\n})(${args.join(", ")})`);
  },
};
