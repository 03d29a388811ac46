// One heap snapshot per serializeFunctions call, kept while its walks run.
// Context chains and arrows' `this` of every function that existed when it
// was taken are read from it, so all the functions of a program cost one
// snapshot. Heap ids stay valid until close(): V8 tracks objects' moves
// while the profiler is on. A function made after the snapshot (none, in
// practice: user code runs only in rebuild methods, before it) takes another.
import type { Inspector } from "./inspector.js";
import { ChainReader, resolveThis, type ContextLink } from "./context-identity.js";
import { heapIdOf, objectByHeapId, releaseHeapProfiler, takeHeapSnapshot } from "./heap-snapshot.js";

export class HeapView {
  readonly #inspector: Inspector;
  #reader: ChainReader | undefined;
  /** Values an arrow's `this` may be, alive while the view is, and their index by heap id. */
  #candidates: unknown[] = [];
  #candidateAt: ReadonlyMap<number, number> = new Map();
  readonly #chains = new WeakMap<Function, ContextLink[]>();
  readonly #thisValues = new Map<ContextLink, unknown>();

  constructor(inspector: Inspector) {
    this.#inspector = inspector;
  }

  get isTaken(): boolean {
    return this.#reader !== undefined;
  }

  /**
   * Takes a snapshot now. `candidates` are the values an arrow's `this` most
   * likely is (the walks' objects): the snapshot shows which one it is, where
   * any other `this` costs a search of the whole heap.
   */
  take(candidates: Iterable<unknown>): void {
    const inspector = this.#inspector;
    this.#candidates = [...new Set([...this.#candidates, ...candidates])];
    this.#reader = new ChainReader(takeHeapSnapshot(inspector));
    this.#candidateAt = this.#reader.elementIdsOf(heapIdOf(inspector, inspector.objectIdOf(this.#candidates)));
  }

  /**
   * The context chain of each function, innermost first, from the snapshot;
   * taken now, with `candidates()`, if none is.
   */
  chainsOf(fns: readonly Function[], candidates: () => Iterable<unknown>): ContextLink[][] {
    const unread = [...new Set(fns.filter((fn) => !this.#chains.has(fn)))];
    if (unread.length > 0) {
      if (!this.#reader) this.take(candidates());
      let chains = this.#read(unread);
      if (chains.some((chain) => chain === undefined)) {
        this.take(candidates());
        chains = this.#read(unread);
      }
      chains.forEach((chain, i) => {
        if (!chain) throw new Error(`heap snapshot: no node for function ${unread[i]!.name || "(anonymous)"}`);
        this.#chains.set(unread[i]!, chain);
      });
    }
    return fns.map((fn) => this.#chains.get(fn)!);
  }

  /** The live objects in each function's own context slots that have no name (see ChainReader.contextSlotsOf). */
  contextObjectsOf(fns: readonly Function[], candidates: () => Iterable<unknown>): unknown[][] {
    if (!this.#reader) this.take(candidates());
    const inspector = this.#inspector;
    const heapIds = () => inspector.objectIdsOf(fns).map((objectId) => heapIdOf(inspector, objectId));
    let slots = this.#reader!.contextSlotsOf(heapIds());
    if (slots.some((each) => each === undefined)) {
      this.take(candidates());
      slots = this.#reader!.contextSlotsOf(heapIds());
    }
    return slots.map((ids) => this.#liveObjects(ids ?? []));
  }

  /**
   * The home objects (`.home_object`, `.static_home_object`) of the nearest
   * context in each function's chain that holds one; undefined where none does.
   */
  homesOf(fns: readonly Function[], candidates: () => Iterable<unknown>): Array<{ home: unknown; staticHome: unknown } | undefined> {
    return this.chainsOf(fns, candidates).map((chain) => {
      const ids = chain.find((link) => link.homeIds !== undefined)?.homeIds;
      if (ids === undefined) return undefined;
      const [home, staticHome] = [ids.home, ids.staticHome].map((id) => (id === undefined ? undefined : this.#liveObjects([id])[0]));
      return { home, staticHome };
    });
  }

  /** Live values of heap ids: the candidates' where the snapshot shows one, else searched for. */
  #liveObjects(heapIds: readonly number[]): unknown[] {
    const inspector = this.#inspector;
    const found: unknown[] = [];
    const searched: string[] = [];
    for (const heapId of heapIds) {
      const at = this.#candidateAt.get(heapId);
      if (at !== undefined) found.push(this.#candidates[at]);
      else {
        const objectId = objectByHeapId(inspector, heapId)?.objectId;
        if (objectId) searched.push(objectId);
      }
    }
    return [...found, ...inspector.liveValuesById(searched)];
  }

  /** The `this` each arrow captured; undefined where it holds none. */
  thisOf(arrows: readonly Function[], candidates: () => Iterable<unknown>): unknown[] {
    const chains = this.chainsOf(arrows, candidates);
    const inspector = this.#inspector;
    resolveThis(inspector, chains, this.#candidates, this.#candidateAt, (ids) => inspector.liveValuesById(ids), this.#thisValues);
    // The innermost context with a `this` slot holds the arrow's `this`. No
    // live value: the arrow was created where `this` is undefined (strict
    // module code), or the slot holds an oddball.
    return chains.map((chain) => {
      const link = chain.find((each) => each.thisId !== undefined);
      return link === undefined ? undefined : this.#thisValues.get(link);
    });
  }

  /** Drops the snapshot and stops the profiler's id tracking. */
  close(): void {
    if (this.#reader) releaseHeapProfiler(this.#inspector);
    this.#reader = undefined;
    this.#candidates = [];
    this.#candidateAt = new Map();
    this.#thisValues.clear();
  }

  #read(fns: readonly Function[]): Array<ContextLink[] | undefined> {
    const inspector = this.#inspector;
    const heapIds = inspector.objectIdsOf(fns).map((objectId) => heapIdOf(inspector, objectId));
    return this.#reader!.chainsOf(heapIds);
  }
}
