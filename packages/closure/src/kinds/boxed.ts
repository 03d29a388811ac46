// Boxed primitives (`new Number(1)`, `new String("a")`, `Object(1n)`,
// `Object(symbol)`): rebuilt with Object() around their primitive, then own
// properties and a subclass prototype. A String object's index properties
// and `length` come with its primitive, so they are not copied.
import { types } from "node:util";
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { emitBuiltinTail, walkBuiltinTail, type BuiltinTail } from "./shared/builtin-tail.js";
import type { Kind } from "./table.js";

export interface BoxedData {
  primitive: Slot;
  tail: BuiltinTail;
}

/** The primitive inside a boxed value and the prototype of its type, read by brand. */
function unbox(value: object): { primitive: unknown; proto: object } {
  if (types.isNumberObject(value)) return { primitive: Number.prototype.valueOf.call(value), proto: Number.prototype };
  if (types.isStringObject(value)) return { primitive: String.prototype.valueOf.call(value), proto: String.prototype };
  if (types.isBooleanObject(value)) return { primitive: Boolean.prototype.valueOf.call(value), proto: Boolean.prototype };
  if (types.isBigIntObject(value)) return { primitive: BigInt.prototype.valueOf.call(value), proto: BigInt.prototype };
  return { primitive: Symbol.prototype.valueOf.call(value), proto: Symbol.prototype };
}

/** A String object's own index keys below its length, and `length`, belong to the primitive. */
function stringKeys(primitive: unknown): ((key: string | symbol) => boolean) | undefined {
  if (typeof primitive !== "string") return undefined;
  return (key) => key === "length" || (typeof key === "string" && /^(0|[1-9]\d*)$/.test(key) && Number(key) < primitive.length);
}

export const boxedKind: Kind<BoxedData> = {
  walk(node: GraphNode<BoxedData>, walker: Walker): void {
    const { primitive, proto } = unbox(node.value as object);
    node.data = {
      primitive: walker.visit(node, primitive, { label: ".[[PrimitiveValue]]" }, "create"),
      tail: walkBuiltinTail(node, walker, proto, stringKeys(primitive)),
    };
  },
  emit(node: GraphNode<BoxedData>, out: Emitter): void {
    const { primitive, tail } = node.data;
    out.declare(node, `Object(${out.required(primitive, node)})`);
    emitBuiltinTail(node, tail, out);
  },
};
