// The identity key of a scope copy: its label, its parent's key and the
// identity of every variable's value. Two copies with equal keys hold the
// same values now; they are treated as one context unless a heap snapshot
// shows otherwise (see inspect/context-identity.ts).
import type { ScopeFacts } from "../inspect/function-facts.js";
import type { ContextLink } from "../inspect/context-identity.js";

interface KnownScope {
  variables: Record<string, unknown>;
  /** Names some placed function reads here: the only ones that must agree. */
  bound: Set<string>;
  key: string;
}

/** Scope copies seen in this walk, by parent key and label. */
export type ScopeRegistry = Map<string, KnownScope[]>;

/**
 * The key of a scope copy. It joins an earlier copy with the same parent and
 * label when every variable read from either so far holds the same value
 * (Object.is): a variable nobody reads cannot tell two contexts apart, and a
 * module scope can hold hundreds of them seen from hundreds of functions.
 * Copies that agree now may still be two contexts; that matters only for a
 * binding that is written, and then context-identity.ts decides.
 */
export function contextKeyOf(registry: ScopeRegistry, parentKey: string, scope: ScopeFacts, names: readonly string[]): string {
  const shape = `${parentKey}/${scope.description}`;
  let known = registry.get(shape);
  if (!known) {
    known = [];
    registry.set(shape, known);
  }
  const agrees = (entry: KnownScope, name: string): boolean =>
    Object.hasOwn(entry.variables, name) && Object.hasOwn(scope.variables, name) && Object.is(entry.variables[name], scope.variables[name]);
  const same = known.find((entry) => names.every((name) => agrees(entry, name)) && [...entry.bound].every((name) => agrees(entry, name)));
  if (same) {
    for (const name of names) same.bound.add(name);
    return same.key;
  }
  const key = `${shape}#${known.length}`;
  known.push({ variables: scope.variables, bound: new Set(names), key });
  return key;
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
