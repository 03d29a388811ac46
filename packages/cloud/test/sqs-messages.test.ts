// SQS messages over the wire: send and receive with message and system
// attributes (the SDK checks every MD5), visibility timeouts (a received
// message comes back after its timeout, counted), stale receipt handles,
// ChangeMessageVisibility, delays, retention, batches with per-entry
// failures, long polling that a send wakes, dead-letter queues, and FIFO
// queues (order per group, a group blocked while in flight, deduplication
// for 5 minutes). Time passes by advancing the daemon's clock.
import {
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { advanceClock, bodies, createQueue, receive, sqsClient } from "./helpers/sqs.js";

let daemon: DaemonProcess;
let sqs: SQSClient;
const ARN = "arn:aws:sqs:us-east-1:000000000000:";

beforeAll(async () => {
  daemon = await startDaemon();
  sqs = sqsClient(daemon.endpoint);
});

afterAll(async () => {
  sqs.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

const send = (url: string, body: string, extra: object = {}) => sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, ...extra }));
const advance = (ms: number) => advanceClock(daemon.endpoint, ms);

async function counts(url: string): Promise<string[]> {
  const names = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"] as const;
  const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: [...names] }));
  return names.map((name) => Attributes[name] ?? "");
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    const e = error as { name: string; Code?: string; message: string };
    return `${e.name} (${e.Code}): ${e.message}`;
  }
}

describe("messages", () => {
  it("send/receive: body, message attributes of each type, system attributes; the SDK's MD5 checks pass", async () => {
    const url = await createQueue(sqs, "attrs");
    const sent = await send(url, "héllo 👋", {
      MessageAttributes: {
        text: { DataType: "String", StringValue: "v" },
        count: { DataType: "Number", StringValue: "12.5" },
        raw: { DataType: "Binary", BinaryValue: Uint8Array.from([0, 1, 255]) },
        custom: { DataType: "String.json", StringValue: "{}" },
      },
      MessageSystemAttributes: { AWSTraceHeader: { DataType: "String", StringValue: "Root=1-5759e988-bd862e3fe1be46a994272793" } },
    });
    expect(sent.MD5OfMessageSystemAttributes).toMatch(/^[0-9a-f]{32}$/);
    const [message] = await receive(sqs, url);
    expect(message!.MessageId).toBe(sent.MessageId);
    expect(message!.Body).toBe("héllo 👋");
    expect(message!.MessageAttributes).toEqual({
      count: { DataType: "Number", StringValue: "12.5" },
      custom: { DataType: "String.json", StringValue: "{}" },
      raw: { DataType: "Binary", BinaryValue: Uint8Array.from([0, 1, 255]) },
      text: { DataType: "String", StringValue: "v" },
    });
    const { SentTimestamp, ApproximateFirstReceiveTimestamp, ...rest } = message!.Attributes!;
    expect(Number(ApproximateFirstReceiveTimestamp)).toBeGreaterThanOrEqual(Number(SentTimestamp));
    expect(rest).toEqual({ SenderId: "000000000000", ApproximateReceiveCount: "1", AWSTraceHeader: "Root=1-5759e988-bd862e3fe1be46a994272793" });
  });

  it("receive: only the attributes asked for, by name or prefix", async () => {
    const url = await createQueue(sqs, "selected");
    await send(url, "x", {
      MessageAttributes: {
        "a.one": { DataType: "String", StringValue: "1" },
        "a.two": { DataType: "String", StringValue: "2" },
        b: { DataType: "String", StringValue: "3" },
      },
    });
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ["a.*"], MessageSystemAttributeNames: ["ApproximateReceiveCount"] }),
    );
    expect([Object.keys(Messages[0]!.MessageAttributes!), Messages[0]!.Attributes]).toEqual([["a.one", "a.two"], { ApproximateReceiveCount: "1" }]);
  });

  it("visibility: a received message is invisible for the timeout, then comes back with its receive count", async () => {
    const url = await createQueue(sqs, "visibility", { VisibilityTimeout: "30" });
    await send(url, "m");
    const [first] = await receive(sqs, url);
    expect([await receive(sqs, url), await counts(url)]).toEqual([[], ["0", "1", "0"]]);
    await advance(30_000);
    const [again] = await receive(sqs, url);
    expect([again!.MessageId, again!.Attributes!.ApproximateReceiveCount]).toEqual([first!.MessageId, "2"]);
    // The first receipt handle is stale: deleting with it succeeds and deletes nothing.
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first!.ReceiptHandle! }));
    expect(await counts(url)).toEqual(["0", "1", "0"]);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: again!.ReceiptHandle! }));
    expect(await counts(url)).toEqual(["0", "0", "0"]);
  });

  it("visibility: ReceiveMessage's own VisibilityTimeout, ChangeMessageVisibility to 0 and on a message not in flight", async () => {
    const url = await createQueue(sqs, "change");
    await send(url, "m");
    const [message] = await receive(sqs, url, 1, { VisibilityTimeout: 5 });
    await advance(5_000);
    const [again] = await receive(sqs, url);
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: again!.ReceiptHandle!, VisibilityTimeout: 0 }));
    const [third] = await receive(sqs, url, 1, { VisibilityTimeout: 0 });
    expect([message!.MessageId, third!.Attributes!.ApproximateReceiveCount]).toEqual([again!.MessageId, "3"]);
    expect(await failure(sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: third!.ReceiptHandle!, VisibilityTimeout: 10 })))).toBe(
      "MessageNotInflight (AWS.SimpleQueueService.MessageNotInflight): Message is not in flight.",
    );
    expect(await failure(sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: "garbage" })))).toBe(
      'ReceiptHandleIsInvalid (ReceiptHandleIsInvalid): The input receipt handle "garbage" is not a valid receipt handle.',
    );
  });

  it("delay: the queue's delay and a message's own delay hold it back", async () => {
    const url = await createQueue(sqs, "delayed", { DelaySeconds: "10" });
    await send(url, "queue-delay");
    await send(url, "own-delay", { DelaySeconds: 60 });
    expect([await receive(sqs, url), await counts(url)]).toEqual([[], ["0", "0", "2"]]);
    await advance(10_000);
    const [first] = await receive(sqs, url);
    expect(first!.Body).toBe("queue-delay");
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first!.ReceiptHandle! }));
    await advance(50_000);
    expect(bodies(await receive(sqs, url))).toEqual(["own-delay"]);
  });

  it("retention: messages older than MessageRetentionPeriod are gone", async () => {
    const url = await createQueue(sqs, "retained", { MessageRetentionPeriod: "60" });
    await send(url, "old");
    await advance(61_000);
    await send(url, "new");
    expect(bodies(await receive(sqs, url))).toEqual(["new"]);
  });

  it("batch: sends, deletes and visibility changes report each entry", async () => {
    const url = await createQueue(sqs, "batch");
    const sent = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: "a", MessageBody: "1" },
          { Id: "b", MessageBody: "\u0001" },
          { Id: "c", MessageBody: "3" },
        ],
      }),
    );
    expect(sent.Successful!.map((entry) => entry.Id)).toEqual(["a", "c"]);
    expect(sent.Failed).toEqual([
      {
        Id: "b",
        SenderFault: true,
        Code: "InvalidMessageContents",
        Message:
          "Invalid binary character '#x1' was found in the message body, the set of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF",
      },
    ]);
    const messages = await receive(sqs, url);
    const changed = await sqs.send(
      new ChangeMessageVisibilityBatchCommand({ QueueUrl: url, Entries: [{ Id: "x", ReceiptHandle: messages[0]!.ReceiptHandle!, VisibilityTimeout: 0 }] }),
    );
    expect(changed.Successful).toEqual([{ Id: "x" }]);
    const entries = [...messages.map((message, i) => ({ Id: `m${i}`, ReceiptHandle: message.ReceiptHandle! })), { Id: "bad", ReceiptHandle: "nope" }];
    const deleted = await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: entries }));
    expect([deleted.Successful!.map((entry) => entry.Id), deleted.Failed!.map((entry) => entry.Code)]).toEqual([["m0", "m1"], ["ReceiptHandleIsInvalid"]]);
  });

  const refusals: Array<[string, () => Promise<unknown>, string]> = [
    [
      "empty body",
      () => send(`${daemon.endpoint}/000000000000/batch`, ""),
      "MissingParameter (MissingParameter): The request must contain the parameter MessageBody.",
    ],
    [
      "too large",
      () => send(`${daemon.endpoint}/000000000000/batch`, "x".repeat(262_145)),
      "InvalidParameterValue (InvalidParameterValue): One or more parameters are invalid. Reason: Message must be shorter than 262144 bytes.",
    ],
    [
      "eleven entries",
      () =>
        sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: `${daemon.endpoint}/000000000000/batch`,
            Entries: Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, MessageBody: "x" })),
          }),
        ),
      "TooManyEntriesInBatchRequest (AWS.SimpleQueueService.TooManyEntriesInBatchRequest): Maximum number of entries per request are 10. You have sent 11.",
    ],
    [
      "repeated ids",
      () =>
        sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: `${daemon.endpoint}/000000000000/batch`,
            Entries: [
              { Id: "a", MessageBody: "x" },
              { Id: "a", MessageBody: "y" },
            ],
          }),
        ),
      "BatchEntryIdsNotDistinct (AWS.SimpleQueueService.BatchEntryIdsNotDistinct): Id a repeated.",
    ],
    [
      "no entries",
      () => sqs.send(new DeleteMessageBatchCommand({ QueueUrl: `${daemon.endpoint}/000000000000/batch`, Entries: [] })),
      "EmptyBatchRequest (AWS.SimpleQueueService.EmptyBatchRequest): There should be at least one DeleteMessageBatchRequestEntry in the request.",
    ],
    [
      "eleven messages asked",
      () => sqs.send(new ReceiveMessageCommand({ QueueUrl: `${daemon.endpoint}/000000000000/batch`, MaxNumberOfMessages: 11 })),
      "InvalidParameterValue (InvalidParameterValue): Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.",
    ],
    [
      "attribute without a value",
      () => send(`${daemon.endpoint}/000000000000/batch`, "x", { MessageAttributes: { a: { DataType: "String" } } }),
      "InvalidParameterValue (InvalidParameterValue): The message attribute 'a' with type 'String' must use field 'String'.",
    ],
    [
      "reserved attribute name",
      () => send(`${daemon.endpoint}/000000000000/batch`, "x", { MessageAttributes: { "AWS.x": { DataType: "String", StringValue: "v" } } }),
      "InvalidParameterValue (InvalidParameterValue): Message (user) attribute 'AWS.x' is invalid. Reason: The message attribute name can contain A-Z, a-z, 0-9, underscore (_), hyphen (-), and period (.), must not start or end with a period, must not contain consecutive periods, and must not start with AWS. or Amazon.",
    ],
  ];
  it.each(refusals)("send/receive: refused: %s", async (_case, call, message) => {
    expect(await failure(call())).toBe(message);
  });

  it("long polling: a receive waiting 20 s returns as soon as a message is sent", { timeout: 15_000 }, async () => {
    const url = await createQueue(sqs, "long");
    const waiting = sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 20 }));
    // Give the receive time to start waiting before the send.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await send(url, "woken");
    expect(bodies((await waiting).Messages ?? [])).toEqual(["woken"]);
  });

  it("dead letters: a message received maxReceiveCount times moves to the DLQ, with its source", async () => {
    await createQueue(sqs, "dead");
    const url = await createQueue(sqs, "live", {
      VisibilityTimeout: "10",
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `${ARN}dead`, maxReceiveCount: 2 }),
    });
    const { MessageId } = await send(url, "poison");
    for (let i = 0; i < 2; i++) {
      expect(bodies(await receive(sqs, url))).toEqual(["poison"]);
      await advance(10_000);
    }
    expect(await receive(sqs, url)).toEqual([]);
    const [dead] = await receive(sqs, `${daemon.endpoint}/000000000000/dead`);
    expect([dead!.MessageId, dead!.Body, dead!.Attributes!.DeadLetterQueueSourceArn]).toEqual([MessageId, "poison", `${ARN}live`]);
  });

  it("fifo: order per group, a group waits while a message of it is in flight, other groups go on", async () => {
    const url = await createQueue(sqs, "ordered.fifo", { FifoQueue: "true", ContentBasedDeduplication: "true", VisibilityTimeout: "30" });
    for (const [group, body] of [
      ["a", "a1"],
      ["b", "b1"],
      ["a", "a2"],
      ["b", "b2"],
      ["a", "a3"],
    ])
      await send(url, body!, { MessageGroupId: group });
    const first = await receive(sqs, url, 2);
    expect(bodies(first)).toEqual(["a1", "b1"]);
    expect(first.map((m) => m.Attributes!.MessageGroupId)).toEqual(["a", "b"]);
    // Both groups are in flight: nothing else may be received.
    expect(await receive(sqs, url)).toEqual([]);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first[1]!.ReceiptHandle! }));
    const [b2] = await receive(sqs, url);
    expect(b2!.Body).toBe("b2");
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: b2!.ReceiptHandle! }));
    // a1 times out and comes back first, before a2.
    await advance(30_000);
    expect(bodies(await receive(sqs, url))).toEqual(["a1", "a2", "a3"]);
  });

  it("fifo: a deduplication id within 5 minutes answers the first message and stores nothing", async () => {
    const url = await createQueue(sqs, "dedup.fifo", { FifoQueue: "true" });
    const first = await send(url, "one", { MessageGroupId: "g", MessageDeduplicationId: "d1" });
    const again = await send(url, "other body", { MessageGroupId: "g", MessageDeduplicationId: "d1" });
    expect([again.MessageId, again.SequenceNumber]).toEqual([first.MessageId, first.SequenceNumber]);
    expect(await counts(url)).toEqual(["1", "0", "0"]);
    await advance(5 * 60_000);
    expect((await send(url, "one", { MessageGroupId: "g", MessageDeduplicationId: "d1" })).MessageId).not.toBe(first.MessageId);
    expect(await failure(send(url, "x", { MessageGroupId: "g" }))).toBe(
      "InvalidParameterValue (InvalidParameterValue): The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly",
    );
    expect(await failure(send(url, "x", { MessageDeduplicationId: "d2" }))).toBe(
      "MissingParameter (MissingParameter): The request must contain the parameter MessageGroupId.",
    );
    expect(await failure(send(url, "x", { MessageGroupId: "g", MessageDeduplicationId: "d3", DelaySeconds: 5 }))).toBe(
      "InvalidParameterValue (InvalidParameterValue): Value 5 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.",
    );
  });

  it("scale: 10,000 queued messages are all received once, none lost or repeated", async () => {
    const url = await createQueue(sqs, "many");
    const ids: string[] = [];
    for (let i = 0; i < 10_000; i += 10) {
      const entries = Array.from({ length: 10 }, (_, j) => ({ Id: `e${j}`, MessageBody: String(i + j) }));
      ids.push(...(await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries }))).Successful!.map((entry) => entry.MessageId!));
    }
    const seen = new Set<string>();
    for (;;) {
      const batch = await receive(sqs, url, 10);
      if (batch.length === 0) break;
      for (const message of batch) seen.add(message.Body!);
      await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: batch.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle! })) }));
    }
    expect([ids.length, seen.size, await counts(url)]).toEqual([10_000, 10_000, ["0", "0", "0"]]);
  }, 240_000);

  it("aws CLI: send-message with attributes, receive-message, delete-message", async () => {
    const url = await createQueue(sqs, "cli-messages");
    const sent = await awsCli(daemon.endpoint, [
      "sqs",
      "send-message",
      "--queue-url",
      url,
      "--message-body",
      "from cli",
      "--message-attributes",
      '{"k":{"DataType":"String","StringValue":"v"}}',
    ]);
    expect(sent.code).toBe(0);
    const received = JSON.parse((await awsCli(daemon.endpoint, ["sqs", "receive-message", "--queue-url", url, "--message-attribute-names", "All"])).stdout) as {
      Messages: Array<{ Body: string; MessageAttributes: unknown; ReceiptHandle: string }>;
    };
    expect([received.Messages[0]!.Body, received.Messages[0]!.MessageAttributes]).toEqual(["from cli", { k: { DataType: "String", StringValue: "v" } }]);
    expect((await awsCli(daemon.endpoint, ["sqs", "delete-message", "--queue-url", url, "--receipt-handle", received.Messages[0]!.ReceiptHandle])).code).toBe(
      0,
    );
    expect(await counts(url)).toEqual(["0", "0", "0"]);
  });
});

describe("durability", () => {
  it("kill -9: sent messages survive, and one in flight comes back after its visibility timeout", async () => {
    const own = await startDaemon();
    let client = sqsClient(own.endpoint);
    try {
      const url = await createQueue(client, "durable", { VisibilityTimeout: "30" });
      await client.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: [
            { Id: "a", MessageBody: "kept" },
            { Id: "b", MessageBody: "in flight" },
          ],
        }),
      );
      expect(bodies(await receive(client, url, 1))).toEqual(["kept"]);
      await own.kill();
      client.destroy();
      const again = await startDaemon({ dataDir: own.dataDir });
      cleanupLater.push(again);
      client = sqsClient(again.endpoint);
      const url2 = await createQueue(client, "durable", { VisibilityTimeout: "30" });
      const [inFlight] = await receive(client, url2);
      expect(inFlight!.Body).toBe("in flight");
      await client.send(new DeleteMessageCommand({ QueueUrl: url2, ReceiptHandle: inFlight!.ReceiptHandle! }));
      await advanceClock(again.endpoint, 30_000);
      expect(bodies(await receive(client, url2))).toEqual(["kept"]);
    } finally {
      client.destroy();
      for (const each of cleanupLater.splice(0)) await each.stop();
      removeDataDir(own.dataDir);
    }
  });
});

const cleanupLater: DaemonProcess[] = [];
