// Per-walk facts shared between kind modules: the global names captured
// functions read, the object each function was first found on (the home
// object candidate for methods that use `super`), and how the walk reads the
// heap snapshot.
import type { Walker } from "../walk/walker.js";
import type { GraphNode } from "../walk/graph.js";
import type { ContextLink } from "../inspect/context-identity.js";
import type { HeapView } from "../inspect/heap-view.js";
import { isObjectLike } from "../inspect/object-like.js";

export function globalNamesOf(walker: Walker): Set<string> {
  let names = walker.state.get("globalNames") as Set<string> | undefined;
  if (!names) {
    names = new Set();
    walker.state.set("globalNames", names);
  }
  return names;
}

function holders(walker: Walker): Map<Function, object> {
  let map = walker.state.get("holders") as Map<Function, object> | undefined;
  if (!map) {
    map = new Map();
    walker.state.set("holders", map);
  }
  return map;
}

export function recordHolder(walker: Walker, fn: Function, holder: object): void {
  const map = holders(walker);
  if (!map.has(fn)) map.set(fn, holder);
}

export function holderOf(walker: Walker, fn: Function): object | undefined {
  return holders(walker).get(fn);
}

export interface BindingUse {
  functions: Set<GraphNode>;
  written: boolean;
}

/** Per context, per binding: which functions read it and whether any writes it. */
export function contextUses(walker: Walker): Map<GraphNode, Map<string, BindingUse>> {
  let uses = walker.state.get("contextUses") as Map<GraphNode, Map<string, BindingUse>> | undefined;
  if (!uses) {
    uses = new Map();
    walker.state.set("contextUses", uses);
  }
  return uses;
}

export function recordContextUse(walker: Walker, context: GraphNode, fn: GraphNode, name: string, writes: boolean): void {
  const uses = contextUses(walker);
  let byName = uses.get(context);
  if (!byName) uses.set(context, (byName = new Map()));
  let use = byName.get(name);
  if (!use) byName.set(name, (use = { functions: new Set(), written: false }));
  use.functions.add(fn);
  use.written ||= writes;
}

/**
 * How a walk reads what only a heap snapshot shows (an arrow's `this`, which
 * copies of a scope are one context). See serialize-functions.ts.
 */
export interface HeapAccess {
  /** The snapshot of the whole serializeFunctions call. */
  readonly view: HeapView;
  /** A first walk: note what needs the snapshot (`deferred`) instead of taking it. */
  readonly defer: boolean;
  deferred: boolean;
  /** Contexts keyed by heap identity, not by their values. */
  readonly exact: boolean;
}

export function heapAccessOf(walker: Walker): HeapAccess {
  const access = walker.state.get("heap") as HeapAccess | undefined;
  if (!access) throw new Error("a walk needs a HeapAccess in its state");
  return access;
}

/** Exact context chains from the heap snapshot, when the walk keys contexts by them. */
export function heapChainOf(walker: Walker, fn: Function): ContextLink[] | undefined {
  const access = heapAccessOf(walker);
  return access.exact ? access.view.chainsOf([fn], () => objectsOf(walker))[0] : undefined;
}

/** The objects and functions the walk has met: an arrow's `this` is most often one of them. */
export function objectsOf(walker: Walker): unknown[] {
  return walker.nodes.map((node) => node.value).filter(isObjectLike);
}
