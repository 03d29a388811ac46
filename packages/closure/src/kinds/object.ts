// Ordinary objects: plain, null-prototype and custom-prototype objects, with
// every own property by descriptor and their frozen/sealed state.
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "../walk/walker.js";
import { constructorOf } from "./prototype.js";
import { emitIntegrity, emitPropertyFills, integrityOf, literalEntries, walkProperties, type Integrity, type PropertyFact } from "./properties.js";

interface ObjectData {
  /** The class whose restore hooks make this instance, when it has #private fields. */
  privateClass: GraphNode | undefined;
  privates: Array<[string, Slot]>;
  proto: Slot;
  props: PropertyFact[];
  integrity: Integrity;
}

export const objectKind = {
  walk(node: GraphNode, walker: Walker): void {
    const value = node.value as object;
    const proto = Object.getPrototypeOf(value) as object | null;
    const protoSlot: Slot = proto === Object.prototype ? { code: "" } : walker.visit(node, proto, { label: ".[[Prototype]]" }, "create");
    const { privateClass, privates } = walkPrivateState(node, value, proto, walker);
    node.data = { privateClass, privates, proto: protoSlot, props: walkProperties(node, value, walker), integrity: integrityOf(value) } satisfies ObjectData;
  },
  emit(node: GraphNode, out: Emitter): void {
    const data = node.data as ObjectData;
    const name = out.nameOf(node);
    if (data.privateClass) return emitPrivateInstance(node, data, out);
    const { entries, rest } = literalEntries(data.props, out);
    const protoReady = out.isReady(data.proto);
    if (data.proto.code !== "" && protoReady) entries.unshift(`__proto__: ${out.expr(data.proto)}`);
    out.declare(node, entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`);
    if (!protoReady) out.whenReady([data.proto], () => out.statement(`Object.setPrototypeOf(${name}, ${out.expr(data.proto)});`));
    emitPropertyFills(name, rest, out);
    emitIntegrity(name, data.integrity, out);
  },
};

function walkPrivateState(node: GraphNode, value: object, proto: object | null, walker: Walker): Pick<ObjectData, "privateClass" | "privates"> {
  if (proto === null || proto === Object.prototype) return { privateClass: undefined, privates: [] };
  const owner = constructorOf(proto);
  if (!owner || !Function.prototype.toString.call(owner).includes("#")) return { privateClass: undefined, privates: [] };
  const fields = walker.inspector.internalsOf(value).privates.filter((field) => field.value !== undefined);
  if (fields.length === 0) return { privateClass: undefined, privates: [] };
  const classSlot = walker.visit(node, owner, { label: ".constructor" }, "create");
  const source = Function.prototype.toString.call(owner);
  const foreign = fields.find((field) => !new RegExp(`${field.name}\\b`).test(source.replace(/^class[^{]*/, "")));
  if (classSlot.node?.kind !== "function" || foreign) {
    const what = owner.name || "an anonymous class";
    const specifier = walker.modules.referenceOf(owner)?.specifier;
    const where = specifier ? ` from package ${specifier}` : "";
    walker.refuse(node, "PRIVATE_STATE", `cannot serialize private state of a ${what}${where}`, "create the instance inside the handler, or capture a factory");
  }
  const classNode = classSlot.node!;
  classNode.privateFields ??= new Set();
  const values = walker.inspector.liveValues(fields.map((field) => field.value!));
  const privates = fields.map((field, i): [string, Slot] => {
    classNode.privateFields!.add(field.name);
    return [field.name, walker.visit(node, values[i], { label: `.${field.name}` }, "fill")];
  });
  return { privateClass: classNode, privates };
}

function emitPrivateInstance(node: GraphNode, data: ObjectData, out: Emitter): void {
  const name = out.nameOf(node);
  const hooks = data.privateClass!.restoreName!;
  out.declare(node, `${hooks}.make()`);
  if (data.proto.code === "" || data.proto.node !== undefined) {
    out.whenReady([data.proto], () => {
      const proto = data.proto.code === "" ? "Object.prototype" : out.expr(data.proto);
      out.statement(`if (Object.getPrototypeOf(${name}) !== ${proto}) Object.setPrototypeOf(${name}, ${proto});`);
    });
  }
  for (const [field, slot] of data.privates) {
    out.whenReady([slot], () => out.statement(`${hooks}.set(${name}, ${JSON.stringify(field)}, ${out.expr(slot)});`));
  }
  emitPropertyFills(name, data.props, out);
  emitIntegrity(name, data.integrity, out);
}
