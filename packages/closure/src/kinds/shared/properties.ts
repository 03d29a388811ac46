// Own properties of any object-like value: read by descriptor (a user getter
// is never invoked), emitted either inside an object literal or as
// assignments and defineProperty calls after creation. Keys keep their
// original order; values not created yet (cycles) are assigned when they are.
import type { Emitter } from "../../emit/emitter.js";
import type { GraphNode, Slot } from "../../walk/graph.js";
import { inlinePrimitive, stringLiteral } from "../../walk/primitive.js";
import { recordHolder, type Walker } from "./walk-state.js";

/** The own properties of one value in key order, as parallel lists (a big graph has millions of properties). */
export interface Properties {
  readonly keys: readonly (string | symbol)[];
  /**
   * Each key's value: a primitive as it is (its source is made when it is
   * emitted: a big graph would keep a source string per property alive
   * until then), the value's node, or ACCESSOR.
   */
  readonly values: readonly unknown[];
  /** Each symbol key's slot; undefined when no key is a symbol. */
  readonly keySlots: ReadonlyArray<Slot | undefined> | undefined;
  /** Each descriptor that is not writable, enumerable, configurable data; undefined when there is none. */
  readonly odd: ReadonlyArray<OddDescriptor | undefined> | undefined;
}

interface OddDescriptor {
  get: Slot | undefined;
  set: Slot | undefined;
  writable: boolean;
  enumerable: boolean;
  configurable: boolean;
}

export type Integrity = "frozen" | "sealed" | "nonextensible" | undefined;

/** Reads the own properties of `target` except those `skip` names. */
export function walkProperties(
  node: GraphNode,
  target: object,
  walker: Walker,
  skip?: (key: string | symbol) => boolean,
  keys: readonly (string | symbol)[] = Reflect.ownKeys(target),
): Properties {
  const kept = skip ? keys.filter((key) => !skip(key)) : keys;
  const values = new Array<unknown>(kept.length);
  let keySlots: Array<Slot | undefined> | undefined;
  let odd: Array<OddDescriptor | undefined> | undefined;
  for (let i = 0; i < kept.length; i++) {
    const key = kept[i]!;
    const descriptor = Reflect.getOwnPropertyDescriptor(target, key)!;
    if (typeof key === "symbol") (keySlots ??= new Array(kept.length))[i] = walker.visit(node, key, { label: "[key]" }, "create");
    if ("value" in descriptor) {
      const value = descriptor.value as unknown;
      if (typeof value === "function") recordHolder(walker, value, target);
      values[i] = walker.reachValue(node, value, key, "fill");
      if (descriptor.writable && descriptor.enumerable && descriptor.configurable) continue;
      (odd ??= new Array(kept.length))[i] = {
        get: undefined,
        set: undefined,
        writable: descriptor.writable ?? false,
        enumerable: descriptor.enumerable ?? false,
        configurable: descriptor.configurable ?? false,
      };
    } else {
      values[i] = ACCESSOR;
      (odd ??= new Array(kept.length))[i] = walkAccessor(node, target, key, descriptor, walker);
    }
  }
  return { keys: kept, values, keySlots, odd };
}

function walkAccessor(node: GraphNode, target: object, key: string | symbol, descriptor: PropertyDescriptor, walker: Walker): OddDescriptor {
  const { get, set } = descriptor;
  if (typeof get === "function") recordHolder(walker, get, target);
  if (typeof set === "function") recordHolder(walker, set, target);
  return {
    get: get ? walker.visit(node, get, { label: `[get ${String(key)}]` }, "fill") : undefined,
    set: set ? walker.visit(node, set, { label: `[set ${String(key)}]` }, "fill") : undefined,
    writable: false,
    enumerable: descriptor.enumerable ?? false,
    configurable: descriptor.configurable ?? false,
  };
}

export function integrityOf(target: object): Integrity {
  if (Object.isExtensible(target)) return undefined;
  if (Object.isFrozen(target)) return "frozen";
  return Object.isSealed(target) ? "sealed" : "nonextensible";
}

/** A property key as it appears in an object literal or a member expression. */
export function keySource(props: Properties, i: number, out: Emitter): { literal: string; member: string } {
  const keySlot = props.keySlots?.[i];
  if (keySlot) {
    const symbol = out.expr(keySlot);
    return { literal: `[${symbol}]`, member: `[${symbol}]` };
  }
  const key = props.keys[i] as string;
  let source = keySources.get(key);
  if (source === undefined) {
    source = stringKeySource(key);
    if (keySources.size >= MAX_KEY_SOURCES) keySources.clear();
    keySources.set(key, source);
  }
  return source;
}

// Objects of one shape repeat their keys: each key's source is worked out once.
const keySources = new Map<string, { literal: string; member: string }>();
const MAX_KEY_SOURCES = 10_000;

function stringKeySource(key: string): { literal: string; member: string } {
  if (key === "__proto__") return { literal: `["__proto__"]`, member: `["__proto__"]` };
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return { literal: key, member: `.${key}` };
  if (/^(0|[1-9]\d{0,15})$/.test(key)) return { literal: key, member: `[${key}]` };
  const quoted = stringLiteral(key);
  return { literal: quoted, member: `[${quoted}]` };
}

/** A property without a value: a symbol, since a captured symbol is a node, never a value kept as it is. */
const ACCESSOR = Symbol("accessor");

/** Whether a kept value is a node: values kept as they are are primitives. */
function isNode(value: unknown): value is GraphNode {
  return typeof value === "object" && value !== null;
}

function isPlainData(props: Properties, i: number): boolean {
  return props.values[i] !== ACCESSOR && props.odd?.[i] === undefined;
}

function sourceOf(value: unknown, out: Emitter): string {
  return isNode(value) ? out.nameOf(value) : inlinePrimitive(value)!;
}

function isReachedReady(value: unknown, out: Emitter): boolean {
  return !isNode(value) || out.isNodeReady(value);
}

/**
 * The entries of an object literal, `a: 1, b: x`: every key in order (so
 * enumeration order is kept), with `undefined` standing in until a later
 * assignment when the value does not exist yet or the descriptor is not a
 * plain one. `rest`: the indices of those.
 */
export function literalEntries(props: Properties, out: Emitter): { entries: string; rest: readonly number[] } {
  let rest: number[] | undefined;
  const entries = new Array<string>(props.keys.length);
  for (let i = 0; i < entries.length; i++) {
    const key = keySource(props, i, out).literal;
    const value = props.values[i];
    if (isPlainData(props, i) && isReachedReady(value, out)) entries[i] = `${key}: ${sourceOf(value, out)}`;
    else {
      (rest ??= []).push(i);
      entries[i] = `${key}: undefined`;
    }
  }
  return { entries: entries.join(", "), rest: rest ?? NONE };
}

const NONE: readonly number[] = [];

/** Assigns or defines the properties (those at `only`, else all) on the created value `target`, each once its values exist. */
export function emitPropertyFills(target: string, props: Properties, out: Emitter, only?: readonly number[]): void {
  const count = only ? only.length : props.keys.length;
  for (let at = 0; at < count; at++) {
    const i = only ? only[at]! : at;
    const value = props.values[i];
    const odd = props.odd?.[i];
    const slots: Slot[] = [];
    if (isNode(value)) slots.push({ node: value });
    if (odd?.get) slots.push(odd.get);
    if (odd?.set) slots.push(odd.set);
    out.whenReady(slots, () => out.statement(fillStatement(target, props, i, out)));
  }
}

function fillStatement(target: string, props: Properties, i: number, out: Emitter): string {
  const { member } = keySource(props, i, out);
  const value = props.values[i];
  const odd = props.odd?.[i];
  if (!odd) return `${target}${member} = ${sourceOf(value, out)};`;
  const parts: string[] = [];
  if (value !== ACCESSOR) parts.push(`value: ${sourceOf(value, out)}`, `writable: ${odd.writable}`);
  if (odd.get) parts.push(`get: ${out.expr(odd.get)}`);
  if (odd.set) parts.push(`set: ${out.expr(odd.set)}`);
  parts.push(`enumerable: ${odd.enumerable}`, `configurable: ${odd.configurable}`);
  const keySlot = props.keySlots?.[i];
  const key = keySlot ? out.expr(keySlot) : stringLiteral(props.keys[i] as string);
  return `Object.defineProperty(${target}, ${key}, { ${parts.join(", ")} });`;
}

export function emitIntegrity(target: string, integrity: Integrity, out: Emitter): void {
  if (integrity === "frozen") out.final(`Object.freeze(${target});`);
  else if (integrity === "sealed") out.final(`Object.seal(${target});`);
  else if (integrity === "nonextensible") out.final(`Object.preventExtensions(${target});`);
}
