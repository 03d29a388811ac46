// CloudWatch Logs subscription filters on the real daemon: put, describe and
// delete with CloudWatch's limits and refusals (@aws-sdk and the aws CLI),
// and delivery to functions: the awslogs payload (gzip + base64 of the
// DATA_MESSAGE), only matching events, one delivery per stream written,
// function lines of /aws/lambda/<name>, no loops, and deliveries of events
// acknowledged before a kill -9 made after the restart.
import { gunzipSync } from "node:zlib";
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DeleteSubscriptionFilterCommand,
  DescribeSubscriptionFiltersCommand,
  PutLogEventsCommand,
  PutSubscriptionFilterCommand,
  type PutSubscriptionFilterCommandInput,
} from "@aws-sdk/client-cloudwatch-logs";
import { DeleteFunctionConcurrencyCommand, InvokeCommand, PutFunctionConcurrencyCommand } from "@aws-sdk/client-lambda";
import type { CloudWatchLogsDecodedData, CloudWatchLogsEvent } from "aws-lambda";
import { afterEach, describe, expect, it } from "vitest";
import { awsCli, clientsFor, type Clients } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { createFixtureFunction } from "./helpers/functions.js";
import { createRecorder, queueDrained, type Recorder } from "./helpers/recorder.js";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(dataDir?: string): Promise<{ daemon: DaemonProcess; aws: Clients }> {
  const daemon = await startDaemon(dataDir === undefined ? {} : { dataDir });
  const aws = clientsFor(daemon.endpoint);
  cleanups.push(
    () => daemon.kill(),
    () => aws.destroy(),
  );
  if (dataDir === undefined) cleanups.push(() => removeDataDir(daemon.dataDir));
  return { daemon, aws };
}

async function recorder(aws: Clients, name: string, group?: string): Promise<Recorder> {
  const made = await createRecorder(aws, name);
  cleanups.push(() => made.remove());
  if (group !== undefined) await made.allow("logs.amazonaws.com", `${groupArn(group)}:*`);
  return made;
}

function groupArn(group: string): string {
  return `arn:aws:logs:us-east-1:000000000000:log-group:${group}`;
}

async function groupWithStreams(aws: Clients, group: string, streams: string[]): Promise<void> {
  await aws.logs.send(new CreateLogGroupCommand({ logGroupName: group }));
  for (const stream of streams) await aws.logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
}

function subscribe(aws: Clients, input: Partial<PutSubscriptionFilterCommandInput> & { logGroupName: string; destinationArn: string }): Promise<unknown> {
  return aws.logs.send(new PutSubscriptionFilterCommand({ filterName: "to-fn", filterPattern: "", ...input }));
}

function decoded(events: unknown[]): CloudWatchLogsDecodedData[] {
  return (events as CloudWatchLogsEvent[]).map(
    (event) => JSON.parse(gunzipSync(Buffer.from(event.awslogs.data, "base64")).toString("utf8")) as CloudWatchLogsDecodedData,
  );
}

const NOW = Math.floor(Date.now() / 1000) * 1000 - 60_000;

describe("subscription filters: the API", () => {
  it("filters: put, describe (keys as CloudWatch answers), replace by name, delete; the aws CLI alike", async () => {
    const { daemon, aws } = await setup();
    const fn = await recorder(aws, "sink", "app");
    await groupWithStreams(aws, "app", []);
    await subscribe(aws, { logGroupName: "app", filterName: "errors", filterPattern: "ERROR", destinationArn: fn.arn });
    const cli = await awsCli(daemon.endpoint, [
      "logs",
      "put-subscription-filter",
      "--log-group-name",
      "app",
      "--filter-name",
      "warnings",
      "--filter-pattern",
      "WARN",
      "--destination-arn",
      fn.arn,
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    await subscribe(aws, { logGroupName: "app", filterName: "errors", filterPattern: '{ $.level = "ERROR" }', destinationArn: fn.arn });
    const { subscriptionFilters = [] } = await aws.logs.send(new DescribeSubscriptionFiltersCommand({ logGroupName: "app" }));
    expect(subscriptionFilters.map((filter) => ({ ...filter, creationTime: typeof filter.creationTime }))).toEqual([
      {
        filterName: "errors",
        logGroupName: "app",
        filterPattern: '{ $.level = "ERROR" }',
        destinationArn: fn.arn,
        distribution: "ByLogStream",
        creationTime: "number",
      },
      { filterName: "warnings", logGroupName: "app", filterPattern: "WARN", destinationArn: fn.arn, distribution: "ByLogStream", creationTime: "number" },
    ]);
    const described = await awsCli(daemon.endpoint, ["logs", "describe-subscription-filters", "--log-group-name", "app", "--filter-name-prefix", "warn"]);
    expect((JSON.parse(described.stdout) as { subscriptionFilters: Array<{ filterName: string }> }).subscriptionFilters.map((each) => each.filterName)).toEqual(
      ["warnings"],
    );
    await aws.logs.send(new DeleteSubscriptionFilterCommand({ logGroupName: "app", filterName: "errors" }));
    const after = await aws.logs.send(new DescribeSubscriptionFiltersCommand({ logGroupName: "app" }));
    expect(after.subscriptionFilters?.map((each) => each.filterName)).toEqual(["warnings"]);
  });

  it("refusals: CloudWatch's codes and messages", async () => {
    const { aws } = await setup();
    const fn = await recorder(aws, "sink", "app");
    const other = await recorder(aws, "other");
    await groupWithStreams(aws, "app", []);
    await subscribe(aws, { logGroupName: "app", filterName: "one", destinationArn: fn.arn });
    await subscribe(aws, { logGroupName: "app", filterName: "two", destinationArn: fn.arn });
    const refusal = (input: Parameters<typeof subscribe>[1]) =>
      subscribe(aws, input).then(
        () => "accepted",
        (error: Error) => `${error.name}: ${error.message}`,
      );
    const cases: Array<[Parameters<typeof subscribe>[1], string]> = [
      [{ logGroupName: "missing", destinationArn: fn.arn }, "ResourceNotFoundException: The specified log group does not exist."],
      [{ logGroupName: "app", filterName: "three", destinationArn: fn.arn }, "LimitExceededException: Resource limit exceeded."],
      [
        { logGroupName: "app", filterName: "two", filterPattern: "{ $.level = }", destinationArn: fn.arn },
        expect.stringMatching(/^InvalidParameterException: Invalid filter pattern: /) as unknown as string,
      ],
      [
        { logGroupName: "app", filterName: "two", destinationArn: other.arn },
        "InvalidParameterException: Could not execute the lambda function. Make sure you have given CloudWatch Logs permission to execute your function.",
      ],
      [
        { logGroupName: "app", filterName: "two", destinationArn: "arn:aws:lambda:us-east-1:000000000000:function:nothing" },
        "InvalidParameterException: Could not execute the lambda function. Make sure you have given CloudWatch Logs permission to execute your function.",
      ],
      [
        { logGroupName: "app", filterName: "two", destinationArn: "arn:aws:kinesis:us-east-1:000000000000:stream/s" },
        "InvalidParameterException: The local cloud delivers subscription filters to Lambda functions only: destinationArn must be a function's ARN.",
      ],
      [
        { logGroupName: "app", filterName: "a:b", destinationArn: fn.arn },
        "InvalidParameterException: 1 validation error detected: Value 'a:b' at 'filterName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*",
      ],
    ];
    for (const [input, expected] of cases) expect(await refusal(input)).toEqual(expected);
    const missing = await aws.logs
      .send(new DeleteSubscriptionFilterCommand({ logGroupName: "app", filterName: "nope" }))
      .catch((error: Error) => `${error.name}: ${error.message}`);
    expect(missing).toBe("ResourceNotFoundException: The specified subscription filter does not exist.");
  });

  it("loops: a function's own group is refused, and so is a filter closing a loop through other groups", async () => {
    const { aws } = await setup();
    const a = await recorder(aws, "fa", "/aws/lambda/fa");
    const b = await recorder(aws, "fb", "/aws/lambda/fa");
    await b.allow("logs.amazonaws.com", `${groupArn("/aws/lambda/fc")}:*`);
    const c = await recorder(aws, "fc", "/aws/lambda/fb");
    await a.allow("logs.amazonaws.com", `${groupArn("/aws/lambda/fc")}:*`);
    for (const group of ["/aws/lambda/fa", "/aws/lambda/fb", "/aws/lambda/fc"]) await groupWithStreams(aws, group, []);
    const refusal = (input: Parameters<typeof subscribe>[1]) =>
      subscribe(aws, input).then(
        () => "accepted",
        (error: Error) => `${error.name}: ${error.message}`,
      );
    expect(await refusal({ logGroupName: "/aws/lambda/fa", destinationArn: a.arn })).toBe(
      "InvalidParameterException: The destination function fa cannot subscribe to its own log group /aws/lambda/fa: each delivery would write lines that are delivered again.",
    );
    expect(await refusal({ logGroupName: "/aws/lambda/fa", destinationArn: b.arn })).toBe("accepted");
    expect(await refusal({ logGroupName: "/aws/lambda/fb", destinationArn: c.arn })).toBe("accepted");
    expect(await refusal({ logGroupName: "/aws/lambda/fc", destinationArn: a.arn })).toBe(
      "InvalidParameterException: This subscription filter would make a loop of deliveries: /aws/lambda/fc -> fa -> /aws/lambda/fa -> fb -> /aws/lambda/fb -> fc -> /aws/lambda/fc.",
    );
  });
});

describe("subscription filters: malformed requests", () => {
  const malformed: Array<[string, string, string, unknown]> = [
    ["not JSON", "PutSubscriptionFilter", "{", "SerializationException: the request body is not a JSON object"],
    [
      "a number as filterName",
      "PutSubscriptionFilter",
      '{"logGroupName":"app","filterName":7,"filterPattern":"","destinationArn":"x"}',
      "InvalidParameterException: 1 validation error detected: Value null at 'filterName' failed to satisfy constraint: Member must not be null",
    ],
    [
      "no filterPattern",
      "PutSubscriptionFilter",
      '{"logGroupName":"app","filterName":"f","destinationArn":"x"}',
      "InvalidParameterException: 1 validation error detected: Value null at 'filterPattern' failed to satisfy constraint: Member must not be null",
    ],
    [
      "an object as destinationArn",
      "PutSubscriptionFilter",
      '{"logGroupName":"app","filterName":"f","filterPattern":"","destinationArn":{}}',
      "InvalidParameterException: 1 validation error detected: Value null at 'destinationArn' failed to satisfy constraint: Member must not be null",
    ],
    [
      "an unknown distribution",
      "PutSubscriptionFilter",
      '{"logGroupName":"app","filterName":"f","filterPattern":"","destinationArn":"x","distribution":"Sideways"}',
      "InvalidParameterException: 1 validation error detected: Value 'Sideways' at 'distribution' failed to satisfy constraint: Member must satisfy enum value set: [Random, ByLogStream]",
    ],
    [
      "a limit of 0",
      "DescribeSubscriptionFilters",
      '{"logGroupName":"app","limit":0}',
      "InvalidParameterException: 1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value between 1 and 50",
    ],
    [
      "no filterName to delete",
      "DeleteSubscriptionFilter",
      '{"logGroupName":"app"}',
      "InvalidParameterException: 1 validation error detected: Value null at 'filterName' failed to satisfy constraint: Member must not be null",
    ],
  ];

  it("malformed: each is answered 400 with CloudWatch Logs' code, and the daemon keeps serving", async () => {
    const { daemon, aws } = await setup();
    await groupWithStreams(aws, "app", []);
    const answers = [];
    for (const [, action, body] of malformed) {
      const response = await fetch(daemon.endpoint, {
        method: "POST",
        headers: { "x-amz-target": `Logs_20140328.${action}`, "content-type": "application/x-amz-json-1.1" },
        body,
      });
      const error = (await response.json()) as { __type: string; message: string };
      answers.push(`${response.status} ${error.__type.split("#").pop()}: ${error.message}`);
    }
    expect(answers).toEqual(malformed.map(([, , , expected]) => `400 ${String(expected)}`));
    expect((await aws.logs.send(new DescribeSubscriptionFiltersCommand({ logGroupName: "app" }))).subscriptionFilters).toEqual([]);
  });
});

describe("subscription filters: delivery", () => {
  it("payload: matching events of one write as one DATA_MESSAGE per stream, gzip + base64", async () => {
    const { daemon, aws } = await setup();
    const fn = await recorder(aws, "sink", "app");
    await groupWithStreams(aws, "app", ["s1", "s2"]);
    await subscribe(aws, { logGroupName: "app", filterName: "errors", filterPattern: "ERROR -ignored", destinationArn: fn.arn });
    const events = [
      { timestamp: NOW, message: "ERROR disk full" },
      { timestamp: NOW + 1, message: "INFO fine" },
      { timestamp: NOW + 2, message: "ERROR ignored" },
      { timestamp: NOW + 3, message: "ERROR again" },
    ];
    await aws.logs.send(new PutLogEventsCommand({ logGroupName: "app", logStreamName: "s1", logEvents: events }));
    await aws.logs.send(new PutLogEventsCommand({ logGroupName: "app", logStreamName: "s2", logEvents: [{ timestamp: NOW, message: "INFO nothing" }] }));
    await aws.logs.send(new PutLogEventsCommand({ logGroupName: "app", logStreamName: "s2", logEvents: [{ timestamp: NOW + 5, message: "ERROR s2" }] }));
    await fn.waitFor(2);
    await queueDrained(daemon.endpoint);
    // One asynchronous invocation per stream: they may run at once, in either order (as on AWS).
    const messages = decoded(fn.events()).sort((a, b) => a.logStream.localeCompare(b.logStream));
    expect(Object.keys(messages[0]!)).toEqual(["messageType", "owner", "logGroup", "logStream", "subscriptionFilters", "logEvents"]);
    expect(
      messages.map((message) => ({ ...message, logEvents: message.logEvents.map(({ timestamp, message: text, id }) => [timestamp, text, typeof id]) })),
    ).toEqual([
      {
        messageType: "DATA_MESSAGE",
        owner: "000000000000",
        logGroup: "app",
        logStream: "s1",
        subscriptionFilters: ["errors"],
        logEvents: [
          [NOW, "ERROR disk full", "string"],
          [NOW + 3, "ERROR again", "string"],
        ],
      },
      {
        messageType: "DATA_MESSAGE",
        owner: "000000000000",
        logGroup: "app",
        logStream: "s2",
        subscriptionFilters: ["errors"],
        logEvents: [[NOW + 5, "ERROR s2", "string"]],
      },
    ]);
  });

  it("json selectors: only events whose JSON matches; a deleted filter delivers nothing more", async () => {
    const { daemon, aws } = await setup();
    const fn = await recorder(aws, "sink", "app");
    await groupWithStreams(aws, "app", ["s"]);
    await subscribe(aws, { logGroupName: "app", filterPattern: '{ $.level = "ERROR" && $.latency > 100 }', destinationArn: fn.arn });
    const lines = ['{"level":"ERROR","latency":250}', '{"level":"ERROR","latency":5}', '{"level":"INFO","latency":900}', "ERROR not json"];
    await aws.logs.send(
      new PutLogEventsCommand({ logGroupName: "app", logStreamName: "s", logEvents: lines.map((message, index) => ({ timestamp: NOW + index, message })) }),
    );
    await fn.waitFor(1);
    await aws.logs.send(new DeleteSubscriptionFilterCommand({ logGroupName: "app", filterName: "to-fn" }));
    await aws.logs.send(new PutLogEventsCommand({ logGroupName: "app", logStreamName: "s", logEvents: [{ timestamp: NOW + 9, message: lines[0]! }] }));
    await queueDrained(daemon.endpoint);
    expect(decoded(fn.events()).flatMap((message) => message.logEvents.map((event) => event.message))).toEqual([lines[0]]);
  });

  it("function logs: lines a function writes to /aws/lambda/<name> reach another function's filter", async () => {
    const { daemon, aws } = await setup();
    await createFixtureFunction(aws, "worker", "echo");
    // Lambda makes the group on the function's first line, as on AWS.
    await aws.lambda.send(new InvokeCommand({ FunctionName: "worker", Payload: Buffer.from('{"note":"warm"}') }));
    const fn = await recorder(aws, "watcher", "/aws/lambda/worker");
    await subscribe(aws, { logGroupName: "/aws/lambda/worker", filterPattern: '"needle"', destinationArn: fn.arn });
    for (const note of ["hay", "needle", "hay"])
      await aws.lambda.send(new InvokeCommand({ FunctionName: "worker", Payload: Buffer.from(JSON.stringify({ note })) }));
    await fn.waitFor(1);
    await queueDrained(daemon.endpoint);
    const messages = decoded(fn.events());
    expect(messages.map((message) => [message.logGroup, message.logEvents.length])).toEqual([["/aws/lambda/worker", 1]]);
    expect(messages[0]!.logEvents[0]!.message).toMatch(/\tINFO\techo {"note":"needle"}\n$/);
  });

  it("deleted group: its filters go with it, and a new group of that name delivers nothing", async () => {
    const { daemon, aws } = await setup();
    const fn = await recorder(aws, "sink", "app");
    await groupWithStreams(aws, "app", ["s"]);
    await subscribe(aws, { logGroupName: "app", destinationArn: fn.arn });
    await aws.logs.send(new DeleteLogGroupCommand({ logGroupName: "app" }));
    await groupWithStreams(aws, "app", ["s"]);
    await aws.logs.send(new PutLogEventsCommand({ logGroupName: "app", logStreamName: "s", logEvents: [{ timestamp: NOW, message: "after" }] }));
    await queueDrained(daemon.endpoint);
    const { subscriptionFilters } = await aws.logs.send(new DescribeSubscriptionFiltersCommand({ logGroupName: "app" }));
    expect([subscriptionFilters, fn.events()]).toEqual([[], []]);
  });

  it("durability: events acknowledged before a kill -9 are delivered after the restart", async () => {
    const first = await setup();
    const fn = await recorder(first.aws, "durable", "app");
    await groupWithStreams(first.aws, "app", ["s"]);
    await subscribe(first.aws, { logGroupName: "app", destinationArn: fn.arn });
    // Throttled: the deliveries wait in the queue when the daemon dies.
    await first.aws.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: fn.name, ReservedConcurrentExecutions: 0 }));
    const sent = Array.from({ length: 10 }, (_, index) => `line ${index}`);
    for (const message of sent)
      await first.aws.logs.send(new PutLogEventsCommand({ logGroupName: "app", logStreamName: "s", logEvents: [{ timestamp: NOW, message }] }));
    await first.daemon.kill();
    const second = await setup(first.daemon.dataDir);
    cleanups.push(() => removeDataDir(first.daemon.dataDir));
    await second.aws.lambda.send(new DeleteFunctionConcurrencyCommand({ FunctionName: fn.name }));
    const received = decoded(await fn.waitFor(10)).flatMap((message) => message.logEvents.map((event) => event.message));
    expect([...new Set(received)].sort()).toEqual([...sent].sort());
  });
});
