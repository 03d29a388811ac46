// The API Gateway provider modules against moto_server: an HTTP API (routes,
// one AWS_PROXY 2.0 integration per function, the auto-deployed $default
// stage) and a REST API (the resource tree, proxy integrations, a deployment
// to the stage) are created, reconciled when routes change, adopted when a
// create was cut short, and deleted. Functions are archives here (closures
// are serialized in child processes only: the CLI end-to-end test).
import { GetIntegrationsCommand, GetApisCommand, GetRoutesCommand, GetStagesCommand, CreateApiCommand, GetTagsCommand } from "@aws-sdk/client-apigatewayv2";
import { GetResourcesCommand, GetRestApisCommand, GetStagesCommand as GetRestStagesCommand } from "@aws-sdk/client-api-gateway";
import { GetPolicyCommand } from "@aws-sdk/client-lambda";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { Deployment } from "../src/engine/deployment.js";
import type { Plan } from "../src/engine/plan.js";
import { createProviderContext, type ProviderContext } from "../src/provider/context.js";
import type { Target } from "../src/provider/target.js";
import { declare } from "./support/program.js";
import { hasMoto, startMoto, type Moto } from "./support/moto.js";

const enabled = hasMoto();
let moto: Moto;
let dir: string;
let target: Target;
let sdk: ProviderContext;

beforeAll(async () => {
  if (!enabled) return;
  moto = await startMoto();
  target = { kind: "aws", region: "us-east-1", endpoint: moto.endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" } };
  sdk = createProviderContext(target, { stack: "x", project: "x" });
});
afterAll(async () => {
  sdk?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  if (!enabled) return;
  await moto.reset();
  dir = mkdtempSync(join(tmpdir(), "aws-apigateway-"));
  return () => rmSync(dir, { recursive: true, force: true });
});

type RouteKey = `${aws.apigateway.Method} /${string}`;

interface Shape {
  kind: "http" | "rest";
  routes: RouteKey[];
  tags?: Record<string, string>;
}

function program(shape: Shape): void {
  const code = new aws.asset.AssetArchive({ "index.js": new aws.asset.StringAsset("exports.handler = async () => ({ statusCode: 200, body: 'ok' });") });
  const reader = new aws.lambda.Function("reader", { code, runtime: "nodejs22.x" });
  const writer = new aws.lambda.Function("writer", { code, runtime: "nodejs22.x" });
  const routes = shape.routes.map((key) => {
    const [method, path] = key.split(" ") as [aws.apigateway.Method, string];
    return { method, path, eventHandler: method === "GET" ? reader : writer };
  });
  const tags = shape.tags === undefined ? {} : { tags: shape.tags };
  if (shape.kind === "http") new aws.apigateway.API("api", { routes, ...tags });
  else new aws.apigateway.RestAPI("api", { routes, ...tags });
}

async function open(): Promise<Deployment> {
  return Deployment.open({ projectDir: dir, project: "shop", stack: "dev", target, command: "test", mutating: true });
}

async function up(shape: Shape | (() => void) | undefined, beforeApply?: (plan: Plan) => Promise<void>): Promise<Plan> {
  const resources = declare(() => (typeof shape === "function" ? shape() : shape && program(shape)));
  const deployment = await open();
  try {
    const plan = await deployment.plan(resources);
    await beforeApply?.(plan);
    await deployment.apply(plan, {});
    return plan;
  } finally {
    deployment.close();
  }
}

function changes(plan: Plan): string[] {
  return plan.steps.filter((s) => s.step !== "same" && s.step !== "read").map((s) => `${s.step} ${s.type} ${s.name}`);
}

function apiOutputs(plan: Plan, type: string): Record<string, unknown> {
  return plan.values.outputsOf(`${type}::api`)!;
}

async function httpRoutes(apiId: string): Promise<string[]> {
  const { Items = [] } = await sdk.clients.apigatewayv2.send(new GetRoutesCommand({ ApiId: apiId }));
  return Items.map((route) => route.RouteKey!).sort();
}

async function restMethods(apiId: string): Promise<string[]> {
  const { items = [] } = await sdk.clients.apigateway.send(new GetResourcesCommand({ restApiId: apiId, embed: ["methods"] }));
  return items.flatMap((resource) => Object.keys(resource.resourceMethods ?? {}).map((method) => `${method} ${resource.path!}`)).sort();
}

describe.skipIf(!enabled)("apigateway provider against moto", () => {
  test("http api: routes, one integration per function, the $default stage, a permission for the API; the next plan is empty", async () => {
    const plan = await up({ kind: "http", routes: ["GET /items", "GET /items/{id}", "POST /items"] });
    const outputs = apiOutputs(plan, "aws:apigatewayv2:Api");
    const apiId = outputs.apiId as string;
    expect(outputs).toEqual({
      apiId,
      apiEndpoint: `https://${apiId}.execute-api.us-east-1.amazonaws.com`,
      url: `https://${apiId}.execute-api.us-east-1.amazonaws.com/`,
      executionArn: `arn:aws:execute-api:us-east-1:123456789012:${apiId}`,
    });
    const apis = (await sdk.clients.apigatewayv2.send(new GetApisCommand({}))).Items ?? [];
    expect(apis.map((api) => [api.Name, api.ProtocolType])).toEqual([[plan.steps.find((s) => s.type === "aws:apigatewayv2:Api")!.id, "HTTP"]]);
    expect(await httpRoutes(apiId)).toEqual(["GET /items", "GET /items/{id}", "POST /items"]);
    const integrations = (await sdk.clients.apigatewayv2.send(new GetIntegrationsCommand({ ApiId: apiId }))).Items ?? [];
    expect(integrations.map((i) => [i.IntegrationType, i.PayloadFormatVersion]).sort()).toEqual([
      ["AWS_PROXY", "2.0"],
      ["AWS_PROXY", "2.0"],
    ]);
    expect(((await sdk.clients.apigatewayv2.send(new GetStagesCommand({ ApiId: apiId }))).Items ?? []).map((s) => [s.StageName, s.AutoDeploy])).toEqual([
      ["$default", true],
    ]);
    const reader = plan.steps.find((s) => s.type === "aws:lambda:Function" && s.name === "reader")!.id;
    const policy = JSON.parse((await sdk.clients.lambda.send(new GetPolicyCommand({ FunctionName: reader }))).Policy!);
    expect(policy.Statement.map((s: { Principal: unknown; Condition: unknown }) => [s.Principal, s.Condition])).toEqual([
      [{ Service: "apigateway.amazonaws.com" }, { ArnLike: { "AWS:SourceArn": `${outputs.executionArn as string}/*/*` } }],
    ]);
    expect(changes(await up({ kind: "http", routes: ["GET /items", "GET /items/{id}", "POST /items"] }))).toEqual([]);
  });

  test("http api: a change of routes is one update that adds, retargets and removes routes", async () => {
    const first = await up({ kind: "http", routes: ["GET /items", "POST /items"] });
    const apiId = apiOutputs(first, "aws:apigatewayv2:Api").apiId as string;
    const second = await up({ kind: "http", routes: ["GET /items", "GET /other", "PUT /items"] });
    expect(changes(second)).toEqual(["update aws:apigatewayv2:Api api"]);
    expect(apiOutputs(second, "aws:apigatewayv2:Api").apiId).toBe(apiId);
    expect(await httpRoutes(apiId)).toEqual(["GET /items", "GET /other", "PUT /items"]);
  });

  test("http api: one made before a crash under the planned name is adopted, not made twice", async () => {
    await up({ kind: "http", routes: ["GET /a"] }, async (plan) => {
      const name = plan.steps.find((s) => s.type === "aws:apigatewayv2:Api")!.id;
      // The create cut short set the stack's tags in the same call.
      await sdk.clients.apigatewayv2.send(
        new CreateApiCommand({
          Name: name,
          ProtocolType: "HTTP",
          Tags: { "closure-pack:project": "shop", "closure-pack:stack": "dev", "closure-pack:name": "api" },
        }),
      );
    });
    const apis = (await sdk.clients.apigatewayv2.send(new GetApisCommand({}))).Items ?? [];
    expect(apis).toHaveLength(1);
    expect(await httpRoutes(apis[0]!.ApiId!)).toEqual(["GET /a"]);
  });

  test("rest api: the resource tree with a proxy integration per method, deployed to its stage; a change prunes what no route uses", async () => {
    const first = await up({ kind: "rest", routes: ["GET /", "GET /items/{id}", "DELETE /items/{id}", "ANY /files/{proxy+}"] });
    const outputs = apiOutputs(first, "aws:apigateway:RestApi");
    const apiId = outputs.apiId as string;
    expect(outputs.url).toBe(`https://${apiId}.execute-api.us-east-1.amazonaws.com/stage/`);
    expect(await restMethods(apiId)).toEqual(["ANY /files/{proxy+}", "DELETE /items/{id}", "GET /", "GET /items/{id}"]);
    const { items = [] } = await sdk.clients.apigateway.send(new GetResourcesCommand({ restApiId: apiId, embed: ["methods"] }));
    const integration = items.find((r) => r.path === "/items/{id}")!.resourceMethods!.GET!.methodIntegration!;
    const reader = first.steps.find((s) => s.type === "aws:lambda:Function" && s.name === "reader")!.outputs.arn as string;
    expect([integration.type, integration.httpMethod, integration.uri]).toEqual([
      "AWS_PROXY",
      "POST",
      `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${reader}/invocations`,
    ]);
    expect(((await sdk.clients.apigateway.send(new GetRestStagesCommand({ restApiId: apiId }))).item ?? []).map((s) => s.stageName)).toEqual(["stage"]);
    const second = await up({ kind: "rest", routes: ["GET /", "GET /items/{id}", "POST /other"] });
    expect(changes(second)).toEqual(["update aws:apigateway:RestApi api"]);
    expect(await restMethods(apiId)).toEqual(["GET /", "GET /items/{id}", "POST /other"]);
    const paths = ((await sdk.clients.apigateway.send(new GetResourcesCommand({ restApiId: apiId }))).items ?? []).map((r) => r.path).sort();
    expect(paths).toEqual(["/", "/items", "/items/{id}", "/other"]);
  });

  // moto 5.2.1 has no tag operations for REST APIs (/tags/<arn> is a 404 there); the local cloud's control-plane test covers them.
  test("tags: the stack's and the program's, changed in place", async () => {
    const read = async (apiId: string) =>
      (await sdk.clients.apigatewayv2.send(new GetTagsCommand({ ResourceArn: `arn:aws:apigateway:us-east-1::/apis/${apiId}` }))).Tags;
    const stackTags = { "closure-pack:name": "api", "closure-pack:project": "shop", "closure-pack:stack": "dev" };
    const first = await up({ kind: "http", routes: ["GET /a"], tags: { team: "a" } });
    const apiId = apiOutputs(first, "aws:apigatewayv2:Api").apiId as string;
    expect(await read(apiId)).toEqual({ ...stackTags, team: "a" });
    expect(changes(await up({ kind: "http", routes: ["GET /a"], tags: { env: "x" } }))).toEqual(["update aws:apigatewayv2:Api api"]);
    expect(await read(apiId)).toEqual({ ...stackTags, env: "x" });
  });

  test("get: an API made elsewhere is read by its id, never changed or deleted", async () => {
    const made = await sdk.clients.apigatewayv2.send(new CreateApiCommand({ Name: "theirs", ProtocolType: "HTTP" }));
    const read = await up(() => aws.apigateway.API.get("existing", made.ApiId!));
    expect(read.steps.map((s) => [s.step, s.type, s.id])).toEqual([["read", "aws:apigatewayv2:Api", made.ApiId]]);
    expect(read.values.outputsOf("aws:apigatewayv2:Api::existing")).toMatchObject({ apiId: made.ApiId, url: `${made.ApiEndpoint!}/` });
    await up(undefined);
    expect(((await sdk.clients.apigatewayv2.send(new GetApisCommand({}))).Items ?? []).map((api) => api.Name)).toEqual(["theirs"]);
  });

  test("destroy: no API left", async () => {
    await up({ kind: "http", routes: ["GET /a"] });
    await up(undefined);
    await up({ kind: "rest", routes: ["GET /a"] });
    await up(undefined);
    expect((await sdk.clients.apigatewayv2.send(new GetApisCommand({}))).Items ?? []).toEqual([]);
    expect((await sdk.clients.apigateway.send(new GetRestApisCommand({}))).items ?? []).toEqual([]);
  });
});
