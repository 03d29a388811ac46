// Applies a plan: creates, updates and replacements in dependency order,
// independent steps in parallel (bounded), then deletes with dependents
// first (replaced resources go last, once their dependents moved over).
// Every mutating call is journaled before it runs (journal.ts).
import { UNKNOWN } from "../core/brand.js";
import { resolveValue } from "../core/output.js";
import { describeResource } from "../errors.js";
import { madeNothing } from "../provider/calls.js";
import type { ApplyContext, Provider } from "../provider/provider.js";
import { changedKeys } from "./diff.js";
import type { Journal } from "./journal.js";
import type { Plan, PlanStep } from "./plan.js";
import type { PendingOperation, ResourceState } from "./state.js";
import { cloudError } from "./cloud-error.js";
import { checkpoint } from "./kill-point.js";
import { sealInputs } from "./seal.js";

export type StepStatus = "start" | "done" | "skipped" | "failed";

export interface ApplyInput {
  plan: Plan;
  journal: Journal;
  providerFor(type: string): Provider;
  contextFor(name: string): ApplyContext;
  /** Code hashes of functions whose code waited for apply. */
  codeAtApply(step: PlanStep): Promise<string>;
  concurrency: number;
  onStep?(step: PlanStep, status: StepStatus): void;
}

export async function applyPlan(input: ApplyInput): Promise<void> {
  const forward = input.plan.steps.filter((step) => step.step !== "delete");
  const deletes = input.plan.steps.filter((step) => step.step === "delete");
  await runGraph(
    forward,
    input,
    (step) => forward.filter((other) => step.dependencies.includes(other.key)),
    (step) => applyStep(step, input),
  );
  await runGraph(
    deletes,
    input,
    (step) => deletes.filter((other) => other !== step && other.dependencies.includes(step.key)),
    (step) => deleteStep(step, input),
  );
}

/** Runs each step once the steps `waitFor` names are done, at most `concurrency` at a time; the first failure stops new starts. */
async function runGraph(steps: PlanStep[], input: ApplyInput, waitFor: (step: PlanStep) => PlanStep[], run: (step: PlanStep) => Promise<void>): Promise<void> {
  const done = new Map<PlanStep, Promise<void>>();
  let running = 0;
  const queue: Array<() => void> = [];
  let failure: unknown;
  const slot = async () => {
    if (running >= input.concurrency) await new Promise<void>((go) => queue.push(go));
    running++;
  };
  const release = () => {
    running--;
    queue.shift()?.();
  };
  const start = (step: PlanStep): Promise<void> => {
    const existing = done.get(step);
    if (existing !== undefined) return existing;
    const promise = (async () => {
      await Promise.all(waitFor(step).map(start));
      if (failure !== undefined) return;
      await slot();
      try {
        if (failure === undefined) await run(step);
      } catch (error) {
        failure ??= error;
      } finally {
        release();
      }
    })();
    done.set(step, promise);
    return promise;
  };
  await Promise.all(steps.map(start));
  if (failure !== undefined) throw failure;
}

async function applyStep(step: PlanStep, input: ApplyInput): Promise<void> {
  if (step.step === "same" || step.step === "read") {
    if (step.step === "read") input.journal.change((state) => upsertRead(state.resources, step));
    return;
  }
  const node = step.node!;
  const inputs = resolveValue(node.descriptor.inputs, input.plan.values) as Record<string, unknown>;
  if (node.descriptor.code !== undefined) inputs.code = typeof step.inputs.code === "string" ? step.inputs.code : await input.codeAtApply(step);
  if (step.step === "update" && step.old !== undefined && step.old.dirty !== true && changedKeys(step.old.inputs, inputs).length === 0) {
    input.onStep?.(step, "skipped");
    return;
  }
  input.onStep?.(step, "start");
  const outputs = await mutate(step, input, inputs);
  input.plan.values.set(step.key, outputs);
  input.onStep?.(step, "done");
}

async function mutate(step: PlanStep, input: ApplyInput, inputs: Record<string, unknown>): Promise<Record<string, unknown>> {
  const provider = input.providerFor(step.type);
  const context = input.contextFor(step.name);
  // An id planned from a value known only after apply (a mapping's id holds its
  // source's ARN, and a DynamoDB stream's ARN is named when the table is made).
  if (step.step !== "update" && step.id.includes(String(UNKNOWN))) step.id = provider.identity(inputs, step.id);
  const recorded = sealInputs(inputs, provider.secretInputs);
  const record: ResourceState = {
    type: step.type,
    name: step.name,
    id: step.id,
    generation: step.generation,
    inputs: recorded,
    outputs: {},
    dependencies: step.dependencies,
  };
  const operation: PendingOperation = {
    op: step.step === "update" ? "update" : "create",
    type: step.type,
    name: step.name,
    id: step.id,
    generation: step.generation,
    inputs: recorded,
    dependencies: step.dependencies,
  };
  if (step.step === "replace" && step.deleteFirst) await deleteRecord(step.old!, input);
  input.journal.begin(operation, (state) => {
    // The replaced record stays, retired, until the deletes at the end.
    if (step.step === "replace")
      for (const r of state.resources) if (r === step.old || (r.type === step.type && r.name === step.name && r.id === step.old!.id)) r.retired = true;
  });
  await checkpoint();
  let outputs: Record<string, unknown>;
  try {
    outputs =
      step.step === "update"
        ? await provider.update(context, step.id, step.old!.dirty ? {} : step.old!.inputs, inputs, step.old!.outputs)
        : await provider.create(context, step.id, inputs);
  } catch (error) {
    if (step.step !== "update" && madeNothing(error)) forget(input.journal, operation, step);
    throw cloudError(describeResource(step.type, step.name), step.step, error);
  }
  await checkpoint();
  input.journal.finish(operation, { ...record, outputs });
  return outputs;
}

/** A create that made nothing (the name is taken): no pending entry for recovery to adopt by that name, and a replaced record serves on. */
function forget(journal: Journal, operation: PendingOperation, step: PlanStep): void {
  journal.finish(operation, undefined);
  if (step.step === "replace")
    journal.change((state) => state.resources.forEach((r) => r.type === step.type && r.name === step.name && r.id === step.old!.id && delete r.retired));
}

async function deleteStep(step: PlanStep, input: ApplyInput): Promise<void> {
  input.onStep?.(step, "start");
  await deleteRecord(step.old!, input);
  input.onStep?.(step, "done");
}

async function deleteRecord(record: ResourceState, input: ApplyInput): Promise<void> {
  const operation: PendingOperation = {
    op: "delete",
    type: record.type,
    name: record.name,
    id: record.id,
    generation: record.generation,
    inputs: record.inputs,
    dependencies: record.dependencies,
  };
  input.journal.begin(operation);
  await checkpoint();
  try {
    await input.providerFor(record.type).delete(input.contextFor(record.name), record.id, record.inputs, record.outputs);
  } catch (error) {
    throw cloudError(describeResource(record.type, record.name), "delete", error);
  }
  await checkpoint();
  input.journal.finish(operation, undefined);
}

function upsertRead(resources: ResourceState[], step: PlanStep): void {
  const index = resources.findIndex((r) => r.read && r.type === step.type && r.name === step.name);
  const record: ResourceState = {
    type: step.type,
    name: step.name,
    id: step.id,
    generation: 0,
    inputs: {},
    outputs: step.outputs,
    dependencies: step.dependencies,
    read: true,
  };
  if (index >= 0) resources[index] = record;
  else resources.push(record);
}
