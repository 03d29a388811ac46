// The only file that talks to node:inspector. It opens one in-process
// session lazily (never at import) and exposes synchronous reads of the
// internal state JavaScript cannot see: [[Scopes]], bound-function slots,
// proxy target/handler, weak collection entries, promise state, private
// fields; and typed calls of the HeapProfiler (heap-snapshot.ts) and the
// Debugger (module-index.ts). Node invokes callbacks of a same-thread
// session synchronously, which is what makes a synchronous wrapper possible.
import { Session, type Debugger, type HeapProfiler, type InspectorNotification, type Runtime } from "node:inspector";
import { SerializationError } from "../errors.js";

/** Raw protocol call, synchronous. */
type InspectorPost = (method: string, params?: object) => any;

export interface RemoteObject {
  type: string;
  subtype?: string;
  value?: unknown;
  unserializableValue?: string;
  objectId?: string;
  description?: string;
}

interface PropertyDescriptor {
  name: string;
  value?: RemoteObject;
}

/** The group of every remote handle closure-pack makes; released as one. */
export const OBJECT_GROUP = "closure-pack";
// Releasing the remote handles costs a round trip, as much as a quarter of a
// small serialization; it is batched: every RELEASE_EVERY calls, and whenever
// the event loop turns between calls.
const RELEASE_EVERY = 32;
// Within one call, handles are released once about this many are held: each
// is a V8 global handle that every garbage collection visits, so thousands of
// them (a chain of 4,000 closures) made each inspector call slower.
const MAX_HELD_HANDLES = 1000;
// A property of globalThis used to hand values across the protocol; it is
// deleted again after every use.
const SLOT = "__closurePackInspectorSlot";

/** An open inspector session with the reads the serializer needs. */
export class Inspector {
  readonly #session: Session;
  readonly #post: InspectorPost;

  constructor() {
    this.#session = new Session();
    try {
      this.#session.connect();
    } catch (error) {
      throw new SerializationError(
        "INSPECTOR_UNAVAILABLE",
        [],
        "cannot open a node:inspector session",
        "another debugger may own this thread; closure-pack needs node:inspector to read closures",
        { cause: error },
      );
    }
    this.#post = (method, params) => {
      const response = postSync(this.#session, method, params);
      this.#held += handlesIn(method, response);
      return response;
    };
  }

  /**
   * HeapProfiler.takeHeapSnapshot: the snapshot's JSON text, in the chunks
   * V8 sends during the call. Heap ids stay valid until disableHeapProfiler().
   */
  takeHeapSnapshot(): string[] {
    const chunks: string[] = [];
    const listener = (message: InspectorNotification<HeapProfiler.AddHeapSnapshotChunkEventDataType>): void => {
      chunks.push(message.params.chunk);
    };
    this.#session.on("HeapProfiler.addHeapSnapshotChunk", listener);
    try {
      // Without captureNumericValue a variable holding a small integer has no
      // edge at all, so `let count = 0` would vanish from a context's names.
      this.#post("HeapProfiler.takeHeapSnapshot", { reportProgress: false, captureNumericValue: true });
      if (chunks.length === 0) throw new Error("HeapProfiler.takeHeapSnapshot: no chunk arrived during the call");
    } finally {
      this.#session.off("HeapProfiler.addHeapSnapshotChunk", listener);
    }
    return chunks;
  }

  /** HeapProfiler.getHeapObjectId: the heap id of a remote object ("0" before any snapshot). */
  heapObjectId(objectId: Runtime.RemoteObjectId): HeapProfiler.HeapSnapshotObjectId {
    const params: HeapProfiler.GetHeapObjectIdParameterType = { objectId };
    const response: HeapProfiler.GetHeapObjectIdReturnType = this.#post("HeapProfiler.getHeapObjectId", params);
    return response.heapSnapshotObjectId;
  }

  /** HeapProfiler.getObjectByHeapObjectId, in closure-pack's object group. */
  objectByHeapObjectId(heapId: HeapProfiler.HeapSnapshotObjectId): Runtime.RemoteObject {
    const params: HeapProfiler.GetObjectByHeapObjectIdParameterType = { objectId: heapId, objectGroup: OBJECT_GROUP };
    const response: HeapProfiler.GetObjectByHeapObjectIdReturnType = this.#post("HeapProfiler.getObjectByHeapObjectId", params);
    return response.result;
  }

  /** HeapProfiler.disable: drops the isolate's heap id map. */
  disableHeapProfiler(): void {
    this.#post("HeapProfiler.disable");
  }

  /** Debugger.enable: from now on, every script parsed is announced to onScriptParsed listeners. */
  enableDebugger(): void {
    this.#post("Debugger.enable", {});
  }

  /** Debugger.setSkipAllPauses. */
  setSkipAllPauses(skip: boolean): void {
    const params: Debugger.SetSkipAllPausesParameterType = { skip };
    this.#post("Debugger.setSkipAllPauses", params);
  }

  /** Debugger.getScriptSource. */
  scriptSource(scriptId: Runtime.ScriptId): string {
    const params: Debugger.GetScriptSourceParameterType = { scriptId };
    const response: Debugger.GetScriptSourceReturnType = this.#post("Debugger.getScriptSource", params);
    return response.scriptSource;
  }

  /** Calls `listener` for each Debugger.scriptParsed notification. */
  onScriptParsed(listener: (script: Debugger.ScriptParsedEventDataType) => void): void {
    this.#session.on("Debugger.scriptParsed", (message: InspectorNotification<Debugger.ScriptParsedEventDataType>) => listener(message.params));
  }

  /** Remote handle of a live value. */
  objectIdOf(value: object): string {
    const slots = globalThis as Record<string, unknown>;
    slots[SLOT] = value;
    try {
      const { result } = this.#post("Runtime.evaluate", {
        expression: `globalThis.${SLOT}`,
        objectGroup: OBJECT_GROUP,
        silent: true,
      });
      return (result as RemoteObject).objectId!;
    } finally {
      delete slots[SLOT];
    }
  }

  /** Remote handles of many live values in two round trips (one for a single value). */
  objectIdsOf(values: readonly object[]): string[] {
    if (values.length === 1) return [this.objectIdOf(values[0]!)];
    const list = this.objectIdOf([...values]);
    const response = this.#post("Runtime.getProperties", { objectId: list, ownProperties: true, objectGroup: OBJECT_GROUP });
    const ids: string[] = new Array(values.length);
    for (const property of response.result as PropertyDescriptor[]) {
      const index = Number(property.name);
      if (Number.isInteger(index) && index >= 0 && index < values.length) ids[index] = property.value!.objectId!;
    }
    return ids;
  }

  /** Internal properties ([[Scopes]], [[Target]]…) and private fields of a value. */
  internalsOf(value: object): { internal: Map<string, RemoteObject>; privates: PropertyDescriptor[]; objectId: string } {
    return this.internalsById(this.objectIdOf(value));
  }

  internalsById(objectId: string): { internal: Map<string, RemoteObject>; privates: PropertyDescriptor[]; objectId: string } {
    const response = this.#post("Runtime.getProperties", {
      objectId,
      ownProperties: true,
      accessorPropertiesOnly: false,
      generatePreview: false,
      objectGroup: OBJECT_GROUP,
    });
    const internal = new Map<string, RemoteObject>();
    for (const property of (response.internalProperties ?? []) as PropertyDescriptor[]) {
      if (property.value) internal.set(property.name, property.value);
    }
    return { internal, privates: (response.privateProperties ?? []) as PropertyDescriptor[], objectId };
  }

  /**
   * Own keys of `value` that are not array indices, in order: string keys,
   * then symbols. V8 lists them without a string per index, which
   * Reflect.ownKeys makes for every element of a large array or view.
   */
  ownNonIndexKeys(value: object): Array<string | symbol> {
    const { result } = this.#post("Runtime.getProperties", {
      objectId: this.objectIdOf(value),
      ownProperties: true,
      nonIndexedPropertiesOnly: true,
      objectGroup: OBJECT_GROUP,
    }) as { result: Array<{ name: string; symbol?: unknown }> };
    // Symbol keys come back as descriptions; the live symbols are read here.
    const names = result.filter((property) => property.symbol === undefined).map((property) => property.name);
    return [...names, ...Object.getOwnPropertySymbols(value)];
  }

  /** Live values behind remote objects, in one round trip. */
  liveValues(remotes: readonly RemoteObject[]): unknown[] {
    if (remotes.length === 0) return [];
    const handles = remotes.filter((remote) => remote.objectId !== undefined);
    const fetched = this.#fetchObjects(handles.map((remote) => remote.objectId!));
    let next = 0;
    return remotes.map((remote) => (remote.objectId !== undefined ? fetched[next++] : primitiveOf(remote)));
  }

  /** Live values behind remote handles, in one round trip. */
  liveValuesById(objectIds: readonly string[]): unknown[] {
    return this.#fetchObjects(objectIds);
  }

  #fetchObjects(objectIds: readonly string[]): unknown[] {
    if (objectIds.length === 0) return [];
    const slots = globalThis as Record<string, unknown>;
    const [first, ...rest] = objectIds;
    this.#post("Runtime.callFunctionOn", {
      objectId: first,
      functionDeclaration: `function (...rest) { globalThis.${SLOT} = [this, ...rest]; }`,
      arguments: rest.map((objectId) => ({ objectId })),
      silent: true,
    });
    const values = slots[SLOT] as unknown[];
    delete slots[SLOT];
    return values;
  }

  #unreleased = 0;
  #releaseTimer: NodeJS.Immediate | undefined;
  #held = 0;

  /**
   * Releases the handles when many are held. Callers keep no handle across
   * calls into the walker, so this is safe between walks of two values.
   */
  releaseIfMany(): void {
    if (this.#held >= MAX_HELD_HANDLES) this.release();
  }

  /** Forgets the remote handles made since the last release, now. */
  release(): void {
    this.#unreleased = 0;
    this.#held = 0;
    if (this.#releaseTimer) clearImmediate(this.#releaseTimer);
    this.#releaseTimer = undefined;
    this.#post("Runtime.releaseObjectGroup", { objectGroup: OBJECT_GROUP });
  }

  /**
   * Forgets the handles of a finished call soon: they keep their values
   * alive, but only until the next turn of the event loop or RELEASE_EVERY
   * calls, whichever comes first.
   */
  releaseSoon(): void {
    if (++this.#unreleased >= RELEASE_EVERY) return this.release();
    this.#releaseTimer ??= setImmediate(() => {
      this.#releaseTimer = undefined;
      if (this.#unreleased > 0) this.release();
    }).unref();
  }
}

/** About how many remote handles a response holds (objects get one each). */
function handlesIn(method: string, response: any): number {
  if (method === "Runtime.evaluate") return 1;
  if (method !== "Runtime.getProperties") return 0;
  return (response?.result?.length ?? 0) + (response?.internalProperties?.length ?? 0) + (response?.privateProperties?.length ?? 0);
}

function primitiveOf(remote: RemoteObject): unknown {
  if (remote.unserializableValue !== undefined) {
    const text = remote.unserializableValue;
    if (text.endsWith("n")) return BigInt(text.slice(0, -1));
    if (text === "-0") return -0;
    if (text === "NaN") return NaN;
    return text === "Infinity" ? Infinity : -Infinity;
  }
  return remote.type === "undefined" ? undefined : remote.value;
}

function postSync(session: Session, method: string, params?: object): any {
  let settled = false;
  let failure: Error | null = null;
  let result: unknown;
  session.post(method, params ?? {}, (error, response) => {
    settled = true;
    failure = error;
    result = response;
  });
  if (!settled) throw new Error(`inspector call ${method} did not complete synchronously`);
  if (failure) throw new Error(`inspector call ${method} failed: ${(failure as Error).message}`);
  return result;
}

let shared: Inspector | undefined;

/** The process-wide session, opened on first use. */
export function openInspector(): Inspector {
  shared ??= new Inspector();
  return shared;
}
