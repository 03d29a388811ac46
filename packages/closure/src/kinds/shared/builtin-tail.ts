// What every built-in object may carry beyond its internal data: own
// properties, a subclass prototype (class MyMap extends Map), the subclass's
// #private fields, and its frozen/sealed state. Shared by all built-in kinds.
import type { Emitter } from "../../emit/emitter.js";
import type { GraphNode, Slot } from "../../walk/graph.js";
import type { Walker } from "./walk-state.js";
import { emitIntegrity, emitPropertyFills, integrityOf, walkProperties, type Integrity, type Properties } from "./properties.js";
import { adoptPrivateState, emitAdoptedPrivateState, walkPrivateState, type PrivateState } from "./private-state.js";

export interface BuiltinTail {
  proto: Slot | undefined;
  /** #private fields of a subclass instance, installed by its class's restore hooks. */
  privateState: PrivateState | undefined;
  props: Properties;
  integrity: Integrity;
}

export function walkBuiltinTail(
  node: GraphNode,
  walker: Walker,
  defaultProto: object,
  skip?: (key: string | symbol) => boolean,
  keys?: readonly (string | symbol)[],
): BuiltinTail {
  const value = node.value as object;
  const proto = Object.getPrototypeOf(value) as object | null;
  const subclass = proto !== defaultProto;
  const privateState = subclass ? walkPrivateState(node, value, proto, walker) : undefined;
  if (privateState) adoptPrivateState(privateState);
  return {
    proto: subclass ? walker.visit(node, proto, { label: ".[[Prototype]]" }, "fill") : undefined,
    privateState,
    props: walkProperties(node, value, walker, skip, keys),
    integrity: integrityOf(value),
  };
}

export function emitBuiltinTail(node: GraphNode, tail: BuiltinTail, out: Emitter): void {
  const name = out.nameOf(node);
  const proto = tail.proto;
  if (proto) out.whenReady([proto], () => out.statement(`Object.setPrototypeOf(${name}, ${out.expr(proto)});`));
  if (tail.privateState) emitAdoptedPrivateState(name, tail.privateState, out);
  emitPropertyFills(name, tail.props, out);
  emitIntegrity(name, tail.integrity, out);
}
