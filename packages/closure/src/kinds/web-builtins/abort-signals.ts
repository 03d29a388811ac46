// AbortController and AbortSignal, rebuilt through their public API. A
// signal whose controller is captured too is that controller's `signal` in
// the copy (aborting one aborts the other); an aborted signal is
// AbortSignal.abort(reason); a composite one is AbortSignal.any of its
// sources again. A signal that would abort on a timer, or that has listeners
// (their callbacks cannot be read back), is refused.
import type { Emitter } from "../../emit/emitter.js";
import type { GraphNode } from "../../walk/graph.js";
import type { Walker } from "../shared/walk-state.js";

export type Rebuild = { args: unknown[]; make: (args: string[], out: Emitter, node: GraphNode) => string } | { refuse: string; hint: string };

const signalOf = getter(AbortController, "signal") as (this: AbortController) => AbortSignal;
const abortedOf = getter(AbortSignal, "aborted") as (this: AbortSignal) => boolean;
const reasonOf = getter(AbortSignal, "reason") as (this: AbortSignal) => unknown;

function getter(ctor: { prototype: object }, key: string): (this: unknown) => unknown {
  return Reflect.getOwnPropertyDescriptor(ctor.prototype, key)!.get!;
}

export function brandController(value: object): unknown {
  return signalOf.call(value as AbortController);
}

export function brandSignal(value: object): unknown {
  return abortedOf.call(value as AbortSignal);
}

/** Node keeps an event target's state under symbols of its own (kEvents, kTimeout, kSourceSignals…). */
export function internalSlot(target: object, description: string): unknown {
  const key = Object.getOwnPropertySymbols(target).find((symbol) => symbol.description === description);
  return key === undefined ? undefined : (target as Record<symbol, unknown>)[key];
}

/** Listeners of an EventTarget: Node keeps them in a Map of its own (a SafeMap, not this realm's Map). */
export function listenerCount(target: object): number {
  const events = internalSlot(target, "kEvents") as { size?: unknown } | undefined;
  return typeof events?.size === "number" ? events.size : 0;
}

export function rebuildController(controller: AbortController, node: GraphNode, walker: Walker): Rebuild {
  const signal = signalOf.call(controller);
  if (!abortedOf.call(signal) && listenerCount(signal) > 0) {
    return {
      refuse: "cannot serialize an AbortController whose signal has listeners",
      hint: "create the AbortController and add the listeners inside the handler",
    };
  }
  walker.state.abortOwners.set(signal, node);
  const captured = walker.state.abortSignals.get(signal);
  if (captured) linkSignal(captured, node);
  return {
    args: [abortedOf.call(signal), reasonOf.call(signal)],
    make: ([aborted, reason]) => `((c) => (${aborted} && c.abort(${reason}), c))(new AbortController())`,
  };
}

export function rebuildSignal(signal: AbortSignal, node: GraphNode, walker: Walker): Rebuild {
  walker.state.abortSignals.set(signal, node);
  const owner = walker.state.abortOwners.get(signal);
  if (owner) linkSignal(node, owner);
  if (abortedOf.call(signal)) return { args: [reasonOf.call(signal)], make: ([reason]) => `AbortSignal.abort(${reason})` };
  if (listenerCount(signal) > 0) {
    return { refuse: "cannot serialize an AbortSignal with listeners", hint: "create the signal and add the listeners inside the handler" };
  }
  if (internalSlot(signal, "kTimeout") === true) {
    return { refuse: "cannot serialize an AbortSignal.timeout() signal that has not fired", hint: "call AbortSignal.timeout() inside the handler" };
  }
  if (internalSlot(signal, "kComposite") === true) return compositeOf(signal);
  // Nothing where the copy runs holds its controller: it never aborts there either.
  return { args: [], make: () => "new AbortController().signal" };
}

/**
 * AbortSignal.any(sources): Node holds the sources as WeakRefs (a collected
 * one could not abort it anyway), and none for AbortSignal.any([]).
 */
function compositeOf(signal: AbortSignal): Rebuild {
  const sources = (internalSlot(signal, "kSourceSignals") ?? []) as Iterable<WeakRef<AbortSignal>>;
  if (typeof sources[Symbol.iterator] !== "function") {
    return { refuse: "cannot serialize this AbortSignal.any() signal: its sources cannot be read", hint: "call AbortSignal.any() inside the handler" };
  }
  const live = [...sources].map((ref) => WeakRef.prototype.deref.call(ref)).filter((each) => each !== undefined);
  return { args: [live], make: ([list]) => `AbortSignal.any(${list})` };
}

/** The signal is made as its controller's `signal`, once the controller exists. */
function linkSignal(signalNode: GraphNode, controllerNode: GraphNode): void {
  ownerOf.set(signalNode, controllerNode);
  signalNode.deps.push({ node: controllerNode, timing: "create" });
}

const ownerOf = new WeakMap<GraphNode, GraphNode>();

/** The expression of a signal whose controller is captured too, else undefined. */
export function ownedSignal(node: GraphNode, out: Emitter): string | undefined {
  const owner = ownerOf.get(node);
  return owner && `${out.required({ node: owner }, node)}.signal`;
}
