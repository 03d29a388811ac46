// Per-walk facts shared between kind modules: the global names captured
// functions read, and the object each function was first found on (the home
// object candidate for methods that use `super`).
import type { Walker } from "../walk/walker.js";
import type { GraphNode } from "../walk/graph.js";
import type { ContextLink } from "../inspect/context-identity.js";

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

/** Exact context chains from a heap snapshot, when the walk was given them. */
export function heapChainOf(walker: Walker, fn: Function): ContextLink[] | undefined {
  return (walker.state.get("heapChains") as Map<Function, ContextLink[]> | undefined)?.get(fn);
}
