// The bootstrap's side of the Lambda Runtime API: long-poll for the next
// event, post a response or an error. One keep-alive socket: the agent unrefs
// it while idle, so it never holds the event loop open on its own (which is
// what lets a callback handler's response wait for an empty event loop).
import http from "node:http";

const PREFIX = "/2018-06-01/runtime";

export function createRuntimeClient(address) {
  const colon = address.lastIndexOf(":");
  const host = address.slice(0, colon);
  const port = Number(address.slice(colon + 1));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  function request(method, path, body, headers = {}) {
    return new Promise((resolve, reject) => {
      const req = http.request({ host, port, method, path: PREFIX + path, agent, headers }, (res) => {
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  }

  return {
    async next() {
      const res = await request("GET", "/invocation/next");
      if (res.status !== 200) throw new Error(`Runtime API /invocation/next answered ${res.status}: ${res.body}`);
      const header = (name) => res.headers[name.toLowerCase()];
      return {
        requestId: header("Lambda-Runtime-Aws-Request-Id"),
        deadlineMs: Number(header("Lambda-Runtime-Deadline-Ms")),
        invokedFunctionArn: header("Lambda-Runtime-Invoked-Function-Arn"),
        traceId: header("Lambda-Runtime-Trace-Id"),
        clientContext: header("Lambda-Runtime-Client-Context"),
        cognitoIdentity: header("Lambda-Runtime-Cognito-Identity"),
        body: res.body,
      };
    },
    postResponse(requestId, payload) {
      return request("POST", `/invocation/${requestId}/response`, payload, { "Content-Type": "application/json" });
    },
    postError(requestId, error) {
      return request("POST", `/invocation/${requestId}/error`, JSON.stringify(error), errorHeaders(error));
    },
    postInitError(error) {
      return request("POST", "/init/error", JSON.stringify(error), errorHeaders(error));
    },
  };
}

function errorHeaders(error) {
  // Header values must be ASCII; Lambda's client escapes the same way.
  const type = String(error.errorType ?? "Unknown").replace(/[^\x20-\x7e]/g, "?");
  return { "Content-Type": "application/json", "Lambda-Runtime-Function-Error-Type": type };
}
