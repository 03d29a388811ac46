// The state as the engine changes it: every change is one atomic write of
// the whole file. Before a mutating call the operation and the physical id
// it will use go into `pending`; after it, the result and the removal of
// that entry are one write. A crash in between leaves the entry, which the
// next run resolves by reading the resource (recover.ts).
import type { PendingOperation, ResourceState, StackState } from "./state.js";
import { writeState } from "./state.js";

export class Journal {
  constructor(
    private readonly projectDir: string,
    readonly state: StackState,
  ) {}

  /** Applies a change to the state and writes it (synchronously: changes never interleave). */
  change(mutate: (state: StackState) => void): void {
    mutate(this.state);
    writeState(this.projectDir, this.state);
  }

  begin(operation: PendingOperation, also?: (state: StackState) => void): void {
    this.change((state) => {
      also?.(state);
      state.pending.push(operation);
    });
  }

  /** Ends `operation`: the record replaces the one of the same type, name and id (or is removed when undefined). */
  finish(operation: PendingOperation, record: ResourceState | undefined): void {
    this.change((state) => {
      state.pending = state.pending.filter((entry) => entry !== operation && !samePending(entry, operation));
      const others = state.resources.filter((r) => !(r.type === operation.type && r.name === operation.name && r.id === operation.id));
      state.resources = record === undefined ? others : [...others, record];
    });
  }
}

function samePending(a: PendingOperation, b: PendingOperation): boolean {
  return a.op === b.op && a.type === b.type && a.name === b.name && a.id === b.id;
}
