// Date (its time value, invalid dates included) and RegExp (source, flags
// and lastIndex, which is state a global regexp carries between calls).
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode } from "../walk/graph.js";
import type { Walker } from "../walk/walker.js";
import { emitBuiltinTail, walkBuiltinTail, type BuiltinTail } from "./builtin-tail.js";
import { stringLiteral } from "./primitive.js";

export const dateKind = {
  walk(node: GraphNode, walker: Walker): void {
    node.data = { time: Date.prototype.getTime.call(node.value), tail: walkBuiltinTail(node, walker, Date.prototype) };
  },
  emit(node: GraphNode, out: Emitter): void {
    const { time, tail } = node.data as { time: number; tail: BuiltinTail };
    out.declare(node, `new Date(${Number.isNaN(time) ? "NaN" : String(time)})`);
    emitBuiltinTail(node, tail, out);
  },
};

export const regexpKind = {
  walk(node: GraphNode, walker: Walker): void {
    const regexp = node.value as RegExp;
    const lastIndex = Reflect.getOwnPropertyDescriptor(regexp, "lastIndex")!;
    node.data = {
      source: regexp.source,
      flags: regexp.flags,
      lastIndex: lastIndex.value as unknown,
      tail: walkBuiltinTail(node, walker, RegExp.prototype, (key) => key === "lastIndex"),
    };
  },
  emit(node: GraphNode, out: Emitter): void {
    const { source, flags, lastIndex, tail } = node.data as { source: string; flags: string; lastIndex: unknown; tail: BuiltinTail };
    out.declare(node, `new RegExp(${stringLiteral(source)}, ${stringLiteral(flags)})`);
    if (lastIndex !== 0 && typeof lastIndex === "number") out.statement(`${out.nameOf(node)}.lastIndex = ${lastIndex};`);
    emitBuiltinTail(node, tail, out);
  },
};
