// ArrayBuffer and SharedArrayBuffer, copied whole (resizable ones keep their
// maxByteLength). One only reached through views (kinds/typed-array.ts)
// becomes a synthetic "backing" of the same size, also copied whole unless it
// looks like a slab of Node's Buffer pool: then only the bytes the captured
// views cover travel, since the rest is other allocations' data.
import { types } from "node:util";
import type { Emitter } from "../emit/emitter.js";
import { extendPath, type GraphNode } from "../walk/graph.js";
import type { Walker } from "./shared/walk-state.js";
import { emitBuiltinTail, walkBuiltinTail, type BuiltinTail } from "./shared/builtin-tail.js";
import type { Kind } from "./table.js";

export interface BufferFacts {
  shared: boolean;
  byteLength: number;
  /** Set for resizable (growable) buffers. */
  maxByteLength: number | undefined;
}

/** A byte range [start, end) of a buffer. */
export type ByteRange = readonly [number, number];

/** What a backing knows of a view that uses it. */
export interface BackedView {
  range: ByteRange;
  isBuffer: boolean;
}

export interface BackingData {
  buffer: ArrayBufferLike;
  facts: BufferFacts;
  /** Every view that uses this backing, set and cleared by the views. */
  views: Map<GraphNode, BackedView>;
}

// Intrinsic getters, called directly so a user subclass cannot intervene.
const getter = (proto: object, key: string): ((this: unknown) => unknown) | undefined =>
  Reflect.getOwnPropertyDescriptor(proto, key)?.get as ((this: unknown) => unknown) | undefined;
const AB = {
  byteLength: getter(ArrayBuffer.prototype, "byteLength")!,
  resizable: getter(ArrayBuffer.prototype, "resizable"),
  max: getter(ArrayBuffer.prototype, "maxByteLength"),
};
const SAB = {
  byteLength: getter(SharedArrayBuffer.prototype, "byteLength")!,
  resizable: getter(SharedArrayBuffer.prototype, "growable"),
  max: getter(SharedArrayBuffer.prototype, "maxByteLength"),
};
const LITERAL_BYTES = 24;

export function bufferFactsOf(buffer: ArrayBufferLike): BufferFacts {
  const shared = types.isSharedArrayBuffer(buffer);
  const intrinsics = shared ? SAB : AB;
  const resizable = intrinsics.resizable?.call(buffer) === true;
  return {
    shared,
    byteLength: intrinsics.byteLength.call(buffer) as number,
    maxByteLength: resizable ? (intrinsics.max!.call(buffer) as number) : undefined,
  };
}

function construction(facts: BufferFacts): string {
  const ctor = facts.shared ? "SharedArrayBuffer" : "ArrayBuffer";
  const options = facts.maxByteLength === undefined ? "" : `, { maxByteLength: ${facts.maxByteLength} }`;
  return `new ${ctor}(${facts.byteLength}${options})`;
}

/** Source of a byte sequence usable where an array-like of bytes is expected. */
function bytesSource(bytes: Uint8Array): string {
  return bytes.length <= LITERAL_BYTES ? `[${bytes.join(", ")}]` : base64Source(bytes);
}

/** Source of a Buffer holding `bytes`. */
export function bufferSource(bytes: Uint8Array): string {
  return bytes.length <= LITERAL_BYTES ? `Buffer.from([${bytes.join(", ")}])` : base64Source(bytes);
}

function base64Source(bytes: Uint8Array): string {
  return `Buffer.from(${JSON.stringify(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("base64"))}, "base64")`;
}

/** Copies the non-zero part of each range of `buffer` into the created buffer `target`. */
export function emitByteFills(target: string, buffer: ArrayBufferLike, ranges: readonly ByteRange[], out: Emitter): void {
  for (const [start, end] of ranges) {
    const bytes = new Uint8Array(buffer, start, end - start);
    let first = 0;
    let last = bytes.length;
    while (first < last && bytes[first] === 0) first++;
    while (last > first && bytes[last - 1] === 0) last--;
    if (first === last) continue;
    out.statement(`new Uint8Array(${target}).set(${bytesSource(bytes.subarray(first, last))}, ${start + first});`);
  }
}

/** Sorted ranges with overlapping and touching ones joined. */
function mergeRanges(ranges: Iterable<ByteRange>): ByteRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Node allocates small Buffers from shared slabs of Buffer.poolSize bytes.
 * A buffer of that size, or one only seen through Buffers, is taken for one.
 */
function isPoolSlab(facts: BufferFacts, views: readonly BackedView[]): boolean {
  if (facts.shared || facts.maxByteLength !== undefined) return false;
  return facts.byteLength === Buffer.poolSize || views.every((view) => view.isBuffer);
}

/** The backing node of `buffer`, created for the first view that needs it. */
export function backingOf(walker: Walker, view: GraphNode, buffer: ArrayBufferLike): GraphNode<BackingData> {
  const keys = walker.state.backingKeys;
  let key = keys.get(buffer);
  if (!key) keys.set(buffer, (key = {}));
  return walker.synthetic("array-buffer-backing", key, extendPath(view.path, { label: ".buffer" }), `${view.hint}_buffer`, (): BackingData => ({
    buffer,
    facts: bufferFactsOf(buffer),
    views: new Map(),
  }));
}

export interface BufferData {
  facts: BufferFacts;
  tail: BuiltinTail;
}

export const arrayBufferKind: Kind<BufferData> = {
  walk(node: GraphNode<BufferData>, walker: Walker): void {
    const buffer = node.value as ArrayBufferLike;
    const facts = bufferFactsOf(buffer);
    node.data = { facts, tail: walkBuiltinTail(node, walker, facts.shared ? SharedArrayBuffer.prototype : ArrayBuffer.prototype) };
  },
  emit(node: GraphNode<BufferData>, out: Emitter): void {
    const { facts, tail } = node.data;
    out.declare(node, construction(facts));
    emitByteFills(out.nameOf(node), node.value as ArrayBufferLike, [[0, facts.byteLength]], out);
    emitBuiltinTail(node, tail, out);
  },
};

export const arrayBufferBackingKind: Kind<BackingData> = {
  walk(): void {},
  emit(node: GraphNode<BackingData>, out: Emitter): void {
    const data = node.data;
    const views = [...data.views.values()];
    const ranges = isPoolSlab(data.facts, views) ? mergeRanges(views.map((view) => view.range)) : [[0, data.facts.byteLength] as const];
    out.declare(node, construction(data.facts));
    emitByteFills(out.nameOf(node), data.buffer, ranges, out);
  },
};
