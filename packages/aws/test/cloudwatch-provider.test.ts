// The aws:cloudwatch:EventRule and aws:cloudwatch:EventTarget provider
// modules against moto_server and against the local cloud (the real
// daemon), the same cases on both: rule.onEvent's rule is created with its
// pattern and the stack's tags, changed in place (pattern, schedule, state,
// tags), its target created and retargeted in place; destroy leaves no rule.
// Functions are archives here (closures are serialized in child processes
// only: the CLI end-to-end tests).
import { DescribeRuleCommand, ListRulesCommand, ListTagsForResourceCommand, ListTargetsByRuleCommand } from "@aws-sdk/client-eventbridge";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { Deployment } from "../src/engine/deployment.js";
import type { Plan } from "../src/engine/plan.js";
import { createProviderContext, type ProviderContext } from "../src/provider/context.js";
import { declare } from "./support/program.js";
import { TARGETS, type Endpoint } from "./support/endpoints.js";

interface Shape {
  rule?: aws.cloudwatch.EventRuleArgs;
  /** Subscribe function "audit" (or "audit2") to the rule. */
  subscriber?: "audit" | "audit2";
}

function program(shape: Shape): void {
  const rule = new aws.cloudwatch.EventRule("orders", shape.rule ?? { eventPattern: { source: ["shop"] } });
  if (shape.subscriber === undefined) return;
  const code = new aws.asset.AssetArchive({ "index.js": new aws.asset.StringAsset("exports.handler = async () => {};") });
  const fn = new aws.lambda.Function(shape.subscriber, { code, runtime: "nodejs22.x", timeout: 10 });
  new aws.cloudwatch.EventTarget("audit", { rule, arn: fn.arn });
  new aws.lambda.Permission("audit", { function: fn, principal: "events.amazonaws.com", sourceArn: rule.arn });
}

describe.each(TARGETS)("eventbridge provider against %s", (_label, start, enabled) => {
  let endpoint: Endpoint;
  let sdk: ProviderContext;
  let dir: string;

  beforeAll(async () => {
    if (enabled) endpoint = await start();
  });
  afterAll(async () => {
    sdk?.destroy();
    await endpoint?.stop();
  });
  beforeEach(async () => {
    if (!enabled) return;
    sdk?.destroy();
    await endpoint.reset();
    sdk = createProviderContext(endpoint.target, { stack: "x", project: "x" });
    dir = mkdtempSync(join(tmpdir(), "aws-events-"));
    return () => rmSync(dir, { recursive: true, force: true });
  });

  async function up(shape: Shape | undefined, beforeApply?: (plan: Plan) => Promise<void>): Promise<Plan> {
    const resources = declare(() => shape && program(shape));
    const deployment = await Deployment.open({ projectDir: dir, project: "shop", stack: "dev", target: endpoint.target, command: "test", mutating: true });
    try {
      const plan = await deployment.plan(resources);
      await beforeApply?.(plan);
      await deployment.apply(plan, {});
      return plan;
    } finally {
      deployment.close();
    }
  }

  const changes = (plan: Plan) => plan.steps.filter((s) => s.step !== "same" && s.step !== "read").map((s) => `${s.step} ${s.type} ${s.name}`);
  const idOf = (plan: Plan, type: string, name: string) => plan.steps.find((s) => s.type === type && s.name === name)!.id;
  const outputsOf = (plan: Plan, key: string) => plan.values.outputsOf(key)!;
  const ruleNames = async () => ((await sdk.clients.events.send(new ListRulesCommand({}))).Rules ?? []).map((r) => r.Name).sort();
  const targets = async (rule: string) =>
    ((await sdk.clients.events.send(new ListTargetsByRuleCommand({ Rule: rule }))).Targets ?? []).map((t) => [t.Id, t.Arn]);

  test.skipIf(!enabled)("rule: created with its pattern and the stack's tags, changed in place, the next plan empty; destroy leaves none", async () => {
    const first = await up({ rule: { eventPattern: { source: ["shop"] }, tags: { team: "a" } } });
    const id = idOf(first, "aws:cloudwatch:EventRule", "orders");
    expect(id).toMatch(/^orders-[0-9a-f]{7}$/);
    const arn = `arn:aws:events:us-east-1:${endpoint.account}:rule/${id}`;
    expect(outputsOf(first, "aws:cloudwatch:EventRule::orders")).toEqual({ name: id, arn });
    const described = await sdk.clients.events.send(new DescribeRuleCommand({ Name: id }));
    expect([JSON.parse(described.EventPattern!), described.State]).toEqual([{ source: ["shop"] }, "ENABLED"]);
    const tags = (await sdk.clients.events.send(new ListTagsForResourceCommand({ ResourceARN: arn }))).Tags ?? [];
    expect(Object.fromEntries(tags.map((t) => [t.Key, t.Value]))).toEqual({
      team: "a",
      "closure-pack:name": "orders",
      "closure-pack:project": "shop",
      "closure-pack:stack": "dev",
    });
    expect(changes(await up({ rule: { eventPattern: { source: ["shop"] }, tags: { team: "a" } } }))).toEqual([]);
    const second = await up({ rule: { scheduleExpression: "rate(5 minutes)", state: "DISABLED" } });
    expect([changes(second), outputsOf(second, "aws:cloudwatch:EventRule::orders").arn]).toEqual([["update aws:cloudwatch:EventRule orders"], arn]);
    const changed = await sdk.clients.events.send(new DescribeRuleCommand({ Name: id }));
    expect([changed.ScheduleExpression, changed.State]).toEqual(["rate(5 minutes)", "DISABLED"]);
    const retagged = (await sdk.clients.events.send(new ListTagsForResourceCommand({ ResourceARN: arn }))).Tags ?? [];
    expect(retagged.map((t) => t.Key).sort()).toEqual(["closure-pack:name", "closure-pack:project", "closure-pack:stack"]);
    await up(undefined);
    expect(await ruleNames()).toEqual([]);
  });

  test.skipIf(!enabled)("target: created on the rule, retargeted in place to another function; destroy removes it before the rule", async () => {
    const first = await up({ subscriber: "audit" });
    const rule = idOf(first, "aws:cloudwatch:EventRule", "orders");
    expect(idOf(first, "aws:cloudwatch:EventTarget", "audit")).toBe(`${rule}|audit`);
    const fnArn = (name: string, plan: Plan) => `arn:aws:lambda:us-east-1:${endpoint.account}:function:${idOf(plan, "aws:lambda:Function", name)}`;
    expect(await targets(rule)).toEqual([["audit", fnArn("audit", first)]]);
    expect(changes(await up({ subscriber: "audit" }))).toEqual([]);
    const second = await up({ subscriber: "audit2" });
    expect(changes(second)).toContain("update aws:cloudwatch:EventTarget audit");
    expect(await targets(rule)).toEqual([["audit", fnArn("audit2", second)]]);
    await up(undefined);
    expect(await ruleNames()).toEqual([]);
  });
});
