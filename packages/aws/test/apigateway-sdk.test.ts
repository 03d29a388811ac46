// apigateway.API and apigateway.RestAPI in a program: what AWS would refuse
// is refused when the program loads (each a whole message naming the API and
// the route), and the resources a declaration makes (one function per
// closure route, named after the route; one permission per function for this
// API's execute-api ARN; the API's inputs).
import { describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { TYPES } from "../src/core/types.js";
import { declare, messageOf } from "./support/program.js";

const handler = async () => ({ statusCode: 200, body: "ok" });
const PATH_HINT = "use literal segments, {name} variables and a final greedy {name+}, such as /items/{id} or /{proxy+}";

const REFUSALS: Array<[string, () => void, string]> = [
  [
    "routes: none",
    () => new aws.apigateway.API("api", { routes: [] }),
    'packages/aws/test/apigateway-sdk.test.ts:N: aws:apigatewayv2:Api "api": "routes" must list at least one route\nhint: routes: [{ path: "/", method: "GET", eventHandler: async (event) => ({ statusCode: 200, body: "hello" }) }]',
  ],
  [
    "route: an unknown method",
    () => new aws.apigateway.API("api", { routes: [{ path: "/a", method: "FETCH" as "GET", eventHandler: handler }] }),
    'packages/aws/test/apigateway-sdk.test.ts:N: aws:apigatewayv2:Api "api": route 1 (FETCH /a): "method" must be one of ANY, GET, PUT, POST, DELETE, PATCH, OPTIONS, HEAD',
  ],
  [
    "route: a greedy variable before the end",
    () => new aws.apigateway.API("api", { routes: [{ path: "/{proxy+}/x", method: "GET", eventHandler: handler }] }),
    `packages/aws/test/apigateway-sdk.test.ts:N: aws:apigatewayv2:Api "api": route 1 (GET /{proxy+}/x): the path is not a valid path template: the greedy variable {proxy+} must be the last segment\nhint: ${PATH_HINT}`,
  ],
  [
    "route: a half variable",
    () => new aws.apigateway.RestAPI("api", { routes: [{ path: "/items/x{id}", method: "GET", eventHandler: handler }] }),
    `packages/aws/test/apigateway-sdk.test.ts:N: aws:apigateway:RestApi "api": route 1 (GET /items/x{id}): the path is not a valid path template: the segment "x{id}" must be a whole path variable such as {id} or {proxy+}\nhint: ${PATH_HINT}`,
  ],
  [
    "route: a variable twice",
    () => new aws.apigateway.API("api", { routes: [{ path: "/{id}/{id}", method: "GET", eventHandler: handler }] }),
    `packages/aws/test/apigateway-sdk.test.ts:N: aws:apigatewayv2:Api "api": route 1 (GET /{id}/{id}): the path is not a valid path template: the variable {id} appears twice\nhint: ${PATH_HINT}`,
  ],
  [
    "route: a trailing slash",
    () => new aws.apigateway.API("api", { routes: [{ path: "/items/", method: "GET", eventHandler: handler }] }),
    `packages/aws/test/apigateway-sdk.test.ts:N: aws:apigatewayv2:Api "api": route 1 (GET /items/): the path is not a valid path template: it has an empty segment ('//' or a trailing '/')\nhint: ${PATH_HINT}`,
  ],
  [
    "route: no handler",
    () => new aws.apigateway.API("api", { routes: [{ path: "/", method: "GET" } as never] }),
    'packages/aws/test/apigateway-sdk.test.ts:N: aws:apigatewayv2:Api "api": route 1 (GET /): "eventHandler" is required',
  ],
  [
    "route: a duplicate method and path",
    () =>
      new aws.apigateway.API("api", {
        routes: [
          { path: "/items", method: "GET", eventHandler: handler },
          { path: "items", method: "GET", eventHandler: handler },
        ],
      }),
    'packages/aws/test/apigateway-sdk.test.ts:N: aws:apigatewayv2:Api "api": route 2 (GET /items) duplicates route 1: an API has one route per method and path\nhint: merge the two handlers, or give one another method or path',
  ],
  [
    "rest: two variables under one resource",
    () =>
      new aws.apigateway.RestAPI("api", {
        routes: [
          { path: "/items/{id}", method: "GET", eventHandler: handler },
          { path: "/items/{name}/tags", method: "GET", eventHandler: handler },
        ],
      }),
    'packages/aws/test/apigateway-sdk.test.ts:N: aws:apigateway:RestApi "api": route 2 (GET /items/{name}/tags): {name} and {id} (route 1) are variables under the same resource /items: a REST API allows one\nhint: use the same variable name in both routes',
  ],
  [
    "rest: a bad stage name",
    () => new aws.apigateway.RestAPI("api", { stageName: "my stage", routes: [{ path: "/", method: "GET", eventHandler: handler }] }),
    'packages/aws/test/apigateway-sdk.test.ts:N: aws:apigateway:RestApi "api": "stageName" must be letters, digits, \'_\' and \'-\' (at most 128), got "my stage"',
  ],
  [
    "rest: a binary media type that is not one",
    () => new aws.apigateway.RestAPI("api", { binaryMediaTypes: ["png"], routes: [{ path: "/", method: "GET", eventHandler: handler }] }),
    'packages/aws/test/apigateway-sdk.test.ts:N: aws:apigateway:RestApi "api": "binaryMediaTypes" must list media types such as "image/png" or "*/*"',
  ],
];

describe("apigateway refusals", () => {
  test.each(REFUSALS)("%s", (_name, build, message) => {
    expect(messageOf(build)).toBe(message);
  });

  test("routes: the same path with two methods, and the same variable in two REST routes, are fine", () => {
    expect(
      messageOf(() => {
        new aws.apigateway.API("http", {
          routes: [
            { path: "/items", method: "GET", eventHandler: handler },
            { path: "/items", method: "POST", eventHandler: handler },
          ],
        });
        new aws.apigateway.RestAPI("rest", {
          routes: [
            { path: "/items/{id}", method: "GET", eventHandler: handler },
            { path: "/items/{id}/tags", method: "ANY", eventHandler: handler },
          ],
        });
      }),
    ).toBe("(no error)");
  });
});

describe("apigateway resources", () => {
  test("api: a function per closure route named after the route, one permission per function for this API, the routes as inputs", () => {
    const program = declare(() => {
      const shared = new aws.lambda.CallbackFunction("shared", { callback: handler });
      new aws.apigateway.API("items", {
        routes: [
          { path: "/", method: "GET", eventHandler: handler },
          { path: "/items/{id}", method: "GET", eventHandler: handler },
          { path: "/items/{id}", method: "DELETE", eventHandler: shared },
          { path: "/{proxy+}", method: "ANY", eventHandler: shared },
        ],
      });
    });
    const byType = (type: string) => program.nodes.filter((node) => node.descriptor.type === type).map((node) => node.descriptor.name);
    expect(byType(TYPES.function)).toEqual(["shared", "items-get-root", "items-get-items-id"]);
    expect(byType(TYPES.permission)).toEqual(["items-get-root", "items-get-items-id", "items-shared"]);
    const api = program.nodes.find((node) => node.descriptor.type === TYPES.httpApi)!;
    expect((api.descriptor.inputs.routes as Array<{ method: string; path: string }>).map((route) => `${route.method} ${route.path}`)).toEqual([
      "GET /",
      "GET /items/{id}",
      "DELETE /items/{id}",
      "ANY /{proxy+}",
    ]);
    const permission = program.nodes.find((node) => node.descriptor.name === "items-shared")!;
    expect(permission.descriptor.inputs.principal).toBe("apigateway.amazonaws.com");
    expect([...permission.dependencies].sort()).toEqual([`${TYPES.httpApi}::items`, `${TYPES.function}::shared`]);
  });

  test("rest api: stageName defaults to stage; get() reads an API by id", () => {
    const program = declare(() => {
      new aws.apigateway.RestAPI("rest", { routes: [{ path: "/", method: "GET", eventHandler: handler }] });
      aws.apigateway.API.get("existing", "a1b2c3d4e5");
    });
    const rest = program.nodes.find((node) => node.descriptor.type === TYPES.restApi)!;
    expect(rest.descriptor.inputs.stageName).toBe("stage");
    const existing = program.nodes.find((node) => node.descriptor.name === "existing")!;
    expect([existing.descriptor.readId, existing.descriptor.inputs]).toEqual(["a1b2c3d4e5", {}]);
  });
});
