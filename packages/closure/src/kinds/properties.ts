// Own properties of any object-like value: read by descriptor (a user getter
// is never invoked), emitted either inside an object literal or as
// assignments and defineProperty calls after creation. Keys keep their
// original order; values not created yet (cycles) are assigned when they are.
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "../walk/walker.js";
import { stringLiteral } from "./primitive.js";
import { recordHolder } from "./walk-state.js";

export interface PropertyFact {
  key: string | symbol;
  keySlot: Slot | undefined;
  value: Slot | undefined;
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
): PropertyFact[] {
  const facts: PropertyFact[] = [];
  for (const key of keys) {
    if (skip?.(key)) continue;
    const descriptor = Reflect.getOwnPropertyDescriptor(target, key)!;
    const keySlot = typeof key === "symbol" ? walker.visit(node, key, { label: "[key]" }, "create") : undefined;
    const accessor = "get" in descriptor || "set" in descriptor;
    if (typeof descriptor.value === "function") recordHolder(walker, descriptor.value, target);
    if (typeof descriptor.get === "function") recordHolder(walker, descriptor.get, target);
    if (typeof descriptor.set === "function") recordHolder(walker, descriptor.set, target);
    facts.push({
      key,
      keySlot,
      value: accessor ? undefined : walker.visitProperty(node, descriptor.value, key, "fill"),
      get: descriptor.get ? walker.visit(node, descriptor.get, { label: `[get ${String(key)}]` }, "fill") : undefined,
      set: descriptor.set ? walker.visit(node, descriptor.set, { label: `[set ${String(key)}]` }, "fill") : undefined,
      writable: descriptor.writable ?? false,
      enumerable: descriptor.enumerable ?? false,
      configurable: descriptor.configurable ?? false,
    });
  }
  return facts;
}

export function integrityOf(target: object): Integrity {
  if (Object.isExtensible(target)) return undefined;
  if (Object.isFrozen(target)) return "frozen";
  return Object.isSealed(target) ? "sealed" : "nonextensible";
}

/** A property key as it appears in an object literal or a member expression. */
export function keySource(fact: PropertyFact, out: Emitter): { literal: string; member: string } {
  if (fact.keySlot) {
    const symbol = out.expr(fact.keySlot);
    return { literal: `[${symbol}]`, member: `[${symbol}]` };
  }
  const key = fact.key as string;
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

export function isPlainData(fact: PropertyFact): boolean {
  return fact.value !== undefined && fact.writable && fact.enumerable && fact.configurable;
}

/**
 * Entries for an object literal: every key in order (so enumeration order is
 * kept), with `undefined` standing in until a later assignment when the
 * value does not exist yet or the descriptor is not a plain one.
 */
export function literalEntries(facts: readonly PropertyFact[], out: Emitter): { entries: string[]; rest: PropertyFact[] } {
  const rest: PropertyFact[] = [];
  const entries = facts.map((fact) => {
    const key = keySource(fact, out).literal;
    const ready = isPlainData(fact) && out.isReady(fact.value!);
    if (!ready) rest.push(fact);
    return `${key}: ${ready ? out.expr(fact.value!) : "undefined"}`;
  });
  return { entries, rest };
}

/** Assigns or defines `facts` on the created value `target`, each once its values exist. */
export function emitPropertyFills(target: string, facts: readonly PropertyFact[], out: Emitter): void {
  for (const fact of facts) {
    const slots = [fact.value, fact.get, fact.set].filter((slot): slot is Slot => slot !== undefined);
    out.whenReady(slots, () => out.statement(fillStatement(target, fact, out)));
  }
}

function fillStatement(target: string, fact: PropertyFact, out: Emitter): string {
  const { member } = keySource(fact, out);
  if (isPlainData(fact)) return `${target}${member} = ${out.expr(fact.value!)};`;
  const parts: string[] = [];
  if (fact.value) parts.push(`value: ${out.expr(fact.value)}`, `writable: ${fact.writable}`);
  if (fact.get) parts.push(`get: ${out.expr(fact.get)}`);
  if (fact.set) parts.push(`set: ${out.expr(fact.set)}`);
  parts.push(`enumerable: ${fact.enumerable}`, `configurable: ${fact.configurable}`);
  const key = fact.keySlot ? out.expr(fact.keySlot) : stringLiteral(fact.key as string);
  return `Object.defineProperty(${target}, ${key}, { ${parts.join(", ")} });`;
}

export function emitIntegrity(target: string, integrity: Integrity, out: Emitter): void {
  if (integrity === "frozen") out.final(`Object.freeze(${target});`);
  else if (integrity === "sealed") out.final(`Object.seal(${target});`);
  else if (integrity === "nonextensible") out.final(`Object.preventExtensions(${target});`);
}
