// A real HTTP server in front of moto_server for the error tests: it passes
// every request on, except the calls a fault names, which it answers with
// the error AWS sends (throttling, access denied) a chosen number of times,
// in that service's protocol. It records every attempt of a faulted call as
// the SDK numbers it (the amz-sdk-request header: "attempt=2; max=8").
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";

export interface Fault {
  /** "iam:CreateRole", "lambda:CreateFunction", "s3:CreateBucket"… */
  call: string;
  /** How many attempts are answered with the error; the rest pass. */
  times: number;
  answer: { status: number; headers: Record<string, string>; body: string };
}

export interface FaultProxy {
  endpoint: string;
  faults: Fault[];
  /** Attempts of faulted calls, by call, in order ("attempt=1; max=3"). */
  attempts: Map<string, string[]>;
  stop(): Promise<void>;
}

/** The error document of a query-protocol service (IAM, STS). */
export function queryError(status: number, code: string, message: string): Fault["answer"] {
  const body = `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>fault</RequestId></ErrorResponse>`;
  return { status, headers: { "content-type": "text/xml" }, body };
}

/** The error of a REST-JSON service (Lambda): the code in x-amzn-ErrorType. */
export function jsonError(status: number, code: string, message: string): Fault["answer"] {
  return { status, headers: { "content-type": "application/json", "x-amzn-errortype": code }, body: JSON.stringify({ Type: "User", message }) };
}

/** S3's error document. */
export function s3Error(status: number, code: string, message: string): Fault["answer"] {
  return {
    status,
    headers: { "content-type": "application/xml" },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>fault</RequestId></Error>`,
  };
}

/** `service:Operation` of a request: the service from its SigV4 scope, the operation from the body, target header or route. */
function callOf(req: IncomingMessage, body: string): string {
  const service = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(String(req.headers.authorization))?.[1] ?? "?";
  const action = new URLSearchParams(body).get("Action");
  if (action !== null) return `${service}:${action}`;
  const target = req.headers["x-amz-target"];
  if (typeof target === "string") return `${service}:${target.slice(target.indexOf(".") + 1)}`;
  const url = new URL(req.url ?? "/", "http://x");
  // The few REST routes the tests fault.
  if (service === "lambda" && req.method === "POST" && url.pathname === "/2015-03-31/functions") return "lambda:CreateFunction";
  // The SDK writes a bucket's path as /<bucket>/.
  if (service === "s3" && req.method === "PUT" && url.search === "" && /^\/[^/]+\/?$/.test(url.pathname)) return "s3:CreateBucket";
  if (service === "s3" && req.method === "PUT" && url.searchParams.has("tagging")) return "s3:PutBucketTagging";
  return `${service}:${req.method} ${url.pathname}`;
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const proxy: FaultProxy = { endpoint: "", faults: [], attempts: new Map(), stop: async () => undefined };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => answer(proxy, target, req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  proxy.endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  proxy.stop = () => new Promise<void>((closed) => server.close(() => closed()));
  return proxy;
}

function answer(proxy: FaultProxy, target: URL, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const call = callOf(req, body.toString("utf8"));
  const fault = proxy.faults.find((f) => f.call === call);
  if (fault !== undefined) {
    const seen = proxy.attempts.get(call) ?? [];
    seen.push(String(req.headers["amz-sdk-request"]));
    proxy.attempts.set(call, seen);
    if (seen.length <= fault.times) {
      res.writeHead(fault.answer.status, fault.answer.headers).end(fault.answer.body);
      return;
    }
  }
  const forwarded = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (upstream) => {
    res.writeHead(upstream.statusCode ?? 502, upstream.headers);
    upstream.pipe(res);
  });
  forwarded.on("error", (error) => res.writeHead(502).end(String(error)));
  forwarded.end(body);
}
