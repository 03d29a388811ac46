// Which V8 Context objects a live function closes over, with identities that
// say whether two closures share one. [[Scopes]] only shows copies, so this
// reads a heap snapshot (heap-snapshot.ts): function -"context"-> Context
// -"previous"-> ... up to the native context. Values stay with [[Scopes]]
// (function-facts.ts); this file only names contexts, their kind, the
// variables they hold and the heap id in their `this` slot.
import { heapIdOf, objectByHeapId, releaseHeapProfiler, takeHeapSnapshot, type Edge, type HeapSnapshot } from "./heap-snapshot.js";
import type { Inspector } from "./inspector.js";

/** The kind of a V8 Context, spelled like the matching [[Scopes]] kind. */
export type ContextKind = "closure" | "block" | "catch" | "with" | "script" | "module" | "eval" | "other";

/** One Context in a function's chain. */
export interface ContextLink {
  /** Heap snapshot node id of the Context: equal ids mean one shared Context. */
  id: number;
  kind: ContextKind;
  /**
   * Names of the variables held by this context, sorted, as V8 stores them:
   * including its synthetic slots ("this", ".new.target", ".brand") and class
   * private names ("#x"), which [[Scopes]] does not show.
   */
  names: string[];
  /** Heap id of the value in the context's `this` slot, when an arrow captured it. */
  thisId: number | undefined;
  /**
   * Heap ids of the home objects an object literal's or a class's context
   * holds for its methods that use `super` (V8's `.home_object`, and
   * `.static_home_object` for static methods).
   */
  homeIds: { home: number | undefined; staticHome: number | undefined } | undefined;
}

/**
 * For each function (given as Runtime RemoteObject objectIds of live functions), the chain of
 * Contexts it closes over, innermost first, following "previous" edges, stopping before the
 * native (global) context. One heap snapshot for the whole batch. Objects without a context
 * (bound functions, non-functions) get an empty chain. Links for one Context are one object.
 * A walk uses a HeapView instead, which keeps its snapshot; this one-shot form is for tests.
 */
export function readContextChains(inspector: Inspector, functionObjectIds: readonly string[]): ContextLink[][] {
  if (functionObjectIds.length === 0) return [];
  try {
    const reader = new ChainReader(takeHeapSnapshot(inspector));
    const heapIds = functionObjectIds.map((objectId) => heapIdOf(inspector, objectId));
    return reader.chainsOf(heapIds).map((chain, i) => {
      if (!chain) throw new Error(`heap snapshot: no node with id ${heapIds[i]}`);
      return chain;
    });
  } finally {
    releaseHeapProfiler(inspector);
  }
}

/**
 * The live value of each link's `this` slot, added to `values`: taken from
 * `candidates` where the snapshot shows it is one of them (candidateAt: heap
 * id -> index), else searched for by heap id.
 */
export function resolveThis(
  inspector: Inspector,
  chains: readonly ContextLink[][],
  candidates: readonly unknown[],
  candidateAt: ReadonlyMap<number, number>,
  liveValues: (objectIds: readonly string[]) => unknown[],
  values: Map<ContextLink, unknown>,
): void {
  const searched: Array<{ link: ContextLink; objectId: string }> = [];
  for (const link of new Set(chains.flat())) {
    if (link.thisId === undefined || values.has(link)) continue;
    const at = candidateAt.get(link.thisId);
    if (at !== undefined) {
      values.set(link, candidates[at]);
      continue;
    }
    const objectId = objectByHeapId(inspector, link.thisId)?.objectId;
    if (objectId) searched.push({ link, objectId });
  }
  const live = liveValues(searched.map((each) => each.objectId));
  searched.forEach((each, i) => values.set(each.link, live[i]));
}

// A native context holds the Map of each kind of context it creates; a
// context's kind is which of them its own "map" edge points at.
const CONTEXT_MAP_KINDS: ReadonlyMap<string, ContextKind> = new Map([
  ["function_context_map", "closure"],
  ["block_context_map", "block"],
  ["catch_context_map", "catch"],
  ["with_context_map", "with"],
  ["script_context_map", "script"],
  ["module_context_map", "module"],
  ["eval_context_map", "eval"],
]);

function findInternal(edges: readonly Edge[], name: string): number | undefined {
  return edges.find((edge) => edge.type === "internal" && edge.name === name)?.to;
}

/** Walks context chains in one snapshot, sharing what it learns about each Context. */
export class ChainReader {
  readonly #snapshot: HeapSnapshot;
  readonly #links = new Map<number, ContextLink>();
  readonly #kindsByNative = new Map<number, ReadonlyMap<number, ContextKind>>();

  constructor(snapshot: HeapSnapshot) {
    this.#snapshot = snapshot;
  }

  /** Heap id -> index of the element edges of an array (the first index of a value). */
  elementIdsOf(heapId: number): Map<number, number> {
    const snapshot = this.#snapshot;
    const ordinal = snapshot.ordinalsOf([heapId])[0];
    if (ordinal === undefined) throw new Error(`heap snapshot: no node with id ${heapId}`);
    const at = new Map<number, number>();
    for (const edge of snapshot.edgesOf(ordinal)) {
      const id = snapshot.idOf(edge.to);
      if (edge.type === "element" && typeof edge.name === "number" && !at.has(id)) at.set(id, edge.name);
    }
    return at;
  }

  /**
   * Heap ids of what each function's own context holds in slots that have
   * no name (a builtin's context: an Intl object's bound format keeps the
   * object there); undefined for a function the snapshot does not hold.
   */
  contextSlotsOf(heapIds: readonly number[]): Array<number[] | undefined> {
    const snapshot = this.#snapshot;
    return snapshot.ordinalsOf(heapIds).map((ordinal) => {
      if (ordinal === undefined) return undefined;
      const context = findInternal(snapshot.edgesOf(ordinal), "context");
      if (context === undefined) return [];
      return snapshot
        .edgesOf(context)
        .filter((edge) => edge.type === "hidden")
        .map((edge) => snapshot.idOf(edge.to));
    });
  }

  /** The chain of each function by heap id; undefined for one the snapshot does not hold. */
  chainsOf(heapIds: readonly number[]): Array<ContextLink[] | undefined> {
    return this.#snapshot.ordinalsOf(heapIds).map((ordinal, i) => (ordinal === undefined ? undefined : this.#chainAt(ordinal, heapIds[i]!)));
  }

  #chainAt(ordinal: number, heapId: number): ContextLink[] {
    const snapshot = this.#snapshot;
    const contexts: number[] = [];
    let next = findInternal(snapshot.edgesOf(ordinal), "context");
    while (next !== undefined && !isNativeContext(snapshot, next)) {
      // A context chain is a list; a cycle would be a malformed snapshot.
      if (contexts.includes(next)) throw new Error(`heap snapshot: context chain of ${heapId} loops`);
      contexts.push(next);
      next = findInternal(snapshot.edgesOf(next), "previous");
    }
    const kinds = next === undefined ? new Map<number, ContextKind>() : this.#kindsOf(next);
    return contexts.map((context) => this.#linkOf(context, kinds));
  }

  #linkOf(ordinal: number, kinds: ReadonlyMap<number, ContextKind>): ContextLink {
    let link = this.#links.get(ordinal);
    if (!link) {
      const snapshot = this.#snapshot;
      const edges = snapshot.edgesOf(ordinal);
      const map = findInternal(edges, "map");
      const kind = (map !== undefined && kinds.get(map)) || "other";
      const thisEdge = edges.find((edge) => edge.type === "context" && edge.name === "this");
      const thisId = thisEdge && snapshot.idOf(thisEdge.to);
      const names = this.#namesOf(edges, kind);
      link = { id: snapshot.idOf(ordinal), kind, names: [...names].sort(), thisId, homeIds: homeIdsOf(snapshot, edges, names) };
      this.#links.set(ordinal, link);
    }
    return link;
  }

  // V8 gives "context" edges, one per variable, only for declaration contexts
  // (function, script, module). Block, catch and class contexts have none; their
  // names are read from the ScopeInfo instead, whose only strings are then the
  // local names (inline, or in a "(context local names)" table past 75 names).
  #namesOf(edges: readonly Edge[], kind: ContextKind): string[] {
    const variables = edges.filter((edge) => edge.type === "context").map((edge) => String(edge.name));
    if (variables.length > 0 || kind === "closure" || kind === "script" || kind === "module") return variables;
    const scopeInfo = findInternal(edges, "scope_info");
    return scopeInfo === undefined ? [] : this.#scopeInfoNames(scopeInfo);
  }

  #scopeInfoNames(scopeInfo: number): string[] {
    const snapshot = this.#snapshot;
    const names: string[] = [];
    for (const edge of snapshot.edgesOf(scopeInfo)) {
      if (snapshot.isString(edge.to)) names.push(snapshot.nameOf(edge.to));
      else if (snapshot.nameOf(edge.to) === "(context local names)") names.push(...this.#tableNames(edge.to));
    }
    return names.filter((name) => name !== "");
  }

  #tableNames(table: number): string[] {
    const snapshot = this.#snapshot;
    const strings = snapshot.edgesOf(table).filter((edge) => snapshot.isString(edge.to));
    return strings.map((edge) => snapshot.nameOf(edge.to));
  }

  #kindsOf(nativeContext: number): ReadonlyMap<number, ContextKind> {
    let kinds = this.#kindsByNative.get(nativeContext);
    if (!kinds) {
      const byMap = new Map<number, ContextKind>();
      for (const edge of this.#snapshot.edgesOf(nativeContext)) {
        const kind = typeof edge.name === "string" ? CONTEXT_MAP_KINDS.get(edge.name) : undefined;
        if (kind && edge.type === "internal") byMap.set(edge.to, kind);
      }
      kinds = byMap;
      this.#kindsByNative.set(nativeContext, kinds);
    }
    return kinds;
  }
}

/**
 * A home object lives in a slot with no variable edge: its name is the
 * ScopeInfo's, its value the hidden edge at the same index. V8 numbers only
 * the slots holding heap objects, which in such a context (home objects,
 * private names, the class binding) all do; a count that differs means
 * another layout, and no answer.
 */
function homeIdsOf(snapshot: HeapSnapshot, edges: readonly Edge[], names: readonly string[]): ContextLink["homeIds"] {
  const home = names.indexOf(".home_object");
  const staticHome = names.indexOf(".static_home_object");
  if (home < 0 && staticHome < 0) return undefined;
  const hidden = edges.filter((edge) => edge.type === "hidden");
  if (hidden.length !== names.length) return undefined;
  const idAt = (index: number): number | undefined => (index < 0 ? undefined : snapshot.idOf(hidden[index]!.to));
  return { home: idAt(home), staticHome: idAt(staticHome) };
}

// Chrome appends the page URL ("system / NativeContext / https://…").
function isNativeContext(snapshot: HeapSnapshot, ordinal: number): boolean {
  return snapshot.nameOf(ordinal).startsWith("system / NativeContext");
}
