// table.onEvent: a handler subscribed to a table's stream through an event
// source mapping. Refused when the program is declared if the table has no
// stream, or for values AWS refuses; a role made for the function gets
// exactly what Lambda's polling needs on this stream (as AWS's
// AWSLambdaDynamoDBExecutionRole, scoped to the stream):
// dynamodb:DescribeStream, GetRecords, GetShardIterator and ListStreams.
import { invalidArgument } from "../core/check.js";
import type { Output } from "../core/output.js";
import { descriptorOf } from "../core/registry.js";
import { TYPES } from "../core/types.js";
import { RolePolicy } from "../iam/role-policy.js";
import type { Role } from "../iam/role.js";
import { EventSourceMapping } from "../lambda/event-source-mapping.js";
import { toFunction, type FunctionLike, type Handler } from "../lambda/handler.js";
import type { TableEvent, TableEventSubscriptionArgs } from "./events.js";
import type { Table } from "./table.js";

export interface TableEventSubscription {
  func: FunctionLike;
  eventSourceMapping: EventSourceMapping;
  policy: RolePolicy | undefined;
}

/** The actions a DynamoDB stream mapping needs on its stream. */
export const STREAM_CONSUMER_ACTIONS = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"];

type Refuse = (problem: string, hint?: string) => Error;

const RANGES: ReadonlyArray<readonly [keyof TableEventSubscriptionArgs, number, number]> = [
  ["batchSize", 1, 10000],
  ["maximumBatchingWindowInSeconds", 0, 300],
  ["maximumRetryAttempts", -1, 10000],
  ["maximumRecordAgeInSeconds", -1, 604800],
  ["parallelizationFactor", 1, 10],
];

/** Lambda's refusals for a stream subscription's arguments (shared with Kinesis). */
export function checkStreamArgs(args: Partial<TableEventSubscriptionArgs>, positions: readonly string[], refuse: Refuse): void {
  if (args.startingPosition === undefined || !positions.includes(args.startingPosition)) {
    throw refuse(
      `"startingPosition" must be ${positions.map((each) => `"${each}"`).join(" or ")}, got ${JSON.stringify(args.startingPosition)}`,
      'startingPosition: "LATEST" (new records only) or "TRIM_HORIZON" (the oldest kept)',
    );
  }
  for (const [key, min, max] of RANGES) {
    const value = args[key];
    if (value !== undefined && (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max))
      throw refuse(`"${key}" must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  const age = args.maximumRecordAgeInSeconds;
  if (age !== undefined && age !== -1 && age < 60) throw refuse(`"maximumRecordAgeInSeconds" must be -1 or from 60 to 604800, got ${age}`);
  const types = args.functionResponseTypes;
  if (types !== undefined && (!Array.isArray(types) || types.some((type) => type !== "ReportBatchItemFailures"))) {
    throw refuse(`"functionResponseTypes" may only hold "ReportBatchItemFailures"`, 'functionResponseTypes: ["ReportBatchItemFailures"]');
  }
}

/** The mapping's stream arguments from a subscription's. */
export function streamMappingArgs(args: TableEventSubscriptionArgs): Record<string, unknown> {
  const { startingPosition, batchSize = 100, destinationConfig, ...rest } = args;
  return {
    startingPosition,
    batchSize,
    ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)),
    ...(destinationConfig === undefined ? {} : { destinationConfig }),
  };
}

export function subscribeTable(table: Table, name: string, handler: Handler<TableEvent>, args: TableEventSubscriptionArgs): TableEventSubscription {
  const tableName = descriptorOf(table)!.name;
  const refuse: Refuse = (problem, hint) => invalidArgument(TYPES.table, tableName, `onEvent "${name}": ${problem}`, hint);
  if (table.streamEnabled === false)
    throw refuse("the table has no stream to read", 'declare the table with streamEnabled: true and a streamViewType (e.g. "NEW_AND_OLD_IMAGES")');
  checkStreamArgs(args ?? {}, ["TRIM_HORIZON", "LATEST"], refuse);
  const func = toFunction(name, handler);
  const role = (func as { role?: Role }).role;
  const policy = role === undefined ? undefined : new RolePolicy(`${name}-dynamodb`, { role, policy: consumerPolicy(table.streamArn) });
  const eventSourceMapping = new EventSourceMapping(
    name,
    { eventSourceArn: table.streamArn, functionName: func as { name: Output<string> }, ...streamMappingArgs(args) },
    // Lambda checks the role's permissions when the mapping is created.
    policy === undefined ? {} : { dependsOn: policy },
  );
  return { func, eventSourceMapping, policy };
}

function consumerPolicy(streamArn: Output<string>): Output<string> {
  return streamArn.apply((arn) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: STREAM_CONSUMER_ACTIONS, Resource: arn }] }));
}
