// Arguments objects (an arrow reads its enclosing function's `arguments`, or
// a function returned its own). Emitted as a real arguments object,
// `(function () { return arguments; })(a, b)`, then completed with other own
// properties. The output is strict, so the copy is an unmapped arguments
// object: its `callee` throws and its elements are not aliased to parameters.
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { emitBuiltinTail, walkBuiltinTail, type BuiltinTail } from "./shared/builtin-tail.js";
import type { Kind } from "./table.js";

export interface ArgumentsData {
  /** One per argument passed; undefined for a deleted index. */
  elements: Array<Slot | undefined>;
  tail: BuiltinTail;
}

/** Arguments passed at most, so a huge `length` written by the program does not become a call. */
const MAX_ARGUMENTS = 65_535;

/** The number of arguments to pass: the own `length` when it is an ordinary count. */
function countOf(args: object): number {
  const length = Reflect.getOwnPropertyDescriptor(args, "length")?.value as unknown;
  return Number.isSafeInteger(length) && (length as number) >= 0 && (length as number) <= MAX_ARGUMENTS ? (length as number) : 0;
}

function isPlainDescriptor(descriptor: PropertyDescriptor | undefined, enumerable: boolean): boolean {
  return (
    descriptor !== undefined &&
    "value" in descriptor &&
    descriptor.writable === true &&
    descriptor.enumerable === enumerable &&
    descriptor.configurable === true
  );
}

export const argumentsKind: Kind<ArgumentsData> = {
  walk(node: GraphNode<ArgumentsData>, walker: Walker): void {
    const args = node.value as object;
    const count = countOf(args);
    const handled = new Set<string | symbol>(["callee"]);
    const elements: Array<Slot | undefined> = [];
    for (let i = 0; i < count; i++) {
      const descriptor = Reflect.getOwnPropertyDescriptor(args, i);
      if (isPlainDescriptor(descriptor, true)) {
        elements.push(walker.visit(node, descriptor!.value, { key: i }, "fill"));
        handled.add(String(i));
      } else {
        elements.push(undefined);
      }
    }
    const length = Reflect.getOwnPropertyDescriptor(args, "length");
    if (isPlainDescriptor(length, false) && length!.value === count) handled.add("length");
    const iterator = Reflect.getOwnPropertyDescriptor(args, Symbol.iterator);
    if (isPlainDescriptor(iterator, false) && iterator!.value === Array.prototype.values) handled.add(Symbol.iterator);
    node.data = {
      elements,
      tail: walkBuiltinTail(node, walker, Object.prototype, (key) => handled.has(key)),
    };
  },
  emit(node: GraphNode<ArgumentsData>, out: Emitter): void {
    const { elements, tail } = node.data;
    const name = out.nameOf(node);
    const list = elements.map((slot) => (slot && out.isReady(slot) ? out.expr(slot) : "undefined"));
    out.declare(node, `(function () { return arguments; })(${list.join(", ")})`);
    elements.forEach((slot, i) => {
      // A deleted index is deleted again; one with another descriptor is redefined by the tail.
      if (!slot) return out.statement(`delete ${name}[${i}];`);
      if (!out.isReady(slot)) out.whenReady([slot], () => out.statement(`${name}[${i}] = ${out.expr(slot)};`));
    });
    emitBuiltinTail(node, tail, out);
  },
};
