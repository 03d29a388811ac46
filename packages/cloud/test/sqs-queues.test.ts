// SQS queues over the wire (@aws-sdk/client-sqs and the aws CLI): CreateQueue
// with SQS's defaults and checks (idempotent for the same attributes,
// QueueAlreadyExists otherwise, FIFO names), GetQueueUrl, ListQueues with
// prefixes and pages, Get/SetQueueAttributes with the computed counts,
// redrive policies naming a real queue of the same type, PurgeQueue once a
// minute, tags, and errors in SQS's codes, also for malformed requests.
import {
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListDeadLetterSourceQueuesCommand,
  ListQueuesCommand,
  ListQueueTagsCommand,
  PurgeQueueCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
  TagQueueCommand,
  UntagQueueCommand,
  CreateQueueCommand,
} from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { advanceClock, createQueue, sqsClient } from "./helpers/sqs.js";

let daemon: DaemonProcess;
let sqs: SQSClient;
const arnPrefix = "arn:aws:sqs:us-east-1:000000000000:";

beforeAll(async () => {
  daemon = await startDaemon();
  sqs = sqsClient(daemon.endpoint);
});

afterAll(async () => {
  sqs.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

async function attributes(url: string, names = ["All"]): Promise<Record<string, string>> {
  return (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: names as never }))).Attributes ?? {};
}

/** The error's name, query-protocol Code and message, or "ok". */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    const e = error as { name: string; Code?: string; message: string };
    return `${e.name} (${e.Code}): ${e.message}`;
  }
}

describe("queues", () => {
  it("create: SQS's defaults, the URL on the daemon, the ARN, and the same URL again for the same attributes", async () => {
    const url = await createQueue(sqs, "plain");
    expect(url).toBe(`${daemon.endpoint}/000000000000/plain`);
    expect(await createQueue(sqs, "plain", { VisibilityTimeout: "30" })).toBe(url);
    const { CreatedTimestamp, LastModifiedTimestamp, ...rest } = await attributes(url);
    expect(Number(CreatedTimestamp)).toBe(Number(LastModifiedTimestamp));
    expect(rest).toEqual({
      ApproximateNumberOfMessages: "0",
      ApproximateNumberOfMessagesNotVisible: "0",
      ApproximateNumberOfMessagesDelayed: "0",
      QueueArn: `${arnPrefix}plain`,
      DelaySeconds: "0",
      MaximumMessageSize: "262144",
      MessageRetentionPeriod: "345600",
      ReceiveMessageWaitTimeSeconds: "0",
      VisibilityTimeout: "30",
      SqsManagedSseEnabled: "true",
    });
    expect(await sqs.send(new GetQueueUrlCommand({ QueueName: "plain" }))).toMatchObject({ QueueUrl: url });
  });

  it("create: a FIFO queue has the FIFO attributes and defaults", async () => {
    const url = await createQueue(sqs, "orders.fifo", { FifoQueue: "true", ContentBasedDeduplication: "true" });
    expect(await attributes(url, ["FifoQueue", "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit"])).toEqual({
      FifoQueue: "true",
      ContentBasedDeduplication: "true",
      DeduplicationScope: "messageQueue",
      FifoThroughputLimit: "perQueue",
    });
  });

  const refusals: Array<[string, () => Promise<unknown>, string]> = [
    [
      "differing attribute",
      () => createQueue(sqs, "plain", { VisibilityTimeout: "31" }),
      "QueueNameExists (QueueAlreadyExists): A queue already exists with the same name and a different value for attribute VisibilityTimeout",
    ],
    [
      "bad name",
      () => createQueue(sqs, "no spaces"),
      "InvalidParameterValue (InvalidParameterValue): Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length",
    ],
    [
      "FIFO without .fifo",
      () => createQueue(sqs, "nofifo", { FifoQueue: "true" }),
      "InvalidParameterValue (InvalidParameterValue): The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.",
    ],
    [
      ".fifo without FifoQueue",
      () => createQueue(sqs, "x.fifo"),
      "InvalidParameterValue (InvalidParameterValue): Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length",
    ],
    [
      "value out of range",
      () => createQueue(sqs, "slow", { VisibilityTimeout: "43201" }),
      "InvalidAttributeValue (InvalidAttributeValue): Invalid value for the parameter VisibilityTimeout.",
    ],
    ["unknown attribute", () => createQueue(sqs, "odd", { Colour: "blue" }), "InvalidAttributeName (InvalidAttributeName): Unknown Attribute Colour."],
    [
      "FIFO attribute on a standard queue",
      () => createQueue(sqs, "std", { ContentBasedDeduplication: "true" }),
      "InvalidAttributeName (InvalidAttributeName): Unknown Attribute ContentBasedDeduplication.",
    ],
    [
      "redrive to a missing queue",
      () => createQueue(sqs, "orphan", { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `${arnPrefix}missing`, maxReceiveCount: 3 }) }),
      `InvalidParameterValue (InvalidParameterValue): Value {"deadLetterTargetArn":"${arnPrefix}missing","maxReceiveCount":3} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.`,
    ],
    [
      "redrive with maxReceiveCount 0",
      () => createQueue(sqs, "orphan", { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `${arnPrefix}plain`, maxReceiveCount: 0 }) }),
      `InvalidParameterValue (InvalidParameterValue): Value {"deadLetterTargetArn":"${arnPrefix}plain","maxReceiveCount":0} for parameter RedrivePolicy is invalid. Reason: Invalid value for maxReceiveCount: 0, valid values are from 1 to 1000 both inclusive.`,
    ],
    [
      "redrive from FIFO to a standard queue",
      () =>
        createQueue(sqs, "mixed.fifo", { FifoQueue: "true", RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `${arnPrefix}plain`, maxReceiveCount: 3 }) }),
      `InvalidParameterValue (InvalidParameterValue): Value {"deadLetterTargetArn":"${arnPrefix}plain","maxReceiveCount":3} for parameter RedrivePolicy is invalid. Reason: Dead-letter queue must be same type of queue as the source..`,
    ],
    [
      "missing queue",
      () => sqs.send(new GetQueueUrlCommand({ QueueName: "missing" })),
      "QueueDoesNotExist (AWS.SimpleQueueService.NonExistentQueue): The specified queue does not exist.",
    ],
    [
      "missing queue by URL",
      () => sqs.send(new SendMessageCommand({ QueueUrl: `${daemon.endpoint}/000000000000/missing`, MessageBody: "x" })),
      "QueueDoesNotExist (AWS.SimpleQueueService.NonExistentQueue): The specified queue does not exist.",
    ],
  ];
  it.each(refusals)("create: refused: %s", async (_case, call, message) => {
    expect(await failure(call())).toBe(message);
  });

  it("attributes: set, read back, FifoQueue cannot change, a redrive policy names its dead-letter queue", async () => {
    const dlq = await createQueue(sqs, "attrs-dlq");
    const url = await createQueue(sqs, "attrs");
    const redrive = JSON.stringify({ deadLetterTargetArn: `${arnPrefix}attrs-dlq`, maxReceiveCount: "4" });
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { DelaySeconds: "5", RedrivePolicy: redrive } }));
    expect(await attributes(url, ["DelaySeconds", "RedrivePolicy"])).toEqual({
      DelaySeconds: "5",
      RedrivePolicy: `{"deadLetterTargetArn":"${arnPrefix}attrs-dlq","maxReceiveCount":4}`,
    });
    expect((await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq }))).queueUrls).toEqual([url]);
    expect(await failure(sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { FifoQueue: "true" } })))).toBe(
      "InvalidAttributeName (InvalidAttributeName): Unknown Attribute FifoQueue.",
    );
    expect(await failure(sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["Nope" as never] })))).toBe(
      "InvalidAttributeName (InvalidAttributeName): Unknown Attribute Nope.",
    );
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { RedrivePolicy: "" } }));
    expect(await attributes(url, ["RedrivePolicy"])).toEqual({});
  });

  it("list: by prefix, in pages with NextToken, and without the deleted", async () => {
    for (const name of ["page-a", "page-b", "page-c", "other"]) await createQueue(sqs, name);
    const first = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: "page-", MaxResults: 2 }));
    const second = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: "page-", MaxResults: 2, NextToken: first.NextToken! }));
    expect([...first.QueueUrls!, ...second.QueueUrls!].map((url) => url.split("/").pop())).toEqual(["page-a", "page-b", "page-c"]);
    expect(second.NextToken).toBeUndefined();
    await sqs.send(new DeleteQueueCommand({ QueueUrl: first.QueueUrls![0]! }));
    expect((await sqs.send(new ListQueuesCommand({ QueueNamePrefix: "page-" }))).QueueUrls!.map((url) => url.split("/").pop())).toEqual(["page-b", "page-c"]);
  });

  it("purge: empties the queue; a second purge within 60 s is refused, one after is not", async () => {
    const url = await createQueue(sqs, "purged");
    for (const body of ["1", "2"]) await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body }));
    expect((await attributes(url, ["ApproximateNumberOfMessages"])).ApproximateNumberOfMessages).toBe("2");
    await sqs.send(new PurgeQueueCommand({ QueueUrl: url }));
    expect((await attributes(url, ["ApproximateNumberOfMessages"])).ApproximateNumberOfMessages).toBe("0");
    expect(await failure(sqs.send(new PurgeQueueCommand({ QueueUrl: url })))).toBe(
      "PurgeQueueInProgress (AWS.SimpleQueueService.PurgeQueueInProgress): Only one PurgeQueue operation on purged is allowed every 60 seconds.",
    );
    await advanceClock(daemon.endpoint, 60_000);
    expect(await failure(sqs.send(new PurgeQueueCommand({ QueueUrl: url })))).toBe("ok");
  });

  it("tags: at creation, added, removed, listed", async () => {
    await sqs.send(new CreateQueueCommand({ QueueName: "tagged", tags: { team: "a" } }));
    const url = `${daemon.endpoint}/000000000000/tagged`;
    await sqs.send(new TagQueueCommand({ QueueUrl: url, Tags: { env: "dev", team: "b" } }));
    expect((await sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags).toEqual({ team: "b", env: "dev" });
    await sqs.send(new UntagQueueCommand({ QueueUrl: url, TagKeys: ["team"] }));
    expect((await sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags).toEqual({ env: "dev" });
  });

  const malformed: Array<[string, string | undefined, string, number, string]> = [
    ["not JSON", "AmazonSQS.ListQueues", "{nope", 400, "SerializationException;Sender"],
    ["unknown action", "AmazonSQS.Frobnicate", "{}", 400, "UnknownOperationException;Sender"],
    ["not implemented", "AmazonSQS.AddPermission", "{}", 400, "AWS.SimpleQueueService.UnsupportedOperation;Sender"],
    ["wrong field type", "AmazonSQS.CreateQueue", '{"QueueName":5}', 400, "InvalidParameterValue;Sender"],
    ["batch not a list", "AmazonSQS.SendMessageBatch", `{"QueueUrl":"/000000000000/plain","Entries":"x"}`, 400, "InvalidParameterValue;Sender"],
  ];
  it.each(malformed)("wire: malformed request answered with SQS's code: %s", async (_case, target, body, status, queryError) => {
    const response = await fetch(daemon.endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.0",
        ...(target === undefined ? {} : { "x-amz-target": target }),
        authorization: "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=x",
      },
      body,
    });
    expect([response.status, response.headers.get("x-amzn-query-error")]).toEqual([status, queryError]);
    // The daemon is still answering.
    expect((await sqs.send(new ListQueuesCommand({ QueueNamePrefix: "plain" }))).QueueUrls).toHaveLength(1);
  });

  it("aws CLI: create-queue, get-queue-attributes, list-queues, delete-queue", async () => {
    const created = await awsCli(daemon.endpoint, ["sqs", "create-queue", "--queue-name", "cli", "--attributes", "VisibilityTimeout=45"]);
    expect(JSON.parse(created.stdout)).toEqual({ QueueUrl: `${daemon.endpoint}/000000000000/cli` });
    const read = await awsCli(daemon.endpoint, [
      "sqs",
      "get-queue-attributes",
      "--queue-url",
      `${daemon.endpoint}/000000000000/cli`,
      "--attribute-names",
      "VisibilityTimeout",
    ]);
    expect(JSON.parse(read.stdout)).toEqual({ Attributes: { VisibilityTimeout: "45" } });
    const missing = await awsCli(daemon.endpoint, ["sqs", "get-queue-url", "--queue-name", "nope"]);
    expect([missing.code, missing.stderr.trim()]).toEqual([
      255,
      "An error occurred (AWS.SimpleQueueService.NonExistentQueue) when calling the GetQueueUrl operation: The specified queue does not exist.",
    ]);
    expect((await awsCli(daemon.endpoint, ["sqs", "delete-queue", "--queue-url", `${daemon.endpoint}/000000000000/cli`])).code).toBe(0);
  });
});
