// A finished walk to its result: the module text (emit/), the modules it
// needs and the captures report. Shared by every walk of serializeFunctions.
import type { Capture, SerializedFunction, SerializeOptions } from "./options.js";
import { emitProgram } from "./emit/program.js";
import { KINDS } from "./kinds/table.js";
import { sliceModules } from "./kinds/module-slice.js";
import { collapseEmptyContexts, emitFactories, type ContextData } from "./kinds/context.js";
import type { GraphNode } from "./walk/graph.js";
import type { Walk } from "./serialize-functions.js";
import { nodesOf } from "./kinds/shared/node-data.js";

export function emitWalk({ walker, root }: Walk, options: SerializeOptions & { exportName: string; format: "cjs" | "esm" }): SerializedFunction {
  const contexts = nodesOf(walker, "context");
  collapseEmptyContexts(contexts);
  const text = emitProgram(root, walker.nodes, KINDS, {
    format: options.format,
    exportName: options.exportName,
    isFactoryFunction: options.isFactoryFunction ?? false,
    reserved: [walker.globals.names, walker.state.globalNames],
    finish: (out) => emitFactories(rootContexts(contexts), out),
  });
  const warnings = walker.state.environment.warnings;
  const { modules, captures } = reportOf(walker.nodes);
  return { text, exportName: options.exportName, format: options.format, modules, captures, warnings };
}

function rootContexts(contexts: readonly GraphNode<ContextData>[]): Array<GraphNode<ContextData>> {
  return contexts.filter((node) => !node.data.parent && !node.data.collapsed);
}

const HOW: Readonly<Record<string, Capture["how"]>> = {
  module: "referenced",
  global: "referenced",
  require: "referenced",
  rebuilt: "rebuilt",
  "module-slice": "rebuilt",
};

/** The modules the output needs and the captures report, in one pass over the nodes (a big graph has many). */
function reportOf(nodes: readonly GraphNode[]): { modules: string[]; captures: Capture[] } {
  const specifiers = new Set<string>();
  const captures: Capture[] = [];
  for (const node of nodes) {
    if (node.module) specifiers.add(node.module);
    if (node.kind === "module-slice") for (const specifier of sliceModules(node)) specifiers.add(specifier);
    if (node.kind === "context" || node.kind === "binding") continue;
    const capture: Capture = { path: node.path.toArray(), kind: node.kind, how: HOW[node.kind] ?? "copied", bytes: node.bytes };
    if (node.module) capture.module = node.module;
    if (node.why) capture.why = node.why;
    captures.push(capture);
  }
  return { modules: [...specifiers].sort(), captures };
}
