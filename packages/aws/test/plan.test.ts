// Plans of a program against a state: one table of programs and edits,
// with the steps expected. Code hashes come from the callbacks' source here
// (the serializer's part is tested end to end against moto).
import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { makePlan, type Plan } from "../src/engine/plan.js";
import type { ProgramNode } from "../src/engine/program.js";
import { emptyState, type StackState } from "../src/engine/state.js";
import { providerFor } from "../src/provider/providers.js";
import { declare } from "./support/program.js";

const NAMING = { accountId: "123456789012", region: "us-east-1", project: "seed", stack: "dev" };

interface Options {
  message?: string;
  memorySize?: number;
  bucket?: string;
  second?: boolean;
}

function seed(options: Options = {}): void {
  const docs = new aws.s3.Bucket("docs", options.bucket === undefined ? {} : { bucket: options.bucket });
  const message = options.message ?? "Hello";
  const callback = new Function("e", `console.log(${JSON.stringify(message)}, e)`) as (e: unknown) => void;
  docs.onObjectCreated(
    "docsHandler",
    new aws.lambda.CallbackFunction("docsHandler", { callback, ...(options.memorySize ? { memorySize: options.memorySize } : {}) }),
  );
  if (options.second) docs.onObjectRemoved("gone", () => undefined);
}

async function plan(options: Options, state: StackState): Promise<Plan> {
  const program = declare(() => seed(options));
  return makePlan({
    program,
    state,
    naming: NAMING,
    providerFor,
    read: async () => undefined,
    code: async (nodes: ProgramNode[]) => new Map(nodes.map((node) => [node.key, { hash: sourceHash(node), captured: new Set<object>() }])),
  });
}

function sourceHash(node: ProgramNode): string {
  const code = node.descriptor.code as { fn: Function };
  return createHash("sha256").update(code.fn.toString()).digest("hex");
}

/** The state a successful apply of `plan` leaves (predicted outputs stand for real ones). */
function applied(plan: Plan): StackState {
  const state = emptyState("dev", "aws:us-east-1");
  for (const step of plan.steps) {
    if (step.step === "delete") continue;
    state.resources.push({
      type: step.type,
      name: step.name,
      id: step.id,
      generation: step.generation,
      inputs: step.inputs,
      outputs: step.outputs,
      dependencies: step.dependencies,
    });
  }
  return state;
}

function steps(plan: Plan): string[] {
  return plan.steps.filter((s) => s.step !== "same").map((s) => `${s.step} ${s.type} ${s.name}${s.changed.length ? ` [${s.changed.join(",")}]` : ""}`);
}

const EDITS: Array<{ name: string; edit: Options; expected: string[] }> = [
  { name: "edit: nothing", edit: {}, expected: [] },
  { name: "edit: the handler's message", edit: { message: "Bye" }, expected: ["update aws:lambda:Function docsHandler [code]"] },
  { name: "edit: memorySize", edit: { memorySize: 256 }, expected: ["update aws:lambda:Function docsHandler [memorySize]"] },
  {
    name: "edit: the bucket's name",
    edit: { bucket: "renamed-docs" },
    expected: [
      "replace aws:s3:Bucket docs [bucket]",
      "replace aws:lambda:Permission docsHandler [sourceArn]",
      "replace aws:s3:BucketNotification docs [bucket]",
      "delete aws:s3:BucketNotification docs",
      "delete aws:lambda:Permission docsHandler",
      "delete aws:s3:Bucket docs",
    ],
  },
  {
    name: "edit: a second subscription",
    edit: { second: true },
    expected: [
      "create aws:iam:Role gone",
      "create aws:lambda:Function gone",
      "create aws:iam:RolePolicy gone",
      "create aws:lambda:Permission gone",
      "update aws:s3:BucketNotification docs [lambdaFunctions]",
    ],
  },
];

describe("plan after an up", () => {
  test("first plan: every resource is created, with deterministic names", async () => {
    const first = await plan({}, emptyState("dev", "aws:us-east-1"));
    expect(first.steps.map((s) => `${s.step} ${s.type} ${s.name} ${s.id}`)).toEqual([
      "create aws:s3:Bucket docs docs-d81647b",
      "create aws:iam:Role docsHandler docsHandler-8a33f77",
      "create aws:lambda:Function docsHandler docsHandler-dbdad97",
      "create aws:iam:RolePolicy docsHandler docsHandler-8a33f77:docsHandler-7fa9fbe",
      "create aws:lambda:Permission docsHandler docsHandler-dbdad97:docsHandler-fa25a8b",
      "create aws:s3:BucketNotification docs docs-d81647b",
    ]);
  });

  test.each(EDITS)("$name", async ({ edit, expected }) => {
    const state = applied(await plan({}, emptyState("dev", "aws:us-east-1")));
    const next = await plan(edit, state);
    expect(steps(next)).toEqual(expected);
    // Applied, the same program plans nothing more.
    expect(steps(await plan(edit, applied(next)))).toEqual([]);
  });

  test("replace: the new bucket has the next generation's name, the old one is deleted", async () => {
    const state = applied(await plan({}, emptyState("dev", "aws:us-east-1")));
    const next = await plan({ bucket: "renamed-docs" }, state);
    const bucketSteps = next.steps.filter((s) => s.type === "aws:s3:Bucket").map((s) => `${s.step} ${s.id}`);
    expect(bucketSteps).toEqual(["replace renamed-docs", "delete docs-d81647b"]);
  });

  test("removed program: everything is deleted, dependents first", async () => {
    const state = applied(await plan({}, emptyState("dev", "aws:us-east-1")));
    const empty = await makePlan({
      program: declare(() => undefined),
      state,
      naming: NAMING,
      providerFor,
      read: async () => undefined,
      code: async () => new Map(),
    });
    expect(empty.steps.map((s) => `${s.step} ${s.type}`)).toEqual([
      "delete aws:iam:RolePolicy",
      "delete aws:s3:BucketNotification",
      "delete aws:lambda:Permission",
      "delete aws:s3:Bucket",
      "delete aws:lambda:Function",
      "delete aws:iam:Role",
    ]);
    // Each resource is deleted before those it depends on.
    const position = new Map(empty.steps.map((s, i) => [s.key, i]));
    for (const step of empty.steps) for (const dependency of step.dependencies) expect(position.get(dependency)!).toBeGreaterThan(position.get(step.key)!);
  });
});
