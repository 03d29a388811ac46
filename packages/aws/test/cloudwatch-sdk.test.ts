// cloudwatch.EventRule, rule.onEvent, cloudwatch.onSchedule and
// cloudwatch.EventTarget in a program: a pattern or schedule EventBridge
// would refuse is refused when the program loads (whole messages naming
// the rule and the key or field), and what a subscription makes (a
// function, a permission for events.amazonaws.com on this rule only, the
// target after it, no role policy beyond the function's own logs).
import { describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { UNKNOWN } from "../src/core/brand.js";
import { resolveValue, type ValueLookup } from "../src/core/output.js";
import { TYPES } from "../src/core/types.js";
import { declare, messageOf } from "./support/program.js";

const handler = async () => undefined;
const WHERE = 'packages/aws/test/cloudwatch-sdk.test.ts:N: aws:cloudwatch:EventRule "tick"';
const PATTERN_HINT =
  'hint: a pattern maps event fields to lists of values and matchers, e.g. { source: ["my.app"], detail: { total: [{ numeric: [">", 100] }] } }';
const SCHEDULE_HINT =
  'hint: e.g. "rate(5 minutes)", "rate(1 hour)" or "cron(0 12 * * ? *)" (minutes hours day-of-month month day-of-week year, UTC; ? in one of the two days)';

const REFUSALS: Array<[string, () => void, string]> = [
  [
    "rule: neither pattern nor schedule",
    () => new aws.cloudwatch.EventRule("tick", {}),
    `${WHERE}: an event rule needs an "eventPattern" or a "scheduleExpression"\nhint: e.g. scheduleExpression: "rate(5 minutes)", or eventPattern: { source: ["my.app"] }`,
  ],
  [
    "rule: an unknown matcher, naming the key",
    () => new aws.cloudwatch.EventRule("tick", { eventPattern: { detail: { state: [{ prefx: "a" }] } } }),
    `${WHERE}: EventBridge would refuse the event pattern: Unrecognized match type prefx at "detail.state"\n${PATTERN_HINT}`,
  ],
  [
    "schedule: a plural unit for 1, naming the field",
    () => aws.cloudwatch.onSchedule("tick", "rate(1 minutes)", handler),
    `${WHERE}: "scheduleExpression": the unit of rate(1 minutes) "minutes" must be singular for a value of 1: rate(1 minute)\n${SCHEDULE_HINT}`,
  ],
  [
    "schedule: neither rate nor cron",
    () => aws.cloudwatch.onSchedule("tick", "every 5 minutes", handler),
    `${WHERE}: "scheduleExpression": "every 5 minutes" is neither rate(value unit) nor cron(fields)\n${SCHEDULE_HINT}`,
  ],
  [
    "rule: a bad state",
    () => new aws.cloudwatch.EventRule("tick", { scheduleExpression: "rate(1 day)", state: "ON" as "ENABLED" }),
    `${WHERE}: "state" must be "ENABLED" or "DISABLED", got "ON"`,
  ],
  [
    "target: no rule",
    () => new aws.cloudwatch.EventTarget("t", { arn: "arn:aws:lambda:us-east-1:1:function:f" } as aws.cloudwatch.EventTargetArgs),
    'packages/aws/test/cloudwatch-sdk.test.ts:N: aws:cloudwatch:EventTarget "t": "rule" is required',
  ],
];

describe("cloudwatch refusals", () => {
  test.each(REFUSALS)("%s", (_name, build, message) => {
    expect(messageOf(build)).toBe(message);
  });
});

function nodesOf(build: () => void) {
  const program = declare(build);
  const node = (type: string, name: string) => program.nodes.find((n) => n.descriptor.type === type && n.descriptor.name === name)!;
  return { program, node };
}

const lookup: ValueLookup = {
  property: (_resource, key) => (key === "arn" ? "arn:aws:events:us-east-1:123456789012:rule/tick-1234567" : UNKNOWN),
  context: () => UNKNOWN,
};

describe("cloudwatch resources", () => {
  test("onSchedule: a rule, a function, a permission for EventBridge on this rule, the target after it", () => {
    const { program, node } = nodesOf(() => aws.cloudwatch.onSchedule("tick", "cron(0 12 * * ? *)", handler));
    expect(program.nodes.map((n) => `${n.descriptor.type} ${n.descriptor.name}`).sort()).toEqual([
      "aws:cloudwatch:EventRule tick",
      "aws:cloudwatch:EventTarget tick",
      "aws:iam:Role tick",
      "aws:iam:RolePolicy tick",
      "aws:lambda:Function tick",
      "aws:lambda:Permission tick",
    ]);
    expect(node(TYPES.eventRule, "tick").descriptor.inputs).toEqual({ scheduleExpression: "cron(0 12 * * ? *)", state: "ENABLED" });
    const permission = node(TYPES.permission, "tick").descriptor.inputs;
    expect([permission.principal, resolveValue(permission.sourceArn, lookup)]).toEqual([
      "events.amazonaws.com",
      "arn:aws:events:us-east-1:123456789012:rule/tick-1234567",
    ]);
    const target = node(TYPES.eventTarget, "tick");
    expect([...target.dependencies].sort()).toEqual([`${TYPES.eventRule}::tick`, `${TYPES.function}::tick`, `${TYPES.permission}::tick`]);
    expect(target.descriptor.inputs.targetId).toBe("tick");
  });

  test("rule: a pattern object becomes its JSON; get() reads a rule", () => {
    const { node } = nodesOf(() => {
      new aws.cloudwatch.EventRule("orders", { eventPattern: { source: ["shop"] }, description: "orders" }).onEvent("audit", handler);
      aws.cloudwatch.EventRule.get("old", "nightly");
    });
    expect(node(TYPES.eventRule, "orders").descriptor.inputs).toEqual({ description: "orders", eventPattern: '{"source":["shop"]}', state: "ENABLED" });
    expect([node(TYPES.eventRule, "old").descriptor.readId, node(TYPES.eventRule, "old").descriptor.inputs]).toEqual(["nightly", {}]);
  });
});
