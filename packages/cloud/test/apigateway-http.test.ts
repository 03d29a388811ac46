// HTTP APIs served by the local cloud, through real requests to the API's
// own port: the payload 2.0 event (and 1.0 when the integration asks for
// it), route selection, the answer mapped back (the inferred 200 JSON
// format, structured responses, cookies, base64), and API Gateway's own
// answers (404, 500 without permission, 502 on a function error or a
// malformed answer, 503 past the integration timeout), stages.
import { CreateDeploymentCommand, CreateRouteCommand, CreateStageCommand, GetIntegrationsCommand } from "@aws-sdk/client-apigatewayv2";
import { DeleteFunctionCommand } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientsFor, type Clients } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { createFixtureFunction } from "./helpers/functions.js";
import { gatewayClients, makeHttpApi, replyHeader, type GatewayClients, type MadeApi } from "./helpers/apigateway.js";
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
  api = await makeHttpApi(gateway, aws, fnArn, {
    routeKeys: ["GET /items", "GET /items/{id}", "GET /items/special", "ANY /items/{id}", "POST /items/{id}", "ANY /{proxy+}", "$default"],
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

describe("http api: the payload 2.0 event", () => {
  it("event: method, raw path and query, lower-cased headers joined by commas, cookies apart, path parameters, body", async () => {
    const response = await send(`${api.url}/items/42?b=2&a=1&a=3`, {
      method: "POST",
      headers: [
        ["X-Multi", "one"],
        ["X-Multi", "two"],
        ["Cookie", "c1=v1; c2=v2"],
        ["Content-Type", "text/plain"],
        ["User-Agent", "tests/1"],
      ],
      body: "hello",
    });
    const event = eventOf(response);
    expect(Object.keys(event)).toEqual([
      "version",
      "routeKey",
      "rawPath",
      "rawQueryString",
      "cookies",
      "headers",
      "queryStringParameters",
      "requestContext",
      "pathParameters",
      "body",
      "isBase64Encoded",
    ]);
    expect(event).toMatchObject({
      version: "2.0",
      routeKey: "POST /items/{id}",
      rawPath: "/items/42",
      rawQueryString: "b=2&a=1&a=3",
      cookies: ["c1=v1", "c2=v2"],
      queryStringParameters: { b: "2", a: "1,3" },
      pathParameters: { id: "42" },
      body: "hello",
      isBase64Encoded: false,
    });
    expect(event.headers).toMatchObject({ "x-multi": "one,two", "content-type": "text/plain", "user-agent": "tests/1", "x-forwarded-proto": "http" });
    expect(event.headers.cookie).toBeUndefined();
    const context = event.requestContext;
    expect(context).toMatchObject({
      accountId: "000000000000",
      apiId: api.apiId,
      http: { method: "POST", path: "/items/42", protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "tests/1" },
      routeKey: "POST /items/{id}",
      stage: "$default",
    });
    expect(context.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(headerValues(response, "apigw-requestid")).toEqual([context.requestId]);
  });

  it("event: a request without query, cookies or body leaves those members out", async () => {
    const event = eventOf(await send(`${api.url}/items`));
    expect(event).toMatchObject({ rawQueryString: "", isBase64Encoded: false });
    for (const member of ["cookies", "queryStringParameters", "pathParameters", "stageVariables", "body"]) expect(event[member]).toBeUndefined();
  });

  const bodies: Array<[string, string | undefined, Buffer, string, boolean]> = [
    ["body: text/plain is text", "text/plain; charset=utf-8", Buffer.from("hi there"), "hi there", false],
    ["body: JSON is text", "application/json", Buffer.from('{"a":1}'), '{"a":1}', false],
    ["body: a +json type is text", "application/vnd.api+json", Buffer.from("{}"), "{}", false],
    ["body: a form is base64", "application/x-www-form-urlencoded", Buffer.from("a=1&b=2"), Buffer.from("a=1&b=2").toString("base64"), true],
    ["body: an image is base64", "image/png", Buffer.from([0x89, 0x50, 0x00, 0xff]), Buffer.from([0x89, 0x50, 0x00, 0xff]).toString("base64"), true],
    ["body: no content type is base64", undefined, Buffer.from("raw"), Buffer.from("raw").toString("base64"), true],
  ];

  it.each(bodies)("%s", async (_name, contentType, bytes, body, isBase64Encoded) => {
    const headers: Array<[string, string]> = contentType === undefined ? [] : [["content-type", contentType]];
    const event = eventOf(await send(`${api.url}/items/1`, { method: "POST", headers, body: bytes }));
    expect([event.body, event.isBase64Encoded]).toEqual([body, isBase64Encoded]);
  });
});

describe("http api: route selection", () => {
  const cases: Array<[string, string, string, Record<string, string> | undefined]> = [
    ["route: an exact path", "GET /items", "GET /items", undefined],
    ["route: a literal beats a parameter", "GET /items/special", "GET /items/special", undefined],
    ["route: a parameter", "GET /items/7", "GET /items/{id}", { id: "7" }],
    ["route: a percent-encoded parameter is decoded", "GET /items/a%20b", "GET /items/{id}", { id: "a b" }],
    ["route: the method's route beats ANY", "POST /items/7", "POST /items/{id}", { id: "7" }],
    ["route: ANY takes other methods", "DELETE /items/7", "ANY /items/{id}", { id: "7" }],
    ["route: a greedy variable takes the rest of the path", "PUT /a/b/c", "ANY /{proxy+}", { proxy: "a/b/c" }],
    ["route: the root falls to $default (a greedy variable needs a segment)", "GET /", "$default", undefined],
  ];

  it.each(cases)("%s", async (_name, request, routeKey, pathParameters) => {
    const [method, path] = request.split(" ") as [string, string];
    const event = eventOf(await send(`${api.url}${path}`, { method }));
    expect([event.routeKey, event.pathParameters]).toEqual([routeKey, pathParameters]);
  });

  it("route: no route and no $default is 404 Not Found", async () => {
    const bare = await makeHttpApi(gateway, aws, fnArn, { routeKeys: ["GET /only"] });
    const response = await send(`${bare.url}/other`);
    expect([response.status, response.text]).toEqual([404, '{"message":"Not Found"}']);
  });
});

describe("http api: the answer", () => {
  const binary = Buffer.from([0, 1, 2, 250]);
  const cases: Array<[string, unknown, number, Array<[string, string]>, Buffer | string]> = [
    ["answer: a string is the body of a 200 JSON response", "hello", 200, [["content-type", "application/json"]], "hello"],
    ["answer: an object without statusCode is its JSON", { a: 1 }, 200, [["content-type", "application/json"]], '{"a":1}'],
    ["answer: a number is its JSON", 42, 200, [["content-type", "application/json"]], "42"],
    ["answer: null is its JSON", null, 200, [["content-type", "application/json"]], "null"],
    [
      "answer: statusCode, headers, cookies as Set-Cookie lines, body",
      { statusCode: 201, headers: { "x-a": "b", "content-type": "text/plain" }, cookies: ["s=1; Path=/", "t=2"], body: "made" },
      201,
      [
        ["x-a", "b"],
        ["content-type", "text/plain"],
        ["set-cookie", "s=1; Path=/"],
        ["set-cookie", "t=2"],
      ],
      "made",
    ],
    [
      "answer: isBase64Encoded bodies are decoded",
      { statusCode: 200, headers: { "content-type": "image/png" }, body: binary.toString("base64"), isBase64Encoded: true },
      200,
      [["content-type", "image/png"]],
      binary,
    ],
    ["answer: no body", { statusCode: 204 }, 204, [["content-type", "application/json"]], ""],
  ];

  it.each(cases)("%s", async (_name, reply, status, headers, body) => {
    const response = await send(`${api.url}/items`, { headers: [["x-reply", replyHeader(reply)]] });
    expect(response.status).toBe(status);
    expect(response.headers.filter(([name]) => headers.some(([expected]) => expected === name))).toEqual(headers);
    expect(response.body).toEqual(Buffer.from(body));
  });

  const malformed: Array<[string, unknown]> = [
    ["malformed: statusCode is not a number", { statusCode: "abc" }],
    ["malformed: body is not a string", { statusCode: 200, body: { a: 1 } }],
    ["malformed: a header value is an object", { statusCode: 200, headers: { "x-a": { b: 1 } } }],
    ["malformed: cookies is not a list of strings", { statusCode: 200, cookies: "a=1" }],
  ];

  it.each(malformed)("%s: 502", async (_name, reply) => {
    const response = await send(`${api.url}/items`, { headers: [["x-reply", replyHeader(reply)]] });
    expect([response.status, response.text]).toEqual([502, '{"message":"Internal Server Error"}']);
  });

  it("answer: a function error is 502 with API Gateway's body", async () => {
    const response = await send(`${api.url}/items`, { headers: [["x-throw", "boom"]] });
    expect([response.status, headerValues(response, "content-type"), response.text]).toEqual([
      502,
      ["application/json"],
      '{"message":"Internal Server Error"}',
    ]);
  });

  it("answer: past the integration timeout, 503 Service Unavailable (the function runs on)", async () => {
    const slow = await makeHttpApi(gateway, aws, fnArn, { routeKeys: ["$default"], timeoutInMillis: 50 });
    const response = await send(`${slow.url}/`, { headers: [["x-sleep", "1000"]] });
    expect([response.status, response.text]).toEqual([503, '{"message":"Service Unavailable"}']);
  });

  it("answer: without a permission for this API (the function allows others), 500", async () => {
    const closed = await makeHttpApi(gateway, aws, fnArn, { routeKeys: ["$default"], allow: false });
    const response = await send(`${closed.url}/`);
    expect([response.status, response.text]).toEqual([500, '{"message":"Internal Server Error"}']);
  });
});

describe("http api: payload 1.0 and stages", () => {
  it("payload 1.0: single- and multi-value headers and query (lower-cased names), version 1.0, v1 answers", async () => {
    const v1 = await makeHttpApi(gateway, aws, fnArn, { routeKeys: ["GET /things/{id}"], payloadFormatVersion: "1.0" });
    const event = eventOf(
      await send(`${v1.url}/things/9?q=1&q=2`, {
        headers: [
          ["X-Multi", "one"],
          ["X-Multi", "two"],
        ],
      }),
    );
    expect(event).toMatchObject({
      version: "1.0",
      resource: "/things/{id}",
      path: "/things/9",
      httpMethod: "GET",
      queryStringParameters: { q: "2" },
      multiValueQueryStringParameters: { q: ["1", "2"] },
      pathParameters: { id: "9" },
      stageVariables: null,
      body: null,
      isBase64Encoded: false,
    });
    expect([event.headers["x-multi"], event.multiValueHeaders["x-multi"]]).toEqual(["two", ["one", "two"]]);
    const answered = await send(`${v1.url}/things/9`, {
      headers: [["x-reply", replyHeader({ statusCode: 202, multiValueHeaders: { "x-m": ["1", "2"] }, body: "ok" })]],
    });
    expect([answered.status, headerValues(answered, "x-m"), answered.text]).toEqual([202, ["1", "2"], "ok"]);
    const inferred = await send(`${v1.url}/things/9`, { headers: [["x-reply", replyHeader({ a: 1 })]] });
    expect(inferred.status).toBe(502);
  });

  it("stages: a named stage serves its deployment, with the stage in rawPath; $default (auto-deployed) serves changes at once", async () => {
    const staged = await makeHttpApi(gateway, aws, fnArn, { routeKeys: ["GET /a"] });
    const { Items = [] } = await gateway.v2.send(new GetIntegrationsCommand({ ApiId: staged.apiId }));
    await gateway.v2.send(new CreateStageCommand({ ApiId: staged.apiId, StageName: "beta" }));
    await gateway.v2.send(new CreateDeploymentCommand({ ApiId: staged.apiId, StageName: "beta" }));
    await gateway.v2.send(new CreateRouteCommand({ ApiId: staged.apiId, RouteKey: "GET /b", Target: `integrations/${Items[0]!.IntegrationId}` }));
    const beta = eventOf(await send(`${staged.url}/beta/a`));
    expect([beta.rawPath, beta.requestContext.stage, beta.routeKey]).toEqual(["/beta/a", "beta", "GET /a"]);
    expect((await send(`${staged.url}/beta/b`)).status).toBe(404);
    expect(eventOf(await send(`${staged.url}/b`)).routeKey).toBe("GET /b");
  });

  it("answer: a deleted function is 500", async () => {
    const gone = (await createFixtureFunction(aws, "apigw-gone", "apigw")).FunctionArn!;
    const doomed = await makeHttpApi(gateway, aws, gone, { routeKeys: ["$default"] });
    await aws.lambda.send(new DeleteFunctionCommand({ FunctionName: "apigw-gone" }));
    const response = await send(`${doomed.url}/`);
    expect([response.status, response.text]).toEqual([500, '{"message":"Internal Server Error"}']);
  });
});
