// A client's request to an API's server, end to end: the stage, the route,
// the function's resource policy (apigateway.amazonaws.com for this API's
// execute-api ARN), a synchronous invocation through Lambda bounded by the
// integration timeout, and the function's answer mapped back. Failures are
// answered as each kind of API answers them (HTTP APIs: 404 Not Found, 500,
// 502 and 503 Service Unavailable; REST APIs: 403 Missing Authentication
// Token, 500, 502 and 504 Endpoint request timed out).
import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ACCOUNT_ID, functionInvoker, lambdaTarget, type CloudContext, type InvocationOutcome } from "../service.js";
import { payloadV1, payloadV2, type EventContext } from "./proxy-events.js";
import { headerValue, readProxyRequest, type ProxyRequest } from "./proxy-request.js";
import { responseV1, responseV2, type GatewayResponse } from "./proxy-response.js";
import { executionArn } from "./rest-apis.js";
import { splitPath } from "./path-template.js";
import type { RouteMatch } from "./route-table.js";
import type { ApiMatch, ServedApis, StageMatch } from "./served-apis.js";

// API Gateway's payload limit (both kinds).
const BODY_LIMIT = 10 * 1024 * 1024;

type Failure = "noStage" | "noRoute" | "internal" | "badGateway" | "timeout" | "tooLarge";

const FAILURES: Readonly<Record<"http" | "rest", Readonly<Record<Failure, readonly [number, string, string?]>>>> = {
  http: {
    noStage: [404, "Not Found"],
    noRoute: [404, "Not Found"],
    internal: [500, "Internal Server Error"],
    badGateway: [502, "Internal Server Error"],
    timeout: [503, "Service Unavailable"],
    tooLarge: [413, "Request Entity Too Large"],
  },
  rest: {
    noStage: [403, "Forbidden", "ForbiddenException"],
    noRoute: [403, "Missing Authentication Token", "MissingAuthenticationTokenException"],
    internal: [500, "Internal server error"],
    badGateway: [502, "Internal server error"],
    timeout: [504, "Endpoint request timed out"],
    tooLarge: [413, "Request Too Long"],
  },
};

export interface ServeContext {
  cloud: CloudContext;
  served: ServedApis;
  /** Where unexpected errors go (the daemon's log). */
  logError(message: string): void;
}

interface Answer {
  kind: "http" | "rest";
  requestId: string;
  response: GatewayResponse;
}

export async function serveRequest(context: ServeContext, apiId: string, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const { kind, requestId, response } = await answer(context, apiId, incoming).catch((error: unknown): Answer => {
    context.logError(
      `apigateway: ${incoming.method ?? "GET"} ${incoming.url ?? "/"} on API ${apiId}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return { kind: "http", requestId: newRequestId("http"), response: failure("http", "internal") };
  });
  const headers: string[] = [];
  for (const [name, value] of response.headers) headers.push(name, value);
  headers.push("content-length", String(response.body.length), kind === "http" ? "apigw-requestid" : "x-amzn-requestid", requestId);
  outgoing.writeHead(response.status, headers);
  outgoing.end(incoming.method === "HEAD" ? undefined : response.body);
}

async function answer(context: ServeContext, apiId: string, incoming: IncomingMessage): Promise<Answer> {
  const api = context.served.resolve(apiId, (incoming.url ?? "/").split("?")[0]!);
  const kind = api?.api.kind ?? "http";
  const requestId = newRequestId(kind);
  return { kind, requestId, response: await respond(context, api, incoming, requestId) };
}

async function respond(context: ServeContext, api: ApiMatch | undefined, incoming: IncomingMessage, requestId: string): Promise<GatewayResponse> {
  const kind = api?.api.kind ?? "http";
  const request = await readProxyRequest(incoming, BODY_LIMIT);
  if (request === undefined) return failure(kind, "tooLarge");
  const stage = api?.stage;
  if (api === undefined || stage === undefined) return failure(kind, "noStage");
  const match = stage.table?.select(request.method, splitPath(stage.path));
  if (match === undefined) return failure(kind, "noRoute");
  const integration = match.route.integration;
  if (integration === undefined || integration.type !== "AWS_PROXY") return failure(kind, "internal");
  addForwardedHeaders(request, incoming);
  const eventContext = toEventContext(api, stage, match, request, requestId, context.cloud.clock.now());
  const payload = JSON.stringify(integration.payloadFormatVersion === "2.0" ? payloadV2(eventContext) : payloadV1(eventContext));
  const sourceArn = `${executionArn(api.api.region, api.api.apiId)}/${stage.stageName}/${match.route.method === "$default" ? "$default" : `${request.method}${match.route.path ?? ""}`}`;
  if (!lambdaTarget(context.cloud).allowsInvoke(integration.uri, "apigateway.amazonaws.com", sourceArn, ACCOUNT_ID)) return failure(kind, "internal");
  const outcome = await invokeWithin(context.cloud, integration.uri, payload, integration.timeoutMs);
  if (outcome === "timeout") return failure(kind, "timeout");
  if (outcome === undefined || !outcome.ok) return failure(kind, outcome === undefined ? "internal" : "badGateway");
  const mapped =
    integration.payloadFormatVersion === "2.0"
      ? responseV2(outcome.payload)
      : responseV1(outcome.payload, { rest: kind === "rest", binaryMediaTypes: api.binaryMediaTypes, accept: headerValue(request, "accept") });
  return mapped ?? failure(kind, "badGateway");
}

function toEventContext(api: ApiMatch, stage: StageMatch, match: RouteMatch, request: ProxyRequest, requestId: string, now: number): EventContext {
  return {
    request,
    kind: api.api.kind,
    apiId: api.api.apiId,
    stage: stage.stageName,
    route: match.route,
    pathParameters: match.pathParameters,
    stageVariables: stage.variables,
    requestId,
    now,
    binaryMediaTypes: api.binaryMediaTypes,
    path: decodePath(stage.path),
  };
}

/** Runs the function; "timeout" when the integration timeout passes first (the function runs on), undefined when Lambda refused the call. */
async function invokeWithin(cloud: CloudContext, functionArn: string, payload: string, timeoutMs: number): Promise<InvocationOutcome | "timeout" | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  const invoked = functionInvoker(cloud)
    .invokeFunction(functionArn, payload)
    .catch(() => undefined);
  try {
    return await Promise.race([invoked, expired]);
  } finally {
    clearTimeout(timer);
  }
}

// API Gateway tells the function where the request came from, as a proxy does.
function addForwardedHeaders(request: ProxyRequest, incoming: IncomingMessage): void {
  const has = (name: string) => headerValue(request, name) !== undefined;
  if (!has("x-forwarded-for")) request.headers.push(["X-Forwarded-For", request.sourceIp]);
  if (!has("x-forwarded-port")) request.headers.push(["X-Forwarded-Port", String(incoming.socket.localPort ?? "")]);
  if (!has("x-forwarded-proto")) request.headers.push(["X-Forwarded-Proto", "http"]);
}

function failure(kind: "http" | "rest", what: Failure): GatewayResponse {
  const [status, message, errorType] = FAILURES[kind][what];
  const headers: Array<[string, string]> = [["content-type", "application/json"]];
  if (errorType !== undefined) headers.push(["x-amzn-errortype", errorType]);
  return { status, headers, body: Buffer.from(JSON.stringify({ message })) };
}

// HTTP APIs' request ids look like `JKJaXmPLvHcESHA=`; REST APIs use UUIDs.
function newRequestId(kind: "http" | "rest"): string {
  return kind === "rest" ? randomUUID() : randomBytes(10).toString("base64");
}

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
