// The aws:cloudwatch:LogGroup and aws:cloudwatch:LogSubscriptionFilter
// provider modules against moto_server and against the local cloud (the
// real daemon), the same cases on both: a group created with its retention
// and the stack's tags, changed in place, a function's own group (made by
// Lambda, untagged) adopted; a subscription filter put after its
// permission, its pattern changed in place; a function subscribed to its
// own group refused before anything is applied; destroy leaves nothing.
// Functions are archives here (closures are serialized in child processes
// only: the CLI end-to-end tests).
import {
  CreateLogGroupCommand,
  DescribeLogGroupsCommand,
  DescribeSubscriptionFiltersCommand,
  ListTagsForResourceCommand,
} from "@aws-sdk/client-cloudwatch-logs";
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
  group?: aws.cloudwatch.LogGroupArgs;
  /** Subscribe function "shipper" to the group with this pattern. */
  pattern?: string;
  /** The function's name, given (so its own group is known). */
  functionName?: string;
}

function program(shape: Shape): void {
  const group = new aws.cloudwatch.LogGroup("app", shape.group ?? {});
  if (shape.pattern === undefined) return;
  const code = new aws.asset.AssetArchive({ "index.js": new aws.asset.StringAsset("exports.handler = async () => {};") });
  const fn = new aws.lambda.Function("shipper", {
    code,
    runtime: "nodejs22.x",
    timeout: 10,
    ...(shape.functionName === undefined ? {} : { name: shape.functionName }),
  });
  group.onEvent("ship", fn, { filterPattern: shape.pattern });
}

describe.each(TARGETS)("cloudwatch logs provider against %s", (_label, start, enabled) => {
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
    dir = mkdtempSync(join(tmpdir(), "aws-logs-"));
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
  const groups = async () => ((await sdk.clients.logs.send(new DescribeLogGroupsCommand({}))).logGroups ?? []).map((g) => [g.logGroupName, g.retentionInDays]);
  const tagsOf = async (arn: string) => (await sdk.clients.logs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags;
  const filtersOf = async (group: string) =>
    ((await sdk.clients.logs.send(new DescribeSubscriptionFiltersCommand({ logGroupName: group }))).subscriptionFilters ?? []).map((f) => [
      f.filterName,
      f.filterPattern,
      f.destinationArn,
    ]);

  test.skipIf(!enabled)("group: created with its retention and the stack's tags, changed in place, the next plan empty; destroy leaves none", async () => {
    const first = await up({ group: { retentionInDays: 7, tags: { team: "a" } } });
    const id = idOf(first, "aws:cloudwatch:LogGroup", "app");
    expect(id).toMatch(/^app-[0-9a-f]{7}$/);
    const arn = `arn:aws:logs:us-east-1:${endpoint.account}:log-group:${id}`;
    expect([first.values.outputsOf("aws:cloudwatch:LogGroup::app"), await groups()]).toEqual([{ name: id, arn }, [[id, 7]]]);
    expect(await tagsOf(arn)).toEqual({ team: "a", "closure-pack:name": "app", "closure-pack:project": "shop", "closure-pack:stack": "dev" });
    expect(changes(await up({ group: { retentionInDays: 7, tags: { team: "a" } } }))).toEqual([]);
    const second = await up({ group: { retentionInDays: 30 } });
    expect([changes(second), await groups()]).toEqual([["update aws:cloudwatch:LogGroup app"], [[id, 30]]]);
    expect(Object.keys((await tagsOf(arn)) ?? {}).sort()).toEqual(["closure-pack:name", "closure-pack:project", "closure-pack:stack"]);
    await up(undefined);
    expect(await groups()).toEqual([]);
  });

  test.skipIf(!enabled)("group: a function's own group that Lambda made (untagged) is adopted and tagged", async () => {
    await sdk.clients.logs.send(new CreateLogGroupCommand({ logGroupName: "/aws/lambda/worker" }));
    const first = await up({ group: { name: "/aws/lambda/worker", retentionInDays: 14 } });
    expect([changes(first), await groups()]).toEqual([["create aws:cloudwatch:LogGroup app"], [["/aws/lambda/worker", 14]]]);
    expect((await tagsOf(`arn:aws:logs:us-east-1:${endpoint.account}:log-group:/aws/lambda/worker`))?.["closure-pack:stack"]).toBe("dev");
  });

  test.skipIf(!enabled)("group: one made before a crash under the planned name (the stack's tags) is adopted and brought in line", async () => {
    const stackTags = { "closure-pack:project": "shop", "closure-pack:stack": "dev", "closure-pack:name": "app" };
    const plan = await up({ group: { retentionInDays: 3 } }, async (planned) => {
      await sdk.clients.logs.send(new CreateLogGroupCommand({ logGroupName: idOf(planned, "aws:cloudwatch:LogGroup", "app"), tags: stackTags }));
    });
    expect(await groups()).toEqual([[idOf(plan, "aws:cloudwatch:LogGroup", "app"), 3]]);
  });

  test.skipIf(!enabled)("group: one of that name made outside the stack is refused, not adopted, and left alone", async () => {
    await sdk.clients.logs.send(new CreateLogGroupCommand({ logGroupName: "shared", tags: { owner: "them" } }));
    await expect(up({ group: { name: "shared", retentionInDays: 1 } })).rejects.toThrow(
      expect.objectContaining({
        code: "CLOUD_ERROR",
        message:
          'aws:cloudwatch:LogGroup "app": create failed: ResourceAlreadyExistsException: log group shared exists in this account and was not made by this stack\nhint: the name is taken by a resource this stack did not make: give the resource another name, or use the existing one with get()',
      }),
    );
    expect([await groups(), await tagsOf(`arn:aws:logs:us-east-1:${endpoint.account}:log-group:shared`)]).toEqual([[["shared", undefined]], { owner: "them" }]);
    await up(undefined);
    expect(await groups()).toEqual([["shared", undefined]]);
  });

  test.skipIf(!enabled)("filter: put after its permission, the pattern changed in place; destroy removes it", async () => {
    const first = await up({ pattern: "ERROR" });
    const group = idOf(first, "aws:cloudwatch:LogGroup", "app");
    const fnArn = `arn:aws:lambda:us-east-1:${endpoint.account}:function:${idOf(first, "aws:lambda:Function", "shipper")}`;
    const filterId = idOf(first, "aws:cloudwatch:LogSubscriptionFilter", "ship");
    expect(filterId).toMatch(new RegExp(`^${group}\\|ship-[0-9a-f]{7}$`));
    const filterName = filterId.split("|")[1]!;
    expect(await filtersOf(group)).toEqual([[filterName, "ERROR", fnArn]]);
    expect(changes(await up({ pattern: "ERROR" }))).toEqual([]);
    const second = await up({ pattern: '{ $.level = "ERROR" }' });
    expect([changes(second), await filtersOf(group)]).toEqual([
      ["update aws:cloudwatch:LogSubscriptionFilter ship"],
      [[filterName, '{ $.level = "ERROR" }', fnArn]],
    ]);
    await up(undefined);
    expect(await groups()).toEqual([]);
  });

  test.skipIf(!enabled)("filter: a function on its own log group is refused when the plan is made; nothing is created", async () => {
    const failed = await up({ group: { name: "/aws/lambda/worker" }, functionName: "worker", pattern: "" }).then(
      () => "(no error)",
      (error: Error) => error.message.replace(/packages\/aws\/test\/[\w-]+\.test\.ts:\d+/g, "FILE:N"),
    );
    expect(failed).toBe(
      'FILE:N: aws:cloudwatch:LogSubscriptionFilter "ship": a function cannot subscribe to its own log group: /aws/lambda/worker is the log group of the destination function worker (AWS refuses it: each delivery would write lines that are delivered again)\nhint: subscribe another function to this group, or this function to another group',
    );
    expect(await groups()).toEqual([]);
  });
});
