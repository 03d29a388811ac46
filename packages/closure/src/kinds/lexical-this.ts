// The `this` an arrow function captured. V8 keeps it in a context slot that
// [[Scopes]] does not show, so it is read from a heap snapshot (the one exact
// source) and turned back into a live value while the snapshot's ids last.
// A snapshot costs as much as the whole heap (a second with the AWS SDK
// loaded), so the arrows of a walk are read together, once its queue is
// empty: one snapshot per round, not one per arrow. An arrow's `this` never
// changes once its creator has run, so each arrow is read once per process.
import type { Walker } from "../walk/walker.js";
import type { Inspector } from "../inspect/inspector.js";
import { readContextChains } from "../inspect/context-identity.js";
import { isObjectLike } from "../inspect/object-like.js";

interface Request {
  fn: Function;
  assign: (value: unknown) => void;
}

const STATE_KEY = "lexical-this";
// Arrow -> its `this`. The arrow keeps that value alive anyway.
const known = new WeakMap<Function, unknown>();

/** Calls `assign` with the `this` that arrow `fn` captured, once the walk's queue is empty. */
export function requestLexicalThis(walker: Walker, fn: Function, assign: (value: unknown) => void): void {
  let requests = walker.state.get(STATE_KEY) as Request[] | undefined;
  if (!requests) walker.state.set(STATE_KEY, (requests = []));
  if (requests.length === 0) {
    // Known values wait for the batch too: the visit order, and so the
    // output, must not depend on what earlier calls read.
    walker.afterQueue(() => {
      const batch = requests.splice(0);
      const unread = [...new Set(batch.map((request) => request.fn).filter((fn) => !known.has(fn)))];
      if (unread.length > 0) readLexicalThis(walker.inspector, unread, objectsOf(walker)).forEach((value, i) => known.set(unread[i]!, value));
      for (const request of batch) request.assign(known.get(request.fn));
    });
  }
  requests.push({ fn, assign });
}

/**
 * The `this` each arrow captured, from one heap snapshot; undefined where it
 * holds none. `candidates` are values that may be one of them (the walk's
 * objects so far): found in the snapshot itself, not searched for.
 */
function readLexicalThis(inspector: Inspector, fns: readonly Function[], candidates: readonly unknown[]): unknown[] {
  const objectIds = inspector.objectIdsOf(fns);
  const reading = {
    candidates,
    candidatesObjectId: inspector.objectIdOf(candidates),
    liveValues: (ids: readonly string[]) => inspector.liveValuesById(ids),
  };
  const { chains, thisValues } = readContextChains(inspector.post, (event, listener) => inspector.on(event, listener), objectIds, reading);
  // The innermost context with a `this` slot holds the arrow's `this`. No
  // live value: the arrow was created where `this` is undefined (strict
  // module code), or the slot holds an oddball (see context-identity.ts).
  return chains.map((chain) => {
    const link = chain.find((each) => each.thisId !== undefined);
    return link === undefined ? undefined : thisValues.get(link);
  });
}

/** The objects and functions the walk has met: an arrow's `this` is most often one of them. */
function objectsOf(walker: Walker): unknown[] {
  return walker.nodes.map((node) => node.value).filter(isObjectLike);
}
