// Resolves the operations a crashed run left in `pending`: each resource is
// read by its journaled (deterministic) id. A create that happened is adopted
// (marked dirty, so the next plan makes it whole); one that did not is
// forgotten. An update that happened leaves the record dirty; a delete that
// happened removes the record. Nothing is duplicated or orphaned.
import type { ApplyContext, Provider } from "../provider/provider.js";
import { describeResource } from "../errors.js";
import { cloudError } from "./cloud-error.js";
import type { Journal } from "./journal.js";

export async function recoverPending(journal: Journal, providerFor: (type: string) => Provider, contextFor: (name: string) => ApplyContext): Promise<number> {
  const pending = [...journal.state.pending];
  for (const operation of pending) {
    const outputs = await providerFor(operation.type)
      .read(contextFor(operation.name), operation.id, operation.inputs)
      .catch((error: unknown) => {
        throw cloudError(describeResource(operation.type, operation.name), "read (resolving an interrupted run)", error);
      });
    const existing = journal.state.resources.find((r) => r.type === operation.type && r.name === operation.name && r.id === operation.id);
    if (outputs === undefined) {
      journal.finish(operation, operation.op === "create" ? existing : undefined);
      continue;
    }
    const record = existing ?? {
      type: operation.type,
      name: operation.name,
      id: operation.id,
      generation: operation.generation,
      inputs: operation.inputs,
      outputs,
      dependencies: operation.dependencies,
    };
    journal.finish(operation, { ...record, outputs: { ...record.outputs, ...outputs }, dirty: true });
  }
  return pending.length;
}
