// serializeFunction: inspect, walk, emit. The public entry point; the
// mechanism lives in walk/ and emit/, the policy per kind of value in kinds/.
import { SerializationError } from "./errors.js";
import type { Capture, SerializedFunction, SerializeOptions } from "./options.js";
import { openInspector } from "./inspect/inspector.js";
import { globalIndex } from "./inspect/global-index.js";
import { moduleIndex } from "./inspect/module-index.js";
import { Walker } from "./walk/walker.js";
import { classify, KINDS } from "./kinds/index.js";
import { emitProgram } from "./emit/program.js";
import { EsmModulesFound } from "./kinds/function.js";
import { forgetRefusalsByPrototype } from "./kinds/refused.js";
import { collapseEmptyContexts, emitFactories, type ContextData } from "./kinds/context.js";
import { contextUses, globalNamesOf } from "./kinds/walk-state.js";
import { readContextChains } from "./inspect/context-identity.js";
import type { Inspector } from "./inspect/inspector.js";
import type { GlobalIndex } from "./inspect/global-index.js";
import type { GraphNode } from "./walk/graph.js";

/**
 * Serializes a live function, and everything it captures, into the source
 * of a self-contained module that exports an equivalent function.
 */
export async function serializeFunction(fn: Function, options: SerializeOptions = {}): Promise<SerializedFunction> {
  if (typeof fn !== "function") {
    throw new SerializationError("NOT_A_FUNCTION", [], `expected a function, got ${fn === null ? "null" : typeof fn}`, "pass the function itself, e.g. serializeFunction(handler)");
  }
  const exportName = options.exportName ?? "handler";
  const format = options.format ?? "cjs";
  validateOptions(exportName, format);
  const inspector = openInspector();
  forgetRefusalsByPrototype();
  try {
    const globals = globalIndex();
    const { walker, root } = await walkWithModules(fn, exportName, inspector, globals, options);
    collapseEmptyContexts(walker.nodes);
    const reserved = [globals.names, globalNamesOf(walker)];
    const text = emitProgram(root, walker.nodes, KINDS, {
      format,
      exportName,
      isFactoryFunction: options.isFactoryFunction ?? false,
      reserved,
      finish: (out) => emitFactories(rootContexts(walker.nodes), out),
    });
    return { text, exportName, format, modules: modulesOf(walker.nodes), captures: capturesOf(walker.nodes) };
  } finally {
    inspector.releaseSoon();
  }
}

/**
 * The first capture of a function from an ES module can reveal packages'
 * ES modules the index has not read. The walk stops there; they are loaded
 * (asynchronously, see ModuleIndex.loadEsm) and the walk starts again, so
 * their values are referenced, not copied. Nothing new is parsed during a
 * walk, so this happens at most once per call.
 */
async function walkWithModules(fn: Function, rootPath: string, inspector: Inspector, globals: GlobalIndex, options: SerializeOptions): Promise<{ walker: Walker; root: GraphNode }> {
  try {
    return walkCaptures(fn, rootPath, inspector, globals, options);
  } catch (error) {
    if (!(error instanceof EsmModulesFound)) throw error;
  }
  await moduleIndex().loadEsm();
  return walkCaptures(fn, rootPath, inspector, globals, options);
}

/**
 * Walks once with scope copies keyed by their values. Copies that look alike
 * may still be distinct contexts (two counters from two factory calls); that
 * only matters when a binding in them is written, and then the walk is redone
 * with exact identities from one heap snapshot.
 */
function walkCaptures(fn: Function, rootPath: string, inspector: Inspector, globals: GlobalIndex, options: SerializeOptions): { walker: Walker; root: GraphNode } {
  const modules = moduleIndex();
  const walker = new Walker(inspector, globals, modules, options, classify, KINDS);
  const root = walker.run(fn, rootPath);
  const ambiguous = [...contextUses(walker)].some(
    ([context, byName]) =>
      !(context.data as ContextData).singleton && [...byName.values()].some((use) => use.written && use.functions.size > 1),
  );
  if (!ambiguous) return { walker, root };
  const functions = walker.nodes.filter((node) => node.kind === "function").map((node) => node.value as Function);
  const objectIds = inspector.objectIdsOf(functions);
  const { chains } = readContextChains(inspector.post, (event, listener) => inspector.on(event, listener), objectIds);
  const exact = new Walker(inspector, globals, modules, options, classify, KINDS);
  exact.state.set("heapChains", new Map(functions.map((each, i) => [each, chains[i]!])));
  return { walker: exact, root: exact.run(fn, rootPath) };
}

function validateOptions(exportName: string, format: string): void {
  if (format !== "cjs" && format !== "esm") {
    throw new SerializationError("INVALID_OPTION", [], `option "format" must be "cjs" or "esm", got ${JSON.stringify(format)}`);
  }
  if (typeof exportName !== "string" || exportName === "") {
    throw new SerializationError("INVALID_OPTION", [], `option "exportName" must be a non-empty string, got ${JSON.stringify(exportName)}`);
  }
}

function rootContexts(nodes: readonly GraphNode[]): GraphNode[] {
  return nodes.filter((node) => node.kind === "context" && !(node.data as ContextData).parent && !(node.data as ContextData).collapsed);
}

function modulesOf(nodes: readonly GraphNode[]): string[] {
  const specifiers = new Set<string>();
  for (const node of nodes) if (node.module) specifiers.add(node.module);
  return [...specifiers].sort();
}

function capturesOf(nodes: readonly GraphNode[]): Capture[] {
  return nodes
    .filter((node) => node.kind !== "context" && node.kind !== "binding")
    .map((node) => {
      const capture: Capture = { path: node.path.toArray(), kind: node.kind, bytes: node.bytes };
      if (node.module) capture.module = node.module;
      return capture;
    });
}
