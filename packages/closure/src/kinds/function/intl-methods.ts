// Methods an Intl object hands out already bound to itself: `format` of a
// NumberFormat or DateTimeFormat and `compare` of a Collator
// (`const format = new Intl.NumberFormat("de").format`). They are native
// functions no module exports; V8 keeps their object in their context, which
// only a heap snapshot shows (inspect/heap-view.ts). Such a method is emitted
// as its object's getter, the object being rebuilt from its resolved options
// (internal-slots.ts); any other native function is refused as before.
import type { Emitter } from "../../emit/emitter.js";
import type { GraphNode, Slot } from "../../walk/graph.js";
import { objectsOf, type Walker } from "../shared/walk-state.js";
import type { FunctionData } from "../function.js";

interface BoundMethod {
  ctor: { prototype: object; name: string };
  key: "format" | "compare";
}

const METHODS: readonly BoundMethod[] = [
  { ctor: Intl.NumberFormat, key: "format" },
  { ctor: Intl.DateTimeFormat, key: "format" },
  { ctor: Intl.Collator, key: "compare" },
];

export interface IntlMethodData {
  intlMethod: { owner: Slot; method: BoundMethod; viaGetter: boolean } | undefined;
}

/** A native function that may be one: anonymous, and format's or compare's length. */
export function isIntlMethodCandidate(fn: Function): boolean {
  const name = Reflect.getOwnPropertyDescriptor(fn, "name");
  const length = Reflect.getOwnPropertyDescriptor(fn, "length");
  return name?.value === "" && (length?.value === 1 || length?.value === 2);
}

// Method -> the object it is bound to (null: not an Intl method). Bound for good.
const known = new WeakMap<Function, { owner: object; method: BoundMethod } | null>();

/**
 * Finds the object `node`'s function is bound to, once the walk's queue is
 * empty (a first walk only notes that it needs the snapshot, and is walked
 * again); calls `refuse` when it is no Intl method.
 */
export function walkIntlMethod(node: GraphNode<FunctionData>, walker: Walker, refuse: () => never): void {
  const fn = node.value as Function;
  node.data = { intlMethod: undefined };
  // Known answers wait for the queue too: the visit order must not depend on earlier calls.
  walker.afterQueue(() => {
    if (!known.has(fn)) {
      const access = walker.state.heap;
      if (access.defer) {
        access.deferred = true;
        return;
      }
      known.set(fn, boundTo(fn, access.view.contextObjectsOf([fn], () => objectsOf(walker))[0]!));
    }
    const found = known.get(fn);
    if (!found) refuse();
    const owner = walker.visit(node, found.owner, { label: `.[[${found.method.ctor.name}]]` }, "create");
    const viaGetter = Object.getPrototypeOf(found.owner) !== found.method.ctor.prototype;
    node.data = { intlMethod: { owner, method: found.method, viaGetter } };
  });
}

function boundTo(fn: Function, objects: readonly unknown[]): { owner: object; method: BoundMethod } | null {
  for (const owner of objects) {
    if (typeof owner !== "object" || owner === null) continue;
    for (const method of METHODS) {
      try {
        if (getterOf(method).call(owner) === fn) return { owner, method };
      } catch {
        // not an object of this Intl type
      }
    }
  }
  return null;
}

function getterOf(method: BoundMethod): (this: unknown) => unknown {
  return Reflect.getOwnPropertyDescriptor(method.ctor.prototype, method.key)!.get!;
}

/** `formatter.format`; through the built-in getter when the object's class may override it. */
export function emitIntlMethod(node: GraphNode, data: IntlMethodData, out: Emitter): void {
  const { owner, method, viaGetter } = data.intlMethod!;
  const object = out.required(owner, node);
  const ctor = `Intl.${method.ctor.name}`;
  out.declare(node, viaGetter ? `Object.getOwnPropertyDescriptor(${ctor}.prototype, "${method.key}").get.call(${object})` : `${object}.${method.key}`);
}
