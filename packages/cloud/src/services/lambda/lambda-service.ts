// The Lambda service (REST-JSON): the function control plane, Invoke, and
// what other services call: LambdaTarget (queue an event, check a resource
// policy) and FunctionInvoker (run a batch synchronously). Wires the stores,
// the runner and the async queue to the routes; what each operation does
// lives in its *-actions.ts file.
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { formatLogRecord, provideAwsSdk, type LogRecord } from "@closure-pack/runtime";
import { AwsError } from "../../errors.js";
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";
import { logsTarget, type CloudContext, type FunctionInvoker, type InvocationOutcome, type LambdaTarget, type Service } from "../service.js";
import { AsyncQueue } from "./async-queue.js";
import { AsyncStore } from "./async-store.js";
import { CodeStore } from "./code-store.js";
import { parseFunctionRef } from "./function-config.js";
import { FunctionRunner } from "./function-runner.js";
import { FunctionStore, type FunctionRow } from "./function-store.js";
import type { LambdaState } from "./lambda-state.js";
import { lambdaControl } from "./lambda-control.js";
import { allowsInvoke } from "./permissions.js";
import { EventSourceMappings } from "./mappings/mappings.js";
import { matchRoute } from "./routes.js";

export type LambdaService = Service & LambdaTarget & FunctionInvoker;

export function createLambdaService(context: CloudContext): LambdaService {
  const functions = new FunctionStore(context.db);
  const code = new CodeStore(context.dataDir);
  const asyncStore = new AsyncStore(context.db);
  const runner = new FunctionRunner({
    code,
    endpoint: () => context.endpoint,
    providedModules: providedSdk(context.dataDir),
    onLog: (name, record) => writeLog(context, name, record),
  });
  const queue = new AsyncQueue(context, asyncStore, functions, runner);
  const mappings = new EventSourceMappings(context, functions, runner);
  const state: LambdaState = {
    context,
    functions,
    code,
    runner,
    queue,
    mappings,
    changed(name, deleted) {
      if (deleted) {
        void runner.remove(name);
        queue.functionDeleted(name);
      } else runner.retire(name);
      // Reserved concurrency may have risen from 0: throttled events may go now.
      queue.wake();
    },
  };
  const requireFunction = (arn: string): FunctionRow => {
    const row = functions.get(parseFunctionRef(arn).name);
    if (row === undefined) throw new AwsError("ResourceNotFoundException", `Function not found: ${arn}`, 404);
    return row;
  };
  return {
    name: "lambda",
    protocol: "rest-json",
    handle(request: AwsRequest): Promise<AwsResponse> {
      const { action, params } = matchRoute(request);
      return action(state, request, params);
    },
    handleControl: async (request, path) => lambdaControl(state, asyncStore, request, path),
    start() {
      // Zips of functions deleted while a previous daemon was killed.
      code.collect(functions.codeInUse());
      queue.wake();
      mappings.start();
    },
    async close() {
      mappings.close();
      queue.close();
      await runner.close();
    },
    enqueueInvocation(arn, payload, source) {
      queue.enqueue(requireFunction(arn).name, payload, source);
    },
    allowsInvoke(arn, principal, sourceArn, sourceAccount) {
      const row = functions.get(parseFunctionRef(arn).name);
      return row !== undefined && allowsInvoke(row.policy, principal, sourceArn, sourceAccount);
    },
    async invokeFunction(arn, payload): Promise<InvocationOutcome> {
      const result = await runner.invoke(requireFunction(arn), payload);
      return result.ok
        ? { ok: true, payload: JSON.stringify(result.value) }
        : { ok: false, errorType: result.error.errorType, errorMessage: result.error.errorMessage };
    },
  };
}

// A function's line as Lambda writes it to CloudWatch Logs: group
// /aws/lambda/<name>, the instance's stream, the text ending with a newline.
function writeLog(context: CloudContext, name: string, record: LogRecord): void {
  const stream = record.logStream ?? `${record.timestamp.slice(0, 10).replace(/-/g, "/")}/[$LATEST]closure-pack`;
  logsTarget(context)?.appendLogEvents(`/aws/lambda/${name}`, stream, [{ timestamp: Date.parse(record.timestamp), message: `${formatLogRecord(record)}\n` }]);
}

// The @aws-sdk packages functions may import unbundled, as on Lambda: the
// project's (found above the data folder) first, then closure-pack's own.
function providedSdk(dataDir: string): string | undefined {
  return provideAwsSdk([dataDir, dirname(fileURLToPath(import.meta.url))]);
}
