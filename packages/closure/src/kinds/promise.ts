// Promises, by their state as the inspector reads it: a fulfilled promise is
// emitted already fulfilled with its (walked) value; pending and rejected
// promises are refused, since neither can be recreated faithfully.
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { emitBuiltinTail, walkBuiltinTail, type BuiltinTail } from "./shared/builtin-tail.js";
import type { Kind } from "./table.js";

export interface PromiseData {
  value: Slot;
  tail: BuiltinTail;
}

export const promiseKind: Kind<PromiseData> = {
  walk(node: GraphNode<PromiseData>, walker: Walker): void {
    const { internal } = walker.inspector.internalsOf(node.value as object);
    const state = internal.get("[[PromiseState]]")?.value;
    if (state === "pending") {
      walker.refuse(node, "PENDING_PROMISE", "cannot serialize a pending Promise", "await it before serializing, or capture the function that produces it");
    }
    if (state !== "fulfilled") {
      walker.refuse(
        node,
        "REJECTED_PROMISE",
        "cannot serialize a rejected Promise",
        "handle the rejection before serializing, or capture the function that produces the promise",
      );
    }
    const [value] = walker.inspector.liveValues([internal.get("[[PromiseResult]]")!]);
    node.data = {
      value: walker.visit(node, value, { label: ".[[PromiseResult]]" }, "fill"),
      tail: walkBuiltinTail(node, walker, Promise.prototype),
    };
  },
  emit(node: GraphNode<PromiseData>, out: Emitter): void {
    const { value, tail } = node.data;
    if (out.isReady(value)) {
      out.declare(node, `Promise.resolve(${out.expr(value)})`);
    } else {
      // The value needs the promise first (a cycle): resolve it once the value
      // exists, still while the module loads, before any handler can run.
      const resolve = out.names.allocate(`${node.hint}_resolve`);
      out.statement(`let ${resolve};`);
      out.declare(node, `new Promise((resolve) => { ${resolve} = resolve; })`);
      out.whenReady([value], () => out.statement(`${resolve}(${out.expr(value)});`));
    }
    emitBuiltinTail(node, tail, out);
  },
};
