// EventBridge on the real daemon through @aws-sdk/client-eventbridge and the
// aws CLI: PutEvents reaching the functions of matching rules only (the
// envelope as EventBridge sends it, failed entries answered in place),
// schedule rules firing as the daemon's clock advances (rate() counted
// from the rule's creation, the scheduled event's fields), AWS's refusals
// (whole messages), and rules and schedules surviving a kill -9.
import {
  DeleteRuleCommand,
  DescribeRuleCommand,
  EventBridgeClient,
  ListTagsForResourceCommand,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-eventbridge";
import type { EventBridgeEvent } from "aws-lambda";
import { afterEach, describe, expect, it } from "vitest";
import { awsCli, clientsFor, type Clients } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { createRecorder, queueDrained, type Recorder } from "./helpers/recorder.js";
import { advanceClock } from "./helpers/sqs.js";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(dataDir?: string): Promise<{ daemon: DaemonProcess; aws: Clients; events: EventBridgeClient }> {
  const daemon = await startDaemon(dataDir === undefined ? {} : { dataDir });
  const aws = clientsFor(daemon.endpoint);
  const events = new EventBridgeClient({
    endpoint: daemon.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
  cleanups.push(
    () => daemon.kill(),
    () => aws.destroy(),
    () => events.destroy(),
  );
  if (dataDir === undefined) cleanups.push(() => removeDataDir(daemon.dataDir));
  return { daemon, aws, events };
}

async function recorder(aws: Clients, name: string): Promise<Recorder> {
  const made = await createRecorder(aws, name);
  cleanups.push(() => made.remove());
  return made;
}

/** A rule (pattern or schedule) targeting `fn`, which allows EventBridge for it. */
async function ruleFor(events: EventBridgeClient, fn: Recorder, name: string, rule: { EventPattern?: string; ScheduleExpression?: string }): Promise<string> {
  const { RuleArn } = await events.send(new PutRuleCommand({ Name: name, ...rule }));
  await fn.allow("events.amazonaws.com", RuleArn!);
  await events.send(new PutTargetsCommand({ Rule: name, Targets: [{ Id: "fn", Arn: fn.arn }] }));
  return RuleArn!;
}

const MINUTE = 60_000;

describe("eventbridge", () => {
  it("put events: the matching rule's function gets the envelope; others and failed entries get nothing", async () => {
    const { daemon, aws, events } = await setup();
    const fn = await recorder(aws, "big-orders");
    await ruleFor(events, fn, "big-orders", { EventPattern: JSON.stringify({ source: ["shop"], detail: { total: [{ numeric: [">", 100] }] } }) });
    const answer = await events.send(
      new PutEventsCommand({
        Entries: [
          { Source: "shop", DetailType: "Order Placed", Detail: JSON.stringify({ total: 5 }) },
          { Source: "shop", DetailType: "Order Placed", Detail: JSON.stringify({ total: 250, id: "o-1" }), Resources: ["arn:aws:shop:o-1"] },
          { Source: "shop", DetailType: "Order Placed", Detail: "{not json" },
          { DetailType: "Order Placed", Detail: "{}" },
        ],
      }),
    );
    expect([answer.FailedEntryCount, answer.Entries?.map((entry) => entry.ErrorCode ?? "ok")]).toEqual([2, ["ok", "ok", "MalformedDetail", "InvalidArgument"]]);
    const [event] = (await fn.waitFor(1)) as Array<EventBridgeEvent<string, unknown>>;
    await queueDrained(daemon.endpoint);
    expect(fn.events()).toHaveLength(1);
    expect(Object.keys(event!)).toEqual(["version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"]);
    expect({ ...event, time: "<time>" }).toEqual({
      version: "0",
      id: answer.Entries![1]!.EventId,
      "detail-type": "Order Placed",
      source: "shop",
      account: "000000000000",
      time: "<time>",
      region: "us-east-1",
      resources: ["arn:aws:shop:o-1"],
      detail: { total: 250, id: "o-1" },
    });
    expect(event!.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("schedules: rate(5 minutes) fires each time the clock passes five minutes from the rule's creation", async () => {
    const { daemon, aws, events } = await setup();
    const fn = await recorder(aws, "every-five");
    const ruleArn = await ruleFor(events, fn, "every-five", { ScheduleExpression: "rate(5 minutes)" });
    await advanceClock(daemon.endpoint, 4 * MINUTE);
    await queueDrained(daemon.endpoint);
    expect(fn.events()).toEqual([]);
    await advanceClock(daemon.endpoint, MINUTE);
    const [first] = (await fn.waitFor(1)) as Array<EventBridgeEvent<string, unknown>>;
    expect({ ...first, id: "<id>", time: "<time>" }).toEqual({
      version: "0",
      id: "<id>",
      "detail-type": "Scheduled Event",
      source: "aws.events",
      account: "000000000000",
      time: "<time>",
      region: "us-east-1",
      resources: [ruleArn],
      detail: {},
    });
    await advanceClock(daemon.endpoint, 5 * MINUTE);
    await fn.waitFor(2);
    await queueDrained(daemon.endpoint);
    expect(fn.events()).toHaveLength(2);
  });

  it("durability: a rule and its schedule survive a kill -9; the schedule resumes where it stood", async () => {
    const first = await setup();
    const fn = await recorder(first.aws, "hourly");
    await ruleFor(first.events, fn, "hourly", { ScheduleExpression: "rate(1 hour)" });
    await first.daemon.kill();
    const second = await setup(first.daemon.dataDir);
    cleanups.push(() => removeDataDir(first.daemon.dataDir));
    expect((await second.events.send(new ListTargetsByRuleCommand({ Rule: "hourly" }))).Targets?.map((target) => target.Arn)).toEqual([fn.arn]);
    await advanceClock(second.daemon.endpoint, 60 * MINUTE);
    await fn.waitFor(1);
  });

  it("tags: given on creation, added and removed by ARN, kept by an update of the rule", async () => {
    const { events } = await setup();
    const { RuleArn } = await events.send(new PutRuleCommand({ Name: "tagged", EventPattern: '{"source":["a"]}', Tags: [{ Key: "team", Value: "a" }] }));
    await events.send(new TagResourceCommand({ ResourceARN: RuleArn, Tags: [{ Key: "stack", Value: "dev" }] }));
    await events.send(new UntagResourceCommand({ ResourceARN: RuleArn, TagKeys: ["team"] }));
    await events.send(new PutRuleCommand({ Name: "tagged", EventPattern: '{"source":["b"]}' }));
    expect((await events.send(new ListTagsForResourceCommand({ ResourceARN: RuleArn }))).Tags).toEqual([{ Key: "stack", Value: "dev" }]);
    expect((await events.send(new DescribeRuleCommand({ Name: "tagged" }))).EventPattern).toBe('{"source":["b"]}');
  });

  const rule = (input: Record<string, string>) => async (events: EventBridgeClient) => events.send(new PutRuleCommand({ Name: "r", ...input }));
  const refusals: Array<[string, (events: EventBridgeClient) => Promise<unknown>, string]> = [
    [
      "rule: a pattern with an unknown matcher",
      rule({ EventPattern: '{"source":[{"prefx":"a"}]}' }),
      'InvalidEventPatternException: Event pattern is not valid. Reason: Unrecognized match type prefx at "source"',
    ],
    ["rule: rate with a plural unit for 1", rule({ ScheduleExpression: "rate(1 minutes)" }), "ValidationException: Parameter ScheduleExpression is not valid."],
    ["rule: neither pattern nor schedule", rule({}), "ValidationException: Parameter(s) EventPattern or ScheduleExpression must be specified."],
    [
      "rule: a bus that does not exist",
      rule({ EventPattern: '{"source":["a"]}', EventBusName: "orders" }),
      "ResourceNotFoundException: Event bus orders does not exist.",
    ],
    [
      "rule: describing one that does not exist",
      (events) => events.send(new DescribeRuleCommand({ Name: "nope" })),
      "ResourceNotFoundException: Rule nope does not exist on EventBus default.",
    ],
    [
      "rule: deleting one that still has targets",
      async (events) => {
        await events.send(new PutRuleCommand({ Name: "kept", EventPattern: '{"source":["a"]}' }));
        await events.send(new PutTargetsCommand({ Rule: "kept", Targets: [{ Id: "t", Arn: "arn:aws:lambda:us-east-1:000000000000:function:f" }] }));
        return events.send(new DeleteRuleCommand({ Name: "kept" }));
      },
      "ValidationException: Rule can't be deleted since it has targets.",
    ],
  ];

  it.each(refusals)("%s", async (_name, call, message) => {
    const { events } = await setup();
    const error = await call(events).then(
      () => undefined,
      (caught: Error) => `${caught.name}: ${caught.message}`,
    );
    expect(error).toBe(message);
  });

  it("aws CLI: put-rule, put-targets and put-events reach the function", async () => {
    const { daemon, aws } = await setup();
    const fn = await recorder(aws, "cli-rule");
    const run = async (args: string[]) => {
      const result = await awsCli(daemon.endpoint, ["events", ...args]);
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout || "{}") as Record<string, unknown>;
    };
    const { RuleArn } = await run(["put-rule", "--name", "cli-rule", "--event-pattern", '{"detail-type":[{"prefix":"Order"}]}']);
    await fn.allow("events.amazonaws.com", RuleArn as string);
    await run(["put-targets", "--rule", "cli-rule", "--targets", `Id=fn,Arn=${fn.arn}`]);
    await run(["put-events", "--entries", JSON.stringify([{ Source: "cli", DetailType: "Order Shipped", Detail: '{"n":1}' }])]);
    const [event] = (await fn.waitFor(1)) as Array<EventBridgeEvent<string, { n: number }>>;
    expect([event!.source, event!["detail-type"], event!.detail]).toEqual(["cli", "Order Shipped", { n: 1 }]);
  });
});
