// How the deploy commands show a plan, its progress and its result: a table
// (type, name, step), a summary (`+ 3 to create`, `5 unchanged`), changed
// inputs under --diff, and a stable --json shape (the same on every target).
import type { PlanStep, StepKind, StepStatus } from "@closure-pack/aws/engine";
import { showChange } from "@closure-pack/aws/engine";
import type { Paint } from "./colors.js";

const ORDER: StepKind[] = ["create", "update", "replace", "delete", "read", "same"];

export function countSteps(steps: readonly PlanStep[]): Record<StepKind, number> {
  const counts = Object.fromEntries(ORDER.map((kind) => [kind, 0])) as Record<StepKind, number>;
  for (const step of steps) counts[step.step]++;
  return counts;
}

export function hasChanges(steps: readonly PlanStep[]): boolean {
  return steps.some((step) => step.step !== "same" && step.step !== "read");
}

export function formatPlan(steps: readonly PlanStep[], showDiff: boolean, paint: Paint): string {
  const rows = steps.map((step) => [step.type, step.name, step.step]);
  const widths = [0, 1].map((i) => Math.max(i === 0 ? 4 : 4, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `  ${cells[0]!.padEnd(widths[0]!)}  ${cells[1]!.padEnd(widths[1]!)}  ${cells[2]}`;
  const out = [paint.bold(line(["Type", "Name", "Step"]))];
  for (const step of steps) {
    out.push(colour(step.step, line([step.type, step.name, step.step]), paint));
    if (showDiff && (step.step === "update" || step.step === "replace")) {
      for (const key of step.changed) out.push(paint.dim(`      ${key}: ${showChange(step.old?.inputs[key], step.inputs[key])}`));
    }
  }
  return `${out.join("\n")}\n`;
}

function colour(kind: StepKind, text: string, paint: Paint): string {
  if (kind === "create") return paint.green(text);
  if (kind === "delete") return paint.red(text);
  if (kind === "update" || kind === "replace") return paint.yellow(text);
  return text;
}

export function formatSummary(steps: readonly PlanStep[]): string {
  const counts = countSteps(steps);
  const parts = [
    counts.create && `+ ${counts.create} to create`,
    counts.update && `~ ${counts.update} to update`,
    counts.replace && `+- ${counts.replace} to replace`,
    counts.delete && `- ${counts.delete} to delete`,
    counts.read && `${counts.read} read`,
    counts.same && `${counts.same} unchanged`,
  ].filter(Boolean);
  return `${hasChanges(steps) ? "" : "no changes\n"}${parts.join("\n")}${parts.length ? "\n" : ""}`;
}

const VERB: Record<StepKind, string> = { create: "created", update: "updated", replace: "replaced", delete: "deleted", read: "read", same: "unchanged" };

const DOING: Record<StepKind, string> = { create: "creating", update: "updating", replace: "replacing", delete: "deleting", read: "reading", same: "" };

/**
 * Progress as it happens: one line per step when it ends; on a terminal also
 * a line when it starts and the seconds it took (steps run in parallel).
 */
export function formatProgress(step: PlanStep, status: StepStatus, terminal: boolean, seconds?: number): string | undefined {
  if (status === "start") return terminal ? `  ${step.type} ${step.name}: ${DOING[step.step]}...\n` : undefined;
  if (status === "skipped") return `  ${step.type} ${step.name}: unchanged after all\n`;
  const took = terminal && seconds !== undefined ? ` (${seconds.toFixed(1)} s)` : "";
  return `  ${step.type} ${step.name}: ${status === "done" ? VERB[step.step] : "failed"}${took}\n`;
}

export function formatOutputs(outputs: Record<string, unknown>): string {
  const names = Object.keys(outputs);
  if (names.length === 0) return "";
  return `Outputs:\n${names.map((name) => `  ${name}: ${JSON.stringify(outputs[name])}`).join("\n")}\n`;
}

/** The --json record of up, preview and destroy. */
export function planRecord(stack: string, target: string, steps: readonly PlanStep[], outputs: Record<string, unknown> | undefined, applied: boolean) {
  return {
    stack,
    target,
    applied,
    changes: countSteps(steps),
    steps: steps.map((step) => ({ type: step.type, name: step.name, step: step.step, id: step.id, ...(step.changed.length ? { changed: step.changed } : {}) })),
    ...(outputs === undefined ? {} : { outputs }),
  };
}
