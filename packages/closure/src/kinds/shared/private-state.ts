// #private fields of a captured class instance: read through the inspector,
// matched to the class in the instance's chain that declares each one (V8
// lists them base class first, and a subclass may reuse a parent's name),
// and written back through the restore hooks of that class (see
// private-restore.ts). Every user class on the chain gets hooks, so making
// the instance runs no user constructor body.
import type { Emitter } from "../../emit/emitter.js";
import type { GraphNode, Slot } from "../../walk/graph.js";
import type { Walker } from "./walk-state.js";
import { constructorOf } from "../prototype.js";

export interface PrivateState {
  /** The instance's own class: its hooks make the instance. */
  owner: GraphNode;
  fields: Array<{ declaredBy: GraphNode; name: string; value: Slot }>;
}

export interface StaticPrivate {
  name: string;
  value: Slot;
}

/**
 * Static #private fields of a captured class: its initialisers run again in
 * the copy, so the values they held when serialized (a registry filled at
 * module level) are set through the class's restore hooks. Private methods
 * and accessors are part of the source and are not listed by V8 as values.
 */
export function walkStaticPrivates(node: GraphNode, cls: Function, source: string, walker: Walker): StaticPrivate[] {
  if (!/#[A-Za-z_$]/.test(source)) return [];
  const fields = walker.inspector.internalsOf(cls).privates.filter((field) => field.value !== undefined);
  if (fields.length === 0) return [];
  const values = walker.inspector.liveValues(fields.map((field) => field.value!));
  node.privateFields ??= new Set();
  return fields.map((field, i) => {
    node.privateFields!.add(field.name);
    return { name: field.name, value: walker.visit(node, values[i], { label: `.${field.name}` }, "fill") };
  });
}

export function emitStaticPrivates(name: string, node: GraphNode, fields: readonly StaticPrivate[], out: Emitter): void {
  for (const field of fields) {
    out.whenReady([field.value], () => out.statement(`${node.restoreName!}.set(${name}, ${JSON.stringify(field.name)}, ${out.expr(field.value)});`));
  }
}

/** The private state of `value`, or undefined when it has none. */
export function walkPrivateState(node: GraphNode, value: object, proto: object | null, walker: Walker): PrivateState | undefined {
  if (proto === null || proto === Object.prototype) return undefined;
  const owner = constructorOf(proto);
  if (!owner) return undefined;
  const chain = userClassChain(owner, walker);
  if (!chain.some((cls) => cls.source.includes("#"))) return undefined;
  const fields = walker.inspector.internalsOf(value).privates.filter((field) => field.value !== undefined);
  if (fields.length === 0) return undefined;
  const baseFirst = chain.reverse();
  const used = baseFirst.map(() => new Set<string>());
  const nodes = baseFirst.map((cls) => walker.visit(node, cls.fn, { label: ".constructor" }, "create").node);
  const values = walker.inspector.liveValues(fields.map((field) => field.value!));
  let cursor = 0;
  const state: PrivateState = { owner: nodes[nodes.length - 1]!, fields: [] };
  fields.forEach((field, i) => {
    let k = cursor;
    while (k < baseFirst.length && (!declares(baseFirst[k]!.source, field.name) || used[k]!.has(field.name))) k++;
    const declaredBy = nodes[k];
    if (k === baseFirst.length || declaredBy?.kind !== "function") refuse(node, owner, walker);
    used[k]!.add(field.name);
    cursor = k;
    state.fields.push({ declaredBy: declaredBy!, name: field.name, value: walker.visit(node, values[i], { label: `.${field.name}` }, "fill") });
  });
  for (const [k, classNode] of nodes.entries()) {
    if (classNode?.kind !== "function") refuse(node, owner, walker);
    classNode.privateFields ??= new Set();
    for (const name of used[k]!) classNode.privateFields.add(name);
  }
  state.owner.restoreChain = nodes.slice(0, -1) as GraphNode[];
  return state;
}

function refuse(node: GraphNode, owner: Function, walker: Walker): never {
  const what = owner.name || "an anonymous class";
  const specifier = walker.modules.referenceOf(owner)?.specifier;
  const where = specifier ? ` from package ${specifier}` : "";
  walker.refuse(node, "PRIVATE_STATE", `cannot serialize private state of a ${what}${where}`, "create the instance inside the handler, or capture a factory");
}

/** The class and its ancestors while they are classes the output defines (not built-ins or package classes). */
function userClassChain(owner: Function, walker: Walker): Array<{ fn: Function; source: string }> {
  const chain: Array<{ fn: Function; source: string }> = [];
  for (let cls: unknown = owner; typeof cls === "function"; cls = Object.getPrototypeOf(cls)) {
    if (chain.length > 0 && (walker.modules.referenceOf(cls) || walker.globals.pathOf(cls))) break;
    const source = Function.prototype.toString.call(cls);
    if (!/^class\b/.test(source)) break;
    chain.push({ fn: cls as Function, source });
  }
  return chain;
}

/** Whether a class body (not its heritage) mentions the private name. */
function declares(classSource: string, name: string): boolean {
  return new RegExp(`${name}(?![\\w$])`).test(classSource.replace(/^class[^{]*/, ""));
}

export function emitPrivateInstance(node: GraphNode, state: PrivateState, proto: Slot, out: Emitter): void {
  const name = out.nameOf(node);
  out.declare(node, `${state.owner.restoreName!}.make()`);
  if (proto.node) {
    out.whenReady([proto], () => {
      const expected = out.expr(proto);
      out.statement(`if (Object.getPrototypeOf(${name}) !== ${expected}) Object.setPrototypeOf(${name}, ${expected});`);
    });
  }
  emitPrivateFields(name, state, out);
}

/**
 * A built-in instance of a class with #private fields (class Bus extends
 * EventTarget { #seen }), made through the built-in's API: the class's hooks
 * install its fields on it (`adopt`), then set their values.
 */
export function adoptPrivateState(state: PrivateState): void {
  state.owner.adoptsBuiltin = true;
}

export function emitAdoptedPrivateState(name: string, state: PrivateState, out: Emitter): void {
  out.whenReady([{ node: state.owner }], () => out.statement(`${state.owner.restoreName!}.adopt(${name});`));
  emitPrivateFields(name, state, out);
}

function emitPrivateFields(name: string, state: PrivateState, out: Emitter): void {
  for (const field of state.fields) {
    const hooks = field.declaredBy.restoreName!;
    out.whenReady([field.value], () => out.statement(`${hooks}.set(${name}, ${JSON.stringify(field.name)}, ${out.expr(field.value)});`));
  }
}
