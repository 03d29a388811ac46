// The `this` an arrow function captured. V8 keeps it in a context slot that
// [[Scopes]] does not show, so it is read from a heap snapshot (the one exact
// source; inspect/heap-view.ts) and turned back into a live value while the
// snapshot's ids last. The arrows of a walk are read together, once its
// queue is empty; a first walk only notes that it needs them (see
// serialize-functions.ts). An arrow's `this` never changes once its creator
// has run, so each arrow is read once per process.
import type { Walker } from "../walk/walker.js";
import { heapAccessOf, objectsOf } from "./walk-state.js";

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
      if (unread.length > 0) {
        const access = heapAccessOf(walker);
        // A deferring walk goes on without these `this` values; it is walked again.
        if (access.defer) access.deferred = true;
        else access.view.thisOf(unread, () => objectsOf(walker)).forEach((value, i) => known.set(unread[i]!, value));
      }
      for (const request of batch) request.assign(known.get(request.fn));
    });
  }
  requests.push({ fn, assign });
}
