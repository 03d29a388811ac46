// The identity key of a scope copy: its label, its parent's key and the
// identity of every variable's value. Two copies with equal keys hold the
// same values now; they are treated as one context unless a heap snapshot
// shows otherwise (see inspect/context-identity.ts).
import type { ScopeFacts } from "../inspect/function-facts.js";

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
