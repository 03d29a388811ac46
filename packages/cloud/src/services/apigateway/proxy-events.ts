// The event a Lambda proxy integration receives, as API Gateway builds it:
// payload 2.0 (HTTP APIs: lower-cased headers joined by commas, cookies
// apart, rawPath and rawQueryString, members left out when empty) and
// payload 1.0 (REST APIs, and HTTP API integrations asking for 1.0:
// single- and multi-value headers and query, nulls when empty). Bodies that
// are not text are base64 (HTTP APIs by content type; REST APIs when the
// content type is one of the API's binary media types).
import { ACCOUNT_ID } from "../service.js";
import { groupHeaders, headerValue, queryValues, type ProxyRequest } from "./proxy-request.js";
import type { ServedRoute } from "./route-table.js";

export interface EventContext {
  request: ProxyRequest;
  kind: "http" | "rest";
  apiId: string;
  stage: string;
  route: ServedRoute;
  pathParameters: Record<string, string>;
  stageVariables: Record<string, string>;
  requestId: string;
  /** When the request came (ms since the epoch, the daemon's clock). */
  now: number;
  /** REST APIs: media types whose bodies are passed as base64. */
  binaryMediaTypes: readonly string[];
  /** REST APIs: the path without the stage (`/items/1`). */
  path: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
// Media types HTTP APIs pass as text; every other body (a form, an image, no content type) is base64.
const TEXT_TYPES = /^(text\/.*|application\/(json|xml|javascript|x-javascript|ecmascript)|application\/[^;]*\+(json|xml))$/;

export function payloadV2(c: EventContext): Record<string, unknown> {
  const { request } = c;
  const headers = groupHeaders(request, true);
  const cookies = (headers.get("cookie") ?? [])
    .flatMap((line) => line.split(";"))
    .map((cookie) => cookie.trim())
    .filter((cookie) => cookie !== "");
  headers.delete("cookie");
  const query = queryValues(request.rawQuery);
  const event: Record<string, unknown> = { version: "2.0", routeKey: c.route.routeKey, rawPath: request.rawPath, rawQueryString: request.rawQuery };
  if (cookies.length > 0) event.cookies = cookies;
  event.headers = Object.fromEntries([...headers].map(([name, values]) => [name, values.join(",")]));
  if (query.size > 0) event.queryStringParameters = Object.fromEntries([...query].map(([name, values]) => [name, values.join(",")]));
  event.requestContext = {
    accountId: ACCOUNT_ID,
    apiId: c.apiId,
    domainName: domainName(request),
    domainPrefix: domainName(request).split(".")[0],
    http: {
      method: request.method,
      path: request.rawPath,
      protocol: request.protocol,
      sourceIp: request.sourceIp,
      userAgent: headerValue(request, "user-agent") ?? "",
    },
    requestId: c.requestId,
    routeKey: c.route.routeKey,
    stage: c.stage,
    time: clfTime(c.now),
    timeEpoch: c.now,
  };
  if (Object.keys(c.pathParameters).length > 0) event.pathParameters = c.pathParameters;
  if (Object.keys(c.stageVariables).length > 0) event.stageVariables = c.stageVariables;
  const base64 = isBinary(c);
  if (request.body.length > 0) event.body = request.body.toString(base64 ? "base64" : "utf8");
  event.isBase64Encoded = base64;
  return event;
}

export function payloadV1(c: EventContext): Record<string, unknown> {
  const { request } = c;
  // HTTP APIs lower-case header names in both payloads; REST APIs keep them as sent.
  const headers = groupHeaders(request, c.kind === "http");
  const query = queryValues(request.rawQuery);
  const resourcePath = c.route.path ?? c.route.routeKey;
  const base64 = isBinary(c);
  const event: Record<string, unknown> = c.kind === "http" ? { version: "1.0" } : {};
  Object.assign(event, {
    resource: resourcePath,
    path: c.kind === "rest" ? c.path : request.rawPath,
    httpMethod: request.method,
    headers: headers.size === 0 ? null : Object.fromEntries([...headers].map(([name, values]) => [name, values.at(-1)])),
    multiValueHeaders: headers.size === 0 ? null : Object.fromEntries(headers),
    queryStringParameters: query.size === 0 ? null : Object.fromEntries([...query].map(([name, values]) => [name, values.at(-1)])),
    multiValueQueryStringParameters: query.size === 0 ? null : Object.fromEntries(query),
    requestContext: requestContextV1(c, resourcePath),
    pathParameters: Object.keys(c.pathParameters).length === 0 ? null : c.pathParameters,
    stageVariables: Object.keys(c.stageVariables).length === 0 ? null : c.stageVariables,
    body: request.body.length === 0 ? null : request.body.toString(base64 ? "base64" : "utf8"),
    isBase64Encoded: base64,
  });
  return event;
}

function requestContextV1(c: EventContext, resourcePath: string): Record<string, unknown> {
  const { request } = c;
  const userAgent = headerValue(request, "user-agent") ?? null;
  return {
    accountId: ACCOUNT_ID,
    apiId: c.apiId,
    domainName: domainName(request),
    domainPrefix: domainName(request).split(".")[0],
    extendedRequestId: c.requestId,
    httpMethod: request.method,
    identity: {
      accessKey: null,
      accountId: null,
      caller: null,
      cognitoAuthenticationProvider: null,
      cognitoAuthenticationType: null,
      cognitoIdentityId: null,
      cognitoIdentityPoolId: null,
      principalOrgId: null,
      sourceIp: request.sourceIp,
      user: null,
      userAgent,
      userArn: null,
    },
    path: c.kind === "rest" ? `/${c.stage}${c.path === "/" ? "/" : c.path}` : request.rawPath,
    protocol: request.protocol,
    requestId: c.requestId,
    requestTime: clfTime(c.now),
    requestTimeEpoch: c.now,
    resourceId: c.route.id,
    resourcePath,
    stage: c.stage,
  };
}

function isBinary(c: EventContext): boolean {
  if (c.request.body.length === 0) return false;
  const type = (headerValue(c.request, "content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (c.kind === "http") return !TEXT_TYPES.test(type);
  return matchesMediaType(c.binaryMediaTypes, type);
}

/** True when `type` (`image/png`) is one of `patterns` (`image/png`, `image/*`, `*\/*`). */
export function matchesMediaType(patterns: readonly string[], type: string): boolean {
  if (type === "") return false;
  const [major] = type.split("/");
  return patterns.some((pattern) => {
    const lower = pattern.toLowerCase();
    return lower === type || lower === "*/*" || lower === `${major}/*`;
  });
}

function domainName(request: ProxyRequest): string {
  return (headerValue(request, "host") ?? "127.0.0.1").replace(/:\d+$/, "");
}

/** `12/Mar/2020:19:03:58 +0000`, the time format of API Gateway's events. */
export function clfTime(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
