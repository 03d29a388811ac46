// What the kind modules share during one walk (WalkState) and across the
// walks of one serializeFunctions call (SessionState), one typed field per
// fact, and the walker type the kinds see. The walker (walk/walker.ts) only
// carries these objects; what they hold is the kinds' business.
import type { Walker as GenericWalker } from "../../walk/walker.js";
import type { GraphNode } from "../../walk/graph.js";
import type { ContextLink } from "../../inspect/context-identity.js";
import type { HeapView } from "../../inspect/heap-view.js";
import type { FunctionFacts } from "../../inspect/function-facts.js";
import type { EnvironmentValues } from "../../environment-values.js";
import { isObjectLike } from "../../inspect/object-like.js";
import type { ContextData } from "../context.js";
import type { ScopeRegistry } from "../context/context-key.js";
import type { SliceRecipe } from "../module-slice.js";
import type { RebuildRecipe } from "../rebuilt.js";
import type { ViewData } from "../typed-array.js";

/** The walker as kind modules see it: with their state. */
export type Walker = GenericWalker<WalkState, SessionState>;

export interface WalkState {
  /** Global names captured functions read: the output declares none of them. */
  readonly globalNames: Set<string>;
  /** The object each function was first found on: the home object candidate of a method that uses `super`. */
  readonly holders: Map<Function, object>;
  /** Per context, per binding: which functions read it and whether any writes it. */
  readonly contextUses: Map<GraphNode<ContextData>, Map<string, BindingUse>>;
  /** How the walk reads the heap snapshot. */
  readonly heap: HeapAccess;
  /** The deploy machine's environment values met in captured strings (environment-values.ts). */
  readonly environment: EnvironmentValues;
  /** Scope copies met so far, keyed by parent and label (kinds/context/context-key.ts). */
  readonly scopes: ScopeRegistry;
  /** Function facts read ahead of the walk (kinds/function/prefetch.ts). */
  readonly functionFacts: FunctionPrefetch;
  /** Arrows whose `this` is read once the queue is empty (kinds/function/lexical-this.ts). */
  readonly lexicalThis: LexicalThisRequest[];
  /** Captured AbortControllers by their signal, and captured AbortSignals (kinds/web-builtins/abort-signals.ts). */
  readonly abortOwners: Map<AbortSignal, GraphNode>;
  readonly abortSignals: Map<AbortSignal, GraphNode>;
  /** The synthetic key of each buffer whose views need a backing node (kinds/array-buffer.ts). */
  readonly backingKeys: Map<ArrayBufferLike, object>;
  /** Blobs met before their bytes were read (kinds/web-builtins/blob-bytes.ts). */
  readonly pendingBlobs: Set<Blob>;
  /** Captured views by the buffer they look into, in walk order, and which of them overlap (kinds/typed-array.ts). */
  readonly viewsByBuffer: Map<ArrayBufferLike, GraphNode<ViewData>[]>;
  readonly overlappingViews: Map<ArrayBufferLike, { count: number; found: Set<GraphNode> }>;
}

export interface SessionState {
  /** Values refused before, rebuilt from their module's source (rebuild-from-module.ts). */
  readonly moduleSlices: Map<unknown, SliceRecipe>;
  /** What each object's rebuild method answered: it is called once per call (kinds/rebuilt.ts). */
  readonly rebuildRecipes: WeakMap<object, RebuildRecipe>;
}

export interface BindingUse {
  functions: Set<GraphNode>;
  written: boolean;
}

export interface FunctionPrefetch {
  /** Facts read ahead, until the walk takes them. */
  facts: Map<Function, FunctionFacts>;
  /** Every function read in this walk, so none is read twice. */
  read: Set<Function>;
}

export interface LexicalThisRequest {
  fn: Function;
  assign: (value: unknown) => void;
}

/**
 * How a walk reads what only a heap snapshot shows (an arrow's `this`, which
 * copies of a scope are one context). See serialize-functions.ts.
 */
export interface HeapAccess {
  /** The snapshot of the whole serializeFunctions call. */
  readonly view: HeapView;
  /** A first walk: note what needs the snapshot (`deferred`) instead of taking it. */
  readonly defer: boolean;
  deferred: boolean;
  /** Contexts keyed by heap identity, not by their values. */
  readonly exact: boolean;
}

export function newWalkState(heap: HeapAccess, environment: EnvironmentValues): WalkState {
  return {
    globalNames: new Set(),
    holders: new Map(),
    contextUses: new Map(),
    heap,
    environment,
    scopes: new Map(),
    functionFacts: { facts: new Map(), read: new Set() },
    lexicalThis: [],
    abortOwners: new Map(),
    abortSignals: new Map(),
    backingKeys: new Map(),
    pendingBlobs: new Set(),
    viewsByBuffer: new Map(),
    overlappingViews: new Map(),
  };
}

export function newSessionState(): SessionState {
  return { moduleSlices: new Map(), rebuildRecipes: new WeakMap() };
}

export function recordHolder(walker: Walker, fn: Function, holder: object): void {
  const map = walker.state.holders;
  if (!map.has(fn)) map.set(fn, holder);
}

export function recordContextUse(walker: Walker, context: GraphNode<ContextData>, fn: GraphNode, name: string, writes: boolean): void {
  const uses = walker.state.contextUses;
  let byName = uses.get(context);
  if (!byName) uses.set(context, (byName = new Map()));
  let use = byName.get(name);
  if (!use) byName.set(name, (use = { functions: new Set(), written: false }));
  use.functions.add(fn);
  use.written ||= writes;
}

/** Exact context chains from the heap snapshot, when the walk keys contexts by them. */
export function heapChainOf(walker: Walker, fn: Function): ContextLink[] | undefined {
  const access = walker.state.heap;
  return access.exact ? access.view.chainsOf([fn], () => objectsOf(walker))[0] : undefined;
}

/** The objects and functions the walk has met: an arrow's `this` is most often one of them. */
export function objectsOf(walker: Walker): unknown[] {
  return walker.nodes.map((node) => node.value).filter(isObjectLike);
}
