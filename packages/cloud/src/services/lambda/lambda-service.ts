// The Lambda service (REST-JSON): the function control plane, Invoke, and the
// LambdaTarget other services deliver events through. Wires the stores to
// the routes; what each operation does lives in its *-actions.ts file.
import { readFileSync } from "node:fs";
import { jsonResponse } from "../../server/http-server.js";
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";
import type { CloudContext, Service } from "../service.js";
import { CodeStore } from "./code-store.js";
import { parseFunctionRef } from "./function-config.js";
import { FunctionStore } from "./function-store.js";
import type { LambdaState } from "./lambda-state.js";
import { allowsInvoke } from "./permissions.js";
import { matchRoute } from "./routes.js";

export interface LambdaService extends Service {
  allowsInvoke(functionArn: string, principal: string, sourceArn: string, sourceAccount: string): boolean;
}

export function createLambdaService(context: CloudContext): LambdaService {
  const functions = new FunctionStore(context.db);
  const code = new CodeStore(context.dataDir);
  const state: LambdaState = { context, functions, code, changed: () => {} };
  return {
    name: "lambda",
    protocol: "rest-json",
    handle(request: AwsRequest): Promise<AwsResponse> {
      const { action, params } = matchRoute(request);
      return action(state, request, params);
    },
    handleControl: async (request, path) => handleControl(state, request, path),
    start() {
      // Zips of functions deleted while a previous daemon was killed.
      code.collect(functions.codeInUse());
    },
    allowsInvoke(functionArn, principal, sourceArn, sourceAccount) {
      const row = functions.get(parseFunctionRef(functionArn).name);
      return row !== undefined && allowsInvoke(row.policy, principal, sourceArn, sourceAccount);
    },
  };
}

// /_closure-pack/lambda/code/<name>: the stored zip (GetFunction's Code.Location).
async function handleControl(state: LambdaState, request: AwsRequest, path: string): Promise<AwsResponse | undefined> {
  const code = /^code\/([^/]+)$/.exec(path);
  if (request.method === "GET" && code !== null) {
    const row = state.functions.get(decodeURIComponent(code[1]!));
    if (row === undefined) return jsonResponse(404, { error: "no such function" });
    return { status: 200, headers: { "content-type": "application/zip" }, body: readFileSync(state.code.path(row.codeSha256)) };
  }
  return undefined;
}
