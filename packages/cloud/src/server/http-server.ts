// The daemon's HTTP server: decodes each request once into an AwsRequest,
// routes it to its service (or to the control API under /_closure-pack/),
// and writes the service's response. A service's AwsError is rendered in
// its protocol; any other throw is a 500 InternalError, logged, and never
// takes the daemon down. HTTP/1.1 and HTTP/2 (h2c) requests, on the same
// port (connection-router.ts), go through the same steps.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import { createServer as createHttp2Server, Http2ServerResponse, type Http2ServerRequest } from "node:http2";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AwsError } from "../errors.js";
import { errorResponse } from "../protocols/error-response.js";
import type { Service } from "../services/service.js";
import type { AwsRequest, AwsResponse, ServiceName } from "./aws-request.js";
import { routeConnections, type CloudServer } from "./connection-router.js";
import { http2Headers, watchAbort, withoutConnectionHeaders } from "./http2-request.js";
import { readCredentialScope, routeRequest } from "./route.js";

const DEFAULT_BODY_LIMIT = 64 * 1024 * 1024;
export const CONTROL_PREFIX = "/_closure-pack/";

export interface ServerHooks {
  services: ReadonlyMap<ServiceName, Service>;
  /** Answers `/_closure-pack/<name>` calls that belong to the daemon, not a service (health, clock). */
  control(request: AwsRequest, path: string): Promise<AwsResponse | undefined>;
  /** Where unexpected errors go (the daemon's own log). */
  logError(error: unknown, request: AwsRequest): void;
}

export function createCloudServer(hooks: ServerHooks): CloudServer {
  const http1 = createServer((incoming, outgoing) => {
    void answer(hooks, decodeRequest(incoming, incoming.headers), outgoing);
  });
  // Clients keep connections alive between calls; close idle ones promptly
  // so stop() is quick, but after the SDK's own idle period.
  http1.keepAliveTimeout = 5_000;
  http1.headersTimeout = 60_000;
  http1.requestTimeout = 0;
  const http2 = createHttp2Server((incoming, outgoing) => {
    watchAbort(incoming);
    void answer(hooks, decodeRequest(incoming, http2Headers(incoming.headers)), outgoing);
  });
  // A session's protocol error is answered with GOAWAY by Node and ends that
  // connection; it says nothing about the daemon, so it is not logged.
  http2.on("sessionError", () => {});
  return routeConnections(http1, http2);
}

type Incoming = IncomingMessage | Http2ServerRequest;
type Outgoing = ServerResponse | Http2ServerResponse;

async function answer(hooks: ServerHooks, request: AwsRequest, outgoing: Outgoing): Promise<void> {
  const requestId = randomUUID();
  let response: AwsResponse;
  try {
    response = await dispatch(hooks, request, requestId);
  } catch (error) {
    response = failure(hooks, error, request, requestId);
  }
  await writeResponse(outgoing, response, requestId).catch(() => outgoing.destroy());
}

async function dispatch(hooks: ServerHooks, request: AwsRequest, requestId: string): Promise<AwsResponse> {
  if (request.rawPath.startsWith(CONTROL_PREFIX)) return control(hooks, request);
  const scope = readCredentialScope(request.headers, request.query);
  const name = routeRequest(request.rawPath, request.headers, scope);
  const service = name === undefined ? undefined : hooks.services.get(name);
  if (service === undefined) {
    const what = scope?.service ?? name ?? "this request";
    return errorResponse("json", new AwsError("UnknownService", `the local cloud does not speak ${what}`, 400), requestId);
  }
  try {
    return await service.handle(request);
  } catch (error) {
    if (error instanceof AwsError) return errorResponse(service.protocol, error, requestId);
    hooks.logError(error, request);
    return errorResponse(
      service.protocol,
      new AwsError("InternalError", `the local cloud failed: ${(error as Error)?.message ?? String(error)}`, 500),
      requestId,
    );
  }
}

async function control(hooks: ServerHooks, request: AwsRequest): Promise<AwsResponse> {
  const path = request.rawPath.slice(CONTROL_PREFIX.length);
  const [first = "", ...rest] = path.split("/");
  const service = hooks.services.get(first as ServiceName);
  const response = service?.handleControl ? await service.handleControl(request, rest.join("/")) : await hooks.control(request, path);
  return response ?? jsonResponse(404, { error: `no control route ${request.method} ${request.rawPath}` });
}

function failure(hooks: ServerHooks, error: unknown, request: AwsRequest, requestId: string): AwsResponse {
  if (error instanceof AwsError) return errorResponse("json", error, requestId);
  hooks.logError(error, request);
  return jsonResponse(500, { error: String(error) });
}

/** A JSON answer, for the control API. */
export function jsonResponse(status: number, value: unknown): AwsResponse {
  return { status, headers: { "content-type": "application/json" }, body: `${JSON.stringify(value)}\n` };
}

function decodeRequest(incoming: Incoming, headers: AwsRequest["headers"]): AwsRequest {
  const url = incoming.url ?? "/";
  const mark = url.indexOf("?");
  const rawPath = mark === -1 ? url : url.slice(0, mark);
  const query = new Map<string, string>();
  if (mark !== -1) {
    for (const [name, value] of new URLSearchParams(url.slice(mark + 1))) if (!query.has(name)) query.set(name, value);
  }
  const scope = readCredentialScope(headers, query);
  const host = headers.host ?? "";
  let cached: Promise<Buffer> | undefined;
  return {
    method: incoming.method ?? "GET",
    rawPath,
    query,
    headers,
    region: scope?.region ?? "us-east-1",
    accessKeyId: scope?.accessKeyId,
    hostname: host.replace(/:\d+$/, "").toLowerCase(),
    stream: incoming,
    body: (limit = DEFAULT_BODY_LIMIT) => (cached ??= readBody(incoming, limit)),
  };
}

async function readBody(incoming: Incoming, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AwsError("EntityTooLarge", `the request body is larger than ${limit} bytes`, 413);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function writeResponse(outgoing: Outgoing, response: AwsResponse, requestId: string): Promise<void> {
  const fields: OutgoingHttpHeaders = { "x-amzn-requestid": requestId, ...response.headers };
  const headers = outgoing instanceof Http2ServerResponse ? withoutConnectionHeaders(fields) : fields;
  const body = response.body;
  if (body === undefined || typeof body === "string" || Buffer.isBuffer(body)) {
    const bytes = body === undefined ? undefined : typeof body === "string" ? Buffer.from(body) : body;
    if (!("content-length" in headers)) headers["content-length"] = bytes?.length ?? 0;
    outgoing.writeHead(response.status, headers);
    if (bytes === undefined) outgoing.end();
    else outgoing.end(bytes);
    return;
  }
  outgoing.writeHead(response.status, headers);
  await pipeline(body as Readable, outgoing);
}
