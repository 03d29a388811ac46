// Bucket notification configurations against the real daemon (S3 and
// Lambda): stored and read back as S3 answers them; refused as S3 refuses
// them (overlapping configurations, unknown events, bad filters, Lambda
// destinations that do not exist or do not allow this bucket); dropped with
// the bucket.
import { AddPermissionCommand } from "@aws-sdk/client-lambda";
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  GetBucketNotificationConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
  S3Client,
  type NotificationConfiguration,
  type QueueConfiguration,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientsFor, type Clients } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { createFixtureFunction } from "./helpers/functions.js";
import { s3Client } from "./helpers/s3-clients.js";

let daemon: DaemonProcess;
let s3: S3Client;
let aws: Clients;
let allowed: string;
let notAllowed: string;

beforeAll(async () => {
  daemon = await startDaemon();
  s3 = s3Client(daemon.endpoint);
  aws = clientsFor(daemon.endpoint);
  allowed = (await createFixtureFunction(aws, "allowed", "echo")).FunctionArn!;
  notAllowed = (await createFixtureFunction(aws, "not-allowed", "echo")).FunctionArn!;
  await aws.lambda.send(
    new AddPermissionCommand({
      FunctionName: "allowed",
      StatementId: "s3",
      Action: "lambda:InvokeFunction",
      Principal: "s3.amazonaws.com",
      SourceArn: "arn:aws:s3:::notified",
      SourceAccount: "000000000000",
    }),
  );
  await aws.lambda.send(
    new AddPermissionCommand({
      FunctionName: "not-allowed",
      StatementId: "s3",
      Action: "lambda:InvokeFunction",
      Principal: "s3.amazonaws.com",
      SourceArn: "arn:aws:s3:::some-other-bucket",
    }),
  );
  await s3.send(new CreateBucketCommand({ Bucket: "notified" }));
});

afterAll(async () => {
  s3.destroy();
  aws.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

const QUEUE = "arn:aws:sqs:us-east-1:000000000000:later";
const TOPIC = "arn:aws:sns:us-east-1:000000000000:later";

function put(configuration: NotificationConfiguration, bucket = "notified") {
  return s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: configuration }));
}

async function read(bucket = "notified") {
  const { $metadata: _, ...configuration } = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
  return configuration;
}

function queue(events: string[], prefix?: string, suffix?: string): QueueConfiguration {
  const FilterRules = [
    ...(prefix === undefined ? [] : [{ Name: "prefix" as const, Value: prefix }]),
    ...(suffix === undefined ? [] : [{ Name: "suffix" as const, Value: suffix }]),
  ];
  return { QueueArn: QUEUE, Events: events as QueueConfiguration["Events"], ...(FilterRules.length === 0 ? {} : { Filter: { Key: { FilterRules } } }) };
}

describe("s3 notification configuration", () => {
  it("config: Lambda, queue and topic configurations are stored and read back, filter names capitalised", async () => {
    await put({
      LambdaFunctionConfigurations: [
        {
          Id: "docs",
          LambdaFunctionArn: allowed,
          Events: ["s3:ObjectCreated:*"],
          Filter: {
            Key: {
              FilterRules: [
                { Name: "prefix", Value: "docs/" },
                { Name: "suffix", Value: ".txt" },
              ],
            },
          },
        },
      ],
      QueueConfigurations: [{ Id: "queued", QueueArn: QUEUE, Events: ["s3:ObjectRemoved:*"] }],
      TopicConfigurations: [
        { Id: "published", TopicArn: TOPIC, Events: ["s3:ObjectCreated:Put"], Filter: { Key: { FilterRules: [{ Name: "prefix", Value: "images/" }] } } },
      ],
    });
    expect(await read()).toEqual({
      LambdaFunctionConfigurations: [
        {
          Id: "docs",
          LambdaFunctionArn: allowed,
          Events: ["s3:ObjectCreated:*"],
          Filter: {
            Key: {
              FilterRules: [
                { Name: "Prefix", Value: "docs/" },
                { Name: "Suffix", Value: ".txt" },
              ],
            },
          },
        },
      ],
      QueueConfigurations: [{ Id: "queued", QueueArn: QUEUE, Events: ["s3:ObjectRemoved:*"] }],
      TopicConfigurations: [
        { Id: "published", TopicArn: TOPIC, Events: ["s3:ObjectCreated:Put"], Filter: { Key: { FilterRules: [{ Name: "Prefix", Value: "images/" }] } } },
      ],
    });
  });

  it("config: a configuration without an Id gets one, the same every time", async () => {
    await put({ QueueConfigurations: [queue(["s3:ObjectCreated:*"])] });
    const first = (await read()).QueueConfigurations?.[0]?.Id;
    await put({ QueueConfigurations: [queue(["s3:ObjectCreated:*"])] });
    expect(first).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect((await read()).QueueConfigurations?.[0]?.Id).toBe(first);
  });

  it("config: an empty configuration turns notifications off", async () => {
    await put({ QueueConfigurations: [queue(["s3:ObjectCreated:*"])] });
    await put({});
    expect(await read()).toEqual({});
  });

  it.each([
    ["does not exist", "arn:aws:lambda:us-east-1:000000000000:function:missing"],
    ["allows another bucket only", "not-allowed"],
  ])("config: a Lambda destination that %s is refused", async (_, name) => {
    const arn = name.startsWith("arn:") ? name : notAllowed;
    await put({});
    await expect(put({ LambdaFunctionConfigurations: [{ LambdaFunctionArn: arn, Events: ["s3:ObjectCreated:*"] }] })).rejects.toMatchObject({
      name: "InvalidArgument",
      message: "Unable to validate the following destination configurations",
    });
    expect(await read()).toEqual({});
  });

  const OVERLAP = "Configurations overlap. Configurations on the same bucket cannot share a common event type.";
  it.each([
    ["the same event, no filters", [queue(["s3:ObjectCreated:*"]), queue(["s3:ObjectCreated:*"])], true],
    ["a wildcard and one of its events", [queue(["s3:ObjectCreated:*"]), queue(["s3:ObjectCreated:Put"])], true],
    ["nested prefixes", [queue(["s3:ObjectCreated:Put"], "images/"), queue(["s3:ObjectCreated:Put"], "images/jpg/")], true],
    ["one prefix and none", [queue(["s3:ObjectCreated:Put"], "images/"), queue(["s3:ObjectCreated:Put"])], true],
    ["the same prefix, nested suffixes", [queue(["s3:ObjectCreated:Put"], "images/", ".jpg"), queue(["s3:ObjectCreated:Put"], "images/", "g")], true],
    ["disjoint prefixes", [queue(["s3:ObjectCreated:Put"], "images/"), queue(["s3:ObjectCreated:Put"], "docs/")], false],
    ["the same prefix, disjoint suffixes", [queue(["s3:ObjectCreated:*"], "images/", ".jpg"), queue(["s3:ObjectCreated:*"], "images/", ".png")], false],
    ["different event families", [queue(["s3:ObjectCreated:*"]), queue(["s3:ObjectRemoved:*"])], false],
    ["different events of one family", [queue(["s3:ObjectCreated:Put"]), queue(["s3:ObjectCreated:Copy"])], false],
  ])("overlap: %s", async (_, QueueConfigurations, refused) => {
    if (refused) await expect(put({ QueueConfigurations })).rejects.toMatchObject({ name: "InvalidArgument", message: OVERLAP });
    else expect((await put({ QueueConfigurations })).$metadata.httpStatusCode).toBe(200);
  });

  it("overlap: across destination kinds too", async () => {
    await expect(
      put({ QueueConfigurations: [queue(["s3:ObjectCreated:*"])], TopicConfigurations: [{ TopicArn: TOPIC, Events: ["s3:ObjectCreated:Put"] }] }),
    ).rejects.toMatchObject({ name: "InvalidArgument", message: OVERLAP });
  });

  it.each([
    ["an unknown event", { QueueConfigurations: [queue(["s3:ObjectExploded:*"])] }, "The event is not supported for notifications"],
    [
      "two prefix rules",
      {
        QueueConfigurations: [
          {
            ...queue(["s3:ObjectCreated:*"]),
            Filter: {
              Key: {
                FilterRules: [
                  { Name: "prefix", Value: "a" },
                  { Name: "prefix", Value: "b" },
                ],
              },
            },
          },
        ],
      },
      "Cannot specify more than one prefix rule in a filter.",
    ],
    [
      "a filter rule that is neither prefix nor suffix",
      { QueueConfigurations: [{ ...queue(["s3:ObjectCreated:*"]), Filter: { Key: { FilterRules: [{ Name: "middle" as never, Value: "a" }] } } }] },
      "filter rule name must be either prefix or suffix",
    ],
    ["a malformed ARN", { QueueConfigurations: [{ QueueArn: "not-an-arn", Events: ["s3:ObjectCreated:*"] }] }, "The ARN is not well formed"],
    [
      "one Id twice",
      {
        QueueConfigurations: [
          { ...queue(["s3:ObjectCreated:*"]), Id: "same" },
          { ...queue(["s3:ObjectRemoved:*"]), Id: "same" },
        ],
      },
      "Same ID used for multiple configurations. IDs must be unique.",
    ],
  ])("config: %s is InvalidArgument", async (_, configuration, message) => {
    await expect(put(configuration as NotificationConfiguration)).rejects.toMatchObject({ name: "InvalidArgument", message });
  });

  it("config: deleting the bucket drops its configuration", async () => {
    await s3.send(new CreateBucketCommand({ Bucket: "short-lived" }));
    await put({ QueueConfigurations: [queue(["s3:ObjectCreated:*"])] }, "short-lived");
    await s3.send(new DeleteBucketCommand({ Bucket: "short-lived" }));
    await s3.send(new CreateBucketCommand({ Bucket: "short-lived" }));
    expect(await read("short-lived")).toEqual({});
  });
});
