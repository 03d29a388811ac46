// The home object of a function using `super` that is emitted on its own (an
// object literal's method, a method taken from its class, an arrow using
// `super`): `super.x` reads the prototype of that object, which is the one
// the method was defined on, wherever it is stored or called now. V8 keeps
// it in the literal's or class's context, which only a heap snapshot shows
// (inspect/heap-view.ts); the object the function was first found on stands
// in where the snapshot has none. The copy gets a home whose prototype is the
// original home's prototype at serialization.
import type { FunctionSyntax } from "../../inspect/function-syntax.js";
import { objectsOf, type Walker } from "../shared/walk-state.js";

// Function -> its home object (null: none found). A home never changes.
const known = new WeakMap<Function, object | null>();

/**
 * Calls `assign` with the prototype the copy's home object must have, once
 * the walk's queue is empty; a first walk only notes that it needs the
 * snapshot, and is walked again.
 */
export function requestHome(fn: Function, syntax: FunctionSyntax, walker: Walker, assign: (parent: object | null) => void): void {
  // Known answers wait for the queue too: the visit order must not depend on earlier calls.
  walker.afterQueue(() => {
    if (!known.has(fn)) {
      const access = walker.state.heap;
      if (access.defer) {
        access.deferred = true;
        return;
      }
      const homes = access.view.homesOf([fn], () => objectsOf(walker))[0];
      known.set(fn, homes === undefined ? null : chooseHome(fn, syntax, homes, walker));
    }
    const home = known.get(fn) ?? fallbackHome(fn, syntax, walker);
    assign(home === undefined ? Object.prototype : (Object.getPrototypeOf(home) as object | null));
  });
}

/**
 * A static method's home is its class, other methods' the prototype or the
 * literal; a class's context holds both when both kinds use `super`. The
 * source of a method taken from its class does not say `static`: the home
 * that holds the method is its own. An arrow is held by neither: a `this`
 * that is a function (the class, or a subclass) means a static method's.
 */
function chooseHome(fn: Function, syntax: FunctionSyntax, homes: { home: unknown; staticHome: unknown }, walker: Walker): object | null {
  const { home, staticHome } = homes;
  let isStatic = home === undefined;
  if (home !== undefined && staticHome !== undefined) {
    isStatic =
      syntax.form === "arrow"
        ? typeof walker.state.heap.view.thisOf([fn], () => objectsOf(walker))[0] === "function"
        : !holds(home, fn) && holds(staticHome, fn);
  }
  const chosen = isStatic ? staticHome : home;
  return typeof chosen === "object" || typeof chosen === "function" ? chosen : null;
}

function holds(home: unknown, fn: Function): boolean {
  if ((typeof home !== "object" && typeof home !== "function") || home === null) return false;
  return Reflect.ownKeys(home).some((key) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(home, key);
    return descriptor !== undefined && (descriptor.value === fn || descriptor.get === fn || descriptor.set === fn);
  });
}

/** The object the method was first found on (an arrow: its `this`'s prototype). */
function fallbackHome(fn: Function, syntax: FunctionSyntax, walker: Walker): object | undefined {
  if (syntax.form !== "arrow") return walker.state.holders.get(fn);
  const self = walker.state.heap.view.thisOf([fn], () => objectsOf(walker))[0];
  if (typeof self === "function") return self;
  return typeof self === "object" && self !== null ? ((Object.getPrototypeOf(self) as object | null) ?? undefined) : undefined;
}
