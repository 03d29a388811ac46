// Map and Set: entries in insertion order, keys and values with identity,
// plus own properties and a subclass prototype.
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { emitBuiltinTail, walkBuiltinTail, type BuiltinTail } from "./shared/builtin-tail.js";
import type { Kind } from "./table.js";

export interface CollectionData {
  entries: Array<[Slot, Slot | undefined]>;
  tail: BuiltinTail;
}

function walkEntries(node: GraphNode, walker: Walker, entries: Iterable<[unknown, unknown]>, isMap: boolean): Array<[Slot, Slot | undefined]> {
  const result: Array<[Slot, Slot | undefined]> = [];
  let i = 0;
  for (const [key, value] of entries) {
    const keySlot = walker.visit(node, key, { label: isMap ? `.keys()[${i}]` : `.values()[${i}]` }, "fill");
    const valueSlot = isMap ? walker.visit(node, value, { label: `.get(${describeKey(key)})` }, "fill") : undefined;
    result.push([keySlot, valueSlot]);
    i++;
  }
  return result;
}

function describeKey(key: unknown): string {
  return typeof key === "string" ? JSON.stringify(key) : typeof key === "object" || typeof key === "function" ? "…" : String(key);
}

function emitCollection(node: GraphNode<CollectionData>, out: Emitter, isMap: boolean): void {
  const data = node.data;
  const name = out.nameOf(node);
  const ready = data.entries.every(([key, value]) => out.isReady(key) && (!value || out.isReady(value)));
  if (ready) {
    const items = data.entries.map(([key, value]) => (isMap ? `[${out.expr(key)}, ${out.expr(value!)}]` : out.expr(key)));
    out.declare(node, items.length === 0 ? `new ${isMap ? "Map" : "Set"}()` : `new ${isMap ? "Map" : "Set"}([${items.join(", ")}])`);
  } else {
    // Entries must be added in order, so all of them wait for the last missing one.
    out.declare(node, `new ${isMap ? "Map" : "Set"}()`);
    const slots = data.entries.flatMap(([key, value]) => (value ? [key, value] : [key]));
    out.whenReady(slots, () => {
      for (const [key, value] of data.entries) {
        out.statement(isMap ? `${name}.set(${out.expr(key)}, ${out.expr(value!)});` : `${name}.add(${out.expr(key)});`);
      }
    });
  }
  emitBuiltinTail(node, data.tail, out);
}

export const mapKind: Kind<CollectionData> = {
  walk(node: GraphNode<CollectionData>, walker: Walker): void {
    const map = node.value as Map<unknown, unknown>;
    const entries = walkEntries(node, walker, Map.prototype.entries.call(map), true);
    node.data = { entries, tail: walkBuiltinTail(node, walker, Map.prototype) };
  },
  emit(node: GraphNode<CollectionData>, out: Emitter): void {
    emitCollection(node, out, true);
  },
};

export const setKind: Kind<CollectionData> = {
  walk(node: GraphNode<CollectionData>, walker: Walker): void {
    const set = node.value as Set<unknown>;
    const entries = walkEntries(node, walker, Set.prototype.entries.call(set) as Iterable<[unknown, unknown]>, false);
    node.data = { entries, tail: walkBuiltinTail(node, walker, Set.prototype) };
  },
  emit(node: GraphNode<CollectionData>, out: Emitter): void {
    emitCollection(node, out, false);
  },
};
