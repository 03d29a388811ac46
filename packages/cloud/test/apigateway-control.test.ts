// API Gateway's control planes on the local cloud, driven by
// @aws-sdk/client-apigatewayv2, @aws-sdk/client-api-gateway and the aws CLI:
// HTTP APIs (APIs, integrations, routes, stages, quick create) and REST APIs
// (the resource tree, methods, integrations, deployments), with AWS's error
// codes for what AWS refuses, and malformed requests answered, never a crash.
import {
  CreateDeploymentCommand as CreateRestDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteResourceCommand,
  DeleteRestApiCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetTagsCommand as GetRestTagsCommand,
  PutIntegrationCommand as PutRestIntegrationCommand,
  PutMethodCommand,
  TagResourceCommand as TagRestCommand,
  UntagResourceCommand as UntagRestCommand,
  UpdateRestApiCommand,
} from "@aws-sdk/client-api-gateway";
import {
  CreateApiCommand,
  CreateIntegrationCommand,
  CreateRouteCommand,
  DeleteApiCommand,
  DeleteIntegrationCommand,
  GetApiCommand,
  GetApisCommand,
  GetIntegrationsCommand,
  GetRoutesCommand,
  GetStagesCommand,
  GetTagsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateApiCommand,
  UpdateRouteCommand,
} from "@aws-sdk/client-apigatewayv2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { gatewayClients, servedAt, type GatewayClients } from "./helpers/apigateway.js";

const FN = "arn:aws:lambda:us-east-1:000000000000:function:f";

let daemon: DaemonProcess;
let gateway: GatewayClients;

beforeAll(async () => {
  daemon = await startDaemon();
  gateway = gatewayClients(daemon.endpoint);
});

afterAll(async () => {
  gateway.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

async function httpApi(): Promise<string> {
  return (await gateway.v2.send(new CreateApiCommand({ Name: "control", ProtocolType: "HTTP" }))).ApiId!;
}

async function integrationOf(apiId: string): Promise<string> {
  const made = await gateway.v2.send(
    new CreateIntegrationCommand({ ApiId: apiId, IntegrationType: "AWS_PROXY", IntegrationUri: FN, PayloadFormatVersion: "2.0" }),
  );
  return made.IntegrationId!;
}

describe("http apis", () => {
  it("api: create, get, list, update, delete; its server closes with it", async () => {
    const made = await gateway.v2.send(new CreateApiCommand({ Name: "crud", ProtocolType: "HTTP", Tags: { team: "a" } }));
    expect(made).toMatchObject({ Name: "crud", ProtocolType: "HTTP", RouteSelectionExpression: "$request.method $request.path", Tags: { team: "a" } });
    expect(made.ApiEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await servedAt(daemon.endpoint, made.ApiId!)).toBe(made.ApiEndpoint);
    expect((await fetch(`${made.ApiEndpoint}/`)).status).toBe(404);
    const { Items = [] } = await gateway.v2.send(new GetApisCommand({}));
    expect(Items.map((api) => api.ApiId)).toContain(made.ApiId);
    await gateway.v2.send(new UpdateApiCommand({ ApiId: made.ApiId, Name: "renamed" }));
    expect((await gateway.v2.send(new GetApiCommand({ ApiId: made.ApiId }))).Name).toBe("renamed");
    await gateway.v2.send(new DeleteApiCommand({ ApiId: made.ApiId }));
    await expect(gateway.v2.send(new GetApiCommand({ ApiId: made.ApiId }))).rejects.toMatchObject({
      name: "NotFoundException",
      message: `Invalid API identifier specified 000000000000:${made.ApiId}`,
    });
    await expect(fetch(`${made.ApiEndpoint}/`)).rejects.toThrow();
  });

  it("quick create: target makes an integration (payload 2.0), the route and the auto-deployed $default stage", async () => {
    const made = await gateway.v2.send(new CreateApiCommand({ Name: "quick", ProtocolType: "HTTP", Target: FN, RouteKey: "GET /hello" }));
    const [integrations, routes, stages] = await Promise.all([
      gateway.v2.send(new GetIntegrationsCommand({ ApiId: made.ApiId })),
      gateway.v2.send(new GetRoutesCommand({ ApiId: made.ApiId })),
      gateway.v2.send(new GetStagesCommand({ ApiId: made.ApiId })),
    ]);
    expect(integrations.Items).toMatchObject([
      { IntegrationType: "AWS_PROXY", IntegrationUri: FN, PayloadFormatVersion: "2.0", TimeoutInMillis: 30000, ApiGatewayManaged: true },
    ]);
    expect(routes.Items).toMatchObject([{ RouteKey: "GET /hello", Target: `integrations/${integrations.Items![0]!.IntegrationId}` }]);
    expect(stages.Items).toMatchObject([{ StageName: "$default", AutoDeploy: true }]);
  });

  const routeKeys: Array<[string, string, string]> = [
    [
      "route key: no method",
      "/items",
      'Invalid route key "/items": the route key must be $default or a method (ANY, GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS) and a path, such as "GET /items/{id}"',
    ],
    [
      "route key: an unknown method",
      "FETCH /items",
      'Invalid route key "FETCH /items": the route key must be $default or a method (ANY, GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS) and a path, such as "GET /items/{id}"',
    ],
    ["route key: a path without /", "GET items", `Invalid route key "GET items": the path must start with '/'`],
    [
      "route key: a greedy variable before the end",
      "GET /{proxy+}/x",
      'Invalid route key "GET /{proxy+}/x": the greedy path variable {proxy+} must be the last segment',
    ],
    [
      "route key: a half variable",
      "GET /items/x{id}",
      "Invalid route key \"GET /items/x{id}\": the segment 'x{id}' must be a whole path variable such as {id} or {proxy+}",
    ],
    ["route key: a variable twice", "GET /{id}/{id}", 'Invalid route key "GET /{id}/{id}": the path variable {id} appears twice'],
    ["route key: an empty segment", "GET /items//x", "Invalid route key \"GET /items//x\": the path has an empty segment ('//' or a trailing '/')"],
  ];

  it.each(routeKeys)("%s is a BadRequestException", async (_name, routeKey, message) => {
    const apiId = await httpApi();
    await expect(gateway.v2.send(new CreateRouteCommand({ ApiId: apiId, RouteKey: routeKey }))).rejects.toMatchObject({ name: "BadRequestException", message });
  });

  it("route: a second route with the same key is a ConflictException, on create and on update", async () => {
    const apiId = await httpApi();
    await gateway.v2.send(new CreateRouteCommand({ ApiId: apiId, RouteKey: "GET /items/{id}" }));
    const message = "Unable to create route GET /items/{id}: the API already has a route with that key";
    await expect(gateway.v2.send(new CreateRouteCommand({ ApiId: apiId, RouteKey: "GET /items/{id}" }))).rejects.toMatchObject({
      name: "ConflictException",
      message,
    });
    const other = await gateway.v2.send(new CreateRouteCommand({ ApiId: apiId, RouteKey: "POST /items/{id}" }));
    await expect(gateway.v2.send(new UpdateRouteCommand({ ApiId: apiId, RouteId: other.RouteId, RouteKey: "GET /items/{id}" }))).rejects.toMatchObject({
      name: "ConflictException",
      message,
    });
  });

  const integrations: Array<[string, Record<string, unknown>, string]> = [
    [
      "integration: AWS_PROXY needs a payload format version",
      { IntegrationType: "AWS_PROXY", IntegrationUri: FN },
      "PayloadFormatVersion is required for an AWS_PROXY integration: 1.0 or 2.0",
    ],
    [
      "integration: an unknown payload format version",
      { IntegrationType: "AWS_PROXY", IntegrationUri: FN, PayloadFormatVersion: "3.0" },
      "Invalid PayloadFormatVersion 3.0: must be 1.0 or 2.0",
    ],
    [
      "integration: a timeout past 30 s",
      { IntegrationType: "AWS_PROXY", IntegrationUri: FN, PayloadFormatVersion: "2.0", TimeoutInMillis: 30001 },
      "Timeout should be between 50 ms and 30000 ms",
    ],
    [
      "integration: a type HTTP APIs do not have",
      { IntegrationType: "MOCK" },
      "Unsupported integration type MOCK for an HTTP API: use AWS_PROXY or HTTP_PROXY",
    ],
  ];

  it.each(integrations)("%s is a BadRequestException", async (_name, input, message) => {
    const apiId = await httpApi();
    await expect(gateway.v2.send(new CreateIntegrationCommand({ ApiId: apiId, ...input } as never))).rejects.toMatchObject({
      name: "BadRequestException",
      message,
    });
  });

  it("integration: one a route uses is not deleted; a route's target must be an integration of the API", async () => {
    const apiId = await httpApi();
    const integrationId = await integrationOf(apiId);
    const route = await gateway.v2.send(new CreateRouteCommand({ ApiId: apiId, RouteKey: "GET /a", Target: `integrations/${integrationId}` }));
    await expect(gateway.v2.send(new DeleteIntegrationCommand({ ApiId: apiId, IntegrationId: integrationId }))).rejects.toMatchObject({
      name: "BadRequestException",
      message: `Cannot delete integration ${integrationId}: route GET /a (${route.RouteId}) uses it`,
    });
    await expect(gateway.v2.send(new CreateRouteCommand({ ApiId: apiId, RouteKey: "GET /b", Target: "integrations/nope" }))).rejects.toMatchObject({
      name: "BadRequestException",
      message: "Invalid target integrations/nope: it must name an integration of this API as integrations/<id>",
    });
  });

  it("aws cli: get-apis lists the APIs, get-api of an unknown id fails with NotFoundException", async () => {
    const apiId = await httpApi();
    const listed = await awsCli(daemon.endpoint, ["apigatewayv2", "get-apis", "--output", "json"]);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { Items: Array<{ ApiId: string }> }).Items.map((item) => item.ApiId)).toContain(apiId);
    const missing = await awsCli(daemon.endpoint, ["apigatewayv2", "get-api", "--api-id", "nope"]);
    expect([missing.code, missing.stderr.trim()]).toEqual([
      255,
      "An error occurred (NotFoundException) when calling the GetApi operation: Invalid API identifier specified 000000000000:nope",
    ]);
  });
});

describe("rest apis", () => {
  async function restApi(): Promise<{ id: string; root: string }> {
    const made = await gateway.v1.send(new CreateRestApiCommand({ name: "control" }));
    return { id: made.id!, root: made.rootResourceId! };
  }

  it("rest api: created with its root resource; patch operations; deleted", async () => {
    const { id, root } = await restApi();
    expect((await gateway.v1.send(new GetResourcesCommand({ restApiId: id }))).items).toEqual([{ id: root, path: "/" }]);
    await gateway.v1.send(
      new UpdateRestApiCommand({
        restApiId: id,
        patchOperations: [
          { op: "replace", path: "/name", value: "renamed" },
          { op: "add", path: "/binaryMediaTypes/image~1png" },
        ],
      }),
    );
    expect(await gateway.v1.send(new GetRestApiCommand({ restApiId: id }))).toMatchObject({
      name: "renamed",
      binaryMediaTypes: ["image/png"],
      rootResourceId: root,
    });
    await gateway.v1.send(new DeleteRestApiCommand({ restApiId: id }));
    await expect(gateway.v1.send(new GetRestApiCommand({ restApiId: id }))).rejects.toMatchObject({
      name: "NotFoundException",
      message: `Invalid API identifier specified 000000000000:${id}`,
    });
  });

  const pathParts: Array<[string, string[], string, string, string]> = [
    [
      "path part: characters a path part cannot have",
      [],
      "a b",
      "BadRequestException",
      "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.",
    ],
    [
      "path part: a half variable",
      [],
      "x{id}",
      "BadRequestException",
      "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.",
    ],
    [
      "path part: a second variable sibling",
      ["{id}"],
      "{other}",
      "BadRequestException",
      "A sibling ({id}) of this resource already has a variable path part -- only one is allowed",
    ],
    ["path part: a sibling with the same name", ["items"], "items", "ConflictException", "Another resource with the same parent already has this name: items"],
  ];

  it.each(pathParts)("%s", async (_name, siblings, pathPart, code, message) => {
    const { id, root } = await restApi();
    for (const sibling of siblings) await gateway.v1.send(new CreateResourceCommand({ restApiId: id, parentId: root, pathPart: sibling }));
    await expect(gateway.v1.send(new CreateResourceCommand({ restApiId: id, parentId: root, pathPart }))).rejects.toMatchObject({ name: code, message });
  });

  it("path part: nothing under a greedy variable; deleting a resource deletes its children", async () => {
    const { id, root } = await restApi();
    const files = await gateway.v1.send(new CreateResourceCommand({ restApiId: id, parentId: root, pathPart: "files" }));
    const proxy = await gateway.v1.send(new CreateResourceCommand({ restApiId: id, parentId: files.id, pathPart: "{proxy+}" }));
    expect(proxy.path).toBe("/files/{proxy+}");
    await expect(gateway.v1.send(new CreateResourceCommand({ restApiId: id, parentId: proxy.id, pathPart: "x" }))).rejects.toMatchObject({
      name: "BadRequestException",
      message: "Cannot create a child of a resource with a greedy path variable: {proxy+}",
    });
    await gateway.v1.send(new DeleteResourceCommand({ restApiId: id, resourceId: files.id }));
    expect((await gateway.v1.send(new GetResourcesCommand({ restApiId: id }))).items?.map((item) => item.path)).toEqual(["/"]);
  });

  it("deployment: refused without methods, and with a method that has no integration", async () => {
    const { id, root } = await restApi();
    await expect(gateway.v1.send(new CreateRestDeploymentCommand({ restApiId: id, stageName: "prod" }))).rejects.toMatchObject({
      name: "BadRequestException",
      message: "The REST API doesn't contain any methods",
    });
    await gateway.v1.send(new PutMethodCommand({ restApiId: id, resourceId: root, httpMethod: "GET", authorizationType: "NONE" }));
    await expect(gateway.v1.send(new CreateRestDeploymentCommand({ restApiId: id, stageName: "prod" }))).rejects.toMatchObject({
      name: "BadRequestException",
      message: "No integration defined for method",
    });
    await expect(
      gateway.v1.send(new PutMethodCommand({ restApiId: id, resourceId: root, httpMethod: "GET", authorizationType: "NONE" })),
    ).rejects.toMatchObject({ name: "ConflictException", message: "Method already exists for this resource" });
    await expect(
      gateway.v1.send(
        new PutRestIntegrationCommand({ restApiId: id, resourceId: root, httpMethod: "POST", type: "AWS_PROXY", integrationHttpMethod: "POST", uri: FN }),
      ),
    ).rejects.toMatchObject({
      name: "NotFoundException",
      message: "Invalid Method identifier specified",
    });
    await expect(
      gateway.v1.send(
        new PutRestIntegrationCommand({
          restApiId: id,
          resourceId: root,
          httpMethod: "GET",
          type: "AWS_PROXY",
          integrationHttpMethod: "POST",
          uri: FN,
          timeoutInMillis: 29001,
        }),
      ),
    ).rejects.toMatchObject({
      name: "BadRequestException",
      message: "Timeout should be between 50 ms and 29000 ms",
    });
  });

  it("aws cli: get-resources shows the tree; create-resource's refusal names AWS's code", async () => {
    const { id, root } = await restApi();
    await gateway.v1.send(new CreateResourceCommand({ restApiId: id, parentId: root, pathPart: "items" }));
    const listed = await awsCli(daemon.endpoint, ["apigateway", "get-resources", "--rest-api-id", id, "--output", "json"]);
    expect((JSON.parse(listed.stdout) as { items: Array<{ path: string }> }).items.map((item) => item.path)).toEqual(["/", "/items"]);
    const refused = await awsCli(daemon.endpoint, ["apigateway", "create-resource", "--rest-api-id", id, "--parent-id", root, "--path-part", "items"]);
    expect([refused.code, refused.stderr.trim()]).toEqual([
      255,
      "An error occurred (ConflictException) when calling the CreateResource operation: Another resource with the same parent already has this name: items",
    ]);
  });
});

describe("tags", () => {
  it("tags: get, add and remove on an HTTP API and a REST API, by API Gateway's ARN", async () => {
    const http = (await gateway.v2.send(new CreateApiCommand({ Name: "tagged", ProtocolType: "HTTP", Tags: { a: "1" } }))).ApiId!;
    const httpArn = `arn:aws:apigateway:us-east-1::/apis/${http}`;
    await gateway.v2.send(new TagResourceCommand({ ResourceArn: httpArn, Tags: { b: "2", c: "3" } }));
    await gateway.v2.send(new UntagResourceCommand({ ResourceArn: httpArn, TagKeys: ["a", "c"] }));
    expect((await gateway.v2.send(new GetTagsCommand({ ResourceArn: httpArn }))).Tags).toEqual({ b: "2" });
    const rest = (await gateway.v1.send(new CreateRestApiCommand({ name: "tagged", tags: { a: "1" } }))).id!;
    const restArn = `arn:aws:apigateway:us-east-1::/restapis/${rest}`;
    await gateway.v1.send(new TagRestCommand({ resourceArn: restArn, tags: { b: "2", c: "3" } }));
    await gateway.v1.send(new UntagRestCommand({ resourceArn: restArn, tagKeys: ["a", "c"] }));
    expect((await gateway.v1.send(new GetRestTagsCommand({ resourceArn: restArn }))).tags).toEqual({ b: "2" });
    await expect(gateway.v1.send(new GetRestTagsCommand({ resourceArn: "arn:aws:apigateway:us-east-1::/restapis/nope" }))).rejects.toMatchObject({
      name: "NotFoundException",
      message: "Invalid API identifier specified 000000000000:nope",
    });
  });
});

describe("malformed requests", () => {
  const cases: Array<[string, string, string, string | undefined, number, string]> = [
    ["malformed: a body that is not JSON", "POST", "/v2/apis", "{not json", 400, "BadRequestException"],
    ["malformed: a body that is a JSON list", "POST", "/restapis", "[]", 400, "BadRequestException"],
    ["malformed: a name that is not a string", "POST", "/v2/apis", '{"name":5,"protocolType":"HTTP"}', 400, "BadRequestException"],
    ["malformed: an operation that does not exist", "GET", "/v2/apis/x/nothing", undefined, 404, "NotFoundException"],
  ];

  it.each(cases)("%s", async (_name, method, path, body, status, code) => {
    const response = await fetch(`${daemon.endpoint}${path}`, {
      method,
      headers: {
        authorization: "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=x",
        "content-type": "application/json",
      },
      ...(body === undefined ? {} : { body }),
    });
    expect([response.status, response.headers.get("x-amzn-errortype")]).toEqual([status, code]);
    expect((await fetch(`${daemon.endpoint}/_closure-pack/health`)).status).toBe(200);
  });
});
