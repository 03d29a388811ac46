// closure-pack's own calls under /_closure-pack/lambda/ (not AWS APIs): the
// stored zip of a function (GetFunction's Code.Location), the queue's depth
// (events waiting, how many are with a function now, how many wait for a
// retry), and the events
// that failed every attempt.
import { readFileSync } from "node:fs";
import { jsonResponse } from "../../server/http-server.js";
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";
import type { AsyncStore } from "./async-store.js";
import type { LambdaState } from "./lambda-state.js";

export async function lambdaControl(state: LambdaState, store: AsyncStore, request: AwsRequest, path: string): Promise<AwsResponse | undefined> {
  const code = /^code\/([^/]+)$/.exec(path);
  if (request.method === "GET" && code !== null) {
    const row = state.functions.get(decodeURIComponent(code[1]!));
    if (row === undefined) return jsonResponse(404, { error: "no such function" });
    return { status: 200, headers: { "content-type": "application/zip" }, body: readFileSync(state.code.path(row.codeSha256)) };
  }
  if (request.method === "GET" && path === "queue")
    return jsonResponse(200, { pending: store.pending(), inFlight: state.queue.inFlight(), retrying: store.retrying() });
  if (request.method === "GET" && path === "failed-events") return jsonResponse(200, { failedEvents: failedEvents(store, request.query.get("function")) });
  if (request.method === "DELETE" && path === "failed-events") return jsonResponse(200, { deleted: store.clearFailed() });
  return undefined;
}

function failedEvents(store: AsyncStore, functionName: string | undefined): unknown[] {
  return store.failed(functionName).map((event) => ({
    id: event.id,
    functionName: event.functionName,
    source: event.source,
    payload: JSON.parse(event.payload) as unknown,
    error: JSON.parse(event.error) as unknown,
    attempts: event.attempts,
    enqueuedAt: new Date(event.enqueuedAt).toISOString(),
    failedAt: new Date(event.failedAt).toISOString(),
  }));
}
