// The `this` an arrow function captured. V8 keeps it in a context slot that
// [[Scopes]] does not show, so it is read from a heap snapshot (the one exact
// source; inspect/heap-view.ts) and turned back into a live value while the
// snapshot's ids last. The arrows of a walk are read together, once its
// queue is empty; a first walk only notes that it needs them (see
// serialize-functions.ts). An arrow's `this` never changes once its creator
// has run, so each arrow is read once per process.
import { objectsOf, type Walker } from "../shared/walk-state.js";

// Arrow -> its `this`. The arrow keeps that value alive anyway.
const known = new WeakMap<Function, unknown>();

/** Calls `assign` with the `this` that arrow `fn` captured, once the walk's queue is empty. */
export function requestLexicalThis(walker: Walker, fn: Function, assign: (value: unknown) => void): void {
  const requests = walker.state.lexicalThis;
  if (requests.length === 0) {
    // Known values wait for the batch too: the visit order, and so the
    // output, must not depend on what earlier calls read.
    walker.afterQueue(() => {
      const batch = requests.splice(0);
      const unread = [...new Set(batch.map((request) => request.fn).filter((fn) => !known.has(fn)))];
      if (unread.length > 0) {
        const access = walker.state.heap;
        // A deferring walk goes on without these `this` values; it is walked again.
        if (access.defer) access.deferred = true;
        else access.view.thisOf(unread, () => objectsOf(walker)).forEach((value, i) => known.set(unread[i]!, value));
      }
      for (const request of batch) request.assign(known.get(request.fn));
    });
  }
  requests.push({ fn, assign });
}
