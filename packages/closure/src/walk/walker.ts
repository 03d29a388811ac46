// The walk over captured values: one pass, iterative (a work queue, never
// recursion, so depth is unbounded), keeping identity through a value ->
// node map. What each value becomes is decided by the kind modules through
// the dispatch table (kinds/table.ts, chosen by kinds/classify.ts); this
// file is only the mechanism.
import { SerializationError, type SerializationErrorCode } from "../errors.js";
import type { SerializeOptions } from "../options.js";
import type { Inspector } from "../inspect/inspector.js";
import type { GlobalIndex } from "../inspect/global-index.js";
import type { ModuleIndex } from "../inspect/module-index.js";
import { CapturePath, extendPath, hintOf, type Dep, type GraphNode, type PathStep, type Reached, type Slot, type Timing } from "./graph.js";
import { inlinePrimitive } from "./primitive.js";

export interface KindWalker<State, Session> {
  walk(node: GraphNode, walker: Walker<State, Session>): void;
  /** Reads facts for many queued nodes of this kind at once (inspector round trips). */
  prefetch?(nodes: readonly GraphNode[], walker: Walker<State, Session>): void;
}

const PREFETCH_BATCH = 256;
const NO_NODES: readonly GraphNode[] = [];

// Slots are never mutated: null and undefined share one each (the leaves of
// a graph are full of them).
const NULL_SLOT: Slot = { code: "null" };
const UNDEFINED_SLOT: Slot = { code: "undefined" };

/** The slot of a primitive: no node, path or name (most values of a big array are these). */
function inlineSlot(value: unknown): Slot | undefined {
  if (value === null) return NULL_SLOT;
  if (value === undefined) return UNDEFINED_SLOT;
  const code = inlinePrimitive(value);
  return code === undefined ? undefined : { code };
}

export type Classifier<State, Session> = (value: unknown, walker: Walker<State, Session>) => string;

/**
 * The walk. `State` is what the kind modules share during one walk and
 * `Session` what every walk of one serializeFunctions call shares; their
 * types are the kinds' business (kinds/shared/walk-state.ts), the walker only
 * carries them.
 */
export class Walker<State, Session> {
  readonly nodes: GraphNode[] = [];
  readonly #byValue = new Map<unknown, GraphNode>();
  readonly #queue: GraphNode[] = [];
  #head = 0;
  readonly #prefetched = new Set<GraphNode>();
  /** Nodes walked after everything else (weak collections need the full graph). */
  readonly #late = new Set<GraphNode>();
  readonly #afterQueue: Array<() => void> = [];

  constructor(
    readonly inspector: Inspector,
    readonly globals: GlobalIndex,
    readonly modules: ModuleIndex,
    readonly options: SerializeOptions,
    readonly classify: Classifier<State, Session>,
    readonly kinds: Readonly<Record<string, KindWalker<State, Session>>>,
    /** Shared state of kind modules for this walk (contexts, class members…). */
    readonly state: State,
    /** State shared by every walk of one serializeFunctions call (a rebuild recipe is read once). */
    readonly session: Session,
  ) {
    this.#kinds = new Map(Object.entries(kinds));
  }

  /** The dispatch table by kind name: a keyed read of a 35-key object is megamorphic at every node. */
  readonly #kinds: ReadonlyMap<string, KindWalker<State, Session>>;

  /** Walks everything reachable from `root`. */
  run(root: unknown, rootPath: string): GraphNode {
    // A fresh walk: the root function is neither inline nor known yet.
    const slot = this.#newSlot(root, CapturePath.root(rootPath), rootPath);
    if (!slot.node) throw new Error("root must be a function");
    this.#drain();
    return slot.node;
  }

  /** Strings to report when captured, and what to do with one (policy: environment-values.ts). */
  watchedStrings: ReadonlyMap<string, unknown> | undefined;
  onString: ((value: string, path: () => string[]) => void) | undefined;

  /** Records that `from` depends on `value`, queueing value's node if it is new. */
  visit(from: GraphNode, value: unknown, step: PathStep, timing: Timing, path: CapturePath = from.path): Slot {
    if (typeof value === "string" && this.watchedStrings?.has(value)) this.onString!(value, () => extendPath(path, step).toArray());
    return inlineSlot(value) ?? this.#visitNode(from, value, step, timing, path);
  }

  /** visit() of a property's value; the path step is only made for a value that is not inline. */
  visitProperty(from: GraphNode, value: unknown, key: PropertyKey, timing: Timing): Slot {
    const reached = this.reach(from, value, key, timing);
    return typeof reached === "string" ? { code: reached } : { node: reached };
  }

  /** visitProperty() without the Slot: the inline source of a primitive, or the value's node. */
  reach(from: GraphNode, value: unknown, key: PropertyKey, timing: Timing): Reached {
    if (value === null) return "null";
    if (value === undefined) return "undefined";
    if (typeof value === "string" && this.watchedStrings?.has(value)) this.onString!(value, () => extendPath(from.path, { key }).toArray());
    const code = inlinePrimitive(value);
    if (code !== undefined) return code;
    const slot = this.#visitNode(from, value, { key }, timing, from.path);
    return slot.node ?? slot.code;
  }

  /**
   * reach() without source text: a primitive as it is, else the value's
   * node; undefined where options.serialize leaves the value out.
   */
  reachValue(from: GraphNode, value: unknown, key: PropertyKey, timing: Timing): unknown {
    if (typeof value === "string") {
      if (this.watchedStrings?.has(value)) this.onString!(value, () => extendPath(from.path, { key }).toArray());
      return value;
    }
    if (value === null || (typeof value !== "object" && typeof value !== "function" && typeof value !== "symbol")) return value;
    return this.#visitNode(from, value, { key }, timing, from.path).node;
  }

  /** Adds a synthetic node (a context, a binding assignment) with its own kind; `data` is called only for a new one. */
  synthetic<Data>(kind: string, key: unknown, path: CapturePath, hint: string, data: () => Data): GraphNode<Data> {
    // Synthetic keys are strings and objects that only their kind makes, so a
    // key's node is of this kind and holds this kind's data.
    const existing = this.#byValue.get(key) as GraphNode<Data> | undefined;
    if (existing) return existing;
    return this.#newNode(key, kind, path, hint, undefined, data());
  }

  /** Whether a value already has a node. */
  has(value: unknown): boolean {
    return this.#byValue.has(value);
  }

  nodeOf(value: unknown): GraphNode | undefined {
    return this.#byValue.get(value);
  }

  /**
   * The nodes of one kind, in walk order. Checks after the walk look for a
   * few kinds among all nodes; a scan of a big graph's nodes misses the
   * cache at every node.
   */
  nodesOfKind(kind: string): readonly GraphNode[] {
    return this.#byKind.get(kind) ?? NO_NODES;
  }

  readonly #byKind = new Map<string, GraphNode[]>();

  /**
   * Walks `node` again once the queue is empty. A deferred walk that needs
   * the final graph defers again every time: the walker stops re-walking as
   * soon as a round of deferred walks adds no node, since every walk in that
   * round then saw the graph as it ends.
   */
  defer(node: GraphNode): void {
    this.#late.add(node);
  }

  /**
   * Runs `task` once the queue is empty, before deferred walks: a read that
   * costs the same for one value as for many (a heap snapshot) gathers its
   * values first. What a task visits is walked before deferred walks run.
   */
  afterQueue(task: () => void): void {
    this.#afterQueue.push(task);
  }

  /** The node of the last refusal: serializeFunctions looks for a module-level binding above it. */
  refused: GraphNode | undefined;

  refuse(node: GraphNode, code: SerializationErrorCode, problem: string, hint?: string): never {
    this.refused = node;
    throw new SerializationError(code, node.path.toArray(), problem, hint);
  }

  /** visit() of a value that is not inline: its known node, or a new one. */
  #visitNode(from: GraphNode, value: unknown, step: PathStep, timing: Timing, path: CapturePath): Slot {
    const known = this.#byValue.get(value);
    const slot = known ? { node: known } : this.#newSlot(value, extendPath(path, step), hintOf(step), from);
    if (slot.node && timing !== "none") addDep(from, { node: slot.node, timing });
    return slot;
  }

  /** A slot for a value seen for the first time (neither inline nor known). */
  #newSlot(value: unknown, path: CapturePath, hint: string, via?: GraphNode): Slot {
    if (this.options.serialize && !this.options.serialize(value)) return { code: "undefined" };
    const kind = this.classify(value, this);
    return { node: this.#newNode(value, kind, path, betterHint(value, kind) ?? hint, via, undefined) };
  }

  #newNode<Data>(value: unknown, kind: string, path: CapturePath, hint: string, via: GraphNode | undefined, data: Data): GraphNode<Data> {
    // Every node gets `via` at creation: nodes of one shape keep property reads monomorphic.
    const node: GraphNode<Data> = { id: this.nodes.length, value, kind, path, hint, deps: [], data, name: "", bytes: 0, via };
    this.nodes.push(node);
    const ofKind = this.#byKind.get(kind);
    if (ofKind) ofKind.push(node);
    else this.#byKind.set(kind, [node]);
    this.#byValue.set(value, node);
    this.#queue.push(node);
    return node;
  }

  /** Prefetches `node` and the next queued nodes of its kind. */
  #prefetchFrom(node: GraphNode, kind: KindWalker<State, Session>): void {
    const batch = [node];
    for (let i = this.#head; i < this.#queue.length && batch.length < PREFETCH_BATCH; i++) {
      const next = this.#queue[i]!;
      if (next.kind === node.kind && !this.#prefetched.has(next)) batch.push(next);
    }
    for (const each of batch) this.#prefetched.add(each);
    kind.prefetch!(batch, this);
  }

  #drain(): void {
    for (;;) {
      // Breadth-first: a value is named after its shortest capture path.
      while (this.#head < this.#queue.length) {
        const node = this.#queue[this.#head++]!;
        const kind = this.#kinds.get(node.kind)!;
        if (kind.prefetch && !this.#prefetched.has(node)) this.#prefetchFrom(node, kind);
        kind.walk(node, this);
        this.inspector.releaseIfMany();
      }
      if (this.#afterQueue.length > 0) {
        for (const task of this.#afterQueue.splice(0)) task();
        continue;
      }
      const late = [...this.#late];
      this.#late.clear();
      if (late.length === 0) return;
      const before = this.nodes.length;
      for (const node of late) this.#kinds.get(node.kind)!.walk(node, this);
      // A round that added no node ends the walk (the re-deferred have seen
      // the final graph); every other round adds one, so this terminates.
      if (this.nodes.length === before) {
        this.#late.clear();
        return;
      }
    }
  }
}

/**
 * Appends a dependency. push() onto a short array reserves 17 slots, and a
 * big graph has one list per node with a few dependencies each (an object's
 * property values): a short list is copied into an array literal of its
 * exact size instead (concat() does the same, twice as slowly).
 */
function addDep(node: GraphNode, dep: Dep): void {
  const d = node.deps;
  switch (d.length) {
    case 0:
      node.deps = [dep];
      return;
    case 1:
      node.deps = [d[0]!, dep];
      return;
    case 2:
      node.deps = [d[0]!, d[1]!, dep];
      return;
    case 3:
      node.deps = [d[0]!, d[1]!, d[2]!, dep];
      return;
    default:
      d.push(dep);
  }
}

/** Functions and prototypes are named after the function, whatever the route to them. */
function betterHint(value: unknown, kind: string): string | undefined {
  const owner = kind === "prototype" ? Reflect.getOwnPropertyDescriptor(value as object, "constructor")?.value : value;
  if (typeof owner !== "function" || (kind !== "function" && kind !== "prototype")) return undefined;
  const name = Reflect.getOwnPropertyDescriptor(owner, "name")?.value as unknown;
  if (typeof name !== "string" || !/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
  return kind === "prototype" ? `${name}_prototype` : name;
}
