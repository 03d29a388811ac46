// The DynamoDB service: DynamoDB's API (X-Amz-Target DynamoDB_20120810.*)
// and DynamoDB Streams' (DynamoDBStreams_20120810.*, signed as "dynamodb"
// too) on the daemon's port, each answering errors in its own namespace.
import { AwsError } from "../../errors.js";
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";
import type { CloudContext, Service } from "../service.js";
import { BATCH_ACTIONS } from "./batch-actions.js";
import { DynamoError, dynamoErrorReply, dynamoReply, parseInput } from "./dynamodb-protocol.js";
import type { DynamoAction, DynamoState } from "./dynamodb-state.js";
import { ITEM_ACTIONS } from "./item-actions.js";
import { ItemStore } from "./item-store.js";
import { QUERY_ACTIONS } from "./query-actions.js";
import { TABLE_ACTIONS } from "./table-actions.js";
import { TableStore } from "./table-store.js";

const DYNAMODB: Readonly<Record<string, DynamoAction>> = { ...TABLE_ACTIONS, ...ITEM_ACTIONS, ...QUERY_ACTIONS, ...BATCH_ACTIONS };
const APIS = [
  { prefix: "DynamoDB_20120810.", namespace: "com.amazonaws.dynamodb.v20120810", actions: DYNAMODB },
  { prefix: "DynamoDBStreams_20120810.", namespace: "com.amazonaws.dynamodb.v20120810", actions: {} as Readonly<Record<string, DynamoAction>> },
];
// A request is at most 16 MB on DynamoDB.
const BODY_LIMIT = 16 * 1024 * 1024;

export function createDynamoDbService(context: CloudContext): Service {
  const state: DynamoState = {
    context,
    tables: new TableStore(context.db),
    items: new ItemStore(context.db),
    streamWritten: () => undefined,
    pendingStreams: new Set(),
  };
  return {
    name: "dynamodb",
    protocol: "json",
    async handle(request: AwsRequest): Promise<AwsResponse> {
      const target = request.headers["x-amz-target"];
      const api = APIS.find((each) => typeof target === "string" && target.startsWith(each.prefix)) ?? APIS[0]!;
      try {
        const name = typeof target === "string" ? target.slice(api.prefix.length) : "";
        const action = Object.hasOwn(api.actions, name) ? api.actions[name]! : undefined;
        if (action === undefined) throw new DynamoError("UnknownOperationException", `Unknown operation ${String(target)}`);
        return dynamoReply(await action(state, parseInput(await request.body(BODY_LIMIT)), request));
      } catch (error) {
        if (error instanceof AwsError) return dynamoErrorReply(error, api.namespace);
        throw error;
      }
    },
  };
}
