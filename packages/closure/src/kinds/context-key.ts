// The identity key of a scope copy: its label, its parent's key and the
// identity of every variable's value. Two copies with equal keys hold the
// same values now; they are treated as one context unless a heap snapshot
// shows otherwise (see inspect/context-identity.ts).
import type { ScopeFacts } from "../inspect/function-facts.js";
import type { ContextLink } from "../inspect/context-identity.js";

const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;

export function contextKeyOf(parentKey: string, scope: ScopeFacts): string {
  const parts: string[] = [];
  for (const name of Object.keys(scope.variables)) parts.push(`${name}=${identityOf(scope.variables[name])}`);
  return `${parentKey}/${scope.description}{${parts.join(",")}}`;
}

function identityOf(value: unknown): string {
  if ((typeof value === "object" && value !== null) || typeof value === "function") {
    let id = objectIds.get(value);
    if (id === undefined) {
      id = nextObjectId++;
      objectIds.set(value, id);
    }
    return `#${id}`;
  }
  if (typeof value === "symbol") return `s:${String(value.description)}`;
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" && Object.is(value, -0)) return "-0";
  return `${typeof value}:${String(value)}`;
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
