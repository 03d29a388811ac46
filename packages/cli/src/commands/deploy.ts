// `closure-pack up | preview | destroy <program>`: open the stack (lock,
// state, pending operations of a crashed run resolved), load the program,
// plan, show the plan, ask (or take --yes), apply with progress, show the
// outputs. Nothing is applied when loading or planning fails.
import { createInterface } from "node:readline/promises";
import { dirname, resolve } from "node:path";
import { AwsError, collectProgram, Deployment, projectName, readState, targetLabel, type Plan, type PlanStep, type StepStatus } from "@closure-pack/aws/engine";
import type { DeployCommand } from "../deploy-args.js";
import { resolveTarget } from "../deploy-target.js";
import type { Io } from "../io.js";
import { checkEntry } from "../load-entry.js";
import { loadProgram } from "../load-program.js";
import { displayPath } from "../paths.js";
import { formatOutputs, formatPlan, formatProgress, formatSummary, hasChanges, planRecord } from "../plan-report.js";

export async function runDeploy(command: DeployCommand, io: Io): Promise<number> {
  const absolute = checkEntry(resolve(io.cwd, command.program), displayPath(io.cwd, command.program));
  const projectDir = dirname(absolute);
  const remembered = readState(projectDir, command.stack)?.target;
  if (command.kind === "destroy" && remembered === undefined) throw unknownStack(command.stack);
  const target = await resolveTarget(command, io.env, projectDir, true, io.err, remembered);
  const deployment = await Deployment.open({
    projectDir,
    project: projectName(absolute),
    stack: command.stack,
    target,
    command: `closure-pack ${command.kind}`,
    mutating: command.kind !== "preview",
  });
  try {
    if (deployment.recovered > 0) io.err(`resolved ${deployment.recovered} operation(s) an interrupted run left pending\n`);
    const loaded = command.kind === "destroy" ? { program: collectProgram([]), exports: {} } : await loadProgram(command.program, io.cwd);
    const plan = await deployment.plan(loaded.program);
    for (const notice of plan.notices) io.err(`notice: ${notice}\n`);
    return await present(command, io, plan, targetLabel(target), async () => {
      const terminal = process.stdout.isTTY === true;
      const started = new Map<PlanStep, number>();
      const onStep = command.json
        ? undefined
        : (step: PlanStep, status: StepStatus) => {
            if (status === "start") started.set(step, performance.now());
            const began = started.get(step);
            const line = formatProgress(step, status, terminal, began === undefined ? undefined : (performance.now() - began) / 1000);
            if (line !== undefined) io.out(line);
          };
      return deployment.apply(plan, loaded.exports, onStep);
    });
  } finally {
    deployment.close();
  }
}

async function present(command: DeployCommand, io: Io, plan: Plan, target: string, apply: () => Promise<Record<string, unknown>>): Promise<number> {
  const verb = command.kind === "destroy" ? "Destroying" : command.kind === "preview" ? "Previewing update of" : "Updating";
  if (!command.json) {
    io.out(`${verb} stack "${command.stack}" (${target}):\n\n${formatPlan(plan.steps, command.diff, io.outPaint)}\n${formatSummary(plan.steps)}`);
  }
  if (command.kind === "preview") {
    if (command.json) io.out(`${JSON.stringify(planRecord(command.stack, target, plan.steps, undefined, false), null, 2)}\n`);
    return 0;
  }
  if (hasChanges(plan.steps) && !command.yes) {
    const answer = await confirm(io, command.kind === "destroy" ? "Do you want to perform this destroy?" : "Do you want to perform this update?");
    if (answer === "no-terminal") {
      io.err(
        `closure-pack: not applying without --yes: there is no terminal to ask\nhint: review the plan with "closure-pack preview", then run again with --yes\n`,
      );
      return 2;
    }
    if (!answer) {
      io.err("cancelled: nothing was changed\n");
      return 1;
    }
  }
  if (!command.json && hasChanges(plan.steps)) io.out("\n");
  const outputs = await apply();
  if (command.json) io.out(`${JSON.stringify(planRecord(command.stack, target, plan.steps, outputs, true), null, 2)}\n`);
  else io.out(`${hasChanges(plan.steps) ? "\n" : ""}${formatOutputs(outputs)}`);
  return 0;
}

async function confirm(io: Io, question: string): Promise<boolean | "no-terminal"> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return "no-terminal";
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await prompt.question(`\n${question} (yes/no) `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}

export function unknownStack(stack: string, known: readonly string[] = []): AwsError {
  return new AwsError("STACK_NOT_FOUND", `stack "${stack}"`, "has no state here (.closure-pack/stacks/ beside the program)", {
    hint:
      known.length > 0
        ? `stacks here: ${known.join(", ")}`
        : "deploy it first: closure-pack up <program> --stack <name>, or run from the program's folder (--dir)",
  });
}
