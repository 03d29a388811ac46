// cloudwatch.LogGroup, onEvent / onDecodedEvent and
// cloudwatch.LogSubscriptionFilter in a program: arguments CloudWatch Logs
// would refuse are refused when the program loads (whole messages naming
// the group and the offending part of a filter pattern), a function on its
// own group is refused by the provider's plan-time check, and what a
// subscription makes (a function, a permission for logs.amazonaws.com on
// this group's `<arn>:*`, the filter after it, no role policy beyond the
// function's own logs).
import { describe, expect, test } from "vitest";
import * as aws from "../src/index.js";
import { UNKNOWN } from "../src/core/brand.js";
import { resolveValue, type ValueLookup } from "../src/core/output.js";
import { TYPES } from "../src/core/types.js";
import { logSubscriptionFilterProvider } from "../src/provider/log-subscription-filter.js";
import { declare, messageOf } from "./support/program.js";

const handler = async () => undefined;
const WHERE = 'packages/aws/test/cloudwatch-logs-sdk.test.ts:N: aws:cloudwatch:LogGroup "app"';
const FILTER = 'packages/aws/test/cloudwatch-logs-sdk.test.ts:N: aws:cloudwatch:LogSubscriptionFilter "f"';
const PATTERN_HINT =
  'hint: terms ("ERROR -healthcheck"), a quoted phrase ("\\"disk full\\""), or a JSON selector ("{ $.level = \\"ERROR\\" && $.latency > 100 }")';

const REFUSALS: Array<[string, () => void, string]> = [
  [
    "group: a retention CloudWatch does not offer",
    () => new aws.cloudwatch.LogGroup("app", { retentionInDays: 10 }),
    `${WHERE}: "retentionInDays" must be one of CloudWatch's periods, got 10\nhint: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653; leave it out to keep events forever`,
  ],
  [
    "group: a name with a space",
    () => new aws.cloudwatch.LogGroup("app", { name: "my logs" }),
    `${WHERE}: "name" may hold letters, digits, ".", "-", "_", "/" and "#" only (1 to 512 characters), got "my logs"`,
  ],
  [
    "group: an unknown class",
    () => new aws.cloudwatch.LogGroup("app", { logGroupClass: "COLD" as "STANDARD" }),
    `${WHERE}: "logGroupClass" must be one of STANDARD, INFREQUENT_ACCESS, DELIVERY, got "COLD"`,
  ],
  [
    "onEvent: a JSON pattern without its closing brace, naming the position",
    () => new aws.cloudwatch.LogGroup("app").onEvent("errors", handler, { filterPattern: '{ $.level = "ERROR"' }),
    `${WHERE}: onEvent "errors": CloudWatch Logs would refuse the filter pattern: Invalid JSON filter pattern { $.level = "ERROR": expected "}" at position 20, found the end\n${PATTERN_HINT}`,
  ],
  [
    "onDecodedEvent: an unmatched quote",
    () => new aws.cloudwatch.LogGroup("app").onDecodedEvent("errors", handler, { filterPattern: '"disk full' }),
    `${WHERE}: onDecodedEvent "errors": CloudWatch Logs would refuse the filter pattern: unmatched quote at position 1 of "disk full\n${PATTERN_HINT}`,
  ],
  [
    "onDecodedEvent: an existing function cannot decode",
    () => new aws.cloudwatch.LogGroup("app").onDecodedEvent("errors", aws.lambda.Function.get("fn", "existing") as never),
    `${WHERE}: onDecodedEvent "errors": the handler must be a closure: the decoding runs inside it\nhint: pass (event) => {...}, or use onEvent with a lambda.Function and decode event.awslogs.data there`,
  ],
  [
    "filter: no pattern",
    () =>
      new aws.cloudwatch.LogSubscriptionFilter("f", {
        logGroup: "app",
        destinationArn: "arn:aws:lambda:us-east-1:1:function:x",
      } as aws.cloudwatch.LogSubscriptionFilterArgs),
    `${FILTER}: "filterPattern" is required\nhint: "" sends every event`,
  ],
  [
    "filter: a space-delimited pattern with an empty field",
    () => new aws.cloudwatch.LogSubscriptionFilter("f", { logGroup: "app", destinationArn: "arn:aws:lambda:us-east-1:1:function:x", filterPattern: "[a,,b]" }),
    `${FILTER}: CloudWatch Logs would refuse the filter pattern: Invalid space-delimited filter pattern [a,,b]: a field name is missing between commas\n${PATTERN_HINT}`,
  ],
  [
    "filter: a name with a colon",
    () => new aws.cloudwatch.LogSubscriptionFilter("f", { logGroup: "app", destinationArn: "x", filterPattern: "", name: "a:b" }),
    `${FILTER}: "name" may not hold ":" or "*" (at most 512 characters), got "a:b"`,
  ],
];

describe("cloudwatch logs refusals", () => {
  test.each(REFUSALS)("%s", (_name, build, message) => {
    expect(messageOf(build)).toBe(message);
  });

  test("filter: a function on its own group is refused by the plan-time check, another group is fine", () => {
    const inputs = (logGroup: string) => ({ logGroup, destinationArn: "arn:aws:lambda:us-east-1:123456789012:function:worker-1234567", filterPattern: "" });
    expect(logSubscriptionFilterProvider.check!(inputs("/aws/lambda/worker-1234567"))).toEqual({
      problem:
        "a function cannot subscribe to its own log group: /aws/lambda/worker-1234567 is the log group of the destination function worker-1234567 (AWS refuses it: each delivery would write lines that are delivered again)",
      hint: "subscribe another function to this group, or this function to another group",
    });
    expect([
      logSubscriptionFilterProvider.check!(inputs("/aws/lambda/other")),
      logSubscriptionFilterProvider.check!({ ...inputs("/aws/lambda/x"), destinationArn: UNKNOWN }),
    ]).toEqual([undefined, undefined]);
  });
});

const lookup: ValueLookup = {
  property: (_resource, key) => (key === "arn" ? "arn:aws:logs:us-east-1:123456789012:log-group:app-1234567" : key === "name" ? "app-1234567" : UNKNOWN),
  context: () => UNKNOWN,
};

describe("cloudwatch logs resources", () => {
  test("onDecodedEvent: a function, a permission for CloudWatch Logs on <group arn>:*, the filter after it; no policy beyond logs", () => {
    const program = declare(() => new aws.cloudwatch.LogGroup("app", { retentionInDays: 7 }).onDecodedEvent("errors", handler, { filterPattern: "ERROR" }));
    const node = (type: string, name: string) => program.nodes.find((n) => n.descriptor.type === type && n.descriptor.name === name)!;
    expect(program.nodes.map((n) => `${n.descriptor.type} ${n.descriptor.name}`).sort()).toEqual([
      "aws:cloudwatch:LogGroup app",
      "aws:cloudwatch:LogSubscriptionFilter errors",
      "aws:iam:Role errors",
      "aws:iam:RolePolicy errors",
      "aws:lambda:Function errors",
      "aws:lambda:Permission errors",
    ]);
    expect(node(TYPES.logGroup, "app").descriptor.inputs).toEqual({ retentionInDays: 7 });
    const permission = node(TYPES.permission, "errors").descriptor.inputs;
    expect([permission.principal, resolveValue(permission.sourceArn, lookup)]).toEqual([
      "logs.amazonaws.com",
      "arn:aws:logs:us-east-1:123456789012:log-group:app-1234567:*",
    ]);
    const filter = node(TYPES.logSubscriptionFilter, "errors");
    expect([resolveValue(filter.descriptor.inputs.logGroup, lookup), filter.descriptor.inputs.filterPattern]).toEqual(["app-1234567", "ERROR"]);
    expect([...filter.dependencies].sort()).toEqual([`${TYPES.logGroup}::app`, `${TYPES.function}::errors`, `${TYPES.permission}::errors`]);
  });

  test("get: a function's own group by name; onEvent with an existing function", () => {
    const program = declare(() =>
      aws.cloudwatch.LogGroup.get("workerLogs", "/aws/lambda/worker").onEvent("ship", aws.lambda.Function.get("shipper", "shipper")),
    );
    const group = program.nodes.find((n) => n.descriptor.type === TYPES.logGroup)!;
    expect([group.descriptor.readId, group.descriptor.inputs]).toEqual(["/aws/lambda/worker", {}]);
    expect(program.nodes.map((n) => `${n.descriptor.type} ${n.descriptor.name}`).sort()).toEqual([
      "aws:cloudwatch:LogGroup workerLogs",
      "aws:cloudwatch:LogSubscriptionFilter ship",
      "aws:lambda:Function shipper",
      "aws:lambda:Permission ship",
    ]);
  });
});
