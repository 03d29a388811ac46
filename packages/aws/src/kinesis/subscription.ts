// stream.onEvent: a handler subscribed to a Kinesis stream through an event
// source mapping. Refused when the program is declared for values AWS
// refuses (the checks are table.onEvent's, plus AT_TIMESTAMP's timestamp);
// a role made for the function gets exactly what Lambda's polling needs on
// this stream (as AWS's AWSLambdaKinesisExecutionRole, scoped to it).
import { invalidArgument } from "../core/check.js";
import type { Output } from "../core/output.js";
import { descriptorOf } from "../core/registry.js";
import { TYPES } from "../core/types.js";
import { checkStreamArgs, streamMappingArgs } from "../dynamodb/subscription.js";
import { RolePolicy } from "../iam/role-policy.js";
import type { Role } from "../iam/role.js";
import { EventSourceMapping } from "../lambda/event-source-mapping.js";
import { toFunction, type FunctionLike, type Handler } from "../lambda/handler.js";
import type { StreamEvent, StreamEventSubscriptionArgs } from "./events.js";
import type { Stream } from "./stream.js";

export interface StreamEventSubscription {
  func: FunctionLike;
  eventSourceMapping: EventSourceMapping;
  policy: RolePolicy | undefined;
}

/** The actions a Kinesis mapping needs on its stream. */
export const KINESIS_CONSUMER_ACTIONS = [
  "kinesis:DescribeStream",
  "kinesis:DescribeStreamSummary",
  "kinesis:GetRecords",
  "kinesis:GetShardIterator",
  "kinesis:ListShards",
  "kinesis:ListStreams",
  "kinesis:SubscribeToShard",
];

export function subscribeStream(stream: Stream, name: string, handler: Handler<StreamEvent>, args: StreamEventSubscriptionArgs): StreamEventSubscription {
  const streamName = descriptorOf(stream)!.name;
  const refuse = (problem: string, hint?: string) => invalidArgument(TYPES.stream, streamName, `onEvent "${name}": ${problem}`, hint);
  const given = args ?? ({} as StreamEventSubscriptionArgs);
  checkStreamArgs(given as never, ["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"], refuse);
  const timestamp = given.startingPositionTimestamp;
  if (given.startingPosition === "AT_TIMESTAMP" && (timestamp === undefined || Number.isNaN(Date.parse(timestamp)))) {
    throw refuse(
      `AT_TIMESTAMP needs "startingPositionTimestamp", an RFC 3339 time, got ${JSON.stringify(timestamp)}`,
      'startingPositionTimestamp: "2026-12-07T00:00:00Z"',
    );
  }
  if (given.startingPosition !== "AT_TIMESTAMP" && timestamp !== undefined)
    throw refuse(`"startingPositionTimestamp" applies to startingPosition AT_TIMESTAMP only`);
  const func = toFunction(name, handler);
  const role = (func as { role?: Role }).role;
  const policy = role === undefined ? undefined : new RolePolicy(`${name}-kinesis`, { role, policy: consumerPolicy(stream.arn) });
  const { startingPositionTimestamp, ...rest } = given;
  const eventSourceMapping = new EventSourceMapping(
    name,
    {
      eventSourceArn: stream.arn,
      functionName: func as { name: Output<string> },
      ...streamMappingArgs(rest as never),
      ...(startingPositionTimestamp === undefined ? {} : { startingPositionTimestamp }),
    },
    policy === undefined ? {} : { dependsOn: policy },
  );
  return { func, eventSourceMapping, policy };
}

function consumerPolicy(streamArn: Output<string>): Output<string> {
  return streamArn.apply((arn) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: KINESIS_CONSUMER_ACTIONS, Resource: arn }] }));
}
