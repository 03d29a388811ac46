// Taking and reading one V8 heap snapshot: taking it and mapping live values
// to its heap ids and back (through the inspector's HeapProfiler calls), and
// the flat arrays of its JSON scanned into typed arrays. What the serializer
// reads from it (contexts, `this` slots) is context-identity.ts's business.
import { channel } from "node:diagnostics_channel";
import type { Inspector } from "./inspector.js";

/**
 * Published once per snapshot taken, with `{ ms }`: a snapshot costs as much
 * as the heap is big, so tools and tests can count them.
 */
export const HEAP_SNAPSHOT_CHANNEL = "closure-pack:heap-snapshot";

const SCANS_BEFORE_INDEX = 16;

export interface Edge {
  type: string;
  /** Property or variable name, or an index for element and hidden edges. */
  name: string | number;
  to: number;
}

/** A parsed snapshot: nodes and edges as flat arrays, read on demand. */
export class HeapSnapshot {
  readonly #nodes: Uint32Array;
  readonly #edges: Uint32Array;
  readonly #strings: readonly string[];
  readonly #nodeTypes: readonly string[];
  readonly #edgeTypes: readonly string[];
  readonly #node: { width: number; type: number; name: number; id: number; edgeCount: number };
  readonly #edge: { width: number; type: number; name: number; to: number };
  /** Offset in `edges` of each node's first edge, by node ordinal, plus the end. */
  readonly #firstEdge: Uint32Array;
  /** Ordinals found so far, by heap id. */
  readonly #ordinals = new Map<number, number>();
  /** Whether #ordinals holds every node. */
  #indexed = false;
  #scans = 0;

  // The text is {"snapshot":{meta, counts},"nodes":[…],"edges":[…],…,"strings":[…]}.
  // nodes and edges are most of it and only unsigned integers (V8 ids are
  // uint32), so they are scanned straight into typed arrays: 1.5-3x faster
  // than JSON.parse, in less memory. No object graph is built.
  constructor(text: string) {
    const nodesAt = sectionStart(text, "nodes", 0);
    const { meta, nodeCount, edgeCount } = parseHeader(text.slice(0, nodesAt - '"nodes":['.length));
    this.#node = {
      width: meta.node_fields.length,
      type: fieldIndex(meta.node_fields, "type"),
      name: fieldIndex(meta.node_fields, "name"),
      id: fieldIndex(meta.node_fields, "id"),
      edgeCount: fieldIndex(meta.node_fields, "edge_count"),
    };
    this.#edge = {
      width: meta.edge_fields.length,
      type: fieldIndex(meta.edge_fields, "type"),
      name: fieldIndex(meta.edge_fields, "name_or_index"),
      to: fieldIndex(meta.edge_fields, "to_node"),
    };
    const nodes = scanIntegers(text, nodesAt, nodeCount * this.#node.width);
    const edgesAt = sectionStart(text, "edges", nodes.end);
    const edges = scanIntegers(text, edgesAt, edgeCount * this.#edge.width);
    this.#strings = JSON.parse(text.slice(sectionStart(text, "strings", edges.end) - 1, text.lastIndexOf("]") + 1));
    this.#nodes = nodes.values;
    this.#edges = edges.values;
    this.#nodeTypes = meta.node_types[this.#node.type];
    this.#edgeTypes = meta.edge_types[this.#edge.type];
    this.#firstEdge = firstEdges(nodes.values, this.#node, this.#edge.width);
  }

  /**
   * Node ordinals of heap ids, undefined for ids the snapshot does not hold
   * (objects made after it). Ids are not sorted in a snapshot: each batch
   * of ids is found by one scan of the nodes, until so many batches came
   * that an index of every node is cheaper.
   */
  ordinalsOf(heapIds: readonly number[]): Array<number | undefined> {
    const missing = this.#indexed ? new Set<number>() : new Set(heapIds.filter((id) => !this.#ordinals.has(id)));
    if (missing.size > 0) {
      const { width, id } = this.#node;
      // A scan stops once it found every id: about a millisecond for a heap
      // with the AWS SDK loaded, where indexing every node costs thirty.
      this.#indexed = ++this.#scans > SCANS_BEFORE_INDEX;
      for (let base = 0; base < this.#nodes.length && (this.#indexed || missing.size > 0); base += width) {
        const heapId = this.#nodes[base + id]!;
        if (missing.delete(heapId) || this.#indexed) this.#ordinals.set(heapId, base / width);
      }
    }
    return heapIds.map((heapId) => this.#ordinals.get(heapId));
  }

  idOf(ordinal: number): number {
    return this.#nodes[ordinal * this.#node.width + this.#node.id]!;
  }

  nameOf(ordinal: number): string {
    return this.#strings[this.#nodes[ordinal * this.#node.width + this.#node.name]!]!;
  }

  isString(ordinal: number): boolean {
    return this.#nodeTypes[this.#nodes[ordinal * this.#node.width + this.#node.type]!] === "string";
  }

  edgesOf(ordinal: number): Edge[] {
    const edges = this.#edges;
    const { width, type: typeAt, name: nameAt, to: toAt } = this.#edge;
    const list: Edge[] = [];
    for (let at = this.#firstEdge[ordinal]!; at < this.#firstEdge[ordinal + 1]!; at += width) {
      const type = this.#edgeTypes[edges[at + typeAt]!]!;
      const nameOrIndex = edges[at + nameAt]!;
      const name = type === "element" || type === "hidden" ? nameOrIndex : this.#strings[nameOrIndex]!;
      list.push({ type, name, to: edges[at + toAt]! / this.#node.width });
    }
    return list;
  }
}

/** Takes a snapshot of the whole heap and parses it; heap ids stay valid until releaseHeapProfiler. */
export function takeHeapSnapshot(inspector: Inspector): HeapSnapshot {
  const started = performance.now();
  const snapshot = new HeapSnapshot(inspector.takeHeapSnapshot().join(""));
  const published = channel(HEAP_SNAPSHOT_CHANNEL);
  if (published.hasSubscribers) published.publish({ ms: performance.now() - started });
  return snapshot;
}

/**
 * The heap id of a live value. Ids exist only once a snapshot has numbered
 * the heap (before it, V8 answers "0"); a value made after the snapshot gets
 * an id the snapshot does not hold.
 */
export function heapIdOf(inspector: Inspector, objectId: string): number {
  const heapId = Number(inspector.heapObjectId(objectId));
  if (!(heapId > 0)) throw new Error(`HeapProfiler.getHeapObjectId: no heap id for ${objectId}`);
  return heapId;
}

/**
 * The remote object of a heap id: V8 marks and searches the whole heap for
 * it. V8 will not hand out oddballs by heap id: `undefined` or `null` has none.
 */
export function objectByHeapId(inspector: Inspector, heapId: number): { objectId?: string | undefined } | undefined {
  try {
    return inspector.objectByHeapObjectId(String(heapId));
  } catch (error) {
    if (String((error as Error).message).includes("Object is not available")) return undefined;
    throw error;
  }
}

// disable drops the isolate's id map, which a snapshot leaves tracking every
// object move at each GC. Cleanup must not hide the error that got us here.
export function releaseHeapProfiler(inspector: Inspector): void {
  try {
    inspector.disableHeapProfiler();
  } catch {
    // the session is gone; nothing is left to release
  }
}

/** The small head `{"snapshot":{…},` before the nodes, closed and parsed. */
function parseHeader(head: string): { meta: any; nodeCount: number; edgeCount: number } {
  const { snapshot } = JSON.parse(`${head.replace(/,\s*$/, "")}}`);
  return { meta: snapshot.meta, nodeCount: snapshot.node_count, edgeCount: snapshot.edge_count };
}

/** Offset just past `"name":[`, searching from `from`. */
function sectionStart(text: string, name: string, from: number): number {
  const marker = `"${name}":[`;
  const at = text.indexOf(marker, from);
  if (at < 0) throw new Error(`heap snapshot: no "${name}" section`);
  return at + marker.length;
}

/** Reads `count` comma-separated unsigned integers up to the closing bracket. */
function scanIntegers(text: string, from: number, count: number): { values: Uint32Array; end: number } {
  const values = new Uint32Array(count);
  let found = 0;
  let value = 0;
  let inNumber = false;
  let at = from;
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) {
      value = value * 10 + code - 48;
      inNumber = true;
      continue;
    }
    if (inNumber) values[found++] = value;
    value = 0;
    inNumber = false;
    if (code === 93 /* ] */) break;
  }
  if (found !== count) throw new Error(`heap snapshot: expected ${count} integers at ${from}, found ${found}`);
  return { values, end: at };
}

function fieldIndex(fields: readonly string[], name: string): number {
  const index = fields.indexOf(name);
  if (index < 0) throw new Error(`heap snapshot: no "${name}" field in [${fields.join(", ")}]`);
  return index;
}

function firstEdges(nodes: Uint32Array, node: { width: number; edgeCount: number }, edgeWidth: number): Uint32Array {
  const count = nodes.length / node.width;
  const firstEdge = new Uint32Array(count + 1);
  let offset = 0;
  for (let ordinal = 0; ordinal < count; ordinal++) {
    firstEdge[ordinal] = offset;
    offset += nodes[ordinal * node.width + node.edgeCount]! * edgeWidth;
  }
  firstEdge[count] = offset;
  return firstEdge;
}
