// REST APIs served by the local cloud, through real requests to the API's
// own port under its stage (`/prod/…`): the payload 1.0 event (headers as
// sent, the last value single and all of them multi-value), binary media
// types both ways, deployments (a change is live once deployed), stage
// variables, and REST's own answers (403 Forbidden / Missing Authentication
// Token, 502 Internal server error, 504 Endpoint request timed out).
import { CreateDeploymentCommand, PutIntegrationCommand, PutMethodCommand, UpdateStageCommand } from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientsFor, type Clients } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { createFixtureFunction } from "./helpers/functions.js";
import { gatewayClients, makeRestApi, replyHeader, resourceIds, type GatewayClients, type MadeApi } from "./helpers/apigateway.js";
import { headerValues, send, type SentResponse } from "./helpers/http-send.js";

let daemon: DaemonProcess;
let aws: Clients;
let gateway: GatewayClients;
let fnArn: string;
let api: MadeApi;

beforeAll(async () => {
  daemon = await startDaemon();
  aws = clientsFor(daemon.endpoint);
  gateway = gatewayClients(daemon.endpoint);
  fnArn = (await createFixtureFunction(aws, "apigw", "apigw")).FunctionArn!;
  api = await makeRestApi(gateway, aws, daemon.endpoint, fnArn, {
    routeKeys: ["GET /", "GET /items/{id}", "POST /items/{id}", "ANY /files/{proxy+}"],
    binaryMediaTypes: ["image/png"],
  });
});

afterAll(async () => {
  gateway.destroy();
  aws.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

function eventOf(response: SentResponse): Record<string, any> {
  expect(response.status).toBe(200);
  return JSON.parse(response.text) as Record<string, any>;
}

describe("rest api: the payload 1.0 event", () => {
  it("event: resource and path, headers as sent (last value single, all multi-value), query likewise, path parameters, request context", async () => {
    const response = await send(`${api.url}items/42?x=1&x=2`, {
      headers: [
        ["X-Custom", "A"],
        ["X-Custom", "B"],
        ["User-Agent", "tests/1"],
      ],
    });
    const event = eventOf(response);
    expect(event.version).toBeUndefined();
    expect(event).toMatchObject({
      resource: "/items/{id}",
      path: "/items/42",
      httpMethod: "GET",
      queryStringParameters: { x: "2" },
      multiValueQueryStringParameters: { x: ["1", "2"] },
      pathParameters: { id: "42" },
      stageVariables: null,
      body: null,
      isBase64Encoded: false,
    });
    expect([event.headers["X-Custom"], event.multiValueHeaders["X-Custom"], event.headers["x-custom"]]).toEqual(["B", ["A", "B"], undefined]);
    const ids = await resourceIds(gateway, api.apiId);
    expect(event.requestContext).toMatchObject({
      accountId: "000000000000",
      apiId: api.apiId,
      httpMethod: "GET",
      path: "/prod/items/42",
      resourcePath: "/items/{id}",
      resourceId: ids.get("/items/{id}"),
      stage: "prod",
      identity: { sourceIp: "127.0.0.1", userAgent: "tests/1", user: null },
    });
    expect(headerValues(response, "x-amzn-requestid")).toEqual([event.requestContext.requestId]);
  });

  it("event: the root resource, and an empty query is null", async () => {
    const event = eventOf(await send(api.url));
    expect([event.resource, event.path, event.queryStringParameters, event.multiValueQueryStringParameters]).toEqual(["/", "/", null, null]);
  });

  it("event: a greedy path variable under a resource", async () => {
    const event = eventOf(await send(`${api.url}files/a/b.txt`, { method: "DELETE" }));
    expect([event.resource, event.pathParameters]).toEqual(["/files/{proxy+}", { proxy: "a/b.txt" }]);
  });

  const bodies: Array<[string, string, Buffer, string, boolean]> = [
    ["body: a binary media type is base64", "image/png", Buffer.from([0x89, 0, 0xff]), Buffer.from([0x89, 0, 0xff]).toString("base64"), true],
    ["body: other types are text", "text/plain", Buffer.from("plain"), "plain", false],
    ["body: a form is text (unlike HTTP APIs)", "application/x-www-form-urlencoded", Buffer.from("a=1"), "a=1", false],
  ];

  it.each(bodies)("%s", async (_name, contentType, bytes, body, isBase64Encoded) => {
    const event = eventOf(await send(`${api.url}items/1`, { method: "POST", headers: [["content-type", contentType]], body: bytes }));
    expect([event.body, event.isBase64Encoded]).toEqual([body, isBase64Encoded]);
  });
});

describe("rest api: the answer", () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]);
  const cases: Array<[string, unknown, Array<[string, string]>, number, Buffer | string]> = [
    [
      "answer: statusCode, headers and multiValueHeaders merged, body",
      { statusCode: 201, headers: { "X-A": "1" }, multiValueHeaders: { "X-B": ["2", "3"] }, body: "made" },
      [],
      201,
      "made",
    ],
    [
      "answer: base64 for a binary media type the client accepts is decoded",
      { statusCode: 200, headers: { "Content-Type": "image/png" }, body: png.toString("base64"), isBase64Encoded: true },
      [["accept", "image/png"]],
      200,
      png,
    ],
    [
      "answer: base64 for a type that is not binary stays text",
      { statusCode: 200, headers: { "Content-Type": "text/plain" }, body: "aGk=", isBase64Encoded: true },
      [["accept", "text/plain"]],
      200,
      "aGk=",
    ],
  ];

  it.each(cases)("%s", async (_name, reply, headers, status, body) => {
    const response = await send(`${api.url}items/1`, { headers: [...headers, ["x-reply", replyHeader(reply)]] });
    expect([response.status, response.body]).toEqual([status, Buffer.from(body)]);
  });

  it("answer: multi-value headers come as separate lines", async () => {
    const response = await send(`${api.url}items/1`, {
      headers: [["x-reply", replyHeader({ statusCode: 200, headers: { "X-A": "1" }, multiValueHeaders: { "X-B": ["2", "3"] } })]],
    });
    expect([headerValues(response, "x-b"), headerValues(response, "x-a")]).toEqual([["2", "3"], ["1"]]);
  });

  const failures: Array<[string, Array<[string, string]>, string, number, string]> = [
    ["failure: a stage that does not exist is 403 Forbidden", [], "/nostage/items/1", 403, '{"message":"Forbidden"}'],
    ["failure: a path with no resource is 403 Missing Authentication Token", [], "/prod/nothing", 403, '{"message":"Missing Authentication Token"}'],
    ["failure: a method the resource lacks is 403 Missing Authentication Token", [], "/prod/items/1?m=PUT", 403, '{"message":"Missing Authentication Token"}'],
    ["failure: a function error is 502", [["x-throw", "boom"]], "/prod/items/1", 502, '{"message":"Internal server error"}'],
    ["failure: an answer without statusCode is 502", [["x-reply", replyHeader({ body: "x" })]], "/prod/items/1", 502, '{"message":"Internal server error"}'],
    [
      "failure: an answer with an unknown member is 502",
      [["x-reply", replyHeader({ statusCode: 200, cookies: ["a=1"] })]],
      "/prod/items/1",
      502,
      '{"message":"Internal server error"}',
    ],
    ["failure: a string answer is 502", [["x-reply", replyHeader("hello")]], "/prod/items/1", 502, '{"message":"Internal server error"}'],
  ];

  it.each(failures)("%s", async (_name, headers, path, status, body) => {
    const method = path.endsWith("?m=PUT") ? "PUT" : "GET";
    const response = await send(`${new URL(api.url).origin}${path}`, { method, headers });
    expect([response.status, response.text]).toEqual([status, body]);
  });

  it("failure: past the integration timeout, 504 Endpoint request timed out", async () => {
    const slow = await makeRestApi(gateway, aws, daemon.endpoint, fnArn, { routeKeys: ["GET /"], timeoutInMillis: 50 });
    const response = await send(slow.url, { headers: [["x-sleep", "1000"]] });
    expect([response.status, response.text]).toEqual([504, '{"message":"Endpoint request timed out"}']);
  });
});

describe("rest api: deployments and stages", () => {
  it("deployment: a method added later is served once deployed; stage variables reach the event", async () => {
    const made = await makeRestApi(gateway, aws, daemon.endpoint, fnArn, { routeKeys: ["GET /a"], stageName: "live" });
    const ids = await resourceIds(gateway, made.apiId);
    const resourceId = ids.get("/a")!;
    await gateway.v1.send(new PutMethodCommand({ restApiId: made.apiId, resourceId, httpMethod: "POST", authorizationType: "NONE" }));
    await gateway.v1.send(
      new PutIntegrationCommand({ restApiId: made.apiId, resourceId, httpMethod: "POST", type: "AWS_PROXY", integrationHttpMethod: "POST", uri: fnArn }),
    );
    expect((await send(`${made.url}a`, { method: "POST" })).status).toBe(403);
    await gateway.v1.send(new CreateDeploymentCommand({ restApiId: made.apiId, stageName: "live", variables: { color: "blue" } }));
    const event = eventOf(await send(`${made.url}a`, { method: "POST" }));
    expect([event.httpMethod, event.stageVariables]).toEqual(["POST", { color: "blue" }]);
    await gateway.v1.send(
      new UpdateStageCommand({ restApiId: made.apiId, stageName: "live", patchOperations: [{ op: "replace", path: "/variables/color", value: "green" }] }),
    );
    expect(eventOf(await send(`${made.url}a`, { method: "POST" })).stageVariables).toEqual({ color: "green" });
  });
});
