// Arrays: elements as a literal (holes stay holes, trailing holes included),
// an explicit length when it differs, and any extra own properties.
import type { Emitter } from "../emit/emitter.js";
import { extendPath, type GraphNode, type Slot } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { escapeLineSeparators } from "../walk/primitive.js";
import { emitIntegrity, emitPropertyFills, integrityOf, walkProperties, type Integrity, type Properties } from "./shared/properties.js";
import type { Kind } from "./table.js";

export interface ArrayData {
  length: number;
  /** Dense element slots; undefined marks a hole. */
  elements: Array<Slot | undefined>;
  /** The whole literal, when every element is a JSON primitive. */
  literal: string | undefined;
  /** Non-index properties and index properties with non-default descriptors. */
  extra: Properties;
  proto: Slot | undefined;
  integrity: Integrity;
  lengthWritable: boolean;
}

/** From this many elements, the non-index keys are asked of V8 instead of listing every index. */
const LARGE_ARRAY = 1024;

export const arrayKind: Kind<ArrayData> = {
  walk(node: GraphNode<ArrayData>, walker: Walker): void {
    const array = node.value as unknown[];
    const length = array.length;
    const elements: Array<Slot | undefined> = new Array(length);
    // Elements that are JSON primitives are left for the end: all of them at
    // once as one literal when nothing else is there.
    const deferred = new Uint8Array(length);
    let present = 0;
    let onlyJson = true;
    const special: string[] = [];
    for (let i = 0; i < length; i++) {
      const descriptor = Reflect.getOwnPropertyDescriptor(array, i);
      if (!descriptor) {
        onlyJson = false;
        continue;
      }
      present++;
      if ("value" in descriptor && descriptor.writable && descriptor.enumerable && descriptor.configurable) {
        if (isJsonPrimitive(descriptor.value)) deferred[i] = 1;
        else {
          onlyJson = false;
          elements[i] = walker.visit(node, descriptor.value, { key: i }, "fill");
        }
      } else {
        onlyJson = false;
        special.push(String(i));
      }
    }
    const proto = Object.getPrototypeOf(array);
    // JSON.stringify writes such a literal ten times faster than element by
    // element, and reading a data property runs no code.
    const literal = onlyJson && !("toJSON" in array) ? jsonLiteral(array) : undefined;
    if (literal === undefined) {
      for (let i = 0; i < length; i++) if (deferred[i] === 1) elements[i] = walker.visit(node, array[i], { key: i }, "fill");
    } else if (walker.watchedStrings) {
      for (let i = 0; i < length; i++) {
        if (typeof array[i] === "string" && walker.watchedStrings.has(array[i] as string))
          walker.onString!(array[i] as string, () => extendPath(node.path, { key: i }).toArray());
      }
    }
    node.data = {
      length,
      elements,
      literal,
      extra: walkProperties(node, array, walker, (key) => key === "length", [...special, ...nonIndexKeys(array, present, walker)]),
      proto: proto === Array.prototype ? undefined : walker.visit(node, proto, { label: ".[[Prototype]]" }, "create"),
      integrity: integrityOf(array),
      lengthWritable: Reflect.getOwnPropertyDescriptor(array, "length")!.writable === true,
    };
  },
  emit(node: GraphNode<ArrayData>, out: Emitter): void {
    const data = node.data;
    const name = out.nameOf(node);
    if (data.literal !== undefined) out.declare(node, data.literal);
    else declareElements(node, data, out);
    if (data.proto) {
      const proto = data.proto;
      out.whenReady([proto], () => out.statement(`Object.setPrototypeOf(${name}, ${out.expr(proto)});`));
    }
    emitPropertyFills(name, data.extra, out);
    if (!data.lengthWritable) out.final(`Object.defineProperty(${name}, "length", { writable: false });`);
    emitIntegrity(name, data.integrity, out);
  },
};

function declareElements(node: GraphNode, data: ArrayData, out: Emitter): void {
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
}

/** Strings, booleans, null and numbers JSON writes as JavaScript does (not -0, NaN or ±Infinity). */
function isJsonPrimitive(value: unknown): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && (value !== 0 || 1 / value > 0);
    default:
      return value === null;
  }
}

function jsonLiteral(array: unknown[]): string | undefined {
  try {
    return escapeLineSeparators(JSON.stringify(array));
  } catch {
    return undefined;
  }
}

/** Own keys that are not indices, in order (length, extra properties, symbols). */
function nonIndexKeys(array: unknown[], present: number, walker: Walker): Array<string | symbol> {
  // Indices come first in ownKeys: the first `present` are the elements.
  return array.length < LARGE_ARRAY ? Reflect.ownKeys(array).slice(present) : walker.inspector.ownNonIndexKeys(array);
}
