// The identity key of a scope copy: its label, its parent's key and the
// identity of every variable's value. Two copies with equal keys hold the
// same values now; they are treated as one context unless a heap snapshot
// shows otherwise (see inspect/context-identity.ts).
import type { ScopeFacts } from "../../inspect/function-facts.js";
import type { ContextLink } from "../../inspect/context-identity.js";

interface KnownScope {
  /** Value of each binding read so far: what the emitted context will hold. */
  bound: Map<string, unknown>;
  key: string;
}

interface Shape {
  entries: KnownScope[];
  /** name -> value -> entries binding it, so a lookup costs the function's names, not the entry count. */
  byBinding: Map<string, Map<unknown, KnownScope[]>>;
  /** How many entries bind each name. */
  counts: Map<string, number>;
}

/** Scope copies seen in this walk, by parent key and label. */
export type ScopeRegistry = Map<string, Shape>;

/**
 * The key of a scope copy. It joins an earlier copy with the same parent and
 * label when every variable this function reads holds the value the context
 * already binds (Object.is), so every function sees its own values; the cost
 * is the function's own names, not the scope's size (a module scope can hold
 * hundreds of variables seen from hundreds of functions) nor the number of
 * contexts (a chain of 2,000 closures has 2,000). Copies that agree may still
 * be two contexts; that matters only for a written binding, and then
 * context-identity.ts decides from a heap snapshot.
 */
export function contextKeyOf(registry: ScopeRegistry, parentKey: string, scope: ScopeFacts, names: readonly string[]): string {
  const id = `${parentKey}/${scope.description}`;
  let shape = registry.get(id);
  if (!shape) {
    shape = { entries: [], byBinding: new Map(), counts: new Map() };
    registry.set(id, shape);
  }
  let entry = findEntry(shape, scope, names);
  if (!entry) {
    entry = { bound: new Map(), key: `${id}#${shape.entries.length}` };
    shape.entries.push(entry);
  }
  for (const name of names) {
    if (entry.bound.has(name)) continue;
    const value = scope.variables[name];
    entry.bound.set(name, value);
    shape.counts.set(name, (shape.counts.get(name) ?? 0) + 1);
    let byValue = shape.byBinding.get(name);
    if (!byValue) shape.byBinding.set(name, (byValue = new Map()));
    const list = byValue.get(value);
    if (list) list.push(entry);
    else byValue.set(value, [entry]);
  }
  return entry.key;
}

function findEntry(shape: Shape, scope: ScopeFacts, names: readonly string[]): KnownScope | undefined {
  const agrees = (entry: KnownScope): boolean => names.every((name) => !entry.bound.has(name) || Object.is(entry.bound.get(name), scope.variables[name]));
  const first = names[0];
  if (first === undefined) return shape.entries[0];
  const byValue = shape.byBinding.get(first);
  // Map keys use SameValueZero; agrees() re-checks with Object.is (-0 vs 0).
  const found = byValue?.get(scope.variables[first])?.find(agrees);
  if (found) return found;
  if (shape.counts.get(first) === shape.entries.length) return undefined;
  return shape.entries.find((entry) => !entry.bound.has(first) && agrees(entry));
}

/**
 * Exact keys from a heap snapshot's context chain, one per scope index, or
 * undefined when the chain cannot be lined up with [[Scopes]]. [[Scopes]]
 * hides synthetic slots (`this`, `.new.target`, private names) and contexts
 * left with no visible variable; script contexts are shown merged.
 */
export function heapKeysOf(scopes: readonly ScopeFacts[], links: readonly ContextLink[]): Array<string | undefined> | undefined {
  const visible = links.filter((link) => link.kind !== "script" && (link.kind === "with" || link.names.some(isVisibleName)));
  const keys: Array<string | undefined> = scopes.map(() => undefined);
  let next = 0;
  for (let i = 0; i < scopes.length; i++) {
    const scope = scopes[i]!;
    if (scope.kind === "global" || scope.kind === "script") continue;
    const link = visible[next++];
    if (!link) return undefined;
    const names = new Set(link.names);
    if (!Object.keys(scope.variables).every((name) => names.has(name))) return undefined;
    keys[i] = `heap:${link.id}`;
  }
  return next === visible.length ? keys : undefined;
}

function isVisibleName(name: string): boolean {
  return name !== "this" && !name.startsWith(".") && !name.startsWith("#");
}
