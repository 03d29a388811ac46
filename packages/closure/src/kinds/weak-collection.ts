// WeakMap and WeakSet. Their entries are read through the inspector
// ([[Entries]]); only those whose key is reachable from the rest of the
// captured graph are kept, which are exactly the entries the function can
// observe. Reachability is only known at the end of the walk and grows as
// kept values reach more keys, so the node defers itself until the walker
// reports a round that added nothing (walk/walker.ts).
import { types } from "node:util";
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { emitBuiltinTail, walkBuiltinTail, type BuiltinTail } from "./shared/builtin-tail.js";
import type { Kind } from "./table.js";

export interface WeakData {
  isMap: boolean;
  /** Every live entry, read once; a WeakSet's values are its keys. */
  entries: Array<{ key: object; value: unknown }>;
  /** Entries whose key has a node, in key walk order. */
  kept: Array<{ key: Slot; value: Slot | undefined }>;
  tail: BuiltinTail;
}

function readEntries(collection: object, isMap: boolean, walker: Walker): WeakData["entries"] {
  const remote = walker.inspector.internalsOf(collection).internal.get("[[Entries]]");
  if (!remote) return [];
  const [list] = walker.inspector.liveValues([remote]) as [ArrayLike<{ key?: object; value: unknown }>];
  // The list has a null prototype (no array methods). Its order is the hash
  // table's, which differs per process: kept entries are sorted by key node.
  return Array.prototype.map.call(list, (entry: { key?: object; value: unknown }) =>
    isMap ? { key: entry.key!, value: entry.value } : { key: entry.value as object, value: undefined },
  ) as WeakData["entries"];
}

function keepReachable(node: GraphNode, data: WeakData, walker: Walker): void {
  const reachable = data.entries.filter((entry) => walker.has(entry.key)).sort((a, b) => walker.nodeOf(a.key)!.id - walker.nodeOf(b.key)!.id);
  data.kept = reachable.map(({ key, value }, i) => ({
    key: walker.visit(node, key, { label: `.[[Entries]][${i}].key` }, "fill"),
    value: data.isMap ? walker.visit(node, value, { label: `.get(…)` }, "fill") : undefined,
  }));
}

export const weakCollectionKind: Kind<WeakData> = {
  walk(node: GraphNode<WeakData>, walker: Walker): void {
    if (node.data === undefined) {
      const isMap = types.isWeakMap(node.value);
      node.data = {
        isMap,
        entries: readEntries(node.value as object, isMap, walker),
        kept: [],
        tail: walkBuiltinTail(node, walker, isMap ? WeakMap.prototype : WeakSet.prototype),
      };
    } else {
      keepReachable(node, node.data, walker);
    }
    walker.defer(node);
  },
  emit(node: GraphNode<WeakData>, out: Emitter): void {
    const { isMap, kept, tail } = node.data;
    const name = out.nameOf(node);
    out.declare(node, isMap ? "new WeakMap()" : "new WeakSet()");
    for (const { key, value } of kept) {
      const slots = value ? [key, value] : [key];
      out.whenReady(slots, () => out.statement(isMap ? `${name}.set(${out.expr(key)}, ${out.expr(value!)});` : `${name}.add(${out.expr(key)});`));
    }
    emitBuiltinTail(node, tail, out);
  },
};
