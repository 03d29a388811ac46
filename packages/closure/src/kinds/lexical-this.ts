// The `this` an arrow function captured. V8 keeps it in a context slot that
// [[Scopes]] does not show, so it is read from a heap snapshot (the one exact
// source) and turned back into a live value while the snapshot's ids last.
import type { Walker } from "../walk/walker.js";
import { readContextChains } from "../inspect/context-identity.js";

export function readLexicalThis(walker: Walker, fn: Function): unknown {
  const inspector = walker.inspector;
  let found: { value: unknown } | undefined;
  try {
    readContextChains(inspector.post, (event, listener) => inspector.on(event, listener), [inspector.objectIdOf(fn)], (_link, objectId) => {
      found ??= { value: inspector.liveValue(objectId) };
    });
  } catch (error) {
    // V8 will not hand out oddballs by heap id: the slot holds `undefined`
    // (top-level `this` of an ES module) or `null`.
    if (!String((error as Error).message).includes("Object is not available")) throw error;
  }
  // No `this` slot: the arrow was created where `this` is undefined (strict module code).
  return found?.value;
}
