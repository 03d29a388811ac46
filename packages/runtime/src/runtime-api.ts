// The Lambda Runtime API server of one function instance, on 127.0.0.1 and a
// free port: routes the four endpoints the runtime calls to the instance,
// which decides what to answer. Knows HTTP, not invocations.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Lambda's limit on a synchronous invocation's payload, the event and the response alike (6 MB). */
export const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

export interface RuntimeApiRoutes {
  /** GET /invocation/next: answer now or hold `res` until there is an event. */
  next(res: ServerResponse): void;
  /** POST /invocation/{id}/response and /error. Returns the HTTP status to answer. */
  result(requestId: string, kind: "response" | "error", body: Buffer | undefined, errorType: string | undefined): number;
  /** POST /init/error. */
  initError(body: Buffer, errorType: string | undefined): void;
}

export interface RuntimeApiServer {
  /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
  address: string;
  close(): Promise<void>;
}

const PREFIX = "/2018-06-01/runtime";
const RESULT = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/;

export async function startRuntimeApi(routes: RuntimeApiRoutes): Promise<RuntimeApiServer> {
  const server = createServer((req, res) => route(routes, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { address: `127.0.0.1:${port}`, close: () => closeServer(server) };
}

function route(routes: RuntimeApiRoutes, req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? "";
  const errorType = headerValue(req, "lambda-runtime-function-error-type");
  if (req.method === "GET" && url === `${PREFIX}/invocation/next`) return routes.next(res);
  const result = req.method === "POST" ? RESULT.exec(url) : null;
  if (result !== null) {
    const [, requestId, kind] = result as unknown as [string, string, "response" | "error"];
    return void readBody(req).then((body) => answer(res, routes.result(requestId, kind, body, errorType)));
  }
  if (req.method === "POST" && url === `${PREFIX}/init/error`) {
    return void readBody(req).then((body) => {
      routes.initError(body ?? Buffer.alloc(0), errorType);
      answer(res, 202);
    });
  }
  req.resume();
  answer(res, 404);
}

/** The body, or undefined when it is larger than Lambda accepts (the rest is drained). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size <= MAX_PAYLOAD_BYTES ? Buffer.concat(chunks) : undefined));
    req.on("error", () => resolve(undefined));
  });
}

const BODIES: Record<number, object> = {
  202: { status: "OK" },
  400: { errorMessage: "Invalid request ID", errorType: "InvalidRequestID" },
  404: { errorMessage: "Not found", errorType: "NotFound" },
  413: { errorMessage: `Payload exceeded maximum allowed size (${MAX_PAYLOAD_BYTES} bytes)`, errorType: "RequestEntityTooLarge" },
};

function answer(res: ServerResponse, status: number): void {
  const body = JSON.stringify(BODIES[status] ?? {});
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // A held /next and the runtime's keep-alive socket would keep close() waiting.
    server.closeAllConnections();
  });
}
