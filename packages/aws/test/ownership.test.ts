// Who owns a name, against moto_server and the local cloud, one table of
// kinds: a table, stream, rule or log group of the planned name that this stack did
// not make is refused (the whole message), left as it is and kept by
// destroy; an API of that name (API Gateway's names are not unique) is left
// alone while the stack makes its own. One made by a create cut short, with
// the stack's tags, is adopted, never made twice; a create journaled before
// a crash whose name someone else holds is forgotten by the next run, not
// adopted, and refused. (Buckets, roles, functions,
// queues and topics: their own provider tests.)
import { CreateRestApiCommand } from "@aws-sdk/client-api-gateway";
import { CreateApiCommand } from "@aws-sdk/client-apigatewayv2";
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { CreateLogGroupCommand } from "@aws-sdk/client-cloudwatch-logs";
import { PutRuleCommand } from "@aws-sdk/client-eventbridge";
import { AddTagsToStreamCommand, CreateStreamCommand } from "@aws-sdk/client-kinesis";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { Deployment } from "../src/engine/deployment.js";
import type { Plan } from "../src/engine/plan.js";
import { emptyState, readState, writeState } from "../src/engine/state.js";
import { createProviderContext, type ProviderContext } from "../src/provider/context.js";
import { targetLabel } from "../src/provider/target.js";
import { TARGETS, type Endpoint } from "./support/endpoints.js";
import { held, stackTags } from "./support/inventory.js";
import { declare } from "./support/program.js";

const HINT = "\nhint: the name is taken by a resource this stack did not make: give the resource another name, or use the existing one with get()";

interface Kind {
  kind: string;
  type: string;
  /** Declares the resource "orders", named `name` when given. */
  declare(name: string | undefined): void;
  /** Makes a resource of that name outside the stack, with these tags. */
  make(sdk: ProviderContext, name: string, tags: Record<string, string>): Promise<unknown>;
  /** AWS's code when the name is taken; undefined where names are not unique. */
  code?: string;
}

function apiRoutes(): Array<{ method: aws.apigateway.Method; path: string; eventHandler: aws.lambda.Function }> {
  const code = new aws.asset.AssetArchive({ "index.js": new aws.asset.StringAsset("exports.handler = async () => ({ statusCode: 200 });") });
  return [{ method: "GET", path: "/a", eventHandler: new aws.lambda.Function("reader", { code, runtime: "nodejs22.x" }) }];
}

const KINDS: Kind[] = [
  {
    kind: "table",
    type: "aws:dynamodb:Table",
    code: "ResourceInUseException",
    declare: (name) =>
      new aws.dynamodb.Table("orders", {
        ...(name === undefined ? {} : { name }),
        attributes: [{ name: "id", type: "S" }],
        hashKey: "id",
        billingMode: "PAY_PER_REQUEST",
      }),
    make: (sdk, name, tags) =>
      sdk.clients.dynamodb.send(
        new CreateTableCommand({
          TableName: name,
          AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
          KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
          BillingMode: "PAY_PER_REQUEST",
          Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
        }),
      ),
  },
  {
    kind: "stream",
    type: "aws:kinesis:Stream",
    code: "ResourceInUseException",
    declare: (name) => new aws.kinesis.Stream("orders", { ...(name === undefined ? {} : { name }), shardCount: 1 }),
    // Tagged after: moto 5.2.1 drops CreateStream's tags.
    make: async (sdk, name, tags) => {
      await sdk.clients.kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 }));
      await sdk.clients.kinesis.send(new AddTagsToStreamCommand({ StreamName: name, Tags: tags }));
    },
  },
  {
    kind: "rule",
    type: "aws:cloudwatch:EventRule",
    code: "ResourceAlreadyExistsException",
    declare: (name) => new aws.cloudwatch.EventRule("orders", { ...(name === undefined ? {} : { name }), eventPattern: { source: ["shop"] } }),
    make: (sdk, name, tags) =>
      sdk.clients.events.send(
        new PutRuleCommand({
          Name: name,
          EventPattern: JSON.stringify({ source: ["theirs"] }),
          Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
        }),
      ),
  },
  {
    kind: "log group",
    type: "aws:cloudwatch:LogGroup",
    code: "ResourceAlreadyExistsException",
    declare: (name) => new aws.cloudwatch.LogGroup("orders", name === undefined ? {} : { name }),
    make: (sdk, name, tags) => sdk.clients.logs.send(new CreateLogGroupCommand({ logGroupName: name, tags })),
  },
  {
    kind: "http api",
    type: "aws:apigatewayv2:Api",
    declare: () => new aws.apigateway.API("orders", { routes: apiRoutes() }),
    make: (sdk, name, tags) => sdk.clients.apigatewayv2.send(new CreateApiCommand({ Name: name, ProtocolType: "HTTP", Tags: tags })),
  },
  {
    kind: "rest api",
    type: "aws:apigateway:RestApi",
    declare: () => new aws.apigateway.RestAPI("orders", { routes: apiRoutes() }),
    make: (sdk, name, tags) => sdk.clients.apigateway.send(new CreateRestApiCommand({ name, tags })),
  },
];

describe.each(TARGETS)("ownership against %s", (_label, start, enabled) => {
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
    sdk?.destroy();
    await endpoint.reset();
    sdk = createProviderContext(endpoint.target, { stack: "x", project: "x" });
    dir = mkdtempSync(join(tmpdir(), "aws-ownership-"));
    return () => rmSync(dir, { recursive: true, force: true });
  });

  async function up(build: (() => void) | undefined, beforeApply?: (plan: Plan) => Promise<void>): Promise<Plan> {
    const resources = declare(() => build?.());
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
  const idOf = (plan: Plan, type: string) => plan.steps.find((s) => s.type === type && s.name === "orders")!.id;
  const theirs = { owner: "them" };

  test.skipIf(!enabled).each(KINDS.filter((k) => k.code !== undefined))(
    "$kind: one of that name made outside the stack is refused, not adopted, and left alone",
    async ({ kind, type, code, declare: build, make }) => {
      await make(sdk, "shared-orders", theirs);
      await expect(up(() => build("shared-orders"))).rejects.toThrow(
        expect.objectContaining({
          code: "CLOUD_ERROR",
          message: `${type} "orders": create failed: ${code!}: ${kind} shared-orders exists in this account and was not made by this stack${HINT}`,
        }),
      );
      expect(await held(sdk, type)).toEqual([{ name: "shared-orders", tags: theirs }]);
      await up(undefined);
      expect(await held(sdk, type)).toEqual([{ name: "shared-orders", tags: theirs }]);
    },
  );

  test.skipIf(!enabled).each(KINDS.filter((k) => k.code !== undefined))(
    "$kind: a create journaled before a crash, under a name someone else holds, is forgotten, not adopted, and refused",
    async ({ kind, type, code, declare: build, make }) => {
      await make(sdk, "shared-orders", theirs);
      // What a kill -9 right after the journal entry leaves.
      const state = emptyState("dev", targetLabel(endpoint.target));
      state.pending.push({ op: "create", type, name: "orders", id: "shared-orders", generation: 0, inputs: {}, dependencies: [] });
      writeState(dir, state);
      await expect(up(() => build("shared-orders"))).rejects.toThrow(
        expect.objectContaining({
          code: "CLOUD_ERROR",
          message: `${type} "orders": create failed: ${code!}: ${kind} shared-orders exists in this account and was not made by this stack${HINT}`,
        }),
      );
      expect([readState(dir, "dev")!.pending, readState(dir, "dev")!.resources]).toEqual([[], []]);
      expect(await held(sdk, type)).toEqual([{ name: "shared-orders", tags: theirs }]);
    },
  );

  test.skipIf(!enabled).each(KINDS.filter((k) => k.code === undefined))(
    "$kind: one of the planned name made outside the stack is left alone; the stack makes its own, and destroy deletes only that",
    async ({ type, declare: build, make }) => {
      let name = "";
      await up(
        () => build(undefined),
        async (plan) => {
          name = idOf(plan, type);
          await make(sdk, name, theirs);
        },
      );
      expect(await held(sdk, type)).toEqual([
        { name, tags: stackTags("orders") },
        { name, tags: theirs },
      ]);
      await up(undefined);
      expect(await held(sdk, type)).toEqual([{ name, tags: theirs }]);
    },
  );

  test.skipIf(!enabled).each(KINDS)(
    "$kind: one made by a create cut short (the stack's tags) is adopted, not made twice",
    async ({ type, declare: build, make }) => {
      let name = "";
      await up(
        () => build(undefined),
        async (plan) => {
          name = idOf(plan, type);
          await make(sdk, name, stackTags("orders"));
        },
      );
      expect(await held(sdk, type)).toEqual([{ name, tags: stackTags("orders") }]);
      await up(undefined);
      expect(await held(sdk, type)).toEqual([]);
    },
  );
});
