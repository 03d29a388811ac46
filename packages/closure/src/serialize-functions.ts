// serializeFunctions: the functions of one program in one pass, each result
// what serializeFunction gives for it alone. Every function is walked first
// without a heap snapshot, noting what only a snapshot tells (an arrow's
// `this`; which copies of a written scope are one context). If any walk
// needed it, one snapshot is taken for all of them and those walks run
// again reading it. The mechanism lives in walk/ and emit/, the policy per
// kind of value in kinds/.
import { SerializationError } from "./errors.js";
import type { FunctionToSerialize, SerializedFunction, SerializeOptions } from "./options.js";
import { openInspector, type Inspector } from "./inspect/inspector.js";
import { globalIndex, type GlobalIndex } from "./inspect/global-index.js";
import { moduleIndex } from "./inspect/module-index.js";
import { HeapView } from "./inspect/heap-view.js";
import { Walker } from "./walk/walker.js";
import { KINDS } from "./kinds/table.js";
import { classify } from "./kinds/classify.js";
import { EsmModulesFound } from "./kinds/function.js";
import { forgetRefusalsByPrototype } from "./kinds/refused.js";
import { forgetRebuildMethods } from "./kinds/rebuilt.js";
import { refusePackageSymbols } from "./kinds/symbol.js";
import { checkFreshLoads } from "./kinds/reference/fresh-check.js";
import { readPendingBlobs } from "./kinds/web-builtins/blob-bytes.js";
import { newSessionState, newWalkState, objectsOf, type HeapAccess, type SessionState, type Walker as KindsWalker } from "./kinds/shared/walk-state.js";
import { emitWalk } from "./emit-walk.js";
import { rebuildAfterRefusal } from "./rebuild-from-module.js";
import { EnvironmentValues } from "./environment-values.js";
import type { GraphNode } from "./walk/graph.js";

/** One walk of one function, and how it read the heap. */
export interface Walk {
  walker: KindsWalker;
  root: GraphNode;
  access: HeapAccess;
}

interface Call {
  inspector: Inspector;
  globals: GlobalIndex;
  view: HeapView;
  /** State every walk of the call shares (rebuild recipes). */
  session: SessionState;
  /** Environment variable names by value, read once per call. */
  environment: ReadonlyMap<string, readonly string[]>;
}

/**
 * Serializes many functions together: one inspector session and at most one
 * heap snapshot for all of them. Results are in the order of `items`; the
 * first function that cannot be serialized rejects the whole call.
 */
export async function serializeFunctions(items: readonly FunctionToSerialize[]): Promise<SerializedFunction[]> {
  if (!Array.isArray(items)) {
    throw new SerializationError(
      "INVALID_OPTION",
      [],
      `serializeFunctions: expected an array of { fn, options? }, got ${items === null ? "null" : typeof items}`,
    );
  }
  const checked = items.map((item, i) => checkItem(item, i));
  const inspector = openInspector();
  forgetRefusalsByPrototype();
  forgetRebuildMethods();
  const call: Call = {
    inspector,
    globals: globalIndex(),
    view: new HeapView(inspector),
    session: newSessionState(),
    environment: EnvironmentValues.read(process.env),
  };
  try {
    const walks: Walk[] = [];
    for (const item of checked) walks.push(await walkFunction(item, call, { defer: true, exact: false }));
    const again = walks.map((walk) => walk.access.deferred || isAmbiguous(walk.walker));
    if (again.includes(true)) {
      call.view.take(new Set(walks.filter((_, i) => again[i]).flatMap((walk) => objectsOf(walk.walker))));
      for (const [i, item] of checked.entries()) if (again[i]) walks[i] = await walkExactly(item, call, walks[i]!);
    }
    for (const [i, item] of checked.entries()) walks[i] = await checkWalk(item, call, walks[i]!);
    return walks.map((walk, i) => emitWalk(walk, checked[i]!.options));
  } finally {
    call.view.close();
    inspector.releaseSoon();
  }
}

/**
 * The checks of a finished walk (package references against a fresh load,
 * package symbols). A value they refuse that a module-level binding holds is
 * rebuilt from its module, and the function walked again.
 */
async function checkWalk(item: CheckedItem, call: Call, walk: Walk): Promise<Walk> {
  for (;;) {
    try {
      await checkFreshLoads(walk.walker);
      refusePackageSymbols(walk.walker);
      return walk;
    } catch (error) {
      if (!(error instanceof SerializationError)) throw error;
      rebuildAfterRefusal(error, walk.walker, call.inspector);
      walk = await walkFunction(item, call, { defer: false, exact: walk.access.exact });
    }
  }
}

interface CheckedItem {
  fn: Function;
  options: SerializeOptions & { exportName: string; format: "cjs" | "esm" };
}

/** Validates one item; the error names the option and, in a batch, the item. */
export function checkItem(item: FunctionToSerialize, index: number | undefined): CheckedItem {
  const where = index === undefined ? "" : `serializeFunctions: item ${index}: `;
  if (typeof item !== "object" || item === null) {
    throw new SerializationError("INVALID_OPTION", [], `${where}expected { fn, options? }, got ${item === null ? "null" : typeof item}`);
  }
  const { fn, options = {} } = item;
  if (typeof fn !== "function") {
    throw new SerializationError(
      "NOT_A_FUNCTION",
      [],
      `${where}expected a function, got ${fn === null ? "null" : typeof fn}`,
      "pass the function itself, e.g. serializeFunction(handler)",
    );
  }
  const exportName = options.exportName ?? "handler";
  const format = options.format ?? "cjs";
  if (format !== "cjs" && format !== "esm") {
    throw new SerializationError("INVALID_OPTION", [], `${where}option "format" must be "cjs" or "esm", got ${JSON.stringify(format)}`);
  }
  if (typeof exportName !== "string" || exportName === "") {
    throw new SerializationError("INVALID_OPTION", [], `${where}option "exportName" must be a non-empty string, got ${JSON.stringify(exportName)}`);
  }
  return { fn, options: { ...options, exportName, format } };
}

/**
 * Walks after the snapshot: `this` values read from it, and contexts keyed
 * by heap identity when the first walk found copies that may be distinct
 * contexts, or when this walk does (values reached only through a `this`).
 */
async function walkExactly(item: CheckedItem, call: Call, first: Walk): Promise<Walk> {
  const exact = isAmbiguous(first.walker);
  if (exact) call.view.chainsOf(functionsOf(first.walker), () => []);
  const walk = await walkFunction(item, call, { defer: false, exact });
  if (exact || !isAmbiguous(walk.walker)) return walk;
  call.view.chainsOf(functionsOf(walk.walker), () => []);
  return walkFunction(item, call, { defer: false, exact: true });
}

/**
 * The first capture of a function from an ES module can reveal packages'
 * ES modules the index has not read. The walk stops there; they are loaded
 * (asynchronously, see ModuleIndex.loadEsm) and the walk starts again, so
 * their values are referenced, not copied. Nothing new is parsed during a
 * walk, so this happens at most once per walk. Blobs met without their
 * bytes (read asynchronously, kinds/web-builtins/blob-bytes.ts) are read, then walked again.
 */
async function walkFunction(item: CheckedItem, call: Call, mode: { defer: boolean; exact: boolean }): Promise<Walk> {
  let walk: Walk;
  try {
    walk = walkOnce(item, call, mode);
  } catch (error) {
    if (!(error instanceof EsmModulesFound)) throw error;
    await moduleIndex().loadEsm();
    walk = walkOnce(item, call, mode);
  }
  return (await readPendingBlobs(walk.walker)) ? walkOnce(item, call, mode) : walk;
}

/**
 * One walk; a refused value that a module's top-level binding holds is
 * rebuilt from its module instead (rebuild-from-module.ts) and the walk runs
 * again, once per such binding at most.
 */
function walkOnce(item: CheckedItem, call: Call, mode: { defer: boolean; exact: boolean }): Walk {
  for (;;) {
    const environment = new EnvironmentValues(call.environment, item.options.allowEnvironmentSecrets === true);
    const access: HeapAccess = { view: call.view, defer: mode.defer, deferred: false, exact: mode.exact };
    const state = newWalkState(access, environment);
    const walker = new Walker(call.inspector, call.globals, moduleIndex(), item.options, classify, KINDS, state, call.session);
    walker.watchedStrings = call.environment;
    walker.onString = (value, path) => environment.check(value, path);
    try {
      const root = walker.run(item.fn, item.options.exportName);
      return { walker, root, access };
    } catch (error) {
      if (!(error instanceof SerializationError)) throw error;
      rebuildAfterRefusal(error, walker, call.inspector);
    }
  }
}

/**
 * Scope copies keyed by their values may still be distinct contexts (two
 * counters from two factory calls); that only matters when a binding in
 * them is written and read by more than one function.
 */
function isAmbiguous(walker: KindsWalker): boolean {
  return [...walker.state.contextUses].some(
    ([context, byName]) => !context.data.singleton && [...byName.values()].some((use) => use.written && use.functions.size > 1),
  );
}

function functionsOf(walker: KindsWalker): Function[] {
  return walker.nodesOfKind("function").map((node) => node.value as Function);
}
