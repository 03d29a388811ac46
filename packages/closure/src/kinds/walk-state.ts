// Per-walk facts shared between kind modules: the global names captured
// functions read, and the object each function was first found on (the home
// object candidate for methods that use `super`).
import type { Walker } from "../walk/walker.js";

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
