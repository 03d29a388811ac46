// Date (its time value, invalid dates included) and RegExp (source, flags
// and lastIndex, which is state a global regexp carries between calls).
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { emitBuiltinTail, walkBuiltinTail, type BuiltinTail } from "./shared/builtin-tail.js";
import { stringLiteral } from "../walk/primitive.js";
import type { Kind } from "./table.js";

export interface DateData {
  time: number;
  tail: BuiltinTail;
}

export interface RegExpData {
  source: string;
  flags: string;
  lastIndex: unknown;
  tail: BuiltinTail;
}

export const dateKind: Kind<DateData> = {
  walk(node: GraphNode<DateData>, walker: Walker): void {
    node.data = { time: Date.prototype.getTime.call(node.value), tail: walkBuiltinTail(node, walker, Date.prototype) };
  },
  emit(node: GraphNode<DateData>, out: Emitter): void {
    const { time, tail } = node.data;
    out.declare(node, `new Date(${Number.isNaN(time) ? "NaN" : String(time)})`);
    emitBuiltinTail(node, tail, out);
  },
};

export const regexpKind: Kind<RegExpData> = {
  walk(node: GraphNode<RegExpData>, walker: Walker): void {
    const regexp = node.value as RegExp;
    const lastIndex = Reflect.getOwnPropertyDescriptor(regexp, "lastIndex")!;
    node.data = {
      source: regexp.source,
      flags: regexp.flags,
      lastIndex: lastIndex.value as unknown,
      tail: walkBuiltinTail(node, walker, RegExp.prototype, (key) => key === "lastIndex"),
    };
  },
  emit(node: GraphNode<RegExpData>, out: Emitter): void {
    const { source, flags, lastIndex, tail } = node.data;
    out.declare(node, `new RegExp(${stringLiteral(source)}, ${stringLiteral(flags)})`);
    if (lastIndex !== 0 && typeof lastIndex === "number") out.statement(`${out.nameOf(node)}.lastIndex = ${lastIndex};`);
    emitBuiltinTail(node, tail, out);
  },
};
