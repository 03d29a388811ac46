// The plan: for each resource of the program, in dependency order, the step
// that brings the state to it (create / update / replace / same / read),
// then deletes of what the program no longer declares (and of replaced
// resources), dependents first. Outputs the providers can predict (names,
// ARNs) are known here, so most functions are serialized at plan time.
import { UNKNOWN } from "../core/brand.js";
import { resolveValue } from "../core/output.js";
import { AwsError, describeResource } from "../errors.js";
import type { Provider } from "../provider/provider.js";
import { deliveryNotices } from "./delivery-notices.js";
import { changedKeys } from "./diff.js";
import { physicalName, type NamingContext } from "./naming.js";
import type { Program, ProgramNode } from "./program.js";
import type { ResourceState, StackState } from "./state.js";
import { Values } from "./values.js";

export type StepKind = "create" | "update" | "replace" | "delete" | "same" | "read";

export interface PlanStep {
  key: string;
  type: string;
  name: string;
  step: StepKind;
  /** The physical id after the step (the new one for a replace, the deleted one for a delete). */
  id: string;
  generation: number;
  /** Desired inputs, resolved (UNKNOWN where known only after apply). */
  inputs: Record<string, unknown>;
  /** Outputs as far as known: predicted for creates and replaces. */
  outputs: Record<string, unknown>;
  /** The state record this step changes or deletes. */
  old?: ResourceState;
  /** Input names that differ from the state (update and replace). */
  changed: string[];
  dependencies: string[];
  node?: ProgramNode;
  /** Replace whose new id equals the old one: delete first. */
  deleteFirst?: boolean;
}

/** What the planner needs: the code of functions comes from a CodeSupplier. */
export interface PlanInput {
  program: Program;
  state: StackState;
  naming: NamingContext;
  providerFor(type: string): Provider;
  /** Reads an existing resource (get()); undefined when it does not exist. */
  read(type: string, id: string, name: string): Promise<Record<string, unknown> | undefined>;
  /** Content hashes of the functions' code (UNKNOWN when it captured unknown values), given their resolved inputs. */
  code(nodes: ProgramNode[], values: Values): Promise<Map<string, { hash: unknown; captured: Set<object> }>>;
}

export interface Plan {
  steps: PlanStep[];
  values: Values;
  /** What deploys but will not work as the program likely means (delivery-notices.ts): shown, never refused. */
  notices: string[];
}

export async function makePlan(input: PlanInput): Promise<Plan> {
  const values = new Values(input.program, input.naming);
  const steps: PlanStep[] = [];
  for (const node of input.program.nodes) {
    const step = node.descriptor.readId !== undefined ? await readStep(input, node, values) : decide(input, node, resolveInputs(node, values));
    values.set(step.key, step.outputs);
    steps.push(step);
  }
  await addCode(input, steps, values);
  return { steps: [...steps, ...deleteSteps(input.state, steps)], values, notices: deliveryNotices(input.program, values) };
}

function resolveInputs(node: ProgramNode, values: Values): Record<string, unknown> {
  return resolveValue(node.descriptor.inputs, values) as Record<string, unknown>;
}

async function readStep(input: PlanInput, node: ProgramNode, values: Values): Promise<PlanStep> {
  const { type, name } = node.descriptor;
  const id = resolveValue(node.descriptor.readId, values);
  if (typeof id !== "string" || id === "")
    throw new AwsError(
      "INVALID_ARGUMENT",
      node.descriptor.declaredAt || describeResource(type, name),
      `get() needs the id of an existing resource, got ${JSON.stringify(id)}`,
    );
  const outputs = await input.read(type, id, name);
  if (outputs === undefined) {
    throw new AwsError(
      "RESOURCE_NOT_FOUND",
      node.descriptor.declaredAt || describeResource(type, name),
      `${describeResource(type, name)}: get() found no resource with id "${id}"`,
      {
        hint: "check the id (a bucket's or function's name, a role's name) and the target's account and region",
      },
    );
  }
  return { key: node.key, type, name, step: "read", id, generation: 0, inputs: {}, outputs, changed: [], dependencies: [...node.dependencies], node };
}

/** The step of one resource from its state record (if any) and its desired inputs. */
export function decide(input: Pick<PlanInput, "state" | "naming" | "providerFor">, node: ProgramNode, inputs: Record<string, unknown>): PlanStep {
  const { type, name } = node.descriptor;
  const provider = input.providerFor(type);
  const refusal = provider.check?.(inputs);
  if (refusal !== undefined) {
    const where = node.descriptor.declaredAt ? `${node.descriptor.declaredAt}: ${describeResource(type, name)}` : describeResource(type, name);
    throw new AwsError("INVALID_ARGUMENT", where, refusal.problem, refusal.hint === undefined ? {} : { hint: refusal.hint });
  }
  const records = input.state.resources.filter((r) => r.type === type && r.name === name && !r.read);
  const current = records.find((r) => !r.retired);
  const base = { key: node.key, type, name, inputs, dependencies: [...node.dependencies].sort(), node };
  const fresh = (generation: number) => {
    const id = provider.identity(inputs, physicalName(input.naming, type, name, generation, provider.nameRule));
    return { id, generation, outputs: provider.predict(input.naming.accountId, input.naming.region, id, inputs) };
  };
  if (current === undefined) {
    const generation = records.length === 0 ? 0 : Math.max(...records.map((r) => r.generation)) + 1;
    return { ...base, step: "create", changed: [], ...fresh(generation) };
  }
  const changed = changedKeys(current.inputs, inputs);
  if (changed.some((key) => provider.replaceKeys.includes(key))) {
    const made = fresh(Math.max(...records.map((r) => r.generation)) + 1);
    return { ...base, step: "replace", changed, old: current, ...made, ...(made.id === current.id ? { deleteFirst: true } : {}) };
  }
  const step = changed.length > 0 || current.dirty === true ? "update" : "same";
  const outputs =
    step === "same" ? current.outputs : { ...current.outputs, ...provider.predict(input.naming.accountId, input.naming.region, current.id, inputs) };
  return { ...base, step, changed, old: current, id: current.id, generation: current.generation, outputs };
}

/** Puts each function's code hash into its inputs, and re-decides its step. */
async function addCode(input: PlanInput, steps: PlanStep[], values: Values): Promise<void> {
  const withCode = steps.filter((step) => step.node?.descriptor.code !== undefined && step.step !== "read");
  if (withCode.length === 0) return;
  const hashes = await input.code(
    withCode.map((step) => step.node!),
    values,
  );
  for (const step of withCode) {
    const found = hashes.get(step.key);
    const node = step.node!;
    for (const resource of found?.captured ?? []) {
      const dependency = input.program.byResource.get(resource);
      if (dependency !== undefined && dependency !== node) node.dependencies.add(dependency.key);
    }
    const redone = decide(input, node, { ...step.inputs, code: found?.hash ?? UNKNOWN });
    Object.assign(step, redone);
  }
}

/** Records the program no longer declares, and replaced ones: dependents before what they depend on. */
function deleteSteps(state: StackState, steps: PlanStep[]): PlanStep[] {
  const kept = new Set(steps.filter((s) => s.step !== "replace").map((s) => `${s.key}\u0000${s.old?.id ?? ""}`));
  // A replace that must delete first (the new resource takes the old one's name) deletes it itself:
  // a delete step after it would delete the new resource.
  const deletedFirst = new Set(steps.filter((s) => s.deleteFirst).map((s) => s.old));
  const doomed = state.resources.filter((r) => !r.read && !deletedFirst.has(r) && (r.retired || !kept.has(`${r.type}::${r.name}\u0000${r.id}`)));
  return reverseDependencyOrder(doomed).map((record) => ({
    key: `${record.type}::${record.name}`,
    type: record.type,
    name: record.name,
    step: "delete",
    id: record.id,
    generation: record.generation,
    inputs: record.inputs,
    outputs: record.outputs,
    old: record,
    changed: [],
    dependencies: record.dependencies,
  }));
}

/** A record comes before the records it depends on. */
function reverseDependencyOrder(records: ResourceState[]): ResourceState[] {
  const order: ResourceState[] = [];
  const left = [...records];
  while (left.length > 0) {
    const key = (r: ResourceState) => `${r.type}::${r.name}`;
    // Deletable now: no other remaining record depends on it.
    const index = left.findIndex((r) => !left.some((other) => other !== r && other.dependencies.includes(key(r))));
    order.push(...left.splice(index < 0 ? 0 : index, 1));
  }
  return order;
}
