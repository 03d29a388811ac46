// Lambda's event source mapping API over the wire (@aws-sdk/client-lambda
// and the aws CLI): Create answers Creating and the mapping is Enabled by the
// next call, with Lambda's defaults for an SQS queue; Get, List (by source,
// by function, in pages), Update (settings, Enabled: Disabling -> Disabled),
// Delete (Deleting, then gone); tags by the mapping's ARN (Create's Tags,
// TagResource, UntagResource, ListTags); and Lambda's refusals, whole messages.
import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  ListTagsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateEventSourceMappingCommand,
  type CreateEventSourceMappingCommandInput,
} from "@aws-sdk/client-lambda";
import type { SQSClient } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli, clientsFor, type Clients } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { createFixtureFunction } from "./helpers/functions.js";
import { createQueue, sqsClient } from "./helpers/sqs.js";

let daemon: DaemonProcess;
let aws: Clients;
let sqs: SQSClient;
const ARN = "arn:aws:sqs:us-east-1:000000000000:";
const FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:";

beforeAll(async () => {
  daemon = await startDaemon();
  aws = clientsFor(daemon.endpoint);
  sqs = sqsClient(daemon.endpoint);
  await createFixtureFunction(aws, "consumer", "echo");
  await createFixtureFunction(aws, "slow", "echo", { Timeout: 60 });
  await createQueue(sqs, "jobs");
  await createQueue(sqs, "other");
  await createQueue(sqs, "ordered.fifo", { FifoQueue: "true" });
});

afterAll(async () => {
  aws.destroy();
  sqs.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

const create = (input: Partial<CreateEventSourceMappingCommandInput>) =>
  aws.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: "consumer", EventSourceArn: `${ARN}jobs`, ...input }));

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

describe("event source mappings", () => {
  it("create: Creating, then Enabled, with Lambda's SQS defaults; get, list, delete", async () => {
    const created = await create({});
    const { UUID, LastModified, $metadata, ...rest } = created;
    expect($metadata.httpStatusCode).toBe(202);
    expect(LastModified).toBeInstanceOf(Date);
    expect(rest).toEqual({
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 0,
      EventSourceArn: `${ARN}jobs`,
      FunctionArn: `${FUNCTION_ARN}consumer`,
      State: "Creating",
      StateTransitionReason: "USER_INITIATED",
      FunctionResponseTypes: [],
      EventSourceMappingArn: `arn:aws:lambda:us-east-1:000000000000:event-source-mapping:${UUID}`,
    });
    expect((await aws.lambda.send(new GetEventSourceMappingCommand({ UUID }))).State).toBe("Enabled");
    const bySource = await aws.lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: `${ARN}jobs` }));
    const byFunction = await aws.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: `${FUNCTION_ARN}consumer` }));
    expect([bySource.EventSourceMappings!.map((m) => m.UUID), byFunction.EventSourceMappings!.map((m) => m.UUID)]).toEqual([[UUID], [UUID]]);
    expect((await aws.lambda.send(new DeleteEventSourceMappingCommand({ UUID }))).State).toBe("Deleting");
    expect(await failure(aws.lambda.send(new GetEventSourceMappingCommand({ UUID })))).toBe(
      "ResourceNotFoundException: The resource you requested does not exist.",
    );
  });

  it("tags: given to Create, added, removed and listed by the mapping's ARN; a mapping gone has none", async () => {
    const { EventSourceMappingArn: arn, UUID } = await create({ EventSourceArn: `${ARN}ordered.fifo`, Tags: { stack: "dev", team: "a" } });
    const tags = async () => (await aws.lambda.send(new ListTagsCommand({ Resource: arn }))).Tags;
    expect(await tags()).toEqual({ stack: "dev", team: "a" });
    await aws.lambda.send(new TagResourceCommand({ Resource: arn, Tags: { owner: "b" } }));
    await aws.lambda.send(new UntagResourceCommand({ Resource: arn, TagKeys: ["team", "missing"] }));
    expect(await tags()).toEqual({ stack: "dev", owner: "b" });
    expect(JSON.parse((await awsCli(daemon.endpoint, ["lambda", "list-tags", "--resource", arn!])).stdout)).toEqual({ Tags: { stack: "dev", owner: "b" } });
    await aws.lambda.send(new DeleteEventSourceMappingCommand({ UUID }));
    expect(await failure(tags())).toBe(`ResourceNotFoundException: Event source mapping not found: ${arn!}`);
  });

  it("update: settings change, Enabled false disables, ScalingConfig set and removed", async () => {
    const { UUID } = await create({ EventSourceArn: `${ARN}other`, BatchSize: 5 });
    const updated = await aws.lambda.send(
      new UpdateEventSourceMappingCommand({
        UUID,
        BatchSize: 50,
        MaximumBatchingWindowInSeconds: 3,
        FunctionResponseTypes: ["ReportBatchItemFailures"],
        ScalingConfig: { MaximumConcurrency: 4 },
        Enabled: false,
      }),
    );
    expect([updated.State, updated.BatchSize, updated.MaximumBatchingWindowInSeconds, updated.FunctionResponseTypes, updated.ScalingConfig]).toEqual([
      "Disabling",
      50,
      3,
      ["ReportBatchItemFailures"],
      { MaximumConcurrency: 4 },
    ]);
    expect((await aws.lambda.send(new GetEventSourceMappingCommand({ UUID }))).State).toBe("Disabled");
    const enabled = await aws.lambda.send(new UpdateEventSourceMappingCommand({ UUID, Enabled: true, ScalingConfig: {} }));
    expect([enabled.State, enabled.ScalingConfig]).toEqual(["Enabling", undefined]);
    expect((await aws.lambda.send(new GetEventSourceMappingCommand({ UUID }))).State).toBe("Enabled");
    await aws.lambda.send(new DeleteEventSourceMappingCommand({ UUID }));
  });

  it("list: pages of MaxItems with NextMarker", async () => {
    const made = [];
    for (const queue of ["page1", "page2", "page3"]) {
      await createQueue(sqs, queue);
      made.push((await create({ EventSourceArn: `${ARN}${queue}`, Enabled: false })).UUID);
    }
    const first = await aws.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: "consumer", MaxItems: 2 }));
    const second = await aws.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: "consumer", MaxItems: 2, Marker: first.NextMarker! }));
    expect([...first.EventSourceMappings!, ...second.EventSourceMappings!].map((m) => m.UUID)).toEqual(made);
    expect(second.NextMarker).toBeUndefined();
    for (const UUID of made) await aws.lambda.send(new DeleteEventSourceMappingCommand({ UUID }));
  });

  const refusals: Array<[string, Partial<CreateEventSourceMappingCommandInput>, string]> = [
    [
      "batch over 10 without a window",
      { BatchSize: 11 },
      "InvalidParameterValueException: Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10",
    ],
    [
      "function timeout above the visibility timeout",
      { FunctionName: "slow" },
      "InvalidParameterValueException: Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds",
    ],
    [
      "FIFO batch over 10",
      { EventSourceArn: `${ARN}ordered.fifo`, BatchSize: 11, MaximumBatchingWindowInSeconds: 1 },
      "InvalidParameterValueException: BatchSize 11 exceeds the max of 10 for FIFO queues.",
    ],
    [
      "missing queue",
      { EventSourceArn: `${ARN}missing` },
      "InvalidParameterValueException: Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist or you do not have access to it.",
    ],
    ["missing function", { FunctionName: "nobody" }, `ResourceNotFoundException: Function not found: ${FUNCTION_ARN}nobody`],
    ["StartingPosition on a queue", { StartingPosition: "LATEST" }, "InvalidParameterValueException: StartingPosition is not valid for SQS event sources."],
    [
      "a stream setting on a queue",
      { MaximumRetryAttempts: 2 },
      "InvalidParameterValueException: Unsupported MaximumRetryAttempts parameter for given event source mapping type.",
    ],
    [
      "batch size 0",
      { BatchSize: 0 },
      "ValidationException: 1 validation error detected: Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1",
    ],
    [
      "window over 300",
      { MaximumBatchingWindowInSeconds: 301 },
      "ValidationException: 1 validation error detected: Value '301' at 'maximumBatchingWindowInSeconds' failed to satisfy constraint: Member must have value less than or equal to 300",
    ],
    [
      "filters",
      { FilterCriteria: { Filters: [{ Pattern: "{}" }] } },
      "InvalidParameterValueException: The local cloud does not support FilterCriteria on event source mappings.",
    ],
    [
      "an unknown kind of source",
      { EventSourceArn: "arn:aws:sns:us-east-1:000000000000:topic" },
      "InvalidParameterValueException: Unsupported event source type: the local cloud reads SQS queues, DynamoDB streams and Kinesis streams, got arn:aws:sns:us-east-1:000000000000:topic",
    ],
  ];
  it.each(refusals)("create: refused: %s", async (_case, input, message) => {
    expect(await failure(create(input))).toBe(message);
  });

  it("create: a second mapping of the same function and queue is a conflict naming the first", async () => {
    const { UUID } = await create({});
    expect(await failure(create({}))).toBe(
      `ResourceConflictException: The event source arn (" ${ARN}jobs ") and function (" consumer ") provided mapping already exists. Please update or delete the existing mapping with UUID ${UUID}`,
    );
    expect(await failure(aws.lambda.send(new UpdateEventSourceMappingCommand({ UUID, BatchSize: 100 })))).toBe(
      "InvalidParameterValueException: Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10",
    );
    await aws.lambda.send(new DeleteEventSourceMappingCommand({ UUID }));
  });

  it("aws CLI: create-event-source-mapping, list, delete", async () => {
    const created = await awsCli(daemon.endpoint, [
      "lambda",
      "create-event-source-mapping",
      "--function-name",
      "consumer",
      "--event-source-arn",
      `${ARN}jobs`,
      "--batch-size",
      "5",
    ]);
    const { UUID, State, BatchSize } = JSON.parse(created.stdout) as { UUID: string; State: string; BatchSize: number };
    expect([State, BatchSize]).toEqual(["Creating", 5]);
    const listed = JSON.parse((await awsCli(daemon.endpoint, ["lambda", "list-event-source-mappings", "--function-name", "consumer"])).stdout) as {
      EventSourceMappings: Array<{ UUID: string; State: string }>;
    };
    expect(listed.EventSourceMappings.map((m) => [m.UUID, m.State])).toEqual([[UUID, "Enabled"]]);
    expect((await awsCli(daemon.endpoint, ["lambda", "delete-event-source-mapping", "--uuid", UUID])).code).toBe(0);
  });
});
