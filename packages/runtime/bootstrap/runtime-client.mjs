// @ts-check
// The bootstrap's side of the Lambda Runtime API: long-poll for the next
// event, post a response or an error. One keep-alive socket: the agent unrefs
// it while idle, so it never holds the event loop open on its own (which is
// what lets a callback handler's response wait for an empty event loop).
import http from "node:http";

/** @typedef {import("./errors.mjs").ErrorResponse} ErrorResponse */

/**
 * One event from /invocation/next: its headers, and the body as sent.
 * @typedef {{
 *   requestId: string,
 *   deadlineMs: number,
 *   invokedFunctionArn: string | undefined,
 *   traceId: string | undefined,
 *   clientContext: string | undefined,
 *   cognitoIdentity: string | undefined,
 *   body: string,
 * }} Invocation
 */

/** @typedef {{ status: number | undefined, headers: http.IncomingHttpHeaders, body: string }} Answer */

/** @typedef {ReturnType<typeof createRuntimeClient>} RuntimeClient */

const PREFIX = "/2018-06-01/runtime";

/** @param {string} address host:port of the Runtime API */
export function createRuntimeClient(address) {
  const colon = address.lastIndexOf(":");
  const host = address.slice(0, colon);
  const port = Number(address.slice(colon + 1));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  /**
   * @param {string} method
   * @param {string} path
   * @param {string} [body]
   * @param {http.OutgoingHttpHeaders} [headers]
   * @returns {Promise<Answer>}
   */
  function request(method, path, body, headers = {}) {
    return new Promise((resolve, reject) => {
      const req = http.request({ host, port, method, path: PREFIX + path, agent, headers }, (res) => {
        /** @type {Buffer[]} */
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
    /** @returns {Promise<Invocation>} */
    async next() {
      const res = await request("GET", "/invocation/next");
      if (res.status !== 200) throw new Error(`Runtime API /invocation/next answered ${res.status}: ${res.body}`);
      // Node gives an array only for set-cookie, which the Runtime API never sends.
      /** @param {string} name */
      const header = (name) => /** @type {string | undefined} */ (res.headers[name.toLowerCase()]);
      return {
        // The Runtime API sends it with every event.
        requestId: /** @type {string} */ (header("Lambda-Runtime-Aws-Request-Id")),
        deadlineMs: Number(header("Lambda-Runtime-Deadline-Ms")),
        invokedFunctionArn: header("Lambda-Runtime-Invoked-Function-Arn"),
        traceId: header("Lambda-Runtime-Trace-Id"),
        clientContext: header("Lambda-Runtime-Client-Context"),
        cognitoIdentity: header("Lambda-Runtime-Cognito-Identity"),
        body: res.body,
      };
    },
    /**
     * @param {string} requestId
     * @param {string} payload the response, as JSON
     */
    postResponse(requestId, payload) {
      return request("POST", `/invocation/${requestId}/response`, payload, { "Content-Type": "application/json" });
    },
    /**
     * @param {string} requestId
     * @param {ErrorResponse} error
     */
    postError(requestId, error) {
      return request("POST", `/invocation/${requestId}/error`, JSON.stringify(error), errorHeaders(error));
    },
    /** @param {ErrorResponse} error */
    postInitError(error) {
      return request("POST", "/init/error", JSON.stringify(error), errorHeaders(error));
    },
  };
}

/** @param {ErrorResponse} error */
function errorHeaders(error) {
  // Header values must be ASCII; Lambda's client escapes the same way.
  const type = String(error.errorType ?? "Unknown").replace(/[^\x20-\x7e]/g, "?");
  return { "Content-Type": "application/json", "Lambda-Runtime-Function-Error-Type": type };
}
