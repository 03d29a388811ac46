// CloudWatch Logs over the wire (@aws-sdk/client-cloudwatch-logs and the aws
// CLI): every function's lines land in /aws/lambda/<name>, one stream per
// instance, as Lambda writes them, readable the moment the invocation has
// answered; groups, streams, PutLogEvents, GetLogEvents tokens and
// FilterLogEvents (time range, streams, patterns, pages) behave as in AWS.
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  ListTagsForResourceCommand,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
  TagResourceCommand,
  type FilteredLogEvent,
} from "@aws-sdk/client-cloudwatch-logs";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli, clientsFor, type Clients } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { createFixtureFunction } from "./helpers/functions.js";

let daemon: DaemonProcess;
let aws: Clients;

beforeAll(async () => {
  daemon = await startDaemon();
  aws = clientsFor(daemon.endpoint);
});

afterAll(async () => {
  aws.destroy();
  await daemon.stop();
  removeDataDir(daemon.dataDir);
});

// An hour ago: CloudWatch refuses events older than 14 days or over 2 hours ahead.
const T0 = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;

async function filterAll(input: ConstructorParameters<typeof FilterLogEventsCommand>[0]): Promise<FilteredLogEvent[]> {
  const events: FilteredLogEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await aws.logs.send(new FilterLogEventsCommand({ ...input, ...(nextToken === undefined ? {} : { nextToken }) }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return events;
}

/** A group with streams a and b holding events at T0 + the given offsets, message "<stream><offset> <text>". */
async function seed(group: string, lines: Array<[stream: "a" | "b", offset: number, text: string]>): Promise<void> {
  await aws.logs.send(new CreateLogGroupCommand({ logGroupName: group }));
  for (const stream of ["a", "b"]) {
    await aws.logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
    const logEvents = lines
      .filter((line) => line[0] === stream)
      .sort((x, y) => x[1] - y[1])
      .map(([, offset, text]) => ({ timestamp: T0 + offset, message: `${stream}${offset} ${text}` }));
    if (logEvents.length > 0) await aws.logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents }));
  }
}

describe("function logs", () => {
  it("lambda: START, the function's lines, END and REPORT in /aws/lambda/<name>, one stream per instance, readable at once", async () => {
    await createFixtureFunction(aws, "logged", "echo");
    const output = await aws.lambda.send(new InvokeCommand({ FunctionName: "logged", Payload: Buffer.from('{"n":1}') }));
    const { env } = JSON.parse(Buffer.from(output.Payload!).toString()) as { env: Record<string, string> };
    // No wait: the lines are there as soon as the invocation has answered.
    const events = await filterAll({ logGroupName: "/aws/lambda/logged" });
    expect(events.map((event) => event.logStreamName)).toEqual(Array(events.length).fill(env.AWS_LAMBDA_LOG_STREAM_NAME));
    expect(env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
    const messages = events.map((event) => event.message!);
    const requestId = /^START RequestId: ([0-9a-f-]{36}) Version: \$LATEST\n$/.exec(messages[0]!)?.[1];
    expect(requestId).toBeDefined();
    expect(messages.slice(1, 3)).toEqual([
      expect.stringMatching(new RegExp(`^\\d{4}-[\\d-]+T[\\d:.]+Z\\t${requestId}\\tINFO\\techo {"n":1}\\n$`)),
      `END RequestId: ${requestId}\n`,
    ]);
    expect(messages[3]).toMatch(
      new RegExp(
        `^REPORT RequestId: ${requestId}\\tDuration: [\\d.]+ ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: [\\d.]+ ms\\t\\n$`,
      ),
    );
    expect(messages).toHaveLength(4);
    const groups = await aws.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/aws/lambda/logged" }));
    expect(groups.logGroups?.map((group) => [group.logGroupName, group.arn])).toEqual([
      ["/aws/lambda/logged", "arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/logged:*"],
    ]);
    const streams = await aws.logs.send(new DescribeLogStreamsCommand({ logGroupName: "/aws/lambda/logged" }));
    expect(streams.logStreams?.map((stream) => stream.logStreamName)).toEqual([env.AWS_LAMBDA_LOG_STREAM_NAME]);
  });
});

describe("logs API", () => {
  it("filter: by time then ingestion order, within the time range, across pages", async () => {
    await seed("/app/order", [
      ["a", 30, "x"],
      ["b", 10, "x"],
      ["a", 10, "x"],
      ["b", 20, "x"],
      ["b", 40, "x"],
    ]);
    const all = await filterAll({ logGroupName: "/app/order", limit: 2 });
    // a10 and b10 share a time: stream a was written first, so a10 comes first.
    expect(all.map((event) => event.message)).toEqual(["a10 x", "b10 x", "b20 x", "a30 x", "b40 x"]);
    expect(new Set(all.map((event) => event.eventId)).size).toBe(5);
    const range = await filterAll({ logGroupName: "/app/order", startTime: T0 + 20, endTime: T0 + 30 });
    expect(range.map((event) => event.message)).toEqual(["b20 x", "a30 x"]);
    const onlyA = await filterAll({ logGroupName: "/app/order", logStreamNames: ["a"] });
    expect(onlyA.map((event) => event.message)).toEqual(["a10 x", "a30 x"]);
  });

  const patterns: Array<[string, string, string[]]> = [
    ["pattern: a term", "ERROR", ["a1 ERROR disk full", "a2 ERROR Out of memory"]],
    ["pattern: two terms, both required", "ERROR disk", ["a1 ERROR disk full"]],
    ["pattern: a quoted phrase", '"Out of memory"', ["a2 ERROR Out of memory"]],
    ["pattern: terms are case-sensitive", "error", ["a4 error lowercase"]],
    ["pattern: ?terms, any of them", "?WARN ?full", ["a1 ERROR disk full", "a3 WARN slow"]],
    ["pattern: -term excludes", "ERROR -disk", ["a2 ERROR Out of memory"]],
    ["pattern: empty matches all", "", ["a1 ERROR disk full", "a2 ERROR Out of memory", "a3 WARN slow", "a4 error lowercase"]],
  ];

  it.each(patterns)("%s", async (_name, filterPattern, expected) => {
    const group = "/app/patterns";
    if ((await aws.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: group }))).logGroups?.length === 0) {
      await seed(group, [
        ["a", 1, "ERROR disk full"],
        ["a", 2, "ERROR Out of memory"],
        ["a", 3, "WARN slow"],
        ["a", 4, "error lowercase"],
      ]);
    }
    expect((await filterAll({ logGroupName: group, filterPattern })).map((event) => event.message)).toEqual(expected);
  });

  // Raw messages (no "<stream><offset>" prefix): JSON and space-delimited patterns read the whole message.
  const structured: Array<[string, string, string[]]> = [
    ["pattern: a JSON selector", '{ $.level = "ERROR" }', ['{"level":"ERROR","ms":12}']],
    ["pattern: a JSON numeric comparison", "{ $.ms > 100 }", ['{"level":"INFO","ms":250}']],
    ["pattern: space-delimited fields with a condition", "[ip, ..., status = 404]", ["10.0.0.1 GET /a 404"]],
  ];

  it.each(structured)("%s", async (_name, filterPattern, expected) => {
    const group = "/app/structured";
    if ((await aws.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: group }))).logGroups?.length === 0) {
      await aws.logs.send(new CreateLogGroupCommand({ logGroupName: group }));
      await aws.logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: "s" }));
      const messages = ['{"level":"ERROR","ms":12}', '{"level":"INFO","ms":250}', "10.0.0.1 GET /a 404", "10.0.0.2 GET /b 200"];
      await aws.logs.send(
        new PutLogEventsCommand({ logGroupName: group, logStreamName: "s", logEvents: messages.map((message, i) => ({ timestamp: T0 + i, message })) }),
      );
    }
    expect((await filterAll({ logGroupName: group, filterPattern })).map((event) => event.message)).toEqual(expected);
  });

  it("get: oldest or newest first, and forward and backward tokens that stay put at the ends", async () => {
    await seed("/app/get", [
      ["a", 1, "one"],
      ["a", 2, "two"],
      ["a", 3, "three"],
    ]);
    const newest = await aws.logs.send(new GetLogEventsCommand({ logGroupName: "/app/get", logStreamName: "a", limit: 2 }));
    expect(newest.events?.map((event) => event.message)).toEqual(["a2 two", "a3 three"]);
    const older = await aws.logs.send(new GetLogEventsCommand({ logGroupName: "/app/get", logStreamName: "a", nextToken: newest.nextBackwardToken }));
    expect(older.events?.map((event) => event.message)).toEqual(["a1 one"]);
    const head = await aws.logs.send(new GetLogEventsCommand({ logGroupName: "/app/get", logStreamName: "a", startFromHead: true }));
    expect(head.events?.map((event) => event.message)).toEqual(["a1 one", "a2 two", "a3 three"]);
    const end = await aws.logs.send(new GetLogEventsCommand({ logGroupName: "/app/get", logStreamName: "a", nextToken: head.nextForwardToken }));
    expect([end.events, end.nextForwardToken]).toEqual([[], head.nextForwardToken]);
    await aws.logs.send(new PutLogEventsCommand({ logGroupName: "/app/get", logStreamName: "a", logEvents: [{ timestamp: T0 + 4, message: "four" }] }));
    const more = await aws.logs.send(new GetLogEventsCommand({ logGroupName: "/app/get", logStreamName: "a", nextToken: head.nextForwardToken }));
    expect(more.events?.map((event) => event.message)).toEqual(["four"]);
  });

  it("groups: retention, tags by ARN, and deletion", async () => {
    await aws.logs.send(new CreateLogGroupCommand({ logGroupName: "/app/kept", tags: { team: "a" } }));
    await aws.logs.send(new PutRetentionPolicyCommand({ logGroupName: "/app/kept", retentionInDays: 7 }));
    const arn = "arn:aws:logs:us-east-1:000000000000:log-group:/app/kept";
    await aws.logs.send(new TagResourceCommand({ resourceArn: arn, tags: { stack: "dev" } }));
    expect((await aws.logs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ team: "a", stack: "dev" });
    const [group] = (await aws.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/app/kept" }))).logGroups!;
    expect(group).toMatchObject({ logGroupName: "/app/kept", retentionInDays: 7, logGroupArn: arn });
    await aws.logs.send(new DeleteLogGroupCommand({ logGroupName: "/app/kept" }));
    expect((await aws.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/app/kept" }))).logGroups).toEqual([]);
  });

  const errors: Array<[string, () => Promise<unknown>, string, string]> = [
    [
      "group: created twice",
      async () => (
        await aws.logs.send(new CreateLogGroupCommand({ logGroupName: "/app/twice" })),
        aws.logs.send(new CreateLogGroupCommand({ logGroupName: "/app/twice" }))
      ),
      "ResourceAlreadyExistsException",
      "The specified log group already exists",
    ],
    [
      "group: filtering one that does not exist",
      () => aws.logs.send(new FilterLogEventsCommand({ logGroupName: "/app/none" })),
      "ResourceNotFoundException",
      "The specified log group does not exist.",
    ],
    [
      "pattern: one CloudWatch cannot read",
      async () => (
        await seed("/app/badpattern", []),
        aws.logs.send(new FilterLogEventsCommand({ logGroupName: "/app/badpattern", filterPattern: "{ $.level = }" }))
      ),
      "InvalidParameterException",
      'Invalid filter pattern: Invalid JSON filter pattern { $.level = }: expected a value at position 13, found "}"',
    ],
    [
      "stream: putting to one that does not exist",
      async () => (
        await aws.logs.send(new CreateLogGroupCommand({ logGroupName: "/app/nostream" })),
        aws.logs.send(new PutLogEventsCommand({ logGroupName: "/app/nostream", logStreamName: "x", logEvents: [{ timestamp: T0, message: "m" }] }))
      ),
      "ResourceNotFoundException",
      "The specified log stream does not exist.",
    ],
    [
      "put: events out of order",
      async () => (
        await seed("/app/unordered", []),
        aws.logs.send(
          new PutLogEventsCommand({
            logGroupName: "/app/unordered",
            logStreamName: "a",
            logEvents: [
              { timestamp: T0 + 2, message: "2" },
              { timestamp: T0 + 1, message: "1" },
            ],
          }),
        )
      ),
      "InvalidParameterException",
      "Log events in a single PutLogEvents request must be in chronological order.",
    ],
    [
      "retention: a number of days CloudWatch does not offer",
      async () => (
        await aws.logs.send(new CreateLogGroupCommand({ logGroupName: "/app/days" })),
        aws.logs.send(new PutRetentionPolicyCommand({ logGroupName: "/app/days", retentionInDays: 2 }))
      ),
      "InvalidParameterException",
      "1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]",
    ],
  ];

  it.each(errors)("%s", async (_name, call, code, message) => {
    await expect(call()).rejects.toMatchObject({ name: code, message });
  });

  it("cli: aws logs filter-log-events, and events survive a restart", async () => {
    await seed("/app/cli", [["a", 5, "from the cli"]]);
    const result = await awsCli(daemon.endpoint, ["logs", "filter-log-events", "--log-group-name", "/app/cli"]);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout).events.map((event: { message: string }) => event.message)).toEqual(["a5 from the cli"]);
    await daemon.kill();
    daemon = await startDaemon({ dataDir: daemon.dataDir });
    aws.destroy();
    aws = clientsFor(daemon.endpoint);
    expect((await filterAll({ logGroupName: "/app/cli" })).map((event) => event.message)).toEqual(["a5 from the cli"]);
  });
});
