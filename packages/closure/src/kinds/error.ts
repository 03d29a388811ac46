// Errors and their subclasses: created with the native constructor of their
// brand (so they stay real errors), then message, cause and every other own
// property. The captured `stack` is dropped: it holds the deploy machine's
// paths and the copy gets a stack of its own.
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { emitBuiltinTail, walkBuiltinTail, type BuiltinTail } from "./shared/builtin-tail.js";
import type { Kind } from "./table.js";

const NATIVE_ERRORS = [EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError, Error];

export interface ErrorData {
  /** The native constructor the copy is made with. */
  base: string;
  tail: BuiltinTail;
}

export const errorKind: Kind<ErrorData> = {
  walk(node: GraphNode<ErrorData>, walker: Walker): void {
    const error = node.value as Error;
    const base = NATIVE_ERRORS.find((ctor) => ctor.prototype.isPrototypeOf(error)) ?? Error;
    node.data = {
      base: base.name,
      tail: walkBuiltinTail(node, walker, base.prototype, (key) => key === "stack"),
    };
  },
  emit(node: GraphNode<ErrorData>, out: Emitter): void {
    const { base, tail } = node.data;
    const name = out.nameOf(node);
    out.declare(node, base === "AggregateError" ? "new AggregateError([])" : `new ${base}()`);
    // The fresh error has its own non-enumerable `stack`; remove any own
    // `message`/`errors` so the captured ones are defined in their order.
    out.statement(`delete ${name}.message;`);
    if (base === "AggregateError") out.statement(`delete ${name}.errors;`);
    emitBuiltinTail(node, tail, out);
  },
};
