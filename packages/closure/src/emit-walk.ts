// A finished walk to its result: the module text (emit/), the modules it
// needs and the captures report. Shared by every walk of serializeFunctions.
import type { Capture, SerializedFunction, SerializeOptions } from "./options.js";
import { emitProgram } from "./emit/program.js";
import { KINDS } from "./kinds/index.js";
import { sliceModules } from "./kinds/module-slice.js";
import { collapseEmptyContexts, emitFactories, type ContextData } from "./kinds/context.js";
import { globalNamesOf } from "./kinds/walk-state.js";
import type { GraphNode } from "./walk/graph.js";
import type { Walk } from "./serialize-functions.js";
import type { EnvironmentValues } from "./environment-values.js";

export function emitWalk({ walker, root }: Walk, options: SerializeOptions & { exportName: string; format: "cjs" | "esm" }): SerializedFunction {
  collapseEmptyContexts(walker.nodes);
  const text = emitProgram(root, walker.nodes, KINDS, {
    format: options.format,
    exportName: options.exportName,
    isFactoryFunction: options.isFactoryFunction ?? false,
    reserved: [walker.globals.names, globalNamesOf(walker)],
    finish: (out) => emitFactories(rootContexts(walker.nodes), out),
  });
  const warnings = (walker.state.get("environment") as EnvironmentValues | undefined)?.warnings ?? [];
  return { text, exportName: options.exportName, format: options.format, modules: modulesOf(walker.nodes), captures: capturesOf(walker.nodes), warnings };
}

function rootContexts(nodes: readonly GraphNode[]): GraphNode[] {
  return nodes.filter((node) => node.kind === "context" && !(node.data as ContextData).parent && !(node.data as ContextData).collapsed);
}

function modulesOf(nodes: readonly GraphNode[]): string[] {
  const specifiers = new Set<string>();
  for (const node of nodes) {
    if (node.module) specifiers.add(node.module);
    for (const specifier of sliceModules(node)) specifiers.add(specifier);
  }
  return [...specifiers].sort();
}

const HOW: Readonly<Record<string, Capture["how"]>> = {
  module: "referenced",
  global: "referenced",
  require: "referenced",
  rebuilt: "rebuilt",
  "module-slice": "rebuilt",
};

function capturesOf(nodes: readonly GraphNode[]): Capture[] {
  const captures: Capture[] = [];
  for (const node of nodes) {
    if (node.kind === "context" || node.kind === "binding") continue;
    const capture: Capture = { path: node.path.toArray(), kind: node.kind, how: HOW[node.kind] ?? "copied", bytes: node.bytes };
    if (node.module) capture.module = node.module;
    if (node.why) capture.why = node.why;
    captures.push(capture);
  }
  return captures;
}
