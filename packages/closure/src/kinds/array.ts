// Arrays: elements as a literal (holes stay holes, trailing holes included),
// an explicit length when it differs, and any extra own properties.
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "../walk/walker.js";
import { emitIntegrity, emitPropertyFills, integrityOf, walkProperties, type Integrity, type PropertyFact } from "./properties.js";

interface ArrayData {
  length: number;
  /** Dense element slots; undefined marks a hole. */
  elements: Array<Slot | undefined>;
  /** Non-index properties and index properties with non-default descriptors. */
  extra: PropertyFact[];
  proto: Slot | undefined;
  integrity: Integrity;
  lengthWritable: boolean;
}

export const arrayKind = {
  walk(node: GraphNode, walker: Walker): void {
    const array = node.value as unknown[];
    const elements: Array<Slot | undefined> = new Array(array.length);
    // Own keys list indices first, ascending: the first `present` keys are
    // the elements, the rest are length and extra properties.
    const keys = Reflect.ownKeys(array);
    let present = 0;
    const special: Array<string | symbol> = [];
    for (let i = 0; i < array.length; i++) {
      const descriptor = Reflect.getOwnPropertyDescriptor(array, i);
      if (!descriptor) continue;
      present++;
      if ("value" in descriptor && descriptor.writable && descriptor.enumerable && descriptor.configurable) {
        elements[i] = walker.visit(node, descriptor.value, { key: i }, "fill");
      } else special.push(String(i));
    }
    const rest = [...special, ...keys.slice(present)];
    const proto = Object.getPrototypeOf(array);
    node.data = {
      length: array.length,
      elements,
      extra: walkProperties(node, array, walker, (key) => key === "length", rest),
      proto: proto === Array.prototype ? undefined : walker.visit(node, proto, { label: ".[[Prototype]]" }, "create"),
      integrity: integrityOf(array),
      lengthWritable: Reflect.getOwnPropertyDescriptor(array, "length")!.writable === true,
    } satisfies ArrayData;
  },
  emit(node: GraphNode, out: Emitter): void {
    const data = node.data as ArrayData;
    const name = out.nameOf(node);
    const parts: string[] = [];
    const late: number[] = [];
    for (let i = 0; i < data.length; i++) {
      const slot = data.elements[i];
      if (!slot) parts.push("");
      else if (out.isReady(slot)) parts.push(out.expr(slot));
      else {
        parts.push("undefined");
        late.push(i);
      }
    }
    // A trailing hole needs one more comma: [1, ,] has length 2.
    const trailingHole = data.length > 0 && data.elements[data.length - 1] === undefined;
    out.declare(node, `[${parts.join(", ")}${trailingHole ? "," : ""}]`);
    for (const i of late) {
      const slot = data.elements[i]!;
      out.whenReady([slot], () => out.statement(`${name}[${i}] = ${out.expr(slot)};`));
    }
    if (data.proto) {
      const proto = data.proto;
      out.whenReady([proto], () => out.statement(`Object.setPrototypeOf(${name}, ${out.expr(proto)});`));
    }
    emitPropertyFills(name, data.extra, out);
    if (!data.lengthWritable) out.final(`Object.defineProperty(${name}, "length", { writable: false });`);
    emitIntegrity(name, data.integrity, out);
  },
};
