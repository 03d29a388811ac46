// The `prototype` object of a captured user function or class. It is emitted
// as `Fn.prototype` (the object the function's own source creates), then
// completed with what the source does not create: properties added later
// (`Fn.prototype.method = …`), a changed [[Prototype]] for ES5-style
// inheritance, a non-default `constructor`. Class-body members are skipped.
import { types } from "node:util";
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { emitIntegrity, emitPropertyFills, integrityOf, walkProperties, type Integrity, type Properties } from "./shared/properties.js";
import type { Kind } from "./table.js";

export interface PrototypeData {
  owner: Slot;
  parent: Slot | undefined;
  props: Properties;
  integrity: Integrity;
}

/** Whether `value` is the prototype object of a function that is its own `constructor`. */
export function constructorOf(value: object): Function | undefined {
  // A proxy (a prototype may be one) is never a class's prototype object here: no trap runs.
  if (types.isProxy(value)) return undefined;
  const constructor = Reflect.getOwnPropertyDescriptor(value, "constructor")?.value as unknown;
  if (typeof constructor !== "function") return undefined;
  return Reflect.getOwnPropertyDescriptor(constructor, "prototype")?.value === value ? constructor : undefined;
}

export const prototypeKind: Kind<PrototypeData> = {
  walk(node: GraphNode<PrototypeData>, walker: Walker): void {
    const proto = node.value as object;
    const owner = constructorOf(proto)!;
    const ownerSource = Function.prototype.toString.call(owner);
    const isClass = /^class\b/.test(ownerSource);
    const parent = Object.getPrototypeOf(proto) as object | null;
    const skip = (key: string | symbol): boolean =>
      (key === "constructor" && isNaturalConstructor(proto)) || (isClass && isClassBodyMember(proto, key, ownerSource));
    node.data = {
      owner: walker.visit(node, owner, { label: ".constructor" }, "create"),
      parent: isClass || parent === Object.prototype ? undefined : walker.visit(node, parent, { label: ".[[Prototype]]" }, "fill"),
      props: walkProperties(node, proto, walker, skip),
      integrity: integrityOf(proto),
    };
  },
  emit(node: GraphNode<PrototypeData>, out: Emitter): void {
    const data = node.data;
    const name = out.nameOf(node);
    out.declare(node, `${out.required(data.owner, node)}.prototype`);
    const parent = data.parent;
    if (parent) out.whenReady([parent], () => out.statement(`Object.setPrototypeOf(${name}, ${out.expr(parent)});`));
    emitPropertyFills(name, data.props, out);
    emitIntegrity(name, data.integrity, out);
  },
};

function isNaturalConstructor(proto: object): boolean {
  const descriptor = Reflect.getOwnPropertyDescriptor(proto, "constructor")!;
  return !descriptor.enumerable && descriptor.writable === true && descriptor.configurable === true;
}

/** A method or accessor whose text is part of the class source was defined by the class body. */
export function isClassBodyMember(proto: object, key: string | symbol, classSource: string): boolean {
  const descriptor = Reflect.getOwnPropertyDescriptor(proto, key)!;
  const parts = [descriptor.value, descriptor.get, descriptor.set].filter((part) => part !== undefined);
  if (parts.length === 0) return false;
  return parts.every((part) => typeof part === "function" && classSource.includes(Function.prototype.toString.call(part)));
}
