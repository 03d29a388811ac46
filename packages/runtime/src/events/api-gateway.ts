// API Gateway proxy events: REST APIs (payload 1.0, APIGatewayProxyEvent)
// and HTTP APIs (payload 2.0, APIGatewayProxyEventV2), as the API Gateway
// developer guide's Lambda proxy integration pages show them.
import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from "aws-lambda";
import { clfTime } from "./sample-values.js";
import type { EventContext } from "./sample-event.js";
import { ACCOUNT_ID } from "../environment.js";

const API_ID = "abcdef1234";
const REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
const USER_AGENT = "curl/8.4.0";

// Without an authorizer API Gateway sends no requestContext.authorizer; the
// types declare it on every event (allowing undefined).
type RestProxyEvent = Omit<APIGatewayProxyEvent, "requestContext"> & { requestContext: Omit<APIGatewayProxyEvent["requestContext"], "authorizer"> };

interface Request {
  method: string;
  path: string;
  rawQuery: string;
  query: Record<string, string[]>;
  body: string | null;
  host: string;
  headers: Record<string, string>;
}

function request(c: EventContext): Request {
  const [path = "/", rawQuery = ""] = (c.options.path ?? "/hello").split("?", 2);
  const query: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(rawQuery)) (query[key] ??= []).push(value);
  const body = c.options.body ?? null;
  const host = `${API_ID}.execute-api.${c.region}.amazonaws.com`;
  const headers: Record<string, string> = { accept: "*/*", host, "user-agent": USER_AGENT };
  if (body !== null) headers["content-type"] = "application/json";
  return { method: (c.options.method ?? (body === null ? "GET" : "POST")).toUpperCase(), path, rawQuery, query, body, host, headers };
}

function single(values: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, list]) => [key, list.at(-1)!]));
}

export function apiGatewayV1Event(c: EventContext): object {
  const r = request(c);
  const hasQuery = Object.keys(r.query).length > 0;
  return {
    resource: r.path,
    path: r.path,
    httpMethod: r.method,
    headers: r.headers,
    multiValueHeaders: Object.fromEntries(Object.entries(r.headers).map(([key, value]) => [key, [value]])),
    queryStringParameters: hasQuery ? single(r.query) : null,
    multiValueQueryStringParameters: hasQuery ? r.query : null,
    pathParameters: null,
    stageVariables: null,
    requestContext: {
      accountId: ACCOUNT_ID,
      apiId: API_ID,
      domainName: r.host,
      domainPrefix: API_ID,
      extendedRequestId: "c6af9ac6-EXAMPLE=",
      httpMethod: r.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: "127.0.0.1",
        user: null,
        userAgent: USER_AGENT,
        userArn: null,
      },
      path: `/prod${r.path}`,
      protocol: "HTTP/1.1",
      requestId: REQUEST_ID,
      requestTime: clfTime(c.time),
      requestTimeEpoch: c.time.getTime(),
      resourceId: "abc123",
      resourcePath: r.path,
      stage: "prod",
    },
    body: r.body,
    isBase64Encoded: false,
  } satisfies RestProxyEvent;
}

export function apiGatewayV2Event(c: EventContext): object {
  const r = request(c);
  // Payload 2.0 leaves out what the request does not have; repeated query values are joined by commas.
  const query =
    Object.keys(r.query).length === 0 ? {} : { queryStringParameters: Object.fromEntries(Object.entries(r.query).map(([key, list]) => [key, list.join(",")])) };
  return {
    version: "2.0",
    routeKey: `${r.method} ${r.path}`,
    rawPath: r.path,
    rawQueryString: r.rawQuery,
    headers: r.headers,
    ...(query satisfies Partial<APIGatewayProxyEventV2>),
    requestContext: {
      accountId: ACCOUNT_ID,
      apiId: API_ID,
      domainName: r.host,
      domainPrefix: API_ID,
      http: { method: r.method, path: r.path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: USER_AGENT },
      requestId: "JKJaXmPLvHcESHA=",
      routeKey: `${r.method} ${r.path}`,
      stage: "$default",
      time: clfTime(c.time),
      timeEpoch: c.time.getTime(),
    },
    ...((r.body === null ? {} : { body: r.body }) satisfies Partial<APIGatewayProxyEventV2>),
    isBase64Encoded: false,
  } satisfies APIGatewayProxyEventV2;
}
