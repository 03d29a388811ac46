// Typed arrays, DataViews and Node Buffers. Which buffer a view gets is
// decided once the whole graph is known (the view defers itself): over an
// ArrayBuffer captured as a value, it shares that buffer; with no other
// captured view overlapping it, a Buffer copies only its own bytes (a pooled
// Buffer's ArrayBuffer is an allocation accident) and a typed array that
// spans its whole buffer is created on its own; otherwise the views of one
// buffer share a backing that keeps their offsets (kinds/array-buffer.ts).
import { types } from "node:util";
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { backingOf, bufferFactsOf, bufferSource, emitByteFills, type ByteRange } from "./array-buffer.js";
import { emitBuiltinTail, walkBuiltinTail, type BuiltinTail } from "./shared/builtin-tail.js";
import { inlinePrimitive } from "../walk/primitive.js";
import { inheritsFrom } from "../inspect/prototype-chain.js";
import type { Kind } from "./table.js";
import { isKind } from "./shared/node-data.js";

interface ViewFacts {
  /** "Float64Array"…, "DataView" or "Buffer". */
  type: string;
  buffer: ArrayBufferLike;
  byteOffset: number;
  byteLength: number;
  /** Elements of a typed array; bytes of a DataView. */
  length: number;
  /**
   * Over a resizable buffer and reaching its end: taken as length-tracking
   * (`new Uint8Array(rab)`), which JavaScript cannot tell from a fixed length.
   */
  tracking: boolean;
}

export interface ViewData {
  facts: ViewFacts;
  tail: BuiltinTail;
  /** The buffer node the view is created over; undefined for a standalone view. */
  buffer: Slot | undefined;
}

type Getter = (this: unknown) => unknown;
const getter = (proto: object, key: string | symbol): Getter => Reflect.getOwnPropertyDescriptor(proto, key)!.get as Getter;
const TYPED_ARRAY = Object.getPrototypeOf(Uint8Array.prototype) as object;
const TA = {
  tag: getter(TYPED_ARRAY, Symbol.toStringTag),
  buffer: getter(TYPED_ARRAY, "buffer"),
  byteOffset: getter(TYPED_ARRAY, "byteOffset"),
  byteLength: getter(TYPED_ARRAY, "byteLength"),
  length: getter(TYPED_ARRAY, "length"),
};
const DV = {
  buffer: getter(DataView.prototype, "buffer"),
  byteOffset: getter(DataView.prototype, "byteOffset"),
  byteLength: getter(DataView.prototype, "byteLength"),
};
const CONSTRUCTORS: Readonly<Record<string, Function>> = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
  DataView,
  Buffer,
};
/** Views up to this many elements are written as a literal list of elements. */
const LITERAL_ELEMENTS = 64;
/** Past this many elements, own keys are listed by the inspector (Reflect.ownKeys lists every index). */
const LARGE_VIEW = 4096;
const INDEX_KEY = /^(0|[1-9]\d*)$/;

function factsOf(node: GraphNode, walker: Walker): ViewFacts {
  const view = node.value as ArrayBufferView;
  if (types.isDataView(view)) {
    try {
      const byteLength = DV.byteLength.call(view) as number;
      const byteOffset = DV.byteOffset.call(view) as number;
      return withTracking({ type: "DataView", buffer: DV.buffer.call(view) as ArrayBufferLike, byteOffset, byteLength, length: byteLength });
    } catch {
      // DataView getters throw once the buffer is detached.
      walker.refuse(node, "UNSUPPORTED_VALUE", "cannot serialize a DataView over a detached ArrayBuffer");
    }
  }
  const tag = TA.tag.call(view) as string;
  return withTracking({
    type: tag === "Uint8Array" && inheritsFrom(view, Buffer.prototype) ? "Buffer" : tag,
    buffer: TA.buffer.call(view) as ArrayBufferLike,
    byteOffset: TA.byteOffset.call(view) as number,
    byteLength: TA.byteLength.call(view) as number,
    length: TA.length.call(view) as number,
  });
}

function withTracking(facts: Omit<ViewFacts, "tracking">): ViewFacts {
  const buffer = bufferFactsOf(facts.buffer);
  const reachesEnd = facts.byteOffset + facts.byteLength === buffer.byteLength;
  return { ...facts, tracking: buffer.maxByteLength !== undefined && reachesEnd && facts.type !== "Buffer" };
}

/** Own properties besides the elements, plus a subclass prototype and frozen state. */
function walkTail(node: GraphNode, walker: Walker, facts: ViewFacts): BuiltinTail {
  const defaultProto = (CONSTRUCTORS[facts.type] as { prototype: object }).prototype;
  // Reflect.ownKeys would make a string per element of a large view.
  const keys = facts.length > LARGE_VIEW ? walker.inspector.ownNonIndexKeys(node.value as object) : undefined;
  return walkBuiltinTail(node, walker, defaultProto, (key) => typeof key === "string" && INDEX_KEY.test(key), keys);
}

/** Captured views by the buffer they look into, in walk order. */
function viewsOf(walker: Walker, buffer: ArrayBufferLike): GraphNode<ViewData>[] {
  const map = walker.state.viewsByBuffer;
  let views = map.get(buffer);
  if (!views) map.set(buffer, (views = []));
  return views;
}

function rangeOf(facts: ViewFacts): ByteRange {
  return [facts.byteOffset, facts.byteOffset + facts.byteLength];
}

/**
 * The captured views of `buffer` whose bytes overlap another captured view's,
 * by a sweep over the views sorted by offset; cached until a view is added.
 */
function overlappingViews(walker: Walker, buffer: ArrayBufferLike): ReadonlySet<GraphNode> {
  const views = viewsOf(walker, buffer);
  const cache = walker.state.overlappingViews;
  const cached = cache.get(buffer);
  if (cached?.count === views.length) return cached.found;
  const sorted = views
    .map((view) => ({ view, range: rangeOf(view.data.facts) }))
    .filter(({ range }) => range[0] < range[1])
    .sort((a, b) => a.range[0] - b.range[0]);
  const found = new Set<GraphNode>();
  let maxEnd = -Infinity;
  sorted.forEach(({ view, range: [start, end] }, i) => {
    // Overlaps an earlier view, or the next one (the later view that starts first).
    const next = sorted[i + 1];
    if (start < maxEnd || (next !== undefined && next.range[0] < end)) found.add(view);
    maxEnd = Math.max(maxEnd, end);
  });
  cache.set(buffer, { count: views.length, found });
  return found;
}

/** Whether the view can be created with a buffer of its own without changing what the program sees. */
function canStandAlone(node: GraphNode, facts: ViewFacts, walker: Walker): boolean {
  const bufferFacts = bufferFactsOf(facts.buffer);
  if (bufferFacts.shared || bufferFacts.maxByteLength !== undefined || facts.type === "DataView") return false;
  if (facts.type !== "Buffer" && (facts.byteOffset !== 0 || facts.byteLength !== bufferFacts.byteLength)) return false;
  return !overlappingViews(walker, facts.buffer).has(node);
}

/** Chooses the buffer the view is created over, from the graph as it is now. */
function decide(node: GraphNode, data: ViewData, walker: Walker): void {
  const previous = data.buffer?.node;
  if (previous && isKind(previous, "array-buffer-backing")) previous.data.views.delete(node);
  const { buffer } = data.facts;
  if (walker.has(buffer)) {
    data.buffer = walker.visit(node, buffer, { label: ".buffer" }, "create");
  } else if (canStandAlone(node, data.facts, walker)) {
    data.buffer = undefined;
  } else {
    const backing = backingOf(walker, node, buffer);
    backing.data.views.set(node, { range: rangeOf(data.facts), isBuffer: data.facts.type === "Buffer" });
    node.deps.push({ node: backing, timing: "create" });
    data.buffer = { node: backing };
  }
}

export const typedArrayKind: Kind<ViewData> = {
  walk(node: GraphNode<ViewData>, walker: Walker): void {
    if (node.data === undefined) {
      const facts = factsOf(node, walker);
      viewsOf(walker, facts.buffer).push(node);
      node.data = { facts, tail: walkTail(node, walker, facts), buffer: undefined };
    } else {
      decide(node, node.data, walker);
    }
    // Walked again after every round that grows the graph: a buffer captured later changes the choice.
    walker.defer(node);
  },
  emit(node: GraphNode<ViewData>, out: Emitter): void {
    const { facts, tail, buffer } = node.data;
    if (buffer) out.declare(node, sharedCreation(facts, out.required(buffer, node)));
    else emitStandalone(node, facts, out);
    emitBuiltinTail(node, tail, out);
  },
};

function sharedCreation(facts: ViewFacts, buffer: string): string {
  const args = facts.tracking ? `${buffer}, ${facts.byteOffset}` : `${buffer}, ${facts.byteOffset}, ${facts.length}`;
  return facts.type === "Buffer" ? `Buffer.from(${args})` : `new ${facts.type}(${args})`;
}

function emitStandalone(node: GraphNode, facts: ViewFacts, out: Emitter): void {
  const bytes = new Uint8Array(facts.buffer, facts.byteOffset, facts.byteLength);
  if (facts.type === "Buffer") {
    out.declare(node, bytes.every((byte) => byte === 0) ? `Buffer.alloc(${bytes.length})` : bufferSource(bytes));
    return;
  }
  const elements = literalElements(node.value as ArrayLike<number | bigint>, facts.length);
  if (elements !== undefined) return out.declare(node, `new ${facts.type}([${elements.join(", ")}])`);
  out.declare(node, `new ${facts.type}(${facts.length})`);
  // A standalone typed array starts at offset 0 of a buffer of its own size.
  emitByteFills(`${out.nameOf(node)}.buffer`, facts.buffer, [rangeOf(facts)], out);
}

/** Element literals for a small array; undefined when bytes are needed (NaN keeps its payload only in bytes). */
function literalElements(view: ArrayLike<number | bigint>, length: number): string[] | undefined {
  if (length > LITERAL_ELEMENTS) return undefined;
  const elements: string[] = [];
  for (let i = 0; i < length; i++) {
    const element = view[i]!;
    if (typeof element === "number" && Number.isNaN(element)) return undefined;
    elements.push(inlinePrimitive(element)!);
  }
  return elements;
}
