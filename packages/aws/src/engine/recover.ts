// Resolves the operations a crashed run left in `pending`: each resource is
// read by its journaled (deterministic) id. A create that happened is adopted
// (marked dirty, so the next plan makes it whole); one that did not, or whose
// name turns out to be held by a resource this stack did not make (its tags
// say: Provider.isOwn), is forgotten and that resource left alone. An update that happened leaves the record dirty; a delete that
// happened removes the record. Nothing is duplicated or orphaned.
import type { ApplyContext, Provider } from "../provider/provider.js";
import { describeResource } from "../errors.js";
import { cloudError } from "./cloud-error.js";
import type { Journal } from "./journal.js";
import type { PendingOperation } from "./state.js";

export async function recoverPending(journal: Journal, providerFor: (type: string) => Provider, contextFor: (name: string) => ApplyContext): Promise<number> {
  const pending = [...journal.state.pending];
  for (const operation of pending) {
    const outputs = await readOwn(providerFor(operation.type), contextFor(operation.name), operation).catch((error: unknown) => {
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

/** The resource as it is; for a create, only if this stack made it. */
async function readOwn(provider: Provider, context: ApplyContext, operation: PendingOperation): Promise<Record<string, unknown> | undefined> {
  const outputs = await provider.read(context, operation.id, operation.inputs);
  if (outputs === undefined || operation.op !== "create" || provider.isOwn === undefined) return outputs;
  return (await provider.isOwn(context, operation.id)) ? outputs : undefined;
}
