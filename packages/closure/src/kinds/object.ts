// Ordinary objects: plain, null-prototype and custom-prototype objects, with
// every own property by descriptor and their frozen/sealed state.
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { emitPrivateInstance, walkPrivateState, type PrivateState } from "./shared/private-state.js";
import { emitIntegrity, emitPropertyFills, integrityOf, literalEntries, walkProperties, type Integrity, type Properties } from "./shared/properties.js";
import type { Kind } from "./table.js";

/** The properties and the rest in one object: a big graph keeps one per node until it is emitted. */
export interface ObjectData extends Properties {
  /** #private fields of a class instance, made through its class's restore hooks. */
  privateState: PrivateState | undefined;
  proto: Slot;
  integrity: Integrity;
}

/** The prototype an object literal gets anyway: nothing to emit (slots are never mutated). */
const OBJECT_PROTOTYPE: Slot = { code: "" };

export const objectKind: Kind<ObjectData> = {
  walk(node: GraphNode<ObjectData>, walker: Walker): void {
    const value = node.value as object;
    const proto = Object.getPrototypeOf(value) as object | null;
    const protoSlot: Slot = proto === Object.prototype ? OBJECT_PROTOTYPE : walker.visit(node, proto, { label: ".[[Prototype]]" }, "create");
    const privateState = walkPrivateState(node, value, proto, walker);
    const { keys, values, keySlots, odd } = walkProperties(node, value, walker);
    node.data = { keys, values, keySlots, odd, privateState, proto: protoSlot, integrity: integrityOf(value) };
  },
  emit(node: GraphNode<ObjectData>, out: Emitter): void {
    const data = node.data;
    const name = out.nameOf(node);
    if (data.privateState) {
      emitPrivateInstance(node, data.privateState, data.proto, out);
      emitPropertyFills(out.nameOf(node), data, out);
      return emitIntegrity(out.nameOf(node), data.integrity, out);
    }
    const { entries, rest } = literalEntries(data, out);
    const protoReady = out.isReady(data.proto);
    const proto = data.proto.code !== "" && protoReady ? `__proto__: ${out.expr(data.proto)}` : "";
    const inside = proto === "" ? entries : entries === "" ? proto : `${proto}, ${entries}`;
    out.declare(node, inside === "" ? "{}" : `{ ${inside} }`);
    if (!protoReady) out.whenReady([data.proto], () => out.statement(`Object.setPrototypeOf(${name}, ${out.expr(data.proto)});`));
    emitPropertyFills(name, data, out, rest);
    emitIntegrity(name, data.integrity, out);
  },
};
