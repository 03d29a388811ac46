// Built-ins whose state lives in internal slots with no literal form:
// WeakRef (rebuilt around its target, if still alive), Intl formatters
// (rebuilt from their resolved options) and FinalizationRegistry (refused:
// its callbacks and registrations cannot be read). Recognised by brand
// checks, i.e. calling a built-in method that throws on anything else.
import { types } from "node:util";
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { emitBuiltinTail, walkBuiltinTail, type BuiltinTail } from "./shared/builtin-tail.js";
import { stringLiteral } from "../walk/primitive.js";
import type { Kind } from "./table.js";

const INTL_NAMES = ["Collator", "DateTimeFormat", "DisplayNames", "ListFormat", "NumberFormat", "PluralRules", "RelativeTimeFormat", "Segmenter"];

function intlConstructors(): Array<[string, { prototype: { resolvedOptions: () => unknown } }]> {
  const intl = Intl as unknown as Record<string, { prototype: { resolvedOptions: () => unknown } } | undefined>;
  return INTL_NAMES.flatMap((name) => (intl[name] ? [[name, intl[name]!] as [string, { prototype: { resolvedOptions: () => unknown } }]] : []));
}

function passesBrand(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

type SlotKind = "weak-ref" | "finalization-registry" | "intl";

let prototypes: Map<object, SlotKind> | undefined;

/** Prototype -> kind, so most objects are classified without a brand check (a thrown error each). */
function knownPrototypes(): Map<object, SlotKind> {
  prototypes ??= new Map<object, SlotKind>([
    [WeakRef.prototype, "weak-ref"],
    [FinalizationRegistry.prototype, "finalization-registry"],
    ...intlConstructors().map(([, ctor]): [object, SlotKind] => [ctor.prototype, "intl"]),
  ]);
  return prototypes;
}

/** The internal-slot kind of an object, if it has one (checked by brand, so a look-alike is not). */
export function classifyInternalSlots(value: object): SlotKind | undefined {
  const table = knownPrototypes();
  let kind: SlotKind | undefined;
  // A proxy on the chain ends the search before its getPrototypeOf trap could run.
  for (
    let proto = Object.getPrototypeOf(value) as object | null;
    proto && !kind && !types.isProxy(proto);
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    kind = table.get(proto);
  }
  if (kind === "weak-ref") return passesBrand(() => WeakRef.prototype.deref.call(value as WeakRef<object>)) ? kind : undefined;
  // unregister() with a token never registered changes nothing.
  if (kind === "finalization-registry") {
    return passesBrand(() => FinalizationRegistry.prototype.unregister.call(value as FinalizationRegistry<unknown>, {})) ? kind : undefined;
  }
  if (kind === "intl") {
    return intlConstructors().some(([, ctor]) => passesBrand(() => ctor.prototype.resolvedOptions.call(value))) ? kind : undefined;
  }
  return undefined;
}

export interface WeakRefData {
  target: Slot;
  tail: BuiltinTail;
}

export interface IntlData {
  /** The Intl constructor's name. */
  name: string;
  options: Record<string, unknown>;
  tail: BuiltinTail;
}

export const weakRefKind: Kind<WeakRefData> = {
  walk(node: GraphNode<WeakRefData>, walker: Walker): void {
    const target = WeakRef.prototype.deref.call(node.value as WeakRef<object>);
    node.data = {
      target: walker.visit(node, target, { label: ".deref()" }, "create"),
      tail: walkBuiltinTail(node, walker, WeakRef.prototype),
    };
  },
  emit(node: GraphNode<WeakRefData>, out: Emitter): void {
    const { target, tail } = node.data;
    // A target collected before serialization has no copy: an empty WeakRef
    // cannot be made, so the copy holds a fresh object nobody else references.
    const expression = target.code === "undefined" ? "{}" : out.required(target, node);
    out.declare(node, `new WeakRef(${expression})`);
    emitBuiltinTail(node, tail, out);
  },
};

export const intlKind: Kind<IntlData> = {
  walk(node: GraphNode<IntlData>, walker: Walker): void {
    const value = node.value as object;
    const [name, ctor] = intlConstructors().find(([, each]) => passesBrand(() => each.prototype.resolvedOptions.call(value)))!;
    const options = ctor.prototype.resolvedOptions.call(value) as Record<string, unknown>;
    node.data = { name, options, tail: walkBuiltinTail(node, walker, ctor.prototype) };
  },
  emit(node: GraphNode<IntlData>, out: Emitter): void {
    const { name, options, tail } = node.data;
    const locale = typeof options["locale"] === "string" ? stringLiteral(options["locale"]) : "undefined";
    out.declare(node, `new Intl.${name}(${locale}, ${JSON.stringify(options)})`);
    emitBuiltinTail(node, tail, out);
  },
};

export const finalizationRegistryKind: Kind<undefined> = {
  walk(node: GraphNode<undefined>, walker: Walker): void {
    walker.refuse(node, "UNSUPPORTED_VALUE", "cannot serialize a FinalizationRegistry", "create the registry inside the handler");
  },
  emit(): void {},
};
